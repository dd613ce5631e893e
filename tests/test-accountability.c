/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accountability list (issue 8): each cause listed when it should be, at the period's
 * edges, and nothing else; read back from the workbook. */
#include "tj-test.h"

#include <string.h>

#include "tj-accountability.h"
#include "tj-bulletin.h"
#include "tj-error.h"

#define FROM "2026-04-01"
#define TO "2026-05-31"
#define AS_OF "2026-07-01"

/* 安阳路: 新开工 due 2025-12, started 2026-05-10, no plan: the start light red in March (3
 * months late) and April, none from May: red in 3 and 4.
 * 嵩山大道: 新开工 due 2025-12, started 2026-04-15, plan 1200 万元; 400 万元 in April, −300 in
 * May: red in March (start), green in April, red in May (r 8.3% against 41.7%): red in 3 and 5.
 * Matters of 嵩山大道 and one of a unit only; rectifications of an inspection of 安阳路; three
 * inspections in the period. */
static void
fill (TjDb *db)
{
  tj_test_exec (
    db,
    "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
    "INSERT INTO people (id, name, is_leader) VALUES (902, '李强', 1);"
    "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
    "INSERT INTO units (id, name, kind) VALUES (902, '测试局', 'department');"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, leader_id, "
    "officer_id, annual_plan, planned_start, actual_start) VALUES "
    "(1, 2026, '安阳路', 'city', 'new', 901, 902, 902, 901, 0, '2025-12', '2026-05-10'),"
    "(2, 2026, '嵩山大道', 'city', 'new', 901, 902, 902, 901, 12000000, '2025-12', "
    "'2026-04-15');"
    "INSERT INTO monthly_reports (project_id, month, completed) VALUES "
    "(2, 4, 4000000), (2, 5, -3000000);"
    "INSERT INTO meetings (id, kind, date, name) VALUES (1, 'monthly', '2026-03-05', "
    "'三月例会');"
    "INSERT INTO matters (id, meeting_id, content, project_id, unit_id, assigned, deadline, "
    "finished) VALUES "
    "(1, 1, '期限当天开始未办结', 2, 902, '2026-03-05', '2026-04-01', NULL),"
    "(2, 1, '期限当天办结', 2, 902, '2026-03-05', '2026-05-31', '2026-05-31'),"
    "(3, 1, '期限次日办结', 2, 902, '2026-03-05', '2026-05-31', '2026-06-01'),"
    "(4, 1, '期限在期后一天', 2, 902, '2026-03-05', '2026-06-01', NULL),"
    "(5, 1, '期限在期前一天', 2, 902, '2026-03-05', '2026-03-31', NULL),"
    "(6, 1, '批准延期出期', 2, 902, '2026-03-05', '2026-04-20', NULL),"
    "(7, 1, '延期未批准', 2, 902, '2026-03-05', '2026-04-20', NULL),"
    "(8, 1, '无项目事项', NULL, 902, '2026-03-05', '2026-04-10', NULL);"
    "INSERT INTO matter_extensions (matter_id, requested, reason, new_deadline, approved_by, "
    "approved) VALUES (6, '2026-04-10', '征地', '2026-06-15', '李强', '2026-04-12'),"
    "(7, '2026-04-10', '征地', '2026-06-15', NULL, NULL);"
    "INSERT INTO inspections (id, project_id, date, organiser_id, verified, verdict, "
    "verdict_reason) VALUES "
    "(1, 1, '2026-03-10', 902, 100, 'false', '期外'),"
    "(2, 2, '2026-04-21', 902, 0, 'false', '现场无施工'),"
    "(3, 2, '2026-05-10', 902, 5000000, NULL, NULL),"
    "(4, 1, '2026-05-20', 902, 0, NULL, NULL);"
    "INSERT INTO inspection_findings (id, inspection_id, kind, description) VALUES "
    "(1, 1, '进度', '未按计划施工');"
    "INSERT INTO rectifications (finding_id, requirement, unit_id, deadline, closed) VALUES "
    "(1, '期限当天销号', 902, '2026-04-30', '2026-04-30'),"
    "(1, '逾期两天销号', 902, '2026-04-30', '2026-05-02'),"
    "(1, '未销号', 902, '2026-05-15', NULL),"
    "(1, '期后期限', 902, '2026-06-10', NULL);");
}

static void
test_causes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_auto (GStrv) causes = NULL;
  g_auto (GStrv) projects = NULL;
  g_auto (GStrv) dates = NULL;
  g_auto (GStrv) details = NULL;
  char *rows = NULL;
  const char *expected[][3] = {
    { "连续两个月红灯", "安阳路", "2026-04" },
    { "整改逾期销号", "安阳路", "2026-04-30" },
    { "整改逾期未销号", "安阳路", "2026-05-15" },
    { "议定事项逾期未办结", "嵩山大道", "2026-04-01" },
    { "议定事项逾期未办结", "嵩山大道", "2026-04-20" },
    { "巡查发现虚报", "嵩山大道", "2026-04-21" },
    { "巡查发现瞒报", "嵩山大道", "2026-05-10" },
    { "议定事项逾期办结", "嵩山大道", "2026-05-31" },
    { "议定事项逾期未办结", "测试局", "2026-04-10" },
  };

  fill (db);
  path = g_build_filename (dir, "追究.xlsx", NULL);
  g_assert_true (tj_accountability_write (db, FROM, TO, AS_OF, path, &error));
  g_assert_no_error (error);

  facts = tj_test_xlsx_read (path, 0, "A1", "A2", "B3", "B4:B30", "C4:C30", "D4", "E4", "F4",
                             "G4", "H4:H30", "I4:I30", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==, "（2026-04-01 至 2026-05-31，截至 2026-07-01）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3"), ==, "情形");
  causes = g_strsplit (tj_test_xlsx_fact (facts, "B4:B30"), "\n", -1);
  projects = g_strsplit (tj_test_xlsx_fact (facts, "C4:C30"), "\n", -1);
  dates = g_strsplit (tj_test_xlsx_fact (facts, "H4:H30"), "\n", -1);
  details = g_strsplit (tj_test_xlsx_fact (facts, "I4:I30"), "\n", -1);

  /* the row count equals the causes built: nothing else is listed */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("row %u: %s %s %s", i, causes[i], projects[i], dates[i]);
      g_assert_cmpstr (causes[i], ==, expected[i][0]);
      g_assert_cmpstr (projects[i], ==, expected[i][1]);
      g_assert_cmpstr (dates[i], ==, expected[i][2]);
    }
  g_assert_cmpstr (causes[G_N_ELEMENTS (expected)], ==, "");

  /* the first row names the project's locality, unit, leader and officer */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "D4"), ==, "甲乙镇");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "E4"), ==, "测试局");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F4"), ==, "李强");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "G4"), ==, "王明");
  /* red in 3 and 4 named once; red in 3 and 5 (嵩山大道) not listed */
  g_assert_cmpstr (details[0], ==, "2026年3月、4月的月通报均为红灯（连续 2 个月）。");
  g_assert_nonnull (strstr (details[1], "销号日期：2026-05-02"));
  g_assert_nonnull (strstr (details[2], "未销号"));
  g_assert_nonnull (strstr (details[3], "期限当天开始未办结"));
  g_assert_nonnull (strstr (details[4], "延期未批准"));
  g_assert_nonnull (strstr (details[6], "上报累计：400.00 万元"));
  g_assert_nonnull (strstr (details[6], "核实累计：500.00 万元"));
  g_assert_nonnull (strstr (details[6], "差额：-100.00 万元"));
  g_assert_nonnull (strstr (details[6], "差异率：-20.0%"));
  g_assert_nonnull (strstr (details[7], "办结日期：2026-06-01"));

  /* a period of one day: the deadline on both edges */
  g_clear_pointer (&facts, g_variant_unref);
  g_assert_true (tj_accountability_write (db, "2026-04-01", "2026-04-01", AS_OF, path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "B4:B10", "I4", NULL);
  g_free (rows);
  rows = tj_test_xlsx_range (facts, "B4:B10");
  g_assert_cmpstr (rows, ==, "议定事项逾期未办结");
  g_assert_nonnull (strstr (tj_test_xlsx_fact (facts, "I4"), "期限当天开始未办结"));

  /* as of a day before the deadline of an open matter, it is not (yet) listed */
  g_clear_pointer (&facts, g_variant_unref);
  g_assert_true (tj_accountability_write (db, "2026-05-01", "2026-05-31", "2026-05-15", path,
                                          &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "B4:B10", NULL);
  /* the rectification due 05-15 is not past yet, the bulletins of May not over: only 瞒报 */
  g_free (rows);
  rows = tj_test_xlsx_range (facts, "B4:B10");
  g_assert_cmpstr (rows, ==, "巡查发现瞒报");

  /* a period ending before it starts is refused */
  g_assert_false (tj_accountability_write (db, TO, FROM, AS_OF, path, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_free (rows);
  tj_test_db_free (&db, &dir);
}

/* The lights of months 1..N from one bulletin (tj_bulletin_month_lights, what the list reads)
 * are each month's own bulletin's, project by project: 安阳路 red in March and April only,
 * 嵩山大道 red in March, green in April, red again from May (8.3% against 41.7%, then 50%). */
static void
test_month_lights (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) june = NULL;
  g_autofree TjLight *lights = NULL;
  const int months = 6;

  fill (db);
  june = tj_bulletin_build (db, 2026, months, &error);
  g_assert_no_error (error);
  lights = tj_bulletin_month_lights (june, db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lights);
  g_assert_cmpuint (june->projects->len, ==, 2);
  for (int month = 1; month <= months; month++)
    {
      g_autoptr (TjBulletin) bulletin = tj_bulletin_build (db, 2026, month, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < june->projects->len; i++)
        {
          TjBulletinProject *p = &g_array_index (june->projects, TjBulletinProject, i);

          for (guint j = 0; j < bulletin->projects->len; j++)
            {
              TjBulletinProject *q = &g_array_index (bulletin->projects, TjBulletinProject, j);

              if (q->id == p->id)
                g_assert_cmpint (lights[i * months + month - 1], ==, q->light);
            }
          if (p->id == 1)
            g_assert_cmpint (lights[i * months + month - 1] == TJ_LIGHT_RED, ==,
                             month == 3 || month == 4);
          else
            g_assert_cmpint (lights[i * months + month - 1] == TJ_LIGHT_RED, ==,
                             month == 3 || month >= 5);
          if (p->id == 2 && month == 4)
            g_assert_cmpint (lights[i * months + month - 1], ==, TJ_LIGHT_GREEN);
        }
    }
  /* month N's is the bulletin's own */
  for (guint i = 0; i < june->projects->len; i++)
    g_assert_cmpint (lights[i * months + months - 1], ==,
                     g_array_index (june->projects, TjBulletinProject, i).light);
  g_clear_pointer (&june, tj_bulletin_free);
  tj_test_db_free (&db, &dir);
}

/* A run of red months follows a project into the next year's list (carried over): 少林路 of
 * 2025, 新开工 due 2025-08 and not started, red from November (3 months late); carried into 2026
 * as 少林路（续建） and still not started, red in January: one row naming December (the list looks
 * back one month before the period) and January, with the 2026 project's names. A report of the 2025 project is not read as the 2026 project's. */
static void
test_red_run_carried_over (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autofree char *rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;

  fill (db);
  tj_test_exec (
    db,
    "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, leader_id, "
    "officer_id, annual_plan, planned_start) VALUES "
    "(3, 2025, '少林路', 'city', 'new', 901, 902, 902, 901, 0, '2025-08');"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, leader_id, "
    "officer_id, annual_plan, planned_start, carried_from) VALUES "
    "(4, 2026, '少林路（续建）', 'city', 'new', 901, 902, 902, 901, 0, '2025-08', 3);"
    "INSERT INTO monthly_reports (project_id, month, completed) VALUES (3, 1, 100);");
  path = g_build_filename (dir, "追究.xlsx", NULL);
  g_assert_true (tj_accountability_write (db, "2026-01-01", "2026-01-31", "2026-03-01", path,
                                          &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "B4:B10", "C4", "H4", "I4", NULL);
  rows = tj_test_xlsx_range (facts, "B4:B10");
  g_assert_cmpstr (rows, ==, "连续两个月红灯");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C4"), ==, "少林路（续建）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "H4"), ==, "2026-01");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "I4"), ==,
                   "2025年12月、2026年1月的月通报均为红灯（连续 2 个月）。");
  tj_test_db_free (&db, &dir);
}

/* A period across the new year lists the false reports found on the projects of both years'
 * lists (the years read from the inspections in the period), a project of the same name in
 * each, and none dated outside the period. */
static void
test_inspections_across_years (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autofree char *rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;

  fill (db);
  tj_test_exec (
    db,
    "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, leader_id, "
    "officer_id, annual_plan) VALUES "
    "(5, 2024, '登封大道', 'city', 'continuing', 901, 902, 902, 901, 0),"
    "(6, 2025, '登封大道', 'city', 'continuing', 901, 902, 902, 901, 0),"
    "(7, 2026, '登封大道', 'city', 'continuing', 901, 902, 902, 901, 0);"
    "INSERT INTO inspections (id, project_id, date, organiser_id, verified, verdict, "
    "verdict_reason) VALUES "
    "(5, 5, '2025-12-05', 902, 0, 'false', '上年项目'),"
    "(6, 6, '2025-11-30', 902, 0, 'false', '期前一天'),"
    "(7, 6, '2025-12-01', 902, 0, 'concealed', '期初当天'),"
    "(8, 7, '2026-01-31', 902, 0, 'false', '期末当天'),"
    "(9, 7, '2026-02-01', 902, 0, 'false', '期后一天');");
  path = g_build_filename (dir, "追究.xlsx", NULL);
  g_assert_true (tj_accountability_write (db, "2025-12-01", "2026-01-31", "2026-03-01", path,
                                          &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "B4:B10", "C4:C10", "H4:H10", NULL);
  rows = tj_test_xlsx_range (facts, "B4:B10");
  g_assert_cmpstr (rows, ==, "巡查发现瞒报\n巡查发现虚报\n巡查发现虚报");
  g_free (rows);
  rows = tj_test_xlsx_range (facts, "C4:C10");
  g_assert_cmpstr (rows, ==, "登封大道\n登封大道\n登封大道");
  g_free (rows);
  rows = tj_test_xlsx_range (facts, "H4:H10");
  g_assert_cmpstr (rows, ==, "2025-12-01\n2025-12-05\n2026-01-31");
  tj_test_db_free (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/accountability/causes", test_causes);
  g_test_add_func ("/accountability/month-lights", test_month_lights);
  g_test_add_func ("/accountability/red-run-carried-over", test_red_run_carried_over);
  g_test_add_func ("/accountability/inspections-across-years", test_inspections_across_years);
  return g_test_run ();
}
