/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* One department's figures in 部门审批提速情况; see tj-approval-report.c for every denominator. */
typedef struct
{
  gint64 unit_id;
  char *name;
  guint items;           /* the department's items of the year, accepted or not */
  guint finished;        /* of those, with a finish date */
  guint on_time;         /* finished on or before the deadline */
  guint overdue;         /* not finished and past the deadline today */
  guint timed;           /* finished with an elapsed time (every finished item of valid data) */
  guint with_speedup;    /* finished with a statutory limit > 0 */
  guint met_target;      /* finished with a speed-up ≥ 50% */
  gint64 statutory_sum;  /* Σ statutory limits over items */
  gint64 elapsed_sum;    /* Σ elapsed over timed */
  double speedup_sum;    /* Σ speed-ups over with_speedup */
  gboolean has_on_time_rate; /* finished > 0 (also the condition of target_share) */
  double on_time_rate;       /* on_time ÷ finished */
  double target_share;       /* met_target ÷ finished */
  gboolean has_average_statutory; /* items > 0 */
  double average_statutory;       /* statutory_sum ÷ items */
  gboolean has_average_elapsed;   /* timed > 0 */
  double average_elapsed;         /* elapsed_sum ÷ timed */
  gboolean has_average_speedup;   /* with_speedup > 0 */
  double average_speedup;         /* speedup_sum ÷ with_speedup */
} TjDepartmentSpeedup;

/* Reports */
GArray *tj_approval_speedup_figures (GPtrArray *items);
TjReportBook *tj_approval_ledger_book (TjDb       *db,
                                       int         year,
                                       const char *today,
                                       GError    **error);
TjReportBook *tj_approval_speedup_book (TjDb       *db,
                                        int         year,
                                        const char *today,
                                        GError    **error);
gboolean tj_approval_write_ledger (TjDb       *db,
                                   int         year,
                                   const char *today,
                                   const char *path,
                                   GError    **error);
gboolean tj_approval_write_speedup (TjDb       *db,
                                    int         year,
                                    const char *today,
                                    const char *path,
                                    GError    **error);

G_END_DECLS
