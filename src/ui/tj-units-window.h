/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_UNITS_WINDOW (tj_units_window_get_type ())
G_DECLARE_FINAL_TYPE (TjUnitsWindow, tj_units_window, TJ, UNITS_WINDOW, AdwWindow)

GtkWindow *tj_units_window_new (TjDb *db);

G_END_DECLS
