/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* What deleting a project takes with it. */
typedef struct
{
  guint monthly_reports;
  guint agency_cases;
  guint approval_batches;
  guint approval_items;
  guint approval_reminders;
  guint inspections;
  guint carried_into; /* projects of later years carried over from it: they lose the link */
} TjProjectHoldings;

gboolean tj_project_holdings (TjDb              *db,
                              gint64             project_id,
                              TjProjectHoldings *holdings,
                              GError           **error);
char *tj_project_holdings_describe (const TjProjectHoldings *holdings);

/* A delete that can be undone: every row the delete removed or changed (cascades and links
 * included), recorded by SQLite's session extension while it ran. */
typedef struct _TjDeletion TjDeletion;

/* Runs sql, a DELETE of the row id, recording the tables (NULL-terminated) it reaches; gone is
 * the error when it deleted nothing, taken the error when the undo finds a row in the way (both
 * translated, kept as given). */
TjDeletion *tj_delete_undoable (TjDb              *db,
                                const char *const *tables,
                                const char        *sql,
                                gint64             id,
                                const char        *gone,
                                const char        *taken,
                                GError           **error);
TjDeletion *tj_project_delete_undoable (TjDb    *db,
                                        gint64   project_id,
                                        GError **error);
gboolean tj_deletion_undo (TjDb       *db,
                           TjDeletion *deletion,
                           GError    **error);
void tj_deletion_free (TjDeletion *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjDeletion, tj_deletion_free)

G_END_DECLS
