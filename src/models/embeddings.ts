// Embedding models: the built-in hashed embedder, or an OpenAI-compatible endpoint through the
// ai SDK. The id records the model so an index built with another one is rebuilt, not mixed.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { embedMany } from 'ai';
import type { Config } from '../config.ts';
import { type Embedder, l2normalize } from '../retrieval/embeddings/embedder.ts';
import { HashedNgramEmbedder } from '../retrieval/embeddings/hashed.ts';

class RemoteEmbedder implements Embedder {
  readonly id: string;
  dims: number;
  private readonly model;

  constructor(settings: NonNullable<Config['embeddings']>, dims: number) {
    const provider = createOpenAICompatible({ name: 'embeddings', baseURL: settings.baseURL, apiKey: settings.apiKey });
    this.model = provider.embeddingModel(settings.model);
    this.id = `openai-compatible:${settings.model}@${settings.baseURL}`;
    this.dims = dims;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const { embeddings } = await embedMany({ model: this.model, values: texts, maxRetries: 2 });
    return embeddings.map((v) => l2normalize(v));
  }
}

/** The configured embedder; a remote one is probed once to learn its dimensions. */
export async function createEmbedder(config: Pick<Config, 'embeddings'>): Promise<Embedder> {
  if (!config.embeddings) return new HashedNgramEmbedder();
  const probe = new RemoteEmbedder(config.embeddings, 0);
  const [v] = await probe.embed(['次元数の確認']).catch((e: Error) => {
    throw new Error(`The embeddings endpoint ${config.embeddings?.baseURL} did not answer (${e.message}). Check EMBEDDINGS_BASE_URL, EMBEDDINGS_MODEL and EMBEDDINGS_API_KEY.`);
  });
  probe.dims = v?.length ?? 0;
  return probe;
}
