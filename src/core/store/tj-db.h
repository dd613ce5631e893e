/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TJ_TYPE_DB (tj_db_get_type ())
G_DECLARE_FINAL_TYPE (TjDb, tj_db, TJ, DB, GObject)

#define TJ_DB_SCHEMA_VERSION 17

/* How long a write waits for another connection's write (an import of a large ledger). */
#define TJ_DB_BUSY_TIMEOUT_MS 120000

typedef enum
{
  TJ_DB_OPEN_READ_ONLY = 1 << 0, /* for commands that only read: nothing is created or migrated */
  TJ_DB_OPEN_HEALTHY = 1 << 1,   /* refuse a file that fails quick_check (exports, file jobs) */
  /* With READ_ONLY, for an export: the quick_check runs on a connection of its own in a thread
   * while the export reads, and no output file is committed (tj_output_file_commit, in any
   * thread) until it passed; one that failed is refused with HEALTHY's message. Without
   * READ_ONLY it is HEALTHY. */
  TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT = 1 << 2,
} TjDbOpenFlags;

/* Called once when a connection starts waiting for another program's write, so that a command
 * can say why it pauses. */
typedef void (*TjDbWaitFunc) (TjDb    *db,
                              gpointer user_data);
void tj_db_set_wait_notify (TjDb        *self,
                            TjDbWaitFunc func,
                            gpointer     user_data);

TjDb *tj_db_open (const char *path,
                  GError    **error);
TjDb *tj_db_open_full (const char   *path,
                       TjDbOpenFlags flags,
                       GError      **error);
char *tj_db_audit_hash (const char *previous,
                        gint64      id,
                        const char *at,
                        const char *os_user,
                        const char *table,
                        gint64      record_id,
                        const char *action,
                        const char *changes);
gboolean tj_db_is_read_only (TjDb *self);
const char *const *tj_db_audited_tables (guint *n_tables);
const char *tj_db_table_label (const char *table);
GStrv tj_db_audited_columns (TjDb       *self,
                             const char *table,
                             GError    **error);
const char *tj_db_get_path (TjDb *self);
sqlite3 *tj_db_get_handle (TjDb *self);
char *tj_db_default_path (void);

gboolean tj_db_begin (TjDb    *self,
                      GError **error);
gboolean tj_db_commit (TjDb    *self,
                       GError **error);
void tj_db_rollback (TjDb *self);
gboolean tj_db_exec (TjDb       *self,
                     const char *sql,
                     GError    **error);
sqlite3_stmt *tj_db_prepare (TjDb       *self,
                             const char *sql,
                             GError    **error);
/* A statement kept prepared for the connection's life: borrowed, reset when released. */
typedef sqlite3_stmt TjCachedStmt;
TjCachedStmt *tj_db_prepare_cached (TjDb       *self,
                                    const char *sql,
                                    GError    **error);
void tj_db_release (TjCachedStmt *stmt);
gboolean tj_db_step_done (TjDb         *self,
                          sqlite3_stmt *stmt,
                          GError      **error);
gboolean tj_db_exec_for_id (TjDb       *self,
                            const char *sql,
                            gint64      id,
                            GError    **error);
/* A record's write function: validates, then inserts or updates inside the caller's
 * transaction (tj_unit_write, tj_agency_case_write, …). */
typedef gboolean (*TjDbWriteFunc) (TjDb     *db,
                                   gpointer  record,
                                   GError  **error);
gboolean tj_db_save_record (TjDb          *self,
                            TjDbWriteFunc  write,
                            gpointer       record,
                            GError       **error);
gboolean tj_db_delete_row (TjDb       *self,
                           const char *sql,
                           gint64      id,
                           GError    **error);
gboolean tj_db_rows_done (TjDb    *self,
                          int      rc,
                          GError **error);
void tj_db_set_error (TjDb    *self,
                      GError **error);
void tj_db_bind_text_or_null (sqlite3_stmt *stmt,
                              int           index,
                              const char   *text);
void tj_db_bind_id_or_null (sqlite3_stmt *stmt,
                            int           index,
                            gint64        id);
char *tj_db_column_dup (sqlite3_stmt *stmt,
                        int           column);

char *tj_db_get_setting (TjDb       *self,
                         const char *key);
gboolean tj_db_read_setting (TjDb       *self,
                             const char *key,
                             char      **value,
                             GError    **error);
gboolean tj_db_set_setting (TjDb       *self,
                            const char *key,
                            const char *value,
                            GError    **error);

gboolean tj_db_backup (TjDb       *self,
                       const char *target,
                       GError    **error);
gboolean tj_db_restore (const char *path,
                        const char *source,
                        char      **kept,
                        GError    **error);
gboolean tj_db_check_healthy (TjDb    *self,
                              GError **error);
gboolean tj_db_await_health_checks (GError **error);
gboolean tj_db_begin_bulk (TjDb    *self,
                           GError **error);
gboolean tj_db_is_empty (TjDb *self);
/* An import recorded as one audit entry (tj-db-audit.c): begun inside its transaction, the
 * file recorded before the commit, ended on every path. */
void tj_db_import_begin (TjDb *self);
gboolean tj_db_import_record (TjDb       *self,
                              const char *path,
                              const char *kind,
                              GError    **error);
void tj_db_import_keep (TjDb       *self,
                        const char *path);
void tj_db_import_end (TjDb *self);
gboolean tj_db_verify_imports (TjDb      *self,
                               GPtrArray *problems,
                               GError   **error);
/* The store emits "changed::TABLE" after every commit; this relays another connection's. */
void tj_db_relay_changed (TjDb       *self,
                          const char *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjCachedStmt, tj_db_release)

G_END_DECLS
