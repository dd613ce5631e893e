/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin import projects` end to end: the installed binary's exit statuses and messages. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-project.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = tj_test_db_path (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

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

static gint64
count_projects (Fixture *fixture,
                int      year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (fixture->db, &error);
  g_autoptr (GPtrArray) projects = NULL;

  g_assert_no_error (error);
  projects = tj_project_list (db, year, &error);
  g_assert_no_error (error);
  return projects->len;
}

static void
test_import_sample (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autofree char *warning = g_strdup_printf ("tuijin: %s：未知的列“备注2”将被忽略。\n", path);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, "--year", "2026",
                               "--create-missing", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "新增 84 个项目，更新 0 个项目。\n");
  g_assert_true (g_str_has_prefix (err, warning));
  g_assert_nonnull (strstr (err, "新建人员“陈志明”（分包市领导）"));
  g_assert_cmpint (count_projects (fixture, 2026), ==, 84);

  /* Again: the same projects are updated, none added. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, "--year=2026",
                               NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "新增 0 个项目，更新 84 个项目。\n");
  g_assert_cmpstr (err, ==, warning);
  g_assert_cmpint (count_projects (fixture, 2026), ==, 84);
}

static void
test_year_defaults_to_this_year (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", "--create-missing", path,
                               NULL),
                   ==, 0);
  g_assert_cmpint (count_projects (fixture, g_date_time_get_year (now)), ==, 84);
}

static void
test_errors_sample (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-with-errors-utf8.csv");
  g_autofree char *bad_amount =
    g_strdup_printf ("tuijin: %s：第 8 行（文本第 14 行），“总投资（万元）”：“abc”不是有效金额\n", path);
  g_autofree char *no_leader = g_strdup_printf (
    "tuijin: %s：第 12 行（文本第 22 行），“分包市领导”：省重点和地市级重点项目必须有分包市领导。\n", path);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, "--year", "2026",
                               "--create-missing", NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, bad_amount));
  g_assert_nonnull (strstr (err, "第 10 行（文本第 18 行），“年度计划投资(万元)”：年度计划投资不能超过总投资。"));
  g_assert_nonnull (strstr (err, "第 11 行（文本第 20 行），“首席服务官”：请选择首席服务官。"));
  g_assert_nonnull (strstr (err, no_leader));
  /* --create-missing creates people, never a unit */
  g_assert_nonnull (strstr (err, "第 9 行（文本第 16 行），“属地”：“嵩阳街到”不在属地名单中，是否为“嵩阳街道”？\n"));
  g_assert_true (g_str_has_suffix (err, "tuijin: 5 行有错误，未导入任何项目。\n"));
  g_assert_cmpint (count_projects (fixture, 2026), ==, 0);
}

static void
test_unknown_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-with-errors-utf8.csv");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, "--year", "2026",
                               NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "第 9 行（文本第 16 行），“属地”：“嵩阳街到”不在属地名单中，是否为“嵩阳街道”？\n"));
  g_assert_nonnull (strstr (err, "tuijin: 单位和人员名单中没有：陈志明、吴晓峰、王国强、郑宏伟、"));
  g_assert_nonnull (
    strstr (err, "、嵩阳街到。单位须先在“单位和人员”中添加；--create-missing 只新建缺少的人员。\n"));
  g_assert_true (g_str_has_suffix (err, "tuijin: 11 行有错误，未导入任何项目。\n"));
  g_assert_cmpint (count_projects (fixture, 2026), ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, "--year", "2026",
                               "--create-missing", "--dry-run", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "试导入，未写入任何数据：将新增 84 个项目，更新 0 个项目。\n");
  g_assert_cmpint (count_projects (fixture, 2026), ==, 0);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "没有这个文件.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", path, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "tuijin: "));
  g_assert_nonnull (strstr (err, "没有这个文件.csv"));
  g_assert_cmpstr (out, ==, "");
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  const char *const cases[][3] = {
    { NULL },                  /* no file */
    { path, "--year", "abc" }, /* not a year */
    { path, "--year", "1800" },
    { path, "--bogus" },
    { path, path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "projects", cases[i][0],
                                   cases[i][1], cases[i][2], NULL),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "tuijin: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_cmpint (count_projects (fixture, 2026), ==, 0);
}

/* `tuijin backup FILE` (without --output) is refused, the argument named, and nothing copied. */
static void
test_backup_refuses_argument (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "副本.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (fixture->db, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "backup", copy, NULL), ==, 2);
  expected = g_strdup_printf ("tuijin: “backup”不接受参数“%s”。\n", copy);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/cli/import-projects/office-sample-then-again", Fixture, NULL,
              fixture_set_up, test_import_sample, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/year-defaults-to-this-year", Fixture, NULL,
              fixture_set_up, test_year_defaults_to_this_year, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/bad-lines-exit-1", Fixture, NULL, fixture_set_up,
              test_errors_sample, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/unknown-names-listed", Fixture, NULL, fixture_set_up,
              test_unknown_names, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/dry-run-writes-nothing", Fixture, NULL, fixture_set_up,
              test_dry_run, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/missing-file-exit-1", Fixture, NULL, fixture_set_up,
              test_missing_file, fixture_tear_down);
  g_test_add ("/tj/cli/import-projects/bad-usage-exit-2", Fixture, NULL, fixture_set_up,
              test_bad_usage, fixture_tear_down);
  g_test_add ("/tj/cli/backup/argument-refused-exit-2", Fixture, NULL, fixture_set_up,
              test_backup_refuses_argument, fixture_tear_down);
  return g_test_run ();
}
