-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 13: city leaders' delegations and leaders' and officers' visits (policy 一, 五).
-- 委托: a city leader away a month or more names another city leader for [date_from, date_to]
-- (both included); during it the reports name the acting one (tj-delegation.c holds the rule).
CREATE TABLE delegations (
  id INTEGER PRIMARY KEY,
  leader_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  acting_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  reason TEXT,
  CHECK (acting_id <> leader_id),
  CHECK (date_from <= date_to)
) STRICT;
CREATE INDEX delegations_by_leader ON delegations (leader_id, date_from);

-- 调研走访: a visit of a city leader or a service officer to a project.
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  date TEXT NOT NULL,
  found TEXT,
  solved TEXT
) STRICT;
CREATE INDEX visits_by_project ON visits (project_id, date);
CREATE INDEX visits_by_date ON visits (date);
