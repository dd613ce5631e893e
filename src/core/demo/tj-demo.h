/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

gboolean tj_demo_fill (TjDb    *db,
                       int      current_year,
                       GError **error);

G_END_DECLS
