// The extractive answerer's settings (shared by the composition's parts and the ai SDK model).
import type { DirectModel } from './direct.ts';

export interface ExtractiveOptions {
  /**
   * Minimum share of the question's term weight that the lead sentence must carry. Whether the
   * passages answer is decided before, by the calibrated confidence (answer/confidence.ts); this
   * only keeps a sentence sharing next to nothing with the question from leading. At 0.18 it was
   * a second, uncalibrated threshold: on the golden set it declined 18 answerable questions that
   * the confidence had passed, for 4 unanswerable ones (abstention precision 0.452 → 0.569 at 0.05).
   */
  minSupport: number;
  maxSupporting: number;
  maxSteps: number;
  /** Table rows or list items shown (the best ones, in their order, when there are more). */
  maxRows: number;
  /** The direct answer's model (direct.ts); the fitted one (direct-model.json) when unset. */
  direct?: DirectModel;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { minSupport: 0.05, maxSupporting: 1, maxSteps: 10, maxRows: 8 };
