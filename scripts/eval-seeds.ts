// npm run eval:seeds -- [--json] [--seeds <dir>]
// Ingests the seed documents (real government documents nobody here wrote, ../shared/seeds) into
// a fresh index and asks the seed questions (test/seeds/questions.json, tuned on over sessions 1–3,
// and test/seeds/heldout.json, written blind in session 3) through the answering pipeline of
// /api/ask. Prints, per set: the passage holding the fact in the top 5 citations, answerable
// questions answered, the answer's own text stating the fact, and unanswerable questions declined.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { evaluateSeeds, loadSeedQuestions, type SeedResult } from './lib/evaluate-seeds.ts';

const { values } = parseCli(
  { json: { type: 'boolean', default: false }, seeds: { type: 'string', default: '../shared/seeds' } },
  'npm run eval:seeds -- [--json] [--seeds <dir>]',
);
const config = await loadConfigOrExit();
const seedsDir = resolve(values.seeds);
if (!existsSync(seedsDir)) {
  process.stderr.write(`No seed documents in ${seedsDir}: pass --seeds <dir> (the folder of ../shared/seeds).\n`);
  process.exit(2);
}
const temp = mkdtempSync(join(tmpdir(), 'seabis-eval-seeds-'));
try {
  const indexDir = join(temp, 'index');
  const report = await ingest({ sourceDir: seedsDir, indexDir, embedder: await createEmbedder(config) });
  for (const f of report.failed) process.stderr.write(`Could not ingest ${f.source}: ${f.error}\n`);
  const { answerer } = await openRuntime(config, { indexDir });
  const sets: Record<string, SeedResult> = {};
  for (const [name, file] of [['questions', 'test/seeds/questions.json'], ['heldout', 'test/seeds/heldout.json']] as const) {
    sets[name] = await evaluateSeeds(loadSeedQuestions(resolve(file)), answerer);
  }
  // The floors of test/seeds/seeds.test.ts hold for the embedded defaults; say which models ran.
  const models = { embeddings: config.embeddings?.model ?? 'built-in hashed n-grams', answers: config.llm?.model ?? 'built-in extractive' };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ models, ...sets })}\n`);
  } else {
    process.stdout.write(`Models: embeddings ${models.embeddings}; answers ${models.answers}\n\n`);
    const pct = (a: number, b: number) => `${a}/${b} (${b > 0 ? ((a / b) * 100).toFixed(1) : '-'}%)`;
    for (const [name, r] of Object.entries(sets)) {
      process.stdout.write(
        [
          `${name === 'questions' ? 'Seed questions (tuned on in sessions 1–3)' : 'Held-out seed questions (written blind)'}:`,
          `  passage with the fact in the top 5   ${pct(r.found, r.answerable)}`,
          `  answerable questions answered        ${pct(r.answered, r.answerable)}`,
          `  answer text states the fact          ${pct(r.stated, r.answered)} of those answered`,
          `  unanswerable questions declined      ${pct(r.declined, r.unanswerable)}`,
          `  not found: ${r.misses.notFound.join(' ') || '-'}; declined: ${r.misses.declined.join(' ') || '-'}; not stated: ${r.misses.notStated.join(' ') || '-'}; answered though unanswerable: ${r.misses.answeredUnanswerable.join(' ') || '-'}`,
          '',
        ].join('\n'),
      );
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
