/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin propose exit`, `decide exit` and `export exits` end to end: the proposal, a decision
 * refused (no document number; a land of −1 亩) and recorded, the list written in each format
 * and read back, the exited project gone from the bulletin of the month after its exit. */
#include "tj-test.h"

#include <string.h>

static int
run_tuijin (const char *db,
            char      **out,
            char      **err,
            ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (db, out, err, args);
  va_end (args);
  return status;
}

static void
test_propose_decide_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (tj_db_get_path (db));
  const char *extensions[] = { "xlsx", "pdf", "csv" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  tj_db_exec (db,
              "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
              "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
              "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, "
              "annual_plan, actual_start) VALUES "
              "(1, 2026, '嵩山大道', 'city', 'continuing', 901, 901, 1000000, '2025-03-01'),"
              "(2, 2026, '少林路', 'city', 'continuing', 901, 901, 2000000, '2025-03-01');"
              "INSERT INTO monthly_reports (project_id, month, completed) VALUES "
              "(1, 1, 300000), (2, 1, 700000);",
              &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (run_tuijin (path, &out, &err, "propose", "exit", "--year", "2026", "--project",
                               "嵩山大道", "--date", "2026-02-03", "--reason", "业主放弃建设",
                               NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已提出“嵩山大道”的退出建议（2026-02-03）。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (path, &out, &err, "decide", "exit", "--year", "2026", "--project",
                               "嵩山大道", "--date", "2026-02-10", NULL),
                   ==, 1);
  g_assert_cmpstr (err, ==, "tuijin: 文号：请填写市政府决定的文号。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (path, &out, &err, "decide", "exit", "--year", "2026", "--project",
                               "嵩山大道", "--date", "2026-02-10", "--document", "登政〔2026〕3号",
                               "--land", "-1", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *list = g_strdup_printf ("%s/退出.%s", dir, extensions[i]);

      g_assert_cmpint (run_tuijin (path, &out, &err, "export", "exits", "--year", "2026",
                                   "--as-of", "2026-02-05", "--output", list, NULL),
                       ==, 0);
      g_assert_true (g_file_test (list, G_FILE_TEST_IS_REGULAR));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  {
    g_autofree char *list = g_strdup_printf ("%s/退出.xlsx", dir);
    g_autoptr (GVariant) facts = tj_test_xlsx_read (list, 0, "A1", "C4", "F4", "G4", "H4", "C5",
                                                    NULL);

    g_assert_true (g_str_has_suffix (tj_test_xlsx_fact (facts, "A1"), "2026年重点项目退出建议名单"));
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "C4"), ==, "嵩山大道");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "F4"), ==, "人工提出");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "G4"), ==, "2026-02-03 提出：业主放弃建设。");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "H4"), ==, "2026-02-03");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "C5"), ==, "");
  }

  g_assert_cmpint (run_tuijin (path, &out, &err, "decide", "exit", "--year", "2026", "--project",
                               "嵩山大道", "--date", "2026-02-10", "--document", "登政〔2026〕3号",
                               "--land", "12.35", "--land-date", "2026-03-01", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已记录“嵩山大道”的退出决定（2026-02-10）。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *feb = g_strdup_printf ("%s/二月.csv", dir);
    g_autofree char *mar = g_strdup_printf ("%s/三月.csv", dir);
    g_autofree char *feb_text = NULL;
    g_autofree char *mar_text = NULL;

    g_assert_cmpint (run_tuijin (path, &out, &err, "export", "bulletin", "--month", "2026-02",
                                 "--output", feb, NULL),
                     ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_tuijin (path, &out, &err, "export", "bulletin", "--month", "2026-03",
                                 "--output", mar, NULL),
                     ==, 0);
    g_assert_true (g_file_get_contents (feb, &feb_text, NULL, NULL));
    g_assert_true (g_file_get_contents (mar, &mar_text, NULL, NULL));
    g_assert_nonnull (strstr (feb_text, "嵩山大道"));
    g_assert_null (strstr (mar_text, "嵩山大道"));
    g_assert_nonnull (strstr (mar_text, "少林路"));
  }
  {
    g_autoptr (TjDb) again = tj_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tj_test_scalar (again, "SELECT exit_land FROM project_exits"), ==, 1235);
  }
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/cli-exits/propose-decide-export", test_propose_decide_export);
  return g_test_run ();
}
