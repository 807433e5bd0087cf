// Fits the direct answer's model (src/answer/extractive/direct.ts): for labelled questions, every
// value in the passages retrieved for them is an example, positive when it is the value of a phrase
// a correct answer must contain, standing in the sentence that holds that phrase. A logistic
// regression over the values' evidence, then the threshold from which a value opens the answer:
// the one at which, on the questions fitted on, right values opened most answers net of wrong ones.
import { type Answerer, passageLabel } from '../../src/answer/answerer.ts';
import { numbersOf } from '../../src/answer/figure-check.ts';
import { DIRECT_FEATURES, type DirectModel, candidates, fitOf, shares } from '../../src/answer/extractive/direct.ts';
import { scoreSentences, type Sentence } from '../../src/answer/extractive/scoring.ts';
import { comparable } from './facts.ts';

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
export async function collectExamples(questions: LabelledQuestion[], answerer: Answerer): Promise<DirectExample[]> {
  const out: DirectExample[] = [];
  for (const q of questions) {
    const phrases = q.answerable === false ? [] : (q.answer ?? q.expect ?? []);
    const { hits } = await answerer.retrieve({ question: q.q });
    const all: Sentence[] = scoreSentences(q.q, [], hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text })));
    const cs = candidates(q.q, all);
    if (cs.length === 0) continue;
    out.push({ id: q.id, file: q.file, answerable: q.answerable !== false, xs: cs.map((c) => c.x), labels: cs.map((c) => (isAnswer(c.s.text, c.value, phrases) ? 1 : 0)) });
  }
  return out;
}

/** Net right openings (right − wrong) at a threshold: the best value of each question, when sure enough. */
function net(model: DirectModel, examples: DirectExample[], threshold: number): number {
  let n = 0;
  for (const e of examples) {
    const ps = shares(model, e.xs);
    let best = -1;
    let p = -1;
    ps.forEach((q, i) => {
      if (q > p) [p, best] = [q, i];
    });
    if (p >= threshold) n += e.labels[best] === 1 ? 1 : -1;
  }
  return n;
}

/**
 * Listwise logistic regression (softmax over each question's values, the right ones as targets,
 * L2), then the threshold on the chosen value's share of that softmax.
 */
export function fitDirect(examples: DirectExample[], fittedOn: string): DirectModel {
  const d = DIRECT_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const usable = examples.filter((e) => e.answerable && e.labels.includes(1));
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
  const model: DirectModel = { features: [...DIRECT_FEATURES], weights: w.map((x) => Math.round(x * 1000) / 1000), bias: 0, threshold: 1, fittedOn };
  let best = { t: 1, n: 0 };
  for (let t = 0.05; t < 1; t += 0.05) {
    const n = net(model, examples.filter((e) => e.answerable), t);
    if (n > best.n) best = { t: Math.round(t * 100) / 100, n };
  }
  return { ...model, threshold: best.t, declineBelow: declineThreshold(model, examples) };
}

/**
 * The fit below which a question asking for a value is declined: the one at which, on the
 * questions fitted on, near misses declined outweigh twice the answerable questions declined whose
 * value the passages hold (declining a question the passages answer costs more than answering a
 * near miss with a caveat).
 */
function declineThreshold(model: DirectModel, examples: DirectExample[]): number {
  const rows = examples.map((e) => ({ z: Math.max(...e.xs.map((x) => fitOf(model, x))), gain: e.answerable ? (e.labels.includes(1) ? -2 : 0) : 1 }));
  let best = { t: -Infinity, net: 0 };
  for (const { z: t } of rows) {
    const net = rows.filter((r) => r.z < t).reduce((a, r) => a + r.gain, 0);
    if (net > best.net) best = { t, net };
  }
  return Number.isFinite(best.t) ? Math.round(best.t * 1000) / 1000 : -1e9;
}

