/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of the store's connection share and nobody else needs: the connection's
 * struct and the steps of opening a file (tj-db.c the object, its changed signal, statements,
 * transactions and settings; tj-db-open.c opening; tj-db-migrate.c the migrations;
 * tj-db-audit.c the audit log's triggers and hash chain; tj-db-backup.c health, backup and
 * restore). */

#include <sqlite3.h>

#include "tj-db.h"

G_BEGIN_DECLS

struct _TjDb
{
  GObject parent_instance;
  sqlite3 *handle;
  char *path;
  gboolean read_only;
  TjDbWaitFunc wait_func;
  gpointer wait_data;
  GHashTable *statements; /* SQL text → sqlite3_stmt, see tj_db_prepare_cached */
  GHashTable *statements_by_address; /* the address of an SQL text → its CachedText */
  GPtrArray *written;     /* interned names of the tables the open transaction wrote */
  GHashTable *importing;  /* while an import runs: interned table name → GArray of the ids it
                           * inserted (tj_importing), else NULL */
  gint64 import_audit_mark; /* the last audit entry when the import began */
};

/* tj-db.c */
void tj_db_track_changes (TjDb *self);

/* tj-db-audit.c */
void tj_db_add_audit_functions (TjDb *self);
gboolean tj_db_create_audit_triggers (TjDb    *self,
                                      GError **error);
gboolean tj_db_ensure_audit_triggers (TjDb    *self,
                                      GError **error);
gboolean tj_db_log_unlogged_rows (TjDb    *self,
                                  GError **error);
gboolean tj_db_chain_existing_audit (TjDb    *self,
                                     GError **error);

/* tj-db-backup.c */
void tj_db_start_health_check (TjDb       *self,
                               const char *uri);

/* tj-db-migrate.c */
gboolean tj_db_migrate (TjDb    *self,
                        int      from,
                        GError **error);

G_END_DECLS
