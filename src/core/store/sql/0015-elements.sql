-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 13: 要素保障 (policy 七) and 统计入库 follow-ups (policy 八).
-- One row is one need of a project: funds sought from a source (中央, 省, 郑州市, 债券, 银行贷款,
-- 社会资本), in whole yuan (entered and shown in 万元), or a quota needed (用地 亩, 用能 吨标煤,
-- 排污 吨), in whole hundredths of its unit (12.35 亩 is 1235): exact, both. What is secured or
-- allocated never exceeds what was needed (tj-element.c): the gap is what is still missing.
CREATE TABLE project_elements (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('central', 'province', 'zhengzhou', 'bond', 'loan',
                                     'private', 'land', 'energy', 'emission')),
  needed INTEGER NOT NULL CHECK (needed > 0),
  needed_date TEXT NOT NULL,
  secured INTEGER NOT NULL DEFAULT 0 CHECK (secured >= 0 AND secured <= needed),
  secured_date TEXT,
  note TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  CHECK (secured = 0 OR secured_date IS NOT NULL)
) STRICT;
CREATE INDEX project_elements_by_project ON project_elements (project_id);

-- 跟进: what the office did to get a project that meets the entry condition entered.
CREATE TABLE statistics_followups (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  note TEXT NOT NULL CHECK (note <> ''),
  by_whom TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
) STRICT;
CREATE INDEX statistics_followups_by_project ON statistics_followups (project_id);
