-- Conversations, escalation tickets and their history. Applied by the Node store at start and by
-- `wrangler d1 migrations apply` on Workers: one set of files for both.

CREATE TABLE IF NOT EXISTS conversation_turns (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  question TEXT NOT NULL,
  -- The assistant's answer as returned to the user (JSON), so an escalation can attach it.
  answer TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversation_turns_by_conversation ON conversation_turns (user_id, conversation_id, id);

CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  traveler_id TEXT NOT NULL,
  question TEXT NOT NULL,
  note TEXT,
  -- Earlier questions and answers of the conversation, and the assistant's answer (JSON).
  conversation TEXT NOT NULL,
  assistant_answer TEXT,
  category TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'forwarded', 'answered', 'resolved')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_by_traveler ON tickets (traveler_id, created_at);
CREATE INDEX IF NOT EXISTS tickets_by_status ON tickets (status, created_at);

CREATE TABLE IF NOT EXISTS ticket_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- A unique reference chosen by the writer, so it can tell whether its own change went in.
  ref TEXT NOT NULL UNIQUE,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  type TEXT NOT NULL CHECK (type IN ('opened', 'forwarded', 'answered', 'resolved', 'reopened')),
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  body TEXT,
  -- Passages a staff answer cites (JSON array), like the assistant's citations.
  citations TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ticket_events_by_ticket ON ticket_events (ticket_id, id);
