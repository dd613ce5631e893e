/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin import progress` end to end: the installed binary's exit statuses and messages. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("TJ_SAMPLES"), name, NULL);
}

/* Runs tuijin --db DB ARGS… and returns its exit status. */
static int
run_tuijin (Fixture  *fixture,
            char    **out,
            char    **err,
            ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (fixture->db, out, err, args);
  va_end (args);
  return status;
}

/* A database with the office's 84 projects of 2026. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *ledger = sample ("ledger-2026-gb18030.csv");
  g_autofree char *out = NULL, *err = NULL;

  fixture->db = tj_test_db_path (&fixture->dir);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", ledger, "--year", "2026",
                               "--create-missing", NULL),
                   ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static gint64
count_reports (Fixture *fixture,
               int      month)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (fixture->db, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = tj_db_prepare (db, "SELECT count(*) FROM monthly_reports WHERE month = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, month);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_import_samples (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autofree char *february = sample ("progress-2026-02.csv");
  g_autofree char *march = sample ("progress-2026-03.csv");
  g_autofree char *warning =
    g_strdup_printf ("tuijin: %s：2026 年名单中有 39 个项目不在文件中，视为本月未报。\n", january);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", january, "--month",
                               "2026-01", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已导入 2026年1月 月报：45 个项目。\n"
                            "其中已新增 45 份、已替换 0 份本月月报，已删除 0 份（其项目不在文件中）。\n");
  g_assert_cmpstr (err, ==, warning);
  g_assert_cmpint (count_reports (fixture, 1), ==, 45);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 1-2月累计, and the month written as offices do. */
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", "--month=2026年2月",
                               february, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已导入 2026年2月 月报：51 个项目。\n"
                            "其中已新增 51 份、已替换 0 份本月月报，已删除 0 份（其项目不在文件中）。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", march, "--month",
                               "2026-03", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已导入 2026年3月 月报：49 个项目。\n"
                            "其中已新增 49 份、已替换 0 份本月月报，已删除 0 份（其项目不在文件中）。\n");
  g_assert_cmpint (count_reports (fixture, 3), ==, 49);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", january, "--month",
                               "2026-01", "--dry-run", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "试导入，未写入任何数据：2026年1月 月报将导入 45 个项目。\n"
                            "其中将新增 45 份、将替换 0 份本月月报，将删除 0 份（其项目不在文件中）。\n");
  g_assert_cmpint (count_reports (fixture, 1), ==, 0);
}

/* Point 14: a dry run over a month already imported says what it would replace and remove in
 * the future (将替换, 将删除) and writes nothing; the import then says it in the past. */
static void
test_dry_run_says_would (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autofree char *one = g_build_filename (fixture->dir, "一个项目.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", january, "--month",
                               "2026-01", NULL),
                   ==, 0);
  g_assert_true (g_file_set_contents (one, "项目名称,当月完成（万元）\n少林污水处理厂提标改造,1600\n",
                                      -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", one, "--month",
                               "2026-01", "--dry-run", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "试导入，未写入任何数据：2026年1月 月报将导入 1 个项目。\n"
                            "其中将新增 0 份、将替换 1 份本月月报，将删除 44 份（其项目不在文件中）。\n");
  g_assert_null (strstr (err, "已删除"));
  g_assert_null (strstr (out, "已"));
  g_assert_cmpint (count_reports (fixture, 1), ==, 45);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", one, "--month",
                               "2026-01", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已导入 2026年1月 月报：1 个项目。\n"
                            "其中已新增 0 份、已替换 1 份本月月报，已删除 44 份（其项目不在文件中）。\n");
  g_assert_cmpint (count_reports (fixture, 1), ==, 1);
}

static void
test_bad_lines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "十月.csv", NULL);
  g_autofree char *unknown = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "项目名称,当月完成（万元）,形象进度\n"
                                      "少林污水处理厂提标改造,800,主体施工70%\n"
                                      "石淙供水管网改造工程,12O,主体施工70%\n"
                                      "石淙供水管网改造工,120,主体施工70%\n",
                                      -1, NULL));
  amount = g_strdup_printf ("tuijin: %s：第 3 行，“当月完成（万元）”：“12O”不是有效金额\n", path);
  unknown = g_strdup_printf (
    "tuijin: %s：第 4 行，“项目名称”：2026 年名单中没有项目“石淙供水管网改造工”，"
    "是否为“石淙供水管网改造工程”？\n", path);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", path, "--month",
                               "2026-10", NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, amount));
  g_assert_nonnull (strstr (err, unknown));
  g_assert_true (g_str_has_suffix (err, "tuijin: 发现 2 处错误，未导入任何月报。\n"));
  g_assert_cmpint (count_reports (fixture, 10), ==, 0);
}

static void
test_wrong_month (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *february = sample ("progress-2026-02.csv");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", february, "--month",
                               "2026-03", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "：“1-2月累计（万元）”列是 1—2月累计，但本次导入的是 3月 月报。\n"));
  g_assert_cmpint (count_reports (fixture, 3), ==, 0);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "没有这个文件.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", path, "--month",
                               "2026-10", NULL),
                   ==, 1);
  g_assert_true (g_str_has_prefix (err, "tuijin: "));
  g_assert_nonnull (strstr (err, "没有这个文件.csv"));
  g_assert_cmpstr (out, ==, "");
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = sample ("progress-2026-01.csv");
  const char *const cases[][3] = {
    { path },                      /* no month */
    { "--month", "2026-01" },      /* no file */
    { path, "--month", "2026-13" }, /* not a month */
    { path, "--month", "10" },
    { path, "--month", "1800-01" },
    { path, "--bogus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "progress", cases[i][0],
                                   cases[i][1], cases[i][2], NULL),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "tuijin: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_cmpint (count_reports (fixture, 1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/cli/import-progress/three-sample-months", Fixture, NULL, fixture_set_up,
              test_import_samples, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/dry-run-writes-nothing", Fixture, NULL, fixture_set_up,
              test_dry_run, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/dry-run-says-would", Fixture, NULL, fixture_set_up,
              test_dry_run_says_would, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/bad-lines-exit-1", Fixture, NULL, fixture_set_up,
              test_bad_lines, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/cumulative-of-another-month-exit-1", Fixture, NULL,
              fixture_set_up, test_wrong_month, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/missing-file-exit-1", Fixture, NULL, fixture_set_up,
              test_missing_file, fixture_tear_down);
  g_test_add ("/tj/cli/import-progress/bad-usage-exit-2", Fixture, NULL, fixture_set_up,
              test_bad_usage, fixture_tear_down);
  return g_test_run ();
}
