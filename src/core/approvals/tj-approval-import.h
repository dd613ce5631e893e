/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"

G_BEGIN_DECLS

/* Import of approval items (CSV, UTF-8 or GB18030), all or nothing; projects matched by name
 * in the list of `year`, or with year 0 in the list of each row's acceptance year; an item is
 * keyed by project, name and acceptance date. result->added counts the items written. */
gboolean tj_approval_import (TjDb            *db,
                             const char      *path,
                             int              year,
                             gboolean         dry_run,
                             TjImportResult **result,
                             GError         **error);

G_END_DECLS
