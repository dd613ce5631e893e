/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tj-report.h"

G_BEGIN_DECLS

/* A row of a streamed report with copies of its texts, in one block (g_free). */
typedef struct
{
  TjReportRowKind kind;
  TjReportCell cells[];
} TjSpooledRow;

/* The rows of one whole read of a streamed report, kept as they are read, so that a writer
 * reading them again (the workbook: widths, then cells; the pages: widths, heights, pages)
 * replays them instead of asking the source (SQLite's joins and sums) again. Kept in memory up
 * to a bound (16 MiB), past it in a temporary file: memory stays flat in the rows. The spool is
 * let go past a budget or when its file cannot be written. */
typedef struct _TjRowSpool TjRowSpool;

TjSpooledRow *tj_spooled_row_new (TjReportIter *iter,
                                  guint         n_columns);

void tj_row_spool_set_memory_bound (gsize bound);
TjRowSpool *tj_row_spool_new (guint n_columns);
void tj_row_spool_free (TjRowSpool *self);
gboolean tj_row_spool_add (TjRowSpool   *self,
                           TjReportIter *iter);
gboolean tj_row_spool_finish (TjRowSpool *self);
guint tj_row_spool_get_n_rows (TjRowSpool *self);
gboolean tj_row_spool_rewind (TjRowSpool *self);
TjSpooledRow *tj_row_spool_read (TjRowSpool *self);
gboolean tj_row_spool_iter_next (TjRowSpool  **spool,
                                 TjReportIter *iter,
                                 TjSpooledRow **row,
                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjRowSpool, tj_row_spool_free)

G_END_DECLS
