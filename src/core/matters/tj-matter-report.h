/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-matter.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 督办台账: the matters of the meetings held in year, each with its status as of as_of
 * (YYYY-MM-DD); the totals by status in the notes. */
TjReportBook *tj_matter_ledger_book (TjDb       *db,
                                     int         year,
                                     const char *as_of,
                                     GError    **error);
gboolean tj_matter_write_ledger (TjDb       *db,
                                 int         year,
                                 const char *as_of,
                                 const char *path,
                                 GError    **error);

G_END_DECLS
