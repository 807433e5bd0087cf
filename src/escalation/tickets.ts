// Escalation tickets: a traveler's unresolved question goes to accounting staff, who answer it or
// forward it to the SEABIS support desk, who answer it; the traveler then resolves or reopens it.
// Every change is an event with its actor and time. Platform neutral (the SQL port).
import type { Answer } from '../answer/types.ts';
import type { Role, User } from '../auth/roles.ts';
import type { ConversationTurn } from '../store/conversations.ts';
import type { SqlDb, SqlStatement, SqlValue } from '../store/sql.ts';

export const TICKET_STATUSES = ['open', 'forwarded', 'answered', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketEventType = 'opened' | 'forwarded' | 'answered' | 'resolved' | 'reopened';

export interface CitedPassage {
  source: string;
  section: string;
  text?: string;
}

export interface TicketEvent {
  type: TicketEventType;
  actorId: string;
  actorRole: Role;
  body: string | null;
  citations: CitedPassage[];
  at: string;
}

export interface Ticket {
  id: string;
  travelerId: string;
  question: string;
  note: string | null;
  conversation: ConversationTurn[];
  assistantAnswer: Answer | null;
  category: string;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  /** Seconds since the ticket last changed hands while waiting for staff (0 when answered or resolved). */
  waitingSeconds: number;
  /** The latest answer by staff or the support desk, if any. */
  answer: { body: string; by: Role; citations: CitedPassage[]; at: string } | null;
  events: TicketEvent[];
}

export class TicketError extends Error {
  readonly code: 'not_found' | 'forbidden' | 'conflict';
  constructor(code: TicketError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

interface TicketRow {
  id: string;
  traveler_id: string;
  question: string;
  note: string | null;
  conversation: string;
  assistant_answer: string | null;
  category: string;
  status: TicketStatus;
  created_at: string;
  updated_at: string;
}

interface EventRow {
  ticket_id: string;
  type: TicketEventType;
  actor_id: string;
  actor_role: Role;
  body: string | null;
  citations: string | null;
  created_at: string;
}

const STATUS_LABEL: Record<TicketStatus, string> = { open: '受付中', forwarded: 'サポートデスクに転送済み', answered: '回答済み', resolved: '解決済み' };

/**
 * A category for the queue: the chapter or FAQ category of the passage the assistant cited first.
 * Passages it retrieved but did not cite (a declined answer's) say nothing of the topic: その他.
 */
export function categoryOf(answer: Answer | null): string {
  const first = answer?.citations.find((c) => c.cited);
  const head = first?.section.split(' › ')[0] ?? '';
  const label = head.replace(/^第\d+章\s*/, '').replace(/^\d+(\.\d+)*[.．]?\s*/, '').trim();
  return label || 'その他';
}

export interface QueueFilter {
  status?: TicketStatus;
  category?: string;
  /** Only tickets waiting at least this many hours. */
  olderThanHours?: number;
}

/**
 * The outbox row announcing a change, written in the change's own transaction. The payload names
 * the ticket and what happened, not its text: receivers fetch details with their own rights.
 */
function notificationStatement(id: string, event: TicketEventType, status: TicketStatus, category: string, at: string, guarded: boolean): SqlStatement {
  const payload = JSON.stringify({ event: `ticket.${event}`, ticket: { id, status, category, url: `/api/escalations/${id}` }, at });
  return {
    sql: `INSERT INTO notifications (ticket_id, event, payload, status, attempts, next_attempt_at, created_at) SELECT ?, ?, ?, 'pending', 0, ?, ?${guarded ? ' WHERE changes() = 1' : ''}`,
    params: [id, `ticket.${event}`, payload, at, at],
  };
}

export class TicketService {
  private readonly db: SqlDb;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(db: SqlDb, options: { now?: () => Date; newId?: () => string } = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  async open(traveler: User, input: { question: string; note?: string | null; conversation: ConversationTurn[]; assistantAnswer: Answer | null }): Promise<Ticket> {
    const id = this.newId();
    const at = this.now().toISOString();
    await this.db.batch([
      {
        sql: 'INSERT INTO tickets (id, traveler_id, question, note, conversation, assistant_answer, category, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        params: [id, traveler.id, input.question, input.note ?? null, JSON.stringify(input.conversation), input.assistantAnswer ? JSON.stringify(input.assistantAnswer) : null, categoryOf(input.assistantAnswer), 'open', at, at],
      },
      { sql: 'INSERT INTO ticket_events (ref, ticket_id, type, actor_id, actor_role, body, citations, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)', params: [this.newId(), id, 'opened', traveler.id, traveler.role, input.note ?? null, at] },
      notificationStatement(id, 'opened', 'open', categoryOf(input.assistantAnswer), at, false),
    ]);
    return this.load(id);
  }

  /** A ticket as the user may see it: travelers only their own. */
  async get(id: string, user: User): Promise<Ticket> {
    const t = await this.load(id);
    if (user.role === 'traveler' && t.travelerId !== user.id) throw new TicketError('not_found', 'この問い合わせは見つかりません。');
    return t;
  }

  async mine(traveler: User): Promise<Ticket[]> {
    const rows = await this.db.all<TicketRow>('SELECT * FROM tickets WHERE traveler_id = ? ORDER BY created_at DESC, id', [traveler.id]);
    return this.withEvents(rows);
  }

  /** The queue: accounting staff see everything not resolved by default; the support desk what was forwarded. */
  async queue(user: User, filter: QueueFilter = {}): Promise<Ticket[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    } else if (user.role === 'helpdesk') {
      where.push("status = 'forwarded'");
    } else {
      where.push("status <> 'resolved'");
    }
    if (filter.category) {
      where.push('category = ?');
      params.push(filter.category);
    }
    if (filter.olderThanHours !== undefined) {
      where.push('updated_at <= ?');
      params.push(new Date(this.now().getTime() - filter.olderThanHours * 3_600_000).toISOString());
    }
    const rows = await this.db.all<TicketRow>(`SELECT * FROM tickets WHERE ${where.join(' AND ')} ORDER BY updated_at ASC, id`, params);
    return this.withEvents(rows);
  }

  async answer(id: string, actor: User, body: string, citations: CitedPassage[] = []): Promise<Ticket> {
    // Accounting staff answer what is open (or take back what they forwarded); the desk answers what was forwarded.
    const from: TicketStatus[] = actor.role === 'helpdesk' ? ['forwarded'] : ['open', 'forwarded'];
    return this.transition(id, actor, from, 'answered', 'answered', body, citations);
  }

  async forward(id: string, actor: User, note: string): Promise<Ticket> {
    return this.transition(id, actor, ['open'], 'forwarded', 'forwarded', note, []);
  }

  /** The traveler (their own ticket) or accounting staff close an answered ticket (the route admits no other role). */
  async resolve(id: string, actor: User): Promise<Ticket> {
    await this.get(id, actor);
    return this.transition(id, actor, ['answered'], 'resolved', 'resolved', null, []);
  }

  async reopen(id: string, traveler: User, note: string | null): Promise<Ticket> {
    await this.get(id, traveler);
    return this.transition(id, traveler, ['answered', 'resolved'], 'open', 'reopened', note, []);
  }

  private async transition(
    id: string, actor: User, from: TicketStatus[], to: TicketStatus, type: TicketEventType, body: string | null, citations: CitedPassage[],
  ): Promise<Ticket> {
    const current = await this.load(id);
    if (!from.includes(current.status)) {
      throw new TicketError('conflict', `この問い合わせは「${STATUS_LABEL[current.status]}」のため、この操作はできません。`);
    }
    const at = this.now().toISOString();
    const ref = this.newId();
    // The status is changed only if nobody changed it meanwhile; the event is recorded only then.
    await this.db.batch([
      { sql: 'UPDATE tickets SET status = ?, updated_at = ? WHERE id = ? AND status = ?', params: [to, at, id, current.status] },
      {
        sql: 'INSERT INTO ticket_events (ref, ticket_id, type, actor_id, actor_role, body, citations, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1',
        params: [ref, id, type, actor.id, actor.role, body, citations.length > 0 ? JSON.stringify(citations) : null, at],
      },
      notificationStatement(id, type, to, current.category, at, true),
    ]);
    if (!(await this.db.first('SELECT 1 AS found FROM ticket_events WHERE ref = ?', [ref]))) {
      throw new TicketError('conflict', 'この問い合わせは他の担当者が更新しました。開き直してください。');
    }
    return this.load(id);
  }

  private async load(id: string): Promise<Ticket> {
    const row = await this.db.first<TicketRow>('SELECT * FROM tickets WHERE id = ?', [id]);
    if (!row) throw new TicketError('not_found', 'この問い合わせは見つかりません。');
    return (await this.withEvents([row]))[0]!;
  }

  private async withEvents(rows: TicketRow[]): Promise<Ticket[]> {
    if (rows.length === 0) return [];
    const events = await this.db.all<EventRow>(
      `SELECT ticket_id, type, actor_id, actor_role, body, citations, created_at FROM ticket_events WHERE ticket_id IN (${rows.map(() => '?').join(', ')}) ORDER BY id`,
      rows.map((r) => r.id),
    );
    const now = this.now().getTime();
    return rows.map((r) => {
      const evs: TicketEvent[] = events
        .filter((e) => e.ticket_id === r.id)
        .map((e) => ({ type: e.type, actorId: e.actor_id, actorRole: e.actor_role, body: e.body, citations: e.citations ? (JSON.parse(e.citations) as CitedPassage[]) : [], at: e.created_at }));
      const answered = [...evs].reverse().find((e) => e.type === 'answered');
      const waiting = r.status === 'open' || r.status === 'forwarded';
      return {
        id: r.id,
        travelerId: r.traveler_id,
        question: r.question,
        note: r.note,
        conversation: JSON.parse(r.conversation) as ConversationTurn[],
        assistantAnswer: r.assistant_answer ? (JSON.parse(r.assistant_answer) as Answer) : null,
        category: r.category,
        status: r.status,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        waitingSeconds: waiting ? Math.max(0, Math.round((now - Date.parse(r.updated_at)) / 1000)) : 0,
        answer: answered?.body ? { body: answered.body, by: answered.actorRole, citations: answered.citations, at: answered.at } : null,
        events: evs,
      };
    });
  }
}
