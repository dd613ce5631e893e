/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-tour"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-import.h"
#include "tj-project.h"
#include "tj-tour.h"

/* 观摩评分 from a file: a row per project of the tour, 项目名称 then a column per criterion
 * headed by its name (形象进度, 投资完成…), as the panel's score sheet has them. */

#define COLUMN_NAME 0 /* then criterion c in column c + 1 */

typedef struct
{
  TjCsvImport csv; /* first */
  TjDb *db;
  TjTour *tour;
  int year;
  TjImportResult *result;
  guint *rows; /* per stop: the row that scored it, 0 for none */
} ScoreImport;

static gboolean
stop_scored (TjTour *tour,
             guint   stop)
{
  for (guint c = 0; c < tour->criteria->len; c++)
    if (tj_tour_get_score (tour, stop, c) != TJ_TOUR_NO_SCORE)
      return TRUE;
  return FALSE;
}

/* The stop of the tour named name, or -1. */
static int
find_stop (TjTour     *tour,
           const char *name)
{
  for (guint s = 0; s < tour->stops->len; s++)
    if (g_strcmp0 (((TjTourStop *) g_ptr_array_index (tour->stops, s))->name, name) == 0)
      return s;
  return -1;
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  ScoreImport *import = (ScoreImport *) csv;
  TjTour *tour = import->tour;
  g_autofree const char **values = g_new0 (const char *, csv->n_columns);
  guint errors_before = import->result->errors->len;
  g_autoptr (GError) invalid = NULL;
  gboolean scored;
  int stop;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (*values[COLUMN_NAME] == '\0')
    {
      tj_csv_import_add_error (csv, line, COLUMN_NAME, _("The project name is required."));
      csv->bad_rows++;
      return TRUE;
    }
  if ((stop = find_stop (tour, values[COLUMN_NAME])) < 0)
    {
      g_autofree char *message = NULL;

      if (tj_project_find (import->db, import->year, values[COLUMN_NAME]) != 0)
        message = g_strdup_printf (_("“%1$s” was not visited on the tour of %2$s."),
                                   values[COLUMN_NAME], tour->date);
      else if ((message = tj_project_unknown_message (import->db, import->year,
                                                      values[COLUMN_NAME], error)) == NULL)
        return FALSE;
      tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
      csv->bad_rows++;
      return TRUE;
    }
  if (import->rows[stop] != 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%1$s” is also on row %2$u."),
                                                  values[COLUMN_NAME], import->rows[stop]);

      tj_csv_import_add_error (csv, line, COLUMN_NAME, message);
      csv->bad_rows++;
      return TRUE;
    }
  import->rows[stop] = line;

  scored = stop_scored (tour, stop);
  for (guint c = 0; c < tour->criteria->len; c++)
    {
      g_autoptr (GError) bad = NULL;

      /* a criterion the file has no column for keeps its scores */
      if (values[c + 1] != NULL && !tj_tour_set_score_text (tour, stop, c, values[c + 1], &bad))
        tj_csv_import_add_error (csv, line, c + 1, bad->message);
    }
  /* a score beyond its criterion's weight, named with the project and the criterion */
  if (import->result->errors->len == errors_before && !tj_tour_validate (tour, &invalid))
    tj_csv_import_add_error (csv, line, COLUMN_NAME, invalid->message);
  if (import->result->errors->len > errors_before)
    {
      csv->bad_rows++;
      return TRUE;
    }
  if (scored)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* After the last row: the tour written with its scores, when the file had no problem. */
static gboolean
finish (TjCsvImport *csv,
        GError     **error)
{
  ScoreImport *import = (ScoreImport *) csv;

  if (import->result->errors->len > 0)
    return TRUE;
  return tj_tour_write_record (import->db, import->tour, error);
}

/* Imports the panel's scores of the tour on date: 项目名称 (a project the tour visited) and a
 * column per criterion headed by its name, a score from 0 to its weight with at most two
 * decimals, an empty cell for none. All or nothing; a project scored again is updated (counted
 * as added when it had no score). dry_run does everything, then rolls back. */
gboolean
tj_tour_import_scores (TjDb            *db,
                       const char      *path,
                       const char      *date,
                       gboolean         dry_run,
                       TjImportResult **result,
                       GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  g_autoptr (TjTour) tour = NULL;
  g_autofree const char **headers = NULL;
  g_autofree guint *rows = NULL;
  static const guint required_columns[] = { COLUMN_NAME };
  ScoreImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL && date != NULL, FALSE);

  if ((tour = tj_tour_load_by_date (db, date, error)) == NULL)
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);
  headers = g_new0 (const char *, tour->criteria->len + 2);
  headers[COLUMN_NAME] = "项目名称";
  for (guint c = 0; c < tour->criteria->len; c++)
    headers[c + 1] = ((TjTourCriterion *) g_ptr_array_index (tour->criteria, c))->name;
  rows = g_new0 (guint, tour->stops->len + 1);

  tj_csv_import_init (&import.csv, tour->criteria->len + 1);
  import.csv.columns = headers;
  import.csv.anchor = COLUMN_NAME;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.read_row = import_row;
  import.db = db;
  import.tour = tour;
  import.year = g_ascii_strtoll (tour->date, NULL, 10);
  import.result = outcome;
  import.rows = rows;

  ok = tj_import_run (db, path, TJ_IMPORT_TOUR_SCORES, dry_run, &import.csv, finish, outcome,
                      error);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
