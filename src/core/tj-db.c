/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "tj-db.h"
#include "tj-error.h"
#include "tj-core-resources.h"

struct _TjDb
{
  GObject parent_instance;
  sqlite3 *handle;
  char *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt, see tj_db_prepare_cached */
};

G_DEFINE_FINAL_TYPE (TjDb, tj_db, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tables whose every insert, update and delete lands in the audit log. */
static const char *const audited_tables[] = {
  "units", "people", "projects", "monthly_reports", "holidays", "agency_cases",
  "approval_catalogue", "approval_batches", "approval_items", "approval_reminders",
};

static void
tj_db_finalize (GObject *object)
{
  TjDb *self = TJ_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (tj_db_parent_class)->finalize (object);
}

static void
tj_db_class_init (TjDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tj_db_finalize;

  /* Emitted after a committed write, with the table name, so that views reload. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tj_db_init (TjDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
tj_db_set_error (TjDb    *self,
                 GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);
  int primary = code & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, TJ_ERROR, TJ_ERROR_LOCKED,
                 _("The database “%s” is locked by another program. Close it there and try again."),
                 self->path);
  else if (primary == SQLITE_NOTADB)
    g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Tuijin database."), self->path);
  else
    g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, _("Database error: %s"),
                 sqlite3_errmsg (self->handle));
}

gboolean
tj_db_exec (TjDb       *self,
            const char *sql,
            GError    **error)
{
  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      tj_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
tj_db_prepare (TjDb       *self,
               const char *sql,
               GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tj_db_set_error (self, error);
      return NULL;
    }
  return stmt;
}

/* Imports write thousands of rows with the same few statements: parsing them once per connection
 * instead of once per row is most of an import's speed. */
TjCachedStmt *
tj_db_prepare_cached (TjDb       *self,
                      const char *sql,
                      GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
      SQLITE_OK)
    {
      tj_db_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Resets a cached statement so that it holds no read transaction open. */
void
tj_db_release (TjCachedStmt *stmt)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

/* Steps a statement that returns no rows. */
gboolean
tj_db_step_done (TjDb         *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tj_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

void
tj_db_bind_text_or_null (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
tj_db_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* BEGIN IMMEDIATE: a deferred transaction that reads and then writes fails at once when another
 * connection committed in between. */
gboolean
tj_db_begin (TjDb    *self,
             GError **error)
{
  return tj_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
tj_db_commit (TjDb    *self,
              GError **error)
{
  if (!tj_db_exec (self, "COMMIT", error))
    {
      tj_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
tj_db_rollback (TjDb *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

void
tj_db_notify_changed (TjDb       *self,
                      const char *table)
{
  g_signal_emit (self, signals[CHANGED], 0, table);
}

static void
os_user_func (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static int
user_version (TjDb *self)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (self, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Builds one trigger per action and audited table from the table's current columns, so the log
 * follows every migration. An update records only the fields that changed, as
 * {"field": [old, new]}; an insert or delete records every non-empty field. */
static gboolean
create_audit_triggers (TjDb    *self,
                       GError **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      const char *table = audited_tables[t];
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
      g_autoptr (sqlite3_stmt) info = tj_db_prepare (self, info_sql, error);
      g_autoptr (GString) ins = g_string_new (NULL);
      g_autoptr (GString) upd = g_string_new (NULL);
      g_autoptr (GString) del = g_string_new (NULL);
      g_autofree char *sql = NULL;

      if (info == NULL)
        return FALSE;
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (info, 1);

          if (g_str_equal (col, "created") || g_str_equal (col, "updated"))
            continue;
          g_string_append_printf (ins, "%sSELECT '%s' AS f, NULL AS o, NEW.%s AS n",
                                  ins->len ? " UNION ALL " : "", col, col);
          g_string_append_printf (upd, "%sSELECT '%s' AS f, OLD.%s AS o, NEW.%s AS n",
                                  upd->len ? " UNION ALL " : "", col, col, col);
          g_string_append_printf (del, "%sSELECT '%s' AS f, OLD.%s AS o, NULL AS n",
                                  del->len ? " UNION ALL " : "", col, col);
        }

      /* a table a later migration creates */
      if (ins->len == 0)
        continue;

#define AUDIT_TRIGGER(action, when_rows, record, cond)                                          \
  "DROP TRIGGER IF EXISTS audit_%1$s_" action ";"                                               \
  "CREATE TRIGGER audit_%1$s_" action " AFTER " when_rows " ON %1$s " cond "BEGIN "             \
  "INSERT INTO audit (os_user, table_name, record_id, action, changes) "                       \
  "SELECT tj_os_user (), '%1$s', " record ", '" action "', "                                    \
  "(SELECT json_group_object (f, json_array (o, n)) FROM (%2$s) WHERE o IS NOT n); END;"

      sql = g_strdup_printf (AUDIT_TRIGGER ("insert", "INSERT", "NEW.id", ""), table, ins->str);
      if (!tj_db_exec (self, sql, error))
        return FALSE;
      g_free (sql);
      sql = g_strdup_printf (AUDIT_TRIGGER ("update", "UPDATE", "NEW.id", ""), table, upd->str);
      if (!tj_db_exec (self, sql, error))
        return FALSE;
      g_free (sql);
      sql = g_strdup_printf (AUDIT_TRIGGER ("delete", "DELETE", "OLD.id", ""), table, del->str);
      if (!tj_db_exec (self, sql, error))
        return FALSE;
#undef AUDIT_TRIGGER
    }
  return TRUE;
}

static char *
load_sql (const char *name,
          GError    **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/tuijin/Tuijin/sql/%s", name);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (tj_core_get_resource (), path, 0, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *const migrations[TJ_DB_SCHEMA_VERSION] = {
  "0001-register.sql",
  "0002-monthly-reports.sql",
  "0003-approvals.sql",
};

static gboolean
apply_migration (TjDb    *self,
                 int      version,
                 GError **error)
{
  g_autofree char *sql = load_sql (migrations[version - 1], error);
  g_autofree char *defaults = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (sql == NULL)
    return FALSE;
  /* A new database starts with the organisation's default units and settings. */
  if (version == 1 && (defaults = load_sql ("defaults.sql", error)) == NULL)
    return FALSE;

  if (!tj_db_begin (self, error))
    return FALSE;
  if (!tj_db_exec (self, sql, error) || (defaults != NULL && !tj_db_exec (self, defaults, error)) ||
      !create_audit_triggers (self, error) || !tj_db_exec (self, pragma, error) ||
      !tj_db_commit (self, error))
    {
      tj_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (TjDb    *self,
         int      from,
         GError **error)
{
  if (from > 0)
    {
      /* Keep the file as it was before any migration touches it. */
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from);

      if (!tj_db_backup (self, backup, error))
        return FALSE;
    }

  for (int version = from + 1; version <= TJ_DB_SCHEMA_VERSION; version++)
    if (!apply_migration (self, version, error))
      return FALSE;
  return TRUE;
}

/* Reads the first bytes without SQLite, so that a file that is not a database is refused before
 * anything could write to it. */
static gboolean
looks_like_database (const char *path,
                     GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GError) local = NULL;
  char header[16];
  gsize read = 0;

  in = g_file_read (file, NULL, &local);
  if (in == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot open “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &read, NULL, &local))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot read “%s”: %s"), path, local->message);
      return FALSE;
    }
  if (read == 0 || (read == sizeof header && memcmp (header, magic, sizeof header) == 0))
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Tuijin database. It was not changed."), path);
  return FALSE;
}

TjDb *
tj_db_open (const char *path,
            GError    **error)
{
  g_autoptr (TjDb) self = NULL;
  g_autofree char *dir = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!looks_like_database (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot create the folder “%s”: %s"), dir,
                   g_strerror (errno));
      return NULL;
    }

  self = g_object_new (TJ_TYPE_DB, NULL);
  self->path = g_strdup (path);
  /* A connection belongs to one thread (a window's, or an import's worker): no mutex needed. */
  if (sqlite3_open_v2 (path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot open “%s”: %s"), path,
                   sqlite3_errmsg (self->handle));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 3000);
  sqlite3_create_function (self->handle, "tj_os_user", 0, SQLITE_UTF8, NULL, os_user_func, NULL,
                           NULL);

  /* Read the version before anything writes: a newer file stays exactly as it is. */
  version = user_version (self);
  if (version < 0)
    {
      tj_db_set_error (self, error);
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

  /* An insert that fires an audit trigger keeps a statement journal; in memory rather than in a
   * temporary file it costs no write per row, which is most of a large import's time. */
  if (!tj_db_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tj_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tj_db_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (version < TJ_DB_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tj_db_get_path (TjDb *self)
{
  g_return_val_if_fail (TJ_IS_DB (self), NULL);
  return self->path;
}

sqlite3 *
tj_db_get_handle (TjDb *self)
{
  g_return_val_if_fail (TJ_IS_DB (self), NULL);
  return self->handle;
}

char *
tj_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tuijin", "tuijin.db", NULL);
}

char *
tj_db_get_setting (TjDb       *self,
                   const char *key)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  stmt = tj_db_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return tj_db_column_dup (stmt, 0);
}

gboolean
tj_db_set_setting (TjDb       *self,
                   const char *key,
                   const char *value,
                   GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

  stmt = tj_db_prepare (self,
                        "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                        "ON CONFLICT (key) DO UPDATE SET value = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!tj_db_step_done (self, stmt, error))
    return FALSE;
  tj_db_notify_changed (self, "settings");
  return TRUE;
}

gboolean
tj_db_is_empty (TjDb *self)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (self, "SELECT EXISTS (SELECT 1 FROM projects)",
                                                 NULL);

  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0;
}

/* Copies the live database with SQLite's backup API into a temporary file beside the target,
 * checks the copy, then renames it over the target: a failed backup never leaves a half file. */
gboolean
tj_db_backup (TjDb       *self,
              const char *target,
              GError    **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part", target);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), target,
                   sqlite3_errmsg (copy));
      goto out;
    }
  backup = sqlite3_backup_init (copy, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), target,
                   sqlite3_errmsg (copy));
      goto out;
    }
  while ((rc = sqlite3_backup_step (backup, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED)
    sqlite3_sleep (5);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), target,
                   sqlite3_errstr (rc));
      goto out;
    }

  {
    sqlite3_stmt *check = NULL;
    gboolean healthy = FALSE;

    if (sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &check, NULL) == SQLITE_OK &&
        sqlite3_step (check) == SQLITE_ROW)
      healthy = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
    sqlite3_finalize (check);
    if (!healthy)
      {
        g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                     _("The backup “%s” did not pass the integrity check."), target);
        goto out;
      }
  }

  sqlite3_close_v2 (copy);
  copy = NULL;
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
    g_unlink (tmp);
  return ok;
}
