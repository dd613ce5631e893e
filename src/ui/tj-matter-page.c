/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-matter-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-alert.h"
#include "tj-date.h"
#include "tj-file-job.h"
#include "tj-form-row.h"
#include "tj-matter-form.h"
#include "tj-matter-page.h"
#include "tj-matter-report.h"
#include "tj-meeting-pack.h"
#include "tj-read-error.h"
#include "tj-table.h"
#include "tj-tour-window.h"

/* 督办: the matters decided at the meetings of the year (一事一议、一事一结、一事一报), by
 * meeting and status, overdue ones in the error colour; their extensions, reports and closing. */
struct _TjMatterPage
{
  TjPage parent_instance;

  GtkDropDown *meeting_filter;
  GtkDropDown *status_filter;
  GtkSearchEntry *search;
  GtkStack *stack;
  GtkStack *content; /* "table", or "empty" when the year has no matter */
  TjReadError *read_error;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;

  char *today;
  gboolean stale;
  GListStore *matters;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkWindow *form; /* weak */
  TjFileJob *exports;
};

G_DEFINE_FINAL_TYPE (TjMatterPage, tj_matter_page, TJ_TYPE_PAGE)

typedef enum
{
  COLUMN_MEETING,
  COLUMN_CONTENT,
  COLUMN_PROJECT,
  COLUMN_UNIT,
  COLUMN_PERSON,
  COLUMN_DEADLINE,
  COLUMN_STATUS,
  COLUMN_REPORT,
  N_COLUMNS
} Column;

static const TjTableColumn columns[N_COLUMNS] = {
  [COLUMN_MEETING] = { "meeting", N_("Meeting"), 16, FALSE },
  [COLUMN_CONTENT] = { "content", N_("Matter"), 24, FALSE },
  [COLUMN_PROJECT] = { "project", N_("Project"), 12, FALSE },
  [COLUMN_UNIT] = { "unit", N_("Responsible Unit"), 8, FALSE },
  [COLUMN_PERSON] = { "person", N_("Responsible Person"), 4, FALSE },
  [COLUMN_DEADLINE] = { "deadline", N_("Deadline in Force"), 6, TJ_TABLE_DATE },
  [COLUMN_STATUS] = { "status", N_("Status"), 5, FALSE },
  [COLUMN_REPORT] = { "report", N_("Latest Report"), 16, FALSE },
};

/* The day a listed matter's status is as of: its page's, set on each matter when the page
 * loads it (the table's callbacks see only the matter). */
static GQuark
status_day_quark (void)
{
  return g_quark_from_static_string ("tj-matter-page-status-day");
}

static char *
column_text (gpointer object,
             guint    column)
{
  TjMatter *m = object;
  const char *today = g_object_get_qdata (object, status_day_quark ());

  switch (column)
    {
    case COLUMN_MEETING:
      return g_strdup_printf ("%s %s", m->meeting_date, m->meeting_name);
    case COLUMN_CONTENT:
      return g_strdup (m->content);
    case COLUMN_PROJECT:
      return g_strdup (m->project_name);
    case COLUMN_UNIT:
      return g_strdup (m->unit_name);
    case COLUMN_PERSON:
      return g_strdup (m->person);
    case COLUMN_DEADLINE:
      return g_strdup (m->deadline_in_force);
    case COLUMN_STATUS:
      return g_strdup (tj_matter_status_label (tj_matter_get_status (m, today)));
    case COLUMN_REPORT:
      if (m->reports == NULL || m->reports->len == 0)
        return NULL;
      {
        TjMatterReport *r = g_ptr_array_index (m->reports, m->reports->len - 1);

        /* Translators: the latest report in the list: "05-20 已完成土地组卷" */
        return g_strdup_printf (_("%s %s"), r->date, r->text);
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
row_style (gpointer object)
{
  TjMatter *m = object;
  const char *today = g_object_get_qdata (object, status_day_quark ());

  return tj_matter_get_status (m, today) == TJ_MATTER_OVERDUE ? "overdue" : NULL;
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  TjMatterPage *self = user_data;
  TjMatter *m = object;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  gint64 meeting = tj_drop_down_get_value (self->meeting_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  if (meeting != 0 && m->meeting_id != meeting)
    return FALSE;
  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      tj_matter_get_status (m, self->today) != (TjMatterStatus) (status - 1))
    return FALSE;
  if (*text != '\0' && strstr (m->content, text) == NULL &&
      (m->project_name == NULL || strstr (m->project_name, text) == NULL) &&
      (m->unit_name == NULL || strstr (m->unit_name, text) == NULL) &&
      (m->person == NULL || strstr (m->person, text) == NULL))
    return FALSE;
  return TRUE;
}

static void
filter_changed_cb (TjMatterPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.delete-meeting",
                                 tj_drop_down_get_value (self->meeting_filter) != 0);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_read_error (TjMatterPage *self,
                 const GError *error)
{
  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_list_store_remove_all (self->matters);
}

static void
fill_meetings (TjMatterPage *self,
               GPtrArray    *meetings)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 chosen = tj_drop_down_get_value (self->meeting_filter);
  gint64 zero = 0;

  gtk_string_list_append (labels, _("All Meetings"));
  g_array_append_val (values, zero);
  for (guint i = 0; i < meetings->len; i++)
    {
      TjMeeting *m = g_ptr_array_index (meetings, i);
      g_autofree char *label = g_strdup_printf ("%s %s（%s）", m->date, m->name,
                                                tj_meeting_kind_label (m->kind));

      gtk_string_list_append (labels, label);
      g_array_append_val (values, m->id);
    }
  tj_drop_down_set_choices (self->meeting_filter, labels, values);
  tj_drop_down_set_value (self->meeting_filter, chosen);
}

static void
reload (TjMatterPage *self)
{
  TjDb *db = tj_page_get_db (TJ_PAGE (self));
  int year = tj_page_get_year (TJ_PAGE (self));
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GPtrArray) matters = NULL;
  g_autoptr (GError) error = NULL;

  if (db == NULL || year == 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if ((meetings = tj_meeting_list (db, year, &error)) == NULL ||
      (matters = tj_matter_list (db, year, 0, &error)) == NULL)
    {
      show_read_error (self, error);
      return;
    }
  fill_meetings (self, meetings);
  for (guint i = 0; i < matters->len; i++)
    g_object_set_qdata_full (g_ptr_array_index (matters, i), status_day_quark (),
                             g_strdup (self->today), g_free);
  g_list_store_splice (self->matters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matters)),
                       matters->pdata, matters->len);
  gtk_stack_set_visible_child_name (self->content, matters->len > 0 ? "table" : "empty");
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
mapped_cb (TjMatterPage *self)
{
  if (self->stale)
    reload (self);
}

static GtkWindow *
parent_window (TjMatterPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
show_form (TjMatterPage *self,
           GtkWindow    *form)
{
  if (self->form != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->form), (gpointer *) &self->form);
  self->form = form;
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &self->form);
  gtk_window_present (form);
}

static TjMatter *
selected (TjMatterPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);

  show_form (self, tj_matter_form_new_meeting (parent_window (self), tj_page_get_db (TJ_PAGE (self)),
                                               self->today));
}

static void
open_matter_form (TjMatterPage *self,
                  TjMatter     *matter)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *form = tj_matter_form_new_matter (parent_window (self),
                                               tj_page_get_db (TJ_PAGE (self)),
                                               tj_page_get_year (TJ_PAGE (self)),
                                               tj_drop_down_get_value (self->meeting_filter),
                                               matter, &error);

  if (form == NULL)
    tj_alert (parent_window (self), _("Cannot read the matters"), error->message);
  else
    show_form (self, form);
}

static void
new_matter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_matter_form (TJ_MATTER_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);

  if (selected (self) != NULL)
    open_matter_form (self, selected (self));
}

static void
activated_cb (TjMatterPage *self,
              guint         position)
{
  g_autoptr (TjMatter) m = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_matter_form (self, m);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);
  TjMatter *m = selected (self);
  TjDb *db = tj_page_get_db (TJ_PAGE (self));

  if (m == NULL)
    return;
  if (g_str_equal (action_name, "matter.extend"))
    show_form (self, tj_matter_form_new_extension (parent_window (self), db, m, self->today));
  else if (g_str_equal (action_name, "matter.report"))
    show_form (self, tj_matter_form_new_report (parent_window (self), db, m, self->today));
  else
    show_form (self, tj_matter_form_new_finish (parent_window (self), db, m, self->today));
}

/* Deletes the matter (or the meeting with its matters) and offers to undo it. */
static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjMatterPage     *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));
  gboolean meeting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "meeting"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  TjDb *db = tj_page_get_db (TJ_PAGE (self));
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  deletion = meeting ? tj_meeting_delete_undoable (db, id, &error)
                     : tj_matter_delete_undoable (db, id, &error);
  if (deletion == NULL)
    {
      tj_alert (parent_window (self), _("Cannot delete"), error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), name);
  tj_page_delete_with_undo (TJ_PAGE (self), g_steal_pointer (&deletion), title);
}

static void
ask_delete (TjMatterPage *self,
            const char   *heading,
            const char   *body,
            gint64        id,
            gboolean      meeting,
            const char   *name)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (dialog), "meeting", GINT_TO_POINTER (meeting));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);
  TjMatter *m = selected (self);

  if (m != NULL)
    ask_delete (self, _("Delete the matter?"), m->content, m->id, FALSE, m->content);
}

/* The meeting chosen in the filter, with its matters: the dialog says how many go with it. */
static void
delete_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);
  gint64 id = tj_drop_down_get_value (self->meeting_filter);
  g_autoptr (TjMeeting) meeting = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matters = NULL;
  g_autofree char *body = NULL;

  if (id == 0)
    return;
  if ((meeting = tj_meeting_load (tj_page_get_db (TJ_PAGE (self)), id, &error)) == NULL ||
      (matters = tj_matter_list (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                                 id, &error)) == NULL)
    {
      tj_alert (parent_window (self), _("Cannot read the matters"), error->message);
      return;
    }
  if (matters->len == 0)
    body = g_strdup_printf (_("%s %s. It has no matters."), meeting->date, meeting->name);
  else
    body = g_strdup_printf (ngettext ("%s %s. Its %u matter is deleted with it, with its "
                                      "extensions and reports.",
                                      "%s %s. Its %u matters are deleted with it, with their "
                                      "extensions and reports.",
                                      matters->len),
                            meeting->date, meeting->name, matters->len);
  ask_delete (self, _("Delete the meeting?"), body, id, TRUE, meeting->name);
}

typedef struct
{
  char *date;
  int year; /* the ledger's; 0 for the meeting pack */
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_free (job->date);
  g_free (job);
}

static gboolean
write_pack (TjDb       *db,
            const char *path,
            gpointer    data,
            GError    **error)
{
  PackJob *job = data;

  if (job->year != 0)
    return tj_matter_write_ledger (db, job->year, job->date, path, error);
  return tj_meeting_pack_write (db, job->date, path, error);
}

/* Writes the meeting pack for the monthly meeting on date in a worker thread. */
void
tj_matter_page_export_pack (TjMatterPage *self,
                            const char   *date,
                            const char   *path)
{
  PackJob *job = g_new0 (PackJob, 1);

  job->date = g_strdup (date);
  tj_page_export (TJ_PAGE (self), self->exports, path, write_pack, job,
                  (GDestroyNotify) pack_job_free);
}

/* The meeting the pack is for: the monthly meeting chosen in the filter, else today. */
static char *
pack_date (TjMatterPage *self)
{
  gint64 meeting = tj_drop_down_get_value (self->meeting_filter);
  g_autoptr (TjMeeting) m = NULL;

  if (meeting != 0 &&
      (m = tj_meeting_load (tj_page_get_db (TJ_PAGE (self)), meeting, NULL)) != NULL &&
      m->kind == TJ_MEETING_MONTHLY)
    return g_strdup (m->date);
  return g_strdup (self->today);
}

/* Writes the 督办台账 of the page's year, the statuses as of the page's day, in a worker thread. */
void
tj_matter_page_export_ledger (TjMatterPage *self,
                              const char   *path)
{
  PackJob *job = g_new0 (PackJob, 1);

  job->date = g_strdup (self->today);
  job->year = tj_page_get_year (TJ_PAGE (self));
  tj_page_export (TJ_PAGE (self), self->exports, path, write_pack, job,
                  (GDestroyNotify) pack_job_free);
}

static void
export_ledger (TjPage     *page,
               const char *path,
               gpointer    data)
{
  tj_matter_page_export_ledger (TJ_MATTER_PAGE (page), path);
}

static void
ledger_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);
  g_autofree char *name = NULL;

  /* Translators: the file name of the ledger: "督办台账 2026.xlsx" */
  name = g_strdup_printf (_("Supervision Ledger %d.xlsx"), tj_page_get_year (TJ_PAGE (self)));
  tj_page_choose_export (TJ_PAGE (self), _("Export the Supervision Ledger"), name,
                         TJ_PAGE_FORMATS_ALL, _("Matters (.csv)"), export_ledger, NULL, NULL);
}

/* The pack is for the meeting chosen when the dialog is answered. */
static void
export_pack (TjPage     *page,
             const char *path,
             gpointer    data)
{
  TjMatterPage *self = TJ_MATTER_PAGE (page);
  g_autofree char *date = pack_date (self);

  tj_matter_page_export_pack (self, date, path);
}

static void
pack_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);
  g_autofree char *date = pack_date (self);
  g_autofree char *name = NULL;

  /* Translators: the file name of the meeting pack: "月例会督办材料 2026-06-05.xlsx" */
  name = g_strdup_printf (_("Meeting Pack %s.xlsx"), date);
  tj_page_choose_export (TJ_PAGE (self), _("Meeting Pack"), name,
                         TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_XLSX) |
                           TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_PDF),
                         NULL, export_pack, NULL, NULL);
}

/* 观摩评分: the tours, their scores and ranking, in a window of their own. */
static void
tours_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TjMatterPage *self = TJ_MATTER_PAGE (widget);

  gtk_window_present (GTK_WINDOW (tj_tour_window_new (parent_window (self),
                                                      tj_page_get_db (TJ_PAGE (self)),
                                                      tj_page_get_year (TJ_PAGE (self)))));
}

static void
selection_changed_cb (TjMatterPage *self)
{
  gboolean any = selected (self) != NULL;
  const char *actions[] = { "matter.edit", "matter.extend", "matter.report", "matter.finish",
                            "matter.delete" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], any);
}

/* An export keeps both export buttons until its file is written. */
static void
exports_busy_cb (TjMatterPage *self)
{
  gboolean idle = !tj_file_job_get_busy (self->exports);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.pack", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.export", idle);
}

static void
tables_changed_cb (TjMatterPage *self)
{
  reload (self);
}

static void
tj_matter_page_year_changed (TjPage *page)
{
  reload (TJ_MATTER_PAGE (page));
}

static void
tj_matter_page_constructed (GObject *object)
{
  TjMatterPage *self = TJ_MATTER_PAGE (object);
  static const char *const tables[] = {
    "meetings", "matters", "matter_extensions", "matter_reports", "projects", "units", NULL
  };

  G_OBJECT_CLASS (tj_matter_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), tables, G_CALLBACK (tables_changed_cb));
  reload (self);
}

static void
tj_matter_page_dispose (GObject *object)
{
  TjMatterPage *self = TJ_MATTER_PAGE (object);
  GtkWidget *child;

  if (self->form != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->form), (gpointer *) &self->form);
  self->form = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->exports);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->matters);
  G_OBJECT_CLASS (tj_matter_page_parent_class)->dispose (object);
}

static void
tj_matter_page_finalize (GObject *object)
{
  g_free (TJ_MATTER_PAGE (object)->today);
  G_OBJECT_CLASS (tj_matter_page_parent_class)->finalize (object);
}

static void
tj_matter_page_class_init (TjMatterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_matter_page_constructed;
  object_class->dispose = tj_matter_page_dispose;
  object_class->finalize = tj_matter_page_finalize;
  TJ_PAGE_CLASS (klass)->year_changed = tj_matter_page_year_changed;
  gtk_widget_class_install_action (widget_class, "matter.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "matter.new", NULL, new_matter_action);
  gtk_widget_class_install_action (widget_class, "matter.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "matter.extend", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "matter.report", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "matter.finish", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "matter.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "matter.delete-meeting", NULL,
                                   delete_meeting_action);
  gtk_widget_class_install_action (widget_class, "matter.pack", NULL, pack_action);
  gtk_widget_class_install_action (widget_class, "matter.export", NULL, ledger_action);
  gtk_widget_class_install_action (widget_class, "matter.tours", NULL, tours_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-matter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, meeting_filter);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, search);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, content);
  gtk_widget_class_bind_template_child (widget_class, TjMatterPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload);
}

static void
tj_matter_page_init (TjMatterPage *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  self->today = tj_date_today ();
  self->matters = g_list_store_new (TJ_TYPE_MATTER);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (statuses, _("All States"));
  for (guint s = TJ_MATTER_IN_PROGRESS; s <= TJ_MATTER_OVERDUE; s++)
    gtk_string_list_append (statuses, tj_matter_status_label (s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->matters)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->column_view = tj_table_new (GTK_SELECTION_MODEL (self->selection), columns, N_COLUMNS,
                                    COLUMN_CONTENT, column_text, row_style);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activated_cb), self);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  self->exports = tj_file_job_new ();
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (exports_busy_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.delete-meeting", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

void
tj_matter_page_set_today (TjMatterPage *self,
                          const char   *today)
{
  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);
}

GListModel *
tj_matter_page_get_shown (TjMatterPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

char *
tj_matter_page_get_cell_text (TjMatterPage *self,
                              guint         position,
                              const char   *column)
{
  g_autoptr (TjMatter) m = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  int index = tj_table_column_index (columns, N_COLUMNS, column);

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (index >= 0, NULL);
  return column_text (m, index);
}

void
tj_matter_page_select (TjMatterPage *self,
                       guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* Shows the matters of one meeting (0: all), as choosing it in the filter does. */
void
tj_matter_page_show_meeting (TjMatterPage *self,
                             gint64        meeting_id)
{
  tj_drop_down_set_value (self->meeting_filter, meeting_id);
}

GtkWindow *
tj_matter_page_get_form (TjMatterPage *self)
{
  return self->form;
}
