/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-approval-private.h"
#include "tj-error.h"
#include "tj-problem.h"

/* A date field as entered: empty is none; a date is rewritten as YYYY-MM-DD; anything else is a
 * problem naming the field. Returns FALSE for a problem. */
gboolean
tj_approval_tidy_date (GPtrArray  *problems,
           const char *field,
           char      **date)
{
  g_autoptr (GError) local = NULL;
  char *parsed;

  tidy_text (date);
  if (*date == NULL)
    return TRUE;
  parsed = tj_date_parse (*date, &local);
  if (parsed == NULL)
    {
      /* Translators: the field, then what is wrong: "受理日期：“2026-02-30”不是有效日期…" */
      tj_problems_add (problems, field, _("%s: %s"), tj_approval_field_label (field),
                       local->message);
      return FALSE;
    }
  g_free (*date);
  *date = parsed;
  return TRUE;
}

gboolean
tj_approval_project_exists (TjDb   *db,
                gint64  project_id)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  stmt = tj_db_prepare_cached (db, "SELECT 1 FROM projects WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The project a case or batch belongs to; 0 when there is no such record. */
gint64
tj_approval_owner_project (TjDb       *db,
                           const char *sql,
                           gint64      id)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  stmt = tj_db_prepare_cached (db, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}


/* What a load by id found: its one record (a new reference), or NULL with a NOT_FOUND error
 * saying missing ("The agency case no longer exists.") when it was deleted elsewhere. */
gpointer
tj_approval_only_record (GPtrArray  *records,
                         const char *missing,
                         GError    **error)
{
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, missing);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (records, 0));
}
