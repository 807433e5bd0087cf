// Which sentence leads the built-in answer: a listwise logistic model over each sentence's
// evidence — its score under the hand-set weights of scoring.ts, its share of the question's
// terms, its passage's rank, the support of the line before it (a label or heading line), the
// kind of fact asked for held, its place in the passage, its layout — fitted and cross-validated
// leaving one document out on the labelled seed questions (npm run fit:direct), instead of the
// hand-set rank discount alone deciding how far down the passages a lead may come from.
import { askedTypes } from '../../text/answer-types.ts';
import { EXAMPLE_YIELDS, isExample, type Sentence } from './scoring.ts';
import fitted from './lead-model.json' with { type: 'json' };

export const LEAD_FEATURES = ['score', 'support', 'rank', 'prevSupport', 'typed', 'first', 'row', 'bullet', 'step', 'short'] as const;

export interface LeadModel {
  features: string[];
  weights: number[];
  fittedOn: string;
}

export const LEAD_MODEL: LeadModel | null = (fitted as LeadModel).weights.length === LEAD_FEATURES.length ? (fitted as LeadModel) : null;

/** Each sentence's evidence, in the order of LEAD_FEATURES. */
export function leadFeatures(question: string, all: Sentence[]): number[][] {
  const types = askedTypes(question);
  const top = Math.max(1e-9, ...all.map((s) => s.score));
  return all.map((s, i) => {
    const prev = i > 0 && all[i - 1]!.n === s.n ? all[i - 1]!.support : 0;
    return [
      s.score / top,
      s.support,
      0.5 ** s.rank,
      prev,
      types.length > 0 && types.some((t) => t.holds.test(s.text)) ? 1 : 0,
      s.pos === 0 ? 1 : 0,
      s.row ? 1 : 0,
      s.bullet ? 1 : 0,
      s.step !== null ? 1 : 0,
      s.text.length < 20 ? 1 : 0,
    ];
  });
}

/**
 * The sentence the model puts first, or undefined when no sentence is supported at all. An example
 * yields to guidance supported EXAMPLE_YIELDS as well, as under the hand-set score (scoring.ts).
 */
export function fittedLead(question: string, all: Sentence[], model: LeadModel): Sentence | undefined {
  const xs = leadFeatures(question, all);
  const ranked = all
    .map((s, i) => ({ s, z: xs[i]!.reduce((a, xi, j) => a + (model.weights[j] ?? 0) * xi, 0) }))
    .filter((r) => r.s.support > 0)
    .sort((a, b) => b.z - a.z);
  const top = ranked[0]?.s;
  if (!isExample(top)) return top;
  return ranked.find((r) => !isExample(r.s) && r.s.support >= top!.support * EXAMPLE_YIELDS)?.s ?? top;
}
