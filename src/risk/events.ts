// Risk events: every interaction whose assessment names a reason (a risk case) or reaches the
// high level is written to the audit log with the evidence a reviewer needs, and listed for
// administrators, who review and sign off; exports carry counts for the periodic report (定期報告).
import type { Answer } from '../answer/types.ts';
import type { User } from '../auth/roles.ts';
import type { CheckpointSchedule, CheckpointSigner } from '../audit/checkpoint.ts';
import { AuditLog, type RiskEventRow, type Sha256 } from '../audit/log.ts';
import type { SqlDb, SqlValue } from '../store/sql.ts';
import { AXES, type Assessment, type Axis, type Level, type ReasonCode } from './assess.ts';

export interface RiskEventInput {
  user: User;
  channel: 'ask' | 'chat' | 'feedback' | 'escalation' | 'ingest';
  /** Already redacted. */
  question: string;
  answer: Answer | null;
  assessment: Assessment;
  detail?: string;
}

export interface RiskEvent {
  id: string;
  seq: number;
  at: string;
  userId: string;
  channel: string;
  level: Level;
  reasons: ReasonCode[];
  axes: Assessment['axes'];
  question: string;
  answer: { text: string; citations: Array<{ n: number; source: string; section: string; page: number | null; cited: boolean }>; escalate: boolean; confidence: number; model: string; indexVersion: string } | null;
  detail: string | null;
  review: { at: string; by: string; comment: string } | null;
}

export interface RiskFilter {
  from?: string;
  to?: string;
  level?: Level;
  axis?: Axis;
  reason?: string;
  reviewed?: boolean;
  limit?: number;
}

type Row = RiskEventRow;

function toEvent(r: Row): RiskEvent {
  const answer = r.answer ? (JSON.parse(r.answer) as { answer: RiskEvent['answer']; detail: string | null }) : { answer: null, detail: null };
  return {
    id: r.id,
    seq: r.audit_seq,
    at: r.at,
    userId: r.user_id,
    channel: r.channel,
    level: r.level,
    reasons: JSON.parse(r.reasons) as ReasonCode[],
    axes: JSON.parse(r.axes) as Assessment['axes'],
    question: r.question,
    answer: answer.answer,
    detail: answer.detail,
    review: r.reviewed_at ? { at: r.reviewed_at, by: r.reviewed_by ?? '', comment: r.review_comment ?? '' } : null,
  };
}

export class RiskEvents {
  readonly audit: AuditLog;
  private readonly db: SqlDb;
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(db: SqlDb, options: { now?: () => Date; newId?: () => string; sha256?: Sha256; signer?: CheckpointSigner | null; schedule?: CheckpointSchedule } = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.audit = new AuditLog(db, { now: this.now, sha256: options.sha256, signer: options.signer, schedule: options.schedule });
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Is this interaction a risk case to log? */
  static worthLogging(a: Assessment): boolean {
    return a.level === 'high' || a.reasons.length > 0;
  }

  async record(e: RiskEventInput): Promise<RiskEvent> {
    const id = this.newId();
    const a = e.answer;
    const answer = a
      ? {
          text: a.answer,
          citations: a.citations.map((c) => ({ n: c.n, source: c.source, section: c.section, page: c.page, cited: c.cited })),
          escalate: a.escalate,
          confidence: a.confidence,
          model: a.model,
          indexVersion: a.indexVersion,
        }
      : null;
    const data = {
      id,
      userId: e.user.id,
      role: e.user.role,
      channel: e.channel,
      level: e.assessment.level,
      reasons: e.assessment.reasons,
      axes: e.assessment.axes,
      pii: e.assessment.pii,
      question: e.question,
      answer,
      detail: e.detail ?? null,
    };
    // The row repeats the record's fields (and its time), so verification can compare every one.
    const rec = await this.audit.append('risk_event', data, (seq, at) => [
      {
        sql: 'INSERT INTO risk_events (id, audit_seq, at, user_id, channel, level, reasons, axes, question, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        params: [id, seq, at, e.user.id, e.channel, e.assessment.level, JSON.stringify(e.assessment.reasons), JSON.stringify(e.assessment.axes), e.question, JSON.stringify({ answer, detail: e.detail ?? null })],
      },
    ]);
    return { ...(await this.get(id)), seq: rec.seq };
  }

  async get(id: string): Promise<RiskEvent> {
    const r = await this.db.first<Row>('SELECT * FROM risk_events WHERE id = ?', [id]);
    if (!r) throw new RiskEventNotFound(id);
    return toEvent(r);
  }

  async list(f: RiskFilter = {}): Promise<RiskEvent[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (f.from) (where.push('at >= ?'), params.push(f.from));
    if (f.to) (where.push('at < ?'), params.push(f.to));
    if (f.level) (where.push('level = ?'), params.push(f.level));
    if (f.reviewed !== undefined) where.push(f.reviewed ? 'reviewed_at IS NOT NULL' : 'reviewed_at IS NULL');
    const rows = await this.db.all<Row>(`SELECT * FROM risk_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, audit_seq DESC`, params);
    let events = rows.map(toEvent);
    if (f.reason) events = events.filter((e) => e.reasons.includes(f.reason as ReasonCode));
    if (f.axis) events = events.filter((e) => e.axes[f.axis as Axis].level !== 'low');
    return f.limit ? events.slice(0, f.limit) : events;
  }

  /** Sign-off: the review goes into the audit log, and the event shows it. */
  async review(id: string, reviewer: User, comment: string): Promise<RiskEvent> {
    const e = await this.get(id);
    if (e.review) throw new RiskEventReviewed(id);
    await this.audit.append('review', { eventId: id, eventSeq: e.seq, reviewer: reviewer.id, comment }, (_seq, at) => [
      { sql: 'UPDATE risk_events SET reviewed_at = ?, reviewed_by = ?, review_comment = ? WHERE id = ? AND reviewed_at IS NULL', params: [at, reviewer.id, comment, id] },
    ]);
    return this.get(id);
  }

  /** Counts for the periodic report: per month, level, axis (medium or high) and reason. */
  static counts(events: RiskEvent[]) {
    const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
    const byPeriod: Record<string, number> = {};
    const byLevel: Record<string, number> = { low: 0, medium: 0, high: 0 };
    const byAxis: Record<string, number> = Object.fromEntries(AXES.map((a) => [a, 0]));
    const byReason: Record<string, number> = {};
    let reviewed = 0;
    for (const e of events) {
      inc(byPeriod, e.at.slice(0, 7));
      inc(byLevel, e.level);
      for (const a of AXES) if (e.axes[a].level !== 'low') inc(byAxis, a);
      for (const r of e.reasons) inc(byReason, r);
      if (e.review) reviewed++;
    }
    return { total: events.length, reviewed, byPeriod, byLevel, byAxis, byReason };
  }

  static csv(events: RiskEvent[]): string {
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // Quoted, and a leading = + - @ neutralized so spreadsheets do not run it as a formula.
      return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
    };
    const head = ['id', 'seq', 'at', 'user', 'channel', 'level', 'reasons', ...AXES.map((a) => `axis_${a}`), 'question', 'answer', 'escalate', 'confidence', 'model', 'index_version', 'reviewed_at', 'reviewed_by', 'review_comment'];
    const lines = events.map((e) =>
      [
        e.id, e.seq, e.at, e.userId, e.channel, e.level, e.reasons.join(' '), ...AXES.map((a) => e.axes[a].level), e.question,
        e.answer?.text ?? '', e.answer?.escalate ?? '', e.answer?.confidence ?? '', e.answer?.model ?? '', e.answer?.indexVersion ?? '',
        e.review?.at ?? '', e.review?.by ?? '', e.review?.comment ?? '',
      ].map(cell).join(','),
    );
    // A byte-order mark so that spreadsheet software reads the Japanese text as UTF-8.
    return `\uFEFF${[head.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
  }
}

export class RiskEventNotFound extends Error {}
export class RiskEventReviewed extends Error {}
