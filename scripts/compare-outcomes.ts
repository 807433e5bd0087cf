// npm run eval:diff -- <before.jsonl> <after.jsonl> [--seeds <dir>] [--all]
// Compares two runs of `npm run eval:seeds -- --loo … --outcomes <file>` question by question:
// per set, how many answers went from one verdict to another (fact stated, missed, declined; near
// miss declined, cautioned, answered), then the questions whose verdict changed (with --all, those
// whose text changed too). Questions of the blind set are counted, never listed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCli } from './lib/args.ts';
import { type Outcome, compareOutcomes } from './lib/compare-outcomes.ts';
import { BLIND_SETS, SEED_SETS, loadLabelled, loadSeedQuestions, printedAnswers } from './lib/evaluate-seeds.ts';

const usage = 'npm run eval:diff -- <before.jsonl> <after.jsonl> [--seeds <dir>] [--all]';
const { values, positionals } = parseCli({ seeds: { type: 'string', default: '../shared/seeds' }, all: { type: 'boolean', default: false } }, usage);
if (positionals.length !== 2) {
  process.stderr.write(`Give the two outcomes files.\n\nUsage: ${usage}\n`);
  process.exit(2);
}
const read = (file: string): Outcome[] => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Outcome);
  } catch (e) {
    process.stderr.write(`Cannot read ${file} as an outcomes file (JSON lines of npm run eval:seeds -- --outcomes): ${(e as Error).message}\n`);
    process.exit(2);
  }
};
const [before, after] = [read(positionals[0]!), read(positionals[1]!)];
const seeds = resolve(values.seeds);
// The outcomes' set names: 「untuned」 is loo.json, 「tuned」 the two tuned sets.
const files: Record<string, string[]> = { untuned: [SEED_SETS.loo], tuned: [SEED_SETS.questions, SEED_SETS.heldout] };
for (const [name, file] of Object.entries(SEED_SETS)) if (!['loo', 'questions', 'heldout'].includes(name)) files[name] = [file];
const questions = new Map(Object.entries(files).map(([set, fs]) => [set, new Map(fs.flatMap((f) => loadLabelled(resolve(f), seeds)).map((q) => [q.id, q]))]));
for (const [name, file] of Object.entries(BLIND_SETS)) questions.set(name, new Map(printedAnswers(loadSeedQuestions(resolve(file)), seeds).questions.map((q) => [q.id, q])));
const { bySet, changed } = compareOutcomes(before, after, questions, new Set(Object.keys(BLIND_SETS)));
for (const [set, counts] of bySet) {
  const moves = [...counts].filter(([label]) => label.includes('→')).map(([label, n]) => `${label} ${n}`);
  process.stdout.write(`${set}${(BLIND_SETS as Record<string, string>)[set] ? ' (blind: counted only)' : ''}: ${moves.length > 0 ? moves.join(', ') : 'no verdict changed'}\n`);
}
const shown = changed.filter((c) => values.all || !c.textOnly);
if (shown.length > 0) process.stdout.write('\n');
for (const c of shown) process.stdout.write(`${c.set} ${c.id}: ${c.textOnly ? `${c.before} (text changed)` : `${c.before} → ${c.after}`}  ${c.q}\n`);
process.stdout.write(`\n${changed.filter((c) => !c.textOnly).length} verdicts and ${changed.filter((c) => c.textOnly).length} texts changed outside the blind sets\n`);
