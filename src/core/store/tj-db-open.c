/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "tj-db.h"
#include "tj-db-private.h"
#include "tj-error.h"

/* The page cache of a read-only connection (an export's): 32 MB, in KiB. */
#define READ_ONLY_CACHE_KIB 32768
/* ... for a file of at most this size (a county's years of data are tens of megabytes) */
#define READ_ONLY_CACHE_MAX_BYTES ((gint64) 128 * 1024 * 1024)

/* Maps what SQLite said when a file was first read to a message for a clerk. The file itself is
 * only ever touched through SQLite: an open and close of a descriptor of our own would drop every
 * POSIX lock this process holds on it, and another process could then delete the WAL under the
 * connections still open ("How To Corrupt An SQLite Database File", 2.2). */
static void
set_open_error (TjDb    *self,
                int      rc,
                GError **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_NOTADB)
    g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Tuijin database. It was not changed."), self->path);
  else if (primary == SQLITE_CORRUPT)
    g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                 _("The database “%s” is damaged. Restore the latest backup with “tuijin "
                   "restore”; the file was not changed."),
                 self->path);
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    tj_db_set_error (self, error);
  else if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM ||
           primary == SQLITE_AUTH)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("Cannot open “%s”: check that the file and its folder exist and may be read "
                   "and written."),
                 self->path);
  else
    tj_db_set_error (self, error);
}

/* Version 0 is a new, empty file; a file with tables but no version is someone else's. */
static int
read_version (TjDb    *self,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc, version;

  rc = sqlite3_prepare_v2 (self->handle, "SELECT (SELECT user_version FROM pragma_user_version), "
                           "(SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_open_error (self, sqlite3_extended_errcode (self->handle), error);
      return -1;
    }
  version = sqlite3_column_int (stmt, 0);
  if (version < 0 || (version == 0 && sqlite3_column_int (stmt, 1) > 0))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Tuijin database. It was not changed."), self->path);
      return -1;
    }
  return version;
}

/* Waits for another connection's write as sqlite3_busy_timeout would (up to
 * TJ_DB_BUSY_TIMEOUT_MS), and says so once, after the first second, through the wait notify. */
static int
busy_handler (void *data,
              int   count)
{
  TjDb *self = data;
  int delay = count < 10 ? 1 + count * 2 : 25; /* ms: short waits first, as SQLite's own */
  int waited;

  /* the time waited so far, from the same steps */
  waited = count < 10 ? count + count * (count - 1) : 100 + (count - 10) * 25;
  if (waited >= TJ_DB_BUSY_TIMEOUT_MS)
    return 0;
  if (self->wait_func != NULL && waited < 1000 && waited + delay >= 1000)
    self->wait_func (self, self->wait_data);
  sqlite3_sleep (delay);
  return 1;
}

void
tj_db_set_wait_notify (TjDb        *self,
                       TjDbWaitFunc func,
                       gpointer     user_data)
{
  g_return_if_fail (TJ_IS_DB (self));
  self->wait_func = func;
  self->wait_data = user_data;
}

/* "pinyin": text in the locale's collation, as g_utf8_collate orders it (glibc's zh_CN orders
 * Chinese by pinyin); the lists sort by it in SQL. */
static int
pinyin_compare (void       *user_data,
                int         n_a,
                const void *a,
                int         n_b,
                const void *b)
{
  char buffer_a[256], buffer_b[256];
  g_autofree char *heap_a = NULL, *heap_b = NULL;
  char *text_a = buffer_a, *text_b = buffer_b;

  if (n_a >= (int) sizeof buffer_a)
    text_a = heap_a = g_malloc (n_a + 1);
  if (n_b >= (int) sizeof buffer_b)
    text_b = heap_b = g_malloc (n_b + 1);
  memcpy (text_a, a, n_a);
  text_a[n_a] = '\0';
  memcpy (text_b, b, n_b);
  text_b[n_b] = '\0';
  return g_utf8_collate (text_a, text_b);
}

/* pinyin_key(text): the same order as a sort key (g_utf8_collate_key, compared bytewise), made
 * once per row where a whole list is sorted rather than once per comparison. */
static void
pinyin_key (sqlite3_context *context,
            int              argc,
            sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *key = g_utf8_collate_key (text != NULL ? text : "", sqlite3_value_bytes (argv[0]));

  sqlite3_result_blob (context, key, strlen (key), g_free);
}

/* The database's size in bytes (its pages), or G_MAXINT64 when it cannot be read. */
static gint64
database_bytes (TjDb *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 bytes = G_MAXINT64;

  if (sqlite3_prepare_v2 (self->handle,
                          "SELECT page_count * page_size FROM pragma_page_count (), "
                          "pragma_page_size ()",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return bytes;
}

/* Before the process's first connection: SQLite's memory statistics take a global mutex on every
 * allocation and free (SQLITE_DEFAULT_MEMSTATUS), which Tuijin never reads. Once SQLite is
 * initialised the call is refused, harmlessly. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static gboolean
open_handle (TjDb       *self,
             const char *uri,
             int         flags,
             GError    **error)
{
  int rc;

  configure_sqlite ();
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  self->handle = NULL;
  rc = sqlite3_open_v2 (uri, &self->handle, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (self, rc, error);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  /* A writer waits as long as another's write can take (a large import, a backup), rather than
   * failing a clerk's save with "locked". */
  sqlite3_busy_handler (self->handle, busy_handler, self);
  tj_db_track_changes (self);
  tj_db_add_audit_functions (self);
  sqlite3_create_collation_v2 (self->handle, "pinyin", SQLITE_UTF8, NULL, pinyin_compare, NULL);
  sqlite3_create_function (self->handle, "pinyin_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           pinyin_key, NULL, NULL);
  return TRUE;
}

static char *
file_uri (const char *path,
          const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s%s", escaped, query);
}

TjDb *
tj_db_open_full (const char   *path,
                 TjDbOpenFlags flags,
                 GError      **error)
{
  g_autoptr (TjDb) self = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  gboolean read_only = (flags & TJ_DB_OPEN_READ_ONLY) != 0;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TJ_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  uri = file_uri (path, "");

  if (read_only)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("The database “%s” does not exist."),
                       path);
          return NULL;
        }
      if (!open_handle (self, uri, SQLITE_OPEN_READONLY, NULL) ||
          (version = read_version (self, NULL)) < 0)
        {
          /* In a folder this user may not write, a closed WAL database cannot build its index;
           * with no WAL file beside it nobody can be writing it, so it is read as it stands. */
          g_autofree char *wal = g_strdup_printf ("%s-wal", path);

          immutable = file_uri (path, "?immutable=1");

          if (g_file_test (wal, G_FILE_TEST_EXISTS) ||
              !open_handle (self, immutable, SQLITE_OPEN_READONLY, error))
            {
              if (error != NULL && *error == NULL)
                set_open_error (self, SQLITE_CANTOPEN, error);
              return NULL;
            }
          if ((version = read_version (self, error)) < 0)
            return NULL;
        }
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot create the folder “%s”: %s"), dir,
                       g_strerror (errno));
          return NULL;
        }
      if (!open_handle (self, uri, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
        return NULL;
      /* Read the version before anything writes: a newer file stays exactly as it is. */
      if ((version = read_version (self, error)) < 0)
        return NULL;
    }

  if (version > TJ_DB_SCHEMA_VERSION)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NEWER,
                   _("“%s” was written by a newer version of Tuijin (schema %d; this version "
                     "reads up to %d). Update Tuijin to open it; the file was not changed."),
                   path, version, TJ_DB_SCHEMA_VERSION);
      return NULL;
    }

  /* An export from a damaged file would write garbled figures without a word. A read-only
   * export's check runs beside it (below) and stops its file before the commit. */
  if (((flags & TJ_DB_OPEN_HEALTHY) != 0 ||
       (!read_only && (flags & TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT) != 0)) &&
      !tj_db_check_healthy (self, error))
    return NULL;

  if (read_only)
    {
      if (version < TJ_DB_SCHEMA_VERSION)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                       _("“%s” was written by an older version of Tuijin and must be upgraded "
                         "first: open it once where it may be written."),
                       path);
          return NULL;
        }
      /* An export reads the same pages more than once (the bulletin's months, the ranking's
       * towns); SQLite's default 2 MB cache read them again from the file (measured: the 10k
       * bulletin's 51 MB file 0.88×, the ranking's 93 MB file 0.94× CPU). Not for a file of
       * more than READ_ONLY_CACHE_MAX_BYTES: there it gained nothing (the 100,000-project
       * register) and its pages took the register's PDF at 1M past 200 MB. */
      if (database_bytes (self) <= READ_ONLY_CACHE_MAX_BYTES &&
          !tj_db_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (READ_ONLY_CACHE_KIB), error))
        return NULL;
      if ((flags & TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT) != 0 && (flags & TJ_DB_OPEN_HEALTHY) == 0)
        tj_db_start_health_check (self, immutable != NULL ? immutable : uri);
      return g_steal_pointer (&self);
    }

  /* An insert that fires an audit trigger keeps a statement journal; in memory rather than in a
   * temporary file it costs no write per row, which is most of a large import's time. */
  if (!tj_db_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tj_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tj_db_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (version < TJ_DB_SCHEMA_VERSION && !tj_db_migrate (self, version, error))
    return NULL;

  /* A trigger dropped or changed behind the application's back is put back before anything is
   * written through this connection (tuijin check reports the edits made meanwhile). */
  if (version == TJ_DB_SCHEMA_VERSION && !tj_db_ensure_audit_triggers (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

TjDb *
tj_db_open (const char *path,
            GError    **error)
{
  return tj_db_open_full (path, 0, error);
}
