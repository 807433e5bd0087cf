// Raw personal data never reaches disk: after questions, chats, escalations, notes, feedback and
// staff answers full of personal data, no file in the data folder contains any of the values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, post } from '../helpers/app.ts';
import { tempDir } from '../helpers/index.ts';

const VALUES = ['123456789018', '090-5555-1234', 'hanako.mihon@example.jp', '4111111111111111', '4111 1111 1111 1111', '東京都千代田区霞が関9-8-7', '7654321', '職員番号 246810 見本花子'];

describe('privacy', () => {
  it('keeps every value out of the files in the data folder', async () => {
    const dir = tempDir();
    const t = await createTestApp(undefined, {}, { dbPath: join(dir, 'seabis.db') });
    const traveler = await t.token('traveler', 'hanako');
    const staff = await t.token('staff', 'clerk');
    const q = `領収書をなくしました。マイナンバー123456789018、携帯090-5555-1234、メール hanako.mihon@example.jp、カード4111 1111 1111 1111、住所 東京都千代田区霞が関9-8-7、振込先 普通 7654321、職員番号 246810 見本花子`;
    const asked = (await (await post(t.app, '/api/ask', { question: q }, traveler)).json()) as { conversationId: string; answer: string };
    for (const v of VALUES) expect(asked.answer).not.toContain(v);
    await (await post(t.app, '/api/chat', { messages: [{ role: 'user', parts: [{ type: 'text', text: q }] }] }, traveler)).text();
    const { id } = (await (await post(t.app, '/api/escalations', { question: q, conversationId: asked.conversationId, note: `連絡は090-5555-1234まで` }, traveler)).json()) as { id: string };
    await post(t.app, `/api/escalations/${id}/answer`, { answer: 'hanako.mihon@example.jp 宛てに支払証明書の様式を送りました。' }, staff);
    await post(t.app, '/api/feedback', { conversationId: asked.conversationId, rating: 'down', comment: 'カード4111111111111111の件です' }, traveler);
    t.db.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');

    const files = readdirSync(dir);
    expect(files).toContain('seabis.db');
    for (const f of files) {
      const text = readFileSync(join(dir, f)).toString('utf8');
      for (const v of VALUES) expect(text.includes(v), `${f} contains ${v}`).toBe(false);
    }
    // …while what was asked is still there, redacted, for review.
    const db = readFileSync(join(dir, 'seabis.db')).toString('utf8');
    expect(db).toContain('【個人番号】');
    expect(db).toContain('【電話番号】');
  });
});
