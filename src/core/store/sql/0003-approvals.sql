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

-- The catalogue a database starts with: the common matters of a key project and the department
-- that approves each, found by the unit's name (none when an office renamed it), with statutory
-- limits in working days. An office edits it. 推进机制 (四)
INSERT INTO approval_catalogue (name, unit_id, stage, statutory_days)
  SELECT column1, (SELECT id FROM units WHERE units.name = column2), column3, column4
  FROM (VALUES
    ('项目备案', '发改委', 'land', 3),
    ('节能审查', '发改委', 'land', 20),
    ('环评审批', '环保局', 'land', 30),
    ('用地预审与选址', '国土资源局', 'land', 20),
    ('建设用地规划许可', '城乡规划局', 'land', 20),
    ('使用林地审核', '林业局', 'land', 20),
    ('水土保持方案', '水务局', 'land', 20),
    ('考古勘探', '文物局', 'land', 30),
    ('建设工程规划许可', '城乡规划局', 'permit', 20),
    ('消防设计审查', '消防大队', 'permit', 20),
    ('施工许可', '住建局', 'construction', 7));

-- The default holiday table, from the State Council General Office's annual notices on holiday
-- arrangements (国务院办公厅关于20XX年部分节假日安排的通知). Every day off is a 'holiday' row, the
-- weekend days inside a holiday block too; every adjusted working weekend day (调休上班) is a
-- 'workday' row. Rows are grouped by the notice that set them, which may fall in the year before.

-- 2018: 国务院办公厅关于2018年部分节假日安排的通知（国办发明电〔2017〕12号，2017年11月30日）.
-- Its 元旦 block begins with the weekend of 30 and 31 December 2017, left out: 2017 has no table.
INSERT INTO holidays (date, kind, name) VALUES
  ('2018-01-01', 'holiday', '元旦'),
  ('2018-02-11', 'workday', '春节调休上班'),
  ('2018-02-15', 'holiday', '春节'),
  ('2018-02-16', 'holiday', '春节'),
  ('2018-02-17', 'holiday', '春节'),
  ('2018-02-18', 'holiday', '春节'),
  ('2018-02-19', 'holiday', '春节'),
  ('2018-02-20', 'holiday', '春节'),
  ('2018-02-21', 'holiday', '春节'),
  ('2018-02-24', 'workday', '春节调休上班'),
  ('2018-04-05', 'holiday', '清明节'),
  ('2018-04-06', 'holiday', '清明节'),
  ('2018-04-07', 'holiday', '清明节'),
  ('2018-04-08', 'workday', '清明节调休上班'),
  ('2018-04-28', 'workday', '劳动节调休上班'),
  ('2018-04-29', 'holiday', '劳动节'),
  ('2018-04-30', 'holiday', '劳动节'),
  ('2018-05-01', 'holiday', '劳动节'),
  ('2018-06-16', 'holiday', '端午节'),
  ('2018-06-17', 'holiday', '端午节'),
  ('2018-06-18', 'holiday', '端午节'),
  ('2018-09-22', 'holiday', '中秋节'),
  ('2018-09-23', 'holiday', '中秋节'),
  ('2018-09-24', 'holiday', '中秋节'),
  ('2018-09-29', 'workday', '国庆节调休上班'),
  ('2018-09-30', 'workday', '国庆节调休上班'),
  ('2018-10-01', 'holiday', '国庆节'),
  ('2018-10-02', 'holiday', '国庆节'),
  ('2018-10-03', 'holiday', '国庆节'),
  ('2018-10-04', 'holiday', '国庆节'),
  ('2018-10-05', 'holiday', '国庆节'),
  ('2018-10-06', 'holiday', '国庆节'),
  ('2018-10-07', 'holiday', '国庆节');

-- 2019: 国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号，2018年12月4日）;
-- its 元旦 rows fall in 2018. 劳动节 as changed by 国务院办公厅关于调整2019年劳动节假期安排的通知
-- （国办发明电〔2019〕3号，2019年3月22日）: 5月1日至4日, 4月28日、5月5日上班.
INSERT INTO holidays (date, kind, name) VALUES
  ('2018-12-29', 'workday', '元旦调休上班'),
  ('2018-12-30', 'holiday', '元旦'),
  ('2018-12-31', 'holiday', '元旦'),
  ('2019-01-01', 'holiday', '元旦'),
  ('2019-02-02', 'workday', '春节调休上班'),
  ('2019-02-03', 'workday', '春节调休上班'),
  ('2019-02-04', 'holiday', '春节'),
  ('2019-02-05', 'holiday', '春节'),
  ('2019-02-06', 'holiday', '春节'),
  ('2019-02-07', 'holiday', '春节'),
  ('2019-02-08', 'holiday', '春节'),
  ('2019-02-09', 'holiday', '春节'),
  ('2019-02-10', 'holiday', '春节'),
  ('2019-04-05', 'holiday', '清明节'),
  ('2019-04-06', 'holiday', '清明节'),
  ('2019-04-07', 'holiday', '清明节'),
  ('2019-04-28', 'workday', '劳动节调休上班'),
  ('2019-05-01', 'holiday', '劳动节'),
  ('2019-05-02', 'holiday', '劳动节'),
  ('2019-05-03', 'holiday', '劳动节'),
  ('2019-05-04', 'holiday', '劳动节'),
  ('2019-05-05', 'workday', '劳动节调休上班'),
  ('2019-06-07', 'holiday', '端午节'),
  ('2019-06-08', 'holiday', '端午节'),
  ('2019-06-09', 'holiday', '端午节'),
  ('2019-09-13', 'holiday', '中秋节'),
  ('2019-09-14', 'holiday', '中秋节'),
  ('2019-09-15', 'holiday', '中秋节'),
  ('2019-09-29', 'workday', '国庆节调休上班'),
  ('2019-10-01', 'holiday', '国庆节'),
  ('2019-10-02', 'holiday', '国庆节'),
  ('2019-10-03', 'holiday', '国庆节'),
  ('2019-10-04', 'holiday', '国庆节'),
  ('2019-10-05', 'holiday', '国庆节'),
  ('2019-10-06', 'holiday', '国庆节'),
  ('2019-10-07', 'holiday', '国庆节'),
  ('2019-10-12', 'workday', '国庆节调休上班');

-- 2020: 国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019年11月21日）.
-- 春节 as extended by 国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020年1月26日）:
-- off to 2月2日, so 2月1日 (星期六), first announced as a working day, was not worked.
INSERT INTO holidays (date, kind, name) VALUES
  ('2020-01-01', 'holiday', '元旦'),
  ('2020-01-19', 'workday', '春节调休上班'),
  ('2020-01-24', 'holiday', '春节'),
  ('2020-01-25', 'holiday', '春节'),
  ('2020-01-26', 'holiday', '春节'),
  ('2020-01-27', 'holiday', '春节'),
  ('2020-01-28', 'holiday', '春节'),
  ('2020-01-29', 'holiday', '春节'),
  ('2020-01-30', 'holiday', '春节'),
  ('2020-01-31', 'holiday', '春节（延长假期）'),
  ('2020-02-01', 'holiday', '春节（延长假期）'),
  ('2020-02-02', 'holiday', '春节（延长假期）'),
  ('2020-04-04', 'holiday', '清明节'),
  ('2020-04-05', 'holiday', '清明节'),
  ('2020-04-06', 'holiday', '清明节'),
  ('2020-04-26', 'workday', '劳动节调休上班'),
  ('2020-05-01', 'holiday', '劳动节'),
  ('2020-05-02', 'holiday', '劳动节'),
  ('2020-05-03', 'holiday', '劳动节'),
  ('2020-05-04', 'holiday', '劳动节'),
  ('2020-05-05', 'holiday', '劳动节'),
  ('2020-05-09', 'workday', '劳动节调休上班'),
  ('2020-06-25', 'holiday', '端午节'),
  ('2020-06-26', 'holiday', '端午节'),
  ('2020-06-27', 'holiday', '端午节'),
  ('2020-06-28', 'workday', '端午节调休上班'),
  ('2020-09-27', 'workday', '国庆节、中秋节调休上班'),
  ('2020-10-01', 'holiday', '国庆节、中秋节'),
  ('2020-10-02', 'holiday', '国庆节、中秋节'),
  ('2020-10-03', 'holiday', '国庆节、中秋节'),
  ('2020-10-04', 'holiday', '国庆节、中秋节'),
  ('2020-10-05', 'holiday', '国庆节、中秋节'),
  ('2020-10-06', 'holiday', '国庆节、中秋节'),
  ('2020-10-07', 'holiday', '国庆节、中秋节'),
  ('2020-10-08', 'holiday', '国庆节、中秋节'),
  ('2020-10-10', 'workday', '国庆节、中秋节调休上班');

-- 2021: 国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020年11月25日）.
INSERT INTO holidays (date, kind, name) VALUES
  ('2021-01-01', 'holiday', '元旦'),
  ('2021-01-02', 'holiday', '元旦'),
  ('2021-01-03', 'holiday', '元旦'),
  ('2021-02-07', 'workday', '春节调休上班'),
  ('2021-02-11', 'holiday', '春节'),
  ('2021-02-12', 'holiday', '春节'),
  ('2021-02-13', 'holiday', '春节'),
  ('2021-02-14', 'holiday', '春节'),
  ('2021-02-15', 'holiday', '春节'),
  ('2021-02-16', 'holiday', '春节'),
  ('2021-02-17', 'holiday', '春节'),
  ('2021-02-20', 'workday', '春节调休上班'),
  ('2021-04-03', 'holiday', '清明节'),
  ('2021-04-04', 'holiday', '清明节'),
  ('2021-04-05', 'holiday', '清明节'),
  ('2021-04-25', 'workday', '劳动节调休上班'),
  ('2021-05-01', 'holiday', '劳动节'),
  ('2021-05-02', 'holiday', '劳动节'),
  ('2021-05-03', 'holiday', '劳动节'),
  ('2021-05-04', 'holiday', '劳动节'),
  ('2021-05-05', 'holiday', '劳动节'),
  ('2021-05-08', 'workday', '劳动节调休上班'),
  ('2021-06-12', 'holiday', '端午节'),
  ('2021-06-13', 'holiday', '端午节'),
  ('2021-06-14', 'holiday', '端午节'),
  ('2021-09-18', 'workday', '中秋节调休上班'),
  ('2021-09-19', 'holiday', '中秋节'),
  ('2021-09-20', 'holiday', '中秋节'),
  ('2021-09-21', 'holiday', '中秋节'),
  ('2021-09-26', 'workday', '国庆节调休上班'),
  ('2021-10-01', 'holiday', '国庆节'),
  ('2021-10-02', 'holiday', '国庆节'),
  ('2021-10-03', 'holiday', '国庆节'),
  ('2021-10-04', 'holiday', '国庆节'),
  ('2021-10-05', 'holiday', '国庆节'),
  ('2021-10-06', 'holiday', '国庆节'),
  ('2021-10-07', 'holiday', '国庆节'),
  ('2021-10-09', 'workday', '国庆节调休上班');

-- 2022: 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）.
INSERT INTO holidays (date, kind, name) VALUES
  ('2022-01-01', 'holiday', '元旦'),
  ('2022-01-02', 'holiday', '元旦'),
  ('2022-01-03', 'holiday', '元旦'),
  ('2022-01-29', 'workday', '春节调休上班'),
  ('2022-01-30', 'workday', '春节调休上班'),
  ('2022-01-31', 'holiday', '春节'),
  ('2022-02-01', 'holiday', '春节'),
  ('2022-02-02', 'holiday', '春节'),
  ('2022-02-03', 'holiday', '春节'),
  ('2022-02-04', 'holiday', '春节'),
  ('2022-02-05', 'holiday', '春节'),
  ('2022-02-06', 'holiday', '春节'),
  ('2022-04-02', 'workday', '清明节调休上班'),
  ('2022-04-03', 'holiday', '清明节'),
  ('2022-04-04', 'holiday', '清明节'),
  ('2022-04-05', 'holiday', '清明节'),
  ('2022-04-24', 'workday', '劳动节调休上班'),
  ('2022-04-30', 'holiday', '劳动节'),
  ('2022-05-01', 'holiday', '劳动节'),
  ('2022-05-02', 'holiday', '劳动节'),
  ('2022-05-03', 'holiday', '劳动节'),
  ('2022-05-04', 'holiday', '劳动节'),
  ('2022-05-07', 'workday', '劳动节调休上班'),
  ('2022-06-03', 'holiday', '端午节'),
  ('2022-06-04', 'holiday', '端午节'),
  ('2022-06-05', 'holiday', '端午节'),
  ('2022-09-10', 'holiday', '中秋节'),
  ('2022-09-11', 'holiday', '中秋节'),
  ('2022-09-12', 'holiday', '中秋节'),
  ('2022-10-01', 'holiday', '国庆节'),
  ('2022-10-02', 'holiday', '国庆节'),
  ('2022-10-03', 'holiday', '国庆节'),
  ('2022-10-04', 'holiday', '国庆节'),
  ('2022-10-05', 'holiday', '国庆节'),
  ('2022-10-06', 'holiday', '国庆节'),
  ('2022-10-07', 'holiday', '国庆节'),
  ('2022-10-08', 'workday', '国庆节调休上班'),
  ('2022-10-09', 'workday', '国庆节调休上班');

-- 2023: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）;
-- its 元旦 block begins on 31 December 2022.
INSERT INTO holidays (date, kind, name) VALUES
  ('2022-12-31', 'holiday', '元旦'),
  ('2023-01-01', 'holiday', '元旦'),
  ('2023-01-02', 'holiday', '元旦'),
  ('2023-01-21', 'holiday', '春节'),
  ('2023-01-22', 'holiday', '春节'),
  ('2023-01-23', 'holiday', '春节'),
  ('2023-01-24', 'holiday', '春节'),
  ('2023-01-25', 'holiday', '春节'),
  ('2023-01-26', 'holiday', '春节'),
  ('2023-01-27', 'holiday', '春节'),
  ('2023-01-28', 'workday', '春节调休上班'),
  ('2023-01-29', 'workday', '春节调休上班'),
  ('2023-04-05', 'holiday', '清明节'),
  ('2023-04-23', 'workday', '劳动节调休上班'),
  ('2023-04-29', 'holiday', '劳动节'),
  ('2023-04-30', 'holiday', '劳动节'),
  ('2023-05-01', 'holiday', '劳动节'),
  ('2023-05-02', 'holiday', '劳动节'),
  ('2023-05-03', 'holiday', '劳动节'),
  ('2023-05-06', 'workday', '劳动节调休上班'),
  ('2023-06-22', 'holiday', '端午节'),
  ('2023-06-23', 'holiday', '端午节'),
  ('2023-06-24', 'holiday', '端午节'),
  ('2023-06-25', 'workday', '端午节调休上班'),
  ('2023-09-29', 'holiday', '中秋节、国庆节'),
  ('2023-09-30', 'holiday', '中秋节、国庆节'),
  ('2023-10-01', 'holiday', '中秋节、国庆节'),
  ('2023-10-02', 'holiday', '中秋节、国庆节'),
  ('2023-10-03', 'holiday', '中秋节、国庆节'),
  ('2023-10-04', 'holiday', '中秋节、国庆节'),
  ('2023-10-05', 'holiday', '中秋节、国庆节'),
  ('2023-10-06', 'holiday', '中秋节、国庆节'),
  ('2023-10-07', 'workday', '中秋节、国庆节调休上班'),
  ('2023-10-08', 'workday', '中秋节、国庆节调休上班');

-- 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）;
-- its 元旦 block begins with the weekend of 30 and 31 December 2023. 除夕 (2月9日) is not a day
-- off: the notice only encourages units to let staff rest on it.
INSERT INTO holidays (date, kind, name) VALUES
  ('2023-12-30', 'holiday', '元旦'),
  ('2023-12-31', 'holiday', '元旦'),
  ('2024-01-01', 'holiday', '元旦'),
  ('2024-02-04', 'workday', '春节调休上班'),
  ('2024-02-10', 'holiday', '春节'),
  ('2024-02-11', 'holiday', '春节'),
  ('2024-02-12', 'holiday', '春节'),
  ('2024-02-13', 'holiday', '春节'),
  ('2024-02-14', 'holiday', '春节'),
  ('2024-02-15', 'holiday', '春节'),
  ('2024-02-16', 'holiday', '春节'),
  ('2024-02-17', 'holiday', '春节'),
  ('2024-02-18', 'workday', '春节调休上班'),
  ('2024-04-04', 'holiday', '清明节'),
  ('2024-04-05', 'holiday', '清明节'),
  ('2024-04-06', 'holiday', '清明节'),
  ('2024-04-07', 'workday', '清明节调休上班'),
  ('2024-04-28', 'workday', '劳动节调休上班'),
  ('2024-05-01', 'holiday', '劳动节'),
  ('2024-05-02', 'holiday', '劳动节'),
  ('2024-05-03', 'holiday', '劳动节'),
  ('2024-05-04', 'holiday', '劳动节'),
  ('2024-05-05', 'holiday', '劳动节'),
  ('2024-05-11', 'workday', '劳动节调休上班'),
  ('2024-06-08', 'holiday', '端午节'),
  ('2024-06-09', 'holiday', '端午节'),
  ('2024-06-10', 'holiday', '端午节'),
  ('2024-09-14', 'workday', '中秋节调休上班'),
  ('2024-09-15', 'holiday', '中秋节'),
  ('2024-09-16', 'holiday', '中秋节'),
  ('2024-09-17', 'holiday', '中秋节'),
  ('2024-09-29', 'workday', '国庆节调休上班'),
  ('2024-10-01', 'holiday', '国庆节'),
  ('2024-10-02', 'holiday', '国庆节'),
  ('2024-10-03', 'holiday', '国庆节'),
  ('2024-10-04', 'holiday', '国庆节'),
  ('2024-10-05', 'holiday', '国庆节'),
  ('2024-10-06', 'holiday', '国庆节'),
  ('2024-10-07', 'holiday', '国庆节'),
  ('2024-10-12', 'workday', '国庆节调休上班');

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
INSERT INTO holidays (date, kind, name) VALUES
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-26', 'workday', '春节调休上班'),
  ('2025-01-28', 'holiday', '春节'),
  ('2025-01-29', 'holiday', '春节'),
  ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'),
  ('2025-02-01', 'holiday', '春节'),
  ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'),
  ('2025-02-04', 'holiday', '春节'),
  ('2025-02-08', 'workday', '春节调休上班'),
  ('2025-04-04', 'holiday', '清明节'),
  ('2025-04-05', 'holiday', '清明节'),
  ('2025-04-06', 'holiday', '清明节'),
  ('2025-04-27', 'workday', '劳动节调休上班'),
  ('2025-05-01', 'holiday', '劳动节'),
  ('2025-05-02', 'holiday', '劳动节'),
  ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'),
  ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'),
  ('2025-06-01', 'holiday', '端午节'),
  ('2025-06-02', 'holiday', '端午节'),
  ('2025-09-28', 'workday', '国庆节、中秋节调休上班'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'),
  ('2025-10-02', 'holiday', '国庆节、中秋节'),
  ('2025-10-03', 'holiday', '国庆节、中秋节'),
  ('2025-10-04', 'holiday', '国庆节、中秋节'),
  ('2025-10-05', 'holiday', '国庆节、中秋节'),
  ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'),
  ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-10-11', 'workday', '国庆节、中秋节调休上班');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知, dated 2025年11月4日 and published by Xinhua
-- that day; its document number is not given here (not known for certain). The office should
-- check these rows against the notice as published in the State Council Gazette.
INSERT INTO holidays (date, kind, name) VALUES
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');
