// Property-based fuzzing of every API endpoint (enumerated from the app, so a new route is fuzzed
// too): malformed JSON, wrong types, huge bodies, control characters, very long questions, invalid
// ids, every role. The app must answer each request, never with a 5xx, and every error must be
// the API's JSON error shape with no stack trace.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.ts';
import { createTestApp } from '../helpers/app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let routes: Array<{ method: string; path: string }>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  routes = [...new Map(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }])).values()];
  for (const role of ['traveler', 'staff', 'helpdesk', 'admin'] as const) tokens[role] = await t.token(role);
  tokens.forged = `${tokens.admin!.slice(0, -4)}AAAA`;
  // A real ticket, so some fuzzed ids reach the handlers' deeper paths.
  await t.tickets.open({ id: 'traveler-1', role: 'traveler' }, { question: '質問', conversation: [], assistantAnswer: null });
});

const FIELDS = ['question', 'conversationId', 'note', 'answer', 'rating', 'comment', 'messages', 'id', 'status', 'reason', 'passages', 'entryId', 'body', 'role', 'user', 'token', 'from', 'to', 'level', 'format', 'date', 'citations', 'parts', 'text'];
const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  controls,
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '%00', '9'.repeat(40)),
);
const value: fc.Arbitrary<unknown> = fc.oneof(weird, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(weird, { maxLength: 5 }), fc.dictionary(weird, weird, { maxKeys: 4 }));
const body = fc.oneof(
  // Well-formed objects with the API's field names and values of any type.
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(), // mostly malformed JSON
  controls.map((s) => JSON.stringify({ question: s })),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => JSON.stringify({ question: '領収書'.repeat(n), answer: 'あ'.repeat(n) })),
  fc.constant(JSON.stringify({ question: 'x'.repeat(MAX_BODY_BYTES + 10) })),
  fc.constant(undefined),
);
const segment = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('1', '0', '-1', '999999999999999999999', 'NaN', '%', '..', 'ticket', 'TK-1'), fc.uuid());

const request = fc.record({
  route: fc.nat(),
  method: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') }),
  auth: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('traveler', 'staff', 'helpdesk', 'admin') }, { weight: 1, arbitrary: fc.constantFrom('forged', 'none', 'garbage') }),
  segment,
  body,
  query: fc.dictionary(fc.constantFrom('status', 'limit', 'offset', 'from', 'to', 'level', 'format', 'q', 'reviewed', 'category'), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
  contentType: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '') }),
});

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no response within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing every endpoint', () => {
  it('enumerates the API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.some((r) => r.path.includes(':'))).toBe(true);
  });

  it('answers 1,200 malformed, hostile and random requests without a 5xx, a crash or a hang', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length]!;
        const method = r.method ?? route.method;
        const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(r.segment) || 'x');
        const qs = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.auth === 'garbage') headers.authorization = 'Bearer \u00ffgarbage.not.a-jwt';
        else if (r.auth !== 'none') headers.authorization = `Bearer ${tokens[r.auth]}`;
        const hasBody = method !== 'GET' && r.body !== undefined;
        const res = await withTimeout(
          Promise.resolve(t.app.request(`${path}${qs ? `?${qs}` : ''}`, { method, headers, ...(hasBody ? { body: r.body } : {}) })),
          10_000,
        );
        const text = await withTimeout(res.text(), 10_000);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${method} ${path}: ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
        if (res.status >= 400) {
          const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof parsed.error?.code).toBe('string');
          expect(typeof parsed.error?.message).toBe('string');
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1200), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261124 },
    );
    expect(t.logs.filter((l) => l.includes('unhandled'))).toEqual([]);
    // The fuzzing reached the handlers, not just the front door.
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  }, 300_000);
});
