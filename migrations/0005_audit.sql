-- The audit log: append-only and hash-chained (each record carries the hash of the one before),
-- and the risk events it records, as a table administrators can filter, review and export.

CREATE TABLE IF NOT EXISTS audit_records (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('risk_event', 'review', 'settings')),
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE IF NOT EXISTS risk_events (
  id TEXT PRIMARY KEY,
  audit_seq INTEGER NOT NULL REFERENCES audit_records (seq),
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  reasons TEXT NOT NULL,
  axes TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT,
  reviewed_at TEXT,
  reviewed_by TEXT,
  review_comment TEXT
);
CREATE INDEX IF NOT EXISTS risk_events_by_time ON risk_events (at);
CREATE INDEX IF NOT EXISTS risk_events_by_level ON risk_events (level, at);
