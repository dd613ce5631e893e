/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval-form"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tj-alert.h"
#include "tj-approval-form.h"
#include "tj-date.h"
#include "tj-form-row.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-read-error.h"
#include "tj-unit.h"

/* One approval item (审批事项): core validates, the form shows the problem at its field. The
 * green channel proposes half the statutory limit as the committed one (推进机制 三). */

typedef enum
{
  KIND_TEXT,
  KIND_DAYS,
  KIND_DATE,
  KIND_PROJECT,
  KIND_CASE,
  KIND_STAGE,
  KIND_DEPARTMENT,
  KIND_GREEN,
} FieldKind;

#define TEXT(member) G_STRUCT_OFFSET (TjApprovalItem, member)

/* The form's rows, in order; text is where a text or date field's value is kept in the item. */
static const struct
{
  const char *field;
  FieldKind kind;
  const char *placeholder;
  glong text;
} fields[] = {
  { "project_id", KIND_PROJECT, NULL, 0 },
  { "case_id", KIND_CASE, NULL, 0 },
  { "name", KIND_TEXT, N_("e.g. 环评审批"), TEXT (name) },
  { "stage", KIND_STAGE, NULL, 0 },
  { "unit_id", KIND_DEPARTMENT, NULL, 0 },
  { "statutory_days", KIND_DAYS, "20", 0 },
  { "green", KIND_GREEN, NULL, 0 },
  { "committed_days", KIND_DAYS, "10", 0 },
  { "handler", KIND_TEXT, NULL, TEXT (handler) },
  { "accepted", KIND_DATE, "2026-03-15", TEXT (accepted) },
  { "copied", KIND_DATE, "2026-03-16", TEXT (copied) },
  { "finished", KIND_DATE, "2026-03-30", TEXT (finished) },
  { "delivered", KIND_DATE, "2026-03-31", TEXT (delivered) },
  { "notes", KIND_TEXT, NULL, TEXT (notes) },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _TjApprovalForm
{
  AdwWindow parent_instance;

  AdwWindowTitle *title;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *suspensions; /* 暂停期间 */
  AdwActionRow *suspension_row;     /* its first row: 添加暂停, and the periods' problems */
  GPtrArray *periods;               /* Period per row, in the order shown */
  AdwPreferencesGroup *reminders;
  GPtrArray *reminder_rows; /* the widgets in reminders, borrowed */
  AdwActionRow *rows[N_FIELDS];
  GtkWidget *inputs[N_FIELDS];
  GArray *choices[N_FIELDS]; /* gint64 per drop-down position */

  TjDb *db;
  TjApprovalItem *original;
  GPtrArray *problems;
  gboolean show_all;
  gboolean loading;
  gboolean read_failed; /* a drop-down's choices could not be read: the form does not save */
};

G_DEFINE_FINAL_TYPE (TjApprovalForm, tj_approval_form, ADW_TYPE_WINDOW)

/* One suspension period's row and its entries, borrowed from the group. */
typedef struct
{
  AdwActionRow *row;
  GtkWidget *from;
  GtkWidget *to;
  GtkWidget *reason;
  GtkWidget *remove;
} Period;

static gboolean
is_choice (FieldKind kind)
{
  return kind == KIND_PROJECT || kind == KIND_CASE || kind == KIND_STAGE || kind == KIND_DEPARTMENT;
}

static void
fill_choices (TjApprovalForm *self,
              guint           i)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  gint64 none = 0;

  gtk_string_list_append (labels, fields[i].kind == KIND_CASE ? _("(None)") : _("Choose…"));
  g_array_append_val (values, none);
  if (fields[i].kind == KIND_PROJECT)
    {
      g_autoptr (GPtrArray) projects = tj_project_list (self->db, self->original->project_year,
                                                        &error);

      if (projects == NULL)
        tj_form_choices_unread (GTK_WIDGET (self), self->inputs[i], &self->read_failed, error);
      for (guint k = 0; projects != NULL && k < projects->len; k++)
        {
          TjProject *p = g_ptr_array_index (projects, k);
          gtk_string_list_append (labels, p->name);
          g_array_append_val (values, p->id);
        }
    }
  else if (fields[i].kind == KIND_CASE)
    {
      g_autoptr (GPtrArray) cases = tj_agency_case_list (self->db, self->original->project_year,
                                                         &error);

      if (cases == NULL)
        tj_form_choices_unread (GTK_WIDGET (self), self->inputs[i], &self->read_failed, error);
      for (guint k = 0; cases != NULL && k < cases->len; k++)
        {
          TjAgencyCase *c = g_ptr_array_index (cases, k);
          g_autofree char *label = g_strdup_printf ("%s（%s）", c->project_name,
                                                    c->entrusted != NULL ? c->entrusted : "");
          gtk_string_list_append (labels, label);
          g_array_append_val (values, c->id);
        }
    }
  else if (fields[i].kind == KIND_STAGE)
    for (gint64 stage = 1; stage < TJ_STAGE_N; stage++)
      {
        gtk_string_list_append (labels, tj_approval_stage_label (stage));
        g_array_append_val (values, stage);
      }
  else
    {
      g_autoptr (GPtrArray) units = tj_unit_list (self->db, &error);

      if (units == NULL)
        tj_form_choices_unread (GTK_WIDGET (self), self->inputs[i], &self->read_failed, error);
      for (guint k = 0; units != NULL && k < units->len; k++)
        {
          TjUnit *unit = g_ptr_array_index (units, k);

          if (tj_unit_is_locality (unit) || !unit->active)
            continue;
          gtk_string_list_append (labels, unit->name);
          g_array_append_val (values, unit->id);
        }
    }
  tj_drop_down_set_choices (GTK_DROP_DOWN (self->inputs[i]), labels, values);
}

/* Reads the form; text that is not a date or a number of days is a problem of its field. */
static TjApprovalItem *
collect (TjApprovalForm *self,
         GPtrArray      *problems)
{
  TjApprovalItem *item = tj_approval_item_copy (self->original);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;

      if (is_choice (fields[i].kind))
        {
          gint64 value = tj_drop_down_get_value (GTK_DROP_DOWN (self->inputs[i]));

          if (fields[i].kind == KIND_PROJECT)
            item->project_id = value;
          else if (fields[i].kind == KIND_CASE)
            item->case_id = value;
          else if (fields[i].kind == KIND_STAGE)
            item->stage = value;
          else
            item->unit_id = value;
        }
      else if (fields[i].kind == KIND_GREEN)
        item->green = gtk_switch_get_active (GTK_SWITCH (self->inputs[i]));
      else if (fields[i].kind == KIND_DAYS)
        {
          g_autofree char *text = tj_form_entry_get_text (self->inputs[i]);
          char *end = NULL;
          gint64 days = text != NULL ? g_ascii_strtoll (text, &end, 10) : 0;

          if (text == NULL || *end != '\0' || days < 0 || days > 3650)
            tj_problems_add (problems, field, _("“%s” is not a whole number of working days."),
                             text != NULL ? text : "");
          if (g_str_equal (field, "statutory_days"))
            item->statutory_days = (int) days;
          else
            item->committed_days = (int) days;
        }
      else if (fields[i].kind == KIND_DATE)
        tj_form_read_date (self->inputs[i], field, G_STRUCT_MEMBER_P (item, fields[i].text),
                           problems);
      else
        {
          char **slot = G_STRUCT_MEMBER_P (item, fields[i].text);

          g_free (*slot);
          *slot = tj_form_entry_get_text (self->inputs[i]);
        }
    }

  /* The periods as typed: core checks their dates and reasons. */
  g_clear_pointer (&item->suspensions, g_ptr_array_unref);
  item->suspensions = tj_approval_suspensions_new ();
  for (guint k = 0; k < self->periods->len; k++)
    {
      Period *period = g_ptr_array_index (self->periods, k);

      tj_approval_item_add_suspension (item, gtk_editable_get_text (GTK_EDITABLE (period->from)),
                                       gtk_editable_get_text (GTK_EDITABLE (period->to)),
                                       gtk_editable_get_text (GTK_EDITABLE (period->reason)));
    }
  return item;
}

/* The row above the periods: their problems, one a line; with no period, that none is recorded
 * (or the old flag without dates); hidden otherwise. */
static void
show_period_problems (TjApprovalForm *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *row = GTK_WIDGET (self->suspension_row);

  for (guint k = 0; self->show_all && k < self->problems->len; k++)
    {
      TjProblem *problem = g_ptr_array_index (self->problems, k);

      if (!g_str_equal (problem->field, "suspensions"))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  tj_form_row_set_problem (self->suspension_row, text->len > 0 ? text->str : NULL);
  if (text->len > 0)
    {
      gtk_widget_remove_css_class (row, "dim-label");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     C_("item form", "Suspension periods"));
    }
  else
    {
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->original->suspended
                                       ? _("Suspended (no dates recorded)")
                                       : _("No suspension recorded."));
    }
  gtk_widget_set_visible (row, text->len > 0 || self->periods->len == 0);
}

static void
validate (TjApprovalForm *self)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (TjApprovalItem) item = collect (self, problems);
  g_autoptr (GPtrArray) rules = tj_approval_item_validate (item, self->db);

  tj_form_add_rule_problems (problems, rules);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&problems);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = self->show_all ? tj_problems_find (self->problems, fields[i].field)
                                            : NULL;

      tj_form_row_set_problem (self->rows[i], message);
    }
  show_period_problems (self);
}

static void
changed_cb (TjApprovalForm *self)
{
  if (!self->loading)
    validate (self);
}

/* The green channel proposes half the statutory limit, rounded down. */
static void
green_changed_cb (TjApprovalForm *self)
{
  GtkWidget *form = GTK_WIDGET (self);
  GtkWidget *statutory = tj_form_find_input (form, "statutory_days");
  g_autofree char *text = NULL;

  if (self->loading || !gtk_switch_get_active (GTK_SWITCH (tj_form_find_input (form, "green"))))
    return;
  text = g_strdup_printf ("%d", tj_approval_green_committed (
                                  atoi (gtk_editable_get_text (GTK_EDITABLE (statutory)))));
  gtk_editable_set_text (GTK_EDITABLE (tj_form_find_input (form, "committed_days")), text);
}

gboolean
tj_approval_form_save (TjApprovalForm *self)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (TjApprovalItem) item = NULL;
  g_autoptr (GError) error = NULL;

  if (self->read_failed)
    return FALSE;
  self->show_all = TRUE;
  validate (self);
  if (self->problems->len > 0)
    return FALSE;
  item = collect (self, problems);
  if (!tj_approval_item_save (self->db, item, &error))
    {
      tj_alert (GTK_WINDOW (self), _("Cannot save"), error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static Period *add_period (TjApprovalForm             *self,
                           const TjApprovalSuspension *suspension);

static void
build (TjApprovalForm *self)
{
  TjApprovalItem *item = self->original;

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *field = fields[i].field;
      GtkWidget *input;

      if (is_choice (fields[i].kind))
        {
          input = gtk_drop_down_new (NULL, NULL);
          self->inputs[i] = input;
          fill_choices (self, i);
          tj_drop_down_enable_search (GTK_DROP_DOWN (input));
          tj_drop_down_set_value (GTK_DROP_DOWN (input),
                                  fields[i].kind == KIND_PROJECT ? item->project_id
                                  : fields[i].kind == KIND_CASE  ? item->case_id
                                  : fields[i].kind == KIND_STAGE ? (gint64) item->stage
                                                                 : item->unit_id);
          g_signal_connect_swapped (input, "notify::selected", G_CALLBACK (changed_cb), self);
          gtk_widget_set_size_request (input, 300, -1);
        }
      else if (fields[i].kind == KIND_GREEN)
        {
          input = gtk_switch_new ();
          self->inputs[i] = input;
          gtk_switch_set_active (GTK_SWITCH (input), item->green);
          g_signal_connect_swapped (input, "notify::active", G_CALLBACK (green_changed_cb), self);
          g_signal_connect_swapped (input, "notify::active", G_CALLBACK (changed_cb), self);
        }
      else
        {
          g_autofree char *text = NULL;

          if (fields[i].kind == KIND_DAYS)
            text = g_strdup_printf ("%d", g_str_equal (field, "statutory_days")
                                            ? item->statutory_days
                                            : item->committed_days);
          else
            text = g_strdup (G_STRUCT_MEMBER (char *, item, fields[i].text));
          input = tj_form_entry_new (text, fields[i].placeholder != NULL
                                             ? _(fields[i].placeholder)
                                             : NULL);
          self->inputs[i] = input;
          g_signal_connect_swapped (input, "changed", G_CALLBACK (changed_cb), self);
        }
      self->rows[i] = tj_form_row_new (field, tj_approval_field_label (field), input);
      adw_preferences_group_add (self->group, GTK_WIDGET (self->rows[i]));
    }
  for (guint k = 0; item->suspensions != NULL && k < item->suspensions->len; k++)
    add_period (self, g_ptr_array_index (item->suspensions, k));
  self->loading = FALSE;
  validate (self);
}

static void remove_period_cb (GtkButton      *button,
                              TjApprovalForm *self);

/* The rows are numbered as core numbers the periods in its messages. */
static void
number_periods (TjApprovalForm *self)
{
  for (guint k = 0; k < self->periods->len; k++)
    {
      Period *period = g_ptr_array_index (self->periods, k);
      /* Translators: the title of a suspension period's row: "第 1 段" */
      g_autofree char *title = g_strdup_printf (_("Period %u"), k + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (period->row), title);
    }
}

static GtkWidget *
period_entry (TjApprovalForm *self,
              const char     *text,
              const char     *placeholder,
              const char     *label,
              int             chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), self);
  return entry;
}

/* A period's row: from 至 to, the reason, and a button that removes it (nothing is asked: it is
 * not saved until the item is, and can be added again). */
static Period *
add_period (TjApprovalForm             *self,
            const TjApprovalSuspension *suspension)
{
  Period *period = g_new0 (Period, 1);
  GtkWidget *to_label = gtk_label_new (C_("period", "to"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  period->remove = remove;
  period->row = ADW_ACTION_ROW (adw_action_row_new ());
  period->from = period_entry (self, suspension != NULL ? suspension->from : NULL, "2026-03-02",
                               _("Suspended from"), 10);
  period->to = period_entry (self, suspension != NULL ? suspension->to : NULL, "2026-03-04",
                             _("Suspended until"), 10);
  period->reason = period_entry (self, suspension != NULL ? suspension->reason : NULL,
                                 _("e.g. 补正材料"), _("Reason for the suspension"), 10);
  gtk_widget_add_css_class (to_label, "dim-label");
  gtk_widget_set_tooltip_text (remove, _("Remove this period"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "period", period);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_period_cb), self);
  adw_action_row_add_suffix (period->row, period->from);
  adw_action_row_add_suffix (period->row, to_label);
  adw_action_row_add_suffix (period->row, period->to);
  adw_action_row_add_suffix (period->row, period->reason);
  adw_action_row_add_suffix (period->row, remove);
  adw_preferences_group_add (self->suspensions, GTK_WIDGET (period->row));
  g_ptr_array_add (self->periods, period);
  number_periods (self);
  return period;
}

static void
remove_period_cb (GtkButton      *button,
                  TjApprovalForm *self)
{
  Period *period = g_object_get_data (G_OBJECT (button), "period");

  adw_preferences_group_remove (self->suspensions, GTK_WIDGET (period->row));
  g_ptr_array_remove (self->periods, period);
  number_periods (self);
  changed_cb (self);
}

static void
add_period_cb (TjApprovalForm *self)
{
  Period *period = add_period (self, NULL);

  gtk_widget_grab_focus (period->from);
  changed_cb (self);
}

static void reminders_retry_cb (TjApprovalForm *self);

/* 催办 logged about the item, the earliest first, as core reads them; a failed read is said in
 * their place, never shown as no reminder. */
static void
load_reminders (TjApprovalForm *self)
{
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->reminder_rows->len; i++)
    adw_preferences_group_remove (self->reminders, g_ptr_array_index (self->reminder_rows, i));
  g_ptr_array_set_size (self->reminder_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reminders), self->original->id != 0);
  if (self->original->id == 0)
    return;

  reminders = tj_approval_reminder_list (self->db, self->original->id, &error);
  if (reminders == NULL)
    {
      GtkWidget *state = tj_read_error_new ();

      tj_read_error_set_error (TJ_READ_ERROR (state), error);
      g_signal_connect_swapped (state, "retry", G_CALLBACK (reminders_retry_cb), self);
      g_ptr_array_add (self->reminder_rows, state);
    }
  else if (reminders->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No reminder logged yet."));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->reminder_rows, row);
    }
  for (guint i = 0; reminders != NULL && i < reminders->len; i++)
    {
      TjApprovalReminder *reminder = g_ptr_array_index (reminders, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a reminder's date and who sent it: "2026-09-20　张三" */
      g_autofree char *title = g_strdup_printf (_("%s, by %s"), reminder->date, reminder->by_whom);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (reminder->note != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reminder->note);
      g_ptr_array_add (self->reminder_rows, row);
    }
  for (guint i = 0; i < self->reminder_rows->len; i++)
    adw_preferences_group_add (self->reminders, g_ptr_array_index (self->reminder_rows, i));
}

static void
reminders_retry_cb (TjApprovalForm *self)
{
  load_reminders (self);
}

static void
tj_approval_form_dispose (GObject *object)
{
  TjApprovalForm *self = TJ_APPROVAL_FORM (object);

  g_clear_object (&self->db);
  g_clear_object (&self->original);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->reminder_rows, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  G_OBJECT_CLASS (tj_approval_form_parent_class)->dispose (object);
}

static void
tj_approval_form_class_init (TjApprovalFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tj_approval_form_dispose;
  tj_form_class_add_save (widget_class, (TjFormSaveFunc) tj_approval_form_save);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tuijin/Tuijin/ui/tj-approval-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TjApprovalForm, title);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalForm, group);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalForm, suspensions);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalForm, suspension_row);
  gtk_widget_class_bind_template_child (widget_class, TjApprovalForm, reminders);
  gtk_widget_class_bind_template_callback (widget_class, add_period_cb);
}

static void
tj_approval_form_init (TjApprovalForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = tj_problems_new ();
  self->periods = g_ptr_array_new_with_free_func (g_free);
  self->reminder_rows = g_ptr_array_new ();
}

GtkWindow *
tj_approval_form_new (TjDb           *db,
                      TjApprovalItem *item,
                      int             year)
{
  TjApprovalForm *self = g_object_new (TJ_TYPE_APPROVAL_FORM, NULL);

  self->db = g_object_ref (db);
  if (item != NULL)
    self->original = tj_approval_item_copy (item);
  else
    {
      self->original = tj_approval_item_new ();
      self->original->project_year = year;
    }
  adw_window_title_set_subtitle (self->title, item != NULL ? item->name : _("New Item"));
  gtk_window_set_title (GTK_WINDOW (self), _("Approval Item"));
  build (self);
  load_reminders (self);
  return GTK_WINDOW (self);
}

gboolean
tj_approval_form_set_text (TjApprovalForm *self,
                           const char     *field,
                           const char     *text)
{
  return tj_form_set_text (GTK_WIDGET (self), field, text);
}

/* A drop-down's item, or the green channel switched on ("yes") or off. */
gboolean
tj_approval_form_choose (TjApprovalForm *self,
                         const char     *field,
                         const char     *label)
{
  return tj_form_choose (GTK_WIDGET (self), field, label);
}

const char *
tj_approval_form_get_message (TjApprovalForm *self,
                              const char     *field)
{
  return tj_form_get_message (GTK_WIDGET (self), field);
}

/* What the reminders section shows, one line per row ("date, by whom: note"), or the read error's
 * reason. */
char *
tj_approval_form_get_reminders_text (TjApprovalForm *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (TJ_IS_APPROVAL_FORM (self), NULL);

  for (guint i = 0; i < self->reminder_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->reminder_rows, i);
      const char *subtitle;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (TJ_IS_READ_ERROR (row))
        {
          g_string_append (text, tj_read_error_get_message (TJ_READ_ERROR (row)));
          continue;
        }
      g_string_append (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      if (subtitle != NULL && *subtitle != '\0')
        g_string_append_printf (text, ": %s", subtitle);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* As a user does: 添加暂停, then the three entries of the new row. */
void
tj_approval_form_add_suspension (TjApprovalForm *self,
                                 const char     *from,
                                 const char     *to,
                                 const char     *reason)
{
  Period *period;

  g_return_if_fail (TJ_IS_APPROVAL_FORM (self));

  add_period_cb (self);
  period = g_ptr_array_index (self->periods, self->periods->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (period->from), from);
  gtk_editable_set_text (GTK_EDITABLE (period->to), to);
  gtk_editable_set_text (GTK_EDITABLE (period->reason), reason);
}

/* The remove button of the index-th period (from 0). */
void
tj_approval_form_remove_suspension (TjApprovalForm *self,
                                    guint           index)
{
  Period *period;

  g_return_if_fail (TJ_IS_APPROVAL_FORM (self));
  g_return_if_fail (index < self->periods->len);

  period = g_ptr_array_index (self->periods, index);
  g_signal_emit_by_name (period->remove, "clicked");
}

guint
tj_approval_form_get_n_suspensions (TjApprovalForm *self)
{
  g_return_val_if_fail (TJ_IS_APPROVAL_FORM (self), 0);
  return self->periods->len;
}

/* The problems shown under 暂停期间, one a line, or NULL. */
const char *
tj_approval_form_get_suspension_message (TjApprovalForm *self)
{
  g_return_val_if_fail (TJ_IS_APPROVAL_FORM (self), NULL);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->suspension_row), "error"))
    return NULL;
  return tj_form_row_get_problem (self->suspension_row);
}

/* The read error shown in place of the reminders, or NULL. */
TjReadError *
tj_approval_form_get_reminders_error (TjApprovalForm *self)
{
  g_return_val_if_fail (TJ_IS_APPROVAL_FORM (self), NULL);

  for (guint i = 0; i < self->reminder_rows->len; i++)
    if (TJ_IS_READ_ERROR (g_ptr_array_index (self->reminder_rows, i)))
      return g_ptr_array_index (self->reminder_rows, i);
  return NULL;
}
