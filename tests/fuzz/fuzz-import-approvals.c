/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Approval items (tj_approval_import of 2026) on any file, dry run, over the demo data, whose
 * projects, departments and agents the seeds name. */
#include "fuzz-common.h"

#include "tj-approval.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TjDb *db = fuzz_db_get ();
  const char *path = fuzz_write_input (data, size);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = tj_approval_import (db, path, 2026, TRUE, &result, &error);

  fuzz_check_import (ok, result, error);
  return 0;
}
