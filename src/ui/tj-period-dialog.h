/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for a period [from, to] and the day it is seen from (as of), for the accountability list:
 * by default the quarter of today, seen from today. Its "export" response is enabled only while
 * the three dates are valid and the period does not end before it starts. */
#define TJ_TYPE_PERIOD_DIALOG (tj_period_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TjPeriodDialog, tj_period_dialog, TJ, PERIOD_DIALOG, AdwMessageDialog)

TjPeriodDialog *tj_period_dialog_new (GtkWindow  *parent,
                                      const char *today); /* YYYY-MM-DD */
/* The dates as entered, rewritten YYYY-MM-DD; NULL while not valid. */
char *tj_period_dialog_get_from (TjPeriodDialog *self);
char *tj_period_dialog_get_to (TjPeriodDialog *self);
char *tj_period_dialog_get_as_of (TjPeriodDialog *self);
/* What the dialog says is wrong, or NULL. */
const char *tj_period_dialog_get_problem (TjPeriodDialog *self);
/* Typing into a field, for tests: "from", "to" or "as-of". */
void tj_period_dialog_set_text (TjPeriodDialog *self,
                                const char     *field,
                                const char     *text);

G_END_DECLS
