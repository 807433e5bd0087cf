// npm run latency -- --index <dir> [--questions <json|jsonl>] [--rounds N]
// Time of `ask` per question in a warm process (no server), over a question file
// (an array of { q } objects, e.g. test/seeds/questions.json). Prints p50/p95.
import { readFileSync } from 'node:fs';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { percentile } from './lib/stats.ts';

const { values } = parseCli(
  { index: { type: 'string' }, questions: { type: 'string', default: 'test/seeds/questions.json' }, rounds: { type: 'string', default: '3' } },
  'npm run latency -- --index <dir> [--questions <json>] [--rounds N]',
);
// A JSON array of { q } (test/seeds/questions.json) or JSON lines of { q } (test/golden/*.jsonl).
const raw = readFileSync(values.questions, 'utf8');
const items = (values.questions.endsWith('.jsonl') ? raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)) : JSON.parse(raw)) as Array<{ q: string }>;
const questions = items.map((x) => x.q);
const runtime = await openRuntime(await loadConfigOrExit(), { indexDir: values.index });
for (const q of questions.slice(0, 10)) await runtime.answerer.ask({ question: q });
const ms: number[] = [];
let answered = 0;
for (let r = 0; r < Number(values.rounds); r++) {
  for (const q of questions) {
    const t = performance.now();
    const a = await runtime.answerer.ask({ question: q });
    ms.push(performance.now() - t);
    if (!a.escalate) answered++;
  }
}
const p = (x: number) => percentile(ms, x * 100).toFixed(2);
process.stdout.write(`${ms.length} asks (${answered} answered, ${ms.length - answered} abstained) over ${runtime.index.size} chunks: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms\n`);
