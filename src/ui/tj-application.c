/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-application"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-application.h"
#include "tj-resources.h"
#include "tj-window.h"

struct _TjApplication
{
  AdwApplication parent_instance;
  char *db_path;
  TjDb *db;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (TjApplication, tj_application, ADW_TYPE_APPLICATION)

static void
tj_application_finalize (GObject *object)
{
  TjApplication *self = TJ_APPLICATION (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_free (self->db_path);
  G_OBJECT_CLASS (tj_application_parent_class)->finalize (object);
}

static void
show_open_error (TjApplication *self,
                 GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot open the database"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tj_application_activate (GApplication *app)
{
  TjApplication *self = TJ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr (GError) error = NULL;

  if (window == NULL)
    {
      if (self->db == NULL)
        {
          g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path)
                                                         : tj_db_default_path ();
          self->db = tj_db_open (path, &error);
        }
      if (self->db == NULL)
        {
          show_open_error (self, error);
          return;
        }
      window = GTK_WINDOW (tj_window_new (self, self->db));
    }
  gtk_window_present (window);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
tj_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_activated_cb },
  };
  static const struct
  {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.units", { "<Control>u", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (tj_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
tj_application_class_init (TjApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library, whose constructors the linker may drop. */
  g_resources_register (tj_get_resource ());
  object_class->finalize = tj_application_finalize;
  app_class->activate = tj_application_activate;
  app_class->startup = tj_application_startup;
}

static void
tj_application_init (TjApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

TjApplication *
tj_application_new (const char *db_path)
{
  TjApplication *self = g_object_new (TJ_TYPE_APPLICATION, "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", "/io/github/tuijin/Tuijin", NULL);

  self->db_path = g_strdup (db_path);
  return self;
}

/* Tests hand the application a database they opened. */
TjDb *
tj_application_get_db (TjApplication *self)
{
  g_return_val_if_fail (TJ_IS_APPLICATION (self), NULL);
  return self->db;
}

GSettings *
tj_application_get_settings (TjApplication *self)
{
  g_return_val_if_fail (TJ_IS_APPLICATION (self), NULL);
  return self->settings;
}
