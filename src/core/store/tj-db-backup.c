/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "tj-db.h"
#include "tj-db-private.h"
#include "tj-error.h"

/* PRAGMA quick_check on a connection: TRUE when it says ok. */
static gboolean
handle_is_healthy (sqlite3 *handle)
{
  sqlite3_stmt *check = NULL;
  gboolean healthy = FALSE;

  if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    healthy = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  return healthy;
}

static void
set_damaged_error (const char *path,
                   GError    **error)
{
  g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
               _("The database “%s” is damaged, so nothing was written to it. Copy what can "
                 "still be read with “tuijin backup”, and restore the latest good backup with "
                 "“tuijin restore”."),
               path);
}

/* The quick_check of an export's database (TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT), run on a second
 * read-only connection in a thread of its own while the export reads and writes on the first:
 * on two cores it costs the export nothing but the wait for whichever ends last. The output
 * file's commit (tj-output-file, one layer up) waits for every pending check before it replaces
 * a target, whichever writer commits (reports, kits, records, contact cards, CSV) in whichever
 * thread, so no file leaves a damaged database. The checks are process-wide: a commit cannot
 * tell which connection its figures came from, and waiting for another's is only safer. */
typedef struct
{
  char *path;
  GMutex lock;
  GThread *thread; /* until joined */
  gboolean healthy;
} HealthCheck;

/* The checks of the connections still open; the lock is held while one is awaited, so that a
 * connection's finalize (which removes its check) waits for a commit awaiting it. */
static GMutex checks_lock;
static GPtrArray *checks;

static GQuark
health_check_quark (void)
{
  return g_quark_from_static_string ("tj-db-health-check");
}

static gpointer
health_check_thread (gpointer data)
{
  char *uri = data;
  sqlite3 *handle = NULL;
  gboolean healthy;

  healthy = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                             SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
            handle_is_healthy (handle);
  sqlite3_close_v2 (handle);
  g_free (uri);
  return GINT_TO_POINTER (healthy);
}

/* Waits for the check (the first caller joins its thread). */
static gboolean
health_check_await (gpointer  data,
                    GError  **error)
{
  HealthCheck *check = data;
  gboolean healthy;

  g_mutex_lock (&check->lock);
  if (check->thread != NULL)
    {
      check->healthy = GPOINTER_TO_INT (g_thread_join (check->thread));
      check->thread = NULL;
    }
  healthy = check->healthy;
  g_mutex_unlock (&check->lock);
  if (!healthy)
    set_damaged_error (check->path, error);
  return healthy;
}

static void
health_check_free (gpointer data)
{
  HealthCheck *check = data;

  g_mutex_lock (&checks_lock);
  g_ptr_array_remove_fast (checks, check);
  g_mutex_unlock (&checks_lock);
  health_check_await (check, NULL);
  g_mutex_clear (&check->lock);
  g_free (check->path);
  g_free (check);
}

/* Starts the quick_check of the file @self opened from @uri (read-only), kept until @self is
 * finalized. */
void
tj_db_start_health_check (TjDb       *self,
                          const char *uri)
{
  HealthCheck *check = g_new0 (HealthCheck, 1);

  check->path = g_strdup (self->path);
  g_mutex_init (&check->lock);
  check->thread = g_thread_new ("tj-quick-check", health_check_thread, g_strdup (uri));
  g_object_set_qdata_full (G_OBJECT (self), health_check_quark (), check, health_check_free);
  g_mutex_lock (&checks_lock);
  if (checks == NULL)
    checks = g_ptr_array_new ();
  g_ptr_array_add (checks, check);
  g_mutex_unlock (&checks_lock);
}

/* TRUE when every connection opened with TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT and still open passed
 * its check, waiting for those still running; else the message of a damaged database. */
gboolean
tj_db_await_health_checks (GError **error)
{
  gboolean healthy = TRUE;

  g_mutex_lock (&checks_lock);
  for (guint i = 0; healthy && checks != NULL && i < checks->len; i++)
    healthy = health_check_await (g_ptr_array_index (checks, i), error);
  g_mutex_unlock (&checks_lock);
  return healthy;
}

/* Bulk writes (imports, demo data) and migrations refuse a damaged file rather than write more
 * into it; on a connection whose check runs in a thread (TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT), this
 * waits for that check. */
gboolean
tj_db_check_healthy (TjDb    *self,
                     GError **error)
{
  HealthCheck *check;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

  check = g_object_get_qdata (G_OBJECT (self), health_check_quark ());
  if (check != NULL)
    return health_check_await (check, error);
  if (handle_is_healthy (self->handle))
    return TRUE;
  set_damaged_error (self->path, error);
  return FALSE;
}

gboolean
tj_db_begin_bulk (TjDb    *self,
                  GError **error)
{
  return tj_db_check_healthy (self, error) && tj_db_begin (self, error);
}

/* Copies everything from one connection to another in one step, waiting while a writer holds
 * the source; a step that neither finishes nor fails ends the copy with an error. */
static int
copy_database (sqlite3 *to,
               sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  gint64 deadline = g_get_monotonic_time () + (gint64) TJ_DB_BUSY_TIMEOUT_MS * 1000;
  int rc;

  if (backup == NULL)
    return sqlite3_extended_errcode (to);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK) &&
         g_get_monotonic_time () < deadline);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return SQLITE_BUSY;
  return rc;
}

static void
remove_with_journals (const char *path)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
set_copy_error (const char *target,
                int         rc,
                GError    **error)
{
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("Cannot write “%s”: the disk is full. Nothing was written."), target);
  else if ((rc & 0xff) == SQLITE_BUSY)
    g_set_error (error, TJ_ERROR, TJ_ERROR_LOCKED,
                 _("Cannot copy to “%s”: another program kept writing the database. Try again "
                   "later; nothing was written."),
                 target);
  else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY ||
           (rc & 0xff) == SQLITE_PERM)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("Cannot write “%s”: check that its folder exists and may be written."), target);
  else
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), target,
                 sqlite3_errstr (rc));
}

/* Copies the live database with SQLite's backup API into a temporary file beside the target,
 * checks the copy, then renames it over the target: a failed backup never leaves a half file,
 * nor a journal of one. */
gboolean
tj_db_backup (TjDb       *self,
              const char *target,
              GError    **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part", target);
  sqlite3 *copy = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

  /* what a backup killed before it finished left behind */
  remove_with_journals (tmp);
  rc = sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = MEMORY", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (copy, self->handle);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      set_copy_error (target, rc, error);
      goto out;
    }
  if (!handle_is_healthy (copy))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                   _("The backup “%s” did not pass the integrity check: the database itself may "
                     "be damaged. Nothing was written."),
                   target);
      goto out;
    }
  rc = sqlite3_close (copy);
  copy = NULL;
  if (rc != SQLITE_OK)
    {
      set_copy_error (target, rc, error);
      goto out;
    }
  if (g_rename (tmp, target) != 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), target,
                   g_strerror (errno));
      goto out;
    }
  ok = TRUE;

out:
  if (copy != NULL)
    sqlite3_close_v2 (copy);
  if (!ok)
    remove_with_journals (tmp);
  return ok;
}

/* Puts a backup copy in place of the database at path: the copy is checked first (a Tuijin
 * database this version reads, passing the integrity check), the current file is kept beside it
 * as PATH.before-restore-DATE.bak when it can still be read, and the copy is written into the
 * file through SQLite, so that a window that has it open sees the restored data. */
gboolean
tj_db_restore (const char *path,
               const char *source,
               char      **kept,
               GError    **error)
{
  sqlite3 *from = NULL, *to = NULL;
  g_autoptr (TjDb) check = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *saved = g_strdup_printf ("%s.before-restore-%s.bak", path, stamp);
  gboolean ok = FALSE;
  int rc;

  if (kept != NULL)
    *kept = NULL;
  check = tj_db_open_full (source, TJ_DB_OPEN_READ_ONLY, &local);
  if (check == NULL && !g_error_matches (local, TJ_ERROR, TJ_ERROR_IO))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("“%s” cannot be restored: "), source);
      return FALSE;
    }
  g_clear_error (&local);
  if (check != NULL && !tj_db_check_healthy (check, NULL))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                   _("“%s” cannot be restored: it is damaged. Nothing was changed."), source);
      return FALSE;
    }
  g_clear_object (&check);
  rc = sqlite3_open_v2 (source, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !handle_is_healthy (from))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                   _("“%s” cannot be restored: it is not a Tuijin database, or is damaged. "
                     "Nothing was changed."),
                   source);
      goto out;
    }

  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_copy_error (path, rc, error);
      goto out;
    }
  sqlite3_busy_timeout (to, TJ_DB_BUSY_TIMEOUT_MS);
  /* Keep what is there now, as far as it can be read. */
  {
    sqlite3 *keep = NULL;

    if (sqlite3_open_v2 (saved, &keep, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ==
            SQLITE_OK &&
        sqlite3_exec (keep, "PRAGMA journal_mode = MEMORY", NULL, NULL, NULL) == SQLITE_OK &&
        copy_database (keep, to) == SQLITE_DONE)
      {
        sqlite3_close (keep);
        if (kept != NULL)
          *kept = g_strdup (saved);
      }
    else
      {
        sqlite3_close_v2 (keep);
        remove_with_journals (saved);
      }
  }
  rc = copy_database (to, from);
  if (rc != SQLITE_DONE)
    {
      set_copy_error (path, rc, error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close_v2 (from);
  sqlite3_close_v2 (to);
  return ok;
}
