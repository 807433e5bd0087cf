// Exact nearest neighbours by cosine similarity, for the built-in hashed embeddings. Their vectors
// have no low-dimensional structure for a graph index to follow (HNSW recall 0.66 at 100,000
// chunks, docs/benchmarks.md), but a question's vector has few nonzero dimensions (45 of 512 at
// the median): with the vectors stored column by column, a search reads only those columns, each
// one contiguous, and scores every vector. Exact by construction, and faster than HNSW at a recall
// of 0.99 on these vectors.
import { topPositions } from './top-k.ts';

export interface Neighbour {
  /** Position of the vector in the order it was added. */
  index: number;
  /** Cosine similarity (1 = same direction). */
  score: number;
}

/** Columns summed in one pass over the scores (fewer passes over the score array). */
const BLOCK = 4;

export class ExactVectorIndex {
  readonly dims: number;
  /** Dimension j of vector i at j · capacity + i, every vector scaled to unit length. */
  private cols: Float32Array;
  private capacity: number;
  private count = 0;
  private scores = new Float64Array(0);

  constructor(dims: number, capacity = 0) {
    this.dims = dims;
    this.capacity = Math.max(16, capacity);
    this.cols = new Float32Array(dims * this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds vectors given one after another (row by row); returns the index of the first. */
  addRows(rows: ArrayLike<number>, n = Math.floor(rows.length / this.dims)): number {
    const first = this.count;
    if (first + n > this.capacity) this.grow(Math.max(first + n, this.capacity * 2));
    const { dims, cols, capacity } = this;
    for (let r = 0; r < n; r++) {
      const i = first + r;
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += rows[r * dims + j]! * rows[r * dims + j]!;
      const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < dims; j++) cols[j * capacity + i] = rows[r * dims + j]! * s;
    }
    this.count += n;
    return first;
  }

  add(vector: ArrayLike<number>): number {
    if (vector.length !== this.dims) throw new Error(`expected a vector of ${this.dims} dimensions, got ${vector.length}`);
    return this.addRows(vector, 1);
  }

  /** The k vectors most similar to the query: highest score first, then the lower index. */
  search(query: ArrayLike<number>, k: number): Neighbour[] {
    const n = this.count;
    const limit = Math.min(n, Math.max(0, Math.trunc(k) || 0));
    if (limit === 0) return [];
    let norm = 0;
    for (let j = 0; j < query.length; j++) norm += query[j]! * query[j]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const used: number[] = [];
    for (let j = 0; j < Math.min(this.dims, query.length); j++) if (query[j] !== 0) used.push(j);
    if (this.scores.length < this.capacity) this.scores = new Float64Array(this.capacity);
    const { scores, cols, capacity } = this;
    scores.fill(0, 0, n);
    let x = 0;
    for (; x + BLOCK <= used.length; x += BLOCK) {
      const a = used[x]!;
      const b = used[x + 1]!;
      const c = used[x + 2]!;
      const d = used[x + 3]!;
      const wa = query[a]! * scale;
      const wb = query[b]! * scale;
      const wc = query[c]! * scale;
      const wd = query[d]! * scale;
      const oa = a * capacity;
      const ob = b * capacity;
      const oc = c * capacity;
      const od = d * capacity;
      for (let i = 0; i < n; i++) scores[i]! += wa * cols[oa + i]! + wb * cols[ob + i]! + wc * cols[oc + i]! + wd * cols[od + i]!;
    }
    for (; x < used.length; x++) {
      const a = used[x]!;
      const wa = query[a]! * scale;
      const oa = a * capacity;
      for (let i = 0; i < n; i++) scores[i]! += wa * cols[oa + i]!;
    }
    return topK(scores, n, limit);
  }

  private grow(capacity: number): void {
    const next = new Float32Array(this.dims * capacity);
    for (let j = 0; j < this.dims; j++) next.set(this.cols.subarray(j * this.capacity, j * this.capacity + this.count), j * capacity);
    this.cols = next;
    this.capacity = capacity;
  }
}

/** The `limit` highest of scores[0 … n − 1] (ties: the lower index first). */
function topK(scores: Float64Array, n: number, limit: number): Neighbour[] {
  return topPositions(scores, n, limit).map((index) => ({ index, score: scores[index]! }));
}
