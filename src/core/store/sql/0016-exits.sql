-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 16: project exit (退出, policy 十二).
-- A proposal (退出建议) made by hand: a clerk names a project and a reason. Proposals by rule
-- are found again from the data whenever the list is made (tj-exit.c), never stored.
CREATE TABLE exit_proposals (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
) STRICT;
CREATE INDEX exit_proposals_by_project ON exit_proposals (project_id);

-- The decision (退出决定), one per project: its date (the exit date every report reads,
-- tj-project-active.h), the document number (文号), and the land recovered in whole hundredths
-- of a 亩 (12.35 亩 is 1235, exact) with its date. A table of its own, not columns of projects:
-- the rows an import inserted into projects stay as their import's hash has them. The project's
-- history shows it (tj_audit_history). Validation is in core (tj-exit.c).
CREATE TABLE project_exits (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL UNIQUE REFERENCES projects (id) ON DELETE CASCADE,
  exit_date TEXT NOT NULL,
  exit_document TEXT NOT NULL CHECK (exit_document <> ''),
  exit_land INTEGER CHECK (exit_land IS NULL OR exit_land >= 0),
  exit_land_date TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  CHECK (exit_land IS NULL OR exit_land_date IS NOT NULL)
) STRICT;
