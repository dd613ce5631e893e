/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-export-chooser.h"
#include "tj-file-chooser.h"
#include "tj-page.h"

/* What every page of the window shares: its database, its year and its open save dialog. */
typedef struct
{
  TjDb *db;
  int year;
  GtkFileChooserNative *chooser;
} TjPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TjPage, tj_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tj_page_dispose (GObject *object)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_clear_object (&priv->chooser);
  g_clear_object (&priv->db);
  G_OBJECT_CLASS (tj_page_parent_class)->dispose (object);
}

static void
tj_page_constructed (GObject *object)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  G_OBJECT_CLASS (tj_page_parent_class)->constructed (object);
  g_return_if_fail (TJ_IS_DB (priv->db));
}

static void
tj_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, priv->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, priv->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  TjPage *self = TJ_PAGE (object);
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      priv->db = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      tj_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_page_class_init (TjPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tj_page_constructed;
  object_class->dispose = tj_page_dispose;
  object_class->get_property = tj_page_get_property;
  object_class->set_property = tj_page_set_property;
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, TJ_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                               G_PARAM_STATIC_STRINGS);
  /* the year of the list shown; 0 shows none */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tj_page_init (TjPage *self)
{
}

/* The page's database; NULL once the page is disposed. */
TjDb *
tj_page_get_db (TjPage *self)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_val_if_fail (TJ_IS_PAGE (self), NULL);
  return priv->db;
}

int
tj_page_get_year (TjPage *self)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_val_if_fail (TJ_IS_PAGE (self), 0);
  return priv->year;
}

/* Another year: the page shows its list, then "year" is notified; the same year does nothing. */
void
tj_page_set_year (TjPage *self,
                  int     year)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (year >= 0);

  if (priv->year == year)
    return;
  priv->year = year;
  if (TJ_PAGE_GET_CLASS (self)->year_changed != NULL)
    TJ_PAGE_GET_CLASS (self)->year_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* CALLBACK (void (*) (TjPage *self), the page's subclass in practice) is called once for each of
 * TABLES (NULL-terminated) that a commit wrote, until the page is disposed: nothing is read again
 * on the way out (g_signal_connect_object's closures go with the page's dispose, test-page). */
void
tj_page_watch_tables (TjPage            *self,
                      const char *const *tables,
                      GCallback          callback)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (TJ_IS_DB (priv->db));
  g_return_if_fail (tables != NULL && callback != NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strconcat ("changed::", tables[i], NULL);

      g_signal_connect_object (priv->db, detailed, callback, self, G_CONNECT_SWAPPED);
    }
}

/* Shows TOAST (floating, consumed) on the window's toast overlay; a page outside a window drops
 * it. */
void
tj_page_show_toast (TjPage   *self,
                    AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* An error told in a dialog over the page's window. */
void
tj_page_alert (TjPage     *self,
               const char *heading,
               const char *body)
{
  g_return_if_fail (TJ_IS_PAGE (self));

  tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
}

/* Undo puts back what the delete took, as core recorded it, with its ids. */
static void
undo_delete_cb (AdwToast   *toast,
                TjDeletion *deletion)
{
  TjPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr (GError) error = NULL;

  if (!tj_deletion_undo (tj_page_get_db (self), deletion, &error))
    tj_page_alert (self, _("Cannot undo"), error->message);
}

/* After a delete that DELETION (taken) recorded: a toast TITLE with an Undo button that puts
 * it back. Returns the toast, also kept as the page's "last-toast" for tests. */
AdwToast *
tj_page_delete_with_undo (TjPage     *self,
                          TjDeletion *deletion,
                          const char *title)
{
  AdwToast *toast;

  g_return_val_if_fail (TJ_IS_PAGE (self), NULL);
  g_return_val_if_fail (deletion != NULL && title != NULL, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "page", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deletion,
                         (GClosureNotify) (void (*) (void)) tj_deletion_free, 0);
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref (toast), g_object_unref);
  tj_page_show_toast (self, toast);
  return toast;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjPage          *self)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);
  TjPageExportFunc func = g_object_get_data (G_OBJECT (dialog), "func");
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  if (path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      func (self, path, g_object_get_data (G_OBJECT (dialog), "data"));
    }
  g_clear_object (&priv->chooser);
}

/* Asks where to save in a save dialog TITLE offering FORMATS (TJ_PAGE_FORMAT bits; the CSV
 * filter named CSV_LABEL), NAME suggested in the last folder used; an accepted path goes to
 * FUNC with DATA (freed with DATA_FREE when the dialog goes). One dialog at a time. */
void
tj_page_choose_export (TjPage          *self,
                       const char      *title,
                       const char      *name,
                       guint            formats,
                       const char      *csv_label,
                       TjPageExportFunc func,
                       gpointer         data,
                       GDestroyNotify   data_free)
{
  TjPagePrivate *priv = tj_page_get_instance_private (self);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkFileChooser *chooser;

  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (title != NULL && name != NULL && func != NULL);

  g_clear_object (&priv->chooser);
  priv->chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (priv->chooser);
  for (TjReportFormat format = 0; format < TJ_REPORT_N_FORMATS; format++)
    if (formats & TJ_PAGE_FORMAT (format))
      tj_export_chooser_add_filter (chooser, format,
                                    format == TJ_REPORT_FORMAT_CSV ? csv_label : NULL);
  gtk_file_chooser_set_current_name (chooser, name);
  tj_file_chooser_prepare (chooser);
  g_object_set_data (G_OBJECT (chooser), "func", func);
  g_object_set_data_full (G_OBJECT (chooser), "data", data, data_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjPage *self = TJ_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (tj_file_job_get_path (result));
  g_autofree char *title = NULL;

  if (!tj_file_job_finish (result, &error))
    {
      tj_page_alert (self, _("Export Failed"), error->message);
      return;
    }
  title = g_strdup_printf (_("Exported to “%s”"), base);
  tj_page_show_toast (self, adw_toast_new (title));
}

/* Writes PATH with FUNC (DATA, freed with DATA_FREE) in a worker thread followed by JOBS (the
 * page's exports, busy meanwhile); then a toast names the file, or a dialog tells the error. */
void
tj_page_export (TjPage        *self,
                TjFileJob     *jobs,
                const char    *path,
                TjFileJobFunc  func,
                gpointer       data,
                GDestroyNotify data_free)
{
  g_return_if_fail (TJ_IS_PAGE (self));
  g_return_if_fail (TJ_IS_FILE_JOB (jobs));

  tj_file_job_start (jobs, self, tj_page_get_db (self), path, func, data, data_free,
                     export_done_cb, NULL);
}
