/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quarterly ranking (issue 9): every ratio, score, rank and list of a small county computed
 * by hand below, the settings in force, and the workbook and CSV read back through tuijin. */
#include "tj-test.h"

#include <string.h>

#include "tj-approval-item.h"
#include "tj-error.h"
#include "tj-exit.h"
#include "tj-ranking.h"
#include "tj-report-format.h"
#include "tj-settings.h"
#include "tj-test-matters.h"

/* tuijin's exit statuses (src/cli/tj-cli.h) */
#define EXIT_OK 0
#define EXIT_USAGE 2

static void
exec (TjDb       *db,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  tj_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* Quarter 3 of 2026: N = 9, E = 2026-09-30. Six localities (pinyin: 安 < 八 < 白 < 陈 < 大 <
 * 东), weights 40/20/15/15/10, deduction 5, threshold 500 万元:
 * 安乐镇: plan 1200 万, C 1000 万 (month 2) → 12 × 1000 ÷ (9 × 1200) = 1.11, capped 1; 新开工
 *   due 2026-05 started 2026-09-30 (= E) and due 2026-09 not started: starts 1/2; the started
 *   one has exactly 500 万 and entered 2026-09-30: statistics 1/1; no matter: 1; approvals: one
 *   accepted Thu 2026-09-24, 3 working days, Fri 09-25 中秋节 (a holiday of the
 *   calendar's table) → deadline Wed 09-30 (09-29 without the holiday), finished 09-30: on time;
 *   one accepted 09-28 → 09-29, 09-30, then 国庆节 → deadline 10-08 > E: not due: 1/1. Score 40 + 10 + 15 + 15 + 10 = 90.00.
 * 白沙镇: plan 800 万, C 600 万 in month 4 (month 10's 500 万 is after N): 12 × 600 ÷ (9 × 800)
 *   = 1 exactly; starts 1/2; the started one has 499 万: statistics base 0 → 1; a matter without
 *   project, responsible 白沙镇, due and finished 09-30: 1/1; no approvals: 1. Score 90.00.
 * 陈庄镇: C 800 万 of 1000 万 → capped 1; no 新开工 → 1; 400 万 → no base → 1; two matters of its
 *   project: deadline 08-31 extended (approved) to 09-10, finished 09-05: due, on time; deadline
 *   09-20 extended to 10-15, open: not due → 1/1; no approvals → 1. Score 100.00.
 * 大河镇: C 9,001,500 of 16,000,000 yuan: 12 × 9001500 ÷ (9 × 16000000) = 0.750125, 40 × that
 *   = 30.005; a matter of a 2025 meeting, due 2025-12-31, finished 12-30: 1/1; an inspection of
 *   06-30 (虚报) is outside the quarter, one of 08-15 is 属实. Score 90.005 → 90.01 (half away
 *   from zero; the double 90.005 is 90.00499… and would round to 90.00).
 * 八里镇: C 675 万 of 1200 万 → 12 × 675 ÷ (9 × 1200) = 0.75, 30 points; statistics 1/1; the rest
 *   nothing due → 1. Score 30 + 60 = 90.00.
 * 东风镇: C 0 of 1000 万 → 0; starts 0/1; a started 2000 万 project not entered: statistics
 *   0/1; a matter without project due 08-31, open: 0/1; an item accepted Tue 09-01, 5 working
 *   days → 09-08, finished 09-09: 0/1; four inspections of the quarter 虚报 or 瞒报 (07-01,
 *   08-01, 09-15, 09-30; 10-01 is after E): 0 − 20 → 0.00, deduction 20.00.
 * Ranks: 陈庄镇 1, 大河镇 2, 安乐镇 3, 白沙镇 3, 八里镇 3 (lower investment ratio, though 八 comes
 * before 白 in pinyin), 东风镇 6. Red: rank ≤ 3 and all ratios 1: 陈庄镇. Black: rank > 6 − 3
 * with investment below 1: 东风镇. */
static void
fill (TjDb *db)
{
  g_autoptr (TjMatter) m1 = tj_matter_new ();
  g_autoptr (TjMatter) m2 = tj_matter_new ();
  g_autoptr (GError) error = NULL;
  TjMatterExtension *extension;
  gint64 meeting;

  exec (db,
        "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
        "INSERT INTO units (id, name, kind) VALUES (901, '安乐镇', 'town'),"
        "(902, '白沙镇', 'town'), (903, '陈庄镇', 'town'), (904, '大河镇', 'town'),"
        "(905, '八里镇', 'town'), (906, '东风镇', 'town'), (909, '测试局', 'department');"
        "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, officer_id, "
        "total_investment, annual_plan, planned_start, actual_start, stats_date) VALUES "
        "(1, 2026, '安乐一号', 'city', 'new', 901, 909, 901, 5000000, 12000000, '2026-05', "
        "'2026-09-30', '2026-09-30'),"
        "(2, 2026, '安乐二号', 'city', 'new', 901, 909, 901, 3000000, 0, '2026-09', NULL, NULL),"
        "(3, 2026, '白沙一号', 'city', 'new', 902, 909, 901, 4990000, 8000000, '2026-03', "
        "'2026-07-01', NULL),"
        "(4, 2026, '白沙二号', 'city', 'new', 902, 909, 901, 1000000, 0, '2026-08', NULL, NULL),"
        "(5, 2026, '陈庄一号', 'city', 'continuing', 903, 909, 901, 4000000, 10000000, NULL, "
        "'2025-03-01', NULL),"
        "(6, 2026, '大河一号', 'city', 'continuing', 904, 909, 901, 3000000, 16000000, NULL, "
        "'2025-01-01', NULL),"
        "(7, 2026, '八里一号', 'city', 'continuing', 905, 909, 901, 10000000, 12000000, NULL, "
        "'2025-01-01', '2025-02-01'),"
        "(8, 2026, '东风一号', 'city', 'new', 906, 909, 901, 10000000, 10000000, '2026-03', NULL, "
        "NULL),"
        "(9, 2026, '东风二号', 'city', 'continuing', 906, 909, 901, 20000000, 0, NULL, '2025-03-01', "
        "NULL);"
        "INSERT INTO monthly_reports (project_id, month, completed) VALUES (1, 2, 10000000),"
        "(3, 4, 6000000), (3, 10, 5000000), (5, 9, 8000000), (6, 6, 9001500), (7, 3, 6750000);"
        "INSERT INTO approval_items (project_id, name, stage, unit_id, statutory_days, "
        "committed_days, accepted, finished) VALUES "
        "(1, '施工许可', 'construction', 909, 5, 3, '2026-09-24', '2026-09-30'),"
        "(2, '施工许可', 'construction', 909, 5, 3, '2026-09-28', NULL),"
        "(8, '用地预审', 'land', 909, 10, 5, '2026-09-01', '2026-09-09');"
        "INSERT INTO meetings (id, kind, date, name) VALUES (100, 'monthly', '2025-11-05', "
        "'十一月例会');"
        "INSERT INTO matters (meeting_id, content, project_id, unit_id, assigned, deadline, "
        "finished) VALUES (100, '去年事项', 6, 909, '2025-11-05', '2025-12-31', '2025-12-30');"
        "INSERT INTO inspections (project_id, date, organiser_id, verified, verdict, "
        "verdict_reason) VALUES "
        "(6, '2026-06-30', 909, 0, 'false', '期外'), (6, '2026-08-15', 909, 9001500, 'true', '属实'),"
        "(8, '2026-07-01', 909, 0, 'false', '无施工'), (8, '2026-08-01', 909, 0, 'concealed', '少报'),"
        "(9, '2026-09-15', 909, 0, 'concealed', '少报'), (8, '2026-09-30', 909, 0, 'false', '无施工'),"
        "(8, '2026-10-01', 909, 0, 'false', '期外');");

  /* the matters with extensions, by the core's own save */
  meeting = tj_test_add_meeting (db, TJ_MEETING_MONTHLY, "2026-07-01", "七月例会");
  m1->meeting_id = m2->meeting_id = meeting;
  m1->content = g_strdup ("延期后按期办结");
  m2->content = g_strdup ("延期出季度");
  m1->project_id = m2->project_id = 5;
  m1->unit_id = m2->unit_id = 909;
  m1->assigned = g_strdup ("2026-07-01");
  m2->assigned = g_strdup ("2026-07-01");
  m1->deadline = g_strdup ("2026-08-31");
  m2->deadline = g_strdup ("2026-09-20");
  m1->finished = g_strdup ("2026-09-05");
  m1->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  m2->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  extension = tj_matter_extension_new ();
  extension->requested = g_strdup ("2026-08-20");
  extension->reason = g_strdup ("征地");
  extension->new_deadline = g_strdup ("2026-09-10");
  extension->approved_by = g_strdup ("李强");
  extension->approved = g_strdup ("2026-08-25");
  g_ptr_array_add (m1->extensions, extension);
  extension = tj_matter_extension_new ();
  extension->requested = g_strdup ("2026-09-01");
  extension->reason = g_strdup ("手续");
  extension->new_deadline = g_strdup ("2026-10-15");
  extension->approved_by = g_strdup ("李强");
  extension->approved = g_strdup ("2026-09-02");
  g_ptr_array_add (m2->extensions, extension);
  g_assert_true (tj_matter_save (db, m1, &error));
  g_assert_no_error (error);
  g_assert_true (tj_matter_save (db, m2, &error));
  g_assert_no_error (error);

  /* matters without a project, by responsible unit */
  exec (db,
        "INSERT INTO matters (meeting_id, content, project_id, unit_id, assigned, deadline, "
        "finished) VALUES "
        "(100, '白沙镇事项', NULL, 902, '2026-07-01', '2026-09-30', '2026-09-30'),"
        "(100, '东风镇事项', NULL, 906, '2026-07-01', '2026-08-31', NULL);");
}

/* $TUIJIN --db db ARGS…; its exit status. */
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
assert_ratio (TjRankingUnit *unit,
              TjIndicator    indicator,
              gint64         done,
              gint64         due)
{
  g_test_message ("%s indicator %d: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, unit->name,
                  indicator, unit->ratios[indicator].done, unit->ratios[indicator].due);
  g_assert_cmpint (unit->ratios[indicator].done, ==, done);
  g_assert_cmpint (unit->ratios[indicator].due, ==, due);
}

static TjRankingUnit *
unit_at (TjRanking  *ranking,
         guint       index,
         const char *name,
         guint       rank,
         gint64      score)
{
  TjRankingUnit *unit = g_ptr_array_index (ranking->units, index);

  g_test_message ("%u: %s rank %u score %" G_GINT64_FORMAT, index, unit->name, unit->place.rank,
                  unit->place.score);
  g_assert_cmpstr (unit->name, ==, name);
  g_assert_cmpuint (unit->place.rank, ==, rank);
  g_assert_cmpint (unit->place.score, ==, score);
  return unit;
}

static void
test_quarter (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjRanking) ranking = NULL;
  g_autofree char *printed = NULL;
  double double_score;
  TjRankingUnit *u;

  fill (db);
  ranking = tj_ranking_build (db, 2026, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ranking->quarter_end, ==, "2026-09-30");
  g_assert_cmpuint (ranking->units->len, ==, 6);

  u = unit_at (ranking, 0, "陈庄镇", 1, 10000);
  assert_ratio (u, TJ_INDICATOR_INVESTMENT, 12 * 8000000, 9 * 10000000LL);
  assert_ratio (u, TJ_INDICATOR_STARTS, 0, 0);
  assert_ratio (u, TJ_INDICATOR_STATISTICS, 0, 0);
  assert_ratio (u, TJ_INDICATOR_MATTERS, 1, 1);
  assert_ratio (u, TJ_INDICATOR_APPROVALS, 0, 0);
  g_assert_true (u->red);
  g_assert_false (u->black);

  u = unit_at (ranking, 1, "大河镇", 2, 9001);
  assert_ratio (u, TJ_INDICATOR_INVESTMENT, 12 * 9001500, 9 * 16000000LL);
  assert_ratio (u, TJ_INDICATOR_MATTERS, 1, 1);
  g_assert_cmpint (u->points[TJ_INDICATOR_INVESTMENT], ==, 3001); /* 30.005 */
  g_assert_cmpuint (u->deductions, ==, 0);
  g_assert_false (u->red);
  /* the case is one a double gets wrong: 90.005 is 90.00499… in binary, printed 90.00 */
  double_score = 40.0 * (12.0 * 9001500 / (9.0 * 16000000)) + 60.0;
  printed = g_strdup_printf ("%.2f", double_score);
  g_assert_cmpstr (printed, ==, "90.00");

  u = unit_at (ranking, 2, "安乐镇", 3, 9000);
  assert_ratio (u, TJ_INDICATOR_STARTS, 1, 2);
  assert_ratio (u, TJ_INDICATOR_STATISTICS, 1, 1);
  assert_ratio (u, TJ_INDICATOR_APPROVALS, 1, 1);
  g_assert_cmpint (u->points[TJ_INDICATOR_STARTS], ==, 1000);
  u = unit_at (ranking, 3, "白沙镇", 3, 9000);
  assert_ratio (u, TJ_INDICATOR_INVESTMENT, 12 * 6000000, 9 * 8000000LL);
  assert_ratio (u, TJ_INDICATOR_STARTS, 1, 2);
  assert_ratio (u, TJ_INDICATOR_STATISTICS, 0, 0);
  assert_ratio (u, TJ_INDICATOR_MATTERS, 1, 1);
  u = unit_at (ranking, 4, "八里镇", 3, 9000);
  assert_ratio (u, TJ_INDICATOR_INVESTMENT, 12 * 6750000, 9 * 12000000LL);
  assert_ratio (u, TJ_INDICATOR_STATISTICS, 1, 1);
  g_assert_false (u->black); /* rank 3 is not below n − 3 */

  u = unit_at (ranking, 5, "东风镇", 6, 0);
  assert_ratio (u, TJ_INDICATOR_INVESTMENT, 0, 9 * 10000000LL);
  assert_ratio (u, TJ_INDICATOR_STARTS, 0, 1);
  assert_ratio (u, TJ_INDICATOR_STATISTICS, 0, 1);
  assert_ratio (u, TJ_INDICATOR_MATTERS, 0, 1);
  assert_ratio (u, TJ_INDICATOR_APPROVALS, 0, 1);
  g_assert_cmpuint (u->deductions, ==, 4);
  g_assert_cmpint (u->deducted, ==, 2000);
  /* the four named, by date: 06-30 and 10-01 outside the quarter, 08-15's 属实 not among them */
  g_assert_cmpuint (u->deducted_inspections->len, ==, 4);
  {
    const char *expected[] = {
      "2026-07-01巡查东风一号，结论：虚报", "2026-08-01巡查东风一号，结论：瞒报",
      "2026-09-15巡查东风二号，结论：瞒报", "2026-09-30巡查东风一号，结论：虚报",
    };

    for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
      {
        g_autofree char *text = tj_ranking_deduction_text (u, k);

        g_assert_cmpstr (text, ==, expected[k]);
      }
  }
  g_assert_true (u->black);
  g_assert_false (u->red);

  tj_test_db_free (&db, &dir);
}

/* Weights 20 each, deduction 2, no red or black list: 大河镇 20 × 0.750125 + 80 = 95.0025 →
 * 95.00 and 八里镇 15 + 80 = 95.00 share rank 2, 大河镇 first by its higher investment ratio
 * (八 comes first in pinyin); 安乐镇 and 白沙镇 20 + 10 + 60 = 90.00 share rank 4 by pinyin;
 * 东风镇 0 − 8 → 0 is 6th: 1, 2, 2, 4, 4, 6. */
/* The units are the localities with a project counted at the quarter's end: 白沙镇's only
 * project exited on 2026-05-15, so it is ranked in the first quarter and not in the second. */
static void
test_exited_locality (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjRanking) first = NULL;
  g_autoptr (TjRanking) second = NULL;

  exec (db,
        "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
        "INSERT INTO units (id, name, kind) VALUES (901, '安乐镇', 'town'),"
        "(902, '白沙镇', 'town'), (909, '测试局', 'department');"
        "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, officer_id, "
        "total_investment, annual_plan, planned_start, actual_start) VALUES "
        "(1, 2026, '安乐一号', 'city', 'continuing', 901, 909, 901, 5000000, 12000000, NULL, "
        "'2025-03-01'),"
        "(2, 2026, '白沙一号', 'city', 'continuing', 902, 909, 901, 4000000, 8000000, NULL, "
        "'2025-03-01');");
  g_assert_true (tj_exit_propose (db, 2, "2026-05-01", "不再实施", &error));
  g_assert_true (tj_exit_decide (db, 2, "2026-05-15", "登政〔2026〕8号", -1, NULL, &error));
  g_assert_no_error (error);

  first = tj_ranking_build (db, 2026, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->units->len, ==, 2);
  second = tj_ranking_build (db, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->units->len, ==, 1);
  g_assert_cmpstr (((TjRankingUnit *) g_ptr_array_index (second->units, 0))->name, ==, "安乐镇");
  tj_test_db_free (&db, &dir);
}

static void
test_settings (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjRanking) ranking = NULL;
  g_autoptr (TjReportBook) book = NULL;
  TjRankingSettings settings;
  TjReport *sheet;

  fill (db);
  g_assert_true (tj_settings_read_ranking (db, &settings, &error));
  g_assert_cmpint (settings.weights[TJ_INDICATOR_INVESTMENT], ==, 40);
  g_assert_cmpint (settings.threshold_wan, ==, 500);

  /* a weight out of bounds is named; weights not adding up to 100 are refused */
  settings.weights[0] = 120;
  g_assert_false (tj_settings_set_ranking (db, &settings, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "投资完成率的权重"));
  g_clear_error (&error);
  settings.weights[0] = 39;
  g_assert_false (tj_settings_set_ranking (db, &settings, &error));
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  for (int i = 0; i < TJ_INDICATOR_N; i++)
    settings.weights[i] = 20;
  settings.deduction = 2;
  settings.red_size = 0;
  settings.black_size = 0;
  g_assert_true (tj_settings_set_ranking (db, &settings, &error));
  g_assert_no_error (error);

  ranking = tj_ranking_build (db, 2026, 3, &error);
  g_assert_no_error (error);
  unit_at (ranking, 0, "陈庄镇", 1, 10000);
  unit_at (ranking, 1, "大河镇", 2, 9500);
  unit_at (ranking, 2, "八里镇", 2, 9500);
  unit_at (ranking, 3, "安乐镇", 4, 9000);
  unit_at (ranking, 4, "白沙镇", 4, 9000);
  unit_at (ranking, 5, "东风镇", 6, 0);
  g_assert_cmpint (((TjRankingUnit *) g_ptr_array_index (ranking->units, 5))->deducted, ==, 800);

  /* both lists empty, and the notes say so and give the values in force */
  book = tj_ranking_book (ranking);
  sheet = g_ptr_array_index (book->reports, 0);
  g_assert_cmpstr (g_ptr_array_index (sheet->notes, 0), ==, "本季度无红榜单位。");
  g_assert_cmpstr (g_ptr_array_index (sheet->notes, 1), ==, "本季度无黑榜单位。");
  g_assert_nonnull (strstr (g_ptr_array_index (sheet->notes, 2), "20"));
  g_assert_nonnull (strstr (g_ptr_array_index (sheet->notes, 7), "2"));
  tj_test_db_free (&db, &dir);
}

/* The hundredths as every writer but the workbook shows them. */
static void
test_hundredths (void)
{
  const struct
  {
    gint64 hundredths;
    const char *text;
  } cases[] = {
    { 8735, "87.35" }, { 9001, "90.01" }, { 0, "0.00" }, { 5, "0.05" }, { -5, "-0.05" },
    { 10000, "100.00" }, { -12345, "-123.45" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tj_report_format_hundredths (cases[i].hundredths);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  /* nothing due is 1, even below 0 done; more than due is capped */
  g_assert_true (tj_ratio_is_full ((TjRatio){ -5, 0 }));
  g_assert_true (tj_ratio_is_full ((TjRatio){ 13, 12 }));
  g_assert_false (tj_ratio_is_full ((TjRatio){ 11, 12 }));
  g_assert_cmpint (tj_ratio_compare ((TjRatio){ 13, 12 }, (TjRatio){ 0, 0 }), ==, 0);
  g_assert_cmpint (tj_ratio_compare ((TjRatio){ 2, 3 }, (TjRatio){ 6667, 10000 }), <, 0);
  g_assert_cmpint (tj_ranking_round_quotient (18667, 2), ==, 9334);  /* 9333.5: away from 0 */
  g_assert_cmpint (tj_ranking_round_quotient (-18667, 2), ==, -9334);
  g_assert_cmpint (tj_ranking_round_quotient (32333, 4), ==, 8083);  /* 8083.25 */
  g_assert_cmpint (tj_ranking_round_quotient (32334, 4), ==, 8084);  /* 8083.5 */
}

/* Suspensions count (the ledger's rule): 东风一号's item accepted Tue 09-01 for 5 working days,
 * suspended Wed 09-02 to Thu 09-03 (2 days), is due 09-10, not 09-08: finished 09-09, on time,
 * 1/1. 安乐一号's item of Thu 09-24 for 3 days, suspended Mon 09-28 (1 day), is due 10-08 (中秋节
 * and 国庆节 between) after the quarter's end: not due, 安乐镇 0/0. Two items with periods, of two
 * projects: each item takes its own. */
static void
test_suspended_approval (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjRanking) ranking = NULL;
  g_autoptr (GPtrArray) ledger = NULL;
  TjApprovalItem *item;

  fill (db);
  exec (db,
        "INSERT INTO approval_suspensions (item_id, from_date, to_date, reason) "
        "SELECT id, '2026-09-02', '2026-09-03', '补正材料' FROM approval_items WHERE project_id = 8;"
        "INSERT INTO approval_suspensions (item_id, from_date, to_date, reason) "
        "SELECT id, '2026-09-28', '2026-09-28', '补正材料' FROM approval_items WHERE project_id = 1;");
  ledger = tj_approval_item_list_project (db, 8, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 1);
  item = g_ptr_array_index (ledger, 0);
  g_assert_cmpstr (item->deadline, ==, "2026-09-10");

  ranking = tj_ranking_build (db, 2026, 3, &error);
  g_assert_no_error (error);
  assert_ratio (tj_ranking_find (ranking, "东风镇"), TJ_INDICATOR_APPROVALS, 1, 1);
  assert_ratio (tj_ranking_find (ranking, "安乐镇"), TJ_INDICATOR_APPROVALS, 0, 0);
  tj_test_db_free (&db, &dir);
}

/* A locality's monthly sum beyond the bounds: refused, naming the project whose report made it
 * overflow (read by its id only then). */
static void
test_overflow (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;

  exec (db,
        "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
        "INSERT INTO units (id, name, kind) VALUES (901, '安乐镇', 'town'),"
        "(909, '测试局', 'department');"
        "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, officer_id, "
        "total_investment, annual_plan, planned_start, actual_start) VALUES "
        "(1, 2026, '安乐一号', 'city', 'continuing', 901, 909, 901, 5000000, 12000000, NULL, "
        "'2025-03-01'),"
        "(2, 2026, '安乐二号', 'city', 'continuing', 901, 909, 901, 5000000, 12000000, NULL, "
        "'2025-03-01');"
        "INSERT INTO monthly_reports (project_id, month, completed) VALUES "
        "(1, 1, 900000000000000), (2, 1, 900000000000000);");
  g_assert_null (tj_ranking_build (db, 2026, 1, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "累加到项目“安乐二号”时，通报的合计超过 1000 万亿元，数据库可能在本软件之外"
                   "被改动过。");
  tj_test_db_free (&db, &dir);
}

static void
test_quarter_parse (void)
{
  g_autoptr (GError) error = NULL;
  int year = 0, quarter = 0;

  g_assert_true (tj_quarter_parse ("2026-Q3", &year, &quarter, &error));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (quarter, ==, 3);
  g_assert_true (tj_quarter_parse (" 2027q1 ", &year, &quarter, &error));
  g_assert_cmpint (quarter, ==, 1);
  g_assert_false (tj_quarter_parse ("2026-Q5", &year, &quarter, &error));
  g_assert_nonnull (strstr (error->message, "2026-Q5"));
  g_clear_error (&error);
  g_assert_false (tj_quarter_parse ("2026-09", &year, &quarter, &error));
  g_clear_error (&error);
  g_assert_false (tj_quarter_parse ("Q3", &year, &quarter, &error));
}

/* Through tuijin: the workbook's cells and formats, the CSV's line, a bad quarter refused. */
static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *db_path = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GVariant) details = NULL;
  g_autoptr (GError) error = NULL;

  fill (db);
  db_path = g_strdup (tj_db_get_path (db));
  g_clear_object (&db);
  xlsx = g_build_filename (dir, "排名.xlsx", NULL);
  csv = g_build_filename (dir, "排名.csv", NULL);
  g_assert_cmpint (run_tuijin (db_path, &out, &err, "export", "ranking", "--quarter",
                                       "2026-Q3", "--output", xlsx, NULL), ==, EXIT_OK);
  facts = tj_test_xlsx_read (xlsx, 0, "A1", "A3", "B3", "C3", "N3", "A4:A9", "B4:B9", "N5",
                             "C5", "D5", "M9", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "sheets"), ==, "排名|计分明细");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A3"), ==, "排名");
  /* the header breaks before its bracket when the column is narrower (tj_report_header_break) */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3"), ==, "乡镇\n（街道、区）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N3"), ==, "得分");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A4:A9"), ==, "1\n2\n3\n3\n3\n6");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4:B9"), ==,
                   "陈庄镇\n大河镇\n安乐镇\n白沙镇\n八里镇\n东风镇");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N5"), ==, "90.01");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N5.format"), ==, "0.00");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C5"), ==, "0.750125");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C5.format"), ==, "0.0%");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "D5"), ==, "30.01");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "M9"), ==, "20");

  /* the chart of the scores: the names and the 得分 column of the six rows, in table order */
  {
    const char *unzip[] = { "unzip", "-p", xlsx, "xl/charts/chart1.xml", NULL };
    g_autofree char *chart = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) unzip, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &chart, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (chart, "<c:f>'排名'!$B$4:$B$9</c:f>"));
    g_assert_nonnull (strstr (chart, "<c:f>'排名'!$N$4:$N$9</c:f>"));
    g_assert_nonnull (strstr (chart, "各乡镇（街道、区）得分"));
  }

  /* the second sheet: the figures behind the ratios of 东风镇 (last row) */
  details = tj_test_xlsx_read (xlsx, 1, "A3:M3", "E9", "F9", "G9", "H9", "M9", "A10", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (details, "E9"), ==, "1");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "F9"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "M9"), ==, "4");
  /* under the table, the four inspections behind 东风镇's 20 points, to be checked by hand */
  g_assert_cmpstr (tj_test_xlsx_fact (details, "A10"), ==,
                   "东风镇扣20.00分：2026-07-01巡查东风一号，结论：虚报；2026-08-01巡查东风一号，"
                   "结论：瞒报；2026-09-15巡查东风二号，结论：瞒报；2026-09-30巡查东风一号，结论："
                   "虚报。");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (db_path, &out, &err, "export", "ranking", "--quarter",
                                       "2026-Q3", "--output", csv, NULL), ==, EXIT_OK);
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"2\",\"大河镇\",\"75.0%\",\"30.01\",\"100.0%\",\"20.00\","));
  g_assert_nonnull (strstr (text, "\"90.01\""));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (db_path, &out, &err, "export", "ranking", "--quarter",
                                       "2026-Q5", "--output", csv, NULL), ==, EXIT_USAGE);
  g_assert_nonnull (strstr (err, "2026-Q5"));

  /* the PDF: the table's scores with 2 decimals and the lists after it */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&text, g_free);
  pdf = g_build_filename (dir, "排名.pdf", NULL);
  g_assert_cmpint (run_tuijin (db_path, &out, &err, "export", "ranking", "--quarter", "2026-Q3",
                               "--output", pdf, NULL), ==, EXIT_OK);
  {
    const char *pdftotext[] = { "pdftotext", "-raw", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "2026年第三季度重点项目推进工作排名"));
  g_assert_nonnull (strstr (text, "2 大河镇 75.0% 30.01 100.0% 20.00 100.0% 15.00 100.0% 15.00 "
                                  "100.0% 10.00 0.00 90.01"));
  g_assert_nonnull (strstr (text, "红榜：陈庄镇。"));
  g_assert_nonnull (strstr (text, "黑榜：东风镇。"));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/ranking/quarter", test_quarter);
  g_test_add_func ("/ranking/settings", test_settings);
  g_test_add_func ("/ranking/exited-locality", test_exited_locality);
  g_test_add_func ("/ranking/suspended-approval", test_suspended_approval);
  g_test_add_func ("/ranking/overflow", test_overflow);
  g_test_add_func ("/ranking/quarter-parse", test_quarter_parse);
  g_test_add_func ("/ranking/hundredths", test_hundredths);
  g_test_add_func ("/ranking/cli", test_cli);
  return g_test_run ();
}
