/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a file holds, told by its first bytes, not by its name. */
typedef enum
{
  TJ_WORKBOOK_NONE, /* not a workbook: text (CSV) */
  TJ_WORKBOOK_XLSX, /* a zip container ("PK\3\4") */
  TJ_WORKBOOK_XLS,  /* an OLE2 compound file */
} TjWorkbookFormat;

/* Called once per row that has a cell with a value, in order. row is the row as Excel shows it
 * (1 for the first); cells[i] is column i's value as text ("" for an empty cell; a cell's number
 * as the shortest text that reads back the same, a date as 2026-03-15), valid until the function
 * returns. uncomputed lists the columns whose formula has no cached value (their cells are "").
 * FALSE with error set stops the reading, which then fails with that error. */
typedef gboolean (*TjWorkbookRowFunc) (guint         row,
                                       char        **cells,
                                       guint         n_cells,
                                       const guint  *uncomputed,
                                       guint         n_uncomputed,
                                       gpointer      user_data,
                                       GError      **error);

gboolean tj_workbook_sniff (const char       *path,
                            TjWorkbookFormat *format,
                            GError          **error);
gboolean tj_workbook_read (const char         *path,
                           TjWorkbookFormat    format,
                           const char         *sheet,
                           char              **sheet_read,
                           TjWorkbookRowFunc   func,
                           gpointer            user_data,
                           GError            **error);
char *tj_workbook_column_letters (guint column);
char *tj_workbook_format_number (double value);
char *tj_workbook_serial_date (double   serial,
                               gboolean date1904);
gboolean tj_workbook_format_is_date (guint       id,
                                     const char *code);

G_END_DECLS
