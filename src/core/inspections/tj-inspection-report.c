/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-inspection.h"
#include "tj-settings.h"

enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_NAME,
  COLUMN_LOCALITY,
  COLUMN_ORGANISER,
  COLUMN_INSPECTORS,
  COLUMN_UNANNOUNCED,
  COLUMN_REPORTED,
  COLUMN_VERIFIED,
  COLUMN_DIFFERENCE,
  COLUMN_RATE,
  COLUMN_VERIFIED_PROGRESS,
  COLUMN_SUGGESTED,
  COLUMN_VERDICT,
  COLUMN_REASON,
  COLUMN_RECTIFICATIONS,
  COLUMN_SEEN,
};

/* 整改 in words: "2 项，未销号 1 项，逾期 1 项", "1 项，已全部销号", or "无". */
static char *
rectifications_text (const TjInspection *inspection)
{
  GString *text;

  if (inspection->n_rectifications == 0)
    return g_strdup (C_("rectifications", "None"));
  text = g_string_new (NULL);
  g_string_printf (text, C_("rectifications", "%u items"), inspection->n_rectifications);
  if (inspection->n_open_rectifications == 0)
    g_string_append (text, _(", all closed"));
  else
    g_string_append_printf (text, _(", %u open"), inspection->n_open_rectifications);
  if (inspection->n_overdue_rectifications > 0)
    g_string_append_printf (text, _(", %u overdue"), inspection->n_overdue_rectifications);
  return g_string_free (text, FALSE);
}

TjReportBook *
tj_inspection_ledger_book (TjDb    *db,
                           int      year,
                           GError **error)
{
  g_autoptr (GPtrArray) inspections = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tolerance_text = NULL;
  g_autofree char *today = NULL;
  g_autofree char *note = NULL;
  TjReportBook *book;
  TjReport *report;
  int tolerance;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (!tj_inspection_get_tolerance (db, &tolerance, error) ||
      (inspections = tj_inspection_list (db, year, error)) == NULL)
    return NULL;
  org = tj_settings_organisation (db);
  /* Translators: the ledger's title: "登封市2026年重点项目巡查台账" */
  title = g_strdup_printf (_("%s %d Site Inspection Ledger of Key Projects"), org, year);
  report = tj_report_new (C_("inspection sheet", "Inspections"), title);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Inspection date"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("inspection column", "Project"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Locality"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Organising unit"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Inspectors"), TJ_REPORT_TEXT, 16);
  tj_report_add_column (report, C_("inspection column", "Unannounced"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Reported cumulative (10,000 yuan)"),
                        TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("inspection column", "Verified cumulative (10,000 yuan)"),
                        TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("inspection column", "Difference (10,000 yuan)"),
                        TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("inspection column", "Difference rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("inspection column", "Verified visual progress"),
                        TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("inspection column", "Suggested verdict"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Verdict"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "Reason for the verdict"),
                        TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("inspection column", "Rectifications"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("inspection column", "On site"), TJ_REPORT_TEXT, 30);
  report->frozen_columns = 3;

  for (guint i = 0; i < inspections->len; i++)
    {
      TjInspection *inspection = g_ptr_array_index (inspections, i);
      g_autofree char *rectifications = rectifications_text (inspection);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, COLUMN_NUMBER, i + 1);
      tj_report_set_date (report, row, COLUMN_DATE, inspection->date);
      tj_report_set_text (report, row, COLUMN_NAME, inspection->project_name);
      tj_report_set_text (report, row, COLUMN_LOCALITY, inspection->locality_name);
      tj_report_set_text (report, row, COLUMN_ORGANISER, inspection->organiser_name);
      tj_report_set_text (report, row, COLUMN_INSPECTORS, inspection->inspectors);
      tj_report_set_text (report, row, COLUMN_UNANNOUNCED,
                          inspection->unannounced ? _("Yes") : _("No"));
      tj_report_set_money (report, row, COLUMN_REPORTED, inspection->reported);
      tj_report_set_money (report, row, COLUMN_VERIFIED, inspection->verified);
      tj_report_set_money (report, row, COLUMN_DIFFERENCE, inspection->difference);
      if (inspection->has_rate)
        tj_report_set_percent (report, row, COLUMN_RATE, inspection->rate);
      tj_report_set_text (report, row, COLUMN_VERIFIED_PROGRESS, inspection->verified_progress);
      tj_report_set_text (report, row, COLUMN_SUGGESTED, tj_verdict_label (inspection->suggested));
      tj_report_set_text (report, row, COLUMN_VERDICT,
                          tj_verdict_label (inspection->final_verdict));
      tj_report_set_text (report, row, COLUMN_REASON, inspection->verdict_reason);
      tj_report_set_text (report, row, COLUMN_RECTIFICATIONS, rectifications);
      tj_report_set_text (report, row, COLUMN_SEEN, inspection->seen);
    }

  tolerance_text = tj_report_format_percent (tolerance / 1000.0);
  today = tj_date_today ();
  note = g_strdup_printf (
    _("Note: the reported cumulative is the sum of the project’s monthly reports before the "
      "month of the inspection; difference = reported − verified; difference rate = difference ÷ "
      "verified. Suggested verdict with the tolerance in force (%s): a rate above %s is "
      "over-reported, below −%s under-reported, otherwise true (both edges true); with nothing "
      "verified, any amount reported is over-reported. Overdue rectifications as of %s."),
    tolerance_text, tolerance_text, tolerance_text, today);
  tj_report_add_note (report, note);

  book = tj_report_book_new (org);
  tj_report_book_add (book, report);
  return book;
}

/* Writes 巡查台账 by the file's extension (tj_report_book_write checks it). */
gboolean
tj_inspection_write_ledger (TjDb       *db,
                            int         year,
                            const char *path,
                            GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_inspection_ledger_book (db, year, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
