// npm run fit:direct -- [--write] [--seeds <dir>]
// Fits the direct answer's model (src/answer/extractive/direct.ts) on the labelled seed questions
// (test/seeds/*.json: the values of the phrases a correct answer must contain; near misses) over an
// index of the seed documents, prints its leave-one-document-out figures (the right value chosen;
// answers it would open with a right and with a wrong value; questions declined for want of a
// fitting value) and, with --write, stores the model fitted on all of them in
// src/answer/extractive/direct-model.json.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shares } from '../src/answer/extractive/direct.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { SEED_SETS, loadLabelled } from './lib/evaluate-seeds.ts';
import { OPEN_SHARE, collectExamples, declines, fitDirect, goldenDecisionQuestions, type LabelledQuestion } from './lib/fit-direct.ts';
import { withTempRuntime } from './lib/temp-runtime.ts';

const { values } = parseCli(
  { write: { type: 'boolean', default: false }, seeds: { type: 'string', default: '../shared/seeds' } },
  'npm run fit:direct -- [--write] [--seeds <dir>]',
);
const config = await loadConfigOrExit();
// The golden set's questions on the sample corpus teach the decline model the product's own documents.
const decisions = await withTempRuntime(config, config.corpusDir, ({ answerer }) => collectExamples(goldenDecisionQuestions(), answerer, true));
await withTempRuntime(config, values.seeds, async ({ answerer }) => {
  const files = Object.values(SEED_SETS);
  const questions = files.flatMap((f) => loadLabelled(resolve(f), resolve(values.seeds))) as LabelledQuestion[];
  const seedExamples = await collectExamples(questions, answerer);
  const examples = [...seedExamples, ...decisions];
  let chosen = 0, declinedNear = 0, declinedAnswerable = 0;
  // Each answerable question's chosen value, left out of its fit: what OPEN_SHARE is chosen on.
  const pooled: Array<{ p: number; right: boolean }> = [];
  for (const source of [...new Set(examples.flatMap((e) => (e.file ? [e.file] : [])))]) {
    const model = fitDirect([...seedExamples.filter((e) => e.file !== undefined && e.file !== source), ...decisions], `all but ${source}`);
    for (const e of seedExamples.filter((x) => x.file === source)) {
      const declined = declines(model, e);
      if (!e.answerable) {
        if (declined) declinedNear++;
        continue;
      }
      if (declined && e.labels.includes(1)) declinedAnswerable++;
      const ps = shares(model, e.xs);
      const best = ps.indexOf(Math.max(...ps));
      if (e.labels[best] === 1) chosen++;
      pooled.push({ p: ps[best]!, right: e.labels[best] === 1 });
    }
  }
  const opened = pooled.filter((x) => x.p >= OPEN_SHARE);
  const right = opened.filter((x) => x.right).length;
  const wrong = opened.length - right;
  const n = examples.filter((e) => e.answerable && e.file).length;
  const near = examples.filter((e) => !e.answerable && e.file).length;
  process.stdout.write(`${n} answerable questions asking for a value and ${near} near misses tied to a document (of ${questions.length}); ${examples.filter((e) => e.file && e.labels.includes(1)).length} with the right value among the passages' values\n`);
  process.stdout.write(`leave one document out: right value chosen ${chosen}/${n}; answers opened with the right value ${right}, with a wrong one ${wrong}; declined for want of a fitting value: near misses ${declinedNear}/${near}, answerable with the value in the passages ${declinedAnswerable}\n`);
  const nets = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5].map((t) => `${t.toFixed(2)}: ${pooled.filter((x) => x.p >= t).reduce((a, x) => a + (x.right ? 1 : -1), 0)}`);
  process.stdout.write(`right minus wrong openings by the share they open from (OPEN_SHARE ${OPEN_SHARE}): ${nets.join(', ')}\n`);
  const model = fitDirect(examples, `${files.join(', ')} over ${values.seeds} (${n} questions asking for a value); the decline model also on ${decisions.length} golden questions asking for a value (test/golden, sample corpus), ${new Date().toISOString().slice(0, 10)}`);
  process.stdout.write(`${JSON.stringify(model)}\n`);
  if (values.write) {
    writeFileSync(resolve('src/answer/extractive/direct-model.json'), `${JSON.stringify(model, null, 2)}\n`);
    process.stdout.write('written to src/answer/extractive/direct-model.json\n');
  }
});
