/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tj_date_parse (const char *text,
                     GError    **error);
char *tj_month_parse (const char *text,
                      GError    **error);
int tj_month_index (const char *iso_month);
char *tj_date_today (void);
const char *tj_quarter_name (int quarter);

/* The years Tuijin keeps (the projects table's CHECK says the same). */
#define TJ_YEAR_FIRST 1990
#define TJ_YEAR_LAST 2200
gboolean tj_year_check (int      year,
                        GError **error);
gboolean tj_year_month_check (int      year,
                              int      month,
                              GError **error);

G_END_DECLS
