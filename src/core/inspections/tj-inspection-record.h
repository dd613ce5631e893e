/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tj-db.h"

G_BEGIN_DECLS

/* 巡查记录表: one inspection on A4 portrait pages, its photos two to a row after the form, with
 * page numbers. The same pages go to a PDF (tj_inspection_record_write) and to a printer
 * (GtkPrintOperation: paginate in begin-print with the print context's Pango context, draw each
 * page in draw-page). Sizes are in the units of the cairo context, as in tj-page-layout.h. */
typedef struct _TjInspectionRecord TjInspectionRecord;

/* Reads the inspection with its findings, rectifications and photos (their sizes checked by
 * decoding them): NULL with the reason when it cannot. */
TjInspectionRecord *tj_inspection_record_new (TjDb    *db,
                                              gint64   inspection_id,
                                              GError **error);
void tj_inspection_record_free (TjInspectionRecord *self);

guint tj_inspection_record_paginate (TjInspectionRecord *self,
                                     PangoContext       *context, /* NULL: a PDF's */
                                     double              page_width,
                                     double              page_height);
guint tj_inspection_record_get_n_pages (TjInspectionRecord *self);
void tj_inspection_record_draw_page (TjInspectionRecord *self,
                                     cairo_t            *cr,
                                     guint               page);
/* FALSE with the reason when a photo could not be drawn. */
gboolean tj_inspection_record_check (TjInspectionRecord *self,
                                     GError            **error);

/* The record as a PDF at path, through a temporary file renamed over it (tj-output-file). */
gboolean tj_inspection_record_write (TjDb       *db,
                                     gint64      inspection_id,
                                     const char *path,
                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjInspectionRecord, tj_inspection_record_free)

G_END_DECLS
