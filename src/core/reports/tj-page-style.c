/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include "tj-page-layout-private.h"
#include "tj-page-style.h"

#define LANGUAGE "zh-cn"

const char *
tj_page_heading_face (void)
{
  return HEADING_FACE;
}

const char *
tj_page_body_face (void)
{
  return BODY_FACE;
}

double
tj_page_folio_size (void)
{
  return FOLIO_SIZE;
}

double
tj_page_points_per_mm (void)
{
  return POINTS_PER_MM;
}

PangoContext *
tj_page_context_new (PangoContext *context,
                     double       *scale)
{
  PangoContext *result;
  cairo_font_options_t *options;
  double resolution;

  if (context != NULL)
    result = g_object_ref (context);
  else
    {
      result = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (result, 72);
    }
  pango_context_set_language (result, pango_language_from_string (LANGUAGE));
  options = pango_cairo_context_get_font_options (result) != NULL
              ? cairo_font_options_copy (pango_cairo_context_get_font_options (result))
              : cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (result, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (result, FALSE);

  resolution = pango_cairo_context_get_resolution (result);
  if (resolution <= 0)
    resolution = pango_cairo_font_map_get_resolution (
      PANGO_CAIRO_FONT_MAP (pango_context_get_font_map (result)));
  if (scale != NULL)
    *scale = resolution / 72.0;
  return result;
}
