/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* What an import of a project ledger did, or would do, or why it did nothing. */
typedef struct
{
  guint added;        /* projects inserted */
  guint updated;      /* projects with the same name in the same year, updated */
  guint removed;      /* monthly reports removed: their projects are not in the file */
  GPtrArray *warnings; /* char*, e.g. unknown columns named: 未知的列“备注2”将被忽略 */
  GPtrArray *errors;  /* char*, one per problem: "第 12 行，“总投资（万元）”：“abc”不是有效金额" */
  GPtrArray *missing; /* char*, names of unknown localities/units/people (when not creating them) */
} TjLedgerResult;

TjLedgerResult *tj_ledger_result_new (void);
void tj_ledger_result_free (TjLedgerResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjLedgerResult, tj_ledger_result_free)

gboolean tj_ledger_import (TjDb            *db,
                           const char      *path,
                           int              year,
                           gboolean         create_missing,
                           gboolean         dry_run,
                           TjLedgerResult **result,
                           GError         **error);
TjReport *tj_ledger_report_build (TjDb    *db,
                                  int      year,
                                  GError **error);

G_END_DECLS
