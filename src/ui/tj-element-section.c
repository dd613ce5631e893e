/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-element-section"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-date.h"
#include "tj-element.h"
#include "tj-element-section.h"
#include "tj-problem.h"
#include "tj-statistics-entry.h"

/* 要素保障 in the project form (issue 10, policy 七), and the project's 入库跟进 (policy 八). Core
 * parses, validates and stores; each section shows its rows and asks for one. */

typedef struct _Section Section;

struct _Section
{
  TjDb *db;
  gint64 project_id;
  void (*refresh) (Section *self); /* the needs' or the follow-ups' */
  AdwPreferencesGroup *group;
  GPtrArray *rows;       /* the rows shown, removed on refresh */
  TjDeletion *deletion;  /* the last delete, undone from its row */
  char *deleted;         /* what it deleted, in words */
};

static void
section_free (Section *self)
{
  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deletion, tj_deletion_free);
  g_free (self->deleted);
  g_free (self);
}

static void refresh (Section *self);

/* "申请 120.50 万元，到位 100.00 万元，缺口 20.50 万元" */
static char *
describe (const TjElement *need)
{
  const char *unit = tj_element_kind_unit (need->kind);
  g_autofree char *needed = tj_element_format_amount (need->kind, need->needed);
  g_autofree char *secured = tj_element_format_amount (need->kind, need->secured);
  g_autofree char *gap = tj_element_format_amount (need->kind, need->needed - need->secured);

  if (tj_element_kind_is_fund (need->kind))
    /* Translators: "申请 120.50 万元，到位 100.00 万元，缺口 20.50 万元" */
    return g_strdup_printf (_("sought %1$s %4$s, secured %2$s %4$s, gap %3$s %4$s"), needed,
                            secured, gap, unit);
  /* Translators: "需求 12.35 亩，已保障 5.50 亩，缺口 6.85 亩" */
  return g_strdup_printf (_("needed %1$s %4$s, allocated %2$s %4$s, gap %3$s %4$s"), needed,
                          secured, gap, unit);
}

/* ---- the dialog of one need ---- */

typedef struct
{
  Section *section; /* borrowed: the form outlives its dialogs' answers */
  TjElement *need;  /* a copy being edited */
  GtkDropDown *kind;
  GtkWidget *needed;
  GtkWidget *needed_date;
  GtkWidget *secured;
  GtkWidget *secured_date;
  GtkWidget *note;
  GtkLabel *message;
  GtkLabel *needed_unit;
  GtkLabel *secured_unit;
} NeedDialog;

static void
need_dialog_free (NeedDialog *self)
{
  tj_element_free (self->need);
  g_free (self);
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Reads the fields into the copy and asks core what is wrong; Save only when nothing. */
static void
revalidate (NeedDialog       *self,
            AdwMessageDialog *dialog)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *needed = entry_text (self->needed);
  g_autofree char *secured = entry_text (self->secured);
  TjElementKind kind = gtk_drop_down_get_selected (self->kind);

  self->need->kind = kind;
  gtk_label_set_text (self->needed_unit, tj_element_kind_unit (kind));
  gtk_label_set_text (self->secured_unit, tj_element_kind_unit (kind));
  g_free (self->need->needed_date);
  self->need->needed_date = entry_text (self->needed_date);
  g_free (self->need->secured_date);
  self->need->secured_date = entry_text (self->secured_date);
  g_free (self->need->note);
  self->need->note = entry_text (self->note);
  tj_element_set_amounts (self->need, needed, secured, problems);
  if (problems->len == 0)
    tj_element_validate (self->need, problems);
  tj_problems_to_error (problems, &error);
  gtk_label_set_text (self->message, error != NULL ? error->message : "");
  adw_message_dialog_set_response_enabled (dialog, "save", error == NULL);
}

static void followup_revalidate (gpointer data, AdwMessageDialog *dialog);

static void
field_changed_cb (GObject          *field,
                  GParamSpec       *pspec,
                  AdwMessageDialog *dialog)
{
  gpointer need = g_object_get_data (G_OBJECT (dialog), "need-dialog");

  if (need != NULL)
    revalidate (need, dialog);
  else
    followup_revalidate (g_object_get_data (G_OBJECT (dialog), "followup-dialog"), dialog);
}

static void
need_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  NeedDialog *self = g_object_get_data (G_OBJECT (dialog), "need-dialog");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (!tj_element_save (self->section->db, self->need, &error))
    tj_alert (gtk_window_get_transient_for (GTK_WINDOW (dialog)), _("Cannot save"),
              error->message);
}

static GtkWidget *
add_field (GtkGrid    *grid,
           int         line,
           const char *field,
           const char *title,
           GtkWidget  *input,
           GtkLabel  **unit)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_name (input, field);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (grid, label, 0, line, 1, 1);
  gtk_grid_attach (grid, input, 1, line, 1, 1);
  if (unit != NULL)
    {
      *unit = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (*unit, 0);
      gtk_grid_attach (grid, GTK_WIDGET (*unit), 2, line, 1, 1);
    }
  return input;
}

static GtkWidget *
new_entry (const char *text,
           const char *placeholder,
           GtkWidget  *dialog)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  g_signal_connect_object (entry, "notify::text", G_CALLBACK (field_changed_cb), dialog, 0);
  return entry;
}

/* Below the fields at line: the label of what is wrong (returned); then Cancel and Save, Save
 * answered by response_cb. */
static GtkLabel *
finish_dialog (AdwMessageDialog *dialog,
               GtkGrid          *grid,
               int               line,
               GCallback         response_cb)
{
  GtkLabel *message = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (message, TRUE);
  gtk_label_set_xalign (message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (message), "error");
  gtk_grid_attach (grid, GTK_WIDGET (message), 0, line, 3, 1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (grid));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", response_cb, NULL);
  return message;
}

static GtkWindow *
present_dialog (Section         *section,
                const TjElement *need)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (section->group)));
  GtkWidget *dialog = adw_message_dialog_new (parent, need->id != 0 ? _("Edit Funds or Quota")
                                                                    : _("New Funds or Quota"),
                                              NULL);
  NeedDialog *self = g_new0 (NeedDialog, 1);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  g_autofree char *needed = NULL;
  g_autofree char *secured = NULL;
  int line = 0;

  self->section = section;
  self->need = tj_element_copy (need);
  g_object_set_data_full (G_OBJECT (dialog), "need-dialog", self,
                          (GDestroyNotify) need_dialog_free);
  needed = need->needed > 0 ? tj_element_format_amount (need->kind, need->needed) : NULL;
  secured = need->secured > 0 ? tj_element_format_amount (need->kind, need->secured) : NULL;

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  for (guint k = 0; k < TJ_N_ELEMENT_KINDS; k++)
    gtk_string_list_append (kinds, tj_element_kind_label (k));
  self->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_drop_down_set_selected (self->kind, need->kind);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (field_changed_cb), dialog,
                           0);
  add_field (grid, line++, "kind", _("Kind"), GTK_WIDGET (self->kind), NULL);
  self->needed = add_field (grid, line++, "needed", _("Sought or needed"),
                            new_entry (needed, "0.00", dialog), &self->needed_unit);
  self->needed_date = add_field (grid, line++, "needed_date", _("Date of the request"),
                                 new_entry (need->needed_date, "2026-03-15", dialog), NULL);
  self->secured = add_field (grid, line++, "secured", _("Secured or allocated"),
                             new_entry (secured, "0.00", dialog), &self->secured_unit);
  self->secured_date = add_field (grid, line++, "secured_date", _("Date secured"),
                                  new_entry (need->secured_date, "2026-04-15", dialog), NULL);
  self->note = add_field (grid, line++, "note", _("Note"),
                          new_entry (need->note, _("Optional"), dialog), NULL);
  self->message = finish_dialog (ADW_MESSAGE_DIALOG (dialog), grid, line,
                                 G_CALLBACK (need_response_cb));
  revalidate (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWidget *
tj_element_dialog_get_input (GtkWindow  *dialog,
                             const char *field)
{
  NeedDialog *self = g_object_get_data (G_OBJECT (dialog), "need-dialog");
  GtkWidget *inputs[] = { GTK_WIDGET (self->kind), self->needed, self->needed_date,
                          self->secured, self->secured_date, self->note };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (g_str_equal (gtk_widget_get_name (inputs[i]), field))
      return inputs[i];
  return NULL;
}

/* ---- the section ---- */

/* After a delete: deletion kept for the Undo row, which says deleted (taken); or the error. */
static void
keep_deletion (Section    *self,
               GtkButton  *button,
               TjDeletion *deletion,
               GError     *error,
               char       *deleted)
{
  if (deletion == NULL)
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), _("Cannot delete"),
                error->message);
      g_free (deleted);
      return;
    }
  g_clear_pointer (&self->deletion, tj_deletion_free);
  self->deletion = deletion;
  g_free (self->deleted);
  self->deleted = deleted;
  self->refresh (self); /* the table's changed signal refreshes too; the undo row needs this */
}

static void
edit_clicked_cb (GtkButton *button,
                 Section   *self)
{
  present_dialog (self, g_object_get_data (G_OBJECT (button), "need"));
}

static void
delete_clicked_cb (GtkButton *button,
                   Section   *self)
{
  TjElement *need = g_object_get_data (G_OBJECT (button), "need");
  g_autoptr (GError) error = NULL;
  g_autofree char *what = describe (need);
  TjDeletion *deletion = tj_element_delete_undoable (self->db, need->id, &error);

  /* Translators: "已删除：中央资金（申请 120.50 万元，…）" */
  keep_deletion (self, button, deletion, error,
                 g_strdup_printf (_("Deleted: %1$s (%2$s)"), tj_element_kind_label (need->kind),
                                  what));
}

static void
undo_clicked_cb (GtkButton *button,
                 Section   *self)
{
  g_autoptr (TjDeletion) deletion = g_steal_pointer (&self->deletion);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->deleted, g_free);
  if (!tj_deletion_undo (self->db, deletion, &error))
    tj_alert (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), _("Cannot undo"),
              error->message);
  self->refresh (self);
}

static void
add_clicked_cb (GtkButton *button,
                Section   *self)
{
  tj_element_section_add (self->group);
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            GCallback   callback,
            Section    *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
add_section_row (Section   *self,
                 GtkWidget *row)
{
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

/* Removes the rows shown, then shows the last delete with its Undo. */
static void
clear_rows (Section *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->deletion != NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *undo = gtk_button_new_with_mnemonic (_("_Undo"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->deleted);
      gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
      gtk_widget_set_name (undo, "undo");
      g_signal_connect (undo, "clicked", G_CALLBACK (undo_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), undo);
      add_section_row (self, row);
    }
}

static void
refresh (Section *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) needs = tj_elements_load (self->db, self->project_id, &error);

  clear_rows (self);
  if (needs == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the funds and quotas: %s"),
                                                  error->message);

      adw_preferences_group_set_description (self->group, message);
      return;
    }
  adw_preferences_group_set_description (self->group,
                                         needs->len == 0
                                           ? _("No funds sought or quota needed yet.")
                                           : _("Funds in 10,000 yuan; quotas in their unit. "
                                               "The gap is what is still missing."));
  for (guint i = 0; i < needs->len; i++)
    {
      TjElement *need = g_ptr_array_index (needs, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *amounts = describe (need);
      g_autofree char *title = g_strdup_printf (_("%s: %s"), tj_element_kind_label (need->kind),
                                                amounts);
      g_autofree char *subtitle = NULL;
      GtkWidget *edit, *delete;

      /* Translators: "申请日期 2026-02-01　到位日期 2026-04-10　备注" */
      subtitle = g_strdup_printf (_("requested %1$s  secured %2$s%3$s%4$s"), need->needed_date,
                                  need->secured_date != NULL ? need->secured_date : "—",
                                  need->note != NULL ? "  " : "",
                                  need->note != NULL ? need->note : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (need->secured < need->needed)
        gtk_widget_add_css_class (row, "warning");
      edit = row_button ("document-edit-symbolic", _("Edit"), G_CALLBACK (edit_clicked_cb), self);
      delete = row_button ("user-trash-symbolic", _("Delete"), G_CALLBACK (delete_clicked_cb),
                           self);
      g_object_set_data_full (G_OBJECT (edit), "need", tj_element_copy (need),
                              (GDestroyNotify) tj_element_free);
      g_object_set_data_full (G_OBJECT (delete), "need", tj_element_copy (need),
                              (GDestroyNotify) tj_element_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      add_section_row (self, row);
    }
}

static void
changed_cb (TjDb                *db,
            const char          *table,
            AdwPreferencesGroup *group)
{
  Section *self = g_object_get_data (G_OBJECT (group), "element-section");

  self->refresh (self);
}

/* A section titled title of the project's rows, shown by refresh_func again after each change of
 * table (its "changed::" detail), with an Add button answered by add_cb. */
static AdwPreferencesGroup *
section_new (TjDb        *db,
             gint64       project_id,
             const char  *title,
             const char  *signal,
             void       (*refresh_func) (Section *self),
             GCallback    add_cb)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  Section *self = g_new0 (Section, 1);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));

  self->db = g_object_ref (db);
  self->project_id = project_id;
  self->refresh = refresh_func;
  self->group = group;
  self->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (group), "element-section", self,
                          (GDestroyNotify) section_free);
  adw_preferences_group_set_title (group, title);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", add_cb, self);
  adw_preferences_group_set_header_suffix (group, add);
  g_signal_connect_object (db, signal, G_CALLBACK (changed_cb), group, 0);
  refresh_func (self);
  return group;
}

AdwPreferencesGroup *
tj_element_section_new (TjDb   *db,
                        gint64  project_id)
{
  return section_new (db, project_id, _("Funds and Quotas"), "changed::project_elements", refresh,
                      G_CALLBACK (add_clicked_cb));
}

GtkWindow *
tj_element_section_add (AdwPreferencesGroup *section)
{
  Section *self = g_object_get_data (G_OBJECT (section), "element-section");
  g_autoptr (TjElement) need = tj_element_new (self->project_id, TJ_ELEMENT_CENTRAL);

  need->needed_date = tj_date_today ();
  return present_dialog (self, need);
}

/* ---- 入库跟进: the project's statistics follow-ups ---- */

typedef struct
{
  Section *section;               /* borrowed, as the need dialog's */
  TjStatisticsFollowup *followup; /* a copy being edited */
  GtkWidget *date;
  GtkWidget *note;
  GtkWidget *by_whom;
  GtkLabel *message;
} FollowupDialog;

static void
followup_dialog_free (FollowupDialog *self)
{
  tj_statistics_followup_free (self->followup);
  g_free (self);
}

/* Reads the fields into the copy and asks core what is wrong (the messages of `add followup`). */
static void
followup_revalidate (gpointer          data,
                     AdwMessageDialog *dialog)
{
  FollowupDialog *self = data;
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TjStatisticsFollowup) tidied = NULL;

  g_free (self->followup->date);
  self->followup->date = entry_text (self->date);
  g_free (self->followup->note);
  self->followup->note = entry_text (self->note);
  g_free (self->followup->by_whom);
  self->followup->by_whom = entry_text (self->by_whom);
  tidied = tj_statistics_followup_copy (self->followup);
  tj_statistics_followup_validate (tidied, problems);
  tj_problems_to_error (problems, &error);
  gtk_label_set_text (self->message, error != NULL ? error->message : "");
  adw_message_dialog_set_response_enabled (dialog, "save", error == NULL);
}

static void
followup_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  FollowupDialog *self = g_object_get_data (G_OBJECT (dialog), "followup-dialog");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (!tj_statistics_followup_save (self->section->db, self->followup, &error))
    tj_alert (gtk_window_get_transient_for (GTK_WINDOW (dialog)), _("Cannot save"),
              error->message);
}

static GtkWindow *
present_followup_dialog (Section                    *section,
                         const TjStatisticsFollowup *followup)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (section->group)));
  GtkWidget *dialog = adw_message_dialog_new (parent, followup->id != 0
                                                        ? _("Edit Statistics Follow-up")
                                                        : _("New Statistics Follow-up"),
                                              NULL);
  FollowupDialog *self = g_new0 (FollowupDialog, 1);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int line = 0;

  self->section = section;
  self->followup = tj_statistics_followup_copy (followup);
  g_object_set_data_full (G_OBJECT (dialog), "followup-dialog", self,
                          (GDestroyNotify) followup_dialog_free);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  self->date = add_field (grid, line++, "date", _("Follow-up date"),
                          new_entry (followup->date, "2026-03-15", dialog), NULL);
  self->note = add_field (grid, line++, "note", _("What was done"),
                          new_entry (followup->note, _("Required"), dialog), NULL);
  self->by_whom = add_field (grid, line++, "by_whom", _("By whom"),
                             new_entry (followup->by_whom, _("Optional"), dialog), NULL);
  self->message = finish_dialog (ADW_MESSAGE_DIALOG (dialog), grid, line,
                                 G_CALLBACK (followup_response_cb));
  followup_revalidate (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWidget *
tj_followup_dialog_get_input (GtkWindow  *dialog,
                              const char *field)
{
  FollowupDialog *self = g_object_get_data (G_OBJECT (dialog), "followup-dialog");
  GtkWidget *inputs[] = { self->date, self->note, self->by_whom };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (g_str_equal (gtk_widget_get_name (inputs[i]), field))
      return inputs[i];
  return NULL;
}

static void
followup_edit_clicked_cb (GtkButton *button,
                          Section   *self)
{
  present_followup_dialog (self, g_object_get_data (G_OBJECT (button), "followup"));
}

static void
followup_delete_clicked_cb (GtkButton *button,
                            Section   *self)
{
  TjStatisticsFollowup *followup = g_object_get_data (G_OBJECT (button), "followup");
  g_autoptr (GError) error = NULL;
  TjDeletion *deletion =
    tj_statistics_followup_delete_undoable (self->db, followup->id, &error);

  /* Translators: "已删除：2026-03-15 的跟进（与统计局对接）" */
  keep_deletion (self, button, deletion, error,
                 g_strdup_printf (_("Deleted: the follow-up of %1$s (%2$s)"), followup->date,
                                  followup->note));
}

static void
followup_add_clicked_cb (GtkButton *button,
                         Section   *self)
{
  tj_followup_section_add (self->group);
}

static void
refresh_followups (Section *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) followups =
    tj_statistics_followups_load (self->db, self->project_id, &error);

  clear_rows (self);
  if (followups == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot read the statistics follow-ups: %s"), error->message);

      adw_preferences_group_set_description (self->group, message);
      return;
    }
  adw_preferences_group_set_description (self->group,
                                         followups->len == 0
                                           ? _("No follow-up for the statistics entry yet.")
                                           : _("What the office did to get the project entered, "
                                               "by date; the list for the statistics bureau "
                                               "shows them."));
  for (guint i = 0; i < followups->len; i++)
    {
      TjStatisticsFollowup *followup = g_ptr_array_index (followups, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("%s: %s"), followup->date, followup->note);
      GtkWidget *edit, *delete;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (followup->by_whom != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), followup->by_whom);
      edit = row_button ("document-edit-symbolic", _("Edit"),
                         G_CALLBACK (followup_edit_clicked_cb), self);
      delete = row_button ("user-trash-symbolic", _("Delete"),
                           G_CALLBACK (followup_delete_clicked_cb), self);
      g_object_set_data_full (G_OBJECT (edit), "followup",
                              tj_statistics_followup_copy (followup),
                              (GDestroyNotify) tj_statistics_followup_free);
      g_object_set_data_full (G_OBJECT (delete), "followup",
                              tj_statistics_followup_copy (followup),
                              (GDestroyNotify) tj_statistics_followup_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      add_section_row (self, row);
    }
}

AdwPreferencesGroup *
tj_followup_section_new (TjDb   *db,
                         gint64  project_id)
{
  return section_new (db, project_id, _("Statistics Entry Follow-ups"),
                      "changed::statistics_followups", refresh_followups,
                      G_CALLBACK (followup_add_clicked_cb));
}

GtkWindow *
tj_followup_section_add (AdwPreferencesGroup *section)
{
  Section *self = g_object_get_data (G_OBJECT (section), "element-section");
  g_autoptr (TjStatisticsFollowup) followup = NULL;
  g_autofree char *today = tj_date_today ();

  followup = tj_statistics_followup_new (self->project_id, today, NULL, NULL);
  return present_followup_dialog (self, followup);
}
