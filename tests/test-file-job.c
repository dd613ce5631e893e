/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File jobs: an export in a worker that can be cancelled and that holds the application, so that
 * closing the window neither cuts the file in half nor leaves a temporary file behind. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-ui.h"

#include "tj-file-job.h"
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
  /* last: it creates the process's default application */
  g_test_add_func ("/tj/file-job/closing-the-window-finishes-the-file", test_closing_the_window);
  return g_test_run ();
}
