/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash trial of the window's saves: a child process saves one project again and again (the
 * form's save: validate, one transaction, the audit row; the count goes in its notes) and
 * reports each committed count on a
 * pipe; it is killed with SIGKILL at a random moment. After each kill the file must open again,
 * pass integrity_check, hold the last value reported or the one after it (committed, not yet
 * reported), and its audit log must verify: chain unbroken, every row as the log says.
 *
 *   save-crash [--runs N] [--seed S] [--dir DIR]      (default 200 runs)
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tj-audit.h"
#include "tj-db.h"
#include "tj-demo.h"
#include "tj-project.h"

static int
run_saver (const char *path,
           gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autoptr (TjProject) project = NULL;

  if (db == NULL || (project = tj_project_load (db, id, &error)) == NULL)
    {
      g_printerr ("saver: %s\n", error->message);
      return 1;
    }
  for (gint64 n = g_ascii_strtoll (project->notes != NULL ? project->notes : "0", NULL, 10) + 1;;
       n++)
    {
      g_free (project->notes);
      project->notes = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      if (!tj_project_save (db, project, &error))
        {
          g_printerr ("saver: %s\n", error->message);
          return 1;
        }
      /* after the commit: what the parent may rely on */
      g_print ("%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
}

static gint64
scalar (TjDb       *db,
        const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return G_MININT64;
  return sqlite3_column_int64 (stmt, 0);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 200, failures = 0, lost = 0, killed = 0;
  guint32 seed = 20261130;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = NULL;
  gint64 id;

  if (argc == 4 && g_str_equal (argv[1], "--save"))
    return run_saver (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  for (int i = 1; i + 1 < argc; i += 2)
    if (g_str_equal (argv[i], "--runs"))
      runs = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--seed"))
      seed = (guint32) g_ascii_strtoull (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--dir"))
      dir = g_strdup (argv[i + 1]);
  if (dir == NULL)
    dir = g_dir_make_tmp ("tuijin-save-crash-XXXXXX", NULL);
  path = g_build_filename (dir, "saves.db", NULL);
  g_unlink (path);
  rand = g_rand_new_with_seed (seed);

  {
    g_autoptr (TjDb) db = tj_db_open (path, &error);

    if (db == NULL || !tj_demo_fill (db, 2026, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    id = scalar (db, "SELECT min (id) FROM projects WHERE year = 2026");
  }

  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      char *child_argv[] = { "/proc/self/exe", "--save", path, id_text, NULL };
      g_autoptr (GString) output = g_string_new (NULL);
      g_autoptr (TjDb) db = NULL;
      g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_auto (GStrv) lines = NULL;
      gint64 last = -1, found, broken = 0, rows = 0;
      guint n_lines;
      char buffer[4096];
      ssize_t n;
      GPid pid;
      int out, status = 0;
      gboolean failed = FALSE;

      if (!g_spawn_async_with_pipes (NULL, child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                     &pid, NULL, &out, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* opening, then some hundreds of saves: a moment anywhere in them */
      g_usleep (g_rand_int_range (rand, 20, 800) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      if (WIFSIGNALED (status))
        killed++;
      while ((n = read (out, buffer, sizeof buffer)) > 0)
        g_string_append_len (output, buffer, n);
      close (out);
      lines = g_strsplit (output->str, "\n", -1);
      n_lines = g_strv_length (lines);
      /* the last complete line: a line cut by the kill does not count */
      for (int l = (int) n_lines - 2; l >= 0 && last < 0; l--)
        if (*lines[l] != '\0')
          last = g_ascii_strtoll (lines[l], NULL, 10);

      db = tj_db_open (path, &error);
      if (db == NULL)
        {
          g_printerr ("run %u: cannot open: %s\n", run, error->message);
          g_clear_error (&error);
          failures++;
          continue;
        }
      {
        g_autofree char *sql = g_strdup_printf ("SELECT CAST (notes AS INTEGER) FROM projects "
                                                "WHERE id = %" G_GINT64_FORMAT, id);
        found = scalar (db, sql);
      }
      if (scalar (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")
          != 0)
        {
          g_printerr ("run %u: integrity_check failed\n", run);
          failed = TRUE;
        }
      if (last >= 0 && found != last && found != last + 1)
        {
          g_printerr ("run %u: the last committed value was %" G_GINT64_FORMAT ", the file holds %"
                      G_GINT64_FORMAT "\n", run, last, found);
          lost++;
          failed = TRUE;
        }
      if (!tj_audit_verify_chain (db, &broken, &rows, &error) || broken != 0 ||
          !tj_audit_verify_records (db, problems, &error) || problems->len > 0)
        {
          g_printerr ("run %u: audit log: %s\n", run,
                      error != NULL ? error->message
                      : broken != 0 ? "chain broken"
                                    : (const char *) g_ptr_array_index (problems, 0));
          g_clear_error (&error);
          failed = TRUE;
        }
      failures += failed;
    }

  g_print ("save-crash: %u runs, %u killed mid-run, %u failures, %u saves lost; 2 cores\n", runs,
           killed, failures, lost);
  return failures == 0 ? 0 : 1;
}
