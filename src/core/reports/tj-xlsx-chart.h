/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "tj-report.h"

G_BEGIN_DECLS

/* A report's chart in its workbook (tj_report_set_chart): a native bar chart whose categories and
 * values refer to the sheet's body cells, anchored below the table. */

/* tj-xlsx-writer.c: how a figure of this type shows in a cell; NULL for text. */
const char *tj_xlsx_number_format (TjReportType type);

/* A bar: its body row on the sheet, its label and its value, kept as the rows are written for the
 * chart's cached values (libxlsxwriter reads no cell back in constant_memory). */
typedef struct
{
  lxw_row_t row;
  char *label;
  double value;
} TjXlsxChartBar;

/* NULL when the report has no chart. */
GArray *tj_xlsx_chart_bars_new (TjReport *report);
/* Takes the bar of the row `iter` is on, written at `row`, when it is a body row. */
void tj_xlsx_chart_add_bar (GArray       *bars,
                            TjReport     *report,
                            TjReportIter *iter,
                            lxw_row_t     row);

/* The rows of default height the chart of `n_bars` bars takes on the sheet. */
guint tj_xlsx_chart_rows (guint n_bars);

/* Inserts the chart of `report` at `at` (column A), as wide as the table (its columns' `widths` in
 * Excel's units), its bars in table order. */
lxw_error tj_xlsx_chart_insert (lxw_workbook  *workbook,
                                lxw_worksheet *sheet,
                                const char    *sheet_name,
                                TjReport      *report,
                                GArray        *bars,
                                lxw_row_t      at,
                                const double  *widths,
                                guint          n_columns,
                                const char    *title_font,
                                const char    *body_font);

G_END_DECLS
