/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tj-report.h"

G_BEGIN_DECLS

GtkWidget *tj_report_view_new (TjReport *report);

G_END_DECLS
