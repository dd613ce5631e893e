/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-person-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-form-row.h"
#include "tj-person-dialog.h"
#include "tj-problem.h"

/* The small forms of units and people: an AdwMessageDialog with the fields as its extra child.
 * Save stays disabled while core validation reports a problem, shown under the fields. */

typedef struct
{
  TjDb *db;
  GObject *record; /* TjPerson or TjUnit, a copy being edited */
  GtkEntry *name;
  GtkEntry *post;
  GtkDropDown *unit;
  GArray *unit_ids;
  GtkEntry *phone;
  GtkCheckButton *is_leader;
  GtkCheckButton *is_officer;
  GtkCheckButton *is_staff;
  GtkDropDown *kind;
  GtkCheckButton *active;
  GtkLabel *message;
  char *read_error; /* the units could not be read: said under the fields, and no save */
  GCallback saved;
  gpointer user_data;
} RecordForm;

static void
record_form_free (RecordForm *form)
{
  g_clear_object (&form->db);
  g_clear_object (&form->record);
  g_clear_pointer (&form->unit_ids, g_array_unref);
  g_free (form->read_error);
  g_free (form);
}

static GtkWidget *
add_field (GtkGrid    *grid,
           int         row,
           const char *label,
           GtkWidget  *input)
{
  GtkWidget *title = gtk_label_new (label);

  gtk_widget_set_halign (title, GTK_ALIGN_END);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (grid, input, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  return input;
}

static void
read_person (RecordForm *form)
{
  TjPerson *person = TJ_PERSON (form->record);
  guint k = gtk_drop_down_get_selected (form->unit);

  g_free (person->name);
  person->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name)));
  g_free (person->post);
  person->post = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->post)));
  g_free (person->phone);
  person->phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->phone))));
  person->unit_id = k < form->unit_ids->len ? g_array_index (form->unit_ids, gint64, k) : 0;
  person->is_leader = gtk_check_button_get_active (form->is_leader);
  person->is_officer = gtk_check_button_get_active (form->is_officer);
  person->is_staff = gtk_check_button_get_active (form->is_staff);
  person->active = gtk_check_button_get_active (form->active);
}

static void
read_unit (RecordForm *form)
{
  TjUnit *unit = TJ_UNIT (form->record);

  g_free (unit->name);
  unit->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name)));
  unit->kind = gtk_drop_down_get_selected (form->kind);
  unit->active = gtk_check_button_get_active (form->active);
}

static void
revalidate (GtkWidget        *widget,
            GParamSpec       *pspec,
            AdwMessageDialog *dialog)
{
  RecordForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  if (form->read_error != NULL)
    {
      gtk_label_set_text (form->message, form->read_error);
      adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
      return;
    }
  if (TJ_IS_PERSON (form->record))
    {
      read_person (form);
      problems = tj_person_validate (TJ_PERSON (form->record), form->db);
    }
  else
    {
      read_unit (form);
      problems = tj_unit_validate (TJ_UNIT (form->record), form->db);
    }
  tj_problems_to_error (problems, &error);
  gtk_label_set_text (form->message, error != NULL ? error->message : "");
  adw_message_dialog_set_response_enabled (dialog, "save", error == NULL);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             RecordForm       *form)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save") || form->read_error != NULL)
    return;
  if (TJ_IS_PERSON (form->record))
    ok = tj_person_save (form->db, TJ_PERSON (form->record), &error);
  else
    ok = tj_unit_save (form->db, TJ_UNIT (form->record), &error);
  if (!ok)
    {
      tj_alert (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                _("Cannot save"), error->message);
      return;
    }
  if (form->saved != NULL && TJ_IS_PERSON (form->record))
    ((TjPersonSavedFunc) form->saved) (TJ_PERSON (form->record), form->user_data);
  else if (form->saved != NULL)
    ((TjUnitSavedFunc) form->saved) (TJ_UNIT (form->record), form->user_data);
}

static AdwMessageDialog *
new_dialog (GtkWindow  *parent,
            const char *heading,
            RecordForm *form,
            GtkGrid   **grid)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  *grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (*grid, 8);
  gtk_grid_set_column_spacing (*grid, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*grid));
  form->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->message, TRUE);
  gtk_label_set_xalign (form->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->message), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->message));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) record_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), form);
  return dialog;
}

static GtkWidget *
new_entry (const char       *text,
           AdwMessageDialog *dialog)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect (entry, "notify::text", G_CALLBACK (revalidate), dialog);
  return entry;
}

static GtkWidget *
new_check (const char       *label,
           gboolean          active,
           AdwMessageDialog *dialog)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect (check, "notify::active", G_CALLBACK (revalidate), dialog);
  return check;
}

GtkWindow *
tj_person_dialog_present (GtkWindow        *parent,
                          TjDb             *db,
                          TjPerson         *person,
                          TjPersonSavedFunc saved,
                          gpointer          user_data)
{
  RecordForm *form = g_new0 (RecordForm, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tj_unit_list (db, &error);
  g_autoptr (GtkStringList) unit_names = gtk_string_list_new (NULL);
  TjPerson *copy = tj_person_new ();
  AdwMessageDialog *dialog;
  GtkGrid *grid;
  GtkWidget *roles;
  gint64 none = 0;

  copy->id = person->id;
  copy->name = g_strdup (person->name);
  copy->post = g_strdup (person->post);
  copy->unit_id = person->unit_id;
  copy->phone = g_strdup (person->phone);
  copy->is_leader = person->is_leader;
  copy->is_officer = person->is_officer;
  copy->is_staff = person->is_staff;
  copy->active = person->active;
  /* the caller's data (which field asked for the person) travels with the copy */
  g_object_set_data (G_OBJECT (copy), "field-index",
                     g_object_get_data (G_OBJECT (person), "field-index"));
  form->db = g_object_ref (db);
  form->record = G_OBJECT (copy);
  form->saved = G_CALLBACK (saved);
  form->user_data = user_data;

  dialog = new_dialog (parent, person->id != 0 ? _("Edit Person") : _("New Person"), form, &grid);
  /* 姓名, as core's message names the field */
  form->name = GTK_ENTRY (add_field (grid, 0, C_("person", "Name"), new_entry (copy->name, dialog)));
  form->post = GTK_ENTRY (add_field (grid, 1, _("Post"), new_entry (copy->post, dialog)));

  form->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (unit_names, _("(None)"));
  g_array_append_val (form->unit_ids, none);
  for (guint k = 0; units != NULL && k < units->len; k++)
    {
      TjUnit *unit = g_ptr_array_index (units, k);

      gtk_string_list_append (unit_names, unit->name);
      g_array_append_val (form->unit_ids, unit->id);
    }
  form->unit = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (unit_names)), NULL));
  tj_drop_down_enable_search (form->unit);
  if (units == NULL)
    {
      /* an empty list would save the person as of no unit */
      form->read_error = g_strdup_printf (_("Cannot read the units, so the person cannot be "
                                            "saved: %s"),
                                          error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (form->unit), FALSE);
    }
  for (guint k = 0; k < form->unit_ids->len; k++)
    if (g_array_index (form->unit_ids, gint64, k) == copy->unit_id)
      gtk_drop_down_set_selected (form->unit, k);
  g_signal_connect (form->unit, "notify::selected", G_CALLBACK (revalidate), dialog);
  add_field (grid, 2, _("Unit"), GTK_WIDGET (form->unit));
  form->phone = GTK_ENTRY (add_field (grid, 3, _("Phone"), new_entry (copy->phone, dialog)));

  roles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  form->is_leader = GTK_CHECK_BUTTON (new_check (_("City leader"), copy->is_leader, dialog));
  form->is_officer = GTK_CHECK_BUTTON (new_check (_("Service officer"), copy->is_officer, dialog));
  form->is_staff = GTK_CHECK_BUTTON (new_check (_("Staff"), copy->is_staff, dialog));
  gtk_box_append (GTK_BOX (roles), GTK_WIDGET (form->is_leader));
  gtk_box_append (GTK_BOX (roles), GTK_WIDGET (form->is_officer));
  gtk_box_append (GTK_BOX (roles), GTK_WIDGET (form->is_staff));
  add_field (grid, 4, _("Roles"), roles);
  form->active = GTK_CHECK_BUTTON (new_check (_("In office"), copy->active, dialog));
  add_field (grid, 5, "", GTK_WIDGET (form->active));

  revalidate (NULL, NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
tj_unit_dialog_present (GtkWindow      *parent,
                        TjDb           *db,
                        TjUnit         *unit,
                        TjUnitSavedFunc saved,
                        gpointer        user_data)
{
  RecordForm *form = g_new0 (RecordForm, 1);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  TjUnit *copy = tj_unit_new ();
  AdwMessageDialog *dialog;
  GtkGrid *grid;

  copy->id = unit->id;
  copy->name = g_strdup (unit->name);
  copy->kind = unit->kind;
  copy->sort_order = unit->sort_order;
  copy->active = unit->active;
  form->db = g_object_ref (db);
  form->record = G_OBJECT (copy);
  form->saved = G_CALLBACK (saved);
  form->user_data = user_data;

  dialog = new_dialog (parent, unit->id != 0 ? _("Edit Unit") : _("New Unit"), form, &grid);
  form->name = GTK_ENTRY (add_field (grid, 0, _("Name"), new_entry (copy->name, dialog)));
  for (guint k = 0; k < TJ_UNIT_N_KINDS; k++)
    gtk_string_list_append (kinds, tj_unit_kind_label (k));
  form->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_drop_down_set_selected (form->kind, copy->kind);
  g_signal_connect (form->kind, "notify::selected", G_CALLBACK (revalidate), dialog);
  add_field (grid, 1, _("Kind"), GTK_WIDGET (form->kind));
  form->active = GTK_CHECK_BUTTON (new_check (_("In use"), copy->active, dialog));
  add_field (grid, 2, "", GTK_WIDGET (form->active));

  revalidate (NULL, NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
