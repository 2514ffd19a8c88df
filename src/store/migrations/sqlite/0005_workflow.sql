-- Processing (issue 6): the workflow state of a dossier, the control sheet (form 05), slips (forms
-- 01–04) and the lease of the deadline sweep. The same SQL for both dialects but identity columns.
-- What the workflow service persists per dossier, and what a stateless sweep needs.
ALTER TABLE dossiers ADD COLUMN workflow TEXT;                 -- standard | one_stop_only | inter_agency, frozen at submission
ALTER TABLE dossiers ADD COLUMN statutory_amount INTEGER;      -- the statutory time, frozen at submission
ALTER TABLE dossiers ADD COLUMN statutory_unit TEXT;           -- working_days | working_hours
ALTER TABLE dossiers ADD COLUMN unit_key TEXT;                 -- the processing unit (the procedure's handling_unit)
ALTER TABLE dossiers ADD COLUMN partner_agency TEXT;           -- inter-agency: the second agency
ALTER TABLE dossiers ADD COLUMN partner_unit TEXT;
ALTER TABLE dossiers ADD COLUMN assignee TEXT;                 -- username of the specialist handling it
ALTER TABLE dossiers ADD COLUMN clock TEXT NOT NULL DEFAULT 'not_started';  -- not_started | running | paused | stopped
ALTER TABLE dossiers ADD COLUMN pauses TEXT NOT NULL DEFAULT '[]';          -- JSON [[begin, end], …], closed pauses
ALTER TABLE dossiers ADD COLUMN paused_since TEXT;
ALTER TABLE dossiers ADD COLUMN extension_due TEXT;            -- the new appointment of form 04
ALTER TABLE dossiers ADD COLUMN taken TEXT NOT NULL DEFAULT '[]';           -- JSON: actions taken, in order
ALTER TABLE dossiers ADD COLUMN step_since TEXT;               -- when the current step was handed over
ALTER TABLE dossiers ADD COLUMN step_giver TEXT NOT NULL DEFAULT '';        -- who handed it (username)
ALTER TABLE dossiers ADD COLUMN outcome TEXT;                  -- result_issued | refused | withdrawn | not_eligible | not_received
ALTER TABLE dossiers ADD COLUMN finished_at TEXT;
ALTER TABLE dossiers ADD COLUMN result_timing TEXT;            -- before_time | on_time | late
ALTER TABLE dossiers ADD COLUMN result_number TEXT;
ALTER TABLE dossiers ADD COLUMN return_method TEXT;            -- in_person | post | online
ALTER TABLE dossiers ADD COLUMN due_flag TEXT;                 -- NULL | soon | overdue (set by actions and the sweep)
ALTER TABLE dossiers ADD COLUMN applicant_name TEXT;           -- NFC, copied at submission
ALTER TABLE dossiers ADD COLUMN applicant_folded TEXT;         -- core/text Fold of it, for accent-free search
ALTER TABLE dossiers ADD COLUMN applicant_kind TEXT;           -- citizen | business

-- The inbox: an agency's work by state, soonest due first; a specialist's own; the partner side;
-- the sweep's running clocks by due time; search by code prefix and folded name.
CREATE INDEX dossiers_inbox ON dossiers (agency_code, status, due_at, id);
CREATE INDEX dossiers_assignee ON dossiers (assignee, status, due_at, id);
CREATE INDEX dossiers_partner ON dossiers (partner_agency, status, due_at, id);
CREATE INDEX dossiers_running ON dossiers (clock, due_at);
CREATE INDEX dossiers_due_flag ON dossiers (agency_code, due_flag, due_at);

-- Form 05 (phiếu kiểm soát quá trình giải quyết hồ sơ): one row per hand-over, never rewritten.
CREATE TABLE control_sheet_rows (
  id INTEGER PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  step TEXT NOT NULL,                        -- the state the step left
  action TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  unit_key TEXT NOT NULL DEFAULT '',
  giver TEXT NOT NULL DEFAULT '',            -- username (the applicant's for the first step)
  receiver TEXT NOT NULL,                    -- username of who took the action
  handed_at TEXT NOT NULL,
  done_at TEXT NOT NULL,
  allotted_seconds BIGINT NOT NULL,          -- working time allotted to the step
  used_seconds BIGINT NOT NULL,              -- working time used, pauses removed
  timing TEXT NOT NULL,                      -- before_time | on_time | late
  note TEXT NOT NULL DEFAULT ''              -- the officer's comment
);
CREATE INDEX control_sheet_rows_dossier ON control_sheet_rows (dossier_id, id);

-- Slips issued by actions (forms 01–04): what each says, frozen when issued, enough to print it.
CREATE TABLE slips (
  id INTEGER PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  form TEXT NOT NULL,                        -- form_01 | form_02 | form_03 | form_04
  action TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,                   -- username
  content TEXT NOT NULL                      -- JSON: the slip's fields (domain.md §3)
);
CREATE INDEX slips_dossier ON slips (dossier_id, id);

-- Leases of periodic work (the deadline sweep): one holder at a time across server processes.
CREATE TABLE work_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL DEFAULT '',
  expires_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO work_leases (name, holder, expires_at) VALUES ('due_sweep', '', '');
