/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-csv.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* What an import did, or would do, or why it did nothing. */
typedef struct
{
  guint added;         /* records inserted */
  guint updated;       /* records already stored, updated (or replaced) */
  guint removed;       /* records removed: the file replaces what it does not name */
  GPtrArray *warnings; /* char*, e.g. unknown columns named: 未知的列“备注2”将被忽略 */
  GPtrArray *errors;   /* char*, one per problem: "第 12 行，“总投资（万元）”：“abc”不是有效金额" */
  GPtrArray *missing;  /* char*, names of unknown localities/units/people (when not creating them) */
} TjImportResult;

TjImportResult *tj_import_result_new (void);
void tj_import_result_free (TjImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjImportResult, tj_import_result_free)
gboolean tj_import_result_give (TjImportResult  *outcome,
                                TjImportResult **result,
                                gboolean         ok);

/* What an import brings in: the words of its messages ("no project was imported"). */
typedef enum
{
  TJ_IMPORT_PROJECTS,
  TJ_IMPORT_MONTHLY_REPORTS,
  TJ_IMPORT_APPROVAL_ITEMS,
  TJ_IMPORT_HOLIDAYS,
  TJ_IMPORT_INSPECTIONS,
  TJ_IMPORT_MATTERS,
  TJ_IMPORT_VISITS,
  TJ_IMPORT_TOUR_SCORES,
  TJ_IMPORT_FUNDS,
} TjImportKind;

/* After the last row, inside the transaction, when the header had no problem: what the file
 * does as a whole (removing what it does not name, writing what was collected). Problems go to
 * the import's errors; FALSE with error set when the import cannot go on (the database fails). */
typedef gboolean (*TjImportFinishFunc) (TjCsvImport *import,
                                        GError     **error);

void tj_import_set_sheet (TjDb       *db,
                          const char *sheet);
gboolean tj_import_run (TjDb               *db,
                        const char         *path,
                        TjImportKind        kind,
                        gboolean            dry_run,
                        TjCsvImport        *reader,
                        TjImportFinishFunc  finish,
                        TjImportResult     *result,
                        GError            **error);

/* Cell readers: a cell of a known column of a row, as tj_csv_import_row_values gave it (NULL
 * when the file lacks the column: the value is left as it is; "" for an empty cell). A cell that
 * cannot be read adds an error naming the row and the file's header, leaves the value as it is
 * and returns FALSE. */
gboolean tj_import_read_money (TjCsvImport *import,
                               guint        row,
                               guint        column,
                               const char  *cell,
                               gint64      *yuan);
gboolean tj_import_read_date (TjCsvImport *import,
                              guint        row,
                              guint        column,
                              const char  *cell,
                              char       **date);
gboolean tj_import_read_month (TjCsvImport *import,
                               guint        row,
                               guint        column,
                               const char  *cell,
                               char       **month);
gboolean tj_import_read_text (TjCsvImport *import,
                              guint        row,
                              guint        column,
                              const char  *field,
                              const char  *cell,
                              char       **text);
gboolean tj_import_read_integer (TjCsvImport *import,
                                 guint        row,
                                 guint        column,
                                 const char  *cell,
                                 const char  *unit,
                                 int         *number);

/* The column of an import's file that holds a record's field. */
typedef struct
{
  const char *field;
  guint column;
} TjImportField;

/* Adds a record's problems (tj_problems_new) as errors of row, each at the column of its
 * field in fields, at fallback for a field not listed. */
void tj_import_add_problems (TjCsvImport         *import,
                             guint                row,
                             GPtrArray           *problems,
                             const TjImportField *fields,
                             guint                n_fields,
                             guint                fallback);

G_END_DECLS
