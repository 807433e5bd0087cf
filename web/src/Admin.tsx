// Administrators: a dashboard (questions per day, answered / abstained / escalated, risk events by
// axis and reason, the most frequent unresolved topics, the audit log's status), and the review of
// risk events — filters, the evidence, sign-off with a comment, export for the periodic report.
import { useEffect, useRef, useState } from 'react';
import { api } from './api.ts';
import { ErrorBanner } from './Banner.tsx';
import { BarChart, type Bar } from './BarChart.tsx';
import { AXIS_LABEL, dateTime, LEVEL_LABEL, labelOf, REASON_LABEL } from './labels.ts';

const barsOf = (data: Record<string, number>, labels: Record<string, string> = {}): Bar[] => Object.entries(data).map(([k, v]) => ({ label: labelOf(labels, k), value: v }));
const dayLabel = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function Level({ level }: { level: string }) {
  return <span className={`badge level-${level}`}>{labelOf(LEVEL_LABEL, level)}</span>;
}

interface RiskEvent {
  id: string;
  seq: number;
  at: string;
  userId: string;
  channel: string;
  level: string;
  reasons: string[];
  axes: Record<string, { level: string; reasons: string[] }>;
  question: string;
  answer: { text: string; citations: Array<{ n: number; source: string; section: string; cited: boolean }>; model: string; indexVersion: string; confidence: number } | null;
  detail: string | null;
  review: { at: string; by: string; comment: string } | null;
}
interface Stats {
  perDay: Array<{ date: string; questions: number; answered: number; abstained: number; escalated: number }>;
  risk: { total: number; reviewed: number; byAxis: Record<string, number>; byReason: Record<string, number> };
  unresolvedTopics: Array<{ category: string; count: number }>;
  audit: { ok: boolean; count: number; head: string; firstBad: { seq: number; problem: string } | null };
}

function Dashboard() {
  const [s, setS] = useState<Stats | null>(null);
  useEffect(() => {
    api<Stats>('/api/admin/stats?days=30').then(setS, () => setS(null));
  }, []);
  if (!s) return null;
  const totals = s.perDay.reduce((a, d) => ({ questions: a.questions + d.questions, answered: a.answered + d.answered, abstained: a.abstained + d.abstained, escalated: a.escalated + d.escalated }), { questions: 0, answered: 0, abstained: 0, escalated: 0 });
  return (
    <section className="card" aria-labelledby="dash-title">
      <h2 id="dash-title">ダッシュボード(過去30日)</h2>
      <div className={`banner ${s.audit.ok ? 'success' : 'error'}`} role="status">
        <strong>監査ログ: {s.audit.ok ? `検証済み(${s.audit.count}件)` : `改ざんの疑い: ${s.audit.firstBad?.problem}`}</strong>
        <p>
          先頭ハッシュ <code>{s.audit.head.slice(0, 16)}…</code>
        </p>
      </div>
      <div className="charts">
        <BarChart title="日別の質問数" bars={s.perDay.map((d) => ({ label: dayLabel(d.date), value: d.questions }))} />
        <BarChart title="回答・回答不能・問い合わせ" bars={barsOf({ 回答: totals.answered, 回答不能: totals.abstained, 問い合わせ: totals.escalated })} />
        <BarChart title="観点別のリスクイベント" bars={barsOf(s.risk.byAxis, AXIS_LABEL)} />
        <BarChart title="理由別のリスクイベント" bars={barsOf(s.risk.byReason, REASON_LABEL)} />
        <BarChart title="未解決の多い分類" bars={s.unresolvedTopics.map((t) => ({ label: t.category, value: t.count }))} />
      </div>
    </section>
  );
}

export function AdminReview() {
  const [events, setEvents] = useState<RiskEvent[]>([]);
  const [filter, setFilter] = useState({ level: '', reason: '', reviewed: '' });
  const [selected, setSelected] = useState<RiskEvent | null>(null);
  const detail = useRef<HTMLHeadingElement>(null);
  useEffect(() => detail.current?.focus(), [selected?.id]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  const load = () => api<{ events: RiskEvent[] }>(`/api/admin/risk-events?${query}`).then((r) => setEvents(r.events), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, [query]);
  const review = async () => {
    if (!selected) return;
    try {
      setSelected(await api<RiskEvent>(`/api/admin/risk-events/${selected.id}/review`, { json: { comment } }));
      setComment('');
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="admin">
      <Dashboard />
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">リスクイベント</h2>
        <div className="row">
          <label>
            レベル
            <select value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value })}>
              <option value="">すべて</option>
              <option value="high">高</option>
              <option value="medium">中</option>
              <option value="low">低</option>
            </select>
          </label>
          <label>
            理由
            <select value={filter.reason} onChange={(e) => setFilter({ ...filter, reason: e.target.value })}>
              <option value="">すべて</option>
              {Object.entries(REASON_LABEL).map(([k, v]) => (
                <option key={k} value={k}>{v}</option>
              ))}
            </select>
          </label>
          <label>
            確認
            <select value={filter.reviewed} onChange={(e) => setFilter({ ...filter, reviewed: e.target.value })}>
              <option value="">すべて</option>
              <option value="false">未確認</option>
              <option value="true">確認済み</option>
            </select>
          </label>
        </div>
        <p className="row">
          <a href={`/api/admin/risk-events/export?format=csv&${query}`} download>定期報告用にCSVで出力</a>
          <a href={`/api/admin/risk-events/export?format=json&${query}`} download>JSONで出力</a>
        </p>
        <table className="stack">
          <thead>
            <tr><th>日時</th><th>レベル</th><th>理由</th><th>質問(伏せ字済み)</th><th>確認</th></tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} aria-selected={selected?.id === e.id}>
                <td data-label="日時" className="nowrap">{dateTime(e.at)}</td>
                <td data-label="レベル"><Level level={e.level} /></td>
                <td data-label="理由">{e.reasons.map((r) => labelOf(REASON_LABEL, r)).join('、')}</td>
                <td data-label="質問"><button type="button" className="link" onClick={() => setSelected(e)}>{e.question.slice(0, 60) || '(質問なし)'}</button></td>
                <td data-label="確認"><span className="badge status">{e.review ? '確認済み' : '未確認'}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="muted">該当するリスクイベントはありません。</p>}
      </section>
      {selected && (
        <section className="card" aria-labelledby="event-title">
          <h2 id="event-title" tabIndex={-1} ref={detail}>リスクイベントの詳細(監査ログ #{selected.seq})</h2>
          <dl>
            <dt>質問(伏せ字済み)</dt><dd>{selected.question}</dd>
            <dt>回答</dt><dd className="pre">{selected.answer?.text ?? '—'}</dd>
            <dt>根拠(*は回答が引用したもの)</dt><dd>{selected.answer?.citations.map((c) => `[${c.n}]${c.cited ? '*' : ''} ${c.source} › ${c.section}`).join(' / ') || '—'}</dd>
            <dt>レベル</dt><dd><Level level={selected.level} /></dd>
            <dt>モデル・索引</dt><dd>{selected.answer ? `${selected.answer.model} / ${selected.answer.indexVersion}` : '—'}</dd>
            {Object.entries(selected.axes).map(([axis, a]) => (
              <div key={axis}><dt>{labelOf(AXIS_LABEL, axis)}</dt><dd><Level level={a.level} />{a.reasons.length ? ` ${a.reasons.join('、')}` : ''}</dd></div>
            ))}
            {selected.detail && (<><dt>補足</dt><dd>{selected.detail}</dd></>)}
          </dl>
          {selected.review ? (
            <div className="banner success" role="status">
              <strong>確認済み: {selected.review.by}({dateTime(selected.review.at)})</strong>
              <p>「{selected.review.comment}」</p>
            </div>
          ) : (
            <form onSubmit={(e) => (e.preventDefault(), review())}>
              <label htmlFor="review-comment">確認コメント</label>
              <textarea id="review-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              <button type="submit" className="primary" disabled={comment.trim() === ''}>確認して承認する</button>
            </form>
          )}
        </section>
      )}
      {error && <ErrorBanner message={error} />}
    </div>
  );
}
