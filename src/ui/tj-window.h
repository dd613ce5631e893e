/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-application.h"

G_BEGIN_DECLS

#define TJ_TYPE_WINDOW (tj_window_get_type ())
G_DECLARE_FINAL_TYPE (TjWindow, tj_window, TJ, WINDOW, AdwApplicationWindow)

TjWindow *tj_window_new (TjApplication *app);

G_END_DECLS
