-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 16: project exit (退出, policy 十二).
-- The decision is kept on the project itself, so that its history (the audit of projects) shows
-- the exit: the decision date (the exit date every report reads, tj-project-active.h), the
-- document number (文号), and the land recovered in whole hundredths of a 亩 (12.35 亩 is 1235,
-- exact) with its date. Validation is in core (tj-exit.c).
ALTER TABLE projects ADD COLUMN exit_date TEXT;
ALTER TABLE projects ADD COLUMN exit_document TEXT;
ALTER TABLE projects ADD COLUMN exit_land INTEGER;
ALTER TABLE projects ADD COLUMN exit_land_date TEXT;

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
