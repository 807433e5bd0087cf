// Lexical baselines a JavaScript developer would actually pick for Japanese text, measured on the
// same chunks as the product: BM25 over character bigrams (what a search library does with an
// n-gram analyzer) and BM25 over kuromoji's tokens (the usual morphological analyzer in npm).
import { getTokenizer } from '../../src/ingest/readings.ts';
import type { Chunk } from '../../src/ingest/types.ts';
import { Bm25Index } from '../../src/retrieval/bm25.ts';
import { indexedText } from '../../src/retrieval/node/file-index.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { charBigramTerms } from '../../src/text/tokenize.ts';

export type Analyzer = (text: string) => string[];

/** Character bigrams of the NFKC text without spaces or punctuation (single characters for one-character runs). */
export const bigramAnalyzer: Analyzer = charBigramTerms;

/** kuromoji's surface forms (NFKC, lower-case), without punctuation and symbols. */
export async function kuromojiAnalyzer(): Promise<Analyzer> {
  const tokenizer = await getTokenizer();
  return (text) =>
    tokenizer
      .tokenize(normalizeText(text).normalize('NFKC').toLowerCase())
      .map((t) => t.surface_form.trim())
      .filter((w) => w !== '' && !/^[\p{P}\p{S}]+$/u.test(w));
}

/** A BM25 index of the chunks under one analyzer, searched for the top chunks of a question. */
export class BaselineIndex {
  private readonly index = new Bm25Index();
  private readonly byId: Map<string, Chunk>;
  private readonly analyze: Analyzer;
  constructor(chunks: Chunk[], analyze: Analyzer) {
    this.analyze = analyze;
    this.byId = new Map(chunks.map((c) => [c.id, c]));
    for (const c of chunks) this.index.add(c.id, analyze(indexedText(c)));
  }

  search(question: string, k = 5): Chunk[] {
    return this.index.search(Bm25Index.weigh(this.analyze(question)), k).flatMap((h) => (this.byId.has(h.id) ? [this.byId.get(h.id)!] : []));
  }
}
