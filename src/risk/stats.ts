// Figures for the administrators' dashboard: questions per day (answered, abstained, escalated),
// risk events by axis and reason, the most frequent unresolved topics. Platform neutral (SQL).
import type { SqlDb } from '../store/sql.ts';
import { RiskEvents } from './events.ts';

export interface DayFigures {
  date: string;
  questions: number;
  answered: number;
  abstained: number;
  escalated: number;
}

export async function dashboardStats(db: SqlDb, risk: RiskEvents, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const asked = await db.all<{ day: string; questions: number; abstained: number }>(
    `SELECT substr(created_at, 1, 10) AS day, count(*) AS questions,
            sum(CASE WHEN json_extract(answer, '$.escalate') = 1 THEN 1 ELSE 0 END) AS abstained
       FROM conversation_turns WHERE created_at >= ? GROUP BY day ORDER BY day`,
    [since],
  );
  const escalated = await db.all<{ day: string; n: number }>('SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM tickets WHERE created_at >= ? GROUP BY day', [since]);
  const byDay = new Map<string, DayFigures>();
  for (const r of asked) byDay.set(r.day, { date: r.day, questions: r.questions, answered: r.questions - r.abstained, abstained: r.abstained, escalated: 0 });
  for (const r of escalated) {
    const d = byDay.get(r.day) ?? { date: r.day, questions: 0, answered: 0, abstained: 0, escalated: 0 };
    d.escalated = r.n;
    byDay.set(r.day, d);
  }
  const topics = await db.all<{ category: string; n: number }>(
    "SELECT category, count(*) AS n FROM tickets WHERE status <> 'resolved' GROUP BY category ORDER BY n DESC, category LIMIT 10",
  );
  const counts = RiskEvents.counts(await risk.list({ from: since }));
  return {
    days,
    perDay: [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date)),
    risk: { total: counts.total, reviewed: counts.reviewed, byLevel: counts.byLevel, byAxis: counts.byAxis, byReason: counts.byReason },
    unresolvedTopics: topics.map((t) => ({ category: t.category, count: t.n })),
    audit: await risk.audit.verify(),
  };
}
