/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tj-visit-group.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-form-row.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-visit.h"

/* The fields of the add row, by the names core's problems give them. */
static const struct
{
  const char *field;
  const char *input;
  const char *title;
} fields[] = {
  { "person", "visit-person", N_("Visitor") },
  { "date", "visit-date", N_("Date") },
  { "found", "visit-found", N_("Problems found") },
  { "solved", "visit-solved", N_("Problems solved") },
};

typedef struct
{
  TjDb *db;
  gint64 project_id;
  GtkWidget *group;
  GPtrArray *rows;          /* the visits' rows, removed when the list is read again */
  AdwActionRow *inputs[G_N_ELEMENTS (fields)];
  GtkWidget *expander;
} VisitGroup;

static void
visit_group_free (VisitGroup *self)
{
  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

static void
reload (VisitGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = tj_visit_list (self->db, self->project_id, &error);
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (list == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the visits: %s"), error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), message);
      return;
    }
  /* Translators: "调研走访（2 次）" */
  title = g_strdup_printf (g_dngettext (NULL, "Visits (%u)", "Visits (%u)", list->len), list->len);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         list->len == 0
                                           ? _("No visit of a city leader or service officer yet.")
                                           : NULL);
  for (guint i = 0; i < list->len; i++)
    {
      TjVisit *v = list->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *row_title = g_strdup_printf ("%s  %s", v->date, v->person);
      /* Translators: "发现问题：临时用电未接通；解决问题：—" */
      g_autofree char *subtitle = g_strdup_printf (_("Found: %1$s; solved: %2$s"),
                                                   v->found != NULL ? v->found : "—",
                                                   v->solved != NULL ? v->solved : "—");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Saves the visit typed in the add row: TRUE when saved (the list read again, the fields
 * cleared); FALSE with the problems shown at their fields or the failure in an alert. */
gboolean
tj_visit_group_add (GtkWidget *group)
{
  VisitGroup *self = g_object_get_data (G_OBJECT (group), "tj-visit-group");
  g_autoptr (TjVisit) visit = tj_visit_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  visit->project_id = self->project_id;
  visit->person_id = tj_drop_down_get_value (
    GTK_DROP_DOWN (adw_action_row_get_activatable_widget (self->inputs[0])));
  visit->date = tj_form_entry_get_text (adw_action_row_get_activatable_widget (self->inputs[1]));
  visit->found = tj_form_entry_get_text (adw_action_row_get_activatable_widget (self->inputs[2]));
  visit->solved = tj_form_entry_get_text (adw_action_row_get_activatable_widget (self->inputs[3]));
  problems = tj_visit_validate (visit, self->db, &error);
  for (guint i = 0; problems != NULL && i < G_N_ELEMENTS (fields); i++)
    tj_form_row_set_problem (self->inputs[i], tj_problems_find (problems, fields[i].field));
  if (problems != NULL && problems->len > 0)
    return FALSE;
  if (problems == NULL || !tj_visit_save (self->db, visit, &error))
    {
      tj_alert (GTK_WINDOW (gtk_widget_get_root (group)), _("Cannot save the visit"),
                error->message);
      return FALSE;
    }
  for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (adw_action_row_get_activatable_widget (self->inputs[i])),
                           "");
  reload (self);
  return TRUE;
}

static void
add_clicked_cb (GtkButton *button,
                GtkWidget *group)
{
  tj_visit_group_add (group);
}

static GtkWidget *
person_choices (VisitGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = tj_person_list (self->db, &error);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
  gint64 none = 0;

  /* Translators: the visitor not yet chosen */
  gtk_string_list_append (labels, _("(Choose)"));
  g_array_append_val (values, none);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      TjPerson *p = people->pdata[i];
      g_autofree char *roles = NULL;
      g_autofree char *label = NULL;

      if (!p->active || !(p->is_leader || p->is_officer))
        continue;
      roles = tj_person_roles_label (p);
      /* Translators: a visitor to choose: "张三（分包市领导）" */
      label = g_strdup_printf (_("%1$s (%2$s)"), p->name, roles);
      gtk_string_list_append (labels, label);
      g_array_append_val (values, p->id);
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (dropdown), labels, g_steal_pointer (&values));
  if (people == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the people: %s"),
                                                  error->message);

      gtk_widget_set_sensitive (dropdown, FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expander), message);
    }
  return dropdown;
}

GtkWidget *
tj_visit_group_new (TjDb   *db,
                    gint64  project_id)
{
  VisitGroup *self = g_new0 (VisitGroup, 1);
  GtkWidget *add;

  self->db = g_object_ref (db);
  self->project_id = project_id;
  self->rows = g_ptr_array_new ();
  self->group = adw_preferences_group_new ();
  g_object_set_data_full (G_OBJECT (self->group), "tj-visit-group", self,
                          (GDestroyNotify) visit_group_free);

  self->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), _("Record a Visit"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expander),
                                 _("A city leader's or a service officer's visit to the site"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *input = i == 0 ? person_choices (self)
                                : tj_form_entry_new (NULL, i == 1 ? _("2026-03-01") : NULL);

      self->inputs[i] = tj_form_row_new (fields[i].input, _(fields[i].title), input);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->expander), GTK_WIDGET (self->inputs[i]));
    }
  add = gtk_button_new_with_label (_("Add Visit"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 6);
  gtk_widget_set_margin_bottom (add, 6);
  gtk_widget_set_margin_end (add, 6);
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self->group);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->expander), add);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->expander);
  reload (self);
  return self->group;
}
