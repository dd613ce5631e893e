/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-import.h"
#include "tj-inspection.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

typedef enum
{
  COLUMN_DATE,
  COLUMN_NAME,
  COLUMN_ORGANISER,
  COLUMN_INSPECTORS,
  COLUMN_UNANNOUNCED,
  COLUMN_VERIFIED,
  COLUMN_VERIFIED_PROGRESS,
  COLUMN_VERDICT,
  COLUMN_REASON,
  COLUMN_SEEN,
  N_COLUMNS
} Column;

/* The headers as the office writes them (and as the 巡查台账 names them). */
static const char *const column_headers[N_COLUMNS + 1] = {
  [COLUMN_DATE] = "巡查日期",
  [COLUMN_NAME] = "项目名称",
  [COLUMN_ORGANISER] = "组织单位",
  [COLUMN_INSPECTORS] = "巡查人员",
  [COLUMN_UNANNOUNCED] = "暗访",
  [COLUMN_VERIFIED] = "核实累计完成（万元）",
  [COLUMN_VERIFIED_PROGRESS] = "核实形象进度",
  [COLUMN_VERDICT] = "结论",
  [COLUMN_REASON] = "结论说明",
  [COLUMN_SEEN] = "现场情况",
};

static const guint required_columns[] = {
  COLUMN_DATE, COLUMN_NAME, COLUMN_ORGANISER, COLUMN_VERIFIED,
};

typedef struct
{
  TjCsvImport csv; /* first */
  TjDb *db;
  int year;
  TjImportResult *result;
  GHashTable *keys; /* "project|date|organiser" → the row that names it */
} InspectionImport;

/* The column of each field an inspection's problem names; any other: 项目名称. */
static const TjImportField fields[] = {
  { "date", COLUMN_DATE },           { "project", COLUMN_NAME },
  { "organiser", COLUMN_ORGANISER }, { "verified", COLUMN_VERIFIED },
  { "verdict", COLUMN_VERDICT },     { "verdict_reason", COLUMN_REASON },
};

static void
set_text (char      **text,
          const char *value)
{
  g_free (*text);
  *text = *value != '\0' ? g_strdup (value) : NULL;
}

static gint64
find_id (TjDb       *db,
         const char *sql,
         const char *text,
         gint64      a,
         gint64      b,
         GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, a);
  sqlite3_bind_int64 (stmt, 3, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return tj_db_rows_done (db, rc, error) ? 0 : -1;
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  InspectionImport *import = (InspectionImport *) csv;
  const char *values[N_COLUMNS];
  guint errors_before = import->result->errors->len;
  g_autoptr (TjInspection) inspection = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  gint64 project_id = 0, organiser_id = 0, verified = 0, id;
  gboolean unannounced = FALSE, has_verdict = FALSE;
  TjVerdict verdict = TJ_VERDICT_TRUE;
  gpointer other;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (tj_import_read_date (csv, line, COLUMN_DATE, values[COLUMN_DATE], &date) && date == NULL)
    tj_csv_import_add_error (csv, line, COLUMN_DATE, _("The inspection date is required."));
  if (*values[COLUMN_NAME] == '\0')
    tj_csv_import_add_error (csv, line, COLUMN_NAME, _("The project name is required."));
  else
    {
      project_id = find_id (import->db,
                            "SELECT id FROM projects WHERE name = ?1 AND year = ?2 AND ?3 = 0",
                            values[COLUMN_NAME], import->year, 0, error);
      if (project_id < 0)
        return FALSE;
      if (project_id == 0)
        {
          g_autofree char *message = tj_project_unknown_message (import->db, import->year,
                                                                 values[COLUMN_NAME], error);

          if (message == NULL)
            return FALSE;
          tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
        }
    }
  if (*values[COLUMN_ORGANISER] == '\0')
    tj_csv_import_add_error (csv, line, COLUMN_ORGANISER, _("The organising unit is required."));
  else if ((organiser_id = tj_unit_find (import->db, values[COLUMN_ORGANISER])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no unit “%s”; add it in the unit list first."),
                         values[COLUMN_ORGANISER]);

      tj_csv_import_add_error (csv, line, COLUMN_ORGANISER, message);
    }
  if (values[COLUMN_UNANNOUNCED] != NULL && *values[COLUMN_UNANNOUNCED] != '\0')
    {
      if (strcmp (values[COLUMN_UNANNOUNCED], _("Yes")) == 0 ||
          strcmp (values[COLUMN_UNANNOUNCED], "是") == 0)
        unannounced = TRUE;
      else if (strcmp (values[COLUMN_UNANNOUNCED], _("No")) != 0 &&
               strcmp (values[COLUMN_UNANNOUNCED], "否") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is neither “是” nor “否”."),
                                                      values[COLUMN_UNANNOUNCED]);

          tj_csv_import_add_error (csv, line, COLUMN_UNANNOUNCED, message);
        }
    }
  tj_import_read_money (csv, line, COLUMN_VERIFIED, values[COLUMN_VERIFIED], &verified);
  if (values[COLUMN_VERDICT] != NULL && *values[COLUMN_VERDICT] != '\0')
    {
      has_verdict = tj_verdict_from_label (values[COLUMN_VERDICT], &verdict);
      if (!has_verdict)
        {
          g_autofree char *message = g_strdup_printf (
            _("“%s” is not a verdict: write %s, %s or %s, or leave it empty for the suggested "
              "one."),
            values[COLUMN_VERDICT], tj_verdict_label (TJ_VERDICT_TRUE),
            tj_verdict_label (TJ_VERDICT_FALSE), tj_verdict_label (TJ_VERDICT_CONCEALED));

          tj_csv_import_add_error (csv, line, COLUMN_VERDICT, message);
        }
    }
  if (import->result->errors->len > errors_before)
    {
      csv->bad_rows++;
      return TRUE;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT, project_id, date,
                         organiser_id);
  if ((other = g_hash_table_lookup (import->keys, key)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The same inspection (project, date and organising unit) is also on "
                           "row %u."),
                         GPOINTER_TO_UINT (other));

      tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
      csv->bad_rows++;
      return TRUE;
    }
  g_hash_table_insert (import->keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));

  id = find_id (import->db,
                "SELECT id FROM inspections WHERE date = ?1 AND project_id = ?2 "
                "AND organiser_id = ?3",
                date, project_id, organiser_id, error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    {
      inspection = tj_inspection_load (import->db, id, error);
      if (inspection == NULL)
        return FALSE;
      /* the findings stay as they are */
      g_clear_pointer (&inspection->findings, g_ptr_array_unref);
    }
  else
    inspection = tj_inspection_new ();
  inspection->project_id = project_id;
  g_free (inspection->date);
  inspection->date = g_steal_pointer (&date);
  inspection->organiser_id = organiser_id;
  if (values[COLUMN_INSPECTORS] != NULL)
    set_text (&inspection->inspectors, values[COLUMN_INSPECTORS]);
  if (values[COLUMN_UNANNOUNCED] != NULL)
    inspection->unannounced = unannounced;
  inspection->verified = verified;
  if (values[COLUMN_VERIFIED_PROGRESS] != NULL)
    set_text (&inspection->verified_progress, values[COLUMN_VERIFIED_PROGRESS]);
  if (values[COLUMN_SEEN] != NULL)
    set_text (&inspection->seen, values[COLUMN_SEEN]);
  if (values[COLUMN_REASON] != NULL)
    set_text (&inspection->verdict_reason, values[COLUMN_REASON]);
  if (values[COLUMN_VERDICT] != NULL)
    {
      /* the suggested verdict written out (as the 巡查台账 does) is no verdict of the inspector's
       * own: the ledger imported again changes nothing */
      if (has_verdict && !(id > 0 && inspection->has_verdict && inspection->verdict == verdict))
        {
          if (!tj_inspection_compute (inspection, import->db, error))
            return FALSE;
          if (verdict == inspection->suggested)
            has_verdict = FALSE;
        }
      inspection->has_verdict = has_verdict;
      inspection->verdict = verdict;
    }

  problems = tj_inspection_validate (inspection, import->db);
  if (problems->len > 0)
    {
      tj_import_add_problems (csv, line, problems, fields, G_N_ELEMENTS (fields), COLUMN_NAME);
      csv->bad_rows++;
      return TRUE;
    }
  /* once the file has an error nothing more is written: it will be rolled back */
  if (errors_before > 0)
    return TRUE;
  if (!tj_inspection_write (import->db, inspection, error))
    return FALSE;
  if (id > 0)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

gboolean
tj_inspection_import (TjDb            *db,
                      const char      *path,
                      int              year,
                      gboolean         dry_run,
                      TjImportResult **result,
                      GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  InspectionImport import = { 0 };
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

  ok = tj_import_run (db, path, TJ_IMPORT_INSPECTIONS, dry_run, &import.csv, NULL, outcome,
                      error);
  g_hash_table_unref (import.keys);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
