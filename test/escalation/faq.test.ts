// The FAQ loop: an answered ticket becomes an approved FAQ entry that the assistant then cites;
// nobody approves their own; withdrawal and expiry take it out; a change in a cited manual
// section flags it for review until it is approved again.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.ts';
import { APPROVED_FAQ_TITLE, FaqService } from '../../src/escalation/faq.ts';
import { TicketService } from '../../src/escalation/tickets.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';
import { createTestApp, post } from '../helpers/app.ts';
import { buildIndex, copyFixture } from '../helpers/index.ts';

const QUESTION = '出張先の駐車場代は精算できますか';

describe('FAQ loop through the API', () => {
  it('turns a staff answer into an approved entry the assistant cites, and withdraws it', async () => {
    const t = await createTestApp();
    const traveler = await t.token('traveler', 'taro');
    const clerkA = await t.token('staff', 'clerk-a');
    const clerkB = await t.token('staff', 'clerk-b');

    const { id: ticketId } = (await (await post(t.app, '/api/escalations', { question: QUESTION }, traveler)).json()) as { id: string };
    await post(t.app, `/api/escalations/${ticketId}/answer`, { answer: '出張先の駐車場代は、領収書を添付すれば旅費請求(精算)で請求できます。', citations: [{ source: 'claim.md', section: '7.1 精算の流れ' }] }, clerkA);

    const proposed = await post(t.app, '/api/faq', { ticketId }, clerkA);
    expect(proposed.status).toBe(201);
    const entry = (await proposed.json()) as { id: string; status: string; question: string; citations: unknown[] };
    expect(entry).toMatchObject({ status: 'proposed', question: QUESTION });
    expect(entry.citations).toHaveLength(1);

    const self = await post(t.app, `/api/faq/${entry.id}/approve`, {}, clerkA);
    expect(self.status).toBe(403);
    expect(((await self.json()) as { error: { message: string } }).error.message).toContain('自分が提案');
    expect((await post(t.app, `/api/faq/${entry.id}/approve`, {}, traveler)).status).toBe(403);
    const approved = await post(t.app, `/api/faq/${entry.id}/approve`, {}, clerkB);
    expect(((await approved.json()) as { status: string }).status).toBe('approved');

    const answer = (await (await post(t.app, '/api/ask', { question: '出張で使った駐車場の料金って精算できる？' }, traveler)).json()) as {
      escalate: boolean; answer: string; citations: Array<{ n: number; source: string; title: string; cited: boolean }>;
    };
    expect(answer.escalate).toBe(false);
    expect(answer.citations[0]).toMatchObject({ source: `faq-entries/${entry.id}`, title: APPROVED_FAQ_TITLE, cited: true });
    expect(answer.answer).toContain('駐車場代');

    expect((await post(t.app, `/api/faq/${entry.id}/withdraw`, { note: '規程の改正待ち' }, clerkB)).status).toBe(200);
    const after = (await (await post(t.app, '/api/ask', { question: '出張で使った駐車場の料金って精算できる？' }, traveler)).json()) as { citations: Array<{ source: string }> };
    expect(after.citations.some((c) => c.source.startsWith('faq-entries/'))).toBe(false);
  });

  it('redacts entries stored raw before the edge redacted FAQ text, before serving them', async () => {
    const t = await createTestApp();
    const traveler = await t.token('traveler', 'taro');
    const clerkA = await t.token('staff', 'clerk-a');
    const clerkB = await t.token('staff', 'clerk-b');
    const { id: ticketId } = (await (await post(t.app, '/api/escalations', { question: QUESTION }, traveler)).json()) as { id: string };
    await post(t.app, `/api/escalations/${ticketId}/answer`, { answer: '領収書を添付して請求してください。' }, clerkA);
    const { id } = (await (await post(t.app, '/api/faq', { ticketId }, clerkA)).json()) as { id: string };
    // What an older version stored from an explicit question and answer.
    t.db.db.prepare('UPDATE faq_entries SET question = ?, answer = ? WHERE id = ?').run('口座 普通 3817264 の変更は?', '個人番号 123456789018 と 090-5555-1234 を添えて申請します。', id);
    // Approval (like every start) syncs the live index, which redacts the stored entry first.
    const approved = await post(t.app, `/api/faq/${id}/approve`, {}, clerkB);
    expect(await approved.json()).toMatchObject({ question: '口座 【口座番号】 の変更は?', answer: '個人番号 【個人番号】 と 【電話番号】 を添えて申請します。' });
  });

  it('refuses to propose an unanswered ticket', async () => {
    const t = await createTestApp();
    const traveler = await t.token('traveler', 'hana');
    const { id } = (await (await post(t.app, '/api/escalations', { question: QUESTION }, traveler)).json()) as { id: string };
    expect((await post(t.app, '/api/faq', { ticketId: id }, await t.token('staff'))).status).toBe(409);
  });
});

describe('FAQ review and expiry', () => {
  async function setup(corpus: string, db: NodeSqlite) {
    const { index } = await buildIndex(corpus);
    const tickets = new TicketService(db);
    const faq = new FaqService(db, index, tickets);
    const answerer = new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version });
    return { index, tickets, faq, answerer };
  }

  it('flags an entry whose cited section changed on re-ingestion, until it is approved again', async () => {
    const corpus = copyFixture('mini');
    const db = new NodeSqlite(':memory:');
    db.migrate();
    const first = await setup(corpus, db);
    const ticket = await first.tickets.open({ id: 'taro', role: 'traveler' }, { question: QUESTION, conversation: [], assistantAnswer: null });
    await first.tickets.answer(ticket.id, { id: 'a', role: 'staff' }, '領収書を添付して請求できます。', [{ source: 'claim.md', section: '7.1 精算の流れ' }]);
    const entry = await first.faq.propose({ id: 'a', role: 'staff' }, { ticketId: ticket.id });
    await first.faq.approve(entry.id, { id: 'b', role: 'admin' });
    expect((await first.faq.sync()).flagged).toEqual([]);

    // The manual section the entry cites changes, and the corpus is ingested again.
    appendFileSync(join(corpus, 'claim.md'), '\n## 7.3 追記\n追記です。\n');
    expect((await setup(corpus, db).then((s) => s.faq.sync())).flagged).toEqual([]); // another section: no flag
    const text = (await import('node:fs')).readFileSync(join(corpus, 'claim.md'), 'utf8').replace('「請求」ボタンを押します。', '「申請」ボタンを押します。');
    (await import('node:fs')).writeFileSync(join(corpus, 'claim.md'), text);
    const second = await setup(corpus, db);
    const result = await second.faq.sync();
    expect(result.flagged).toEqual([entry.id]);
    const flagged = await second.faq.get(entry.id);
    expect(flagged.status).toBe('needs_review');
    expect(flagged.reviewReason).toContain('7.1 精算の流れ');
    const notServed = await second.answerer.ask({ question: QUESTION });
    expect(notServed.citations.some((c) => c.source.startsWith('faq-entries/'))).toBe(false);

    await second.faq.approve(entry.id, { id: 'b', role: 'admin' });
    const served = await second.answerer.ask({ question: QUESTION });
    expect(served.citations[0]?.source).toBe(`faq-entries/${entry.id}`);
  });

  it('does not serve an expired entry', async () => {
    const db = new NodeSqlite(':memory:');
    db.migrate();
    const s = await setup(copyFixture('mini'), db);
    const ticket = await s.tickets.open({ id: 'taro', role: 'traveler' }, { question: QUESTION, conversation: [], assistantAnswer: null });
    await s.tickets.answer(ticket.id, { id: 'a', role: 'staff' }, '領収書を添付して請求できます。');
    const entry = await s.faq.propose({ id: 'a', role: 'staff' }, { ticketId: ticket.id, expiresAt: '2020-01-01T00:00:00Z' });
    await s.faq.approve(entry.id, { id: 'b', role: 'staff' });
    const a = await s.answerer.ask({ question: QUESTION });
    expect(a.citations.some((c) => c.source.startsWith('faq-entries/'))).toBe(false);
  });
});
