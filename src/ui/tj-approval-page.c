/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval-page"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-form-row.h"
#include "tj-report.h"
#include "tj-alert.h"
#include "tj-approval-form.h"
#include "tj-approval-page.h"
#include "tj-approval.h"
#include "tj-calendar.h"
#include "tj-date.h"
#include "tj-file-job.h"
#include "tj-read-error.h"
#include "tj-table.h"
#include "tj-unit.h"

/* 审批: every approval item of the year's projects, what is due, what is late and which
 * department is slow (推进机制 三). Counted in working days by core's calendar. */
struct _TjApprovalPage
{
  TjPage parent_instance;

  GtkBox *filter_box;
  GtkDropDown *department_filter;
  GtkDropDown *stage_filter;
  GtkDropDown *state_filter;
  GtkDropDown *green_filter;
  GtkDropDown *batch_filter;
  GtkLabel *overdue_label;
  GtkLabel *calendar_note;
  GtkColumnView *column_view;
  GtkScrolledWindow *scrolled;
  GtkButton *export_speedup;
  GtkButton *export_ledger;
  GtkStack *stack;           /* "list", or "error" when the items could not be read */
  TjReadError *read_error;

  char *today;
  gboolean departments_stale;
  GListStore *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  GPtrArray *departments; /* names, [0] = all */
  TjFileJob *exports; /* busy: the export buttons wait for the file being written */
  guint overdue;
};

G_DEFINE_FINAL_TYPE (TjApprovalPage, tj_approval_page, TJ_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_PROJECT,
  COLUMN_NAME,
  COLUMN_DEPARTMENT,
  COLUMN_STAGE,
  COLUMN_STATUTORY,
  COLUMN_COMMITTED,
  COLUMN_GREEN,
  COLUMN_ACCEPTED,
  COLUMN_DEADLINE,
  COLUMN_REMAINING,
  COLUMN_FINISHED,
  COLUMN_ELAPSED,
  COLUMN_SPEEDUP,
  COLUMN_STATE,
  COLUMN_REMINDERS,
  N_COLUMNS
} Column;

static const TjTableColumn columns[N_COLUMNS] = {
  [COLUMN_PROJECT] = { "project", N_("Project Name"), 14, FALSE },
  [COLUMN_NAME] = { "name", N_("Item"), 9, FALSE },
  [COLUMN_DEPARTMENT] = { "department", N_("Department"), 6, FALSE },
  [COLUMN_STAGE] = { "stage", N_("Stage"), 7, FALSE },
  [COLUMN_STATUTORY] = { "statutory", N_("Statutory"), 4, TRUE },
  [COLUMN_COMMITTED] = { "committed", N_("Committed"), 4, TRUE },
  [COLUMN_GREEN] = { "green", N_("Green Channel"), 4, FALSE },
  [COLUMN_ACCEPTED] = { "accepted", N_("Accepted On"), 6, TJ_TABLE_DATE },
  [COLUMN_DEADLINE] = { "deadline", N_("Deadline"), 6, TJ_TABLE_DATE },
  [COLUMN_REMAINING] = { "remaining", N_("Days Left"), 4, TRUE },
  [COLUMN_FINISHED] = { "finished", N_("Finished On"), 6, TJ_TABLE_DATE },
  [COLUMN_ELAPSED] = { "elapsed", N_("Days Used"), 4, TRUE },
  [COLUMN_SPEEDUP] = { "speedup", N_("Speed-up"), 4, TRUE },
  [COLUMN_STATE] = { "state", N_("State"), 6, FALSE },
  [COLUMN_REMINDERS] = { "reminders", N_("Reminders"), 4, TRUE },
};

static char *
column_text (gpointer object,
             guint    column)
{
  TjApprovalItem *item = object;

  switch (column)
    {
    case COLUMN_PROJECT:
      return g_strdup (item->project_name);
    case COLUMN_NAME:
      return g_strdup (item->name);
    case COLUMN_DEPARTMENT:
      return g_strdup (item->unit_name);
    case COLUMN_STAGE:
      return g_strdup (tj_approval_stage_label (item->stage));
    case COLUMN_STATUTORY:
      return g_strdup_printf ("%d", item->statutory_days);
    case COLUMN_COMMITTED:
      return g_strdup_printf ("%d", item->committed_days);
    case COLUMN_GREEN:
      return g_strdup (item->green ? _("Yes") : "");
    case COLUMN_ACCEPTED:
      return g_strdup (item->accepted);
    case COLUMN_DEADLINE:
      return g_strdup (item->deadline);
    case COLUMN_REMAINING:
      return item->has_remaining ? g_strdup_printf ("%d", item->remaining) : g_strdup ("");
    case COLUMN_FINISHED:
      return g_strdup (item->finished);
    case COLUMN_ELAPSED:
      return item->has_elapsed ? g_strdup_printf ("%d", item->elapsed) : g_strdup ("");
    case COLUMN_SPEEDUP:
      return item->has_speedup ? tj_report_format_percent (item->speedup) : g_strdup ("");
    case COLUMN_STATE:
      return g_strdup (tj_item_state_label (item->state));
    case COLUMN_REMINDERS:
      return item->n_reminders > 0 ? g_strdup_printf ("%u", item->n_reminders) : g_strdup ("");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Overdue rows are marked red, those due within two working days amber. */
static const char *
row_style (gpointer object)
{
  TjApprovalItem *item = object;

  return item->overdue ? "overdue" : item->due_soon ? "due-soon" : NULL;
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  TjApprovalPage *self = user_data;
  TjApprovalItem *item = object;
  const char *department = tj_drop_down_get_chosen (self->department_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint state = gtk_drop_down_get_selected (self->state_filter);
  guint green = gtk_drop_down_get_selected (self->green_filter);
  guint batch = gtk_drop_down_get_selected (self->batch_filter);

  if (department != NULL && g_strcmp0 (item->unit_name, department) != 0)
    return FALSE;
  if (stage > 0 && stage != GTK_INVALID_LIST_POSITION && item->stage != (TjApprovalStage) stage)
    return FALSE;
  /* 1 overdue, 2 due soon, 3 unfinished, 4 finished */
  if ((state == 1 && !item->overdue) || (state == 2 && !item->due_soon) ||
      (state == 3 && item->finished != NULL) || (state == 4 && item->finished == NULL))
    return FALSE;
  if ((green == 1 && !item->green) || (green == 2 && item->green))
    return FALSE;
  if ((batch == 1 && item->batch_id == 0) || (batch == 2 && item->batch_id != 0))
    return FALSE;
  return TRUE;
}

static void
filter_changed_cb (TjApprovalPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_strings (GtkDropDown       *dropdown,
             const char *const *strings)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (strings);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static gboolean
fill_departments (TjApprovalPage *self,
                  GError        **error)
{
  g_autoptr (GPtrArray) units = tj_unit_list (tj_page_get_db (TJ_PAGE (self)), error);
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  if (units == NULL)
    return FALSE;
  gtk_string_list_append (list, _("All Departments"));
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);

      if (!tj_unit_is_locality (unit))
        gtk_string_list_append (list, unit->name);
    }
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (list));
  self->departments_stale = FALSE;
  return TRUE;
}

/* The page says why in place of the list; no stale row is left to act on, and nothing is counted
 * as overdue that could not be read. */
static void
set_overdue (TjApprovalPage *self,
             guint           overdue)
{
  if (self->overdue == overdue)
    return;
  self->overdue = overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

static void
show_read_error (TjApprovalPage *self,
                 const GError   *error)
{
  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_list_store_remove_all (self->items);
  set_overdue (self, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
}

static void
reload (TjApprovalPage *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *overdue = NULL;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  if (self->departments_stale && !fill_departments (self, &error))
    {
      show_read_error (self, error);
      return;
    }
  items = tj_approval_item_list (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                                 self->today, &error);
  /* A year without a holiday table is counted as plain weekdays: say so. */
  if (items != NULL)
    calendar = tj_calendar_load (tj_page_get_db (TJ_PAGE (self)), &error);
  if (items == NULL || calendar == NULL)
    {
      show_read_error (self, error);
      return;
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  set_overdue (self, tj_approval_items_count_overdue (items));
  overdue = g_strdup_printf (ngettext ("%u item overdue", "%u items overdue", self->overdue),
                             self->overdue);
  gtk_label_set_text (self->overdue_label, overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), self->overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_note),
                          !tj_calendar_has_year (calendar, tj_page_get_year (TJ_PAGE (self))));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* The items with their reminders, batches, cases, projects, agents and the holiday table. */
static void
items_changed_cb (TjApprovalPage *self)
{
  reload (self);
}

/* The department filter is read again with the list. */
static void
units_changed_cb (TjApprovalPage *self)
{
  self->departments_stale = TRUE;
  reload (self);
}

static TjApprovalItem *
selected_item (TjApprovalPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
present (TjApprovalPage *self,
         GtkWindow      *window)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (widget);

  present (self, tj_approval_form_new (tj_page_get_db (TJ_PAGE (self)), NULL,
                                       tj_page_get_year (TJ_PAGE (self))));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (widget);
  TjApprovalItem *item = selected_item (self);

  if (item != NULL)
    present (self, tj_approval_form_new (tj_page_get_db (TJ_PAGE (self)), item,
                                         tj_page_get_year (TJ_PAGE (self))));
}

static void
activated_cb (TjApprovalPage *self,
              guint           position)
{
  g_autoptr (TjApprovalItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

  present (self, tj_approval_form_new (tj_page_get_db (TJ_PAGE (self)), item,
                                       tj_page_get_year (TJ_PAGE (self))));
}

/* 催办: logs a reminder on the item, dated today, by the operating-system user. */
static gboolean
remind (TjApprovalPage *self,
        TjApprovalItem *item,
        const char     *note)
{
  g_autoptr (GError) error = NULL;
  const char *who = g_get_real_name ();
  g_autofree char *title = NULL;

  if (who == NULL || g_str_equal (who, "Unknown"))
    who = g_get_user_name ();
  if (!tj_approval_remind (tj_page_get_db (TJ_PAGE (self)), item->id, self->today, who, note,
                           &error))
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                _("Cannot log the reminder"), error->message);
      return FALSE;
    }
  title = g_strdup_printf (_("Reminder logged: %s, %s"), item->project_name, item->name);
  tj_page_show_toast (TJ_PAGE (self), adw_toast_new (title));
  return TRUE;
}

static void
remind_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjApprovalPage   *self)
{
  TjApprovalItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");

  if (g_str_equal (response, "remind"))
    remind (self, item, gtk_editable_get_text (note));
}

static void
remind_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (widget);
  TjApprovalItem *item = selected_item (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *note;

  if (item == NULL)
    return;
  body = g_strdup_printf (_("Log a reminder to %s about “%s” of %s, dated %s."),
                          item->unit_name != NULL ? item->unit_name : "", item->name,
                          item->project_name, self->today);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Remind"), body);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note, e.g. by phone to the section chief"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), note);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remind",
                                    _("_Log Reminder"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remind",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "remind");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (remind_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  int year;
  char *today;
  gboolean speedup;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_free (job->today);
  g_free (job);
}

static gboolean
write_report (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  ReportJob *job = data;

  return job->speedup ? tj_approval_write_speedup (db, job->year, job->today, path, error)
                      : tj_approval_write_ledger (db, job->year, job->today, path, error);
}

/* Writes the ledger (or the speed-up) of the page's year on its day in a worker thread; the
 * export buttons wait until it is written. */
void
tj_approval_page_export (TjApprovalPage *self,
                         const char     *path,
                         gboolean        speedup)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  g_return_if_fail (TJ_IS_APPROVAL_PAGE (self));

  job->year = tj_page_get_year (TJ_PAGE (self));
  job->today = g_strdup (self->today);
  job->speedup = speedup;
  tj_page_export (TJ_PAGE (self), self->exports, path, write_report, job,
                  (GDestroyNotify) report_job_free);
}

static void
export_report (TjPage     *page,
               const char *path,
               gpointer    data)
{
  tj_approval_page_export (TJ_APPROVAL_PAGE (page), path, GPOINTER_TO_INT (data));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (widget);
  gboolean speedup = g_str_equal (g_variant_get_string (parameter, NULL), "speedup");
  g_autofree char *name = NULL;

  name = g_strdup_printf (speedup ? _("Department Speed-up %d.xlsx") : _("Approval Ledger %d.xlsx"),
                          tj_page_get_year (TJ_PAGE (self)));
  tj_page_choose_export (TJ_PAGE (self),
                         speedup ? _("Export Department Speed-up") : _("Export the Approval Ledger"),
                         name, TJ_PAGE_FORMATS_ALL,
                         speedup ? _("Departments' Speed-up (.csv)") : _("Approval Items (.csv)"),
                         export_report, GINT_TO_POINTER (speedup), NULL);
}

static void
selection_changed_cb (TjApprovalPage *self)
{
  gboolean any = selected_item (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.edit", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.remind", any);
}

static void
tj_approval_page_dispose (GObject *object)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->exports);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->today, g_free);
  G_OBJECT_CLASS (tj_approval_page_parent_class)->dispose (object);
}

static void
tj_approval_page_constructed (GObject *object)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (object);

  /* the items with their reminders, batches, cases, projects, agents and the holiday table; the
   * department filter */
  static const char *const items_tables[] = {
    "approval_items", "approval_reminders", "approval_batches", "agency_cases", "projects",
    "people", "holidays", NULL
  };
  static const char *const units_tables[] = { "units", NULL };

  G_OBJECT_CLASS (tj_approval_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), items_tables, G_CALLBACK (items_changed_cb));
  tj_page_watch_tables (TJ_PAGE (self), units_tables, G_CALLBACK (units_changed_cb));
  self->departments_stale = TRUE;
  reload (self);
}

static void
tj_approval_page_year_changed (TjPage *page)
{
  reload (TJ_APPROVAL_PAGE (page));
}

static void
tj_approval_page_get_property (GObject    *object,
                               guint      prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TjApprovalPage *self = TJ_APPROVAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_OVERDUE:
      g_value_set_uint (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}
static void
tj_approval_page_class_init (TjApprovalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_approval_page_constructed;
  object_class->dispose = tj_approval_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_approval_page_year_changed;
  object_class->get_property = tj_approval_page_get_property;
  /* the items overdue as last read: 0 when they could not be read */
  properties[PROP_OVERDUE] = g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_action (widget_class, "approval.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "approval.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "approval.remind", NULL, remind_action);
  gtk_widget_class_install_action (widget_class, "approval.export", "s", export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-approval-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, green_filter);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, batch_filter);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, calendar_note);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, export_speedup);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, export_ledger);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload);
}

/* An export keeps its buttons until its file is written. */
static void
exports_busy_cb (TjApprovalPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.export",
                                 !tj_file_job_get_busy (self->exports));
}

static void
tj_approval_page_init (TjApprovalPage *self)
{
  const char *stages[TJ_STAGE_N + 1] = { _("All Stages") };
  GtkButton *export_buttons[2];

  /* the filter first: the drop-downs tell it when their choices arrive */
  self->items = g_list_store_new (TJ_TYPE_APPROVAL_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  export_buttons[0] = self->export_speedup;
  export_buttons[1] = self->export_ledger;
  for (guint i = 1; i < TJ_STAGE_N; i++)
    stages[i] = tj_approval_stage_label (i);
  set_strings (self->stage_filter, stages);
  self->today = tj_date_today ();
  self->departments = NULL;

  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->column_view = tj_table_new (GTK_SELECTION_MODEL (self->selection), columns, N_COLUMNS,
                                    COLUMN_PROJECT, column_text, row_style);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activated_cb), self);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));

  self->exports = tj_file_job_new ();
  for (guint i = 0; i < G_N_ELEMENTS (export_buttons); i++)
    g_object_bind_property (self->exports, "busy", export_buttons[i], "sensitive",
                            G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (exports_busy_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  /* A save or a delete replaces the rows without "selection-changed": the actions follow. */
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb),
                            self);
  selection_changed_cb (self);
}

/* Tests and reports of another day set "today". */
void
tj_approval_page_set_today (TjApprovalPage *self,
                            const char     *today)
{
  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);
}

GListModel *
tj_approval_page_get_shown (TjApprovalPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

guint
tj_approval_page_get_overdue (TjApprovalPage *self)
{
  return self->overdue;
}

char *
tj_approval_page_get_cell_text (TjApprovalPage *self,
                                guint           position,
                                const char     *column)
{
  g_autoptr (TjApprovalItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  g_return_val_if_fail (item != NULL, NULL);
  int c = tj_table_column_index (columns, N_COLUMNS, column);

  g_return_val_if_fail (c >= 0, NULL);
  return column_text (item, c);
}

gboolean
tj_approval_page_remind (TjApprovalPage *self,
                         guint           position,
                         const char     *note)
{
  g_autoptr (TjApprovalItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  g_return_val_if_fail (item != NULL, FALSE);
  return remind (self, item, note);
}

void
tj_approval_page_filter_overdue (TjApprovalPage *self,
                                 gboolean        overdue)
{
  gtk_drop_down_set_selected (self->state_filter, overdue ? 1 : 0);
}
