// Confidence that the retrieved passages answer the question: a logistic model over retrieval
// evidence. The coefficients are fitted by `npm run calibrate` on labelled questions (the golden
// set and the seed-document set) and stored in calibration.json beside this file.
import type { Evidence } from '../retrieval/retriever.ts';
import calibration from './calibration.json' with { type: 'json' };

export interface Calibration {
  /** Feature names, in the order of `weights`. */
  features: Array<keyof Evidence>;
  weights: number[];
  bias: number;
  /** Below this confidence the assistant abstains and offers escalation. */
  threshold: number;
  /**
   * Between the threshold and this, it answers with a caution that the passages may not answer
   * the question, and the answer is logged as given with low confidence.
   */
  cautionBelow?: number;
  /** Where the numbers came from. */
  fittedOn: string;
}

export const CALIBRATION = calibration as Calibration;

export function confidenceOf(e: Evidence, c: Calibration = CALIBRATION): number {
  let z = c.bias;
  c.features.forEach((f, i) => {
    z += (c.weights[i] ?? 0) * e[f];
  });
  return 1 / (1 + Math.exp(-z));
}
