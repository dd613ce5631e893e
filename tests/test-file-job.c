/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File jobs: an export in a worker that can be cancelled and that holds the application, so that
 * closing the window neither cuts the file in half nor leaves a temporary file behind. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-ui.h"

#include "tj-error.h"
#include "tj-file-job.h"
#include "tj-ledger.h"
#include "tj-register-report.h"

/* Keeps a job's worker at its start until the test lets it go. */
typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean entered;
  gboolean open;
} Gate;

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Outcome;

static gboolean
gated_export (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  gate->entered = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return tj_register_write (db, 2026, path, error);
}

static void
gate_init (Gate *gate)
{
  memset (gate, 0, sizeof *gate);
  g_mutex_init (&gate->lock);
  g_cond_init (&gate->cond);
}

static void
gate_clear (Gate *gate)
{
  g_mutex_clear (&gate->lock);
  g_cond_clear (&gate->cond);
}

static void
gate_wait_entered (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  while (!gate->entered)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = tj_file_job_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* The names in @dir but the database's own files. */
static char *
files_besides_database (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, "test.db"))
      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
is_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4 &&
         memcmp (contents, "PK\003\004", 4) == 0;
}

/* Cancelled while it runs: the writer sees the job's cancellable, stops, and leaves no file. */
static void
test_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "名单.xlsx", NULL);
  g_autofree char *left = NULL;
  Gate gate;
  Outcome outcome = { 0 };
  GCancellable *cancellable;

  gate_init (&gate);
  cancellable = tj_file_job_run (NULL, db, path, gated_export, &gate, NULL, done_cb, &outcome);
  g_assert_true (G_IS_CANCELLABLE (cancellable));
  gate_wait_entered (&gate);
  g_cancellable_cancel (cancellable);
  gate_open (&gate);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  left = files_besides_database (dir);
  g_assert_cmpstr (left, ==, "");

  /* not cancelled: the file, and nothing else */
  gate_clear (&gate);
  gate_init (&gate);
  memset (&outcome, 0, sizeof outcome);
  gate.open = TRUE;
  tj_file_job_run (NULL, db, path, gated_export, &gate, NULL, done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_true (is_workbook (path));
  g_clear_pointer (&left, g_free);
  left = files_besides_database (dir);
  g_assert_cmpstr (left, ==, "名单.xlsx");

  gate_clear (&gate);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

static gboolean
import_ledger (TjDb       *db,
               const char *path,
               gpointer    data,
               GError    **error)
{
  g_autoptr (TjImportResult) result = NULL;

  return tj_ledger_import (db, path, 2026, GPOINTER_TO_INT (data), FALSE, &result, error);
}

typedef struct
{
  GThread *main_thread;
  GPtrArray *tables;
  gint64 projects; /* as read on the window's connection when told */
  gboolean done_seen_all;
  Outcome outcome;
} Relay;

static void
relayed_cb (TjDb       *db,
            const char *table,
            Relay      *relay)
{
  /* on the window's connection and thread, and already readable there */
  g_assert_true (g_thread_self () == relay->main_thread);
  g_ptr_array_add (relay->tables, g_strdup (table));
  relay->projects = tj_test_scalar (db, "SELECT count(*) FROM projects");
}

static void
relay_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Relay *relay = user_data;

  /* told before @done runs, so that the caller's callback sees the pages reloaded */
  relay->done_seen_all = relay->tables->len > 0;
  done_cb (source, result, &relay->outcome);
}

/* An import in a worker writes on its own connection; the window's connection is told, on the
 * main thread, once per table the import committed, and nothing for one that was refused. */
static void
test_import_relays_changed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *good = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autofree char *bad = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-with-errors-utf8.csv",
                                           NULL);
  Relay relay = { g_thread_self (), g_ptr_array_new_with_free_func (g_free) };
  guint projects = 0;

  g_signal_connect (db, "changed", G_CALLBACK (relayed_cb), &relay);
  tj_file_job_run (NULL, db, bad, import_ledger, GINT_TO_POINTER (TRUE), NULL, relay_done_cb,
                   &relay);
  while (!relay.outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (relay.outcome.ok);
  g_assert_error (relay.outcome.error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&relay.outcome.error);
  g_assert_cmpuint (relay.tables->len, ==, 0);

  memset (&relay.outcome, 0, sizeof relay.outcome);
  tj_file_job_run (NULL, db, good, import_ledger, GINT_TO_POINTER (TRUE), NULL, relay_done_cb,
                   &relay);
  while (!relay.outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (relay.outcome.error);
  g_assert_true (relay.outcome.ok);
  g_assert_true (relay.done_seen_all);
  for (guint i = 0; i < relay.tables->len; i++)
    projects += g_str_equal (g_ptr_array_index (relay.tables, i), "projects");
  g_assert_cmpuint (projects, ==, 1);
  g_assert_cmpint (relay.projects, ==, 84);

  g_signal_handlers_disconnect_by_data (db, &relay);
  g_ptr_array_unref (relay.tables);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

typedef struct
{
  TjFileJob *jobs;
  guint notified;
  gboolean busy_in_done; /* busy as @done saw it */
  Outcome outcome;
} Busy;

static void
busy_notified_cb (TjFileJob  *jobs,
                  GParamSpec *pspec,
                  Busy       *busy)
{
  busy->notified++;
}

static void
busy_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Busy *busy = user_data;

  busy->busy_in_done = tj_file_job_get_busy (busy->jobs);
  done_cb (source, result, &busy->outcome);
}

/* "busy" is TRUE from the first job's start to the last one's end, told once each way, and a
 * widget bound to it is insensitive meanwhile. */
static void
test_busy (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *first = g_build_filename (dir, "名单一.xlsx", NULL);
  g_autofree char *second = g_build_filename (dir, "名单二.xlsx", NULL);
  g_autoptr (TjFileJob) jobs = tj_file_job_new ();
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("导出"));
  Gate gate_one, gate_two;
  Busy one = { jobs }, two = { jobs };
  gboolean busy = TRUE;

  g_object_bind_property (jobs, "busy", button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_get (jobs, "busy", &busy, NULL);
  g_assert_false (busy);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_connect (jobs, "notify::busy", G_CALLBACK (busy_notified_cb), &one);

  gate_init (&gate_one);
  gate_init (&gate_two);
  tj_file_job_start (jobs, NULL, db, first, gated_export, &gate_one, NULL, busy_done_cb, &one);
  g_assert_true (tj_file_job_get_busy (jobs));
  g_assert_cmpuint (one.notified, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (button));
  tj_file_job_start (jobs, NULL, db, second, gated_export, &gate_two, NULL, busy_done_cb, &two);
  g_assert_cmpuint (one.notified, ==, 1);

  /* the first one done, the second still running */
  gate_open (&gate_one);
  while (!one.outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (one.outcome.ok);
  g_assert_true (one.busy_in_done);
  g_assert_true (tj_file_job_get_busy (jobs));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpuint (one.notified, ==, 1);

  gate_open (&gate_two);
  while (!two.outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (two.outcome.ok);
  /* not busy any more when the last job's callback runs: it may start the next one */
  g_assert_false (two.busy_in_done);
  g_assert_false (tj_file_job_get_busy (jobs));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpuint (one.notified, ==, 2);
  g_assert_true (is_workbook (first));
  g_assert_true (is_workbook (second));

  gate_clear (&gate_one);
  gate_clear (&gate_two);
  g_object_unref (button);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

typedef struct
{
  TjDb *db;
  char *path;
  Gate gate;
  Outcome outcome;
} Closing;

static gboolean
open_gate_cb (gpointer user_data)
{
  Closing *closing = user_data;

  gate_open (&closing->gate);
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Closing      *closing)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  tj_file_job_run (window, closing->db, closing->path, gated_export, &closing->gate, NULL, done_cb,
                   &closing->outcome);
  gate_wait_entered (&closing->gate);
  /* the user closes the only window while the export runs */
  gtk_window_destroy (GTK_WINDOW (window));
  g_timeout_add (100, open_gate_cb, closing);
}

/* Closing the last window while an export runs: the application waits for the job, the file is
 * complete, nothing is left beside it, and the closed window is not called back. */
static void
test_closing_the_window (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "名单.xlsx", NULL);
  g_autofree char *left = NULL;
  g_autoptr (GtkApplication) app = NULL;
  Closing closing = { db, path };

  gate_init (&closing.gate);
  app = gtk_application_new ("io.github.tuijin.Tuijin.FileJobTest", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activated_cb), &closing);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_assert_false (closing.outcome.done);
  g_assert_true (is_workbook (path));
  left = files_besides_database (dir);
  g_assert_cmpstr (left, ==, "名单.xlsx");

  gate_clear (&closing.gate);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/tj/file-job/cancelled-leaves-no-file", test_cancelled);
  g_test_add_func ("/tj/file-job/busy-while-any-job-runs", test_busy);
  g_test_add_func ("/tj/file-job/import-is-told-on-the-window-connection",
                   test_import_relays_changed);
  /* last: it creates the process's default application */
  g_test_add_func ("/tj/file-job/closing-the-window-finishes-the-file", test_closing_the_window);
  return g_test_run ();
}
