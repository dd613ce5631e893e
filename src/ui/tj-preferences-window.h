/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_PREFERENCES_WINDOW (tj_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TjPreferencesWindow, tj_preferences_window, TJ, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *tj_preferences_window_new (TjDb *db);
/* For the tests: the 排名 settings set as a user types them and saved; returns the message shown
 * (core's when refused). */
const char *tj_preferences_window_save_ranking (GtkWindow *window,
                                                const int *values);

G_END_DECLS
