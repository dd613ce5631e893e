/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin import holidays` end to end: the installed binary's exit statuses and messages. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* The 2025 National Day and Mid-Autumn arrangement as an office would type it up. */
static const char national_day_2025[] = "日期,类型,名称\r\n"
                                        "2025-09-28,上班,国庆节、中秋节调休上班\r\n"
                                        "2025-10-01,放假,国庆节、中秋节\r\n"
                                        "2025-10-02,放假,国庆节、中秋节\r\n"
                                        "2025-10-03,放假,国庆节、中秋节\r\n"
                                        "2025-10-11,上班,国庆节、中秋节调休上班\r\n";

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

/* A new database: the shipped holiday tables of 2018 to 2026. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = NULL;

  fixture->db = tj_test_db_path (&fixture->dir);
  db = tj_db_open (fixture->db, &error);
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

static gint64
count_days (Fixture    *fixture,
            const char *year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (fixture->db, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = tj_db_prepare (db, "SELECT count(*) FROM holidays WHERE substr (date, 1, 4) = ?",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
write_gb18030 (Fixture    *fixture,
               const char *name,
               const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gsize length = 0;

  bytes = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  return path;
}

static void
test_import_replaces_year (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_gb18030 (fixture, "2025国庆.csv", national_day_2025);
  g_autofree char *warning = NULL;
  g_autofree char *out = NULL, *err = NULL;

  /* 2025 ships with 28 days off and 5 worked weekend days. */
  g_assert_cmpint (count_days (fixture, "2025"), ==, 33);
  warning = g_strdup_printf ("tuijin: %s：文件中的日期将替换 2025 年的全部节假日安排。\n", path);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "holidays", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已导入节假日安排：5 天（替换原有的 33 天）。\n");
  g_assert_cmpstr (err, ==, warning);
  g_assert_cmpint (count_days (fixture, "2025"), ==, 5);
  /* 2024 ships with 30 days off and 8 worked weekend days, untouched. */
  g_assert_cmpint (count_days (fixture, "2024"), ==, 38);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = write_gb18030 (fixture, "2025.csv", national_day_2025);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "holidays", "--dry-run", path,
                               NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "试导入，未写入任何数据：将导入 5 天，替换原有的 33 天。\n");
  g_assert_cmpint (count_days (fixture, "2025"), ==, 33);
}

static void
test_bad_lines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "节假日.csv", NULL);
  g_autofree char *kind = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "日期,类型,名称\n"
                                      "2026-10-01,放假,国庆节\n"
                                      "2026-10-02,调休,国庆节\n"
                                      "2026-10-01,放假,国庆节\n",
                                      -1, NULL));
  kind = g_strdup_printf (
    "tuijin: %s：第 3 行，“类型”：“调休”不是有效类型，请填写“放假”或“上班”。\n", path);
  twice = g_strdup_printf ("tuijin: %s：第 4 行，“日期”：日期 2026-10-01 与第 2 行重复。\n", path);
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "holidays", path, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, kind));
  g_assert_nonnull (strstr (err, twice));
  g_assert_true (g_str_has_suffix (err, "tuijin: 发现 2 处错误，未导入任何节假日安排。\n"));
  /* 2026 keeps the 33 days off and 6 worked weekend days it ships with. */
  g_assert_cmpint (count_days (fixture, "2026"), ==, 39);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "没有这个文件.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "holidays", path, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "tuijin: "));
  g_assert_nonnull (strstr (err, "没有这个文件.csv"));
  g_assert_cmpstr (out, ==, "");
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = write_gb18030 (fixture, "2025.csv", national_day_2025);
  const char *const cases[][2] = {
    { NULL },         /* no file */
    { path, path },   /* two files */
    { path, "--bogus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "import", "holidays", cases[i][0],
                                   cases[i][1], NULL),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "tuijin: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_cmpint (count_days (fixture, "2025"), ==, 33);
}

static void
test_help_names_the_command (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import holidays FILE [--sheet NAME] [--dry-run]"));
  g_assert_nonnull (strstr (out, "导入文件中各年度的节假日安排（Excel 工作簿或 CSV 文件）"));
  /* each description on its own line under its command, at one indent, however long the
   * command's syntax (issue 7: the columns were misaligned) */
  g_assert_nonnull (strstr (out, "\n  import projects FILE [--sheet NAME] [--year Y] [--create-missing] "
                                 "[--dry-run]\n      导入某年度的重点项目台账"));
  g_assert_nonnull (strstr (out, "\n  check\n      检查数据库"));
  g_assert_nonnull (strstr (out, "\n  --db FILE\n      使用指定的数据库文件"));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/cli/import-holidays/gb18030-file-replaces-its-year", Fixture, NULL,
              fixture_set_up, test_import_replaces_year, fixture_tear_down);
  g_test_add ("/tj/cli/import-holidays/dry-run-writes-nothing", Fixture, NULL, fixture_set_up,
              test_dry_run, fixture_tear_down);
  g_test_add ("/tj/cli/import-holidays/bad-lines-exit-1", Fixture, NULL, fixture_set_up,
              test_bad_lines, fixture_tear_down);
  g_test_add ("/tj/cli/import-holidays/missing-file-exit-1", Fixture, NULL, fixture_set_up,
              test_missing_file, fixture_tear_down);
  g_test_add ("/tj/cli/import-holidays/bad-usage-exit-2", Fixture, NULL, fixture_set_up,
              test_bad_usage, fixture_tear_down);
  g_test_add ("/tj/cli/import-holidays/help-names-the-command", Fixture, NULL, fixture_set_up,
              test_help_names_the_command, fixture_tear_down);
  return g_test_run ();
}
