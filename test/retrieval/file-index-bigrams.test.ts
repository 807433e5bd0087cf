// The wording signal's bigram counts (wording.ts) are stored beside the chunks at ingestion
// (bigrams.f64), so that opening an index does not count them again; an index written before they
// were stored, or with counts of other chunks, is counted on opening, with the same result.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { BIGRAM_COUNTS_VERSION } from '../../src/retrieval/node/bigram-counts.ts';
import { FileIndex } from '../../src/retrieval/node/file-index.ts';
import { bigramKey } from '../../src/retrieval/wording.ts';
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

  it('reads the stored counts rather than counting (a count written in the file is the one reported)', async () => {
    const expected = await (await FileIndex.open(dir, new HashedNgramEmbedder())).wordingStats(TERMS);
    const edited = join(tempDir(), 'edited');
    cpSync(dir, edited, { recursive: true });
    const floats = new Float64Array(new Uint8Array(readFileSync(join(dir, 'bigrams.f64'))).buffer);
    const key = bigramKey('旅費');
    let found = false;
    for (let i = 4; i < floats.length; i += 2) if (floats[i] === key) [floats[i + 1], found] = [1, true];
    expect(found).toBe(true);
    expect(expected.df['旅費']).toBeGreaterThan(1);
    writeFileSync(join(edited, 'bigrams.f64'), new Uint8Array(floats.buffer));
    expect((await (await FileIndex.open(edited, new HashedNgramEmbedder())).wordingStats(['旅費'])).df['旅費']).toBe(1);
    // Another version's counts are counted again.
    floats[0] = BIGRAM_COUNTS_VERSION + 1;
    writeFileSync(join(edited, 'bigrams.f64'), new Uint8Array(floats.buffer));
    expect((await (await FileIndex.open(edited, new HashedNgramEmbedder())).wordingStats(['旅費'])).df['旅費']).toBe(expected.df['旅費']);
  });

  it('counts on opening when the stored counts are damaged or of another set of chunks', async () => {
    const expected = await (await FileIndex.open(dir, new HashedNgramEmbedder())).wordingStats(TERMS);
    const other = join(tempDir(), 'other');
    cpSync(dir, other, { recursive: true });
    // Counts of one chunk only (a header saying 1), then a truncated file.
    const one = new Float64Array([BIGRAM_COUNTS_VERSION, 1, 10, 0, 0, 0]);
    writeFileSync(join(other, 'bigrams.f64'), new Uint8Array(one.buffer));
    expect(await (await FileIndex.open(other, new HashedNgramEmbedder())).wordingStats(TERMS)).toEqual(expected);
    writeFileSync(join(other, 'bigrams.f64'), new Uint8Array([1, 2, 3]));
    expect(await (await FileIndex.open(other, new HashedNgramEmbedder())).wordingStats(TERMS)).toEqual(expected);
  });
});
