// Dense search of the Node index: the built-in hashed embeddings are searched exactly over the
// stored vectors (no HNSW graph is built for them); other embeddings go through the HNSW graph.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import type { Embedder } from '../../src/retrieval/embeddings/embedder.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { FileIndex, HNSW_EF, IndexError, readContents } from '../../src/retrieval/node/file-index.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

/** The hashed vectors under another id, without exact search: stands in for a model's embeddings. */
const modelLike = (): Embedder => {
  const inner = new HashedNgramEmbedder();
  return { id: 'model-like-512', dims: inner.dims, embed: (t) => inner.embed(t) };
};

async function build(embedder: Embedder): Promise<string> {
  const dir = join(tempDir(), 'index');
  await ingest({ sourceDir: join(FIXTURES, 'mini'), indexDir: dir, embedder });
  return dir;
}

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

let exactDir: string;
let graphDir: string;
beforeAll(async () => {
  exactDir = await build(new HashedNgramEmbedder());
  graphDir = await build(modelLike());
});

describe('FileIndex dense search', () => {
  it('searches the built-in embeddings exactly, without a graph, and others through HNSW', async () => {
    expect(existsSync(join(exactDir, 'hnsw'))).toBe(false);
    expect(existsSync(join(graphDir, 'hnsw', 'hnswlib.index'))).toBe(true);
    expect((await FileIndex.open(exactDir, new HashedNgramEmbedder())).denseMethod).toBe('exact');
    expect((await FileIndex.open(graphDir, modelLike())).denseMethod).toBe('hnsw');
  });

  it('ranks every chunk by cosine similarity to the question, as a full comparison does', async () => {
    const embedder = new HashedNgramEmbedder();
    const index = await FileIndex.open(exactDir, embedder);
    const { chunks, vectors } = await readContents(exactDir);
    const [q] = await embedder.embed(['領収書をなくした場合の手続き']);
    const want = chunks.map((c, i) => ({ id: c.id, score: cosine(q!, vectors[i]!) })).sort((a, b) => b.score - a.score);
    const got = await index.dense(q!, chunks.length);
    expect(got).toHaveLength(chunks.length);
    got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 5));
    expect(got.slice(0, 5).map((h) => h.id)).toEqual(want.slice(0, 5).map((h) => h.id));
    // On a corpus this small the graph finds the same nearest chunks.
    const graph = await FileIndex.open(graphDir, modelLike());
    expect((await graph.dense(q!, 5)).map((h) => h.id)).toEqual(want.slice(0, 5).map((h) => h.id));
  });

  it('labels graph points by chunk position and searches with the ef chosen by measurement, also in a graph made at run time', async () => {
    const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
    const store = await HNSWLib.load(join(graphDir, 'hnsw'), { embedDocuments: async () => [], embedQuery: async () => [] });
    const { chunks, vectors } = await readContents(graphDir);
    expect(store.index.getCurrentCount()).toBe(chunks.length);
    // Labels are positions: each point's stored vector is its chunk's, in order.
    chunks.forEach((_, i) => expect(cosine(store.index.getPoint(i), vectors[i]!)).toBeCloseTo(1, 5));
    const index = await FileIndex.open(graphDir, modelLike());
    expect(index.hnswEf).toBe(HNSW_EF);
    // A graph made for the run-time additions of an index that had none gets the same settings.
    const empty = join(tempDir(), 'empty');
    await ingest({ sourceDir: tempDir(), indexDir: empty, embedder: modelLike() });
    const fresh = await FileIndex.open(empty, modelLike());
    const chunk: Chunk = { id: 'x1', source: 'faq-entries/x.md', title: 'FAQ', kind: 'faq', section: '新幹線', page: null, text: '新幹線の指定席', effectiveFrom: null, effectiveTo: null, ordinal: 0 };
    await fresh.upsert([chunk]);
    expect(fresh.hnswEf).toBe(HNSW_EF);
  });

  it('finds chunks added at run time in both kinds of index', async () => {
    const chunk: Chunk = {
      id: 'faq-live-1', source: 'faq-entries/1.md', title: 'FAQ', kind: 'faq', section: '潜水艦の乗船手当',
      page: null, text: '潜水艦に乗船する出張の手当は特別に定めます。', effectiveFrom: null, effectiveTo: null, ordinal: 0,
    };
    for (const [dir, embedder] of [[exactDir, new HashedNgramEmbedder()], [graphDir, modelLike()]] as const) {
      const index = await FileIndex.open(dir, embedder);
      await index.upsert([chunk]);
      const [q] = await embedder.embed(['潜水艦の乗船手当']);
      expect((await index.dense(q!, 1))[0]?.id).toBe('faq-live-1');
    }
  });

  it('refuses vectors that do not match the chunks, naming the rebuild', async () => {
    const dir = await build(new HashedNgramEmbedder());
    writeFileSync(join(dir, 'vectors.f32'), new Uint8Array(12));
    await expect(FileIndex.open(dir, new HashedNgramEmbedder())).rejects.toThrow(IndexError);
    await expect(FileIndex.open(dir, new HashedNgramEmbedder())).rejects.toThrow(/vectors\.f32.*--rebuild/s);
  });
});
