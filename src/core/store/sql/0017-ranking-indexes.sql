-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 17: two indexes for the passes over a year's list (the quarterly ranking and the
-- assessment, the bulletin's locality figures), so that they read the indexes alone instead of
-- seeking every row of the tables (EXPLAIN QUERY PLAN: "COVERING INDEX").
-- Each month's completed figure by project and month: the sums of months 1..N read from the
-- index, not from the reports' rows with their progress text.
CREATE INDEX monthly_reports_figures ON monthly_reports (project_id, month, completed);
-- The localities of a year's list (the units ranked): from the index, not from the projects' rows.
CREATE INDEX projects_by_year_locality ON projects (year, locality_id);
