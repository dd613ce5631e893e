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
  gboolean read_only;
  TjDbWaitFunc wait_func;
  gpointer wait_data;
  GHashTable *statements; /* SQL text → sqlite3_stmt, see tj_db_prepare_cached */
  GPtrArray *written;     /* interned names of the tables the open transaction wrote */
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
  "units", "people", "projects", "monthly_reports", "monthly_notes", "holidays", "agency_cases",
  "bulletin_issues", "approval_catalogue", "approval_batches", "approval_items", "approval_reminders",
  "approval_suspensions",
};

const char *const *
tj_db_audited_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (audited_tables);
  return audited_tables;
}

/* The columns of an audited table whose values the log records: all but the created and updated
 * stamps. None for a table a later migration creates; NULL with error when reading fails. */
GStrv
tj_db_audited_columns (TjDb       *self,
                       const char *table,
                       GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autoptr (sqlite3_stmt) info = NULL;
  g_autoptr (GStrvBuilder) columns = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (TJ_IS_DB (self), NULL);

  if ((info = tj_db_prepare (self, sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (info)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (info, 1);

      if (!g_str_equal (column, "created") && !g_str_equal (column, "updated"))
        g_strv_builder_add (columns, column);
    }
  if (!tj_db_rows_done (self, rc, error))
    return NULL;
  return g_strv_builder_end (columns);
}

static void
tj_db_finalize (GObject *object)
{
  TjDb *self = TJ_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->written, g_ptr_array_unref);
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

static void
os_user_func (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static char *load_sql (const char *name, GError **error);

/* The audit chain: each row's hash is SHA-256 over the previous row's hash and the row's own
 * fields, so a row rewritten, removed or forged behind the application's back breaks the chain
 * from there on (tuijin check names the first broken row). */
char *
tj_db_audit_hash (const char *previous,
                  gint64      id,
                  const char *at,
                  const char *os_user,
                  const char *table,
                  gint64      record_id,
                  const char *action,
                  const char *changes)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT, id,
                                              record_id);
  const char *texts[] = { previous, at, os_user, table, action, changes };

  g_checksum_update (sum, (const guchar *) numbers, -1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* a separator that cannot occur in the fields, and a mark for an absent one */
      g_checksum_update (sum, (const guchar *) "\x1e", 1);
      g_checksum_update (sum, (const guchar *) (texts[i] != NULL ? texts[i] : "\x1d"), -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* tj_audit_hash (previous, id, at, os_user, table, record_id, action, changes) */
static void
audit_hash_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  char *hash;

  if (argc != 8)
    {
      sqlite3_result_error (context, "tj_audit_hash takes 8 arguments", -1);
      return;
    }
  hash = tj_db_audit_hash ((const char *) sqlite3_value_text (argv[0]),
                           sqlite3_value_int64 (argv[1]), (const char *) sqlite3_value_text (argv[2]),
                           (const char *) sqlite3_value_text (argv[3]),
                           (const char *) sqlite3_value_text (argv[4]), sqlite3_value_int64 (argv[5]),
                           (const char *) sqlite3_value_text (argv[6]),
                           (const char *) sqlite3_value_text (argv[7]));
  sqlite3_result_text (context, hash, -1, g_free);
}

typedef struct
{
  char *name;
  char *sql; /* the CREATE TRIGGER statement, as sqlite_schema keeps it */
} Trigger;

static void
trigger_free (Trigger *trigger)
{
  g_free (trigger->name);
  g_free (trigger->sql);
  g_free (trigger);
}

static void
add_trigger (GPtrArray  *triggers,
             char       *name,
             char       *sql)
{
  Trigger *trigger = g_new0 (Trigger, 1);

  trigger->name = name;
  trigger->sql = sql;
  g_ptr_array_add (triggers, trigger);
}

/* The triggers that keep the log: one per action and audited table, built from the table's
 * current columns so the log follows every migration (an update records only the fields that
 * changed, as {"field": [old, new]}; an insert or delete every non-empty field), and the guards
 * that refuse any change to the log but a correctly chained append. */
static GPtrArray *
expected_audit_triggers (TjDb    *self,
                         GError **error)
{
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_free);

  add_trigger (triggers, g_strdup ("audit_no_update"),
               g_strdup ("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
                         "SELECT RAISE (ABORT, 'the audit log cannot be changed'); END"));
  add_trigger (triggers, g_strdup ("audit_no_delete"),
               g_strdup ("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
                         "SELECT RAISE (ABORT, 'the audit log cannot be changed'); END"));
  /* INSERT OR REPLACE would delete a row without firing the delete guard: an id must be the
   * next one, and the hash must chain. */
  add_trigger (triggers, g_strdup ("audit_append_only"),
               g_strdup ("CREATE TRIGGER audit_append_only BEFORE INSERT ON audit "
                         "WHEN NEW.id IS NOT (SELECT coalesce (max (id), 0) + 1 FROM audit) "
                         "OR NEW.hash IS NOT tj_audit_hash ((SELECT hash FROM audit ORDER BY id "
                         "DESC LIMIT 1), NEW.id, NEW.at, NEW.os_user, NEW.table_name, "
                         "NEW.record_id, NEW.action, NEW.changes) BEGIN "
                         "SELECT RAISE (ABORT, 'the audit log cannot be changed'); END"));

  for (guint t = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      const char *table = audited_tables[t];
      g_auto (GStrv) columns = tj_db_audited_columns (self, table, error);
      g_autoptr (GString) ins = g_string_new (NULL);
      g_autoptr (GString) upd = g_string_new (NULL);
      g_autoptr (GString) del = g_string_new (NULL);

      if (columns == NULL)
        return NULL;
      for (guint c = 0; columns[c] != NULL; c++)
        {
          const char *col = columns[c];

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

#define AUDIT_TRIGGER(action, when_rows, record)                                                \
  "CREATE TRIGGER audit_%1$s_" action " AFTER " when_rows " ON %1$s BEGIN "                     \
  "INSERT INTO audit (id, at, os_user, table_name, record_id, action, changes, hash) "          \
  "SELECT id, at, u, '%1$s', rid, '" action "', c, "                                            \
  "tj_audit_hash (prev, id, at, u, '%1$s', rid, '" action "', c) FROM (SELECT "                 \
  "(SELECT coalesce (max (id), 0) + 1 FROM audit) AS id, "                                      \
  "strftime ('%%Y-%%m-%%dT%%H:%%M:%%S', 'now', 'localtime') AS at, tj_os_user () AS u, "        \
  record " AS rid, (SELECT json_group_object (f, json_array (o, n)) FROM (%2$s) "               \
  "WHERE o IS NOT n) AS c, (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS prev); END"

      add_trigger (triggers, g_strdup_printf ("audit_%s_insert", table),
                   g_strdup_printf (AUDIT_TRIGGER ("insert", "INSERT", "NEW.id"), table, ins->str));
      add_trigger (triggers, g_strdup_printf ("audit_%s_update", table),
                   g_strdup_printf (AUDIT_TRIGGER ("update", "UPDATE", "NEW.id"), table, upd->str));
      add_trigger (triggers, g_strdup_printf ("audit_%s_delete", table),
                   g_strdup_printf (AUDIT_TRIGGER ("delete", "DELETE", "OLD.id"), table, del->str));
#undef AUDIT_TRIGGER
    }
  return g_steal_pointer (&triggers);
}

/* Schema 4 starts the chain with what the file holds: every row of an audited table that has no
 * entry in the log yet (the default units and holidays, rows of a schema that logged no such
 * table) is logged once as inserted, so that tuijin check can hold every row to the log. */
static gboolean
log_unlogged_rows (TjDb    *self,
                   GError **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      const char *table = audited_tables[t];
      g_auto (GStrv) columns = tj_db_audited_columns (self, table, error);
      g_autoptr (GString) fields = g_string_new (NULL);
      g_autofree char *sql = NULL;

      if (columns == NULL)
        return FALSE;
      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (fields, "%sSELECT '%s' AS f, NULL AS o, r.%s AS n",
                                fields->len ? " UNION ALL " : "", columns[c], columns[c]);
      /* a table a later migration creates */
      if (fields->len == 0)
        continue;
      /* One row per statement: the next id and the previous hash are read for each. */
      sql = g_strdup_printf (
        "INSERT INTO audit (id, at, os_user, table_name, record_id, action, changes, hash) "
        "SELECT id, at, u, '%1$s', rid, 'insert', c, "
        "tj_audit_hash (prev, id, at, u, '%1$s', rid, 'insert', c) FROM (SELECT "
        "(SELECT coalesce (max (id), 0) + 1 FROM audit) AS id, "
        "strftime ('%%Y-%%m-%%dT%%H:%%M:%%S', 'now', 'localtime') AS at, tj_os_user () AS u, "
        "r.id AS rid, (SELECT json_group_object (f, json_array (o, n)) FROM (%2$s) "
        "WHERE o IS NOT n) AS c, (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS prev "
        "FROM %1$s r WHERE r.id = ?)",
        table, fields->str);
      {
        g_autofree char *ids_sql = g_strdup_printf (
          "SELECT id FROM %s WHERE id NOT IN (SELECT record_id FROM audit WHERE table_name = '%s') "
          "ORDER BY id", table, table);
        g_autoptr (sqlite3_stmt) ids = tj_db_prepare (self, ids_sql, error);
        g_autoptr (sqlite3_stmt) insert = tj_db_prepare (self, sql, error);
        g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (gint64));
        int rc;

        if (ids == NULL || insert == NULL)
          return FALSE;
        while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
          {
            gint64 id = sqlite3_column_int64 (ids, 0);
            g_array_append_val (pending, id);
          }
        if (!tj_db_rows_done (self, rc, error))
          return FALSE;
        for (guint i = 0; i < pending->len; i++)
          {
            sqlite3_reset (insert);
            sqlite3_bind_int64 (insert, 1, g_array_index (pending, gint64, i));
            if (!tj_db_step_done (self, insert, error))
              return FALSE;
          }
      }
    }
  return TRUE;
}

/* Inside a transaction: puts back every audit trigger that is missing or not as expected. */
static gboolean
repair_audit_triggers (TjDb      *self,
                       GPtrArray *triggers,
                       guint     *repaired,
                       GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (self,
                                                 "SELECT sql FROM sqlite_schema "
                                                 "WHERE type = 'trigger' AND name = ?",
                                                 error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < triggers->len; i++)
    {
      Trigger *trigger = g_ptr_array_index (triggers, i);
      g_autofree char *drop = NULL;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, trigger->name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), trigger->sql) == 0)
        continue;
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          tj_db_set_error (self, error);
          return FALSE;
        }
      sqlite3_reset (stmt);
      drop = g_strdup_printf ("DROP TRIGGER IF EXISTS %s", trigger->name);
      if (!tj_db_exec (self, drop, error) || !tj_db_exec (self, trigger->sql, error))
        return FALSE;
      if (repaired != NULL)
        (*repaired)++;
    }
  return TRUE;
}

static gboolean
create_audit_triggers (TjDb    *self,
                       GError **error)
{
  g_autoptr (GPtrArray) triggers = expected_audit_triggers (self, error);

  return triggers != NULL && repair_audit_triggers (self, triggers, NULL, error);
}

/* On opening a file: reads first, and writes only when a trigger has to be put back. */
static gboolean
ensure_audit_triggers (TjDb    *self,
                       GError **error)
{
  g_autoptr (GPtrArray) triggers = expected_audit_triggers (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  guint found = 0, repaired = 0;
  int rc;

  if (triggers == NULL)
    return FALSE;
  stmt = tj_db_prepare (self, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < triggers->len; i++)
      {
        Trigger *trigger = g_ptr_array_index (triggers, i);

        if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), trigger->name) == 0 &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), trigger->sql) == 0)
          found++;
      }
  if (!tj_db_rows_done (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (found == triggers->len)
    return TRUE;

  if (!tj_db_begin (self, error) || !repair_audit_triggers (self, triggers, &repaired, error) ||
      !tj_db_commit (self, error))
    {
      tj_db_rollback (self);
      return FALSE;
    }
  /* evidence of an edit behind the application's back: tuijin check names what changed */
  g_message (ngettext ("“%s”: %u audit trigger was missing or changed and has been put back; "
                       "run “tuijin check”.",
                       "“%s”: %u audit triggers were missing or changed and have been put back; "
                       "run “tuijin check”.",
                       repaired),
             self->path, repaired);
  return TRUE;
}

/* Schema 4 chains the log: the rows written before it get their hashes in order. */
static gboolean
chain_existing_audit (TjDb    *self,
                      GError **error)
{
  g_autoptr (sqlite3_stmt) rows = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *previous = NULL;
  int rc;

  rows = tj_db_prepare (self, "SELECT id, at, os_user, table_name, record_id, action, changes "
                        "FROM audit ORDER BY id", error);
  update = tj_db_prepare (self, "UPDATE audit SET hash = ? WHERE id = ?", error);
  if (rows == NULL || update == NULL)
    return FALSE;
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      char *hash = tj_db_audit_hash (previous, sqlite3_column_int64 (rows, 0),
                                     (const char *) sqlite3_column_text (rows, 1),
                                     (const char *) sqlite3_column_text (rows, 2),
                                     (const char *) sqlite3_column_text (rows, 3),
                                     sqlite3_column_int64 (rows, 4),
                                     (const char *) sqlite3_column_text (rows, 5),
                                     (const char *) sqlite3_column_text (rows, 6));

      g_free (previous);
      previous = hash;
      sqlite3_reset (update);
      sqlite3_bind_text (update, 1, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (rows, 0));
      if (!tj_db_step_done (self, update, error))
        return FALSE;
    }
  if (!tj_db_rows_done (self, rc, error))
    return FALSE;
  return TRUE;
}

/* Splits SQL text into statements and runs those that begin with prefix. */
static gboolean
exec_statements_starting (TjDb       *self,
                          const char *sql,
                          const char *prefix,
                          GError    **error)
{
  g_autoptr (GString) statement = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (sql, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " \t\r");

      /* whole-line comments and blank lines between statements */
      if (g_str_has_prefix (line, "--") || (statement->len == 0 && *line == '\0'))
        continue;
      g_string_append (statement, lines[i]);
      g_string_append_c (statement, '\n');
      if (!sqlite3_complete (statement->str))
        continue;
      g_strchug (statement->str);
      if (g_str_has_prefix (statement->str, prefix) && !tj_db_exec (self, statement->str, error))
        return FALSE;
      g_string_truncate (statement, 0);
    }
  return TRUE;
}

/* Schema 3 as first released had no holidays and no catalogue; a database made then gets the
 * rows that 0003 gives a new one, when it has none of its own. */
static gboolean
fill_default_calendar (TjDb    *self,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (self,
                                                 "SELECT (SELECT count(*) FROM holidays), "
                                                 "(SELECT count(*) FROM approval_catalogue)",
                                                 error);
  g_autofree char *sql = NULL;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tj_db_set_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) > 0 || sqlite3_column_int (stmt, 1) > 0)
    return TRUE;
  if ((sql = load_sql ("0003-approvals.sql", error)) == NULL)
    return FALSE;
  return exec_statements_starting (self, sql, "INSERT INTO", error);
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
  "0004-data-safety.sql",
  "0005-period-lock-year.sql",
  "0006-approval-suspensions.sql",
  "0007-monthly-notes.sql",
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
      (version == 4 && (!fill_default_calendar (self, error) || !chain_existing_audit (self, error))) ||
      (version >= 4 && !create_audit_triggers (self, error)) ||
      (version == 4 && !log_unlogged_rows (self, error)) || !tj_db_exec (self, pragma, error) ||
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
  if (from > 0 && !tj_db_check_healthy (self, error))
    return FALSE;
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

static gboolean
open_handle (TjDb       *self,
             const char *uri,
             int         flags,
             GError    **error)
{
  int rc;

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
  sqlite3_update_hook (self->handle, update_hook, self);
  sqlite3_rollback_hook (self->handle, rollback_hook, self);
  sqlite3_create_function (self->handle, "tj_os_user", 0, SQLITE_UTF8, NULL, os_user_func, NULL,
                           NULL);
  sqlite3_create_function (self->handle, "tj_audit_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, audit_hash_func, NULL, NULL);
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
          g_autofree char *immutable = file_uri (path, "?immutable=1");

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

  /* An export from a damaged file would write garbled figures without a word. */
  if ((flags & TJ_DB_OPEN_HEALTHY) != 0 && !tj_db_check_healthy (self, error))
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
      return g_steal_pointer (&self);
    }

  /* An insert that fires an audit trigger keeps a statement journal; in memory rather than in a
   * temporary file it costs no write per row, which is most of a large import's time. */
  if (!tj_db_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tj_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tj_db_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (version < TJ_DB_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  /* A trigger dropped or changed behind the application's back is put back before anything is
   * written through this connection (tuijin check reports the edits made meanwhile). */
  if (version == TJ_DB_SCHEMA_VERSION && !ensure_audit_triggers (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

TjDb *
tj_db_open (const char *path,
            GError    **error)
{
  return tj_db_open_full (path, 0, error);
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

/* Bulk writes (imports, demo data) and migrations refuse a damaged file rather than write more
 * into it. */
gboolean
tj_db_check_healthy (TjDb    *self,
                     GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (self), FALSE);

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
