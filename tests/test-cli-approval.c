/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin import approvals`, `tuijin export approvals` and `tuijin export speedup` end to end: the
 * files they read and write, their messages and exit statuses. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-person.h"
#include "tj-project.h"
#include "tj-unit.h"

#define ROAD "嵩山大道北延工程"
#define AGENT "何朝阳"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* One project of the 2025 list, its service officer and an agent of the service centre. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (TjDb) db = NULL;
  g_autoptr (TjPerson) officer = tj_person_new ();
  g_autoptr (TjPerson) agent = tj_person_new ();
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  fixture->db = tj_test_db_path (&fixture->dir);
  db = tj_db_open (fixture->db, &error);
  g_assert_no_error (error);
  officer->name = g_strdup ("郑宏伟");
  officer->is_officer = TRUE;
  g_assert_true (tj_person_save (db, officer, &error));
  agent->name = g_strdup (AGENT);
  agent->is_staff = TRUE;
  g_assert_true (tj_person_save (db, agent, &error));
  p->year = 2025;
  p->name = g_strdup (ROAD);
  p->level = TJ_LEVEL_CITY;
  p->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (db, "嵩阳街道");
  p->officer_id = officer->id;
  p->total_investment = 500000000;
  p->annual_plan = 120000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs tuijin --db DB ARGS… and returns its exit status. */
static int
run_tuijin (Fixture  *fixture,
            char    **out,
            char    **err,
            ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (g_getenv ("TUIJIN"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("TUIJIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  /* A crash or a sanitizer's report: show what it said, which the capture would swallow. */
  if (!WIFEXITED (wait_status) && err != NULL && *err != NULL)
    g_printerr ("%s", *err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static gint64
count_items (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (fixture->db, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = tj_db_prepare (db, "SELECT count(*) FROM approval_items", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *rows)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *text = g_strconcat ("项目名称,事项名称,审批部门,阶段,法定时限（工作日）,"
                                       "承诺时限（工作日）,绿色通道,受理日期,抄告日期,办结日期,"
                                       "送达日期,代办员\r\n",
                                       rows, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A good file: a dry run, then the import; the ledger written from it with a fixed today.
 * 环评审批 accepted 2025-09-22 (Mon), finished 09-29 (Mon): 09-23…09-26 and the working Sunday
 * 09-28 and 09-29, 6 working days. */
static void
test_import_and_export (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "审批事项.csv",
                                    ROAD ",环评审批,环保局,立项用地规划,20,,是,2025-09-22,,"
                                    "2025-09-29,,\r\n"
                                    ROAD ",节能审查,发改委,立项用地规划,20,20,否,2025-09-22,,,,"
                                    AGENT "\r\n");
  g_autofree char *xlsx = g_build_filename (fixture->dir, "台账.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "提速.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, "--year", "2025",
                               "--dry-run", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "试导入，未写入任何数据：将新增审批事项 2 项，更新 0 项。\n");
  g_assert_cmpint (count_items (fixture), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, "--year", "2025",
                               NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已新增审批事项 2 项，更新 0 项。\n");
  expected = g_strdup_printf ("tuijin: %s：已为文件中的代办员新建 1 个代办件，委托日期取其事项中"
                              "最早的受理日期。\n",
                              csv);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpint (count_items (fixture), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "approvals", "--year", "2025",
                               "--today", "2025年10月20日", "--output", xlsx, NULL),
                   ==, 0);
  expected = g_strdup_printf ("已将 2025 年代办事项台账（截至 2025-10-20）导出到 %s。\n", xlsx);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  facts = tj_test_xlsx_json (xlsx, 0, "A1", "D5", "M5", "P5", NULL);
  g_assert_nonnull (strstr (facts, "\"sheets\": \"审批事项|代办件\""));
  g_assert_nonnull (strstr (facts, "\"A1\": \"登封市2025年代办事项台账\""));
  g_assert_nonnull (strstr (facts, "\"D5\": \"环评审批\""));
  g_assert_nonnull (strstr (facts, "\"M5\": \"6\""));
  g_assert_nonnull (strstr (facts, "\"P5\": \"按时办结\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "speedup", "-y", "2025", "--today",
                               "2025-10-20", "-o", pdf, NULL),
                   ==, 0);
  expected = g_strdup_printf ("已将 2025 年部门审批提速情况（截至 2025-10-20）导出到 %s。\n", pdf);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* One bad row and nothing is written; the problem is named by line and column. */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "审批事项.csv",
                                    ROAD ",环评审批,环保局,立项用地规划,20,10,是,2025-09-22,,,,\r\n"
                                    ROAD ",节能审查,发改委,立项用地规划,20,25,否,2025-09-22,,,,"
                                    "\r\n");
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, "--year", "2025",
                               NULL),
                   ==, 1);
  expected = g_strdup_printf ("tuijin: %s：第 3 行，“承诺时限（工作日）”：承诺时限不能超过法定时限。"
                              "\ntuijin: 发现 1 处错误，未导入任何审批事项。\n",
                              csv);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (count_items (fixture), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The year decides which list the names are looked up in. */
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, "--year", "2024",
                               NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "第 2 行，“项目名称”：2024 年名单中没有项目“" ROAD "”。"));
  g_assert_cmpint (count_items (fixture), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A name one character off: named as every import names it, with the nearest on the list
   * (tj_project_unknown_message). */
  g_clear_pointer (&csv, g_free);
  csv = write_csv (fixture, "审批事项2.csv",
                   ROAD "二期,环评审批,环保局,立项用地规划,20,10,是,2025-09-22,,,,\r\n");
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, "--year", "2025",
                               NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "第 2 行，“项目名称”：2025 年名单中没有项目“" ROAD "二期”，是否为“"
                                 ROAD "”？"));
  g_assert_cmpint (count_items (fixture), ==, 0);
}

/* Issue 7, point 15: without --year each row's project is looked up on the list of its
 * acceptance year, whatever the current year; 施工许可 of two sections, accepted on two days, are
 * two items; the same file again updates them. */
static void
test_import_year_of_acceptance (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "审批事项.csv",
                                    ROAD ",施工许可,住建局,施工许可,7,7,否,2025-09-22,,,,\r\n"
                                    ROAD ",施工许可,住建局,施工许可,7,7,否,2025-10-13,,,,\r\n");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已新增审批事项 2 项，更新 0 项。\n");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (count_items (fixture), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "approvals", csv, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已新增审批事项 0 项，更新 2 项。\n");
  g_assert_cmpint (count_items (fixture), ==, 2);
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "台账.xlsx", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "台账.txt", NULL);
  const char *const cases[][6] = {
    { "approvals", "--output", path },                      /* no year */
    { "approvals", "--year", "2025" },                      /* no output */
    { "speedup", "--year", "2025", "--output", txt },       /* not a format it writes */
    { "speedup", "--year", "1200", "--output", path },      /* a year Tuijin does not keep */
    { "approvals", "--year", "2025", "--output", path, "--today=昨天" },
    { "approvals", "--year", "2025", "--output", path, path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", cases[i][0], cases[i][1],
                                   cases[i][2], cases[i][3], cases[i][4], cases[i][5], NULL),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "tuijin: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* Without --output the export says what it needs, the CSV form among them, and writes nothing. */
static void
test_export_needs_output (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "approvals", "--year", "2026", NULL),
                   ==, 2);
  g_assert_cmpstr (err, ==,
                   "tuijin: export approvals 需要 --year 年度 和 --output 文件.xlsx、文件.pdf 或 "
                   "文件.csv。\n");
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/cli/approvals/import-then-export", Fixture, NULL, fixture_set_up,
              test_import_and_export, fixture_tear_down);
  g_test_add ("/tj/cli/approvals/import-refused-exit-1", Fixture, NULL, fixture_set_up,
              test_import_refused, fixture_tear_down);
  g_test_add ("/tj/cli/approvals/import-finds-the-acceptance-year", Fixture, NULL,
              fixture_set_up, test_import_year_of_acceptance, fixture_tear_down);
  g_test_add ("/tj/cli/approvals/bad-usage-exit-2", Fixture, NULL, fixture_set_up,
              test_bad_usage, fixture_tear_down);
  g_test_add ("/tj/cli/approvals/export-without-output-names-csv", Fixture, NULL, fixture_set_up,
              test_export_needs_output, fixture_tear_down);
  return g_test_run ();
}
