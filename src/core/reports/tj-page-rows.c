/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <string.h>

#include "tj-page-layout-private.h"

/* The rows of a streamed report, read as the pages are measured and drawn: a sheet holds the
 * rows of the page being drawn (or the row being measured), never the whole report. Going back
 * (a print preview showing an earlier page) reads the rows again from the first. */

/* A row as the source gave it, its texts copied: the source's are gone with the next row. */
static HeldRow *
held_row_new (TjReportIter *iter,
              guint         n_columns)
{
  gsize size = sizeof (HeldRow) + n_columns * sizeof (TjReportCell);
  HeldRow *held;
  char *text;

  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);

      if (cell->type == TJ_REPORT_TEXT || cell->type == TJ_REPORT_DATE)
        size += strlen (cell->value.text) + 1;
    }
  held = g_malloc (size);
  held->kind = tj_report_iter_get_kind (iter);
  text = (char *) &held->cells[n_columns];
  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);

      held->cells[c] = *cell;
      if (cell->type == TJ_REPORT_TEXT || cell->type == TJ_REPORT_DATE)
        {
          gsize length = strlen (cell->value.text) + 1;

          memcpy (text, cell->value.text, length);
          held->cells[c].value.text = text;
          text += length;
        }
    }
  return held;
}

/* Holds the rows [first, last) for row_kind and row_cell, letting go of the rows before first:
 * TRUE when they are all there. FALSE past the last row, or when the rows cannot be read (the
 * error is kept in the sheet). A report held in memory has them all. */
gboolean
tj_page_hold_rows (Sheet *sheet,
                   guint  first,
                   guint  last)
{
  guint drop;

  if (!sheet->streamed)
    return last <= tj_report_get_n_rows (sheet->report);
  if (sheet->error != NULL)
    return FALSE;
  if (!sheet->reading || first < sheet->held_first)
    {
      g_ptr_array_set_size (sheet->held, 0);
      tj_report_iter_init (&sheet->iter, sheet->report);
      sheet->held_first = 0;
      sheet->reading = TRUE;
    }
  drop = MIN (first - sheet->held_first, sheet->held->len);
  g_ptr_array_remove_range (sheet->held, 0, drop);
  sheet->held_first += drop;
  if (sheet->held->len == 0)
    sheet->held_first = sheet->iter.index;
  while (sheet->held_first + sheet->held->len < last)
    {
      if (!tj_report_iter_next (&sheet->iter, &sheet->error))
        return FALSE;
      if (sheet->iter.index <= first)
        sheet->held_first = sheet->iter.index; /* a row before first: skipped */
      else
        g_ptr_array_add (sheet->held, held_row_new (&sheet->iter, sheet->n_columns));
    }
  return TRUE;
}

void
tj_page_rows_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->held, g_ptr_array_unref);
  g_clear_error (&sheet->error);
}
