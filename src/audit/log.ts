// The audit log: append-only (the database refuses updates and deletes) and hash-chained — each
// record's hash covers its content and the previous record's hash, so an edited, deleted or
// reordered record breaks the chain from that point on. Platform neutral (SQL port, Web Crypto).
import type { SqlDb, SqlStatement } from '../store/sql.ts';
import type { Checkpoint, CheckpointSchedule, CheckpointSigner } from './checkpoint.ts';

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
  /** Against a checkpoint kept outside the log, when one was given. */
  checkpoint?: { ok: boolean; problem: string | null };
}

export class NoSigningKey extends Error {
  constructor() {
    super('No audit signing key is configured (AUDIT_SIGNING_KEY).');
  }
}

export const DEFAULT_CHECKPOINT_SCHEDULE: CheckpointSchedule = { everyRecords: 100, everyHours: 24 };

/** A risk event as stored in its table (src/risk/events.ts writes it; verification compares it). */
export interface RiskEventRow {
  id: string;
  audit_seq: number;
  at: string;
  user_id: string;
  channel: string;
  level: 'low' | 'medium' | 'high';
  reasons: string;
  axes: string;
  question: string;
  answer: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
}
type RecordData = Record<string, unknown>;

/** What differs between a risk event's row (and its review) and the audit records it was written from; null when nothing. */
function eventMismatch(e: RiskEventRow, rec: AuditRecord | undefined, review: AuditRecord | undefined): string | null {
  if (!rec || rec.type !== 'risk_event') return `its audit record ${e.audit_seq} is missing`;
  const d = JSON.parse(rec.data) as RecordData;
  const expected: Record<string, unknown> = {
    id: d.id,
    at: rec.at,
    user_id: d.userId,
    channel: d.channel,
    level: d.level,
    reasons: JSON.stringify(d.reasons),
    axes: JSON.stringify(d.axes),
    question: d.question,
    answer: JSON.stringify({ answer: d.answer ?? null, detail: d.detail ?? null }),
  };
  const r = review ? (JSON.parse(review.data) as RecordData) : null;
  Object.assign(expected, { reviewed_at: review?.at ?? null, reviewed_by: r?.reviewer ?? null, review_comment: r?.comment ?? null });
  const changed = Object.keys(expected).filter((k) => e[k as keyof RiskEventRow] !== expected[k]);
  return changed.length > 0 ? `${changed.join(', ')} differ from audit record ${changed.some((k) => k.startsWith('review')) && review ? review.seq : rec.seq}` : null;
}

export class AuditLog {
  private readonly db: SqlDb;
  private readonly now: () => Date;
  private readonly sha256: Sha256;
  private readonly signer: CheckpointSigner | null;
  private readonly schedule: CheckpointSchedule;
  /** When this process last put a checkpoint in the outbox (ms; loaded from the outbox on first use). */
  private lastEmitted: number | null | undefined = undefined;
  /** Appends from this process run one after another; other processes are handled by retrying. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: SqlDb, options: { now?: () => Date; sha256?: Sha256; signer?: CheckpointSigner | null; schedule?: CheckpointSchedule } = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.sha256 = options.sha256 ?? webSha256;
    this.signer = options.signer ?? null;
    this.schedule = options.schedule ?? DEFAULT_CHECKPOINT_SCHEDULE;
  }

  /**
   * Appends a record, together with statements that belong to it (run in the same transaction,
   * given the new record's sequence number). Concurrent appends race for the next number; the
   * loser retries on top of the winner.
   */
  append(type: AuditType, data: unknown, also: (seq: number, at: string) => SqlStatement[] = () => []): Promise<AuditRecord> {
    const next = this.queue.then(() => this.appendNow(type, data, also));
    this.queue = next.catch(() => {});
    return next;
  }

  private async appendNow(type: AuditType, data: unknown, also: (seq: number, at: string) => SqlStatement[]): Promise<AuditRecord> {
    const text = JSON.stringify(data);
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await this.db.first<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1');
      const seq = (last?.seq ?? 0) + 1;
      const prev = last?.hash ?? GENESIS;
      const at = this.now().toISOString();
      const hash = await recordHash(prev, seq, at, type, text, this.sha256);
      const emit = await this.checkpointDue(seq, at);
      try {
        await this.db.batch([
          { sql: 'INSERT INTO audit_records (seq, at, type, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)', params: [seq, at, type, text, prev, hash] },
          ...also(seq, at),
          ...(emit ? [await this.outboxStatement(seq, hash, at)] : []),
        ]);
        if (emit) this.lastEmitted = Date.parse(at);
        return { seq, at, type, data: text, prev_hash: prev, hash };
      } catch (e) {
        if (!/UNIQUE|PRIMARY KEY|constraint/i.test((e as Error).message)) throw e;
        await new Promise((ok) => setTimeout(ok, Math.random() * 10 * (attempt + 1)));
      }
    }
    throw new Error('The audit log is too busy: could not append after 20 attempts.');
  }

  /** Does the record about to be appended get a checkpoint in the webhook outbox? */
  private async checkpointDue(seq: number, at: string): Promise<boolean> {
    if (!this.signer) return false;
    if (this.lastEmitted === undefined) {
      const last = await this.db.first<{ created_at: string }>("SELECT created_at FROM notifications WHERE event = 'audit.checkpoint' ORDER BY id DESC LIMIT 1");
      this.lastEmitted = last ? Date.parse(last.created_at) : null;
    }
    if (seq % this.schedule.everyRecords === 0 || this.lastEmitted === null) return true;
    return Date.parse(at) - this.lastEmitted >= this.schedule.everyHours * 3_600_000;
  }

  private async outboxStatement(seq: number, hash: string, at: string): Promise<SqlStatement> {
    const checkpoint = await this.signer!.sign(seq, hash, at);
    const payload = JSON.stringify({ event: 'audit.checkpoint', checkpoint, at });
    return {
      sql: "INSERT INTO notifications (ticket_id, event, payload, status, attempts, next_attempt_at, created_at) VALUES (NULL, 'audit.checkpoint', ?, 'pending', 0, ?, ?)",
      params: [payload, at, at],
    };
  }

  /** The current size and head, signed: to be kept away from the log (NoSigningKey without a key). */
  async checkpoint(): Promise<Checkpoint> {
    if (!this.signer) throw new NoSigningKey();
    const h = await this.head();
    return this.signer.sign(h.seq, h.hash, this.now().toISOString());
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
   * Every stored field of a risk event and of its review must agree with the records they were
   * written from. With a checkpoint: the log must reach its size, and its record there must hash
   * to its head, under a valid signature — what catches a cut tail or a recomputed chain.
   */
  async verify(checkpoint?: Checkpoint): Promise<VerifyResult> {
    const chain = await this.verifyChain();
    if (!checkpoint) return chain;
    const problem = await this.checkpointProblem(checkpoint, chain.count);
    return { ...chain, ok: chain.ok && problem === null, checkpoint: { ok: problem === null, problem } };
  }

  private async checkpointProblem(c: Checkpoint, count: number): Promise<string | null> {
    if (!this.signer) return 'no signing key (AUDIT_SIGNING_KEY) to check the checkpoint\'s signature';
    if (c.keyId !== this.signer.keyId) return `the checkpoint was signed by key ${c.keyId}, not by this key (${this.signer.keyId})`;
    if (!(await this.signer.verify(c))) return 'the checkpoint\'s signature does not verify (the checkpoint was altered or forged)';
    if (count < c.size) return `the log holds ${count} records, fewer than the checkpoint's ${c.size} (records were cut from the end)`;
    const r = await this.db.first<AuditRecord>('SELECT * FROM audit_records WHERE seq = ?', [c.size]);
    if (c.size === 0 ? c.head !== GENESIS : r?.hash !== c.head) return `record ${c.size} does not hash to the checkpoint's head (the chain was rewritten)`;
    return null;
  }

  private async verifyChain(): Promise<VerifyResult> {
    const rows = await this.db.all<AuditRecord>('SELECT * FROM audit_records ORDER BY rowid');
    let prev = GENESIS;
    let expected = 1;
    const bad = (seq: number, problem: string, count: number): VerifyResult => ({ ok: false, count, head: prev, firstBad: { seq, problem } });
    const bySeq = new Map<number, AuditRecord>();
    const reviews = new Map<string, AuditRecord>();
    for (const r of rows) {
      if (r.seq !== expected) {
        return bad(r.seq, r.seq > expected ? `record ${expected} is missing (deleted?) before record ${r.seq}` : `record ${r.seq} is out of order`, bySeq.size);
      }
      if (r.prev_hash !== prev) return bad(r.seq, `record ${r.seq} does not follow record ${r.seq - 1} (previous hash differs: deleted or reordered records)`, bySeq.size);
      if ((await recordHash(r.prev_hash, r.seq, r.at, r.type, r.data, this.sha256)) !== r.hash) return bad(r.seq, `record ${r.seq} was altered (its content no longer matches its hash)`, bySeq.size);
      prev = r.hash;
      expected++;
      bySeq.set(r.seq, r);
      if (r.type === 'review') reviews.set(String((JSON.parse(r.data) as RecordData).eventId), r);
    }
    const events = await this.db.all<RiskEventRow>('SELECT * FROM risk_events ORDER BY audit_seq');
    const withRow = new Set<number>();
    for (const e of events) {
      const problem = eventMismatch(e, bySeq.get(e.audit_seq), reviews.get(e.id));
      if (problem) return { ok: false, count: rows.length, head: prev, firstBad: { seq: e.audit_seq, problem: `risk event ${e.id}: ${problem} (the event table was altered)` } };
      withRow.add(e.audit_seq);
    }
    const orphan = rows.find((r) => r.type === 'risk_event' && !withRow.has(r.seq));
    if (orphan) return { ok: false, count: rows.length, head: prev, firstBad: { seq: orphan.seq, problem: `the risk event of audit record ${orphan.seq} is missing from the event table (deleted)` } };
    return { ok: true, count: rows.length, head: prev, firstBad: null };
  }
}
