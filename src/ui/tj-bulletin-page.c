/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-bulletin-page.h"
#include "tj-bulletin.h"
#include "tj-file-job.h"
#include "tj-month.h"
#include "tj-print-operation.h"
#include "tj-report-view.h"

/* 月通报 (推进机制 九): the month's bulletin on screen as the leaders will read it, and its export
 * and printing. The bulletin is built once per change; the writers lay out the same value. */
struct _TjBulletinPage
{
  GtkWidget parent_instance;

  GtkDropDown *month_dropdown;
  GtkSpinner *spinner;
  GtkLabel *title;
  GtkLabel *overview;
  GtkBox *tables;

  TjDb *db;
  gulong changed_handler;
  guint rebuild_source;
  int year;
  TjBulletin *bulletin;
  gboolean stale; /* changed while not shown */
  GtkFileChooserNative *chooser;
  guint busy;
};

G_DEFINE_FINAL_TYPE (TjBulletinPage, tj_bulletin_page, GTK_TYPE_WIDGET)

static int
selected_month (TjBulletinPage *self)
{
  return (int) gtk_drop_down_get_selected (self->month_dropdown) + 1;
}

static void
show_error (TjBulletinPage *self,
            const char     *heading,
            const char     *message)
{
  tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, message);
}

static void
rebuild (TjBulletinPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (TjReport) detail = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (self->db == NULL || self->year == 0)
    return;
  g_clear_pointer (&self->bulletin, tj_bulletin_free);
  self->bulletin = tj_bulletin_build (self->db, self->year, selected_month (self), &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables))) != NULL)
    gtk_box_remove (self->tables, child);
  if (self->bulletin == NULL)
    {
      gtk_label_set_text (self->overview, error->message);
      return;
    }

  book = tj_bulletin_book (self->bulletin);
  detail = tj_bulletin_detail_report (self->bulletin);
  overview = tj_bulletin_overview (self->bulletin);
  if (book->reports->len > 0)
    {
      TjReport *first = g_ptr_array_index (book->reports, 0);

      title = first->subtitle != NULL ? g_strdup_printf ("%s\n%s", first->title, first->subtitle)
                                      : g_strdup (first->title);
    }
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->overview, overview);
  /* Every table but the detail, which is for the workbook and the printout. */
  for (guint i = 0; i < book->reports->len; i++)
    {
      TjReport *report = g_ptr_array_index (book->reports, i);

      if (g_strcmp0 (report->sheet_name, detail->sheet_name) != 0)
        gtk_box_append (self->tables, tj_report_view_new (report));
    }
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TjBulletinPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Built only when shown: a window opened on the register does not pay for the bulletin. */
static void
schedule_rebuild (TjBulletinPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle_cb, self);
}

static void
mapped_cb (TjBulletinPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
}

static void
db_changed_cb (TjDb           *db,
               const char     *table,
               TjBulletinPage *self)
{
  schedule_rebuild (self);
}

static void
set_busy (TjBulletinPage *self,
          gboolean        busy)
{
  self->busy += busy ? 1 : -1;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulletin.export", self->busy == 0);
}

static gboolean
write_bulletin (TjDb       *db,
                const char *path,
                gpointer    data,
                GError    **error)
{
  int year_month = GPOINTER_TO_INT (data);

  return tj_bulletin_write (db, year_month / 100, year_month % 100, path, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (tj_file_job_get_path (result));
  g_autofree char *title = NULL;
  GtkWidget *overlay;

  set_busy (self, FALSE);
  if (!tj_file_job_finish (result, &error))
    {
      show_error (self, _("Export Failed"), error->message);
      return;
    }
  title = g_strdup_printf (_("Exported to “%s”"), base);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* Writes the bulletin to a file in a worker; the window stays responsive and shows it is busy. */
static void
export_to (TjBulletinPage *self,
           const char     *path)
{
  set_busy (self, TRUE);
  tj_file_job_run (self, self->db, path, write_bulletin,
                   GINT_TO_POINTER (self->year * 100 + selected_month (self)), NULL, export_done_cb,
                   NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjBulletinPage  *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  const char *extension = g_object_get_data (G_OBJECT (dialog), "extension");
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      path = g_file_get_path (file);
      if (!g_str_has_suffix (path, extension))
        {
          char *with = g_strconcat (path, extension, NULL);
          g_free (path);
          path = with;
        }
      export_to (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *extension = g_strconcat (".", kind, NULL);
  g_autofree char *name = NULL;
  g_autofree char *pattern = g_strconcat ("*", extension, NULL);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *organisation = tj_db_get_setting (self->db, "organisation");

  if (self->bulletin == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Bulletin"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, g_str_equal (kind, "xlsx") ? _("Excel Workbook (.xlsx)")
                                    : g_str_equal (kind, "pdf") ? _("PDF Document (.pdf)")
                                                                : _("Detail Table (.csv)"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf (_("%sKey Project Bulletin %d-%02d%s"),
                          organisation != NULL ? organisation : "", self->year,
                          selected_month (self), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "extension", g_steal_pointer (&extension),
                          g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (widget);
  g_autoptr (TjPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *job = NULL;

  if (self->bulletin == NULL)
    return;
  job = g_strdup_printf (_("Key Project Bulletin %d-%02d"), self->year, selected_month (self));
  operation = tj_print_operation_new (tj_bulletin_book (self->bulletin), job);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Cannot print"), error->message);
}

static void
tj_bulletin_page_dispose (GObject *object)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (object);
  GtkWidget *child;

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TJ_TYPE_BULLETIN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chooser);
  g_clear_object (&self->db);
  g_clear_pointer (&self->bulletin, tj_bulletin_free);
  G_OBJECT_CLASS (tj_bulletin_page_parent_class)->dispose (object);
}

static void
tj_bulletin_page_class_init (TjBulletinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_bulletin_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-bulletin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, title);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, overview);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, tables);
  gtk_widget_class_install_action (widget_class, "bulletin.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "bulletin.print", NULL, print_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tj_bulletin_page_init (TjBulletinPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tj_month_dropdown_fill (self->month_dropdown, TRUE);
  g_signal_connect_swapped (self->month_dropdown, "notify::selected",
                            G_CALLBACK (schedule_rebuild), self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

void
tj_bulletin_page_set_db (TjBulletinPage *self,
                         TjDb           *db)
{
  g_return_if_fail (TJ_IS_BULLETIN_PAGE (self));

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_set_object (&self->db, db);
  self->changed_handler = g_signal_connect (db, "changed", G_CALLBACK (db_changed_cb), self);
  schedule_rebuild (self);
}

void
tj_bulletin_page_set_year (TjBulletinPage *self,
                           int             year)
{
  g_return_if_fail (TJ_IS_BULLETIN_PAGE (self));

  self->year = year;
  gtk_drop_down_set_selected (self->month_dropdown, tj_month_default (year) - 1);
  schedule_rebuild (self);
}

void
tj_bulletin_page_set_month (TjBulletinPage *self,
                            int             month)
{
  g_return_if_fail (month >= 1 && month <= 12);
  gtk_drop_down_set_selected (self->month_dropdown, month - 1);
  rebuild (self);
}

const char *
tj_bulletin_page_get_overview (TjBulletinPage *self)
{
  return gtk_label_get_text (self->overview);
}
