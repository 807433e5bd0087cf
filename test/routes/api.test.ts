import { beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/auth/tokens.ts';
import { createTestApp, post } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

describe('public endpoints', () => {
  it('GET /healthz', async () => {
    const r = await t.app.request('/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
  });
  it('GET /openapi.json describes ask and chat', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/ask', '/api/chat']));
  });
  it('sets secure headers', async () => {
    const r = await t.app.request('/healthz');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('authentication', () => {
  it('401 without a token, with a bad token, and with a token signed by another secret', async () => {
    expect((await post(t.app, '/api/ask', { question: '領収書' })).status).toBe(401);
    expect((await post(t.app, '/api/ask', { question: '領収書' }, 'garbage')).status).toBe(401);
    const foreign = await issueToken('another-secret-0123456789abcdef0123456789', { id: 'x', role: 'traveler' });
    const r = await post(t.app, '/api/ask', { question: '領収書' }, foreign);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });
  it('401 for an expired token', async () => {
    const old = await issueToken('test-secret-0123456789abcdef0123456789abcdef', { id: 'x', role: 'traveler' }, 60, Date.now() - 3600_000);
    expect((await post(t.app, '/api/ask', { question: '領収書' }, old)).status).toBe(401);
  });
  it('every role may ask', async () => {
    for (const role of ['traveler', 'staff', 'helpdesk', 'admin'] as const) {
      expect((await post(t.app, '/api/ask', { question: '領収書をなくした' }, await t.token(role))).status).toBe(200);
    }
  });
});

describe('POST /api/ask', () => {
  it('answers from the documents with valid citations', async () => {
    const r = await post(t.app, '/api/ask', { question: '出張から戻ったら旅費の精算はどう請求しますか' }, await t.token('traveler'));
    expect(r.status).toBe(200);
    const a = (await r.json()) as { answer: string; citations: Array<{ n: number; source: string; section: string }>; escalate: boolean; confidence: number; risk: { level: string } };
    expect(a.escalate).toBe(false);
    expect(a.citations[0]).toMatchObject({ n: 1, source: 'claim.md', section: '第7章 旅費請求(精算) › 7.1 精算の流れ' });
    expect(a.answer).toContain('「請求」ボタンを押します');
    const markers = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(a.citations.some((c) => c.n === n)).toBe(true);
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.risk.level).toBe('low');
  });
  it('abstains and offers escalation when the documents do not answer', async () => {
    const r = await post(t.app, '/api/ask', { question: '年末調整の書類はいつまでに出せばいいですか' }, await t.token('traveler'));
    const a = (await r.json()) as { answer: string; escalate: boolean; confidence: number; risk: { reasons: string[] } };
    expect(a.escalate).toBe(true);
    expect(a.answer).toContain('会計担当職員');
    expect(a.answer).not.toMatch(/\[\d+\]/);
    expect(a.confidence).toBeLessThan(0.5);
    expect(a.risk.reasons).toContain('low_confidence');
  });
  it('answers with the rules in force on the date the question names, and says which', async () => {
    const tok = await t.token('traveler');
    const before = (await (await post(t.app, '/api/ask', { question: '2025年3月の出張の日当はいくらでしたか' }, tok)).json()) as { citations: Array<{ source: string }>; revision: string };
    expect(before.citations[0]?.source).toBe('rules-old.md');
    expect(before.revision).toBe('2025年3月31日までの制度');
    const after = (await (await post(t.app, '/api/ask', { question: '令和7年4月以降の出張の宿泊手当はいくら？' }, tok)).json()) as { citations: Array<{ source: string }>; answer: string };
    expect(after.citations[0]?.source).toBe('rules-new.md');
    expect(after.answer).toContain('2,400円');
    expect(after.answer).toContain('2025年4月1日以降の制度');
  });
  it('resolves an elliptical follow-up within a conversation, per user', async () => {
    const tok = await t.token('traveler', 'alice');
    const first = (await (await post(t.app, '/api/ask', { question: '領収書をなくしたらどうすればいいですか' }, tok)).json()) as { conversationId: string };
    const follow = (await (await post(t.app, '/api/ask', { question: 'それって誰に相談すればいい？', conversationId: first.conversationId }, tok)).json()) as { citations: Array<{ section: string }>; escalate: boolean };
    expect(follow.citations[0]?.section).toContain('7.2 領収書を紛失した場合');
  });
  it('400 with the error shape for bad input', async () => {
    const tok = await t.token('traveler');
    for (const body of [{}, { question: '' }, { question: 12 }, { question: 'a'.repeat(2001) }, { question: 'ok', conversationId: '../../etc' }, { question: 'x\u0000y' }, '{bad json', '[]']) {
      const r = await post(t.app, '/api/ask', body, tok);
      expect(r.status, JSON.stringify(body)).toBe(400);
      const e = (await r.json()) as { error: { code: string; message: string } };
      expect(e.error.code).toBe('invalid_request');
      expect(e.error.message.length).toBeGreaterThan(0);
    }
  });
  it('413 for a body over the limit', async () => {
    const r = await post(t.app, '/api/ask', { question: 'あ'.repeat(40_000) }, await t.token('traveler'));
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
  it('404 in the error shape for unknown paths', async () => {
    const r = await t.app.request('/nope');
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('POST /api/chat', () => {
  it('streams the answer as a UI message stream with citations as source-document parts', async () => {
    const r = await post(t.app, '/api/chat', { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '領収書をなくした場合は？' }] }] }, await t.token('traveler'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const events = (await r.text())
      .split('\n')
      .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
      .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: string; title?: string });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('start');
    expect(types).toContain('source-document');
    expect(types.indexOf('source-document')).toBeLessThan(types.indexOf('text-start'));
    expect(types.at(-1)).toBe('finish');
    const text = events.filter((e) => e.type === 'text-delta').map((e) => e.delta).join('');
    expect(text).toContain('支払証明書');
    expect(events.find((e) => e.type === 'source-document')?.title).toContain('7.2 領収書を紛失した場合');
  });
  it('uses earlier user messages for follow-ups and rejects a conversation without a question', async () => {
    const tok = await t.token('traveler');
    const r = await post(t.app, '/api/chat', { messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'こんにちは' }] }] }, tok);
    expect(r.status).toBe(400);
    expect((await post(t.app, '/api/chat', { messages: [] }, tok)).status).toBe(400);
  });
});
