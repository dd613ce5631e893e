/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-units-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-person-dialog.h"
#include "tj-person.h"
#include "tj-read-error.h"
#include "tj-unit.h"
#include "tj-units-window.h"

/* Units and people: the lists the project form chooses from. */
struct _TjUnitsWindow
{
  AdwWindow parent_instance;

  AdwViewStack *stack;
  AdwToastOverlay *toasts;
  GtkListBox *unit_list;
  GtkListBox *people_list;
  GtkStack *content_stack; /* "lists", or "error" when they could not be read */
  TjReadError *read_error;

  TjDb *db;
  GPtrArray *units;
  GPtrArray *people;
};

G_DEFINE_FINAL_TYPE (TjUnitsWindow, tj_units_window, ADW_TYPE_WINDOW)

/* The name of a unit or a person, as the lists show it. */
static const char *
record_name (GObject *record)
{
  return TJ_IS_UNIT (record) ? TJ_UNIT (record)->name : TJ_PERSON (record)->name;
}

static void
show_error (TjUnitsWindow *self,
            const char    *message)
{
  tj_alert (GTK_WINDOW (self), _("Cannot delete"), message);
}

static void
edit_clicked_cb (GtkButton     *button,
                 TjUnitsWindow *self)
{
  GObject *record = g_object_get_data (G_OBJECT (button), "record");

  if (TJ_IS_UNIT (record))
    tj_unit_dialog_present (GTK_WINDOW (self), self->db, TJ_UNIT (record), NULL, NULL);
  else
    tj_person_dialog_present (GTK_WINDOW (self), self->db, TJ_PERSON (record), NULL, NULL);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TjUnitsWindow    *self)
{
  GObject *record = g_object_get_data (G_OBJECT (dialog), "record");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  if (!g_str_equal (response, "delete"))
    return;
  if (TJ_IS_UNIT (record))
    ok = tj_unit_delete (self->db, TJ_UNIT (record)->id, &error);
  else
    ok = tj_person_delete (self->db, TJ_PERSON (record)->id, &error);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), record_name (record));
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
delete_clicked_cb (GtkButton     *button,
                   TjUnitsWindow *self)
{
  GObject *record = g_object_get_data (G_OBJECT (button), "record");
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), record_name (record));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Records still referring to it keep it from "
                                                "being deleted; mark it as no longer in use "
                                                "instead."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
record_row (TjUnitsWindow *self,
            GObject       *record,
            const char    *title,
            const char    *subtitle,
            gboolean       active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *shown = active ? g_strdup (subtitle)
                                  : g_strdup_printf (_("%s · no longer in use"), subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  gtk_widget_set_tooltip_text (edit, _("Edit"));
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? edit : delete;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  if (!active)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
reload (TjUnitsWindow *self)
{
  GtkWidget *child;
  g_autoptr (GError) error = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list))) != NULL)
    gtk_list_box_remove (self->unit_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  self->units = tj_unit_list (self->db, &error);
  if (self->units != NULL)
    self->people = tj_person_list (self->db, &error);
  if (self->units == NULL || self->people == NULL)
    {
      /* said in place of the lists: an empty list would read as no unit and no person */
      tj_read_error_set_error (self->read_error, error);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (self->units, i);

      gtk_list_box_append (self->unit_list,
                           record_row (self, G_OBJECT (unit), unit->name,
                                       tj_unit_kind_label (unit->kind), unit->active));
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      TjPerson *person = g_ptr_array_index (self->people, i);
      g_autofree char *roles = tj_person_roles_label (person);
      g_autofree char *subtitle = g_strjoin (" · ", roles,
                                             person->unit_name != NULL ? person->unit_name : "",
                                             person->post != NULL ? person->post : "", NULL);

      gtk_list_box_append (self->people_list, record_row (self, G_OBJECT (person), person->name,
                                                          subtitle, person->active));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "lists");
}

static void
retry_cb (TjUnitsWindow *self)
{
  reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TjUnitsWindow *self = TJ_UNITS_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "people") == 0)
    {
      g_autoptr (TjPerson) person = tj_person_new ();

      person->is_officer = TRUE;
      tj_person_dialog_present (GTK_WINDOW (self), self->db, person, NULL, NULL);
    }
  else
    {
      g_autoptr (TjUnit) unit = tj_unit_new ();

      tj_unit_dialog_present (GTK_WINDOW (self), self->db, unit, NULL, NULL);
    }
}

static void
tj_units_window_dispose (GObject *object)
{
  TjUnitsWindow *self = TJ_UNITS_WINDOW (object);

  /* nothing is read again on the way out */
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (tj_units_window_parent_class)->dispose (object);
}

static void
tj_units_window_constructed (GObject *object)
{
  TjUnitsWindow *self = TJ_UNITS_WINDOW (object);

  G_OBJECT_CLASS (tj_units_window_parent_class)->constructed (object);
  g_return_if_fail (TJ_IS_DB (self->db));

  g_signal_connect_object (self->db, "changed::units", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::people", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

/* The window's one property, "db": given once, at construction, and read by no one. */
static void
tj_units_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TJ_UNITS_WINDOW (object)->db = g_value_dup_object (value);
}

static void
tj_units_window_class_init (TjUnitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tj_units_window_constructed;
  object_class->dispose = tj_units_window_dispose;
  object_class->set_property = tj_units_window_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_object ("db", NULL, NULL, TJ_TYPE_DB,
                                                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                          G_PARAM_STATIC_STRINGS));
  g_type_ensure (TJ_TYPE_READ_ERROR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-units-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, unit_list);
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TjUnitsWindow, read_error);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "units.add", NULL);
}

static void
tj_units_window_init (TjUnitsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
tj_units_window_new (TjDb *db)
{
  return g_object_new (TJ_TYPE_UNITS_WINDOW, "db", db, NULL);
}
