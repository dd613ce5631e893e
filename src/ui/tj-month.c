/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-month"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-month.h"

/* The months of a key-list year, as the bulletin names them ("1—10月") or as one month ("10月"). */
void
tj_month_dropdown_fill (GtkDropDown *dropdown,
                        gboolean     cumulative)
{
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *label = NULL;

      if (cumulative && month > 1)
        label = g_strdup_printf (_("Months 1–%d"), month);
      else
        label = g_strdup_printf (_("Month %d"), month);
      gtk_string_list_append (months, label);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (months));
}

/* The month a user most likely reports or reads: the last month that has ended, in the current
 * year; December for a past year; January for a future one. */
int
tj_month_default (int year)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  if (year < this_year)
    return 12;
  if (year > this_year)
    return 1;
  return MAX (1, g_date_time_get_month (now) - 1);
}
