/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-statistics"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-error.h"
#include "tj-field.h"
#include "tj-money.h"
#include "tj-problem.h"
#include "tj-project-active.h"
#include "tj-project.h"
#include "tj-settings.h"
#include "tj-statistics-entry.h"

/* 统计入库 (issue 10, policy 八): 应入尽入. */

gboolean
tj_statistics_threshold (TjDb    *db,
                         gint64  *yuan,
                         GError **error)
{
  TjRankingSettings settings;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  /* one setting for the entry list and the ranking's statistics indicator (Preferences → 排名) */
  if (!tj_settings_read_ranking (db, &settings, error))
    return FALSE;
  *yuan = (gint64) settings.threshold_wan * 10000;
  return TRUE;
}

TjStatisticsFollowup *
tj_statistics_followup_new (gint64      project_id,
                            const char *date,
                            const char *note,
                            const char *by_whom)
{
  TjStatisticsFollowup *self = g_new0 (TjStatisticsFollowup, 1);

  self->project_id = project_id;
  self->date = g_strdup (date);
  self->note = g_strdup (note);
  self->by_whom = g_strdup (by_whom);
  return self;
}

TjStatisticsFollowup *
tj_statistics_followup_copy (const TjStatisticsFollowup *self)
{
  TjStatisticsFollowup *copy = tj_statistics_followup_new (self->project_id, self->date,
                                                           self->note, self->by_whom);

  copy->id = self->id;
  return copy;
}

void
tj_statistics_followup_free (TjStatisticsFollowup *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->note);
  g_free (self->by_whom);
  g_free (self);
}

void
tj_statistics_followup_validate (TjStatisticsFollowup *self,
                                 GPtrArray            *problems)
{
  if (tj_field_tidy_date (problems, "date", _("Follow-up date"), &self->date) &&
      self->date == NULL)
    tj_problems_add (problems, "date", _("The follow-up date is required."));
  tj_field_tidy_text (&self->note);
  tj_field_tidy_text (&self->by_whom);
  if (self->note == NULL)
    tj_problems_add (problems, "note", _("What was done to follow up is required."));
}

TjDeletion *
tj_statistics_followup_delete_undoable (TjDb    *db,
                                        gint64   id,
                                        GError **error)
{
  static const char *const tables[] = { "statistics_followups", NULL };

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  return tj_delete_undoable (db, tables, "DELETE FROM statistics_followups WHERE id = ?", id,
                             _("The follow-up no longer exists."),
                             _("The follow-up cannot be put back: its project has been deleted "
                               "since. Nothing was changed."),
                             error);
}

static gboolean
write_followup (TjDb     *db,
                gpointer  record,
                GError  **error)
{
  TjStatisticsFollowup *self = record;
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  sqlite3_stmt *stmt;
  int c = 1;

  tj_statistics_followup_validate (self, problems);
  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (self->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO statistics_followups (project_id, date, note, "
                                 "by_whom) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE statistics_followups SET project_id = ?1, date = ?2, "
                                 "note = ?3, by_whom = ?4, updated = strftime "
                                 "('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, self->project_id);
  sqlite3_bind_text (stmt, c++, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, self->note, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, c++, self->by_whom);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, c++, self->id);
  return tj_db_step_record (db, stmt, &self->id, error);
}

/* Validated, then written inside the caller's transaction (the demo's fill). */
gboolean
tj_statistics_followup_write (TjDb                 *db,
                              TjStatisticsFollowup *self,
                              GError              **error)
{
  return write_followup (db, self, error);
}

gboolean
tj_statistics_followup_save (TjDb                 *db,
                             TjStatisticsFollowup *self,
                             GError              **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  return tj_db_save_record (db, write_followup, self, error);
}

/* A project's follow-ups by date; an error never reads as none. */
GPtrArray *
tj_statistics_followups_load (TjDb    *db,
                              gint64   project_id,
                              GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tj_statistics_followup_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT id, date, note, by_whom FROM statistics_followups "
                        "WHERE project_id = ? ORDER BY date, id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjStatisticsFollowup *followup =
        tj_statistics_followup_new (project_id, (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2),
                                    (const char *) sqlite3_column_text (stmt, 3));

      followup->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (list, followup);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
tj_statistics_followup_add (TjDb       *db,
                            int         year,
                            const char *project,
                            const char *date,
                            const char *note,
                            const char *by_whom,
                            GError    **error)
{
  g_autoptr (TjStatisticsFollowup) followup = NULL;
  gint64 id;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!tj_year_check (year, error))
    return FALSE;
  if ((id = tj_project_find (db, year, project)) == 0)
    {
      g_autofree char *message = tj_project_unknown_message (db, year, project, error);

      if (message == NULL)
        return FALSE;
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, message);
      return FALSE;
    }
  followup = tj_statistics_followup_new (id, date, note, by_whom);
  return tj_statistics_followup_save (db, followup, error);
}

void
tj_statistics_rate_free (TjStatisticsRate *self)
{
  if (self == NULL)
    return;
  g_free (self->locality);
  g_free (self);
}

/* The condition, as SQL over projects p with the threshold as ?1. */
#define MEETS "(p.actual_start IS NOT NULL AND p.total_investment >= ?1)"

GPtrArray *
tj_statistics_rates (TjDb    *db,
                     int      year,
                     GError **error)
{
  g_autoptr (GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_statistics_rate_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 threshold;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (!tj_year_check (year, error) || !tj_statistics_threshold (db, &threshold, error))
    return NULL;
  stmt = tj_db_prepare (db,
                        "SELECT l.name, SUM (" MEETS "), "
                        "SUM (" MEETS " AND p.stats_date IS NOT NULL) "
                        "FROM projects p JOIN units l ON l.id = p.locality_id WHERE p.year = ?2 "
                        "AND " TJ_PROJECT_ACTIVE_TODAY " GROUP BY l.id ORDER BY l.sort_order, l.name",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, threshold);
  sqlite3_bind_int (stmt, 2, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjStatisticsRate *rate = g_new0 (TjStatisticsRate, 1);

      rate->locality = tj_db_column_dup (stmt, 0);
      rate->meeting = sqlite3_column_int (stmt, 1);
      rate->entered = sqlite3_column_int (stmt, 2);
      rate->rate = rate->meeting > 0 ? (double) rate->entered / rate->meeting : 0;
      g_ptr_array_add (rates, rate);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&rates);
}

enum
{
  COLUMN_NUMBER,
  COLUMN_LOCALITY,
  COLUMN_PROJECT,
  COLUMN_OWNER,
  COLUMN_TOTAL,
  COLUMN_START,
  COLUMN_LAST, /* 缺少的入库条件, or 跟进日期 */
  COLUMN_FOLLOWUPS,
};

static TjReport *
new_list (const char *sheet,
          const char *title,
          const char *subtitle,
          gboolean    meeting)
{
  TjReport *report = tj_report_new (sheet, title);

  tj_report_set_subtitle (report, subtitle);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Locality"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, _("Project name"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, _("Owner"), TJ_REPORT_TEXT, 20);
  tj_report_add_column (report, _("Total investment"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, _("Actual start"), TJ_REPORT_DATE, 0);
  if (meeting)
    {
      tj_report_add_column (report, _("Last follow-up"), TJ_REPORT_DATE, 0);
      tj_report_add_column (report, _("Follow-ups"), TJ_REPORT_TEXT, 40);
    }
  else
    tj_report_add_column (report, _("Missing conditions"), TJ_REPORT_TEXT, 30);
  report->frozen_columns = COLUMN_PROJECT + 1;
  return report;
}

/* "未开工；总投资不足500万元" */
static char *
missing_conditions (gboolean started,
                    gint64   total,
                    gint64   threshold)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (!started)
    g_string_append (text, _("not started (no actual start date)"));
  if (total < threshold)
    {
      g_autofree char *wan = tj_money_format_wan_short (threshold);

      if (text->len > 0)
        g_string_append (text, _("; "));
      /* Translators: "总投资不足500万元" */
      g_string_append_printf (text, _("total investment below %s (10k yuan)"), wan);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_projects (TjDb      *db,
              int        year,
              gint64     threshold,
              TjReport  *meeting,
              TjReport  *other,
              GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_meeting = 0, n_other = 0;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT l.name, p.name, p.owner, p.total_investment, p.actual_start, "
                        MEETS ", (SELECT MAX (f.date) FROM statistics_followups f "
                        "WHERE f.project_id = p.id), (SELECT group_concat (f.date || ' ' || "
                        "f.note || IFNULL ('（' || f.by_whom || '）', ''), '；') FROM "
                        "(SELECT * FROM statistics_followups ORDER BY date, id) f "
                        "WHERE f.project_id = p.id) FROM projects p JOIN units l "
                        "ON l.id = p.locality_id WHERE p.year = ?2 AND p.stats_date IS NULL AND "
                        TJ_PROJECT_ACTIVE_TODAY " "
                        "ORDER BY l.sort_order, l.name, p.name",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, threshold);
  sqlite3_bind_int (stmt, 2, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean meets = sqlite3_column_int (stmt, 5) != 0;
      TjReport *report = meets ? meeting : other;
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, COLUMN_NUMBER, meets ? ++n_meeting : ++n_other);
      tj_report_set_text (report, row, COLUMN_LOCALITY,
                          (const char *) sqlite3_column_text (stmt, 0));
      tj_report_set_text (report, row, COLUMN_PROJECT,
                          (const char *) sqlite3_column_text (stmt, 1));
      tj_report_set_text (report, row, COLUMN_OWNER, (const char *) sqlite3_column_text (stmt, 2));
      tj_report_set_money (report, row, COLUMN_TOTAL, sqlite3_column_int64 (stmt, 3));
      tj_report_set_date (report, row, COLUMN_START, (const char *) sqlite3_column_text (stmt, 4));
      if (meets)
        {
          tj_report_set_date (report, row, COLUMN_LAST,
                              (const char *) sqlite3_column_text (stmt, 6));
          tj_report_set_text (report, row, COLUMN_FOLLOWUPS,
                              (const char *) sqlite3_column_text (stmt, 7));
        }
      else
        {
          g_autofree char *missing =
            missing_conditions (sqlite3_column_type (stmt, 4) != SQLITE_NULL,
                                sqlite3_column_int64 (stmt, 3), threshold);

          tj_report_set_text (report, row, COLUMN_LAST, missing);
        }
    }
  return tj_db_rows_done (db, rc, error);
}

static TjReport *
new_rates (const char *title,
           const char *subtitle,
           GPtrArray  *rates)
{
  TjReport *report = tj_report_new (C_ ("statistics sheet", "Entry rate"), title);
  guint meeting = 0, entered = 0, row;

  tj_report_set_subtitle (report, subtitle);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Locality"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, _("Meeting the condition"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Entered"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Not entered"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Entry rate"), TJ_REPORT_PERCENT, 0);
  for (guint i = 0; i < rates->len; i++)
    {
      TjStatisticsRate *rate = g_ptr_array_index (rates, i);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, 0, i + 1);
      tj_report_set_text (report, row, 1, rate->locality);
      tj_report_set_integer (report, row, 2, rate->meeting);
      tj_report_set_integer (report, row, 3, rate->entered);
      tj_report_set_integer (report, row, 4, rate->meeting - rate->entered);
      if (rate->meeting > 0) /* none meeting the condition: no rate, not 0% */
        tj_report_set_percent (report, row, 5, rate->rate);
      meeting += rate->meeting;
      entered += rate->entered;
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, 1, _("Total"));
  tj_report_set_integer (report, row, 2, meeting);
  tj_report_set_integer (report, row, 3, entered);
  tj_report_set_integer (report, row, 4, meeting - entered);
  if (meeting > 0)
    tj_report_set_percent (report, row, 5, (double) entered / meeting);
  tj_report_add_note (report, _("Note: the entry rate is the projects entered divided by the "
                                "projects meeting the entry condition."));
  return report;
}

TjReportBook *
tj_statistics_entry_book (TjDb    *db,
                          int      year,
                          GError **error)
{
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autofree char *org = NULL;
  g_autofree char *today = NULL;
  g_autofree char *wan = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *list_title = NULL;
  g_autofree char *other_title = NULL;
  g_autofree char *rate_title = NULL;
  g_autofree char *condition = NULL;
  TjReport *meeting, *other;
  gint64 threshold;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if ((rates = tj_statistics_rates (db, year, error)) == NULL ||
      !tj_statistics_threshold (db, &threshold, error))
    return NULL;
  org = tj_settings_organisation (db);
  today = tj_date_today ();
  wan = tj_money_format_wan_short (threshold);
  /* Translators: "（2026年度项目，截至 2026-11-30）" */
  subtitle = g_strdup_printf (_("(projects of %1$d, as of %2$s)"), year, today);
  /* Translators: "登封市2026年具备入库条件未入库重点项目清单（报送统计局）" */
  list_title = g_strdup_printf (_("%1$s %2$d Key Projects Meeting the Entry Condition, Not Yet "
                                  "Entered (for the Statistics Bureau)"),
                                org, year);
  /* Translators: "登封市2026年未具备入库条件重点项目清单" */
  other_title = g_strdup_printf (_("%1$s %2$d Key Projects Not Yet Meeting the Entry Condition"),
                                 org, year);
  /* Translators: "登封市2026年重点项目入库率（按属地）" */
  rate_title = g_strdup_printf (_("%1$s %2$d Key Projects: Entry Rate by Locality"), org, year);
  /* Translators: "入库条件：已开工（有实际开工日期）且总投资不低于500万元。" */
  condition = g_strdup_printf (_("Entry condition: started (an actual start date) and a total "
                                 "investment of at least %s (10k yuan)."),
                               wan);

  book = tj_report_book_new (org);
  meeting = new_list (C_ ("statistics sheet", "To enter"), list_title, subtitle, TRUE);
  other = new_list (C_ ("statistics sheet", "Not yet eligible"), other_title, subtitle, FALSE);
  tj_report_book_add (book, meeting);
  tj_report_book_add (book, other);
  tj_report_book_add (book, new_rates (rate_title, subtitle, rates));
  if (!add_projects (db, year, threshold, meeting, other, error))
    return NULL;
  tj_report_add_note (meeting, condition);
  tj_report_add_note (other, condition);
  return g_steal_pointer (&book);
}

gboolean
tj_statistics_entry_write (TjDb       *db,
                           int         year,
                           const char *path,
                           GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_statistics_entry_book (db, year, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
