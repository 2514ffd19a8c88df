-- Catalog: fields of procedures, agencies with their units, procedure versions, rollout waves.
-- The same SQL for both dialects (migrations/common/).
CREATE TABLE fields (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT,
  position INTEGER NOT NULL
);

CREATE TABLE agencies (
  code TEXT PRIMARY KEY,                     -- QCVN 102:2016 electronic identifier, e.g. 000.00.00.H26
  name TEXT NOT NULL,
  name_en TEXT,
  kind TEXT NOT NULL,                        -- city | department | urban_district | … | ward
  tier TEXT NOT NULL,                        -- city | department | district | ward
  parent_code TEXT REFERENCES agencies (code),
  inner_district INTEGER NOT NULL DEFAULT 0, -- one of the 12 inner districts
  address TEXT,
  phone TEXT,
  source_file TEXT NOT NULL,                 -- catalog file it is kept in (agencies.yaml, wards/…)
  position INTEGER NOT NULL,                 -- order within that file
  name_folded TEXT NOT NULL,                 -- accent-free lower case, for search
  updated_at TEXT NOT NULL
);
CREATE INDEX agencies_parent ON agencies (parent_code);
CREATE INDEX agencies_tier ON agencies (tier, kind);

CREATE TABLE units (
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  one_stop INTEGER NOT NULL DEFAULT 0,       -- houses the one-stop section
  position INTEGER NOT NULL,
  PRIMARY KEY (agency_code, key)
);

-- One row per published version; a published version is never changed.
CREATE TABLE procedures (
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  valid_from TEXT NOT NULL,                  -- YYYY-MM-DD
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  field_key TEXT NOT NULL REFERENCES fields (key),
  tiers TEXT NOT NULL,                       -- ",district,ward," (comma-wrapped for LIKE)
  department_code TEXT REFERENCES agencies (code),
  level INTEGER NOT NULL,
  document TEXT NOT NULL,                    -- the whole version as JSON
  created_at TEXT NOT NULL,
  PRIMARY KEY (code, version)
);
CREATE INDEX procedures_field ON procedures (field_key);

CREATE TABLE waves (
  number INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  official_date TEXT,                        -- YYYY-MM-DD; NULL when the date is a setting
  date_setting TEXT,                         -- settings key "catalog.<name>" holding the date
  rollouts TEXT NOT NULL                     -- JSON: the selectors as written in the catalog
);

-- The rollouts expanded: procedure P is online at agency A from its wave's date.
CREATE TABLE rollout_entries (
  wave_number INTEGER NOT NULL REFERENCES waves (number),
  procedure_code TEXT NOT NULL,
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  PRIMARY KEY (procedure_code, agency_code)
);
CREATE INDEX rollout_entries_agency ON rollout_entries (agency_code);
CREATE INDEX rollout_entries_wave ON rollout_entries (wave_number);

-- The catalog's files in canonical form: what `motcua export` writes back, and what the server's
-- cached snapshot is built from. The tables above are their projection for queries and references.
CREATE TABLE catalog_files (
  path TEXT PRIMARY KEY,                     -- relative to the catalog root: "procedures/H26.QH.XD.01.yaml"
  text TEXT NOT NULL
);
