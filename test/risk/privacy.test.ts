// Raw personal data never reaches disk or the server's output: one journey through every endpoint
// that accepts text, on the real server process, each text carrying a valid My Number, a phone
// number, an e-mail address, a Luhn-valid card, a bank account and an address. Then every byte of
// DATA_DIR (database, WAL, index, secrets) and everything the server printed holds none of them —
// while dates, error codes, amounts and 12-digit numbers that fail the check stay as typed.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import { validMyNumber, luhn } from '../../src/risk/pii.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const SECRET = 'privacy-secret-0123456789abcdef0123456789abc';
/** Each value as typed, and the other spellings it could be stored in. */
const RAW = {
  myNumber: ['1234 5678 9018', '123456789018'],
  phone: ['090-5555-1234', '09055551234'],
  email: ['hanako.mihon@example.jp'],
  card: ['4111 1111 1111 1111', '4111111111111111'],
  bank: ['普通 3817264', '3817264'],
  address: ['東京都千代田区霞が関9-8-7', '霞が関9-8-7'],
};
const NEEDLES = Object.values(RAW).flat();
/** Look-alikes that are not personal data: they must be stored as typed (no false positives). */
const BENIGN = ['2026-04-01', 'E5003', '12,345円', '123456789012'];
const personal = (what: string) =>
  `${what}。マイナンバー ${RAW.myNumber[0]}、携帯 ${RAW.phone[0]}、メール ${RAW.email[0]}、カード ${RAW.card[0]}、振込先 ${RAW.bank[0]}、住所 ${RAW.address[0]}。` +
  `${BENIGN[0]}出発、エラー${BENIGN[1]}、${BENIGN[2]}、整理番号${BENIGN[3]}`;

let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}
/** Every raw value found in a text, as `where: value`. */
const rawIn = (where: string, text: string) => NEEDLES.filter((v) => text.includes(v)).map((v) => `${where}: ${v}`);

describe('privacy', () => {
  it('the values are real: a valid My Number, a Luhn-valid card; the look-alike fails the check', () => {
    expect(validMyNumber(RAW.myNumber[1]!)).toBe(true);
    expect(luhn(RAW.card[1]!)).toBe(true);
    expect(validMyNumber(BENIGN[3]!)).toBe(false);
  });

  it('keeps every value out of DATA_DIR, the server output and the responses, through every text endpoint', async () => {
    const dataDir = tempDir('seabis-privacy-');
    let output = '';
    const server = await startServerProcess(
      { DATA_DIR: dataDir, CORPUS_DIR: join(FIXTURES, 'mini'), AUTH_SECRET: SECRET, NODE_ENV: 'test' },
      { timeoutMs: 90_000, output: (t) => (output += t) },
    );
    child = server.child;
    const responses: string[] = [];
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      responses.push(`${method} ${path} → ${text}`);
      expect(r.status, `${method} ${path}: ${text}`).toBeLessThan(300);
      return text.startsWith('{') ? (JSON.parse(text) as Record<string, any>) : {};
    };
    const [traveler, other, staff, staff2, desk, admin] = await Promise.all(
      ([['hanako', 'traveler'], ['jiro', 'traveler'], ['clerk', 'staff'], ['clerk2', 'staff'], ['desk', 'helpdesk'], ['auditor', 'admin']] as const).map(([id, role]) => issueToken(SECRET, { id, role })),
    );

    const asked = await call(traveler!, 'POST', '/api/ask', { question: personal('領収書をなくしました') });
    await call(traveler!, 'POST', '/api/chat', { id: 'chat-privacy', messages: [{ role: 'user', parts: [{ type: 'text', text: personal('前の質問') }] }, { role: 'user', parts: [{ type: 'text', text: personal('宿泊費の上限は') }] }] });
    const ticket = await call(traveler!, 'POST', '/api/escalations', { question: personal('口座の変更'), conversationId: asked.conversationId, note: personal('補足') });
    await call(staff!, 'POST', `/api/escalations/${ticket.id}/forward`, { note: personal('転送') });
    await call(desk!, 'POST', `/api/escalations/${ticket.id}/answer`, { answer: personal('デスクの回答'), citations: [{ source: 'claim.md', section: '精算', text: personal('引用') }] });
    await call(traveler!, 'POST', `/api/escalations/${ticket.id}/reopen`, { note: personal('再質問') });
    await call(staff!, 'POST', `/api/escalations/${ticket.id}/answer`, { answer: personal('振込先口座の変更は申請画面から行います') });
    await call(traveler!, 'POST', '/api/feedback', { conversationId: asked.conversationId, rating: 'down', comment: personal('役に立たない') });
    const faq = await call(staff!, 'POST', '/api/faq', { ticketId: ticket.id, question: personal('振込先の口座番号を変更するには'), answer: personal('振込先口座の変更は申請画面から行います') });
    await call(staff2!, 'POST', `/api/faq/${faq.id}/approve`);
    // The approved entry answers everyone: what it serves is the redacted text.
    const served = await call(other!, 'POST', '/api/ask', { question: '振込先の口座番号を変更するには' });
    expect(JSON.stringify(served.citations)).toContain('承認済みFAQ');
    expect(served.answer).toContain('【口座番号】');
    await call(staff2!, 'POST', `/api/faq/${faq.id}/withdraw`, { note: personal('取り下げ') });
    const { events } = await call(admin!, 'GET', '/api/admin/risk-events');
    expect(events.length).toBeGreaterThan(0);
    await call(admin!, 'POST', `/api/admin/risk-events/${events[0].id}/review`, { comment: personal('確認') });
    await call(traveler!, 'POST', `/api/escalations/${ticket.id}/resolve`, {});
    await call(admin!, 'GET', '/api/admin/risk-events/export?format=csv');
    await call(admin!, 'GET', '/api/admin/risk-events/export?format=json');
    await call(traveler!, 'GET', '/api/escalations/mine');
    await call(staff!, 'GET', '/api/faq');

    const scan = () => filesUnder(dataDir).flatMap((f) => rawIn(f, readFileSync(f).toString('utf8')));
    const whileRunning = scan(); // the WAL is there now
    child.kill('SIGTERM');
    await new Promise((ok) => child!.once('exit', ok));
    expect([...whileRunning, ...scan(), ...rawIn('server output', output), ...responses.flatMap((r) => rawIn('response', r))]).toEqual([]);

    // Without AUDIT_SIGNING_KEY the key is generated in DATA_DIR (where the auth secret's file goes), and the server says so.
    expect(readdirSync(dataDir)).toContain('audit-signing-key');
    expect(output).toContain('Warning: AUDIT_SIGNING_KEY is not set');
    // The journey did reach the disk: the labels are there, and the look-alikes as typed.
    const db = readFileSync(join(dataDir, 'seabis.db')).toString('utf8');
    for (const label of ['【個人番号】', '【電話番号】', '【メールアドレス】', '【カード番号】', '【口座番号】', '【住所】']) expect(db).toContain(label);
    for (const b of BENIGN) expect(db).toContain(b);
  });
});
