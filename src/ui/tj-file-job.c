/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-file-job"
#include "config.h"

#include <gtk/gtk.h>

#include "tj-file-job.h"

/* Imports and exports run here so that the window never freezes; SQLite connections belong to
 * one thread each, so the worker opens its own, notes the tables its connection reports changed,
 * and the window's connection relays them ("changed::TABLE") when the job is done.
 *
 * A job holds the application until it is done, so that closing the last window lets an export
 * finish its file (and an import its transaction) instead of ending the process in the middle.
 * When the application shuts down all the same (g_application_quit), the running jobs are
 * cancelled and waited for: a cancelled export removes its temporary file. */
struct _TjFileJob
{
  GObject parent_instance;
  guint running;
};

G_DEFINE_FINAL_TYPE (TjFileJob, tj_file_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  TjFileJob *owner; /* or NULL; used on the main thread only */
  TjDb *db; /* the caller's connection, used on the main thread only */
  char *db_path;
  char *path;
  TjFileJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GCancellable *cancellable;
  GApplication *application; /* held while the job runs */
  GAsyncReadyCallback done;
  gpointer user_data;
  GPtrArray *changed; /* interned names of the tables the worker committed writes to */
} FileJob;

/* The cancellables of the jobs whose worker is running, to cancel and wait for at shutdown. */
static GMutex running_lock;
static GCond running_cond;
static GPtrArray *running;

static void
file_job_free (FileJob *job)
{
  g_clear_object (&job->owner);
  g_clear_object (&job->db);
  g_clear_pointer (&job->changed, g_ptr_array_unref);
  g_free (job->db_path);
  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
running_add (GCancellable *cancellable)
{
  g_mutex_lock (&running_lock);
  if (running == NULL)
    running = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (running, g_object_ref (cancellable));
  g_mutex_unlock (&running_lock);
}

static void
running_remove (GCancellable *cancellable)
{
  g_mutex_lock (&running_lock);
  g_ptr_array_remove (running, cancellable);
  g_cond_broadcast (&running_cond);
  g_mutex_unlock (&running_lock);
}

static void
worker_db_changed_cb (TjDb       *db,
                      const char *table,
                      FileJob    *job)
{
  const char *name = g_intern_string (table);

  if (!g_ptr_array_find (job->changed, name, NULL))
    g_ptr_array_add (job->changed, (gpointer) name);
}

static void
file_job_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = NULL;
  gboolean ok = FALSE;

  /* the writers find the job's cancellable as the thread's current one */
  g_cancellable_push_current (job->cancellable);
  if (!g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    {
      db = tj_db_open_full (job->db_path, TJ_DB_OPEN_HEALTHY, &error);
      if (db != NULL)
        g_signal_connect (db, "changed", G_CALLBACK (worker_db_changed_cb), job);
      ok = db != NULL && job->func (db, job->path, job->data, &error);
    }
  g_clear_object (&db);
  g_cancellable_pop_current (job->cancellable);
  running_remove (job->cancellable);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* A widget whose window was closed (destroyed, or gone with it) has nowhere to show the result. */
static gboolean
source_gone (GObject *source)
{
  GtkRoot *root;
  GListModel *toplevels;

  if (source == NULL || !GTK_IS_WIDGET (source))
    return FALSE;
  root = gtk_widget_get_root (GTK_WIDGET (source));
  if (root == NULL)
    return TRUE;
  if (!GTK_IS_WINDOW (root))
    return FALSE;
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (window == G_OBJECT (root))
        return FALSE;
    }
  return TRUE;
}

static void
file_job_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FileJob *job = g_task_get_task_data (G_TASK (result));

  /* what the worker committed is there even when it failed later or its window is gone */
  for (guint i = 0; i < job->changed->len; i++)
    tj_db_relay_changed (job->db, g_ptr_array_index (job->changed, i));
  g_clear_object (&job->db);
  /* not busy any more when @done runs: it may start the next job */
  if (job->owner != NULL && --job->owner->running == 0)
    g_object_notify_by_pspec (G_OBJECT (job->owner), properties[PROP_BUSY]);
  g_clear_object (&job->owner);
  if (!source_gone (source))
    {
      if (job->done != NULL)
        job->done (source, result, job->user_data);
    }
  else if (g_task_had_error (G_TASK (result)) && !g_cancellable_is_cancelled (job->cancellable))
    {
      g_autoptr (GError) error = NULL;

      g_task_propagate_boolean (G_TASK (result), &error);
      g_message ("%s: %s", job->path, error != NULL ? error->message : "");
    }
  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_clear_object (&job->application);
    }
}

static void
application_shutdown_cb (GApplication *application,
                         gpointer      user_data)
{
  tj_file_job_cancel_all ();
}

/* Cancels every running job and waits until their workers are done (an export removes its
 * temporary file, an import rolls back). */
void
tj_file_job_cancel_all (void)
{
  g_mutex_lock (&running_lock);
  for (guint i = 0; running != NULL && i < running->len; i++)
    g_cancellable_cancel (g_ptr_array_index (running, i));
  while (running != NULL && running->len > 0)
    g_cond_wait (&running_cond, &running_lock);
  g_mutex_unlock (&running_lock);
}

static void
tj_file_job_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TjFileJob *self = TJ_FILE_JOB (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tj_file_job_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_file_job_class_init (TjFileJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tj_file_job_get_property;

  /* TRUE from the start of the first job to the end of the last one */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tj_file_job_init (TjFileJob *self)
{
}

TjFileJob *
tj_file_job_new (void)
{
  return g_object_new (TJ_TYPE_FILE_JOB, NULL);
}

gboolean
tj_file_job_get_busy (TjFileJob *self)
{
  g_return_val_if_fail (TJ_IS_FILE_JOB (self), FALSE);

  return self->running > 0;
}

GCancellable *
tj_file_job_run (gpointer            source_object,
                 TjDb               *db,
                 const char         *path,
                 TjFileJobFunc       func,
                 gpointer            data,
                 GDestroyNotify      data_free,
                 GAsyncReadyCallback done,
                 gpointer            user_data)
{
  return tj_file_job_start (NULL, source_object, db, path, func, data, data_free, done, user_data);
}

GCancellable *
tj_file_job_start (TjFileJob          *self,
                   gpointer            source_object,
                   TjDb               *db,
                   const char         *path,
                   TjFileJobFunc       func,
                   gpointer            data,
                   GDestroyNotify      data_free,
                   GAsyncReadyCallback done,
                   gpointer            user_data)
{
  FileJob *job;
  g_autoptr (GTask) task = NULL;
  GApplication *application = g_application_get_default ();

  g_return_val_if_fail (self == NULL || TJ_IS_FILE_JOB (self), NULL);
  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  job = g_new0 (FileJob, 1);
  if (self != NULL)
    {
      job->owner = g_object_ref (self);
      if (self->running++ == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  job->db = g_object_ref (db);
  job->changed = g_ptr_array_new ();
  job->db_path = g_strdup (tj_db_get_path (db));
  job->path = g_strdup (path);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->cancellable = g_cancellable_new ();
  job->done = done;
  job->user_data = user_data;
  if (application != NULL)
    {
      job->application = g_object_ref (application);
      g_application_hold (application);
      if (g_object_get_data (G_OBJECT (application), "tj-file-job-shutdown") == NULL)
        {
          g_signal_connect (application, "shutdown", G_CALLBACK (application_shutdown_cb), NULL);
          g_object_set_data (G_OBJECT (application), "tj-file-job-shutdown", GINT_TO_POINTER (1));
        }
    }

  task = g_task_new (source_object, job->cancellable, file_job_done_cb, NULL);
  /* the result is what the worker did: a cancel that comes after the file is written is late */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  running_add (job->cancellable);
  g_task_run_in_thread (task, file_job_thread);
  return job->cancellable;
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
