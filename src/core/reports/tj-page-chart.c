/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page-layout"
#include "config.h"

#include <math.h>

#include "tj-page-layout-private.h"

/* A report's chart on the page (tj_report_set_chart): under the table, before the notes, a bar
 * per body row in the table's order, its label on the left and its value at its end, over an
 * axis with ticks. Black and grey only: it prints in black and white as it shows. A chart of
 * more bars than a page holds (the 200 units of an assessment) goes on in parts, a page each,
 * every part with its axis, on the same scale. */

/* Sizes in points. */
#define TITLE_SIZE 12.0
#define LABEL_SIZE 10.5
#define TICK_SIZE 9.0
#define PITCH_PER_SIZE 1.7   /* a bar's pitch, in its label's size */
#define BAR_SHARE 0.62       /* of the pitch a bar takes */
#define GAP 6.0
#define TICK_LENGTH 3.0
#define LABEL_MAX_SHARE 0.25 /* of the chart's width the labels take at most */
#define N_TICKS 5            /* about as many steps along the axis */

#define BAR_GREY 0.35
#define GRID_GREY 0.8
#define LINE_WIDTH 0.5

struct _PageChart
{
  guint value_column, category_column;
  TjReportType value_type;
  PangoLayout *title;
  GPtrArray *labels;  /* of PangoLayout *: a bar's */
  GPtrArray *values;  /* of PangoLayout *: a bar's figure as the table shows it */
  GArray *numbers;    /* of double: a bar's length */
  GPtrArray *ticks;   /* of PangoLayout * */
  double low, high, step;
  double x, width;
  double plot_left, plot_right; /* the axis from low to high */
  double title_height, axis_height, pitch;
  guint per_part; /* the bars of a part */
};

PageChart *
tj_page_chart_new (TjReport *report)
{
  PageChart *chart;
  const char *title;
  guint category, value;

  if (!tj_report_get_chart (report, &title, &category, &value))
    return NULL;
  chart = g_new0 (PageChart, 1);
  chart->category_column = category;
  chart->value_column = value;
  chart->value_type = tj_report_get_column (report, value)->type;
  chart->labels = g_ptr_array_new_with_free_func (g_object_unref);
  chart->values = g_ptr_array_new_with_free_func (g_object_unref);
  chart->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  chart->ticks = g_ptr_array_new_with_free_func (g_object_unref);
  return chart;
}

void
tj_page_chart_free (PageChart *chart)
{
  if (chart == NULL)
    return;
  g_clear_object (&chart->title);
  g_ptr_array_unref (chart->labels);
  g_ptr_array_unref (chart->values);
  g_array_unref (chart->numbers);
  g_ptr_array_unref (chart->ticks);
  g_free (chart);
}

/* Takes a bar from a row of the sheet, held as it is measured: a body row gives one. */
void
tj_page_chart_add_row (TjPageLayout *self,
                       PageChart    *chart,
                       Sheet        *sheet,
                       guint         row)
{
  const TjReportCell *cell;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  PangoLayout *layout;
  double number;

  if (row_kind (sheet, row) != TJ_REPORT_ROW_BODY)
    return;
  label = tj_report_cell_text (row_cell (sheet, row, chart->category_column));
  cell = row_cell (sheet, row, chart->value_column);
  value = tj_report_cell_text (cell);
  number = tj_report_cell_number (cell);
  g_array_append_val (chart->numbers, number);

  layout = tj_page_text_layout_new (self, BODY_FACE, FALSE, LABEL_SIZE);
  pango_layout_set_text (layout, label, -1);
  g_ptr_array_add (chart->labels, layout);
  layout = tj_page_text_layout_new (self, BODY_FACE, FALSE, LABEL_SIZE);
  pango_layout_set_text (layout, value, -1);
  g_ptr_array_add (chart->values, layout);
}

/* The axis: from 0 (or below, for a negative figure) to past the largest, in steps of 1, 2 or 5
 * times a power of ten. */
static void
set_scale (PageChart *chart)
{
  double low = 0, high = 0, raw, magnitude, norm;

  for (guint i = 0; i < chart->numbers->len; i++)
    {
      double number = g_array_index (chart->numbers, double, i);

      low = MIN (low, number);
      high = MAX (high, number);
    }
  if (high - low < 1e-9)
    high = low + 1;
  raw = (high - low) / N_TICKS;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  chart->step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  chart->low = floor (low / chart->step + 1e-9) * chart->step;
  chart->high = ceil (high / chart->step - 1e-9) * chart->step;
}

static char *
tick_text (PageChart *chart,
           double     tick)
{
  int decimals = MAX (0, (int) -floor (log10 (chart->step) + 1e-9));

  if (fabs (tick) < chart->step * 1e-6)
    tick = 0;
  if (chart->value_type == TJ_REPORT_PERCENT)
    return tj_report_format_percent (tick);
  return g_strdup_printf ("%.*f", decimals, tick);
}

static double
widest (GPtrArray *layouts)
{
  double width = 0;

  for (guint i = 0; i < layouts->len; i++)
    width = MAX (width, tj_page_text_width (g_ptr_array_index (layouts, i)));
  return width;
}

/* Lays the chart out `width` wide from `x`, each part no taller than `room` (a page's type area).
 * Returns its parts, 0 without a bar. */
guint
tj_page_chart_lay_out (TjPageLayout *self,
                       PageChart    *chart,
                       const char   *title,
                       double        x,
                       double        width,
                       double        room)
{
  double pt = self->scale;
  double label_width, value_width, tick_height = 0, first_tick = 0, last_tick = 0;
  guint n = chart->numbers->len;

  if (n == 0)
    return 0;
  chart->x = x;
  chart->width = width;
  chart->title = tj_page_block_new (self, title, HEADING_FACE, TRUE, TITLE_SIZE, width,
                                    PANGO_ALIGN_CENTER, FALSE);
  chart->title_height = tj_page_text_height (chart->title) + GAP * pt;

  set_scale (chart);
  for (double tick = chart->low; tick <= chart->high + chart->step / 2; tick += chart->step)
    {
      g_autofree char *text = tick_text (chart, tick);
      PangoLayout *layout = tj_page_text_layout_new (self, BODY_FACE, FALSE, TICK_SIZE);

      pango_layout_set_text (layout, text, -1);
      g_ptr_array_add (chart->ticks, layout);
      tick_height = tj_page_text_height (layout);
    }
  chart->axis_height = (TICK_LENGTH + 2) * pt + tick_height;
  chart->pitch = PITCH_PER_SIZE * LABEL_SIZE * pt;
  chart->per_part = (guint) MAX (1.0, floor ((room - chart->title_height - chart->axis_height) /
                                             chart->pitch));

  /* The labels on the left, cut short when very long; the figures after the bars. */
  label_width = MIN (widest (chart->labels), LABEL_MAX_SHARE * width);
  for (guint i = 0; i < chart->labels->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (chart->labels, i);

      pango_layout_set_width (label, (int) (label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
    }
  value_width = widest (chart->values);
  if (chart->ticks->len > 0)
    {
      first_tick = tj_page_text_width (g_ptr_array_index (chart->ticks, 0));
      last_tick = tj_page_text_width (g_ptr_array_index (chart->ticks, chart->ticks->len - 1));
    }
  chart->plot_left = x + MAX (label_width + GAP * pt, first_tick / 2);
  chart->plot_right = x + width - MAX (value_width + GAP * pt, last_tick / 2);
  if (chart->plot_right - chart->plot_left < width / 4)
    chart->plot_right = chart->plot_left + width / 4;

  return (n + chart->per_part - 1) / chart->per_part;
}

/* The height of a part: the first has the title. */
double
tj_page_chart_part_height (PageChart *chart,
                           guint      part)
{
  guint first = part * chart->per_part;
  guint n = MIN (chart->numbers->len - first, chart->per_part);

  return (part == 0 ? chart->title_height : 0) + n * chart->pitch + chart->axis_height;
}

static double
at (PageChart *chart,
    double     value)
{
  return chart->plot_left +
         (value - chart->low) / (chart->high - chart->low) * (chart->plot_right - chart->plot_left);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Draws a part of the chart with its top at y. */
void
tj_page_chart_draw (TjPageLayout *self,
                    PageChart    *chart,
                    cairo_t      *cr,
                    double        y,
                    guint         part)
{
  double pt = self->scale;
  guint first = part * chart->per_part;
  guint last = MIN (chart->numbers->len, first + chart->per_part);
  double top = y + (part == 0 ? chart->title_height : 0);
  double foot = top + (last - first) * chart->pitch;
  double zero = at (chart, MAX (chart->low, MIN (0, chart->high)));
  guint t = 0;

  cairo_save (cr);
  if (part == 0)
    show_layout (cr, chart->title, chart->x, y);

  /* the grid, light, under the bars */
  cairo_set_line_width (cr, LINE_WIDTH * pt);
  cairo_set_source_rgb (cr, GRID_GREY, GRID_GREY, GRID_GREY);
  for (double tick = chart->low + chart->step; tick <= chart->high + chart->step / 2;
       tick += chart->step)
    {
      cairo_move_to (cr, at (chart, tick), top);
      cairo_line_to (cr, at (chart, tick), foot);
    }
  cairo_stroke (cr);

  for (guint i = first; i < last; i++)
    {
      double number = g_array_index (chart->numbers, double, i);
      double end = at (chart, number);
      double row_top = top + (i - first) * chart->pitch;
      double bar = BAR_SHARE * chart->pitch;
      PangoLayout *label = g_ptr_array_index (chart->labels, i);
      PangoLayout *value = g_ptr_array_index (chart->values, i);

      cairo_set_source_rgb (cr, BAR_GREY, BAR_GREY, BAR_GREY);
      cairo_rectangle (cr, MIN (zero, end), row_top + (chart->pitch - bar) / 2, fabs (end - zero),
                       bar);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_layout (cr, label, chart->x,
                   row_top + (chart->pitch - tj_page_text_height (label)) / 2);
      show_layout (cr, value, MAX (zero, end) + GAP / 2 * pt,
                   row_top + (chart->pitch - tj_page_text_height (value)) / 2);
    }

  /* the axes: the bars' base, and the scale at the foot with its ticks */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, zero, top);
  cairo_line_to (cr, zero, foot);
  cairo_move_to (cr, chart->plot_left, foot);
  cairo_line_to (cr, chart->plot_right, foot);
  for (double tick = chart->low; tick <= chart->high + chart->step / 2; tick += chart->step)
    {
      cairo_move_to (cr, at (chart, tick), foot);
      cairo_line_to (cr, at (chart, tick), foot + TICK_LENGTH * pt);
    }
  cairo_stroke (cr);
  for (double tick = chart->low; tick <= chart->high + chart->step / 2 && t < chart->ticks->len;
       tick += chart->step, t++)
    {
      PangoLayout *layout = g_ptr_array_index (chart->ticks, t);

      show_layout (cr, layout, at (chart, tick) - tj_page_text_width (layout) / 2,
                   foot + (TICK_LENGTH + 2) * pt);
    }
  cairo_restore (cr);
}

/* A report's chart on a screen, drawn as the pages draw it (one part, all its bars). */
double
tj_page_layout_draw_chart (TjReport     *report,
                           PangoContext *context,
                           cairo_t      *cr,
                           double        x,
                           double        y,
                           double        width)
{
  TjPageLayout layout = { 0 };
  Sheet sheet = { 0 };
  PageChart *chart = tj_page_chart_new (report);
  const char *title = NULL;
  double resolution, height = 0;

  if (chart == NULL || tj_report_is_streamed (report))
    {
      tj_page_chart_free (chart);
      return 0;
    }
  resolution = pango_cairo_context_get_resolution (context);
  layout.context = context;
  layout.scale = (resolution > 0 ? resolution : 96.0) / 72.0;
  sheet.report = report;
  for (guint r = 0; r < tj_report_get_n_rows (report); r++)
    tj_page_chart_add_row (&layout, chart, &sheet, r);
  tj_report_get_chart (report, &title, NULL, NULL);
  /* room for every bar in one part */
  if (tj_page_chart_lay_out (&layout, chart, title, x, width,
                             (chart->numbers->len + 8) * PITCH_PER_SIZE * LABEL_SIZE *
                               layout.scale * 2) > 0)
    {
      height = tj_page_chart_part_height (chart, 0);
      if (cr != NULL)
        {
          /* the title is drawn in the source the pages leave: black */
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          tj_page_chart_draw (&layout, chart, cr, y, 0);
          cairo_restore (cr);
        }
    }
  tj_page_chart_free (chart);
  return height;
}
