/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A month's progress report (tj_progress_import of February 2026) on any file, dry run, over the
 * demo data and the fixtures' ledger. */
#include "fuzz-common.h"

#include "tj-progress.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TjDb *db = fuzz_db_get ();
  const char *path = fuzz_write_input (data, size);
  g_autoptr (TjLedgerResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = tj_progress_import (db, path, 2026, 2, TRUE, &result, &error);

  fuzz_check_import (ok, result, error);
  return 0;
}
