/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file an export writes goes through here: the data goes to a temporary file in the
 * target's folder, named after the target and the writing process
 * (".名单.xlsx.tj-PID-HOST-<unique>.part", hidden), and is renamed over the target only when it is
 * complete and on disk. A failed or cancelled write removes the temporary file and leaves the
 * target as it was; temporaries that a killed process left for the same target (its process
 * gone, or older than an hour) are removed before writing.
 *
 * The cancellable is the thread's current one (g_cancellable_push_current): a file job pushes
 * its own, and writers ask tj_output_file_is_cancelled() between rows or pages. */
typedef struct _TjOutputFile TjOutputFile;

TjOutputFile *tj_output_file_new (const char *path,
                                  GError    **error);
const char *tj_output_file_get_temp_path (TjOutputFile *self);
gboolean tj_output_file_write (TjOutputFile *self,
                               const void   *data,
                               gsize         length,
                               GError      **error);
gboolean tj_output_file_is_cancelled (TjOutputFile *self);
gboolean tj_output_file_commit (TjOutputFile *self,
                                GError      **error);
void tj_output_file_free (TjOutputFile *self);

guint tj_output_file_remove_stale (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjOutputFile, tj_output_file_free)

G_END_DECLS
