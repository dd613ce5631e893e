/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel in, in the window: the ledger import's chooser offers workbooks as well as CSV and says
 * so, under Xvfb (the dialog a native chooser shows without a portal). */
#include "tj-test-window.h"

#include <adwaita.h>

/* The file chooser dialog shown now, or NULL. */
static GtkFileChooser *
find_chooser (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return GTK_FILE_CHOOSER (l->data);
  return NULL;
}

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
  TjTestWindow f = { 0 };
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) filter = NULL;
  GtkFileChooser *chooser;

  f.db = tj_test_db_new (&f.dir);
  tj_test_window_open (&f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", NULL));
  tj_test_wait_idle ();
  chooser = find_chooser ();
  g_assert_nonnull (chooser);
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  filter = g_list_model_get_item (filters, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "台账（Excel 或 CSV）");
  g_assert_true (filter_takes (filter, "2026年台账.xlsx"));
  g_assert_true (filter_takes (filter, "2026年台账.XLS"));
  g_assert_true (filter_takes (filter, "2026年台账.csv"));
  g_assert_false (filter_takes (filter, "2026年台账.pdf"));
  tj_test_screenshot (GTK_WIDGET (chooser), "workbook-import-chooser.png");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  tj_test_wait_idle ();
  tj_test_window_close (&f);
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
