/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The faces and the page context of the printed reports (tj-page-layout), for the documents
 * drawn outside a report book (an inspection record): one typography for every page. */
const char *tj_page_heading_face (void);
const char *tj_page_body_face (void);
double tj_page_folio_size (void);
double tj_page_points_per_mm (void);

/* A Pango context to lay out the pages with: the print context's (`context`) or, for a PDF
 * (NULL), one of 72 units per inch; Chinese, unhinted metrics, unrounded glyph positions, as
 * the report pages are. Returns a new reference; `scale` receives the context units per point. */
PangoContext *tj_page_context_new (PangoContext *context,
                                   double       *scale);

G_END_DECLS
