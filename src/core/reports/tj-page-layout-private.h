/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of the page layout share (tj-page-layout.c: the public API and text blocks;
 * tj-page-measure.c: estimated widths and headers; tj-page-columns.c: the table's size and
 * columns; tj-page-glyphs.c: glyphs drawn without shaping; tj-page-sheet.c: a sheet's cells,
 * rows and items; tj-page-paginate.c: the pages; tj-page-draw.c: the drawing). */

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "tj-page-layout.h"
#include "tj-row-spool.h"

G_BEGIN_DECLS

/* Official documents (GB/T 9704-2012 practice): a bold heading face for titles, a serif face for
 * text; the Noto CJK faces stand in for 小标宋/黑体 and 仿宋. The SC faces are named because under
 * the C locale fontconfig would pick the Japanese glyph variants. */
#define HEADING_FACE "Noto Sans CJK SC"
#define BODY_FACE "Noto Serif CJK SC"

#define FOLIO_SIZE 12.0 /* the page number's, in points */
#define POINTS_PER_MM (72.0 / 25.4)
#define CELL_PAD_X 0.25     /* a cell's padding, in em of the table's text */
#define REFERENCE_SIZE 10.0 /* the size advances are measured at */

typedef enum
{
  ITEM_TITLE,
  ITEM_SUBTITLE,
  ITEM_PARAGRAPH,
  ITEM_UNIT_LINE,
  ITEM_ROW,
  ITEM_NOTE,
  ITEM_CHART, /* a part of the report's chart (tj-page-chart.c; `row`: which), never cut */
} ItemKind;

typedef struct _PageChart PageChart;

/* One thing placed down a sheet's pages: a block of text or a table row. */
typedef struct
{
  guint8 kind;         /* ItemKind */
  guint8 row_kind;     /* ITEM_ROW: its TjReportRowKind, for paginating without the row */
  guint row;           /* ITEM_ROW */
  PangoLayout *layout; /* the text blocks' */
  double space_before; /* dropped at the top of a page */
  double height;
} Item;

/* The advances of one face, in em, to estimate a text's width without laying it out: most
 * cells of a long table are measured this way only. */
typedef struct
{
  double ascii[128];
  GHashTable *others; /* gunichar → thousandths of an em, measured once */
  PangoLayout *probe;
} Advances;

/* A character set without shaping: its glyph and advance. */
typedef struct
{
  gulong glyph;
  double advance;
} Figure;

/* A line of a text set as figures: where it ends in the text (bytes) and how wide it is. */
typedef struct
{
  gsize end;
  double width;
} FigureLine;

/* the most lines of a text tj_page_figure_lines breaks */
#define FIGURE_LINES_MOST 16

/* The glyphs of figures (numbers, dates, rates) in the table's face: set without shaping, as a
 * table of ten thousand rows holds a hundred thousand of them. */
typedef struct
{
  PangoFont *font;
  gulong glyphs[128];
  double advances[128];
  gboolean known[128];
  double baseline; /* from the top of a line */
  /* Other characters set alone as one glyph of `font`, found as they are first met by laying
   * them out in `probe`: a Chinese text on one line is then set as figures are, unshaped. */
  PangoLayout *probe;
  GHashTable *others; /* gunichar → index + 1 in `other`, or OTHER_UNSET */
  GArray *other;      /* of Figure */
} Figures;

/* Glyphs with the text they show, as cairo draws them in one operation: a drawing operation
 * costs the PDF surface more than its glyphs. */
typedef struct
{
  GArray *glyphs;   /* of cairo_glyph_t */
  GString *text;
  GArray *clusters; /* of cairo_text_cluster_t */
} Glyphs;

/* A text that repeats down a column (a level, a unit, a person, a stage of works), laid out once,
 * and its glyphs from the layout's top left corner when they are all in the table's face. */
typedef struct
{
  PangoLayout *layout;
  Glyphs glyphs;
  gboolean drawn_as_glyphs;
} Shown;

/* Where the glyphs of a cell measured with Pango are kept. */
typedef struct
{
  guint glyph, n_glyphs;
  guint cluster, n_clusters;
  gsize text, text_length;
  double height;
} Measured;

/* A row of a streamed report held while it is measured or drawn, with copies of its texts. */
typedef TjSpooledRow HeldRow;

typedef struct
{
  TjReport *report;
  guint n_columns;
  guint n_rows;
  /* A streamed report's rows are read as they are measured or drawn: only the rows
   * [held_first, held_first + held->len) are in memory, and a read error is kept. */
  gboolean streamed;
  gboolean reading;
  TjReportIter iter;
  guint held_first;
  GPtrArray *held; /* of HeldRow * */
  /* The rows of the first whole read, kept as they are read (tj-row-spool.h): a later read
   * replays them instead of asking the source again. `spool_whole` once it holds them all,
   * `from_spool` while replaying. */
  TjRowSpool *spool;
  gboolean spool_whole;
  gboolean from_spool;
  GError *error;
  double em;            /* the table's font size in context units */
  double pad_x, pad_y;
  double pitch;         /* from one line of the table's text to the next */
  double line_height;   /* the pitch as counted in row heights */
  double *x;            /* the column edges: n_columns + 1 */
  PangoAlignment *align; /* of a text cell in each column */
  PangoLayout **headers;
  double header_height;
  PangoLayout *cell[2]; /* body, bold rows: reused for every cell */
  Figures figures[2];
  GHashTable **shown;   /* per column: a body cell's text → its Shown */
  Glyphs row_text;      /* the glyphs of the row being drawn */
  Glyphs header_glyphs; /* the header's, from its top; with its face, when all in one */
  PangoFont *header_font;
  Glyphs measured_glyphs;
  GArray *measured;     /* of Measured */
  GHashTable *measured_cells; /* row × n_columns + column + 1 → index in measured + 1 */
  guint max_lines;      /* the most lines a cell shows: CELL_MAX_PAGES pages of rows */
  GHashTable *cuts;     /* row × n_columns + column + 1 → char *: a text cut to max_lines */
  GArray *items;        /* of Item: the blocks of text; the rows are kept apart, compactly */
  guint rows_at;        /* the place of the first row among the items */
  GArray *row_heights;  /* of double: each row's height, for paginating without the row */
  GByteArray *row_kinds; /* each row's TjReportRowKind */
  double rows_space;    /* the space before the first row */
  PageChart *chart;     /* NULL: the report has none */
} Sheet;

/* The foot of a row of the table on a page; a section's heading spans the columns. */
typedef struct
{
  double y;
  gboolean spans;
} GridLine;

typedef struct
{
  guint sheet;
  guint first, last;    /* the items on the page: [first, last) */
  double first_from;    /* where the first item resumes: a split item goes on */
  double last_to;       /* where the last item stops */
} Page;

struct _TjPageLayout
{
  TjReportBook *book;
  PangoContext *context;
  double scale; /* context units per point */
  double width, height;
  double left, right, top, bottom; /* the type area */
  Advances advances[2];            /* body, bold body */
  GPtrArray *sheets;               /* of Sheet * */
  GArray *pages;                   /* of Page */
  PangoLayout *folio;
  PangoLayout *folio_dash; /* shaped once: a page shapes only its number */
  double folio_dash_width;
};

/* tj-page-rows.c */
gboolean tj_page_hold_rows (Sheet *sheet,
                            guint  first,
                            guint  last);
void tj_page_rows_clear (Sheet *sheet);

/* The rows of a sheet, held in its report or, streamed, by tj_page_hold_rows. */
static inline TjReportRowKind
row_kind (Sheet *sheet,
          guint  row)
{
  if (!sheet->streamed)
    return tj_report_get_row_kind (sheet->report, row);
  g_assert (row >= sheet->held_first && row - sheet->held_first < sheet->held->len);
  return ((HeldRow *) g_ptr_array_index (sheet->held, row - sheet->held_first))->kind;
}

static inline const TjReportCell *
row_cell (Sheet *sheet,
          guint  row,
          guint  column)
{
  if (!sheet->streamed)
    return tj_report_get_cell (sheet->report, row, column);
  g_assert (row >= sheet->held_first && row - sheet->held_first < sheet->held->len);
  return &((HeldRow *) g_ptr_array_index (sheet->held, row - sheet->held_first))->cells[column];
}

/* Totals and the headings of sections are set in bold. */
static inline gboolean
row_is_bold (Sheet *sheet,
             guint  row)
{
  return row_kind (sheet, row) != TJ_REPORT_ROW_BODY;
}

static inline gboolean
column_wraps (const TjReportColumn *column)
{
  return column->type == TJ_REPORT_TEXT;
}

/* tj-page-layout.c */
PangoLayout *tj_page_text_layout_new (TjPageLayout *self,
                                      const char   *family,
                                      gboolean      bold,
                                      double        size);
double tj_page_text_width (PangoLayout *layout);
double tj_page_text_height (PangoLayout *layout);
double tj_page_counted_height (TjPageLayout *self,
                               double        height);
PangoLayout *tj_page_block_new (TjPageLayout  *self,
                                const char    *text,
                                const char    *family,
                                gboolean       bold,
                                double         size,
                                double         width,
                                PangoAlignment alignment,
                                gboolean       indent);

/* tj-page-measure.c */
void tj_page_advances_init (TjPageLayout *self,
                            Advances     *advances,
                            gboolean      bold);
void tj_page_advances_clear (Advances *advances);
double tj_page_estimate_em (TjPageLayout *self,
                            Advances     *advances,
                            const char   *text,
                            gboolean     *lines,
                            double       *word);
const char *tj_page_cell_text (const TjReportCell *cell,
                               char              **owned);
void tj_page_set_header_text (PangoLayout *layout,
                              const char  *header,
                              double       room);
double tj_page_header_min_em (TjPageLayout *self,
                              PangoLayout  *probe,
                              const char   *header);

/* tj-page-columns.c */
void tj_page_fit_columns (TjPageLayout *self,
                          Sheet        *sheet,
                          double       *widths,
                          gboolean     *short_text);

/* tj-page-glyphs.c */
void tj_page_glyphs_init (Glyphs *glyphs);
void tj_page_glyphs_clear (Glyphs *glyphs);
void tj_page_figures_init (Figures     *figures,
                           PangoLayout *layout);
void tj_page_figures_clear (Figures *figures);
double tj_page_figure_width (Figures    *figures,
                             const char *text);
guint tj_page_figure_lines (Figures    *figures,
                            const char *text,
                            double      room,
                            guint       most,
                            FigureLine *lines);
void tj_page_glyphs_add_figure (Glyphs     *glyphs,
                                Figures    *figures,
                                const char *text,
                                gssize      length,
                                double      x,
                                double      baseline);
gboolean tj_page_glyphs_add_layout (Glyphs      *glyphs,
                                    PangoLayout *layout,
                                    PangoFont   *font,
                                    double       x,
                                    double       y);
void tj_page_glyphs_add_glyphs (Glyphs       *glyphs,
                                const Glyphs *from,
                                double        x,
                                double        y);
void tj_page_glyphs_add_measured (Glyphs         *glyphs,
                                  const Glyphs   *kept,
                                  const Measured *measured,
                                  double          x,
                                  double          y);
void tj_page_glyphs_show (Glyphs    *glyphs,
                          cairo_t   *cr,
                          PangoFont *font);

/* tj-page-sheet.c */
void tj_page_sheet_free (gpointer data);
void tj_page_set_cell_text (Sheet       *sheet,
                            PangoLayout *layout,
                            guint        column,
                            const char  *text);
const char *tj_page_shown_text (Sheet      *sheet,
                                guint       row,
                                guint       column,
                                const char *text);
Shown *tj_page_cell_shown (Sheet      *sheet,
                           guint       column,
                           const char *text,
                           gboolean    bold);
PangoLayout *tj_page_section_layout (Sheet      *sheet,
                                     guint       row,
                                     const char *text);
const Measured *tj_page_measured_cell (Sheet *sheet,
                                       guint  row,
                                       guint  column);
Sheet *tj_page_sheet_new (TjPageLayout *self,
                          TjReport     *report);

/* tj-page-chart.c */
PageChart *tj_page_chart_new (TjReport *report);
void tj_page_chart_free (PageChart *chart);
void tj_page_chart_add_row (TjPageLayout *self,
                            PageChart    *chart,
                            Sheet        *sheet,
                            guint         row);
guint tj_page_chart_lay_out (TjPageLayout *self,
                             PageChart    *chart,
                             const char   *title,
                             double        x,
                             double        width,
                             double        room);
double tj_page_chart_part_height (PageChart *chart,
                                  guint      part);
void tj_page_chart_draw (TjPageLayout *self,
                         PageChart    *chart,
                         cairo_t      *cr,
                         double        y,
                         guint         part);

/* tj-page-paginate.c */
void tj_page_paginate_sheet (TjPageLayout *self,
                             Sheet        *sheet,
                             guint         index);

/* The items down a sheet's pages, the blocks and the rows in their order (tj-page-sheet.c): item
 * i is filled into `item` (a row's made from its height and kind), NULL past the last. */
guint tj_page_n_items (Sheet *sheet);
Item *tj_page_item (Sheet *sheet,
                    guint  i,
                    Item  *item);

G_END_DECLS
