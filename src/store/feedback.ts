// Ratings of answers (thumbs up/down), with the judged question and answer.
import type { Answer } from '../answer/types.ts';
import type { SqlDb } from './sql.ts';

export interface FeedbackRecord {
  id: string;
  userId: string;
  conversationId: string;
  rating: 'up' | 'down';
  comment: string | null;
  question: string;
  answer: Answer | null;
}

export class SqlFeedbackStore {
  private readonly db: SqlDb;
  constructor(db: SqlDb) {
    this.db = db;
  }

  async record(f: FeedbackRecord): Promise<void> {
    await this.db.run('INSERT INTO feedback (id, user_id, conversation_id, rating, comment, question, answer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      f.id, f.userId, f.conversationId, f.rating, f.comment, f.question, f.answer ? JSON.stringify(f.answer) : null, new Date().toISOString(),
    ]);
  }

  async counts(): Promise<{ up: number; down: number }> {
    const rows = await this.db.all<{ rating: 'up' | 'down'; n: number }>('SELECT rating, count(*) AS n FROM feedback GROUP BY rating');
    return { up: rows.find((r) => r.rating === 'up')?.n ?? 0, down: rows.find((r) => r.rating === 'down')?.n ?? 0 };
  }
}
