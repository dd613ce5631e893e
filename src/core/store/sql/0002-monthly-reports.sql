-- SPDX-License-Identifier: GPL-3.0-or-later
-- Monthly progress reports (月报): one row per project and month of its key-list year.
-- completed is the investment completed in that month, INTEGER yuan; a negative figure is a
-- correction of an earlier month. The cumulative 1–N is always summed, never stored.

CREATE TABLE monthly_reports (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  completed INTEGER NOT NULL DEFAULT 0,
  progress TEXT,
  problems TEXT,
  next_steps TEXT,
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  UNIQUE (project_id, month)
) STRICT;
