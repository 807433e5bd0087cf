// npm run ingest -- --target cloudflare: the D1 SQL and Vectorize vectors, built with the built-in
// embeddings or — with WORKERS_AI_EMBEDDINGS_MODEL — with the Worker's own embedding model through
// Cloudflare's REST API (a local stand-in here: there is no network, and it follows the API's shape).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const requests: Array<{ url: string; auth: string; texts: number }> = [];
let server: Server;
let baseURL = '';
let failNext = 0;

beforeAll(async () => {
  const bge = new HashedNgramEmbedder(1024);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(429, { 'retry-after': '0' }).end('{}');
        return;
      }
      const { text } = JSON.parse(body) as { text: string[] };
      requests.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', texts: text.length });
      if (req.headers.authorization !== 'Bearer tok') {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ success: false, errors: [{ message: 'Authentication error' }] }));
        return;
      }
      const data = await bge.embed(text);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, result: { shape: [text.length, 1024], data } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

async function ingest(extraEnv: Record<string, string>) {
  const dataDir = tempDir();
  const env = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1', CLOUDFLARE_API_TOKEN: '', WORKERS_AI_EMBEDDINGS_MODEL: '', ...extraEnv };
  const args = [join(root, 'scripts/ingest.ts'), '--source', join(FIXTURES, 'mini'), '--target', 'cloudflare', '--prepare-only'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { env, cwd: root });
    return { code: 0, stdout, stderr, dataDir };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr, dataDir };
  }
}

const vectors = (dataDir: string) =>
  readFileSync(join(dataDir, 'cloudflare/vectors.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; values: number[]; metadata: Record<string, string> });

describe('npm run ingest -- --target cloudflare', () => {
  it('prepares the D1 SQL and 512-dimension vectors with the built-in embeddings', async () => {
    const r = await ingest({});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--dimensions=512');
    expect(r.stdout).toContain('wrangler vectorize upsert seabis-helpchat');
    const v = vectors(r.dataDir);
    expect(v.length).toBeGreaterThan(5);
    expect(v.every((x) => x.values.length === 512 && /^[0-9a-f]+$/.test(x.id) && typeof x.metadata.source === 'string')).toBe(true);
    expect(readFileSync(join(r.dataDir, 'cloudflare/d1-index.sql'), 'utf8')).toContain("'hashed-ngram");
  });

  it('embeds the corpus with the Worker’s model through the REST API, in batches, retrying on 429', async () => {
    requests.length = 0;
    failNext = 1;
    const r = await ingest({ WORKERS_AI_EMBEDDINGS_MODEL: '@cf/baai/bge-m3', CLOUDFLARE_ACCOUNT_ID: 'acc', CLOUDFLARE_API_TOKEN: 'tok', CLOUDFLARE_API_BASE_URL: baseURL });
    expect(r.stderr).not.toMatch(/fail|refused/i);
    expect(r.code).toBe(0);
    expect(failNext).toBe(0); // the 429 was retried
    expect(r.stdout).toContain('--dimensions=1024');
    expect(requests.every((q) => q.url === '/accounts/acc/ai/run/@cf/baai/bge-m3' && q.auth === 'Bearer tok' && q.texts <= 50)).toBe(true);
    const v = vectors(r.dataDir);
    expect(v.every((x) => x.values.length === 1024)).toBe(true);
    expect(requests.reduce((s, q) => s + q.texts, 0)).toBe(v.length + 1); // every chunk, plus the probe
    expect(readFileSync(join(r.dataDir, 'cloudflare/d1-index.sql'), 'utf8')).toContain("'workers-ai:@cf/baai/bge-m3'");
  });

  it('says what to set when the credentials are missing or refused', async () => {
    const missing = await ingest({ WORKERS_AI_EMBEDDINGS_MODEL: '@cf/baai/bge-m3' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN');
    const refused = await ingest({ WORKERS_AI_EMBEDDINGS_MODEL: '@cf/baai/bge-m3', CLOUDFLARE_ACCOUNT_ID: 'acc', CLOUDFLARE_API_TOKEN: 'wrong', CLOUDFLARE_API_BASE_URL: baseURL });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Authentication error');
  });
});
