/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the widget tests share: letting the main loop run, and an in-process screenshot. */
#pragma once

#include <adwaita.h>

#include "tj-form-row.h"

/* The first widget of type under widget, depth first; NULL when there is none. */
static inline GtkWidget *
tj_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = tj_test_find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static inline void
tj_test_wait_idle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets transitions finish before a screenshot. */
static inline void
tj_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders the widget's content to G_TEST_BUILDDIR/name, to look at and for the metainfo. */
static inline void
tj_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  GskRenderer *renderer;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  tj_test_wait_ms (400);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The message dialog shown now with this heading, or NULL. */
static inline AdwMessageDialog *
tj_test_find_dialog (const char *heading)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* One Tab per field: from the first of fields (n of them, in the form's order, shown by
 * tj_form_row_new), each Tab lands in the next field's input, never on the row around it. */
static inline void
tj_test_assert_one_tab_per_field (GtkWidget         *form,
                                  const char *const *fields,
                                  guint              n)
{
  g_assert_true (gtk_widget_grab_focus (tj_form_find_input (form, fields[0])));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *input = tj_form_find_input (form, fields[i]);
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (form));

      g_assert_nonnull (input);
      if (focus == NULL || (focus != input && !gtk_widget_is_ancestor (focus, input)))
        g_error ("after %u Tab the focus is on a %s, not in “%s”", i,
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing", fields[i]);
      if (i + 1 < n)
        g_assert_true (gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD));
    }
}

/* Answers as the user's click would: the response, then the dialog closes. */
static inline void
tj_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  tj_test_wait_idle ();
}

/* Waits, up to 20 s, for a dialog a file job opens when it is done. */
static inline AdwMessageDialog *
tj_test_wait_for_dialog (const char *heading)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog = NULL;

  while (dialog == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      dialog = tj_test_find_dialog (heading);
    }
  g_assert_nonnull (dialog);
  return dialog;
}
