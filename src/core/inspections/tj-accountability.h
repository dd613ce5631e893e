/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 责任追究清单 (issue 8) of the period [from, to] (YYYY-MM-DD, both included), as of the day
 * as_of (what is finished, closed or over by then). One row per cause, and nothing else:
 * - 议定事项逾期未办结 / 逾期办结: a matter whose deadline in force falls in the period, not
 *   finished on or before it (still open: listed once as_of is past the deadline);
 * - 整改逾期未销号 / 逾期销号: a rectification whose deadline falls in the period, not closed on
 *   or before it (the same for one still open);
 * - 巡查发现虚报 / 瞒报: an inspection dated in the period whose final verdict is 虚报 or 瞒报;
 * - 连续两个月红灯: a project red in the bulletins of two consecutive months, the second in the
 *   period (and over by as_of), the light being the bulletin's own (tj_bulletin_build); a run of
 *   red months is one row naming them all. A project carried over (carried_from) continues its
 *   run from December into January.
 * Ordered by locality, then project (or unit), then date. */
TjReportBook *tj_accountability_book (TjDb       *db,
                                      const char *from,
                                      const char *to,
                                      const char *as_of,
                                      GError    **error);
/* Writes it by the path's extension: .xlsx, .pdf or .csv. */
gboolean tj_accountability_write (TjDb       *db,
                                  const char *from,
                                  const char *to,
                                  const char *as_of,
                                  const char *path,
                                  GError    **error);

/* A run of red months of one project in the monthly bulletins' own lights
 * (tj_bulletin_month_lights), followed across a carry-over; named as its last project. */
typedef struct
{
  GArray *months; /* of int, month indexes (tj_month_index), consecutive */
  gint64 project_id;
  char *name;
  char *locality;
  char *unit;
  char *leader;
  char *officer;
} TjRedRun;

void tj_red_run_free (TjRedRun *self);
/* The runs of at least min_months red months whose last month is first or later and at most
 * last (month indexes): the bulletins from min_months − 1 months before first are read. The
 * one rule of "red N months running" for the accountability list (2) and the exits (3). */
GPtrArray *tj_red_runs (TjDb    *db,
                        int      first,
                        int      last,
                        guint    min_months,
                        GError **error);
/* "2026年3月、4月", the year named again where it changes. */
char *tj_red_run_months_text (GArray *months);

G_END_DECLS
