/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-pdf-writer"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "tj-error.h"
#include "tj-output-file.h"
#include "tj-page-layout.h"
#include "tj-pdf-writer.h"

/* A4 landscape, in points. */
#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28

#define CREATOR "推进 Tuijin"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  /* a failure is kept by the output file and reported by its commit */
  return tj_output_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

/* Writes the pages into a temporary file beside the target (tj-output-file), then renames it
 * over the target: a failed or cancelled export leaves no file. */
gboolean
tj_pdf_write (TjReportBook *book,
              const char   *path,
              GError      **error)
{
  g_autoptr (TjPageLayout) layout = NULL;
  g_autoptr (TjOutputFile) output = NULL;
  g_autoptr (GError) read_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  TjReport *first;
  guint n_pages;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (book->reports->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = tj_output_file_new (path, error);
  if (output == NULL)
    return FALSE;

  layout = tj_page_layout_new (book);
  /* Pages are laid out from the rows' heights and kinds, then drawn and emitted one at a time
   * with only their own rows read: a streamed report is never held whole. */
  n_pages = tj_page_layout_paginate (layout, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  if (!tj_page_layout_check (layout, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, output, PAGE_WIDTH, PAGE_HEIGHT);
  first = g_ptr_array_index (book->reports, 0);
  if (first->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, first->title);
  if (book->organisation != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, book->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && !tj_output_file_is_cancelled (output); page++)
    {
      tj_page_layout_draw_page (layout, cr, page);
      if (!tj_page_layout_check (layout, &read_error))
        break;
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (read_error != NULL)
    {
      /* the output file is removed with the temporary file, never committed */
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS && !tj_output_file_is_cancelled (output))
    {
      /* a failed write (the disk is full) with its reason, kept by the output file; cairo's
       * reason otherwise */
      if (!tj_output_file_write (output, NULL, 0, error))
        return FALSE;
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* cancelled: the commit says so and removes the temporary file */
  return tj_output_file_commit (output, error);
}
