/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

GtkWindow *tj_preferences_window_new (TjDb *db);

G_END_DECLS
