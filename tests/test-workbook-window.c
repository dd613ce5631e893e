/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel in, in the window: the import choosers offer workbooks as well as CSV and say so. */
#include "tj-test-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tj-file-chooser.h"

static gboolean
filter_takes (GtkFileFilter *filter,
              const char    *name)
{
  g_autoptr (GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static void
test_ledger_import_filter (void)
{
  g_autoptr (GtkFileChooserNative) chooser = NULL;
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) filter = NULL;

  /* as the window's 导入台账… and the 进度填报 page's import make theirs (not shown: GTK 4.8's
   * chooser, shown without a portal and closed at once, loses what its folder reading held) */
  chooser = gtk_file_chooser_native_new ("test", NULL, GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  tj_file_chooser_add_import_filter (GTK_FILE_CHOOSER (chooser), _("Ledgers (Excel or CSV)"));
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  filter = g_list_model_get_item (filters, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "台账（Excel 或 CSV）");
  g_assert_true (filter_takes (filter, "2026年台账.xlsx"));
  g_assert_true (filter_takes (filter, "2026年台账.XLS"));
  g_assert_true (filter_takes (filter, "2026年台账.csv"));
  g_assert_false (filter_takes (filter, "2026年台账.pdf"));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/tj/workbook/window/ledger-import-takes-workbooks", test_ledger_import_filter);
  return g_test_run ();
}
