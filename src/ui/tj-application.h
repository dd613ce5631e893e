/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_APPLICATION (tj_application_get_type ())
G_DECLARE_FINAL_TYPE (TjApplication, tj_application, TJ, APPLICATION, AdwApplication)

TjApplication *tj_application_new (const char *db_path);
TjDb *tj_application_get_db (TjApplication *self);
GSettings *tj_application_get_settings (TjApplication *self);

G_END_DECLS
