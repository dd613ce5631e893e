/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-application"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-application.h"
#include "tj-auto-backup.h"
#include "tj-resources.h"
#include "tj-window.h"

/* The daily backup is looked for once the window is open, then every hour while it stays. */
#define AUTO_BACKUP_FIRST_SECONDS 5
#define AUTO_BACKUP_EVERY_SECONDS 3600

struct _TjApplication
{
  AdwApplication parent_instance;
  char *db_path;
  TjDb *db;
  GSettings *settings;
  guint backup_source;
  gboolean backup_running;
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
auto_backup_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  char *written = NULL;

  /* on a connection of its own: a TjDb is never shared between threads */
  if (!tj_auto_backup_run (task_data, NULL, NULL, &written, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, g_free);
}

static void
auto_backup_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TjApplication *self = TJ_APPLICATION (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);

  self->backup_running = FALSE;
  if (error != NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      GtkWidget *overlay = NULL;
      g_autofree char *title = NULL;

      g_message ("The daily backup failed: %s", error->message);
      if (window != NULL && TJ_IS_WINDOW (window))
        overlay = gtk_widget_get_ancestor (
            GTK_WIDGET (tj_window_get_project_page (TJ_WINDOW (window))),
            ADW_TYPE_TOAST_OVERLAY);
      /* Translators: a toast: "每日自动备份失败：…" */
      title = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }
  else if (written != NULL)
    g_debug ("Daily backup written to %s", written);
  g_application_release (G_APPLICATION (self));
}

/* Makes today's backup when there is none yet, in a worker thread; the application stays until
 * it is written. */
static gboolean
auto_backup_cb (gpointer user_data)
{
  TjApplication *self = user_data;
  g_autoptr (GTask) task = NULL;

  if (self->backup_source != 0 && self->db != NULL && !self->backup_running)
    {
      self->backup_running = TRUE;
      g_application_hold (G_APPLICATION (self));
      task = g_task_new (self, NULL, auto_backup_done_cb, NULL);
      g_task_set_task_data (task, g_strdup (tj_db_get_path (self->db)), g_free);
      g_task_run_in_thread (task, auto_backup_thread);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
auto_backup_first_cb (gpointer user_data)
{
  TjApplication *self = user_data;

  self->backup_source = g_timeout_add_seconds (AUTO_BACKUP_EVERY_SECONDS, auto_backup_cb, self);
  auto_backup_cb (self);
  return G_SOURCE_REMOVE;
}

static void
tj_application_shutdown (GApplication *app)
{
  TjApplication *self = TJ_APPLICATION (app);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  G_APPLICATION_CLASS (tj_application_parent_class)->shutdown (app);
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
      if (self->backup_source == 0)
        self->backup_source = g_timeout_add_seconds (AUTO_BACKUP_FIRST_SECONDS,
                                                     auto_backup_first_cb, self);
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
    /* the pages in the order of the tabs (resources/ui/tj-window.ui) */
    { "win.show-page::projects", { "<Alt>1", NULL } },
    { "win.show-page::progress", { "<Alt>2", NULL } },
    { "win.show-page::agency", { "<Alt>3", NULL } },
    { "win.show-page::approvals", { "<Alt>4", NULL } },
    { "win.show-page::bulletin", { "<Alt>5", NULL } },
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
  app_class->shutdown = tj_application_shutdown;
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
