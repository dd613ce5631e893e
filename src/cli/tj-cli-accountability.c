/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-accountability.h"
#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-db.h"

/* tuijin export accountability --from D1 --to D2 --output F [--as-of D]: 责任追究清单. */

#define print_error tj_cli_print_error

int
tj_cli_run_export_accountability (TjDb  *db,
                                  int    argc,
                                  char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *as_of = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, NULL, NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export accountability", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (from_text == NULL || to_text == NULL || output == NULL)
    {
      /* Translators: "export accountability 需要 --from 起始日期、--to 截止日期 和 --output
       * 文件.xlsx、文件.pdf 或 文件.csv。" */
      print_error (_("%s needs --from YYYY-MM-DD, --to YYYY-MM-DD and --output FILE.xlsx, "
                     "FILE.pdf or FILE.csv."),
                   "export accountability");
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_day ("from", from_text, &from) || !tj_cli_parse_day ("to", to_text, &to))
    return TJ_EXIT_USAGE;
  if (as_of_text == NULL)
    as_of = tj_date_today ();
  else if (!tj_cli_parse_day ("as-of", as_of_text, &as_of))
    return TJ_EXIT_USAGE;
  if (!tj_cli_check_output (output))
    return TJ_EXIT_USAGE;
  if (!tj_accountability_write (db, from, to, as_of, output, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将 2026-04-01 至 2026-04-30 的责任追究清单（截至 2026-05-20）导出到 F.xlsx。" */
  g_print (_("Exported the accountability list of %1$s to %2$s (as of %3$s) to %4$s.\n"), from,
           to, as_of, output);
  return TJ_EXIT_OK;
}
