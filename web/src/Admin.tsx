// Administrators: a dashboard (questions per day, answered / abstained / escalated, risk events by
// axis and reason, the most frequent unresolved topics, the audit log's status), and the review of
// risk events — filters, the evidence, sign-off with a comment, export for the periodic report.
import { useEffect, useState } from 'react';
import { api } from './api.ts';

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

const AXIS_LABEL: Record<string, string> = { users: '利用者の範囲', work: '業務の性格', data: '機密・個人情報', judgment: '職員判断' };
const REASON_LABEL: Record<string, string> = {
  pii: '個人情報', confidential: '機密情報', injection: '指示の上書き', high_stakes: '重要な判断', needs_staff_judgment: '職員判断が必要',
  out_of_scope: '目的外', harmful: '有害', low_confidence: '低い確信度', negative_feedback: '低評価', provider_failure: 'モデル障害',
};

/** A horizontal bar chart in SVG: accessible as a table of the same figures. */
function Bars({ title, data, labels = {} }: { title: string; data: Record<string, number>; labels?: Record<string, string> }) {
  const entries = Object.entries(data);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${entries.map(([k, v]) => `${labels[k] ?? k} ${v}`).join('、')}`} viewBox={`0 0 320 ${entries.length * 22 + 4}`} width="100%">
        {entries.map(([k, v], i) => (
          <g key={k} transform={`translate(0 ${i * 22 + 2})`}>
            <text x="0" y="14" fontSize="11">{labels[k] ?? k}</text>
            <rect x="110" y="3" height="14" width={(v / max) * 180} fill="#0b57d0" />
            <text x={116 + (v / max) * 180} y="14" fontSize="11">{v}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
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
      <p className={s.audit.ok ? 'ok' : 'error'} role="status">
        監査ログ: {s.audit.ok ? `検証済み(${s.audit.count}件)` : `改ざんの疑い: ${s.audit.firstBad?.problem}`} 先頭ハッシュ <code>{s.audit.head.slice(0, 16)}…</code>
      </p>
      <div className="charts">
        <Bars title="日別の質問数" data={Object.fromEntries(s.perDay.map((d) => [d.date.slice(5), d.questions]))} />
        <Bars title="回答・回答不能・問い合わせ" data={{ 回答: totals.answered, 回答不能: totals.abstained, 問い合わせ: totals.escalated }} />
        <Bars title="観点別のリスクイベント" data={s.risk.byAxis} labels={AXIS_LABEL} />
        <Bars title="理由別のリスクイベント" data={s.risk.byReason} labels={REASON_LABEL} />
        <Bars title="未解決の多い分類" data={Object.fromEntries(s.unresolvedTopics.map((t) => [t.category, t.count]))} />
      </div>
    </section>
  );
}

export function AdminReview() {
  const [events, setEvents] = useState<RiskEvent[]>([]);
  const [filter, setFilter] = useState({ level: '', reason: '', reviewed: '' });
  const [selected, setSelected] = useState<RiskEvent | null>(null);
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
          <a href={`/api/admin/risk-events/export?format=csv&${query}`}>CSVで出力</a>
          <a href={`/api/admin/risk-events/export?format=json&${query}`}>JSONで出力</a>
        </div>
        <table>
          <thead>
            <tr><th>日時</th><th>レベル</th><th>理由</th><th>質問(伏せ字済み)</th><th>確認</th></tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString('ja-JP')}</td>
                <td><span className={`level ${e.level}`}>{e.level}</span></td>
                <td>{e.reasons.map((r) => REASON_LABEL[r] ?? r).join('、')}</td>
                <td><button type="button" className="link" onClick={() => setSelected(e)}>{e.question.slice(0, 60)}</button></td>
                <td>{e.review ? '確認済み' : '未確認'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="muted">該当するリスクイベントはありません。</p>}
      </section>
      {selected && (
        <section className="card" aria-labelledby="event-title">
          <h2 id="event-title">リスクイベントの詳細(監査ログ #{selected.seq})</h2>
          <dl>
            <dt>質問(伏せ字済み)</dt><dd>{selected.question}</dd>
            <dt>回答</dt><dd className="pre">{selected.answer?.text ?? '—'}</dd>
            <dt>根拠</dt><dd>{selected.answer?.citations.map((c) => `[${c.n}]${c.cited ? '*' : ''} ${c.source} › ${c.section}`).join(' / ') || '—'}</dd>
            <dt>モデル・索引</dt><dd>{selected.answer ? `${selected.answer.model} / ${selected.answer.indexVersion}` : '—'}</dd>
            {Object.entries(selected.axes).map(([axis, a]) => (
              <div key={axis}><dt>{AXIS_LABEL[axis] ?? axis}</dt><dd>{a.level}{a.reasons.length ? `: ${a.reasons.join('、')}` : ''}</dd></div>
            ))}
            {selected.detail && (<><dt>補足</dt><dd>{selected.detail}</dd></>)}
          </dl>
          {selected.review ? (
            <p className="ok">確認済み: {selected.review.by}({new Date(selected.review.at).toLocaleString('ja-JP')})「{selected.review.comment}」</p>
          ) : (
            <form onSubmit={(e) => (e.preventDefault(), review())}>
              <label htmlFor="review-comment">確認コメント</label>
              <textarea id="review-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              <button type="submit" disabled={comment.trim() === ''}>確認して承認する</button>
            </form>
          )}
        </section>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
