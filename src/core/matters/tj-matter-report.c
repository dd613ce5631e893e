/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 督办台账: the matters of a year's meetings with their status as of a day (issue 8). */
#define G_LOG_DOMAIN "tj-matter"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-matter-report.h"
#include "tj-settings.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_MEETING_DATE,
  COLUMN_MEETING_KIND,
  COLUMN_MEETING_NAME,
  COLUMN_CONTENT,
  COLUMN_PROJECT,
  COLUMN_LOCALITY,
  COLUMN_LEADER,
  COLUMN_UNIT,
  COLUMN_PERSON,
  COLUMN_ASSIGNED,
  COLUMN_DEADLINE,
  COLUMN_EXTENDED,
  COLUMN_FINISHED,
  COLUMN_STATUS,
  COLUMN_REPORT,
  N_COLUMNS
} Column;

static void
add_columns (TjReport *report)
{
  static const struct
  {
    const char *header;
    TjReportType type;
    guint max_width;
  } columns[N_COLUMNS] = {
    [COLUMN_NUMBER] = { NC_ ("matter column", "No."), TJ_REPORT_INTEGER, 0 },
    [COLUMN_MEETING_DATE] = { NC_ ("matter column", "Meeting date"), TJ_REPORT_DATE, 0 },
    [COLUMN_MEETING_KIND] = { NC_ ("matter column", "Meeting type"), TJ_REPORT_TEXT, 0 },
    [COLUMN_MEETING_NAME] = { NC_ ("matter column", "Meeting"), TJ_REPORT_TEXT, 24 },
    [COLUMN_CONTENT] = { NC_ ("matter column", "Matter"), TJ_REPORT_TEXT, 40 },
    [COLUMN_PROJECT] = { NC_ ("matter column", "Project"), TJ_REPORT_TEXT, 30 },
    [COLUMN_LOCALITY] = { NC_ ("matter column", "Locality"), TJ_REPORT_TEXT, 0 },
    [COLUMN_LEADER] = { NC_ ("matter column", "Lead leader"), TJ_REPORT_TEXT, 0 },
    [COLUMN_UNIT] = { NC_ ("matter column", "Responsible unit"), TJ_REPORT_TEXT, 20 },
    [COLUMN_PERSON] = { NC_ ("matter column", "Responsible person"), TJ_REPORT_TEXT, 0 },
    [COLUMN_ASSIGNED] = { NC_ ("matter column", "Assigned on"), TJ_REPORT_DATE, 0 },
    [COLUMN_DEADLINE] = { NC_ ("matter column", "Deadline"), TJ_REPORT_DATE, 0 },
    [COLUMN_EXTENDED] = { NC_ ("matter column", "Extended to"), TJ_REPORT_DATE, 0 },
    [COLUMN_FINISHED] = { NC_ ("matter column", "Finished on"), TJ_REPORT_DATE, 0 },
    [COLUMN_STATUS] = { NC_ ("matter column", "Status"), TJ_REPORT_TEXT, 0 },
    [COLUMN_REPORT] = { NC_ ("matter column", "Latest report"), TJ_REPORT_TEXT, 40 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    tj_report_add_column (report, g_dpgettext2 (NULL, "matter column", columns[i].header),
                          columns[i].type, columns[i].max_width);
}

typedef struct
{
  TjReport *report;
  const char *as_of;
  guint n;
  guint counts[TJ_MATTER_OVERDUE + 1];
  /* the labels translated once, not twice a row */
  const char *kinds[TJ_MEETING_TOUR + 1];
  const char *statuses[TJ_MATTER_OVERDUE + 1];
  const char *report_format;
} Ledger;

/* One row of the ledger, as the matter is read. */
static gboolean
add_matter (const TjMatterRow *matter,
            gpointer           data,
            GError           **error)
{
  Ledger *ledger = data;
  TjReport *report = ledger->report;
  TjMatterStatus status = tj_matter_status_at (matter->finished, matter->deadline_in_force,
                                               ledger->as_of);
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

  ledger->counts[status]++;
  tj_report_set_integer (report, row, COLUMN_NUMBER, ++ledger->n);
  tj_report_set_date (report, row, COLUMN_MEETING_DATE, matter->meeting_date);
  tj_report_set_text (report, row, COLUMN_MEETING_KIND,
                      matter->meeting_kind <= TJ_MEETING_TOUR
                        ? ledger->kinds[matter->meeting_kind]
                        : tj_meeting_kind_label (matter->meeting_kind));
  tj_report_set_text (report, row, COLUMN_MEETING_NAME, matter->meeting_name);
  tj_report_set_text (report, row, COLUMN_CONTENT, matter->content);
  tj_report_set_text (report, row, COLUMN_PROJECT, matter->project_name);
  tj_report_set_text (report, row, COLUMN_LOCALITY, matter->locality_name);
  tj_report_set_text (report, row, COLUMN_LEADER, matter->leader_name);
  tj_report_set_text (report, row, COLUMN_UNIT, matter->unit_name);
  tj_report_set_text (report, row, COLUMN_PERSON, matter->person);
  tj_report_set_date (report, row, COLUMN_ASSIGNED, matter->assigned);
  tj_report_set_date (report, row, COLUMN_DEADLINE, matter->deadline);
  if (g_strcmp0 (matter->deadline_in_force, matter->deadline) != 0)
    tj_report_set_date (report, row, COLUMN_EXTENDED, matter->deadline_in_force);
  tj_report_set_date (report, row, COLUMN_FINISHED, matter->finished);
  tj_report_set_text (report, row, COLUMN_STATUS, ledger->statuses[status]);
  if (matter->report_date != NULL)
    {
      g_autofree char *latest = g_strdup_printf (ledger->report_format, matter->report_date,
                                                 matter->report_text);

      tj_report_set_text (report, row, COLUMN_REPORT, latest);
    }
  return TRUE;
}

/* The ledger of the matters of the meetings held in year, their status as of as_of: each row
 * laid out as it is read (tj_matter_foreach), no object per matter. */
TjReportBook *
tj_matter_ledger_book (TjDb       *db,
                       int         year,
                       const char *as_of,
                       GError    **error)
{
  g_autoptr (TjReport) report = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  Ledger ledger = { .as_of = as_of };
  guint *counts = ledger.counts;
  TjReportBook *book;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  org = tj_settings_organisation (db);
  /* Translators: the title of the ledger of matters: "登封市2026年会议议定事项督办台账" */
  title = g_strdup_printf (_("%s %d Ledger of Meeting Matters"), org, year);
  report = tj_report_new (C_("matter sheet", "Matters"), title);
  /* Translators: the subtitle of the ledger of matters: "（截至2026-05-20）" */
  subtitle = g_strdup_printf (_("(as of %s)"), as_of);
  tj_report_set_subtitle (report, subtitle);
  add_columns (report);
  report->frozen_columns = COLUMN_CONTENT + 1;

  ledger.report = report;
  for (guint i = 0; i < G_N_ELEMENTS (ledger.kinds); i++)
    ledger.kinds[i] = tj_meeting_kind_label (i);
  for (guint i = 0; i < G_N_ELEMENTS (ledger.statuses); i++)
    ledger.statuses[i] = tj_matter_status_label (i);
  /* Translators: a report in the ledger's column: "2026-05-10：已完成土地报批" */
  ledger.report_format = _("%s: %s");
  if (!tj_matter_foreach (db, year, as_of, TRUE, add_matter, &ledger, error))
    return NULL;

  /* Translators: "合计：共 12 项，其中办理中 5 项，按期办结 4 项，逾期办结 1 项，超期未办结 2 项。" */
  total = g_strdup_printf (_("Total: %u matters; %s %u, %s %u, %s %u, %s %u."), ledger.n,
                           tj_matter_status_label (TJ_MATTER_IN_PROGRESS),
                           counts[TJ_MATTER_IN_PROGRESS],
                           tj_matter_status_label (TJ_MATTER_DONE_ON_TIME),
                           counts[TJ_MATTER_DONE_ON_TIME],
                           tj_matter_status_label (TJ_MATTER_DONE_LATE),
                           counts[TJ_MATTER_DONE_LATE],
                           tj_matter_status_label (TJ_MATTER_OVERDUE),
                           counts[TJ_MATTER_OVERDUE]);
  tj_report_add_note (report, total);
  tj_report_add_note (report,
                      _("Note: the deadline in force is the new date of the extension approved "
                        "last, else the deadline. A matter finished on or before it is finished "
                        "on time, after it late; one not finished is overdue once the day is "
                        "past it."));

  book = tj_report_book_new (org);
  tj_report_book_add (book, g_steal_pointer (&report));
  return book;
}

/* Writes 督办台账 by the file's extension (tj_report_book_write checks it): .xlsx, .pdf or
 * .csv. */
gboolean
tj_matter_write_ledger (TjDb       *db,
                        int         year,
                        const char *as_of,
                        const char *path,
                        GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_matter_ledger_book (db, year, as_of, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
