/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_PAGE (tj_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TjPage, tj_page, TJ, PAGE, GtkWidget)

/* A page of the window: it reads its database (the construct-only property "db") and shows the
 * list of its "year", bound to the window's. */
struct _TjPageClass
{
  GtkWidgetClass parent_class;

  /* The year was set to another value: show its list (called before notify::year). */
  void (*year_changed) (TjPage *self);

  gpointer padding[4];
};

TjDb *tj_page_get_db (TjPage *self);
int tj_page_get_year (TjPage *self);
void tj_page_set_year (TjPage *self,
                       int     year);
void tj_page_watch_tables (TjPage            *self,
                           const char *const *tables,
                           GCallback          callback);

G_END_DECLS
