/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin export bulletin` end to end: the files it writes, its messages and exit statuses. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-person.h"
#include "tj-project.h"
#include "tj-unit.h"

#define ROAD "嵩山大道北延工程"
#define PARK "告成镇产业园标准化厂房项目"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static gint64
add_project (TjDb       *db,
             const char *name,
             TjLevel     level,
             gint64      leader,
             gint64      officer)
{
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  p->year = 2026;
  p->name = g_strdup (name);
  p->level = level;
  p->nature = TJ_NATURE_CONTINUING;
  p->industry = g_strdup ("交通");
  p->locality_id = tj_unit_find (db, "嵩阳街道");
  p->unit_id = tj_unit_find (db, "交运局");
  p->leader_id = leader;
  p->officer_id = officer;
  p->total_investment = 500000000;
  p->annual_plan = 120000000;
  p->planned_start = g_strdup ("2025-03");
  p->actual_start = g_strdup ("2025-04-10");
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

/* Two projects; the road has completed 1 000 万元 a month through October. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (TjDb) db = NULL;
  g_autoptr (TjPerson) leader = tj_person_new ();
  g_autoptr (TjPerson) officer = tj_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 road;

  fixture->db = tj_test_db_path (&fixture->dir);
  db = tj_db_open (fixture->db, &error);
  g_assert_no_error (error);
  leader->name = g_strdup ("王国强");
  leader->is_leader = TRUE;
  g_assert_true (tj_person_save (db, leader, &error));
  officer->name = g_strdup ("郑宏伟");
  officer->is_officer = TRUE;
  g_assert_true (tj_person_save (db, officer, &error));
  road = add_project (db, ROAD, TJ_LEVEL_PROVINCIAL, leader->id, officer->id);
  add_project (db, PARK, TJ_LEVEL_CITY, 0, officer->id);
  for (int month = 1; month <= 10; month++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO monthly_reports (project_id, month, "
                                              "completed) VALUES (%" G_GINT64_FORMAT ", %d, "
                                              "10000000)",
                                              road, month);

      g_assert_true (tj_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
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
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (fixture->db, out, err, args);
  va_end (args);
  return status;
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "月通报.xlsx", NULL);
  g_autofree char *expected = g_strdup_printf ("已将 2026 年 10 月的月通报导出到 %s。\n", path);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *facts = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", "--month", "2026-10",
                               "--output", path, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  facts = tj_test_xlsx_json (path, 2, "B5", NULL);
  g_assert_nonnull (strstr (facts, "\"sheets\": \"总体情况|分乡镇|项目明细|滞后项目\""));
  g_assert_nonnull (strstr (facts, "\"B5\": \"" ROAD "\""));
}

static void
test_csv_and_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "明细.CSV", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "月通报.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;

  /* Any month form tj_month_parse reads; the extension in any case. */
  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", "--month", "2026年10月",
                               "--output", csv, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"序号\",\"项目名称\""));
  g_assert_nonnull (strstr (contents, "\"1\",\"" ROAD "\",\"省重点\""));
  g_assert_nonnull (strstr (contents, "\"12000.00\",\"1000.00\",\"10000.00\",\"83.3%\""));
  g_assert_nonnull (strstr (contents, "\"2\",\"" PARK "\""));
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", "-m", "2026-10",
                               "-o", pdf, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "月通报.xlsx", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "月通报.txt", NULL);
  const char *const cases[][5] = {
    { "--output", path },                         /* no month */
    { "--month", "2026-10" },                     /* no output */
    { "--month", "2026-13", "--output", path },   /* not a month */
    { "--month", "十月", "--output", path },
    { "--month", "2026-10", "--output", txt },    /* not a format it writes */
    { "--month", "2026-10", "--output", path, "--bogus" },
    { "--month", "2026-10", "--output", path, path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", cases[i][0],
                                   cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL),
                       ==, 2);
      g_assert_true (g_str_has_prefix (err, "tuijin: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "没有这个文件夹", "月通报.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", "--month", "2026-10",
                               "--output", path, NULL),
                   ==, 1);
  g_assert_true (g_str_has_prefix (err, "tuijin: "));
  g_assert_nonnull (strstr (err, "月通报.xlsx"));
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Point 14: a month of a year with no projects on its list is no bulletin: refused, the month
 * named, status 1, no file, whatever the format. */
static void
test_empty_year_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *const formats[] = { "xlsx", "pdf", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("月通报.%s", formats[i]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_tuijin (fixture, &out, &err, "export", "bulletin", "--month",
                                   "2030-11", "--output", path, NULL),
                       ==, 1);
      g_assert_cmpstr (err, ==, "tuijin: 2030年11月：2030 年重点项目名单中没有项目，没有可导出"
                                "的月通报。\n");
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add ("/tj/cli/export-bulletin/workbook", Fixture, NULL, fixture_set_up, test_xlsx,
              fixture_tear_down);
  g_test_add ("/tj/cli/export-bulletin/csv-and-pdf", Fixture, NULL, fixture_set_up,
              test_csv_and_pdf, fixture_tear_down);
  g_test_add ("/tj/cli/export-bulletin/bad-usage-exit-2", Fixture, NULL, fixture_set_up,
              test_bad_usage, fixture_tear_down);
  g_test_add ("/tj/cli/export-bulletin/unwritable-exit-1", Fixture, NULL, fixture_set_up,
              test_unwritable, fixture_tear_down);
  g_test_add ("/tj/cli/export-bulletin/year-without-projects-exit-1", Fixture, NULL,
              fixture_set_up, test_empty_year_refused, fixture_tear_down);
  return g_test_run ();
}
