// The escalation flow through the API: traveler → accounting staff → SEABIS support desk → back.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, post } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const get = async (path: string, token: string) => t.app.request(path, { headers: { authorization: `Bearer ${token}` } });

describe('escalation', () => {
  it('goes from the traveler to staff, the support desk and back, recording every step', async () => {
    const alice = await t.token('traveler', 'alice');
    const staff = await t.token('staff', 'clerk-1');
    const desk = await t.token('helpdesk', 'desk-1');

    // The traveler asks, is not satisfied, and escalates with a note; the exchange is attached.
    const asked = (await (await post(t.app, '/api/ask', { question: '領収書をなくしたらどうすればいいですか' }, alice)).json()) as { conversationId: string };
    const opened = await post(t.app, '/api/escalations', { question: '領収書をなくしたらどうすればいいですか', conversationId: asked.conversationId, note: 'タクシーの領収書です' }, alice);
    expect(opened.status).toBe(201);
    const { id, status } = (await opened.json()) as { id: string; status: string };
    expect(status).toBe('open');

    // Staff see it in the queue, with its category, the attached answer and how long it waited.
    const queue = (await (await get('/api/escalations', staff)).json()) as { tickets: Array<{ id: string; category: string; assistantAnswer: { citations: unknown[] }; conversation: unknown[]; waitingSeconds: number }> };
    const inQueue = queue.tickets.find((x) => x.id === id)!;
    expect(inQueue.category).toBe('旅費請求(精算)');
    expect(inQueue.assistantAnswer.citations.length).toBeGreaterThan(0);
    expect(inQueue.conversation).toHaveLength(1);
    expect(inQueue.waitingSeconds).toBeGreaterThanOrEqual(0);

    // Staff forward it to the desk; the desk sees it in its queue and answers, citing the manual.
    expect((await post(t.app, `/api/escalations/${id}/forward`, { note: '支払証明書の様式を確認してください' }, staff)).status).toBe(200);
    const deskQueue = (await (await get('/api/escalations', desk)).json()) as { tickets: Array<{ id: string }> };
    expect(deskQueue.tickets.map((x) => x.id)).toContain(id);
    const answered = await post(t.app, `/api/escalations/${id}/answer`, { answer: '支払証明書を作成して添付してください。', citations: [{ source: 'claim.md', section: '7.2 領収書を紛失した場合' }] }, desk);
    expect(answered.status).toBe(200);

    // The traveler sees the answer, resolves, and can reopen.
    const mine = (await (await get('/api/escalations/mine', alice)).json()) as { tickets: Array<{ id: string; status: string; answer: { body: string; by: string; citations: unknown[] } }> };
    expect(mine.tickets[0]).toMatchObject({ id, status: 'answered', answer: { body: '支払証明書を作成して添付してください。', by: 'helpdesk' } });
    expect(mine.tickets[0]?.answer.citations).toHaveLength(1);
    expect(((await (await post(t.app, `/api/escalations/${id}/resolve`, {}, alice)).json()) as { status: string }).status).toBe('resolved');
    const reopened = (await (await post(t.app, `/api/escalations/${id}/reopen`, { note: 'まだ分かりません' }, alice)).json()) as { status: string; events: Array<{ type: string; actorId: string; actorRole: string; at: string }> };
    expect(reopened.status).toBe('open');
    expect(reopened.events.map((e) => [e.type, e.actorId, e.actorRole])).toEqual([
      ['opened', 'alice', 'traveler'],
      ['forwarded', 'clerk-1', 'staff'],
      ['answered', 'desk-1', 'helpdesk'],
      ['resolved', 'alice', 'traveler'],
      ['reopened', 'alice', 'traveler'],
    ]);
    for (const e of reopened.events) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it('lets staff answer directly, and refuses steps that do not fit the state (409)', async () => {
    const bob = await t.token('traveler', 'bob');
    const staff = await t.token('staff', 'clerk-2');
    const desk = await t.token('helpdesk', 'desk-2');
    const { id } = (await (await post(t.app, '/api/escalations', { question: '出張の日程を変えたい' }, bob)).json()) as { id: string };
    expect((await post(t.app, `/api/escalations/${id}/resolve`, {}, bob)).status).toBe(409);
    expect((await post(t.app, `/api/escalations/${id}/answer`, { answer: 'x' }, desk)).status).toBe(409);
    expect((await post(t.app, `/api/escalations/${id}/answer`, { answer: '旅行命令の変更から手続してください。' }, staff)).status).toBe(200);
    const again = await post(t.app, `/api/escalations/${id}/forward`, { note: 'x' }, staff);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('回答済み');
  });

  it('never shows a traveler someone else’s tickets', async () => {
    const carol = await t.token('traveler', 'carol');
    const dave = await t.token('traveler', 'dave');
    const { id } = (await (await post(t.app, '/api/escalations', { question: '代理入力者を設定したい' }, carol)).json()) as { id: string };
    expect((await get(`/api/escalations/${id}`, dave)).status).toBe(404);
    expect((await post(t.app, `/api/escalations/${id}/resolve`, {}, dave)).status).toBe(404);
    const mine = (await (await get('/api/escalations/mine', dave)).json()) as { tickets: Array<{ id: string }> };
    expect(mine.tickets.map((x) => x.id)).not.toContain(id);
    expect((await get(`/api/escalations/${id}`, carol)).status).toBe(200);
  });

  it('filters the queue by status, category and age, and validates input', async () => {
    const staff = await t.token('staff', 'clerk-3');
    const open = (await (await get('/api/escalations?status=open', staff)).json()) as { tickets: Array<{ status: string }> };
    expect(open.tickets.every((x) => x.status === 'open')).toBe(true);
    const old = (await (await get('/api/escalations?olderThanHours=48', staff)).json()) as { tickets: unknown[] };
    expect(old.tickets).toEqual([]);
    expect((await get('/api/escalations?status=lost', staff)).status).toBe(400);
    expect((await get('/api/escalations/not-a-uuid', staff)).status).toBe(400);
    expect((await get('/api/escalations/3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b', staff)).status).toBe(404);
    const traveler = await t.token('traveler', 'erin');
    expect((await post(t.app, '/api/escalations', { question: '' }, traveler)).status).toBe(400);
    expect((await post(t.app, '/api/escalations', { question: '質問', note: 'x'.repeat(2001) }, traveler)).status).toBe(400);
  });
});

describe('feedback', () => {
  it('records a thumbs-down with the judged answer and offers escalation', async () => {
    const u = await t.token('traveler', 'fumi');
    const { conversationId } = (await (await post(t.app, '/api/ask', { question: '領収書をなくしたらどうすればいいですか' }, u)).json()) as { conversationId: string };
    const down = await post(t.app, '/api/feedback', { conversationId, rating: 'down', comment: '知りたいことと違う' }, u);
    expect(down.status).toBe(201);
    expect(await down.json()).toMatchObject({ offerEscalation: true });
    const up = (await (await post(t.app, '/api/feedback', { conversationId, rating: 'up' }, u)).json()) as { offerEscalation: boolean };
    expect(up.offerEscalation).toBe(false);
    const row = await t.db.first<{ question: string; answer: string; comment: string }>("SELECT question, answer, comment FROM feedback WHERE rating = 'down'");
    expect(row?.question).toBe('領収書をなくしたらどうすればいいですか');
    expect(JSON.parse(row!.answer).citations.length).toBeGreaterThan(0);
    expect((await post(t.app, '/api/feedback', { conversationId: 'unknown', rating: 'down' }, u)).status).toBe(404);
    expect((await post(t.app, '/api/feedback', { conversationId, rating: 'meh' }, u)).status).toBe(400);
  });
});

describe('closing by staff', () => {
  it('lets accounting staff resolve an answered ticket (not an open one, and not the desk); the traveler can reopen it', async () => {
    const u = await t.token('traveler', 'gin');
    const staff = await t.token('staff', 'clerk-7');
    const desk = await t.token('helpdesk', 'desk-7');
    const { id } = (await (await post(t.app, '/api/escalations', { question: '旅行命令の取下げ方法' }, u)).json()) as { id: string };
    expect((await post(t.app, `/api/escalations/${id}/resolve`, {}, staff)).status).toBe(409);
    await post(t.app, `/api/escalations/${id}/answer`, { answer: '第8章の手順で取り下げてください。' }, staff);
    const r = (await (await post(t.app, `/api/escalations/${id}/resolve`, {}, staff)).json()) as { status: string; events: Array<{ type: string; actorRole: string }> };
    expect(r.status).toBe('resolved');
    expect(r.events.at(-1)).toMatchObject({ type: 'resolved', actorRole: 'staff' });
    expect((await post(t.app, `/api/escalations/${id}/resolve`, {}, desk)).status).toBe(403);
    expect(((await (await post(t.app, `/api/escalations/${id}/reopen`, { note: 'まだ解決していません' }, u)).json()) as { status: string }).status).toBe('open');
  });
});
