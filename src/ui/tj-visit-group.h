/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

/* The project form's 调研走访 group: the project's visits, latest first, and a visit recorded
 * (visitor, date, problems found and solved) with 添加走访记录. */
GtkWidget *tj_visit_group_new (TjDb   *db,
                               gint64  project_id);
gboolean tj_visit_group_add (GtkWidget *group);

G_END_DECLS
