/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-meeting-pack.h"
#include "tj-report-format.h"

/* export meeting-pack --date D --output F: the matters the monthly meeting on D reviews. */
int
tj_cli_run_export_meeting_pack (TjDb  *db,
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

  if (!tj_cli_parse_options (argc, argv, "export meeting-pack", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (date_text == NULL || output == NULL)
    {
      /* Translators: "export meeting-pack 需要 --date 会议日期 和 --output 文件.xlsx、文件.pdf 或
       * 文件.csv。" */
      tj_cli_print_error (_("%s needs --date YYYY-MM-DD and --output FILE.xlsx, FILE.pdf or "
                            "FILE.csv."),
                          "export meeting-pack");
      return TJ_EXIT_USAGE;
    }
  if ((date = tj_date_parse (date_text, &error)) == NULL)
    {
      tj_cli_print_error ("--date: %s", error->message);
      return TJ_EXIT_USAGE;
    }
  if (!tj_report_format_from_path (output, NULL, &error))
    {
      tj_cli_print_error ("%s", error->message);
      return TJ_EXIT_USAGE;
    }
  if (!tj_meeting_pack_write (db, date, output, &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将 2026-06-05 月例会的督办材料导出到 F.xlsx。" */
  g_print (_("Exported the meeting pack of %s to %s.\n"), date, output);
  return TJ_EXIT_OK;
}
