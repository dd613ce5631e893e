/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>
#include <string.h>

#include "tj-page-layout-private.h"

/* A sheet: its table laid out in columns, its rows measured, its items listed down the pages. */

/* Sizes in points. */
#define TITLE_SIZE 18.0
#define SUBTITLE_SIZE 13.0
#define PARAGRAPH_SIZE 12.0
#define UNIT_LINE_SIZE 11.0
#define NOTE_SIZE 10.5

#define CELL_PAD_Y 0.3        /* in em of the table's text */
#define ESTIMATE_SAFETY 0.95 /* below this share of the room a text is sure to take one line */

#define SHOWN_PER_COLUMN 256 /* repeated texts kept laid out, per column */
#define SHOWN_MAX_LENGTH 120 /* in bytes */
/* However long a cell's text (a database changed outside Tuijin may hold megabytes), a cell runs
 * over at most CELL_MAX_PAGES pages: its text is cut with an ellipsis at the end of the last
 * line they hold, and no more than SHAPED_PER_SHOWN times the characters those lines hold at one
 * em each is ever shaped. */
#define CELL_MAX_PAGES 10
#define SHAPED_PER_SHOWN 4
#define ELLIPSIS "…"
#define MEASURED_BUDGET (24 << 20) /* bytes of glyphs kept from measuring rows */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

void
tj_page_sheet_free (gpointer data)
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
      tj_page_figures_clear (&sheet->figures[b]);
    }
  tj_page_glyphs_clear (&sheet->row_text);
  tj_page_glyphs_clear (&sheet->header_glyphs);
  g_clear_pointer (&sheet->chart, tj_page_chart_free);
  g_clear_object (&sheet->header_font);
  tj_page_glyphs_clear (&sheet->measured_glyphs);
  g_clear_pointer (&sheet->measured, g_array_unref);
  g_clear_pointer (&sheet->measured_cells, g_hash_table_unref);
  g_clear_pointer (&sheet->cuts, g_hash_table_unref);
  g_clear_pointer (&sheet->items, g_array_unref);
  g_clear_pointer (&sheet->row_heights, g_array_unref);
  g_clear_pointer (&sheet->row_kinds, g_byte_array_unref);
  tj_page_rows_clear (sheet);
  g_free (sheet);
}

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_object_unref (shown->layout);
  tj_page_glyphs_clear (&shown->glyphs);
  g_free (shown);
}

void
tj_page_set_cell_text (Sheet       *sheet,
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
const char *
tj_page_shown_text (Sheet      *sheet,
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
 * long, in bold, or the column keeps enough already. */
Shown *
tj_page_cell_shown (Sheet      *sheet,
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
  tj_page_set_cell_text (sheet, shown->layout, column, text);
  tj_page_glyphs_init (&shown->glyphs);
  shown->drawn_as_glyphs = tj_page_glyphs_add_layout (&shown->glyphs, shown->layout,
                                              sheet->figures[0].font, 0, 0);
  g_hash_table_insert (kept, g_strdup (text), shown);
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
  Shown *shown = tj_page_cell_shown (sheet, column, text, bold);
  PangoLayout *layout = sheet->cell[bold];

  if (shown != NULL)
    return shown->layout;
  tj_page_set_cell_text (sheet, layout, column, "");
  layout_bounded (sheet, layout, row, column,
                  sheet->x[column + 1] - sheet->x[column] - 2 * sheet->pad_x, text);
  return layout;
}

/* The heading of a section, as wide as the table. */
PangoLayout *
tj_page_section_layout (Sheet      *sheet,
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
  return sheet->line_height * pango_layout_get_line_count (tj_page_section_layout (sheet, row, text)) +
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
                        tj_page_text_height (layout) };

  if (kept->glyphs->len * (sizeof (cairo_glyph_t) + sizeof (cairo_text_cluster_t)) +
        kept->text->len >
      MEASURED_BUDGET)
    return;
  if (!tj_page_glyphs_add_layout (kept, layout, sheet->figures[bold].font, 0, 0))
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
const Measured *
tj_page_measured_cell (Sheet *sheet,
                       guint  row,
                       guint  column)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (
    sheet->measured_cells, GSIZE_TO_POINTER ((gsize) row * sheet->n_columns + column + 1)));

  return index > 0 ? &g_array_index (sheet->measured, Measured, index - 1) : NULL;
}

/* How tall a row is: a line, or as many as its most wrapped cell. Text that is sure to take one
 * line by its estimated width is not laid out. */
static double
row_height (TjPageLayout *self,
            Sheet        *sheet,
            guint         row)
{
  gboolean bold = row_is_bold (sheet, row);
  double content = sheet->line_height;
  PangoLayout *layout;

  if (row_kind (sheet, row) == TJ_REPORT_ROW_SECTION)
    {
      const TjReportCell *cell = row_cell (sheet, row, 0);
      g_autofree char *owned = NULL;

      return section_height (self, sheet, row, tj_page_cell_text (cell, &owned));
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const TjReportCell *cell = row_cell (sheet, row, c);
      double room = sheet->x[c + 1] - sheet->x[c] - 2 * sheet->pad_x;
      FigureLine lines[FIGURE_LINES_MOST];
      gboolean wraps;
      guint n_lines;

      if (cell->type != TJ_REPORT_TEXT)
        continue;
      if (tj_page_estimate_em (self, &self->advances[bold], cell->value.text, &wraps, NULL) * sheet->em <
            room * ESTIMATE_SAFETY && !wraps)
        continue;
      /* set as figures (tj-page-draw.c): its lines are known without a layout */
      n_lines = tj_page_figure_lines (&sheet->figures[bold], cell->value.text, room,
                                      MIN (sheet->max_lines, FIGURE_LINES_MOST), lines);
      if (n_lines > 0)
        {
          content = MAX (content, sheet->line_height * n_lines);
          continue;
        }
      layout = cell_layout (sheet, row, c, cell->value.text, bold);
      content = MAX (content, sheet->line_height * pango_layout_get_line_count (layout));
      if (layout == sheet->cell[bold])
        keep_measured (sheet, row, c, layout, bold);
    }
  return content + 2 * sheet->pad_y;
}

guint
tj_page_n_items (Sheet *sheet)
{
  return sheet->items->len + sheet->row_heights->len;
}

Item *
tj_page_item (Sheet *sheet,
              guint  i,
              Item  *item)
{
  guint n_rows = sheet->row_heights->len;
  guint block;

  if (i >= sheet->rows_at && i - sheet->rows_at < n_rows)
    {
      guint row = i - sheet->rows_at;

      item->kind = ITEM_ROW;
      item->row_kind = sheet->row_kinds->data[row];
      item->row = row;
      item->layout = NULL;
      item->space_before = row == 0 ? sheet->rows_space : 0;
      item->height = g_array_index (sheet->row_heights, double, row);
      return item;
    }
  block = i < sheet->rows_at ? i : i - n_rows;
  if (block >= sheet->items->len)
    return NULL;
  *item = g_array_index (sheet->items, Item, block);
  return item;
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
  Item item = { kind, TJ_REPORT_ROW_BODY, row, layout, space_before, height };

  if (kind == ITEM_ROW)
    {
      /* 9 bytes a row, not an Item's 32: a register of a million rows paginates in 9 MB */
      guint8 row_kind_byte = row_kind (sheet, row);

      g_assert (row == sheet->row_heights->len);
      if (row == 0)
        {
          sheet->rows_at = sheet->items->len;
          sheet->rows_space = space_before;
        }
      g_array_append_val (sheet->row_heights, height);
      g_byte_array_append (sheet->row_kinds, &row_kind_byte, 1);
      return;
    }
  if (layout != NULL)
    item.height = tj_page_counted_height (self, tj_page_text_height (layout));
  g_array_append_val (sheet->items, item);
}

/* The header's glyphs, drawn at once on every page when they are all in one face. */
static void
set_header_glyphs (Sheet *sheet)
{
  PangoLayoutLine *line;
  PangoFont *font;

  tj_page_glyphs_init (&sheet->header_glyphs);
  if (sheet->n_columns == 0 ||
      (line = pango_layout_get_line_readonly (sheet->headers[0], 0)) == NULL ||
      line->runs == NULL)
    return;
  font = ((PangoGlyphItem *) line->runs->data)->item->analysis.font;
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      PangoLayout *layout = sheet->headers[c];

      if (!tj_page_glyphs_add_layout (&sheet->header_glyphs, layout, font, sheet->x[c] + sheet->pad_x,
                              (sheet->header_height - tj_page_text_height (layout)) / 2))
        return;
    }
  sheet->header_font = g_object_ref (font);
}

Sheet *
tj_page_sheet_new (TjPageLayout *self,
                   TjReport     *report)
{
  Sheet *sheet = g_new0 (Sheet, 1);
  guint n = tj_report_get_n_columns (report);
  double width = self->right - self->left;
  double pt = self->scale;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  g_autofree gboolean *short_text = g_new0 (gboolean, MAX (n, 1));
  double table_width, header_pitch = 0;
  int header_lines;

  sheet->report = report;
  sheet->n_columns = n;
  sheet->streamed = tj_report_is_streamed (report);
  sheet->held = g_ptr_array_new_with_free_func (g_free);
  sheet->x = g_new0 (double, n + 1);
  sheet->align = g_new0 (PangoAlignment, MAX (n, 1));
  sheet->shown = g_new0 (GHashTable *, MAX (n, 1));
  tj_page_glyphs_init (&sheet->row_text);
  tj_page_glyphs_init (&sheet->measured_glyphs);
  sheet->measured = g_array_new (FALSE, FALSE, sizeof (Measured));
  sheet->measured_cells = g_hash_table_new (NULL, NULL);
  sheet->cuts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sheet->headers = g_new0 (PangoLayout *, MAX (n, 1));
  sheet->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (sheet->items, item_clear);
  sheet->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  sheet->row_kinds = g_byte_array_new ();

  tj_page_fit_columns (self, sheet, widths, short_text);
  sheet->pad_x = CELL_PAD_X * sheet->em;
  sheet->pad_y = CELL_PAD_Y * sheet->em;
  sheet->x[0] = self->left;
  for (guint c = 0; c < n; c++)
    sheet->x[c + 1] = sheet->x[c] + widths[c];
  table_width = sheet->x[n] - sheet->x[0];

  for (guint b = 0; b < 2; b++)
    {
      sheet->cell[b] = tj_page_text_layout_new (self, BODY_FACE, b == 1, sheet->em / pt);
      tj_page_figures_init (&sheet->figures[b], sheet->cell[b]);
    }
  pango_layout_set_text (sheet->cell[0], "国", -1);
  sheet->pitch = tj_page_text_height (sheet->cell[0]);
  sheet->line_height = tj_page_counted_height (self, sheet->pitch);

  /* Text is set left, short text centred, figures right; text in a column of figures (合计)
   * centred. */
  for (guint c = 0; c < n; c++)
    {
      sheet->shown[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shown_free);
      if (column_wraps (tj_report_get_column (report, c)))
        sheet->align[c] = short_text[c] ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      else
        sheet->align[c] = PANGO_ALIGN_CENTER;
    }

  header_lines = 1;
  for (guint c = 0; c < n; c++)
    {
      sheet->headers[c] = tj_page_text_layout_new (self, HEADING_FACE, TRUE, sheet->em / pt);
      pango_layout_set_alignment (sheet->headers[c], PANGO_ALIGN_CENTER);
      if (c == 0)
        {
          pango_layout_set_text (sheet->headers[c], "国", -1);
          header_pitch = tj_page_counted_height (self, tj_page_text_height (sheet->headers[c]));
        }
      tj_page_set_header_text (sheet->headers[c], tj_report_get_column (report, c)->header,
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
            tj_page_block_new (self, report->title != NULL ? report->title : "", HEADING_FACE, TRUE,
                       TITLE_SIZE, width, PANGO_ALIGN_CENTER, FALSE),
            0, 0);
  if (report->subtitle != NULL)
    add_item (self, sheet, ITEM_SUBTITLE, 0,
              tj_page_block_new (self, report->subtitle, BODY_FACE, FALSE, SUBTITLE_SIZE, width,
                         PANGO_ALIGN_CENTER, FALSE),
              4 * pt, 0);
  for (guint i = 0; i < report->paragraphs->len; i++)
    add_item (self, sheet, ITEM_PARAGRAPH, 0,
              tj_page_block_new (self, g_ptr_array_index (report->paragraphs, i), BODY_FACE, FALSE,
                         PARAGRAPH_SIZE, width, PANGO_ALIGN_LEFT, TRUE),
              (i == 0 ? 14 : 2) * pt, 0);
  if (n > 0)
    {
      if (report->unit_line != NULL)
        add_item (self, sheet, ITEM_UNIT_LINE, 0,
                  tj_page_block_new (self, report->unit_line, BODY_FACE, FALSE, UNIT_LINE_SIZE,
                             table_width, PANGO_ALIGN_RIGHT, FALSE),
                  10 * pt, 0);
      /* a streamed report's rows read again, one at a time: their heights and kinds are kept,
       * and the chart's bars */
      sheet->chart = tj_page_chart_new (report);
      for (guint r = 0; r < sheet->n_rows && tj_page_hold_rows (sheet, r, r + 1); r++)
        {
          add_item (self, sheet, ITEM_ROW, r, NULL,
                    r == 0 && report->unit_line == NULL ? 10 * pt : 0, row_height (self, sheet, r));
          if (sheet->chart != NULL)
            tj_page_chart_add_row (self, sheet->chart, sheet, r);
        }
      if (sheet->chart != NULL)
        {
          const char *chart_title;
          guint parts;

          tj_report_get_chart (report, &chart_title, NULL, NULL);
          parts = tj_page_chart_lay_out (self, sheet->chart, chart_title, sheet->x[0], table_width,
                                         self->bottom - self->top);
          for (guint part = 0; part < parts; part++)
            add_item (self, sheet, ITEM_CHART, part, NULL, part == 0 ? 14 * pt : 0,
                      tj_page_chart_part_height (sheet->chart, part));
        }
    }
  for (guint i = 0; i < report->notes->len; i++)
    add_item (self, sheet, ITEM_NOTE, 0,
              tj_page_block_new (self, g_ptr_array_index (report->notes, i), BODY_FACE, FALSE, NOTE_SIZE,
                         table_width, PANGO_ALIGN_LEFT, FALSE),
              (i == 0 ? 8 : 2) * pt, 0);

  return sheet;
}
