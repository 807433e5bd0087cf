// The reader: which of the retrieved passages answers, judged by its best sentence. Retrieval ranks
// passages by where the question's terms meet; a passage may rank first for sharing the question's
// topic while the sentence that answers is in the second. Each sentence of the retrieved passages
// is scored by a small listwise model over general evidence — the question's terms it carries, the
// kind of fact asked for, how well its values fit the value asked for (direct.ts), its passage's
// retrieval score and rank — fitted leaving one document out on labelled questions
// (`npm run fit:reader`, reader-model.json); the passages are then ordered by their best sentence.
import type { Hit } from '../retrieval/types.ts';
import { askedTypes } from '../text/answer-types.ts';
import { prepare } from '../text/tokenize.ts';
import { DIRECT_MODEL, type DirectModel, askedKind, candidates, fitOf } from './extractive/direct.ts';
import { scoreSentences, type Sentence } from './extractive/scoring.ts';
import { clean } from './extractive/sentences.ts';
import type { PromptPassage } from './prompt.ts';
import fitted from './reader-model.json' with { type: 'json' };

export const READER_FEATURES = ['support', 'rank', 'typed', 'valueFit', 'retrieval', 'heading'] as const;

export interface ReaderModel {
  features: string[];
  /** Weights on the raw features (a softmax over a question's sentences needs no bias). */
  weights: number[];
  /**
   * How much better (in the model's logit) another passage's best sentence must be for it to come
   * before the retrieval's first passage: fitted with the weights, as the one at which most
   * questions fitted on have a right first passage.
   */
  margin: number;
  fittedOn: string;
}

export const READER_MODEL: ReaderModel = fitted as ReaderModel;

/** A value fit that no value of a sentence reaches (the sentence holds no value of the kind asked). */
export const NO_VALUE = -10;

export interface ReadSentence {
  s: Sentence;
  x: number[];
}

/**
 * Every sentence of the passages (numbered in retrieval order) with its evidence: its share of the
 * question's terms; its passage's rank as 0.5^rank; whether it holds the kind of fact asked for;
 * the best fit (direct.ts's logit, floored at NO_VALUE) of its values to the value asked for, 0
 * when no value is asked; its passage's retrieval score relative to the first's.
 */
/** What the retrieval says of each passage: its score and its heading's share of the question's terms (RankFeatures.heading). */
export interface Retrieved {
  score: number;
  heading: number;
}

export function readSentences(question: string, history: string[], passages: PromptPassage[], retrieved: Retrieved[], direct: DirectModel): ReadSentence[] {
  const all = scoreSentences(question, history, passages);
  const earlier = history.at(-1) ?? '';
  const asked = askedKind(question) ?? (earlier ? askedKind(earlier) : null);
  const fits = new Map<Sentence, number>();
  if (asked !== null) {
    for (const c of candidates(question, all, earlier)) fits.set(c.s, Math.max(fits.get(c.s) ?? NO_VALUE, fitOf(direct, c.x)));
  }
  const types = askedTypes(prepare(question));
  const top = Math.max(1e-9, retrieved[0]?.score ?? 0);
  return all.map((s) => ({
    s,
    x: [
      s.support,
      0.5 ** s.rank,
      types.length > 0 && types.some((t) => t.holds.test(prepare(clean(s.text)))) ? 1 : 0,
      asked === null ? 0 : Math.max(NO_VALUE, fits.get(s) ?? NO_VALUE),
      (retrieved[s.rank]?.score ?? 0) / top,
      retrieved[s.rank]?.heading ?? 0,
    ],
  }));
}

export function readerScore(model: ReaderModel, x: number[]): number {
  return x.reduce((z, v, i) => z + (model.weights[i] ?? 0) * v, 0);
}

/**
 * The hits ordered by their best sentence's reader score, the retrieval's first passage with the
 * model's margin added (ties keep the retrieval order), among those in force as the first is. The
 * retrieval's confidence evidence is not changed: the reader orders, it does not decide.
 */
export function readHits(question: string, history: string[], hits: Hit[], label: (h: Hit) => string, models: { reader?: ReaderModel; direct?: DirectModel } = {}): Hit[] {
  const reader = models.reader ?? READER_MODEL;
  if (hits.length < 2 || reader.weights.length === 0) return hits;
  const passages = hits.map((h, i) => ({ n: i + 1, label: label(h), text: h.chunk.text }));
  const best = new Array<number>(hits.length).fill(-Infinity);
  for (const { s, x } of readSentences(question, history, passages, hits.map((h) => ({ score: h.score, heading: h.features.heading })), models.direct ?? DIRECT_MODEL)) {
    best[s.rank] = Math.max(best[s.rank]!, readerScore(reader, x));
  }
  best[0] = best[0]! + reader.margin;
  // Which rules are in force on the question's date is the retrieval's judgement: only passages it
  // weighed as it weighed the first (dateFactor) are reordered; the others keep their places after them.
  const level = hits[0]!.dateFactor;
  const eligible = hits.map((h, i) => ({ h, i, z: best[i]! })).filter((r) => r.h.dateFactor >= level);
  const rest = hits.filter((h) => h.dateFactor < level);
  return [...eligible.sort((a, b) => b.z - a.z || a.i - b.i).map((r) => r.h), ...rest];
}
