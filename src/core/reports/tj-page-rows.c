/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include "tj-page-layout-private.h"

/* The rows of a streamed report, read as the pages are measured and drawn: a sheet holds the
 * rows of the page being drawn (or the row being measured), never the whole report. Going back
 * (a print preview showing an earlier page) reads the rows again from the first: from the
 * spool once a read has gone through them all. */

/* The first whole read of a report is kept in a spool as it is read, and a later read from the
 * first row replays it: the source (SQLite's joins and sums) is asked once, not once for the
 * widths, once for the heights and once for the pages, and memory stays one page of rows. */

/* Starts a read from the first row: the spool's when it holds them all, else the source's,
 * kept in a new spool. */
static void
read_start (Sheet *sheet)
{
  if (sheet->spool_whole && tj_row_spool_rewind (sheet->spool))
    {
      sheet->iter.report = sheet->report;
      sheet->iter.index = 0;
      sheet->from_spool = TRUE;
      return;
    }
  g_clear_pointer (&sheet->spool, tj_row_spool_free);
  sheet->spool_whole = FALSE;
  sheet->from_spool = FALSE;
  tj_report_iter_init (&sheet->iter, sheet->report);
  sheet->spool = tj_row_spool_new (sheet->n_columns);
}

/* The next row, or NULL after the last or on an error (kept in the sheet). */
static HeldRow *
read_next (Sheet *sheet)
{
  TjSpooledRow *row = NULL;

  if (sheet->from_spool)
    {
      if (!tj_row_spool_iter_next (&sheet->spool, &sheet->iter, &row, &sheet->error))
        {
          sheet->spool_whole = sheet->spool != NULL;
          return NULL;
        }
      /* the spool's own row, or one of the source's when it could not be read back */
      return row != NULL ? row : tj_spooled_row_new (&sheet->iter, sheet->n_columns);
    }
  if (!tj_report_iter_next (&sheet->iter, &sheet->error))
    {
      if (sheet->error == NULL && sheet->spool != NULL)
        sheet->spool_whole = tj_row_spool_finish (sheet->spool);
      if (!sheet->spool_whole)
        g_clear_pointer (&sheet->spool, tj_row_spool_free);
      return NULL;
    }
  if (sheet->spool != NULL && !tj_row_spool_add (sheet->spool, &sheet->iter))
    g_clear_pointer (&sheet->spool, tj_row_spool_free);
  return tj_spooled_row_new (&sheet->iter, sheet->n_columns);
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
      read_start (sheet);
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
      HeldRow *held = read_next (sheet);

      if (held == NULL)
        return FALSE;
      if (sheet->iter.index <= first)
        {
          g_free (held); /* a row before first: skipped */
          sheet->held_first = sheet->iter.index;
        }
      else
        g_ptr_array_add (sheet->held, held);
    }
  return TRUE;
}

void
tj_page_rows_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->held, g_ptr_array_unref);
  g_clear_error (&sheet->error);
  g_clear_pointer (&sheet->spool, tj_row_spool_free);
}
