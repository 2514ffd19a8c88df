-- Papers (giấy tờ) attached to dossiers: one row per upload. The bytes live in the data folder's
-- content-addressed store, papers/<ab>/<cd>/<sha256>, shared by every row with the same content.
-- The same SQL for both dialects but the identity column.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  component INTEGER NOT NULL,                -- 1-based position in the procedure version's components
  name TEXT NOT NULL,                        -- the client's file name, NFC and sanitised
  content_type TEXT NOT NULL,                -- as sniffed from the content (libmagic), never as claimed
  size BIGINT NOT NULL,                      -- bytes
  sha256 TEXT NOT NULL,                      -- lower-case hex; the file's name in the store
  uploaded_at TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX documents_dossier ON documents (dossier_id, id);
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE INDEX documents_uploaded ON documents (uploaded_at);
-- The purge finds drafts left idle.
CREATE INDEX dossiers_status_updated ON dossiers (status, updated_at);
