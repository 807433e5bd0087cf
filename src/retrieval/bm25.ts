// Okapi BM25 over arbitrary terms, in memory. Scores are also given normalized by the query's
// upper bound (every query term at saturation in a document of average length), which makes them
// comparable across questions — a feature for confidence, not only for ranking.

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface ScoredId {
  id: string;
  score: number;
}

export interface Bm25Options {
  k1: number;
  b: number;
}

/** Inverse document frequency, as every BM25 index here computes it. */
export function bm25Idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** One term's contribution to a document's score. */
export function bm25Term(idf: number, tf: number, length: number, avgLength: number, opts: Bm25Options): number {
  return (idf * tf * (opts.k1 + 1)) / (tf + opts.k1 * (1 - opts.b + (opts.b * length) / avgLength));
}

/** The best possible score of a query: each term saturated in an average-length document. */
export function bm25UpperBound(query: WeightedTerm[], idf: (term: string) => number, opts: Bm25Options): number {
  return query.reduce((s, q) => s + q.weight * idf(q.term) * (opts.k1 + 1) * 0.75, 0);
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

export class Bm25Index {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private totalLength = 0;
  private readonly opts: Bm25Options;

  constructor(opts: Partial<Bm25Options> = {}) {
    this.opts = { ...DEFAULT_BM25, ...opts };
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, terms: string[]): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push([doc, n]);
    }
  }

  /** Every distinct term (for spelling suggestions). */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** Document frequency of a term. */
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  idf(term: string): number {
    return bm25Idf(this.ids.length, this.df(term));
  }

  /** Collapses repeated query terms into weights (a term asked twice counts more, sub-linearly). */
  static weigh(terms: string[], weight = 1): WeightedTerm[] {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([term, n]) => ({ term, weight: weight * (1 + Math.log(n)) }));
  }

  /** The best possible score of a query: each term saturated in an average-length document. */
  upperBound(query: WeightedTerm[]): number {
    return bm25UpperBound(query, (t) => this.idf(t), this.opts);
  }

  search(query: WeightedTerm[], k: number): ScoredId[] {
    const avgdl = this.totalLength / Math.max(1, this.ids.length);
    const scores = new Map<number, number>();
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of list) {
        const s = bm25Term(idf, tf, this.lengths[doc] ?? 0, avgdl, this.opts);
        scores.set(doc, (scores.get(doc) ?? 0) + weight * s);
      }
    }
    return [...scores]
      .sort((a, c) => c[1] - a[1])
      .slice(0, k)
      .map(([doc, score]) => ({ id: this.ids[doc] ?? '', score }));
  }
}
