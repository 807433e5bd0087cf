// The Worker in workerd (Miniflare) with a real local D1. Vectorize and Workers AI have no local
// simulator: only those two bindings are replaced, by in-process implementations that follow their
// APIs and limits (test/worker/fakes). The same API journey as on Node: ask with citations,
// escalate, answer, a risk event, the audit log verified.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudflareExport } from '../../scripts/lib/cloudflare.ts';
import { buildWebIfMissing } from '../../scripts/lib/web.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { CheckpointSigner, type Checkpoint } from '../../src/audit/checkpoint.ts';
import { applyMigrations } from '../helpers/d1.ts';
import { FIXTURES, buildIndex, tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'worker-test-secret-0123456789abcdef0123456789';
const AUDIT_KEY = 'worker-audit-key-0123456789abcdef0123456789ab';
let mf: Miniflare;
const timings: number[] = [];

beforeAll(async () => {
  await buildWebIfMissing();
  const out = tempDir('seabis-worker-');
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out], { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' } });
  const { dir } = await buildIndex(join(FIXTURES, 'mini'));
  const data = await cloudflareExport(dir);
  mf = new Miniflare({
    workers: [
      {
        name: 'app',
        modules: true,
        scriptPath: join(out, 'worker.js'),
        modulesRoot: out,
        compatibilityDate: '2026-05-01',
        d1Databases: { DB: 'seabis-test' },
        bindings: { AUTH_SECRET: SECRET, AUDIT_SIGNING_KEY: AUDIT_KEY, NODE_ENV: 'test' },
        wrappedBindings: {
          VECTORIZE: { scriptName: 'vectorize-fake', bindings: { DIMENSIONS: data.dims, SEED: data.vectors } },
          AI: { scriptName: 'ai-fake' },
        },
      },
      { name: 'vectorize-fake', modules: true, scriptPath: join(root, 'test/worker/fakes/vectorize.js') },
      { name: 'ai-fake', modules: true, scriptPath: join(root, 'test/worker/fakes/ai.js') },
    ],
  });
  const d1 = await mf.getD1Database('DB', 'app');
  await applyMigrations(d1);
  for (let i = 0; i < data.statements.length; i += 50) {
    await d1.batch(data.statements.slice(i, i + 50).map((s) => d1.prepare(s.sql).bind(...(s.params ?? []))));
  }
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  if (timings.length) console.log(`worker /api/ask in workerd: cold ${timings[0]?.toFixed(1)} ms, warm median ${[...timings.slice(1)].sort((a, b) => a - b)[Math.floor((timings.length - 1) / 2)]?.toFixed(1)} ms`);
});

async function call(path: string, token: string | null, body?: unknown) {
  const r = await mf.dispatchFetch(`http://localhost${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}

describe('the Worker in workerd', () => {
  it('answers with citations from D1 and Vectorize', async () => {
    expect((await call('/healthz', null)).body).toEqual({ status: 'ok' });
    const traveler = await issueToken(SECRET, { id: 'taro', role: 'traveler' });
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const r = await call('/api/ask', traveler, { question: '領収書をなくしたらどうすればいいですか' });
      timings.push(performance.now() - t0);
      expect(r.status).toBe(200);
      expect(r.body.escalate).toBe(false);
      expect(r.body.citations[0].section).toContain('7.2 領収書を紛失した場合');
      expect(r.body.answer).toContain('支払証明書');
    }
    expect((await call('/api/ask', null, { question: 'x' })).status).toBe(401);
  });

  it('runs the escalation journey and records risk events in a verifiable audit log', async () => {
    const traveler = await issueToken(SECRET, { id: 'hana', role: 'traveler' });
    const staff = await issueToken(SECRET, { id: 'clerk', role: 'staff' });
    const admin = await issueToken(SECRET, { id: 'auditor', role: 'admin' });
    const asked = await call('/api/ask', traveler, { question: '私の出張の支給額を確定してください。携帯は090-5555-1234です' });
    expect(asked.body.risk.reasons).toEqual(expect.arrayContaining(['pii', 'needs_staff_judgment']));
    const opened = await call('/api/escalations', traveler, { question: '領収書をなくした', conversationId: asked.body.conversationId, note: '急ぎです' });
    expect(opened.status).toBe(201);
    expect((await call(`/api/escalations/${opened.body.id}/answer`, staff, { answer: '支払証明書を添付してください。' })).status).toBe(200);
    const mine = await call('/api/escalations/mine', traveler);
    expect(mine.body.tickets[0].answer.body).toBe('支払証明書を添付してください。');
    const events = await call('/api/admin/risk-events', admin);
    expect(events.body.events.some((e: { question: string }) => e.question.includes('【電話番号】'))).toBe(true);
    expect(JSON.stringify(events.body)).not.toContain('090-5555-1234');
    const audit = await call('/api/admin/audit', admin);
    expect(audit.body).toMatchObject({ ok: true });
    expect(audit.body.count).toBeGreaterThan(0);
    // The signed checkpoint, with the Workers secret: the same signature the Node verifier checks.
    const checkpoint = await call('/api/admin/audit/checkpoint', admin);
    expect(checkpoint.body).toMatchObject({ size: audit.body.count, head: audit.body.head });
    expect(await (await CheckpointSigner.fromSecret(AUDIT_KEY)).verify(checkpoint.body as unknown as Checkpoint)).toBe(true);
  });

  it('uses a Vectorize stand-in that enforces the service\'s limits', async () => {
    const make = (await import('./fakes/vectorize.js')).default as (env: object) => {
      query(v: number[], o: object): Promise<{ matches: Array<{ id: string }> }>;
      upsert(v: object[]): Promise<unknown>;
      insert(v: object[]): Promise<unknown>;
      deleteByIds(ids: string[]): Promise<unknown>;
    };
    const v = make({ DIMENSIONS: 3, SEED: [{ id: 'a', values: [1, 0, 0] }, { id: 'b', values: [0, 1, 0] }] });
    expect((await v.query([1, 0.1, 0], { topK: 1 })).matches.map((m) => m.id)).toEqual(['a']);
    await expect(v.query([1, 0, 0], { topK: 101 })).rejects.toThrow(/topK/);
    await expect(v.query([1, 0, 0], { topK: 21, returnMetadata: 'all' })).rejects.toThrow(/topK/);
    await expect(v.query([1, 0], { topK: 1 })).rejects.toThrow(/dimensions/);
    await expect(v.upsert([{ id: 'x'.repeat(65), values: [0, 0, 1] }])).rejects.toThrow(/64 bytes/);
    await expect(v.insert([{ id: 'a', values: [0, 0, 1] }])).rejects.toThrow(/duplicate/);
    await v.deleteByIds(['a']);
    expect((await v.query([1, 0, 0], { topK: 5 })).matches.map((m) => m.id)).toEqual(['b']);
  });
});
