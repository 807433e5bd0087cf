import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topPositions } from '../../src/retrieval/top-k.ts';

describe('topPositions', () => {
  it('returns what a full sort by score (ties: lower position first) would, cut to the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (scores, limit) => {
        const want = scores
          .map((s, i) => ({ s, i }))
          .sort((a, b) => b.s - a.s || a.i - b.i)
          .slice(0, limit)
          .map((x) => x.i);
        expect(topPositions(Float64Array.from(scores), scores.length, limit)).toEqual(want);
        // The same through an index map: position p scores as scores[through[p]].
        const through = Int32Array.from(scores.map((_, i) => scores.length - 1 - i));
        const reversed = Float64Array.from([...scores].reverse());
        expect(topPositions(reversed, scores.length, limit, through)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
