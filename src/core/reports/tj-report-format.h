/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The files a report book is written as, told apart by the extension of the path (in any case):
 * the one table of formats every export, command and file chooser uses. */
typedef enum
{
  TJ_REPORT_FORMAT_XLSX, /* a workbook, one sheet per report */
  TJ_REPORT_FORMAT_PDF,  /* printed pages, each report from a new page */
  TJ_REPORT_FORMAT_CSV,  /* one table: the book's CSV report */
} TjReportFormat;

#define TJ_REPORT_N_FORMATS (TJ_REPORT_FORMAT_CSV + 1)

const char *tj_report_format_get_extension (TjReportFormat format);
const char *tj_report_format_get_label (TjReportFormat format);
gboolean tj_report_format_from_path (const char     *path,
                                     TjReportFormat *format,
                                     GError        **error);
char *tj_report_format_complete_path (const char     *path,
                                      TjReportFormat  format);

/* An exact count of hundredths as text with 2 decimals: 8735 is "87.35", -5 is "-0.05". */
char *tj_report_format_hundredths (gint64 hundredths);

G_END_DECLS
