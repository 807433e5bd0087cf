// Conversation memory for follow-up questions: the port, and an in-memory adapter with a size
// bound. Conversations are kept per user: the same id used by another user is another
// conversation, so nobody reads someone else's questions.

export interface ConversationStore {
  /** Earlier questions of the conversation, oldest first ([] for an unknown id). */
  history(conversationId: string, userId: string): Promise<string[]>;
  append(conversationId: string, userId: string, question: string): Promise<void>;
}

export class MemoryConversationStore implements ConversationStore {
  private readonly items = new Map<string, string[]>();
  private readonly maxConversations: number;
  private readonly maxTurns: number;

  constructor(maxConversations = 10_000, maxTurns = 20) {
    this.maxConversations = maxConversations;
    this.maxTurns = maxTurns;
  }

  async history(conversationId: string, userId: string): Promise<string[]> {
    return [...(this.items.get(`${userId}\u0000${conversationId}`) ?? [])];
  }

  async append(conversationId: string, userId: string, question: string): Promise<void> {
    const key = `${userId}\u0000${conversationId}`;
    const questions = [...(this.items.get(key) ?? []), question].slice(-this.maxTurns);
    this.items.delete(key); // re-insert: Map order is recency order
    this.items.set(key, questions);
    if (this.items.size > this.maxConversations) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
  }
}
