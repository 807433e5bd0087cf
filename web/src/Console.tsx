// The console of accounting staff and the SEABIS support desk: the queue with filters and waiting
// time; a ticket with the conversation, the assistant's answer and its citations; answering (citing
// passages), forwarding to the desk; FAQ proposals and approvals (nobody approves their own).
import { useEffect, useRef, useState } from 'react';
import { api, waited, type Citation, type User } from './api.ts';
import { ErrorBanner } from './Banner.tsx';
import { AnswerText, CitationPanel, useCitationPanel } from './Citations.tsx';
import { dateTime, EVENT_LABEL, FAQ_STATUS_LABEL, labelOf, ROLE_LABEL, STATUS_LABEL } from './labels.ts';

interface Ticket {
  id: string;
  question: string;
  note: string | null;
  category: string;
  status: string;
  waitingSeconds: number;
  conversation: Array<{ question: string }>;
  assistantAnswer: { answer: string; citations: Citation[] } | null;
  answer: { body: string; by: string } | null;
  events: Array<{ type: string; actorId: string; actorRole: string; body: string | null; at: string }>;
}
interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  status: string;
  proposedBy: string;
  reviewReason: string | null;
}

function TicketView({ t, user, onChanged }: { t: Ticket; user: User; onChanged: () => void }) {
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const [cite, setCite] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const citations = t.assistantAnswer?.citations ?? [];
  const panel = useCitationPanel();
  // Opening a ticket moves focus to it, so a keyboard or screen-reader user lands on what they chose.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [t.id]);
  const act = async (path: string, json: object) => {
    try {
      setError(null);
      await api(`/api/escalations/${t.id}/${path}`, { json });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const canAnswer = user.role === 'helpdesk' ? t.status === 'forwarded' : t.status === 'open' || t.status === 'forwarded';
  return (
    <section className="card ticket-view" aria-labelledby="ticket-title">
      <h2 id="ticket-title" tabIndex={-1} ref={heading}>
        {t.question}
      </h2>
      <p>
        <span className="badge status">{STATUS_LABEL[t.status]}</span> <span className="muted">分類: {t.category}・待ち時間 {waited(t.waitingSeconds)}</span>
      </p>
      {t.note && <p>旅行者の補足: {t.note}</p>}
      {t.conversation.length > 0 && (
        <details>
          <summary>会話の履歴({t.conversation.length}件)</summary>
          <ol>
            {t.conversation.map((c, i) => (
              <li key={i}>{c.question}</li>
            ))}
          </ol>
        </details>
      )}
      {t.assistantAnswer && (
        <details open>
          <summary>アシスタントの回答と根拠</summary>
          <div className="msg bot">
            <AnswerText text={t.assistantAnswer.answer} citations={citations} onOpen={(c) => panel.show(c, t.assistantAnswer?.answer ?? '')} />
          </div>
        </details>
      )}
      {panel.open && <CitationPanel open={panel.open} onClose={panel.close} />}
      <h3>経過</h3>
      <ol className="events">
        {t.events.map((e, i) => (
          <li key={i}>
            {dateTime(e.at)} {labelOf(EVENT_LABEL, e.type)}({labelOf(ROLE_LABEL, e.actorRole)} {e.actorId}){e.body ? `: ${e.body}` : ''}
          </li>
        ))}
      </ol>
      {canAnswer && (
        <form onSubmit={(e) => (e.preventDefault(), act('answer', { answer, citations: citations.filter((c) => cite.includes(c.n)).map((c) => ({ source: c.source, section: c.section })) }))}>
          <label htmlFor="staff-answer">回答</label>
          <textarea id="staff-answer" rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          {citations.length > 0 && (
            <fieldset>
              <legend>引用する資料</legend>
              {citations.map((c) => (
                <label key={c.n} className="check">
                  <input type="checkbox" checked={cite.includes(c.n)} onChange={(e) => setCite(e.target.checked ? [...cite, c.n] : cite.filter((x) => x !== c.n))} />
                  <span>
                    [{c.n}] {c.section.split(' › ').pop() || c.title}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="primary" disabled={answer.trim() === ''}>回答する</button>
        </form>
      )}
      {user.role === 'staff' && t.status === 'open' && (
        <form onSubmit={(e) => (e.preventDefault(), act('forward', { note }))}>
          <label htmlFor="forward-note">サポートデスクへの転送メモ</label>
          <div className="row">
            <div className="grow">
              <input id="forward-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <button type="submit" disabled={note.trim() === ''}>SEABISサポートデスクに転送</button>
          </div>
        </form>
      )}
      {user.role === 'staff' && t.status === 'answered' && (
        <button type="button" onClick={() => act('resolve', {})}>
          解決済みにする
        </button>
      )}
      {user.role === 'staff' && (t.status === 'answered' || t.status === 'resolved') && (
        <button type="button" onClick={async () => (await api('/api/faq', { json: { ticketId: t.id } }).catch((e: Error) => setError(e.message)), onChanged())}>
          FAQとして提案する
        </button>
      )}
      {error && <ErrorBanner message={error} />}
    </section>
  );
}

function FaqQueue({ user }: { user: User }) {
  const [entries, setEntries] = useState<FaqEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ entries: FaqEntry[] }>('/api/faq').then((r) => setEntries(r.entries), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, []);
  const act = async (id: string, path: string) => {
    await api(`/api/faq/${id}/${path}`, { json: {} }).catch((e: Error) => setError(e.message));
    load();
  };
  return (
    <section className="card" aria-labelledby="faq-title">
      <h2 id="faq-title">FAQの提案と承認</h2>
      {entries.length === 0 && <p className="muted">FAQエントリーはありません。</p>}
      <ul className="faq-list">
        {entries.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{e.question}</strong> <span className="badge status">{labelOf(FAQ_STATUS_LABEL, e.status)}</span> <span className="muted">提案: {e.proposedBy}</span>
            </p>
            <p>{e.answer}</p>
            {e.reviewReason && (
              <div className="banner warning">
                <p>{e.reviewReason}</p>
              </div>
            )}
            <div className="row">
            {user.role === 'staff' && (e.status === 'proposed' || e.status === 'needs_review') && (
              <button type="button" disabled={e.proposedBy === user.id} title={e.proposedBy === user.id ? '自分が提案したFAQは承認できません' : undefined} onClick={() => act(e.id, 'approve')}>
                承認する
              </button>
            )}
            {user.role === 'staff' && e.status !== 'withdrawn' && (
              <button type="button" onClick={() => act(e.id, 'withdraw')}>取り下げる</button>
            )}
            </div>
          </li>
        ))}
      </ul>
      {error && <ErrorBanner message={error} />}
    </section>
  );
}

export function Console({ user }: { user: User }) {
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    const q = new URLSearchParams({ ...(status ? { status } : {}), ...(category ? { category } : {}) });
    api<{ tickets: Ticket[] }>(`/api/escalations?${q}`).then((r) => setTickets(r.tickets), (e: Error) => setError(e.message));
  };
  useEffect(load, [status, category]);
  const categories = [...new Set(tickets.map((t) => t.category))];
  const current = tickets.find((t) => t.id === selected);
  return (
    <div className="console">
      <section className="card" aria-labelledby="queue-title">
        <h2 id="queue-title">{user.role === 'helpdesk' ? '転送された問い合わせ' : '問い合わせの一覧'}</h2>
        <div className="row">
          <label>
            状態
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">未解決すべて</option>
              {Object.entries(STATUS_LABEL).map(([k, v]) => (
                <option key={k} value={k}>{v}</option>
              ))}
            </select>
          </label>
          <label>
            分類
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">すべて</option>
              {categories.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <table className="stack">
          <thead>
            <tr><th>質問</th><th>分類</th><th>状態</th><th>待ち時間</th></tr>
          </thead>
          <tbody>
            {tickets.map((t) => (
              <tr key={t.id} aria-selected={t.id === selected}>
                <td data-label="質問"><button type="button" className="link" onClick={() => setSelected(t.id)}>{t.question}</button></td>
                <td data-label="分類">{t.category}</td>
                <td data-label="状態"><span className="badge status">{STATUS_LABEL[t.status]}</span></td>
                <td data-label="待ち時間" className="nowrap">{waited(t.waitingSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {tickets.length === 0 && <p className="muted">該当する問い合わせはありません。</p>}
        {error && <ErrorBanner message={error} />}
      </section>
      {current && <TicketView t={current} user={user} onChanged={load} />}
      {user.role === 'staff' && <FaqQueue user={user} />}
    </div>
  );
}
