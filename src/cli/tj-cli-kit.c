/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-date.h"
#include "tj-kit.h"

/* tuijin export kit --month M --output DIR [--deadline D] and tuijin import kit DIR-or-files…:
 * the township fill-in kits (乡镇填报包, tj-kit.c). */

#define print_error tj_cli_print_error

int
tj_cli_run_export_kit (TjDb  *db,
                       int    argc,
                       char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0, month = 0;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline_text, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export kit", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (month_text == NULL || output == NULL)
    {
      print_error (_("%s needs --month YYYY-MM and --output FOLDER."), "export kit");
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_month (month_text, &year, &month))
    return TJ_EXIT_USAGE;
  if (deadline_text != NULL && !tj_cli_parse_day ("deadline", deadline_text, &deadline))
    return TJ_EXIT_USAGE;
  if ((written = tj_kit_export (db, year, month, deadline, output, &error)) == NULL)
    return tj_cli_bad_data (error);
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (written, i));
  /* Translators: "已生成 12 个乡镇填报包，保存在 DIR。" */
  g_print (ngettext ("Wrote %u fill-in kit into %s.\n", "Wrote %u fill-in kits into %s.\n",
                     written->len),
           written->len, output);
  return TJ_EXIT_OK;
}

int
tj_cli_run_import_kit (TjDb  *db,
                       int    argc,
                       char **argv)
{
  g_auto (GStrv) files = NULL;
  g_autoptr (TjKitImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gboolean ok;

  if (!tj_cli_parse_options (argc, argv, "import kit", entries, -1, &files))
    return TJ_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    {
      print_error (_("%s needs a folder or the returned workbooks."), "import kit");
      return TJ_EXIT_USAGE;
    }
  ok = tj_kit_import (db, files, &import, &error);
  if (import != NULL)
    {
      for (guint i = 0; i < import->problems->len; i++)
        print_error ("%s", (char *) g_ptr_array_index (import->problems, i));
      for (guint i = 0; i < import->localities->len; i++)
        {
          TjKitLocality *l = g_ptr_array_index (import->localities, i);

          if (l->returned)
            /* Translators: "城关镇：已报送，填报 5 行" */
            g_print (_("%s: returned, %u rows filled\n"), l->locality, l->rows_filled);
          else
            g_print (_("%s: not returned\n"), l->locality);
          for (guint p = 0; p < l->problems->len; p++)
            print_error ("%s", (char *) g_ptr_array_index (l->problems, p));
          for (guint w = 0; w < l->warnings->len; w++)
            print_error ("%s", (char *) g_ptr_array_index (l->warnings, w));
        }
    }
  if (!ok)
    return tj_cli_bad_data (error);
  g_print (_("Imported the kits of %d-%02d: %u reports added, %u updated.\n"), import->year,
           import->month, import->result->added, import->result->updated);
  return TJ_EXIT_OK;
}
