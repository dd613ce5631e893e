/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-assessment.h"
#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-ranking.h"

/* tuijin export ranking --quarter 2026-Q3 --output F and
 * tuijin export assessment --year Y [--half] --output F: 季排名, 半年和年度考核. */

#define print_error tj_cli_print_error

int
tj_cli_run_export_ranking (TjDb  *db,
                           int    argc,
                           char **argv)
{
  g_autofree char *quarter_text = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  int year, quarter;
  GOptionEntry entries[] = {
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &quarter_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export ranking", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (quarter_text == NULL || output == NULL)
    {
      /* Translators: "export ranking 需要 --quarter 年份-Q季度（如 2026-Q3）和 --output 文件.xlsx、
       * 文件.pdf 或 文件.csv。" */
      print_error (_("%s needs --quarter YYYY-QN (as 2026-Q3) and --output FILE.xlsx, FILE.pdf "
                     "or FILE.csv."),
                   "export ranking");
      return TJ_EXIT_USAGE;
    }
  if (!tj_quarter_parse (quarter_text, &year, &quarter, &error))
    {
      print_error ("--quarter: %s", error->message);
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_check_output (output))
    return TJ_EXIT_USAGE;
  if (!tj_ranking_write (db, year, quarter, output, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将 2026 年第三季度的排名导出到 F.xlsx。"; %2$s is the quarter's name
   * ("三季度") */
  g_print (_("Exported the ranking of %1$d %2$s to %3$s.\n"), year, tj_quarter_name (quarter),
           output);
  return TJ_EXIT_OK;
}

int
tj_cli_run_export_assessment (TjDb  *db,
                              int    argc,
                              char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  gboolean half = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "half", 0, 0, G_OPTION_ARG_NONE, &half, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export assessment", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (year == 0 || output == NULL)
    {
      /* Translators: "export assessment 需要 --year 年份 和 --output 文件.xlsx、文件.pdf 或
       * 文件.csv（--half：上半年）。" */
      print_error (_("%s needs --year Y and --output FILE.xlsx, FILE.pdf or FILE.csv (--half: "
                     "the first half-year)."),
                   "export assessment");
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_check_year (year) || !tj_cli_check_output (output))
    return TJ_EXIT_USAGE;
  if (!tj_assessment_write (db, year, half, output, &error))
    return tj_cli_bad_data (error);
  if (half)
    /* Translators: "已将 2026 年上半年考核导出到 F.xlsx。" */
    g_print (_("Exported the half-year assessment of %1$d to %2$s.\n"), year, output);
  else
    /* Translators: "已将 2026 年度考核导出到 F.xlsx。" */
    g_print (_("Exported the annual assessment of %1$d to %2$s.\n"), year, output);
  return TJ_EXIT_OK;
}
