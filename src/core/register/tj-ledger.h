/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"
#include "tj-report.h"

G_BEGIN_DECLS

gboolean tj_ledger_import (TjDb            *db,
                           const char      *path,
                           int              year,
                           gboolean         create_missing,
                           gboolean         dry_run,
                           TjImportResult **result,
                           GError         **error);
TjReport *tj_ledger_report_build (TjDb    *db,
                                  int      year,
                                  GError **error);

G_END_DECLS
