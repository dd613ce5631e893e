/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <nettle/sha2.h>
#include <string.h>

#include "tj-db.h"
#include "tj-db-private.h"
#include "tj-error.h"

/* The tables whose every insert, update and delete lands in the audit log. */
static const char *const audited_tables[] = {
  "units", "people", "projects", "monthly_reports", "monthly_notes", "holidays", "agency_cases",
  "bulletin_issues", "approval_catalogue", "approval_batches", "approval_items", "approval_reminders",
  "approval_suspensions", "meetings", "matters", "matter_extensions", "matter_reports",
  "inspections", "inspection_findings", "rectifications", "inspection_photos",
  "delegations", "visits",
  "tours", "tour_criteria", "tour_projects", "tour_scores",
  "project_elements", "statistics_followups",
  "exit_proposals", "project_exits",
};

const char *const *
tj_db_audited_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (audited_tables);
  return audited_tables;
}

/* The name of an audited table in words a clerk knows (the store owns the schema, so the names
 * of its tables too); the SQL name of any other. */
const char *
tj_db_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "units", N_("units") },
    { "people", N_("people") },
    { "projects", N_("projects") },
    { "monthly_reports", N_("monthly reports") },
    { "monthly_notes", N_("monthly notes") },
    { "holidays", N_("holidays") },
    { "agency_cases", N_("agency cases") },
    { "approval_catalogue", N_("approval catalogue") },
    { "approval_batches", N_("approval batches") },
    { "approval_items", N_("approval items") },
    { "approval_reminders", N_("reminders") },
    { "approval_suspensions", N_("approval suspensions") },
    { "bulletin_issues", N_("issued bulletins") },
    { "imports", N_("imported files") },
    { "meetings", N_("meetings") },
    { "matters", N_("matters") },
    { "matter_extensions", N_("matter extensions") },
    { "matter_reports", N_("matter progress reports") },
    { "inspections", N_("inspections") },
    { "inspection_findings", N_("inspection findings") },
    { "rectifications", N_("rectifications") },
    { "inspection_photos", N_("inspection photos") },
    { "delegations", N_("leader delegations") },
    { "visits", N_("visits") },
    { "tours", N_("observation tours") },
    { "tour_criteria", N_("tour criteria") },
    { "tour_projects", N_("toured projects") },
    { "tour_scores", N_("tour scores") },
    { "project_elements", N_("funds and quotas") },
    { "statistics_followups", N_("statistics entry follow-ups") },
    { "exit_proposals", N_("exit proposals") },
    { "project_exits", N_("exit decisions") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].table, table))
      return _(labels[i].label);
  return table;
}

/* The columns of an audited table whose values the log records: all but the created and updated
 * stamps and BLOBs (a photo is logged by the SHA-256 its table keeps beside it). None for a table a later migration creates; NULL with error when reading fails. */
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
      const char *type = (const char *) sqlite3_column_text (info, 2);

      if (!g_str_equal (column, "created") && !g_str_equal (column, "updated") &&
          g_strcmp0 (type, "BLOB") != 0)
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

/* The SHA-256 of what ctx has taken, in lowercase hex as GChecksum writes it. Nettle's, which
 * uses the CPU's SHA instructions where it has them: the same hash, several times faster. */
static char *
sha256_hex (struct sha256_ctx *ctx)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
}

static char *
audit_hash_of_input (GString *input)
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, input->len, (const guint8 *) input->str);
  return sha256_hex (&ctx);
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
/* tj_importing (table, id): FALSE but while an import runs on this connection; then it notes
 * the id the table got and is TRUE, so that the insert's own audit trigger does not fire (the
 * import's entry names the ids). */
static void
importing_func (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  TjDb *self = sqlite3_user_data (context);
  const char *table;
  GArray *ids;
  gint64 id;

  if (self->importing == NULL || argc != 2)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  table = g_intern_string ((const char *) sqlite3_value_text (argv[0]));
  ids = g_hash_table_lookup (self->importing, table);
  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->importing, (gpointer) table, ids);
    }
  id = sqlite3_value_int64 (argv[1]);
  g_array_append_val (ids, id);
  sqlite3_result_int (context, 1);
}

void
tj_db_add_audit_functions (TjDb *self)
{
  sqlite3 *handle = self->handle;
  AuditFunctions *functions = g_new0 (AuditFunctions, 1);

  sqlite3_create_function (handle, "tj_importing", 2, SQLITE_UTF8, self, importing_func, NULL,
                           NULL);

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

#define AUDIT_TRIGGER(action, when_rows, when, record)                                          \
  "CREATE TRIGGER audit_%1$s_" action " AFTER " when_rows " ON %1$s " when "BEGIN "             \
  "INSERT INTO audit (id, at, os_user, table_name, record_id, action, changes, hash) "          \
  "SELECT id, at, u, '%1$s', rid, '" action "', c, "                                            \
  "tj_audit_hash (prev, id, at, u, '%1$s', rid, '" action "', c) FROM (SELECT "                 \
  "(SELECT coalesce (max (id), 0) + 1 FROM audit) AS id, "                                      \
  "tj_now () AS at, tj_os_user () AS u, " record " AS rid, "                                    \
  "(SELECT json_group_object (f, json_array (o, n)) FROM (%2$s) "                               \
  "WHERE o IS NOT n) AS c, (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS prev); END"

/* an import's rows are named by its own entry (tj_db_import_record) */
#define WHEN_NOT_IMPORTING "WHEN NOT tj_importing ('%1$s', NEW.id) "
      add_trigger (triggers, g_strdup_printf ("audit_%s_insert", table),
                   g_strdup_printf (AUDIT_TRIGGER ("insert", "INSERT", WHEN_NOT_IMPORTING, "NEW.id"),
                                    table, ins->str));
      add_trigger (triggers, g_strdup_printf ("audit_%s_update", table),
                   g_strdup_printf (AUDIT_TRIGGER ("update", "UPDATE", "", "NEW.id"), table, upd->str));
      add_trigger (triggers, g_strdup_printf ("audit_%s_delete", table),
                   g_strdup_printf (AUDIT_TRIGGER ("delete", "DELETE", "", "OLD.id"), table, del->str));
#undef AUDIT_TRIGGER
#undef WHEN_NOT_IMPORTING
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

/* The file being kept for the import on a connection (tj_db_import_keep), in its data. */
#define KEPT_FILE_KEY "tj-import-kept-file"

/* An import on this connection begins: the rows it inserts note their ids (tj_importing)
 * instead of each writing an audit entry. */
void
tj_db_import_begin (TjDb *self)
{
  g_autoptr (sqlite3_stmt) last = NULL;

  g_return_if_fail (TJ_IS_DB (self));
  g_clear_pointer (&self->importing, g_hash_table_unref);
  self->importing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  /* an import that neither inserts nor logs a change is not recorded; unknown (-1), it is */
  self->import_audit_mark = -1;
  last = tj_db_prepare (self, "SELECT coalesce (max (id), 0) FROM audit", NULL);
  if (last != NULL && sqlite3_step (last) == SQLITE_ROW)
    self->import_audit_mark = sqlite3_column_int64 (last, 0);
}

void
tj_db_import_end (TjDb *self)
{
  g_return_if_fail (TJ_IS_DB (self));
  g_clear_pointer (&self->importing, g_hash_table_unref);
  g_object_set_data (G_OBJECT (self), KEPT_FILE_KEY, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The canonical form of the rows an import inserted, one JSON array of the audited columns per
 * row in id order, hashed: ids is a JSON array of [first, last] ranges. At the import (replay
 * FALSE) the rows are as the table holds them; for tuijin check (replay TRUE) each field is the
 * old value of the first entry after the import's (entry_id) that changed or deleted it, or the
 * table's value when none did. kept, when not NULL, gets the ranges of the ids found. */
/* One row of an import in the canonical form, into the hash; its id extends kept's ranges. */
static void
hash_import_row (struct sha256_ctx *checksum,
                 const char        *json,
                 gint64             id,
                 GString           *ranges,
                 gint64            *first,
                 gint64            *last)
{
  sha256_update (checksum, strlen (json), (const guint8 *) json);
  sha256_update (checksum, 1, (const guint8 *) "\n");
  if (id != *last + 1)
    {
      if (*last >= *first)
        g_string_append_printf (ranges, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                                ranges->len > 1 ? "," : "", *first, *last);
      *first = id;
    }
  *last = id;
}

static char *
import_rows_hash (TjDb        *self,
                  const char  *table,
                  const char  *ids,
                  gint64       entry_id,
                  gboolean     replay,
                  char       **kept,
                  GError     **error)
{
  g_auto (GStrv) columns = tj_db_audited_columns (self, table, error);
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autoptr (GString) ranges = g_string_new ("[");
  struct sha256_ctx checksum_ctx;
  struct sha256_ctx *checksum = &checksum_ctx;
  g_autoptr (sqlite3_stmt) present = NULL;
  g_autoptr (sqlite3_stmt) absent = NULL;
  g_autoptr (sqlite3_stmt) range_list = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *present_fields = NULL;
  g_autofree char *absent_fields = NULL;
  gint64 first = 0, last = -1;
  int rc;

  if (columns == NULL)
    return NULL;
  sha256_init (checksum);
  /* the fields with the row's id as k.id: r.id for a row the table holds, x.id for one it no
   * longer does (replayed from the log) */
  for (guint c = 0; columns[c] != NULL; c++)
    {
      const char *col = columns[c];

      if (fields->len > 0)
        g_string_append (fields, ", ");
      if (g_str_equal (col, "id"))
        g_string_append (fields, "k.id");
      else if (!replay)
        g_string_append_printf (fields, "r.%s", col);
      else
        g_string_append_printf (fields,
                                "coalesce ((SELECT json_array (l.changes -> '$.%1$s' ->> 0) "
                                "FROM audit l WHERE l.table_name = '%2$s' AND l.record_id = k.id "
                                "AND l.id > ?2 AND (l.action = 'delete' OR "
                                "l.changes -> '$.%1$s' IS NOT NULL) ORDER BY l.id LIMIT 1), "
                                "json_array (r.%1$s)) ->> 0",
                                col, table);
    }
  /* Range by range, the rows the table holds in id order (a rowid scan: nothing sorted or held,
   * whatever the import's size), and for tuijin check each id it no longer holds, one by one.
   * The hash is the same as over every id of the ranges in order. */
  {
    g_autoptr (GString) text = g_string_new (fields->str);

    g_string_replace (text, "k.id", "r.id", 0);
    present_fields = g_string_free (g_steal_pointer (&text), FALSE);
    text = g_string_new (fields->str);
    g_string_replace (text, "k.id", "x.id", 0);
    absent_fields = g_string_free (g_steal_pointer (&text), FALSE);
  }
  sql = g_strdup_printf ("SELECT r.id, json_array (%s) FROM %s r WHERE r.id BETWEEN ?1 AND ?3 "
                         "ORDER BY r.id", present_fields, table);
  if ((present = tj_db_prepare (self, sql, error)) == NULL)
    return NULL;
  g_free (sql);
  sql = g_strdup_printf ("SELECT json_array (%s) FROM (SELECT ?1 AS id) x LEFT JOIN %s r "
                         "ON r.id = x.id", absent_fields, table);
  if (replay && (absent = tj_db_prepare (self, sql, error)) == NULL)
    return NULL;
  range_list = tj_db_prepare (self, "SELECT value ->> 0, value ->> 1 FROM json_each (?1) "
                              "ORDER BY value ->> 0", error);
  if (range_list == NULL)
    return NULL;
  sqlite3_bind_text (range_list, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (range_list)) == SQLITE_ROW)
    {
      gint64 lo = sqlite3_column_int64 (range_list, 0), hi = sqlite3_column_int64 (range_list, 1);
      gint64 next = lo;
      int row_rc;

      sqlite3_reset (present);
      sqlite3_bind_int64 (present, 1, lo);
      sqlite3_bind_int64 (present, 2, entry_id);
      sqlite3_bind_int64 (present, 3, hi);
      for (;;)
        {
          gint64 id = G_MAXINT64;

          row_rc = sqlite3_step (present);
          if (row_rc == SQLITE_ROW)
            id = sqlite3_column_int64 (present, 0);
          else if (!tj_db_rows_done (self, row_rc, error))
            return NULL;
          /* at the import, a row it inserted and deleted again is not among its rows */
          for (; replay && next < id && next <= hi; next++)
            {
              sqlite3_reset (absent);
              sqlite3_bind_int64 (absent, 1, next);
              sqlite3_bind_int64 (absent, 2, entry_id);
              if (sqlite3_step (absent) != SQLITE_ROW)
                {
                  tj_db_set_error (self, error);
                  return NULL;
                }
              hash_import_row (checksum, (const char *) sqlite3_column_text (absent, 0), next,
                               ranges, &first, &last);
            }
          if (row_rc != SQLITE_ROW)
            break;
          hash_import_row (checksum, (const char *) sqlite3_column_text (present, 1), id, ranges,
                           &first, &last);
          next = id + 1;
        }
    }
  if (!tj_db_rows_done (self, rc, error))
    return NULL;
  if (last >= first)
    g_string_append_printf (ranges, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                            ranges->len > 1 ? "," : "", first, last);
  g_string_append_c (ranges, ']');
  if (kept != NULL)
    *kept = g_strdup (ranges->str);
  return sha256_hex (checksum);
}

/* The ids a table got, sorted, as JSON ranges [[first, last], …]. */
static char *
ids_as_ranges (GArray *ids)
{
  GString *ranges = g_string_new ("[");
  guint i = 0;

  g_array_sort (ids, compare_ids);
  while (i < ids->len)
    {
      gint64 first = g_array_index (ids, gint64, i), last = first;

      for (i++; i < ids->len && g_array_index (ids, gint64, i) <= last + 1; i++)
        last = g_array_index (ids, gint64, i);
      g_string_append_printf (ranges, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                              ranges->len > 1 ? "," : "", first, last);
    }
  g_string_append_c (ranges, ']');
  return g_string_free (ranges, FALSE);
}

#define CHUNK_SIZE (256 * 1024)

/* The file an import read, read again in chunks into its SHA-256, its size and its gzip bytes,
 * which go to a temporary file (removed as soon as it is made: a killed import leaves nothing
 * behind), so that nothing held grows with the file; returned at its start, with the size of
 * the gzip bytes in compressed. */
static GFileIOStream *
compress_file (const char  *path,
               char       **sha256,
               gsize       *size,
               goffset     *compressed,
               GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) temporary = NULL;
  g_autoptr (GFileIOStream) copy = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  struct sha256_ctx checksum;
  gssize n = 0;

  *size = 0;
  temporary = g_file_new_tmp ("tuijin-import-XXXXXX.gz", &copy, error);
  if (temporary == NULL)
    return NULL;
  g_file_delete (temporary, NULL, NULL);
  out = g_converter_output_stream_new (g_io_stream_get_output_stream (G_IO_STREAM (copy)),
                                       G_CONVERTER (gzip));
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  sha256_init (&checksum);
  in = g_file_read (file, NULL, &local);
  while (in != NULL && (n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, NULL,
                                                 &local)) > 0)
    {
      sha256_update (&checksum, n, buffer);
      *size += n;
      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, error))
        return NULL;
    }
  if (in == NULL || n < 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("“%s” cannot be read again to keep it: %s"),
                   path, local->message);
      return NULL;
    }
  if (!g_output_stream_close (out, NULL, error) ||
      !g_output_stream_flush (g_io_stream_get_output_stream (G_IO_STREAM (copy)), NULL, error))
    return NULL;
  *compressed = g_seekable_tell (G_SEEKABLE (copy));
  if (!g_seekable_seek (G_SEEKABLE (copy), 0, G_SEEK_SET, NULL, error))
    return NULL;
  *sha256 = sha256_hex (&checksum);
  return g_steal_pointer (&copy);
}

/* The file an import reads, compressed and hashed on a thread of its own while the rows are
 * read and written (tj_db_import_keep); tj_db_import_record takes the result, or compresses
 * the file itself when no thread was started for it. */
typedef struct
{
  char *path;
  GThread *thread;
  GFileIOStream *copy; /* NULL with error set when compress_file failed */
  char *sha256;
  gsize size;
  goffset compressed;
  GError *error;
} KeptFile;


static gpointer
kept_file_thread (gpointer data)
{
  KeptFile *kept = data;

  kept->copy = compress_file (kept->path, &kept->sha256, &kept->size, &kept->compressed,
                              &kept->error);
  return NULL;
}

static void
kept_file_free (gpointer data)
{
  KeptFile *kept = data;

  if (kept->thread != NULL)
    g_thread_join (kept->thread);
  g_clear_object (&kept->copy);
  g_free (kept->sha256);
  g_clear_error (&kept->error);
  g_free (kept->path);
  g_free (kept);
}

/* Starts keeping path (its gzip copy, SHA-256 and size) on a second thread, to be taken by
 * tj_db_import_record; tj_db_import_end waits for it and drops what was not taken. Without a
 * thread (none could be started) the record compresses the file itself. */
void
tj_db_import_keep (TjDb       *self,
                   const char *path)
{
  KeptFile *kept;

  g_return_if_fail (TJ_IS_DB (self));
  g_return_if_fail (path != NULL);

  kept = g_new0 (KeptFile, 1);
  kept->path = g_strdup (path);
  kept->thread = g_thread_try_new ("tj-import-keep", kept_file_thread, kept, NULL);
  if (kept->thread == NULL)
    {
      kept_file_free (kept);
      kept = NULL;
    }
  g_object_set_data_full (G_OBJECT (self), KEPT_FILE_KEY, kept, kept_file_free);
}

/* The result of tj_db_import_keep for path, waited for, or compress_file's now. */
static GFileIOStream *
take_kept_file (TjDb        *self,
                const char  *path,
                char       **sha256,
                gsize       *size,
                goffset     *compressed,
                GError     **error)
{
  KeptFile *kept = g_object_get_data (G_OBJECT (self), KEPT_FILE_KEY);

  if (kept == NULL || g_strcmp0 (kept->path, path) != 0)
    return compress_file (path, sha256, size, compressed, error);
  g_thread_join (g_steal_pointer (&kept->thread));
  if (kept->copy == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&kept->error));
      return NULL;
    }
  *sha256 = g_steal_pointer (&kept->sha256);
  *size = kept->size;
  *compressed = kept->compressed;
  return g_steal_pointer (&kept->copy);
}

/* The gzip bytes of copy into the blob of the imports row id, chunk by chunk. */
static gboolean
write_kept_file (TjDb          *self,
                 gint64         id,
                 GFileIOStream *copy,
                 goffset        compressed,
                 GError       **error)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (copy));
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_blob *blob = NULL;
  goffset offset = 0;
  int rc;

  rc = sqlite3_blob_open (self->handle, "main", "imports", "data", id, 1, &blob);
  while (rc == SQLITE_OK && offset < compressed)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (in, buffer, MIN (CHUNK_SIZE, compressed - offset), &n, NULL,
                                    error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      if (n == 0)
        {
          sqlite3_blob_close (blob);
          g_set_error_literal (error, TJ_ERROR, TJ_ERROR_IO,
                               _("The compressed copy of the imported file is incomplete."));
          return FALSE;
        }
      rc = sqlite3_blob_write (blob, buffer, n, offset);
      offset += n;
    }
  if (rc != SQLITE_OK)
    {
      tj_db_set_error (self, error);
      sqlite3_blob_close (blob);
      return FALSE;
    }
  if (sqlite3_blob_close (blob) != SQLITE_OK)
    {
      tj_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The copy of a file import id kept, gunzipped chunk by chunk from its blob into its SHA-256
 * (NULL when the bytes are not gzip) and its size: nothing held grows with the file. FALSE
 * only when reading the database fails. */
static gboolean
kept_file_digest (TjDb    *self,
                  gint64   id,
                  char   **sha256,
                  gint64  *size,
                  GError **error)
{
  g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autofree guchar *in = g_malloc (CHUNK_SIZE);
  g_autofree guchar *out = g_malloc (CHUNK_SIZE);
  GConverterResult converted = G_CONVERTER_CONVERTED;
  struct sha256_ctx checksum;
  sqlite3_blob *blob = NULL;
  gsize in_used = 0, in_length = 0;
  int length, offset = 0;

  *sha256 = NULL;
  *size = 0;
  if (sqlite3_blob_open (self->handle, "main", "imports", "data", id, 0, &blob) != SQLITE_OK)
    {
      tj_db_set_error (self, error);
      sqlite3_blob_close (blob);
      return FALSE;
    }
  length = sqlite3_blob_bytes (blob);
  sha256_init (&checksum);
  while (converted != G_CONVERTER_FINISHED)
    {
      gsize read = 0, written = 0;

      if (in_used == in_length && offset < length)
        {
          in_length = MIN (CHUNK_SIZE, length - offset);
          if (sqlite3_blob_read (blob, in, in_length, offset) != SQLITE_OK)
            {
              tj_db_set_error (self, error);
              sqlite3_blob_close (blob);
              return FALSE;
            }
          offset += in_length;
          in_used = 0;
        }
      converted = g_converter_convert (G_CONVERTER (gunzip), in + in_used, in_length - in_used,
                                       out, CHUNK_SIZE,
                                       offset == length ? G_CONVERTER_INPUT_AT_END : 0, &read,
                                       &written, NULL);
      if (converted == G_CONVERTER_ERROR)
        break;
      in_used += read;
      sha256_update (&checksum, written, out);
      *size += written;
    }
  sqlite3_blob_close (blob);
  /* a copy with bytes after its end is not the one kept */
  if (converted == G_CONVERTER_FINISHED && in_used == in_length && offset == length)
    *sha256 = sha256_hex (&checksum);
  return TRUE;
}

/* Whether the import began by tj_db_import_begin inserted or logged anything yet. */
static gboolean
import_wrote (TjDb *self)
{
  g_autoptr (sqlite3_stmt) last = NULL;
  GHashTableIter iter;
  GArray *ids;

  g_hash_table_iter_init (&iter, self->importing);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ids))
    if (ids->len > 0)
      return TRUE;
  if (self->import_audit_mark < 0)
    return TRUE;
  last = tj_db_prepare (self, "SELECT coalesce (max (id), 0) FROM audit", NULL);
  return last == NULL || sqlite3_step (last) != SQLITE_ROW ||
         sqlite3_column_int64 (last, 0) != self->import_audit_mark;
}

/* Inside the import's transaction, before its commit: keeps the file read (gzip, its SHA-256
 * and size) in imports and appends the import's one audit entry, which names the file and, for
 * each table, the ids the import inserted and the SHA-256 of those rows (import_rows_hash).
 * An import that changed nothing (the same file again) keeps nothing and logs nothing. */
gboolean
tj_db_import_record (TjDb       *self,
                     const char *path,
                     const char *kind,
                     GError    **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *sha256 = NULL;
  g_autoptr (GFileIOStream) copy = NULL;
  g_autoptr (GString) changes = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) entry = NULL;
  goffset compressed = 0;
  gsize size;
  gint64 import_id;

  g_return_val_if_fail (TJ_IS_DB (self), FALSE);
  g_return_val_if_fail (self->importing != NULL, FALSE);

  if (!import_wrote (self))
    return TRUE;
  if ((copy = take_kept_file (self, path, &sha256, &size, &compressed, error)) == NULL)
    return FALSE;

  /* the bytes go into the row's blob in place: binding them would copy them into the record */
  insert = tj_db_prepare (self, "INSERT INTO imports (at, os_user, file_name, size, sha256, data, "
                          "kind) VALUES (tj_now (), tj_os_user (), ?, ?, ?, zeroblob (?), ?)",
                          error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, size);
  sqlite3_bind_text (insert, 3, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, compressed);
  sqlite3_bind_text (insert, 5, kind, -1, SQLITE_STATIC);
  if (!tj_db_step_done (self, insert, error))
    return FALSE;
  import_id = sqlite3_last_insert_rowid (self->handle);
  if (!write_kept_file (self, import_id, copy, compressed, error))
    return FALSE;
  g_clear_object (&copy);

  /* the name goes in by json_set, which quotes it */
  changes = g_string_new (NULL);
  g_string_printf (changes, "{\"file\":null,\"sha256\":\"%s\",\"size\":%" G_GSIZE_FORMAT
                   ",\"tables\":{", sha256, size);
  for (guint t = 0, n = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      GArray *ids = g_hash_table_lookup (self->importing, g_intern_string (audited_tables[t]));
      g_autofree char *ranges = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *rows_hash = NULL;

      if (ids == NULL || ids->len == 0)
        continue;
      ranges = ids_as_ranges (ids);
      rows_hash = import_rows_hash (self, audited_tables[t], ranges, 0, FALSE, &kept, error);
      if (rows_hash == NULL)
        return FALSE;
      g_string_append_printf (changes, "%s\"%s\":{\"ids\":%s,\"sha256\":\"%s\"}", n++ ? "," : "",
                              audited_tables[t], kept, rows_hash);
    }
  g_string_append (changes, "}}");

  entry = tj_db_prepare (
    self,
    "INSERT INTO audit (id, at, os_user, table_name, record_id, action, changes, hash) "
    "SELECT id, at, u, 'imports', ?1, 'import', c, "
    "tj_audit_hash (prev, id, at, u, 'imports', ?1, 'import', c) FROM (SELECT "
    "(SELECT coalesce (max (id), 0) + 1 FROM audit) AS id, tj_now () AS at, tj_os_user () AS u, "
    "json_set (?2, '$.file', ?3) AS c, (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS prev)",
    error);
  if (entry == NULL)
    return FALSE;
  sqlite3_bind_int64 (entry, 1, import_id);
  sqlite3_bind_text (entry, 2, changes->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (entry, 3, name, -1, SQLITE_STATIC);
  return tj_db_step_done (self, entry, error);
}

/* For tuijin check: every stored file against its SHA-256 and size and against its audit entry,
 * and the rows each import inserted against the hash its entry keeps (replayed back to the
 * import through the entries after it). One message per difference in problems. */
gboolean
tj_db_verify_imports (TjDb      *self,
                      GPtrArray *problems,
                      GError   **error)
{
  g_autoptr (sqlite3_stmt) files = NULL;
  g_autoptr (sqlite3_stmt) tables = NULL;
  int rc;

  files = tj_db_prepare (self, "SELECT i.id, i.file_name, i.size, i.sha256, NULL, "
                         "a.changes ->> '$.sha256', a.changes ->> '$.size' FROM imports i "
                         "LEFT JOIN audit a ON a.action = 'import' AND a.record_id = i.id "
                         "ORDER BY i.id", error);
  if (files == NULL)
    return FALSE;
  while ((rc = sqlite3_step (files)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (files, 1);
      const char *sha256 = (const char *) sqlite3_column_text (files, 3);
      g_autofree char *actual = NULL;
      gint64 size;

      if (!kept_file_digest (self, sqlite3_column_int64 (files, 0), &actual, &size, error))
        return FALSE;
      if (actual == NULL || g_strcmp0 (actual, sha256) != 0 ||
          size != sqlite3_column_int64 (files, 2))
        g_ptr_array_add (problems, g_strdup_printf (_("Imported file “%s” (import %lld): its "
                                                      "stored copy does not match its SHA-256."),
                                                    name, (long long) sqlite3_column_int64 (files, 0)));
      else if (g_strcmp0 (sha256, (const char *) sqlite3_column_text (files, 5)) != 0 ||
               sqlite3_column_int64 (files, 2) != sqlite3_column_int64 (files, 6))
        g_ptr_array_add (problems, g_strdup_printf (_("Imported file “%s” (import %lld): differs "
                                                      "from its entry in the audit log."),
                                                    name, (long long) sqlite3_column_int64 (files, 0)));
    }
  if (!tj_db_rows_done (self, rc, error))
    return FALSE;

  tables = tj_db_prepare (self, "SELECT a.id, a.record_id, a.changes ->> '$.file', t.key, "
                          "t.value ->> '$.ids', t.value ->> '$.sha256', "
                          "EXISTS (SELECT 1 FROM imports i WHERE i.id = a.record_id) "
                          "FROM audit a, json_each (a.changes, '$.tables') t "
                          "WHERE a.action = 'import' ORDER BY a.id", error);
  if (tables == NULL)
    return FALSE;
  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 2);
      const char *table = (const char *) sqlite3_column_text (tables, 3);
      g_autofree char *rows_hash = NULL;

      if (sqlite3_column_int (tables, 6) == 0)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Imported file “%s” (import %lld): "
                                                        "removed from the database."),
                                                      name,
                                                      (long long) sqlite3_column_int64 (tables, 1)));
          continue;
        }
      rows_hash = import_rows_hash (self, table, (const char *) sqlite3_column_text (tables, 4),
                                    sqlite3_column_int64 (tables, 0), TRUE, NULL, error);
      if (rows_hash == NULL)
        return FALSE;
      if (g_strcmp0 (rows_hash, (const char *) sqlite3_column_text (tables, 5)) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Rows of %s imported from “%s” (import "
                                                      "%lld) differ from what the import wrote "
                                                      "(changed behind Tuijin's back)."),
                                                    tj_db_table_label (table), name,
                                                    (long long) sqlite3_column_int64 (tables, 1)));
    }
  return tj_db_rows_done (self, rc, error);
}
