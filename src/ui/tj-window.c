/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-accountability.h"
#include "tj-alert.h"
#include "tj-date.h"
#include "tj-demo.h"
#include "tj-element-report.h"
#include "tj-exit.h"
#include "tj-export-chooser.h"
#include "tj-file-chooser.h"
#include "tj-file-job.h"
#include "tj-ledger.h"
#include "tj-period-dialog.h"
#include "tj-preferences-window.h"
#include "tj-project-form.h"
#include "tj-project-page.h"
#include "tj-ranking-page.h"
#include "tj-register-report.h"
#include "tj-settings.h"
#include "tj-statistics-entry.h"
#include "tj-units-window.h"
#include "tj-leaders-window.h"
#include "tj-window.h"

struct _TjWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewStack *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay *toasts;
  GtkDropDown *year_dropdown;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  TjProjectPage *project_page;
  TjProgressPage *progress_page;
  TjBulletinPage *bulletin_page;
  TjApprovalPage *approval_page;
  TjAgencyPage *agency_page;
  TjInspectionPage *inspection_page;
  TjMatterPage *matter_page;
  TjRankingPage *ranking_page;
  AdwViewStackPage *approval_stack_page;

  TjDb *db;
  int year; /* the list shown, bound to every page's */
  gulong changed_handler;
  GSettings *settings;
  GArray *years;
  GtkFileChooserNative *chooser; /* kept alive while shown */
  TjFileJob *imports;            /* busy: the pages wait, nothing else is imported or exported */
  TjFileJob *exports;            /* busy: the export waits for the file being written */
};

G_DEFINE_FINAL_TYPE (TjWindow, tj_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
current_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static int
selected_year (TjWindow *self)
{
  guint k = gtk_drop_down_get_selected (self->year_dropdown);

  return k < self->years->len ? g_array_index (self->years, int, k) : current_year ();
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The years with projects, and always the current one, oldest first. */
static void
fill_years (TjWindow *self,
            int       keep)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  int now = current_year ();
  gboolean has_now = FALSE;
  guint select = 0;

  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->years, g_array_unref);
  self->years = tj_project_years (self->db, &error);
  if (self->years == NULL)
    {
      /* The list can still show the current year; say why the others are missing. */
      self->years = g_array_new (FALSE, FALSE, sizeof (int));
      tj_alert (GTK_WINDOW (self), _("Cannot read the years of the list"), error->message);
    }
  for (guint i = 0; i < self->years->len; i++)
    has_now |= g_array_index (self->years, int, i) == now;
  if (!has_now)
    g_array_append_val (self->years, now);
  g_array_sort (self->years, compare_years);
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *label = g_strdup_printf (_("%d List"), year);

      gtk_string_list_append (labels, label);
      if (year == keep)
        select = i;
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, select);
}

/* The 审批 tab shows how many items are overdue. */
static gboolean
attention_from_overdue (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer     user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

/* The year drop-down and the window's year: a position in self->years either way. */
static gboolean
year_from_selected (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer     user_data)
{
  TjWindow *self = user_data;
  guint k = g_value_get_uint (from);

  if (self->years == NULL || k >= self->years->len)
    return FALSE;
  g_value_set_int (to, g_array_index (self->years, int, k));
  return TRUE;
}

static gboolean
selected_from_year (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer     user_data)
{
  TjWindow *self = user_data;

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == g_value_get_int (from))
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

/* A project saved or imported into a year not on the list yet adds that year. */
static void
projects_changed_cb (TjDb       *db,
                     const char *table,
                     TjWindow   *self)
{
  int year = selected_year (self);
  g_autoptr (GArray) years = tj_project_years (db, NULL);
  /* a failed read is reported by the page that reads the list */
  gboolean same = years == NULL || years->len <= self->years->len;

  for (guint i = 0; same && years != NULL && i < years->len; i++)
    same = g_array_binary_search (self->years, &g_array_index (years, int, i), compare_years,
                                  NULL);
  if (!same)
    fill_years (self, year);
}

static void
search_changed_cb (TjWindow *self)
{
  tj_project_page_set_search (self->project_page,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
toast (TjWindow   *self,
       const char *title)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
show_message (TjWindow   *self,
              const char *heading,
              const char *body,
              GPtrArray  *lines)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  if (lines != NULL && lines->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_autoptr (GString) text = g_string_new (NULL);

      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
      gtk_text_buffer_set_text (buffer, text->str, -1);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 520);
      gtk_widget_add_css_class (scrolled, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An import: the year and the choice travel to the worker; the result comes back. */
typedef struct
{
  int year;
  gboolean create_missing;
  TjImportResult *result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->result, tj_import_result_free);
  g_free (job);
}

static gboolean
import_file (TjDb       *db,
             const char *path,
             gpointer    data,
             GError    **error)
{
  ImportJob *job = data;

  return tj_ledger_import (db, path, job->year, job->create_missing, FALSE, &job->result, error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjWindow *self = TJ_WINDOW (source);
  ImportJob *job = tj_file_job_get_data (result);
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  if (!tj_file_job_finish (result, &error))
    {
      GPtrArray *lines = job->result != NULL ? job->result->errors : NULL;

      show_message (self, _("Nothing Was Imported"), error->message, lines);
      return;
    }
  fill_years (self, job->year);
  summary = g_strdup_printf (_("%u projects added, %u updated"), job->result->added,
                             job->result->updated);
  if (job->result->warnings != NULL && job->result->warnings->len > 0)
    show_message (self, _("Ledger Imported"), summary, job->result->warnings);
  else
    toast (self, summary);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjWindow        *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  const char *create = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "create-missing");
  g_autofree char *path = NULL;
  ImportJob *job;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }
  tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  job = g_new0 (ImportJob, 1);
  job->year = selected_year (self);
  job->create_missing = g_strcmp0 (create, "true") == 0;
  g_clear_object (&self->chooser);

  tj_file_job_start (self->imports, self, self->db, path, import_file, job,
                     (GDestroyNotify) import_job_free, import_done_cb, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  g_autofree char *title = g_strdup_printf (_("Import a Ledger into the %d List"),
                                            selected_year (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  tj_file_chooser_add_import_filter (GTK_FILE_CHOOSER (self->chooser),
                                     _("Ledgers (Excel or CSV)"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "create-missing",
                               _("Create missing people (units must be added first)"), NULL,
                               NULL);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
export_file (TjDb       *db,
             const char *path,
             gpointer    data,
             GError    **error)
{
  return tj_register_write (db, GPOINTER_TO_INT (data), path, error);
}

static gboolean
export_elements (TjDb       *db,
                 const char *path,
                 gpointer    data,
                 GError    **error)
{
  return tj_element_ledger_write (db, GPOINTER_TO_INT (data), path, error);
}

static gboolean
export_statistics_entry (TjDb       *db,
                         const char *path,
                         gpointer    data,
                         GError    **error)
{
  return tj_statistics_entry_write (db, GPOINTER_TO_INT (data), path, error);
}

/* 退出建议名单: the rules as of today and the clerks' proposals. */
static gboolean
export_exits (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  g_autofree char *today = tj_date_today ();

  return tj_exit_write (db, GPOINTER_TO_INT (data), today, path, error);
}

/* What an export of the year shown writes, by the chooser's "year-export" (none: the list). */
enum
{
  YEAR_EXPORT_LIST,
  YEAR_EXPORT_ELEMENTS,
  YEAR_EXPORT_STATISTICS_ENTRY,
  YEAR_EXPORT_EXITS,
};

static const TjFileJobFunc year_exports[] = {
  [YEAR_EXPORT_LIST] = export_file,
  [YEAR_EXPORT_ELEMENTS] = export_elements,
  [YEAR_EXPORT_STATISTICS_ENTRY] = export_statistics_entry,
  [YEAR_EXPORT_EXITS] = export_exits,
};

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjWindow *self = TJ_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (tj_file_job_get_path (result));
  g_autofree char *title = NULL;

  if (!tj_file_job_finish (result, &error))
    {
      show_message (self, _("Export Failed"), error->message, NULL);
      return;
    }
  title = g_strdup_printf (_("Exported to “%s”"), base);
  toast (self, title);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjWindow        *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }
  tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
  path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  tj_file_job_start (self->exports, self, self->db, path,
                     year_exports[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog),
                                                                       "year-export"))],
                     GINT_TO_POINTER (selected_year (self)), NULL, export_done_cb, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  g_autofree char *organisation = tj_settings_organisation (self->db);
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Key-Project List"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_XLSX, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_PDF, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_CSV,
                                _("Ledger for Import (.csv)"));
  name = g_strdup_printf (_("%s%d Key Project List.xlsx"), organisation,
                          selected_year (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* 导出要素保障台账, 导出统计入库清单: the year shown, then the file (written as the list is). */
static void
ask_year_export (TjWindow   *self,
                 guint       kind,
                 const char *title,
                 const char *name)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  for (TjReportFormat format = 0; format < TJ_REPORT_N_FORMATS; format++)
    tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), format, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "year-export", GUINT_TO_POINTER (kind));
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_elements_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  /* Translators: the file name: "2026年要素保障台账.xlsx" */
  g_autofree char *name = g_strdup_printf (_("%d Funds and Quotas Ledger.xlsx"),
                                           selected_year (self));

  ask_year_export (self, YEAR_EXPORT_ELEMENTS, _("Export the Funds and Quotas Ledger"), name);
}

static void
export_statistics_entry_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  /* Translators: the file name: "2026年统计入库清单.xlsx" */
  g_autofree char *name = g_strdup_printf (_("%d Statistics Entry List.xlsx"),
                                           selected_year (self));

  ask_year_export (self, YEAR_EXPORT_STATISTICS_ENTRY, _("Export the Statistics Entry List"),
                   name);
}

static void
export_exits_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  /* Translators: the file name: "2026年重点项目退出建议名单.xlsx" */
  g_autofree char *name = g_strdup_printf (_("%d Exit Proposals.xlsx"), selected_year (self));

  ask_year_export (self, YEAR_EXPORT_EXITS, _("Export the Exit Proposals"), name);
}

/* 导出责任追究清单: the period and its as-of day asked first, then the file. */
typedef struct
{
  char *from;
  char *to;
  char *as_of;
} Period;

static void
period_free (Period *period)
{
  g_free (period->from);
  g_free (period->to);
  g_free (period->as_of);
  g_free (period);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Period, period_free)

static gboolean
write_accountability (TjDb       *db,
                      const char *path,
                      gpointer    data,
                      GError    **error)
{
  Period *period = data;

  return tj_accountability_write (db, period->from, period->to, period->as_of, path, error);
}

/* Writes the accountability list of [from, to] as of as_of in a file job, as the menu does
 * once the file is chosen. */
void
tj_window_export_accountability (TjWindow   *self,
                                 const char *from,
                                 const char *to,
                                 const char *as_of,
                                 const char *path)
{
  Period *period = g_new0 (Period, 1);

  g_return_if_fail (TJ_IS_WINDOW (self));
  period->from = g_strdup (from);
  period->to = g_strdup (to);
  period->as_of = g_strdup (as_of);
  tj_file_job_start (self->exports, self, self->db, path, write_accountability, period,
                     (GDestroyNotify) period_free, export_done_cb, NULL);
}

static void
accountability_file_cb (GtkNativeDialog *dialog,
                        int              response,
                        TjWindow        *self)
{
  g_autoptr (Period) period = g_object_steal_data (G_OBJECT (dialog), "period");
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL || period == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }
  tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
  path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  tj_window_export_accountability (self, period->from, period->to, period->as_of, path);
}

static void
period_response_cb (TjPeriodDialog *dialog,
                    const char     *response,
                    TjWindow       *self)
{
  g_autoptr (Period) period = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0)
    return;
  period = g_new0 (Period, 1);
  period->from = tj_period_dialog_get_from (dialog);
  period->to = tj_period_dialog_get_to (dialog);
  period->as_of = tj_period_dialog_get_as_of (dialog);
  if (period->from == NULL || period->to == NULL || period->as_of == NULL)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Accountability List"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_XLSX, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_PDF, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_CSV, NULL);
  /* Translators: the file name: "责任追究清单 2026-07-01至2026-09-30.xlsx" */
  name = g_strdup_printf (_("Accountability List %s to %s.xlsx"), period->from, period->to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "period", g_steal_pointer (&period),
                          (GDestroyNotify) period_free);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (accountability_file_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The dialog asking for the period, shown over the window (returned for tests). */
TjPeriodDialog *
tj_window_ask_accountability_period (TjWindow *self)
{
  g_autofree char *today = tj_date_today ();
  TjPeriodDialog *dialog = tj_period_dialog_new (GTK_WINDOW (self), today);

  g_signal_connect_object (dialog, "response", G_CALLBACK (period_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_accountability_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  tj_window_ask_accountability_period (TJ_WINDOW (widget));
}

static void
present_over (TjWindow  *self,
              GtkWindow *window)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (self));
  gtk_window_present (window);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);

  present_over (self, tj_project_form_new (self->db, NULL, selected_year (self)));
}

/* The demo data lives in a database of its own beside the user's, filled on first use. */
static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "tuijin", "demo.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) demo = NULL;
  TjWindow *window;

  if (g_strcmp0 (path, tj_db_get_path (self->db)) == 0)
    return;
  demo = tj_db_open (path, &error);
  if (demo != NULL && tj_db_is_empty (demo))
    tj_demo_fill (demo, current_year (), &error);
  if (error != NULL)
    {
      show_message (self, _("Cannot open the demo data"), error->message, NULL);
      return;
    }
  window = tj_window_new (TJ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), demo);
  gtk_window_present (GTK_WINDOW (window));
}

static void
leaders_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);

  present_over (self, tj_leaders_window_new (self->db, self->year));
}

static void
units_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);

  present_over (self, tj_units_window_new (self->db));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);

  present_over (self, tj_preferences_window_new (self->db));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The page a window action shows: win.show-page::progress (Alt+1 … Alt+5, tj-application.c). */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TjWindow *self = TJ_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *developers[] = { _("The Tuijin developers"), NULL };
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", widget,
                                   "application-name", _("Tuijin"),
                                   "application-icon", APPLICATION_ID,
                                   /* from meson.build, through config.h */
                                   "version", PACKAGE_VERSION,
                                   "developer-name", _("The Tuijin developers"),
                                   "developers", developers,
                                   "comments",
                                   _("Key-project promotion for a county development and reform "
                                     "commission: the annual register of key projects, the "
                                     "monthly progress reports, the monthly bulletin with its "
                                     "lights, issued and locked month by month, the agency "
                                     "service and the parallel approvals with their time limits "
                                     "in working days. It imports and exports Excel, PDF and CSV "
                                     "files, keeps every change in the audit log and backs the "
                                     "database up every day."),
                                   "website", "https://github.com/tuijin/tuijin",
                                   "issue-url", "https://github.com/tuijin/tuijin/issues",
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "copyright", _("© 2026 The Tuijin developers"),
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* An import keeps the other file actions until it is done (an export would miss half of it);
 * an export keeps only its own. */
static void
jobs_busy_cb (TjWindow *self)
{
  gboolean importing = tj_file_job_get_busy (self->imports);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 !importing && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-accountability",
                                 !importing && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-elements",
                                 !importing && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-statistics-entry",
                                 !importing && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-exits",
                                 !importing && !tj_file_job_get_busy (self->exports));
}

static gboolean
tj_window_close_request (GtkWindow *window)
{
  TjWindow *self = TJ_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (tj_window_parent_class)->close_request (window);
}

static void
tj_window_dispose (GObject *object)
{
  TjWindow *self = TJ_WINDOW (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_object (&self->chooser);
  g_clear_object (&self->imports);
  g_clear_object (&self->exports);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (tj_window_parent_class)->dispose (object);
}

static void
tj_window_get_property (GObject    *object,
                        guint      prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TjWindow *self = TJ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_window_set_property (GObject      *object,
                        guint        prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TjWindow *self = TJ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tj_window_class_init (TjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tj_window_dispose;
  object_class->get_property = tj_window_get_property;
  object_class->set_property = tj_window_set_property;
  window_class->close_request = tj_window_close_request;

  /* the year of the list every page shows, as chosen in the drop-down */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TjWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TjWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, TjWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TjWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TjWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TjWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-accountability", NULL,
                                   export_accountability_action);
  gtk_widget_class_install_action (widget_class, "win.export-elements", NULL,
                                   export_elements_action);
  gtk_widget_class_install_action (widget_class, "win.export-statistics-entry", NULL,
                                   export_statistics_entry_action);
  gtk_widget_class_install_action (widget_class, "win.export-exits", NULL, export_exits_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.units", NULL, units_action);
  gtk_widget_class_install_action (widget_class, "win.leaders", NULL, leaders_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
}

static void
tj_window_init (TjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_entry_set_search_delay (self->search_entry, 50);

  self->imports = tj_file_job_new ();
  self->exports = tj_file_job_new ();
  /* the pages show what the import is changing: they wait for it */
  g_object_bind_property (self->imports, "busy", self->stack, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->imports, "notify::busy", G_CALLBACK (jobs_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (jobs_busy_cb), self,
                           G_CONNECT_SWAPPED);
}

TjWindow *
tj_window_new (TjApplication *app,
               TjDb          *db)
{
  TjWindow *self = g_object_new (TJ_TYPE_WINDOW, "application", app, NULL);
  g_autofree char *base = g_path_get_basename (tj_db_get_path (db));
  const struct
  {
    gpointer *page;
    GType type;
    const char *name;
    const char *title;
    const char *icon_name;
  } pages[] = {
    { (gpointer *) &self->project_page, TJ_TYPE_PROJECT_PAGE, "projects", N_("Projects"),
      "view-list-symbolic" },
    { (gpointer *) &self->progress_page, TJ_TYPE_PROGRESS_PAGE, "progress", N_("Monthly Reports"),
      "document-edit-symbolic" },
    { (gpointer *) &self->agency_page, TJ_TYPE_AGENCY_PAGE, "agency", N_("Agency"),
      "system-users-symbolic" },
    { (gpointer *) &self->approval_page, TJ_TYPE_APPROVAL_PAGE, "approvals", N_("Approvals"),
      "emblem-documents-symbolic" },
    { (gpointer *) &self->matter_page, TJ_TYPE_MATTER_PAGE, "matters", N_("Supervision"),
      "task-due-symbolic" },
    { (gpointer *) &self->bulletin_page, TJ_TYPE_BULLETIN_PAGE, "bulletin", N_("Bulletin"),
      "x-office-document-symbolic" },
    { (gpointer *) &self->inspection_page, TJ_TYPE_INSPECTION_PAGE, "inspections",
      N_("Inspections"), "find-location-symbolic" },
    { (gpointer *) &self->ranking_page, TJ_TYPE_RANKING_PAGE, "ranking", N_("Ranking"),
      "view-sort-descending-symbolic" },
  };

  self->settings = g_object_ref (tj_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Which database the window shows: the demo one must not pass for the office's. */
  adw_view_switcher_title_set_subtitle (self->switcher_title, base);
  self->db = g_object_ref (db);
  self->changed_handler = g_signal_connect (db, "changed::projects",
                                            G_CALLBACK (projects_changed_cb), self);
  fill_years (self, current_year ());
  g_object_bind_property_full (self->year_dropdown, "selected", self, "year",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL, year_from_selected,
                               selected_from_year, self, NULL);

  /* The pages read the database from their construction on and show the window's year; the
   * switcher shows them in this order. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      *pages[i].page = g_object_new (pages[i].type, "db", db, NULL);
      g_object_bind_property (self, "year", *pages[i].page, "year", G_BINDING_SYNC_CREATE);
      adw_view_stack_add_titled_with_icon (self->stack, *pages[i].page, pages[i].name,
                                           _(pages[i].title), pages[i].icon_name);
    }
  self->approval_stack_page = adw_view_stack_get_page (self->stack,
                                                       GTK_WIDGET (self->approval_page));
  /* the 审批 badge counts what the page has read, and nothing when it could not read */
  g_object_bind_property (self->approval_page, "overdue", self->approval_stack_page,
                          "badge-number", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->approval_page, "overdue", self->approval_stack_page,
                               "needs-attention", G_BINDING_SYNC_CREATE, attention_from_overdue,
                               NULL, NULL, NULL);
  return self;
}

TjDb *
tj_window_get_db (TjWindow *self)
{
  return self->db;
}

TjProjectPage *
tj_window_get_project_page (TjWindow *self)
{
  return self->project_page;
}

AdwViewStack *
tj_window_get_stack (TjWindow *self)
{
  return self->stack;
}

TjProgressPage *
tj_window_get_progress_page (TjWindow *self)
{
  return self->progress_page;
}

TjAgencyPage *
tj_window_get_agency_page (TjWindow *self)
{
  return self->agency_page;
}

TjApprovalPage *
tj_window_get_approval_page (TjWindow *self)
{
  return self->approval_page;
}

TjMatterPage *
tj_window_get_matter_page (TjWindow *self)
{
  return self->matter_page;
}

TjBulletinPage *
tj_window_get_bulletin_page (TjWindow *self)
{
  return self->bulletin_page;
}

TjInspectionPage *
tj_window_get_inspection_page (TjWindow *self)
{
  return self->inspection_page;
}

void
tj_window_set_search (TjWindow   *self,
                      const char *text)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

TjRankingPage *
tj_window_get_ranking_page (TjWindow *self)
{
  return self->ranking_page;
}
