/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin export funds`, `tuijin export stats-entry` and `tuijin record follow-up` end to end:
 * the books written in each format, the figures in the workbook, a follow-up on the list, the
 * messages and exit statuses. */
#include "tj-test.h"

#include <string.h>

#include "tj-element.h"
#include "tj-problem.h"

static void
test_exports (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjElement) need = tj_element_new (1, TJ_ELEMENT_BOND);
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (tj_db_get_path (db));
  const char *extensions[] = { "xlsx", "pdf", "csv" };

  tj_db_exec (db,
              "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
              "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
              "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, "
              "total_investment, actual_start) VALUES (1, 2026, '嵩山大道', 'city', 'new', 901, "
              "901, 5000000, '2026-03-01');",
              &error);
  g_assert_no_error (error);
  tj_element_set_amounts (need, "2,000", "500", problems);
  g_assert_cmpuint (problems->len, ==, 0);
  need->needed_date = g_strdup ("2026-02-01");
  need->secured_date = g_strdup ("2026-03-01");
  g_assert_true (tj_element_save (db, need, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *funds = g_strdup_printf ("%s/要素.%s", dir, extensions[i]);
      g_autofree char *entry = g_strdup_printf ("%s/入库.%s", dir, extensions[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *said = NULL;

      g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "export", "funds", "--year", "2026",
                                           "--output", funds, NULL),
                       ==, 0);
      said = g_strdup_printf ("已将 2026 年要素保障台账导出到 %s。\n", funds);
      g_assert_cmpstr (out, ==, said);
      g_assert_true (g_file_test (funds, G_FILE_TEST_IS_REGULAR));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "export", "stats-entry", "--year",
                                           "2026", "--output", entry, NULL),
                       ==, 0);
      g_assert_true (g_file_test (entry, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *funds = g_strdup_printf ("%s/要素.xlsx", dir);
    g_autofree char *entry = g_strdup_printf ("%s/入库.xlsx", dir);
    g_autofree char *csv = NULL;
    g_autofree char *csv_path = g_strdup_printf ("%s/要素.csv", dir);
    g_autoptr (GVariant) facts = tj_test_xlsx_read (funds, 0, "D5", "G5", NULL);
    g_autoptr (GVariant) list = tj_test_xlsx_read (entry, 0, "C5", "E5", NULL);

    g_assert_cmpstr (tj_test_xlsx_fact (facts, "D5"), ==, "债券");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "G5"), ==, "1500");
    g_assert_cmpstr (tj_test_xlsx_fact (list, "C5"), ==, "嵩山大道");
    g_assert_cmpstr (tj_test_xlsx_fact (list, "E5"), ==, "500");
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, "嵩山大道"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *entry = g_strdup_printf ("%s/入库.xlsx", dir);
    g_autoptr (GVariant) list = NULL;

    /* a follow-up recorded, then on the list; a project not on the list named with the nearest */
    g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "record", "follow-up", "--year", "2026",
                                         "--project", "嵩山大道", "--date", "2026-6-2", "--note",
                                         "电话督促补齐手续", "--by", "王明", NULL),
                     ==, 0);
    g_assert_cmpstr (out, ==, "已记录“嵩山大道”的统计入库跟进（2026-06-02）。\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "record", "follow-up", "--year", "2026",
                                         "--project", "嵩山大路", "--date", "2026-06-03", "--note",
                                         "再督促", NULL),
                     ==, 1);
    g_assert_nonnull (strstr (err, "“嵩山大路”"));
    g_assert_nonnull (strstr (err, "“嵩山大道”"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "export", "stats-entry", "--year",
                                         "2026", "--output", entry, NULL),
                     ==, 0);
    list = tj_test_xlsx_read (entry, 0, "G5", "H5", NULL);
    g_assert_cmpstr (tj_test_xlsx_fact (list, "G5"), ==, "2026-06-02");
    g_assert_cmpstr (tj_test_xlsx_fact (list, "H5"), ==, "2026-06-02 电话督促补齐手续（王明）");
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (tj_test_run_tuijin (path, &out, &err, "export", "funds", "--output", "x.xlsx",
                                         NULL),
                     ==, 2);
    g_assert_nonnull (strstr (err, "export funds 需要 --year"));
  }
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/cli/elements/exports", test_exports);
  return g_test_run ();
}
