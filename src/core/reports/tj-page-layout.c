/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tj-page-layout.h"

/* Official documents (GB/T 9704-2012 practice): a bold heading face for titles, a serif face for
 * text; the Noto CJK faces stand in for 小标宋/黑体 and 仿宋. The SC faces are named because under
 * the C locale fontconfig would pick the Japanese glyph variants. */
#define HEADING_FACE "Noto Sans CJK SC"
#define BODY_FACE "Noto Serif CJK SC"
#define LANGUAGE "zh-cn"

/* Sizes in points. */
#define TITLE_SIZE 18.0
#define SUBTITLE_SIZE 13.0
#define PARAGRAPH_SIZE 12.0
#define UNIT_LINE_SIZE 11.0
#define NOTE_SIZE 10.5
#define FOLIO_SIZE 12.0
#define FOLIO_DASH "—"
#define TEXT_LINE_SPACING 1.2 /* of a paragraph or a note: a pitch of about 1.75 em */

/* The table's text, from 五号 down until the table fits the page's width. */
static const double table_sizes[] = { 10.5, 9.0, 8.0, 7.5, 7.0, 6.5 };

/* Margins in millimetres: the type area of a landscape table page; the page number sits in the
 * bottom margin. */
#define MARGIN_TOP_MM 20.0
#define MARGIN_BOTTOM_MM 22.0
#define MARGIN_SIDE_MM 20.0
#define FOLIO_FROM_BOTTOM_MM 12.0
#define POINTS_PER_MM (72.0 / 25.4)

/* Cell padding and column limits in em of the table's text. */
#define CELL_PAD_X 0.25
#define CELL_PAD_Y 0.3
#define DEFAULT_MAX_EM 12.0  /* a text column's widest when it has no max_width of its own */
#define STRICT_MIN_EM 3.0     /* a text column's narrowest */
#define NO_WRAP_EM 6.0        /* a text column whose cells are all this short never wraps */
#define CELL_LINE_WEIGHT 0.1  /* what a wrapped line of a cell weighs against one of a row */
#define FITTING_SAMPLES 3000  /* rows sampled to weigh the columns' wrapping */
#define FITTING_STEP_EM 0.25
#define FITTING_STEPS 80.0
#define LINES_WORTH_SHRINKING 0.8 /* a smaller size must spare a fifth of the lines */
#define SMALL_SIZE 7.5            /* below it, two fifths */
#define LINES_WORTH_SHRINKING_SMALL 0.6
#define CENTRED_MAX_EM 6.0   /* a short text column that never wraps is centred */
#define WIDTH_SLACK_EM 0.1    /* more than the widest text, for other resolutions' rounding */
#define ESTIMATE_SAFETY 0.95 /* below this share of the room a text is sure to take one line */

#define FIGURE_CHARACTERS "0123456789,.-+%:/ "
#define FIGURE_MAX_LENGTH 40
#define SHOWN_PER_COLUMN 256 /* repeated texts kept laid out, per column */
#define SHOWN_MAX_LENGTH 120 /* in bytes */
/* However long a cell's text (a database changed outside Tuijin may hold megabytes), a cell runs
 * over at most CELL_MAX_PAGES pages: its text is cut with an ellipsis at the end of the last
 * line they hold, and no more than SHAPED_PER_SHOWN times the characters those lines hold at one
 * em each is ever shaped. Widths are estimated from the first ESTIMATED_MAX_BYTES of a text. */
#define CELL_MAX_PAGES 10
#define SHAPED_PER_SHOWN 4
#define ESTIMATED_MAX_BYTES 65536
#define ELLIPSIS "…"
#define MEASURED_BUDGET (48 << 20) /* bytes of glyphs kept from measuring rows */

#define REFERENCE_SIZE 10.0         /* the size advances are measured at */
#define HEIGHT_STEPS_PER_POINT 8.0
#define GRID_WIDTH 0.5
#define FRAME_WIDTH 1.0

#define N_LIGHTS (TJ_LIGHT_RED + 1)

/* The fills of the lights, as in the workbook: light enough that the word reads in grey. */
static const double light_fills[N_LIGHTS][3] = {
  { 1, 1, 1 },
  { 0xA9 / 255.0, 0xD0 / 255.0, 0x8E / 255.0 },
  { 0xFF / 255.0, 0xE6 / 255.0, 0x99 / 255.0 },
  { 0xFF / 255.0, 0x8B / 255.0, 0x8B / 255.0 },
};
#define HEADER_FILL 0.9

typedef enum
{
  ITEM_TITLE,
  ITEM_SUBTITLE,
  ITEM_PARAGRAPH,
  ITEM_UNIT_LINE,
  ITEM_ROW,
  ITEM_NOTE,
} ItemKind;

/* One thing placed down a sheet's pages: a block of text or a table row. */
typedef struct
{
  ItemKind kind;
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

/* The glyphs of figures (numbers, dates, rates) in the table's face: set without shaping, as a
 * table of ten thousand rows holds a hundred thousand of them. */
typedef struct
{
  PangoFont *font;
  gulong glyphs[128];
  double advances[128];
  gboolean known[128];
  double baseline; /* from the top of a line */
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

typedef struct
{
  TjReport *report;
  guint n_columns;
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
  GArray *items;        /* of Item */
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
};

static void
glyphs_init (Glyphs *glyphs)
{
  glyphs->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  glyphs->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  glyphs->text = g_string_new (NULL);
}

static void
glyphs_clear (Glyphs *glyphs)
{
  g_clear_pointer (&glyphs->glyphs, g_array_unref);
  g_clear_pointer (&glyphs->clusters, g_array_unref);
  if (glyphs->text != NULL)
    g_string_free (g_steal_pointer (&glyphs->text), TRUE);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  for (guint c = 0; c < sheet->n_columns; c++)
    g_clear_object (&sheet->headers[c]);
  g_free (sheet->headers);
  g_free (sheet->x);
  g_free (sheet->align);
  for (guint c = 0; c < sheet->n_columns && sheet->shown != NULL; c++)
    g_clear_pointer (&sheet->shown[c], g_hash_table_unref);
  g_free (sheet->shown);
  for (guint b = 0; b < 2; b++)
    {
      g_clear_object (&sheet->cell[b]);
      g_clear_object (&sheet->figures[b].font);
    }
  glyphs_clear (&sheet->row_text);
  glyphs_clear (&sheet->header_glyphs);
  g_clear_object (&sheet->header_font);
  glyphs_clear (&sheet->measured_glyphs);
  g_clear_pointer (&sheet->measured, g_array_unref);
  g_clear_pointer (&sheet->measured_cells, g_hash_table_unref);
  g_clear_pointer (&sheet->cuts, g_hash_table_unref);
  g_clear_pointer (&sheet->items, g_array_unref);
  g_free (sheet);
}

static void
advances_clear (Advances *advances)
{
  g_clear_pointer (&advances->others, g_hash_table_unref);
  g_clear_object (&advances->probe);
}

static void
layout_clear (TjPageLayout *self)
{
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->folio);
  advances_clear (&self->advances[0]);
  advances_clear (&self->advances[1]);
  g_clear_object (&self->context);
}

static PangoFontDescription *
font_new (const char *family,
          gboolean    bold,
          double      size)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, family);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  return font;
}

static PangoLayout *
layout_new (TjPageLayout *self,
            const char   *family,
            gboolean      bold,
            double        size)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = font_new (family, bold, size);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A height as pages count it: rounded up to an eighth of a point, so that the metrics of a font
 * at another resolution, a hair apart, break the pages at the same rows. */
static double
counted_height (TjPageLayout *self,
                double        height)
{
  return ceil (height / self->scale * HEIGHT_STEPS_PER_POINT - 1e-3) / HEIGHT_STEPS_PER_POINT *
         self->scale;
}

/* A block of running text as wide as the type area, or as the table. */
static PangoLayout *
block_new (TjPageLayout  *self,
           const char    *text,
           const char    *family,
           gboolean       bold,
           double         size,
           double         width,
           PangoAlignment alignment,
           gboolean       indent)
{
  PangoLayout *layout = layout_new (self, family, bold, size);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  if (indent)
    {
      /* Chinese paragraphs start two characters in. */
      pango_layout_set_indent (layout, (int) (2 * size * self->scale * PANGO_SCALE));
      pango_layout_set_line_spacing (layout, TEXT_LINE_SPACING);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* ------------------------------------------------------------------------------------------ */
/* Estimated widths */

static void
advances_init (TjPageLayout *self,
               Advances     *advances,
               gboolean      bold)
{
  char text[2] = { 0 };

  advances->probe = layout_new (self, BODY_FACE, bold, REFERENCE_SIZE);
  advances->others = g_hash_table_new (NULL, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (advances->ascii); c++)
    {
      if (c < 0x20 || c == 0x7f)
        continue;
      text[0] = (char) c;
      pango_layout_set_text (advances->probe, text, 1);
      advances->ascii[c] = layout_width (advances->probe) / (REFERENCE_SIZE * self->scale);
    }
}

/* Ideographs, kana, hangul and full-width forms take one em in the CJK faces. */
static gboolean
is_full_width (gunichar c)
{
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
         (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
         (c >= 0x20000 && c <= 0x3fffd);
}

static double
advance_of (TjPageLayout *self,
            Advances     *advances,
            gunichar      c)
{
  gpointer found;
  char text[8];
  double em;
  int length;

  if (is_full_width (c))
    return 1.0;
  if (g_hash_table_lookup_extended (advances->others, GUINT_TO_POINTER (c), NULL, &found))
    return (double) GPOINTER_TO_UINT (found) / 1000.0;
  length = g_unichar_to_utf8 (c, text);
  pango_layout_set_text (advances->probe, text, length);
  em = layout_width (advances->probe) / (REFERENCE_SIZE * self->scale);
  g_hash_table_insert (advances->others, GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER ((guint) lround (em * 1000.0)));
  return em;
}

/* The width of a text in em, its widest line counting; *lines tells whether it has several,
 * *word how wide its widest run of Latin letters and figures is (a telephone number, a code):
 * what no column should break. */
static double
estimate_em (TjPageLayout *self,
             Advances     *advances,
             const char   *text,
             gboolean     *lines,
             double       *word)
{
  double width = 0, widest = 0, run = 0, widest_run = 0;
  const guchar *p = (const guchar *) text;

  *lines = FALSE;
  while (*p != '\0')
    {
      /* A text this long takes several lines in any column. */
      if ((gsize) (p - (const guchar *) text) >= ESTIMATED_MAX_BYTES)
        {
          *lines = TRUE;
          break;
        }
      if (*p < 0x80)
        {
          if (*p == '\n')
            {
              *lines = TRUE;
              widest = MAX (widest, width);
              width = 0;
            }
          else
            width += advances->ascii[*p];
          if (*p == ' ' || *p == '\n')
            run = 0;
          else
            {
              run += advances->ascii[*p];
              widest_run = MAX (widest_run, run);
            }
          p++;
        }
      else
        {
          width += advance_of (self, advances, g_utf8_get_char ((const char *) p));
          run = 0;
          p = (const guchar *) g_utf8_next_char (p);
        }
    }
  if (word != NULL)
    *word = widest_run;
  return MAX (widest, width);
}

/* The text of a cell as a reader sees it; TEXT and DATE cells without a copy. */
static const char *
cell_text (const TjReportCell *cell,
           char              **owned)
{
  *owned = NULL;
  switch (cell->type)
    {
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
      return cell->value.text;
    case TJ_REPORT_EMPTY:
      return "";
    case TJ_REPORT_INTEGER:
    case TJ_REPORT_WAN:
    case TJ_REPORT_YI:
    case TJ_REPORT_PERCENT:
    case TJ_REPORT_LIGHT:
    default:
      return *owned = tj_report_cell_text (cell);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Columns */

/* Where a header breaks when it is wider than its column: before its unit in brackets, as in
 * 总投资\n（万元）. NULL when it has none. */
static const char *
header_break (const char *header)
{
  const char *open = strstr (header, "（");

  if (open == NULL && (open = strstr (header, " (")) != NULL)
    open++;
  return open != NULL && open > header ? open : NULL;
}

/* Whether a line may end before p: not inside a figure, not before closing punctuation. */
static gboolean
breaks_before (const char *p)
{
  GUnicodeBreakType type;

  if (*p == '\0')
    return TRUE;
  if (g_ascii_isalnum (p[-1]) && g_ascii_isalnum (*p))
    return FALSE;
  type = g_unichar_break_type (g_utf8_get_char (p));
  return type != G_UNICODE_BREAK_CLOSE_PUNCTUATION && type != G_UNICODE_BREAK_CLOSE_PARANTHESIS &&
         type != G_UNICODE_BREAK_EXCLAMATION && type != G_UNICODE_BREAK_INFIX_SEPARATOR;
}

/* A piece of a header, in lines of about equal length when it is wider than its column:
 * 年度计 划投资 rather than 年度计划投 资. Text with spaces is left to break between its words. */
static void
append_balanced (GString     *text,
                 PangoLayout *probe,
                 const char  *piece,
                 double       room)
{
  glong length = g_utf8_strlen (piece, -1);
  const char *start = piece;
  double width;
  glong lines;

  pango_layout_set_text (probe, piece, -1);
  width = layout_width (probe);
  if (width <= room || room <= 0 || length < 2 || strchr (piece, ' ') != NULL)
    {
      g_string_append (text, piece);
      return;
    }
  lines = MIN ((glong) ceil (width / room), length);
  for (glong i = 1; i <= lines && *start != '\0'; i++)
    {
      const char *end = g_utf8_offset_to_pointer (piece, (length * i + lines - 1) / lines);

      while (end <= start || !breaks_before (end))
        end = g_utf8_next_char (end);
      if (start != piece)
        g_string_append_c (text, '\n');
      g_string_append_len (text, start, end - start);
      start = end;
    }
}

/* A header set as wide as its column: broken before its unit when it does not fit whole, and
 * into even lines. */
static void
set_header_text (PangoLayout *layout,
                 const char  *header,
                 double       room)
{
  const char *split = header_break (header);
  g_autoptr (GString) text = g_string_new (NULL);

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, header, -1);
  if (layout_width (layout) <= room)
    g_string_append (text, header);
  else if (split == NULL)
    append_balanced (text, layout, header, room);
  else
    {
      g_autofree char *head = g_strndup (header, split - header);

      append_balanced (text, layout, g_strchomp (head), room);
      g_string_append_c (text, '\n');
      append_balanced (text, layout, split, room);
    }
  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_text (layout, text->str, -1);
}

/* The widest word of a text in em, as a header breaks only between words. */
static double
widest_word_em (TjPageLayout *self,
                PangoLayout  *probe,
                const char   *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      pango_layout_set_text (probe, words[i], -1);
      widest = MAX (widest, layout_width (probe) / (REFERENCE_SIZE * self->scale));
    }
  return widest;
}

/* The narrowest a piece of a header reads well, in em: whole when short, else on two lines,
 * never narrower than a word. */
static double
piece_min_em (TjPageLayout *self,
              PangoLayout  *probe,
              const char   *piece)
{
  double whole;

  pango_layout_set_text (probe, piece, -1);
  whole = layout_width (probe) / (REFERENCE_SIZE * self->scale);
  if (whole <= 4.5)
    return whole;
  return MAX (MAX (ceil (whole / 2), 2.0), widest_word_em (self, probe, piece));
}

/* The narrowest a header reads well, in em: broken before its unit and once more, or on two
 * lines. */
static double
header_min_em (TjPageLayout *self,
               PangoLayout  *probe,
               const char   *header)
{
  const char *split = header_break (header);
  g_autofree char *first = NULL;

  pango_layout_set_width (probe, -1);
  if (split == NULL)
    return piece_min_em (self, probe, header);
  first = g_strndup (header, split - header);
  g_strchomp (first);
  return MAX (piece_min_em (self, probe, first), piece_min_em (self, probe, split));
}

/* Totals and the headings of sections are set in bold. */
static gboolean
row_is_bold (TjReport *report,
             guint     row)
{
  return tj_report_get_row_kind (report, row) != TJ_REPORT_ROW_BODY;
}

static gboolean
column_wraps (const TjReportColumn *column)
{
  return column->type == TJ_REPORT_TEXT;
}

/* What fitting the columns knows of a table, in em of its text, so that it holds at any size:
 * only the room, counted in em, changes with the size. */
typedef struct
{
  guint n_columns;
  guint n_wrapping;
  guint n_samples;
  guint *wrapping;  /* the text columns */
  double *natural;  /* the widest cell or its header's narrowest */
  double *least;    /* a column's narrowest */
  double *most;     /* a column's widest */
  double *cells;    /* n_samples × n_wrapping: the text of sampled rows */
  double *lines;    /* n_samples × n_wrapping: how many lines at the current widths */
  double *top;      /* n_samples: the most lines in a row */
  double *second;   /* n_samples: the most lines in a row but for the top column */
  guint *top_column;
} Fitting;

static void
fitting_clear (Fitting *fitting)
{
  g_free (fitting->wrapping);
  g_free (fitting->natural);
  g_free (fitting->least);
  g_free (fitting->most);
  g_free (fitting->cells);
  g_free (fitting->lines);
  g_free (fitting->top);
  g_free (fitting->second);
  g_free (fitting->top_column);
}

static void
fitting_init (TjPageLayout *self,
              Sheet        *sheet,
              Fitting      *fitting)
{
  guint n = sheet->n_columns;
  guint n_rows = tj_report_get_n_rows (sheet->report);
  guint stride = MAX (1, n_rows / FITTING_SAMPLES);
  g_autoptr (PangoLayout) probe = layout_new (self, HEADING_FACE, TRUE, REFERENCE_SIZE);
  g_autofree double *header = g_new0 (double, n);
  g_autofree double *unbroken = g_new0 (double, n);

  fitting->n_columns = n;
  fitting->wrapping = g_new0 (guint, n);
  fitting->natural = g_new0 (double, n);
  fitting->least = g_new0 (double, n);
  fitting->most = g_new0 (double, n);
  for (guint c = 0; c < n; c++)
    {
      const TjReportColumn *column = tj_report_get_column (sheet->report, c);

      header[c] = header_min_em (self, probe, column->header);
      if (column_wraps (column))
        fitting->wrapping[fitting->n_wrapping++] = c;
    }
  fitting->n_samples = (n_rows + stride - 1) / stride;
  fitting->cells = g_new0 (double, (gsize) fitting->n_samples * fitting->n_wrapping);
  fitting->lines = g_new0 (double, (gsize) fitting->n_samples * fitting->n_wrapping);
  fitting->top = g_new0 (double, fitting->n_samples);
  fitting->second = g_new0 (double, fitting->n_samples);
  fitting->top_column = g_new0 (guint, fitting->n_samples);

  for (guint r = 0; r < n_rows; r++)
    {
      Advances *advances = &self->advances[row_is_bold (sheet->report, r)];

      /* A section's heading spans the table: it asks nothing of its first column. */
      if (tj_report_get_row_kind (sheet->report, r) == TJ_REPORT_ROW_SECTION)
        continue;

      for (guint c = 0, w = 0; c < n; c++)
        {
          const TjReportCell *cell = tj_report_get_cell (sheet->report, r, c);
          gboolean wraps = w < fitting->n_wrapping && fitting->wrapping[w] == c;
          g_autofree char *owned = NULL;
          gboolean lines;
          double width = 0, word = 0;

          if (cell->type != TJ_REPORT_EMPTY)
            width = estimate_em (self, advances, cell_text (cell, &owned), &lines, &word);
          fitting->natural[c] = MAX (fitting->natural[c], width);
          unbroken[c] = MAX (unbroken[c], word);
          if (wraps && r % stride == 0)
            fitting->cells[(gsize) (r / stride) * fitting->n_wrapping + w] = width;
          w += wraps;
        }
    }

  for (guint c = 0; c < n; c++)
    {
      const TjReportColumn *column = tj_report_get_column (sheet->report, c);
      /* A hair more than the widest text: at another resolution it must not wrap. */
      double pad = 2 * CELL_PAD_X + WIDTH_SLACK_EM;

      if (column_wraps (column))
        {
          double cap = column->max_width > 0 ? column->max_width / 2.0 : DEFAULT_MAX_EM;

          double least = fitting->natural[c] <= NO_WRAP_EM ? fitting->natural[c] : STRICT_MIN_EM;

          fitting->least[c] = MAX (MAX (header[c], least), unbroken[c]) + pad;
          fitting->most[c] = MAX (MIN (fitting->natural[c], cap) + pad, fitting->least[c]);
        }
      else
        fitting->least[c] = fitting->most[c] = MAX (fitting->natural[c], header[c]) + pad;
    }
}

static double
lines_in (double text,
          double width)
{
  return MAX (1.0, text / MAX (width - 2 * CELL_PAD_X, 0.5));
}

/* The most lines of each sampled row, and the most but for that column. */
static void
fitting_rank (Fitting *fitting)
{
  for (guint r = 0; r < fitting->n_samples; r++)
    {
      const double *lines = &fitting->lines[(gsize) r * fitting->n_wrapping];

      fitting->top[r] = fitting->second[r] = 1.0;
      fitting->top_column[r] = G_MAXUINT;
      for (guint w = 0; w < fitting->n_wrapping; w++)
        if (lines[w] > fitting->top[r])
          {
            fitting->second[r] = fitting->top[r];
            fitting->top[r] = lines[w];
            fitting->top_column[r] = w;
          }
        else if (lines[w] > fitting->second[r])
          fitting->second[r] = lines[w];
    }
}

static void
fitting_measure (Fitting      *fitting,
                 const double *widths,
                 guint         w)
{
  double width = widths[fitting->wrapping[w]];

  for (guint r = 0; r < fitting->n_samples; r++)
    {
      gsize i = (gsize) r * fitting->n_wrapping + w;

      fitting->lines[i] = lines_in (fitting->cells[i], width);
    }
}

/* Widths in em for a room of `room` em: every column at its narrowest, then the room left goes,
 * a step at a time, to the text column whose widening saves the sampled rows the most lines
 * (and, a little, its cells their wrapped lines); what no column needs is shared by all. Returns the sampled rows' lines, or 0 when the
 * narrowest columns do not fit. */
static double
fitting_fit (Fitting *fitting,
             double   room,
             double  *widths)
{
  double slack = room, step, total = 0;

  for (guint c = 0; c < fitting->n_columns; c++)
    {
      widths[c] = fitting->least[c];
      slack -= widths[c];
    }
  if (slack < 0)
    return 0;
  for (guint w = 0; w < fitting->n_wrapping; w++)
    fitting_measure (fitting, widths, w);
  fitting_rank (fitting);

  step = MAX (FITTING_STEP_EM, slack / FITTING_STEPS);
  while (slack > 1e-6)
    {
      guint best = G_MAXUINT;
      double best_gain = 0, grown = 0;

      for (guint w = 0; w < fitting->n_wrapping; w++)
        {
          guint c = fitting->wrapping[w];
          double wider = MIN (widths[c] + MIN (step, slack), fitting->most[c]);
          double gain = 0;

          if (wider <= widths[c])
            continue;
          for (guint r = 0; r < fitting->n_samples; r++)
            {
              gsize i = (gsize) r * fitting->n_wrapping + w;
              double lines = lines_in (fitting->cells[i], wider);

              if (fitting->top_column[r] == w)
                gain += fitting->top[r] - MAX (lines, fitting->second[r]);
              gain += CELL_LINE_WEIGHT * (fitting->lines[i] - lines);
            }
          if (gain > best_gain)
            {
              best_gain = gain;
              best = w;
              grown = wider - widths[c];
            }
        }
      if (best == G_MAXUINT)
        break;
      widths[fitting->wrapping[best]] += grown;
      slack -= grown;
      fitting_measure (fitting, widths, best);
      fitting_rank (fitting);
    }

  for (guint r = 0; r < fitting->n_samples; r++)
    {
      double most = 1;

      for (guint w = 0; w < fitting->n_wrapping; w++)
        most = MAX (most, ceil (fitting->lines[(gsize) r * fitting->n_wrapping + w] - 0.01));
      total += most;
    }
  return total;
}

/* Chooses the table's font size and its column widths: from 五号 down, a smaller size only
 * when it spares a good share of the lines, below 六号 a larger share. The table fills the type
 * area. */
static void
fit_columns (TjPageLayout *self,
             Sheet        *sheet,
             double       *widths,
             gboolean     *short_text)
{
  guint n = sheet->n_columns;
  double room = self->right - self->left;
  g_autofree double *trial = g_new0 (double, n);
  Fitting fitting = { 0 };
  double size = 0, chosen_lines = 0, total = 0, spare;

  fitting_init (self, sheet, &fitting);
  for (guint i = 0; i < G_N_ELEMENTS (table_sizes); i++)
    {
      double lines = fitting_fit (&fitting, room / (table_sizes[i] * self->scale), trial);

      double worth = table_sizes[i] >= SMALL_SIZE ? LINES_WORTH_SHRINKING
                                                  : LINES_WORTH_SHRINKING_SMALL;

      if (lines > 0 && (size == 0 || lines <= chosen_lines * worth))
        {
          size = table_sizes[i];
          chosen_lines = lines;
          memcpy (widths, trial, n * sizeof (double));
        }
    }
  if (size == 0)
    {
      /* Not even the smallest size fits: figures keep their width, their headers break where
       * they must, and text columns share what is left. */
      double text = 0, figures = 0;

      size = table_sizes[G_N_ELEMENTS (table_sizes) - 1];
      for (guint c = 0; c < n; c++)
        {
          if (column_wraps (tj_report_get_column (sheet->report, c)))
            {
              widths[c] = fitting.least[c];
              text += widths[c];
            }
          else
            {
              widths[c] = MAX (fitting.natural[c], 2.0) + 2 * CELL_PAD_X + WIDTH_SLACK_EM;
              figures += widths[c];
            }
        }
      if (text > 0 && room / (size * self->scale) > figures)
        for (guint c = 0; c < n; c++)
          if (column_wraps (tj_report_get_column (sheet->report, c)))
            widths[c] *= (room / (size * self->scale) - figures) / text;
    }
  sheet->em = size * self->scale;
  g_debug ("%s: the table's text at %.1f pt", sheet->report->sheet_name, size);

  for (guint c = 0; c < n; c++)
    {
      widths[c] *= sheet->em;
      total += widths[c];
    }
  /* Narrower than the page: every column grows alike; wider (only when even the smallest size
   * does not fit): every column shrinks alike. */
  spare = total > 0 ? room / total : 1;
  for (guint c = 0; c < n; c++)
    {
      widths[c] *= spare;
      short_text[c] = fitting.natural[c] <= CENTRED_MAX_EM &&
                      fitting.natural[c] * sheet->em <= widths[c] - 2 * CELL_PAD_X * sheet->em;
    }
  fitting_clear (&fitting);
}

/* ------------------------------------------------------------------------------------------ */
/* Rows */

static void
figures_init (Figures     *figures,
              PangoLayout *layout)
{
  for (const char *c = FIGURE_CHARACTERS; *c != '\0'; c++)
    {
      PangoLayoutLine *line;
      PangoGlyphItem *run;
      PangoGlyphInfo *glyph;

      pango_layout_set_text (layout, c, 1);
      line = pango_layout_get_line_readonly (layout, 0);
      if (line == NULL || line->runs == NULL || line->runs->next != NULL)
        continue;
      run = line->runs->data;
      glyph = &run->glyphs->glyphs[0];
      if (run->glyphs->num_glyphs != 1 || (glyph->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
          (figures->font != NULL && figures->font != run->item->analysis.font))
        continue;
      if (figures->font == NULL)
        figures->font = g_object_ref (run->item->analysis.font);
      figures->glyphs[(guchar) *c] = glyph->glyph;
      figures->advances[(guchar) *c] = (double) glyph->geometry.width / PANGO_SCALE;
      figures->known[(guchar) *c] = TRUE;
    }
  pango_layout_set_text (layout, "0", 1);
  figures->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* A figure's width, or -1 when it has a character the table does not set as a figure. */
static double
figure_width (Figures    *figures,
              const char *text)
{
  double width = 0;

  if (figures->font == NULL || *text == '\0')
    return -1;
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 128 || !figures->known[*p])
        return -1;
      width += figures->advances[*p];
    }
  return width;
}

static void
glyphs_add_figure (Glyphs     *glyphs,
                   Figures    *figures,
                   const char *text,
                   double      x,
                   double      baseline)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      cairo_glyph_t glyph = { figures->glyphs[*p], x, baseline };
      cairo_text_cluster_t cluster = { 1, 1 };

      g_array_append_val (glyphs->glyphs, glyph);
      g_array_append_val (glyphs->clusters, cluster);
      x += figures->advances[*p];
    }
  g_string_append (glyphs->text, text);
}

/* Adds the glyphs of a layout whose top left corner is at (x, y), with their text; FALSE, adding
 * nothing, when one is not in `font`, unknown, or set right to left. */
static gboolean
glyphs_add_layout (Glyphs      *glyphs,
                   PangoLayout *layout,
                   PangoFont   *font,
                   double       x,
                   double       y)
{
  const char *text = pango_layout_get_text (layout);
  guint n_glyphs = glyphs->glyphs->len;
  guint n_clusters = glyphs->clusters->len;
  gsize length = glyphs->text->len;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean drawable = font != NULL;

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoGlyphItemIter cluster;
      PangoRectangle logical;
      double pen, baseline;

      if (run == NULL)
        continue;
      if (run->item->analysis.font != font || run->item->analysis.level % 2 != 0)
        {
          drawable = FALSE;
          break;
        }
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      pen = x + (double) logical.x / PANGO_SCALE;
      baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      for (gboolean more = pango_glyph_item_iter_init_start (&cluster, run, text);
           more && drawable; more = pango_glyph_item_iter_next_cluster (&cluster))
        {
          cairo_text_cluster_t bytes = { cluster.end_index - cluster.start_index,
                                         cluster.end_glyph - cluster.start_glyph };

          for (int g = cluster.start_glyph; g < cluster.end_glyph; g++)
            {
              PangoGlyphInfo *info = &run->glyphs->glyphs[g];
              cairo_glyph_t glyph = { info->glyph,
                                      pen + (double) info->geometry.x_offset / PANGO_SCALE,
                                      baseline + (double) info->geometry.y_offset / PANGO_SCALE };

              if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
                  info->glyph == PANGO_GLYPH_EMPTY)
                drawable = FALSE;
              g_array_append_val (glyphs->glyphs, glyph);
              pen += (double) info->geometry.width / PANGO_SCALE;
            }
          g_array_append_val (glyphs->clusters, bytes);
          g_string_append_len (glyphs->text, text + cluster.start_index, bytes.num_bytes);
        }
    }
  while (drawable && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!drawable)
    {
      g_array_set_size (glyphs->glyphs, n_glyphs);
      g_array_set_size (glyphs->clusters, n_clusters);
      g_string_truncate (glyphs->text, length);
    }
  return drawable;
}

/* Adds glyphs laid out already, moved to (x, y). */
static void
glyphs_add_glyphs (Glyphs       *glyphs,
                   const Glyphs *from,
                   double        x,
                   double        y)
{
  guint first = glyphs->glyphs->len;

  g_array_append_vals (glyphs->glyphs, from->glyphs->data, from->glyphs->len);
  for (guint i = first; i < glyphs->glyphs->len; i++)
    {
      cairo_glyph_t *glyph = &g_array_index (glyphs->glyphs, cairo_glyph_t, i);

      glyph->x += x;
      glyph->y += y;
    }
  g_array_append_vals (glyphs->clusters, from->clusters->data, from->clusters->len);
  g_string_append_len (glyphs->text, from->text->str, from->text->len);
}

static void
glyphs_show (Glyphs    *glyphs,
             cairo_t   *cr,
             PangoFont *font)
{
  if (glyphs->glyphs->len == 0)
    return;
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
  cairo_show_text_glyphs (cr, glyphs->text->str, (int) glyphs->text->len,
                          (cairo_glyph_t *) glyphs->glyphs->data, (int) glyphs->glyphs->len,
                          (cairo_text_cluster_t *) glyphs->clusters->data,
                          (int) glyphs->clusters->len, 0);
  g_array_set_size (glyphs->glyphs, 0);
  g_array_set_size (glyphs->clusters, 0);
  g_string_truncate (glyphs->text, 0);
}

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_object_unref (shown->layout);
  glyphs_clear (&shown->glyphs);
  g_free (shown);
}

static void
set_cell_text (Sheet       *sheet,
               PangoLayout *layout,
               guint        column,
               const char  *text)
{
  double room = sheet->x[column + 1] - sheet->x[column] - 2 * sheet->pad_x;

  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_alignment (layout, sheet->align[column]);
  pango_layout_set_text (layout, text, -1);
}

/* The text a cell of a row shows: its own, or the cut layout_bounded made of it. */
static const char *
shown_text (Sheet      *sheet,
            guint       row,
            guint       column,
            const char *text)
{
  const char *cut = g_hash_table_lookup (
    sheet->cuts, GSIZE_TO_POINTER ((gsize) row * sheet->n_columns + column + 1));

  return cut != NULL ? cut : text;
}

/* Sets the text of a cell (column, or 0 for a section's heading) in layout, whose width is room:
 * the text whole when it takes at most max_lines lines, else cut at the end of the last line
 * shown and ended with an ellipsis, the cut kept for drawing. Never shapes more than
 * SHAPED_PER_SHOWN times the characters max_lines lines of full-width ones hold. */
static void
layout_bounded (Sheet       *sheet,
                PangoLayout *layout,
                guint        row,
                guint        column,
                double       room,
                const char  *text)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) row * sheet->n_columns + column + 1);
  gsize most = (gsize) SHAPED_PER_SHOWN * sheet->max_lines * MAX (1.0, ceil (room / sheet->em));
  const char *cut = g_hash_table_lookup (sheet->cuts, key);
  const char *end = text;
  gboolean shortened;
  GString *shown;
  gsize length;

  if (cut != NULL)
    {
      pango_layout_set_text (layout, cut, -1);
      return;
    }
  for (gsize n = 0; *end != '\0' && n < most; n++)
    end = g_utf8_next_char (end);
  shortened = *end != '\0';
  pango_layout_set_text (layout, text, end - text);
  if (!shortened && (guint) pango_layout_get_line_count (layout) <= sheet->max_lines)
    return;

  if ((guint) pango_layout_get_line_count (layout) > sheet->max_lines)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, sheet->max_lines - 1);

      length = line->start_index + line->length;
    }
  else
    length = end - text;
  /* A character at a time off the end until the ellipsis fits on the last line. */
  shown = g_string_new_len (text, length);
  for (guint tries = 0;; tries++)
    {
      const char *last = g_utf8_find_prev_char (shown->str, shown->str + shown->len);

      g_string_truncate (shown, last != NULL ? (gsize) (last - shown->str) : 0);
      g_string_append (shown, ELLIPSIS);
      pango_layout_set_text (layout, shown->str, shown->len);
      if ((guint) pango_layout_get_line_count (layout) <= sheet->max_lines ||
          shown->len <= strlen (ELLIPSIS) || tries >= 8)
        break;
      g_string_truncate (shown, shown->len - strlen (ELLIPSIS));
    }
  g_hash_table_insert (sheet->cuts, key, g_string_free (shown, FALSE));
}

/* A repeated text of a body cell, laid out once in its column; NULL when it is not kept: too
 * long, in bold, or the column keeps enough already. `text` lives as long as the page layout:
 * the report's, or a light's label. */
static Shown *
cell_shown (Sheet      *sheet,
            guint       column,
            const char *text,
            gboolean    bold)
{
  GHashTable *kept = sheet->shown[column];
  Shown *shown;

  if (bold)
    return NULL;
  if ((shown = g_hash_table_lookup (kept, text)) != NULL)
    return shown;
  if (g_hash_table_size (kept) >= SHOWN_PER_COLUMN || strlen (text) > SHOWN_MAX_LENGTH)
    return NULL;
  shown = g_new0 (Shown, 1);
  shown->layout = pango_layout_copy (sheet->cell[0]);
  set_cell_text (sheet, shown->layout, column, text);
  glyphs_init (&shown->glyphs);
  shown->drawn_as_glyphs = glyphs_add_layout (&shown->glyphs, shown->layout,
                                              sheet->figures[0].font, 0, 0);
  g_hash_table_insert (kept, (gpointer) text, shown);
  return shown;
}

/* A text cell laid out in its column: kept when it repeats, else in the row's scratch layout. */
static PangoLayout *
cell_layout (Sheet      *sheet,
             guint       row,
             guint       column,
             const char *text,
             gboolean    bold)
{
  Shown *shown = cell_shown (sheet, column, text, bold);
  PangoLayout *layout = sheet->cell[bold];

  if (shown != NULL)
    return shown->layout;
  set_cell_text (sheet, layout, column, "");
  layout_bounded (sheet, layout, row, column,
                  sheet->x[column + 1] - sheet->x[column] - 2 * sheet->pad_x, text);
  return layout;
}

/* The heading of a section, as wide as the table. */
static PangoLayout *
section_layout (Sheet      *sheet,
                guint       row,
                const char *text)
{
  PangoLayout *layout = sheet->cell[1];
  double room = sheet->x[sheet->n_columns] - sheet->x[0] - 2 * sheet->pad_x;

  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  layout_bounded (sheet, layout, row, 0, room, text);
  return layout;
}

static double
section_height (TjPageLayout *self,
                Sheet        *sheet,
                guint         row,
                const char   *text)
{
  return sheet->line_height * pango_layout_get_line_count (section_layout (sheet, row, text)) +
         2 * sheet->pad_y;
}

/* Keeps the glyphs of a cell laid out to measure its row, for drawing it: a long table's texts
 * are then shaped once. Within a budget, as they take memory. */
static void
keep_measured (Sheet       *sheet,
               guint        row,
               guint        column,
               PangoLayout *layout,
               gboolean     bold)
{
  Glyphs *kept = &sheet->measured_glyphs;
  Measured measured = { kept->glyphs->len, 0, kept->clusters->len, 0, kept->text->len, 0,
                        layout_height (layout) };

  if (kept->glyphs->len * (sizeof (cairo_glyph_t) + sizeof (cairo_text_cluster_t)) +
        kept->text->len >
      MEASURED_BUDGET)
    return;
  if (!glyphs_add_layout (kept, layout, sheet->figures[bold].font, 0, 0))
    return;
  measured.n_glyphs = kept->glyphs->len - measured.glyph;
  measured.n_clusters = kept->clusters->len - measured.cluster;
  measured.text_length = kept->text->len - measured.text;
  g_array_append_val (sheet->measured, measured);
  g_hash_table_insert (sheet->measured_cells,
                       GSIZE_TO_POINTER ((gsize) row * sheet->n_columns + column + 1),
                       GUINT_TO_POINTER (sheet->measured->len));
}

/* The glyphs kept of a cell, or NULL. */
static const Measured *
measured_cell (Sheet *sheet,
               guint  row,
               guint  column)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (
    sheet->measured_cells, GSIZE_TO_POINTER ((gsize) row * sheet->n_columns + column + 1)));

  return index > 0 ? &g_array_index (sheet->measured, Measured, index - 1) : NULL;
}

static void
glyphs_add_measured (Glyphs         *glyphs,
                     const Glyphs   *kept,
                     const Measured *measured,
                     double          x,
                     double          y)
{
  guint first = glyphs->glyphs->len;

  g_array_append_vals (glyphs->glyphs,
                       &g_array_index (kept->glyphs, cairo_glyph_t, measured->glyph),
                       measured->n_glyphs);
  for (guint i = first; i < glyphs->glyphs->len; i++)
    {
      cairo_glyph_t *glyph = &g_array_index (glyphs->glyphs, cairo_glyph_t, i);

      glyph->x += x;
      glyph->y += y;
    }
  g_array_append_vals (glyphs->clusters,
                       &g_array_index (kept->clusters, cairo_text_cluster_t, measured->cluster),
                       measured->n_clusters);
  g_string_append_len (glyphs->text, kept->text->str + measured->text, measured->text_length);
}

/* How tall a row is: a line, or as many as its most wrapped cell. Text that is sure to take one
 * line by its estimated width is not laid out. */
static double
row_height (TjPageLayout *self,
            Sheet        *sheet,
            guint         row)
{
  gboolean bold = row_is_bold (sheet->report, row);
  double content = sheet->line_height;
  PangoLayout *layout;

  if (tj_report_get_row_kind (sheet->report, row) == TJ_REPORT_ROW_SECTION)
    {
      const TjReportCell *cell = tj_report_get_cell (sheet->report, row, 0);
      g_autofree char *owned = NULL;

      return section_height (self, sheet, row, cell_text (cell, &owned));
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const TjReportCell *cell = tj_report_get_cell (sheet->report, row, c);
      double room = sheet->x[c + 1] - sheet->x[c] - 2 * sheet->pad_x;
      gboolean lines;

      if (cell->type != TJ_REPORT_TEXT)
        continue;
      if (estimate_em (self, &self->advances[bold], cell->value.text, &lines, NULL) * sheet->em <
            room * ESTIMATE_SAFETY && !lines)
        continue;
      layout = cell_layout (sheet, row, c, cell->value.text, bold);
      content = MAX (content, sheet->line_height * pango_layout_get_line_count (layout));
      if (layout == sheet->cell[bold])
        keep_measured (sheet, row, c, layout, bold);
    }
  return content + 2 * sheet->pad_y;
}

static void
add_item (TjPageLayout *self,
          Sheet        *sheet,
          ItemKind      kind,
          guint         row,
          PangoLayout  *layout,
          double        space_before,
          double        height)
{
  Item item = { kind, row, layout, space_before, height };

  if (layout != NULL)
    item.height = counted_height (self, layout_height (layout));
  g_array_append_val (sheet->items, item);
}

/* The header's glyphs, drawn at once on every page when they are all in one face. */
static void
set_header_glyphs (Sheet *sheet)
{
  PangoLayoutLine *line;
  PangoFont *font;

  glyphs_init (&sheet->header_glyphs);
  if (sheet->n_columns == 0 ||
      (line = pango_layout_get_line_readonly (sheet->headers[0], 0)) == NULL ||
      line->runs == NULL)
    return;
  font = ((PangoGlyphItem *) line->runs->data)->item->analysis.font;
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      PangoLayout *layout = sheet->headers[c];

      if (!glyphs_add_layout (&sheet->header_glyphs, layout, font, sheet->x[c] + sheet->pad_x,
                              (sheet->header_height - layout_height (layout)) / 2))
        return;
    }
  sheet->header_font = g_object_ref (font);
}

static Sheet *
sheet_new (TjPageLayout *self,
           TjReport     *report)
{
  Sheet *sheet = g_new0 (Sheet, 1);
  guint n = tj_report_get_n_columns (report);
  guint n_rows = tj_report_get_n_rows (report);
  double width = self->right - self->left;
  double pt = self->scale;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  g_autofree gboolean *short_text = g_new0 (gboolean, MAX (n, 1));
  double table_width, header_pitch = 0;
  int header_lines;

  sheet->report = report;
  sheet->n_columns = n;
  sheet->x = g_new0 (double, n + 1);
  sheet->align = g_new0 (PangoAlignment, MAX (n, 1));
  sheet->shown = g_new0 (GHashTable *, MAX (n, 1));
  glyphs_init (&sheet->row_text);
  glyphs_init (&sheet->measured_glyphs);
  sheet->measured = g_array_new (FALSE, FALSE, sizeof (Measured));
  sheet->measured_cells = g_hash_table_new (NULL, NULL);
  sheet->cuts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sheet->headers = g_new0 (PangoLayout *, MAX (n, 1));
  sheet->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (sheet->items, item_clear);

  if (n > 0)
    fit_columns (self, sheet, widths, short_text);
  else
    sheet->em = table_sizes[0] * pt;
  sheet->pad_x = CELL_PAD_X * sheet->em;
  sheet->pad_y = CELL_PAD_Y * sheet->em;
  sheet->x[0] = self->left;
  for (guint c = 0; c < n; c++)
    sheet->x[c + 1] = sheet->x[c] + widths[c];
  table_width = sheet->x[n] - sheet->x[0];

  for (guint b = 0; b < 2; b++)
    {
      sheet->cell[b] = layout_new (self, BODY_FACE, b == 1, sheet->em / pt);
      figures_init (&sheet->figures[b], sheet->cell[b]);
    }
  pango_layout_set_text (sheet->cell[0], "国", -1);
  sheet->pitch = layout_height (sheet->cell[0]);
  sheet->line_height = counted_height (self, sheet->pitch);

  /* Text is set left, short text centred, figures right; text in a column of figures (合计)
   * centred. */
  for (guint c = 0; c < n; c++)
    {
      sheet->shown[c] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shown_free);
      if (column_wraps (tj_report_get_column (report, c)))
        sheet->align[c] = short_text[c] ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      else
        sheet->align[c] = PANGO_ALIGN_CENTER;
    }

  header_lines = 1;
  for (guint c = 0; c < n; c++)
    {
      sheet->headers[c] = layout_new (self, HEADING_FACE, TRUE, sheet->em / pt);
      pango_layout_set_alignment (sheet->headers[c], PANGO_ALIGN_CENTER);
      if (c == 0)
        {
          pango_layout_set_text (sheet->headers[c], "国", -1);
          header_pitch = counted_height (self, layout_height (sheet->headers[c]));
        }
      set_header_text (sheet->headers[c], tj_report_get_column (report, c)->header,
                       widths[c] - 2 * sheet->pad_x);
      header_lines = MAX (header_lines, pango_layout_get_line_count (sheet->headers[c]));
    }
  sheet->header_height = header_lines * (n > 0 ? header_pitch : sheet->line_height) +
                          2 * sheet->pad_y;
  set_header_glyphs (sheet);
  sheet->max_lines =
    CELL_MAX_PAGES *
    (guint) MAX (1.0, floor ((self->bottom - self->top - sheet->header_height - 2 * sheet->pad_y) /
                             sheet->pitch));

  add_item (self, sheet, ITEM_TITLE, 0,
            block_new (self, report->title != NULL ? report->title : "", HEADING_FACE, TRUE,
                       TITLE_SIZE, width, PANGO_ALIGN_CENTER, FALSE),
            0, 0);
  if (report->subtitle != NULL)
    add_item (self, sheet, ITEM_SUBTITLE, 0,
              block_new (self, report->subtitle, BODY_FACE, FALSE, SUBTITLE_SIZE, width,
                         PANGO_ALIGN_CENTER, FALSE),
              4 * pt, 0);
  for (guint i = 0; i < report->paragraphs->len; i++)
    add_item (self, sheet, ITEM_PARAGRAPH, 0,
              block_new (self, g_ptr_array_index (report->paragraphs, i), BODY_FACE, FALSE,
                         PARAGRAPH_SIZE, width, PANGO_ALIGN_LEFT, TRUE),
              (i == 0 ? 14 : 2) * pt, 0);
  if (n > 0)
    {
      if (report->unit_line != NULL)
        add_item (self, sheet, ITEM_UNIT_LINE, 0,
                  block_new (self, report->unit_line, BODY_FACE, FALSE, UNIT_LINE_SIZE,
                             table_width, PANGO_ALIGN_RIGHT, FALSE),
                  10 * pt, 0);
      for (guint r = 0; r < n_rows; r++)
        add_item (self, sheet, ITEM_ROW, r, NULL, r == 0 && report->unit_line == NULL ? 10 * pt : 0,
                  row_height (self, sheet, r));
    }
  for (guint i = 0; i < report->notes->len; i++)
    add_item (self, sheet, ITEM_NOTE, 0,
              block_new (self, g_ptr_array_index (report->notes, i), BODY_FACE, FALSE, NOTE_SIZE,
                         table_width, PANGO_ALIGN_LEFT, FALSE),
              (i == 0 ? 8 : 2) * pt, 0);

  return sheet;
}

/* ------------------------------------------------------------------------------------------ */
/* Pagination */

/* The furthest an item may be cut at, at most `limit` from its top and beyond `from`: between
 * the lines of a text, between the lines of a row's cells. `from` when not one line fits. */
static double
item_cut (Sheet *sheet,
          Item  *item,
          double from,
          double limit)
{
  double cut = from;

  if (item->height <= limit)
    return item->height;
  if (item->kind == ITEM_ROW)
    {
      double top = from > 0 ? from : sheet->pad_y;
      guint lines = (guint) floor ((limit - top) / sheet->pitch);

      return lines > 0 ? top + lines * sheet->pitch : from;
    }
  if (item->layout != NULL)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);

      do
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if ((double) y1 / PANGO_SCALE > limit)
            break;
          cut = MAX (cut, (double) y1 / PANGO_SCALE);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return cut;
}

static void
add_page (TjPageLayout *self,
          guint         sheet,
          guint         first,
          double        first_from)
{
  Page page = { sheet, first, first, first_from, 0 };

  g_array_append_val (self->pages, page);
}

/* Items flow down the type area; a row comes under the table header on every page and is never
 * split, unless it is taller than a page by itself: then it is cut between lines of text and
 * goes on under the header of the next page. A block of text is cut between its lines. The unit
 * line keeps with the header and the first row. */
static void
paginate_sheet (TjPageLayout *self,
                Sheet        *sheet,
                guint         index)
{
  double y = self->top;
  gboolean empty = TRUE, rows = FALSE;
  Page *page;

  add_page (self, index, 0, 0);
  for (guint i = 0; i < sheet->items->len; i++)
    {
      Item *item = &g_array_index (sheet->items, Item, i);
      double from = 0;

      while (TRUE)
        {
          double before = empty || from > 0 ? 0 : item->space_before;
          double header = item->kind == ITEM_ROW && !rows ? sheet->header_height : 0;
          double keep = 0;
          double room, cut;

          if (item->kind == ITEM_UNIT_LINE && i + 1 < sheet->items->len)
            {
              Item *next = &g_array_index (sheet->items, Item, i + 1);

              if (next->kind == ITEM_ROW)
                keep = sheet->header_height + MIN (next->height, self->bottom - self->top);
            }
          room = self->bottom - y - before - header;
          if (from == 0 && item->height + keep <= room)
            cut = item->height;
          else if (item->kind == ITEM_ROW && !empty &&
                   item->height - from + sheet->header_height <= self->bottom - self->top)
            cut = from; /* a whole row goes to the next page */
          else if (keep > 0 && !empty)
            cut = from;
          else
            cut = item_cut (sheet, item, from, from + room);

          /* Not one line fits an empty page: clipped. */
          if (cut <= from && empty)
            cut = room > 0 ? MIN (item->height, from + room) : item->height;
          if (cut > from)
            {
              page = &g_array_index (self->pages, Page, self->pages->len - 1);
              page->last = i + 1;
              page->last_to = cut;
              y += before + header + (cut - from);
              empty = FALSE;
              rows = rows || item->kind == ITEM_ROW;
              from = cut;
            }
          if (from >= item->height)
            break;
          add_page (self, index, i, from);
          y = self->top;
          empty = TRUE;
          rows = FALSE;
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing */

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The lines of a layout whose top is at y that fall within [from, to) of its height: a text
 * cut over pages gives each page its own lines only. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       from,
            double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double) bottom / PANGO_SCALE <= from)
        continue;
      if ((double) top / PANGO_SCALE >= to)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A part of a text block, [from, to) of its height, at y; clipped, for a line taller than a
 * page. */
static void
draw_block (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       from,
            double       to,
            double       height)
{
  if (from <= 0 && to >= height)
    {
      show_layout_at (cr, layout, x, y);
      return;
    }
  cairo_save (cr);
  cairo_rectangle (cr, x - 1e4, y, 2e4, to - from);
  cairo_clip (cr);
  show_lines (cr, layout, x, y - from, from, to);
  cairo_restore (cr);
}

static void
draw_header (Sheet   *sheet,
             cairo_t *cr,
             double   y)
{
  cairo_set_source_rgb (cr, HEADER_FILL, HEADER_FILL, HEADER_FILL);
  cairo_rectangle (cr, sheet->x[0], y, sheet->x[sheet->n_columns] - sheet->x[0],
                   sheet->header_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (sheet->header_font != NULL)
    {
      glyphs_add_glyphs (&sheet->row_text, &sheet->header_glyphs, 0, y);
      glyphs_show (&sheet->row_text, cr, sheet->header_font);
      return;
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      PangoLayout *layout = sheet->headers[c];

      show_layout_at (cr, layout, sheet->x[c] + sheet->pad_x,
                      y + (sheet->header_height - layout_height (layout)) / 2);
    }
}

/* The part [from, to) of a row, at y. A whole row is centred vertically in its cells; a row cut
 * over pages reads from the top. Figures never wrap: right-aligned, dates centred. The glyphs of
 * a whole row are drawn at once, after the fills of the lights. */
static void
draw_row (Sheet   *sheet,
          cairo_t *cr,
          guint    row,
          double   y,
          double   from,
          double   to,
          double   height)
{
  gboolean bold = row_is_bold (sheet->report, row);
  gboolean partial = from > 0 || to < height;
  Figures *figures = &sheet->figures[bold];
  double figures_top = partial ? y - from + sheet->pad_y : y + (height - sheet->pitch) / 2;
  guint n_columns = sheet->n_columns;

  if (partial)
    {
      cairo_save (cr);
      cairo_rectangle (cr, sheet->x[0], y, sheet->x[sheet->n_columns] - sheet->x[0], to - from);
      cairo_clip (cr);
    }
  if (tj_report_get_row_kind (sheet->report, row) == TJ_REPORT_ROW_SECTION)
    {
      const TjReportCell *cell = tj_report_get_cell (sheet->report, row, 0);
      g_autofree char *owned = NULL;
      PangoLayout *layout = section_layout (sheet, row, cell_text (cell, &owned));

      show_layout_at (cr, layout, sheet->x[0] + sheet->pad_x,
                      partial ? y - from + sheet->pad_y
                              : y + (height - layout_height (layout)) / 2);
      n_columns = 0;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_get_cell (sheet->report, row, c);
      double left = sheet->x[c] + sheet->pad_x;
      double room = sheet->x[c + 1] - sheet->x[c] - 2 * sheet->pad_x;
      g_autofree char *owned = NULL;
      const Measured *measured;
      PangoLayout *layout;
      Shown *shown;
      const char *text;
      double width, top;

      switch (cell->type)
        {
        case TJ_REPORT_EMPTY:
          continue;
        case TJ_REPORT_TEXT:
        case TJ_REPORT_LIGHT:
          if (cell->type == TJ_REPORT_LIGHT)
            {
              const double *fill = light_fills[MIN (cell->value.light, N_LIGHTS - 1)];

              cairo_set_source_rgb (cr, fill[0], fill[1], fill[2]);
              cairo_rectangle (cr, sheet->x[c], y, sheet->x[c + 1] - sheet->x[c], to - from);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
              text = tj_light_label (cell->value.light);
            }
          else
            text = cell->value.text;
          if (!partial && (measured = measured_cell (sheet, row, c)) != NULL)
            {
              glyphs_add_measured (&sheet->row_text, &sheet->measured_glyphs, measured, left,
                                   y + (height - measured->height) / 2);
              continue;
            }
          shown = cell_shown (sheet, c, text, bold);
          layout = shown != NULL ? shown->layout : sheet->cell[bold];
          if (shown == NULL)
            set_cell_text (sheet, layout, c, shown_text (sheet, row, c, text));
          top = partial ? y - from + sheet->pad_y : y + (height - layout_height (layout)) / 2;
          if (partial)
            show_lines (cr, layout, left, top, from - sheet->pad_y, to - sheet->pad_y);
          else if (shown != NULL && shown->drawn_as_glyphs)
            glyphs_add_glyphs (&sheet->row_text, &shown->glyphs, left, top);
          else if (shown != NULL ||
                   !glyphs_add_layout (&sheet->row_text, layout, figures->font, left, top))
            show_layout_at (cr, layout, left, top);
          continue;
        case TJ_REPORT_DATE:
        case TJ_REPORT_INTEGER:
        case TJ_REPORT_WAN:
        case TJ_REPORT_YI:
        case TJ_REPORT_PERCENT:
        default:
          break;
        }

      text = cell_text (cell, &owned);
      layout = NULL;
      if ((width = figure_width (figures, text)) < 0)
        {
          layout = sheet->cell[bold];
          pango_layout_set_width (layout, -1);
          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
          pango_layout_set_text (layout, text, -1);
          width = layout_width (layout);
        }
      if (cell->type != TJ_REPORT_DATE)
        left += room - width;
      else
        left += (room - width) / 2;
      if (layout != NULL)
        show_layout_at (cr, layout, left, figures_top);
      else
        glyphs_add_figure (&sheet->row_text, figures, text, left, figures_top + figures->baseline);
    }
  glyphs_show (&sheet->row_text, cr, figures->font);
  if (partial)
    cairo_restore (cr);
}

/* The grid of the table from top to bottom: every column's edges but across the headings of
 * sections, a line under the header and under every row, the frame heavier. */
static void
draw_grid (TjPageLayout   *self,
           Sheet          *sheet,
           cairo_t        *cr,
           double          top,
           const GridLine *lines,
           guint           n_lines)
{
  double left = sheet->x[0], right = sheet->x[sheet->n_columns];
  double bottom = n_lines > 0 ? lines[n_lines - 1].y : top;
  double run = top, row_top = top;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, GRID_WIDTH * self->scale);
  for (guint i = 0; i <= n_lines; i++)
    {
      gboolean spans = i < n_lines && lines[i].spans;

      if ((spans || i == n_lines) && row_top > run)
        for (guint c = 1; c < sheet->n_columns; c++)
          {
            cairo_move_to (cr, sheet->x[c], run);
            cairo_line_to (cr, sheet->x[c], row_top);
          }
      if (i == n_lines)
        break;
      if (spans)
        run = lines[i].y;
      row_top = lines[i].y;
    }
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      cairo_move_to (cr, left, lines[i].y);
      cairo_line_to (cr, right, lines[i].y);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, FRAME_WIDTH * self->scale);
  cairo_rectangle (cr, left, top, right - left, bottom - top);
  cairo_stroke (cr);
}

/* Page numbers run through the whole book, centred at the foot: — 1 —, the dashes half an em
 * from the number. */
static void
draw_folio (TjPageLayout *self,
            cairo_t      *cr,
            guint         number)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);
  double gap = FOLIO_SIZE * self->scale / 2;
  double dash, width, x, y;

  pango_layout_set_text (self->folio, digits, -1);
  width = layout_width (self->folio);
  pango_layout_set_text (self->folio, FOLIO_DASH, -1);
  dash = layout_width (self->folio);
  x = (self->width - width) / 2 - gap - dash;
  y = self->height - FOLIO_FROM_BOTTOM_MM * POINTS_PER_MM * self->scale -
      layout_height (self->folio) / 2;
  show_layout_at (cr, self->folio, x, y);
  show_layout_at (cr, self->folio, x + dash + 2 * gap + width, y);
  pango_layout_set_text (self->folio, digits, -1);
  show_layout_at (cr, self->folio, x + dash + gap, y);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

TjPageLayout *
tj_page_layout_new (TjReportBook *book)
{
  TjPageLayout *self;

  g_return_val_if_fail (book != NULL, NULL);

  self = g_new0 (TjPageLayout, 1);
  self->book = book;
  return self;
}

void
tj_page_layout_free (TjPageLayout *self)
{
  if (self == NULL)
    return;
  layout_clear (self);
  g_free (self);
}

/* Lays the book out on pages of this size, each sheet from a new page, and returns the number of
 * pages. `context`: the print context's, or NULL for a PDF (a context of 72 units per inch). */
guint
tj_page_layout_paginate (TjPageLayout *self,
                         PangoContext *context,
                         double        page_width,
                         double        page_height)
{
  cairo_font_options_t *options;
  double resolution, mm;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  layout_clear (self);
  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72);
    }
  pango_context_set_language (self->context, pango_language_from_string (LANGUAGE));
  /* Unhinted metrics and unrounded glyph positions: text as wide on paper at any resolution,
   * so that a printer's pages are the PDF's. */
  options = pango_cairo_context_get_font_options (self->context) != NULL
              ? cairo_font_options_copy (pango_cairo_context_get_font_options (self->context))
              : cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  resolution = pango_cairo_context_get_resolution (self->context);
  if (resolution <= 0)
    resolution = pango_cairo_font_map_get_resolution (
      PANGO_CAIRO_FONT_MAP (pango_context_get_font_map (self->context)));
  self->scale = resolution / 72.0;
  mm = POINTS_PER_MM * self->scale;
  self->width = page_width;
  self->height = page_height;
  self->left = MARGIN_SIDE_MM * mm;
  self->right = page_width - MARGIN_SIDE_MM * mm;
  self->top = MARGIN_TOP_MM * mm;
  self->bottom = page_height - MARGIN_BOTTOM_MM * mm;

  advances_init (self, &self->advances[0], FALSE);
  advances_init (self, &self->advances[1], TRUE);
  self->folio = layout_new (self, BODY_FACE, FALSE, FOLIO_SIZE);
  self->sheets = g_ptr_array_new_with_free_func (sheet_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  for (guint i = 0; i < self->book->reports->len; i++)
    {
      Sheet *sheet = sheet_new (self, g_ptr_array_index (self->book->reports, i));

      g_ptr_array_add (self->sheets, sheet);
      paginate_sheet (self, sheet, i);
    }
  return self->pages->len;
}

guint
tj_page_layout_get_n_pages (TjPageLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages != NULL ? self->pages->len : 0;
}

/* Draws a page (from 0) with its top left corner at the origin of `cr`. */
void
tj_page_layout_draw_page (TjPageLayout *self,
                          cairo_t      *cr,
                          guint         page_index)
{
  Page *page;
  Sheet *sheet;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (GridLine));
  double y, table_top = 0;
  gboolean rows = FALSE;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (self->pages != NULL && page_index < self->pages->len);

  page = &g_array_index (self->pages, Page, page_index);
  sheet = g_ptr_array_index (self->sheets, page->sheet);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = self->top;
  for (guint i = page->first; i < page->last; i++)
    {
      Item *item = &g_array_index (sheet->items, Item, i);
      double from = i == page->first ? page->first_from : 0;
      double to = i + 1 == page->last ? page->last_to : item->height;

      if (i > page->first && from == 0)
        y += item->space_before;
      if (item->kind == ITEM_ROW)
        {
          if (!rows)
            {
              table_top = y;
              draw_header (sheet, cr, y);
              y += sheet->header_height;
              g_array_append_val (lines, ((GridLine) { y, FALSE }));
              rows = TRUE;
            }
          draw_row (sheet, cr, item->row, y, from, to, item->height);
        }
      else
        {
          if (rows)
            {
              draw_grid (self, sheet, cr, table_top, (GridLine *) lines->data, lines->len);
              g_array_set_size (lines, 0);
              rows = FALSE;
            }
          draw_block (cr, item->layout,
                      item->kind == ITEM_NOTE || item->kind == ITEM_UNIT_LINE ? sheet->x[0]
                                                                               : self->left,
                      y, from, to, item->height);
        }
      y += to - from;
      if (item->kind == ITEM_ROW)
        {
          GridLine line = {
            y, tj_report_get_row_kind (sheet->report, item->row) == TJ_REPORT_ROW_SECTION
          };

          g_array_append_val (lines, line);
        }
    }
  if (rows)
    draw_grid (self, sheet, cr, table_top, (GridLine *) lines->data, lines->len);

  draw_folio (self, cr, page_index + 1);
  cairo_restore (cr);
}
