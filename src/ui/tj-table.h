/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How a cell shows a value that does not fit: a number or a date is never cut (the column is at
 * least as wide as the value), a number is right-aligned; a text is cut at its end with "…" and
 * shows itself whole in a tooltip. */
typedef enum
{
  TJ_TABLE_TEXT,
  TJ_TABLE_NUMBER,
  TJ_TABLE_DATE,
} TjTableKind;

/* A read-only column view over a list of records: one light cell per column, its text from a
 * function, sized in characters. */
typedef struct
{
  const char *id;
  const char *title; /* N_() */
  int width;         /* characters of a CJK face */
  TjTableKind kind;
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
/* One light cell (GtkInscription) of width CJK characters, for every table of the window. */
GtkWidget *tj_table_cell_new (int         width,
                              TjTableKind kind);
void tj_table_cell_set_text (GtkWidget  *cell,
                             const char *text);
int tj_table_column_index (const TjTableColumn *columns,
                           guint                n_columns,
                           const char          *id);

G_END_DECLS
