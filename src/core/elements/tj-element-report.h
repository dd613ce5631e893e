/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 要素保障台账 (policy 七) of the projects of a year: the needs not yet met, per project and
 * kind (funds by source, then quotas): needed, secured, the gap (needed − secured, > 0) and the
 * latest date of a request or of a secured amount. Two sheets: funds in 万元 with their total,
 * then quotas each in its unit. Ordered by locality (its sort order), project name, kind. */
TjReportBook *tj_element_ledger_book (TjDb    *db,
                                      int      year,
                                      GError **error);
/* Writes it by the path's extension: .xlsx, .pdf or .csv (the funds sheet). */
gboolean tj_element_ledger_write (TjDb       *db,
                                  int         year,
                                  const char *path,
                                  GError    **error);

G_END_DECLS
