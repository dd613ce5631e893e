/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-alert.h"
#include "tj-file-job.h"
#include "tj-form-row.h"
#include "tj-inspection-form.h"
#include "tj-inspection-page.h"
#include "tj-inspection-record.h"
#include "tj-inspection.h"
#include "tj-money.h"
#include "tj-read-error.h"
#include "tj-report.h"
#include "tj-table.h"
#include "tj-unit.h"

/* 巡查: the year's site inspections, reported against verified, with their verdicts and what
 * is still to be rectified (policy 十, 十一). Rows with an overdue rectification are marked. */
struct _TjInspectionPage
{
  TjPage parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *verdict_filter;
  GtkDropDown *organiser_filter;
  GtkDropDown *locality_filter;
  GtkDropDown *rectification_filter;
  GtkLabel *overdue_label;
  GtkStack *content; /* "table", or "empty" when the year has no inspection */
  GtkScrolledWindow *scrolled;
  GtkButton *export_ledger;
  GtkMenuButton *record_button;
  GtkStack *stack; /* "list", or "error" when the inspections could not be read */
  TjReadError *read_error;
  GtkColumnView *column_view;

  gboolean units_stale;
  GListStore *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  TjFileJob *exports;
  guint overdue;
};

G_DEFINE_FINAL_TYPE (TjInspectionPage, tj_inspection_page, TJ_TYPE_PAGE)

typedef enum
{
  COLUMN_DATE,
  COLUMN_PROJECT,
  COLUMN_LOCALITY,
  COLUMN_ORGANISER,
  COLUMN_UNANNOUNCED,
  COLUMN_REPORTED,
  COLUMN_VERIFIED,
  COLUMN_RATE,
  COLUMN_VERDICT,
  COLUMN_RECTIFICATION,
  N_COLUMNS
} Column;

static const TjTableColumn columns[N_COLUMNS] = {
  [COLUMN_DATE] = { "date", N_("Inspected On"), 6, TJ_TABLE_DATE },
  [COLUMN_PROJECT] = { "project", N_("Project Name"), 14, FALSE },
  [COLUMN_LOCALITY] = { "locality", N_("Locality"), 4, FALSE },
  [COLUMN_ORGANISER] = { "organiser", N_("Organised By"), 5, FALSE },
  [COLUMN_UNANNOUNCED] = { "unannounced", N_("Unannounced"), 2, FALSE },
  [COLUMN_REPORTED] = { "reported", N_("Reported Cumulative"), 6, TRUE },
  [COLUMN_VERIFIED] = { "verified", N_("Verified Cumulative"), 6, TRUE },
  [COLUMN_RATE] = { "rate", N_("Gap Rate"), 4, TRUE },
  [COLUMN_VERDICT] = { "verdict", N_("Verdict"), 8, FALSE },
  [COLUMN_RECTIFICATION] = { "rectification", N_("Rectification"), 5, FALSE },
};

/* 结论: the final one, with the suggestion beside it when the inspector chose another. */
static char *
verdict_text (TjInspection *inspection)
{
  if (inspection->final_verdict == inspection->suggested)
    return g_strdup (tj_verdict_label (inspection->final_verdict));
  /* Translators: the final verdict and the suggested one: "瞒报（建议：属实）" */
  return g_strdup_printf (_("%s (suggested: %s)"), tj_verdict_label (inspection->final_verdict),
                          tj_verdict_label (inspection->suggested));
}

static char *
rectification_text (TjInspection *inspection)
{
  if (inspection->n_overdue_rectifications > 0)
    return g_strdup_printf (ngettext ("%u overdue", "%u overdue",
                                      inspection->n_overdue_rectifications),
                            inspection->n_overdue_rectifications);
  if (inspection->n_open_rectifications > 0)
    return g_strdup_printf (ngettext ("%u open", "%u open", inspection->n_open_rectifications),
                            inspection->n_open_rectifications);
  /* every rectification checked and closed (销号) */
  return g_strdup (inspection->n_rectifications > 0 ? _("All closed") : "");
}

static char *
column_text (gpointer object,
             guint    column)
{
  TjInspection *inspection = object;

  switch (column)
    {
    case COLUMN_DATE:
      return g_strdup (inspection->date);
    case COLUMN_PROJECT:
      return g_strdup (inspection->project_name);
    case COLUMN_LOCALITY:
      return g_strdup (inspection->locality_name);
    case COLUMN_ORGANISER:
      return g_strdup (inspection->organiser_name);
    case COLUMN_UNANNOUNCED:
      return g_strdup (inspection->unannounced ? _("Yes") : "");
    case COLUMN_REPORTED:
      return tj_money_format_wan (inspection->reported, 2, TRUE);
    case COLUMN_VERIFIED:
      return tj_money_format_wan (inspection->verified, 2, TRUE);
    case COLUMN_RATE:
      return inspection->has_rate ? tj_report_format_percent (inspection->rate) : g_strdup ("");
    case COLUMN_VERDICT:
      return verdict_text (inspection);
    case COLUMN_RECTIFICATION:
      return rectification_text (inspection);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
row_style (gpointer object)
{
  TjInspection *inspection = object;

  return inspection->n_overdue_rectifications > 0 ? "overdue" : NULL;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  TjInspectionPage *self = user_data;
  TjInspection *inspection = object;
  guint verdict = gtk_drop_down_get_selected (self->verdict_filter);
  const char *organiser = tj_drop_down_get_chosen (self->organiser_filter);
  const char *locality = tj_drop_down_get_chosen (self->locality_filter);
  guint rectification = gtk_drop_down_get_selected (self->rectification_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (verdict > 0 && verdict != GTK_INVALID_LIST_POSITION &&
      inspection->final_verdict != (TjVerdict) (verdict - 1))
    return FALSE;
  if (organiser != NULL && g_strcmp0 (inspection->organiser_name, organiser) != 0)
    return FALSE;
  if (locality != NULL && g_strcmp0 (inspection->locality_name, locality) != 0)
    return FALSE;
  /* 1 overdue, 2 open */
  if ((rectification == 1 && inspection->n_overdue_rectifications == 0) ||
      (rectification == 2 && inspection->n_open_rectifications == 0))
    return FALSE;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      if (!contains (inspection->project_name, needle) &&
          !contains (inspection->inspectors, needle) && !contains (inspection->seen, needle) &&
          !contains (inspection->organiser_name, needle) &&
          !contains (inspection->locality_name, needle))
        return FALSE;
    }
  return TRUE;
}

static void
filter_changed_cb (TjInspectionPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The organisers (纪委监委, 督查考核办 and 发改委 first, as the policy names them) and the
 * localities, each after its "all" item; the choice is kept across a reload. */
static gboolean
fill_units (TjInspectionPage *self,
            GError          **error)
{
  static const char *const first[] = { "纪委监委", "督查考核办", "发改委" };
  g_autoptr (GPtrArray) units = tj_unit_list (tj_page_get_db (TJ_PAGE (self)), error);
  g_autoptr (GtkStringList) organisers = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) localities = gtk_string_list_new (NULL);
  g_autofree char *organiser = g_strdup (tj_drop_down_get_chosen (self->organiser_filter));
  g_autofree char *locality = g_strdup (tj_drop_down_get_chosen (self->locality_filter));

  if (units == NULL)
    return FALSE;
  gtk_string_list_append (organisers, _("All Organisers"));
  gtk_string_list_append (localities, _("All Localities"));
  for (guint k = 0; k < G_N_ELEMENTS (first); k++)
    for (guint i = 0; i < units->len; i++)
      if (g_str_equal (((TjUnit *) g_ptr_array_index (units, i))->name, first[k]))
        gtk_string_list_append (organisers, first[k]);
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);
      gboolean listed = FALSE;

      if (tj_unit_is_locality (unit))
        {
          gtk_string_list_append (localities, unit->name);
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (first); k++)
        listed = listed || g_str_equal (unit->name, first[k]);
      if (!listed)
        gtk_string_list_append (organisers, unit->name);
    }
  gtk_drop_down_set_model (self->organiser_filter, G_LIST_MODEL (organisers));
  gtk_drop_down_set_model (self->locality_filter, G_LIST_MODEL (localities));
  if (organiser != NULL)
    tj_drop_down_choose (self->organiser_filter, organiser);
  if (locality != NULL)
    tj_drop_down_choose (self->locality_filter, locality);
  self->units_stale = FALSE;
  return TRUE;
}

static void
set_overdue (TjInspectionPage *self,
             guint             overdue)
{
  g_autofree char *text = NULL;

  self->overdue = overdue;
  text = g_strdup_printf (ngettext ("%u inspection with overdue rectification",
                                    "%u inspections with overdue rectification", overdue),
                          overdue);
  gtk_label_set_text (self->overdue_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue > 0);
}

/* The page says why in place of the list; no stale row is left to act on. */
static void
show_read_error (TjInspectionPage *self,
                 const GError     *error)
{
  tj_read_error_set_error (self->read_error, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_list_store_remove_all (self->items);
  set_overdue (self, 0);
}

static void
reload (TjInspectionPage *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  guint overdue = 0;

  if (tj_page_get_db (TJ_PAGE (self)) == NULL || tj_page_get_year (TJ_PAGE (self)) == 0)
    return;
  if (self->units_stale && !fill_units (self, &error))
    {
      show_read_error (self, error);
      return;
    }
  items = tj_inspection_list (tj_page_get_db (TJ_PAGE (self)), tj_page_get_year (TJ_PAGE (self)),
                              &error);
  if (items == NULL)
    {
      show_read_error (self, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    if (((TjInspection *) g_ptr_array_index (items, i))->n_overdue_rectifications > 0)
      overdue++;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  set_overdue (self, overdue);
  gtk_stack_set_visible_child_name (self->content, items->len > 0 ? "table" : "empty");
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
items_changed_cb (TjInspectionPage *self)
{
  reload (self);
}

static void
units_changed_cb (TjInspectionPage *self)
{
  self->units_stale = TRUE;
  reload (self);
}

static TjInspection *
selected_item (TjInspectionPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
present (TjInspectionPage *self,
         GtkWindow        *window)
{
  if (window == NULL)
    return;
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);

  present (self, tj_inspection_form_new (tj_page_get_db (TJ_PAGE (self)), 0,
                                         tj_page_get_year (TJ_PAGE (self))));
}

static void
open_item (TjInspectionPage *self,
           TjInspection     *inspection)
{
  present (self, tj_inspection_form_new (tj_page_get_db (TJ_PAGE (self)), inspection->id,
                                         tj_page_get_year (TJ_PAGE (self))));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);

  if (selected_item (self) != NULL)
    open_item (self, selected_item (self));
}

static void
activated_cb (TjInspectionPage *self,
              guint             position)
{
  g_autoptr (TjInspection) inspection = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                               position);

  open_item (self, inspection);
}

gboolean
tj_inspection_page_delete (TjInspectionPage *self,
                           guint             position)
{
  g_autoptr (TjInspection) shown = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr (GError) error = NULL;
  TjDeletion *deletion;
  g_autofree char *title = NULL;

  g_return_val_if_fail (shown != NULL, FALSE);
  deletion = tj_inspection_delete_undoable (tj_page_get_db (TJ_PAGE (self)), shown->id, &error);
  if (deletion == NULL)
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                _("Cannot delete the inspection"), error->message);
      return FALSE;
    }
  /* Translators: "2026-05-12 城区集中供热管网扩建工程 巡查记录已删除" */
  title = g_strdup_printf (_("Inspection of %s on %s deleted"), shown->project_name, shown->date);
  tj_page_delete_with_undo (TJ_PAGE (self), deletion, title);
  return TRUE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjInspectionPage *self)
{
  TjInspection *inspection = g_object_get_data (G_OBJECT (dialog), "inspection");
  guint position;

  if (!g_str_equal (response, "delete"))
    return;
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
       position++)
    {
      g_autoptr (TjInspection) item = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                             position);

      if (item->id == inspection->id)
        {
          tj_inspection_page_delete (self, position);
          return;
        }
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);
  TjInspection *inspection = selected_item (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (inspection == NULL)
    return;
  body = g_strdup_printf (_("The inspection of “%s” on %s will be deleted with its findings, "
                            "rectifications and photos. The audit log keeps its history, and "
                            "Undo puts it back."),
                          inspection->project_name, inspection->date);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete the Inspection?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "inspection", g_object_ref (inspection),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What acts on the selected inspection waits for a selection; the exports, for the one being
 * written. */
static void
selection_changed_cb (TjInspectionPage *self)
{
  gboolean any = selected_item (self) != NULL;
  gboolean busy = tj_file_job_get_busy (self->exports);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspection.edit", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspection.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspection.print-record", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspection.export-record", any && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), any);
}

static gboolean
write_ledger (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  return tj_inspection_write_ledger (db, GPOINTER_TO_INT (data), path, error);
}

/* Writes the 巡查台账 of the page's year in a worker thread; the button waits until it is
 * written. */
void
tj_inspection_page_export (TjInspectionPage *self,
                           const char       *path)
{
  g_return_if_fail (TJ_IS_INSPECTION_PAGE (self));

  tj_page_export (TJ_PAGE (self), self->exports, path, write_ledger,
                  GINT_TO_POINTER (tj_page_get_year (TJ_PAGE (self))), NULL);
}

static void
export_ledger (TjPage     *page,
               const char *path,
               gpointer    data)
{
  tj_inspection_page_export (TJ_INSPECTION_PAGE (page), path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);
  g_autofree char *name = NULL;

  name = g_strdup_printf (_("Inspection Ledger %d.xlsx"), tj_page_get_year (TJ_PAGE (self)));
  tj_page_choose_export (TJ_PAGE (self), _("Export the Inspection Ledger"), name,
                         TJ_PAGE_FORMATS_ALL, _("Inspections (.csv)"), export_ledger, NULL, NULL);
}

static void
exports_busy_cb (TjInspectionPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspection.export",
                                 !tj_file_job_get_busy (self->exports));
  selection_changed_cb (self);
}

/* ------------------------------------------------------------------------------------------ */
/* 巡查记录表: the selected inspection's record form, printed or saved as a PDF */

static gboolean
write_record (TjDb       *db,
              const char *path,
              gpointer    data,
              GError    **error)
{
  return tj_inspection_record_write (db, *(gint64 *) data, path, error);
}

/* Writes the record of the inspection id as a PDF at path in a worker thread; the ledger's
 * export waits meanwhile, as this one waits for it. */
void
tj_inspection_page_export_record (TjInspectionPage *self,
                                  gint64            id,
                                  const char       *path)
{
  g_return_if_fail (TJ_IS_INSPECTION_PAGE (self));

  tj_page_export (TJ_PAGE (self), self->exports, path, write_record, g_memdup2 (&id, sizeof id),
                  g_free);
}

static void
export_record (TjPage     *page,
               const char *path,
               gpointer    data)
{
  tj_inspection_page_export_record (TJ_INSPECTION_PAGE (page), *(gint64 *) data, path);
}

static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);
  TjInspection *inspection = selected_item (self);
  g_autofree char *name = NULL;

  if (inspection == NULL)
    return;
  /* Translators: the PDF's name: "嵩山大道 巡查记录表 2026-06-15.pdf" */
  name = g_strdup_printf (_("%s Inspection Record %s.pdf"), inspection->project_name,
                          inspection->date);
  g_strdelimit (name, "/\\", '-');
  tj_page_choose_export (TJ_PAGE (self), _("Export the Inspection Record"), name,
                         TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_PDF), NULL, export_record,
                         g_memdup2 (&inspection->id, sizeof inspection->id), g_free);
}

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                TjInspectionRecord *record)
{
  g_autoptr (GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));
  guint n_pages = tj_inspection_record_paginate (record, PANGO_CONTEXT (pango),
                                                 gtk_print_context_get_width (context),
                                                 gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              TjInspectionRecord *record)
{
  tj_inspection_record_draw_page (record, gtk_print_context_get_cairo_context (context), page);
}

/* Prints the record of the inspection id on A4 portrait through the print dialog (action
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG) or straight to export_filename as a PDF
 * (GTK_PRINT_OPERATION_ACTION_EXPORT, for tests); FALSE with the reason in an alert. */
gboolean
tj_inspection_page_print_record (TjInspectionPage       *self,
                                 gint64                  id,
                                 GtkPrintOperationAction action,
                                 const char             *export_filename)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr (TjInspectionRecord) record = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjInspection) inspection = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (TJ_IS_INSPECTION_PAGE (self), FALSE);

  record = tj_inspection_record_new (tj_page_get_db (TJ_PAGE (self)), id, &error);
  if (record != NULL)
    inspection = tj_inspection_load (tj_page_get_db (TJ_PAGE (self)), id, &error);
  if (inspection == NULL)
    {
      tj_alert (window, _("Cannot print"), error->message);
      return FALSE;
    }
  /* Translators: the print job's name: "嵩山大道 巡查记录表 2026-06-15" */
  job = g_strdup_printf (_("%s Inspection Record %s"), inspection->project_name,
                         inspection->date);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the record keeps its own margins, in millimetres from the paper's edge */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), record);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), record);
  result = gtk_print_operation_run (operation, action, window, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      tj_alert (window, _("Cannot print"), error->message);
      return FALSE;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && !tj_inspection_record_check (record, &error))
    {
      tj_alert (window, _("Cannot print"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (widget);
  TjInspection *inspection = selected_item (self);

  if (inspection != NULL)
    tj_inspection_page_print_record (self, inspection->id,
                                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
tj_inspection_page_dispose (GObject *object)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->exports);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (tj_inspection_page_parent_class)->dispose (object);
}

static void
tj_inspection_page_constructed (GObject *object)
{
  TjInspectionPage *self = TJ_INSPECTION_PAGE (object);
  /* the inspections with what they found, the projects and the monthly reports their reported
   * figure is summed from; the filters' units */
  static const char *const items_tables[] = {
    "inspections", "inspection_findings", "rectifications", "inspection_photos", "projects",
    "monthly_reports", "settings", NULL
  };
  static const char *const units_tables[] = { "units", NULL };

  G_OBJECT_CLASS (tj_inspection_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (self), items_tables, G_CALLBACK (items_changed_cb));
  tj_page_watch_tables (TJ_PAGE (self), units_tables, G_CALLBACK (units_changed_cb));
  self->units_stale = TRUE;
  reload (self);
}

static void
tj_inspection_page_year_changed (TjPage *page)
{
  reload (TJ_INSPECTION_PAGE (page));
}

static void
tj_inspection_page_class_init (TjInspectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_inspection_page_constructed;
  object_class->dispose = tj_inspection_page_dispose;
  TJ_PAGE_CLASS (klass)->year_changed = tj_inspection_page_year_changed;
  gtk_widget_class_install_action (widget_class, "inspection.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "inspection.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "inspection.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspection.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "inspection.print-record", NULL,
                                   print_record_action);
  gtk_widget_class_install_action (widget_class, "inspection.export-record", NULL,
                                   export_record_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-inspection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, verdict_filter);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, organiser_filter);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, locality_filter);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, rectification_filter);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, content);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, export_ledger);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TjInspectionPage, read_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload);
}

static void
tj_inspection_page_init (TjInspectionPage *self)
{
  g_autoptr (GtkStringList) verdicts = gtk_string_list_new (NULL);

  /* the filter first: the drop-downs tell it when their choices arrive */
  self->items = g_list_store_new (TJ_TYPE_INSPECTION);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (verdicts, _("All Verdicts"));
  for (TjVerdict v = TJ_VERDICT_TRUE; v <= TJ_VERDICT_CONCEALED; v++)
    gtk_string_list_append (verdicts, tj_verdict_label (v));
  gtk_drop_down_set_model (self->verdict_filter, G_LIST_MODEL (verdicts));

  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->column_view = tj_table_new (GTK_SELECTION_MODEL (self->selection), columns, N_COLUMNS,
                                    COLUMN_PROJECT, column_text, row_style);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activated_cb), self);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));

  self->exports = tj_file_job_new ();
  g_object_bind_property (self->exports, "busy", self->export_ledger, "sensitive",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->exports, "notify::busy", G_CALLBACK (exports_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb),
                            self);
  selection_changed_cb (self);
}

GListModel *
tj_inspection_page_get_shown (TjInspectionPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

guint
tj_inspection_page_get_overdue (TjInspectionPage *self)
{
  return self->overdue;
}

char *
tj_inspection_page_get_cell_text (TjInspectionPage *self,
                                  guint             position,
                                  const char       *column)
{
  g_autoptr (TjInspection) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  int c = tj_table_column_index (columns, N_COLUMNS, column);

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (c >= 0, NULL);
  return column_text (item, c);
}

void
tj_inspection_page_set_search (TjInspectionPage *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  filter_changed_cb (self);
}

/* As a user picks the item starting with label in a filter: "verdict", "organiser", "locality"
 * or "rectification". */
gboolean
tj_inspection_page_choose_filter (TjInspectionPage *self,
                                  const char       *filter,
                                  const char       *label)
{
  GtkDropDown *dropdown = g_str_equal (filter, "verdict")     ? self->verdict_filter
                          : g_str_equal (filter, "organiser") ? self->organiser_filter
                          : g_str_equal (filter, "locality")  ? self->locality_filter
                                                              : self->rectification_filter;

  return tj_drop_down_choose (dropdown, label);
}
