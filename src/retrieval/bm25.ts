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

export class Bm25Index {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private totalLength = 0;
  private readonly opts: Bm25Options;

  constructor(opts: Partial<Bm25Options> = {}) {
    this.opts = { k1: opts.k1 ?? 1.2, b: opts.b ?? 0.75 };
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
    const n = this.ids.length;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Collapses repeated query terms into weights (a term asked twice counts more, sub-linearly). */
  static weigh(terms: string[], weight = 1): WeightedTerm[] {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([term, n]) => ({ term, weight: weight * (1 + Math.log(n)) }));
  }

  /** The best possible score of a query: each term saturated in an average-length document. */
  upperBound(query: WeightedTerm[]): number {
    return query.reduce((s, q) => s + q.weight * this.idf(q.term) * (this.opts.k1 + 1) * 0.75, 0);
  }

  search(query: WeightedTerm[], k: number): ScoredId[] {
    const { k1, b } = this.opts;
    const avgdl = this.totalLength / Math.max(1, this.ids.length);
    const scores = new Map<number, number>();
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of list) {
        const len = this.lengths[doc] ?? 0;
        const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgdl));
        scores.set(doc, (scores.get(doc) ?? 0) + weight * s);
      }
    }
    return [...scores]
      .sort((a, c) => c[1] - a[1])
      .slice(0, k)
      .map(([doc, score]) => ({ id: this.ids[doc] ?? '', score }));
  }
}
