-- The outbox also carries the audit log's signed checkpoints, which belong to no ticket: the
-- notifications table is rebuilt with ticket_id nullable. Its deliveries are rebuilt with it
-- (children first, so no foreign key is ever left dangling; the rename updates the reference).

CREATE TABLE notifications_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT REFERENCES tickets (id),
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered')) DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
INSERT INTO notifications_v2 SELECT id, ticket_id, event, payload, status, attempts, next_attempt_at, last_error, created_at, delivered_at FROM notifications;

CREATE TABLE notification_deliveries_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL REFERENCES notifications_v2 (id),
  attempt INTEGER NOT NULL,
  http_status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  at TEXT NOT NULL
);
INSERT INTO notification_deliveries_v2 SELECT id, notification_id, attempt, http_status, error, duration_ms, at FROM notification_deliveries;

DROP TABLE notification_deliveries;
DROP TABLE notifications;
ALTER TABLE notifications_v2 RENAME TO notifications;
ALTER TABLE notification_deliveries_v2 RENAME TO notification_deliveries;
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
CREATE INDEX notifications_by_event ON notifications (event, id);
CREATE INDEX notification_deliveries_by_notification ON notification_deliveries (notification_id, id);

-- Verification now compares every stored field of a risk event with its audit records, times
-- included. Rows written before took their times from a second clock reading (a few ms apart):
-- they are aligned once with the records, which the chain vouches for.
UPDATE risk_events SET at = (SELECT a.at FROM audit_records a WHERE a.seq = risk_events.audit_seq)
WHERE EXISTS (SELECT 1 FROM audit_records a WHERE a.seq = risk_events.audit_seq);
UPDATE risk_events SET reviewed_at = (
  SELECT a.at FROM audit_records a WHERE a.type = 'review' AND json_extract(a.data, '$.eventId') = risk_events.id ORDER BY a.seq DESC LIMIT 1
)
WHERE reviewed_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM audit_records a WHERE a.type = 'review' AND json_extract(a.data, '$.eventId') = risk_events.id);
