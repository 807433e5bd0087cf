// npm run train-ranker -- [--write] [--json]
// Fits a linear ranker (logistic regression over per-passage features: lexical and dense scores,
// best-sentence and heading term shares, kind of fact, quoted code, kind of document) on the
// golden questions' candidates, and reports 5-fold cross-validated hit@1/hit@5/MRR — each question
// ranked by a model that never saw it — against the hand-set formula on the same folds. With
// --write it stores the model fitted on all questions in src/retrieval/ranker.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import type { LinearRanker } from '../src/retrieval/retriever.ts';
import { linearScore } from '../src/retrieval/retriever.ts';
import type { RankFeatures } from '../src/retrieval/types.ts';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { type Expect, loadGolden, matches } from './lib/golden.ts';

const FEATURES: Array<keyof RankFeatures> = ['lexical', 'dense', 'sentence', 'heading', 'typed', 'coded', 'faq', 'guideline'];

const { values } = parseCli(
  { write: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, lambda: { type: 'string', default: '0.001' } },
  'npm run train-ranker -- [--write] [--json] [--lambda L]',
);
const config = await loadConfigOrExit();

interface Candidate {
  f: RankFeatures;
  dateFactor: number;
  hand: number;
  relevant: boolean;
  ordinal: number;
}
interface Question {
  id: string;
  candidates: Candidate[];
}

const golden = loadGolden(resolve('test/golden'));
const items: Array<{ id: string; q: string; history?: string[]; expect: Expect[] }> = [
  ...golden.answerable.map((i) => ({ id: i.id, q: i.q, expect: i.expect })),
  ...golden.date.map((i) => ({ id: i.id, q: i.q, expect: i.expect })),
  ...golden.followup.map((i) => ({ id: i.id, q: i.followup, history: [i.first], expect: i.expect })),
];

const temp = mkdtempSync(join(tmpdir(), 'seabis-ranker-'));
const questions: Question[] = [];
try {
  const indexDir = join(temp, 'index');
  await ingest({ sourceDir: resolve(config.corpusDir), indexDir, embedder: await createEmbedder(config) });
  // The hand-set formula (no ranker) produces the candidates and their features.
  const { answerer } = await openRuntime(config, { indexDir, retrieval: { ranker: null, k: 40 } });
  for (const it of items) {
    const r = await answerer.retrieve({ question: it.q, history: it.history });
    questions.push({
      id: it.id,
      candidates: r.hits.map((h) => ({
        f: h.features,
        dateFactor: h.dateFactor,
        hand: h.score,
        relevant: matches(h.chunk, it.expect),
        ordinal: h.chunk.ordinal,
      })),
    });
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

const x = (f: RankFeatures) => FEATURES.map((k) => f[k]);

/**
 * Pairwise logistic regression (RankNet): for each question, every relevant candidate should
 * score above every irrelevant one of the top 20; the loss is log(1 + e^-(w·(x⁺ − x⁻))).
 */
function fit(qs: Question[], lambda = Number(values.lambda), steps = 400, rate = 0.5): LinearRanker {
  const pairs: number[][] = [];
  for (const q of qs) {
    const top = [...q.candidates].sort((a, b) => b.hand - a.hand).slice(0, 20);
    for (const p of top.filter((c) => c.relevant)) for (const n of top.filter((c) => !c.relevant)) pairs.push(x(p.f).map((v, i) => v - x(n.f)[i]!));
  }
  const w = new Array<number>(FEATURES.length).fill(0.1);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(FEATURES.length).fill(0);
    for (const d of pairs) {
      const z = d.reduce((a, di, i) => a + di * w[i]!, 0);
      const coef = -1 / (1 + Math.exp(z));
      d.forEach((di, i) => (g[i]! += coef * di));
    }
    for (let i = 0; i < w.length; i++) w[i]! -= rate * (g[i]! / Math.max(1, pairs.length) + lambda * w[i]!);
  }
  return { features: FEATURES, weights: w.map((v) => Math.round(v * 1000) / 1000), bias: 0 };
}

/** hit@1, hit@5, MRR of questions ranked by a scoring function (ties by document order). */
function metrics(qs: Question[], score: (c: Candidate) => number) {
  let h1 = 0;
  let h5 = 0;
  let rr = 0;
  for (const q of qs) {
    const ranked = [...q.candidates].sort((a, b) => score(b) - score(a) || a.ordinal - b.ordinal);
    const i = ranked.findIndex((c) => c.relevant);
    if (i === 0) h1++;
    if (i >= 0 && i < 5) h5++;
    if (i >= 0) rr += 1 / (i + 1);
  }
  const n = Math.max(1, qs.length);
  const r3 = (v: number) => Math.round((v / n) * 1000) / 1000;
  return { hit1: r3(h1), hit5: r3(h5), mrr: r3(rr) };
}

// 5-fold cross-validation over questions.
const folds = 5;
const heldOut: Array<{ q: Question; model: LinearRanker }> = [];
questions.forEach((q, i) => ((q as Question & { fold: number }).fold = i % folds));
for (let f = 0; f < folds; f++) {
  const model = fit(questions.filter((q) => (q as Question & { fold: number }).fold !== f));
  for (const q of questions.filter((q) => (q as Question & { fold: number }).fold === f)) heldOut.push({ q, model });
}
const cv = (() => {
  const byModel = new Map<LinearRanker, Question[]>();
  for (const h of heldOut) byModel.set(h.model, [...(byModel.get(h.model) ?? []), h.q]);
  let sums = { hit1: 0, hit5: 0, mrr: 0 };
  for (const [model, qs] of byModel) {
    const m = metrics(qs, (c) => linearScore(model, c.f) * c.dateFactor);
    sums = { hit1: sums.hit1 + m.hit1 * qs.length, hit5: sums.hit5 + m.hit5 * qs.length, mrr: sums.mrr + m.mrr * qs.length };
  }
  const n = questions.length;
  return { hit1: Math.round((sums.hit1 / n) * 1000) / 1000, hit5: Math.round((sums.hit5 / n) * 1000) / 1000, mrr: Math.round((sums.mrr / n) * 1000) / 1000 };
})();
const hand = metrics(questions, (c) => c.hand);
const model = fit(questions);
const inSample = metrics(questions, (c) => linearScore(model, c.f) * c.dateFactor);
const summary = { questions: questions.length, hand, crossValidated: cv, inSample, model };
process.stdout.write((values.json ? JSON.stringify(summary) : JSON.stringify(summary, null, 2)) + '\n');
if (values.write) {
  writeFileSync(
    resolve('src/retrieval/ranker.json'),
    JSON.stringify({ ...model, fittedOn: `npm run train-ranker on ${new Date().toISOString().slice(0, 10)}: ${questions.length} golden questions; 5-fold CV hit@1 ${cv.hit1}, hit@5 ${cv.hit5}, MRR ${cv.mrr} (hand-set formula: ${hand.hit1}, ${hand.hit5}, ${hand.mrr})` }, null, 2) + '\n',
  );
  process.stderr.write('Wrote src/retrieval/ranker.json\n');
}
