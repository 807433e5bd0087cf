// The phrasing signal of retrieval: BM25 over character bigrams of every script (phraseTerms), for
// the best candidate passages only. The index keeps how many chunks hold each bigram (PhraseStats);
// a candidate's bigrams are counted from its text when it is scored, so that neither index stores
// per-chunk postings for them. Measured as a fusion feature before it was built (`npm run eval`,
// `npm run eval:seeds -- --loo`): see RetrievalOptions.phraseWeight.
import type { Chunk } from '../ingest/types.ts';
import { normalizeText } from '../text/normalize.ts';
import { phraseTerms } from '../text/tokenize.ts';
import { DEFAULT_BM25, bm25Idf, bm25Term } from './bm25.ts';
import { indexedText } from './searched-text.ts';

export interface PhraseStats {
  /** Chunks holding each asked bigram (0 when none). */
  df: Record<string, number>;
  docCount: number;
  /** Mean number of bigrams per chunk. */
  avgLength: number;
}

function count(text: string): { tf: ReadonlyMap<string, number>; length: number } {
  const terms = phraseTerms(text);
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: terms.length };
}

/** The distinct bigrams a chunk adds to the statistics, and how many it has in all. */
export function chunkPhrases(chunk: Chunk): { terms: string[]; length: number } {
  const c = count(indexedText(chunk));
  return { terms: [...c.tf.keys()], length: c.length };
}

/** A separator between runs, as phraseTerms splits them. */
const SEPARATOR = /[\s\p{P}\p{S}]/u;
/** Code points above U+10FFFF do not exist: a bigram is a number below 2^53. */
const PLANE = 0x110000;

/**
 * The counts of some bigrams in a text, and its number of bigrams, in one pass without building
 * strings (a candidate is scored for every question that retrieves it): the same bigrams as
 * phraseTerms, a lone character standing for a one-character run.
 */
function countAsked(text: string, asked: ReadonlyMap<number, string>): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  let prev = -1;
  let runLength = 0;
  const close = () => {
    if (runLength === 1) {
      length++;
      const t = asked.get(prev);
      if (t !== undefined) tf.set(t, (tf.get(t) ?? 0) + 1);
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
      const t = asked.get(prev * PLANE + cp);
      if (t !== undefined) tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    prev = cp;
    runLength++;
  }
  close();
  return { tf, length };
}

/** A bigram (or lone character) as the number countAsked reads. */
function keyOf(term: string): number {
  const cps = [...term].map((c) => c.codePointAt(0)!);
  return cps.length === 1 ? cps[0]! : cps[0]! * PLANE + cps[1]!;
}

/** Each chunk's BM25 score over the question's bigrams, divided by the best among them (0–1). */
export function phraseScores(question: string, chunks: Chunk[], stats: PhraseStats): Map<string, number> {
  const query = new Map<string, number>();
  for (const t of phraseTerms(question)) query.set(t, (query.get(t) ?? 0) + 1);
  const asked = new Map([...query.keys()].map((t) => [keyOf(t), t]));
  const n = Math.max(1, stats.docCount);
  const avg = Math.max(1, stats.avgLength);
  const raw = new Map<string, number>();
  let top = 0;
  for (const chunk of chunks) {
    const { tf, length } = countAsked(indexedText(chunk), asked);
    let s = 0;
    for (const [term, f] of tf) s += (query.get(term) ?? 0) * bm25Term(bm25Idf(n, stats.df[term] ?? 0), f, length, avg, DEFAULT_BM25);
    raw.set(chunk.id, s);
    top = Math.max(top, s);
  }
  return new Map([...raw].map(([id, s]) => [id, top > 0 ? s / top : 0]));
}

/** The distinct bigrams of a question, whose statistics the index is asked for. */
export function questionPhrases(question: string): string[] {
  return [...new Set(phraseTerms(question))];
}
