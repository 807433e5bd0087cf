// The traveler's own tickets, with their state and the answers from staff or the support desk.
import { useEffect, useState } from 'react';
import { api } from './api.ts';
import { ErrorBanner } from './Banner.tsx';
import { dateTime, STATUS_LABEL } from './labels.ts';

interface Ticket {
  id: string;
  question: string;
  status: string;
  createdAt: string;
  answer: { body: string; by: string; at: string } | null;
}

export function MyTickets() {
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ tickets: Ticket[] }>('/api/escalations/mine').then((r) => setTickets(r.tickets), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, []);
  const act = async (id: string, action: 'resolve' | 'reopen') => {
    await api(`/api/escalations/${id}/${action}`, { json: {} }).catch((e: Error) => setError(e.message));
    load();
  };
  return (
    <section className="card" aria-labelledby="mine-title">
      <h2 id="mine-title">自分の問い合わせ</h2>
      {error && <ErrorBanner message={error} />}
      {tickets?.length === 0 && <p className="muted">問い合わせはありません。</p>}
      <ul className="tickets">
        {tickets?.map((t) => (
          <li key={t.id} className="ticket">
            <p className="q">{t.question}</p>
            <p>
              <span className="badge status">{STATUS_LABEL[t.status]}</span> <span className="muted">{dateTime(t.createdAt)} 受付</span>
            </p>
            {t.answer && (
              <div className="staff-answer">
                <p className="muted">{t.answer.by === 'helpdesk' ? 'SEABISサポートデスク' : '会計担当職員'}からの回答</p>
                <p>{t.answer.body}</p>
              </div>
            )}
            {t.status === 'answered' && (
              <div className="row">
                <button type="button" className="primary" onClick={() => act(t.id, 'resolve')}>解決した</button>
                <button type="button" onClick={() => act(t.id, 'reopen')}>まだ解決しない</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
