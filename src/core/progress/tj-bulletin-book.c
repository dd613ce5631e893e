/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-bulletin-private.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-db.h"

/* The bulletin as a TjReportBook: 总体情况, 分乡镇, 项目明细, 滞后项目, each sheet built from the
 * figures of tj-bulletin.c; and the bulletin written to a file. */

/* The detail table's columns: DOMAIN.md's 附件, in its order. */
enum
{
  DETAIL_NUMBER,
  DETAIL_NAME,
  DETAIL_LEVEL,
  DETAIL_NATURE,
  DETAIL_INDUSTRY,
  DETAIL_CONTENT,
  DETAIL_LOCALITY,
  DETAIL_UNIT,
  DETAIL_LEADER,
  DETAIL_OFFICER,
  DETAIL_TOTAL,
  DETAIL_PLAN,
  DETAIL_MONTH,
  DETAIL_CUMULATIVE,
  DETAIL_RATE,
  DETAIL_PLANNED_START,
  DETAIL_ACTUAL_START,
  DETAIL_PROGRESS,
  DETAIL_PROBLEMS,
  DETAIL_STATISTICS,
  DETAIL_LIGHT,
};

/* The summary tables: by level, nature and industry on the overview sheet; by locality. */
enum
{
  SUMMARY_NAME,
  SUMMARY_COUNT,
  SUMMARY_TOTAL,
  SUMMARY_PLAN,
  SUMMARY_CUMULATIVE,
  SUMMARY_RATE,
  SUMMARY_GAP,
  SUMMARY_STARTS_DUE,
  SUMMARY_STARTED,
  SUMMARY_START_RATE,
  SUMMARY_COMPLETIONS_DUE,
  SUMMARY_COMPLETED,
};

enum
{
  LOCALITY_NUMBER,
  LOCALITY_NAME,
  LOCALITY_COUNT,
  LOCALITY_PLAN,
  LOCALITY_CUMULATIVE,
  LOCALITY_RATE,
  LOCALITY_GAP,
  LOCALITY_STARTS_DUE,
  LOCALITY_STARTED,
  LOCALITY_START_RATE,
};

/* Where a summary table puts each figure of a TjBulletinFigures; -1: the table has no such
 * column (the locality table shows neither the total investment nor the completions). The
 * figures stand in this order in both tables. */
typedef struct
{
  int count;
  int total;
  int plan;
  int cumulative;
  int rate;
  int gap;
  int starts_due;
  int started;
  int start_rate;
  int completions_due;
  int completed;
} FigureColumns;

static const FigureColumns summary_figures = {
  SUMMARY_COUNT, SUMMARY_TOTAL, SUMMARY_PLAN, SUMMARY_CUMULATIVE, SUMMARY_RATE, SUMMARY_GAP,
  SUMMARY_STARTS_DUE, SUMMARY_STARTED, SUMMARY_START_RATE, SUMMARY_COMPLETIONS_DUE,
  SUMMARY_COMPLETED,
};

static const FigureColumns locality_figures = {
  LOCALITY_COUNT, -1, LOCALITY_PLAN, LOCALITY_CUMULATIVE, LOCALITY_RATE, LOCALITY_GAP,
  LOCALITY_STARTS_DUE, LOCALITY_STARTED, LOCALITY_START_RATE, -1, -1,
};

enum
{
  LAGGING_NUMBER,
  LAGGING_NAME,
  LAGGING_LIGHT,
  LAGGING_LOCALITY,
  LAGGING_UNIT,
  LAGGING_LEADER,
  LAGGING_PLAN,
  LAGGING_CUMULATIVE,
  LAGGING_RATE,
  LAGGING_GAP,
  LAGGING_PLANNED_START,
  LAGGING_ACTUAL_START,
  LAGGING_REASON,
};

/* "10", "12.5": a threshold in tenths as a person writes it. */
static char *
points_text (int tenths)
{
  if (tenths % 10 == 0)
    return g_strdup_printf ("%d", tenths / 10);
  return tj_bulletin_tenths_text (tenths);
}

/* "（2026年1—10月）", "（2026年1月）" */
static char *
period_text (TjBulletin *self)
{
  if (self->month == 1)
    /* Translators: the bulletin's period when it is January alone: "（2026年1月）" */
    return g_strdup_printf (_("(January %d)"), self->year);
  /* Translators: the bulletin's period: "（2026年1—10月）" */
  return g_strdup_printf (_("(%1$d, months 1–%2$d)"), self->year, self->month);
}

/* "1—10月累计", "1月累计" */
static char *
cumulative_header (TjBulletin *self)
{
  if (self->month == 1)
    return g_strdup (C_("bulletin column", "January cumulative"));
  /* Translators: a column header: "1—10月累计" */
  return g_strdup_printf (C_("bulletin column", "Months 1–%d cumulative"), self->month);
}

static TjReport *
new_sheet (TjBulletin *self,
           const char *sheet_name,
           const char *title)
{
  g_autofree char *period = period_text (self);
  TjReport *report = tj_report_new (sheet_name, title);

  tj_report_set_subtitle (report, period);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  return report;
}

/* The rule of the lights, with the thresholds in use. */
static char *
lights_note (TjBulletin *self)
{
  g_autofree char *green = points_text (-self->green_gap);
  g_autofree char *red = points_text (-self->red_gap);

  /* Translators: the note under the detail and lagging tables: "注：灯色按项目投资完成率与序时
   * 进度比较确定：低于序时进度不超过10个百分点为绿灯，10至30个百分点为黄灯，超过30个百分点
   * 为红灯；应开工未开工的项目为黄灯，逾期3个月及以上为红灯。" */
  return g_strdup_printf (_("Note: the light compares a project's completion rate with the time "
                            "schedule: green when at most %1$s percentage points behind, yellow "
                            "from %1$s to %2$s points behind, red when more than %2$s points "
                            "behind; a project due to start and not started is yellow, red from "
                            "%3$d months late."),
                          green, red, self->start_red_months);
}

/* The figures' columns, in their order, as the table has them. */
static void
add_figure_columns (TjBulletin          *self,
                    TjReport            *report,
                    const FigureColumns *columns)
{
  g_autofree char *cumulative = cumulative_header (self);

  tj_report_add_column (report, C_("bulletin column", "Projects"), TJ_REPORT_INTEGER, 0);
  if (columns->total >= 0)
    tj_report_add_column (report, tj_project_field_label ("total_investment"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Against schedule (points)"),
                        TJ_REPORT_POINTS, 0);
  tj_report_add_column (report, C_("bulletin column", "Due to start"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Started"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Start rate"), TJ_REPORT_PERCENT, 0);
  if (columns->completions_due >= 0)
    {
      tj_report_add_column (report, C_("bulletin column", "Due to complete"), TJ_REPORT_INTEGER,
                            0);
      tj_report_add_column (report, C_("bulletin column", "Completed"), TJ_REPORT_INTEGER, 0);
    }
}

/* One row's figures: a rate and its gap only where there is a plan, a start rate only where
 * projects were due to start. */
static void
set_figures (TjReport                *report,
             guint                    row,
             const FigureColumns     *columns,
             const TjBulletinFigures *figures)
{
  tj_report_set_integer (report, row, columns->count, figures->count);
  if (columns->total >= 0)
    tj_report_set_money (report, row, columns->total, figures->total_investment);
  tj_report_set_money (report, row, columns->plan, figures->plan);
  tj_report_set_money (report, row, columns->cumulative, figures->cumulative);
  if (figures->has_rate)
    {
      tj_report_set_percent (report, row, columns->rate, figures->rate);
      tj_report_set_points (report, row, columns->gap, figures->gap);
    }
  tj_report_set_integer (report, row, columns->starts_due, figures->starts_due);
  tj_report_set_integer (report, row, columns->started, figures->started);
  if (figures->starts_due > 0)
    tj_report_set_percent (report, row, columns->start_rate, figures->start_rate);
  if (columns->completions_due >= 0)
    {
      tj_report_set_integer (report, row, columns->completions_due, figures->completions_due);
      tj_report_set_integer (report, row, columns->completed, figures->completed);
    }
}

static void
add_summary_row (TjReport                *report,
                 TjReportRowKind          kind,
                 const char              *name,
                 const TjBulletinFigures *figures)
{
  guint row = tj_report_add_row (report, kind);

  tj_report_set_text (report, row, SUMMARY_NAME, name);
  set_figures (report, row, &summary_figures, figures);
}

static void
add_section (TjReport   *report,
             const char *heading)
{
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_SECTION);

  tj_report_set_text (report, row, 0, heading);
}

/* Who reported for month N, and the names of those who did not: a bulletin that counts a month
 * as 0 says so. */
static void
add_reporting_note (TjBulletin *self,
                    TjReport   *report)
{
  g_autofree char *reporting = tj_bulletin_reporting_text (self);
  g_autofree char *names = tj_bulletin_unreported_names (self);
  g_autofree char *note = NULL;

  if (names == NULL)
    /* Translators: "注：2026年10月：129 个项目全部已报。" */
    note = g_strdup_printf (_("Note: %s"), reporting);
  else
    /* Translators: "注：2026年10月：已报 5 / 129 个项目，124 个未报（本月完成按 0 计）。未报项目：
     * 甲、乙、丙。" */
    note = g_strdup_printf (_("Note: %1$s Not reported: %2$s."), reporting, names);
  tj_report_add_note (report, note);
}

static TjReport *
overview_sheet (TjBulletin *self,
                const char *title)
{
  g_autofree char *overview = tj_bulletin_overview (self);
  g_autofree char *schedule = tj_bulletin_rate_text (self->month, 12);
  g_autofree char *note = NULL;
  g_auto (GStrv) paragraphs = g_strsplit (overview, "\n", -1);
  TjReport *report = new_sheet (self, C_("bulletin sheet", "Overview"), title);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    tj_report_add_paragraph (report, paragraphs[i]);
  tj_report_add_column (report, C_("bulletin column", "Category"), TJ_REPORT_TEXT, 20);
  add_figure_columns (self, report, &summary_figures);
  report->frozen_columns = 1;

  add_summary_row (report, TJ_REPORT_ROW_TOTAL, _("Total"), &self->overall);
  add_section (report, C_("bulletin section", "By level"));
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    add_summary_row (report, TJ_REPORT_ROW_BODY, self->levels[i].name, &self->levels[i]);
  add_section (report, C_("bulletin section", "By nature"));
  for (guint i = 1; i < TJ_NATURE_N; i++)
    add_summary_row (report, TJ_REPORT_ROW_BODY, self->natures[i].name, &self->natures[i]);
  add_section (report, C_("bulletin section", "By industry"));
  for (guint i = 0; i < self->industries->len; i++)
    {
      const TjBulletinFigures *industry = &g_array_index (self->industries, TjBulletinFigures, i);

      add_summary_row (report, TJ_REPORT_ROW_BODY, industry->name, industry);
    }

  /* Translators: "注：序时进度为10÷12＝83.3%。" */
  note = g_strdup_printf (_("Note: the time schedule is %1$d ÷ 12 = %2$s%%."), self->month,
                          schedule);
  tj_report_add_note (report, note);
  add_reporting_note (self, report);
  if (self->visits_note != NULL)
    tj_report_add_note (report, self->visits_note);
  return report;
}

static void
add_locality_row (TjReport                *report,
                  TjReportRowKind          kind,
                  guint                    number,
                  const char              *name,
                  const TjBulletinFigures *figures)
{
  guint row = tj_report_add_row (report, kind);

  if (kind == TJ_REPORT_ROW_TOTAL)
    tj_report_set_text (report, row, LOCALITY_NUMBER, _("Total"));
  else
    tj_report_set_integer (report, row, LOCALITY_NUMBER, number);
  tj_report_set_text (report, row, LOCALITY_NAME, name);
  set_figures (report, row, &locality_figures, figures);
}

static TjReport *
locality_sheet (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *schedule = tj_bulletin_rate_text (self->month, 12);
  g_autofree char *note = NULL;
  TjReport *report;

  /* Translators: the title of the sheet by locality: "登封市重点项目分乡镇（街道、区）完成情况" */
  title = g_strdup_printf (_("%s Key Projects by Locality"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "By locality"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Locality"), TJ_REPORT_TEXT, 16);
  add_figure_columns (self, report, &locality_figures);
  report->frozen_columns = LOCALITY_NAME + 1;

  for (guint i = 0; i < self->localities->len; i++)
    {
      const TjBulletinFigures *locality = &g_array_index (self->localities, TjBulletinFigures, i);

      add_locality_row (report, TJ_REPORT_ROW_BODY, i + 1, locality->name, locality);
    }
  add_locality_row (report, TJ_REPORT_ROW_TOTAL, 0, NULL, &self->overall);

  /* Translators: "注：按投资完成率由高到低排列；序时进度为83.3%。" */
  note = g_strdup_printf (_("Note: ordered by completion rate, highest first; the time schedule "
                            "is %s%%."),
                          schedule);
  tj_report_add_note (report, note);
  return report;
}

static const char *
as_of_month (TjBulletin *self,
             const char *date)
{
  if (date == NULL || tj_month_index (date) > self->year * 12 + self->month - 1)
    return NULL;
  return date;
}

/* One body row of the detail table. */
static void
set_detail_row (TjBulletin              *self,
                TjReportRow             *row,
                guint                    number,
                const TjBulletinProject *p)
{
  tj_report_row_set_integer (row, DETAIL_NUMBER, number);
  tj_report_row_set_text (row, DETAIL_NAME, p->name);
  tj_report_row_set_text (row, DETAIL_LEVEL, p->level_name);
  tj_report_row_set_text (row, DETAIL_NATURE, tj_nature_label (p->nature));
  tj_report_row_set_text (row, DETAIL_INDUSTRY, p->industry);
  tj_report_row_set_text (row, DETAIL_CONTENT, p->content);
  tj_report_row_set_text (row, DETAIL_LOCALITY, p->locality);
  tj_report_row_set_text (row, DETAIL_UNIT, p->unit);
  tj_report_row_set_text (row, DETAIL_LEADER, p->leader);
  tj_report_row_set_text (row, DETAIL_OFFICER, p->officer);
  tj_report_row_set_money (row, DETAIL_TOTAL, p->total_investment);
  tj_report_row_set_money (row, DETAIL_PLAN, p->plan);
  if (p->reported)
    tj_report_row_set_money (row, DETAIL_MONTH, p->month_completed);
  tj_report_row_set_money (row, DETAIL_CUMULATIVE, p->cumulative);
  if (p->has_rate)
    tj_report_row_set_percent (row, DETAIL_RATE, p->rate);
  tj_report_row_set_date (row, DETAIL_PLANNED_START, p->planned_start);
  tj_report_row_set_date (row, DETAIL_ACTUAL_START, as_of_month (self, p->actual_start));
  tj_report_row_set_text (row, DETAIL_PROGRESS, p->progress);
  tj_report_row_set_text (row, DETAIL_PROBLEMS, p->problems);
  /* Translators: 入库 in the detail table: the project is in the investment statistics */
  tj_report_row_set_text (row, DETAIL_STATISTICS,
                          p->in_statistics ? C_("in statistics", "Yes")
                                           : C_("in statistics", "No"));
  tj_report_row_set_light (row, DETAIL_LIGHT, p->light);
}

/* The 合计 row: the sums of the whole list. */
static void
set_detail_total (TjBulletin  *self,
                  TjReportRow *row)
{
  g_autofree char *count = NULL;

  tj_report_row_set_kind (row, TJ_REPORT_ROW_TOTAL);
  tj_report_row_set_text (row, DETAIL_NUMBER, _("Total"));
  count = g_strdup_printf (ngettext ("%u project", "%u projects", self->overall.count),
                           self->overall.count);
  tj_report_row_set_text (row, DETAIL_NAME, count);
  tj_report_row_set_money (row, DETAIL_TOTAL, self->overall.total_investment);
  tj_report_row_set_money (row, DETAIL_PLAN, self->overall.plan);
  tj_report_row_set_money (row, DETAIL_MONTH, self->overall.month_completed);
  tj_report_row_set_money (row, DETAIL_CUMULATIVE, self->overall.cumulative);
  if (self->overall.has_rate)
    tj_report_row_set_percent (row, DETAIL_RATE, self->overall.rate);
}

/* The detail table's rows: from the bulletin's projects when it keeps them; otherwise from the
 * database as a writer pulls them, judged as tj_bulletin_build_sums judged them: in the list's
 * order, one level after the other (a level without projects is not read), each in the order
 * entered, so that nothing is sorted; a reader that only measures gets them as stored. Then the
 * 合计 row. The source borrows the bulletin: the report goes before it. */
typedef struct
{
  TjBulletin *bulletin;
  sqlite3_stmt *level; /* the projects of one level */
  sqlite3_stmt *scan;  /* all of them as stored */
  gboolean in_order;
  int rank;            /* the level being read: 1 provincial … 4 none; 0 before the first */
  guint number;        /* projects given */
  gboolean done;
  GError *error;       /* the statements could not be prepared: the first row says so */
} DetailSource;

static void
detail_source_free (gpointer data)
{
  DetailSource *source = data;

  sqlite3_finalize (source->level);
  sqlite3_finalize (source->scan);
  g_clear_error (&source->error);
  g_free (source);
}

static void
detail_source_rewind (gpointer data,
                      gboolean in_order)
{
  DetailSource *source = data;

  if (source->level != NULL)
    sqlite3_reset (source->level);
  if (source->scan != NULL)
    sqlite3_reset (source->scan);
  source->in_order = in_order;
  source->rank = 0;
  source->number = 0;
  source->done = FALSE;
}

/* The projects of the list at a level's rank (TjLevel's order; 4 is TJ_LEVEL_NONE). */
static guint
rank_count (TjBulletin *self,
            int         rank)
{
  return self->levels[rank < TJ_LEVEL_N ? rank : TJ_LEVEL_NONE].count;
}

/* The next project, read from the database: FALSE after the last (error unset) or with an error. */
static gboolean
detail_source_read (DetailSource      *source,
                    TjBulletinProject *p,
                    GError           **error)
{
  TjBulletin *bulletin = source->bulletin;
  sqlite3_stmt *stmt = source->in_order ? source->level : source->scan;
  int rc = source->in_order && source->rank == 0 ? SQLITE_DONE : sqlite3_step (stmt);

  /* the next level that has projects */
  while (rc == SQLITE_DONE && source->in_order && source->rank < TJ_LEVEL_N)
    {
      source->rank++;
      if (rank_count (bulletin, source->rank) == 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 3, source->rank);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_ROW)
    {
      tj_db_rows_done (bulletin->db, rc, error);
      return FALSE;
    }
  return tj_bulletin_read_project (bulletin, stmt, p, error);
}

static gboolean
detail_source_next (gpointer     data,
                    TjReportRow *row,
                    GError     **error)
{
  DetailSource *source = data;
  TjBulletin *self = source->bulletin;
  g_autoptr (GError) local = NULL;
  TjBulletinProject p;

  if (source->error != NULL)
    {
      g_propagate_error (error, g_error_copy (source->error));
      return FALSE;
    }
  if (source->done)
    return FALSE;
  if (self->db == NULL)
    {
      /* the bulletin's own projects */
      if (source->number < self->projects->len)
        {
          source->number++;
          set_detail_row (self, row, source->number,
                          &g_array_index (self->projects, TjBulletinProject, source->number - 1));
          return TRUE;
        }
    }
  else if (detail_source_read (source, &p, &local))
    {
      set_detail_row (self, row, ++source->number, &p);
      return TRUE;
    }
  else if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* The list read now is the one added up: a project added or removed in between would make a
   * 合计 that is not the sum of the rows above it. */
  if (source->number != self->overall.count)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("The list of projects changed while the bulletin was being "
                             "written; export it again."));
      return FALSE;
    }
  source->done = TRUE;
  set_detail_total (self, row);
  return TRUE;
}

/* The detail table (附件): every project of the list, then the 合计 row. Dates after month N are
 * not shown: the table is the state at the end of month N, as its lights are. A bulletin built
 * by tj_bulletin_build_sums streams the table from the database; the report borrows the
 * bulletin and must be freed before it. */
TjReport *
tj_bulletin_detail_report (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cumulative = cumulative_header (self);
  DetailSource *source;
  TjReport *report;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: the title of the detail sheet: "登封市重点项目建设进展情况明细表" */
  title = g_strdup_printf (_("%s Key Project Progress in Detail"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "Project details"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, tj_project_field_label ("level"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("nature"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("bulletin column", "Industry"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, tj_project_field_label ("content"), TJ_REPORT_TEXT, 36);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("unit_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("leader_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("officer_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("total_investment"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "This month"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, tj_project_field_label ("planned_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_project_field_label ("actual_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("bulletin column", "Visual progress"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, C_("bulletin column", "Problems"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, C_("bulletin column", "In statistics"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("bulletin column", "Light"), TJ_REPORT_LIGHT, 0);
  report->frozen_columns = DETAIL_NAME + 1;

  source = g_new0 (DetailSource, 1);
  source->bulletin = self;
  source->in_order = TRUE;
  /* a statement that cannot be prepared is reported by the first row the writer asks for */
  if (self->db != NULL &&
      (source->level = tj_db_prepare (self->db, tj_bulletin_level_sql, &source->error)) != NULL &&
      (source->scan = tj_db_prepare (self->db, tj_bulletin_scan_sql, &source->error)) != NULL)
    {
      sqlite3_bind_int (source->level, 1, self->year);
      sqlite3_bind_int (source->level, 2, self->month);
      sqlite3_bind_int (source->scan, 1, self->year);
      sqlite3_bind_int (source->scan, 2, self->month);
    }
  tj_report_set_source (report, detail_source_next, detail_source_rewind, source,
                        detail_source_free);
  /* a bulletin that keeps its projects gives a table held in memory, as the window reads it;
   * its rows cannot fail */
  if (self->db == NULL && !tj_report_fill (report, NULL))
    g_assert_not_reached ();
  return report;
}

/* Why a project lags: "低于序时进度35.0个百分点；逾期3个月未开工". */
static char *
lagging_reason (TjBulletin              *self,
                const TjBulletinProject *p)
{
  g_autoptr (GString) reason = g_string_new (NULL);

  if (p->investment_light == TJ_LIGHT_YELLOW || p->investment_light == TJ_LIGHT_RED)
    {
      g_autofree char *gap = tj_bulletin_gap_phrase (p->cumulative, p->plan, self->month);

      g_string_append (reason, gap);
    }
  if (p->start_light != TJ_LIGHT_NONE)
    {
      if (reason->len > 0)
        g_string_append (reason, C_("bulletin", "; "));
      if (p->months_late == 0)
        g_string_append (reason, _("due to start this month, not started"));
      else
        /* Translators: "逾期3个月未开工" */
        g_string_append_printf (reason,
                                ngettext ("not started, %d month late",
                                          "not started, %d months late", p->months_late),
                                p->months_late);
    }
  return g_string_free (g_steal_pointer (&reason), FALSE);
}

/* The lagging projects' rows, pulled as the writer asks for them: from the bulletin's list when
 * it keeps its projects; otherwise from the database, not held: the year's projects in the
 * list's order (SQLite sorts them, spilling to a temporary file), each judged and skipped when
 * it does not lag; a reader that only measures gets them from a scan as stored. The first whole read in order keeps the lagging projects' ids (8 bytes each), so a
 * reader going through them again (the PDF writer, three times) reads those projects alone by
 * id, neither sorting the year again nor reading the projects that do not lag. The source
 * borrows the bulletin. */
typedef struct
{
  TjBulletin *bulletin;
  sqlite3_stmt *by_name; /* the year's projects in the list's order */
  sqlite3_stmt *project; /* one project by id */
  sqlite3_stmt *scan;    /* all of them as stored */
  gboolean in_order;
  guint next;            /* the rows given */
  gboolean done;
  GArray *ids;           /* gint64: the lagging projects in order, as far as read */
  gboolean ids_complete; /* `ids` holds them all: an ordered read goes by them */
  GError *error;         /* the statements could not be prepared: the first row says so */
} LaggingSource;

static void
lagging_source_free (gpointer data)
{
  LaggingSource *source = data;

  sqlite3_finalize (source->by_name);
  sqlite3_finalize (source->project);
  sqlite3_finalize (source->scan);
  g_clear_pointer (&source->ids, g_array_unref);
  g_clear_error (&source->error);
  g_free (source);
}

static void
lagging_source_rewind (gpointer data,
                       gboolean in_order)
{
  LaggingSource *source = data;

  if (source->by_name != NULL)
    sqlite3_reset (source->by_name);
  if (source->scan != NULL)
    sqlite3_reset (source->scan);
  source->in_order = in_order;
  source->next = 0;
  source->done = FALSE;
  /* ids from a read left before its end are not the whole list */
  if (!source->ids_complete)
    g_array_set_size (source->ids, 0);
}

/* The next lagging project from the database: FALSE after the last (error unset) or with an
 * error. */
static gboolean
lagging_source_read (LaggingSource     *source,
                     TjBulletinProject *p,
                     GError           **error)
{
  TjBulletin *bulletin = source->bulletin;

  for (;;)
    {
      gboolean by_ids = source->in_order && source->ids_complete;
      sqlite3_stmt *stmt = source->in_order ? source->by_name : source->scan;
      int rc;

      if (by_ids)
        rc = source->next < source->ids->len ? SQLITE_ROW : SQLITE_DONE;
      else
        rc = sqlite3_step (stmt);
      if (by_ids && rc == SQLITE_ROW)
        {
          sqlite3_reset (source->project);
          sqlite3_bind_int64 (source->project, 3,
                              g_array_index (source->ids, gint64, source->next));
          stmt = source->project;
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            {
              g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                                   _("The list of projects changed while the bulletin was being "
                                     "written; export it again."));
              return FALSE;
            }
        }
      if (rc != SQLITE_ROW)
        {
          if (by_ids)
            return FALSE;
          if (tj_db_rows_done (bulletin->db, rc, error) && source->in_order)
            source->ids_complete = TRUE;
          return FALSE;
        }
      if (!tj_bulletin_read_project (bulletin, stmt, p, error))
        return FALSE;
      if (tj_bulletin_project_lags (p))
        {
          if (source->in_order && !by_ids)
            g_array_append_val (source->ids, p->id);
          return TRUE;
        }
      /* a project kept as lagging that no longer lags: counted as a changed list below */
      if (by_ids)
        return FALSE;
    }
}

static gboolean
lagging_source_next (gpointer     data,
                     TjReportRow *row,
                     GError     **error)
{
  LaggingSource *source = data;
  TjBulletin *self = source->bulletin;
  g_autoptr (GError) local = NULL;
  TjBulletinProject read;
  const TjBulletinProject *p;
  g_autofree char *reason = NULL;

  if (source->error != NULL)
    {
      g_propagate_error (error, g_error_copy (source->error));
      return FALSE;
    }
  if (source->done)
    return FALSE;
  if (self->db == NULL)
    {
      if (source->next >= self->lagging->len)
        return FALSE;
      p = g_ptr_array_index (self->lagging, source->next);
    }
  else if (lagging_source_read (source, &read, &local))
    p = &read;
  else if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  else
    {
      source->done = TRUE;
      /* the list read now is the one counted: the overview's count is the sheet's rows */
      if (source->next != self->n_lagging)
        g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                             _("The list of projects changed while the bulletin was being "
                               "written; export it again."));
      return FALSE;
    }
  source->next++;
  reason = lagging_reason (self, p);
  tj_report_row_set_integer (row, LAGGING_NUMBER, source->next);
  tj_report_row_set_text (row, LAGGING_NAME, p->name);
  tj_report_row_set_light (row, LAGGING_LIGHT, p->light);
  tj_report_row_set_text (row, LAGGING_LOCALITY, p->locality);
  tj_report_row_set_text (row, LAGGING_UNIT, p->unit);
  tj_report_row_set_text (row, LAGGING_LEADER, p->leader);
  tj_report_row_set_money (row, LAGGING_PLAN, p->plan);
  tj_report_row_set_money (row, LAGGING_CUMULATIVE, p->cumulative);
  if (p->has_rate)
    {
      tj_report_row_set_percent (row, LAGGING_RATE, p->rate);
      tj_report_row_set_points (row, LAGGING_GAP, p->gap);
    }
  tj_report_row_set_date (row, LAGGING_PLANNED_START, p->planned_start);
  tj_report_row_set_date (row, LAGGING_ACTUAL_START, as_of_month (self, p->actual_start));
  tj_report_row_set_text (row, LAGGING_REASON, reason);
  return TRUE;
}

static TjReport *
lagging_sheet (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cumulative = cumulative_header (self);
  g_autofree char *note = lights_note (self);
  LaggingSource *source;
  TjReport *report;

  /* Translators: the title of the lagging projects' sheet: "登封市进度滞后重点项目名单" */
  title = g_strdup_printf (_("%s Lagging Key Projects"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "Lagging projects"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, C_("bulletin column", "Light"), TJ_REPORT_LIGHT, 0);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("unit_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("leader_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Against schedule (points)"),
                        TJ_REPORT_POINTS, 0);
  tj_report_add_column (report, tj_project_field_label ("planned_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_project_field_label ("actual_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("bulletin column", "Why lagging"), TJ_REPORT_TEXT, 36);
  report->frozen_columns = LAGGING_NAME + 1;

  source = g_new0 (LaggingSource, 1);
  source->bulletin = self;
  source->in_order = TRUE;
  source->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* a statement that cannot be prepared is reported by the first row the writer asks for */
  if (self->db != NULL &&
      (source->by_name = tj_db_prepare (self->db, tj_bulletin_by_name_sql,
                                        &source->error)) != NULL &&
      (source->project = tj_db_prepare (self->db, tj_bulletin_project_sql,
                                        &source->error)) != NULL &&
      (source->scan = tj_db_prepare (self->db, tj_bulletin_scan_sql, &source->error)) != NULL)
    {
      sqlite3_bind_int (source->by_name, 1, self->year);
      sqlite3_bind_int (source->by_name, 2, self->month);
      sqlite3_bind_int (source->project, 1, self->year);
      sqlite3_bind_int (source->project, 2, self->month);
      sqlite3_bind_int (source->scan, 1, self->year);
      sqlite3_bind_int (source->scan, 2, self->month);
    }
  tj_report_set_source (report, lagging_source_next, lagging_source_rewind, source,
                        lagging_source_free);
  /* the window's bulletin: a table held in memory, as the window reads it; its rows cannot
   * fail */
  if (self->db == NULL && !tj_report_fill (report, NULL))
    g_assert_not_reached ();
  tj_report_add_note (report, note);
  return report;
}

/* The bulletin as a workbook: 总体情况, 分乡镇, 项目明细, 滞后项目; as CSV, 项目明细. */
TjReportBook *
tj_bulletin_book (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  TjReportBook *book;
  TjReport *details;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: the bulletin's title: "登封市重点项目建设进展情况通报" */
  title = g_strdup_printf (_("%s Key Project Construction Progress Bulletin"), self->organisation);
  book = tj_report_book_new (self->organisation);
  tj_report_book_add (book, overview_sheet (self, title));
  tj_report_book_add (book, locality_sheet (self));
  details = tj_bulletin_detail_report (self);
  note = lights_note (self);
  tj_report_add_note (details, note);
  tj_report_book_add (book, details);
  tj_report_book_add (book, lagging_sheet (self));
  /* a CSV file holds the detail table alone: its header and body rows, the same sheet */
  tj_report_book_set_csv (book, details);
  return book;
}

/* A bulletin is exported only for a month whose year has projects on its list: an empty one
 * would be a file of zeros that reads as a month of no investment. The error names the month. */
gboolean
tj_bulletin_check_export (TjBulletin *self,
                          GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->overall.count > 0)
    return TRUE;
  /* Translators: "2030年11月：2030 年重点项目名单中没有项目，没有可导出的月通报。" */
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("%1$d-%2$02d: the %1$d list of key projects has no projects, so there is no "
                 "bulletin to export."),
               self->year, self->month);
  return FALSE;
}

/* Writes the bulletin of month N of year Y as the path's extension says (tj_report_book_write):
 * .xlsx (the workbook), .pdf (the same sheets as printed pages) or .csv (the detail table). */
gboolean
tj_bulletin_write (TjDb       *db,
                   int         year,
                   int         month,
                   const char *path,
                   GError    **error)
{
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autoptr (TjReportBook) book = NULL; /* freed first: its detail table borrows the bulletin */

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* the sums alone: the detail table streams from the database as it is written */
  bulletin = tj_bulletin_build_sums (db, year, month, error);
  if (bulletin == NULL || !tj_bulletin_check_export (bulletin, error))
    return FALSE;
  book = tj_bulletin_book (bulletin);
  return tj_report_book_write (book, path, error);
}
