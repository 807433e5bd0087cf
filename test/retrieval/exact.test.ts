import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactVectorIndex } from '../../src/retrieval/exact.ts';

/** Cosine similarity of every vector to the query, the straightforward way. */
function reference(vectors: number[][], query: number[], k: number): Array<{ index: number; score: number }> {
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const qn = norm(query);
  return vectors
    .map((v, index) => {
      const vn = norm(v);
      // Stored vectors are kept in float32, as the index file holds them.
      const f = Float32Array.from(v.map((x) => (vn > 0 ? x / vn : 0)));
      let dot = 0;
      for (let j = 0; j < query.length; j++) dot += f[j]! * (qn > 0 ? query[j]! / qn : 0);
      return { index, score: dot };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k);
}

describe('ExactVectorIndex', () => {
  const dims = 12;
  // Sparse values with repeats, so that equal scores (ties) happen.
  const value = fc.constantFrom(0, 0, 0, 0, 1, -1, 0.5, 2, -0.25);
  const vector = fc.array(value, { minLength: dims, maxLength: dims });

  it('returns the k most similar vectors with their cosine, as a full comparison does', () => {
    fc.assert(
      fc.property(fc.array(vector, { maxLength: 40 }), fc.array(vector, { maxLength: 10 }), vector, fc.integer({ min: 0, max: 60 }), (first, later, query, k) => {
        const idx = new ExactVectorIndex(dims, first.length);
        idx.addRows(Float32Array.from(first.flat()));
        // Vectors added one by one afterwards (grows the columns).
        for (const v of later) idx.add(v);
        const all = [...first, ...later];
        expect(idx.size).toBe(all.length);
        const got = idx.search(query, k);
        const want = reference(all, query, k);
        expect(got.map((n) => n.index)).toHaveLength(want.length);
        got.forEach((n, i) => expect(n.score).toBeCloseTo(want[i]!.score, 5));
        // The same neighbours, except where float rounding reorders scores equal to 1e-6.
        got.forEach((n, i) => {
          if (n.index !== want[i]!.index) expect(Math.abs(n.score - want[i]!.score)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('breaks ties by the order vectors were added', () => {
    const idx = new ExactVectorIndex(3);
    idx.add([1, 0, 0]);
    idx.add([0, 1, 0]);
    idx.add([2, 0, 0]);
    idx.add([0, 0, 1]);
    expect(idx.search([1, 0, 0], 3).map((n) => n.index)).toEqual([0, 2, 1]);
    expect(idx.search([1, 0, 0], 1)[0]!.score).toBeCloseTo(1, 6);
  });

  it('handles empty queries, k = 0 and a wrong number of dimensions', () => {
    const idx = new ExactVectorIndex(2);
    expect(idx.search([1, 0], 5)).toEqual([]);
    idx.add([1, 1]);
    expect(idx.search([0, 0], 5)).toEqual([{ index: 0, score: 0 }]);
    expect(idx.search([1, 0], 0)).toEqual([]);
    expect(() => idx.add([1, 2, 3])).toThrow(/2 dimensions/);
  });
});
