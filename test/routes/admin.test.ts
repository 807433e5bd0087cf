// Administrators review risk events: list with filters, the evidence, sign-off into the audit
// log, exports with counts for the periodic report, and the audit log's status.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../src/audit/checkpoint.ts';
import { createTestApp, post } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: string;
const get = async (path: string) => t.app.request(path, { headers: { authorization: `Bearer ${admin}` } });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('admin', 'auditor');
  const traveler = await t.token('traveler', 'taro');
  await post(t.app, '/api/ask', { question: '領収書をなくしました。マイナンバーは123456789018です' }, traveler);
  await post(t.app, '/api/ask', { question: '私の出張の支給額を確定してください' }, traveler);
  await post(t.app, '/api/ask', { question: '今日の天気を教えて' }, traveler);
  await post(t.app, '/api/ask', { question: '領収書をなくしたらどうすればいいですか' }, traveler);
});

describe('admin review of risk events', () => {
  it('lists risk cases newest first with reasons, axes and the evidence', async () => {
    const { events } = (await (await get('/api/admin/risk-events')).json()) as { events: Array<{ id: string; reasons: string[]; question: string; level: string; answer: { citations: unknown[]; model: string; indexVersion: string }; axes: Record<string, { level: string } | undefined> }> };
    expect(events.length).toBe(3);
    expect(events[2]?.reasons).toContain('pii');
    expect(events[2]?.question).toContain('【個人番号】');
    expect(events[2]?.question).not.toContain('123456789018');
    expect(events[2]?.axes['data']?.level).toBe('high');
    expect(events[2]?.answer.model).toBeTruthy();
    expect(events[2]?.answer.indexVersion).toBeTruthy();
    expect(events[1]?.reasons).toEqual(expect.arrayContaining(['high_stakes', 'needs_staff_judgment']));
    expect(events[0]?.reasons).toContain('out_of_scope');
  });
  it('filters by level, axis, reason, period and review state', async () => {
    const count = async (q: string) => ((await (await get(`/api/admin/risk-events?${q}`)).json()) as { events: unknown[] }).events.length;
    expect(await count('reason=pii')).toBe(1);
    expect(await count('axis=judgment')).toBeGreaterThanOrEqual(1);
    expect(await count('level=high')).toBeGreaterThanOrEqual(2);
    expect(await count('from=2000-01-01&to=2000-12-31')).toBe(0);
    expect(await count('reviewed=true')).toBe(0);
    expect((await get('/api/admin/risk-events?level=extreme')).status).toBe(400);
  });
  it('records a review with a comment in the audit log, once', async () => {
    const { events } = (await (await get('/api/admin/risk-events?reason=pii')).json()) as { events: Array<{ id: string }> };
    const id = events[0]!.id;
    const r = await post(t.app, `/api/admin/risk-events/${id}/review`, { comment: '個人番号の入力。本人に注意喚起済み。' }, admin);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { review: { by: string; comment: string } }).review).toMatchObject({ by: 'auditor', comment: '個人番号の入力。本人に注意喚起済み。' });
    expect((await post(t.app, `/api/admin/risk-events/${id}/review`, { comment: 'もう一度' }, admin)).status).toBe(409);
    expect((await post(t.app, `/api/admin/risk-events/${id}/review`, { comment: '' }, admin)).status).toBe(400);
    const audit = (await (await get('/api/admin/audit')).json()) as { ok: boolean; count: number; head: string };
    expect(audit).toMatchObject({ ok: true, count: 4 });
    expect(audit.head).toMatch(/^[0-9a-f]{64}$/);
  });
  it('exports JSON with counts per period, level, axis and reason, and CSV', async () => {
    const json = (await (await get('/api/admin/risk-events/export?format=json')).json()) as { counts: { total: number; reviewed: number; byPeriod: Record<string, number>; byLevel: Record<string, number>; byAxis: Record<string, number>; byReason: Record<string, number> }; audit: { hash: string } };
    expect(json.counts.total).toBe(3);
    expect(json.counts.reviewed).toBe(1);
    expect(Object.values(json.counts.byPeriod).reduce((a, b) => a + b, 0)).toBe(3);
    expect(json.counts.byReason.pii).toBe(1);
    expect(json.counts.byAxis.data).toBe(1);
    expect(json.audit.hash).toMatch(/^[0-9a-f]{64}$/);
    // The report carries the current signed checkpoint, the same as the endpoint gives.
    const checkpoint = (await (await get('/api/admin/audit/checkpoint')).json()) as Checkpoint;
    expect((json.audit as unknown as { checkpoint: Checkpoint }).checkpoint).toMatchObject({ size: checkpoint.size, head: json.audit.hash, keyId: checkpoint.keyId });
    expect(await t.risk.audit.verify(checkpoint)).toMatchObject({ ok: true, checkpoint: { ok: true } });
    const csv = await get('/api/admin/risk-events/export?format=csv');
    expect(JSON.parse(csv.headers.get('x-audit-checkpoint') ?? '{}')).toMatchObject({ size: checkpoint.size, head: checkpoint.head });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('"id","seq","at"')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(4);
    expect(text).not.toContain('123456789018');
  });
});
