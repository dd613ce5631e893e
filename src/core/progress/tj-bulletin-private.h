/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-bulletin.h"

G_BEGIN_DECLS

/* What the three parts of the bulletin share: the figures (tj-bulletin.c), the overview's prose
 * (tj-bulletin-overview.c) and the workbook (tj-bulletin-book.c). Not for outside this folder. */

/* Exact arithmetic on whole yuan (tj-bulletin.c). */
gint64 tj_bulletin_scaled_round (gint64 num,
                                 gint64 den,
                                 guint  digits);
gint64 tj_bulletin_gap_numerator (gint64 cumulative,
                                  gint64 plan,
                                  int    month);

/* Figures as the bulletin's words show them (tj-bulletin-overview.c). */
char *tj_bulletin_tenths_text (gint64 tenths);
char *tj_bulletin_rate_text (gint64 part,
                             gint64 whole);
char *tj_bulletin_gap_phrase (gint64 cumulative,
                              gint64 plan,
                              int    month);

G_END_DECLS
