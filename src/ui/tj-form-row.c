/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-form-row"
#include "config.h"

#include "tj-form-row.h"

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
