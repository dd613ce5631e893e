/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project ledger (tj_ledger_import of 2026) on any file, dry run, with and without creating the
 * units and people it names, over the demo data and the fixtures' ledger. */
#include "fuzz-common.h"

#include "tj-ledger.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TjDb *db = fuzz_db_get ();
  const char *path = fuzz_write_input (data, size);

  for (int create = 0; create <= 1; create++)
    {
      g_autoptr (TjImportResult) result = NULL;
      g_autoptr (GError) error = NULL;
      gboolean ok = tj_ledger_import (db, path, 2026, create, TRUE, &result, &error);

      fuzz_check_import (ok, result, error);
    }
  return 0;
}
