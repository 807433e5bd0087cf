// The wording signal's statistics for the Node index (wording.ts): how many chunks hold each
// character bigram, counted from the chunks, and stored beside them at ingestion (bigrams.f64) so
// that opening the index need not count them again.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk } from '../../ingest/types.ts';
import { chunkBigramKeys } from '../wording.ts';

/** The file beside the chunks that holds the counts. */
export const BIGRAM_COUNTS_FILE = 'bigrams.f64';

/** How many chunks hold each character bigram (by its number, wording.ts), with the chunks' count and their bigrams' total. */
export interface BigramCounts {
  df: Map<number, number>;
  chunks: number;
  length: number;
}

export function countBigrams(chunks: Iterable<Chunk>, into: BigramCounts = { df: new Map(), chunks: 0, length: 0 }): BigramCounts {
  for (const c of chunks) {
    const { keys, length } = chunkBigramKeys(c);
    for (const k of keys) into.df.set(k, (into.df.get(k) ?? 0) + 1);
    into.chunks++;
    into.length += length;
  }
  return into;
}

/**
 * The version of the way bigrams are read (wording.ts scanBigrams, bigramKey, searched-text.ts):
 * stored counts of another version are counted again on opening. Raise it with any change there.
 */
export const BIGRAM_COUNTS_VERSION = 1;

/**
 * The bigram counts as stored beside the chunks (bigrams.f64): the version, the chunks' count, the
 * bigrams' total, then each bigram's number and count, as 64-bit floats (a bigram's number needs 41
 * bits). Counting them when the index opened took 4 s of 22.6 s at 100,000 chunks.
 */
export function encodeBigramCounts(counts: BigramCounts): Uint8Array {
  const out = new Float64Array(4 + 2 * counts.df.size);
  out[0] = BIGRAM_COUNTS_VERSION;
  out[1] = counts.chunks;
  out[2] = counts.length;
  let i = 4;
  for (const [k, n] of counts.df) {
    out[i++] = k;
    out[i++] = n;
  }
  return new Uint8Array(out.buffer);
}

/**
 * The stored counts when they are there, of this version and of `chunkCount` chunks, with sound
 * values; else null (an index written before they were stored, or by another version): counted.
 */
export async function readBigramCounts(dir: string, chunkCount: number): Promise<BigramCounts | null> {
  const path = join(dir, BIGRAM_COUNTS_FILE);
  if (!existsSync(path)) return null;
  const buf = await readFile(path);
  if (buf.byteLength < 32 || buf.byteLength % 16 !== 0) return null;
  const floats = new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (floats[0] !== BIGRAM_COUNTS_VERSION || floats[1] !== chunkCount || !(floats[2]! >= 0)) return null;
  const df = new Map<number, number>();
  for (let i = 4; i < floats.length; i += 2) {
    const n = floats[i + 1]!;
    if (!Number.isInteger(n) || n < 1 || n > chunkCount) return null;
    df.set(floats[i]!, n);
  }
  return { df, chunks: floats[1]!, length: floats[2]! };
}
