// npm run fit:reader -- [--write] [--seeds <dir>]
// Fits the reader (src/answer/reader.ts), which orders the retrieved passages by their best
// sentence, on the labelled seed questions (test/seeds/*.json) over an index of the seed documents.
// Prints its leave-one-document-out figures per question set — each document's questions read by a
// reader (and a value model) fitted on the other documents only: the best sentence holding the
// fact, the reader's against the sentence scoring's, and the first passage holding it, the
// reader's order against the retrieval's — and, with --write, stores the reader fitted on all of
// them in src/answer/reader-model.json.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { SEED_SETS, loadSeedQuestions } from './lib/evaluate-seeds.ts';
import { collectExamples, fitDirect, type LabelledQuestion } from './lib/fit-direct.ts';
import { collectReaderExamples, fitReader, goldenReaderExamples, measureReader, type ReaderFigures } from './lib/fit-reader.ts';
import { withTempRuntime } from './lib/temp-runtime.ts';

const { values } = parseCli(
  { write: { type: 'boolean', default: false }, seeds: { type: 'string', default: '../shared/seeds' } },
  'npm run fit:reader -- [--write] [--seeds <dir>]',
);
const config = await loadConfigOrExit();
await withTempRuntime(config, values.seeds, async ({ answerer }) => {
  const sets = Object.entries(SEED_SETS).map(([name, file]) => ({ name, questions: loadSeedQuestions(resolve(file)) as LabelledQuestion[] }));
  const questions = sets.flatMap((s) => s.questions);
  const setOf = new Map(sets.flatMap((s) => s.questions.map((q) => [q.id, s.name] as const)));
  const direct = await collectExamples(questions, answerer);
  const examples = await collectReaderExamples(questions, answerer);
  // The golden set's dev half (the sample corpus, labelled by section) is fitted on in every fold; its test half is only measured.
  const golden = { dev: await goldenReaderExamples(config, 'dev'), test: await goldenReaderExamples(config, 'test') };
  const bySet = new Map<string, ReaderFigures>();
  for (const source of [...new Set(examples.flatMap((e) => (e.file ? [e.file] : [])))].sort()) {
    const others = (e: { file?: string }) => e.file !== undefined && e.file !== source;
    const fold = fitDirect(direct.filter(others), `all but ${source}`);
    const reader = fitReader([...examples.filter(others), ...golden.dev], fold, `all but ${source}`);
    for (const [name] of sets.map((s) => [s.name])) {
      const mine = examples.filter((e) => e.file === source && setOf.get(e.id) === name);
      const f = measureReader(mine, reader, fold);
      const acc = bySet.get(name!) ?? { questions: 0, leadHolds: { reader: 0, scoring: 0 }, hit1: { reader: 0, retrieval: 0 } };
      acc.questions += f.questions;
      acc.leadHolds.reader += f.leadHolds.reader;
      acc.leadHolds.scoring += f.leadHolds.scoring;
      acc.hit1.reader += f.hit1.reader;
      acc.hit1.retrieval += f.hit1.retrieval;
      bySet.set(name!, acc);
    }
  }
  process.stdout.write('leave one document out (reader and value model fitted on the other documents):\n');
  process.stdout.write('  set        questions  best sentence holds the fact: reader / scoring   first passage holds it: reader / retrieval\n');
  for (const [name, f] of bySet) {
    process.stdout.write(`  ${name.padEnd(10)} ${String(f.questions).padStart(9)}  ${String(f.leadHolds.reader).padStart(28)} / ${String(f.leadHolds.scoring).padEnd(10)} ${String(f.hit1.reader).padStart(23)} / ${f.hit1.retrieval}\n`);
  }
  const all = fitDirect(direct, 'all');
  const model = fitReader(
    [...examples, ...golden.dev],
    all,
    `${Object.values(SEED_SETS).join(', ')} over ${values.seeds} (${examples.length} answerable questions) and the golden set's dev half (${golden.dev.length}), ${new Date().toISOString().slice(0, 10)}`,
  );
  const test = measureReader(golden.test, model, all);
  process.stdout.write(`golden test half (never fitted on; ${test.questions} questions): first passage labelled: reader ${test.hit1.reader} / retrieval ${test.hit1.retrieval}\n`);
  process.stdout.write(`${JSON.stringify(model)}\n`);
  if (values.write) {
    writeFileSync(resolve('src/answer/reader-model.json'), `${JSON.stringify(model, null, 2)}\n`);
    process.stdout.write('written to src/answer/reader-model.json\n');
  }
});
