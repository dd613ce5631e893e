/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tj-report.h"

G_BEGIN_DECLS

gboolean tj_csv_report_write (TjReport    *report,
                              const char  *path,
                              GError     **error);

G_END_DECLS
