/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-element"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-element.h"
#include "tj-element-report.h"
#include "tj-money.h"
#include "tj-project-active.h"
#include "tj-settings.h"

/* 要素保障台账 (issue 10): each need of a project summed per kind; only what is still missing. */

enum
{
  COLUMN_NUMBER,
  COLUMN_LOCALITY,
  COLUMN_PROJECT,
  COLUMN_KIND,
  COLUMN_UNIT, /* quotas only */
};

static TjReport *
new_sheet (const char *sheet,
           const char *title,
           int         year,
           gboolean    funds)
{
  TjReport *report = tj_report_new (sheet, title);
  g_autofree char *subtitle = NULL;
  g_autofree char *today = tj_date_today ();
  TjReportType amount = funds ? TJ_REPORT_WAN : TJ_REPORT_TEXT;

  /* Translators: "（2026年度项目，截至 2026-11-30）" */
  subtitle = g_strdup_printf (_("(projects of %1$d, as of %2$s)"), year, today);
  tj_report_set_subtitle (report, subtitle);
  if (funds)
    tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Locality"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, _("Project name"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, funds ? _("Source of funds") : _("Quota"), TJ_REPORT_TEXT, 12);
  if (!funds)
    tj_report_add_column (report, _("Unit"), TJ_REPORT_TEXT, 10);
  tj_report_add_column (report, funds ? _("Sought") : _("Needed"), amount, 0);
  tj_report_add_column (report, funds ? _("Secured") : _("Allocated"), amount, 0);
  tj_report_add_column (report, _("Gap"), amount, 0);
  tj_report_add_column (report, _("Latest date"), TJ_REPORT_DATE, 0);
  report->frozen_columns = COLUMN_PROJECT + 1;
  return report;
}

static void
set_amount (TjReport      *report,
            guint          row,
            guint          column,
            TjElementKind  kind,
            gint64         amount)
{
  g_autofree char *text = NULL;

  if (tj_element_kind_is_fund (kind))
    {
      tj_report_set_money (report, row, column, amount);
      return;
    }
  text = tj_element_format_amount (kind, amount);
  tj_report_set_text (report, row, column, text);
}

TjReportBook *
tj_element_ledger_book (TjDb    *db,
                        int      year,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (TjReportBook) book = NULL;
  g_autofree char *org = NULL;
  g_autofree char *funds_title = NULL;
  g_autofree char *quotas_title = NULL;
  TjReport *funds, *quotas;
  guint n_funds = 0, n_quotas = 0;
  gint64 total[3] = { 0, 0, 0 };
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (!tj_year_check (year, error))
    return NULL;
  /* Sums in SQL: an overflow is an error ("integer overflow"), never a wrapped figure. */
  stmt = tj_db_prepare (db,
                        "SELECT l.name, p.name, e.kind, SUM (e.needed), SUM (e.secured), "
                        "MAX (MAX (e.needed_date), IFNULL (MAX (e.secured_date), '')) "
                        "FROM project_elements e JOIN projects p ON p.id = e.project_id "
                        "JOIN units l ON l.id = p.locality_id WHERE p.year = ? "
                        "AND " TJ_PROJECT_ACTIVE_TODAY " "
                        "GROUP BY e.project_id, e.kind HAVING SUM (e.needed) > SUM (e.secured) "
                        "ORDER BY l.sort_order, l.name, p.name, instr ('central province "
                        "zhengzhou bond loan private land energy emission', e.kind)",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);

  org = tj_settings_organisation (db);
  /* Translators: "登封市2026年重点项目要素保障台账（资金）" */
  funds_title = g_strdup_printf (_("%1$s %2$d Key Projects: Unmet Needs for Funds"), org, year);
  /* Translators: "登封市2026年重点项目要素保障台账（指标）" */
  quotas_title = g_strdup_printf (_("%1$s %2$d Key Projects: Unmet Needs for Quotas"), org, year);
  book = tj_report_book_new (org);
  funds = new_sheet (C_ ("element sheet", "Funds"), funds_title, year, TRUE);
  tj_report_book_add (book, funds);
  quotas = new_sheet (C_ ("element sheet", "Quotas"), quotas_title, year, FALSE);
  tj_report_book_add (book, quotas);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjElementKind kind;
      gboolean fund;
      TjReport *report;
      gint64 needed = sqlite3_column_int64 (stmt, 3);
      gint64 secured = sqlite3_column_int64 (stmt, 4);
      guint row, column;

      if (!tj_element_kind_parse ((const char *) sqlite3_column_text (stmt, 2), &kind))
        continue; /* the table's CHECK admits only the known kinds */
      fund = tj_element_kind_is_fund (kind);
      report = fund ? funds : quotas;
      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, COLUMN_NUMBER, fund ? ++n_funds : ++n_quotas);
      tj_report_set_text (report, row, COLUMN_LOCALITY,
                          (const char *) sqlite3_column_text (stmt, 0));
      tj_report_set_text (report, row, COLUMN_PROJECT,
                          (const char *) sqlite3_column_text (stmt, 1));
      tj_report_set_text (report, row, COLUMN_KIND, tj_element_kind_label (kind));
      column = COLUMN_KIND + 1;
      if (!fund)
        tj_report_set_text (report, row, column++, tj_element_kind_unit (kind));
      set_amount (report, row, column++, kind, needed);
      set_amount (report, row, column++, kind, secured);
      set_amount (report, row, column++, kind, needed - secured);
      tj_report_set_date (report, row, column, (const char *) sqlite3_column_text (stmt, 5));
      if (fund)
        {
          total[0] = tj_money_add_saturating (total[0], needed);
          total[1] = tj_money_add_saturating (total[1], secured);
          total[2] = tj_money_add_saturating (total[2], needed - secured);
        }
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  if (n_funds > 0)
    {
      guint row = tj_report_add_row (funds, TJ_REPORT_ROW_TOTAL);

      tj_report_set_text (funds, row, COLUMN_LOCALITY, _("Total"));
      for (guint i = 0; i < 3; i++)
        tj_report_set_money (funds, row, COLUMN_KIND + 1 + i, total[i]);
    }
  tj_report_add_note (funds, _("Note: only needs not yet met are listed: per project and source, "
                               "the gap is the amount sought less the amount secured; the latest "
                               "date is that of the last request or of the last amount secured."));
  tj_report_add_note (quotas, _("Note: only quotas not yet fully allocated are listed: per "
                                "project and kind, the gap is the amount needed less the amount "
                                "allocated, in the kind's unit."));
  return g_steal_pointer (&book);
}

gboolean
tj_element_ledger_write (TjDb       *db,
                         int         year,
                         const char *path,
                         GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_element_ledger_book (db, year, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
