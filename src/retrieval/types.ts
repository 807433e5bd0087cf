// The document-index port. Node: HNSWLib + in-memory BM25 over index files; Workers: Vectorize +
// D1. Fusion, date ranking and confidence live above it (retriever.ts) and are shared.
import type { Chunk } from '../ingest/types.ts';
import type { ScoredId, WeightedTerm } from './bm25.ts';
import type { WordingStats } from './wording.ts';
import type { Embedder } from './embeddings/embedder.ts';
import type { ReadingTable } from '../text/readings.ts';

export interface LexicalResult {
  hits: ScoredId[];
  /** The query's best possible BM25 score, to normalize hit scores into 0–1. */
  upperBound: number;
  /** Share of the query's weight carried by terms that occur in the corpus at all. */
  knownShare: number;
  /** Document frequency of each query term, and the number of chunks, for term specificity. */
  df: Record<string, number>;
  docCount: number;
}

/** Source prefix of approved FAQ entries added to the live index (not files of the corpus). */
export const APPROVED_FAQ_PREFIX = 'faq-entries/';

export interface DocumentIndex {
  /** Changes whenever the indexed content changes (recorded with every answer). */
  readonly version: string;
  readonly size: number;
  readonly embedder: Embedder;
  /** Hiragana reading → corpus words (empty when the index has none). */
  readonly readings: ReadingTable;
  lexical(query: WeightedTerm[], k: number): Promise<LexicalResult>;
  /** Corrected spellings of the text's words that the corpus does not know (「経路剣索」→「経路検索」). */
  corrections(text: string): Promise<string[]>;
  /** How many chunks hold each of these character bigrams, and the chunks' mean bigram count (wording.ts). */
  wordingStats(terms: string[]): Promise<WordingStats>;
  /** Nearest chunks by cosine similarity (1 = same direction). */
  dense(vector: number[], k: number): Promise<ScoredId[]>;
  chunks(ids: string[]): Promise<Map<string, Chunk>>;
  /** Every chunk of a source (e.g. to check the sections an FAQ entry cites). */
  chunksOf(source: string): Promise<Chunk[]>;
  /** Adds chunks to the live index without a rebuild (approved FAQ entries); ids are content hashes. */
  upsert(chunks: Chunk[]): Promise<void>;
  /** Takes chunks out of the live index. */
  remove(ids: string[]): Promise<void>;
}

export interface Hit {
  chunk: Chunk;
  /** Fused relevance in 0–1. */
  score: number;
  lexical: number;
  dense: number;
  inForce: boolean;
  /** The relevance features the score was made from (before date adjustments). */
  features: RankFeatures;
  /** The multiplier the date and in-force rules applied. */
  dateFactor: number;
}

/** Per-passage relevance features; a linear ranker (ranker.json) weighs them. */
export interface RankFeatures {
  lexical: number;
  dense: number;
  /** Best single sentence's rarity-weighted share of the question's terms. */
  sentence: number;
  /** The section heading's share of the question's terms. */
  heading: number;
  /**
   * Character-bigram overlap (Dice, all scripts including kana) of the question and the section's
   * own heading: an FAQ entry's question or a manual heading phrased like the traveler's question
   * (「誰が申請しますか」 for 「誰が申請ボタン押すの」), where function words carry the intent.
   */
  phrasing: number;
  /** The passage's BM25 score over the question's character bigrams, relative to the best candidate's (wording.ts). */
  wording: number;
  /** 1 when the passage holds the kind of fact asked for (a date for 「いつ」, a figure in the counter of 「何件」). */
  typed: number;
  /** 1 when the passage's heading holds a code the question quotes (E5003). */
  coded: number;
  faq: number;
  guideline: number;
}
