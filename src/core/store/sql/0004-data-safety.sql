-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: data safety. Released migrations are never edited; this one brings every database
-- of schema 3 to one shape, whichever edit of 0001 and 0003 made it.

-- The audit log becomes a hash chain (see tj_db_audit_hash). tj-db.c fills the hashes of the rows
-- already logged, then builds the guards again: append only, next id, chained hash.
DROP TRIGGER IF EXISTS audit_no_update;
DROP TRIGGER IF EXISTS audit_no_delete;
ALTER TABLE audit ADD COLUMN hash TEXT;

-- 0001 as first released indexed five project references; a later edit of 0001 removed them
-- (each cost a 100,000-project import a quarter of a second). Every database now has none.
DROP INDEX IF EXISTS projects_by_locality;
DROP INDEX IF EXISTS projects_by_unit;
DROP INDEX IF EXISTS projects_by_leader;
DROP INDEX IF EXISTS projects_by_officer;
DROP INDEX IF EXISTS projects_by_carried_from;

-- Issuing a month's bulletin (签发) locks that month's reports until it is unlocked with a reason.
-- figures: a digest of the bulletin's figures when issued, to tell when they changed since.
CREATE TABLE bulletin_issues (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  issued_on TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  issued_by TEXT NOT NULL CHECK (issued_by <> ''),
  figures TEXT NOT NULL,
  unlocked_on TEXT,
  unlocked_by TEXT,
  unlock_reason TEXT,
  CHECK ((unlocked_on IS NULL) = (unlock_reason IS NULL))
) STRICT;
CREATE INDEX bulletin_issues_by_month ON bulletin_issues (month);

-- Every path that writes a month's reports (the form, an import, deleting a project) is refused
-- while the month's bulletin stands issued.
CREATE TRIGGER monthly_reports_locked_insert BEFORE INSERT ON monthly_reports
WHEN EXISTS (SELECT 1 FROM bulletin_issues b WHERE b.unlocked_on IS NULL
             AND b.month = (SELECT printf ('%04d-%02d', p.year, NEW.month)
                            FROM projects p WHERE p.id = NEW.project_id))
BEGIN
  SELECT RAISE (ABORT, 'tj: period locked');
END;
CREATE TRIGGER monthly_reports_locked_update BEFORE UPDATE ON monthly_reports
WHEN EXISTS (SELECT 1 FROM bulletin_issues b WHERE b.unlocked_on IS NULL
             AND b.month IN ((SELECT printf ('%04d-%02d', p.year, NEW.month)
                              FROM projects p WHERE p.id = NEW.project_id),
                             (SELECT printf ('%04d-%02d', p.year, OLD.month)
                              FROM projects p WHERE p.id = OLD.project_id)))
BEGIN
  SELECT RAISE (ABORT, 'tj: period locked');
END;
CREATE TRIGGER monthly_reports_locked_delete BEFORE DELETE ON monthly_reports
WHEN EXISTS (SELECT 1 FROM bulletin_issues b WHERE b.unlocked_on IS NULL
             AND b.month = (SELECT printf ('%04d-%02d', p.year, OLD.month)
                            FROM projects p WHERE p.id = OLD.project_id))
BEGIN
  SELECT RAISE (ABORT, 'tj: period locked');
END;
-- Deleting a project deletes its reports by cascade, after the project row is gone: the project's
-- delete itself is refused while one of its reports lies in a locked month.
CREATE TRIGGER projects_locked_delete BEFORE DELETE ON projects
WHEN EXISTS (SELECT 1 FROM monthly_reports m JOIN bulletin_issues b
             ON b.unlocked_on IS NULL AND b.month = printf ('%04d-%02d', OLD.year, m.month)
             WHERE m.project_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'tj: period locked');
END;
