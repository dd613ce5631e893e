/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "tj-report.h"

G_BEGIN_DECLS

/* The printed pages of a report book, the one layout behind the PDF writer and printing. Sizes are
 * in the units of the cairo context the pages are drawn on (points for a PDF surface, and for a
 * GtkPrintContext set to GTK_UNIT_POINTS); fonts in points at the PangoContext's resolution. */
typedef struct _TjPageLayout TjPageLayout;

/* The book must outlive the layout. A streamed report (tj_report_set_source) is read twice to
 * lay it out (its columns, then its rows' heights) and once more as its pages are drawn, only the
 * rows of the page being drawn held; tj_page_layout_check says whether they could be read. */
TjPageLayout *tj_page_layout_new (TjReportBook *book);
void tj_page_layout_free (TjPageLayout *self);

guint tj_page_layout_paginate (TjPageLayout *self,
                               PangoContext *context,
                               double        page_width,
                               double        page_height);
guint tj_page_layout_get_n_pages (TjPageLayout *self);
void tj_page_layout_draw_page (TjPageLayout *self,
                               cairo_t      *cr,
                               guint         page);
gboolean tj_page_layout_check (TjPageLayout *self,
                               GError      **error);

/* A report's chart (tj_report_set_chart) drawn as the pages draw it, for a screen: all its bars
 * `width` wide from (x, y) in the units of `context` (a widget's), its fonts at the context's
 * resolution. Returns the height it takes, 0 when the report has no chart or its rows are
 * streamed; `cr` NULL: only measures. */
double tj_page_layout_draw_chart (TjReport     *report,
                                  PangoContext *context,
                                  cairo_t      *cr,
                                  double        x,
                                  double        y,
                                  double        width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjPageLayout, tj_page_layout_free)

G_END_DECLS
