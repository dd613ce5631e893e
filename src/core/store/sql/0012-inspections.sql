-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 12: site inspections (巡查; policy 十, 十一), what they found and what they demanded.
-- The reported cumulative and the suggested verdict are computed from the monthly reports when
-- read (tj-inspection.c), never stored; verdict holds the inspector's own conclusion only when it
-- differs from the suggestion, with its reason. Evidence is a set of flags (tj-inspection.h).
CREATE TABLE inspections (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  organiser_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  inspectors TEXT,
  unannounced INTEGER NOT NULL DEFAULT 0 CHECK (unannounced = 0 OR unannounced = 1),
  seen TEXT,
  workers INTEGER CHECK (workers IS NULL OR workers >= 0),
  machines INTEGER CHECK (machines IS NULL OR machines >= 0),
  verified INTEGER NOT NULL CHECK (verified >= 0),
  verified_progress TEXT,
  verdict TEXT CHECK (verdict IS NULL OR verdict = 'true' OR verdict = 'false' OR
                      verdict = 'concealed'),
  verdict_reason TEXT,
  evidence INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  CHECK (verdict IS NULL OR (verdict_reason IS NOT NULL AND verdict_reason <> ''))
) STRICT;
CREATE INDEX inspections_by_project ON inspections (project_id);
CREATE INDEX inspections_by_date ON inspections (date);

-- 问题: what an inspection found.
CREATE TABLE inspection_findings (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind <> ''),
  description TEXT NOT NULL CHECK (description <> ''),
  unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT
) STRICT;
CREATE INDEX inspection_findings_by_inspection ON inspection_findings (inspection_id);

-- 整改: what a finding demands, by when; closed (销号) on the day it was checked.
CREATE TABLE rectifications (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES inspection_findings (id) ON DELETE CASCADE,
  requirement TEXT NOT NULL CHECK (requirement <> ''),
  person TEXT,
  unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  deadline TEXT NOT NULL,
  result TEXT,
  checked_by TEXT,
  closed TEXT
) STRICT;
CREATE INDEX rectifications_by_finding ON rectifications (finding_id);

-- Photos (JPEG or PNG) of an inspection, or of one of its findings. The log records a photo by
-- its SHA-256, not its bytes (tj-db-audit.c leaves BLOB columns out).
CREATE TABLE inspection_photos (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  finding_id INTEGER REFERENCES inspection_findings (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime = 'image/jpeg' OR mime = 'image/png'),
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX inspection_photos_by_inspection ON inspection_photos (inspection_id);
