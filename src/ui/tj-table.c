/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-table"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-table.h"

typedef struct
{
  guint column;
  int width;
  TjTableKind kind;
  TjTableText text;
  TjTableStyle style;
} Cell;

/* A narrowed text column keeps this many CJK characters before its "…". */
#define TEXT_MIN_WIDTH 5

/* The whole text, only when the cell cuts it. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  g_autoptr (PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (widget))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

GtkWidget *
tj_table_cell_new (int         width,
                   TjTableKind kind)
{
  GtkWidget *cell = gtk_inscription_new (NULL);
  /* characters of a CJK face are about two of the inscription's average character */
  int chars = width * 2;

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), chars);
  switch (kind)
    {
    case TJ_TABLE_NUMBER:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), chars);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    case TJ_TABLE_DATE:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), chars);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    case TJ_TABLE_TEXT:
    default:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), MIN (width, TEXT_MIN_WIDTH) * 2);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
      break;
    }
  return cell;
}

void
tj_table_cell_set_text (GtkWidget  *cell,
                        const char *text)
{
  g_return_if_fail (GTK_IS_INSCRIPTION (cell));

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Cell                     *cell)
{
  gtk_list_item_set_child (item, tj_table_cell_new (cell->width, cell->kind));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Cell                     *cell)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = cell->text (object, cell->column);
  const char *style = cell->style != NULL ? cell->style (object) : NULL;
  const char *previous = g_object_get_data (G_OBJECT (label), "style");

  tj_table_cell_set_text (label, text);
  if (previous != NULL)
    gtk_widget_remove_css_class (label, previous);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  g_object_set_data (G_OBJECT (label), "style", (gpointer) style);
}

GtkColumnView *
tj_table_new (GtkSelectionModel   *model,
              const TjTableColumn *columns,
              guint                n_columns,
              guint                expand,
              TjTableText          text,
              TjTableStyle         style)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (model)));

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;
      Cell *cell = g_new0 (Cell, 1);

      cell->column = c;
      cell->width = columns[c].width;
      cell->kind = columns[c].kind;
      cell->text = text;
      cell->style = style;
      g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), cell,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), cell);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == expand);
      gtk_column_view_append_column (view, column);
    }
  return view;
}

int
tj_table_column_index (const TjTableColumn *columns,
                       guint                n_columns,
                       const char          *id)
{
  for (guint c = 0; c < n_columns; c++)
    if (g_strcmp0 (columns[c].id, id) == 0)
      return c;
  return -1;
}
