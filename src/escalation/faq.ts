// The FAQ loop: staff propose an answered ticket as an FAQ entry; a second person (another staff
// member or an admin) approves it; approved entries go into the live index at once and answer
// matching questions, cited as the FAQ entry they are. Entries can be withdrawn and carry an
// expiry; when re-ingestion changes a manual section an entry cites, the entry is flagged for
// review and stops answering until approved again. Platform neutral.
import type { User } from '../auth/roles.ts';
import type { Chunk } from '../ingest/types.ts';
import { APPROVED_FAQ_PREFIX, type DocumentIndex } from '../retrieval/types.ts';
import type { SqlDb } from '../store/sql.ts';
import { redact } from '../risk/pii.ts';
import { TicketError, type CitedPassage, type TicketService } from './tickets.ts';

export { APPROVED_FAQ_PREFIX };
export const APPROVED_FAQ_TITLE = '承認済みFAQ(会計担当職員の回答)';

export type FaqStatus = 'proposed' | 'approved' | 'needs_review' | 'withdrawn';

export interface FaqCitation extends CitedPassage {
  /** Hash of the cited section's text when the entry was approved. */
  hash?: string;
}

export interface FaqEntry {
  id: string;
  ticketId: string | null;
  question: string;
  answer: string;
  citations: FaqCitation[];
  status: FaqStatus;
  proposedBy: string;
  approvedBy: string | null;
  expiresAt: string | null;
  reviewReason: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  ticket_id: string | null;
  question: string;
  answer: string;
  citations: string;
  status: FaqStatus;
  proposed_by: string;
  approved_by: string | null;
  expires_at: string | null;
  review_reason: string | null;
  created_at: string;
  updated_at: string;
}

function toEntry(r: Row): FaqEntry {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    question: r.question,
    answer: r.answer,
    citations: JSON.parse(r.citations) as FaqCitation[],
    status: r.status,
    proposedBy: r.proposed_by,
    approvedBy: r.approved_by,
    expiresAt: r.expires_at,
    reviewReason: r.review_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function sha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32);
}

/** The chunk that carries an approved entry in the index. */
export function entryChunk(e: FaqEntry): Chunk {
  return {
    id: `faq-entry:${e.id}:${e.updatedAt}`,
    source: `${APPROVED_FAQ_PREFIX}${e.id}`,
    title: APPROVED_FAQ_TITLE,
    kind: 'faq',
    section: e.question,
    page: null,
    text: e.answer,
    effectiveFrom: null,
    effectiveTo: e.expiresAt ? e.expiresAt.slice(0, 10) : null,
    ordinal: 0,
  };
}

export class FaqError extends TicketError {}

export class FaqService {
  private readonly db: SqlDb;
  private readonly index: DocumentIndex;
  private readonly tickets: TicketService;
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Index chunk id of each served entry. */
  private readonly served = new Map<string, string>();

  constructor(db: SqlDb, index: DocumentIndex, tickets: TicketService, options: { now?: () => Date; newId?: () => string } = {}) {
    this.db = db;
    this.index = index;
    this.tickets = tickets;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  async propose(
    actor: User,
    input: { ticketId: string; question?: string; answer?: string; citations?: CitedPassage[]; expiresAt?: string | null },
  ): Promise<FaqEntry> {
    const ticket = await this.tickets.get(input.ticketId, actor);
    if (ticket.status !== 'answered' && ticket.status !== 'resolved') {
      throw new FaqError('conflict', '回答済みの問い合わせだけをFAQにできます。');
    }
    const id = this.newId();
    const at = this.now().toISOString();
    const citations = input.citations ?? ticket.answer?.citations ?? [];
    await this.db.batch([
      {
        sql: 'INSERT INTO faq_entries (id, ticket_id, question, answer, citations, status, proposed_by, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        params: [id, ticket.id, input.question ?? ticket.question, input.answer ?? ticket.answer?.body ?? '', JSON.stringify(citations), 'proposed', actor.id, input.expiresAt ?? null, at, at],
      },
      this.event(id, 'proposed', actor, null, at),
    ]);
    const e = await this.get(id);
    if (e.answer.trim() === '') throw new FaqError('conflict', 'FAQの回答が空です。');
    return e;
  }

  /** Approves (or re-approves after review): never by the person who proposed it. */
  async approve(id: string, actor: User): Promise<FaqEntry> {
    const e = await this.get(id);
    if (e.proposedBy === actor.id) throw new FaqError('forbidden', '自分が提案したFAQは承認できません。別の担当者が承認してください。');
    if (e.status !== 'proposed' && e.status !== 'needs_review') throw new FaqError('conflict', `このFAQは「${e.status}」のため承認できません。`);
    // Remember what each cited section said, so a later change can be noticed.
    const citations: FaqCitation[] = [];
    for (const c of e.citations) citations.push({ ...c, hash: await this.sectionHash(c) });
    const at = this.now().toISOString();
    await this.db.batch([
      { sql: "UPDATE faq_entries SET status = 'approved', approved_by = ?, citations = ?, review_reason = NULL, updated_at = ? WHERE id = ?", params: [actor.id, JSON.stringify(citations), at, id] },
      this.event(id, 'approved', actor, null, at),
    ]);
    await this.sync();
    return this.get(id);
  }

  async withdraw(id: string, actor: User, note: string | null): Promise<FaqEntry> {
    const e = await this.get(id);
    if (e.status === 'withdrawn') throw new FaqError('conflict', 'このFAQはすでに取り下げられています。');
    const at = this.now().toISOString();
    await this.db.batch([
      { sql: "UPDATE faq_entries SET status = 'withdrawn', updated_at = ? WHERE id = ?", params: [at, id] },
      this.event(id, 'withdrawn', actor, note, at),
    ]);
    await this.sync();
    return this.get(id);
  }

  async get(id: string): Promise<FaqEntry> {
    const r = await this.db.first<Row>('SELECT * FROM faq_entries WHERE id = ?', [id]);
    if (!r) throw new FaqError('not_found', 'このFAQは見つかりません。');
    return toEntry(r);
  }

  async list(status?: FaqStatus): Promise<FaqEntry[]> {
    const rows = status
      ? await this.db.all<Row>('SELECT * FROM faq_entries WHERE status = ? ORDER BY updated_at DESC', [status])
      : await this.db.all<Row>('SELECT * FROM faq_entries ORDER BY updated_at DESC');
    return rows.map(toEntry);
  }

  /**
   * Brings the live index in line with the store: approved, unexpired entries are served; the
   * rest are not. Also flags approved entries whose cited sections changed since approval.
   */
  async sync(): Promise<{ served: number; flagged: string[] }> {
    await this.redactStored();
    const flagged: string[] = [];
    const today = this.now().toISOString();
    const approved = (await this.list('approved')).filter((e) => !e.expiresAt || e.expiresAt > today);
    const keep: FaqEntry[] = [];
    for (const e of approved) {
      const changed = await this.changedCitation(e);
      if (changed) {
        await this.flag(e, `引用している「${changed.section}」(${changed.source})が変更されたため、確認が必要です。`);
        flagged.push(e.id);
      } else {
        keep.push(e);
      }
    }
    const wanted = new Map(keep.map((e) => [e.id, entryChunk(e)]));
    const stale = [...this.served].filter(([id, chunkId]) => wanted.get(id)?.id !== chunkId).map(([, chunkId]) => chunkId);
    await this.index.remove(stale);
    for (const [id, chunkId] of this.served) if (wanted.get(id)?.id !== chunkId) this.served.delete(id);
    const fresh = [...wanted.values()].filter((c) => !stale.includes(c.id));
    await this.index.upsert(fresh);
    for (const [id, c] of wanted) this.served.set(id, c.id);
    return { served: wanted.size, flagged };
  }

  /**
   * Entries stored before the API redacted FAQ text at its edge may hold raw personal data: they
   * are redacted in place, before anything is served.
   */
  private async redactStored(): Promise<void> {
    const updates = (await this.list())
      .map((e) => ({ e, question: redact(e.question).text, answer: redact(e.answer).text }))
      .filter((u) => u.question !== u.e.question || u.answer !== u.e.answer)
      .map((u) => ({ sql: 'UPDATE faq_entries SET question = ?, answer = ? WHERE id = ?', params: [u.question, u.answer, u.e.id] }));
    if (updates.length > 0) await this.db.batch(updates);
  }

  private async changedCitation(e: FaqEntry): Promise<FaqCitation | null> {
    for (const c of e.citations) {
      if (c.hash === undefined) continue;
      if ((await this.sectionHash(c)) !== c.hash) return c;
    }
    return null;
  }

  private async flag(e: FaqEntry, reason: string): Promise<void> {
    const at = this.now().toISOString();
    await this.db.batch([
      { sql: "UPDATE faq_entries SET status = 'needs_review', review_reason = ?, updated_at = ? WHERE id = ? AND status = 'approved'", params: [reason, at, e.id] },
      this.event(e.id, 'flagged', { id: 'system', role: 'admin' }, reason, at),
    ]);
  }

  /** Hash of the text of a cited section (the section and everything under it); '' when gone. */
  private async sectionHash(c: CitedPassage): Promise<string> {
    const chunks = await this.index.chunksOf(c.source);
    const prefix = c.section.trim();
    const texts = chunks.filter((k) => prefix === '' || k.section === prefix || k.section.startsWith(`${prefix} › `) || k.section.split(' › ').some((h) => h === prefix || h.startsWith(`${prefix} `)));
    return texts.length === 0 ? '' : sha256(texts.map((k) => k.text).join('\n'));
  }

  private event(id: string, type: 'proposed' | 'approved' | 'withdrawn' | 'flagged', actor: User, note: string | null, at: string) {
    return { sql: 'INSERT INTO faq_events (entry_id, type, actor_id, actor_role, note, created_at) VALUES (?, ?, ?, ?, ?, ?)', params: [id, type, actor.id, actor.role, note, at] };
  }
}
