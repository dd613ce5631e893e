/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The half-year assessment (issue 9): the quarters' scores and ranks, the mean of the published
 * scores, the final rank and its ties, the months on schedule and the grades, computed by hand. */
#include "tj-test.h"

#include <string.h>

#include "tj-assessment.h"
#include "tj-settings.h"

static void
exec (TjDb       *db,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  tj_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* Four towns, one continuing project each of plan 1200 万 and total investment 0 (no 新开工, no
 * statistics base, no matters, approvals or inspections: those ratios are 1, 60 points), so a
 * quarter's score is 60 + 40 × min (1, 12 × C ÷ (N × 1200 万)):
 * 甲镇: 300 万 in month 1. Q1 (N 3): 12 × 300 ÷ 3600 = 1 → 100.00; Q2 (N 6): 3600 ÷ 7200 = 0.5
 *   → 80.00; mean 90.00. On schedule (12 × C ≥ m × 1200): months 1, 2, 3 → 3.
 * 乙镇: 200 万 in month 2, 400 万 in month 5. Q1: 2400 ÷ 3600 = 2/3 → 86.666… → 86.67; Q2: 7200 ÷
 *   7200 = 1 → 100.00; mean of the published (86.67 + 100) ÷ 2 = 93.335 → 93.34 (the exact
 *   scores' mean would be 93.33). On schedule: months 2, 5, 6 → 3.
 * 丙镇: 150 万 in month 1, 450 万 in month 6. Q1: 1800 ÷ 3600 = 0.5 → 80.00; Q2: 7200 ÷ 7200 →
 *   100.00; mean 90.00, tied with 甲镇 and listed first for its Q2 investment ratio 1 > 0.5
 *   (甲 comes before 丙 in pinyin). On schedule: months 1, 6 → 2.
 * 丁镇: nothing: 60.00 and 60.00, mean 60.00; 0 months.
 * Ranks: Q1 甲 1, 乙 2, 丙 3, 丁 4; Q2 乙 1, 丙 1, 甲 3, 丁 4. Final: 乙 1, 丙 2, 甲 2, 丁 4.
 * Grades with 先进 1 and 后进 1: 乙 先进, 丙 and 甲 达标, 丁 后进. */
static void
fill (TjDb *db)
{
  exec (db,
        "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
        "INSERT INTO units (id, name, kind) VALUES (901, '甲镇', 'town'),"
        "(902, '乙镇', 'town'), (903, '丙镇', 'town'), (904, '丁镇', 'town');"
        "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, "
        "annual_plan, actual_start) VALUES "
        "(1, 2026, '甲项目', 'city', 'continuing', 901, 901, 12000000, '2025-01-01'),"
        "(2, 2026, '乙项目', 'city', 'continuing', 902, 901, 12000000, '2025-01-01'),"
        "(3, 2026, '丙项目', 'city', 'continuing', 903, 901, 12000000, '2025-01-01'),"
        "(4, 2026, '丁项目', 'city', 'continuing', 904, 901, 12000000, '2025-01-01');"
        "INSERT INTO monthly_reports (project_id, month, completed) VALUES (1, 1, 3000000),"
        "(2, 2, 2000000), (2, 5, 4000000), (3, 1, 1500000), (3, 6, 4500000);");
}

static void
assert_unit (TjAssessment *assessment,
             guint         index,
             const char   *name,
             gint64        q1,
             guint         rank1,
             gint64        q2,
             guint         rank2,
             gint64        mean,
             guint         rank,
             guint         months,
             TjGrade       grade)
{
  TjAssessmentUnit *unit = g_ptr_array_index (assessment->units, index);

  g_test_message ("%u: %s %" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT " %u mean %" G_GINT64_FORMAT
                  " rank %u months %u", index, unit->name, unit->scores[0], unit->ranks[0],
                  unit->scores[1], unit->ranks[1], unit->place.score, unit->place.rank,
                  unit->months_on_schedule);
  g_assert_cmpstr (unit->name, ==, name);
  g_assert_cmpint (unit->scores[0], ==, q1);
  g_assert_cmpuint (unit->ranks[0], ==, rank1);
  g_assert_cmpint (unit->scores[1], ==, q2);
  g_assert_cmpuint (unit->ranks[1], ==, rank2);
  g_assert_cmpint (unit->place.score, ==, mean);
  g_assert_cmpuint (unit->place.rank, ==, rank);
  g_assert_cmpuint (unit->months_on_schedule, ==, months);
  g_assert_cmpint (unit->grade, ==, grade);
}

static void
test_half_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjAssessment) assessment = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autofree char *path = NULL;
  TjRankingSettings settings;

  fill (db);
  tj_settings_ranking_defaults (&settings);
  settings.advanced_size = 1;
  settings.backward_size = 1;
  g_assert_true (tj_settings_set_ranking (db, &settings, &error));
  g_assert_no_error (error);

  assessment = tj_assessment_build (db, 2026, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assessment->n_quarters, ==, 2);
  g_assert_cmpuint (assessment->units->len, ==, 4);
  assert_unit (assessment, 0, "乙镇", 8667, 2, 10000, 1, 9334, 1, 3, TJ_GRADE_ADVANCED);
  assert_unit (assessment, 1, "丙镇", 8000, 3, 10000, 1, 9000, 2, 2, TJ_GRADE_STANDARD);
  assert_unit (assessment, 2, "甲镇", 10000, 1, 8000, 3, 9000, 2, 3, TJ_GRADE_STANDARD);
  assert_unit (assessment, 3, "丁镇", 6000, 4, 6000, 4, 6000, 4, 0, TJ_GRADE_BACKWARD);

  /* the workbook: 最终排名, names, quarters, mean with 2 decimals, months, grade */
  path = g_build_filename (dir, "考核.xlsx", NULL);
  g_assert_true (tj_assessment_write (db, 2026, TRUE, path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "A1", "A2", "C2", "F2", "G2", "A3:A6", "B3:B6", "C3", "G3", "H3",
                             "I3", NULL);
  g_test_message ("%s", tj_test_xlsx_fact (facts, "A1"));
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==, "最终排名");
  /* quarters named as official documents write them */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C2"), ==, "一季度得分");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F2"), ==, "二季度排名");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "G2"), ==, "平均得分");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A3:A6"), ==, "1\n2\n2\n4");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3:B6"), ==, "乙镇\n丙镇\n甲镇\n丁镇");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C3"), ==, "86.67");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "G3"), ==, "93.34");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "G3.format"), ==, "0.00");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "H3"), ==, "3");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "I3"), ==, "先进");
  tj_test_db_free (&db, &dir);
}

/* The year: Q3 (N 9) and Q4 (N 12) with C 600 万 of 1200 万 everywhere but 丁镇: 甲 300 → 40 ×
 * 12 × 300 ÷ (9 × 1200) = 13.33 → 73.33, Q4 70.00; the mean of 100, 80, 73.33, 70 = 80.8325 →
 * 80.83. */
static void
test_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjAssessment) assessment = NULL;
  TjAssessmentUnit *unit;

  fill (db);
  assessment = tj_assessment_build (db, 2026, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assessment->n_quarters, ==, 4);
  unit = tj_assessment_find (assessment, "甲镇");
  g_assert_cmpint (unit->scores[2], ==, 7333);
  g_assert_cmpint (unit->scores[3], ==, 7000);
  g_assert_cmpint (unit->place.score, ==, 8083);
  /* defaults 3 and 3 of 4 units: ranks 1–3 先进 come first */
  g_assert_cmpint (tj_assessment_find (assessment, "丁镇")->grade, ==, TJ_GRADE_BACKWARD);
  g_assert_cmpint (tj_assessment_find (assessment, "乙镇")->grade, ==, TJ_GRADE_ADVANCED);
  tj_test_db_free (&db, &dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/assessment/half-year", test_half_year);
  g_test_add_func ("/assessment/year", test_year);
  return g_test_run ();
}
