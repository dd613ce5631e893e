/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-db.h"
#include "tj-element.h"
#include "tj-error.h"
#include "tj-exit.h"
#include "tj-project.h"

/* Project exit (退出, policy 十二):
 * tuijin export exits --year Y [--as-of D] --output F: 退出建议名单;
 * tuijin propose exit --year Y --project NAME --date D --reason TEXT: a proposal by hand;
 * tuijin decide exit --year Y --project NAME --date D --document NO [--land MU --land-date D]. */

#define print_error tj_cli_print_error

/* The id of year's project NAME, or 0 after setting error. */
static gint64
find_project (TjDb       *db,
              int         year,
              const char *name,
              GError    **error)
{
  g_autofree char *message = NULL;
  gint64 id;

  if (!tj_year_check (year, error))
    return 0;
  if ((id = tj_project_find (db, year, name)) != 0)
    return id;
  if ((message = tj_project_unknown_message (db, year, name, error)) != NULL)
    g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, message);
  return 0;
}

int
tj_cli_run_export_exits (TjDb  *db,
                         int    argc,
                         char **argv)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export exits", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (year == 0 || output == NULL)
    {
      /* Translators: "export exits 需要 --year 年度 和 --output 文件.xlsx、文件.pdf 或 文件.csv。" */
      print_error (_("%s needs --year Y and --output FILE.xlsx, FILE.pdf or FILE.csv."),
                   "export exits");
      return TJ_EXIT_USAGE;
    }
  if (as_of_text == NULL)
    as_of = tj_date_today ();
  else if (!tj_cli_parse_day ("as-of", as_of_text, &as_of))
    return TJ_EXIT_USAGE;
  if (!tj_cli_check_output (output))
    return TJ_EXIT_USAGE;
  if (!tj_exit_write (db, year, as_of, output, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将2026年度退出建议名单（截至 2026-09-30）导出到 F.xlsx。" */
  g_print (_("Exported the exit proposals of %1$d (as of %2$s) to %3$s.\n"), year, as_of, output);
  return TJ_EXIT_OK;
}

int
tj_cli_run_propose_exit (TjDb  *db,
                         int    argc,
                         char **argv)
{
  g_autofree char *project = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0;
  gint64 id;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "propose exit", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (year == 0 || project == NULL || date == NULL || reason == NULL)
    {
      /* Translators: "propose exit 需要 --year 年度、--project 项目名称、--date 日期 和
       * --reason 理由。" */
      print_error (_("%s needs --year Y, --project NAME, --date YYYY-MM-DD and --reason TEXT."),
                   "propose exit");
      return TJ_EXIT_USAGE;
    }
  if ((id = find_project (db, year, project, &error)) == 0 ||
      !tj_exit_propose (db, id, date, reason, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已提出“嵩山大道”的退出建议（2026-06-10）。" */
  g_print (_("Proposed the exit of “%1$s” (%2$s).\n"), project, date);
  return TJ_EXIT_OK;
}

int
tj_cli_run_decide_exit (TjDb  *db,
                        int    argc,
                        char **argv)
{
  g_autofree char *project = NULL;
  g_autofree char *date = NULL;
  g_autofree char *document = NULL;
  g_autofree char *land_text = NULL;
  g_autofree char *land_date = NULL;
  g_autoptr (GError) error = NULL;
  gint64 land = -1;
  int year = 0;
  gint64 id;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, NULL, NULL },
    { "land", 0, 0, G_OPTION_ARG_STRING, &land_text, NULL, NULL },
    { "land-date", 0, 0, G_OPTION_ARG_STRING, &land_date, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "decide exit", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (year == 0 || project == NULL || date == NULL)
    {
      /* Translators: "decide exit 需要 --year 年度、--project 项目名称 和 --date 日期。" */
      print_error (_("%s needs --year Y, --project NAME and --date YYYY-MM-DD."), "decide exit");
      return TJ_EXIT_USAGE;
    }
  if (land_text != NULL && !tj_element_parse_amount (TJ_ELEMENT_LAND, land_text, &land, &error))
    {
      print_error ("--land: %s", error->message);
      return TJ_EXIT_USAGE;
    }
  if ((id = find_project (db, year, project, &error)) == 0 ||
      !tj_exit_decide (db, id, date, document, land, land_date, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已记录“嵩山大道”的退出决定（2026-07-01）。" */
  g_print (_("Recorded the exit decision of “%1$s” (%2$s).\n"), project, date);
  return TJ_EXIT_OK;
}
