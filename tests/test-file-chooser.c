/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the file choosers start (issue 7, point 13): the user's Documents folder (home without
 * one) the first time, then the folder of the last file chosen, under Xvfb. */
#include "tj-test.h"

#include <adwaita.h>

#include "tj-test-ui.h"

#include "tj-file-chooser.h"

static char *root;      /* a folder of the test's own, holding the XDG configuration */
static char *documents; /* the Documents folder user-dirs.dirs names, made by the test */

static GSettings *
app_settings (void)
{
  return g_settings_new (APPLICATION_ID);
}

/* The folder a new chooser shows once prepared: the dialog a native chooser shows without a
 * portal, as under Xvfb. GTK sets the folder as it loads it: waited for, up to two seconds. */
static char *
prepared_folder (GtkFileChooserAction action)
{
  GtkWidget *chooser;
  g_autoptr (GFile) folder = NULL;

  chooser = gtk_file_chooser_dialog_new ("test", NULL, action, "_Cancel", GTK_RESPONSE_CANCEL,
                                         "_Open", GTK_RESPONSE_ACCEPT, NULL);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (chooser));
  for (int waited = 0; waited < 2000 && folder == NULL; waited += 50)
    {
      tj_test_wait_idle ();
      folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
      if (folder == NULL)
        tj_test_wait_ms (50);
    }
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_assert_nonnull (folder);
  return g_file_get_path (folder);
}

static void
test_first_time (void)
{
  g_autoptr (GSettings) settings = app_settings ();
  g_autofree char *home_start = NULL;
  g_autofree char *documents_start = NULL;

  g_settings_reset (settings, "last-folder");
  /* no Documents folder yet: home */
  g_assert_false (g_file_test (documents, G_FILE_TEST_EXISTS));
  home_start = prepared_folder (GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (home_start, ==, g_get_home_dir ());

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  documents_start = prepared_folder (GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (documents_start, ==, documents);
}

static void
test_last_folder (void)
{
  g_autoptr (GSettings) settings = app_settings ();
  g_autofree char *last = g_build_filename (root, "月报 2026", NULL);
  g_autofree char *start = NULL;
  g_autofree char *after_removal = NULL;

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (last, 0700), ==, 0);
  g_settings_set_string (settings, "last-folder", last);
  start = prepared_folder (GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (start, ==, last);

  /* a folder removed since: Documents again, not an error */
  g_assert_cmpint (g_rmdir (last), ==, 0);
  after_removal = prepared_folder (GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (after_removal, ==, documents);
}

static void
test_remember (void)
{
  g_autoptr (GSettings) settings = app_settings ();
  g_autofree char *folder = g_build_filename (root, "导出", NULL);
  g_autofree char *path = g_build_filename (folder, "2026年重点项目清单.xlsx", NULL);
  g_autoptr (GFile) gfolder = g_file_new_for_path (folder);
  g_autoptr (GFile) chosen = NULL;
  GtkWidget *chooser;
  g_autofree char *remembered = NULL;
  g_autofree char *next = NULL;

  g_settings_reset (settings, "last-folder");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* the dialog a native chooser shows without a portal, as under Xvfb */
  chooser = gtk_file_chooser_dialog_new ("test", NULL, GTK_FILE_CHOOSER_ACTION_SAVE, "_Cancel",
                                         GTK_RESPONSE_CANCEL, "_Save", GTK_RESPONSE_ACCEPT, NULL);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (chooser));
  gtk_window_present (GTK_WINDOW (chooser));
  tj_test_wait_idle ();
  /* the user goes to another folder and types a name */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), gfolder, NULL));
  tj_test_wait_ms (200);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "2026年重点项目清单.xlsx");
  tj_test_wait_idle ();
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (g_file_peek_path (chosen), ==, path);
  tj_file_chooser_remember (GTK_FILE_CHOOSER (chooser));
  gtk_window_destroy (GTK_WINDOW (chooser));

  remembered = g_settings_get_string (settings, "last-folder");
  g_assert_cmpstr (remembered, ==, folder);
  next = prepared_folder (GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (next, ==, folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *contents = NULL;
  int status;

  /* before anything reads the special folders: a Documents folder of the test's own */
  root = g_dir_make_tmp ("tuijin-chooser-XXXXXX", NULL);
  g_assert_nonnull (root);
  config = g_build_filename (root, "config", NULL);
  documents = g_build_filename (root, "文档", NULL);
  user_dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  contents = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_dirs, contents, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/tj/file-chooser/first-time", test_first_time);
  g_test_add_func ("/tj/file-chooser/last-folder", test_last_folder);
  g_test_add_func ("/tj/file-chooser/remember", test_remember);
  status = g_test_run ();

  g_rmdir (documents);
  g_remove (user_dirs);
  g_rmdir (config);
  g_rmdir (root);
  g_free (documents);
  g_free (root);
  return status;
}
