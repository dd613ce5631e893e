/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-db.h"
#include "tj-period-lock.h"

/* tuijin issue bulletin, tuijin unlock bulletin: issuing a month's bulletin (签发) locks its
 * reports; a change afterwards needs an unlock with a reason, which the audit log keeps. */

#define print_error tj_cli_print_error

/* Both commands take --month and --by, and one more text option (other, its value in
 * other_value), which is needed when other_needed; usage says what is needed. FALSE after
 * printing what is wrong. */
static gboolean
parse_period_options (int          argc,
                      char       **argv,
                      const char  *name,
                      const char  *other,
                      gboolean     other_needed,
                      const char  *usage,
                      int         *year,
                      int         *month,
                      char       **by,
                      char       **other_value)
{
  g_autofree char *month_text = NULL;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, by, NULL, NULL },
    { other, 0, 0, G_OPTION_ARG_STRING, other_value, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, name, entries, 0, NULL))
    return FALSE;
  if (month_text == NULL || *by == NULL || (other_needed && *other_value == NULL))
    {
      print_error ("%s", usage);
      return FALSE;
    }
  return tj_cli_parse_month (month_text, year, month);
}

int
tj_cli_run_issue_bulletin (TjDb  *db,
                           int    argc,
                           char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjPeriodStatus) status = NULL;
  int year, month;
  guint count = 0;

  if (!parse_period_options (argc, argv, "issue bulletin", "date", FALSE,
                             _("issue bulletin needs --month YYYY-MM and --by NAME."), &year,
                             &month, &by, &date))
    return TJ_EXIT_USAGE;
  if (date == NULL)
    date = tj_date_today ();

  if (!tj_period_issue (db, year, month, date, by, &error) ||
      !tj_period_status_full (db, year, month, NULL, FALSE, &status, &error) ||
      !tj_period_count_reports (db, year, month, &count, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已签发 2026年10月的月通报（2026-11-05，张三）：本月 84 条月报已锁定。" */
  g_print (ngettext ("Issued the bulletin of %1$d-%2$02d (%3$s, %4$s): the month’s %5$u report "
                     "is locked.\n",
                     "Issued the bulletin of %1$d-%2$02d (%3$s, %4$s): the month’s %5$u reports "
                     "are locked.\n",
                     count),
           year, month, status->issued_on, status->issued_by, count);
  return TJ_EXIT_OK;
}

int
tj_cli_run_unlock_bulletin (TjDb  *db,
                            int    argc,
                            char **argv)
{
  int year, month;
  g_autofree char *by = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_period_options (argc, argv, "unlock bulletin", "reason", TRUE,
                             _("unlock bulletin needs --month YYYY-MM, --by NAME and --reason "
                               "TEXT."),
                             &year, &month, &by, &reason))
    return TJ_EXIT_USAGE;

  if (!tj_period_unlock (db, year, month, by, reason, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已解锁 2026年10月的月报（原因：统计局反馈数据更正），已记入操作日志。" */
  g_print (_("Unlocked the reports of %1$d-%2$02d (reason: %3$s); the audit log keeps it.\n"),
           year, month, g_strstrip (reason));
  return TJ_EXIT_OK;
}
