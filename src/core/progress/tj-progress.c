/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-progress"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-error.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-problem.h"
#include "tj-progress-private.h"
#include "tj-project-active.h"

G_DEFINE_FINAL_TYPE (TjMonthRow, tj_month_row, G_TYPE_OBJECT)

#define UPDATED_NOW "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"

/* The sum of the months before `month`, saturating. */
gint64
tj_progress_sum_before (const gint64 completed[13],
                        int          month)
{
  gint64 sum = 0;

  for (int m = 1; m < month; m++)
    sum = tj_money_add_saturating (sum, completed[m]);
  return sum;
}

/* A negative month corrects an earlier one, but no cumulative may fall below 0. Returns the
 * first month from `from` on whose cumulative would, with that cumulative; 0 when none. Earlier
 * months are not judged: a change of month N does not move them. */
int
tj_progress_first_negative_cumulative (const gint64 completed[13],
                                       int          from,
                                       gint64      *cumulative)
{
  gint64 sum = tj_progress_sum_before (completed, from);

  for (int m = from; m <= 12; m++)
    {
      sum = tj_money_add_saturating (sum, completed[m]);
      if (sum < 0)
        {
          *cumulative = sum;
          return m;
        }
    }
  return 0;
}

/* Why a cumulative may not go below 0, naming the month and the sum. */
char *
tj_progress_negative_cumulative_message (int    month,
                                         gint64 cumulative)
{
  g_autofree char *wan = tj_money_format_wan (cumulative, 4, FALSE);

  return g_strdup_printf (_("The cumulative for months 1–%d would be %s (10,000 yuan): it "
                            "cannot be below 0."),
                          month, wan);
}

/* The stored reports of one project by month. */
static gboolean
load_months (TjDb    *db,
             gint64   project_id,
             gint64   completed[13],
             GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  memset (completed, 0, 13 * sizeof (gint64));
  stmt = tj_db_prepare_cached (db,
                               "SELECT month, completed FROM monthly_reports WHERE project_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    completed[sqlite3_column_int (stmt, 0)] = sqlite3_column_int64 (stmt, 1);
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  return TRUE;
}

/* Sets the project's actual start and completion where given and different; *changed tells
 * whether the record changed. Inside the caller's transaction. */
gboolean
tj_progress_set_actual_dates (TjDb       *db,
                              gint64      project_id,
                              const char *actual_start,
                              const char *actual_completion,
                              gboolean   *changed,
                              GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  *changed = FALSE;
  if (tj_progress_is_blank (actual_start) && tj_progress_is_blank (actual_completion))
    return TRUE;
  stmt = tj_db_prepare_cached (db,
                               "UPDATE projects SET actual_start = coalesce (?2, actual_start), "
                               "actual_completion = coalesce (?3, actual_completion), "
                               "updated = " UPDATED_NOW " WHERE id = ?1 AND "
                               "(actual_start IS NOT coalesce (?2, actual_start) OR "
                               "actual_completion IS NOT coalesce (?3, actual_completion))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  tj_db_bind_text_or_null (stmt, 2, actual_start);
  tj_db_bind_text_or_null (stmt, 3, actual_completion);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  *changed = sqlite3_changes (tj_db_get_handle (db)) > 0;
  return TRUE;
}

static void
tj_month_row_finalize (GObject *object)
{
  TjMonthRow *self = TJ_MONTH_ROW (object);

  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->progress);
  g_free (self->problems);
  g_free (self->next_steps);
  g_free (self->actual_start);
  g_free (self->actual_completion);
  G_OBJECT_CLASS (tj_month_row_parent_class)->finalize (object);
}

static void
tj_month_row_class_init (TjMonthRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_month_row_finalize;
}

static void
tj_month_row_init (TjMonthRow *self)
{
}

/* 投资完成率: the cumulative 1—N over the annual plan; -1 when the project has no plan. */
double
tj_month_row_get_rate (TjMonthRow *self)
{
  g_return_val_if_fail (TJ_IS_MONTH_ROW (self), -1);

  if (self->annual_plan <= 0)
    return -1;
  return (double) self->cumulative / (double) self->annual_plan;
}

/* One row per project of the year's list, in the order of the register, reported this month
 * or not: the progress page's 150 rows, or a benchmark's 10 000, in one query. */
GPtrArray *
tj_progress_list_month (TjDb    *db,
                        int      year,
                        int      month,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* The months before are summed through the (project_id, month) index; "+p.year" keeps SQLite
   * walking projects in id order rather than by the (year, name) index and then sorting: 10 000
   * projects with 12 months each take about 40 ms. */
  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, l.name, p.annual_plan, "
                        "(SELECT coalesce (sum (m.completed), 0) FROM monthly_reports m "
                        " WHERE m.project_id = p.id AND m.month < ?2), "
                        "r.id IS NOT NULL, coalesce (r.completed, 0), "
                        "iif (r.id IS NULL, n.progress, r.progress), "
                        "iif (r.id IS NULL, n.problems, r.problems), "
                        "iif (r.id IS NULL, n.next_steps, r.next_steps), "
                        "p.actual_start, p.actual_completion "
                        "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ?2 "
                        "LEFT JOIN monthly_notes n ON n.project_id = p.id AND n.month = ?2 "
                        "WHERE +p.year = ?1 AND " TJ_PROJECT_ACTIVE_IN_MONTH ("?1", "?2") " "
                        "ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMonthRow *row = g_object_new (TJ_TYPE_MONTH_ROW, NULL);
      int c = 0;

      row->project_id = sqlite3_column_int64 (stmt, c++);
      row->project_name = tj_db_column_dup (stmt, c++);
      row->locality_name = tj_db_column_dup (stmt, c++);
      row->year = year;
      row->month = month;
      row->annual_plan = sqlite3_column_int64 (stmt, c++);
      row->previous = sqlite3_column_int64 (stmt, c++);
      row->reported = sqlite3_column_int (stmt, c++);
      row->completed = sqlite3_column_int64 (stmt, c++);
      row->cumulative = row->previous + row->completed;
      row->progress = tj_db_column_dup (stmt, c++);
      row->problems = tj_db_column_dup (stmt, c++);
      row->next_steps = tj_db_column_dup (stmt, c++);
      row->actual_start = tj_db_column_dup (stmt, c++);
      row->actual_completion = tj_db_column_dup (stmt, c++);
      g_ptr_array_add (rows, row);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* A project's twelve months, reported or not, with the cumulative after each. */
GPtrArray *
tj_progress_list_project (TjDb    *db,
                          gint64   project_id,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) project = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 cumulative = 0;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  project = tj_db_prepare (db,
                           "SELECT p.name, l.name, p.year, p.annual_plan, p.actual_start, "
                           "p.actual_completion FROM projects p "
                           "LEFT JOIN units l ON l.id = p.locality_id WHERE p.id = ?",
                           error);
  if (project == NULL)
    return NULL;
  sqlite3_bind_int64 (project, 1, project_id);
  if (sqlite3_step (project) != SQLITE_ROW)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return NULL;
    }
  for (int month = 1; month <= 12; month++)
    {
      TjMonthRow *row = g_object_new (TJ_TYPE_MONTH_ROW, NULL);

      row->project_id = project_id;
      row->project_name = tj_db_column_dup (project, 0);
      row->locality_name = tj_db_column_dup (project, 1);
      row->year = sqlite3_column_int (project, 2);
      row->month = month;
      row->annual_plan = sqlite3_column_int64 (project, 3);
      row->actual_start = tj_db_column_dup (project, 4);
      row->actual_completion = tj_db_column_dup (project, 5);
      g_ptr_array_add (rows, row);
    }

  /* the reports, and the notes of months without one */
  stmt = tj_db_prepare (db,
                        "SELECT month, completed, progress, problems, next_steps, 1 "
                        "FROM monthly_reports WHERE project_id = ?1 UNION ALL "
                        "SELECT month, 0, progress, problems, next_steps, 0 "
                        "FROM monthly_notes n WHERE project_id = ?1 AND NOT EXISTS "
                        "(SELECT 1 FROM monthly_reports r WHERE r.project_id = ?1 "
                        "AND r.month = n.month)",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMonthRow *row = g_ptr_array_index (rows, sqlite3_column_int (stmt, 0) - 1);

      row->reported = sqlite3_column_int (stmt, 5);
      row->completed = sqlite3_column_int64 (stmt, 1);
      row->progress = tj_db_column_dup (stmt, 2);
      row->problems = tj_db_column_dup (stmt, 3);
      row->next_steps = tj_db_column_dup (stmt, 4);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      TjMonthRow *row = g_ptr_array_index (rows, i);

      row->previous = cumulative;
      cumulative += row->completed;
      row->cumulative = cumulative;
    }
  return g_steal_pointer (&rows);
}

/* 1—N月累计 of one project; 0 when the database fails. */
gint64
tj_progress_cumulative (TjDb   *db,
                        gint64  project_id,
                        int     month)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), 0);

  stmt = tj_db_prepare_cached (db,
                               "SELECT coalesce (sum (completed), 0) FROM monthly_reports "
                               "WHERE project_id = ? AND month <= ?",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Every rule of one month's report (推进机制 (九): the DRC's monthly statistics); the messages
 * name the field ("month", "completed", "actual_start", "actual_completion"). Dates may be NULL:
 * unchanged. A negative month is a correction the caller has confirmed (推进机制 (十): figures
 * found overstated are taken back); it may not take a cumulative below 0. */
GPtrArray *
tj_progress_validate (TjDb       *db,
                      gint64      project_id,
                      int         month,
                      gint64      completed,
                      const char *actual_start,
                      const char *actual_completion)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *start = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *stored_start = NULL;
  g_autofree char *stored_completion = NULL;
  gint64 months[13];
  gint64 negative = 0;
  int below;

  g_return_val_if_fail (TJ_IS_DB (db), problems);

  stmt = tj_db_prepare (db, "SELECT actual_start, actual_completion FROM projects WHERE id = ?",
                        &local);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
          return problems;
        }
      stored_start = tj_db_column_dup (stmt, 0);
      stored_completion = tj_db_column_dup (stmt, 1);
    }
  if (local != NULL)
    {
      tj_problems_add (problems, "project_id", "%s", local->message);
      return problems;
    }

  if (month < 1 || month > 12)
    tj_problems_add (problems, "month", "%s", _("The month must be between 1 and 12."));
  if (!tj_progress_is_blank (actual_start) && (start = tj_date_parse (actual_start, &local)) == NULL)
    tj_problems_add (problems, "actual_start", "%s", local->message);
  g_clear_error (&local);
  if (!tj_progress_is_blank (actual_completion) &&
      (completion = tj_date_parse (actual_completion, &local)) == NULL)
    tj_problems_add (problems, "actual_completion", "%s", local->message);
  g_clear_error (&local);
  if (tj_progress_is_blank (actual_start) && stored_start != NULL)
    start = g_steal_pointer (&stored_start);
  if (tj_progress_is_blank (actual_completion) && stored_completion != NULL)
    completion = g_steal_pointer (&stored_completion);
  if (start != NULL && completion != NULL && strcmp (completion, start) < 0)
    tj_problems_add (problems, !tj_progress_is_blank (actual_completion) ? "actual_completion" : "actual_start",
                     "%s", _("The actual completion cannot be before the actual start."));

  /* An amount beyond the bound is not summed with the other months. */
  if (!tj_limits_check_amount (problems, "completed", _("Completed this month"), completed,
                               tj_limits_max_amount (db)))
    return problems;
  if (month >= 1 && month <= 12)
    {
      if (!load_months (db, project_id, months, &local))
        {
          tj_problems_add (problems, "completed", "%s", local->message);
          return problems;
        }
      months[month] = completed;
      below = tj_progress_first_negative_cumulative (months, month, &negative);
      if (below != 0)
        {
          g_autofree char *message = tj_progress_negative_cumulative_message (below, negative);

          tj_problems_add (problems, "completed", "%s", message);
        }
    }
  return problems;
}

/* Writes one month's report inside the caller's transaction, which has validated it: inserts
 * it, or updates the month's report when anything differs (an unchanged report leaves no line
 * in the audit log). A note kept for the month (tj_progress_write_note) goes with the report: a
 * text not given (NULL) is the note's, and the note row is removed. */
gboolean
tj_progress_write (TjDb       *db,
                   gint64      project_id,
                   int         month,
                   gint64      completed,
                   const char *progress,
                   const char *problems,
                   const char *next_steps,
                   GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autoptr (TjCachedStmt) note = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  stmt = tj_db_prepare_cached (
    db,
    "INSERT INTO monthly_reports (project_id, month, completed, progress, problems, next_steps) "
    "SELECT ?1, ?2, ?3, coalesce (?4, n.progress), coalesce (?5, n.problems), "
    "coalesce (?6, n.next_steps) FROM (SELECT 1) LEFT JOIN monthly_notes n "
    "ON n.project_id = ?1 AND n.month = ?2 WHERE true ON CONFLICT (project_id, month) DO UPDATE SET "
    "completed = excluded.completed, progress = excluded.progress, "
    "problems = excluded.problems, next_steps = excluded.next_steps, updated = " UPDATED_NOW " "
    "WHERE monthly_reports.completed IS NOT excluded.completed OR "
    "monthly_reports.progress IS NOT excluded.progress OR "
    "monthly_reports.problems IS NOT excluded.problems OR "
    "monthly_reports.next_steps IS NOT excluded.next_steps",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, completed);
  tj_db_bind_text_or_null (stmt, 4, progress);
  tj_db_bind_text_or_null (stmt, 5, problems);
  tj_db_bind_text_or_null (stmt, 6, next_steps);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  note = tj_db_prepare_cached (db, "DELETE FROM monthly_notes WHERE project_id = ? AND month = ?",
                               error);
  if (note == NULL)
    return FALSE;
  sqlite3_bind_int64 (note, 1, project_id);
  sqlite3_bind_int (note, 2, month);
  return tj_db_step_done (db, note, error);
}

/* Keeps the texts of a month without a report as its note, inside the caller's transaction: the
 * month stays unreported. No text left removes the note. */
static gboolean
write_note (TjDb       *db,
            gint64      project_id,
            int         month,
            const char *progress,
            const char *problems,
            const char *next_steps,
            GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  gboolean empty = tj_progress_is_blank (progress) && tj_progress_is_blank (problems) &&
                   tj_progress_is_blank (next_steps);

  if (empty)
    stmt = tj_db_prepare_cached (db,
                                 "DELETE FROM monthly_notes WHERE project_id = ?1 AND month = ?2",
                                 error);
  else
    stmt = tj_db_prepare_cached (
      db,
      "INSERT INTO monthly_notes (project_id, month, progress, problems, next_steps) "
      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (project_id, month) DO UPDATE SET "
      "progress = excluded.progress, problems = excluded.problems, "
      "next_steps = excluded.next_steps, updated = " UPDATED_NOW " "
      "WHERE monthly_notes.progress IS NOT excluded.progress OR "
      "monthly_notes.problems IS NOT excluded.problems OR "
      "monthly_notes.next_steps IS NOT excluded.next_steps",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  if (!empty)
    {
      tj_db_bind_text_or_null (stmt, 3, tj_progress_is_blank (progress) ? NULL : progress);
      tj_db_bind_text_or_null (stmt, 4, tj_progress_is_blank (problems) ? NULL : problems);
      tj_db_bind_text_or_null (stmt, 5, tj_progress_is_blank (next_steps) ? NULL : next_steps);
    }
  return tj_db_step_done (db, stmt, error);
}

/* A report is its figure (当月完成): texts without one (形象进度, 存在问题, 下步计划) are a note.
 * A note does not make the month reported, and no report of 0 is written for it: the month
 * stays 未报 and the bulletin does not count it. The message when texts come without a figure
 * for a month that has no report; NULL when they may be written. */
char *
tj_progress_note_problem (gboolean reported,
                          gboolean has_figure,
                          gboolean has_texts)
{
  if (reported || has_figure || !has_texts)
    return NULL;
  return g_strdup (_("Completed this month: not reported yet. A note is saved with the month’s "
                     "figure; until then the month stays unreported."));
}

/* What a kept note is, for the cell that shows one: NULL when the month is reported or has no
 * texts. */
char *
tj_progress_note_kept (gboolean reported,
                       gboolean has_texts)
{
  if (reported || !has_texts)
    return NULL;
  return g_strdup (_("Kept as a note: the month has no figure (completed this month), so it stays "
                     "unreported and the bulletin does not count it. The note goes with the "
                     "month’s report when the figure is typed."));
}

static gboolean
month_reported (TjDb     *db,
                gint64    project_id,
                int       month,
                gboolean *reported,
                GError  **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare_cached (db,
                               "SELECT 1 FROM monthly_reports WHERE project_id = ? AND month = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  *reported = rc == SQLITE_ROW;
  return TRUE;
}

/* Saves one project's month in one transaction: the report, and the project's actual start and
 * completion where given (NULL: unchanged) and different. keep_figure: the month keeps the
 * figure it has, and the texts of a month without a report are kept as its note. */
static gboolean
save_month (TjDb       *db,
            gint64      project_id,
            int         month,
            gboolean    keep_figure,
            gint64      completed,
            const char *progress,
            const char *problems,
            const char *next_steps,
            const char *actual_start,
            const char *actual_completion,
            GError    **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *start = NULL;
  g_autofree char *completion = NULL;
  gboolean dates_changed = FALSE;
  gboolean write_report = TRUE;

  if (!tj_db_begin (db, error))
    return FALSE;
  if (keep_figure && month >= 1 && month <= 12)
    {
      gint64 months[13];
      gboolean reported = FALSE;

      if (!month_reported (db, project_id, month, &reported, error) ||
          !load_months (db, project_id, months, error))
        goto fail;
      completed = months[month];
      write_report = reported;
    }
  /* Judged inside the transaction: the months it sums cannot change before the write. */
  found = tj_progress_validate (db, project_id, month, completed, actual_start, actual_completion);
  tj_limits_check_text (found, "progress", _("Visual Progress"), progress);
  tj_limits_check_text (found, "problems", _("Problems"), problems);
  tj_limits_check_text (found, "next_steps", _("Next Steps"), next_steps);
  if (!tj_problems_to_error (found, error))
    goto fail;
  if (!tj_progress_is_blank (actual_start))
    start = tj_date_parse (actual_start, NULL);
  if (!tj_progress_is_blank (actual_completion))
    completion = tj_date_parse (actual_completion, NULL);
  if ((write_report && !tj_progress_write (db, project_id, month, completed, progress, problems,
                                           next_steps, error)) ||
      (!write_report && !write_note (db, project_id, month, progress, problems, next_steps,
                                     error)) ||
      !tj_progress_set_actual_dates (db, project_id, start, completion, &dates_changed, error) ||
      !tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}

/* Saves one project's month (the progress page's row) in one transaction: the report with its
 * figure, and the project's actual start and completion where given (NULL: unchanged) and
 * different. */
gboolean
tj_progress_save (TjDb       *db,
                  gint64      project_id,
                  int         month,
                  gint64      completed,
                  const char *progress,
                  const char *problems,
                  const char *next_steps,
                  const char *actual_start,
                  const char *actual_completion,
                  GError    **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  return save_month (db, project_id, month, FALSE, completed, progress, problems, next_steps,
                     actual_start, actual_completion, error);
}

/* Saves the texts of one project's month and the project's actual start (NULL: unchanged),
 * keeping the month's figure, in one transaction. Texts for a month without a report are its
 * note (monthly_notes): kept, the month stays unreported and the bulletin does not count it,
 * until the month's figure comes and takes them into its report; a date alone is the
 * project's and is saved without making the month reported. */
gboolean
tj_progress_save_texts (TjDb       *db,
                        gint64      project_id,
                        int         month,
                        const char *progress,
                        const char *problems,
                        const char *next_steps,
                        const char *actual_start,
                        GError    **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  return save_month (db, project_id, month, TRUE, 0, progress, problems, next_steps,
                     actual_start, NULL, error);
}

/* Un-reports a month. Refused when a later correction would then leave a cumulative below 0. */
gboolean
tj_progress_delete (TjDb    *db,
                    gint64   project_id,
                    int      month,
                    GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  gint64 months[13];
  gint64 negative = 0;
  int below;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (month < 1 || month > 12)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s",
                   _("The month must be between 1 and 12."));
      return FALSE;
    }
  if (!tj_db_begin (db, error))
    return FALSE;
  if (!load_months (db, project_id, months, error))
    goto fail;
  months[month] = 0;
  below = tj_progress_first_negative_cumulative (months, month, &negative);
  if (below != 0)
    {
      g_autofree char *message = tj_progress_negative_cumulative_message (below, negative);

      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s", message);
      goto fail;
    }
  stmt = tj_db_prepare_cached (db, "DELETE FROM monthly_reports WHERE project_id = ? AND month = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  if (!tj_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, tj_db_release);
  if (!tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}
