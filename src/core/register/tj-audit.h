/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* One row of the audit log, with its changed fields described in words. */
typedef struct
{
  char *at;
  char *os_user;
  char *action; /* insert, update, delete, import (the import that inserted the record) */
  gboolean undo; /* an insert that undid the delete before it */
  char *title; /* the action as the user did it: 新建, 修改, 删除, 撤销删除, 导入 */
  GPtrArray *changes; /* of char *: "总投资（万元）：1.0000 → 2.0000", "级别：省重点" */
} TjAuditEntry;

void tj_audit_entry_free (TjAuditEntry *entry);
GPtrArray *tj_audit_history (TjDb       *db,
                             const char *table,
                             gint64      record_id,
                             GError    **error);
const char *tj_audit_action_label (const char *action,
                                   gboolean    undo);
gboolean tj_audit_verify_chain (TjDb    *db,
                                gint64  *first_broken,
                                gint64  *rows,
                                GError **error);
gboolean tj_audit_verify_records (TjDb      *db,
                                  GPtrArray *problems,
                                  GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjAuditEntry, tj_audit_entry_free)

G_END_DECLS
