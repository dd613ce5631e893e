/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 进度填报 page's townships not returned: all of them before any kit comes back; two
 * localities' kits imported from a folder (导入乡镇填报包…): the dialog lists each township,
 * returned with its rows or not, and the line names two fewer; a row of the first kit with
 * 存在问题 but no figure shows as a reminder under its township. */
#include "tj-test-window.h"

#include <string.h>

#include "tj-demo.h"
#include "tj-kit.h"
#include "tj-progress-page.h"

#define YEAR 2026

/* Fills the kit at path (kit-fill.py's mode); its output's last line. */
static char *
fill (const char *path,
      const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "kit-fill.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, mode, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  return g_strdup (lines[0] != NULL ? lines[g_strv_length (lines) - 1] : "");
}

static char *
locality_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *end = strstr (base, "」");

  *end = '\0';
  return g_strdup (base + strlen ("「"));
}

static void
test_unreturned (void)
{
  TjTestWindow f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kits = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *line = NULL;
  AdwMessageDialog *dialog;
  const char *body;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;
  const char *paths[2] = { NULL };
  TjProgressPage *page;
  const char *after;
  g_autofree char *note = NULL;
  g_auto (GStrv) noted = NULL;
  g_autofree char *reminder = NULL;

  f.db = tj_test_db_new (&f.dir);
  g_assert_true (tj_demo_fill (f.db, YEAR, &error));
  g_assert_no_error (error);
  tj_test_window_open (&f);
  page = tj_window_get_progress_page (f.window);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f.window), "progress");
  tj_page_set_year (TJ_PAGE (page), YEAR);
  tj_progress_page_set_month (page, 11);
  tj_test_wait_idle ();

  /* November: no report yet, so no township has returned */
  folder = g_build_filename (f.dir, "kits", NULL);
  kits = tj_kit_export (f.db, YEAR, 11, NULL, folder, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("11月未报送的乡镇（%u个）：", kits->len);
  before = g_strdup (tj_progress_page_get_unreturned_text (page));
  g_assert_nonnull (before);
  g_assert_true (g_str_has_prefix (before, expected));
  tj_test_screenshot (GTK_WIDGET (f.window), "kit-unreturned-before.png");

  paths[0] = g_ptr_array_index (kits, 0);
  paths[1] = g_ptr_array_index (kits, 1);
  returned = g_build_filename (f.dir, "returned", NULL);
  g_mkdir (returned, 0755);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autofree char *copy = g_build_filename (returned, base, NULL);
      g_autofree char *bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (paths[i], &bytes, &length, &error));
      g_assert_true (g_file_set_contents (copy, bytes, length, &error));
      if (i == 0)
        note = fill (copy, "note");
      else
        g_free (fill (copy, "fill"));
    }
  first = locality_of (paths[0]);
  second = locality_of (paths[1]);
  g_assert_nonnull (strstr (before, first));
  tj_progress_page_import_kits (page, returned);
  dialog = tj_test_wait_for_dialog ("填报包已导入");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "已报送 2 个乡镇"));
  /* each township's line, left-aligned under the summary in the dialog's scrolled detail */
  body = gtk_label_get_text (GTK_LABEL (gtk_viewport_get_child (GTK_VIEWPORT (
    gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (
      adw_message_dialog_get_extra_child (dialog)))))));
  line = g_strdup_printf ("%s：已报送（填报 ", first);
  g_assert_nonnull (strstr (body, line));
  g_assert_nonnull (strstr (body, "：未报送"));
  /* the row without a figure: named by its row and project under its township, nothing refused */
  noted = g_strsplit (note, "\t", -1);
  g_assert_cmpstr (noted[1], ==, "-");
  reminder = g_strdup_printf ("提醒：「%s」", first);
  g_assert_nonnull (strstr (body, reminder));
  g_clear_pointer (&reminder, g_free);
  reminder = g_strdup_printf ("第 %s 行“%s”：当月完成：尚未填报。", noted[2], noted[0]);
  g_assert_nonnull (strstr (body, reminder));
  g_assert_true (strstr (body, reminder) > strstr (body, line));
  tj_test_screenshot (GTK_WIDGET (dialog), "kit-import-dialog.png");
  tj_test_respond (dialog, "close");
  tj_test_wait_idle ();

  after = tj_progress_page_get_unreturned_text (page);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("11月未报送的乡镇（%u个）：", kits->len - 2);
  g_assert_true (g_str_has_prefix (after, expected));
  g_assert_null (strstr (after, first));
  g_assert_null (strstr (after, second));
  tj_test_screenshot (GTK_WIDGET (f.window), "kit-unreturned-after.png");
  tj_test_window_close (&f);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/kit-window/unreturned", test_unreturned);
  return g_test_run ();
}
