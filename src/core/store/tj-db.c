/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-db.h"
#include "tj-db-private.h"
#include "tj-error.h"

G_DEFINE_FINAL_TYPE (TjDb, tj_db, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tj_db_finalize (GObject *object)
{
  TjDb *self = TJ_DB (object);

  g_clear_pointer (&self->statements_by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->written, g_ptr_array_unref);
  g_clear_pointer (&self->importing, g_hash_table_unref);
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

  /**
   * TjDb::changed:
   * @table: the table written, also the signal's detail ("changed::projects")
   *
   * Emitted by the store once per table after a transaction that wrote it has committed
   * (nothing after a rollback), so that views connect to the tables they show. A file job's
   * writes, made on a connection of its own, are told to the window's connection with
   * tj_db_relay_changed when the job is done.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
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
  self->statements_by_address = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->written = g_ptr_array_new ();
}

/* Every row written on the connection, by a statement, a trigger, a cascade or a changeset,
 * names its table here (SQLite's own tables, the temporary schema and the audit log, which every
 * audited write appends to, name none). */
static void
update_hook (void          *data,
             int            operation,
             const char    *database,
             const char    *table,
             sqlite3_int64  rowid)
{
  TjDb *self = data;
  const char *name;

  if (!g_str_equal (database, "main") || g_str_equal (table, "audit"))
    return;
  name = g_intern_string (table);
  if (!g_ptr_array_find (self->written, name, NULL))
    g_ptr_array_add (self->written, (gpointer) name);
}

static void
rollback_hook (void *data)
{
  TjDb *self = data;

  g_ptr_array_set_size (self->written, 0);
}

/* Notes every table written on the connection, so that a commit emits changed::TABLE for it and
 * a rollback forgets it. */
void
tj_db_track_changes (TjDb *self)
{
  sqlite3_update_hook (self->handle, update_hook, self);
  sqlite3_rollback_hook (self->handle, rollback_hook, self);
}

/* Once no transaction is open, what was written is committed (a rollback has emptied the list):
 * tell the listeners, once per table, in the order the tables were first written. */
static void
emit_committed (TjDb *self)
{
  g_autoptr (GPtrArray) tables = NULL;

  if (self->written->len == 0 || !sqlite3_get_autocommit (self->handle))
    return;
  /* a listener may write in turn */
  tables = g_steal_pointer (&self->written);
  self->written = g_ptr_array_new ();
  for (guint i = 0; i < tables->len; i++)
    tj_db_relay_changed (self, g_ptr_array_index (tables, i));
}

void
tj_db_set_error (TjDb    *self,
                 GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);
  int primary = code & 0xff;

  if (code == SQLITE_CONSTRAINT_TRIGGER &&
      strstr (sqlite3_errmsg (self->handle), "tj: period locked") != NULL)
    g_set_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED,
                 _("The month’s bulletin has been issued and its reports are locked. Unlock the "
                   "month on the bulletin page, giving a reason, to change them."));
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, TJ_ERROR, TJ_ERROR_LOCKED,
                 _("The database “%s” is locked by another program. Close it there and try again."),
                 self->path);
  else if (primary == SQLITE_NOTADB)
    g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Tuijin database."), self->path);
  else if (primary == SQLITE_FULL)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("The disk holding “%s” is full. Nothing was saved; free some space and try "
                   "again."),
                 self->path);
  else if (primary == SQLITE_IOERR)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("Cannot write “%s”: the disk reported an error. Nothing was saved; check the "
                   "disk and try again."),
                 self->path);
  else if (primary == SQLITE_READONLY)
    g_set_error (error, TJ_ERROR, TJ_ERROR_IO,
                 _("“%s” may only be read: nothing can be saved to it. Check the permissions of "
                   "the file and its folder."),
                 self->path);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                 _("The database “%s” is damaged. Restore the latest backup with “tuijin "
                   "restore”."),
                 self->path);
  else if (primary == SQLITE_ERROR &&
           (g_str_has_prefix (sqlite3_errmsg (self->handle), "no such table") ||
            g_str_has_prefix (sqlite3_errmsg (self->handle), "no such column")))
    /* an opened file has the current schema (older ones are upgraded or refused): a table or
     * column gone was taken away outside Tuijin */
    g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE,
                 _("The database “%s” lacks a table or column Tuijin needs (%s): another program "
                   "may have changed it. Restore the latest backup with “tuijin restore”."),
                 self->path, sqlite3_errmsg (self->handle));
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
  emit_committed (self);
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

/* A cached statement as found by the address of its text: the text kept (the key of
 * statements), to be compared, since another text may later lie at the same address. */
typedef struct
{
  const char *sql;
  sqlite3_stmt *stmt;
} CachedText;

/* Imports write thousands of rows with the same few statements: parsing them once per connection
 * instead of once per row is most of an import's speed. They are found by the address of their
 * text first (a literal's is always the same), which spares hashing a long text per row. */
TjCachedStmt *
tj_db_prepare_cached (TjDb       *self,
                      const char *sql,
                      GError    **error)
{
  CachedText *cached;
  sqlite3_stmt *stmt;
  char *key = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  cached = g_hash_table_lookup (self->statements_by_address, sql);
  if (cached != NULL && strcmp (cached->sql, sql) == 0)
    stmt = cached->stmt;
  else if (g_hash_table_lookup_extended (self->statements, sql, (gpointer *) &key,
                                         (gpointer *) &stmt))
    {
      cached = g_new (CachedText, 1);
      cached->sql = key;
      cached->stmt = stmt;
      g_hash_table_insert (self->statements_by_address, (gpointer) sql, cached);
    }
  else
    stmt = NULL;
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
  key = g_strdup (sql);
  g_hash_table_insert (self->statements, key, stmt);
  cached = g_new (CachedText, 1);
  cached->sql = key;
  cached->stmt = stmt;
  g_hash_table_insert (self->statements_by_address, (gpointer) sql, cached);
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
  emit_committed (self);
  return TRUE;
}

/* Runs one statement that returns no rows and whose one parameter is a row's id ("DELETE FROM
 * units WHERE id = ?"), within the caller's transaction. */
gboolean
tj_db_exec_for_id (TjDb       *self,
                   const char *sql,
                   gint64      id,
                   GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  stmt = tj_db_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return tj_db_step_done (self, stmt, error);
}

/* Saves one record through its write function in a transaction of its own: written and
 * committed, or nothing written. */
gboolean
tj_db_save_record (TjDb          *self,
                   TjDbWriteFunc  write,
                   gpointer       record,
                   GError       **error)
{
  g_return_val_if_fail (TJ_IS_DB (self), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  if (!tj_db_begin (self, error))
    return FALSE;
  if (!write (self, record, error) || !tj_db_commit (self, error))
    {
      tj_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Deletes one row by its id ("DELETE FROM agency_cases WHERE id = ?") in a transaction of its
 * own: deleted and committed, or nothing written. */
gboolean
tj_db_delete_row (TjDb       *self,
                  const char *sql,
                  gint64      id,
                  GError    **error)
{
  if (!tj_db_begin (self, error))
    return FALSE;
  if (!tj_db_exec_for_id (self, sql, id, error) || !tj_db_commit (self, error))
    {
      tj_db_rollback (self);
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

/* A reference to another row: its id, or NULL for none (0). */
void
tj_db_bind_id_or_null (sqlite3_stmt *stmt,
                       int           index,
                       gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
tj_db_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* After a loop of sqlite3_step: TRUE when it ended because the rows did, not because reading
 * failed (a partial list must never read as the whole one). */
gboolean
tj_db_rows_done (TjDb    *self,
                 int      rc,
                 GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  tj_db_set_error (self, error);
  return FALSE;
}

/* BEGIN IMMEDIATE: a deferred transaction that reads and then writes fails at once when another
 * connection committed in between. */
gboolean
tj_db_begin (TjDb    *self,
             GError **error)
{
  /* a write stepped by hand outside a transaction is told of before the next one begins */
  emit_committed (self);
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

/* Tells this connection's listeners that another connection (a file job's, in its worker) has
 * committed a write to @table. Writes made on this connection are told of by the store itself. */
void
tj_db_relay_changed (TjDb       *self,
                     const char *table)
{
  g_return_if_fail (TJ_IS_DB (self));
  g_return_if_fail (table != NULL);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

gboolean
tj_db_is_read_only (TjDb *self)
{
  g_return_val_if_fail (TJ_IS_DB (self), TRUE);
  return self->read_only;
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
  char *value = NULL;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  if (!tj_db_read_setting (self, key, &value, NULL))
    return NULL;
  return value;
}

/* A setting that may be unset: TRUE with *value NULL when it is not set, FALSE when it cannot be
 * read (an unreadable setting must not read as an unset one). */
gboolean
tj_db_read_setting (TjDb       *self,
                    const char *key,
                    char      **value,
                    GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  stmt = tj_db_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = tj_db_column_dup (stmt, 0);
      return TRUE;
    }
  return tj_db_rows_done (self, rc, error);
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
  return tj_db_step_done (self, stmt, error);
}

gboolean
tj_db_is_empty (TjDb *self)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (self, "SELECT EXISTS (SELECT 1 FROM projects)",
                                                 NULL);

  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0;
}
