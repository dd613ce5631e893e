/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void tj_alert (GtkWindow  *parent,
               const char *heading,
               const char *body);

G_END_DECLS
