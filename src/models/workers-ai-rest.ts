// Workers AI embeddings through Cloudflare's REST API, for ingestion outside a Worker: the corpus
// is embedded with the same model (and the same id) the Worker uses for questions, so the vectors
// uploaded to Vectorize and the Worker's query vectors live in one space.
import { type Embedder, l2normalize } from '../retrieval/embeddings/embedder.ts';

export interface WorkersAiRestSettings {
  accountId: string;
  apiToken: string;
  /** e.g. @cf/baai/bge-m3 */
  model: string;
  /** Defaults to https://api.cloudflare.com/client/v4 */
  baseURL?: string;
  /** Texts per request. */
  batchSize?: number;
  fetch?: typeof fetch;
}

const RETRIES = 4;

export class WorkersAiRestEmbedder implements Embedder {
  readonly id: string;
  dims = 0;
  private readonly s: Required<Omit<WorkersAiRestSettings, 'fetch'>> & { fetch: typeof fetch };

  constructor(s: WorkersAiRestSettings) {
    this.s = { baseURL: 'https://api.cloudflare.com/client/v4', batchSize: 50, fetch: globalThis.fetch, ...s };
    // The same id as the Worker's embedder for this model (src/models/workers.ts).
    this.id = `workers-ai:${s.model}`;
  }

  /** Embeds one probe text to learn the model's dimensions (and check the credentials). */
  async probe(): Promise<this> {
    const [v] = await this.embed(['次元数の確認']);
    this.dims = v?.length ?? 0;
    return this;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.s.batchSize) out.push(...(await this.batch(texts.slice(i, i + this.s.batchSize))));
    return out;
  }

  private async batch(texts: string[]): Promise<number[][]> {
    const url = `${this.s.baseURL.replace(/\/$/, '')}/accounts/${encodeURIComponent(this.s.accountId)}/ai/run/${this.s.model}`;
    for (let attempt = 0; ; attempt++) {
      const res = await this.s.fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.s.apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: texts }),
      });
      if ((res.status === 429 || res.status >= 500) && attempt < RETRIES) {
        const wait = Number(res.headers.get('retry-after')) * 1000 || 500 * 2 ** attempt;
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      const body = (await res.json().catch(() => null)) as { success?: boolean; result?: { data?: number[][] }; errors?: Array<{ message?: string }> } | null;
      if (!res.ok || !body?.success || !Array.isArray(body.result?.data)) {
        const why = body?.errors?.map((e) => e.message).join('; ') || `HTTP ${res.status}`;
        throw new Error(`Workers AI (${this.s.model}) refused the embeddings request: ${why}. Check CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN (Workers AI read permission) and WORKERS_AI_EMBEDDINGS_MODEL.`);
      }
      if (body.result.data.length !== texts.length) throw new Error(`Workers AI (${this.s.model}) returned ${body.result.data.length} vectors for ${texts.length} texts.`);
      return body.result.data.map((v) => l2normalize(v));
    }
  }
}
