/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-error.h"
#include "tj-page-layout-private.h"

/* A page drawn: text blocks, the table's header, rows and grid, the page number. */

#define FOLIO_DASH "—"
#define FOLIO_FROM_BOTTOM_MM 12.0
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
      tj_page_glyphs_add_glyphs (&sheet->row_text, &sheet->header_glyphs, 0, y);
      tj_page_glyphs_show (&sheet->row_text, cr, sheet->header_font);
      return;
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      PangoLayout *layout = sheet->headers[c];

      show_layout_at (cr, layout, sheet->x[c] + sheet->pad_x,
                      y + (sheet->header_height - tj_page_text_height (layout)) / 2);
    }
}

/* Draws the glyphs of the rows gathered in the sheet's row text, in their font. */
static void
flush_rows (Sheet      *sheet,
            cairo_t    *cr,
            PangoFont **pending)
{
  if (*pending != NULL)
    tj_page_glyphs_show (&sheet->row_text, cr, *pending);
  *pending = NULL;
}

/* Adds a text cell's text set as figures are, when it is all in characters set so and its lines
 * are known without a layout (tj_page_figure_lines): as the layout would place them, at a
 * fraction of the cost. The row (at y, height tall) is whole. */
static gboolean
draw_lines_as_figures (Sheet      *sheet,
                       Figures    *figures,
                       guint       column,
                       double      left,
                       double      room,
                       double      y,
                       double      height,
                       const char *text)
{
  FigureLine lines[FIGURE_LINES_MOST];
  guint n = tj_page_figure_lines (figures, text, room, MIN (sheet->max_lines, FIGURE_LINES_MOST),
                                  lines);
  int bound = (int) (room * PANGO_SCALE);
  double top = y + (height - n * sheet->pitch) / 2 + figures->baseline;
  gsize start = 0;

  for (guint i = 0; i < n; i++)
    {
      double x = left;

      if (sheet->align[column] == PANGO_ALIGN_CENTER)
        x += ((double) bound / PANGO_SCALE - lines[i].width) / 2;
      else if (sheet->align[column] == PANGO_ALIGN_RIGHT)
        x += (double) bound / PANGO_SCALE - lines[i].width;
      tj_page_glyphs_add_figure (&sheet->row_text, figures, text + start, lines[i].end - start, x,
                                 top + i * sheet->pitch);
      start = lines[i].end;
    }
  return n > 0;
}

/* The part [from, to) of a row, at y. A whole row is centred vertically in its cells; a row cut
 * over pages reads from the top. Figures never wrap: right-aligned, dates centred. The glyphs of
 * whole rows in one font are gathered in the sheet's row text (`pending` names their font) and
 * drawn at once by flush_rows, after the fills of the lights: one text object for the rows of a
 * page rather than one a row. */
static void
draw_row (Sheet      *sheet,
          cairo_t    *cr,
          guint       row,
          double      y,
          double      from,
          double      to,
          double      height,
          PangoFont **pending)
{
  gboolean bold = row_is_bold (sheet, row);
  gboolean partial = from > 0 || to < height;
  Figures *figures = &sheet->figures[bold];
  double figures_top = partial ? y - from + sheet->pad_y : y + (height - sheet->pitch) / 2;
  guint n_columns = sheet->n_columns;

  if (partial || (*pending != NULL && *pending != figures->font))
    flush_rows (sheet, cr, pending);
  if (partial)
    {
      cairo_save (cr);
      cairo_rectangle (cr, sheet->x[0], y, sheet->x[sheet->n_columns] - sheet->x[0], to - from);
      cairo_clip (cr);
    }
  if (row_kind (sheet, row) == TJ_REPORT_ROW_SECTION)
    {
      const TjReportCell *cell = row_cell (sheet, row, 0);
      g_autofree char *owned = NULL;
      PangoLayout *layout = tj_page_section_layout (sheet, row, tj_page_cell_text (cell, &owned));

      show_layout_at (cr, layout, sheet->x[0] + sheet->pad_x,
                      partial ? y - from + sheet->pad_y
                              : y + (height - tj_page_text_height (layout)) / 2);
      n_columns = 0;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = row_cell (sheet, row, c);
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
          if (!partial && (measured = tj_page_measured_cell (sheet, row, c)) != NULL)
            {
              tj_page_glyphs_add_measured (&sheet->row_text, &sheet->measured_glyphs, measured, left,
                                   y + (height - measured->height) / 2);
              continue;
            }
          shown = tj_page_cell_shown (sheet, c, text, bold);
          if (shown == NULL && !partial &&
              draw_lines_as_figures (sheet, figures, c, left, room, y, height,
                                     tj_page_shown_text (sheet, row, c, text)))
            continue;
          layout = shown != NULL ? shown->layout : sheet->cell[bold];
          if (shown == NULL)
            tj_page_set_cell_text (sheet, layout, c, tj_page_shown_text (sheet, row, c, text));
          top = partial ? y - from + sheet->pad_y : y + (height - tj_page_text_height (layout)) / 2;
          if (partial)
            show_lines (cr, layout, left, top, from - sheet->pad_y, to - sheet->pad_y);
          else if (shown != NULL && shown->drawn_as_glyphs)
            tj_page_glyphs_add_glyphs (&sheet->row_text, &shown->glyphs, left, top);
          else if (shown != NULL ||
                   !tj_page_glyphs_add_layout (&sheet->row_text, layout, figures->font, left, top))
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

      text = tj_page_cell_text (cell, &owned);
      layout = NULL;
      if ((width = tj_page_figure_width (figures, text)) < 0)
        {
          layout = sheet->cell[bold];
          pango_layout_set_width (layout, -1);
          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
          pango_layout_set_text (layout, text, -1);
          width = tj_page_text_width (layout);
        }
      if (cell->type != TJ_REPORT_DATE)
        left += room - width;
      else
        left += (room - width) / 2;
      if (layout != NULL)
        show_layout_at (cr, layout, left, figures_top);
      else
        tj_page_glyphs_add_figure (&sheet->row_text, figures, text, -1, left,
                                   figures_top + figures->baseline);
    }
  if (partial)
    {
      tj_page_glyphs_show (&sheet->row_text, cr, figures->font);
      cairo_restore (cr);
    }
  else
    *pending = figures->font;
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

  if (self->folio_dash == NULL)
    {
      self->folio_dash = pango_layout_copy (self->folio);
      pango_layout_set_text (self->folio_dash, FOLIO_DASH, -1);
      self->folio_dash_width = tj_page_text_width (self->folio_dash);
    }
  pango_layout_set_text (self->folio, digits, -1);
  width = tj_page_text_width (self->folio);
  dash = self->folio_dash_width;
  x = (self->width - width) / 2 - gap - dash;
  y = self->height - FOLIO_FROM_BOTTOM_MM * POINTS_PER_MM * self->scale -
      tj_page_text_height (self->folio_dash) / 2;
  show_layout_at (cr, self->folio_dash, x, y);
  show_layout_at (cr, self->folio_dash, x + dash + 2 * gap + width, y);
  show_layout_at (cr, self->folio, x + dash + gap, y);
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
  gboolean rows = FALSE, held = TRUE;
  guint first_row = G_MAXUINT, last_row = 0;
  PangoFont *pending = NULL;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (self->pages != NULL && page_index < self->pages->len);

  page = &g_array_index (self->pages, Page, page_index);
  sheet = g_ptr_array_index (self->sheets, page->sheet);
  /* the page's rows only, read now when the report streams */
  for (guint i = page->first; i < page->last; i++)
    {
      Item buffer;
      Item *item = tj_page_item (sheet, i, &buffer);

      if (item->kind == ITEM_ROW)
        {
          first_row = MIN (first_row, item->row);
          last_row = MAX (last_row, item->row + 1);
        }
    }
  if (first_row < last_row)
    held = tj_page_hold_rows (sheet, first_row, last_row);
  if (!held && sheet->error == NULL)
    g_set_error (&sheet->error, TJ_ERROR, TJ_ERROR_IO,
                 _("The rows of “%s” changed while its pages were printed"),
                 sheet->report->title != NULL ? sheet->report->title : "");

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = self->top;
  for (guint i = page->first; i < page->last; i++)
    {
      Item buffer;
      Item *item = tj_page_item (sheet, i, &buffer);
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
          if (held)
            draw_row (sheet, cr, item->row, y, from, to, item->height, &pending);
        }
      else
        {
          flush_rows (sheet, cr, &pending);
          if (rows)
            {
              draw_grid (self, sheet, cr, table_top, (GridLine *) lines->data, lines->len);
              g_array_set_size (lines, 0);
              rows = FALSE;
            }
          if (item->kind == ITEM_CHART)
            tj_page_chart_draw (self, sheet->chart, cr, y, item->row);
          else
            draw_block (cr, item->layout,
                        item->kind == ITEM_NOTE || item->kind == ITEM_UNIT_LINE ? sheet->x[0]
                                                                                 : self->left,
                        y, from, to, item->height);
        }
      y += to - from;
      if (item->kind == ITEM_ROW)
        {
          GridLine line = { y, item->row_kind == TJ_REPORT_ROW_SECTION };

          g_array_append_val (lines, line);
        }
    }
  flush_rows (sheet, cr, &pending);
  if (rows)
    draw_grid (self, sheet, cr, table_top, (GridLine *) lines->data, lines->len);

  draw_folio (self, cr, page_index + 1);
  cairo_restore (cr);
}
