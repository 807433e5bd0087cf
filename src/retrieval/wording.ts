// The wording signal of retrieval (how the question is worded, particles and endings included; not
// the heading's `phrasing` feature): BM25 over character bigrams of every script (charBigramTerms), for
// the best candidate passages only. The index keeps how many chunks hold each bigram (WordingStats);
// a candidate's bigrams are counted from its text when it is scored, so that neither index stores
// per-chunk postings for them. Bigrams are read as numbers in one pass (scanBigrams), the same
// bigrams charBigramTerms gives as strings. See RetrievalOptions.wordingWeight for what it measured.
import type { Chunk } from '../ingest/types.ts';
import { memoizeText } from '../lib/memo.ts';
import { normalizeText } from '../text/normalize.ts';
import { charBigramTerms } from '../text/tokenize.ts';
import { DEFAULT_BM25, bm25Idf, bm25Term } from './bm25.ts';
import { indexedText } from './searched-text.ts';

export interface WordingStats {
  /** Chunks holding each asked bigram (0 when none). */
  df: Record<string, number>;
  docCount: number;
  /** Mean number of bigrams per chunk (0 when the index has no statistics: the signal is then left out). */
  avgLength: number;
}

/** A separator between runs, as charBigramTerms splits them. */
const SEPARATOR = /[\s\p{P}\p{S}]/u;
/** One more than the largest code point: a bigram (a, b) is (a + 1) · PLANE + b, above every lone character's number. */
const PLANE = 0x110000;

/** The number scanBigrams reads for a bigram or a lone character (as charBigramTerms writes them). */
export function bigramKey(term: string): number {
  const cps = [...term].map((c) => c.codePointAt(0)!);
  return cps.length === 1 ? cps[0]! : (cps[0]! + 1) * PLANE + cps[1]!;
}

/**
 * Visits the bigrams of a text as charBigramTerms reads them (a lone character for a one-character
 * run), as numbers, without building strings; returns how many there are.
 */
export function scanBigrams(text: string, visit: (key: number) => void): number {
  let length = 0;
  let prev = -1;
  let runLength = 0;
  const close = () => {
    if (runLength === 1) {
      length++;
      visit(prev);
    }
    runLength = 0;
    prev = -1;
  };
  for (const ch of normalizeText(text).normalize('NFKC').toLowerCase()) {
    if (SEPARATOR.test(ch)) {
      close();
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (prev >= 0) {
      length++;
      visit((prev + 1) * PLANE + cp);
    }
    prev = cp;
    runLength++;
  }
  close();
  return length;
}

/** The distinct bigrams a chunk adds to the statistics (as numbers), and how many it has in all. */
export function chunkBigramKeys(chunk: Chunk): { keys: Set<number>; length: number } {
  const keys = new Set<number>();
  const length = scanBigrams(indexedText(chunk), (k) => keys.add(k));
  return { keys, length };
}

/** The same as strings, for the statistics stored in SQL (Workers). */
export function chunkBigrams(chunk: Chunk): { terms: string[]; length: number } {
  const all = charBigramTerms(indexedText(chunk));
  return { terms: [...new Set(all)], length: all.length };
}

/**
 * How often each bigram occurs in a text, and how many bigrams it has in all: counted once per
 * passage text and kept (the same candidates come back question after question), so that scoring a
 * candidate looks its counts up instead of reading its text again.
 */
const bigramCounts = memoizeText(
  (text: string): { counts: ReadonlyMap<number, number>; length: number } => {
    const counts = new Map<number, number>();
    const length = scanBigrams(text, (k) => counts.set(k, (counts.get(k) ?? 0) + 1));
    return { counts, length };
  },
  // A few thousand passages: each map holds a few hundred numbers.
  { size: 2_000, maxLength: 20_000 },
);

/** Each chunk's BM25 score over the question's bigrams, divided by the best among them (0–1). */
export function wordingScores(question: string, chunks: Chunk[], stats: WordingStats): Map<string, number> {
  const query = new Map<number, { term: string; weight: number }>();
  for (const t of charBigramTerms(question)) {
    const k = bigramKey(t);
    const q = query.get(k);
    if (q) q.weight++;
    else query.set(k, { term: t, weight: 1 });
  }
  const n = Math.max(1, stats.docCount);
  const avg = Math.max(1, stats.avgLength);
  const raw = new Map<string, number>();
  let top = 0;
  for (const chunk of chunks) {
    const { counts, length } = bigramCounts(indexedText(chunk));
    let s = 0;
    for (const [k, q] of query) {
      const f = counts.get(k);
      if (f) s += q.weight * bm25Term(bm25Idf(n, stats.df[q.term] ?? 0), f, length, avg, DEFAULT_BM25);
    }
    raw.set(chunk.id, s);
    top = Math.max(top, s);
  }
  return new Map([...raw].map(([id, s]) => [id, top > 0 ? s / top : 0]));
}

/** The distinct bigrams of a question, whose statistics the index is asked for. */
export function questionBigrams(question: string): string[] {
  return [...new Set(charBigramTerms(question))];
}
