// The phrasing signal of retrieval: BM25 over character bigrams of every script (phraseTerms), for
// the candidate passages only. The index keeps how many chunks hold each bigram (PhraseStats); a
// candidate's bigrams are counted from its text when it is scored, so that neither index stores
// per-chunk postings for them. Measured as a fusion feature before it was built (`npm run eval`,
// `npm run eval:seeds -- --loo`): see RetrievalOptions.phraseWeight.
import type { Chunk } from '../ingest/types.ts';
import { memoizeText } from '../lib/memo.ts';
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

/** A candidate's bigram counts and total, as searched (title, section, text): the recent ones are kept. */
const counted = memoizeText(count, { size: 2_000, maxLength: 50_000 });

/** The distinct bigrams a chunk adds to the statistics, and how many it has in all (not cached: every chunk passes once). */
export function chunkPhrases(chunk: Chunk): { terms: string[]; length: number } {
  const c = count(indexedText(chunk));
  return { terms: [...c.tf.keys()], length: c.length };
}

/** Each chunk's BM25 score over the question's bigrams, divided by the best among them (0–1). */
export function phraseScores(question: string, chunks: Chunk[], stats: PhraseStats): Map<string, number> {
  const query = new Map<string, number>();
  for (const t of phraseTerms(question)) query.set(t, (query.get(t) ?? 0) + 1);
  const n = Math.max(1, stats.docCount);
  const avg = Math.max(1, stats.avgLength);
  const raw = new Map<string, number>();
  let top = 0;
  for (const chunk of chunks) {
    const { tf, length } = counted(indexedText(chunk));
    let s = 0;
    for (const [term, weight] of query) {
      const f = tf.get(term);
      if (f) s += weight * bm25Term(bm25Idf(n, stats.df[term] ?? 0), f, length, avg, DEFAULT_BM25);
    }
    raw.set(chunk.id, s);
    top = Math.max(top, s);
  }
  return new Map([...raw].map(([id, s]) => [id, top > 0 ? s / top : 0]));
}

/** The distinct bigrams of a question, whose statistics the index is asked for. */
export function questionPhrases(question: string): string[] {
  return [...new Set(phraseTerms(question))];
}
