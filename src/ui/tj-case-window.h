/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-approval.h"
#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_CASE_WINDOW (tj_case_window_get_type ())
G_DECLARE_FINAL_TYPE (TjCaseWindow, tj_case_window, TJ, CASE_WINDOW, AdwWindow)

GtkWindow *tj_case_window_new (TjDb         *db,
                               TjAgencyCase *agency_case,
                               int           year,
                               const char   *today);
gboolean tj_case_window_save (TjCaseWindow *self);
TjAgencyCase *tj_case_window_get_case (TjCaseWindow *self);
char *tj_case_window_get_items_text (TjCaseWindow *self);
GtkWindow *tj_case_window_add_item (TjCaseWindow *self);

G_END_DECLS
