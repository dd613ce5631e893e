-- SPDX-License-Identifier: GPL-3.0-or-later
-- Agency service (全程代办) and parallel approvals (并联审批), counted in working days.
-- 推进机制 (三)(四). Dates are ISO 'YYYY-MM-DD'; limits are whole working days.

-- The calendar every time limit uses: public holidays off, adjusted working weekends on.
-- A year without rows here is counted as plain weekdays.
CREATE TABLE holidays (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL
) STRICT;

-- An investor's entrustment of a project's approvals to the service centre; free of charge, so
-- there is no fee.
CREATE TABLE agency_cases (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  company TEXT,
  contact TEXT,
  phone TEXT,
  entrusted TEXT NOT NULL,
  agent_id INTEGER REFERENCES people (id) ON DELETE RESTRICT,
  plan TEXT,
  status TEXT NOT NULL DEFAULT 'accepted'
    CHECK (status IN ('accepted', 'in_progress', 'finished', 'terminated')),
  termination_reason TEXT,
  delivery_method TEXT,
  delivered TEXT,
  evaluation TEXT CHECK (evaluation IN ('satisfied', 'fairly_satisfied', 'unsatisfied')),
  evaluation_comment TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE INDEX agency_cases_by_project ON agency_cases (project_id);

-- The catalogue of common approval items per department.
CREATE TABLE approval_catalogue (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  stage TEXT NOT NULL CHECK (stage IN ('land', 'permit', 'construction', 'acceptance')),
  statutory_days INTEGER NOT NULL CHECK (statutory_days >= 0),
  UNIQUE (name, unit_id)
) STRICT;

-- Items of one project accepted together at one window, with a lead department (一门受理).
CREATE TABLE approval_batches (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  lead_unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  accepted TEXT NOT NULL,
  notes TEXT
) STRICT;

CREATE TABLE approval_items (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  case_id INTEGER REFERENCES agency_cases (id) ON DELETE SET NULL,
  batch_id INTEGER REFERENCES approval_batches (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  stage TEXT NOT NULL CHECK (stage IN ('land', 'permit', 'construction', 'acceptance')),
  unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  statutory_days INTEGER NOT NULL CHECK (statutory_days >= 0),
  committed_days INTEGER NOT NULL CHECK (committed_days >= 0),
  green INTEGER NOT NULL DEFAULT 0 CHECK (green IN (0, 1)),
  handler TEXT,
  accepted TEXT,
  copied TEXT,
  finished TEXT,
  delivered TEXT,
  suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
  notes TEXT
) STRICT;
CREATE INDEX approval_items_by_project ON approval_items (project_id);
CREATE INDEX approval_items_by_case ON approval_items (case_id);
CREATE INDEX approval_items_by_batch ON approval_items (batch_id);

-- 催办: reminders sent about an item.
CREATE TABLE approval_reminders (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES approval_items (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  by_whom TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE INDEX approval_reminders_by_item ON approval_reminders (item_id);
