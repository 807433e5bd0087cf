// The best few of many scored items by a bounded heap, not a sort of all of them: lexical and
// dense search keep the best k of up to every chunk of the index.

/**
 * Positions 0 … n − 1 of the `limit` highest scores, best first; of equal scores, the lower
 * position first. Position p's score is scores[p], or scores[through[p]] when `through` is given.
 * (Plain array reads rather than a callback: a callback shared by two callers made lexical search
 * at 100,000 chunks a third slower.)
 */
export function topPositions(scores: Float64Array, n: number, limit: number, through: Int32Array | null = null): number[] {
  if (limit <= 0) return [];
  const scoreAt = (p: number) => (through === null ? scores[p]! : scores[through[p]!]!);
  // heap[0] is the worst entry kept.
  const heap = new Int32Array(limit);
  let size = 0;
  // a is worse than b: a lower score, or the same score at a later position.
  const worse = (a: number, b: number) => {
    const sa = scoreAt(a);
    const sb = scoreAt(b);
    return sa < sb || (sa === sb && a > b);
  };
  const swap = (i: number, j: number) => {
    const x = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = x;
  };
  for (let pos = 0; pos < n; pos++) {
    if (size < limit) {
      let i = size++;
      heap[i] = pos;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (scoreAt(pos) > scoreAt(heap[0]!)) {
      // A later position displaces the worst only with a strictly higher score.
      heap[0] = pos;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let m = i;
        if (l < size && worse(heap[l]!, heap[m]!)) m = l;
        if (l + 1 < size && worse(heap[l + 1]!, heap[m]!)) m = l + 1;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
