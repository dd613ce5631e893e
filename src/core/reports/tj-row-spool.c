/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-report"
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tj-row-spool.h"

/* Each row is written as its size, then its kind and each cell as its type (a byte) and its
 * value: a text with its final NUL, a light in a byte, a number in its 8 bytes, nothing for an
 * empty cell. Read back into the block tj_spooled_row_new makes. Half the bytes of the cells as
 * held (a register of 100 000 projects: 31 MB, not 62). The records are kept in memory up to
 * SPOOL_MEMORY, so that a list of a few tens of thousands of rows never goes through the kernel;
 * past it they are written to a temporary file and memory stays flat however long the list. */
#define SPOOL_BUDGET ((gsize) 512 * 1024 * 1024)
#define SPOOL_MEMORY ((gsize) 16 * 1024 * 1024)
#define SPOOL_BUFFER (256 * 1024)

/* SPOOL_MEMORY, or the bound a test set */
static gsize memory_bound = SPOOL_MEMORY;

struct _TjRowSpool
{
  GByteArray *memory; /* the records, while within memory_bound; NULL once spilled */
  gsize read_at;      /* of memory: the next record to read back */
  FILE *file;         /* the records past memory_bound; NULL until then */
  char *buffer;       /* file's stdio buffer (glibc ignores a size given without one) */
  guint n_columns;
  gsize size;     /* bytes written */
  guint n_rows;   /* rows written */
  guint n_read;   /* rows read back since the last rewind */
  gboolean whole; /* finished: read back only */
  GByteArray *record; /* the row being written or read */
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

/* The row of iter copied into `row` (row_size bytes). */
static void
row_copy (TjReportIter *iter,
          guint         n_columns,
          TjSpooledRow *row)
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
          row->cells[c].value.text = text;
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

  row_copy (iter, n_columns, row);
  return row;
}

/* Sets the bytes of records a spool keeps in memory before it spills them to a temporary file:
 * 0, the default (16 MiB). For tests, before any spool is made. */
void
tj_row_spool_set_memory_bound (gsize bound)
{
  memory_bound = bound != 0 ? bound : SPOOL_MEMORY;
}

/* A spool in memory: its temporary file is made when the records pass memory_bound. */
TjRowSpool *
tj_row_spool_new (guint n_columns)
{
  TjRowSpool *self = g_new0 (TjRowSpool, 1);

  self->memory = g_byte_array_sized_new (64 * 1024);
  self->n_columns = n_columns;
  self->record = g_byte_array_sized_new (1024);
  return self;
}

void
tj_row_spool_free (TjRowSpool *self)
{
  if (self == NULL)
    return;
  if (self->memory != NULL)
    g_byte_array_unref (self->memory);
  if (self->file != NULL)
    fclose (self->file);
  g_free (self->buffer);
  g_byte_array_unref (self->record);
  g_free (self);
}

/* The records in memory moved to a new temporary file, in g_get_tmp_dir () (TMPDIR), removed
 * from its folder as soon as it is open: FALSE when it cannot be made or written. */
static gboolean
spill (TjRowSpool *self)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("tuijin-rows-XXXXXX", &path, NULL);

  if (fd < 0)
    return FALSE;
  g_unlink (path);
  if ((self->file = fdopen (fd, "w+b")) == NULL)
    {
      close (fd);
      return FALSE;
    }
  /* fewer, larger writes and reads: the file is tens of megabytes for a long list */
  self->buffer = g_malloc (SPOOL_BUFFER);
  setvbuf (self->file, self->buffer, _IOFBF, SPOOL_BUFFER);
  if (fwrite (self->memory->data, 1, self->memory->len, self->file) != self->memory->len)
    return FALSE;
  g_clear_pointer (&self->memory, g_byte_array_unref);
  return TRUE;
}

/* The row iter is on, encoded into self->record. */
static void
row_encode (TjRowSpool   *self,
            TjReportIter *iter)
{
  guint8 kind = tj_report_iter_get_kind (iter);

  g_byte_array_set_size (self->record, 0);
  g_byte_array_append (self->record, &kind, 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);
      guint8 type = cell->type;

      g_byte_array_append (self->record, &type, 1);
      if (has_text (cell))
        g_byte_array_append (self->record, (const guint8 *) cell->value.text,
                             strlen (cell->value.text) + 1);
      else if (cell->type == TJ_REPORT_LIGHT)
        {
          guint8 light = cell->value.light;

          g_byte_array_append (self->record, &light, 1);
        }
      else if (cell->type != TJ_REPORT_EMPTY)
        g_byte_array_append (self->record, (const guint8 *) &cell->value.number,
                             sizeof cell->value.number);
    }
}

/* Adds the row iter is on: FALSE when it cannot (past the budget, or not written), the spool
 * then of no use. */
gboolean
tj_row_spool_add (TjRowSpool   *self,
                  TjReportIter *iter)
{
  gsize size;

  g_return_val_if_fail (!self->whole, FALSE);
  row_encode (self, iter);
  size = self->record->len;
  if (self->size + sizeof size + size > SPOOL_BUDGET)
    return FALSE;
  if (self->memory != NULL && self->size + sizeof size + size > memory_bound && !spill (self))
    return FALSE;
  if (self->memory != NULL)
    {
      g_byte_array_append (self->memory, (const guint8 *) &size, sizeof size);
      g_byte_array_append (self->memory, self->record->data, size);
    }
  else if (fwrite (&size, sizeof size, 1, self->file) != 1 ||
           fwrite (self->record->data, size, 1, self->file) != 1)
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
  self->whole = self->memory != NULL || fflush (self->file) == 0;
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
  self->read_at = 0;
  return self->memory != NULL || fseek (self->file, 0, SEEK_SET) == 0;
}

/* The row of record (size bytes, as row_encode wrote it) decoded into a new block; NULL when
 * the bytes are not a row of this spool's. */
static TjSpooledRow *
row_decode (TjRowSpool   *self,
            const guint8 *record,
            gsize         size)
{
  const guint8 *p = record, *end = record + size;
  g_autofree TjSpooledRow *row = NULL;
  char *text;

  if (size < 1 + self->n_columns)
    return NULL;
  /* the texts take at most the record's bytes */
  row = g_malloc (sizeof (TjSpooledRow) + self->n_columns * sizeof (TjReportCell) + size);
  text = (char *) &row->cells[self->n_columns];
  row->kind = *p++;
  for (guint c = 0; c < self->n_columns; c++)
    {
      TjReportCell *cell = &row->cells[c];

      if (p >= end)
        return NULL;
      memset (cell, 0, sizeof *cell);
      cell->type = *p++;
      if (has_text (cell))
        {
          const guint8 *nul = memchr (p, '\0', end - p);
          gsize length;

          if (nul == NULL)
            return NULL;
          length = nul - p + 1;
          memcpy (text, p, length);
          cell->value.text = text;
          text += length;
          p += length;
        }
      else if (cell->type == TJ_REPORT_LIGHT)
        {
          if (p >= end)
            return NULL;
          cell->value.light = *p++;
        }
      else if (cell->type != TJ_REPORT_EMPTY)
        {
          if ((gsize) (end - p) < sizeof cell->value.number)
            return NULL;
          memcpy (&cell->value.number, p, sizeof cell->value.number);
          p += sizeof cell->value.number;
        }
    }
  return p == end ? g_steal_pointer (&row) : NULL;
}

/* The next row (g_free), or NULL after the last or when it cannot be read back. */
TjSpooledRow *
tj_row_spool_read (TjRowSpool *self)
{
  TjSpooledRow *row;
  gsize size;

  g_return_val_if_fail (self->whole, NULL);
  if (self->n_read == self->n_rows)
    return NULL;
  if (self->memory != NULL)
    {
      const guint8 *record = self->memory->data + self->read_at;

      if (self->memory->len - self->read_at < sizeof size)
        return NULL;
      memcpy (&size, record, sizeof size);
      if (self->memory->len - self->read_at - sizeof size < size ||
          (row = row_decode (self, record + sizeof size, size)) == NULL)
        return NULL;
      self->read_at += sizeof size + size;
      self->n_read++;
      return row;
    }
  if (fread (&size, sizeof size, 1, self->file) != 1 || size > self->size)
    return NULL;
  g_byte_array_set_size (self->record, size);
  if (fread (self->record->data, size, 1, self->file) != 1 ||
      (row = row_decode (self, self->record->data, size)) == NULL)
    return NULL;
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
