/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <string.h>

#include "tj-page-layout-private.h"

/* The rows of a streamed report, read as the pages are measured and drawn: a sheet holds the
 * rows of the page being drawn (or the row being measured), never the whole report. Going back
 * (a print preview showing an earlier page) reads the rows again from the first. */

/* A whole read of a report is kept in a file as it is read (the rows as held_row_new makes them,
 * their texts as offsets), and a later read from the first row replays it: the source (SQLite
 * joins and sums) is asked once, not once for the widths, once for the heights and once for
 * the pages, and memory stays one page of rows. Up to a budget of disk; a spool that cannot be
 * written or read back is let go and the source read again. */
#define SPOOL_BUDGET ((gsize) 512 * 1024 * 1024)

/* A row as the source gave it, its texts copied: the source's are gone with the next row. Its
 * size in `size`. */
static HeldRow *
held_row_new (TjReportIter *iter,
              guint         n_columns,
              gsize        *size_out)
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
  *size_out = size;
  return held;
}

static void
spool_drop (Sheet *sheet)
{
  g_clear_pointer (&sheet->spool, fclose);
  sheet->spool_size = 0;
  sheet->spooled = 0;
  sheet->spool_whole = FALSE;
  sheet->from_spool = FALSE;
}

/* A held row's texts as offsets from its start (to_offsets) or back as pointers. */
static void
held_row_relocate (HeldRow *held,
                   guint    n_columns,
                   gboolean to_offsets)
{
  for (guint c = 0; c < n_columns; c++)
    {
      TjReportCell *cell = &held->cells[c];

      if (cell->type != TJ_REPORT_TEXT && cell->type != TJ_REPORT_DATE)
        continue;
      if (to_offsets)
        cell->value.text = GSIZE_TO_POINTER ((gsize) (cell->value.text - (const char *) held));
      else
        cell->value.text = (const char *) held + GPOINTER_TO_SIZE (cell->value.text);
    }
}

static void
spool_write (Sheet   *sheet,
             HeldRow *held,
             gsize    size)
{
  gboolean written;

  if (sheet->spool == NULL)
    return;
  if (sheet->spool_size + sizeof size + size > SPOOL_BUDGET)
    {
      spool_drop (sheet);
      return;
    }
  held_row_relocate (held, sheet->n_columns, TRUE);
  written = fwrite (&size, sizeof size, 1, sheet->spool) == 1 &&
            fwrite (held, size, 1, sheet->spool) == 1;
  held_row_relocate (held, sheet->n_columns, FALSE);
  if (!written)
    {
      spool_drop (sheet);
      return;
    }
  sheet->spool_size += sizeof size + size;
  sheet->spooled++;
}

static HeldRow *
spool_read (Sheet *sheet)
{
  HeldRow *held;
  gsize size;

  if (fread (&size, sizeof size, 1, sheet->spool) != 1 || size > sheet->spool_size)
    return NULL;
  held = g_malloc (size);
  if (fread (held, size, 1, sheet->spool) != 1)
    {
      g_free (held);
      return NULL;
    }
  held_row_relocate (held, sheet->n_columns, FALSE);
  return held;
}

/* Starts a read from the first row: the spool's when it holds them all, else the source's,
 * kept in a new spool. */
static void
read_start (Sheet *sheet)
{
  sheet->n_read = 0;
  if (sheet->spool_whole && fseek (sheet->spool, 0, SEEK_SET) == 0)
    {
      sheet->from_spool = TRUE;
      return;
    }
  spool_drop (sheet);
  tj_report_iter_init (&sheet->iter, sheet->report);
  sheet->spool = tmpfile ();
}

/* The next row, or NULL after the last or on an error (kept in the sheet). */
static HeldRow *
read_next (Sheet *sheet)
{
  HeldRow *held;
  gsize size;

  if (sheet->from_spool)
    {
      if (sheet->n_read == sheet->spooled)
        return NULL;
      if ((held = spool_read (sheet)) != NULL)
        {
          sheet->n_read++;
          return held;
        }
      /* not read back: the source again, up to where the spool stopped */
      spool_drop (sheet);
      tj_report_iter_init (&sheet->iter, sheet->report);
      while (sheet->iter.index < sheet->n_read)
        if (!tj_report_iter_next (&sheet->iter, &sheet->error))
          return NULL;
    }
  if (!tj_report_iter_next (&sheet->iter, &sheet->error))
    {
      if (sheet->error == NULL && sheet->spool != NULL && sheet->spooled == sheet->n_read &&
          fflush (sheet->spool) == 0)
        sheet->spool_whole = TRUE;
      return NULL;
    }
  sheet->n_read++;
  held = held_row_new (&sheet->iter, sheet->n_columns, &size);
  if (!sheet->spool_whole)
    spool_write (sheet, held, size);
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
      read_start (sheet);
      sheet->held_first = 0;
      sheet->reading = TRUE;
    }
  drop = MIN (first - sheet->held_first, sheet->held->len);
  g_ptr_array_remove_range (sheet->held, 0, drop);
  sheet->held_first += drop;
  if (sheet->held->len == 0)
    sheet->held_first = sheet->n_read;
  while (sheet->held_first + sheet->held->len < last)
    {
      HeldRow *held = read_next (sheet);

      if (held == NULL)
        return FALSE;
      if (sheet->n_read <= first)
        {
          g_free (held); /* a row before first: skipped */
          sheet->held_first = sheet->n_read;
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
  spool_drop (sheet);
}
