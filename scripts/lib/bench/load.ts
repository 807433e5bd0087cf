// The load driver of `npm run bench`, run as its own process so that it does not share an event
// loop with the server it measures. N concurrent users send the golden questions one after another
// for a bounded time; prints one JSON object with the latencies.
// node scripts/lib/bench/load.ts <url> <token> <ask|chat> <concurrency> <seconds> <questions.json>
import { readFileSync } from 'node:fs';
import { percentile } from '../stats.ts';

const [url, token, mode, concurrencyArg, secondsArg, questionsFile] = process.argv.slice(2);
if (!url || !token || (mode !== 'ask' && mode !== 'chat') || !questionsFile) {
  process.stderr.write('usage: load.ts <url> <token> <ask|chat> <concurrency> <seconds> <questions.json>\n');
  process.exit(2);
}
const concurrency = Number(concurrencyArg);
const seconds = Number(secondsArg);
const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as string[];

const latencies: number[] = [];
const errors: string[] = [];
let next = 0;
const deadline = performance.now() + seconds * 1000;

function body(question: string, user: number): string {
  if (mode === 'ask') return JSON.stringify({ question });
  return JSON.stringify({ id: `bench-${user}-${next}`, messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: question }] }] });
}

async function user(n: number): Promise<void> {
  while (performance.now() < deadline) {
    const question = questions[next++ % questions.length]!;
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}/api/${mode}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body(question, n),
      });
      if (mode === 'ask') {
        await res.json();
        latencies.push(performance.now() - t0);
      } else {
        // Time to the first byte of the stream, then read it to the end.
        const reader = res.body!.getReader();
        await reader.read();
        latencies.push(performance.now() - t0);
        while (!(await reader.read()).done);
      }
      if (res.status !== 200) errors.push(`HTTP ${res.status}`);
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
const elapsed = (performance.now() - started) / 1000;
const pct = (p: number) => Math.round(percentile(latencies, p) * 100) / 100;
process.stdout.write(
  JSON.stringify({ requests: latencies.length, seconds: Math.round(elapsed * 10) / 10, p50Ms: pct(50), p95Ms: pct(95), p99Ms: pct(99), rps: Math.round((latencies.length / elapsed) * 10) / 10, errors: errors.length, errorSamples: [...new Set(errors)].slice(0, 3) }) + '\n',
);
