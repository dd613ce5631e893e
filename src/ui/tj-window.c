/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-window.h"

struct _TjWindow
{
  AdwApplicationWindow parent_instance;
  AdwViewStack *stack;
};

G_DEFINE_FINAL_TYPE (TjWindow, tj_window, ADW_TYPE_APPLICATION_WINDOW)

static void
tj_window_class_init (TjWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tuijin/Tuijin/ui/tj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TjWindow, stack);
}

static void
tj_window_init (TjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TjWindow *
tj_window_new (TjApplication *app)
{
  return g_object_new (TJ_TYPE_WINDOW, "application", app, NULL);
}
