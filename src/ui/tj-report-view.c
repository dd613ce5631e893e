/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-report-view"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-report-view.h"

#define TJ_REPORT_VIEW_MAX_ROWS 100

/* A small report (a summary table of the bulletin) on screen: the same value the workbook and
 * the printed pages are written from, laid out as a grid. */

static gboolean
is_number (TjReportType type)
{
  return type == TJ_REPORT_INTEGER || type == TJ_REPORT_WAN || type == TJ_REPORT_YI ||
         type == TJ_REPORT_PERCENT;
}

static GtkWidget *
cell_label (const char *text,
            gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

GtkWidget *
tj_report_view_new (TjReport *report)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (report->title);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  guint n_columns = tj_report_get_n_columns (report);
  guint n_rows = tj_report_get_n_rows (report);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), title);
  if (report->unit_line != NULL)
    {
      GtkWidget *unit = gtk_label_new (report->unit_line);

      gtk_widget_add_css_class (unit, "dim-label");
      gtk_box_append (GTK_BOX (heading), unit);
    }
  gtk_box_append (GTK_BOX (box), heading);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 0);
  gtk_widget_add_css_class (grid, "report-grid");
  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportColumn *column = tj_report_get_column (report, c);
      GtkWidget *label = cell_label (column->header, is_number (column->type));

      gtk_widget_add_css_class (label, "report-header");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  /* On screen a long list is a glimpse; the whole of it is in the exported files. */
  for (guint r = 0; r < MIN (n_rows, TJ_REPORT_VIEW_MAX_ROWS); r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const TjReportCell *cell = tj_report_get_cell (report, r, c);
        g_autofree char *text = tj_report_cell_text (cell);
        GtkWidget *label = cell_label (text, is_number (cell->type));

        if (tj_report_get_row_kind (report, r) == TJ_REPORT_ROW_TOTAL)
          gtk_widget_add_css_class (label, "report-total");
        if (cell->type == TJ_REPORT_LIGHT && cell->value.light != TJ_LIGHT_NONE)
          gtk_widget_add_css_class (label, cell->value.light == TJ_LIGHT_RED      ? "light-red"
                                           : cell->value.light == TJ_LIGHT_YELLOW ? "light-yellow"
                                                                                  : "light-green");
        gtk_grid_attach (GTK_GRID (grid), label, c, r + 1, 1, 1);
      }
  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_box_append (GTK_BOX (box), frame);
  if (n_rows > TJ_REPORT_VIEW_MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u of %u rows; the exported workbook "
                                                 "and PDF hold them all."),
                                               TJ_REPORT_VIEW_MAX_ROWS, n_rows);
      GtkWidget *note = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }
  for (guint i = 0; report->notes != NULL && i < report->notes->len; i++)
    {
      GtkWidget *note = gtk_label_new (g_ptr_array_index (report->notes, i));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }
  return box;
}
