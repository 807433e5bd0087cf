// No acknowledged ticket or audit record is lost when the server is killed with SIGKILL: 40
// tickets opened at once, then kill -9 in the middle of a load of tickets and risky questions;
// after restart every acknowledged ticket is there and the audit chain verifies.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../../scripts/lib/server-process.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const SECRET = 'durability-secret-0123456789abcdef0123456789';
const children: ChildProcess[] = [];

/** `npm start`'s script on the mini fixture; remembered so a failed test leaves no server behind. */
async function start(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const { child } = await startServerProcess({ DATA_DIR: dataDir, CORPUS_DIR: join(FIXTURES, 'mini'), AUTH_SECRET: SECRET, NODE_ENV: 'test', ...extraEnv }, { port, timeoutMs: 60_000 });
  children.push(child);
  return child;
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

  it('keeps every acknowledged ticket and audit record when killed under load, and the chain verifies', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await start(dataDir, port, { RATE_LIMIT_PER_MINUTE: '0' });
    const token = await issueToken(SECRET, { id: 'traveler-load', role: 'traveler' });
    const admin = await issueToken(SECRET, { id: 'auditor', role: 'admin' });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const tickets: string[] = [];
    let riskyAcknowledged = 0;
    let killed = false;
    // Ten users alternate tickets and questions carrying personal data (each one a risk event in
    // the audit log) until the server dies; only answers received before the kill count.
    const user = async (u: number) => {
      for (let i = 0; !killed; i++) {
        try {
          if (i % 2 === 0) {
            const r = await fetch(`${base}/api/escalations`, { method: 'POST', headers, body: JSON.stringify({ question: `領収書をなくしました(${u}-${i})` }) });
            if (r.status === 201) tickets.push(((await r.json()) as { id: string }).id);
          } else {
            const r = await fetch(`${base}/api/ask`, { method: 'POST', headers, body: JSON.stringify({ question: `携帯090-1234-${String(1000 + i).slice(-4)}です。領収書をなくしたら?` }) });
            const body = (await r.json()) as { risk?: { reasons: string[] } };
            if (r.status === 200 && body.risk?.reasons.includes('pii')) riskyAcknowledged++;
          }
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const load = Promise.all(Array.from({ length: 10 }, (_, u) => user(u)));
    await new Promise((ok) => setTimeout(ok, 1_500));
    server.kill('SIGKILL');
    killed = true;
    await new Promise((ok) => server.once('exit', ok));
    await load;
    expect(tickets.length).toBeGreaterThan(10);
    expect(riskyAcknowledged).toBeGreaterThan(10);

    await start(dataDir, port);
    const mine = (await (await fetch(`${base}/api/escalations/mine`, { headers })).json()) as { tickets: Array<{ id: string }> };
    const kept = new Set(mine.tickets.map((t) => t.id));
    expect(tickets.filter((id) => !kept.has(id))).toEqual([]);
    const audit = (await (await fetch(`${base}/api/admin/audit`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { ok: boolean; count: number };
    expect(audit.ok).toBe(true);
    expect(audit.count).toBeGreaterThanOrEqual(riskyAcknowledged);
    console.log(`killed under load: ${tickets.length} acknowledged tickets and ${riskyAcknowledged} acknowledged risky questions kept; audit chain of ${audit.count} records verifies`);
  }, 120_000);
});
