/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prepares what the benchmarks measure on, never timed itself:
 *   bench-prep ledger FILE N   a generated ledger of N projects (the same one every time)
 *   bench-prep empty DB        a new database with Tuijin's schema and nothing in it
 *   bench-prep months DB       12 months of 2026 reports for every project of 2026 in DB */
#include "config.h"

#include <stdlib.h>

#include "bench-common.h"
#include "tj-db.h"

static int
fill_months (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) projects = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  int step;

  if (db == NULL || !tj_db_begin (db, &error))
    g_error ("%s", error->message);
  insert = tj_db_prepare (db,
                          "INSERT INTO monthly_reports (project_id, month, completed, progress, "
                          "problems) VALUES (?, ?, ?, '主体施工', '无')",
                          &error);
  if (insert == NULL)
    g_error ("%s", error->message);
  projects = tj_db_prepare (db, "SELECT id, annual_plan FROM projects WHERE year = 2026", &error);
  if (projects == NULL)
    g_error ("%s", error->message);
  while ((step = sqlite3_step (projects)) == SQLITE_ROW)
    for (int month = 1; month <= 12; month++)
      {
        gint64 plan = sqlite3_column_int64 (projects, 1);

        sqlite3_reset (insert);
        sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (projects, 0));
        sqlite3_bind_int (insert, 2, month);
        sqlite3_bind_int64 (insert, 3, plan / 12 * g_rand_int_range (rand, 40, 130) / 100);
        if (sqlite3_step (insert) != SQLITE_DONE)
          g_error ("monthly report: %s", sqlite3_errmsg (sqlite3_db_handle (insert)));
      }
  if (step != SQLITE_DONE)
    g_error ("projects: %s", sqlite3_errmsg (sqlite3_db_handle (projects)));
  if (!tj_db_commit (db, &error))
    g_error ("%s", error->message);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "ledger"))
    {
      tj_bench_write_ledger (argv[2], (guint) atoi (argv[3]));
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "empty"))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TjDb) db = tj_db_open (argv[2], &error);

      if (db == NULL)
        g_error ("%s", error->message);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "months"))
    return fill_months (argv[2]);
  g_printerr ("usage: bench-prep ledger FILE N | empty DB | months DB\n");
  return 2;
}
