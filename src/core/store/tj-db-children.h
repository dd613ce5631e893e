/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* The writing of a record's child rows (a matter's extensions and reports, an inspection's
 * findings and their rectifications): the rows as given replace the stored ones, kept by id,
 * new ones (id 0) inserted and given their id, those no longer listed deleted. */

gboolean tj_db_delete_unlisted (TjDb       *self,
                                const char *table,
                                const char *parent_column,
                                gint64      parent_id,
                                GPtrArray  *records,
                                gsize       id_offset,
                                GError    **error);
gboolean tj_db_step_record (TjDb         *self,
                            sqlite3_stmt *stmt,
                            gint64       *id,
                            GError      **error);

G_END_DECLS
