// The audit log: append-only (the database refuses updates and deletes) and hash-chained — each
// record's hash covers its content and the previous record's hash, so an edited, deleted or
// reordered record breaks the chain from that point on. Platform neutral (SQL port, Web Crypto).
import type { SqlDb, SqlStatement } from '../store/sql.ts';

export const GENESIS = '0'.repeat(64);
export type AuditType = 'risk_event' | 'review' | 'settings';

export interface AuditRecord {
  seq: number;
  at: string;
  type: AuditType;
  /** The record's content as stored (JSON text): the hash covers exactly these characters. */
  data: string;
  prev_hash: string;
  hash: string;
}

/** SHA-256 of a text's UTF-8 bytes as lower-case hex. */
export type Sha256 = (text: string) => string | Promise<string>;

/**
 * Web Crypto's SHA-256 (every platform). Each digest is a trip through the event loop; Node passes
 * a synchronous one instead (audit/node-sha256.ts): under load those trips queued every append.
 */
export async function webSha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function recordHash(prev: string, seq: number, at: string, type: string, data: string, sha256: Sha256 = webSha256): Promise<string> {
  return sha256(`${prev}\n${seq}\n${at}\n${type}\n${data}`);
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  /** Hash of the last record (record it elsewhere to detect truncation). */
  head: string;
  firstBad: { seq: number; problem: string } | null;
}

export class AuditLog {
  private readonly db: SqlDb;
  private readonly now: () => Date;
  private readonly sha256: Sha256;
  /** Appends from this process run one after another; other processes are handled by retrying. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: SqlDb, options: { now?: () => Date; sha256?: Sha256 } = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.sha256 = options.sha256 ?? webSha256;
  }

  /**
   * Appends a record, together with statements that belong to it (run in the same transaction,
   * given the new record's sequence number). Concurrent appends race for the next number; the
   * loser retries on top of the winner.
   */
  append(type: AuditType, data: unknown, also: (seq: number) => SqlStatement[] = () => []): Promise<AuditRecord> {
    const next = this.queue.then(() => this.appendNow(type, data, also));
    this.queue = next.catch(() => {});
    return next;
  }

  private async appendNow(type: AuditType, data: unknown, also: (seq: number) => SqlStatement[]): Promise<AuditRecord> {
    const text = JSON.stringify(data);
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await this.db.first<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1');
      const seq = (last?.seq ?? 0) + 1;
      const prev = last?.hash ?? GENESIS;
      const at = this.now().toISOString();
      const hash = await recordHash(prev, seq, at, type, text, this.sha256);
      try {
        await this.db.batch([
          { sql: 'INSERT INTO audit_records (seq, at, type, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)', params: [seq, at, type, text, prev, hash] },
          ...also(seq),
        ]);
        return { seq, at, type, data: text, prev_hash: prev, hash };
      } catch (e) {
        if (!/UNIQUE|PRIMARY KEY|constraint/i.test((e as Error).message)) throw e;
        await new Promise((ok) => setTimeout(ok, Math.random() * 10 * (attempt + 1)));
      }
    }
    throw new Error('The audit log is too busy: could not append after 20 attempts.');
  }

  async head(): Promise<{ seq: number; hash: string }> {
    return (await this.db.first<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1')) ?? { seq: 0, hash: GENESIS };
  }

  async latest(type: AuditType): Promise<AuditRecord | null> {
    return this.db.first<AuditRecord>('SELECT * FROM audit_records WHERE type = ? ORDER BY seq DESC LIMIT 1', [type]);
  }

  /**
   * Walks the chain: numbers must run 1, 2, 3… (a gap is a deleted record), each record must name
   * its predecessor's hash (else deleted or reordered) and hash to what it says (else edited).
   * The risk-event table must agree with the records it was written from.
   */
  async verify(): Promise<VerifyResult> {
    const rows = await this.db.all<AuditRecord>('SELECT * FROM audit_records ORDER BY rowid');
    let prev = GENESIS;
    let expected = 1;
    const bad = (seq: number, problem: string, count: number): VerifyResult => ({ ok: false, count, head: prev, firstBad: { seq, problem } });
    const bySeq = new Map<number, AuditRecord>();
    for (const r of rows) {
      if (r.seq !== expected) {
        return bad(r.seq, r.seq > expected ? `record ${expected} is missing (deleted?) before record ${r.seq}` : `record ${r.seq} is out of order`, bySeq.size);
      }
      if (r.prev_hash !== prev) return bad(r.seq, `record ${r.seq} does not follow record ${r.seq - 1} (previous hash differs: deleted or reordered records)`, bySeq.size);
      if ((await recordHash(r.prev_hash, r.seq, r.at, r.type, r.data, this.sha256)) !== r.hash) return bad(r.seq, `record ${r.seq} was altered (its content no longer matches its hash)`, bySeq.size);
      prev = r.hash;
      expected++;
      bySeq.set(r.seq, r);
    }
    const events = await this.db.all<{ id: string; audit_seq: number; level: string; reasons: string; question: string }>('SELECT id, audit_seq, level, reasons, question FROM risk_events ORDER BY audit_seq');
    for (const e of events) {
      const r = bySeq.get(e.audit_seq);
      const d = r ? (JSON.parse(r.data) as { id?: string; level?: string; reasons?: unknown; question?: string }) : null;
      if (!d || d.id !== e.id || d.level !== e.level || JSON.stringify(d.reasons) !== e.reasons || d.question !== e.question) {
        return { ok: false, count: rows.length, head: prev, firstBad: { seq: e.audit_seq, problem: `risk event ${e.id} differs from audit record ${e.audit_seq} (the event table was altered)` } };
      }
    }
    return { ok: true, count: rows.length, head: prev, firstBad: null };
  }
}
