/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tj_month_dropdown_fill (GtkDropDown *dropdown,
                             gboolean     cumulative);
int tj_month_default (int year);

G_END_DECLS
