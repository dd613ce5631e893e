/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every test program shares: the zh_CN catalogue from the build folder, a fresh database. */
#pragma once

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <sys/wait.h>

#include "tj-db.h"

/* Core tests run with isolated XDG folders; widget tests keep the system's data folders, where
 * shared-mime-info lets GdkPixbuf recognise an SVG icon. */
static inline void
tj_test_init_full (int     *argc,
                   char  ***argv,
                   gboolean isolate)
{
  const char *localedir = g_getenv ("TJ_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (isolate)
    g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  else
    g_test_init (argc, argv, NULL);
}

static inline void
tj_test_init (int    *argc,
              char ***argv)
{
  tj_test_init_full (argc, argv, TRUE);
}

/* A path for a new database in a folder of its own, removed by the caller with tj_test_rmdir. */
static inline char *
tj_test_db_path (char **dir)
{
  *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  return g_build_filename (*dir, "test.db", NULL);
}

static inline void
tj_test_rmdir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static inline TjDb *
tj_test_db_new (char **dir)
{
  g_autofree char *path = tj_test_db_path (dir);
  g_autoptr (GError) error = NULL;
  TjDb *db = tj_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* Runs $TUIJIN --db DB ARGS… (a NULL-terminated list) and returns its exit status. */
static inline int
tj_test_run_tuijin_valist (const char *db,
                           char      **out,
                           char      **err,
                           va_list     args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("TUIJIN"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("TUIJIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* what is not kept goes nowhere: the test's own output is its TAP stream */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT, NULL,
                               NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  /* A crash or a sanitizer's report: show what it said, which the capture would swallow. */
  if (!WIFEXITED (wait_status) && err != NULL && *err != NULL)
    g_printerr ("%s", *err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* tj_test_run_tuijin_valist with its arguments given in place, NULL-terminated. */
static inline int
tj_test_run_tuijin (const char *db,
                    char      **out,
                    char      **err,
                    ...) G_GNUC_NULL_TERMINATED;
static inline int
tj_test_run_tuijin (const char *db,
                    char      **out,
                    char      **err,
                    ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (db, out, err, args);
  va_end (args);
  return status;
}

/* SQL run on db, which must succeed. */
static inline void
tj_test_exec (TjDb       *db,
              const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The first column of the first row of SQL, with ARG (if not NULL) bound to its one parameter. */
/* What another program does to the file: SQL through a connection of its own. */
static inline void
tj_test_exec_elsewhere (TjDb       *db,
                        const char *sql)
{
  sqlite3 *other = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (tj_db_get_path (db), &other, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (other, 10000);
  if (sqlite3_exec (other, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (other);
}

static inline gint64
tj_test_scalar_bind (TjDb       *db,
                     const char *sql,
                     const char *arg)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static inline gint64
tj_test_scalar (TjDb       *db,
                const char *sql)
{
  return tj_test_scalar_bind (db, sql, NULL);
}

/* A 2026 city project of 1 亿元 named name (locality 1, officer 王明, added), with 100 万元
 * reported in each month 1–12 and as that month's visual progress progress: an SQL printf
 * format of the month ("第%d月进度"). Returns the project's id. */
static inline gint64
tj_test_reported_project (TjDb       *db,
                          const char *name,
                          const char *progress)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 project;

  g_assert_true (tj_db_exec (db, "INSERT INTO people (name, is_officer) VALUES ('王明', 1)",
                             &error));
  g_assert_no_error (error);
  stmt = tj_db_prepare (db,
                        "INSERT INTO projects (year, name, level, nature, locality_id, "
                        "officer_id, total_investment) VALUES (2026, ?1, 'city', 'new', 1, "
                        "(SELECT id FROM people WHERE name = '王明'), 100000000)",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_true (tj_db_step_done (db, stmt, &error));
  g_assert_no_error (error);
  project = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = tj_db_prepare (db,
                        "INSERT INTO monthly_reports (project_id, month, completed, progress) "
                        "VALUES (?1, ?2, 1000000, printf (?3, ?2))",
                        &error);
  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, project);
      sqlite3_bind_int (stmt, 2, m);
      sqlite3_bind_text (stmt, 3, progress, -1, SQLITE_TRANSIENT);
      g_assert_true (tj_db_step_done (db, stmt, &error));
      g_assert_no_error (error);
    }
  return project;
}

/* Closes a database from tj_test_db_new and removes its folder. */
static inline void
tj_test_db_free (TjDb **db,
                 char **dir)
{
  g_clear_object (db);
  tj_test_rmdir (*dir);
  g_clear_pointer (dir, g_free);
}

/* Runs tests/xlsx-check.py on sheet SHEET of a workbook, reading back the cells named (a
 * NULL-terminated list), and returns the JSON object it prints. */
static inline char *
tj_test_xlsx_json_valist (const char *path,
                          guint       sheet,
                          va_list     cells)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-check.py", NULL);
  g_autofree char *index = g_strdup_printf ("%u", sheet);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char *cell;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "/usr/bin/python3");
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, index);
  while ((cell = va_arg (cells, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) cell);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xlsx-check.py failed: %s", err);
  return out;
}

static inline char *
tj_test_xlsx_json (const char *path,
                   guint       sheet,
                   ...) G_GNUC_NULL_TERMINATED;

static inline char *
tj_test_xlsx_json (const char *path,
                   guint       sheet,
                   ...)
{
  va_list cells;
  char *out;

  va_start (cells, sheet);
  out = tj_test_xlsx_json_valist (path, sheet, cells);
  va_end (cells);
  return out;
}

/* The same, parsed: a JSON object of strings is also a GVariant a{ss} in text form. */
static inline GVariant *
tj_test_xlsx_read (const char *path,
                   guint       sheet,
                   ...) G_GNUC_NULL_TERMINATED;

static inline GVariant *
tj_test_xlsx_read (const char *path,
                   guint       sheet,
                   ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  va_list cells;
  GVariant *facts;

  va_start (cells, sheet);
  out = tj_test_xlsx_json_valist (path, sheet, cells);
  va_end (cells);
  facts = g_variant_parse (G_VARIANT_TYPE ("a{ss}"), out, NULL, NULL, &error);
  g_assert_no_error (error);
  return facts;
}

/* One fact read back by tj_test_xlsx_read; a missing one is an error. */
static inline const char *
tj_test_xlsx_fact (GVariant   *facts,
                   const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (facts, key, "&s", &value))
    g_error ("no fact “%s”", key);
  return value;
}

/* A range read back by tj_test_xlsx_read (its cells a line each), without the last line's end. */
static inline char *
tj_test_xlsx_range (GVariant   *facts,
                    const char *key)
{
  return g_strchomp (g_strdup (tj_test_xlsx_fact (facts, key)));
}

/* The text of a PDF as pdftotext reads it, with mode "-raw" (in the order drawn) or "-layout"
 * (as the page sets it out). */
static inline char *
tj_test_pdf_text (const char *pdf,
                  const char *mode)
{
  const char *argv[] = { "pdftotext", mode, pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Overwrites the cell pointers of a leaf page of @table, as a failing disk would: quick_check
 * sees it. Written by a test, never by Tuijin (which opens a database only through SQLite). */
static inline void
tj_test_damage_page (const char *path,
                     const char *table)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autofree char *sql = NULL;
  gint64 page, page_size;
  guchar block[64];
  FILE *file;

  g_assert_true (tj_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  sql = g_strdup_printf ("SELECT pageno FROM dbstat WHERE name = '%s' AND pagetype = 'leaf' "
                         "ORDER BY pageno LIMIT 1 OFFSET 2",
                         table);
  page = tj_test_scalar (db, sql);
  g_assert_cmpint (page, >, 0);
  page_size = tj_test_scalar (db, "PRAGMA page_size");
  g_clear_object (&db);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (page - 1) * page_size + 8, SEEK_SET), ==, 0);
  g_assert_cmpuint (fread (block, 1, sizeof block, file), ==, sizeof block);
  for (guint i = 0; i < sizeof block; i++)
    block[i] ^= 0xff;
  g_assert_cmpint (fseek (file, (page - 1) * page_size + 8, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (block, 1, sizeof block, file), ==, sizeof block);
  fclose (file);
}
