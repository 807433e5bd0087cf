// Conversation memory for follow-up questions and for escalation (which attaches the exchange):
// the port, and its SQL implementation (node:sqlite or D1 through the SQL port). Conversations
// are kept per user: the same id used by another user is another conversation.
import type { Answer } from '../answer/types.ts';
import type { SqlDb } from './sql.ts';

export interface ConversationTurn {
  question: string;
  answer: Answer | null;
  at: string;
}

export interface ConversationStore {
  /** The latest turns of a conversation, oldest first ([] for an unknown id). */
  turns(conversationId: string, userId: string, limit?: number): Promise<ConversationTurn[]>;
  record(conversationId: string, userId: string, question: string, answer: Answer | null): Promise<void>;
}

export class SqlConversationStore implements ConversationStore {
  private readonly db: SqlDb;
  constructor(db: SqlDb) {
    this.db = db;
  }

  async turns(conversationId: string, userId: string, limit = 20): Promise<ConversationTurn[]> {
    const rows = await this.db.all<{ question: string; answer: string | null; created_at: string }>(
      'SELECT question, answer, created_at FROM conversation_turns WHERE user_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT ?',
      [userId, conversationId, limit],
    );
    return rows.reverse().map((r) => ({ question: r.question, answer: r.answer ? (JSON.parse(r.answer) as Answer) : null, at: r.created_at }));
  }

  async record(conversationId: string, userId: string, question: string, answer: Answer | null): Promise<void> {
    await this.db.run('INSERT INTO conversation_turns (conversation_id, user_id, question, answer, created_at) VALUES (?, ?, ?, ?, ?)', [
      conversationId,
      userId,
      question,
      answer ? JSON.stringify(answer) : null,
      new Date().toISOString(),
    ]);
  }
}
