// npm run ask -- [--index <dir>] [--json] "<question>"   |   npm run ask -- --stdin [--json]
// Answers without a server. With --stdin: one question per line in, one JSON answer per line out.
import { createInterface } from 'node:readline';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import type { Answer } from '../src/answer/types.ts';

const { values, positionals } = parseCli(
  {
    index: { type: 'string' },
    json: { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
  },
  'npm run ask -- [--index <dir>] [--json] "<question>"  |  npm run ask -- --stdin [--json]',
);
// A closed pipe (`npm run ask … | head`) ends the program quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const config = await loadConfigOrExit();
const question = positionals.join(' ').trim();
if (!values.stdin && question === '') {
  process.stderr.write('Give a question, or --stdin to read one question per line.\n');
  process.exit(2);
}
let runtime;
try {
  runtime = await openRuntime(config, { indexDir: values.index, onEvent: (e) => process.stderr.write(`[${e.type}] ${e.detail}\n`) });
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}

function print(a: Answer): void {
  if (values.json || values.stdin) {
    process.stdout.write(JSON.stringify(a) + '\n');
    return;
  }
  process.stdout.write(`${a.answer}\n\n`);
  for (const c of a.citations) {
    const where = [c.title, c.section].filter(Boolean).join(' › ') + (c.page !== null ? ` p.${c.page}` : '');
    process.stdout.write(`[${c.n}]${c.cited ? '*' : ' '} ${where} (${c.source}, score ${c.score})\n`);
  }
  process.stdout.write(`\nconfidence ${a.confidence}${a.escalate ? ' — escalate to accounting staff' : ''}\n`);
}

if (values.stdin) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const q = line.trim();
    if (q === '') {
      process.stdout.write(JSON.stringify({ error: { code: 'empty_question', message: 'empty line' } }) + '\n');
      continue;
    }
    print(await runtime.answerer.ask({ question: q }));
  }
} else {
  print(await runtime.answerer.ask({ question }));
}
