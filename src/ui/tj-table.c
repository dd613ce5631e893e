/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-table"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-table.h"

typedef struct
{
  guint column;
  gboolean numeric;
  TjTableText text;
  TjTableStyle style;
} Cell;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Cell                     *cell)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width")));
  if (cell->numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
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

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
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
      cell->numeric = columns[c].numeric;
      cell->text = text;
      cell->style = style;
      g_object_set_data (G_OBJECT (factory), "width", GINT_TO_POINTER (columns[c].width * 2));
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
