// Okapi BM25 over arbitrary terms, in memory. Scores are also given normalized by the query's
// upper bound (every query term at saturation in a document of average length), which makes them
// comparable across questions — a feature for confidence, not only for ranking.
import { topPositions } from './top-k.ts';

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

/** Term frequencies in the smallest unsigned array that holds them. */
type TfArray = Uint8Array | Uint16Array | Int32Array;

/**
 * Postings of many terms in three arrays (compressed sparse rows): term t's postings are
 * positions offsets[t] … offsets[t + 1] - 1 of `docs` (document ordinals, ascending) and `tfs`.
 */
interface Postings {
  offsets: Int32Array;
  docs: Int32Array;
  tfs: TfArray;
}

const EMPTY: Postings = { offsets: new Int32Array(1), docs: new Int32Array(0), tfs: new Uint8Array(0) };

function tfArray(length: number, maxTf: number): TfArray {
  return maxTf <= 0xff ? new Uint8Array(length) : maxTf <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  get(i: number): number {
    return this.data[i]!;
  }
}

/**
 * In-memory BM25. Documents added with `add` are kept per document (term ids and frequencies)
 * until a search needs them; then they are merged into term-major postings (`main`), or, when
 * they are few next to it (chunks added at run time), indexed on their own (`tail`) so that a
 * single addition does not rewrite every posting. Scores are computed exactly as `bm25Term` does,
 * summed in query-term order, and ties keep the order in which documents were first scored (query
 * term, then document ordinal), as a stable sort of a Map in insertion order would.
 */
export class Bm25Index {
  private readonly opts: Bm25Options;
  private readonly termIds = new Map<string, number>();
  private dfs = new Int32Array(1024);
  private readonly ids: string[] = [];
  private lengths = new Int32Array(1024);
  private totalLength = 0;

  /** Postings of documents 0 … mainDocs - 1. */
  private main: Postings = EMPTY;
  private mainDocs = 0;
  /** Postings of documents mainDocs on (null: not built since the last add). */
  private tail: Postings | null = EMPTY;
  /** Documents from mainDocs on, per document: term ids and frequencies, starts[i] for the i-th. */
  private pendingTerms = new IntList();
  private pendingTfs = new IntList();
  private pendingStarts = new IntList();

  // Per-search scratch, reused across queries (search is synchronous).
  private scores = new Float64Array(0);
  private seen = new Uint8Array(0);
  private touched = new Int32Array(0);
  /** k1 · (1 − b + b · length / average length) of the first `normsCount` documents, for `normsFor`. */
  private norms = new Float64Array(0);
  private normsFor = NaN;
  private normsCount = 0;

  constructor(opts: Partial<Bm25Options> = {}) {
    this.opts = { ...DEFAULT_BM25, ...opts };
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, terms: string[]): void {
    const doc = this.ids.length;
    this.ids.push(id);
    if (doc === this.lengths.length) this.lengths = grow(this.lengths, doc * 2);
    this.lengths[doc] = terms.length;
    this.totalLength += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    this.pendingStarts.push(this.pendingTerms.length);
    for (const [t, n] of tf) {
      let tid = this.termIds.get(t);
      if (tid === undefined) {
        tid = this.termIds.size;
        this.termIds.set(t, tid);
        if (tid === this.dfs.length) this.dfs = grow(this.dfs, tid * 2);
      }
      this.dfs[tid]!++;
      this.pendingTerms.push(tid);
      this.pendingTfs.push(n);
    }
    this.tail = null;
  }

  /** Every distinct term (for spelling suggestions). */
  terms(): IterableIterator<string> {
    return this.termIds.keys();
  }

  /** Document frequency of a term. */
  df(term: string): number {
    const tid = this.termIds.get(term);
    return tid === undefined ? 0 : this.dfs[tid]!;
  }

  idf(term: string): number {
    return bm25Idf(this.ids.length, this.df(term));
  }

  /** Collapses repeated query terms into weights (a term asked twice counts more, sub-linearly). */
  static weigh(terms: readonly string[], weight = 1): WeightedTerm[] {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([term, n]) => ({ term, weight: weight * (1 + Math.log(n)) }));
  }

  /** The best possible score of a query: each term saturated in an average-length document. */
  upperBound(query: WeightedTerm[]): number {
    return bm25UpperBound(query, (t) => this.idf(t), this.opts);
  }

  /** Indexes the documents added so far (a search does it when needed; call it to do it now). */
  compact(): void {
    this.postings();
  }

  search(query: WeightedTerm[], k: number): ScoredId[] {
    const n = this.ids.length;
    const { main, tail } = this.postings();
    const avgdl = this.totalLength / Math.max(1, n);
    const norms = this.normsOf(avgdl);
    if (this.scores.length < n) {
      this.scores = new Float64Array(this.lengths.length);
      this.seen = new Uint8Array(this.lengths.length);
      this.touched = new Int32Array(this.lengths.length);
    }
    const { scores, seen, touched } = this;
    const k1p1 = this.opts.k1 + 1;
    let count = 0;
    for (const { term, weight } of query) {
      const tid = this.termIds.get(term);
      if (tid === undefined) continue;
      const idf = bm25Idf(n, this.dfs[tid]!);
      // main holds lower document ordinals than tail: together, one list in ascending order.
      count = accumulate(main, tid, idf, weight, k1p1, norms, scores, seen, touched, count);
      count = accumulate(tail, tid, idf, weight, k1p1, norms, scores, seen, touched, count);
    }
    const top = topK(scores, touched, count, Math.min(count, Math.max(0, Math.trunc(k) || 0)));
    const out = top.map((doc) => ({ id: this.ids[doc] ?? '', score: scores[doc]! }));
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      seen[doc] = 0;
      scores[doc] = 0;
    }
    return out;
  }

  private normsOf(avgdl: number): Float64Array {
    const n = this.ids.length;
    if (this.normsFor !== avgdl || this.normsCount !== n) {
      if (this.norms.length < n) this.norms = new Float64Array(this.lengths.length);
      const { k1, b } = this.opts;
      for (let d = 0; d < n; d++) this.norms[d] = k1 * (1 - b + (b * this.lengths[d]!) / avgdl);
      this.normsFor = avgdl;
      this.normsCount = n;
    }
    return this.norms;
  }

  /** Indexes the documents added since the last search. */
  private postings(): { main: Postings; tail: Postings } {
    if (this.tail === null) {
      const pending = this.pendingTerms.length;
      if (pending * 8 >= this.main.docs.length) {
        // Many new postings: merge them into main and drop the per-document copy.
        this.main = merge(this.main, this.mainDocs, this.termIds.size, this.pendingTerms, this.pendingTfs, this.pendingStarts);
        this.mainDocs = this.ids.length;
        this.pendingTerms = new IntList();
        this.pendingTfs = new IntList();
        this.pendingStarts = new IntList();
        this.tail = EMPTY;
      } else {
        this.tail = merge(EMPTY, this.mainDocs, this.termIds.size, this.pendingTerms, this.pendingTfs, this.pendingStarts);
      }
    }
    return { main: this.main, tail: this.tail };
  }
}

/** Adds one term's postings to the scores; returns the new number of touched documents. */
function accumulate(
  p: Postings, tid: number, idf: number, weight: number, k1p1: number, norms: Float64Array,
  scores: Float64Array, seen: Uint8Array, touched: Int32Array, count: number,
): number {
  if (tid + 1 >= p.offsets.length) return count;
  const { docs, tfs } = p;
  for (let i = p.offsets[tid]!, end = p.offsets[tid + 1]!; i < end; i++) {
    const doc = docs[i]!;
    const tf = tfs[i]!;
    // As bm25Term computes it, operation for operation (the same rounding).
    const s = (idf * tf * k1p1) / (tf + norms[doc]!);
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched[count++] = doc;
      scores[doc] = weight * s;
    } else scores[doc]! += weight * s;
  }
  return count;
}

function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(1024, length));
  next.set(a);
  return next;
}

/**
 * Postings of `base` (documents 0 … firstDoc - 1) followed by the pending documents (firstDoc on,
 * per document) in one term-major layout.
 */
function merge(base: Postings, firstDoc: number, termCount: number, terms: IntList, tfs: IntList, starts: IntList): Postings {
  const counts = new Int32Array(termCount + 1);
  const baseTerms = base.offsets.length - 1;
  for (let t = 0; t < baseTerms; t++) counts[t] = base.offsets[t + 1]! - base.offsets[t]!;
  let maxTf = 0;
  for (let i = 0; i < terms.length; i++) {
    counts[terms.get(i)]!++;
    if (tfs.get(i) > maxTf) maxTf = tfs.get(i);
  }
  for (let i = 0; i < base.tfs.length; i++) if (base.tfs[i]! > maxTf) maxTf = base.tfs[i]!;
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + counts[t]!;
  const total = offsets[termCount]!;
  const docs = new Int32Array(total);
  const out = tfArray(total, maxTf);
  // Each term's base postings first, then its pending ones in document order.
  const cursor = offsets.slice(0, termCount);
  for (let t = 0; t < baseTerms; t++) {
    const a = base.offsets[t]!;
    const b = base.offsets[t + 1]!;
    docs.set(base.docs.subarray(a, b), cursor[t]!);
    out.set(base.tfs.subarray(a, b), cursor[t]!);
    cursor[t]! += b - a;
  }
  for (let d = 0; d < starts.length; d++) {
    const end = d + 1 < starts.length ? starts.get(d + 1) : terms.length;
    for (let i = starts.get(d); i < end; i++) {
      const t = terms.get(i);
      const at = cursor[t]!++;
      docs[at] = firstDoc + d;
      out[at] = tfs.get(i);
    }
  }
  return { offsets, docs, tfs: out };
}

/** The `limit` best of the first `count` touched documents: higher score first, then earlier touched first. */
function topK(scores: Float64Array, touched: Int32Array, count: number, limit: number): number[] {
  return topPositions(scores, count, limit, touched).map((pos) => touched[pos]!);
}
