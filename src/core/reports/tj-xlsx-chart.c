/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-xlsx-writer"
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tj-xlsx-chart.h"

/* Sizes in pixels, as Excel counts them for the default font (a digit 7 pixels wide). */
#define ROW_PIXELS 20      /* a row of the default height, 15 points */
#define BAR_PIXELS 22      /* a bar and its gap */
#define FRAME_PIXELS 90    /* the title and the value axis */
#define DIGIT_PIXELS 7
#define COLUMN_PADDING 5
#define DEFAULT_WIDTH 480.0 /* libxlsxwriter's chart, unscaled */
#define DEFAULT_HEIGHT 288.0

/* Black and grey only: a grey print reads as the screen does. */
#define BAR_COLOUR 0x404040
#define GRID_COLOUR 0xBFBFBF

static guint
chart_pixels (guint n_bars)
{
  return FRAME_PIXELS + MAX (n_bars, 1) * BAR_PIXELS;
}

guint
tj_xlsx_chart_rows (guint n_bars)
{
  return (chart_pixels (n_bars) + ROW_PIXELS - 1) / ROW_PIXELS;
}

static void
bar_clear (gpointer data)
{
  TjXlsxChartBar *bar = data;

  g_free (bar->label);
}

GArray *
tj_xlsx_chart_bars_new (TjReport *report)
{
  GArray *bars;

  if (!tj_report_get_chart (report, NULL, NULL, NULL))
    return NULL;
  bars = g_array_new (FALSE, FALSE, sizeof (TjXlsxChartBar));
  g_array_set_clear_func (bars, bar_clear);
  return bars;
}

void
tj_xlsx_chart_add_bar (GArray       *bars,
                       TjReport     *report,
                       TjReportIter *iter,
                       lxw_row_t     row)
{
  guint category, value;
  TjXlsxChartBar bar = { row, NULL, 0 };

  if (tj_report_iter_get_kind (iter) != TJ_REPORT_ROW_BODY ||
      !tj_report_get_chart (report, NULL, &category, &value))
    return;
  bar.label = tj_report_cell_text (tj_report_iter_get_cell (iter, category));
  bar.value = tj_report_cell_number (tj_report_iter_get_cell (iter, value));
  g_array_append_val (bars, bar);
}

/* The values the chart shows before Excel reads the cells again (a viewer may never): a range's
 * cache, allocated as libxlsxwriter frees it. */
static void
set_cache (lxw_series_range *range,
           GArray           *bars,
           gboolean          labels)
{
  if (bars->len > G_MAXUINT16 || range->data_cache == NULL)
    return;
  range->ignore_cache = LXW_TRUE;
  range->has_string_cache = labels;
  range->num_data_points = bars->len;
  for (guint i = 0; i < bars->len; i++)
    {
      const TjXlsxChartBar *bar = &g_array_index (bars, TjXlsxChartBar, i);
      lxw_series_data_point *point = calloc (1, sizeof (lxw_series_data_point));

      if (point == NULL)
        return;
      if (labels)
        {
          point->is_string = LXW_TRUE;
          point->string = strdup (bar->label);
        }
      else
        point->number = bar->value;
      STAILQ_INSERT_TAIL (range->data_cache, point, list_pointers);
    }
}

static char *
column_letters (lxw_col_t column)
{
  GString *letters = g_string_new (NULL);

  for (guint n = column + 1; n > 0; n = (n - 1) / 26)
    g_string_prepend_c (letters, 'A' + (n - 1) % 26);
  return g_string_free (letters, FALSE);
}

/* The cells of one column at the body rows, as a formula: one range when the rows follow each
 * other, else the ranges in brackets (the body rows around a section's heading). */
static char *
body_range (const char *sheet_name,
            GArray     *bars,
            lxw_col_t   column)
{
  g_autofree char *letters = column_letters (column);
  g_autofree char *quoted = NULL;
  g_auto (GStrv) parts = g_strsplit (sheet_name, "'", -1);
  GString *formula = g_string_new ("=");
  guint n_ranges = 0;

  quoted = g_strjoinv ("''", parts);
  for (guint i = 0; i < bars->len;)
    {
      lxw_row_t first = g_array_index (bars, TjXlsxChartBar, i).row;
      lxw_row_t last = first;

      for (i++; i < bars->len && g_array_index (bars, TjXlsxChartBar, i).row == last + 1; i++)
        last++;
      g_string_append_printf (formula, "%s'%s'!$%s$%u:$%s$%u", n_ranges > 0 ? "," : "", quoted,
                              letters, first + 1, letters, last + 1);
      n_ranges++;
    }
  if (n_ranges > 1)
    {
      g_string_insert_c (formula, 1, '(');
      g_string_append_c (formula, ')');
    }
  return g_string_free (formula, FALSE);
}

/* Horizontal bars, the first row at the top as in the table, the value at the end of each bar;
 * the names of 15 to 20 townships read across, not tilted under columns. */
lxw_error
tj_xlsx_chart_insert (lxw_workbook  *workbook,
                      lxw_worksheet *sheet,
                      const char    *sheet_name,
                      TjReport      *report,
                      GArray        *bars,
                      lxw_row_t      at,
                      const double  *widths,
                      guint          n_columns,
                      const char    *title_font,
                      const char    *body_font)
{
  const char *title;
  guint category, value;
  g_autofree char *categories = NULL;
  g_autofree char *values = NULL;
  lxw_chart_font heading = { .name = (char *) title_font, .size = 12, .bold = LXW_TRUE };
  lxw_chart_font text = { .name = (char *) body_font, .size = 10 };
  lxw_chart_fill fill = { .color = BAR_COLOUR };
  lxw_chart_line grid = { .color = GRID_COLOUR, .width = 0.5 };
  lxw_chart_options options = { 0 };
  lxw_chart_series *series;
  lxw_chart *chart;
  const char *number_format;
  double pixels = 0;

  if (!tj_report_get_chart (report, &title, &category, &value) || bars->len == 0)
    return LXW_NO_ERROR;
  chart = workbook_add_chart (workbook, LXW_CHART_BAR);
  if (chart == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  categories = body_range (sheet_name, bars, category);
  values = body_range (sheet_name, bars, value);
  series = chart_add_series (chart, categories, values);
  if (series == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  set_cache (series->categories, bars, TRUE);
  set_cache (series->values, bars, FALSE);
  chart_series_set_fill (series, &fill);
  chart_series_set_labels (series);
  chart_series_set_labels_position (series, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
  chart_series_set_labels_font (series, &text);
  /* the figures as the table shows them: 98.5, 86.2% */
  number_format = tj_xlsx_number_format (tj_report_get_column (report, value)->type);
  if (number_format != NULL)
    {
      chart_series_set_labels_num_format (series, number_format);
      chart_axis_set_num_format (chart->x_axis, number_format);
    }

  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &heading);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_set_series_gap (chart, 60);

  /* In a bar chart y is the axis of the categories: reversed, the first row on top, and the
   * values' axis kept at the foot. */
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_crossing_max (chart->y_axis);
  chart_axis_set_num_font (chart->y_axis, &text);
  chart_axis_set_num_font (chart->x_axis, &text);
  chart_axis_major_gridlines_set_visible (chart->x_axis, LXW_TRUE);
  chart_axis_major_gridlines_set_line (chart->x_axis, &grid);

  /* as wide as the table's columns, as libxlsxwriter counts their pixels */
  for (guint c = 0; c < n_columns; c++)
    pixels += widths[c] < 1 ? floor (widths[c] * (DIGIT_PIXELS + COLUMN_PADDING) + 0.5)
                            : floor (widths[c] * DIGIT_PIXELS + 0.5) + COLUMN_PADDING;
  options.x_scale = MAX (pixels, DEFAULT_WIDTH / 2) / DEFAULT_WIDTH;
  options.y_scale = (double) chart_pixels (bars->len) / DEFAULT_HEIGHT;
  options.x_offset = 0;
  options.y_offset = 0;
  return worksheet_insert_chart_opt (sheet, at, 0, chart, &options);
}
