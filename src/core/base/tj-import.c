/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-import"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-error.h"
#include "tj-import.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-problem.h"

/* Importing a file all or nothing, the same way for every kind of record: one transaction
 * (begun after the store's quick check), the rows read through tj-csv's import reader, the
 * file's problems each named by row and column, then nothing written if there is one; a dry run
 * does everything and rolls back. The store tells the pages what changed when it commits. */

TjImportResult *
tj_import_result_new (void)
{
  TjImportResult *result = g_new0 (TjImportResult, 1);

  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->errors = g_ptr_array_new_with_free_func (g_free);
  result->missing = g_ptr_array_new_with_free_func (g_free);
  return result;
}

void
tj_import_result_free (TjImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->warnings);
  g_ptr_array_unref (result->errors);
  g_ptr_array_unref (result->missing);
  g_free (result);
}

/* Hands an import's result to its caller, who may not want it (result NULL), and returns ok:
 * an import tells its counts, or its problems, whether it wrote anything or not. */
gboolean
tj_import_result_give (TjImportResult  *outcome,
                       TjImportResult **result,
                       gboolean         ok)
{
  if (result != NULL)
    *result = outcome;
  else
    tj_import_result_free (outcome);
  return ok;
}

/* What an import brings in, as its kept file names it (imports.kind). */
static const char *const kind_names[] = {
  [TJ_IMPORT_PROJECTS] = "projects",
  [TJ_IMPORT_MONTHLY_REPORTS] = "monthly_reports",
  [TJ_IMPORT_APPROVAL_ITEMS] = "approval_items",
  [TJ_IMPORT_HOLIDAYS] = "holidays",
  [TJ_IMPORT_INSPECTIONS] = "inspections",
  [TJ_IMPORT_MATTERS] = "matters",
  [TJ_IMPORT_VISITS] = "visits",
  [TJ_IMPORT_TOUR_SCORES] = "tour_scores",
  [TJ_IMPORT_FUNDS] = "elements",
};

/* Every message an import ends with, by what it imports. */
static char *
empty_message (TjImportKind  kind,
               const char   *path)
{
  switch (kind)
    {
    case TJ_IMPORT_PROJECTS:
      return g_strdup_printf (_("“%s” is empty; no project was imported."), path);
    case TJ_IMPORT_MONTHLY_REPORTS:
      return g_strdup_printf (_("“%s” is empty; no monthly report was imported."), path);
    case TJ_IMPORT_APPROVAL_ITEMS:
      return g_strdup_printf (_("“%s” is empty; no approval item was imported."), path);
    case TJ_IMPORT_HOLIDAYS:
      return g_strdup_printf (_("“%s” is empty; no holiday was imported."), path);
    case TJ_IMPORT_INSPECTIONS:
      return g_strdup_printf (_("“%s” is empty; no inspection was imported."), path);
    case TJ_IMPORT_MATTERS:
      return g_strdup_printf (_("“%s” is empty; no matter was imported."), path);
    case TJ_IMPORT_VISITS:
      return g_strdup_printf (_("“%s” is empty; no visit was imported."), path);
    case TJ_IMPORT_TOUR_SCORES:
      return g_strdup_printf (_("“%s” is empty; no score was imported."), path);
    case TJ_IMPORT_FUNDS:
      return g_strdup_printf (_("“%s” is empty; no need for funds or quotas was imported."),
                              path);
    default:
      g_assert_not_reached ();
    }
}

/* The file's problems: those of its header (a project ledger's are the columns it lacks), the
 * rows with errors (a project ledger counts them), or every problem found. */
static void
set_problems_error (TjImportKind  kind,
                    TjCsvImport  *reader,
                    GError      **error)
{
  guint n = reader->errors->len;

  switch (kind)
    {
    case TJ_IMPORT_PROJECTS:
      if (reader->header_problems > 0)
        g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                     ngettext ("The file lacks %u column a project ledger needs; no project was "
                               "imported.",
                               "The file lacks %u columns a project ledger needs; no project was "
                               "imported.",
                               reader->header_problems),
                     reader->header_problems);
      else
        g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                     ngettext ("%u row has errors; no project was imported.",
                               "%u rows have errors; no project was imported.",
                               reader->bad_rows),
                     reader->bad_rows);
      break;
    case TJ_IMPORT_MONTHLY_REPORTS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no monthly report was imported.",
                             "%u problems found; no monthly report was imported.", n),
                   n);
      break;
    case TJ_IMPORT_APPROVAL_ITEMS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no approval item was imported.",
                             "%u problems found; no approval item was imported.", n),
                   n);
      break;
    case TJ_IMPORT_HOLIDAYS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no holiday was imported.",
                             "%u problems found; no holiday was imported.", n),
                   n);
      break;
    case TJ_IMPORT_INSPECTIONS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no inspection was imported.",
                             "%u problems found; no inspection was imported.", n),
                   n);
      break;
    case TJ_IMPORT_MATTERS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no matter was imported.",
                             "%u problems found; no matter was imported.", n),
                   n);
      break;
    case TJ_IMPORT_VISITS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no visit was imported.",
                             "%u problems found; no visit was imported.", n),
                   n);
      break;
    case TJ_IMPORT_TOUR_SCORES:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no score was imported.",
                             "%u problems found; no score was imported.", n),
                   n);
      break;
    case TJ_IMPORT_FUNDS:
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no need for funds or quotas was imported.",
                             "%u problems found; no need for funds or quotas was imported.", n),
                   n);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The sheet the imports on db read from a workbook (`--sheet NAME`): NULL for the first. Every
 * import takes it from here, so none needs an argument of its own for it. */
void
tj_import_set_sheet (TjDb       *db,
                     const char *sheet)
{
  g_return_if_fail (TJ_IS_DB (db));

  g_object_set_data_full (G_OBJECT (db), "tj-import-sheet", g_strdup (sheet), g_free);
}

/* The page cache an import writes through, in KiB: with SQLite's default of 2 MiB a large
 * import spills dirty pages into the log before its commit and writes many of them again (the
 * name index's pages change all over the file); 32 MiB holds that index for several hundred
 * thousand projects, while the table's own pages, appended in order, are written once either
 * way. Restored after the import. */
#define IMPORT_CACHE_KIB 32768

/* The connection's cache_size pragma, to be restored after the import; 0 if it cannot be read. */
static gint64
cache_size_get (TjDb *db)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "PRAGMA cache_size", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static void
cache_size_set (TjDb  *db,
                gint64 size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  tj_db_exec (db, sql, NULL);
}

/* Imports path through reader, all or nothing, in one transaction: reader's errors and warnings
 * become result's; finish, when not NULL, runs after the last row if the header had no problem.
 * FALSE with error when the file cannot be read, is empty or has a problem (then result->errors
 * names each), or the database fails; nothing is written then, and result counts nothing.
 * dry_run does everything, then rolls back. */
gboolean
tj_import_run (TjDb               *db,
               const char         *path,
               TjImportKind        kind,
               gboolean            dry_run,
               TjCsvImport        *reader,
               TjImportFinishFunc  finish,
               TjImportResult     *result,
               GError            **error)
{
  g_autofree char *empty = NULL;
  gint64 cache_size;
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (reader != NULL && result != NULL, FALSE);

  reader->errors = result->errors;
  reader->warnings = result->warnings;
  reader->sheet = g_object_get_data (G_OBJECT (db), "tj-import-sheet");
  if (!tj_db_begin_bulk (db, error))
    return FALSE;

  /* the rows an import inserts are named by its one audit entry, with the file kept; what it
   * changes or removes keeps an entry per row */
  cache_size = cache_size_get (db);
  if (cache_size != 0)
    cache_size_set (db, -IMPORT_CACHE_KIB);
  tj_db_import_begin (db);
  if (!dry_run)
    tj_db_import_keep (db, path);
  empty = empty_message (kind, path);
  ok = tj_csv_import_read (reader, path, empty, error);
  if (ok && reader->header_problems == 0 && finish != NULL)
    ok = finish (reader, error);
  if (ok && result->errors->len > 0)
    {
      set_problems_error (kind, reader, error);
      ok = FALSE;
    }
  if (ok && !dry_run)
    ok = tj_db_import_record (db, path, kind_names[kind], error);
  tj_db_import_end (db);
  if (ok && !dry_run)
    ok = tj_db_commit (db, error);
  else
    tj_db_rollback (db);
  if (cache_size != 0)
    cache_size_set (db, cache_size);

  if (!ok)
    result->added = result->updated = result->removed = 0;
  return ok;
}

/* An amount in 万元 into whole yuan; an empty cell is 0. */
gboolean
tj_import_read_money (TjCsvImport *import,
                      guint        row,
                      guint        column,
                      const char  *cell,
                      gint64      *yuan)
{
  g_autoptr (GError) local = NULL;
  gint64 parsed = 0;

  if (cell == NULL)
    return TRUE;
  if (*cell != '\0' && !tj_money_parse_wan (cell, &parsed, &local))
    {
      tj_csv_import_add_error (import, row, column, local->message);
      return FALSE;
    }
  *yuan = parsed;
  return TRUE;
}

/* A date as 2026-03-05, 2026/3/5 or 2026年3月5日 into ISO; an empty cell is none (NULL). */
gboolean
tj_import_read_date (TjCsvImport *import,
                     guint        row,
                     guint        column,
                     const char  *cell,
                     char       **date)
{
  g_autoptr (GError) local = NULL;
  char *parsed = NULL;

  if (cell == NULL)
    return TRUE;
  if (*cell != '\0' && (parsed = tj_date_parse (cell, &local)) == NULL)
    {
      tj_csv_import_add_error (import, row, column, local->message);
      return FALSE;
    }
  g_free (*date);
  *date = parsed;
  return TRUE;
}

/* A month as 2026-03, 2026/3 or 2026年3月 into YYYY-MM; a whole date gives its month; an empty
 * cell is none (NULL). */
gboolean
tj_import_read_month (TjCsvImport *import,
                      guint        row,
                      guint        column,
                      const char  *cell,
                      char       **month)
{
  g_autoptr (GError) local = NULL;
  char *parsed = NULL;

  if (cell == NULL)
    return TRUE;
  if (*cell != '\0' && (parsed = tj_month_parse (cell, &local)) == NULL)
    {
      parsed = tj_date_parse (cell, NULL);
      if (parsed == NULL)
        {
          tj_csv_import_add_error (import, row, column, local->message);
          return FALSE;
        }
      parsed[7] = '\0';
    }
  g_free (*month);
  *month = parsed;
  return TRUE;
}

/* A text, within the bound of field (tj-limits.c) when field is not NULL; an empty cell is none
 * (NULL). text may be NULL to check the cell only. */
gboolean
tj_import_read_text (TjCsvImport *import,
                     guint        row,
                     guint        column,
                     const char  *field,
                     const char  *cell,
                     char       **text)
{
  if (cell == NULL)
    return TRUE;
  if (field != NULL)
    {
      g_autoptr (GPtrArray) problems = tj_problems_new ();

      if (!tj_limits_check_text (problems, field, tj_csv_import_header (import, column), cell))
        {
          tj_csv_import_add_error (import, row, column,
                                   ((TjProblem *) g_ptr_array_index (problems, 0))->message);
          return FALSE;
        }
    }
  if (text != NULL)
    {
      g_free (*text);
      *text = *cell != '\0' ? g_strdup (cell) : NULL;
    }
  return TRUE;
}

/* A whole number; an empty cell leaves number as it is. unit, when not NULL, names what the
 * number counts: "“二十”不是整数个工作日。" */
gboolean
tj_import_read_integer (TjCsvImport *import,
                        guint        row,
                        guint        column,
                        const char  *cell,
                        const char  *unit,
                        int         *number)
{
  gint64 parsed;

  if (cell == NULL || *cell == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (cell, 10, G_MININT, G_MAXINT, &parsed, NULL))
    {
      g_autofree char *message =
        unit != NULL
          /* Translators: "“二十”不是整数个工作日。" */
          ? g_strdup_printf (_("“%s” is not a whole number of %s."), cell, unit)
          : g_strdup_printf (_("“%s” is not a whole number."), cell);

      tj_csv_import_add_error (import, row, column, message);
      return FALSE;
    }
  *number = (int) parsed;
  return TRUE;
}

void
tj_import_add_problems (TjCsvImport         *import,
                        guint                row,
                        GPtrArray           *problems,
                        const TjImportField *fields,
                        guint                n_fields,
                        guint                fallback)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);
      guint column = fallback;

      for (guint f = 0; f < n_fields; f++)
        if (g_strcmp0 (problem->field, fields[f].field) == 0)
          {
            column = fields[f].column;
            break;
          }
      tj_csv_import_add_error (import, row, column, problem->message);
    }
}
