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

static void row_free (TjReportRow *row);

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
  g_free (self->chart_title);
  g_ptr_array_unref (self->paragraphs);
  g_ptr_array_unref (self->notes);
  g_array_unref (self->columns);
  g_array_unref (self->row_kinds);
  g_array_unref (self->cells);
  g_string_chunk_free (self->strings);
  if (self->source_free != NULL)
    self->source_free (self->source);
  g_clear_pointer (&self->row, row_free);
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
  g_return_val_if_fail (self->next_row == NULL, 0);

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

/* The setters of a report's rows and of a streamed row fill a cell through these, so that a cell
 * reads the same whichever way it came. */
static void
fill_string (TjReportCell *cell,
             GStringChunk *strings,
             TjReportType  type,
             const char   *text)
{
  if (cell == NULL)
    return;
  if (text == NULL || *text == '\0')
    {
      cell->type = TJ_REPORT_EMPTY;
      return;
    }
  cell->type = type;
  cell->value.text = g_string_chunk_insert (strings, text);
}

static void
fill_integer (TjReportCell *cell,
              gint64        number)
{
  if (cell == NULL)
    return;
  cell->type = TJ_REPORT_INTEGER;
  cell->value.number = number;
}

/* The unit (万元 or 亿元) is the column's: a money cell cannot disagree with its header. */
static void
fill_money (TjReportCell *cell,
            TjReport     *report,
            guint         column,
            gint64        yuan)
{
  TjReportType type;

  if (cell == NULL)
    return;
  type = g_array_index (report->columns, TjReportColumn, column).type;
  g_return_if_fail (type == TJ_REPORT_WAN || type == TJ_REPORT_YI);
  cell->type = type;
  cell->value.yuan = yuan;
}

/* A cell of a number with decimals: a rate, points or a plain decimal, by type. */
static void
fill_fraction (TjReportCell *cell,
               TjReportType  type,
               double        value)
{
  if (cell == NULL)
    return;
  cell->type = type;
  cell->value.fraction = value;
}

static void
fill_light (TjReportCell *cell,
            TjLight       light)
{
  if (cell == NULL)
    return;
  cell->type = light == TJ_LIGHT_NONE ? TJ_REPORT_EMPTY : TJ_REPORT_LIGHT;
  cell->value.light = light;
}

void
tj_report_set_text (TjReport   *self,
                    guint       row,
                    guint       column,
                    const char *text)
{
  fill_string (cell_at (self, row, column), self->strings, TJ_REPORT_TEXT, text);
}

void
tj_report_set_date (TjReport   *self,
                    guint       row,
                    guint       column,
                    const char *iso_date)
{
  fill_string (cell_at (self, row, column), self->strings, TJ_REPORT_DATE, iso_date);
}

void
tj_report_set_integer (TjReport *self,
                       guint     row,
                       guint     column,
                       gint64    number)
{
  fill_integer (cell_at (self, row, column), number);
}

void
tj_report_set_money (TjReport *self,
                     guint     row,
                     guint     column,
                     gint64    yuan)
{
  fill_money (cell_at (self, row, column), self, column, yuan);
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
  fill_fraction (cell_at (self, row, column), TJ_REPORT_PERCENT, fraction);
}

void
tj_report_set_points (TjReport *self,
                      guint     row,
                      guint     column,
                      double    points)
{
  fill_fraction (cell_at (self, row, column), TJ_REPORT_POINTS, points);
}

void
tj_report_set_decimal (TjReport *self,
                       guint     row,
                       guint     column,
                       double    number)
{
  fill_fraction (cell_at (self, row, column), TJ_REPORT_DECIMAL, number);
}

/* An exact figure with 2 decimals, kept as an integer count of hundredths (8735 is 87.35). */
void
tj_report_set_hundredths (TjReport *self,
                          guint     row,
                          guint     column,
                          gint64    hundredths)
{
  TjReportCell *cell = cell_at (self, row, column);

  fill_integer (cell, hundredths);
  if (cell != NULL)
    cell->type = TJ_REPORT_HUNDREDTHS;
}

void
tj_report_set_light (TjReport *self,
                     guint     row,
                     guint     column,
                     TjLight   light)
{
  fill_light (cell_at (self, row, column), light);
}

/* Streaming: the rows of a long list (the register, the bulletin's details) go from the database
 * to the file as they are read; the report holds one row at a time. */

struct _TjReportRow
{
  TjReport *report;
  TjReportRowKind kind;
  TjReportCell *cells;
  GStringChunk *strings;
};

static void
row_free (TjReportRow *row)
{
  g_free (row->cells);
  g_string_chunk_free (row->strings);
  g_free (row);
}

static void
row_clear (TjReportRow *row)
{
  row->kind = TJ_REPORT_ROW_BODY;
  memset (row->cells, 0, sizeof (TjReportCell) * row->report->columns->len);
  g_string_chunk_clear (row->strings);
}

/* Takes `data`: the report's rows are the ones `next_row` gives, read again from the first after
 * `rewind`. Set once the columns are added; the report then holds no rows of its own. */
void
tj_report_set_source (TjReport        *self,
                      TjReportNextRow  next_row,
                      TjReportRewind   rewind,
                      gpointer         data,
                      GDestroyNotify   data_free)
{
  g_return_if_fail (self != NULL && next_row != NULL && rewind != NULL);
  g_return_if_fail (self->row_kinds->len == 0 && self->next_row == NULL);

  self->next_row = next_row;
  self->rewind = rewind;
  self->source = data;
  self->source_free = data_free;
  self->row = g_new0 (TjReportRow, 1);
  self->row->report = self;
  self->row->cells = g_new0 (TjReportCell, MAX (self->columns->len, 1));
  self->row->strings = g_string_chunk_new (1024);
}

gboolean
tj_report_is_streamed (TjReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->next_row != NULL;
}

/* The paragraphs and notes of a streamed report that sum up its rows wait for them: `rows_end`
 * adds them once a read of the rows has reached their end (tj_report_iter_next). A writer that
 * reads every row before it lays out the text above the table (the workbook and the pages
 * measure the columns first) needs nothing more; any other calls tj_report_complete first. Set
 * after the source. */
void
tj_report_set_rows_end (TjReport        *self,
                        TjReportRowsEnd  rows_end)
{
  g_return_if_fail (self != NULL && self->next_row != NULL);

  self->rows_end = rows_end;
  self->rows_ended = FALSE;
}

/* Reads the rows once when the report's paragraphs and notes still wait for them
 * (tj_report_set_rows_end), so that every paragraph and note is there; does nothing otherwise. */
gboolean
tj_report_complete (TjReport *self,
                    GError  **error)
{
  GError *local_error = NULL;
  TjReportIter iter;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->rows_end == NULL || self->rows_ended)
    return TRUE;
  tj_report_iter_init (&iter, self);
  while (tj_report_iter_next (&iter, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Reads a streamed report's rows into memory, for the writers that come back to a row (the
 * page layout) and the window; the report no longer streams. Does nothing to one in memory. */
gboolean
tj_report_fill (TjReport *self,
                GError  **error)
{
  TjReportIter iter;
  guint n_columns;
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->next_row == NULL)
    return TRUE;
  n_columns = self->columns->len;
  tj_report_iter_init (&iter, self);
  while (tj_report_iter_next (&iter, &local_error))
    {
      guint8 kind = iter.kind;

      g_array_append_val (self->row_kinds, kind);
      for (guint c = 0; c < n_columns; c++)
        {
          TjReportCell cell = iter.cells[c];

          if (cell.type == TJ_REPORT_TEXT || cell.type == TJ_REPORT_DATE)
            cell.value.text = g_string_chunk_insert (self->strings, cell.value.text);
          g_array_append_val (self->cells, cell);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      g_array_set_size (self->row_kinds, 0);
      g_array_set_size (self->cells, 0);
      return FALSE;
    }
  if (self->source_free != NULL)
    self->source_free (self->source);
  self->next_row = NULL;
  self->rewind = NULL;
  self->source = NULL;
  self->source_free = NULL;
  g_clear_pointer (&self->row, row_free);
  return TRUE;
}

void
tj_report_row_set_kind (TjReportRow     *row,
                        TjReportRowKind  kind)
{
  g_return_if_fail (row != NULL);
  row->kind = kind;
}

static TjReportCell *
row_cell (TjReportRow *row,
          guint        column)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (column < row->report->columns->len, NULL);
  return &row->cells[column];
}

void
tj_report_row_set_text (TjReportRow *row,
                        guint        column,
                        const char  *text)
{
  fill_string (row_cell (row, column), row->strings, TJ_REPORT_TEXT, text);
}

void
tj_report_row_set_date (TjReportRow *row,
                        guint        column,
                        const char  *iso_date)
{
  fill_string (row_cell (row, column), row->strings, TJ_REPORT_DATE, iso_date);
}

void
tj_report_row_set_integer (TjReportRow *row,
                           guint        column,
                           gint64       number)
{
  fill_integer (row_cell (row, column), number);
}

void
tj_report_row_set_money (TjReportRow *row,
                         guint        column,
                         gint64       yuan)
{
  fill_money (row_cell (row, column), row->report, column, yuan);
}

void
tj_report_row_set_percent (TjReportRow *row,
                           guint        column,
                           double       fraction)
{
  fill_fraction (row_cell (row, column), TJ_REPORT_PERCENT, fraction);
}

void
tj_report_row_set_points (TjReportRow *row,
                          guint        column,
                          double       points)
{
  fill_fraction (row_cell (row, column), TJ_REPORT_POINTS, points);
}

void
tj_report_row_set_decimal (TjReportRow *row,
                           guint        column,
                           double       number)
{
  fill_fraction (row_cell (row, column), TJ_REPORT_DECIMAL, number);
}

void
tj_report_row_set_light (TjReportRow *row,
                         guint        column,
                         TjLight      light)
{
  fill_light (row_cell (row, column), light);
}

static void
iter_init (TjReportIter *iter,
           TjReport     *report,
           gboolean      in_order)
{
  g_return_if_fail (iter != NULL && report != NULL);

  iter->report = report;
  iter->index = 0;
  iter->kind = TJ_REPORT_ROW_BODY;
  iter->cells = NULL;
  if (report->next_row != NULL)
    report->rewind (report->source, in_order);
}

/* From the first row: a streamed report's source starts again. */
void
tj_report_iter_init (TjReportIter *iter,
                     TjReport     *report)
{
  iter_init (iter, report, TRUE);
}

/* Every row, in an order a source finds cheapest: for a reader that only measures them. */
void
tj_report_iter_init_any_order (TjReportIter *iter,
                               TjReport     *report)
{
  iter_init (iter, report, FALSE);
}

/* Moves to the next row: FALSE after the last one, or with `error` set when a source cannot
 * read it (never an error read as the end of the list). */
gboolean
tj_report_iter_next (TjReportIter *iter,
                     GError      **error)
{
  TjReport *report = iter->report;
  GError *local_error = NULL;

  if (report->next_row == NULL)
    {
      if (iter->index >= report->row_kinds->len)
        return FALSE;
      iter->kind = g_array_index (report->row_kinds, guint8, iter->index);
      iter->cells = &g_array_index (report->cells, TjReportCell,
                                    (gsize) iter->index * report->columns->len);
      iter->index++;
      return TRUE;
    }
  row_clear (report->row);
  if (!report->next_row (report->source, report->row, &local_error))
    {
      /* the end of the rows: what waits for them is added once */
      if (local_error == NULL && report->rows_end != NULL && !report->rows_ended)
        {
          report->rows_ended = TRUE;
          report->rows_end (report->source, report, &local_error);
        }
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }
  iter->kind = report->row->kind;
  iter->cells = report->row->cells;
  iter->index++;
  return TRUE;
}

void
tj_report_iter_set_row (TjReportIter       *iter,
                        TjReportRowKind     kind,
                        const TjReportCell *cells)
{
  g_return_if_fail (iter != NULL);

  iter->kind = kind;
  iter->cells = cells;
  iter->index++;
}

TjReportRowKind
tj_report_iter_get_kind (TjReportIter *iter)
{
  return iter->kind;
}

const TjReportCell *
tj_report_iter_get_cell (TjReportIter *iter,
                         guint         column)
{
  g_return_val_if_fail (iter->cells != NULL, NULL);
  g_return_val_if_fail (column < iter->report->columns->len, NULL);
  return &iter->cells[column];
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
  g_return_val_if_fail (self->next_row == NULL, 0);
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
    case TJ_REPORT_HUNDREDTHS:
      return tj_report_format_hundredths (cell->value.number);
    case TJ_REPORT_LIGHT:
      return g_strdup (tj_light_label (cell->value.light));
    case TJ_REPORT_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* A chart of one column's values: the xlsx writer refers to the sheet's cells, the page layout
 * draws it from the rows it reads. */
void
tj_report_set_chart (TjReport   *self,
                     const char *title,
                     guint       category_column,
                     guint       value_column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (category_column < self->columns->len);
  g_return_if_fail (value_column < self->columns->len);

  g_free (self->chart_title);
  self->chart_title = g_strdup (title);
  self->chart_category = category_column;
  self->chart_value = value_column;
}

/* Whether the report has a chart, and which. */
gboolean
tj_report_get_chart (TjReport    *self,
                     const char **title,
                     guint       *category_column,
                     guint       *value_column)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->chart_title == NULL)
    return FALSE;
  if (title != NULL)
    *title = self->chart_title;
  if (category_column != NULL)
    *category_column = self->chart_category;
  if (value_column != NULL)
    *value_column = self->chart_value;
  return TRUE;
}

/* A figure as its cell shows it (money in 万元 or 亿元, a rate as a fraction), for a chart's bar;
 * 0 for a cell without a figure. */
double
tj_report_cell_number (const TjReportCell *cell)
{
  g_return_val_if_fail (cell != NULL, 0);

  switch (cell->type)
    {
    case TJ_REPORT_INTEGER:
      return (double) cell->value.number;
    case TJ_REPORT_WAN:
      return tj_money_to_wan (cell->value.yuan);
    case TJ_REPORT_YI:
      return (double) cell->value.yuan / TJ_YUAN_PER_YI;
    case TJ_REPORT_PERCENT:
    case TJ_REPORT_POINTS:
    case TJ_REPORT_DECIMAL:
      return cell->value.fraction;
    case TJ_REPORT_HUNDREDTHS:
      return (double) cell->value.number / 100;
    case TJ_REPORT_EMPTY:
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
    case TJ_REPORT_LIGHT:
    default:
      return 0;
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

/* The CSV report is the book's own unless it is one of its sheets. */
static void
csv_clear (TjReportBook *self)
{
  if (self->csv != NULL && !g_ptr_array_find (self->reports, self->csv, NULL))
    tj_report_free (self->csv);
  self->csv = NULL;
}

void
tj_report_book_free (TjReportBook *self)
{
  if (self == NULL)
    return;
  g_free (self->organisation);
  csv_clear (self);
  g_ptr_array_unref (self->reports);
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

/* The table a CSV file holds, when it is not the book's first: one of the book's sheets (the
 * bulletin's details, not built a second time), or a report of its own, which the book takes (a
 * ledger that imports again). */
void
tj_report_book_set_csv (TjReportBook *self,
                        TjReport     *report)
{
  g_return_if_fail (self != NULL && report != NULL);
  if (report == self->csv)
    return;
  csv_clear (self);
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
