/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-csv-report-writer"
#include "config.h"

#include "tj-csv-report-writer.h"
#include "tj-csv.h"
#include "tj-money.h"
#include "tj-output-file.h"

/* The text written to the file whenever this much is built. */
#define CSV_FLUSH_SIZE (256 * 1024)

/* A report as one CSV table (tj-csv's writer: as Excel on Chinese Windows opens it): its header
 * and its body rows, without totals and the headings of sections, so that the file reads back
 * as data; figures as the table shows them without thousands separators. */
gboolean
tj_csv_report_write (TjReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr (TjCsvWriter) writer = NULL;
  g_autoptr (TjOutputFile) output = NULL;
  g_autoptr (GPtrArray) cells = NULL;
  g_autofree gboolean *figures = NULL;
  GError *local_error = NULL;
  TjReportIter iter;
  guint n_columns;
  gsize length;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* a temporary file renamed over the target once complete: never a half file */
  output = tj_output_file_new (path, error);
  if (output == NULL)
    return FALSE;
  writer = tj_csv_writer_new ();
  n_columns = tj_report_get_n_columns (report);
  cells = g_ptr_array_new_full (n_columns, g_free);
  figures = g_new0 (gboolean, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (tj_report_get_column (report, c)->header));
  tj_csv_writer_add_row (writer, (const char *const *) cells->pdata, n_columns);

  /* a streamed report's rows as they are read */
  tj_report_iter_init (&iter, report);
  while (tj_report_iter_next (&iter, &local_error))
    {
      if (tj_report_iter_get_kind (&iter) != TJ_REPORT_ROW_BODY)
        continue;
      g_ptr_array_set_size (cells, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          const TjReportCell *cell = tj_report_iter_get_cell (&iter, c);

          g_ptr_array_add (cells, cell->type == TJ_REPORT_WAN
                                    ? tj_money_format_wan (cell->value.yuan, 2, FALSE)
                                    : tj_report_cell_text (cell));
          /* A negative figure stays a number; a text is escaped (tj_csv_escape_cell). */
          figures[c] = cell->type != TJ_REPORT_TEXT && cell->type != TJ_REPORT_DATE &&
                       cell->type != TJ_REPORT_LIGHT && cell->type != TJ_REPORT_EMPTY;
        }
      tj_csv_writer_add_row_full (writer, (const char *const *) cells->pdata, n_columns,
                                  figures);
      tj_csv_writer_get_data (writer, &length);
      if (length >= CSV_FLUSH_SIZE && !tj_csv_writer_write_to (writer, output, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return tj_csv_writer_write_to (writer, output, error) && tj_output_file_commit (output, error);
}
