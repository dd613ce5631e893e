/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"

G_BEGIN_DECLS

#define TJ_TYPE_MONTH_ROW (tj_month_row_get_type ())
G_DECLARE_FINAL_TYPE (TjMonthRow, tj_month_row, TJ, MONTH_ROW, GObject)

/* One project in one month of its key-list year (月报): what the month reported and the sums
 * around it. Money in yuan. */
struct _TjMonthRow
{
  GObject parent_instance;
  gint64 project_id;
  char *project_name;
  char *locality_name;
  int year;
  int month;               /* 1..12 */
  gint64 annual_plan;      /* 年度计划投资 */
  gint64 previous;         /* 1—(N−1)月累计: the completed investment of the months before */
  gint64 completed;        /* 当月完成; 0 when the month is not reported */
  gboolean reported;       /* a report exists for this month */
  gint64 cumulative;       /* 1—N月累计 = previous + completed */
  char *progress;          /* 形象进度 */
  char *problems;          /* 存在问题 */
  char *next_steps;        /* 下步计划 */
  char *actual_start;      /* the project's, YYYY-MM-DD */
  char *actual_completion; /* the project's, YYYY-MM-DD */
};

double tj_month_row_get_rate (TjMonthRow *self);

GPtrArray *tj_progress_list_month (TjDb    *db,
                                   int      year,
                                   int      month,
                                   GError **error);
GPtrArray *tj_progress_list_project (TjDb    *db,
                                     gint64   project_id,
                                     GError **error);
gint64 tj_progress_cumulative (TjDb   *db,
                               gint64  project_id,
                               int     month);

GPtrArray *tj_progress_validate (TjDb       *db,
                                 gint64      project_id,
                                 int         month,
                                 gint64      completed,
                                 const char *actual_start,
                                 const char *actual_completion);
gboolean tj_progress_write (TjDb       *db,
                            gint64      project_id,
                            int         month,
                            gint64      completed,
                            const char *progress,
                            const char *problems,
                            const char *next_steps,
                            GError    **error);
gboolean tj_progress_save (TjDb       *db,
                           gint64      project_id,
                           int         month,
                           gint64      completed,
                           const char *progress,
                           const char *problems,
                           const char *next_steps,
                           const char *actual_start,
                           const char *actual_completion,
                           GError    **error);
gboolean tj_progress_save_texts (TjDb       *db,
                                 gint64      project_id,
                                 int         month,
                                 const char *progress,
                                 const char *problems,
                                 const char *next_steps,
                                 const char *actual_start,
                                 GError    **error);
char *tj_progress_note_problem (gboolean reported,
                                gboolean has_figure,
                                gboolean has_texts);
char *tj_progress_note_kept (gboolean reported,
                             gboolean has_texts);
gboolean tj_progress_delete (TjDb    *db,
                             gint64   project_id,
                             int      month,
                             GError **error);

gboolean tj_progress_file_month (const char *path,
                                int        *month,
                                GError    **error);
gboolean tj_progress_import (TjDb            *db,
                             const char      *path,
                             int              year,
                             int              month,
                             gboolean         dry_run,
                             TjImportResult **result,
                             GError         **error);

G_END_DECLS
