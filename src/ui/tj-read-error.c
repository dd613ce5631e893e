/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-read-error"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-read-error.h"

/* What a page shows in place of its list when the list could not be read: the reason in words
 * and a button that reads it again. A failed read never shows as an empty list. */
struct _TjReadError
{
  GtkWidget parent_instance;

  AdwStatusPage *status;
  GtkButton *retry;
};

G_DEFINE_FINAL_TYPE (TjReadError, tj_read_error, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
retry_clicked_cb (TjReadError *self)
{
  g_signal_emit (self, signals[SIGNAL_RETRY], 0);
}

static void
tj_read_error_dispose (GObject *object)
{
  TjReadError *self = TJ_READ_ERROR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->status = NULL;
  self->retry = NULL;
  G_OBJECT_CLASS (tj_read_error_parent_class)->dispose (object);
}

static void
tj_read_error_class_init (TjReadErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_read_error_dispose;
  /**
   * TjReadError::retry:
   *
   * The user asks to read the data again.
   */
  signals[SIGNAL_RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tj-read-error");
}

static void
tj_read_error_init (TjReadError *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *hint = gtk_label_new (_("The list is not shown, so that data that could not be read "
                                     "is not taken for no data. Nothing was changed. Check that "
                                     "the database file can be reached, then retry."));

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
  adw_status_page_set_title (self->status, _("Cannot Read the Data"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->status), TRUE);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint, "dim-label");
  /* two short lines under the reason, not one long one */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 440);
  adw_clamp_set_child (ADW_CLAMP (clamp), hint);
  self->retry = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Retry")));
  gtk_widget_set_halign (GTK_WIDGET (self->retry), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->retry), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->retry), "suggested-action");
  g_signal_connect_swapped (self->retry, "clicked", G_CALLBACK (retry_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), clamp);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->retry));
  adw_status_page_set_child (self->status, box);
  gtk_widget_set_parent (GTK_WIDGET (self->status), GTK_WIDGET (self));
}

GtkWidget *
tj_read_error_new (void)
{
  return g_object_new (TJ_TYPE_READ_ERROR, NULL);
}

/* The reason, as core words it, under the title. */
void
tj_read_error_set_error (TjReadError  *self,
                         const GError *error)
{
  g_return_if_fail (TJ_IS_READ_ERROR (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->status, error->message);
}

const char *
tj_read_error_get_message (TjReadError *self)
{
  g_return_val_if_fail (TJ_IS_READ_ERROR (self), NULL);

  return adw_status_page_get_description (self->status);
}

/* What a click on 重试 does. */
void
tj_read_error_retry (TjReadError *self)
{
  g_return_if_fail (TJ_IS_READ_ERROR (self));

  g_signal_emit_by_name (self->retry, "clicked");
}

static void
alert_mapped_cb (GtkWidget *window,
                 char      *body)
{
  tj_alert (GTK_WINDOW (window), _("Cannot Read the Data"), body);
  g_signal_handlers_disconnect_by_func (window, alert_mapped_cb, body);
}

/* A form whose choices could not be read: says why, and that it will not save, once the form
 * is on screen (a dialog needs its parent shown). */
void
tj_read_error_alert (GtkWindow    *window,
                     const GError *error)
{
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (error != NULL);

  body = g_strdup_printf (_("%s\n\nSo that nothing wrong is saved, this form cannot be saved. "
                            "Close it and open it again."),
                          error->message);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    tj_alert (window, _("Cannot Read the Data"), body);
  else
    g_signal_connect_data (window, "map", G_CALLBACK (alert_mapped_cb), g_steal_pointer (&body),
                           (GClosureNotify) (void (*) (void)) g_free, 0);
}
