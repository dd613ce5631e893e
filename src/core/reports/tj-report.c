/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-report"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tj-csv-report-writer.h"
#include "tj-money.h"
#include "tj-pdf-writer.h"
#include "tj-report-format.h"
#include "tj-report.h"
#include "tj-xlsx-writer.h"

/* Cells live in one array, row after row, and their text in one string chunk: a register of
 * 100 000 projects is 2 million cells, and a small object per cell would cost the window dear. */

static void
column_clear (gpointer data)
{
  TjReportColumn *column = data;

  g_free (column->header);
}

TjReport *
tj_report_new (const char *sheet_name,
               const char *title)
{
  TjReport *self = g_new0 (TjReport, 1);

  self->sheet_name = g_strdup (sheet_name);
  self->title = g_strdup (title);
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (TjReportColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->row_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->cells = g_array_new (FALSE, TRUE, sizeof (TjReportCell));
  self->strings = g_string_chunk_new (64 * 1024);
  return self;
}

void
tj_report_free (TjReport *self)
{
  if (self == NULL)
    return;
  g_free (self->sheet_name);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->unit_line);
  g_ptr_array_unref (self->paragraphs);
  g_ptr_array_unref (self->notes);
  g_array_unref (self->columns);
  g_array_unref (self->row_kinds);
  g_array_unref (self->cells);
  g_string_chunk_free (self->strings);
  g_free (self);
}

void
tj_report_set_subtitle (TjReport   *self,
                        const char *subtitle)
{
  g_return_if_fail (self != NULL);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

void
tj_report_set_unit_line (TjReport   *self,
                         const char *unit_line)
{
  g_return_if_fail (self != NULL);
  g_free (self->unit_line);
  self->unit_line = g_strdup (unit_line);
}

void
tj_report_add_paragraph (TjReport   *self,
                         const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  g_ptr_array_add (self->paragraphs, g_strdup (text));
}

void
tj_report_add_note (TjReport   *self,
                    const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  g_ptr_array_add (self->notes, g_strdup (text));
}

/* Columns come first: once a row exists the table's shape is fixed. */
guint
tj_report_add_column (TjReport     *self,
                      const char   *header,
                      TjReportType  type,
                      guint         max_width)
{
  TjReportColumn column = { g_strdup (header), type, max_width };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->row_kinds->len == 0, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

guint
tj_report_add_row (TjReport        *self,
                   TjReportRowKind  kind)
{
  guint8 stored = kind;

  g_return_val_if_fail (self != NULL, 0);

  g_array_append_val (self->row_kinds, stored);
  /* The array clears what it grows by: every new cell is TJ_REPORT_EMPTY. */
  g_array_set_size (self->cells, self->cells->len + self->columns->len);
  return self->row_kinds->len - 1;
}

static TjReportCell *
cell_at (TjReport *self,
         guint     row,
         guint     column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->row_kinds->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->cells, TjReportCell, (gsize) row * self->columns->len + column);
}

/* The cell, typed for the value its setter puts in; NULL when there is no such cell. */
static TjReportCell *
typed_cell (TjReport     *self,
            guint         row,
            guint         column,
            TjReportType  type)
{
  TjReportCell *cell = cell_at (self, row, column);

  if (cell != NULL)
    cell->type = type;
  return cell;
}

static void
set_string (TjReport     *self,
            guint         row,
            guint         column,
            TjReportType  type,
            const char   *text)
{
  TjReportCell *cell = cell_at (self, row, column);

  if (cell == NULL)
    return;
  if (text == NULL || *text == '\0')
    {
      cell->type = TJ_REPORT_EMPTY;
      return;
    }
  cell->type = type;
  cell->value.text = g_string_chunk_insert (self->strings, text);
}

void
tj_report_set_text (TjReport   *self,
                    guint       row,
                    guint       column,
                    const char *text)
{
  set_string (self, row, column, TJ_REPORT_TEXT, text);
}

void
tj_report_set_date (TjReport   *self,
                    guint       row,
                    guint       column,
                    const char *iso_date)
{
  set_string (self, row, column, TJ_REPORT_DATE, iso_date);
}

void
tj_report_set_integer (TjReport *self,
                       guint     row,
                       guint     column,
                       gint64    number)
{
  TjReportCell *cell = typed_cell (self, row, column, TJ_REPORT_INTEGER);

  if (cell != NULL)
    cell->value.number = number;
}

/* The unit (万元 or 亿元) is the column's: a money cell cannot disagree with its header. */
void
tj_report_set_money (TjReport *self,
                     guint     row,
                     guint     column,
                     gint64    yuan)
{
  TjReportCell *cell = cell_at (self, row, column);
  TjReportType type;

  if (cell == NULL)
    return;
  type = g_array_index (self->columns, TjReportColumn, column).type;
  g_return_if_fail (type == TJ_REPORT_WAN || type == TJ_REPORT_YI);
  cell->type = type;
  cell->value.yuan = yuan;
}

/* A cell of a number with decimals: a rate, points or a plain decimal, by type. */
static void
set_fraction (TjReport     *self,
              guint         row,
              guint         column,
              TjReportType  type,
              double        value)
{
  TjReportCell *cell = typed_cell (self, row, column, type);

  if (cell != NULL)
    cell->value.fraction = value;
}

/* A fraction as a percentage with one decimal, rounded half away from zero like the money:
 * 0.0625 is "6.3%" (printf's %.1f gives 6.2). Every page, report and command shows a rate
 * through this one function, so the same project reads the same everywhere. */
char *
tj_report_format_percent (double fraction)
{
  gint64 tenths = (gint64) round (fraction * 1000.0);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", tenths < 0 ? "-" : "",
                          ABS (tenths) / 10, ABS (tenths) % 10);
}

void
tj_report_set_percent (TjReport *self,
                       guint     row,
                       guint     column,
                       double    fraction)
{
  set_fraction (self, row, column, TJ_REPORT_PERCENT, fraction);
}

void
tj_report_set_points (TjReport *self,
                      guint     row,
                      guint     column,
                      double    points)
{
  set_fraction (self, row, column, TJ_REPORT_POINTS, points);
}

void
tj_report_set_decimal (TjReport *self,
                       guint     row,
                       guint     column,
                       double    number)
{
  set_fraction (self, row, column, TJ_REPORT_DECIMAL, number);
}

void
tj_report_set_light (TjReport *self,
                     guint     row,
                     guint     column,
                     TjLight   light)
{
  TjReportCell *cell =
    typed_cell (self, row, column, light == TJ_LIGHT_NONE ? TJ_REPORT_EMPTY : TJ_REPORT_LIGHT);

  if (cell != NULL)
    cell->value.light = light;
}

guint
tj_report_get_n_columns (TjReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

guint
tj_report_get_n_rows (TjReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_kinds->len;
}

const TjReportColumn *
tj_report_get_column (TjReport *self,
                      guint     column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, TjReportColumn, column);
}

TjReportRowKind
tj_report_get_row_kind (TjReport *self,
                        guint     row)
{
  g_return_val_if_fail (self != NULL, TJ_REPORT_ROW_BODY);
  g_return_val_if_fail (row < self->row_kinds->len, TJ_REPORT_ROW_BODY);
  return g_array_index (self->row_kinds, guint8, row);
}

const TjReportCell *
tj_report_get_cell (TjReport *self,
                    guint     row,
                    guint     column)
{
  return cell_at (self, row, column);
}

const char *
tj_light_label (TjLight light)
{
  switch (light)
    {
    case TJ_LIGHT_GREEN:
      return C_("traffic light", "Green");
    case TJ_LIGHT_YELLOW:
      return C_("traffic light", "Yellow");
    case TJ_LIGHT_RED:
      return C_("traffic light", "Red");
    case TJ_LIGHT_NONE:
    default:
      return "";
    }
}

/* Where a header breaks when it is wider than its column, in the workbook and on the page:
 * before its unit in brackets, as in 总投资\n（万元）. NULL when it has none. */
const char *
tj_report_header_break (const char *header)
{
  const char *open = strstr (header, "（");

  if (open == NULL && (open = strstr (header, " (")) != NULL)
    open++;
  return open != NULL && open > header ? open : NULL;
}

/* The text a reader sees, for the writers that lay out text (PDF, print, CSV): money rounded
 * half away from zero, as every figure of a bulletin. */
char *
tj_report_cell_text (const TjReportCell *cell)
{
  gint64 tenths;

  g_return_val_if_fail (cell != NULL, NULL);

  switch (cell->type)
    {
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
      return g_strdup (cell->value.text);
    case TJ_REPORT_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value.number);
    case TJ_REPORT_WAN:
      return tj_money_format_wan (cell->value.yuan, 2, TRUE);
    case TJ_REPORT_YI:
      return tj_money_format_yi (cell->value.yuan, 2);
    case TJ_REPORT_PERCENT:
      return tj_report_format_percent (cell->value.fraction);
    case TJ_REPORT_POINTS:
      tenths = (gint64) round (cell->value.fraction * 10.0);
      return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT,
                              tenths < 0 ? "-" : tenths > 0 ? "+" : "", ABS (tenths) / 10,
                              ABS (tenths) % 10);
    case TJ_REPORT_DECIMAL:
      tenths = (gint64) round (cell->value.fraction * 10.0);
      return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths < 0 ? "-" : "",
                              ABS (tenths) / 10, ABS (tenths) % 10);
    case TJ_REPORT_LIGHT:
      return g_strdup (tj_light_label (cell->value.light));
    case TJ_REPORT_EMPTY:
    default:
      return g_strdup ("");
    }
}

TjReportBook *
tj_report_book_new (const char *organisation)
{
  TjReportBook *self = g_new0 (TjReportBook, 1);

  self->organisation = g_strdup (organisation);
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_report_free);
  return self;
}

void
tj_report_book_free (TjReportBook *self)
{
  if (self == NULL)
    return;
  g_free (self->organisation);
  g_ptr_array_unref (self->reports);
  g_clear_pointer (&self->csv, tj_report_free);
  g_free (self);
}

/* Takes the report. */
void
tj_report_book_add (TjReportBook *self,
                    TjReport     *report)
{
  g_return_if_fail (self != NULL && report != NULL);
  g_ptr_array_add (self->reports, report);
}

/* Takes the report: the table a CSV file holds, when it is not the book's first (the bulletin's
 * details, a ledger that imports again). */
void
tj_report_book_set_csv (TjReportBook *self,
                        TjReport     *report)
{
  g_return_if_fail (self != NULL && report != NULL);
  g_clear_pointer (&self->csv, tj_report_free);
  self->csv = report;
}

/* Writes the book as its path's extension says, in any case (tj-report-format): a workbook
 * (.xlsx), printed pages (.pdf) or one table (.csv); an error naming any other extension. */
gboolean
tj_report_book_write (TjReportBook *self,
                      const char   *path,
                      GError      **error)
{
  TjReportFormat format;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_report_format_from_path (path, &format, error))
    return FALSE;
  switch (format)
    {
    case TJ_REPORT_FORMAT_PDF:
      return tj_pdf_write (self, path, error);
    case TJ_REPORT_FORMAT_CSV:
      g_return_val_if_fail (self->csv != NULL || self->reports->len > 0, FALSE);
      return tj_csv_report_write (self->csv != NULL ? self->csv
                                                    : g_ptr_array_index (self->reports, 0),
                                  path, error);
    case TJ_REPORT_FORMAT_XLSX:
    default:
      return tj_xlsx_write (self, path, error);
    }
}
