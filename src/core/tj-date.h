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

G_END_DECLS
