// Soak: 60 seconds at 20 concurrent users against a running server (`npm run test:reliability`,
// outside npm test because of its length). No errors, and memory stays flat: after a 10-second
// warm-up, resident memory in the last 20 seconds is within 15 % of the first 20.
import { execFile, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/auth/tokens.ts';
import { loadGolden } from '../../scripts/lib/golden.ts';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import { tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'soak-secret-0123456789abcdef0123456789abcdef';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
let server: ChildProcess | null = null;

afterAll(() => {
  server?.kill('SIGKILL');
});

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe('soak', () => {
  it(`serves ${SECONDS} s at 20 concurrent users with no errors and flat memory`, async () => {
    const dataDir = tempDir();
    const started = await startServerProcess({ DATA_DIR: dataDir, CORPUS_DIR: join(root, 'corpus'), AUTH_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '0', NODE_ENV: 'production' });
    server = started.child;
    const questions = join(dataDir, 'questions.json');
    writeFileSync(questions, JSON.stringify(loadGolden(join(root, 'test/golden')).answerable.map((a) => a.q)));
    const token = await issueToken(SECRET, { id: 'soak', role: 'traveler' });
    const samples: Array<{ t: number; rss: number }> = [];
    const t0 = performance.now();
    const sampler = setInterval(() => samples.push({ t: (performance.now() - t0) / 1000, rss: rssMiB(server!.pid!) }), 2_000);
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts/lib/bench/load.ts'), started.base, token, 'ask', '20', String(SECONDS), questions], { cwd: root, timeout: (SECONDS + 60) * 1000 });
    clearInterval(sampler);
    const load = JSON.parse(stdout) as { requests: number; errors: number; p95Ms: number; errorSamples: string[] };
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const early = avg(samples.filter((s) => s.t >= 10 && s.t < 30).map((s) => s.rss));
    const late = avg(samples.filter((s) => s.t >= SECONDS - 20).map((s) => s.rss));
    console.log(`soak: ${load.requests} requests in ${SECONDS} s, ${load.errors} errors, p95 ${load.p95Ms} ms; resident ${early.toFixed(0)} MiB (10–30 s) → ${late.toFixed(0)} MiB (last 20 s)`);
    expect(load.errorSamples).toEqual([]);
    expect(load.errors).toBe(0);
    expect(load.requests).toBeGreaterThan(SECONDS * 10);
    expect(late).toBeLessThanOrEqual(early * 1.15);
  }, 300_000);
});
