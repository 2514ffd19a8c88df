-- Dossiers (hồ sơ): drafts and submissions of applicants, the per-agency daily sequence that numbers
-- them (Circular 01/2018 art. 19: <agency code>-<YYMMDD>-<NNNN>) and their timeline.
-- The same SQL for both dialects but the identity columns.
CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,                          -- NULL until submitted
  lookup_secret_hash TEXT,                   -- hex SHA-256 of "<code>:<secret>"; the secret is shown once
  applicant_id BIGINT NOT NULL REFERENCES users (id),
  procedure_code TEXT NOT NULL,
  procedure_version INTEGER NOT NULL,        -- frozen at submission
  agency_code TEXT NOT NULL REFERENCES agencies (code),  -- the receiving agency
  status TEXT NOT NULL,                      -- draft | submitted | withdrawn (later: received, …)
  form_data TEXT NOT NULL DEFAULT '{}',      -- JSON object, NFC
  version INTEGER NOT NULL DEFAULT 1,        -- optimistic concurrency
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  received_at TEXT,                          -- official receipt: the next working instant
  due_at TEXT,
  idempotency_key TEXT,                      -- of the submit request
  UNIQUE (applicant_id, idempotency_key)
);
CREATE INDEX dossiers_applicant ON dossiers (applicant_id, updated_at);
CREATE INDEX dossiers_agency ON dossiers (agency_code, status, submitted_at);

-- The last number given to a dossier of an agency on a day (YYMMDD, Vietnamese civil date).
CREATE TABLE dossier_sequences (
  agency_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day)
);

-- What happened to a dossier, in order: the timeline applicants and officers see.
CREATE TABLE dossier_events (
  id INTEGER PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  at TEXT NOT NULL,
  actor_id BIGINT REFERENCES users (id),
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,                      -- create | submit | withdraw | …
  detail TEXT NOT NULL DEFAULT '{}'          -- JSON; never form contents
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
