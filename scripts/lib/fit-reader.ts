// Fits the reader (src/answer/reader.ts): for each labelled answerable question, every sentence of
// the passages retrieved for it is an example, positive when it holds a phrase a correct answer
// must contain (seed questions) or stands in a passage labelled as answering (golden questions,
// labelled by section). A listwise model: a softmax over the question's sentences, fitted so that
// the positive sentences together get most of it (−log of their summed share: one of them leading
// is enough), L2, on standardized features, stored on the raw scale. The value fit among its
// features comes from a given direct model, so that a fold's reader is fitted with that fold's
// value model.
import { resolve } from 'node:path';
import { type Answerer, passageLabel } from '../../src/answer/answerer.ts';
import type { Config } from '../../src/config.ts';
import type { DirectModel } from '../../src/answer/extractive/direct.ts';
import type { PromptPassage } from '../../src/answer/prompt.ts';
import { READER_FEATURES, type ReaderModel, type Retrieved, readSentences, readerScore } from '../../src/answer/reader.ts';
import { comparable, statesAny } from './facts.ts';
import type { LabelledQuestion } from './fit-direct.ts';
import { loadGolden, matches } from './golden.ts';
import { withTempRuntime } from './temp-runtime.ts';

export interface ReaderExample {
  id: string;
  file: string | undefined;
  q: string;
  passages: PromptPassage[];
  retrieved: Retrieved[];
  /** The phrases a correct answer must contain (a sentence holding one is a positive); none for questions labelled by passage. */
  phrases: string[];
  /** Which passages hold the fact (the passage phrases or the labelled section), by their retrieval rank. */
  relevant: boolean[];
}

/** The retrieved passages of the answerable labelled questions (retrieval runs once; features per fold). */
export async function collectReaderExamples(questions: LabelledQuestion[], answerer: Answerer): Promise<ReaderExample[]> {
  const out: ReaderExample[] = [];
  for (const q of questions) {
    if (q.answerable === false) continue;
    const phrases = q.answer ?? q.expect ?? [];
    if (phrases.length === 0) continue;
    const { hits } = await answerer.retrieve({ question: q.q });
    out.push({
      id: q.id,
      file: q.file,
      q: q.q,
      passages: hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text })),
      retrieved: hits.map((h) => ({ score: h.score, heading: h.features.heading })),
      phrases,
      relevant: hits.map((h) => statesAny(h.chunk.text, q.expect ?? phrases)),
    });
  }
  return out;
}

/** The golden questions of one half (`dev`: odd ids) over the sample corpus, labelled by section: each sentence of a labelled passage is a positive. */
export async function collectGoldenReaderExamples(answerer: Answerer, split: 'dev' | 'test'): Promise<ReaderExample[]> {
  const out: ReaderExample[] = [];
  for (const it of loadGolden(resolve('test/golden'), split).answerable) {
    const { hits } = await answerer.retrieve({ question: it.q });
    out.push({
      id: it.id,
      file: undefined,
      q: it.q,
      passages: hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text })),
      retrieved: hits.map((h) => ({ score: h.score, heading: h.features.heading })),
      phrases: [],
      relevant: hits.map((h) => matches(h.chunk, it.expect)),
    });
  }
  return out;
}

/** The same, over a temporary index of the configured corpus (for the scripts). */
export function goldenReaderExamples(config: Config, split: 'dev' | 'test'): Promise<ReaderExample[]> {
  return withTempRuntime(config, config.corpusDir, ({ answerer }) => collectGoldenReaderExamples(answerer, split));
}

interface Rows {
  e: ReaderExample;
  xs: number[][];
  ys: number[];
  ranks: number[];
  /** The sentence scoring's scores (scoring.ts), to compare leads. */
  scores: number[];
}

function rowsOf(examples: ReaderExample[], direct: DirectModel): Rows[] {
  return examples.map((e) => {
    const read = readSentences(e.q, [], e.passages, e.retrieved, direct);
    const phrases = e.phrases.map(comparable);
    const positive = (text: string, rank: number) => (phrases.length > 0 ? phrases.some((p) => comparable(text).includes(p)) : e.relevant[rank] === true);
    return { e, xs: read.map((r) => r.x), ys: read.map((r) => (positive(r.s.text, r.s.rank) ? 1 : 0)), ranks: read.map((r) => r.s.rank), scores: read.map((r) => r.s.score) };
  });
}

/** The passage read first: the best by its best sentence, the retrieval's first with the margin added. */
function firstPassage(best: Map<number, number>, margin: number): number {
  return [...best].map(([rank, z]) => [rank, rank === 0 ? z + margin : z] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** The margins tried for the retrieval's first passage (in the model's logit). */
const MARGINS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** Listwise logistic regression over each question's sentences (those with a positive among them). */
export function fitReader(examples: ReaderExample[], direct: DirectModel, fittedOn: string): ReaderModel {
  const rows = rowsOf(examples, direct).filter((r) => r.ys.includes(1));
  const d = READER_FEATURES.length;
  const flat = rows.flatMap((r) => r.xs);
  const mean = Array.from({ length: d }, (_, j) => flat.reduce((a, x) => a + x[j]!, 0) / Math.max(1, flat.length));
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(flat.reduce((a, x) => a + (x[j]! - mean[j]!) ** 2, 0) / Math.max(1, flat.length)) || 1);
  const zs = rows.map((r) => ({ xs: r.xs.map((x) => x.map((v, j) => (v - mean[j]!) / sd[j]!)), ys: r.ys }));
  const w = new Array<number>(d).fill(0);
  const lr = 0.2;
  const l2 = 0.01;
  for (let it = 0; it < 1500; it++) {
    const g = new Array<number>(d).fill(0);
    for (const r of zs) {
      const s = r.xs.map((x) => x.reduce((a, v, j) => a + v * w[j]!, 0));
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      const onPositives = e.reduce((a, v, i) => a + (r.ys[i] === 1 ? v : 0), 0);
      r.xs.forEach((x, i) => {
        // d/dz of −log(Σ positive shares): the share, less the sentence's part of the positives' share.
        const err = e[i]! / sum - (r.ys[i] === 1 ? e[i]! / onPositives : 0);
        for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
      });
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * (g[j]! / Math.max(1, zs.length) + l2 * w[j]!);
  }
  const weights = w.map((v, j) => Math.round((v / sd[j]!) * 1000) / 1000);
  // The margin at which most of the questions fitted on have a right first passage (the larger on ties).
  const all = rowsOf(examples, direct);
  let margin = { m: 0, right: -1 };
  for (const m of MARGINS) {
    const right = measureRows(all, { features: [...READER_FEATURES], weights, margin: m, fittedOn }).hit1.reader;
    if (right >= margin.right) margin = { m, right };
  }
  return { features: [...READER_FEATURES], weights, margin: margin.m, fittedOn };
}

export interface ReaderFigures {
  questions: number;
  /** The best sentence holds the fact: the reader's against the sentence scoring's (scoring.ts). */
  leadHolds: { reader: number; scoring: number };
  /** The first passage holds the fact: ordered by the reader against the retrieval order. */
  hit1: { reader: number; retrieval: number };
}

/** How a reader does on examples it was not fitted on. */
export function measureReader(examples: ReaderExample[], reader: ReaderModel, direct: DirectModel): ReaderFigures {
  return measureRows(rowsOf(examples, direct), reader);
}

function measureRows(rows: Rows[], reader: ReaderModel): ReaderFigures {
  const f: ReaderFigures = { questions: 0, leadHolds: { reader: 0, scoring: 0 }, hit1: { reader: 0, retrieval: 0 } };
  for (const r of rows) {
    if (r.xs.length === 0) continue;
    f.questions++;
    const z = r.xs.map((x) => readerScore(reader, x));
    const best = z.indexOf(Math.max(...z));
    const scored = r.scores;
    f.leadHolds.reader += r.ys[best]!;
    f.leadHolds.scoring += r.ys[scored.indexOf(Math.max(...scored))]!;
    const passageBest = new Map<number, number>();
    r.ranks.forEach((rank, i) => passageBest.set(rank, Math.max(passageBest.get(rank) ?? -Infinity, z[i]!)));
    const first = firstPassage(passageBest, reader.margin);
    if (r.e.relevant[first]) f.hit1.reader++;
    if (r.e.relevant[0]) f.hit1.retrieval++;
  }
  return f;
}
