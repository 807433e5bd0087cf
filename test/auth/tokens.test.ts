// Bearer tokens must carry exp (and iat) and live at most MAX_TOKEN_SECONDS: a token without exp,
// or one good for a year, is refused on every endpoint and for a web session.
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_SECONDS, TOKEN_ISSUER, issueToken, verifyToken } from '../../src/auth/tokens.ts';
import type { Role } from '../../src/auth/roles.ts';
import { TEST_SECRET, createTestApp, post } from '../helpers/app.ts';

const now = () => Math.floor(Date.now() / 1000);
const forged = (role: Role, claims: Record<string, number>) => sign({ sub: `${role}-1`, role, iss: TOKEN_ISSUER, ...claims }, TEST_SECRET, 'HS256');

/** One endpoint per role, and what a valid token of that role gets there. */
const ENDPOINTS: Array<{ role: Role; method: 'GET' | 'POST'; path: string; body?: unknown; ok: number }> = [
  { role: 'traveler', method: 'POST', path: '/api/ask', body: { question: '領収書をなくしたらどうすればいいですか' }, ok: 200 },
  { role: 'traveler', method: 'GET', path: '/api/escalations/mine', ok: 200 },
  { role: 'staff', method: 'GET', path: '/api/escalations', ok: 200 },
  { role: 'helpdesk', method: 'GET', path: '/api/faq', ok: 200 },
  { role: 'admin', method: 'GET', path: '/api/admin/risk-events', ok: 200 },
  { role: 'admin', method: 'GET', path: '/api/admin/audit/checkpoint', ok: 200 },
  { role: 'traveler', method: 'GET', path: '/api/session', ok: 200 },
];

describe('token lifetime', () => {
  it('refuses a token without exp, without iat, or living longer than the cap, on every endpoint', async () => {
    const t = await createTestApp();
    const call = (e: (typeof ENDPOINTS)[number], token: string) =>
      e.method === 'POST' ? post(t.app, e.path, e.body, token) : t.app.request(e.path, { headers: { authorization: `Bearer ${token}` } });
    for (const e of ENDPOINTS) {
      const cases = {
        valid: await issueToken(TEST_SECRET, { id: `${e.role}-1`, role: e.role }),
        noExp: await forged(e.role, { iat: now() }),
        noIat: await forged(e.role, { exp: now() + 3600 }),
        yearLong: await forged(e.role, { iat: now(), exp: now() + 365 * 86400 }),
        backdated: await forged(e.role, { iat: now() - 400 * 86400, exp: now() + 3600 }),
      };
      expect((await call(e, cases.valid)).status, `${e.path} valid`).toBe(e.ok);
      for (const [name, token] of Object.entries(cases).filter(([n]) => n !== 'valid')) {
        expect((await call(e, token)).status, `${e.path} ${name}`).toBe(401);
      }
    }
    // Nor can such a token be exchanged for a web session.
    const exchange = async (token: string) =>
      (await t.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ token }) })).status;
    expect(await exchange(await issueToken(TEST_SECRET, { id: 'a', role: 'admin' }))).toBe(200);
    expect(await exchange(await forged('admin', { iat: now() }))).toBe(401);
  });

  it('issues tokens only within the cap, and verifies them', async () => {
    await expect(issueToken(TEST_SECRET, { id: 'u', role: 'staff' }, MAX_TOKEN_SECONDS + 1)).rejects.toThrow(RangeError);
    expect(await verifyToken(TEST_SECRET, await issueToken(TEST_SECRET, { id: 'u', role: 'staff' }, MAX_TOKEN_SECONDS))).toEqual({ id: 'u', role: 'staff' });
  });
});
