/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A report is one table (one sheet of a workbook, one section of a printed document), built once
 * with every figure already computed. Writers (xlsx, PDF, print, CSV) only lay it out. */

typedef enum
{
  TJ_REPORT_EMPTY,   /* a blank cell */
  TJ_REPORT_TEXT,
  TJ_REPORT_DATE,    /* an ISO date or month, kept as text: 2026-03-15, 2026-03 */
  TJ_REPORT_INTEGER, /* a count */
  TJ_REPORT_WAN,     /* money in yuan, shown in 万元 with 2 decimals */
  TJ_REPORT_YI,      /* money in yuan, shown in 亿元 with 2 decimals */
  TJ_REPORT_PERCENT, /* a fraction, shown with 1 decimal: 0.862 is 86.2% */
  TJ_REPORT_LIGHT,   /* a TjLight: a coloured cell with the word 红/黄/绿 */
  TJ_REPORT_POINTS,  /* percentage points, signed, shown with 1 decimal: 2.94 is +2.9 */
  TJ_REPORT_DECIMAL, /* a plain number shown with 1 decimal: 12.25 is 12.3 (an average of days) */
  TJ_REPORT_HUNDREDTHS, /* an exact count of hundredths in value.number, shown with 2 decimals:
                         * 8735 is 87.35 (a score) */
} TjReportType;

/* The lights of the lagging-project list; the word goes with the colour so that a grey print
 * still reads. */
typedef enum
{
  TJ_LIGHT_NONE,
  TJ_LIGHT_GREEN,
  TJ_LIGHT_YELLOW,
  TJ_LIGHT_RED,
} TjLight;

typedef enum
{
  TJ_REPORT_ROW_BODY,
  TJ_REPORT_ROW_TOTAL, /* 合计, 小计: set in bold */
  TJ_REPORT_ROW_SECTION, /* a heading inside the table (按项目级别): the text of its first cell
                          * spans the whole row */
} TjReportRowKind;

typedef struct
{
  char *header;
  TjReportType type;
  guint max_width; /* the widest the column grows, in character cells (a CJK character counts
                    * 2); longer text wraps. 0: the writer's default. */
} TjReportColumn;

typedef struct
{
  TjReportType type;
  union
  {
    const char *text; /* TEXT, DATE: owned by the report */
    gint64 yuan;      /* WAN, YI */
    gint64 number;    /* INTEGER; HUNDREDTHS: the hundredths */
    double fraction;  /* PERCENT; POINTS: the points; DECIMAL: the number */
    TjLight light;    /* LIGHT */
  } value;
} TjReportCell;

typedef struct _TjReport TjReport;

/* One row of a report whose rows stream from a source (tj_report_set_source): the source fills
 * it, a writer reads it, and it is cleared for the next. Its cells are TJ_REPORT_EMPTY and its
 * kind TJ_REPORT_ROW_BODY until set. */
typedef struct _TjReportRow TjReportRow;

/* Fills `row` with the next row: TRUE when it did; FALSE after the last row (`error` unset) or
 * when the rows cannot be read (`error` set). */
typedef gboolean (*TjReportNextRow) (gpointer     data,
                                     TjReportRow *row,
                                     GError     **error);
/* Starts again from the first row: a writer may read the rows twice (the workbook measures the
 * columns first). `in_order` FALSE: the reader only measures the rows, which may then come in
 * any order (a source that sorts may skip the sort). */
typedef void (*TjReportRewind) (gpointer data,
                                gboolean in_order);
/* Called once, when a read of a streamed report's rows has reached the end (the source gave its
 * last row without an error): a report whose paragraphs or notes sum up its rows adds them here,
 * from what its source gathered as the rows went by, so that they need no read of their own
 * (after a read in any order, tj_report_iter_init_any_order, for a source whose rewind allows
 * it: what depends on the order needs a source that keeps it). FALSE with `error` set: the read
 * fails. */
typedef gboolean (*TjReportRowsEnd) (gpointer   data,
                                     TjReport  *report,
                                     GError   **error);

struct _TjReport
{
  char *sheet_name;
  char *title;      /* 登封市2026年重点项目名单 */
  char *subtitle;   /* （2026年1—10月）, or NULL */
  char *unit_line;  /* 单位：万元, or NULL; at the top right above the table */
  GPtrArray *paragraphs; /* of char *: text before the table */
  GPtrArray *notes;      /* of char *: text after the table */
  GArray *columns;       /* of TjReportColumn */
  guint frozen_columns;  /* columns kept in view when scrolling sideways */

  /*< private >*/
  GArray *row_kinds; /* of guint8 TjReportRowKind */
  GArray *cells;     /* of TjReportCell, row after row */
  GStringChunk *strings;
  TjReportNextRow next_row; /* NULL: the rows are the ones above */
  TjReportRewind rewind;
  gpointer source;
  GDestroyNotify source_free;
  TjReportRow *row; /* the row a source fills */
  TjReportRowsEnd rows_end; /* NULL: the paragraphs and notes do not wait for the rows */
  gboolean rows_ended;      /* rows_end called */
  char *chart_title; /* tj_report_set_chart: NULL, no chart */
  guint chart_category;
  guint chart_value;
};

/* Every writer reads the rows this way, held in memory or pulled from a source as it goes. */
typedef struct
{
  TjReport *report;
  guint index; /* rows read so far */
  /*< private >*/
  TjReportRowKind kind;
  const TjReportCell *cells;
} TjReportIter;

/* The sheets of one workbook (or the sections of one printed document). */
typedef struct
{
  char *organisation; /* 登封市: the document's author */
  GPtrArray *reports; /* of TjReport * */
  TjReport *csv;      /* the one table written as CSV: one of the reports, or the book's own;
                       * NULL: the first report */
} TjReportBook;

TjReport *tj_report_new (const char *sheet_name,
                         const char *title);
void tj_report_free (TjReport *self);

void tj_report_set_subtitle (TjReport   *self,
                             const char *subtitle);
void tj_report_set_unit_line (TjReport   *self,
                              const char *unit_line);
void tj_report_add_paragraph (TjReport   *self,
                              const char *text);
void tj_report_add_note (TjReport   *self,
                         const char *text);
guint tj_report_add_column (TjReport     *self,
                            const char   *header,
                            TjReportType  type,
                            guint         max_width);

guint tj_report_add_row (TjReport        *self,
                         TjReportRowKind  kind);
void tj_report_set_text (TjReport   *self,
                         guint       row,
                         guint       column,
                         const char *text);
void tj_report_set_date (TjReport   *self,
                         guint       row,
                         guint       column,
                         const char *iso_date);
void tj_report_set_integer (TjReport *self,
                            guint     row,
                            guint     column,
                            gint64    number);
void tj_report_set_money (TjReport *self,
                          guint     row,
                          guint     column,
                          gint64    yuan);
char *tj_report_format_percent (double fraction);
void tj_report_set_percent (TjReport *self,
                            guint     row,
                            guint     column,
                            double    fraction);
void tj_report_set_points (TjReport *self,
                           guint     row,
                           guint     column,
                           double    points);
void tj_report_set_decimal (TjReport *self,
                            guint     row,
                            guint     column,
                            double    number);
void tj_report_set_hundredths (TjReport *self,
                               guint     row,
                               guint     column,
                               gint64    hundredths);
void tj_report_set_light (TjReport *self,
                          guint     row,
                          guint     column,
                          TjLight   light);

/* A bar chart of the values of one column of the body rows, labelled by another column's text,
 * in the order of the table; drawn after the table (before the notes). */
void tj_report_set_chart (TjReport   *self,
                          const char *title,
                          guint       category_column,
                          guint       value_column);
gboolean tj_report_get_chart (TjReport    *self,
                              const char **title,
                              guint       *category_column,
                              guint       *value_column);
double tj_report_cell_number (const TjReportCell *cell);

void tj_report_set_source (TjReport        *self,
                           TjReportNextRow  next_row,
                           TjReportRewind   rewind,
                           gpointer         data,
                           GDestroyNotify   data_free);
gboolean tj_report_is_streamed (TjReport *self);
void tj_report_set_rows_end (TjReport        *self,
                             TjReportRowsEnd  rows_end);
gboolean tj_report_complete (TjReport *self,
                             GError  **error);
gboolean tj_report_fill (TjReport *self,
                         GError  **error);

void tj_report_row_set_kind (TjReportRow     *row,
                             TjReportRowKind  kind);
void tj_report_row_set_text (TjReportRow *row,
                             guint        column,
                             const char  *text);
void tj_report_row_set_date (TjReportRow *row,
                             guint        column,
                             const char  *iso_date);
void tj_report_row_set_integer (TjReportRow *row,
                                guint        column,
                                gint64       number);
void tj_report_row_set_money (TjReportRow *row,
                              guint        column,
                              gint64       yuan);
void tj_report_row_set_percent (TjReportRow *row,
                                guint        column,
                                double       fraction);
void tj_report_row_set_points (TjReportRow *row,
                               guint        column,
                               double       points);
void tj_report_row_set_decimal (TjReportRow *row,
                                guint        column,
                                double       number);
void tj_report_row_set_light (TjReportRow *row,
                              guint        column,
                              TjLight      light);

void tj_report_iter_init (TjReportIter *iter,
                          TjReport     *report);
void tj_report_iter_init_any_order (TjReportIter *iter,
                                    TjReport     *report);
gboolean tj_report_iter_next (TjReportIter *iter,
                              GError      **error);
TjReportRowKind tj_report_iter_get_kind (TjReportIter *iter);
/* Moves the iterator on to a row kept elsewhere (a spool's copy of the source's row). */
void tj_report_iter_set_row (TjReportIter       *iter,
                             TjReportRowKind     kind,
                             const TjReportCell *cells);
const TjReportCell *tj_report_iter_get_cell (TjReportIter *iter,
                                             guint         column);

guint tj_report_get_n_columns (TjReport *self);
guint tj_report_get_n_rows (TjReport *self);
const TjReportColumn *tj_report_get_column (TjReport *self,
                                            guint     column);
TjReportRowKind tj_report_get_row_kind (TjReport *self,
                                        guint     row);
const TjReportCell *tj_report_get_cell (TjReport *self,
                                        guint     row,
                                        guint     column);
char *tj_report_cell_text (const TjReportCell *cell);
const char *tj_report_header_break (const char *header);
const char *tj_light_label (TjLight light);

TjReportBook *tj_report_book_new (const char *organisation);
void tj_report_book_free (TjReportBook *self);
void tj_report_book_add (TjReportBook *self,
                         TjReport     *report);
void tj_report_book_set_csv (TjReportBook *self,
                             TjReport     *report);
gboolean tj_report_book_write (TjReportBook *self,
                               const char   *path,
                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjReport, tj_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjReportBook, tj_report_book_free)

G_END_DECLS
