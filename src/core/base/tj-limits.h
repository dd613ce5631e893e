/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* What a record can be: the bounds every amount and every text written is checked against, in
 * core validation, on save and on import alike. */

/* The setting that bounds an amount (a project's total investment and annual plan, a month's
 * completed investment), in 万元 as a person writes it: "100000000" is 1 万亿元. */
#define TJ_LIMITS_MAX_AMOUNT_KEY "max_amount"
/* Without the setting, or with one that is not an amount above 0: 1 万亿元 (10^12 yuan). */
#define TJ_LIMITS_MAX_AMOUNT_DEFAULT G_GINT64_CONSTANT (1000000000000)
/* No setting raises the bound beyond 100 万亿元 (10^14 yuan): a year's sums of a list of
 * thousands of projects then stay far within a gint64. */
#define TJ_LIMITS_MAX_AMOUNT_CEILING G_GINT64_CONSTANT (100000000000000)

gint64 tj_limits_max_amount (TjDb *db);
gboolean tj_limits_set_max_amount (TjDb    *db,
                                   gint64   yuan,
                                   GError **error);
char *tj_limits_format_amount (gint64 yuan);
gboolean tj_limits_check_amount (GPtrArray  *problems,
                                 const char *field,
                                 const char *label,
                                 gint64      yuan,
                                 gint64      max);

/* The longest a text field may be, in characters (g_utf8_strlen). */
guint tj_limits_text_max (const char *field);
gboolean tj_limits_check_text (GPtrArray  *problems,
                               const char *field,
                               const char *label,
                               const char *text);

G_END_DECLS
