// Web sign-in with a session cookie: HttpOnly and SameSite=Strict, state changes only from this
// origin, demo accounts only where enabled, tokens exchangeable for a session.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createTestApp } from '../helpers/app.ts';

const ORIGIN = 'http://localhost';

async function signIn(app: Awaited<ReturnType<typeof createTestApp>>['app'], body: unknown, headers: Record<string, string> = { origin: ORIGIN }) {
  return app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
const cookieOf = (r: Response) => (r.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('session sign-in', () => {
  it('signs in a demo account with a protected cookie and uses it', async () => {
    const t = await createTestApp();
    const r = await signIn(t.app, { account: 'demo-staff' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ user: { id: 'demo-staff', role: 'staff' } });
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^seabis_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    const cookie = cookieOf(r);
    const who = await t.app.request('/api/session', { headers: { cookie } });
    expect(await who.json()).toEqual({ user: { id: 'demo-staff', role: 'staff' }, method: 'session' });
    expect((await t.app.request('/api/escalations', { headers: { cookie } })).status).toBe(200);
  });

  it('accepts state changes with the cookie only from this origin', async () => {
    const t = await createTestApp();
    const cookie = cookieOf(await signIn(t.app, { account: 'demo-traveler' }));
    const ask = (headers: Record<string, string>) =>
      t.app.request('/api/escalations', { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ question: '領収書をなくした' }) });
    expect((await ask({})).status).toBe(403);
    expect((await ask({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await ask({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await ask({ origin: ORIGIN })).status).toBe(201);
    expect((await ask({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await signIn(t.app, { account: 'demo-staff' }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('signs out', async () => {
    const t = await createTestApp();
    const cookie = cookieOf(await signIn(t.app, { account: 'demo-traveler' }));
    const out = await t.app.request('/api/session', { method: 'DELETE', headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/seabis_session=;.*Max-Age=0/);
    // Signed out is a 200 naming nobody (the web page asks on every load), not a 401.
    const who = await t.app.request('/api/session');
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ user: null, method: null });
  });

  it('refuses demo accounts where they are disabled, and unknown accounts', async () => {
    const off = await createTestApp(undefined, { demoAccounts: false });
    expect((await signIn(off.app, { account: 'demo-traveler' })).status).toBe(403);
    expect(await (await off.app.request('/api/session/demo-accounts')).json()).toEqual({ enabled: false, accounts: [] });
    const on = await createTestApp();
    expect((await signIn(on.app, { account: 'nobody' })).status).toBe(401);
    expect(((await (await on.app.request('/api/session/demo-accounts')).json()) as { accounts: unknown[] }).accounts).toHaveLength(4);
  });

  it('exchanges a valid bearer token for a session, and rejects a bad one', async () => {
    const t = await createTestApp();
    const ok = await signIn(t.app, { token: await t.token('helpdesk', 'desk-9') });
    expect(await ok.json()).toEqual({ user: { id: 'desk-9', role: 'helpdesk' } });
    expect((await signIn(t.app, { token: 'not-a-valid-token' })).status).toBe(401);
    expect((await signIn(t.app, { account: 'demo-staff', extra: 1 })).status).toBe(400);
  });

  it('turns demo accounts off in production unless enabled', () => {
    expect(parseConfig({}).demoAccounts).toBe(true);
    expect(parseConfig({ NODE_ENV: 'production' }).demoAccounts).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', DEMO_ACCOUNTS: 'true' }).demoAccounts).toBe(true);
  });
});
