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
  gboolean filled;  /* the fields hold the record: their changes are the user's */
  GCallback saved;
  gpointer user_data;
} RecordForm;

struct _TjPersonDialog
{
  AdwMessageDialog parent_instance;

  RecordForm form;
};

struct _TjUnitDialog
{
  AdwMessageDialog parent_instance;

  RecordForm form;
};

G_DEFINE_FINAL_TYPE (TjPersonDialog, tj_person_dialog, ADW_TYPE_MESSAGE_DIALOG)
G_DEFINE_FINAL_TYPE (TjUnitDialog, tj_unit_dialog, ADW_TYPE_MESSAGE_DIALOG)

static RecordForm *
form_of (AdwMessageDialog *dialog)
{
  if (TJ_IS_PERSON_DIALOG (dialog))
    return &TJ_PERSON_DIALOG (dialog)->form;
  return &TJ_UNIT_DIALOG (dialog)->form;
}

static void
record_form_clear (RecordForm *form)
{
  g_clear_object (&form->db);
  g_clear_object (&form->record);
  g_clear_pointer (&form->unit_ids, g_array_unref);
  g_clear_pointer (&form->read_error, g_free);
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
revalidate_cb (GtkWidget        *widget,
               GParamSpec       *pspec,
               AdwMessageDialog *dialog)
{
  RecordForm *form = form_of (dialog);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  if (!form->filled)
    return;
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
             gpointer          user_data)
{
  RecordForm *form = form_of (dialog);
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

/* The fields of both forms are in their templates; what is in the fields is the record's. */
#define BIND_FORM_CHILD(klass, Type, child) \
  gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), #child, FALSE, \
                                             G_STRUCT_OFFSET (Type, form.child))

static void
tj_person_dialog_finalize (GObject *object)
{
  record_form_clear (&TJ_PERSON_DIALOG (object)->form);
  G_OBJECT_CLASS (tj_person_dialog_parent_class)->finalize (object);
}

static void
tj_person_dialog_class_init (TjPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tj_person_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-person-dialog.ui");
  BIND_FORM_CHILD (klass, TjPersonDialog, name);
  BIND_FORM_CHILD (klass, TjPersonDialog, post);
  BIND_FORM_CHILD (klass, TjPersonDialog, unit);
  BIND_FORM_CHILD (klass, TjPersonDialog, phone);
  BIND_FORM_CHILD (klass, TjPersonDialog, is_leader);
  BIND_FORM_CHILD (klass, TjPersonDialog, is_officer);
  BIND_FORM_CHILD (klass, TjPersonDialog, is_staff);
  BIND_FORM_CHILD (klass, TjPersonDialog, active);
  BIND_FORM_CHILD (klass, TjPersonDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, revalidate_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
tj_person_dialog_init (TjPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
tj_unit_dialog_finalize (GObject *object)
{
  record_form_clear (&TJ_UNIT_DIALOG (object)->form);
  G_OBJECT_CLASS (tj_unit_dialog_parent_class)->finalize (object);
}

static void
tj_unit_dialog_class_init (TjUnitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tj_unit_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-unit-dialog.ui");
  BIND_FORM_CHILD (klass, TjUnitDialog, name);
  BIND_FORM_CHILD (klass, TjUnitDialog, kind);
  BIND_FORM_CHILD (klass, TjUnitDialog, active);
  BIND_FORM_CHILD (klass, TjUnitDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, revalidate_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
tj_unit_dialog_init (TjUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_text (GtkEntry   *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

GtkWindow *
tj_person_dialog_present (GtkWindow        *parent,
                          TjDb             *db,
                          TjPerson         *person,
                          TjPersonSavedFunc saved,
                          gpointer          user_data)
{
  TjPersonDialog *dialog = g_object_new (TJ_TYPE_PERSON_DIALOG, "transient-for", parent,
                                         "heading", person->id != 0 ? _("Edit Person")
                                                                    : _("New Person"),
                                         NULL);
  RecordForm *form = &dialog->form;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tj_unit_list (db, &error);
  g_autoptr (GtkStringList) unit_names = gtk_string_list_new (NULL);
  TjPerson *copy = tj_person_new ();
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

  set_text (form->name, copy->name);
  set_text (form->post, copy->post);
  form->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (unit_names, _("(None)"));
  g_array_append_val (form->unit_ids, none);
  for (guint k = 0; units != NULL && k < units->len; k++)
    {
      TjUnit *unit = g_ptr_array_index (units, k);

      gtk_string_list_append (unit_names, unit->name);
      g_array_append_val (form->unit_ids, unit->id);
    }
  gtk_drop_down_set_model (form->unit, G_LIST_MODEL (unit_names));
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
  set_text (form->phone, copy->phone);
  gtk_check_button_set_active (form->is_leader, copy->is_leader);
  gtk_check_button_set_active (form->is_officer, copy->is_officer);
  gtk_check_button_set_active (form->is_staff, copy->is_staff);
  gtk_check_button_set_active (form->active, copy->active);

  form->filled = TRUE;
  revalidate_cb (NULL, NULL, ADW_MESSAGE_DIALOG (dialog));
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
  TjUnitDialog *dialog = g_object_new (TJ_TYPE_UNIT_DIALOG, "transient-for", parent,
                                       "heading", unit->id != 0 ? _("Edit Unit") : _("New Unit"),
                                       NULL);
  RecordForm *form = &dialog->form;
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  TjUnit *copy = tj_unit_new ();

  copy->id = unit->id;
  copy->name = g_strdup (unit->name);
  copy->kind = unit->kind;
  copy->sort_order = unit->sort_order;
  copy->active = unit->active;
  form->db = g_object_ref (db);
  form->record = G_OBJECT (copy);
  form->saved = G_CALLBACK (saved);
  form->user_data = user_data;

  set_text (form->name, copy->name);
  for (guint k = 0; k < TJ_UNIT_N_KINDS; k++)
    gtk_string_list_append (kinds, tj_unit_kind_label (k));
  gtk_drop_down_set_model (form->kind, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (form->kind, copy->kind);
  gtk_check_button_set_active (form->active, copy->active);

  form->filled = TRUE;
  revalidate_cb (NULL, NULL, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
