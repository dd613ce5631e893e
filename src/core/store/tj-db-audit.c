/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-db.h"
#include "tj-db-private.h"

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
os_user_func (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

/* What the audit chain hashes for one row: the numbers, then each text after a separator that
 * cannot occur in the fields (an absent one marked). */
static void
audit_hash_input (GString    *input,
                  const char *previous,
                  gint64      id,
                  const char *at,
                  const char *os_user,
                  const char *table,
                  gint64      record_id,
                  const char *action,
                  const char *changes)
{
  const char *texts[] = { previous, at, os_user, table, action, changes };

  g_string_printf (input, "%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT, id, record_id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_string_append_c (input, '\x1e');
      g_string_append (input, texts[i] != NULL ? texts[i] : "\x1d");
    }
}

static char *
audit_hash_of_input (GString *input)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) input->str, input->len);
}

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
  g_autoptr (GString) input = g_string_new (NULL);

  audit_hash_input (input, previous, id, at, os_user, table, record_id, action, changes);
  return audit_hash_of_input (input);
}

/* A connection's memory for the functions below: an audited write hashes its row twice with the
 * same fields (the trigger writing it, the guard checking it), and stamps every row of a second
 * with the same time. */
typedef struct
{
  GString *input;      /* the last row hashed, as hashed */
  GString *last_input;
  char *last_hash;
  gint64 now_second;   /* the second tj_now last formatted */
  char now[32];
} AuditFunctions;

static void
audit_functions_free (gpointer data)
{
  AuditFunctions *functions = data;

  g_string_free (functions->input, TRUE);
  g_string_free (functions->last_input, TRUE);
  g_free (functions->last_hash);
  g_free (functions);
}

/* tj_now (): the local time to the second, as strftime ('%Y-%m-%dT%H:%M:%S', 'now',
 * 'localtime') writes it; formatted once a second. */
static void
now_func (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  AuditFunctions *functions = sqlite3_user_data (context);
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (second != functions->now_second)
    {
      g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (second);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

      g_strlcpy (functions->now, text, sizeof functions->now);
      functions->now_second = second;
    }
  sqlite3_result_text (context, functions->now, -1, SQLITE_TRANSIENT);
}

/* tj_audit_hash (previous, id, at, os_user, table, record_id, action, changes) */
static void
audit_hash_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  AuditFunctions *functions = sqlite3_user_data (context);
  GString *input = functions->input;

  if (argc != 8)
    {
      sqlite3_result_error (context, "tj_audit_hash takes 8 arguments", -1);
      return;
    }
  audit_hash_input (input, (const char *) sqlite3_value_text (argv[0]),
                    sqlite3_value_int64 (argv[1]), (const char *) sqlite3_value_text (argv[2]),
                    (const char *) sqlite3_value_text (argv[3]),
                    (const char *) sqlite3_value_text (argv[4]), sqlite3_value_int64 (argv[5]),
                    (const char *) sqlite3_value_text (argv[6]),
                    (const char *) sqlite3_value_text (argv[7]));
  /* the guard checks the row the trigger has just hashed: the same bytes, the same hash */
  if (functions->last_hash == NULL || input->len != functions->last_input->len ||
      memcmp (input->str, functions->last_input->str, input->len) != 0)
    {
      g_free (functions->last_hash);
      functions->last_hash = audit_hash_of_input (input);
      functions->input = functions->last_input;
      functions->last_input = input;
    }
  sqlite3_result_text (context, functions->last_hash, -1, SQLITE_TRANSIENT);
}

/* The SQL functions the audit triggers call: tj_os_user (), tj_now () and tj_audit_hash (…). */
void
tj_db_add_audit_functions (sqlite3 *handle)
{
  AuditFunctions *functions = g_new0 (AuditFunctions, 1);

  functions->input = g_string_new (NULL);
  functions->last_input = g_string_new (NULL);
  functions->now_second = -1;
  sqlite3_create_function (handle, "tj_os_user", 0, SQLITE_UTF8, NULL, os_user_func, NULL, NULL);
  sqlite3_create_function (handle, "tj_now", 0, SQLITE_UTF8, functions, now_func, NULL, NULL);
  sqlite3_create_function_v2 (handle, "tj_audit_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              functions, audit_hash_func, NULL, NULL, audit_functions_free);
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
  "tj_now () AS at, tj_os_user () AS u, " record " AS rid, "                                    \
  "(SELECT json_group_object (f, json_array (o, n)) FROM (%2$s) "                               \
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
gboolean
tj_db_log_unlogged_rows (TjDb    *self,
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

gboolean
tj_db_create_audit_triggers (TjDb    *self,
                             GError **error)
{
  g_autoptr (GPtrArray) triggers = expected_audit_triggers (self, error);

  return triggers != NULL && repair_audit_triggers (self, triggers, NULL, error);
}

/* On opening a file: reads first, and writes only when a trigger has to be put back. */
gboolean
tj_db_ensure_audit_triggers (TjDb    *self,
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
gboolean
tj_db_chain_existing_audit (TjDb    *self,
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
