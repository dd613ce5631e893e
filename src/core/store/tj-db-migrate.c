/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-db"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-db.h"
#include "tj-db-private.h"
#include "tj-error.h"
#include "tj-core-resources.h"

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

static const char *const migrations[TJ_DB_SCHEMA_VERSION] = {
  "0001-register.sql",
  "0002-monthly-reports.sql",
  "0003-approvals.sql",
  "0004-data-safety.sql",
  "0005-period-lock-year.sql",
  "0006-approval-suspensions.sql",
  "0007-monthly-notes.sql",
  "0008-check-as-or.sql",
  "0009-imports.sql",
  "0010-imports-data-last.sql",
  "0011-meetings-matters.sql",
  "0012-inspections.sql",
  "0013-leaders.sql",
  "0014-tours.sql",
  "0015-elements.sql",
  "0016-exits.sql",
  "0017-ranking-indexes.sql",
};

/* After a migration edited a table's text in sqlite_schema (0008, 0009): the schema cookie goes up by
 * one so that every connection, this one included, reads the tables again, and the file must
 * pass integrity_check (the documented steps for an equivalent CHECK constraint). */
static gboolean
reload_edited_schema (TjDb    *self,
                      GError **error)
{
  g_autoptr (sqlite3_stmt) cookie = tj_db_prepare (self, "PRAGMA schema_version", error);
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autofree char *bump = NULL;

  if (cookie == NULL)
    return FALSE;
  if (sqlite3_step (cookie) != SQLITE_ROW)
    {
      tj_db_set_error (self, error);
      return FALSE;
    }
  bump = g_strdup_printf ("PRAGMA schema_version = %d", sqlite3_column_int (cookie, 0) + 1);
  g_clear_pointer (&cookie, sqlite3_finalize);
  if (!tj_db_exec (self, bump, error))
    return FALSE;
  check = tj_db_prepare (self, "PRAGMA integrity_check", error);
  if (check == NULL)
    return FALSE;
  if (sqlite3_step (check) != SQLITE_ROW ||
      !g_str_equal ((const char *) sqlite3_column_text (check, 0), "ok"))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DAMAGED,
                   _("The database “%s” failed its check after the upgrade; nothing was changed."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

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
      (version == 4 &&
       (!fill_default_calendar (self, error) || !tj_db_chain_existing_audit (self, error))) ||
      ((version == 8 || version == 9) && !reload_edited_schema (self, error)) ||
      (version >= 4 && !tj_db_create_audit_triggers (self, error)) ||
      (version == 4 && !tj_db_log_unlogged_rows (self, error)) ||
      !tj_db_exec (self, pragma, error) || !tj_db_commit (self, error))
    {
      tj_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
tj_db_migrate (TjDb    *self,
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
