/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-inspection-record.h"
#include "tj-report-format.h"

/* tuijin export inspection-record --id N --output F.pdf: the 巡查记录表 of one inspection with its
 * photos, as the window prints it. */

#define print_error tj_cli_print_error

int
tj_cli_run_export_record (TjDb  *db,
                          int    argc,
                          char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *number = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  TjReportFormat format;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export inspection-record", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (id <= 0 || output == NULL || !tj_report_format_from_path (output, &format, NULL) ||
      format != TJ_REPORT_FORMAT_PDF)
    {
      /* Translators: "export inspection-record 需要 --id 编号 和 --output 文件.pdf。" */
      print_error (_("%s needs --id N and --output FILE.pdf."), "export inspection-record");
      return TJ_EXIT_USAGE;
    }
  if (!tj_inspection_record_write (db, id, output, &error))
    return tj_cli_bad_data (error);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: "已将第 12 号巡查记录表导出到 记录.pdf。" */
  g_print (_("Exported site inspection record %s to %s.\n"), number, output);
  return TJ_EXIT_OK;
}
