/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include "tj-db-children.h"

/* Deletes the rows of table whose parent_column is parent_id and whose id is none of the
 * records' (each record's id, a gint64, at id_offset; 0 for a record not stored yet). */
gboolean
tj_db_delete_unlisted (TjDb       *self,
                       const char *table,
                       const char *parent_column,
                       gint64      parent_id,
                       GPtrArray  *records,
                       gsize       id_offset,
                       GError    **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  guint kept = 0;

  g_string_printf (sql, "DELETE FROM %s WHERE %s = ?", table, parent_column);
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = G_STRUCT_MEMBER (gint64, g_ptr_array_index (records, i), id_offset);

      if (id == 0)
        continue;
      g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, kept++ > 0 ? ", " : " AND id NOT IN (",
                              id);
    }
  if (kept > 0)
    g_string_append (sql, ")");
  return tj_db_exec_for_id (self, sql->str, parent_id, error);
}

/* Steps an INSERT or UPDATE of one record to its end; a new record (*id 0) takes the id of the
 * row inserted. */
gboolean
tj_db_step_record (TjDb         *self,
                   sqlite3_stmt *stmt,
                   gint64       *id,
                   GError      **error)
{
  if (!tj_db_step_done (self, stmt, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (tj_db_get_handle (self));
  return TRUE;
}
