/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-history-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-audit.h"
#include "tj-history-window.h"

/* A project's history from the audit log, newest first; read-only, as the log is. */
GtkWindow *
tj_history_window_new (TjDb      *db,
                       TjProject *project)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("History"), project->name);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = tj_audit_history (db, "projects", project->id, &error);
  g_autoptr (GtkShortcut) escape = NULL;
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("History"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_window_set_content (ADW_WINDOW (window), box);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      TjAuditEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *when = g_strdup_printf ("%s · %s", entry->at, entry->os_user);

      g_strdelimit (when, "T", ' ');
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), i == 0);
      for (guint k = 0; k < entry->changes->len; k++)
        {
          GtkWidget *change = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change),
                                         g_ptr_array_index (entry->changes, k));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (change), FALSE);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (change), 3);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (entries == NULL || entries->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           error != NULL ? error->message
                                                         : _("No changes recorded."));

  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("window.close"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        g_steal_pointer (&escape));
  gtk_widget_add_controller (window, shortcuts);
  return GTK_WINDOW (window);
}
