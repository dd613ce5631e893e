/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-progress-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-report.h"
#include "tj-file-job.h"
#include "tj-file-chooser.h"
#include "tj-kit.h"
#include "tj-money.h"
#include "tj-month.h"
#include "tj-period-lock.h"
#include "tj-progress-page.h"
#include "tj-alert.h"
#include "tj-read-error.h"
#include "tj-progress.h"
#include "tj-table.h"

/* 进度填报: a month's reports of every project of the year, made for typing 150 rows in one
 * sitting: Enter moves down, Tab moves right, every value is checked as it is typed, and each
 * row is saved in its own transaction as soon as a cell is left. */
struct _TjProgressPage
{
  TjPage parent_instance;

  GtkDropDown *month_dropdown;
  GtkLabel *status;
  GtkLabel *footer;
  GtkColumnView *column_view;
  GtkWidget *lock_bar;
  GtkLabel *lock_label;
  GtkLabel *unreturned_label; /* the townships that have not returned the month */
  GtkStack *stack;           /* "list", or "error" when the month could not be read */
  TjReadError *read_error;

  GListStore *rows;
  GHashTable *cells;    /* position × column → the cell widget bound there */
  GtkColumnViewColumn *columns[10];
  gboolean saving;      /* our own write: no reload */
  gboolean stale;       /* changed while not shown */
  gboolean locked;      /* the month's bulletin is issued: its reports are read only */
  GtkFileChooserNative *chooser;
  TjFileJob *imports;   /* busy: the page waits for the import */
};

G_DEFINE_FINAL_TYPE (TjProgressPage, tj_progress_page, TJ_TYPE_PAGE)

typedef enum
{
  COLUMN_STATUS,
  COLUMN_NAME,
  COLUMN_PLAN,
  COLUMN_PREVIOUS,
  COLUMN_COMPLETED,
  COLUMN_CUMULATIVE,
  COLUMN_RATE,
  COLUMN_PROGRESS,
  COLUMN_PROBLEMS,
  COLUMN_ACTUAL_START,
  N_COLUMNS
} Column;

static const struct
{
  const char *field; /* for the editable ones */
  int width;         /* characters */
  gboolean numeric;
} columns[N_COLUMNS] = {
  [COLUMN_STATUS] = { NULL, 3, FALSE },
  [COLUMN_NAME] = { NULL, 18, FALSE },
  [COLUMN_PLAN] = { NULL, 10, TRUE },
  [COLUMN_PREVIOUS] = { NULL, 10, TRUE },
  [COLUMN_COMPLETED] = { "completed", 9, TRUE },
  [COLUMN_CUMULATIVE] = { NULL, 10, TRUE },
  [COLUMN_RATE] = { NULL, 6, TRUE },
  [COLUMN_PROGRESS] = { "progress", 12, FALSE },
  [COLUMN_PROBLEMS] = { "problems", 12, FALSE },
  [COLUMN_ACTUAL_START] = { "actual_start", 10, FALSE },
};

static void
replace_text (char      **slot,
              const char *text)
{
  char *copy = g_strdup (text);

  g_free (*slot);
  *slot = copy;
}

#define CELL_KEY(position, column) GUINT_TO_POINTER ((position) * N_COLUMNS + (column) + 1)

static int
selected_month (TjProgressPage *self)
{
  return (int) gtk_drop_down_get_selected (self->month_dropdown) + 1;
}

/* Every figure of the page in 万元 as the bulletin shows it: "2,148.84". */
static char *
wan_text (gint64 yuan)
{
  return tj_money_format_wan (yuan, 2, TRUE);
}

static char *
column_text (TjMonthRow *row,
             Column      column)
{
  double rate;

  switch (column)
    {
    case COLUMN_STATUS:
      return g_strdup (row->reported ? _("Reported") : _("Not reported"));
    case COLUMN_NAME:
      return g_strdup (row->project_name);
    case COLUMN_PLAN:
      return wan_text (row->annual_plan);
    case COLUMN_PREVIOUS:
      return wan_text (row->previous);
    case COLUMN_COMPLETED:
      return row->reported ? wan_text (row->completed) : g_strdup ("");
    case COLUMN_CUMULATIVE:
      return wan_text (row->cumulative);
    case COLUMN_RATE:
      rate = tj_month_row_get_rate (row);
      return rate >= 0 ? tj_report_format_percent (rate) : g_strdup ("—");
    case COLUMN_PROGRESS:
      return g_strdup (row->progress);
    case COLUMN_PROBLEMS:
      return g_strdup (row->problems);
    case COLUMN_ACTUAL_START:
      return g_strdup (row->actual_start);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (GtkWidget  *widget,
             TjMonthRow *row,
             Column      column)
{
  g_autofree char *text = column_text (row, column);

  if (GTK_IS_EDITABLE (widget))
    {
      /* A text on a month not reported is kept as a note until its figure comes (core's rule). */
      g_autofree char *note =
        column == COLUMN_PROGRESS || column == COLUMN_PROBLEMS
          ? tj_progress_note_kept (row->reported, text != NULL && *text != '\0')
          : NULL;

      gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
      gtk_widget_remove_css_class (widget, "error");
      if (note != NULL)
        gtk_widget_add_css_class (widget, "warning");
      else
        gtk_widget_remove_css_class (widget, "warning");
      gtk_widget_set_tooltip_text (widget, note);
    }
  else
    tj_table_cell_set_text (widget, text);
  if (column == COLUMN_STATUS)
    {
      if (row->reported)
        gtk_widget_remove_css_class (widget, "unreported");
      else
        gtk_widget_add_css_class (widget, "unreported");
    }
}

/* Sums of the month over every project, in 亿元, and how many have reported. */
static void
update_totals (TjProgressPage *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model), reported = 0;
  gint64 plan = 0, month = 0, cumulative = 0;
  g_autofree char *status = NULL, *footer = NULL;
  g_autofree char *plan_text = NULL, *month_text = NULL, *cumulative_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TjMonthRow) row = g_list_model_get_item (model, i);

      reported += row->reported;
      plan += row->annual_plan;
      month += row->completed;
      cumulative += row->cumulative;
    }
  status = g_strdup_printf (_("%d-%02d: %u of %u projects reported"),
                            tj_page_get_year (TJ_PAGE (self)), selected_month (self), reported, n);
  gtk_label_set_text (self->status, status);
  plan_text = tj_money_format_yi (plan, 2);
  month_text = tj_money_format_yi (month, 2);
  cumulative_text = tj_money_format_yi (cumulative, 2);
  footer = g_strdup_printf (_("Completed this month %s · cumulative %s · annual plan %s "
                              "(100m yuan)"),
                            month_text, cumulative_text, plan_text);
  gtk_label_set_text (self->footer, footer);
}

static void
refresh_row_cells (TjProgressPage *self,
                   guint           position,
                   TjMonthRow     *row)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->cells, CELL_KEY (position, c));

      if (widget != NULL && !gtk_widget_has_focus (widget))
        update_cell (widget, row, c);
    }
}

static gboolean
find_position (TjProgressPage *self,
               TjMonthRow     *row,
               guint          *position)
{
  return g_list_store_find (self->rows, row, position);
}

static void
show_cell_problem (GtkWidget  *widget,
                   const char *message)
{
  if (widget == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
}

/* Saves one row with one field changed: one transaction; the row shows the new cumulative. A
 * text or a date keeps the month's figure (figure FALSE); on a month not reported, a text alone
 * is kept by core as the month's note: the row stays 未报, and the note goes with the report
 * when a figure is typed. */
static gboolean
save_row (TjProgressPage *self,
          TjMonthRow     *row,
          gboolean        figure,
          gint64          completed,
          const char     *field,
          const char     *text,
          GtkWidget      *widget)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *progress = g_strdup (row->progress);
  g_autofree char *problems = g_strdup (row->problems);
  g_autofree char *actual_start = NULL;
  guint position;
  gboolean ok;

  if (g_str_equal (field, "progress"))
    replace_text (&progress, text);
  else if (g_str_equal (field, "problems"))
    replace_text (&problems, text);
  else if (g_str_equal (field, "actual_start"))
    actual_start = g_strdup (text);

  self->saving = TRUE;
  if (figure)
    ok = tj_progress_save (tj_page_get_db (TJ_PAGE (self)), row->project_id, selected_month (self),
                           completed, progress, problems, row->next_steps, actual_start, NULL,
                           &error);
  else
    ok = tj_progress_save_texts (tj_page_get_db (TJ_PAGE (self)), row->project_id,
                                 selected_month (self), progress, problems, row->next_steps,
                                 actual_start, &error);
  self->saving = FALSE;
  if (!ok)
    {
      show_cell_problem (widget, error->message);
      return FALSE;
    }
  if (figure)
    {
      row->completed = completed;
      row->cumulative = row->previous + completed;
      row->reported = TRUE;
    }
  replace_text (&row->progress, progress);
  replace_text (&row->problems, problems);
  if (actual_start != NULL)
    replace_text (&row->actual_start, actual_start);
  show_cell_problem (widget, NULL);
  if (find_position (self, row, &position))
    refresh_row_cells (self, position, row);
  /* the cell left or entered shows what is stored, a kept note marked */
  if (widget != NULL)
    update_cell (widget, row, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "column")));
  update_totals (self);
  return TRUE;
}

typedef struct
{
  TjProgressPage *page;
  TjMonthRow *row;
  gint64 completed;
  GtkWidget *widget;
} Correction;

static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Correction       *correction)
{
  if (g_str_equal (response, "correct"))
    save_row (correction->page, correction->row, TRUE, correction->completed, "completed", NULL,
              correction->widget);
  else if (correction->widget != NULL)
    update_cell (correction->widget, correction->row, COLUMN_COMPLETED);
  g_object_unref (correction->row);
  g_clear_object (&correction->widget);
  g_free (correction);
}

/* Commits what was typed in one cell. Returns FALSE when the text is not a valid value. */
static gboolean
commit (TjProgressPage *self,
        TjMonthRow     *row,
        const char     *field,
        const char     *typed,
        GtkWidget      *widget)
{
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autoptr (GError) error = NULL;

  if (self->locked)
    {
      /* read only: what the cell shows is what is stored */
      for (Column c = 0; widget != NULL && c < N_COLUMNS; c++)
        if (g_strcmp0 (columns[c].field, field) == 0)
          update_cell (widget, row, c);
      return TRUE;
    }
  if (g_str_equal (field, "completed"))
    {
      g_autofree char *shown = column_text (row, COLUMN_COMPLETED);
      gint64 completed = 0;

      if (*text == '\0')
        return TRUE; /* nothing typed: the month stays as it is */
      if (!tj_money_parse_wan (text, &completed, &error))
        {
          show_cell_problem (widget, error->message);
          return FALSE;
        }
      /* The cell shows the figure to the 100 yuan: left as shown, it is left as stored. */
      if (row->reported && (completed == row->completed || g_str_equal (text, shown)))
        return TRUE;
      if (completed < 0)
        {
          /* A negative month is only a correction of an earlier one: ask first. */
          Correction *correction = g_new0 (Correction, 1);
          g_autofree char *amount = tj_money_format_wan (completed, 4, TRUE);
          g_autofree char *body = g_strdup_printf (_("%s: %s (10k yuan) this month lowers the "
                                                     "cumulative. Enter it as a correction of "
                                                     "earlier months?"),
                                                   row->project_name, amount);
          GtkWidget *dialog = adw_message_dialog_new (
              GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Negative Month?"), body);

          correction->page = self;
          correction->row = g_object_ref (row);
          correction->completed = completed;
          correction->widget = widget != NULL ? g_object_ref (widget) : NULL;
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                            "correct", _("_Correct"), NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correct",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect (dialog, "response", G_CALLBACK (correction_response_cb), correction);
          gtk_window_present (GTK_WINDOW (dialog));
          return TRUE;
        }
      return save_row (self, row, TRUE, completed, field, NULL, widget);
    }

  if (g_str_equal (field, "actual_start"))
    {
      g_autofree char *iso = NULL;

      if (*text == '\0' || g_strcmp0 (text, row->actual_start) == 0)
        return TRUE;
      iso = tj_date_parse (text, &error);
      if (iso == NULL)
        {
          show_cell_problem (widget, error->message);
          return FALSE;
        }
      return save_row (self, row, FALSE, 0, field, iso, widget);
    }

  if (g_strcmp0 (text, g_str_equal (field, "progress") ? row->progress : row->problems) == 0 ||
      (*text == '\0' && (g_str_equal (field, "progress") ? row->progress : row->problems) == NULL))
    return TRUE;
  return save_row (self, row, FALSE, 0, field, *text != '\0' ? text : NULL, widget);
}

/* Values are checked as they are typed; the message shows on the cell. */
static void
entry_changed_cb (GtkEditable *entry)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "column"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;

  if (*text != '\0' && column == COLUMN_COMPLETED)
    {
      gint64 yuan;
      tj_money_parse_wan (text, &yuan, &error);
    }
  else if (*text != '\0' && column == COLUMN_ACTUAL_START)
    g_free (tj_date_parse (text, &error));
  show_cell_problem (GTK_WIDGET (entry), error != NULL ? error->message : NULL);
}

static void
focus_cell (TjProgressPage *self,
            guint           position,
            Column          column)
{
  GtkWidget *widget = g_hash_table_lookup (self->cells, CELL_KEY (position, column));

  if (widget != NULL)
    gtk_widget_grab_focus (widget);
}

/* Scrolling in 4.8: the column view's list view (its last child) has the action. */
static void
scroll_to (TjProgressPage *self,
           guint           position)
{
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));

  if (list != NULL && GTK_IS_LIST_VIEW (list))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static void
entry_activated_cb (GtkEntry       *entry,
                    TjProgressPage *self)
{
  TjMonthRow *row = g_object_get_data (G_OBJECT (entry), "row");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "column"));
  guint position;

  if (row == NULL || !commit (self, row, columns[column].field,
                              gtk_editable_get_text (GTK_EDITABLE (entry)), GTK_WIDGET (entry)))
    return;
  /* Enter moves down, as in a spreadsheet. */
  if (find_position (self, row, &position) &&
      position + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      scroll_to (self, position + 1);
      focus_cell (self, position + 1, column);
    }
}

static void
entry_left_cb (GtkEventControllerFocus *controller,
               TjProgressPage          *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TjMonthRow *row = g_object_get_data (G_OBJECT (entry), "row");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "column"));

  if (row != NULL)
    commit (self, row, columns[column].field, gtk_editable_get_text (GTK_EDITABLE (entry)), entry);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TjProgressPage           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *widget;

  if (columns[column].field != NULL)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      widget = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (widget), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), columns[column].width);
      if (columns[column].numeric)
        gtk_entry_set_alignment (GTK_ENTRY (widget), 1.0);
      g_signal_connect (widget, "activate", G_CALLBACK (entry_activated_cb), self);
      g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), NULL);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_left_cb), self);
      gtk_widget_add_controller (widget, focus);
    }
  else
    /* numbers right-aligned and never cut, a name cut with "…" and shown whole in a tooltip */
    widget = tj_table_cell_new (columns[column].width,
                                columns[column].numeric ? TJ_TABLE_NUMBER : TJ_TABLE_TEXT);
  g_object_set_data (G_OBJECT (widget), "column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (item, widget);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TjProgressPage           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *widget = gtk_list_item_get_child (item);
  TjMonthRow *row = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);

  g_object_set_data (G_OBJECT (widget), "row", row);
  g_object_set_data (G_OBJECT (widget), "position", GUINT_TO_POINTER (position + 1));
  g_hash_table_insert (self->cells, CELL_KEY (position, column), widget);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), !self->locked);
  update_cell (widget, row, column);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TjProgressPage           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *widget = gtk_list_item_get_child (item);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "position"));

  if (position > 0 &&
      g_hash_table_lookup (self->cells, CELL_KEY (position - 1, column)) == widget)
    g_hash_table_remove (self->cells, CELL_KEY (position - 1, column));
  g_object_set_data (G_OBJECT (widget), "row", NULL);
  g_object_set_data (G_OBJECT (widget), "position", NULL);
}

static void
set_titles (TjProgressPage *self)
{
  int month = selected_month (self);
  g_autofree char *previous = month > 2   ? g_strdup_printf (_("Months 1–%d"), month - 1)
                              : month == 2 ? g_strdup (_("January"))
                                           : g_strdup (_("Before January"));
  g_autofree char *cumulative = month > 1 ? g_strdup_printf (_("Months 1–%d"), month)
                                          : g_strdup (_("January"));
  const char *titles[N_COLUMNS] = {
    [COLUMN_STATUS] = _("Status"),
    [COLUMN_NAME] = _("Project Name"),
    [COLUMN_PLAN] = _("Annual Plan"),
    [COLUMN_PREVIOUS] = previous,
    [COLUMN_COMPLETED] = _("This Month"),
    [COLUMN_CUMULATIVE] = cumulative,
    [COLUMN_RATE] = _("Rate"),
    [COLUMN_PROGRESS] = _("Visual Progress"),
    [COLUMN_PROBLEMS] = _("Problems"),
    [COLUMN_ACTUAL_START] = _("Actual Start"),
  };

  for (Column c = 0; c < N_COLUMNS; c++)
    gtk_column_view_column_set_title (self->columns[c], titles[c]);
}

/* A month whose bulletin is issued shows read only, under the line that says so; the bulletin
 * page unlocks it. */
static void
update_lock (TjProgressPage *self)
{
  g_autoptr (TjPeriodStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  if (!tj_period_status_full (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                              selected_month (self), NULL, FALSE, &status, &error))
    line = g_strdup (error->message);
  else if (status->locked)
    line = tj_period_status_describe (status);
  /* unknown is not locked: a save still meets the database's own refusal */
  self->locked = status != NULL && status->locked;
  gtk_label_set_text (self->lock_label, line);
  gtk_widget_set_visible (self->lock_bar, line != NULL);
  gtk_widget_set_tooltip_text (self->lock_bar,
                               self->locked
                                 ? _("The month’s bulletin has been issued and its reports are "
                                     "locked. Unlock the month on the bulletin page, giving a "
                                     "reason, to change them.")
                                 : NULL);
}

/* The townships none of whose projects has reported the month: the kits still to come back. */
static void
update_unreturned (TjProgressPage *self)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  names = tj_kit_unreturned (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                             selected_month (self), &error);
  if (names == NULL)
    line = g_strdup (error->message);
  else if (names->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (names, NULL);
      list = g_strjoinv (_(", "), (char **) names->pdata);
      /* Translators: "10月未报送的乡镇（3个）：大冶镇、告成镇、君召乡" */
      line = g_strdup_printf (ngettext ("Not yet returned for month %d (%u township): %s",
                                        "Not yet returned for month %d (%u townships): %s",
                                        names->len - 1),
                              selected_month (self), names->len - 1, list);
    }
  gtk_label_set_text (self->unreturned_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->unreturned_label), line != NULL);
}

static void
reload (TjProgressPage *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  /* Loaded only when shown: a window opened on the register does not pay for the month. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  rows = tj_progress_list_month (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                                 selected_month (self), &error);
  if (rows == NULL)
    {
      /* The page says why in place of the rows; none is left to type into. */
      tj_read_error_set_error (self->read_error, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_list_store_remove_all (self->rows);
      return;
    }
  update_lock (self);
  update_unreturned (self);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  set_titles (self);
  update_totals (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
retry_cb (TjProgressPage *self)
{
  reload (self);
}

static void
mapped_cb (TjProgressPage *self)
{
  if (self->stale)
    reload (self);
}

/* The month's reports, their projects and localities, and the month's issue (签发). */
static void
month_changed_cb (TjProgressPage *self)
{
  if (!self->saving)
    reload (self);
}

typedef struct
{
  int year;
  int month;
  gboolean dry_run;
  char *path;
  TjImportResult *result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->result, tj_import_result_free);
  g_free (job->path);
  g_free (job);
}

static gboolean
import_month (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  ImportJob *job = data;

  g_clear_pointer (&job->result, tj_import_result_free);
  return tj_progress_import (db, path, job->year, job->month, job->dry_run, &job->result, error);
}

static void start_import (TjProgressPage *self, const char *path, int month, gboolean dry_run);

static void
confirm_import_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TjProgressPage   *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  int month = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "month"));

  if (g_str_equal (response, "import"))
    start_import (self, path, month, FALSE);
}

/* After the dry run: what the import will replace, add and remove, and the month, named. */
static void
ask_to_import (TjProgressPage *self,
               ImportJob      *job)
{
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_("Import the Reports of %d-%02d?"), job->year,
                                              job->month);
  g_autofree char *basename = g_path_get_basename (job->path);
  g_autoptr (GString) body = g_string_new (NULL);
  TjImportResult *r = job->result;

  g_string_append_printf (body, _("From “%s”: %u new reports, %u reports of the month replaced, "
                                  "%u reports removed (their projects are not in the file)."),
                          basename, r->added, r->updated, r->removed);
  if (job->month != selected_month (self))
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, _("The page shows month %d; the file is imported as month %d."),
                              selected_month (self), job->month);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import",
                                    _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              r->updated + r->removed > 0
                                                ? ADW_RESPONSE_DESTRUCTIVE
                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (job->path), g_free);
  g_object_set_data (G_OBJECT (dialog), "month", GINT_TO_POINTER (job->month));
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_import_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (source);
  ImportJob *job = tj_file_job_get_data (result);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (tj_file_job_finish (result, &error))
    {
      if (job->dry_run)
        {
          ask_to_import (self, job);
          return;
        }
      /* show the month that was imported */
      gtk_drop_down_set_selected (self->month_dropdown, (guint) job->month - 1);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Nothing Was Imported"), error->message);
  if (job->result != NULL && job->result->errors->len > 0)
    {
      g_autofree char *lines = NULL;

      g_ptr_array_add (job->result->errors, NULL);
      lines = g_strjoinv ("\n", (char **) job->result->errors->pdata);
      g_ptr_array_remove_index (job->result->errors, job->result->errors->len - 1);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                      lines);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_import (TjProgressPage *self,
              const char     *path,
              int             month,
              gboolean        dry_run)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->year = tj_page_get_year (TJ_PAGE (self));
  job->month = month;
  job->dry_run = dry_run;
  job->path = g_strdup (path);
  tj_file_job_start (self->imports, self, tj_page_get_db (TJ_PAGE (self)), path, import_month, job,
                     (GDestroyNotify) import_job_free, import_done_cb, NULL);
}

static void
choose_month_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 TjProgressPage   *self)
{
  GtkDropDown *months = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "continue"))
    start_import (self, path, (int) gtk_drop_down_get_selected (months) + 1, TRUE);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjProgressPage  *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    tj_progress_page_import_file (self, path);
}

/* Importing a chosen file: its month, from the file or asked for; then a dry run, and the
 * question that names what the import replaces. */
void
tj_progress_page_import_file (TjProgressPage *self,
                              const char     *path)
{
  g_autoptr (GError) error = NULL;
  int month = 0;

  if (!tj_progress_file_month (path, &month, &error))
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Nothing Was Imported"),
                error->message);
      return;
    }
  if (month != 0)
    {
      /* 1-N月累计 names the month: no choice to get wrong */
      start_import (self, path, month, TRUE);
      return;
    }
  {
    /* 当月完成 alone names no month: the user says which, explicitly. */
    GtkWidget *ask, *months;

    months = gtk_drop_down_new (NULL, NULL);
    tj_month_dropdown_fill (GTK_DROP_DOWN (months), FALSE);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (months), (guint) selected_month (self) - 1);
    ask = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  _("Which Month Are These Reports?"),
                                  _("The file’s columns do not name a month (it has no “1–N月累计” "
                                    "column). Choose the month its reports belong to."));
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (ask), months);
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask), "cancel", _("_Cancel"),
                                      "continue", _("C_ontinue"), NULL);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (ask), "continue");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (ask), "cancel");
    g_object_set_data_full (G_OBJECT (ask), "path", g_strdup (path), g_free);
    g_signal_connect (ask, "response", G_CALLBACK (choose_month_cb), self);
    gtk_window_present (GTK_WINDOW (ask));
  }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (widget);
  g_autofree char *title = g_strdup_printf (_("Import the Reports of a Month of %d"),
                                            tj_page_get_year (TJ_PAGE (self)));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  tj_file_chooser_add_import_filter (GTK_FILE_CHOOSER (self->chooser),
                                     _("Monthly reports (Excel or CSV)"));
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The township fill-in kits of the month shown: written into a folder, read back from one. */
typedef struct
{
  int year;
  int month;
  char *folder;
  GPtrArray *written;
  TjKitImport *import;
} KitJob;

static void
kit_job_free (KitJob *job)
{
  g_clear_pointer (&job->written, g_ptr_array_unref);
  g_clear_pointer (&job->import, tj_kit_import_free);
  g_free (job->folder);
  g_free (job);
}

static gboolean
export_kits (TjDb       *db,
             const char *folder,
             gpointer    data,
             GError    **error)
{
  KitJob *job = data;

  job->written = tj_kit_export (db, job->year, job->month, NULL, folder, error);
  return job->written != NULL;
}

static gboolean
import_kits (TjDb       *db,
             const char *folder,
             gpointer    data,
             GError    **error)
{
  KitJob *job = data;
  char *paths[] = { (char *) folder, NULL };

  return tj_kit_import (db, paths, &job->import, error);
}

static void
kits_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (source);
  KitJob *job = tj_file_job_get_data (result);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  if (!tj_file_job_finish (result, &error))
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("No Kit Was Written"),
                error->message);
      return;
    }
  body = g_strdup_printf (ngettext ("%u township’s kit for month %d was written into %s.",
                                    "%u townships’ kits for month %d were written into %s.",
                                    job->written->len),
                          job->written->len, job->month, job->folder);
  tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Kits Written"), body);
}

/* The per-township lines under a kit import's summary: left-aligned, selectable (to copy into a
 * reply to a township) and scrolled, for a county of some twenty townships. */
static GtkWidget *
kit_detail_view (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "kit-detail");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 420, -1);
  return scrolled;
}

/* After an import of kits: each township, returned (its rows filled) or not, and the problems. */
static void
kits_imported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (source);
  KitJob *job = tj_file_job_get_data (result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GString) detail = g_string_new (NULL);
  gboolean ok = tj_file_job_finish (result, &error);
  TjKitImport *import = job->import;
  GtkWidget *dialog;

  if (!ok)
    g_string_append_printf (body, "%s\n\n", error->message);
  if (import != NULL)
    {
      guint returned = 0;

      for (guint i = 0; i < import->localities->len; i++)
        returned += ((TjKitLocality *) g_ptr_array_index (import->localities, i))->returned;
      /* Translators: "已报送 2 个乡镇，未报送 15 个。" */
      g_string_append_printf (body, _("%u townships returned, %u not returned."), returned,
                              import->localities->len - returned);
      g_string_append (body, "\n\n");
    }
  for (guint i = 0; import != NULL && i < import->problems->len; i++)
    g_string_append_printf (detail, "%s\n", (char *) g_ptr_array_index (import->problems, i));
  for (guint i = 0; import != NULL && i < import->localities->len; i++)
    {
      TjKitLocality *l = g_ptr_array_index (import->localities, i);

      if (l->returned)
        /* Translators: "城关镇：已报送（填报 5 行）" */
        g_string_append_printf (detail, _("%s: returned (%u rows filled)"), l->locality,
                                l->rows_filled);
      else
        g_string_append_printf (detail, _("%s: not returned"), l->locality);
      g_string_append_c (detail, '\n');
      for (guint p = 0; p < l->problems->len; p++)
        g_string_append_printf (detail, "    %s\n", (char *) g_ptr_array_index (l->problems, p));
      for (guint w = 0; w < l->warnings->len; w++)
        {
          /* Translators: a kit row's warning, nothing refused: "提醒：「城关镇」……xlsx：第 7 行……" */
          g_autofree char *line = g_strdup_printf (_("Reminder: %s"),
                                                   (char *) g_ptr_array_index (l->warnings, w));

          g_string_append_printf (detail, "    %s\n", line);
        }
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   ok ? _("Kits Imported") : _("Nothing Was Imported"),
                                   g_strchomp (body->str));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (detail->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                        kit_detail_view (g_strchomp (detail->str)));
  gtk_window_present (GTK_WINDOW (dialog));
  if (ok && import != NULL)
    gtk_drop_down_set_selected (self->month_dropdown, (guint) import->month - 1);
}

static void start_kits (TjProgressPage *self, const char *folder, gboolean writing);

static void
kits_folder_cb (GtkNativeDialog *dialog,
                int              response,
                TjProgressPage  *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *folder = file != NULL ? g_file_get_path (file) : NULL;
  gboolean writing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "writing"));

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || folder == NULL)
    return;
  start_kits (self, folder, writing);
}

/* Writes the month's kits into folder, or imports the returned kits in it (writing FALSE). */
static void
start_kits (TjProgressPage *self,
            const char     *folder,
            gboolean        writing)
{
  KitJob *job = g_new0 (KitJob, 1);

  job->year = tj_page_get_year (TJ_PAGE (self));
  job->month = selected_month (self);
  job->folder = g_strdup (folder);
  tj_file_job_start (self->imports, self, tj_page_get_db (TJ_PAGE (self)), folder,
                     writing ? export_kits : import_kits, job, (GDestroyNotify) kit_job_free,
                     writing ? kits_written_cb : kits_imported_cb, NULL);
}

static void
choose_kits_folder (TjProgressPage *self,
                    const char     *title,
                    const char     *accept,
                    gboolean        writing)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept,
                                               _("_Cancel"));
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_object_set_data (G_OBJECT (self->chooser), "writing", GINT_TO_POINTER (writing));
  g_signal_connect (self->chooser, "response", G_CALLBACK (kits_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_kits_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (widget);
  g_autofree char *title = g_strdup_printf (_("Folder for the Township Kits of Month %d"),
                                            selected_month (self));

  choose_kits_folder (self, title, _("_Write Kits"), TRUE);
}

static void
import_kits_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_kits_folder (TJ_PROGRESS_PAGE (widget), _("Folder of the Returned Township Kits"),
                      _("_Import"), FALSE);
}

static void
tj_progress_page_dispose (GObject *object)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TJ_TYPE_PROGRESS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chooser);
  g_clear_object (&self->imports);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  G_OBJECT_CLASS (tj_progress_page_parent_class)->dispose (object);
}

static void
tj_progress_page_constructed (GObject *object)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (object);

  /* the month's reports, their projects and localities, and the month's issue (签发) */
  static const char *const month_tables[] = {
    "monthly_reports", "projects", "units", "bulletin_issues", NULL
  };

  G_OBJECT_CLASS (tj_progress_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), month_tables, G_CALLBACK (month_changed_cb));
  reload (self);
}

static void
tj_progress_page_year_changed (TjPage *page)
{
  TjProgressPage *self = TJ_PROGRESS_PAGE (page);
  guint month = (guint) tj_month_default (tj_page_get_year (page)) - 1;

  /* the year opens on its default month; the list is read again either way */
  if (gtk_drop_down_get_selected (self->month_dropdown) == month)
    reload (self);
  else
    gtk_drop_down_set_selected (self->month_dropdown, month);
}

static void
tj_progress_page_class_init (TjProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_progress_page_constructed;
  object_class->dispose = tj_progress_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_progress_page_year_changed;
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, status);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, footer);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, lock_bar);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, lock_label);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, unreturned_label);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjProgressPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_install_action (widget_class, "progress.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "progress.export-kits", NULL, export_kits_action);
  gtk_widget_class_install_action (widget_class, "progress.import-kits", NULL, import_kits_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tj_progress_page_init (TjProgressPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_hash_table_new (NULL, NULL);
  self->rows = g_list_store_new (TJ_TYPE_MONTH_ROW);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
      self->columns[c] = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_resizable (self->columns[c], TRUE);
      if (c == COLUMN_NAME)
        {
          gtk_column_view_column_set_expand (self->columns[c], TRUE);
          gtk_column_view_column_set_fixed_width (self->columns[c], 260);
        }
      gtk_column_view_append_column (self->column_view, self->columns[c]);
      g_object_unref (self->columns[c]); /* the view keeps it */
    }
  tj_month_dropdown_fill (self->month_dropdown, FALSE);
  g_signal_connect_swapped (self->month_dropdown, "notify::selected", G_CALLBACK (reload), self);
  self->imports = tj_file_job_new ();
  g_object_bind_property (self->imports, "busy", self, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

void
tj_progress_page_set_month (TjProgressPage *self,
                            int             month)
{
  g_return_if_fail (month >= 1 && month <= 12);
  gtk_drop_down_set_selected (self->month_dropdown, month - 1);
}

/* The month shown, 1..12. */
int
tj_progress_page_get_month (TjProgressPage *self)
{
  g_return_val_if_fail (TJ_IS_PROGRESS_PAGE (self), 0);
  return selected_month (self);
}

GListModel *
tj_progress_page_get_rows (TjProgressPage *self)
{
  return G_LIST_MODEL (self->rows);
}

/* What a user does in a cell: type the text and press Enter. Through the cell's entry when the
 * row is on screen, so that the same path is taken. */
gboolean
tj_progress_page_enter (TjProgressPage *self,
                        guint           position,
                        const char     *field,
                        const char     *text)
{
  g_autoptr (TjMonthRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  g_return_val_if_fail (row != NULL, FALSE);
  for (Column c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (columns[c].field, field) == 0)
      {
        GtkWidget *entry = g_hash_table_lookup (self->cells, CELL_KEY (position, c));

        if (entry == NULL)
          return commit (self, row, field, text, NULL);
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
        g_signal_emit_by_name (entry, "activate");
        return !gtk_widget_has_css_class (entry, "error");
      }
  g_return_val_if_reached (FALSE);
}

char *
tj_progress_page_get_cell_text (TjProgressPage *self,
                                guint           position,
                                const char     *field)
{
  static const char *const names[N_COLUMNS] = {
    "status", "name", "plan", "previous", "completed", "cumulative", "rate", "progress",
    "problems", "actual_start",
  };
  g_autoptr (TjMonthRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  g_return_val_if_fail (row != NULL, NULL);
  for (Column c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (names[c], field))
      return column_text (row, c);
  g_return_val_if_reached (NULL);
}

/* The line that the month is issued and read only; NULL when it is not. */
const char *
tj_progress_page_get_lock_text (TjProgressPage *self)
{
  g_return_val_if_fail (TJ_IS_PROGRESS_PAGE (self), NULL);
  return gtk_widget_get_visible (self->lock_bar) ? gtk_label_get_text (self->lock_label) : NULL;
}

/* Imports the returned kits in folder, as 导入乡镇填报包… does once the folder is chosen. */
void
tj_progress_page_import_kits (TjProgressPage *self,
                              const char     *folder)
{
  g_return_if_fail (TJ_IS_PROGRESS_PAGE (self));
  start_kits (self, folder, FALSE);
}

/* The line naming the townships that have not returned the month, or NULL when none. */
const char *
tj_progress_page_get_unreturned_text (TjProgressPage *self)
{
  g_return_val_if_fail (TJ_IS_PROGRESS_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->unreturned_label))
           ? gtk_label_get_text (self->unreturned_label)
           : NULL;
}

gboolean
tj_progress_page_is_cell_editable (TjProgressPage *self,
                                   guint           position,
                                   const char     *field)
{
  g_return_val_if_fail (TJ_IS_PROGRESS_PAGE (self), FALSE);

  for (Column c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (columns[c].field, field) == 0)
      {
        GtkWidget *widget = g_hash_table_lookup (self->cells, CELL_KEY (position, c));

        return widget != NULL && GTK_IS_EDITABLE (widget) &&
               gtk_editable_get_editable (GTK_EDITABLE (widget));
      }
  return FALSE;
}
