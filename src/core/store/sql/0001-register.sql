-- SPDX-License-Identifier: GPL-3.0-or-later
-- The key-project register: units, people, projects, settings and the audit log.
-- Money is INTEGER yuan; dates are ISO 'YYYY-MM-DD', months 'YYYY-MM'.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('subdistrict', 'town', 'township', 'district', 'department')),
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  post TEXT,
  unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  phone TEXT,
  is_leader INTEGER NOT NULL DEFAULT 0 CHECK (is_leader IN (0, 1)),
  is_officer INTEGER NOT NULL DEFAULT 0 CHECK (is_officer IN (0, 1)),
  is_staff INTEGER NOT NULL DEFAULT 0 CHECK (is_staff IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX people_by_unit ON people (unit_id);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  code TEXT,
  name TEXT NOT NULL CHECK (name <> ''),
  level TEXT NOT NULL CHECK (level IN ('provincial', 'prefectural', 'city')),
  nature TEXT NOT NULL CHECK (nature IN ('new', 'continuing', 'completing', 'preparatory')),
  industry TEXT,
  content TEXT,
  locality_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  leader_id INTEGER REFERENCES people (id) ON DELETE RESTRICT,
  officer_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  owner TEXT,
  contact TEXT,
  phone TEXT,
  total_investment INTEGER NOT NULL DEFAULT 0,
  annual_plan INTEGER NOT NULL DEFAULT 0,
  planned_start TEXT,
  planned_completion TEXT,
  actual_start TEXT,
  actual_completion TEXT,
  stats_date TEXT,
  notes TEXT,
  carried_from INTEGER REFERENCES projects (id) ON DELETE SET NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  UNIQUE (year, name)
) STRICT;
-- No index on the references: each one costs an import of 100,000 projects about a quarter of a
-- second, and they would serve only deleting a unit or a person, which scans the list instead
-- (milliseconds).

-- The audit log: written only by the triggers tj-db.c generates; nothing may change it.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  os_user TEXT NOT NULL,
  table_name TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  changes TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_record ON audit (table_name, record_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit log cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit log cannot be changed');
END;
