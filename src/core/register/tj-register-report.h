/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

TjReport *tj_register_report_build (TjDb      *db,
                                    int        year,
                                    GPtrArray *projects,
                                    GError   **error);
TjReport *tj_register_report_stream (TjDb    *db,
                                     int      year,
                                     GError **error);
TjReportBook *tj_register_book_build (TjDb      *db,
                                      int        year,
                                      GPtrArray *projects,
                                      GError   **error);
gboolean tj_register_write (TjDb       *db,
                            int         year,
                            const char *path,
                            GError    **error);

G_END_DECLS
