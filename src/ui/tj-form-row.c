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
