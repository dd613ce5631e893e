/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-pdf-writer"
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "tj-error.h"
#include "tj-page-layout.h"
#include "tj-pdf-writer.h"

/* A4 landscape, in points. */
#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28

#define CREATOR "推进 Tuijin"

typedef struct
{
  FILE *file;
  int error; /* the first errno of the write */
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  if (output->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, output->file) != length)
    {
      output->error = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_io_error (GError    **error,
              const char *path,
              const char *reason)
{
  g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path, reason);
  return FALSE;
}

/* Writes the pages into a temporary file beside the target, then renames it over the target:
 * a failed export leaves no half file. */
gboolean
tj_pdf_write (TjReportBook *book,
              const char   *path,
              GError      **error)
{
  g_autoptr (TjPageLayout) layout = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Output output = { 0 };
  TjReport *first;
  guint n_pages;
  int fd;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (book->reports->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* "<path>.part", as the workbook writer and the backup do, renamed over the target when done */
  tmp = g_strdup_printf ("%s.part", path);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0)
    return set_io_error (error, path, g_strerror (errno));
  output.file = fdopen (fd, "wb");
  if (output.file == NULL)
    {
      int saved = errno;

      g_close (fd, NULL);
      g_unlink (tmp);
      return set_io_error (error, path, g_strerror (saved));
    }

  layout = tj_page_layout_new (book);
  n_pages = tj_page_layout_paginate (layout, NULL, PAGE_WIDTH, PAGE_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &output, PAGE_WIDTH, PAGE_HEIGHT);
  first = g_ptr_array_index (book->reports, 0);
  if (first->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, first->title);
  if (book->organisation != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, book->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      tj_page_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (fclose (output.file) != 0 && output.error == 0)
    output.error = errno;
  if (status != CAIRO_STATUS_SUCCESS || output.error != 0)
    {
      g_unlink (tmp);
      return set_io_error (error, path,
                           output.error != 0 ? g_strerror (output.error)
                                             : cairo_status_to_string (status));
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return set_io_error (error, path, g_strerror (saved));
    }
  return TRUE;
}
