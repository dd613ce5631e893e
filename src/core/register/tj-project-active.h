/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Which projects a report counts (policy 十二): a project that exited (project_exits.exit_date,
 * the date of the decision) leaves every report of a period that begins after its exit date and stays
 * in those of the periods before, the period holding the exit date included. Every report that
 * lists a year's projects adds this one condition to its query (alias p for projects), so that
 * the rule lives here only.
 *
 * TJ_PROJECT_ACTIVE_FROM (first_day): the project still counts in a period beginning on
 * first_day (an SQL expression giving YYYY-MM-DD). An uncorrelated NOT IN: SQLite reads the few
 * exits once per statement; a correlated NOT EXISTS probed project_exits once a row and made
 * the bulletin export of 10,000 projects about 11% slower (paired runs), this about 3%. */
#define TJ_PROJECT_ACTIVE_FROM(first_day)                                                       \
  "p.id NOT IN (SELECT x.project_id FROM project_exits x WHERE x.exit_date < " first_day ")"
/* In the month `month` (an SQL expression, 1..12) of year `year`: from its first day. */
#define TJ_PROJECT_ACTIVE_IN_MONTH(year, month)                                                 \
  TJ_PROJECT_ACTIVE_FROM ("printf ('%04d-%02d-01', " year ", " month ")")
/* In a report made today (the register, the ledger). */
#define TJ_PROJECT_ACTIVE_TODAY TJ_PROJECT_ACTIVE_FROM ("date ('now', 'localtime')")
