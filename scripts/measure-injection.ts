// npm run measure:injection [-- --json] [--set <file>]: precision and recall of the injection
// detector on a labelled set (default test/risk/injection-set.jsonl, written apart from the
// detector; test/risk/injection-heldout.jsonl, written before the detector change too, but consulted
// when its patterns were chosen: neither set is blind), per kind of attack, with
// the attacks missed and the benign look-alikes flagged.
import { loadInjectionSet, measureInjection } from './lib/injection-set.ts';
import { parseCli } from './lib/args.ts';

const { values } = parseCli({ json: { type: 'boolean', default: false }, set: { type: 'string' } }, 'npm run measure:injection -- [--json] [--set <file>]');
const f = measureInjection(loadInjectionSet(values.set));
if (values.json) process.stdout.write(JSON.stringify(f) + '\n');
else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `injection detector on ${f.n} labelled prompts (${f.tp + f.fn} attacks, ${f.n - f.tp - f.fn} benign look-alikes)`,
    `precision ${pct(f.precision)} (${f.fp} false alarms), recall ${pct(f.recall)} (${f.fn} missed)`,
    `recall by kind: ${Object.entries(f.recallByKind).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    ...f.missed.map((i) => `  missed ${i.id} [${i.kind}] ${i.q}`),
    ...f.falseAlarms.map((i) => `  false alarm ${i.id} ${i.q}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
