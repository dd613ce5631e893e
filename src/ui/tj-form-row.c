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
