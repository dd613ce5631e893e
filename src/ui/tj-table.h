/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A read-only column view over a list of records: one light cell per column, its text from a
 * function, sized in characters. */
typedef struct
{
  const char *id;
  const char *title; /* N_() */
  int width;         /* characters of a CJK face */
  gboolean numeric;
} TjTableColumn;

typedef char *(*TjTableText) (gpointer object,
                              guint    column);
typedef const char *(*TjTableStyle) (gpointer object); /* a CSS class for the row's cells, or NULL */

GtkColumnView *tj_table_new (GtkSelectionModel   *model,
                             const TjTableColumn *columns,
                             guint                n_columns,
                             guint                expand,
                             TjTableText          text,
                             TjTableStyle         style);
int tj_table_column_index (const TjTableColumn *columns,
                           guint                n_columns,
                           const char          *id);

G_END_DECLS
