-- FAQ entries made from answered tickets: proposed by staff, approved by a second person, served by
-- the assistant until withdrawn, expired, or flagged for review because a cited section changed.

CREATE TABLE IF NOT EXISTS faq_entries (
  id TEXT PRIMARY KEY,
  ticket_id TEXT REFERENCES tickets (id),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  -- Cited manual passages (JSON: source, section, and the hash of the section's text at approval).
  citations TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'needs_review', 'withdrawn')),
  proposed_by TEXT NOT NULL,
  approved_by TEXT,
  expires_at TEXT,
  review_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_entries_by_status ON faq_entries (status, updated_at);

CREATE TABLE IF NOT EXISTS faq_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id TEXT NOT NULL REFERENCES faq_entries (id),
  type TEXT NOT NULL CHECK (type IN ('proposed', 'approved', 'withdrawn', 'flagged')),
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_events_by_entry ON faq_events (entry_id, id);
