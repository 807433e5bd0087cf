// No acknowledged ticket is lost when the server is killed with SIGKILL: 40 tickets opened at
// once against the real server, every one acknowledged, then kill -9, restart, and all are there.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/auth/tokens.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'durability-secret-0123456789abcdef0123456789';
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts `npm start`'s script and resolves once it listens. */
function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: join(FIXTURES, 'mini'), PORT: String(port), AUTH_SECRET: SECRET, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((ok, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes(`http://localhost:${port}`)) {
        clearTimeout(timer);
        ok(child);
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${log}`)));
  });
}

afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('durability', () => {
  it('keeps every acknowledged ticket across SIGKILL and restart', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await start(dataDir, port);
    const token = await issueToken(SECRET, { id: 'traveler-k', role: 'traveler' });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${base}/api/escalations`, { method: 'POST', headers, body: JSON.stringify({ question: `領収書をなくしました(${i + 1})`, note: `番号${i + 1}` }) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));

    server.kill('SIGKILL');
    await new Promise((ok) => server.once('exit', ok));

    await start(dataDir, port);
    const mine = (await (await fetch(`${base}/api/escalations/mine`, { headers })).json()) as { tickets: Array<{ id: string; note: string; events: unknown[] }> };
    expect(mine.tickets.map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(mine.tickets.every((t) => t.events.length === 1 && t.note.startsWith('番号'))).toBe(true);
  });
});
