/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-audit"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-audit.h"
#include "tj-money.h"
#include "tj-project.h"

void
tj_audit_entry_free (TjAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->action);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

const char *
tj_audit_action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("Created");
  if (g_strcmp0 (action, "update") == 0)
    return _("Changed");
  return _("Deleted");
}

static char *
describe_value (const char   *field,
                sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup (_("(empty)"));
  if (g_str_equal (field, "total_investment") || g_str_equal (field, "annual_plan"))
    return tj_money_format_wan (sqlite3_column_int64 (stmt, column), 4, TRUE);
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The history of one record, newest first. */
GPtrArray *
tj_audit_history (TjDb       *db,
                  const char *table,
                  gint64      record_id,
                  GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_audit_entry_free);
  TjAuditEntry *entry = NULL;
  gint64 last_id = -1;

  stmt = tj_db_prepare (db,
                        "SELECT a.id, a.at, a.os_user, a.action, j.key, j.value ->> 0, "
                        "j.value ->> 1 FROM audit a LEFT JOIN json_each (a.changes) j "
                        "WHERE a.table_name = ? AND a.record_id = ? ORDER BY a.id DESC, j.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 4);

      if (sqlite3_column_int64 (stmt, 0) != last_id)
        {
          last_id = sqlite3_column_int64 (stmt, 0);
          entry = g_new0 (TjAuditEntry, 1);
          entry->at = tj_db_column_dup (stmt, 1);
          entry->os_user = tj_db_column_dup (stmt, 2);
          entry->action = tj_db_column_dup (stmt, 3);
          entry->changes = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (entries, entry);
        }
      if (field != NULL)
        {
          g_autofree char *old_value = describe_value (field, stmt, 5);
          g_autofree char *new_value = describe_value (field, stmt, 6);

          g_ptr_array_add (entry->changes,
                           g_strdup_printf (_("%s: %s → %s"), tj_project_field_label (field),
                                            old_value, new_value));
        }
    }
  return g_steal_pointer (&entries);
}
