/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-project.h"

G_BEGIN_DECLS

GtkWindow *tj_history_window_new (TjDb      *db,
                                  TjProject *project);

G_END_DECLS
