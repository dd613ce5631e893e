/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The forms show a field's problem under its title, in the error colour. */
void tj_form_row_set_problem (AdwActionRow *row,
                              const char   *message);
const char *tj_form_row_get_problem (AdwActionRow *row);

/* Drop-downs over a GtkStringList whose first item means "all" or "none". */
gboolean tj_drop_down_choose (GtkDropDown *dropdown,
                              const char  *prefix);
const char *tj_drop_down_get_chosen (GtkDropDown *dropdown);

/* Search in the popup that filters a GtkStringList's items by the text typed. */
void tj_drop_down_enable_search (GtkDropDown *dropdown);
GListModel *tj_drop_down_get_search_results (GtkDropDown *dropdown);

G_END_DECLS
