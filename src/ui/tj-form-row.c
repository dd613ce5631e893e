/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-form-row"
#include "config.h"

#include "tj-date.h"
#include "tj-form-row.h"
#include "tj-problem.h"
#include "tj-read-error.h"

void
tj_form_row_set_problem (AdwActionRow *row,
                         const char   *message)
{
  adw_action_row_set_subtitle (row, message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

const char *
tj_form_row_get_problem (AdwActionRow *row)
{
  const char *message = adw_action_row_get_subtitle (row);

  return message != NULL && *message != '\0' ? message : NULL;
}

static GQuark
save_quark (void)
{
  return g_quark_from_static_string ("tj-form-save");
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TjFormSaveFunc save = g_type_get_qdata (G_TYPE_FROM_INSTANCE (widget), save_quark ());

  save (widget);
}

/* Gives a form class its action form.save, which calls save, with Ctrl+S; Escape closes. */
void
tj_form_class_add_save (GtkWidgetClass *widget_class,
                        TjFormSaveFunc  save)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), save_quark (), save);
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The row of a form's field: the title, and the input as its suffix, which activating the row
 * focuses. One Tab per field: the focus goes to the input, not to the row around it first. The
 * row is named after its field (tj_form_find_row). */
AdwActionRow *
tj_form_row_new (const char *field,
                 const char *title,
                 GtkWidget  *input)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  gtk_widget_set_name (GTK_WIDGET (row), field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_focusable (GTK_WIDGET (row), FALSE);
  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                  NULL, -1);
  adw_action_row_add_suffix (row, input);
  adw_action_row_set_activatable_widget (row, input);
  return row;
}

/* The row tj_form_row_new made for field, anywhere under form; NULL when there is none. */
AdwActionRow *
tj_form_find_row (GtkWidget  *form,
                  const char *field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (form); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row;

      if (ADW_IS_ACTION_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), field) == 0)
        return ADW_ACTION_ROW (child);
      row = tj_form_find_row (child, field);
      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The input of field's row under form, or NULL. */
GtkWidget *
tj_form_find_input (GtkWidget  *form,
                    const char *field)
{
  AdwActionRow *row = tj_form_find_row (form, field);

  return row != NULL ? adw_action_row_get_activatable_widget (row) : NULL;
}

/* An entry of a form's field, with its text (or none) and placeholder (or none); Enter saves. */
GtkWidget *
tj_form_entry_new (const char *text,
                   const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_size_request (entry, 300, -1);
  return entry;
}

/* The entry's text without the spaces around it, or NULL when nothing else is written. */
char *
tj_form_entry_get_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Reads a date entry into *slot (freeing what was there): NULL when empty, else the date as
 * core parses it; what is not a date is a problem of field. */
void
tj_form_read_date (GtkWidget  *entry,
                   const char *field,
                   char      **slot,
                   GPtrArray  *problems)
{
  g_autofree char *text = tj_form_entry_get_text (entry);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (slot, g_free);
  if (text == NULL)
    return;
  *slot = tj_date_parse (text, &error);
  if (*slot == NULL)
    tj_problems_add (problems, field, "%s", error->message);
}

/* Adds core's problems (rules) to what the form found reading its fields (problems): a field the
 * form could not read keeps that message rather than a consequence of it. */
void
tj_form_add_rule_problems (GPtrArray *problems,
                           GPtrArray *rules)
{
  guint read = problems->len;

  for (guint k = 0; k < rules->len; k++)
    {
      TjProblem *rule = g_ptr_array_index (rules, k);
      gboolean unread = FALSE;

      for (guint j = 0; j < read && !unread; j++)
        unread = g_str_equal (((TjProblem *) g_ptr_array_index (problems, j))->field, rule->field);
      if (!unread)
        tj_problems_add (problems, rule->field, "%s", rule->message);
    }
}

/* A drop-down without its choices would save "none" over the record's value: its input is
 * disabled and the form (read_failed its flag) says why, once, and does not save. */
void
tj_form_choices_unread (GtkWidget    *form,
                        GtkWidget    *input,
                        gboolean     *read_failed,
                        const GError *error)
{
  gtk_widget_set_sensitive (input, FALSE);
  if (*read_failed)
    return;
  *read_failed = TRUE;
  gtk_widget_action_set_enabled (form, "form.save", FALSE);
  tj_read_error_alert (GTK_WINDOW (form), error);
}

/* As a user types text into field's entry; FALSE when the field has none. */
gboolean
tj_form_set_text (GtkWidget  *form,
                  const char *field,
                  const char *text)
{
  GtkWidget *input = tj_form_find_input (form, field);

  g_return_val_if_fail (GTK_IS_EDITABLE (input), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
  return TRUE;
}

/* As a user picks the first item starting with label in field's drop-down, or switches field's
 * switch on ("yes") or off. */
gboolean
tj_form_choose (GtkWidget  *form,
                const char *field,
                const char *label)
{
  GtkWidget *input = tj_form_find_input (form, field);

  if (GTK_IS_SWITCH (input))
    {
      gtk_switch_set_active (GTK_SWITCH (input), g_strcmp0 (label, "yes") == 0);
      return TRUE;
    }
  g_return_val_if_fail (GTK_IS_DROP_DOWN (input), FALSE);
  return tj_drop_down_choose (GTK_DROP_DOWN (input), label);
}

/* The problem shown under field's row, or NULL. */
const char *
tj_form_get_message (GtkWidget  *form,
                     const char *field)
{
  AdwActionRow *row = tj_form_find_row (form, field);

  g_return_val_if_fail (row != NULL, NULL);
  return tj_form_row_get_problem (row);
}

/* Gives the drop-down its labels and the value each stands for (values: gint64, as many as
 * labels, taken). */
void
tj_drop_down_set_choices (GtkDropDown   *dropdown,
                          GtkStringList *labels,
                          GArray        *values)
{
  g_return_if_fail (values->len == g_list_model_get_n_items (G_LIST_MODEL (labels)));

  g_object_set_data_full (G_OBJECT (dropdown), "tj-choice-values", values,
                          (GDestroyNotify) g_array_unref);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

/* The value of the item chosen; 0 when none is. */
gint64
tj_drop_down_get_value (GtkDropDown *dropdown)
{
  GArray *values = g_object_get_data (G_OBJECT (dropdown), "tj-choice-values");
  guint k = gtk_drop_down_get_selected (dropdown);

  return values != NULL && k < values->len ? g_array_index (values, gint64, k) : 0;
}

/* Chooses the item that stands for value, or the first when none does. */
void
tj_drop_down_set_value (GtkDropDown *dropdown,
                        gint64       value)
{
  GArray *values = g_object_get_data (G_OBJECT (dropdown), "tj-choice-values");

  for (guint k = 0; values != NULL && k < values->len; k++)
    if (g_array_index (values, gint64, k) == value)
      {
        gtk_drop_down_set_selected (dropdown, k);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The popup's filtered list: GTK 4.8 keeps it as the model of the only GtkListView under the
 * drop-down (a single selection over a filter list model). */
static GtkFilterListModel *
search_results_under (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkFilterListModel *results;

      if (GTK_IS_LIST_VIEW (child))
        {
          GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (child));
          GListModel *model = GTK_IS_SINGLE_SELECTION (selection)
                                  ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))
                                  : NULL;

          return GTK_IS_FILTER_LIST_MODEL (model) ? GTK_FILTER_LIST_MODEL (model) : NULL;
        }
      results = search_results_under (child);
      if (results != NULL)
        return results;
    }
  return NULL;
}

/* GTK 4.8 matches the search as a prefix; our names start alike (登封市…, …镇), so a user types
 * a part from inside the name. The drop-down makes a new filter with each model. */
static void
match_inside_names (GtkDropDown *dropdown)
{
  GtkFilterListModel *results = search_results_under (GTK_WIDGET (dropdown));
  GtkFilter *filter = results != NULL ? gtk_filter_list_model_get_filter (results) : NULL;

  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter),
                                      GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

static void
model_changed_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  match_inside_names (dropdown);
}

/* Typing in the popup filters the items (a GtkStringList's strings) by what was typed, anywhere
 * in the text and ignoring case. Every searchable drop-down of the application goes through here. */
void
tj_drop_down_enable_search (GtkDropDown *dropdown)
{
  g_autoptr (GtkExpression) expression = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  g_signal_connect (dropdown, "notify::model", G_CALLBACK (model_changed_cb), NULL);
  g_signal_connect (dropdown, "notify::expression", G_CALLBACK (model_changed_cb), NULL);
  match_inside_names (dropdown);
}

/* What the popup lists for the text typed in its search (for tests). */
GListModel *
tj_drop_down_get_search_results (GtkDropDown *dropdown)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  return G_LIST_MODEL (search_results_under (GTK_WIDGET (dropdown)));
}

/* Selects the first item that starts with prefix, as a user picks from the list. */
gboolean
tj_drop_down_choose (GtkDropDown *dropdown,
                     const char  *prefix)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint k = 0; model != NULL && k < g_list_model_get_n_items (model); k++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), k), prefix))
      {
        gtk_drop_down_set_selected (dropdown, k);
        return TRUE;
      }
  return FALSE;
}

/* The chosen item's text, or NULL while the first ("all") item is chosen. */
const char *
tj_drop_down_get_chosen (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint k = gtk_drop_down_get_selected (dropdown);

  return model != NULL && k > 0 && k < g_list_model_get_n_items (model)
             ? gtk_string_list_get_string (GTK_STRING_LIST (model), k)
             : NULL;
}
