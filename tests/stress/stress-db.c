/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Three writers on one database file for a while, every committed row counted: the window's
 * connection (this process's main thread), a worker that opens a connection of its own for each
 * job as the window's file jobs do (so this process opens and closes connections while it holds
 * one), and other processes that open, import a batch and close, as `tuijin import` does.
 * integrity_check alone does not see rows lost when a WAL is deleted under a connection; the
 * counts do.
 *
 *   stress-db [--seconds N] [--others N] [--dir DIR]
 *
 * (default 120 s, one other process, a temporary folder). With one other process, its every
 * close is the last close of the file unless this process still holds its locks: the case where
 * a dropped lock lets it checkpoint and delete the WAL under this process.
 *
 * Prints one line per writer (rows committed, rows found) and exits 1 if any differ. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tj-db.h"

#define BATCH 200

static gboolean
write_batch (TjDb       *db,
             const char *who,
             guint       rows,
             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tj_db_begin (db, error))
    return FALSE;
  stmt = tj_db_prepare (db, "INSERT INTO stress (who, n) VALUES (?, ?)", error);
  for (guint i = 0; stmt != NULL && i < rows; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, who, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!tj_db_step_done (db, stmt, error))
        {
          tj_db_rollback (db);
          return FALSE;
        }
    }
  if (stmt == NULL)
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return tj_db_commit (db, error);
}

typedef struct
{
  const char *path;
  gint64 deadline;
  guint64 committed;
  char *failure;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  while (g_get_monotonic_time () < worker->deadline)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TjDb) db = tj_db_open (worker->path, &error);

      if (db == NULL || !write_batch (db, "worker", BATCH, &error))
        {
          worker->failure = g_strdup (error->message);
          break;
        }
      worker->committed += BATCH;
    }
  return NULL;
}

/* A process of its own: open, write batches, close, again, until the deadline; prints its
 * count on stdout. */
static int
run_other (const char *path,
           gint64      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint64 committed = 0;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TjDb) db = tj_db_open (path, &error);

      for (int b = 0; db != NULL && b < 1; b++)
        {
          if (!write_batch (db, "other", BATCH, &error))
            break;
          committed += BATCH;
        }
      if (error != NULL)
        {
          g_printerr ("other: %s\n", error->message);
          g_print ("%" G_GUINT64_FORMAT "\n", committed);
          return 1;
        }
    }
  g_print ("%" G_GUINT64_FORMAT "\n", committed);
  return 0;
}

static gint64
count_rows (TjDb       *db,
            const char *who)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "SELECT count(*) FROM stress WHERE who = ?",
                                                 NULL);

  sqlite3_bind_text (stmt, 1, who, -1, SQLITE_STATIC);
  g_assert (sqlite3_step (stmt) == SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

int
main (int   argc,
      char *argv[])
{
  gint64 seconds = 120;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) window = NULL;
  g_autoptr (TjDb) check = NULL;
  g_autoptr (sqlite3_stmt) integrity = NULL;
  GPid others[8];
  int out_fds[8];
  int n_others = 1;
  guint64 window_committed = 0, other_committed = 0;
  Worker worker = { 0 };
  GThread *thread;
  int failures = 0;

  if (argc == 4 && g_str_equal (argv[1], "--other"))
    return run_other (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  for (int i = 1; i + 1 < argc; i += 2)
    if (g_str_equal (argv[i], "--seconds"))
      seconds = g_ascii_strtoll (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--others"))
      n_others = CLAMP ((int) g_ascii_strtoll (argv[i + 1], NULL, 10), 1, 8);
    else if (g_str_equal (argv[i], "--dir"))
      dir = g_strdup (argv[i + 1]);
  if (dir == NULL)
    dir = g_dir_make_tmp ("tuijin-stress-XXXXXX", NULL);
  path = g_build_filename (dir, "stress.db", NULL);
  g_unlink (path);

  window = tj_db_open (path, &error);
  if (window == NULL || !tj_db_exec (window, "CREATE TABLE stress (who TEXT, n INTEGER)", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int p = 0; p < n_others; p++)
    {
      g_autofree char *secs = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);
      char *child_argv[] = { "/proc/self/exe", "--other", path, secs, NULL };

      if (!g_spawn_async_with_pipes (NULL, child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                     &others[p], NULL, &out_fds[p], NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  worker.path = path;
  worker.deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  thread = g_thread_new ("worker", worker_thread, &worker);
  while (g_get_monotonic_time () < worker.deadline)
    {
      /* the window saves one form at a time */
      if (!write_batch (window, "window", 5, &error))
        {
          g_printerr ("window: %s\n", error->message);
          failures++;
          break;
        }
      window_committed += 5;
      g_usleep (2000);
    }
  g_thread_join (thread);

  for (int p = 0; p < n_others; p++)
    {
      char buffer[64] = { 0 };
      ssize_t n = read (out_fds[p], buffer, sizeof buffer - 1);
      int status = 0;

      waitpid (others[p], &status, 0);
      close (out_fds[p]);
      if (n > 0)
        other_committed += g_ascii_strtoull (buffer, NULL, 10);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        failures++;
    }
  g_clear_object (&window);

  check = tj_db_open (path, &error);
  if (check == NULL)
    {
      g_printerr ("reopening: %s\n", error->message);
      return 1;
    }
  integrity = tj_db_prepare (check, "PRAGMA integrity_check", NULL);
  g_assert (sqlite3_step (integrity) == SQLITE_ROW);
  {
    const char *who[] = { "window", "worker", "other" };
    guint64 committed[] = { window_committed, worker.committed, other_committed };
    guint64 lost = 0;

    g_print ("%" G_GINT64_FORMAT " s, 2 cores; integrity_check: %s\n", seconds,
             sqlite3_column_text (integrity, 0));
    if (g_strcmp0 ((const char *) sqlite3_column_text (integrity, 0), "ok") != 0)
      failures++;
    for (guint i = 0; i < G_N_ELEMENTS (who); i++)
      {
        gint64 found = count_rows (check, who[i]);

        g_print ("%-7s committed %10" G_GUINT64_FORMAT "   found %10" G_GINT64_FORMAT "\n", who[i],
                 committed[i], found);
        if ((guint64) found != committed[i])
          {
            failures++;
            lost += committed[i] > (guint64) found ? committed[i] - (guint64) found : 0;
          }
      }
    if (worker.failure != NULL)
      {
        g_print ("worker failed: %s\n", worker.failure);
        failures++;
      }
    g_print ("rows lost: %" G_GUINT64_FORMAT "; failures: %d\n", lost, failures);
  }
  g_free (worker.failure);
  return failures == 0 ? 0 : 1;
}
