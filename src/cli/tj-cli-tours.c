/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-db.h"
#include "tj-report-format.h"
#include "tj-tour.h"

/* tuijin export tour --date D --output F: the tour's scores and ranking (观摩评分排名表). */

#define print_error tj_cli_print_error

int
tj_cli_run_export_tour (TjDb  *db,
                        int    argc,
                        char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export tour", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (date_text == NULL || output == NULL)
    {
      print_error (_("%s needs --date YYYY-MM-DD and --output FILE.xlsx, FILE.pdf or FILE.csv."),
                   "export tour");
      return TJ_EXIT_USAGE;
    }
  if ((date = tj_date_parse (date_text, &error)) == NULL)
    {
      print_error ("--date: %s", error->message);
      return TJ_EXIT_USAGE;
    }
  if (!tj_report_format_from_path (output, NULL, &error))
    {
      print_error ("%s", error->message);
      return TJ_EXIT_USAGE;
    }
  if (!tj_tour_write (db, date, output, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将 2026-04-18 的观摩评分排名导出到 F.xlsx。" */
  g_print (_("Exported the scores and ranking of the tour of %1$s to %2$s.\n"), date, output);
  return TJ_EXIT_OK;
}
