/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tj-report-format.h"

G_BEGIN_DECLS

/* A save dialog's filters from the one table of report formats (tj-report-format), and the path
 * of its answer completed with the chosen format's extension. */
void tj_export_chooser_add_filter (GtkFileChooser *chooser,
                                   TjReportFormat  format,
                                   const char     *label);
char *tj_export_chooser_get_path (GtkFileChooser *chooser);

G_END_DECLS
