/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-audit"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-audit.h"
#include "tj-money.h"
#include "tj-project.h"
#include "tj-report-format.h"

void
tj_audit_entry_free (TjAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->action);
  g_free (entry->title);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

/* The action as the user did it: an insert that puts back what the delete before it removed,
 * field for field, is the undo of that delete (tj-deletion re-inserts the very row). */
const char *
tj_audit_action_label (const char *action,
                       gboolean    undo)
{
  if (g_strcmp0 (action, "insert") == 0)
    return undo ? _("Delete undone") : _("Created");
  if (g_strcmp0 (action, "update") == 0)
    return _("Changed");
  if (g_strcmp0 (action, "import") == 0)
    return _("Imported");
  return _("Deleted");
}

/* The name a referenced record has, or had when it was deleted (the log keeps it). */
static char *
record_name (TjDb       *db,
             const char *table,
             gint64      id,
             GError    **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce ((SELECT name FROM %1$s WHERE id = ?1), (SELECT changes ->> '$.name[0]' "
    "FROM audit WHERE table_name = '%1$s' AND record_id = ?1 AND action = 'delete' "
    "ORDER BY id DESC LIMIT 1))",
    table);
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  char *name;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tj_db_rows_done (db, rc, error);
      return NULL;
    }
  name = tj_db_column_dup (stmt, 0);
  if (name == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      name = g_strdup_printf (_("record %s"), number);
    }
  return name;
}

/* A stored value as the form shows it: level and nature by their names, units and people by
 * name, amounts in 万元. NULL with error when a name cannot be read. */
static char *
describe_value (TjDb          *db,
                TjLevelNames  *levels,
                const char    *field,
                sqlite3_stmt  *stmt,
                int            column,
                GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  gint64 number = sqlite3_column_int64 (stmt, column);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup (_("(empty)"));
  if (g_str_equal (field, "total_investment") || g_str_equal (field, "annual_plan"))
    return tj_money_format_wan (number, 4, TRUE);
  if (g_str_equal (field, "exit_land"))
    return tj_report_format_hundredths (number);
  if (g_str_equal (field, "level") && tj_level_from_code (text) != TJ_LEVEL_NONE)
    return g_strdup (levels->full[tj_level_from_code (text)]);
  if (g_str_equal (field, "nature") && tj_nature_from_code (text) != TJ_NATURE_NONE)
    return g_strdup (tj_nature_label (tj_nature_from_code (text)));
  if (g_str_equal (field, "locality_id") || g_str_equal (field, "unit_id"))
    return record_name (db, "units", number, error);
  if (g_str_equal (field, "leader_id") || g_str_equal (field, "officer_id"))
    return record_name (db, "people", number, error);
  if (g_str_equal (field, "carried_from"))
    return record_name (db, "projects", number, error);
  return g_strdup (text);
}

static char *
field_title (const char *field)
{
  if (g_str_equal (field, "total_investment") || g_str_equal (field, "annual_plan"))
    return g_strdup_printf (_("%s (10k yuan)"), tj_project_field_label (field));
  return g_strdup (tj_project_field_label (field));
}

/* One line per field: "字段：旧 → 新" for a change, "字段：值" for what was created, deleted
 * or put back (empty fields left out). */
static gboolean
add_change (TjDb          *db,
            TjLevelNames  *levels,
            TjAuditEntry  *entry,
            const char    *field,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gboolean deleted = g_str_equal (entry->action, "delete");
  g_autofree char *title = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  /* the record's own number says nothing to a clerk; an exit decision's project is the one
   * whose history it is */
  if (g_str_equal (field, "id") || g_str_equal (field, "project_id"))
    return TRUE;
  if (!g_str_equal (entry->action, "update") &&
      sqlite3_column_type (stmt, deleted ? 5 : 6) == SQLITE_NULL)
    return TRUE;
  title = field_title (field);
  if (!g_str_equal (entry->action, "insert"))
    {
      old_value = describe_value (db, levels, field, stmt, 5, error);
      if (old_value == NULL)
        return FALSE;
    }
  if (!deleted)
    {
      new_value = describe_value (db, levels, field, stmt, 6, error);
      if (new_value == NULL)
        return FALSE;
    }
  if (old_value != NULL && new_value != NULL)
    g_ptr_array_add (entry->changes, g_strdup_printf (_("%s: %s → %s"), title, old_value, new_value));
  else
    g_ptr_array_add (entry->changes, g_strdup_printf (_("%s: %s"), title,
                                                      old_value != NULL ? old_value : new_value));
  return TRUE;
}

/* The history of one record, newest first, in the words and names the form uses. A record an
 * import inserted has no entry of its own: the import's one entry names it among the id ranges
 * of its table ($.tables.TABLE.ids) and shows as "导入自 台账.csv（时间）"; a project's history
 * shows so too the imports that brought its monthly reports. */
GPtrArray *
tj_audit_history (TjDb       *db,
                  const char *table,
                  gint64      record_id,
                  GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_audit_entry_free);
  g_autoptr (TjLevelNames) levels = tj_level_names_load (db, error);
  TjAuditEntry *entry = NULL;
  gint64 last_id = -1;
  int rc;

  if (levels == NULL)
    return NULL;
  /* undo: an insert right after a delete of the same record, with the same fields and values;
   * an import's entry lists no fields (its changes name the file) */
  stmt = tj_db_prepare (
    db,
    "WITH mine (id) AS (SELECT id FROM audit WHERE table_name = ?1 AND record_id = ?2 "
    "UNION SELECT a.id FROM audit a, json_each (a.changes, '$.tables.' || ?1 || '.ids') r "
    "WHERE a.table_name = 'imports' AND a.action = 'import' "
    "AND ?2 BETWEEN r.value ->> 0 AND r.value ->> 1 "
    /* a project's monthly reports an import brought, held still or deleted since */
    "UNION SELECT a.id FROM audit a, json_each (a.changes, '$.tables.monthly_reports.ids') r "
    "WHERE ?1 = 'projects' AND a.table_name = 'imports' AND a.action = 'import' "
    "AND EXISTS (SELECT 1 FROM monthly_reports mr WHERE mr.project_id = ?2 "
    "AND mr.id BETWEEN r.value ->> 0 AND r.value ->> 1 UNION ALL SELECT 1 FROM audit d "
    "WHERE d.table_name = 'monthly_reports' AND d.action = 'delete' "
    "AND d.record_id BETWEEN r.value ->> 0 AND r.value ->> 1 "
    "AND d.changes ->> '$.project_id[0]' = ?2) "
    /* a project's exit decision (退出决定), kept in a table of its own */
    "UNION SELECT a.id FROM audit a WHERE ?1 = 'projects' AND a.table_name = 'project_exits' "
    "AND coalesce (a.changes ->> '$.project_id[1]', a.changes ->> '$.project_id[0]') = ?2) "
    "SELECT a.id, a.at, a.os_user, a.action, j.key, j.value ->> 0, j.value ->> 1, "
    "a.action = 'insert' AND EXISTS (SELECT 1 FROM audit d WHERE d.id = (SELECT max (p.id) "
    "FROM audit p WHERE p.table_name = a.table_name AND p.record_id = a.record_id "
    "AND p.id < a.id) AND d.action = 'delete' "
    "AND (SELECT count(*) FROM json_each (d.changes)) = (SELECT count(*) FROM json_each (a.changes)) "
    "AND NOT EXISTS (SELECT 1 FROM json_each (a.changes) i LEFT JOIN json_each (d.changes) o "
    "ON o.key = i.key WHERE o.key IS NULL OR (i.value ->> 1) IS NOT (o.value ->> 0))), "
    "iif (a.action = 'import', a.changes ->> '$.file', NULL) "
    "FROM audit a JOIN mine m ON m.id = a.id "
    "LEFT JOIN json_each (iif (a.action = 'import', NULL, a.changes)) j "
    "ORDER BY a.id DESC, j.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 4);

      if (sqlite3_column_int64 (stmt, 0) != last_id)
        {
          last_id = sqlite3_column_int64 (stmt, 0);
          entry = g_new0 (TjAuditEntry, 1);
          entry->at = tj_db_column_dup (stmt, 1);
          entry->os_user = tj_db_column_dup (stmt, 2);
          entry->action = tj_db_column_dup (stmt, 3);
          entry->undo = sqlite3_column_int (stmt, 7) != 0;
          entry->title = g_strdup (tj_audit_action_label (entry->action, entry->undo));
          entry->changes = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (entries, entry);
          if (g_str_equal (entry->action, "import"))
            {
              /* the time as the window shows every entry's */
              g_autofree char *when = g_strdup (entry->at);

              g_strdelimit (when, "T", ' ');
              g_ptr_array_add (entry->changes,
                               g_strdup_printf (_("Imported from %s (%s)"),
                                                (const char *) sqlite3_column_text (stmt, 8), when));
            }
        }
      if (field != NULL && !add_change (db, levels, entry, field, stmt, error))
        return NULL;
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* Walks the log in order and recomputes each row's hash from the one before: a row rewritten,
 * removed, inserted out of turn or forged breaks the chain there. first_broken is 0 when the
 * chain holds, else the id of the first row that does not follow. */
gboolean
tj_audit_verify_chain (TjDb    *db,
                       gint64  *first_broken,
                       gint64  *rows,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *previous = NULL;
  gint64 expected_id = 1;
  int rc;

  *first_broken = 0;
  *rows = 0;
  stmt = tj_db_prepare (db, "SELECT id, at, os_user, table_name, record_id, action, changes, hash "
                        "FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = tj_db_audit_hash (previous, id,
                                                (const char *) sqlite3_column_text (stmt, 1),
                                                (const char *) sqlite3_column_text (stmt, 2),
                                                (const char *) sqlite3_column_text (stmt, 3),
                                                sqlite3_column_int64 (stmt, 4),
                                                (const char *) sqlite3_column_text (stmt, 5),
                                                (const char *) sqlite3_column_text (stmt, 6));

      (*rows)++;
      if (id != expected_id ||
          g_strcmp0 (hash, (const char *) sqlite3_column_text (stmt, 7)) != 0)
        {
          *first_broken = id;
          return TRUE;
        }
      expected_id = id + 1;
      g_free (previous);
      previous = g_steal_pointer (&hash);
    }
  return tj_db_rows_done (db, rc, error);
}

/* Replays the log and holds every audited table to it: each row must be in the log as it is now
 * (its last logged values since it was last inserted; a row an import inserted is in the log by
 * the import's entry, its fields no entry since changed held by the entry's hash of the rows,
 * tj_db_verify_imports), and every row the log says exists must be there. A change made with the triggers dropped shows as a difference. Adds one message per
 * difference to problems. */
gboolean
tj_audit_verify_records (TjDb      *db,
                         GPtrArray *problems,
                         GError   **error)
{
  guint n_tables;
  const char *const *tables = tj_db_audited_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    {
      const char *table = tables[t];
      g_auto (GStrv) columns = tj_db_audited_columns (db, table, error);
      g_autoptr (GString) compare = g_string_new (NULL);
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = NULL;
      int rc;

      if (columns == NULL)
        return FALSE;
      for (guint c = 0; columns[c] != NULL; c++)
        {
          const char *col = columns[c];

          if (g_str_equal (col, "id"))
            continue;
          g_string_append_printf (compare,
                                  "%1$sSELECT r.id, '%2$s' FROM %3$s r JOIN state s ON s.rid = r.id "
                                  "JOIN since ON since.rid = r.id "
                                  "WHERE s.action <> 'delete' AND r.%2$s IS NOT "
                                  "(coalesce ((SELECT json_array (v) FROM vals WHERE vals.rid = r.id "
                                  "AND vals.f = '%2$s' AND vals.n = 1), iif (since.imp, "
                                  "json_array (r.%2$s), '[null]')) ->> 0)",
                                  compare->len ? " UNION ALL " : "", col, table);
        }

      sql = g_strdup_printf (
        "WITH RECURSIVE imp AS (SELECT a.id AS eid, r.value ->> 0 AS lo, r.value ->> 1 AS hi "
        "FROM audit a, json_each (a.changes, '$.tables.%1$s.ids') r WHERE a.action = 'import'), "
        "ex (eid, x, hi) AS (SELECT eid, lo, hi FROM imp UNION ALL SELECT eid, x + 1, hi FROM ex "
        "WHERE x < hi), "
        "log AS (SELECT id, record_id, action, changes, 0 AS imp FROM audit "
        "WHERE table_name = '%1$s' UNION ALL SELECT eid, x, 'insert', '{}', 1 FROM ex), "
        "state AS (SELECT record_id AS rid, action, max (id) AS last FROM log GROUP BY record_id), "
        "since AS (SELECT record_id AS rid, max (id) AS first, imp FROM log WHERE action = 'insert' "
        "GROUP BY record_id), "
        "vals AS (SELECT l.record_id AS rid, j.key AS f, j.value ->> 1 AS v, "
        "row_number () OVER (PARTITION BY l.record_id, j.key ORDER BY l.id DESC) AS n "
        "FROM log l JOIN since ON since.rid = l.record_id AND l.id >= since.first, "
        "json_each (l.changes) j) "
        "SELECT r.id, NULL FROM %1$s r LEFT JOIN state s ON s.rid = r.id "
        "WHERE s.rid IS NULL OR s.action = 'delete' "
        "UNION ALL SELECT s.rid, '' FROM state s LEFT JOIN %1$s r ON r.id = s.rid "
        "WHERE s.action <> 'delete' AND r.id IS NULL "
        "UNION ALL %2$s ORDER BY 1 LIMIT 50",
        table, compare->str);
      stmt = tj_db_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *field = (const char *) sqlite3_column_text (stmt, 1);

          if (field == NULL)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Table %s, record %lld: not in the audit log (written behind "
                                                "Tuijin's back)."),
                                              tj_db_table_label (table), (long long) id));
          else if (*field == '\0')
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Table %s, record %lld: deleted without an entry in the audit log."),
                                              tj_db_table_label (table), (long long) id));
          else
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Table %s, record %lld, field %s: differs from the audit log "
                                                "(changed behind Tuijin's back)."),
                                              tj_db_table_label (table), (long long) id,
                                              g_str_equal (table, "projects")
                                                ? tj_project_field_label (field)
                                                : field));
        }
      if (!tj_db_rows_done (db, rc, error))
        return FALSE;
    }
  /* the files imports kept, and the rows each inserted as its entry hashed them */
  return tj_db_verify_imports (db, problems, error);
}
