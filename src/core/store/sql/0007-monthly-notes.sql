-- SPDX-License-Identifier: GPL-3.0-or-later
-- Notes (形象进度, 存在问题, 下步计划) typed for a month that has no figure yet. A report needs its
-- figure (当月完成): texts alone are kept here, the month stays unreported and the bulletin does
-- not count it. When the month's figure comes, the texts go with the report and the note row is
-- removed (tj_progress_write), so a month is either a report, a note, or nothing.
CREATE TABLE monthly_notes (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  progress TEXT,
  problems TEXT,
  next_steps TEXT,
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  UNIQUE (project_id, month)
) STRICT;
