// Ticket notifications: written with each change, delivered to a webhook on 127.0.0.1, retried
// with backoff while it fails or is down, every attempt recorded, nothing lost.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookNotifier } from '../../src/escalation/notifier.ts';
import { TicketService } from '../../src/escalation/tickets.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

/** A webhook receiver that answers with the given statuses in turn (then 200). */
async function receiver(statuses: number[], port = 0): Promise<{ url: string; received: Array<{ headers: IncomingMessage['headers']; body: string }> }> {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

function setup(url: string | null) {
  const db = new NodeSqlite(':memory:');
  db.migrate();
  let now = new Date('2026-11-24T09:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
  const tickets = new TicketService(db, { now: clock.now });
  const notifier = new WebhookNotifier(db, { url, secret: 'webhook-secret-0123456789', now: clock.now, baseDelayMs: 1000 });
  return { db, clock, tickets, notifier };
}

const traveler = { id: 't-1', role: 'traveler' as const };
const staff = { id: 's-1', role: 'staff' as const };

describe('webhook notifications', () => {
  it('notifies each change, signed, and records the delivery', async () => {
    const hook = await receiver([]);
    const { db, tickets, notifier } = setup(hook.url);
    const t = await tickets.open(traveler, { question: '質問', conversation: [], assistantAnswer: null });
    await tickets.answer(t.id, staff, '回答');
    expect(await notifier.deliverDue()).toEqual({ delivered: 2, failed: 0 });
    expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['ticket.opened', 'ticket.answered']);
    const first = hook.received[0]!;
    expect(first.headers['x-seabis-signature']).toBe(`sha256=${createHmac('sha256', 'webhook-secret-0123456789').update(first.body).digest('hex')}`);
    expect(JSON.parse(first.body)).toMatchObject({ ticket: { id: t.id, status: 'open' } });
    expect(first.body).not.toContain('質問');
    const rows = await db.all<{ status: string; attempts: number }>('SELECT status, attempts FROM notifications');
    expect(rows).toEqual([{ status: 'delivered', attempts: 1 }, { status: 'delivered', attempts: 1 }]);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, failed: 0 });
  });

  it('retries a failing webhook with exponential backoff until it is received', async () => {
    const hook = await receiver([500, 503]);
    const { db, clock, tickets, notifier } = setup(hook.url);
    await tickets.open(traveler, { question: '質問', conversation: [], assistantAnswer: null });
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, failed: 1 });
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, failed: 0 }); // not due before the backoff
    clock.advance(1000);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, failed: 1 });
    clock.advance(1000);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, failed: 0 }); // second delay is 2 s
    clock.advance(1000);
    expect(await notifier.deliverDue()).toEqual({ delivered: 1, failed: 0 });
    const attempts = await db.all<{ attempt: number; http_status: number }>('SELECT attempt, http_status FROM notification_deliveries ORDER BY id');
    expect(attempts).toEqual([{ attempt: 1, http_status: 500 }, { attempt: 2, http_status: 503 }, { attempt: 3, http_status: 200 }]);
    expect(notifier.delayAfter(30)).toBe(3_600_000);
  });

  it('loses nothing while the webhook is down, and delivers everything once it is back', async () => {
    const { notifier: probe } = setup(null);
    expect(await probe.deliverDue()).toEqual({ delivered: 0, failed: 0 });
    // A port with nothing listening: connection refused.
    const down = await receiver([]);
    const port = Number(new URL(down.url).port);
    await new Promise((ok) => servers.pop()!.close(ok));
    const { db, clock, tickets, notifier } = setup(down.url);
    for (let i = 0; i < 5; i++) await tickets.open(traveler, { question: `質問${i}`, conversation: [], assistantAnswer: null });
    for (let round = 0; round < 3; round++) {
      expect((await notifier.deliverDue()).delivered).toBe(0);
      clock.advance(60_000);
    }
    expect(await db.first<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE status = 'pending'")).toEqual({ n: 5 });
    const back = await receiver([], port);
    expect(await notifier.deliverDue()).toEqual({ delivered: 5, failed: 0 });
    expect(back.received).toHaveLength(5);
    expect(await db.first<{ n: number }>('SELECT count(*) AS n FROM notification_deliveries')).toEqual({ n: 20 });
  });
});
