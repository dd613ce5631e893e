/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-leaders"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-import.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-visit.h"

/* 调研走访 from a file (.xlsx, .xls or CSV): one visit a row. */

typedef enum
{
  COLUMN_DATE,
  COLUMN_NAME,
  COLUMN_PERSON,
  COLUMN_FOUND,
  COLUMN_SOLVED,
  N_COLUMNS
} Column;

/* The headers as the office writes them. */
static const char *const column_headers[N_COLUMNS + 1] = {
  [COLUMN_DATE] = "走访日期",
  [COLUMN_NAME] = "项目名称",
  [COLUMN_PERSON] = "走访人",
  [COLUMN_FOUND] = "发现问题",
  [COLUMN_SOLVED] = "解决问题",
};

static const guint required_columns[] = {
  COLUMN_DATE, COLUMN_NAME, COLUMN_PERSON,
};

/* The column of each field a visit's problem names. */
static const TjImportField fields[] = {
  { "date", COLUMN_DATE },
  { "project", COLUMN_NAME },
  { "person", COLUMN_PERSON },
};

typedef struct
{
  TjCsvImport csv; /* first */
  TjDb *db;
  TjImportResult *result;
  GHashTable *keys; /* "project|person|date" → the row that names it */
} VisitImport;

/* The visit stored for project, person and date: its id, 0 for none, -1 with error set. */
static gint64
stored_visit (TjDb       *db,
              gint64      project_id,
              gint64      person_id,
              const char *date,
              GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (
    db, "SELECT id FROM visits WHERE project_id = ?1 AND person_id = ?2 AND date = ?3", error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return tj_db_rows_done (db, rc, error) ? 0 : -1;
}

static char *
optional_text (const char *cell)
{
  g_autofree char *text = cell != NULL ? g_strstrip (g_strdup (cell)) : NULL;

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  VisitImport *import = (VisitImport *) csv;
  const char *values[N_COLUMNS];
  guint errors_before = import->result->errors->len;
  g_autoptr (TjVisit) visit = tj_visit_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  gboolean stored;
  gpointer other;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (tj_import_read_date (csv, line, COLUMN_DATE, values[COLUMN_DATE], &date) && date == NULL)
    tj_csv_import_add_error (csv, line, COLUMN_DATE, _("The date of the visit is required."));
  if (*values[COLUMN_NAME] == '\0')
    tj_csv_import_add_error (csv, line, COLUMN_NAME, _("The project name is required."));
  else if (date != NULL)
    {
      /* the project on the list of the visit's year */
      int year = g_ascii_strtoll (date, NULL, 10);

      visit->project_id = tj_project_find (import->db, year, values[COLUMN_NAME]);
      if (visit->project_id == 0)
        {
          g_autofree char *message = tj_project_unknown_message (import->db, year,
                                                                 values[COLUMN_NAME], error);

          if (message == NULL)
            return FALSE;
          tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
        }
    }
  if (*values[COLUMN_PERSON] == '\0')
    tj_csv_import_add_error (csv, line, COLUMN_PERSON, _("The visitor is required."));
  else if ((visit->person_id = tj_person_find (import->db, values[COLUMN_PERSON])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of people."), values[COLUMN_PERSON]);

      tj_csv_import_add_error (csv, line, COLUMN_PERSON, message);
    }
  if (import->result->errors->len > errors_before)
    {
      csv->bad_rows++;
      return TRUE;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s", visit->project_id,
                         visit->person_id, date);
  if ((other = g_hash_table_lookup (import->keys, key)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The same visit (project, visitor and date) is also on row %u."),
                         GPOINTER_TO_UINT (other));

      tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
      csv->bad_rows++;
      return TRUE;
    }
  g_hash_table_insert (import->keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));

  visit->id = stored_visit (import->db, visit->project_id, visit->person_id, date, error);
  if (visit->id < 0)
    return FALSE;
  visit->date = g_steal_pointer (&date);
  visit->found = optional_text (values[COLUMN_FOUND]);
  visit->solved = optional_text (values[COLUMN_SOLVED]);

  problems = tj_visit_validate (visit, import->db, error);
  if (problems == NULL)
    return FALSE;
  if (problems->len > 0)
    {
      tj_import_add_problems (csv, line, problems, fields, G_N_ELEMENTS (fields), COLUMN_NAME);
      csv->bad_rows++;
      return TRUE;
    }
  /* once the file has an error nothing more is written: it will be rolled back */
  if (errors_before > 0)
    return TRUE;
  stored = visit->id > 0;
  if (!tj_visit_write (import->db, visit, error))
    return FALSE;
  if (stored)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* Imports 调研走访 from a file: 走访日期, 项目名称 (on the list of the visit's year), 走访人 (a
 * city leader or a service officer), 发现问题, 解决问题. All or nothing; a visit already stored
 * (the same project, visitor and date) is updated. dry_run does everything, then rolls back. */
gboolean
tj_visit_import (TjDb            *db,
                 const char      *path,
                 gboolean         dry_run,
                 TjImportResult **result,
                 GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  VisitImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_NAME;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.read_row = import_row;
  import.db = db;
  import.result = outcome;
  import.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = tj_import_run (db, path, TJ_IMPORT_VISITS, dry_run, &import.csv, NULL, outcome, error);
  g_hash_table_unref (import.keys);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
