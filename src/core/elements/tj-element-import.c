/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-element"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-element.h"
#include "tj-import.h"
#include "tj-problem.h"
#include "tj-project.h"

/* 要素保障 from a file: one need of a project a row, funds (万元) or a quota (its unit). */

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_NEEDED,
  COLUMN_NEEDED_DATE,
  COLUMN_SECURED,
  COLUMN_SECURED_DATE,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

/* The headers as the office writes them. */
static const char *const column_headers[N_COLUMNS + 1] = {
  [COLUMN_NAME] = "项目名称",
  [COLUMN_KIND] = "类别",
  [COLUMN_NEEDED] = "申请数额",
  [COLUMN_NEEDED_DATE] = "申请日期",
  [COLUMN_SECURED] = "到位数额",
  [COLUMN_SECURED_DATE] = "到位日期",
  [COLUMN_NOTE] = "备注",
};

static const guint required_columns[] = {
  COLUMN_NAME, COLUMN_KIND, COLUMN_NEEDED, COLUMN_NEEDED_DATE,
};

/* The column of each field a need's problem names. */
static const TjImportField fields[] = {
  { "kind", COLUMN_KIND },
  { "needed", COLUMN_NEEDED },
  { "needed_date", COLUMN_NEEDED_DATE },
  { "secured", COLUMN_SECURED },
  { "secured_date", COLUMN_SECURED_DATE },
};

typedef struct
{
  TjCsvImport csv; /* first */
  TjDb *db;
  int year;
  TjImportResult *result;
  GHashTable *keys; /* "project|kind|date" → the row that names it */
} ElementImport;

/* The need stored for project, kind and date of request: its id, 0 for none, -1 with error. */
static gint64
stored_need (TjDb          *db,
             gint64         project_id,
             TjElementKind  kind,
             const char    *date,
             GError       **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (
    db,
    "SELECT id FROM project_elements WHERE project_id = ?1 AND kind = ?2 AND needed_date = ?3 "
    "ORDER BY id LIMIT 1",
    error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, tj_element_kind_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return tj_db_rows_done (db, rc, error) ? 0 : -1;
}

/* The kinds in words, for a message: "中央资金、省级资金…" */
static char *
kind_words (void)
{
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint k = 0; k < TJ_N_ELEMENT_KINDS; k++)
    {
      if (k > 0)
        /* Translators: between the words of a list: "中央资金、省级资金" */
        g_string_append (words, _(", "));
      g_string_append (words, tj_element_kind_label (k));
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  ElementImport *import = (ElementImport *) csv;
  const char *values[N_COLUMNS];
  guint errors_before = import->result->errors->len;
  g_autoptr (TjElement) element = NULL;
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autofree char *needed_date = NULL, *secured_date = NULL, *key = NULL;
  TjElementKind kind = TJ_N_ELEMENT_KINDS;
  gint64 project_id = 0, id;
  gpointer other;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (*values[COLUMN_NAME] == '\0')
    tj_csv_import_add_error (csv, line, COLUMN_NAME, _("The project name is required."));
  else if ((project_id = tj_project_find (import->db, import->year, values[COLUMN_NAME])) == 0)
    {
      g_autofree char *message = tj_project_unknown_message (import->db, import->year,
                                                             values[COLUMN_NAME], error);

      if (message == NULL)
        return FALSE;
      tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
    }
  if (!tj_element_kind_parse (values[COLUMN_KIND], &kind))
    {
      g_autofree char *kinds = kind_words ();
      g_autofree char *message =
        g_strdup_printf (_("“%1$s” is not a kind of need: write one of %2$s."),
                         values[COLUMN_KIND], kinds);

      tj_csv_import_add_error (csv, line, COLUMN_KIND, message);
    }
  tj_import_read_date (csv, line, COLUMN_NEEDED_DATE, values[COLUMN_NEEDED_DATE], &needed_date);
  tj_import_read_date (csv, line, COLUMN_SECURED_DATE, values[COLUMN_SECURED_DATE],
                       &secured_date);
  if (import->result->errors->len > errors_before)
    {
      csv->bad_rows++;
      return TRUE;
    }

  if (needed_date != NULL)
    {
      key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", project_id,
                             tj_element_kind_key (kind), needed_date);
      if ((other = g_hash_table_lookup (import->keys, key)) != NULL)
        {
          g_autofree char *message = g_strdup_printf (
            _("The same need (project, kind and date of the request) is also on row %u."),
            GPOINTER_TO_UINT (other));

          tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
          csv->bad_rows++;
          return TRUE;
        }
      g_hash_table_insert (import->keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  id = needed_date != NULL ? stored_need (import->db, project_id, kind, needed_date, error) : 0;
  if (id < 0)
    return FALSE;

  element = tj_element_new (project_id, kind);
  element->id = id;
  tj_element_set_amounts (element, values[COLUMN_NEEDED], values[COLUMN_SECURED], problems);
  element->needed_date = g_steal_pointer (&needed_date);
  element->secured_date = g_steal_pointer (&secured_date);
  element->note = g_strdup (values[COLUMN_NOTE]);
  tj_element_validate (element, problems);
  if (problems->len > 0)
    {
      tj_import_add_problems (csv, line, problems, fields, G_N_ELEMENTS (fields), COLUMN_NAME);
      csv->bad_rows++;
      return TRUE;
    }
  /* once the file has an error nothing more is written: it will be rolled back */
  if (errors_before > 0)
    return TRUE;
  if (!tj_element_write (import->db, element, error))
    return FALSE;
  if (id > 0)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* Imports 要素保障 needs of the projects on year's list: 项目名称, 类别 (中央资金 … 排污指标),
 * 申请数额 (万元 for funds, the quota's unit otherwise), 申请日期, 到位数额, 到位日期, 备注. All
 * or nothing; the need stored for the same project, kind and date of request is updated.
 * dry_run does everything, then rolls back. */
gboolean
tj_element_import (TjDb            *db,
                   const char      *path,
                   int              year,
                   gboolean         dry_run,
                   TjImportResult **result,
                   GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  ElementImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_check (year, error))
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);
  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_NAME;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.result = outcome;
  import.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = tj_import_run (db, path, TJ_IMPORT_FUNDS, dry_run, &import.csv, NULL, outcome, error);
  g_hash_table_unref (import.keys);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
