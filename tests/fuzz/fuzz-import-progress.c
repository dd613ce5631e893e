/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A month's progress report on any file, dry run, over the demo data and the fixtures' ledger:
 * the month the file names in its cumulative column (tj_progress_file_month), or February 2026
 * when it names none, then tj_progress_import of that month. */
#include "fuzz-common.h"

#include "tj-progress.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TjDb *db = fuzz_db_get ();
  const char *path = fuzz_write_input (data, size);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) month_error = NULL;
  int month = -1;
  gboolean ok;

  ok = tj_progress_file_month (path, &month, &month_error);
  FUZZ_CHECK (ok == (month_error == NULL));
  FUZZ_CHECK (month >= 0 && month <= 12);
  ok = tj_progress_import (db, path, 2026, month > 0 ? month : 2, TRUE, &result, &error);
  fuzz_check_import (ok, result, error);
  return 0;
}
