/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-file-chooser"
#include "config.h"

#include "tj-file-chooser.h"

#define LAST_FOLDER_KEY "last-folder"

/* The folder a chooser opens in: the last one used while it exists, else Documents, else home. */
char *
tj_file_chooser_get_start_folder (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = g_settings_get_string (settings, LAST_FOLDER_KEY);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&last);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);
  return g_strdup (g_get_home_dir ());
}

/* Call before showing the chooser; a save chooser keeps the name set with
 * gtk_file_chooser_set_current_name (). */
void
tj_file_chooser_prepare (GtkFileChooser *chooser)
{
  g_autofree char *folder = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  folder = tj_file_chooser_get_start_folder ();
  file = g_file_new_for_path (folder);
  /* a folder that cannot be shown leaves the chooser where GTK puts it: not worth a dialog */
  if (!gtk_file_chooser_set_current_folder (chooser, file, &error))
    g_debug ("Cannot start the chooser in %s: %s", folder, error->message);
}

/* Call on GTK_RESPONSE_ACCEPT: the folder of the file chosen (or the folder chosen) is where the
 * next chooser starts. */
void
tj_file_chooser_remember (GtkFileChooser *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  file = gtk_file_chooser_get_file (chooser);
  if (file == NULL)
    return;
  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    folder = g_object_ref (file);
  else
    folder = g_file_get_parent (file);
  path = folder != NULL ? g_file_get_path (folder) : NULL;
  if (path == NULL)
    return;
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, LAST_FOLDER_KEY, path);
}

/* The files an import reads: workbooks (.xlsx, .xls) and CSV, whatever the case of their
 * extension; label says so ("台账（Excel 或 CSV）"). */
void
tj_file_chooser_add_import_filter (GtkFileChooser *chooser,
                                   const char     *label)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, label);
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (chooser, filter);
}
