/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-register-report"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-ledger.h"
#include "tj-project.h"
#include "tj-settings.h"
#include "tj-register-report.h"
#include "tj-error.h"
#include "tj-money.h"
#include "tj-report-format.h"

/* The register's columns: the same set, in the same order, as the office's CSV ledger. */
enum
{
  COL_NUMBER,
  COL_NAME,
  COL_LEVEL,
  COL_NATURE,
  COL_INDUSTRY,
  COL_CONTENT,
  COL_LOCALITY,
  COL_UNIT,
  COL_LEADER,
  COL_OFFICER,
  COL_OWNER,
  COL_CONTACT,
  COL_PHONE,
  COL_TOTAL,
  COL_PLAN,
  COL_PLANNED_START,
  COL_PLANNED_COMPLETION,
  COL_ACTUAL_START,
  COL_ACTUAL_COMPLETION,
  COL_STATS_DATE,
  N_COLUMNS
};

static const struct
{
  const char *field;  /* its header is the field's label (tj_project_field_label) */
  const char *header; /* or this one */
  TjReportType type;
  guint max_width;
} columns[N_COLUMNS] = {
  [COL_NUMBER] = { NULL, N_("No."), TJ_REPORT_INTEGER, 0 },
  [COL_NAME] = { "name", NULL, TJ_REPORT_TEXT, 28 },
  [COL_LEVEL] = { "level", NULL, TJ_REPORT_TEXT, 0 },
  [COL_NATURE] = { "nature", NULL, TJ_REPORT_TEXT, 0 },
  [COL_INDUSTRY] = { "industry", NULL, TJ_REPORT_TEXT, 12 },
  [COL_CONTENT] = { "content", NULL, TJ_REPORT_TEXT, 36 },
  [COL_LOCALITY] = { "locality_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_UNIT] = { "unit_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_LEADER] = { "leader_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_OFFICER] = { "officer_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_OWNER] = { "owner", NULL, TJ_REPORT_TEXT, 22 },
  [COL_CONTACT] = { "contact", NULL, TJ_REPORT_TEXT, 0 },
  [COL_PHONE] = { "phone", NULL, TJ_REPORT_TEXT, 0 },
  [COL_TOTAL] = { NULL, N_("Total investment (10,000 yuan)"), TJ_REPORT_WAN, 0 },
  [COL_PLAN] = { NULL, N_("Annual plan (10,000 yuan)"), TJ_REPORT_WAN, 0 },
  [COL_PLANNED_START] = { "planned_start", NULL, TJ_REPORT_DATE, 0 },
  [COL_PLANNED_COMPLETION] = { "planned_completion", NULL, TJ_REPORT_DATE, 0 },
  [COL_ACTUAL_START] = { "actual_start", NULL, TJ_REPORT_DATE, 0 },
  [COL_ACTUAL_COMPLETION] = { "actual_completion", NULL, TJ_REPORT_DATE, 0 },
  [COL_STATS_DATE] = { "stats_date", NULL, TJ_REPORT_DATE, 0 },
};

/* The whole list reads by level, the provincial projects first, then in the order entered. */
static int
by_level (gconstpointer a,
          gconstpointer b)
{
  TjProject *pa = *(TjProject *const *) a;
  TjProject *pb = *(TjProject *const *) b;

  if (pa->level != pb->level)
    return pa->level < pb->level ? -1 : 1;
  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

static void
add_project_row (TjReport     *report,
                 TjProject    *p,
                 guint         number,
                 TjLevelNames *levels)
{
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

  tj_report_set_integer (report, row, COL_NUMBER, number);
  tj_report_set_text (report, row, COL_NAME, p->name);
  if (p->level < TJ_LEVEL_N)
    tj_report_set_text (report, row, COL_LEVEL, levels->full[p->level]);
  tj_report_set_text (report, row, COL_NATURE, tj_nature_label (p->nature));
  tj_report_set_text (report, row, COL_INDUSTRY, p->industry);
  tj_report_set_text (report, row, COL_CONTENT, p->content);
  tj_report_set_text (report, row, COL_LOCALITY, p->locality_name);
  tj_report_set_text (report, row, COL_UNIT, p->unit_name);
  tj_report_set_text (report, row, COL_LEADER, p->leader_name);
  tj_report_set_text (report, row, COL_OFFICER, p->officer_name);
  tj_report_set_text (report, row, COL_OWNER, p->owner);
  tj_report_set_text (report, row, COL_CONTACT, p->contact);
  tj_report_set_text (report, row, COL_PHONE, p->phone);
  tj_report_set_money (report, row, COL_TOTAL, p->total_investment);
  tj_report_set_money (report, row, COL_PLAN, p->annual_plan);
  tj_report_set_date (report, row, COL_PLANNED_START, p->planned_start);
  tj_report_set_date (report, row, COL_PLANNED_COMPLETION, p->planned_completion);
  tj_report_set_date (report, row, COL_ACTUAL_START, p->actual_start);
  tj_report_set_date (report, row, COL_ACTUAL_COMPLETION, p->actual_completion);
  tj_report_set_date (report, row, COL_STATS_DATE, p->stats_date);
}

/* The key-project list of a year as a report: every project given (NULL: all of the year, by
 * level), then a 合计 row whose sums are taken in whole yuan, never from rounded figures. */
TjReport *
tj_register_report_build (TjDb      *db,
                          int        year,
                          GPtrArray *projects,
                          GError   **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (TjLevelNames) levels = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *count = NULL;
  TjReport *report;
  gint64 total = 0, plan = 0;
  guint row;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (projects == NULL)
    {
      all = tj_project_list (db, year, error);
      if (all == NULL)
        return NULL;
      g_ptr_array_sort (all, by_level);
      projects = all;
    }

  levels = tj_level_names_load (db, error);
  if (levels == NULL)
    return NULL;
  org = tj_settings_organisation (db);
  /* Translators: the title of the register: organisation, then year ("登封市2026年重点项目名单") */
  title = g_strdup_printf (_("%1$s Key Project List %2$d"), org, year);
  /* Translators: the sheet's name in the workbook, at most 31 characters */
  sheet = g_strdup_printf (_("Key projects %d"), year);
  report = tj_report_new (sheet, title);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  report->frozen_columns = COL_NAME + 1;

  for (guint c = 0; c < N_COLUMNS; c++)
    tj_report_add_column (report,
                          columns[c].field != NULL ? tj_project_field_label (columns[c].field)
                                                   : _(columns[c].header),
                          columns[c].type, columns[c].max_width);

  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      add_project_row (report, p, i + 1, levels);
      if (!tj_money_add_checked (total, p->total_investment, &total) ||
          !tj_money_add_checked (plan, p->annual_plan, &plan))
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("The amounts of “%s” are beyond what a project can be; the database may "
                         "have been changed outside Tuijin. Run “tuijin check”."),
                       p->name);
          tj_report_free (report);
          return NULL;
        }
    }

  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, COL_NUMBER, _("Total"));
  count = g_strdup_printf (ngettext ("%u project", "%u projects", projects->len), projects->len);
  tj_report_set_text (report, row, COL_NAME, count);
  tj_report_set_money (report, row, COL_TOTAL, total);
  tj_report_set_money (report, row, COL_PLAN, plan);
  return report;
}

/* The register as a workbook of one sheet, e.g. for the projects a window shows. */
TjReportBook *
tj_register_book_build (TjDb      *db,
                        int        year,
                        GPtrArray *projects,
                        GError   **error)
{
  TjReport *report = tj_register_report_build (db, year, projects, error);
  g_autofree char *org = NULL;
  TjReportBook *book;

  if (report == NULL)
    return NULL;
  org = tj_settings_organisation (db);
  book = tj_report_book_new (org);
  tj_report_book_add (book, report);
  return book;
}

/* Writes the year's register as its path's extension says: the list as a workbook (.xlsx) or as
 * printed pages (.pdf), or the ledger that imports again (.csv). */
gboolean
tj_register_write (TjDb       *db,
                   int         year,
                   const char *path,
                   GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;
  TjReportFormat format;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Asked first so that a wrong name costs no query: a CSV file is the ledger alone. */
  if (!tj_report_format_from_path (path, &format, error))
    return FALSE;
  if (format == TJ_REPORT_FORMAT_CSV)
    {
      TjReport *ledger = tj_ledger_report_build (db, year, error);

      if (ledger == NULL)
        return FALSE;
      book = tj_report_book_new (NULL);
      tj_report_book_set_csv (book, ledger);
    }
  else if ((book = tj_register_book_build (db, year, NULL, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
