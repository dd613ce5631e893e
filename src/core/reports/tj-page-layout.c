/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>

#include "tj-page-layout-private.h"

/* The printed pages of a report book: the public API, and the text blocks (titles, paragraphs,
 * notes) every part sets. */

#define LANGUAGE "zh-cn"
#define TEXT_LINE_SPACING 1.2 /* of a paragraph or a note: a pitch of about 1.75 em */

/* Margins in millimetres: the type area of a landscape table page; the page number sits in the
 * bottom margin. */
#define MARGIN_TOP_MM 20.0
#define MARGIN_BOTTOM_MM 22.0
#define MARGIN_SIDE_MM 20.0

#define HEIGHT_STEPS_PER_POINT 8.0

static void
layout_clear (TjPageLayout *self)
{
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->folio);
  g_clear_object (&self->folio_dash);
  tj_page_advances_clear (&self->advances[0]);
  tj_page_advances_clear (&self->advances[1]);
  g_clear_object (&self->context);
}

static PangoFontDescription *
font_new (const char *family,
          gboolean    bold,
          double      size)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, family);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  return font;
}

PangoLayout *
tj_page_text_layout_new (TjPageLayout *self,
                         const char   *family,
                         gboolean      bold,
                         double        size)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = font_new (family, bold, size);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

double
tj_page_text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
tj_page_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A height as pages count it: rounded up to an eighth of a point, so that the metrics of a font
 * at another resolution, a hair apart, break the pages at the same rows. */
double
tj_page_counted_height (TjPageLayout *self,
                        double        height)
{
  return ceil (height / self->scale * HEIGHT_STEPS_PER_POINT - 1e-3) / HEIGHT_STEPS_PER_POINT *
         self->scale;
}

/* A block of running text as wide as the type area, or as the table. */
PangoLayout *
tj_page_block_new (TjPageLayout  *self,
                   const char    *text,
                   const char    *family,
                   gboolean       bold,
                   double         size,
                   double         width,
                   PangoAlignment alignment,
                   gboolean       indent)
{
  PangoLayout *layout = tj_page_text_layout_new (self, family, bold, size);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  if (indent)
    {
      /* Chinese paragraphs start two characters in. */
      pango_layout_set_indent (layout, (int) (2 * size * self->scale * PANGO_SCALE));
      pango_layout_set_line_spacing (layout, TEXT_LINE_SPACING);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

TjPageLayout *
tj_page_layout_new (TjReportBook *book)
{
  TjPageLayout *self;

  g_return_val_if_fail (book != NULL, NULL);

  self = g_new0 (TjPageLayout, 1);
  self->book = book;
  return self;
}

void
tj_page_layout_free (TjPageLayout *self)
{
  if (self == NULL)
    return;
  layout_clear (self);
  g_free (self);
}

/* Lays the book out on pages of this size, each sheet from a new page, and returns the number of
 * pages. `context`: the print context's, or NULL for a PDF (a context of 72 units per inch). */
guint
tj_page_layout_paginate (TjPageLayout *self,
                         PangoContext *context,
                         double        page_width,
                         double        page_height)
{
  cairo_font_options_t *options;
  double resolution, mm;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  layout_clear (self);
  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72);
    }
  pango_context_set_language (self->context, pango_language_from_string (LANGUAGE));
  /* Unhinted metrics and unrounded glyph positions: text as wide on paper at any resolution,
   * so that a printer's pages are the PDF's. */
  options = pango_cairo_context_get_font_options (self->context) != NULL
              ? cairo_font_options_copy (pango_cairo_context_get_font_options (self->context))
              : cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  resolution = pango_cairo_context_get_resolution (self->context);
  if (resolution <= 0)
    resolution = pango_cairo_font_map_get_resolution (
      PANGO_CAIRO_FONT_MAP (pango_context_get_font_map (self->context)));
  self->scale = resolution / 72.0;
  mm = POINTS_PER_MM * self->scale;
  self->width = page_width;
  self->height = page_height;
  self->left = MARGIN_SIDE_MM * mm;
  self->right = page_width - MARGIN_SIDE_MM * mm;
  self->top = MARGIN_TOP_MM * mm;
  self->bottom = page_height - MARGIN_BOTTOM_MM * mm;

  tj_page_advances_init (self, &self->advances[0], FALSE);
  tj_page_advances_init (self, &self->advances[1], TRUE);
  self->folio = tj_page_text_layout_new (self, BODY_FACE, FALSE, FOLIO_SIZE);
  self->sheets = g_ptr_array_new_with_free_func (tj_page_sheet_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  for (guint i = 0; i < self->book->reports->len; i++)
    {
      Sheet *sheet = tj_page_sheet_new (self, g_ptr_array_index (self->book->reports, i));

      g_ptr_array_add (self->sheets, sheet);
      tj_page_paginate_sheet (self, sheet, i);
    }
  return self->pages->len;
}

guint
tj_page_layout_get_n_pages (TjPageLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages != NULL ? self->pages->len : 0;
}

/* FALSE with the reason when the rows of a streamed report could not be read while the pages
 * were laid out or drawn: the pages are then incomplete. */
gboolean
tj_page_layout_check (TjPageLayout *self,
                      GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; self->sheets != NULL && i < self->sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (self->sheets, i);

      if (sheet->error != NULL)
        {
          g_propagate_error (error, g_error_copy (sheet->error));
          return FALSE;
        }
    }
  return TRUE;
}
