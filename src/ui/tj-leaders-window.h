/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_LEADERS_WINDOW (tj_leaders_window_get_type ())
G_DECLARE_FINAL_TYPE (TjLeadersWindow, tj_leaders_window, TJ, LEADERS_WINDOW, AdwWindow)

GtkWindow *tj_leaders_window_new (TjDb *db,
                                  int   year);
gboolean tj_leaders_window_add_delegation (TjLeadersWindow *self,
                                           gint64           leader_id,
                                           gint64           acting_id,
                                           const char      *from,
                                           const char      *to,
                                           const char      *reason);
gboolean tj_leaders_window_save_centre (TjLeadersWindow *self);
gboolean tj_leaders_window_print_card (TjLeadersWindow        *self,
                                       gint64                  project_id,
                                       GtkPrintOperationAction action,
                                       const char             *export_filename);

G_END_DECLS
