/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-db.h"
#include "tj-statistics-entry.h"

/* tuijin record follow-up --year Y --project NAME --date D --note TEXT [--by NAME]: what the
 * office did to get a project entered in the statistics (统计入库跟进, policy 八). */

#define print_error tj_cli_print_error

int
tj_cli_run_record_follow_up (TjDb  *db,
                             int    argc,
                             char **argv)
{
  g_autofree char *project = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *note = NULL;
  g_autofree char *by = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "record follow-up", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (year == 0 || project == NULL || date == NULL || note == NULL)
    {
      /* Translators: "record follow-up 需要 --year 年度、--project 项目名称、--date 日期 和
       * --note 跟进情况。" */
      print_error (_("%s needs --year Y, --project NAME, --date YYYY-MM-DD and --note TEXT."),
                   "record follow-up");
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_day ("date", date, &day))
    return TJ_EXIT_USAGE;
  if (!tj_statistics_followup_add (db, year, project, day, note, by, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已记录“嵩山大道”的统计入库跟进（2026-06-02）。" */
  g_print (_("Recorded a statistics entry follow-up of “%1$s” (%2$s).\n"), project, day);
  return TJ_EXIT_OK;
}
