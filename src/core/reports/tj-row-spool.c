/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-report"
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tj-row-spool.h"

/* Each row is written as its size, then the block tj_spooled_row_new makes with its texts as
 * offsets from the block's start. */
#define SPOOL_BUDGET ((gsize) 512 * 1024 * 1024)

struct _TjRowSpool
{
  FILE *file;
  guint n_columns;
  gsize size;     /* bytes written */
  guint n_rows;   /* rows written */
  guint n_read;   /* rows read back since the last rewind */
  gboolean whole; /* finished: read back only */
};

static gboolean
has_text (const TjReportCell *cell)
{
  return cell->type == TJ_REPORT_TEXT || cell->type == TJ_REPORT_DATE;
}

static gsize
row_size (TjReportIter *iter,
          guint         n_columns)
{
  gsize size = sizeof (TjSpooledRow) + n_columns * sizeof (TjReportCell);

  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);

      if (has_text (cell))
        size += strlen (cell->value.text) + 1;
    }
  return size;
}

/* The row of iter copied into `row` (row_size bytes), its texts as offsets or as pointers. */
static void
row_copy (TjReportIter *iter,
          guint         n_columns,
          TjSpooledRow *row,
          gboolean      offsets)
{
  char *text = (char *) &row->cells[n_columns];

  row->kind = tj_report_iter_get_kind (iter);
  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);

      row->cells[c] = *cell;
      if (has_text (cell))
        {
          gsize length = strlen (cell->value.text) + 1;

          memcpy (text, cell->value.text, length);
          row->cells[c].value.text =
            offsets ? GSIZE_TO_POINTER ((gsize) (text - (char *) row)) : text;
          text += length;
        }
    }
}

/* The row iter is on, copied: the source's texts are gone with its next row. */
TjSpooledRow *
tj_spooled_row_new (TjReportIter *iter,
                    guint         n_columns)
{
  TjSpooledRow *row = g_malloc (row_size (iter, n_columns));

  row_copy (iter, n_columns, row, FALSE);
  return row;
}

/* NULL when no temporary file can be made: the rows are then read from the source again. The
 * file is in g_get_tmp_dir () (TMPDIR), removed from its folder as soon as it is open. */
TjRowSpool *
tj_row_spool_new (guint n_columns)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("tuijin-rows-XXXXXX", &path, NULL);
  FILE *file;
  TjRowSpool *self;

  if (fd < 0)
    return NULL;
  g_unlink (path);
  if ((file = fdopen (fd, "w+b")) == NULL)
    {
      close (fd);
      return NULL;
    }
  self = g_new0 (TjRowSpool, 1);
  self->file = file;
  self->n_columns = n_columns;
  return self;
}

void
tj_row_spool_free (TjRowSpool *self)
{
  if (self == NULL)
    return;
  fclose (self->file);
  g_free (self);
}

/* Adds the row iter is on: FALSE when it cannot (past the budget, or not written), the spool
 * then of no use. */
gboolean
tj_row_spool_add (TjRowSpool   *self,
                  TjReportIter *iter)
{
  gsize size = row_size (iter, self->n_columns);
  g_autofree TjSpooledRow *row = NULL;

  g_return_val_if_fail (!self->whole, FALSE);
  if (self->size + sizeof size + size > SPOOL_BUDGET)
    return FALSE;
  row = g_malloc (size);
  row_copy (iter, self->n_columns, row, TRUE);
  if (fwrite (&size, sizeof size, 1, self->file) != 1 || fwrite (row, size, 1, self->file) != 1)
    return FALSE;
  self->size += sizeof size + size;
  self->n_rows++;
  return TRUE;
}

/* The read that filled the spool ended at the report's last row: TRUE when the spool can be
 * read back. */
gboolean
tj_row_spool_finish (TjRowSpool *self)
{
  self->whole = fflush (self->file) == 0;
  return self->whole && tj_row_spool_rewind (self);
}

guint
tj_row_spool_get_n_rows (TjRowSpool *self)
{
  return self->n_rows;
}

/* Back to the first row: FALSE when the file cannot be read again. */
gboolean
tj_row_spool_rewind (TjRowSpool *self)
{
  g_return_val_if_fail (self->whole, FALSE);
  self->n_read = 0;
  return fseek (self->file, 0, SEEK_SET) == 0;
}

/* The next row (g_free), or NULL after the last or when it cannot be read back. */
TjSpooledRow *
tj_row_spool_read (TjRowSpool *self)
{
  TjSpooledRow *row;
  gsize size;

  g_return_val_if_fail (self->whole, NULL);
  if (self->n_read == self->n_rows ||
      fread (&size, sizeof size, 1, self->file) != 1 || size > self->size)
    return NULL;
  row = g_malloc (size);
  if (fread (row, size, 1, self->file) != 1)
    {
      g_free (row);
      return NULL;
    }
  for (guint c = 0; c < self->n_columns; c++)
    if (has_text (&row->cells[c]))
      row->cells[c].value.text = (const char *) row + GPOINTER_TO_SIZE (row->cells[c].value.text);
  self->n_read++;
  return row;
}

/* Moves iter (tj_report_iter_init'ed) to the next row of a report read again: from *spool
 * (*row is then the row iter's cells are in, freed with the next call) while it reads back,
 * else from the report's source, from the row the spool stopped at (the spool let go). FALSE
 * after the last row, or with `error` set when the source cannot read it. */
gboolean
tj_row_spool_iter_next (TjRowSpool  **spool,
                        TjReportIter *iter,
                        TjSpooledRow **row,
                        GError      **error)
{
  g_clear_pointer (row, g_free);
  if (*spool != NULL)
    {
      guint done = iter->index;

      if (done == (*spool)->n_rows)
        return FALSE;
      if ((*row = tj_row_spool_read (*spool)) != NULL)
        {
          tj_report_iter_set_row (iter, (*row)->kind, (*row)->cells);
          return TRUE;
        }
      g_clear_pointer (spool, tj_row_spool_free);
      tj_report_iter_init (iter, iter->report);
      while (iter->index < done)
        if (!tj_report_iter_next (iter, error))
          return FALSE;
    }
  return tj_report_iter_next (iter, error);
}
