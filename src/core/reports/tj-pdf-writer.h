/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tj-report.h"

G_BEGIN_DECLS

/* Writes @book as an A4 landscape PDF at @path: written to a temporary file in the same folder,
 * then renamed over @path, so that a failed write leaves no file. */
gboolean tj_pdf_write (TjReportBook *book,
                       const char   *path,
                       GError      **error);

G_END_DECLS
