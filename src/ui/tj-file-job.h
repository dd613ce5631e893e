/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_FILE_JOB (tj_file_job_get_type ())
G_DECLARE_FINAL_TYPE (TjFileJob, tj_file_job, TJ, FILE_JOB, GObject)

/* Reads or writes a file in a worker thread, on a connection of its own to the same database.
 * The job holds the application while it runs: closing the window does not cut a file in half.
 * tj_file_job_run returns the job's cancellable (owned by the job, valid until @done has run);
 * writers see it as the thread's current cancellable (tj-output-file), and a cancelled export
 * leaves no file. @done is not called when @source_object is a widget whose window is gone.
 * The tables the job wrote are told on @db ("changed::TABLE") before @done runs. */
typedef gboolean (*TjFileJobFunc) (TjDb       *db,
                                   const char *path,
                                   gpointer    data,
                                   GError    **error);

/* The jobs of one owner (a window's imports, a page's exports): "busy" while any of them runs,
 * for binding to what must not be used meanwhile. */
TjFileJob *tj_file_job_new (void);
gboolean tj_file_job_get_busy (TjFileJob *self);
GCancellable *tj_file_job_start (TjFileJob          *self,
                                 gpointer            source_object,
                                 TjDb               *db,
                                 const char         *path,
                                 TjFileJobFunc       func,
                                 gpointer            data,
                                 GDestroyNotify      data_free,
                                 GAsyncReadyCallback done,
                                 gpointer            user_data);

/* A job that no TjFileJob follows. */
GCancellable *tj_file_job_run (gpointer            source_object,
                               TjDb               *db,
                               const char         *path,
                               TjFileJobFunc       func,
                               gpointer            data,
                               GDestroyNotify      data_free,
                               GAsyncReadyCallback done,
                               gpointer            user_data);
gboolean tj_file_job_finish (GAsyncResult *result,
                             GError      **error);
gpointer tj_file_job_get_data (GAsyncResult *result);
const char *tj_file_job_get_path (GAsyncResult *result);
void tj_file_job_cancel_all (void);

G_END_DECLS
