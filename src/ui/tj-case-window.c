/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-case-window"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-alert.h"
#include "tj-approval-form.h"
#include "tj-case-window.h"
#include "tj-form-row.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"

/* An agency case (代办件, 推进机制 四): the entrustment, the plan, delivery and the investor's
 * evaluation, and the approval items it holds. Free of charge: there is no fee. */

typedef enum
{
  KIND_TEXT,
  KIND_DATE,
  KIND_PROJECT,
  KIND_AGENT,
  KIND_STATUS,
  KIND_EVALUATION,
  KIND_ARCHIVED,
} FieldKind;

#define TEXT(member) G_STRUCT_OFFSET (TjAgencyCase, member)

/* The window's rows, in order; text is where a text or date field's value is kept in the case. */
static const struct
{
  const char *field;
  FieldKind kind;
  const char *title;
  glong text;
} fields[] = {
  { "project_id", KIND_PROJECT, N_("Project"), 0 },
  { "company", KIND_TEXT, N_("Entrusting company"), TEXT (company) },
  { "contact", KIND_TEXT, N_("Contact"), TEXT (contact) },
  { "phone", KIND_TEXT, N_("Phone"), TEXT (phone) },
  { "entrusted", KIND_DATE, N_("Entrusted on"), TEXT (entrusted) },
  { "agent_id", KIND_AGENT, N_("Agent"), 0 },
  { "plan", KIND_TEXT, N_("Plan (matters and planned dates)"), TEXT (plan) },
  { "status", KIND_STATUS, N_("Status"), 0 },
  { "termination_reason", KIND_TEXT, N_("Reason for termination"), TEXT (termination_reason) },
  { "delivery_method", KIND_TEXT, N_("Delivery method"), TEXT (delivery_method) },
  { "delivered", KIND_DATE, N_("Delivered on"), TEXT (delivered) },
  { "evaluation", KIND_EVALUATION, N_("Investor’s evaluation"), 0 },
  { "evaluation_comment", KIND_TEXT, N_("Comment"), TEXT (evaluation_comment) },
  { "archived", KIND_ARCHIVED, N_("Archived"), 0 },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _TjCaseWindow
{
  AdwWindow parent_instance;

  AdwActionRow *rows[N_FIELDS];
  GtkWidget *inputs[N_FIELDS];
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *items_group;
  GPtrArray *item_rows;
  AdwWindowTitle *title;
  GtkWidget *add_item;
  AdwToastOverlay *toasts;

  TjDb *db;
  TjAgencyCase *original;
  char *today;
  char *proposed_company; /* the 业主 last written into an empty 委托单位 */
  gboolean loading;
  gboolean show_all;
  gboolean read_failed; /* a drop-down's choices could not be read: the case does not save */
};

G_DEFINE_FINAL_TYPE (TjCaseWindow, tj_case_window, ADW_TYPE_WINDOW)

static gboolean
is_choice (FieldKind kind)
{
  return kind == KIND_PROJECT || kind == KIND_AGENT || kind == KIND_STATUS ||
         kind == KIND_EVALUATION;
}

static void
add_choice (GtkStringList *labels,
            GArray        *values,
            const char    *label,
            gint64         value)
{
  gtk_string_list_append (labels, label);
  g_array_append_val (values, value);
}

static void
fill_choices (TjCaseWindow *self,
              guint         i)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;

  switch (fields[i].kind)
    {
    case KIND_PROJECT:
      {
        g_autoptr (GPtrArray) projects = tj_project_list (self->db, self->original->project_year,
                                                          &error);

        if (projects == NULL)
          tj_form_choices_unread (GTK_WIDGET (self), self->inputs[i], &self->read_failed, error);
        add_choice (labels, values, _("Choose…"), 0);
        for (guint k = 0; projects != NULL && k < projects->len; k++)
          {
            TjProject *p = g_ptr_array_index (projects, k);
            add_choice (labels, values, p->name, p->id);
          }
      }
      break;
    case KIND_AGENT:
      {
        g_autoptr (GPtrArray) people = tj_person_list (self->db, &error);

        if (people == NULL)
          tj_form_choices_unread (GTK_WIDGET (self), self->inputs[i], &self->read_failed, error);
        add_choice (labels, values, _("(None)"), 0);
        for (guint k = 0; people != NULL && k < people->len; k++)
          {
            TjPerson *person = g_ptr_array_index (people, k);

            if (person->active || person->id == self->original->agent_id)
              add_choice (labels, values, person->name, person->id);
          }
      }
      break;
    case KIND_STATUS:
      for (gint64 s = 0; s < TJ_CASE_N; s++)
        add_choice (labels, values, tj_case_status_label (s), s);
      break;
    case KIND_EVALUATION:
      add_choice (labels, values, _("(Not yet)"), TJ_EVALUATION_NONE);
      for (gint64 e = TJ_EVALUATION_NONE + 1; e < TJ_EVALUATION_N; e++)
        add_choice (labels, values, tj_evaluation_label (e), e);
      break;
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_ARCHIVED:
    default:
      g_assert_not_reached ();
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (self->inputs[i]), labels, values);
}

/* The case as the window shows it; text that is not a date is a problem of its field. */
static TjAgencyCase *
collect (TjCaseWindow *self,
         GPtrArray    *problems)
{
  TjAgencyCase *c = tj_agency_case_copy (self->original);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *input = self->inputs[i];

      if (is_choice (fields[i].kind))
        {
          gint64 value = tj_drop_down_get_value (GTK_DROP_DOWN (input));

          if (fields[i].kind == KIND_PROJECT)
            c->project_id = value;
          else if (fields[i].kind == KIND_AGENT)
            c->agent_id = value;
          else if (fields[i].kind == KIND_STATUS)
            c->status = value;
          else
            c->evaluation = value;
        }
      else if (fields[i].kind == KIND_ARCHIVED)
        c->archived = gtk_switch_get_active (GTK_SWITCH (input));
      else if (fields[i].kind == KIND_DATE)
        tj_form_read_date (input, fields[i].field, G_STRUCT_MEMBER_P (c, fields[i].text), problems);
      else
        {
          char **slot = G_STRUCT_MEMBER_P (c, fields[i].text);

          g_free (*slot);
          *slot = tj_form_entry_get_text (input);
        }
    }
  return c;
}

static GPtrArray *
validate (TjCaseWindow *self)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (TjAgencyCase) c = collect (self, problems);
  g_autoptr (GPtrArray) rules = tj_agency_case_validate (c, self->db);

  tj_form_add_rule_problems (problems, rules);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = self->show_all ? tj_problems_find (problems, fields[i].field) : NULL;

      tj_form_row_set_problem (self->rows[i], message);
    }
  return problems;
}

static void
changed_cb (TjCaseWindow *self)
{
  g_autoptr (GPtrArray) problems = validate (self);
}

/* A project chosen: 委托单位 left empty, or as the last project proposed it, becomes the new
 * project's 业主 (core's proposal); a company the user wrote stays. */
static void
project_changed_cb (TjCaseWindow *self)
{
  GtkWidget *company = tj_form_find_input (GTK_WIDGET (self), "company");
  g_autoptr (GPtrArray) unused = tj_problems_new ();
  g_autoptr (TjAgencyCase) c = NULL;
  g_autoptr (GError) error = NULL;
  const char *written;

  if (self->loading)
    return;
  written = gtk_editable_get_text (GTK_EDITABLE (company));
  if (*written != '\0' && g_strcmp0 (written, self->proposed_company) != 0)
    return;
  c = collect (self, unused);
  g_clear_pointer (&c->company, g_free);
  if (!tj_agency_case_propose_company (c, self->db, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot read the project’s owner"), error->message);
      return;
    }
  g_free (self->proposed_company);
  self->proposed_company = g_strdup (c->company != NULL ? c->company : "");
  gtk_editable_set_text (GTK_EDITABLE (company), self->proposed_company);
}

static void fill_items (TjCaseWindow *self);

/* The new case just saved: the window is now the case's, its items can be added. */
static void
show_saved (TjCaseWindow *self,
            TjAgencyCase *saved)
{
  g_autoptr (TjAgencyCase) loaded = NULL;
  g_autoptr (GError) error = NULL;

  loaded = tj_agency_case_load (self->db, saved->id, &error);
  g_clear_object (&self->original);
  self->original = loaded != NULL ? g_steal_pointer (&loaded) : tj_agency_case_copy (saved);
  gtk_window_set_title (GTK_WINDOW (self), _("Agency Case"));
  adw_window_title_set_title (self->title, _("Agency Case"));
  adw_window_title_set_subtitle (self->title, self->original->project_name);
  gtk_widget_set_sensitive (self->add_item, TRUE);
  fill_items (self);
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_("Case saved. Add its approval items below.")));
}

gboolean
tj_case_window_save (TjCaseWindow *self)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) unused = tj_problems_new ();
  g_autoptr (TjAgencyCase) c = NULL;
  g_autoptr (GError) error = NULL;

  if (self->read_failed)
    return FALSE;
  self->show_all = TRUE;
  problems = validate (self);
  if (problems->len > 0)
    return FALSE;
  c = collect (self, unused);
  if (!tj_agency_case_save (self->db, c, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot save"), error->message);
      return FALSE;
    }
  /* A new case has no items yet, and they are added here: the window stays open on the saved
   * case. Saving a case that had been saved before closes it, as every form does. */
  if (self->original->id == 0)
    {
      show_saved (self, c);
      return TRUE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static GtkWindow *
open_item (TjCaseWindow   *self,
           TjApprovalItem *item)
{
  GtkWindow *form = tj_approval_form_new (self->db, item, self->original->project_year);

  gtk_window_set_transient_for (form, GTK_WINDOW (self));
  gtk_window_present (form);
  return form;
}

static void
item_activated_cb (AdwActionRow *row,
                   TjCaseWindow *self)
{
  open_item (self, g_object_get_data (G_OBJECT (row), "item"));
}

/* The case's approval items, with their state and deadline. */
static void
fill_items (TjCaseWindow *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->item_rows->len; i++)
    adw_preferences_group_remove (self->items_group, g_ptr_array_index (self->item_rows, i));
  g_ptr_array_set_size (self->item_rows, 0);
  if (self->original->id == 0)
    {
      adw_preferences_group_set_description (self->items_group,
                                             _("Save the case first, then add its items."));
      return;
    }
  items = tj_approval_item_list_case (self->db, self->original->id, self->today, &error);
  if (items == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the approval items: %s"),
                                                  error->message);

      adw_preferences_group_set_description (self->items_group, message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      subtitle = item->deadline != NULL
                     ? g_strdup_printf (_("%s · %s · deadline %s"),
                                        item->unit_name != NULL ? item->unit_name : "",
                                        tj_item_state_label (item->state), item->deadline)
                     : g_strdup_printf ("%s · %s", item->unit_name != NULL ? item->unit_name : "",
                                        tj_item_state_label (item->state));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->overdue)
        gtk_widget_add_css_class (row, "error");
      g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (item_activated_cb), self);
      adw_preferences_group_add (self->items_group, row);
      g_ptr_array_add (self->item_rows, row);
    }
  adw_preferences_group_set_description (self->items_group,
                                         items->len > 0 ? NULL : _("No approval item yet."));
}

/* The case's items, their reminders and batches. */
static void
items_changed_cb (TjCaseWindow *self)
{
  fill_items (self);
}

static GtkWindow *
add_item (TjCaseWindow *self)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();

  item->project_id = self->original->project_id;
  item->case_id = self->original->id;
  item->project_year = self->original->project_year;
  return open_item (self, item);
}

static void
add_item_clicked_cb (TjCaseWindow *self)
{
  add_item (self);
}

static void
build (TjCaseWindow *self)
{
  TjAgencyCase *c = self->original;

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *input;

      if (is_choice (fields[i].kind))
        {
          input = gtk_drop_down_new (NULL, NULL);
          self->inputs[i] = input;
          fill_choices (self, i);
          tj_drop_down_enable_search (GTK_DROP_DOWN (input));
          tj_drop_down_set_value (GTK_DROP_DOWN (input),
                                  fields[i].kind == KIND_PROJECT  ? c->project_id
                                  : fields[i].kind == KIND_AGENT  ? c->agent_id
                                  : fields[i].kind == KIND_STATUS ? (gint64) c->status
                                                                  : (gint64) c->evaluation);
          g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (changed_cb), self);
          if (fields[i].kind == KIND_PROJECT)
            g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (project_changed_cb),
                                      self);
          gtk_widget_set_size_request (input, 300, -1);
        }
      else if (fields[i].kind == KIND_ARCHIVED)
        {
          input = gtk_switch_new ();
          self->inputs[i] = input;
          gtk_switch_set_active (GTK_SWITCH (input), c->archived);
        }
      else
        {
          input = tj_form_entry_new (G_STRUCT_MEMBER (char *, c, fields[i].text),
                                     fields[i].kind == KIND_DATE ? "2026-03-15" : NULL);
          self->inputs[i] = input;
          g_signal_connect_swapped (input, "changed", G_CALLBACK (changed_cb), self);
        }
      self->rows[i] = tj_form_row_new (fields[i].field, _(fields[i].title), input);
      adw_preferences_group_add (self->group, GTK_WIDGET (self->rows[i]));
    }
  self->loading = FALSE;
}

static void
tj_case_window_dispose (GObject *object)
{
  TjCaseWindow *self = TJ_CASE_WINDOW (object);

  /* nothing is read again on the way out */
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->original);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->proposed_company, g_free);
  G_OBJECT_CLASS (tj_case_window_parent_class)->dispose (object);
}

static void
tj_case_window_class_init (TjCaseWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_case_window_dispose;
  tj_form_class_add_save (widget_class, (TjFormSaveFunc) tj_case_window_save);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-case-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TjCaseWindow, title);
  gtk_widget_class_bind_template_child (widget_class, TjCaseWindow, group);
  gtk_widget_class_bind_template_child (widget_class, TjCaseWindow, items_group);
  gtk_widget_class_bind_template_child (widget_class, TjCaseWindow, add_item);
  gtk_widget_class_bind_template_child (widget_class, TjCaseWindow, toasts);
  gtk_widget_class_bind_template_callback (widget_class, add_item_clicked_cb);
}

static void
tj_case_window_init (TjCaseWindow *self)
{
  self->item_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
tj_case_window_new (TjDb         *db,
                    TjAgencyCase *agency_case,
                    int           year,
                    const char   *today)
{
  TjCaseWindow *self = g_object_new (TJ_TYPE_CASE_WINDOW, NULL);
  const char *title = agency_case != NULL ? _("Agency Case") : _("New Agency Case");

  self->db = g_object_ref (db);
  self->today = g_strdup (today);
  if (agency_case != NULL)
    self->original = tj_agency_case_copy (agency_case);
  else
    {
      self->original = tj_agency_case_new ();
      self->original->project_year = year;
      self->original->entrusted = g_strdup (today);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, self->original->project_name);
  build (self);
  gtk_widget_set_sensitive (self->add_item, self->original->id != 0);
  fill_items (self);
  g_signal_connect_object (self->db, "changed::approval_items", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::approval_reminders", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::approval_batches", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WINDOW (self);
}

/* The case the window shows: the one it was opened on, or the new one once saved. */
TjAgencyCase *
tj_case_window_get_case (TjCaseWindow *self)
{
  g_return_val_if_fail (TJ_IS_CASE_WINDOW (self), NULL);
  return self->original;
}

/* The items the window lists, one name per line, or what it says in their place. */
char *
tj_case_window_get_items_text (TjCaseWindow *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (TJ_IS_CASE_WINDOW (self), NULL);
  for (guint i = 0; i < self->item_rows->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            adw_preferences_row_get_title (
                              g_ptr_array_index (self->item_rows, i)));
  if (text->len == 0 && adw_preferences_group_get_description (self->items_group) != NULL)
    g_string_append (text, adw_preferences_group_get_description (self->items_group));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 添加事项: the item form for a new item of this case. */
GtkWindow *
tj_case_window_add_item (TjCaseWindow *self)
{
  g_return_val_if_fail (TJ_IS_CASE_WINDOW (self), NULL);
  if (!gtk_widget_get_sensitive (self->add_item))
    return NULL;
  return add_item (self);
}
