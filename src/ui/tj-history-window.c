/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-history-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-audit.h"
#include "tj-history-window.h"

/* A project's history from the audit log, newest first; read-only, as the log is. */
struct _TjHistoryWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *title;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (TjHistoryWindow, tj_history_window, ADW_TYPE_WINDOW)

static void
tj_history_window_class_init (TjHistoryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TjHistoryWindow, title);
  gtk_widget_class_bind_template_child (widget_class, TjHistoryWindow, group);
}

static void
tj_history_window_init (TjHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
tj_history_window_new (TjDb      *db,
                       TjProject *project)
{
  TjHistoryWindow *self = g_object_new (TJ_TYPE_HISTORY_WINDOW, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = tj_audit_history (db, "projects", project->id, &error);

  adw_window_title_set_subtitle (self->title, project->name);
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
      adw_preferences_group_add (self->group, row);
    }
  if (entries == NULL || entries->len == 0)
    adw_preferences_group_set_description (self->group,
                                           error != NULL ? error->message
                                                         : _("No changes recorded."));

  return GTK_WINDOW (self);
}
