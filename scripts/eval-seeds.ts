// npm run eval:seeds -- [--json] [--loo [--fresh] [--third] … [--<blind set>]] [--seeds <dir>] [--outcomes <file>]
// Ingests the seed documents (real government documents nobody here wrote, ../shared/seeds) into
// a fresh index and asks questions about them through the answering pipeline of /api/ask.
// Without --loo: the seed questions (test/seeds/questions.json, tuned on over sessions 1–3, and
// test/seeds/heldout.json, written blind in session 3): the passage holding the fact in the top 5,
// answerable questions answered, the answer's own text stating the fact, unanswerable declined.
// With --loo: leave one document out on the questions of test/seeds/loo.json (written blind in
// session 5), and on each set named by its flag: the development sets of SEED_SETS (each written
// blind in one session and developed on since the next, WRITTEN_IN) and the blind set of
// BLIND_SETS (in no fit); apart, on the tuned sets. Per document and overall, the figures of
// scripts/lib/evaluate-loo.ts, with the character-bigram and kuromoji BM25 baselines.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { readIndexText } from '../src/retrieval/node/file-index.ts';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { BaselineIndex, bigramAnalyzer, kuromojiAnalyzer } from './lib/baselines.ts';
import { collectExamples, goldenDecisionQuestions } from './lib/fit-direct.ts';
import { withTempRuntime } from './lib/temp-runtime.ts';
import { evaluateLoo, fittedFolds, type LooDocument, type LooFigures, type LooQuestion } from './lib/evaluate-loo.ts';
import { BLIND_SETS, DEVELOPMENT_SETS, SEED_SETS, WRITTEN_IN, evaluateSeeds, loadLabelled, loadSeedQuestions, printedAnswers, type SeedResult } from './lib/evaluate-seeds.ts';

const SET_FLAGS = [...DEVELOPMENT_SETS, ...(Object.keys(BLIND_SETS) as Array<keyof typeof BLIND_SETS>)];
const usage = `npm run eval:seeds -- [--json] [--loo ${SET_FLAGS.map((n) => `[--${n}]`).join(' ')}] [--seeds <dir>] [--outcomes <file>]`;
const { values } = parseCli(
  {
    json: { type: 'boolean', default: false },
    loo: { type: 'boolean', default: false },
    ...Object.fromEntries(SET_FLAGS.map((n) => [n, { type: 'boolean', default: false }] as const)),
    seeds: { type: 'string', default: '../shared/seeds' },
    outcomes: { type: 'string' },
  },
  usage,
);
const config = await loadConfigOrExit();
const seedsDir = resolve(values.seeds);
if (!existsSync(seedsDir)) {
  process.stderr.write(`No seed documents in ${seedsDir}: pass --seeds <dir> (the folder of ../shared/seeds).\n`);
  process.exit(2);
}
// The floors of test/seeds/seeds.test.ts hold for the embedded defaults; say which models ran.
const models = { embeddings: config.embeddings?.model ?? 'built-in hashed n-grams', answers: config.llm?.model ?? 'built-in extractive' };
const temp = mkdtempSync(join(tmpdir(), 'seabis-eval-seeds-'));
try {
  const indexDir = join(temp, 'index');
  const report = await ingest({ sourceDir: seedsDir, indexDir, embedder: await createEmbedder(config) });
  for (const f of report.failed) process.stderr.write(`Could not ingest ${f.source}: ${f.error}\n`);
  const { answerer, retriever, index } = await openRuntime(config, { indexDir });
  if (values.loo) {
    const { chunks } = await readIndexText(indexDir);
    const baselines = { bigram: new BaselineIndex(chunks, bigramAnalyzer), kuromoji: new BaselineIndex(chunks, await kuromojiAnalyzer()) };
    const looQuestions = loadLabelled(resolve(SEED_SETS.loo), seedsDir) as LooQuestion[];
    // Some writers gave short answers as values the document prints otherwise (「4位」 for a row of a
    // table): those questions are judged by their passage phrases (printedAnswers, in loadLabelled).
    const development = DEVELOPMENT_SETS.map((name) => ({ name, questions: loadLabelled(resolve(SEED_SETS[name]), seedsDir) as LooQuestion[] }));
    const tunedQuestions = [SEED_SETS.questions, SEED_SETS.heldout].flatMap((f) => loadLabelled(resolve(f), seedsDir)) as LooQuestion[];
    // What the answer fits (the value model) is fitted without the document asked about.
    const decisions = await withTempRuntime(config, config.corpusDir, ({ answerer: sample }) => collectExamples(goldenDecisionQuestions(), sample, true));
    const askFor = await fittedFolds([...looQuestions, ...development.flatMap((d) => d.questions), ...tunedQuestions], answerer, retriever, () => index.version, decisions);
    const flags = values as Record<string, unknown>;
    const measured: Array<{ name: string; title: string; result: Awaited<ReturnType<typeof evaluateLoo>> }> = [];
    measured.push({ name: 'untuned', title: `Development: ${SEED_SETS.loo} (written blind in session ${WRITTEN_IN.loo}, developed on since session 7), leave one document out`, result: await evaluateLoo(looQuestions, askFor, baselines) });
    for (const { name, questions } of development) {
      if (!flags[name]) continue;
      const title = `Development: ${SEED_SETS[name]} (written blind in session ${WRITTEN_IN[name]}, developed on since session ${WRITTEN_IN[name] + 1}), leave one document out`;
      measured.push({ name, title, result: await evaluateLoo(questions, askFor, baselines) });
    }
    // A blind set is in no fit: measured only when asked for.
    for (const [name, file] of Object.entries(BLIND_SETS) as Array<[keyof typeof BLIND_SETS, string]>) {
      if (!flags[name]) continue;
      const blind = printedAnswers(loadSeedQuestions(resolve(file)) as LooQuestion[], seedsDir);
      if (!values.json) process.stdout.write(`${file}: ${blind.replaced} answerable questions with short answers their document does not print, judged by their passage phrases\n`);
      const title = `Untuned: ${file} (written blind in session ${WRITTEN_IN[name]}, in no fit), leave one document out`;
      measured.push({ name, title, result: await evaluateLoo(blind.questions, askFor, baselines) });
    }
    measured.push({ name: 'tuned', title: 'Tuned: test/seeds/questions.json + heldout.json (tuned on in sessions 1–4)', result: await evaluateLoo(tunedQuestions.filter((q) => q.file), askFor, baselines) });
    // Every question's answer, one JSON line each, for comparing two versions (npm run eval:diff).
    if (values.outcomes) {
      const lines = measured.flatMap(({ name, result }) =>
        result.outcomes.map((o) => JSON.stringify({ set: name, id: o.q.id, file: o.q.file, q: o.q.q, escalate: o.answer.escalate, confidence: o.answer.confidence, answer: o.answer.answer, ranks: o.ranks })),
      );
      writeFileSync(values.outcomes, lines.join('\n') + '\n');
    }
    if (values.json) {
      const [untuned, ...rest] = measured;
      const sets = Object.fromEntries(rest.map(({ name, result }) => [name, { overall: result.overall, documents: result.documents }]));
      process.stdout.write(`${JSON.stringify({ models, overall: untuned!.result.overall, documents: untuned!.result.documents, ...sets })}\n`);
    } else {
      process.stdout.write(`Models: embeddings ${models.embeddings}; answers ${models.answers}\n\n`);
      for (const { title, result } of measured) process.stdout.write(looTable(title, result.overall, result.documents));
    }
  } else {
    const sets: Record<string, SeedResult> = {};
    for (const [name, file] of [['questions', 'test/seeds/questions.json'], ['heldout', 'test/seeds/heldout.json']] as const) {
      sets[name] = await evaluateSeeds(loadSeedQuestions(resolve(file)), answerer);
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ models, ...sets })}\n`);
    else process.stdout.write(`Models: embeddings ${models.embeddings}; answers ${models.answers}\n\n${Object.entries(sets).map(([n, r]) => seedTable(n, r)).join('')}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

function seedTable(name: string, r: SeedResult): string {
  const pct = (a: number, b: number) => `${a}/${b} (${b > 0 ? ((a / b) * 100).toFixed(1) : '-'}%)`;
  return [
    `${name === 'questions' ? 'Seed questions (tuned on in sessions 1–3)' : 'Held-out seed questions (written blind)'}:`,
    `  passage with the fact in the top 5   ${pct(r.found, r.answerable)}`,
    `  answerable questions answered        ${pct(r.answered, r.answerable)}`,
    `  answer text states the fact          ${pct(r.stated, r.answered)} of those answered`,
    `  unanswerable questions declined      ${pct(r.declined, r.unanswerable)}`,
    `  not found: ${r.misses.notFound.join(' ') || '-'}; declined: ${r.misses.declined.join(' ') || '-'}; not stated: ${r.misses.notStated.join(' ') || '-'}; answered though unanswerable: ${r.misses.answeredUnanswerable.join(' ') || '-'}`,
    '',
  ].join('\n');
}

function looTable(title: string, overall: LooFigures, documents: LooDocument[]): string {
  const f = (x: number) => x.toFixed(3).padStart(6);
  const row = (name: string, r: LooFigures) =>
    `  ${name.padEnd(26)} ${String(r.answerable).padStart(3)} ${String(r.nearMisses).padStart(3)} ${f(r.top5)} ${f(r.factStated)} ${f(r.cited)} ${f(r.declined)} ${f(r.confidentWrong)} ${f(r.wrongNoCaveat)}` +
    `  ${f(r.retrieval.product.hit1)} ${f(r.retrieval.bigram.hit1)} ${f(r.retrieval.kuromoji.hit1)}  ${f(r.retrieval.product.hit5)} ${f(r.retrieval.bigram.hit5)} ${f(r.retrieval.kuromoji.hit5)}`;
  return [
    `${title}:`,
    `  ${'document'.padEnd(26)}   n  nm   top5   fact  cited  decl. confW. wrongNC  hit@1: prod bigram  kuro.  hit@5: prod bigram  kuro.`,
    ...documents.map((d) => row(d.source, d)),
    row('overall', overall),
    ...documents.map((d) => `  ${d.source}: not stated ${d.misses.notStated.join(' ') || '-'}; not cited ${d.misses.notCited.join(' ') || '-'}; near misses answered ${d.misses.answeredNearMiss.join(' ') || '-'}`),
    '',
  ].join('\n');
}
