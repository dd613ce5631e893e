/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every fuzzing harness shares: warnings that crash, the zh_CN catalogue when the tests give
 * one, and for the importers one database per process in a tmpfs folder, filled once, that every
 * run reads through a dry run (rolled back), so that runs do not depend on each other. */
#pragma once

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tj-db.h"
#include "tj-demo.h"
#include "tj-ledger.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A broken expectation is a crash, that libFuzzer reports with the input that made it. */
#define FUZZ_CHECK(expr)                                                                  \
  G_STMT_START                                                                            \
  {                                                                                       \
    if (G_UNLIKELY (!(expr)))                                                             \
      {                                                                                   \
        fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr);         \
        abort ();                                                                         \
      }                                                                                   \
  }                                                                                       \
  G_STMT_END

static gboolean fuzz_inited;
static char *fuzz_dir;
static char *fuzz_input;
static TjDb *fuzz_db;
static gint64 fuzz_fingerprint;

static void
fuzz_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

static void
fuzz_clean_up (void)
{
  g_clear_object (&fuzz_db);
  if (fuzz_dir == NULL)
    return;
  fuzz_remove_dir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
  g_clear_pointer (&fuzz_input, g_free);
}

/* libFuzzer ends a run with _Exit, past atexit: the folders "tj-fuzz-PID-…" of processes that
 * are gone are removed by the next one. */
static void
fuzz_remove_stale (const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *digits;
      char *end = NULL;
      g_autofree char *proc = NULL;
      g_autofree char *path = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, "tj-fuzz-"))
        continue;
      digits = name + strlen ("tj-fuzz-");
      pid = g_ascii_strtoull (digits, &end, 10);
      if (end == digits || *end != '-' || pid == 0)
        continue;
      proc = g_strdup_printf ("/proc/%" G_GUINT64_FORMAT, pid);
      if (g_file_test (proc, G_FILE_TEST_EXISTS))
        continue;
      path = g_build_filename (base, name, NULL);
      fuzz_remove_dir (path);
    }
}

static void
fuzz_init (void)
{
  const char *localedir = g_getenv ("TJ_LOCALEDIR");
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();

  if (fuzz_inited)
    return;
  fuzz_inited = TRUE;

  /* A g_return_if_fail or a g_warning in the parsers is a bug like any other. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  fuzz_remove_stale (base);
  {
    g_autofree char *name = g_strdup_printf ("tj-fuzz-%d-XXXXXX", (int) getpid ());

    fuzz_dir = g_build_filename (base, name, NULL);
  }
  FUZZ_CHECK (g_mkdtemp (fuzz_dir) != NULL);
  fuzz_input = g_build_filename (fuzz_dir, "input.csv", NULL);
  atexit (fuzz_clean_up);
}

/* The fuzz input as a file the importers read. */
static inline const char *
fuzz_write_input (const uint8_t *data,
                  size_t         size)
{
  FILE *file;

  fuzz_init ();
  /* Written in place, without the fsync and rename of g_file_set_contents: tmpfs, one writer. */
  file = fopen (fuzz_input, "wb");
  if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
    {
      fprintf (stderr, "cannot write %s\n", fuzz_input);
      abort ();
    }
  return fuzz_input;
}

static inline gint64
fuzz_scalar (const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (fuzz_db, sql, NULL);

  FUZZ_CHECK (stmt != NULL);
  FUZZ_CHECK (sqlite3_step (stmt) == SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* What a dry run must leave as it was: every table's rows, and the audit log every write adds to. */
static inline gint64
fuzz_db_fingerprint (void)
{
  return fuzz_scalar ("SELECT (SELECT ifnull (max (rowid), 0) FROM audit) * 1000003 + "
                      "(SELECT count(*) FROM projects) * 1009 + "
                      "(SELECT count(*) FROM units) * 101 + (SELECT count(*) FROM people) * 11 + "
                      "(SELECT count(*) FROM monthly_reports) + "
                      "(SELECT count(*) FROM approval_items) * 7 + "
                      "(SELECT count(*) FROM holidays) * 13 + "
                      "(SELECT count(*) FROM agency_cases) * 17");
}

/* The demo data of 2025 and 2026 and, on top of it, the office's 2026 ledger of the fixtures,
 * whose projects the progress fixtures report on. */
static inline TjDb *
fuzz_db_get (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ledger = NULL;

  fuzz_init ();
  if (fuzz_db != NULL)
    return fuzz_db;

  path = g_build_filename (fuzz_dir, "fuzz.db", NULL);
  fuzz_db = tj_db_open (path, &error);
  if (fuzz_db == NULL || !tj_demo_fill (fuzz_db, 2026, &error))
    {
      fprintf (stderr, "cannot set up %s: %s\n", path, error->message);
      abort ();
    }
  ledger = g_build_filename (TJ_FUZZ_FIXTURES, "ledger-2026-gb18030.csv", NULL);
  if (!tj_ledger_import (fuzz_db, ledger, 2026, TRUE, FALSE, &result, &error))
    {
      fprintf (stderr, "cannot import %s: %s\n", ledger, error->message);
      abort ();
    }
  fuzz_fingerprint = fuzz_db_fingerprint ();
  return fuzz_db;
}

/* NUL-separated pieces each valid UTF-8: what a GB18030 file with a NUL byte decodes to. */
static inline gboolean
fuzz_valid_text (const char *text,
                 gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      gsize piece = strnlen (text, end - text);

      if (!g_utf8_validate_len (text, piece, NULL))
        return FALSE;
      text += piece + 1;
    }
  return TRUE;
}

static inline void
fuzz_check_messages (GPtrArray *messages)
{
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      FUZZ_CHECK (message != NULL);
      FUZZ_CHECK (g_utf8_validate (message, -1, NULL));
    }
}

/* After an import's dry run: it said why it failed or what it found, in valid UTF-8, closed its
 * transaction and changed nothing. */
static inline void
fuzz_check_import (gboolean        ok,
                   TjImportResult *result,
                   GError         *error)
{
  FUZZ_CHECK (result != NULL);
  FUZZ_CHECK (ok == (error == NULL));
  FUZZ_CHECK (error == NULL || g_utf8_validate (error->message, -1, NULL));
  FUZZ_CHECK (!ok || result->errors->len == 0);
  fuzz_check_messages (result->warnings);
  fuzz_check_messages (result->errors);
  fuzz_check_messages (result->missing);
  FUZZ_CHECK (sqlite3_get_autocommit (tj_db_get_handle (fuzz_db)));
  FUZZ_CHECK (fuzz_db_fingerprint () == fuzz_fingerprint);
}
