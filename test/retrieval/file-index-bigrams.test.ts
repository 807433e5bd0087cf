// The wording signal's bigram counts (wording.ts) are stored beside the chunks at ingestion
// (bigrams.f64), so that opening an index does not count them again; an index written before they
// were stored, or with counts of other chunks, is counted on opening, with the same result.
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { FileIndex } from '../../src/retrieval/node/file-index.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const TERMS = ['領収', '旅費', '出張', 'い', 'zz'];
let dir: string;
beforeAll(async () => {
  dir = join(tempDir(), 'index');
  await ingest({ sourceDir: join(FIXTURES, 'mini'), indexDir: dir, embedder: new HashedNgramEmbedder() });
});

describe('FileIndex bigram counts', () => {
  it('stores them at ingestion and reads the same statistics as counting the chunks on opening', async () => {
    expect(existsSync(join(dir, 'bigrams.f64'))).toBe(true);
    const stored = await (await FileIndex.open(dir, new HashedNgramEmbedder())).wordingStats(TERMS);
    const counted = join(tempDir(), 'counted');
    cpSync(dir, counted, { recursive: true });
    rmSync(join(counted, 'bigrams.f64'));
    const recount = await (await FileIndex.open(counted, new HashedNgramEmbedder())).wordingStats(TERMS);
    expect(stored).toEqual(recount);
    expect(stored.docCount).toBeGreaterThan(0);
    expect(stored.df['旅費']).toBeGreaterThan(0);
    expect(stored.df.zz).toBe(0);
  });

  it('counts on opening when the stored counts are damaged or of another set of chunks', async () => {
    const expected = await (await FileIndex.open(dir, new HashedNgramEmbedder())).wordingStats(TERMS);
    const other = join(tempDir(), 'other');
    cpSync(dir, other, { recursive: true });
    // Counts of one chunk only (a header saying 1), then a truncated file.
    const one = new Float64Array([1, 10, 0, 0]);
    writeFileSync(join(other, 'bigrams.f64'), new Uint8Array(one.buffer));
    expect(await (await FileIndex.open(other, new HashedNgramEmbedder())).wordingStats(TERMS)).toEqual(expected);
    writeFileSync(join(other, 'bigrams.f64'), new Uint8Array([1, 2, 3]));
    expect(await (await FileIndex.open(other, new HashedNgramEmbedder())).wordingStats(TERMS)).toEqual(expected);
  });
});
