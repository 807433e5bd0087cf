// Fits the direct answer's model (src/answer/extractive/direct.ts): for labelled questions, every
// value in the passages retrieved for them is an example, positive when it is the value of a phrase
// a correct answer must contain, standing in the sentence that holds that phrase. A logistic
// regression over the values' evidence; the value it believes in most opens the answer from a share
// of that belief (OPEN_SHARE) set once on leave-one-document-out figures, not searched per fit.
import { type Answerer, passageLabel } from '../../src/answer/answerer.ts';
import { numbersOf } from '../../src/answer/figure-check.ts';
import { DECLINE_FEATURES, DIRECT_FEATURES, type DirectModel, answeredProbability, candidates, declineInputs, fitOf, shares } from '../../src/answer/extractive/direct.ts';
import { scoreSentences, type Sentence } from '../../src/answer/extractive/scoring.ts';
import { comparable } from './facts.ts';
import { loadGolden } from './golden.ts';

export interface LabelledQuestion {
  id: string;
  file?: string;
  q: string;
  answer?: string[];
  expect?: string[];
  answerable?: boolean;
}

export interface DirectExample {
  id: string;
  file: string | undefined;
  /** A question the documents answer (near misses have no right value: every opening is wrong). */
  answerable: boolean;
  xs: number[][];
  labels: number[];
  /** Each value's inputs to the decline model (DECLINE_FEATURES), its fit left at 0 until a model gives it. */
  ds: number[][];
  /**
   * A question labelled only answerable or not (the golden set, on the sample corpus): it teaches
   * the decline model the product's own documents, where an amount asked is often answered by a
   * rule (「実費を支給」) rather than a figure; it has no right value for the value model.
   */
  decisionOnly?: boolean;
}

/** The golden set's questions (the sample corpus), labelled answerable or not, for the decline model. */
export function goldenDecisionQuestions(dir = 'test/golden'): LabelledQuestion[] {
  const g = loadGolden(dir);
  return [...g.answerable.map((q) => ({ id: q.id, q: q.q })), ...g.unanswerable.map((q) => ({ id: q.id, q: q.q, answerable: false }))];
}

/**
 * Is this value, in this sentence, the one a phrase of the answer gives? The sentence holds the
 * phrase, and the value's numbers are numbers of the phrase (「2」 of 「R2」 is not 「約5400億円」's).
 */
function isAnswer(sentence: string, value: string, phrases: string[]): boolean {
  const s = comparable(sentence);
  const own = numbersOf(value);
  return own.length > 0 && phrases.some((p) => {
    if (!s.includes(comparable(p))) return false;
    const theirs = numbersOf(p);
    return own.every((n) => theirs.includes(n)) && comparable(p).includes(comparable(value).replace(/^(?:約|▲|△|\+|-)/u, ''));
  });
}

/** The examples of the answerable questions: their values' features and labels. */
export async function collectExamples(questions: LabelledQuestion[], answerer: Answerer, decisionOnly = false): Promise<DirectExample[]> {
  const out: DirectExample[] = [];
  for (const q of questions) {
    const phrases = q.answerable === false ? [] : (q.answer ?? q.expect ?? []);
    const { hits } = await answerer.retrieve({ question: q.q });
    const all: Sentence[] = scoreSentences(q.q, [], hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text })));
    const cs = candidates(q.q, all);
    if (cs.length === 0) continue;
    out.push({ id: q.id, file: q.file, answerable: q.answerable !== false, xs: cs.map((c) => c.x), labels: cs.map((c) => (isAnswer(c.s.text, c.value, phrases) ? 1 : 0)), ds: cs.map((c) => declineInputs(q.q, c, 0, all)), ...(decisionOnly ? { decisionOnly } : {}) });
  }
  return out;
}

/**
 * Listwise logistic regression (softmax over each question's values, the right ones as targets,
 * L2); the chosen value opens the answer from OPEN_SHARE of that softmax.
 */
export function fitDirect(examples: DirectExample[], fittedOn: string): DirectModel {
  const d = DIRECT_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const usable = examples.filter((e) => !e.decisionOnly && e.answerable && e.labels.includes(1));
  const lr = 0.5;
  const l2 = 1e-3;
  for (let it = 0; it < 1500; it++) {
    const g = new Array<number>(d).fill(0);
    for (const e of usable) {
      const ps = shares({ weights: w, bias: 0 } as DirectModel, e.xs);
      const positives = e.labels.filter((y) => y === 1).length;
      e.xs.forEach((x, i) => {
        const err = ps[i]! - e.labels[i]! / positives;
        for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
      });
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * (g[j]! / Math.max(1, usable.length) + l2 * w[j]!);
  }
  const model: DirectModel = { features: [...DIRECT_FEATURES], weights: w.map((x) => Math.round(x * 1000) / 1000), bias: 0, threshold: OPEN_SHARE, fittedOn };
  return { ...model, decline: fitDecline(model, examples) };
}

/**
 * The share of the model's belief from which the chosen value opens the answer: one constant,
 * chosen in session 15 on the pooled leave-one-document-out shares of the 489 seed questions then
 * asking for a value (`npm run fit:direct` prints the net of right over wrong openings by share),
 * not searched within each fit. Searched within each fold it came out at 0.20–0.40 by document and
 * moved with any change to the training questions, flipping answers at the margin. Leaving one
 * document out, the net was 118 (246 − 128) searched per fold, and 115 / 125 / 136 / 123 fixed at
 * 0.20 / 0.30 / 0.35 / 0.45 (237 − 101 at 0.35); 0.35 is the best of that grid on the same shares,
 * so part of the gain is the choice itself (one number, against one per fold). It is also the
 * value the fit on all questions had chosen.
 */
export const OPEN_SHARE = 0.35;

/**
 * What declining a question the documents answer costs against answering a near miss: the same
 * (issue 15 asks as much of the facts stated as of the near misses declined). So a question is
 * declined when the model's probability that it is answered is below 1/(1+1). Measured at 2 (below
 * 1/3, as session 6's threshold search weighed them): near misses declined on loo.json and
 * fresh.json 0.467 / 0.425 against 0.567 / 0.475 at 1, facts +1 / +3.
 */
const DECLINE_COST = 1;

/**
 * What a value given with no caution that does not answer the question costs against a caution
 * under a value that does: twice (the reader acts on the first; the second only reads a line
 * more). So a value is given with the caution when the probability that it answers the question
 * is below 2/(1+2). Measured and not taken: the threshold above which only 1 in 12 of the near
 * misses fitted on lies (issue 15's target for confident near misses), 0.79: it put the caution
 * under 71 of the 167 seed answers that state their fact (29 at 2/3, 18 with no such caution),
 * for confident near misses of 0.233 / 0.200 (loo / fresh) against 0.267 / 0.375 at 2/3.
 */
const CAUTION_COST = 2;

/** The question-level inputs of each example: those of its best value under the model, with that value's fit. */
function declineRows(model: DirectModel, examples: DirectExample[]): Array<{ x: number[]; y: number }> {
  return examples.map((e) => {
    const zs = e.xs.map((x) => fitOf(model, x));
    const i = zs.indexOf(Math.max(...zs));
    const x = [...e.ds[i]!];
    x[0] = zs[i]!;
    return { x, y: e.answerable ? 1 : 0 };
  });
}

/**
 * The decline model: a logistic regression over the best value's DECLINE_FEATURES, answerable
 * questions against near misses (standardized for the fit, L2), with the probability below which
 * a question is declined set by DECLINE_COST, not searched.
 */
export function fitDecline(model: DirectModel, examples: DirectExample[]): NonNullable<DirectModel['decline']> {
  const rows = declineRows(model, examples);
  const d = DECLINE_FEATURES.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((a, r) => a + r.x[j]!, 0) / Math.max(1, rows.length));
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((a, r) => a + (r.x[j]! - mean[j]!) ** 2, 0) / Math.max(1, rows.length)) || 1);
  const zs = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const lr = 0.3;
  const l2 = 0.01;
  for (let it = 0; it < 2000; it++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    zs.forEach((x, k) => {
      const err = 1 / (1 + Math.exp(-x.reduce((a, v, j) => a + w[j]! * v, b))) - rows[k]!.y;
      for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * (g[j]! / Math.max(1, rows.length) + l2 * w[j]!);
    b -= (lr * gb) / Math.max(1, rows.length);
  }
  // Back to the inputs' own scale, so that the model reads them as they come.
  const weights = w.map((v, j) => v / sd[j]!);
  const bias = b - weights.reduce((a, v, j) => a + v * mean[j]!, 0);
  const fitted = { features: [...DECLINE_FEATURES], weights: weights.map((v) => Math.round(v * 1000) / 1000), bias: Math.round(bias * 1000) / 1000, below: Math.round((1 / (1 + DECLINE_COST)) * 1000) / 1000 };
  return { ...fitted, cautionBelow: Math.round((CAUTION_COST / (1 + CAUTION_COST)) * 1000) / 1000 };
}

/** Whether the decline model of `model` declines an example (its best value, as the answerer reads it). */
export function declines(model: DirectModel, e: DirectExample): boolean {
  const [row] = declineRows(model, [e]);
  return model.decline ? answeredProbability(model.decline, row!.x) < model.decline.below : false;
}
