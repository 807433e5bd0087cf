// The decline model of scripts/lib/fit-direct.ts: a logistic regression over the best value's
// inputs (its fit and the conditions the question puts), fitted on standardized inputs and stored on
// their own scale, answerable questions against near misses.
import { describe, expect, it } from 'vitest';
import { DECLINE_FEATURES, DIRECT_FEATURES, type DirectModel, answeredProbability } from '../../src/answer/extractive/direct.ts';
import { type DirectExample, fitDecline } from '../../scripts/lib/fit-direct.ts';

/** A value model that reads only its first input, so that an example's fit is its x[0]. */
const model: DirectModel = { features: [...DIRECT_FEATURES], weights: DIRECT_FEATURES.map((_, i) => (i === 0 ? 1 : 0)), bias: 0, threshold: 0.35, fittedOn: 'test' };
const zeros = DIRECT_FEATURES.map(() => 0);

function example(fit: number, yearOther: number, answerable: boolean, i: number): DirectExample {
  return { id: `q${i}`, file: 'a.txt', answerable, xs: [[fit, ...zeros.slice(1)]], labels: [answerable ? 1 : 0], ds: [DECLINE_FEATURES.map((f) => (f === 'yearOther' ? yearOther : 0))] };
}

describe('fitDecline', () => {
  // Answerable questions fit well and meet the year; near misses fit less well or name another year.
  const examples = [
    ...Array.from({ length: 30 }, (_, i) => example(4 + (i % 5) * 0.5, 0, true, i)),
    ...Array.from({ length: 15 }, (_, i) => example(1 + (i % 5) * 0.5, i % 2, false, 100 + i)),
    ...Array.from({ length: 5 }, (_, i) => example(5, 1, false, 200 + i)),
  ];
  const decline = fitDecline(model, examples);

  it('learns that a better fit speaks for answering and another year against, on the inputs\' own scale', () => {
    expect(decline.features).toEqual([...DECLINE_FEATURES]);
    expect(decline.weights[0]).toBeGreaterThan(0);
    expect(decline.weights[2]).toBeLessThan(0);
    // A constant input (a year never missing here) gets no weight to speak of, and nothing is NaN.
    expect(Math.abs(decline.weights[1]!)).toBeLessThan(1e-6);
    expect([...decline.weights, decline.bias].every(Number.isFinite)).toBe(true);
  });

  it('declines below the probability set by the costs, and answers a good fit meeting the year', () => {
    expect(decline.below).toBe(0.5);
    expect(decline.cautionBelow).toBeCloseTo(0.667, 3);
    expect(answeredProbability(decline, [5, 0, 0, 0])).toBeGreaterThan(decline.cautionBelow!);
    expect(answeredProbability(decline, [1.5, 0, 1, 0])).toBeLessThan(decline.below);
    expect(answeredProbability(decline, [5, 0, 1, 0])).toBeLessThan(answeredProbability(decline, [5, 0, 0, 0]));
  });
});
