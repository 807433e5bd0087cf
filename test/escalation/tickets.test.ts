import { describe, expect, it } from 'vitest';
import { TicketError, TicketService, categoryOf } from '../../src/escalation/tickets.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';
import type { Answer } from '../../src/answer/types.ts';

function service() {
  const db = new NodeSqlite(':memory:');
  db.migrate();
  return { db, tickets: new TicketService(db) };
}
const traveler = { id: 't', role: 'traveler' as const };

describe('TicketService', () => {
  it('lets only one of two simultaneous answers through; the other gets a conflict', async () => {
    const { tickets, db } = service();
    const t = await tickets.open(traveler, { question: '質問', conversation: [], assistantAnswer: null });
    const results = await Promise.allSettled([
      tickets.answer(t.id, { id: 's1', role: 'staff' }, '回答1'),
      tickets.answer(t.id, { id: 's2', role: 'staff' }, '回答2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(TicketError);
    expect((rejected.reason as TicketError).code).toBe('conflict');
    expect(await db.first('SELECT count(*) AS n FROM ticket_events WHERE type = ?', ['answered'])).toEqual({ n: 1 });
    expect(await db.first('SELECT count(*) AS n FROM notifications WHERE event = ?', ['ticket.answered'])).toEqual({ n: 1 });
  });
  it('files a ticket under the chapter or FAQ category the assistant cited', () => {
    const answer = (section: string) => ({ citations: [{ section, cited: true }] }) as unknown as Answer;
    expect(categoryOf(answer('第7章 旅費請求(精算)と領収書等の添付 › 7.6.4 領収書を紛失した場合'))).toBe('旅費請求(精算)と領収書等の添付');
    expect(categoryOf(answer('4. 宿泊費・宿泊手当 › Q4-04 宿泊手当はいくらですか?'))).toBe('宿泊費・宿泊手当');
    expect(categoryOf(null)).toBe('その他');
    // A declined answer: its passages were retrieved, not cited (「社員食堂のメニューは？」 had been filed under a menu chapter).
    const declined = { citations: [{ section: '第3章 トップメニューの見方 › 3.1 メニュー', cited: false }] } as unknown as Answer;
    expect(categoryOf(declined)).toBe('その他');
  });
});
