-- Foundation: the audit trail (append-only; hash-chained by the audit service) and settings.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  occurred_at TEXT NOT NULL,                 -- ISO 8601 with offset, "2025-01-19T08:30:00+07:00"
  actor_id BIGINT,                           -- NULL: the system or an anonymous caller
  actor_role TEXT,
  action TEXT NOT NULL,                      -- "dossier.receive", "user.login", …
  object_type TEXT NOT NULL,
  object_id TEXT,
  request_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}',         -- JSON object: old/new values, never secrets
  prev_hash TEXT,                            -- hash of the previous event (hex SHA-256)
  hash TEXT                                  -- hash of this event chained to prev_hash
);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id, id);
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at);

-- Append-only: history is never rewritten, not even by the application.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
