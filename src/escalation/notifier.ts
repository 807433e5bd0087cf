// Delivers ticket notifications from the outbox to a webhook, retrying with exponential backoff
// until it is received; every attempt is recorded. A webhook that is down loses nothing: the
// notifications wait in the outbox. Platform neutral (fetch, Web Crypto, the SQL port).
import type { SqlDb } from '../store/sql.ts';

export interface NotifierOptions {
  /** The webhook; without one, notifications stay in the outbox. */
  url: string | null;
  /** When set, each delivery carries X-Seabis-Signature: sha256=<HMAC of the body>. */
  secret?: string | null;
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  batchSize?: number;
}

interface NotificationRow {
  id: number;
  event: string;
  payload: string;
  attempts: number;
}

async function sign(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class WebhookNotifier {
  private readonly db: SqlDb;
  private readonly o: Required<Omit<NotifierOptions, 'secret' | 'url'>> & Pick<NotifierOptions, 'secret' | 'url'>;
  private running: Promise<unknown> | null = null;

  constructor(db: SqlDb, options: NotifierOptions) {
    this.db = db;
    this.o = {
      now: () => new Date(),
      fetch: (input, init) => fetch(input, init),
      timeoutMs: 10_000,
      baseDelayMs: 5_000,
      maxDelayMs: 3_600_000,
      batchSize: 50,
      ...options,
    };
  }

  /** Delay before the attempt after `attempts` failed ones: base × 2^(attempts−1), capped. */
  delayAfter(attempts: number): number {
    return Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  }

  /** One pass: delivers what is due. Returns how many were delivered and how many failed. */
  async deliverDue(): Promise<{ delivered: number; failed: number }> {
    if (!this.o.url) return { delivered: 0, failed: 0 };
    const now = this.o.now();
    const due = await this.db.all<NotificationRow>(
      "SELECT id, event, payload, attempts FROM notifications WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
      [now.toISOString(), this.o.batchSize],
    );
    let delivered = 0;
    let failed = 0;
    for (const n of due) {
      const started = Date.now();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-seabis-event': n.event, 'x-seabis-delivery': String(n.id) };
        if (this.o.secret) headers['x-seabis-signature'] = `sha256=${await sign(this.o.secret, n.payload)}`;
        const r = await this.o.fetch(this.o.url, { method: 'POST', headers, body: n.payload, signal: AbortSignal.timeout(this.o.timeoutMs) });
        status = r.status;
        await r.body?.cancel().catch(() => {});
        if (!r.ok) error = `HTTP ${r.status}`;
      } catch (e) {
        error = ((e as Error).message || String(e)).slice(0, 300);
      }
      const attempt = n.attempts + 1;
      const at = this.o.now();
      const record = {
        sql: 'INSERT INTO notification_deliveries (notification_id, attempt, http_status, error, duration_ms, at) VALUES (?, ?, ?, ?, ?, ?)',
        params: [n.id, attempt, status, error, Date.now() - started, at.toISOString()],
      };
      if (error === null) {
        delivered++;
        await this.db.batch([
          record,
          { sql: "UPDATE notifications SET status = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL WHERE id = ?", params: [attempt, at.toISOString(), n.id] },
        ]);
      } else {
        failed++;
        const next = new Date(at.getTime() + this.delayAfter(attempt)).toISOString();
        await this.db.batch([record, { sql: 'UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?', params: [attempt, next, error, n.id] }]);
      }
    }
    return { delivered, failed };
  }

  /** Runs passes every `intervalMs` (never two at once). Returns a function that stops it. */
  start(intervalMs = 2_000, onError: (e: unknown) => void = () => {}): () => Promise<void> {
    const timer = setInterval(() => {
      if (this.running) return;
      this.running = this.deliverDue()
        .catch(onError)
        .finally(() => (this.running = null));
    }, intervalMs);
    return async () => {
      clearInterval(timer);
      await this.running;
    };
  }
}
