-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: the periods an approval item stood suspended (补正材料, 专家评审, 听证, 公示), which the
-- policy leaves out of the time limit (不计入办理时限). The working days of the periods (both ends
-- counted, the calendar's working days, never the day of acceptance) move the deadline later and
-- are left out of the elapsed days and so of the speed-up.
--
-- approval_items.suspended (schema 3) stays as it was: an item flagged with no period recorded
-- here reads "暂停（未记录起止日期）" and changes no figure, since nobody knows for how long.
CREATE TABLE approval_suspensions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES approval_items (id) ON DELETE CASCADE,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  CHECK (from_date <= to_date)
) STRICT;
CREATE INDEX approval_suspensions_by_item ON approval_suspensions (item_id);
