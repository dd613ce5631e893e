/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-project.h"

G_BEGIN_DECLS

#define TJ_TYPE_HISTORY_WINDOW (tj_history_window_get_type ())
G_DECLARE_FINAL_TYPE (TjHistoryWindow, tj_history_window, TJ, HISTORY_WINDOW, AdwWindow)

GtkWindow *tj_history_window_new (TjDb      *db,
                                  TjProject *project);

G_END_DECLS
