-- Accounts: applicants and officers, their roles scoped to agencies, sessions, one-time tokens
-- (e-mail verification, password reset), API tokens and login throttling. Secrets are never
-- stored: passwords as argon2id hashes, tokens as hex SHA-256 of the token.
-- The same SQL for both dialects but the identity columns.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,             -- lower case
  email TEXT UNIQUE,                         -- lower case
  kind TEXT NOT NULL,                        -- citizen | business | officer
  full_name TEXT NOT NULL,                   -- a business: its name
  password_hash TEXT NOT NULL,               -- argon2id (libsodium crypto_pwhash_str)
  status TEXT NOT NULL,                      -- pending (e-mail not verified) | active | locked
  email_verified_at TEXT,
  agency_code TEXT REFERENCES agencies (code),  -- officers
  unit_key TEXT,                             -- officers
  id_number TEXT,                            -- citizens: CCCD
  date_of_birth TEXT,                        -- citizens: YYYY-MM-DD
  tax_code TEXT,                             -- businesses
  representative TEXT,                       -- businesses
  phone TEXT,
  address TEXT,
  version INTEGER NOT NULL DEFAULT 1,        -- optimistic concurrency of admin edits
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_agency ON users (agency_code, kind);

-- One role of one user at one agency (and unit); '' where the scope does not narrow.
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  agency_code TEXT NOT NULL DEFAULT '',
  unit_key TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, role, agency_code, unit_key)
);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,                -- refreshed at most once a minute
  expires_at TEXT NOT NULL,                  -- absolute expiry
  revoked_at TEXT,
  client_address TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Links sent by e-mail: verification (48 h) and password reset (1 h); single use.
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  purpose TEXT NOT NULL,                     -- verify | reset
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- Machine clients of an agency: `Authorization: Bearer <token>`.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  roles TEXT NOT NULL,                       -- comma-separated role names
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_agency ON api_tokens (agency_code);

-- Failed logins per key: "login:<name as typed, lower case>" and "ip:<client address>".
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  locks INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_failure_at TEXT
);
