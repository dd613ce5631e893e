/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Every file chooser of the application starts in the folder of the last file chosen (the
 * "last-folder" setting) or, the first time, in the user's Documents folder (home without one),
 * and remembers the folder of a file chosen. */
char *tj_file_chooser_get_start_folder (void);
void tj_file_chooser_prepare (GtkFileChooser *chooser);
void tj_file_chooser_remember (GtkFileChooser *chooser);
void tj_file_chooser_add_import_filter (GtkFileChooser *chooser,
                                        const char     *label);

G_END_DECLS
