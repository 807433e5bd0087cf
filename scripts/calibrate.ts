// npm run calibrate -- [--write] [--json]
// Fits the confidence model (logistic regression over retrieval evidence) on labelled questions:
// the golden set against the sample corpus and the seed-document questions against the seed
// documents. Reports 5-fold cross-validated abstention precision/recall (held-out folds), then,
// with --write, stores coefficients fitted on everything in src/answer/calibration.json.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Calibration } from '../src/answer/confidence.ts';
import type { Config } from '../src/config.ts';
import type { Evidence } from '../src/retrieval/retriever.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { loadSeedQuestions } from './lib/evaluate-seeds.ts';
import { type GoldenSplit, loadGolden } from './lib/golden.ts';
import { withTempRuntime } from './lib/temp-runtime.ts';

const DEFAULT_FEATURES: Array<keyof Evidence> = ['lexicalTop', 'denseTop', 'fusedTop', 'coverage', 'knownShare', 'specificCoverage', 'idfCoverage', 'idfCoverage3', 'missingRare', 'answerType', 'sentenceSupport', 'yearMatch', 'unknownWords'];

interface Sample {
  x: number[];
  y: 0 | 1;
  set: string;
}

const { values } = parseCli(
  {
    write: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '../shared/seeds' },
    lambda: { type: 'string', default: '0.001' },
    split: { type: 'string', default: 'all' },
    features: { type: 'string' },
  },
  'npm run calibrate -- [--write] [--json] [--seeds <dir>|--seeds none] [--lambda L] [--split all|dev] [--features a,b,c]',
);
const config = await loadConfigOrExit();
const FEATURES = (values.features ? values.features.split(',') : DEFAULT_FEATURES) as Array<keyof Evidence>;
if (!['all', 'dev'].includes(values.split)) {
  process.stderr.write(`--split must be all or dev (got ${values.split}); fitting on dev keeps the golden test half unseen for npm run eval -- --split test\n`);
  process.exit(2);
}

async function samplesFor(sourceDir: string, items: Array<{ q: string; history?: string[]; y: 0 | 1; set: string }>, cfg: Config): Promise<Sample[]> {
  return withTempRuntime(cfg, sourceDir, async ({ answerer }) => {
    const out: Sample[] = [];
    for (const it of items) {
      const r = await answerer.retrieve({ question: it.q, history: it.history });
      out.push({ x: FEATURES.map((f) => r.evidence[f]), y: it.y, set: it.set });
    }
    return out;
  });
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** L2-regularized logistic regression by full-batch gradient descent (features are in 0–1). */
function fit(samples: Sample[], lambda = Number(values.lambda), steps = 20_000, rate = 1): { w: number[]; b: number } {
  const d = FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  // Balance the classes so that the rarer one (questions to abstain on) weighs as much.
  const pos = samples.filter((s) => s.y === 1).length;
  const neg = samples.length - pos;
  const weightOf = (y: number) => (y === 1 ? samples.length / (2 * Math.max(1, pos)) : samples.length / (2 * Math.max(1, neg)));
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const s of samples) {
      const p = sigmoid(b + s.x.reduce((acc, xi, i) => acc + xi * (w[i] ?? 0), 0));
      const g = (p - s.y) * weightOf(s.y);
      s.x.forEach((xi, i) => (gw[i]! += g * xi));
      gb += g;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (gw[i]! / samples.length + lambda * w[i]!);
    b -= rate * (gb / samples.length);
  }
  return { w, b };
}

function predict(model: { w: number[]; b: number }, x: number[]): number {
  return sigmoid(model.b + x.reduce((acc, xi, i) => acc + xi * (model.w[i] ?? 0), 0));
}

/** Abstention precision/recall when abstaining below the threshold. */
function abstention(scored: Array<{ p: number; y: 0 | 1 }>, threshold: number) {
  const abstained = scored.filter((s) => s.p < threshold);
  const right = abstained.filter((s) => s.y === 0).length;
  const negatives = scored.filter((s) => s.y === 0).length;
  return { precision: abstained.length ? right / abstained.length : 0, recall: negatives ? right / negatives : 0 };
}

/** The threshold that maximizes the worse of abstention precision and recall. */
function bestThreshold(scored: Array<{ p: number; y: 0 | 1 }>): number {
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const a = abstention(scored, t);
    const score = Math.min(a.precision, a.recall) + 1e-3 * (a.precision + a.recall);
    if (score > bestScore) {
      bestScore = score;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

function shuffle<T>(items: T[], seed = 42): T[] {
  const a = [...items];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const golden = loadGolden(resolve('test/golden'), values.split as GoldenSplit);
const corpusItems = [
  ...golden.answerable.map((i) => ({ q: i.q, y: 1 as const, set: 'golden' })),
  ...golden.date.map((i) => ({ q: i.q, y: 1 as const, set: 'golden' })),
  ...golden.followup.map((i) => ({ q: i.followup, history: [i.first], y: 1 as const, set: 'golden' })),
  ...golden.unanswerable.map((i) => ({ q: i.q, y: 0 as const, set: 'golden' })),
];
const samples = await samplesFor(resolve(config.corpusDir), corpusItems, config);
const seedsDir = resolve(values.seeds);
const seedFile = resolve('test/seeds/questions.json');
if (values.seeds !== 'none' && existsSync(seedsDir) && existsSync(seedFile)) {
  const seedQs = loadSeedQuestions(seedFile);
  samples.push(...(await samplesFor(seedsDir, seedQs.map((s) => ({ q: s.q, y: s.answerable === false ? (0 as const) : (1 as const), set: 'seeds' })), config)));
}

// 5-fold cross-validation, stratified: each question is scored by a model that never saw it.
const folds = 5;
const heldOut: Array<{ p: number; y: 0 | 1; set: string }> = [];
for (const label of [0, 1] as const) {
  const group = shuffle(samples.filter((s) => s.y === label));
  group.forEach((s, i) => ((s as Sample & { fold?: number }).fold = i % folds));
}
for (let f = 0; f < folds; f++) {
  const train = samples.filter((s) => (s as Sample & { fold?: number }).fold !== f);
  const test = samples.filter((s) => (s as Sample & { fold?: number }).fold === f);
  const m = fit(train);
  const t = bestThreshold(train.map((s) => ({ p: predict(m, s.x), y: s.y })));
  // Shift held-out scores so that each fold's own threshold maps to 0.5.
  for (const s of test) heldOut.push({ p: predict(m, s.x) - t + 0.5, y: s.y, set: s.set });
}
const cv = abstention(heldOut, 0.5);
const cvBySet = Object.fromEntries(
  ['golden', 'seeds'].map((set) => [set, abstention(heldOut.filter((s) => s.set === set), 0.5)]),
);

const curve = [0.1, 0.2, 0.3, 0.4, 0.5].map((t) => {
  const a = abstention(heldOut, t);
  return { threshold: t, precision: Math.round(a.precision * 1000) / 1000, recall: Math.round(a.recall * 1000) / 1000 };
});

const model = fit(samples);
const threshold = bestThreshold(samples.map((s) => ({ p: predict(model, s.x), y: s.y })));
const inSample = abstention(samples.map((s) => ({ p: predict(model, s.x), y: s.y })), threshold);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
/**
 * How well one feature alone separates answerable from unanswerable questions of a set: the share
 * of (answerable, unanswerable) pairs it orders rightly, ties counting half (the ROC curve's area).
 */
function featureAuc(set: string, i: number): number {
  const pos = samples.filter((s) => s.set === set && s.y === 1).map((s) => s.x[i]!);
  const neg = samples.filter((s) => s.set === set && s.y === 0).map((s) => s.x[i]!);
  let right = 0;
  for (const p of pos) for (const n of neg) right += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? right / (pos.length * neg.length) : 0;
}

const summary = {
  samples: samples.length,
  answerable: samples.filter((s) => s.y === 1).length,
  unanswerable: samples.filter((s) => s.y === 0).length,
  crossValidated: { precision: r3(cv.precision), recall: r3(cv.recall), bySet: Object.fromEntries(Object.entries(cvBySet).map(([k, v]) => [k, { precision: r3(v.precision), recall: r3(v.recall) }])) },
  inSample: { precision: r3(inSample.precision), recall: r3(inSample.recall) },
  threshold,
  heldOutCurve: curve,
  weights: Object.fromEntries(FEATURES.map((f, i) => [f, r3(model.w[i] ?? 0)])),
  bias: r3(model.b),
  featureAuc: Object.fromEntries(['golden', 'seeds'].map((set) => [set, Object.fromEntries(FEATURES.map((f, i) => [f, r3(featureAuc(set, i))]))])),
};
if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
else process.stdout.write(JSON.stringify(summary, null, 2) + '\n');

if (values.write) {
  const calibration: Calibration = {
    features: FEATURES,
    weights: model.w.map(r3),
    bias: r3(model.b),
    threshold,
    // Answers between the threshold and here carry a caution (see answer/answerer.ts).
    cautionBelow: Math.round(Math.min(0.95, threshold + 0.2) * 100) / 100,
    fittedOn:
      `npm run calibrate on ${new Date().toISOString().slice(0, 10)}: ${summary.answerable} answerable and ${summary.unanswerable} unanswerable questions ` +
      `(golden set on the sample corpus, seed questions on the seed documents); 5-fold CV abstention precision ${summary.crossValidated.precision}, recall ${summary.crossValidated.recall}`,
  };
  writeFileSync(resolve('src/answer/calibration.json'), JSON.stringify(calibration, null, 2) + '\n');
  process.stderr.write('Wrote src/answer/calibration.json\n');
}
