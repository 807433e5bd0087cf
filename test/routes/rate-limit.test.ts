// Answering is limited per user and per address: past the limit, 429 with Retry-After.
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

  it('answers 429 with Retry-After past the limit, per user and per address', async () => {
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
    expect((await ask(bob, '10.0.0.1')).status).toBe(200);
    expect((await ask(bob, '10.0.0.1')).status).toBe(429); // the address 10.0.0.1 is now at its limit
    expect((await post(t.app, '/api/ask', { question: '領収書をなくした' }, await t.token('traveler'))).status).toBe(200);
  });
});
