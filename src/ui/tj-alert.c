/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-alert"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"

/* A message the user only acknowledges: what failed, and why, in words. */
void
tj_alert (GtkWindow  *parent,
          const char *heading,
          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
