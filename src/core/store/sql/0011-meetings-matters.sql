-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 11: meetings and the matters they decide (一事一议、一事一结、一事一报; policy 二, 六, 十).
-- A matter's deadline in force is its own deadline, or the new date of its last approved
-- extension (by approval date, then id); its status as of a day is computed, never stored
-- (tj-matter.c). A matter keeps its meeting's record when its project is deleted: the link is
-- cleared, and undoing the delete puts it back.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind = 'monthly' OR kind = 'coordination' OR kind = 'tour'),
  date TEXT NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  chair TEXT,
  attendees TEXT,
  summary TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  UNIQUE (date, kind, name)
) STRICT;

CREATE TABLE matters (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  content TEXT NOT NULL CHECK (content <> ''),
  project_id INTEGER REFERENCES projects (id) ON DELETE SET NULL,
  leader_id INTEGER REFERENCES people (id) ON DELETE RESTRICT,
  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  person TEXT,
  assigned TEXT NOT NULL,
  deadline TEXT NOT NULL,
  finished TEXT,
  result TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  CHECK (assigned <= deadline),
  CHECK (finished IS NULL OR finished >= assigned)
) STRICT;
CREATE INDEX matters_by_meeting ON matters (meeting_id);
CREATE INDEX matters_by_project ON matters (project_id);

-- 延期: asked for before the deadline then in force; approved when approved is set.
CREATE TABLE matter_extensions (
  id INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  requested TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  new_deadline TEXT NOT NULL,
  approved_by TEXT,
  approved TEXT,
  CHECK (approved IS NULL OR approved >= requested)
) STRICT;
CREATE INDEX matter_extensions_by_matter ON matter_extensions (matter_id);

-- 一事一报: what the responsible unit reported, and when.
CREATE TABLE matter_reports (
  id INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> '')
) STRICT;
CREATE INDEX matter_reports_by_matter ON matter_reports (matter_id);
