-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: moving a project to another year's list would move its reports out of (or into) a
-- month whose bulletin stands issued, without touching monthly_reports: refused like any other
-- change to a locked month.
CREATE TRIGGER projects_locked_year BEFORE UPDATE OF year ON projects
WHEN NEW.year IS NOT OLD.year
 AND EXISTS (SELECT 1 FROM monthly_reports m JOIN bulletin_issues b
             ON b.unlocked_on IS NULL
             AND b.month IN (printf ('%04d-%02d', OLD.year, m.month),
                             printf ('%04d-%02d', NEW.year, m.month))
             WHERE m.project_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'tj: period locked');
END;
