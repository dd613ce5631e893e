/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-tour-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-date.h"
#include "tj-export-chooser.h"
#include "tj-file-chooser.h"
#include "tj-file-job.h"
#include "tj-print-operation.h"
#include "tj-tour.h"
#include "tj-tour-window.h"

/* 观摩评分 (policy 二): the year's tours on the left; on the right the chosen tour's date, name
 * and route, its criteria and weights, the projects in the order visited, the score grid and
 * the ranking of the saved scores. Every rule is the core's (tj-tour.c): the window shows its
 * messages. */

struct _TjTourWindow
{
  AdwWindow parent_instance;

  TjDb *db;
  int year;
  TjTour *tour;           /* the tour in the form */
  GPtrArray *candidates;  /* TjTourStop *: the year's projects */
  TjFileJob *exports;
  GtkFileChooserNative *chooser;

  AdwToastOverlay *toasts;
  GtkWidget *delete_button;
  GtkListBox *list;
  AdwEntryRow *date_row;
  AdwEntryRow *name_row;
  AdwEntryRow *route_row;
  GtkLabel *warning;
  GtkLabel *error;
  GtkBox *criteria_box;
  GtkBox *stops_box;
  GtkDropDown *project_pick;
  GtkGrid *scores;
  GtkGrid *ranking;
  GPtrArray *criterion_names;   /* GtkEditable * */
  GPtrArray *criterion_weights; /* GtkSpinButton * */
  GPtrArray *score_cells;       /* GtkEditable *, stop after stop */
};

G_DEFINE_FINAL_TYPE (TjTourWindow, tj_tour_window, ADW_TYPE_WINDOW)

static void rebuild (TjTourWindow *self);

static void
show_error (TjTourWindow *self,
            const char   *message)
{
  gtk_label_set_text (self->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error), message != NULL);
}

const char *
tj_tour_window_get_error (TjTourWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error)
                                                            : NULL;
}

/* The form's fields into the tour; FALSE (the message shown) when a score cannot be read. */
static gboolean
pull (TjTourWindow *self)
{
  TjTour *tour = self->tour;
  g_autoptr (GError) error = NULL;

  g_free (tour->date);
  tour->date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_free (tour->name);
  tour->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (tour->route);
  tour->route = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->route_row)));
  for (guint c = 0; c < tour->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);

      g_free (criterion->name);
      criterion->name = g_strdup (gtk_editable_get_text (g_ptr_array_index (self->criterion_names,
                                                                            c)));
      criterion->weight = gtk_spin_button_get_value_as_int (
        g_ptr_array_index (self->criterion_weights, c));
    }
  for (guint s = 0; s < tour->stops->len; s++)
    for (guint c = 0; c < tour->criteria->len; c++)
      {
        GtkEditable *cell = g_ptr_array_index (self->score_cells, s * tour->criteria->len + c);

        if (!tj_tour_set_score_text (tour, s, c, gtk_editable_get_text (cell), &error))
          {
            show_error (self, error->message);
            gtk_widget_grab_focus (GTK_WIDGET (cell));
            return FALSE;
          }
      }
  return TRUE;
}

static void
date_changed_cb (TjTourWindow *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *warning = tj_tour_month_warning (date);

  gtk_label_set_text (self->warning, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), warning != NULL);
}

static void
fill_ranking (TjTourWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ranks = NULL;
  GtkWidget *child;
  const char *headers[] = { C_("tour", "Rank"), _("Project name"), _("Total score") };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking))) != NULL)
    gtk_grid_remove (self->ranking, child);
  if (self->tour->id == 0)
    return;
  if ((ranks = tj_tour_rank (self->db, self->tour, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      GtkWidget *label = gtk_label_new (headers[i]);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->ranking, label, i, 0, 1, 1);
    }
  for (guint i = 0; i < ranks->len; i++)
    {
      TjTourRank *rank = &g_array_index (ranks, TjTourRank, i);
      TjTourStop *stop = g_ptr_array_index (self->tour->stops, rank->stop);
      g_autofree char *number = g_strdup_printf ("%u", rank->rank);
      g_autofree char *total = tj_tour_format_score (rank->total);
      GtkWidget *name = gtk_label_new (stop->name);
      GtkWidget *total_label;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->ranking, gtk_label_new (number), 0, i + 1, 1, 1);
      gtk_grid_attach (self->ranking, name, 1, i + 1, 1, 1);
      total_label = gtk_label_new (total);
      gtk_label_set_xalign (GTK_LABEL (total_label), 1);
      gtk_grid_attach (self->ranking, total_label, 2, i + 1, 1, 1);
    }
}

static void
remove_criterion_cb (GtkButton    *button,
                     TjTourWindow *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n = self->tour->criteria->len;

  if (!pull (self))
    return;
  for (guint s = self->tour->stops->len; s > 0; s--)
    g_array_remove_index (self->tour->scores, (s - 1) * n + c);
  g_ptr_array_remove_index (self->tour->criteria, c);
  rebuild (self);
}

static void
add_criterion_cb (TjTourWindow *self)
{
  if (!pull (self))
    return;
  tj_tour_add_criterion (self->tour, "", 0);
  rebuild (self);
}

static void
move_stop_cb (GtkButton    *button,
              TjTourWindow *self)
{
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int by = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "by"));

  if (!pull (self))
    return;
  if (by == 0)
    {
      g_array_remove_range (self->tour->scores, s * self->tour->criteria->len,
                            self->tour->criteria->len);
      g_ptr_array_remove_index (self->tour->stops, s);
    }
  else
    tj_tour_move_stop (self->tour, s, s + by);
  rebuild (self);
}

static void
add_stop_cb (TjTourWindow *self)
{
  guint pick = gtk_drop_down_get_selected (self->project_pick);
  TjTourStop *stop;

  if (pick == GTK_INVALID_LIST_POSITION || pick >= self->candidates->len || !pull (self))
    return;
  stop = g_ptr_array_index (self->candidates, pick);
  tj_tour_add_stop (self->tour, stop->project_id, stop->name, stop->locality);
  rebuild (self);
}

static GtkWidget *
icon_button (const char   *icon,
             const char   *tooltip,
             guint         index,
             int           by,
             GCallback     callback,
             TjTourWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "by", GINT_TO_POINTER (by));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The form from the tour. */
static void
rebuild (TjTourWindow *self)
{
  TjTour *tour = self->tour;
  GtkWidget *child;

  show_error (self, NULL);
  gtk_widget_set_sensitive (self->delete_button, tour->id != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), tour->date != NULL ? tour->date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tour->name != NULL ? tour->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->route_row), tour->route != NULL ? tour->route : "");

  clear_box (self->criteria_box);
  g_ptr_array_set_size (self->criterion_names, 0);
  g_ptr_array_set_size (self->criterion_weights, 0);
  for (guint c = 0; c < tour->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *weight = gtk_spin_button_new_with_range (0, TJ_TOUR_WEIGHT_TOTAL, 1);

      gtk_editable_set_text (GTK_EDITABLE (name), criterion->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Criterion"), -1);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (weight), criterion->weight);
      gtk_accessible_update_property (GTK_ACCESSIBLE (weight), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Weight"), -1);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), weight);
      gtk_box_append (GTK_BOX (row), icon_button ("list-remove-symbolic", _("Remove the criterion"),
                                                  c, 0, G_CALLBACK (remove_criterion_cb), self));
      gtk_box_append (self->criteria_box, row);
      g_ptr_array_add (self->criterion_names, name);
      g_ptr_array_add (self->criterion_weights, weight);
    }

  clear_box (self->stops_box);
  for (guint s = 0; s < tour->stops->len; s++)
    {
      TjTourStop *stop = g_ptr_array_index (tour->stops, s);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = g_strdup_printf ("%u. %s（%s）", s + 1, stop->name,
                                               stop->locality != NULL ? stop->locality : "");
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"), s, -1,
                                   G_CALLBACK (move_stop_cb), self);
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move down"), s, 1,
                                     G_CALLBACK (move_stop_cb), self);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_sensitive (up, s > 0);
      gtk_widget_set_sensitive (down, s + 1 < tour->stops->len);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), up);
      gtk_box_append (GTK_BOX (row), down);
      gtk_box_append (GTK_BOX (row), icon_button ("list-remove-symbolic", _("Remove the project"),
                                                  s, 0, G_CALLBACK (move_stop_cb), self));
      gtk_box_append (self->stops_box, row);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scores))) != NULL)
    gtk_grid_remove (self->scores, child);
  g_ptr_array_set_size (self->score_cells, 0);
  for (guint c = 0; c < tour->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);
      /* Translators: a criterion's weight, under its name in the score grid: "（40分）" */
      g_autofree char *weight = g_strdup_printf (_("(%u points)"), criterion->weight);
      /* "形象进度" over "（40分）": four criteria fit the window at 1024 pixels */
      g_autofree char *header = g_strconcat (criterion->name, "\n", weight, NULL);
      GtkWidget *label = gtk_label_new (header);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_grid_attach (self->scores, label, c + 1, 0, 1, 1);
    }
  for (guint s = 0; s < tour->stops->len; s++)
    {
      TjTourStop *stop = g_ptr_array_index (tour->stops, s);
      GtkWidget *name = gtk_label_new (stop->name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->scores, name, 0, s + 1, 1, 1);
      for (guint c = 0; c < tour->criteria->len; c++)
        {
          TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);
          gint64 score = tj_tour_get_score (tour, s, c);
          g_autofree char *text = score == TJ_TOUR_NO_SCORE ? g_strdup ("")
                                                            : tj_tour_format_score (score);
          /* Translators: the accessible name of a score cell: "安阳路：形象进度" */
          g_autofree char *cell_name = g_strdup_printf (_("%s: %s"), stop->name, criterion->name);
          GtkWidget *cell = gtk_entry_new ();

          gtk_editable_set_text (GTK_EDITABLE (cell), text);
          gtk_editable_set_width_chars (GTK_EDITABLE (cell), 6);
          gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
          gtk_entry_set_alignment (GTK_ENTRY (cell), 1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          cell_name, -1);
          gtk_grid_attach (self->scores, cell, c + 1, s + 1, 1, 1);
          g_ptr_array_add (self->score_cells, cell);
        }
    }
  fill_ranking (self);
  date_changed_cb (self);
}

GtkEditable *
tj_tour_window_get_score_cell (TjTourWindow *self,
                               guint         stop,
                               guint         criterion)
{
  g_return_val_if_fail (stop < self->tour->stops->len, NULL);
  g_return_val_if_fail (criterion < self->tour->criteria->len, NULL);
  return g_ptr_array_index (self->score_cells, stop * self->tour->criteria->len + criterion);
}

static void
fill_list (TjTourWindow *self,
           gint64        select)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tours = tj_tour_list (self->db, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (tours == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < tours->len; i++)
    {
      TjTour *tour = g_ptr_array_index (tours, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tour->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tour->date);
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&tour->id, sizeof tour->id),
                              g_free);
      gtk_list_box_append (self->list, row);
      if (tour->id == select)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
}

static void
row_selected_cb (TjTourWindow  *self,
                 GtkListBoxRow *row)
{
  g_autoptr (GError) error = NULL;
  TjTour *tour;

  if (row == NULL)
    return;
  tour = tj_tour_load (self->db, *(gint64 *) g_object_get_data (G_OBJECT (row), "id"), &error);
  if (tour == NULL)
    {
      show_error (self, error->message);
      return;
    }
  tj_tour_free (self->tour);
  self->tour = tour;
  rebuild (self);
}

static void
new_tour_cb (TjTourWindow *self)
{
  tj_tour_free (self->tour);
  self->tour = tj_tour_new ();
  self->tour->date = tj_date_today ();
  tj_tour_add_default_criteria (self->tour);
  gtk_list_box_unselect_all (self->list);
  rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Saves the form (one transaction, validated by the core); FALSE with the message shown. */
gboolean
tj_tour_window_save (TjTourWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!pull (self))
    return FALSE;
  if (!tj_tour_save (self->db, self->tour, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_handlers_block_by_func (self->list, row_selected_cb, self);
  fill_list (self, self->tour->id);
  g_signal_handlers_unblock_by_func (self->list, row_selected_cb, self);
  rebuild (self);
  return TRUE;
}

static void
save_cb (TjTourWindow *self)
{
  tj_tour_window_save (self);
}

static gboolean
write_tour (TjDb       *db,
            const char *path,
            gpointer    data,
            GError    **error)
{
  return tj_tour_write (db, data, path, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TjTourWindow *self = TJ_TOUR_WINDOW (source);
  g_autoptr (GError) error = NULL;

  show_error (self, tj_file_job_finish (result, &error) ? NULL : error->message);
}

/* Writes the saved tour's report in a worker thread. */
void
tj_tour_window_export (TjTourWindow *self,
                       const char   *path)
{
  tj_file_job_start (self->exports, self, self->db, path, write_tour,
                     g_strdup (self->tour->date), g_free, export_done_cb, NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TjTourWindow    *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = tj_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
  if (path != NULL)
    {
      tj_file_chooser_remember (GTK_FILE_CHOOSER (dialog));
      tj_tour_window_export (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
export_cb (TjTourWindow *self)
{
  g_autofree char *name = NULL;

  if (!tj_tour_window_save (self))
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Tour's Ranking"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_XLSX, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_PDF, NULL);
  tj_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), TJ_REPORT_FORMAT_CSV, NULL);
  /* Translators: the file name: "观摩评分排名 2026-04-18.xlsx" */
  name = g_strdup_printf (_("Tour Ranking %s.xlsx"), self->tour->date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  tj_file_chooser_prepare (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_cb (TjTourWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjPrintOperation) operation = NULL;
  g_autofree char *job = NULL;
  TjReportBook *book;

  if (!tj_tour_window_save (self))
    return;
  if ((book = tj_tour_book (self->db, self->tour->date, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: the print job: "观摩评分排名 2026-04-18" */
  job = g_strdup_printf (_("Tour Ranking %s"), self->tour->date);
  operation = tj_print_operation_new (book, job);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

/* Undo of a delete: the tour, its criteria, projects and scores as they were, chosen again. */
static void
undo_delete_cb (AdwToast   *toast,
                TjDeletion *deletion)
{
  TjTourWindow *self = g_object_get_data (G_OBJECT (toast), "tour-window");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "tour-id");
  g_autoptr (GError) error = NULL;

  if (!tj_deletion_undo (self->db, deletion, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot undo"), error->message);
      return;
    }
  fill_list (self, id);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjTourWindow     *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "tour-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "toast-title");
  g_autoptr (GError) error = NULL;
  TjDeletion *deletion;
  AdwToast *toast;

  if (!g_str_equal (response, "delete"))
    return;
  if ((deletion = tj_tour_delete_undoable (self->db, id, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_handlers_block_by_func (self->list, row_selected_cb, self);
  fill_list (self, 0);
  g_signal_handlers_unblock_by_func (self->list, row_selected_cb, self);
  new_tour_cb (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_object_set_data (G_OBJECT (toast), "tour-window", self);
  g_object_set_data_full (G_OBJECT (toast), "tour-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deletion,
                         (GClosureNotify) (void (*) (void)) tj_deletion_free, 0);
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Asks first, naming the tour and what goes with it (its projects and their scores). */
AdwMessageDialog *
tj_tour_window_delete (TjTourWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjTour) saved = NULL;
  g_autofree char *body = NULL;
  g_autofree char *projects = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (TJ_IS_TOUR_WINDOW (self), NULL);

  if (self->tour->id == 0)
    return NULL;
  if ((saved = tj_tour_load (self->db, self->tour->id, &error)) == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  projects = g_strdup_printf (ngettext ("%u project visited", "%u projects visited",
                                        saved->stops->len),
                              saved->stops->len);
  /* Translators: "将删除 2026-04-18 的观摩“四月重点项目观摩”，连同观摩的 4 个项目及其 16 项评分。
   * 删除后可撤销。" */
  body = g_strdup_printf (ngettext ("The tour “%1$s” of %2$s will be deleted with its %3$s and "
                                    "their %4$u score. It can be undone afterwards.",
                                    "The tour “%1$s” of %2$s will be deleted with its %3$s and "
                                    "their %4$u scores. It can be undone afterwards.",
                                    tj_tour_count_scores (saved)),
                          saved->name, saved->date, projects, tj_tour_count_scores (saved));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Tour?"), body);
  g_object_set_data_full (G_OBJECT (dialog), "tour-id",
                          g_memdup2 (&saved->id, sizeof saved->id), g_free);
  /* Translators: "已删除观摩“四月重点项目观摩”" */
  g_object_set_data_full (G_OBJECT (dialog), "toast-title",
                          g_strdup_printf (_("Deleted the tour “%s”"), saved->name), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
delete_cb (TjTourWindow *self)
{
  tj_tour_window_delete (self);
}

static GtkWidget *
group (const char *title,
       GtkWidget  *child)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  if (child != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), child);
  return widget;
}

static GtkWidget *
button (const char   *label,
        GCallback     callback,
        TjTourWindow *self)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (widget, "clicked", callback, self);
  return widget;
}

static void
tj_tour_window_dispose (GObject *object)
{
  TjTourWindow *self = TJ_TOUR_WINDOW (object);

  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (tj_tour_window_parent_class)->dispose (object);
}

static void
tj_tour_window_finalize (GObject *object)
{
  TjTourWindow *self = TJ_TOUR_WINDOW (object);

  g_clear_object (&self->db);
  g_clear_object (&self->exports);
  g_clear_pointer (&self->tour, tj_tour_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_names, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_weights, g_ptr_array_unref);
  g_clear_pointer (&self->score_cells, g_ptr_array_unref);
  G_OBJECT_CLASS (tj_tour_window_parent_class)->finalize (object);
}

static void
tj_tour_window_class_init (TjTourWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tj_tour_window_dispose;
  object_class->finalize = tj_tour_window_finalize;
}

static void
tj_tour_window_init (TjTourWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *tour_group;
  GtkWidget *add_row;
  GtkWidget *scroll_scores = gtk_scrolled_window_new ();

  self->exports = tj_file_job_new ();
  self->criterion_names = g_ptr_array_new ();
  self->criterion_weights = g_ptr_array_new ();
  self->score_cells = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Observation Tours"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);

  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             button (_("_New Tour"), G_CALLBACK (new_tour_cb), self));
  self->delete_button = button (_("_Delete Tour…"), G_CALLBACK (delete_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->delete_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           button (_("_Print…"), G_CALLBACK (print_cb), self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           button (_("_Export…"), G_CALLBACK (export_cb), self));
  {
    GtkWidget *save = button (_("_Save"), G_CALLBACK (save_cb), self);

    gtk_widget_add_css_class (save, "suggested-action");
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  }
  gtk_box_append (GTK_BOX (box), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (side, 220, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), side);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 240);

  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 18);
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error));

  tour_group = group (_("Tour"), NULL);
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  self->route_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->route_row), _("Route"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tour_group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tour_group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tour_group), GTK_WIDGET (self->route_row));
  self->warning = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->warning, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->warning), "warning");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tour_group), GTK_WIDGET (self->warning));
  gtk_box_append (GTK_BOX (page), tour_group);

  self->criteria_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  {
    GtkWidget *criteria = group (_("Criteria and weights"), GTK_WIDGET (self->criteria_box));
    GtkWidget *add = button (_("_Add Criterion"), G_CALLBACK (add_criterion_cb), self);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (criteria),
                                           _("The weights add up to 100."));
    gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (criteria), add);
    gtk_box_append (GTK_BOX (page), criteria);
  }

  self->stops_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  add_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->project_pick = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->project_pick, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->project_pick), TRUE);
  gtk_box_append (GTK_BOX (add_row), GTK_WIDGET (self->project_pick));
  gtk_box_append (GTK_BOX (add_row), button (_("Add _Project"), G_CALLBACK (add_stop_cb), self));
  {
    GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stops_box));
    gtk_box_append (GTK_BOX (outer), add_row);
    gtk_box_append (GTK_BOX (page), group (_("Projects in the order visited"), outer));
  }

  self->scores = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->scores, 6);
  gtk_grid_set_column_spacing (self->scores, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll_scores), GTK_WIDGET (self->scores));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll_scores), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_box_append (GTK_BOX (page), group (_("Scores of the panel"), scroll_scores));

  self->ranking = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->ranking, 6);
  gtk_grid_set_column_spacing (self->ranking, 24);
  gtk_box_append (GTK_BOX (page), group (_("Ranking of the saved scores"),
                                         GTK_WIDGET (self->ranking)));

  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
    adw_clamp_set_child (ADW_CLAMP (clamp), page);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  }
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), scrolled);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

TjTourWindow *
tj_tour_window_new (GtkWindow *parent,
                    TjDb      *db,
                    int        year)
{
  TjTourWindow *self = g_object_new (TJ_TYPE_TOUR_WINDOW, "transient-for", parent, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;

  self->db = g_object_ref (db);
  self->year = year;
  if ((self->candidates = tj_tour_candidates (db, year, &error)) == NULL)
    {
      self->candidates = g_ptr_array_new ();
      show_error (self, error->message);
    }
  for (guint i = 0; i < self->candidates->len; i++)
    {
      TjTourStop *stop = g_ptr_array_index (self->candidates, i);
      gtk_string_list_append (names, stop->name);
    }
  gtk_drop_down_set_model (self->project_pick, G_LIST_MODEL (names));
  /* the drop-down takes a reference of its own (set_expression does not take ours) */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->project_pick, expression);
  new_tour_cb (self);
  fill_list (self, 0);
  if (error != NULL)
    show_error (self, error->message);
  return self;
}
