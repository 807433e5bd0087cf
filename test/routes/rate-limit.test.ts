// Answering is limited per signed-in user, and per address only without a user (signing in):
// past the limit, 429 with Retry-After. Colleagues behind one proxy do not share a budget.
import { describe, expect, it } from 'vitest';
import { MemoryLimiter } from '../../src/lib/rate-limit.ts';
import { createTestApp, post } from '../helpers/app.ts';

describe('rate limiting', () => {
  it('counts per key in fixed windows and says when to retry', async () => {
    let now = 0;
    const l = new MemoryLimiter(2, 60, () => now);
    expect((await l.limit('a')).success).toBe(true);
    expect((await l.limit('a')).success).toBe(true);
    expect(await l.limit('a')).toEqual({ success: false, retryAfter: 60 });
    expect((await l.limit('b')).success).toBe(true);
    now = 30_000;
    expect((await l.limit('a')).retryAfter).toBe(30);
    now = 60_000;
    expect((await l.limit('a')).success).toBe(true);
  });

  it('answers 429 with Retry-After past the limit, per user whatever the address', async () => {
    const t = await createTestApp(undefined, {}, {});
    const limited = await createTestApp(undefined, {}, { limiter: new MemoryLimiter(2, 60) });
    const alice = await limited.token('traveler', 'alice');
    const bob = await limited.token('traveler', 'bob');
    const ask = (token: string, ip: string) =>
      limited.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': ip }, body: JSON.stringify({ question: '領収書をなくした' }) });
    expect((await ask(alice, '10.0.0.1')).status).toBe(200);
    expect((await ask(alice, '10.0.0.2')).status).toBe(200);
    const third = await ask(alice, '10.0.0.3');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await third.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Twenty colleagues behind one office proxy each keep their own budget.
    for (let i = 0; i < 20; i++) {
      const colleague = await limited.token('staff', `staff-${i}`);
      expect((await ask(colleague, '192.0.2.10')).status).toBe(200);
      expect((await ask(colleague, '192.0.2.10')).status).toBe(200);
    }
    expect((await ask(bob, '10.0.0.1')).status).toBe(200);
    expect((await post(t.app, '/api/ask', { question: '領収書をなくした' }, await t.token('traveler'))).status).toBe(200);
  });

  it('limits anonymous sign-in attempts per address', async () => {
    const limited = await createTestApp(undefined, {}, { limiter: new MemoryLimiter(2, 60) });
    const signIn = (ip: string) =>
      limited.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': ip }, body: JSON.stringify({ token: 'guessed-token-0123456789' }) });
    expect((await signIn('10.0.0.9')).status).toBe(401);
    expect((await signIn('10.0.0.9')).status).toBe(401);
    expect((await signIn('10.0.0.9')).status).toBe(429);
    expect((await signIn('10.0.0.8')).status).toBe(401);
    expect((await limited.app.request('/api/session', { headers: { 'x-forwarded-for': '10.0.0.9' } })).status).not.toBe(429);
  });
});
