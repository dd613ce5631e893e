/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is stored as whole yuan (gint64). 1 万元 = 10 000 yuan, 1 亿元 = 100 000 000 yuan. */
#define TJ_YUAN_PER_WAN 10000
#define TJ_YUAN_PER_YI 100000000

gboolean tj_money_parse_wan (const char *text,
                             gint64     *yuan,
                             GError    **error);
char *tj_money_format_wan (gint64 yuan,
                           guint  decimals,
                           gboolean grouping);
char *tj_money_format_wan_short (gint64 yuan);
char *tj_money_format_yi (gint64 yuan,
                          guint  decimals);
gint64 tj_money_round_div (gint64 value,
                           gint64 divisor);
double tj_money_to_wan (gint64 yuan);
gboolean tj_money_add_checked (gint64  a,
                               gint64  b,
                               gint64 *sum);
gint64 tj_money_add_saturating (gint64 a,
                                gint64 b);

G_END_DECLS
