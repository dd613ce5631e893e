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

int tj_cli_run_issue_bulletin (TjDb *db, int argc, char **argv);
int tj_cli_run_unlock_bulletin (TjDb *db, int argc, char **argv);

#define print_error tj_cli_print_error

/* The command's options, and nothing else; FALSE after printing what is wrong. */
static gboolean
parse_options (int           argc,
               char        **argv,
               const char   *name,
               GOptionEntry *entries)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 2);

  args[0] = g_strdup (name);
  for (int i = 0; i < argc; i++)
    args[i + 1] = g_strdup (argv[i]);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  if (g_strv_length (args) > 1)
    {
      /* Translators: "“issue bulletin” 不接受参数“x”。" */
      print_error (_("“%s” takes no argument “%s”."), name, args[1]);
      return FALSE;
    }
  return TRUE;
}

int
tj_cli_run_issue_bulletin (TjDb  *db,
                           int    argc,
                           char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjPeriodStatus) status = NULL;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL },
  };
  int year, month;
  guint count = 0;

  if (!parse_options (argc, argv, "issue bulletin", entries))
    return TJ_EXIT_USAGE;
  if (month_text == NULL || by == NULL)
    {
      print_error ("%s", _("issue bulletin needs --month YYYY-MM and --by NAME."));
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_month (month_text, &year, &month))
    return TJ_EXIT_USAGE;
  if (date == NULL)
    date = tj_date_today ();

  if (!tj_period_issue (db, year, month, date, by, &error) ||
      !tj_period_status_full (db, year, month, NULL, FALSE, &status, &error) ||
      !tj_period_count_reports (db, year, month, &count, &error))
    {
      print_error ("%s", error->message);
      return TJ_EXIT_BAD_DATA;
    }
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
  g_autofree char *month_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL },
  };
  int year, month;

  if (!parse_options (argc, argv, "unlock bulletin", entries))
    return TJ_EXIT_USAGE;
  if (month_text == NULL || by == NULL || reason == NULL)
    {
      print_error ("%s", _("unlock bulletin needs --month YYYY-MM, --by NAME and --reason TEXT."));
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_month (month_text, &year, &month))
    return TJ_EXIT_USAGE;

  if (!tj_period_unlock (db, year, month, by, reason, &error))
    {
      print_error ("%s", error->message);
      return TJ_EXIT_BAD_DATA;
    }
  /* Translators: "已解锁 2026年10月的月报（原因：统计局反馈数据更正），已记入操作日志。" */
  g_print (_("Unlocked the reports of %1$d-%2$02d (reason: %3$s); the audit log keeps it.\n"),
           year, month, g_strstrip (reason));
  return TJ_EXIT_OK;
}
