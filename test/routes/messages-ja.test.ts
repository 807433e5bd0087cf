// What a person reads from the API is Japanese: validation errors, and the queue's category for a
// question the documents do not cover.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useJapaneseValidationMessages } from '../../src/lib/zod-ja.ts';
import { createTestApp, post } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

describe('messages a person reads', () => {
  it('validation errors are Japanese and name the field', async () => {
    const tok = await t.token('traveler');
    const cases: Array<[unknown, string]> = [
      [{}, '項目「question」: 指定してください。'],
      [{ question: 12 }, '項目「question」: 文字列で指定してください。'],
    ];
    for (const [body, message] of cases) {
      const r = await post(t.app, '/api/ask', body, tok);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    const rating = await post(t.app, '/api/feedback', { conversationId: 'c1', rating: 'meh' }, tok);
    const message = ((await rating.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/^項目「rating」: /);
    expect(message).not.toMatch(/Invalid|expected|received/);
  });

  it('a schema without its own messages still reads in Japanese', () => {
    useJapaneseValidationMessages();
    const schema = z.object({ note: z.string().min(2).max(5), level: z.enum(['low', 'high']) }).strict();
    const messages = (body: unknown) => schema.safeParse(body).error?.issues.map((i) => i.message);
    expect(messages({ note: 'a', level: 'low' })).toEqual(['2文字以上にしてください。']);
    expect(messages({ note: 'abcdef', level: 'low', extra: 1 })).toEqual(['5文字以内にしてください。', '使えない項目があります(extra)。']);
    expect(messages({ note: 'abc', level: 'mid' })?.[0]).toMatch(/^無効な選択/);
  });

  it('files a question outside the documents under その他', async () => {
    const tok = await t.token('traveler', 'canteen');
    const asked = (await (await post(t.app, '/api/ask', { question: '社員食堂のメニューは？' }, tok)).json()) as { conversationId: string; escalate: boolean };
    expect(asked.escalate).toBe(true);
    const opened = (await (await post(t.app, '/api/escalations', { question: '社員食堂のメニューは？', conversationId: asked.conversationId }, tok)).json()) as { id: string };
    const staff = await t.token('staff');
    const ticket = (await (await t.app.request(`/api/escalations/${opened.id}`, { headers: { authorization: `Bearer ${staff}` } })).json()) as { category: string };
    expect(ticket.category).toBe('その他');
  });
});
