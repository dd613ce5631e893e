/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-accountability.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-exit.h"
#include "tj-project-active.h"
#include "tj-settings.h"

void
tj_exit_candidate_free (TjExitCandidate *self)
{
  g_free (self->name);
  g_free (self->locality);
  g_free (self->planned_start);
  g_free (self->proposed);
  g_string_free (self->facts, TRUE);
  g_free (self);
}

char *
tj_exit_rules_text (guint rules)
{
  static const struct { guint rule; const char *label; } labels[] = {
    { TJ_EXIT_RED_THREE_MONTHS, N_("Red three months running") },
    { TJ_EXIT_NOT_STARTED, N_("Not started six months after the planned start") },
    { TJ_EXIT_NOT_CARRIED, N_("Not carried over from last year") },
    { TJ_EXIT_BY_HAND, N_("Proposed by hand") },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (rules & labels[i].rule)
      {
        if (text->len > 0)
          /* Translators: between the rules of one candidate: "连续三个月红灯；未结转" */
          g_string_append (text, C_ ("rules", "; "));
        g_string_append (text, _(labels[i].label));
      }
  return g_string_free (text, FALSE);
}

/* The candidate of project id, read and added to candidates the first time. */
static TjExitCandidate *
candidate_for (TjDb       *db,
               GHashTable *candidates,
               gint64      id,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TjExitCandidate *c = g_hash_table_lookup (candidates, &id);
  int rc;

  if (c != NULL)
    return c;
  stmt = tj_db_prepare (db,
                        "SELECT p.year, p.name, l.name, p.planned_start FROM projects p "
                        "LEFT JOIN units l ON l.id = p.locality_id WHERE p.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (tj_db_rows_done (db, rc, error))
        g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return NULL;
    }
  c = g_new0 (TjExitCandidate, 1);
  c->project_id = id;
  c->year = sqlite3_column_int (stmt, 0);
  c->name = tj_db_column_dup (stmt, 1);
  c->locality = tj_db_column_dup (stmt, 2);
  c->planned_start = tj_db_column_dup (stmt, 3);
  c->facts = g_string_new (NULL);
  g_hash_table_insert (candidates, &c->project_id, c);
  return c;
}

static void
add_fact (TjExitCandidate *c,
          guint            rule,
          const char      *fact)
{
  c->rules |= rule;
  if (c->facts->len > 0)
    g_string_append (c->facts, " ");
  g_string_append (c->facts, fact);
}

/* (a) Red in three consecutive monthly bulletins: the bulletins' own lights (tj_red_runs, the
 * rule the accountability list uses with two), the third month in year and over by as_of. */
static gboolean
add_red (TjDb       *db,
         int         year,
         const char *as_of,
         GHashTable *candidates,
         GError    **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  int first = year * 12;

  runs = tj_red_runs (db, first, MIN (first + 11, tj_month_index (as_of) - 1), 3, error);
  if (runs == NULL)
    return FALSE;
  for (guint i = 0; i < runs->len; i++)
    {
      TjRedRun *run = g_ptr_array_index (runs, i);
      TjExitCandidate *c = candidate_for (db, candidates, run->project_id, error);
      g_autofree char *months = NULL;
      g_autofree char *fact = NULL;

      if (c == NULL)
        return FALSE;
      months = tj_red_run_months_text (run->months);
      /* Translators: "2026年3月、4月、5月月通报连续红灯（共 3 个月）。" */
      fact = g_strdup_printf (g_dngettext (NULL, "Red in the bulletins of %1$s (%2$u month "
                                           "running).",
                                           "Red in the bulletins of %1$s (%2$u months "
                                           "running).",
                                           run->months->len),
                              months, run->months->len);
      add_fact (c, TJ_EXIT_RED_THREE_MONTHS, fact);
    }
  return TRUE;
}

/* (b) Not started six months after the planned start: a project of year's list with a planned
 * start month P and no actual start date is a candidate as of a date in month P + 6 or later,
 * i.e. from the first day of the sixth month after P (planned 2026-03: from 2026-09-01; on
 * 2026-08-31 not yet), month indexes compared (tj_month_index: year × 12 + month − 1). */
static gboolean
add_not_started (TjDb       *db,
                 int         year,
                 const char *as_of,
                 GHashTable *candidates,
                 GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int as_of_month = tj_month_index (as_of);
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.planned_start FROM projects p WHERE p.year = ?1 "
                        "AND p.planned_start IS NOT NULL AND p.planned_start <> '' "
                        "AND (p.actual_start IS NULL OR p.actual_start = '') ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *planned = (const char *) sqlite3_column_text (stmt, 1);
      int planned_month = tj_month_index (planned);
      g_autofree char *fact = NULL;
      TjExitCandidate *c;

      if (planned_month < 0 || as_of_month < planned_month + 6)
        continue;
      if ((c = candidate_for (db, candidates, sqlite3_column_int64 (stmt, 0), error)) == NULL)
        return FALSE;
      /* Translators: "计划开工 2026-03，截至 2026-09-01 未开工（已满 6 个月）。" */
      fact = g_strdup_printf (_("Planned to start in %1$s, not started as of %2$s (%3$d months "
                                "after)."),
                              planned, as_of, as_of_month - planned_month);
      add_fact (c, TJ_EXIT_NOT_STARTED, fact);
    }
  return tj_db_rows_done (db, rc, error);
}

/* (c) Not carried over: a project of the year before's list not finished (no actual completion)
 * that no project of year's list was carried over from (the carry-over action's carried_from)
 * and none of year's list bears the name of. */
static gboolean
add_not_carried (TjDb       *db,
                 int         year,
                 GHashTable *candidates,
                 GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT p.id FROM projects p WHERE p.year = ?1 - 1 "
                        "AND (p.actual_completion IS NULL OR p.actual_completion = '') "
                        "AND NOT EXISTS (SELECT 1 FROM projects n WHERE n.year = ?1 "
                        "AND (n.carried_from = p.id OR n.name = p.name)) ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *fact = NULL;
      TjExitCandidate *c = candidate_for (db, candidates, sqlite3_column_int64 (stmt, 0), error);

      if (c == NULL)
        return FALSE;
      /* Translators: "2025年度项目未竣工，未结转列入2026年度名单。" */
      fact = g_strdup_printf (_("On the list of %1$d, not finished, not carried over to %2$d."),
                              year - 1, year);
      add_fact (c, TJ_EXIT_NOT_CARRIED, fact);
    }
  return tj_db_rows_done (db, rc, error);
}

/* (d) By hand: the clerks' proposals up to as_of of projects of year's list (or the year
 * before's, as the rule (c) proposes them). */
static gboolean
add_by_hand (TjDb       *db,
             int         year,
             const char *as_of,
             GHashTable *candidates,
             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT x.project_id, x.date, x.reason FROM exit_proposals x "
                        "JOIN projects p ON p.id = x.project_id "
                        "WHERE p.year BETWEEN ?1 - 1 AND ?1 AND x.date <= ?2 "
                        "ORDER BY x.date, x.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *fact = NULL;
      TjExitCandidate *c = candidate_for (db, candidates, sqlite3_column_int64 (stmt, 0), error);

      if (c == NULL)
        return FALSE;
      if (c->proposed == NULL)
        c->proposed = tj_db_column_dup (stmt, 1);
      /* Translators: "2026-06-10 提出：业主资金链断裂。" */
      fact = g_strdup_printf (_("Proposed on %1$s: %2$s."), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
      add_fact (c, TJ_EXIT_BY_HAND, fact);
    }
  return tj_db_rows_done (db, rc, error);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const TjExitCandidate *x = *(const TjExitCandidate **) a;
  const TjExitCandidate *y = *(const TjExitCandidate **) b;
  int c;

  if ((c = g_utf8_collate (x->locality != NULL ? x->locality : "",
                           y->locality != NULL ? y->locality : "")) != 0)
    return c;
  if ((c = g_utf8_collate (x->name, y->name)) != 0)
    return c;
  return x->project_id < y->project_id ? -1 : x->project_id > y->project_id;
}

/* Whether project id has exited by as_of (its exit date on or before it). */
static gboolean
exited_by (TjDb       *db,
           gint64      id,
           const char *as_of,
           gboolean   *exited,
           GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db, "SELECT count(*) FROM project_exits x "
                            "WHERE x.project_id = ?1 AND x.exit_date <= ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *exited = sqlite3_column_int (stmt, 0) != 0;
      return TRUE;
    }
  return tj_db_rows_done (db, rc, error);
}

GPtrArray *
tj_exit_candidates (TjDb       *db,
                    int         year,
                    const char *as_of,
                    GError    **error)
{
  g_autoptr (GHashTable) candidates = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *date = NULL;
  GHashTableIter iter;
  TjExitCandidate *c;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (!tj_year_check (year, error) || (date = tj_date_parse (as_of, error)) == NULL)
    return NULL;
  candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                      (GDestroyNotify) tj_exit_candidate_free);
  if (!add_red (db, year, date, candidates, error) ||
      !add_not_started (db, year, date, candidates, error) ||
      !add_not_carried (db, year, candidates, error) ||
      !add_by_hand (db, year, date, candidates, error))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_exit_candidate_free);
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      gboolean exited = FALSE;

      if (!exited_by (db, c->project_id, date, &exited, error))
        return NULL;
      g_hash_table_iter_steal (&iter);
      if (exited)
        tj_exit_candidate_free (c);
      else
        g_ptr_array_add (list, c);
    }
  g_ptr_array_sort (list, compare_candidates);
  return g_steal_pointer (&list);
}

gboolean
tj_exit_propose (TjDb       *db,
                 gint64      project_id,
                 const char *date,
                 const char *reason,
                 GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if ((day = tj_date_parse (date, error)) == NULL)
    {
      g_prefix_error (error, _("Proposal date: "));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Reason: enter why the project should exit."));
      return FALSE;
    }
  if (!tj_db_begin (db, error))
    return FALSE;
  stmt = tj_db_prepare (db, "INSERT INTO exit_proposals (project_id, date, reason) "
                            "SELECT id, ?2, ?3 FROM projects WHERE id = ?1", error);
  if (stmt == NULL)
    {
      tj_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, why, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (!tj_db_rows_done (db, rc, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  if (sqlite3_changes (tj_db_get_handle (db)) == 0)
    {
      tj_db_rollback (db);
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return tj_db_commit (db, error);
}

/* The date the decision may not precede: the earliest proposal by hand or, with none, the
 * date: the project must then be a rule's candidate as of it. */
static gboolean
check_proposed (TjDb       *db,
                gint64      project_id,
                const char *date,
                GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autofree char *proposed = NULL;
  int year = 0;
  int rc;

  stmt = tj_db_prepare (db, "SELECT p.year, (SELECT min (x.date) FROM exit_proposals x "
                            "WHERE x.project_id = p.id), (SELECT e.exit_date FROM project_exits e "
                            "WHERE e.project_id = p.id) FROM projects p WHERE p.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (tj_db_rows_done (db, rc, error))
        g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("The project exited on %s already."),
                   (const char *) sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  year = sqlite3_column_int (stmt, 0);
  proposed = tj_db_column_dup (stmt, 1);
  if (proposed != NULL)
    {
      if (strcmp (date, proposed) < 0)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Decision date: %1$s is before the proposal of %2$s."), date, proposed);
          return FALSE;
        }
      return TRUE;
    }
  /* a project of the year before is proposed by rule (c) for the year after it */
  for (int y = year; y <= year + 1; y++)
    {
      if ((candidates = tj_exit_candidates (db, y, date, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < candidates->len; i++)
        if (((TjExitCandidate *) g_ptr_array_index (candidates, i))->project_id == project_id)
          return TRUE;
      g_clear_pointer (&candidates, g_ptr_array_unref);
    }
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("Decision date: the project was not proposed for exit by %s."), date);
  return FALSE;
}

gboolean
tj_exit_decide (TjDb       *db,
                gint64      project_id,
                const char *date,
                const char *document,
                gint64      land,
                const char *land_date,
                GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *land_day = NULL;
  g_autofree char *number = g_strstrip (g_strdup (document != NULL ? document : ""));
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if ((day = tj_date_parse (date, error)) == NULL)
    {
      g_prefix_error (error, _("Decision date: "));
      return FALSE;
    }
  if (*number == '\0')
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Document number: enter the number of the government's decision."));
      return FALSE;
    }
  if (land < -1)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Land recovered: it cannot be negative."));
      return FALSE;
    }
  if (land >= 0)
    {
      if (land_date == NULL || *land_date == '\0')
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Land recovered on: enter the date the land was recovered."));
          return FALSE;
        }
      if ((land_day = tj_date_parse (land_date, error)) == NULL)
        {
          g_prefix_error (error, _("Land recovered on: "));
          return FALSE;
        }
    }
  if (!tj_db_begin (db, error))
    return FALSE;
  if (!check_proposed (db, project_id, day, error) ||
      (stmt = tj_db_prepare (db, "INSERT INTO project_exits (project_id, exit_date, "
                                 "exit_document, exit_land, exit_land_date) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error)) == NULL)
    {
      tj_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_STATIC);
  if (land >= 0)
    sqlite3_bind_int64 (stmt, 4, land);
  sqlite3_bind_text (stmt, 5, land_day, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (!tj_db_rows_done (db, rc, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return tj_db_commit (db, error);
}

enum
{
  COLUMN_NUMBER,
  COLUMN_LOCALITY,
  COLUMN_PROJECT,
  COLUMN_YEAR,
  COLUMN_PLANNED_START,
  COLUMN_RULES,
  COLUMN_FACTS,
  COLUMN_PROPOSED,
};

TjReportBook *
tj_exit_book (TjDb       *db,
              int         year,
              const char *as_of,
              GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  TjReport *report;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if ((candidates = tj_exit_candidates (db, year, as_of, error)) == NULL)
    return NULL;
  org = tj_settings_organisation (db);
  /* Translators: "登封市2026年重点项目退出建议名单" */
  title = g_strdup_printf (_("%1$s %2$d Key Projects Proposed for Exit"), org, year);
  /* Translators: "（截至 2026-09-30，报请市政府研究）" */
  subtitle = g_strdup_printf (_("(as of %s, for the government's decision)"), as_of);
  book = tj_report_book_new (org);
  report = tj_report_new (C_ ("exits sheet", "Exit proposals"), title);
  tj_report_set_subtitle (report, subtitle);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Locality"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, _("Project name"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, _("List of year"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Planned start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, _("Grounds"), TJ_REPORT_TEXT, 20);
  tj_report_add_column (report, _("Facts"), TJ_REPORT_TEXT, 50);
  tj_report_add_column (report, _("Proposed by hand on"), TJ_REPORT_DATE, 0);
  for (guint i = 0; i < candidates->len; i++)
    {
      TjExitCandidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *rules = tj_exit_rules_text (c->rules);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, COLUMN_NUMBER, i + 1);
      tj_report_set_text (report, row, COLUMN_LOCALITY, c->locality);
      tj_report_set_text (report, row, COLUMN_PROJECT, c->name);
      tj_report_set_integer (report, row, COLUMN_YEAR, c->year);
      tj_report_set_date (report, row, COLUMN_PLANNED_START, c->planned_start);
      tj_report_set_text (report, row, COLUMN_RULES, rules);
      tj_report_set_text (report, row, COLUMN_FACTS, c->facts->str);
      tj_report_set_date (report, row, COLUMN_PROPOSED, c->proposed);
    }
  tj_report_add_note (report, _("Grounds (policy 12): red in three consecutive monthly bulletins; "
                                "not started six months after the planned start; on last year's "
                                "list, not finished and not carried over; proposed by the office."));
  tj_report_book_add (book, report);
  return g_steal_pointer (&book);
}

gboolean
tj_exit_write (TjDb       *db,
               int         year,
               const char *as_of,
               const char *path,
               GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_exit_book (db, year, as_of, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
