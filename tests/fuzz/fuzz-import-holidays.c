/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The holiday table (tj_holidays_import) on any file, dry run. */
#include "fuzz-common.h"

#include "tj-calendar.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TjDb *db = fuzz_db_get ();
  const char *path = fuzz_write_input (data, size);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = tj_holidays_import (db, path, TRUE, &result, &error);

  fuzz_check_import (ok, result, error);
  return 0;
}
