/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-file-job"
#include "config.h"

#include "tj-file-job.h"

/* Imports and exports run here so that the window never freezes; SQLite connections belong to
 * one thread each, so the worker opens its own and the window's connection is told of changes
 * by the caller when the job is done. */
typedef struct
{
  char *db_path;
  char *path;
  TjFileJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
file_job_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (job->db_path, &error);

  if (db == NULL || !job->func (db, job->path, job->data, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
tj_file_job_run (gpointer            source_object,
                 TjDb               *db,
                 const char         *path,
                 TjFileJobFunc       func,
                 gpointer            data,
                 GDestroyNotify      data_free,
                 GAsyncReadyCallback done,
                 gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (source_object, NULL, done, user_data);
  FileJob *job = g_new0 (FileJob, 1);

  job->db_path = g_strdup (tj_db_get_path (db));
  job->path = g_strdup (path);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, file_job_thread);
}

gboolean
tj_file_job_finish (GAsyncResult *result,
                    GError      **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
tj_file_job_get_data (GAsyncResult *result)
{
  FileJob *job = g_task_get_task_data (G_TASK (result));

  return job->data;
}

const char *
tj_file_job_get_path (GAsyncResult *result)
{
  FileJob *job = g_task_get_task_data (G_TASK (result));

  return job->path;
}
