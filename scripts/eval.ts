// npm run eval -- [--json] [--index <dir>] [--golden <dir>] [--split all|dev|test] [--facts <file>|none]
// Builds a fresh index of CORPUS_DIR (unless --index is given), runs the golden set through the
// answering pipeline of /api/ask, and prints the figures (a table on a terminal, or one JSON object),
// with whether the answers' own text states the facts of test/golden-facts (written blind).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { evaluate, type EvalResult } from './lib/evaluate.ts';
import { evaluateFacts, type FactResult, loadFacts } from './lib/evaluate-facts.ts';
import { evaluateRisk, loadRiskItems, type RiskEvalResult } from './lib/evaluate-risk.ts';
import { type GoldenSplit, inSplit, loadGolden } from './lib/golden.ts';

const { values } = parseCli(
  {
    json: { type: 'boolean', default: false },
    index: { type: 'string' },
    golden: { type: 'string', default: 'test/golden' },
    split: { type: 'string', default: 'all' },
    'chunk-target': { type: 'string' },
    'chunk-max': { type: 'string' },
    'lexical-weight': { type: 'string' },
    facts: { type: 'string', default: 'test/golden-facts/facts.jsonl' },
  },
  'npm run eval -- [--json] [--index <dir>] [--golden <dir>] [--split all|dev|test] [--facts <file>|none] [--chunk-target N --chunk-max N] [--lexical-weight W]',
);
const config = await loadConfigOrExit();
if (!['all', 'dev', 'test'].includes(values.split)) {
  process.stderr.write(`--split must be all, dev or test (got ${values.split})\n`);
  process.exit(2);
}
const golden = loadGolden(resolve(values.golden), values.split as GoldenSplit);
let indexDir = values.index ? resolve(values.index) : '';
let temp: string | null = null;
if (!indexDir) {
  temp = mkdtempSync(join(tmpdir(), 'seabis-eval-'));
  indexDir = join(temp, 'index');
  const chunkOptions = values['chunk-target']
    ? { targetChars: Number(values['chunk-target']), maxChars: Number(values['chunk-max'] ?? Number(values['chunk-target']) * 2) }
    : undefined;
  const report = await ingest({ sourceDir: resolve(config.corpusDir), indexDir, embedder: await createEmbedder(config), chunkOptions });
  for (const f of report.failed) process.stderr.write(`Could not ingest ${f.source}: ${f.error}\n`);
}
try {
  const retrieval = values['lexical-weight'] ? { lexicalWeight: Number(values['lexical-weight']) } : {};
  const { answerer, retriever, guarded } = await openRuntime(config, { indexDir, retrieval });
  const started = performance.now();
  const result = await evaluate(golden, { answerer, retriever, indexDir });
  const risk = await evaluateRisk(loadRiskItems(join(resolve(values.golden), 'risk.jsonl')), guarded);
  const seconds = (performance.now() - started) / 1000;
  const factsFile = values.facts === 'none' ? null : resolve(values.facts);
  if (factsFile && !existsSync(factsFile)) process.stderr.write(`No facts file ${factsFile}: the answers' facts are not checked (--facts none to skip quietly).\n`);
  const facts = factsFile && existsSync(factsFile) ? await evaluateFacts(loadFacts(factsFile).filter((f) => inSplit(f.id, values.split as GoldenSplit)), answerer) : null;
  if (values.json) {
    const { failures, byCategory, byStyle, ...figures } = result;
    const { failures: riskFailures, ...riskFigures } = risk;
    const factFigures = facts ? { n: facts.n, answered: facts.answered, cited: facts.cited, stated: facts.stated } : null;
    process.stdout.write(JSON.stringify({ ...figures, facts: factFigures, risk: { ...riskFigures, failures: riskFailures.length }, byCategory, byStyle, failures: failures.length, seconds: Math.round(seconds * 10) / 10 }) + '\n');
  } else {
    printTable(result, seconds);
    if (facts) printFacts(facts);
    printRisk(risk);
  }
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}

function printFacts(f: FactResult): void {
  const out = [
    `Answer facts (test/golden-facts, ${f.n} questions written blind, each with phrases of the answering section):`,
    `  answered ${f.answered}; a cited passage holds the phrases ${f.cited}; the answer's own text states them ${f.stated} (${((f.stated / Math.max(1, f.answered)) * 100).toFixed(1)}% of those answered)`,
    `  by kind: ${Object.entries(f.byKind).sort().map(([k, m]) => `${k} ${m.stated}/${m.n}`).join(', ')}`,
    `  not stated: ${f.failures.map((x) => `${x.id}${x.problem === 'not stated' ? '' : ` (${x.problem})`}`).join(' ')}`,
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
}

function printTable(r: EvalResult, seconds: number): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const out: string[] = [];
  out.push(`Golden set: ${r.counts.answerable} answerable, ${r.counts.unanswerable} unanswerable, ${r.counts.date} date, ${r.counts.followup} follow-up (${seconds.toFixed(1)} s)`, '');
  out.push('                      hit@1   hit@5     MRR');
  out.push(`  hybrid (product)  ${pct(r.hit1)} ${pct(r.hit5)} ${r.mrr.toFixed(3).padStart(7)}`);
  out.push(`  bm25 char bigrams ${pct(r.baselines.bigram.hit1)} ${pct(r.baselines.bigram.hit5)} ${r.baselines.bigram.mrr.toFixed(3).padStart(7)}`);
  out.push(`  bm25 kuromoji     ${pct(r.baselines.kuromoji.hit1)} ${pct(r.baselines.kuromoji.hit5)} ${r.baselines.kuromoji.mrr.toFixed(3).padStart(7)}`);
  out.push(`  bm25 whitespace   ${pct(r.baselines.bm25.hit1)} ${pct(r.baselines.bm25.hit5)} ${r.baselines.bm25.mrr.toFixed(3).padStart(7)}`);
  out.push(`  dense only        ${pct(r.baselines.dense.hit1)} ${pct(r.baselines.dense.hit5)} ${r.baselines.dense.mrr.toFixed(3).padStart(7)}`, '');
  out.push(`  abstention precision ${pct(r.abstain.precision)}  recall ${pct(r.abstain.recall)}`);
  out.push(`  date accuracy        ${pct(r.date.accuracy)}  (hit@5 ${pct(r.date.hit5).trim()})`);
  out.push(`  follow-up hit@5      ${pct(r.followup.hit5)}`);
  out.push(`  answer lead cites an expected passage ${pct(r.answer.lead)}  (of ${r.answer.answered} answered; length p50 ${r.answer.chars.p50}, p90 ${r.answer.chars.p90} characters)`, '');
  out.push('  by category            n   hit@1   hit@5');
  for (const [k, m] of Object.entries(r.byCategory).sort()) out.push(`    ${k.padEnd(18)} ${String(m.n).padStart(3)} ${pct(m.hit1)} ${pct(m.hit5)}`);
  out.push('  by style               n   hit@1   hit@5');
  for (const [k, m] of Object.entries(r.byStyle).sort()) out.push(`    ${k.padEnd(18)} ${String(m.n).padStart(3)} ${pct(m.hit1)} ${pct(m.hit5)}`);
  out.push('', `Wrong (${r.failures.length}):`);
  for (const f of r.failures) out.push(`  [${f.set} ${f.id}] ${f.problem}: ${f.q}\n      ${f.got}`);
  process.stdout.write(out.join('\n') + '\n');
}

function printRisk(r: RiskEvalResult): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const out = ['', `Risk assessment: ${r.n} labelled prompts (${r.benign} benign look-alikes, ${r.benignFlagged} of them flagged)`, '                         precision  recall'];
  for (const [code, m] of Object.entries(r.byCode)) out.push(`  ${code.padEnd(22)} ${pct(m.precision)} ${pct(m.recall)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`);
  out.push('  personal data by kind');
  for (const [kind, m] of Object.entries(r.byPiiKind)) out.push(`    ${kind.padEnd(20)} ${pct(m.precision)} ${pct(m.recall)}`);
  out.push('', `Risk disagreements (${r.failures.length}):`);
  for (const f of r.failures) out.push(`  [${f.id}] expected ${f.expected.join(',') || '-'}; got ${f.got.join(',') || '-'}: ${f.q.slice(0, 80)}`);
  process.stdout.write(out.join('\n') + '\n');
}
