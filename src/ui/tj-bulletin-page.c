/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-bulletin-page.h"
#include "tj-bulletin.h"
#include "tj-date.h"
#include "tj-export-chooser.h"
#include "tj-file-chooser.h"
#include "tj-file-job.h"
#include "tj-month.h"
#include "tj-period-lock.h"
#include "tj-print-operation.h"
#include "tj-read-error.h"
#include "tj-report-view.h"
#include "tj-settings.h"

/* 月通报 (推进机制 九): the month's bulletin on screen as the leaders will read it, and its export
 * and printing. The bulletin is built once per change; the writers lay out the same value. */
struct _TjBulletinPage
{
  TjPage parent_instance;

  GtkDropDown *month_dropdown;
  GtkSpinner *spinner;
  GtkLabel *title;
  GtkLabel *overview;
  GtkWidget *reporting_box;
  GtkLabel *reporting;
  GtkExpander *unreported_expander;
  GtkLabel *unreported_names;
  GtkBox *tables;
  GtkWidget *lock_bar;
  GtkLabel *lock_label;
  GtkWidget *differs_label;
  GtkWidget *unlock_button;
  GtkWidget *issue_button;
  GtkStack *stack;          /* "bulletin", or "error" when the month could not be read */
  TjReadError *read_error;

  guint rebuild_source;
  TjBulletin *bulletin;
  TjPeriodStatus *status; /* the month's issue (签发), when it could be read */
  gboolean stale; /* changed while not shown */
  GtkFileChooserNative *chooser;
  TjFileJob *exports; /* busy: the spinner turns and no second export starts */
};

G_DEFINE_FINAL_TYPE (TjBulletinPage, tj_bulletin_page, TJ_TYPE_PAGE)

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

/* The line under the header: who issued the month and when, locked or unlocked, and whether
 * the figures differ from those issued. The issue and unlock actions follow it. */
static void
update_lock (TjBulletinPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  gboolean locked;

  g_clear_pointer (&self->status, tj_period_status_free);
  if (!tj_period_status_full (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                              selected_month (self), self->bulletin, self->bulletin != NULL,
                              &self->status, &error))
    line = g_strdup (error->message);
  else
    line = tj_period_status_describe (self->status);
  locked = self->status != NULL && self->status->locked;
  gtk_label_set_text (self->lock_label, line);
  gtk_widget_set_visible (self->lock_bar, line != NULL);
  gtk_widget_set_visible (self->differs_label, self->status != NULL && self->status->differs);
  gtk_widget_set_visible (self->unlock_button, locked);
  if (locked)
    gtk_widget_add_css_class (self->lock_bar, "locked");
  else
    gtk_widget_remove_css_class (self->lock_bar, "locked");
  /* a month whose bulletin could not be read is not issued */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulletin.issue",
                                 self->status != NULL && !locked && self->bulletin != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulletin.unlock", locked);
}

/* Before an export: how many projects reported for the month, and which did not (their month
 * counts as 0 in every figure). */
static void
update_reporting (TjBulletinPage *self)
{
  g_autofree char *reporting = tj_bulletin_reporting_text (self->bulletin);
  g_autofree char *names = tj_bulletin_unreported_names (self->bulletin);

  gtk_label_set_text (self->reporting, reporting);
  if (names != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->reporting), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reporting), "warning");
  gtk_label_set_text (self->unreported_names, names);
  gtk_widget_set_visible (GTK_WIDGET (self->unreported_expander), names != NULL);
}

/* Export and print need a bulletin read; one export at a time. */
static void
update_actions (TjBulletinPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulletin.export",
                                 self->bulletin != NULL && !tj_file_job_get_busy (self->exports));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulletin.print", self->bulletin != NULL);
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

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  g_clear_pointer (&self->bulletin, tj_bulletin_free);
  self->bulletin = tj_bulletin_build (tj_page_get_db (TJ_PAGE (self)),
                                      tj_page_get_year (TJ_PAGE (self)), selected_month (self),
                                      &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables))) != NULL)
    gtk_box_remove (self->tables, child);
  update_lock (self);
  gtk_widget_set_visible (self->reporting_box, self->bulletin != NULL);
  update_actions (self);
  if (self->bulletin == NULL)
    {
      /* said in place of the bulletin, with 重试; no figure is left on screen */
      gtk_label_set_text (self->title, NULL);
      gtk_label_set_text (self->overview, NULL);
      tj_read_error_set_error (self->read_error, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "bulletin");

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
  update_reporting (self);
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

/* The month's figures, the projects' names and people, the thresholds and the issue (签发). */
static void
bulletin_changed_cb (TjBulletinPage *self)
{
  schedule_rebuild (self);
}

static void
retry_cb (TjBulletinPage *self)
{
  rebuild (self);
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
  int period = tj_page_get_year (TJ_PAGE (self)) * 100 + selected_month (self);

  tj_file_job_start (self->exports, self, tj_page_get_db (TJ_PAGE (self)), path, write_bulletin,
                     GINT_TO_POINTER (period), NULL, export_done_cb, NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjBulletinPage  *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  if (path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
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
  TjReportFormat format = TJ_REPORT_FORMAT_XLSX;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autoptr (GError) error = NULL;

  if (self->bulletin == NULL)
    return;
  /* a year without projects has no bulletin: said before a file is asked for */
  if (!tj_bulletin_check_export (self->bulletin, &error))
    {
      show_error (self, _("Export Failed"), error->message);
      return;
    }
  /* the action's parameter names the format by its extension: "xlsx", "pdf", "csv" */
  for (TjReportFormat f = 0; f < TJ_REPORT_N_FORMATS; f++)
    if (g_str_equal (tj_report_format_get_extension (f) + 1, kind))
      format = f;
  organisation = tj_settings_organisation (tj_page_get_db (TJ_PAGE (self)));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Bulletin"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* a CSV file holds the detail table alone (tj_bulletin_book) */
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), format,
                                format == TJ_REPORT_FORMAT_CSV ? _("Detail Table (.csv)") : NULL);
  name = g_strdup_printf (_("%sKey Project Bulletin %d-%02d%s"), organisation,
                          tj_page_get_year (TJ_PAGE (self)), selected_month (self),
                          tj_report_format_get_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
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
  job = g_strdup_printf (_("Key Project Bulletin %d-%02d"), tj_page_get_year (TJ_PAGE (self)),
                         selected_month (self));
  operation = tj_print_operation_new (tj_bulletin_book (self->bulletin), job);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Cannot print"), error->message);
}

static void
show_toast (TjBulletinPage *self,
            const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* The person at this computer, as the system names them: the default of who issues. */
static const char *
default_person (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/* A message dialog over the page with a boxed list of entry rows under its text. */
static AdwMessageDialog *
form_dialog (TjBulletinPage *self,
             const char     *heading,
             const char     *body,
             GtkListBox    **list)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkEditable *
add_entry (GtkListBox *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

/* What the issue dialogs carry from one to the next. */
typedef struct
{
  TjBulletinPage *page;
  int year;
  int month;
  GtkEditable *person;
  GtkEditable *date;
  GtkLabel *problem;
  char *issued_on; /* as checked */
  char *issued_by;
} Issue;

static void
issue_free (Issue *issue)
{
  g_object_unref (issue->page);
  g_free (issue->issued_on);
  g_free (issue->issued_by);
  g_free (issue);
}

/* The first dialog continues only with a person and a date the issue takes; the problem shows
 * under the entries as it is typed. */
static void
issue_form_changed_cb (AdwMessageDialog *dialog)
{
  Issue *issue = g_object_get_data (G_OBJECT (dialog), "issue");
  g_autoptr (GError) error = NULL;
  gboolean ok = tj_period_check_issue (issue->year, issue->month,
                                       gtk_editable_get_text (issue->date),
                                       gtk_editable_get_text (issue->person), NULL, &error);

  adw_message_dialog_set_response_enabled (dialog, "continue", ok);
  gtk_label_set_text (issue->problem, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (issue->problem), !ok);
}

static void
issue_confirmed_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Issue            *issue)
{
  TjBulletinPage *self = issue->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "issue") || tj_page_get_db (TJ_PAGE (self)) == NULL)
    return;
  if (!tj_period_issue (tj_page_get_db (TJ_PAGE (self)), issue->year, issue->month,
                        issue->issued_on, issue->issued_by, &error))
    {
      show_error (self, _("Cannot Issue the Bulletin"), error->message);
      return;
    }
  /* Translators: a toast: "已签发 2026年10月的月通报" */
  done = g_strdup_printf (_("Issued the bulletin of %d-%02d"), issue->year, issue->month);
  show_toast (self, done);
}

/* Second step: what the issue locks, said before it does. */
static void
issue_form_response_cb (AdwMessageDialog *form,
                        const char       *response,
                        Issue            *issue)
{
  TjBulletinPage *self = issue->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Issue *next;
  guint count = 0;

  if (!g_str_equal (response, "continue") || tj_page_get_db (TJ_PAGE (self)) == NULL)
    return;
  next = g_new0 (Issue, 1);
  next->page = g_object_ref (self);
  next->year = issue->year;
  next->month = issue->month;
  next->issued_by = g_strstrip (g_strdup (gtk_editable_get_text (issue->person)));
  if (!tj_period_check_issue (issue->year, issue->month, gtk_editable_get_text (issue->date),
                              next->issued_by, &next->issued_on, &error) ||
      !tj_period_count_reports (tj_page_get_db (TJ_PAGE (self)), issue->year, issue->month, &count,
                                &error))
    {
      show_error (self, _("Cannot Issue the Bulletin"), error->message);
      issue_free (next);
      return;
    }
  /* Translators: "签发后，2026年10月的 84 条月报将被锁定。此后如需修改，须先填写原因解锁。" */
  body = g_strdup_printf (ngettext ("Once issued, the %3$u monthly report of %1$d-%2$02d will be "
                                    "locked. A change afterwards needs an unlock with a reason.",
                                    "Once issued, the %3$u monthly reports of %1$d-%2$02d will be "
                                    "locked. A change afterwards needs an unlock with a reason.",
                                    count),
                          issue->year, issue->month, count);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Issue and Lock?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "issue",
                                    _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (issue_confirmed_cb), next,
                         (GClosureNotify) (void (*) (void)) issue_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 签发: who issues it and when (the person at this computer, today), then what it locks. */
static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (widget);
  g_autofree char *body = NULL;
  g_autofree char *today = tj_date_today ();
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkWidget *problem;
  Issue *issue;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  issue = g_new0 (Issue, 1);
  issue->page = g_object_ref (self);
  issue->year = tj_page_get_year (TJ_PAGE (self));
  issue->month = selected_month (self);
  /* Translators: "签发 2026年10月的月通报：请填写签发人和签发日期。" */
  body = g_strdup_printf (_("Issue the bulletin of %d-%02d: who issues it, and when."),
                          issue->year, issue->month);
  dialog = form_dialog (self, _("Issue the Bulletin"), body, &list);
  issue->person = add_entry (list, _("Issued by"), default_person ());
  issue->date = add_entry (list, _("Issue date"), today);
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (dialog)), problem);
  issue->problem = GTK_LABEL (problem);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  g_object_set_data_full (G_OBJECT (dialog), "issue", issue, (GDestroyNotify) issue_free);
  g_signal_connect_swapped (issue->person, "changed", G_CALLBACK (issue_form_changed_cb), dialog);
  g_signal_connect_swapped (issue->date, "changed", G_CALLBACK (issue_form_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (issue_form_response_cb), issue);
  issue_form_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TjBulletinPage *page;
  int year;
  int month;
  GtkEditable *person;
  GtkEditable *reason;
} Unlock;

static void
unlock_free (Unlock *unlock)
{
  g_object_unref (unlock->page);
  g_free (unlock);
}

/* The reason is required: the unlock answers only once there is one, and a person. */
static void
unlock_form_changed_cb (AdwMessageDialog *dialog)
{
  Unlock *unlock = g_object_get_data (G_OBJECT (dialog), "unlock");
  g_autofree char *person = g_strstrip (g_strdup (gtk_editable_get_text (unlock->person)));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (unlock->reason)));

  adw_message_dialog_set_response_enabled (dialog, "unlock", *person != '\0' && *reason != '\0');
}

static void
unlock_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Unlock           *unlock)
{
  TjBulletinPage *self = unlock->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "unlock") || tj_page_get_db (TJ_PAGE (self)) == NULL)
    return;
  if (!tj_period_unlock (tj_page_get_db (TJ_PAGE (self)), unlock->year, unlock->month,
                         gtk_editable_get_text (unlock->person),
                         gtk_editable_get_text (unlock->reason), &error))
    {
      show_error (self, _("Cannot Unlock"), error->message);
      return;
    }
  /* Translators: a toast: "已解锁 2026年10月的月报" */
  done = g_strdup_printf (_("Unlocked the reports of %d-%02d"), unlock->year, unlock->month);
  show_toast (self, done);
}

/* 解锁: who unlocks, and why (required); the audit log keeps both. */
static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *list;
  Unlock *unlock;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  unlock = g_new0 (Unlock, 1);
  unlock->page = g_object_ref (self);
  unlock->year = tj_page_get_year (TJ_PAGE (self));
  unlock->month = selected_month (self);
  /* Translators: "解锁后可再次修改 2026年10月的月报。解锁人和原因将记入操作日志。" */
  body = g_strdup_printf (_("Once unlocked, the reports of %d-%02d can be changed again. Who "
                            "unlocked them and why is kept in the audit log."),
                          unlock->year, unlock->month);
  dialog = form_dialog (self, _("Unlock the Month?"), body, &list);
  unlock->person = add_entry (list, _("Unlocked by"), default_person ());
  unlock->reason = add_entry (list, _("Reason (required)"), NULL);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "unlock", unlock, (GDestroyNotify) unlock_free);
  g_signal_connect_swapped (unlock->person, "changed", G_CALLBACK (unlock_form_changed_cb),
                            dialog);
  g_signal_connect_swapped (unlock->reason, "changed", G_CALLBACK (unlock_form_changed_cb),
                            dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (unlock_response_cb), unlock);
  unlock_form_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (unlock->reason));
}

static void
tj_bulletin_page_dispose (GObject *object)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TJ_TYPE_BULLETIN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chooser);
  g_clear_object (&self->exports);
  g_clear_pointer (&self->bulletin, tj_bulletin_free);
  g_clear_pointer (&self->status, tj_period_status_free);
  G_OBJECT_CLASS (tj_bulletin_page_parent_class)->dispose (object);
}

static void
tj_bulletin_page_constructed (GObject *object)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (object);

  /* the month's figures, the projects' names and people, the thresholds and the issue (签发) */
  static const char *const bulletin_tables[] = {
    "monthly_reports", "projects", "units", "people", "settings", "bulletin_issues",
    "project_exits", NULL
  };

  G_OBJECT_CLASS (tj_bulletin_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), bulletin_tables, G_CALLBACK (bulletin_changed_cb));
  schedule_rebuild (self);
}

static void
tj_bulletin_page_year_changed (TjPage *page)
{
  TjBulletinPage *self = TJ_BULLETIN_PAGE (page);

  gtk_drop_down_set_selected (self->month_dropdown, tj_month_default (tj_page_get_year (page)) - 1);
  schedule_rebuild (self);
}

static void
tj_bulletin_page_class_init (TjBulletinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_bulletin_page_constructed;
  object_class->dispose = tj_bulletin_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_bulletin_page_year_changed;
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-bulletin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, reporting_box);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, reporting);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, unreported_expander);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, unreported_names);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, title);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, overview);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, tables);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, lock_bar);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, lock_label);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, differs_label);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, issue_button);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjBulletinPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_install_action (widget_class, "bulletin.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "bulletin.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "bulletin.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "bulletin.unlock", NULL, unlock_action);
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
  self->exports = tj_file_job_new ();
  g_object_bind_property (self->exports, "busy", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
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

/* The line under the header and the line that the figures differ, each NULL when not shown. */
const char *
tj_bulletin_page_get_lock_text (TjBulletinPage *self,
                                const char    **differs)
{
  g_return_val_if_fail (TJ_IS_BULLETIN_PAGE (self), NULL);

  if (differs != NULL)
    *differs = gtk_widget_get_visible (self->differs_label)
                 ? gtk_label_get_text (GTK_LABEL (self->differs_label))
                 : NULL;
  return gtk_widget_get_visible (self->lock_bar) ? gtk_label_get_text (self->lock_label) : NULL;
}

/* What the page says of the month's reports before an export, and the names of the projects
 * that did not report (NULL when all did); NULL when nothing is shown. */
const char *
tj_bulletin_page_get_reporting (TjBulletinPage *self,
                                const char    **unreported)
{
  g_return_val_if_fail (TJ_IS_BULLETIN_PAGE (self), NULL);

  if (unreported != NULL)
    *unreported = gtk_widget_get_visible (GTK_WIDGET (self->unreported_expander)) &&
                      gtk_widget_get_visible (self->reporting_box)
                    ? gtk_label_get_text (self->unreported_names)
                    : NULL;
  return gtk_widget_get_visible (self->reporting_box) ? gtk_label_get_text (self->reporting)
                                                      : NULL;
}
