/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Observation tours (观摩, issue 10): totals and ranks with a tie in pinyin order, weights and
 * scores refused with the field named, and the report read back from the workbook, the PDF and
 * `tuijin export tour`. */
#include "tj-test.h"

#include <string.h>

#include "tj-deletion.h"
#include "tj-error.h"
#include "tj-tour.h"

#define DATE "2026-04-18"

/* Four projects, visited in the order 嵩山大道, 白沙湖, 安阳路, 中岳街: */
static void
fill (TjDb *db)
{
  tj_test_exec (
    db,
    "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
    "INSERT INTO units (id, name, kind) VALUES (901, '甲乙街道', 'subdistrict'), "
    "(902, '丙丁镇', 'town');"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id) VALUES "
    "(1, 2026, '安阳路', 'city', 'new', 901, 901),"
    "(2, 2026, '白沙湖', 'city', 'new', 902, 901),"
    "(3, 2026, '嵩山大道', 'city', 'new', 901, 901),"
    "(4, 2026, '中岳街', 'city', 'new', 902, 901);");
}

/* Scores in hundredths, by criterion 形象进度 40, 投资完成 30, 质量安全 15, 亮点特色 15:
 * 嵩山大道 38 + 27.5 + 14 + 12.5 = 92; 白沙湖 36.5 + 25 + 13 + 11 = 85.5;
 * 安阳路 35 + 26 + 12.5 + 12 = 85.5 (a tie, visited after 白沙湖 but first in pinyin);
 * 中岳街 30 + 20.5 + 10 + 9.5 = 70. */
static TjTour *
new_tour (void)
{
  TjTour *tour = tj_tour_new ();
  static const struct
  {
    gint64 id;
    const char *name;
    gint64 scores[4];
  } stops[] = {
    { 3, "嵩山大道", { 3800, 2750, 1400, 1250 } },
    { 2, "白沙湖", { 3650, 2500, 1300, 1100 } },
    { 1, "安阳路", { 3500, 2600, 1250, 1200 } },
    { 4, "中岳街", { 3000, 2050, 1000, 950 } },
  };

  tour->date = g_strdup (DATE);
  tour->name = g_strdup ("四月重点项目观摩");
  tour->route = g_strdup ("市政府出发，经嵩山大道、白沙湖、安阳路至中岳街");
  tj_tour_add_default_criteria (tour);
  for (guint s = 0; s < G_N_ELEMENTS (stops); s++)
    {
      tj_tour_add_stop (tour, stops[s].id, stops[s].name, NULL);
      for (guint c = 0; c < 4; c++)
        tj_tour_set_score (tour, s, c, stops[s].scores[c]);
    }
  return tour;
}

/* The tour's four ranks, best first: each project's name, rank and total in hundredths. */
static void
assert_ranks (TjDb              *db,
              TjTour            *tour,
              const char *const *names,
              const guint       *expected_ranks,
              const gint64      *totals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ranks = tj_tour_rank (db, tour, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ranks->len, ==, 4);
  for (guint i = 0; i < ranks->len; i++)
    {
      TjTourRank *rank = &g_array_index (ranks, TjTourRank, i);

      g_assert_cmpstr (((TjTourStop *) g_ptr_array_index (tour->stops, rank->stop))->name, ==,
                       names[i]);
      g_assert_cmpuint (rank->rank, ==, expected_ranks[i]);
      g_assert_cmpint (rank->total, ==, totals[i]);
    }
}

static void
test_rank (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjTour) tour = new_tour ();
  g_autoptr (TjTour) again = NULL;
  g_autoptr (GError) error = NULL;
  const char *names[] = { "嵩山大道", "安阳路", "白沙湖", "中岳街" };
  const guint expected_ranks[] = { 1, 2, 2, 4 };
  const gint64 totals[] = { 9200, 8550, 8550, 7000 };

  fill (db);
  g_assert_true (tj_tour_save (db, tour, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tour->id, >, 0);

  again = tj_tour_load_by_date (db, "2026-4-18", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "四月重点项目观摩");
  g_assert_cmpuint (again->criteria->len, ==, 4);
  g_assert_cmpstr (((TjTourCriterion *) g_ptr_array_index (again->criteria, 0))->name, ==,
                   "形象进度");
  g_assert_cmpstr (((TjTourStop *) g_ptr_array_index (again->stops, 1))->name, ==, "白沙湖");
  g_assert_cmpstr (((TjTourStop *) g_ptr_array_index (again->stops, 1))->locality, ==,
                   "丙丁镇");
  g_assert_cmpint (tj_tour_get_score (again, 2, 2), ==, 1250);

  assert_ranks (db, again, names, expected_ranks, totals);

  /* moving a stop takes its scores with it and survives a save */
  tj_tour_move_stop (again, 3, 0);
  g_assert_true (tj_tour_save (db, again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tour, tj_tour_free);
  tour = tj_tour_load (db, again->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TjTourStop *) g_ptr_array_index (tour->stops, 0))->name, ==, "中岳街");
  g_assert_cmpint (tj_tour_get_score (tour, 0, 1), ==, 2050);
  g_assert_cmpint (tj_tour_get_score (tour, 1, 0), ==, 3800);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tour_scores"), ==, 16);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = "
                                   "'tour_scores'"), >=, 16);

  /* deleting a visited project takes its place and scores; the undo brings them back */
  {
    g_autoptr (TjDeletion) deletion = tj_project_delete_undoable (db, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tour_scores"), ==, 12);
    g_assert_true (tj_deletion_undo (db, deletion, &error));
    g_assert_no_error (error);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tour_scores"), ==, 16);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tour_projects WHERE "
                                     "project_id = 2"), ==, 1);
  }
  tj_test_db_free (&db, &dir);
}

/* Scores with two decimals as a panel gives them (87.25): typed as text, kept exactly, and a
 * hundredth between totals decides the rank; equal totals to the hundredth share it, in pinyin
 * order. 中岳街 40 + 30 + 15 + 1.26 = 86.26; 安阳路 35.25 + 26 + 12.5 + 12.5 = 86.25 and 白沙湖
 * 36.5 + 25.25 + 13 + 11.5 = 86.25, tied; 嵩山大道 35.25 + 26 + 12.5 + 12.49 = 86.24. */
static void
test_rank_hundredths (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjTour) tour = tj_tour_new ();
  g_autoptr (TjTour) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  static const struct
  {
    gint64 id;
    const char *name;
    const char *scores[4];
  } stops[] = {
    { 3, "嵩山大道", { "35.25", "26", "12.5", "12.49" } },
    { 2, "白沙湖", { "36.5", "25.25", "13", "11.5" } },
    { 1, "安阳路", { "35.25", "26", "12.50", "12.5" } },
    { 4, "中岳街", { "40", "30", "15", "1.26" } },
  };
  const char *names[] = { "中岳街", "安阳路", "白沙湖", "嵩山大道" };
  const guint expected_ranks[] = { 1, 2, 2, 4 };
  const gint64 totals[] = { 8626, 8625, 8625, 8624 };

  fill (db);
  tour->date = g_strdup (DATE);
  tour->name = g_strdup ("四月重点项目观摩");
  tj_tour_add_default_criteria (tour);
  for (guint s = 0; s < G_N_ELEMENTS (stops); s++)
    {
      tj_tour_add_stop (tour, stops[s].id, stops[s].name, NULL);
      for (guint c = 0; c < 4; c++)
        {
          g_assert_true (tj_tour_set_score_text (tour, s, c, stops[s].scores[c], &error));
          g_assert_no_error (error);
        }
    }
  g_assert_true (tj_tour_save (db, tour, &error));
  g_assert_no_error (error);
  again = tj_tour_load (db, tour->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_tour_get_score (again, 0, 3), ==, 1249);
  g_assert_cmpint (tj_tour_get_score (again, 1, 1), ==, 2525);
  assert_ranks (db, again, names, expected_ranks, totals);

  /* the report shows every score and total to the hundredth */
  csv = g_build_filename (dir, "观摩.csv", NULL);
  g_assert_true (tj_tour_write (db, DATE, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"1\",\"中岳街\",\"丙丁镇\",\"40.00\",\"30.00\",\"15.00\","
                              "\"1.26\",\"86.26\""));
  g_assert_nonnull (strstr (contents, "\"2\",\"白沙湖\",\"丙丁镇\",\"36.50\",\"25.25\",\"13.00\","
                              "\"11.50\",\"86.25\""));
  g_assert_nonnull (strstr (contents, "\"4\",\"嵩山大道\",\"甲乙街道\",\"35.25\",\"26.00\","
                              "\"12.50\",\"12.49\",\"86.24\""));
  tj_test_db_free (&db, &dir);
}

static void
test_weights_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjTour) tour = new_tour ();
  g_autoptr (GError) error = NULL;

  fill (db);
  ((TjTourCriterion *) g_ptr_array_index (tour->criteria, 3))->weight = 10;
  tj_tour_set_score (tour, 0, 3, 1000);
  g_assert_false (tj_tour_save (db, tour, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "权重"));
  g_assert_nonnull (strstr (error->message, "95"));
  g_assert_cmpint (tour->id, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tours"), ==, 0);
  tj_test_db_free (&db, &dir);
}

static void
test_score_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjTour) tour = new_tour ();
  g_autoptr (GError) error = NULL;
  gint64 score = 0;

  fill (db);
  /* 安阳路's 质量安全 (weight 15) at 15.5 */
  g_assert_true (tj_tour_parse_score ("15.5", &score, &error));
  g_assert_cmpint (score, ==, 1550);
  tj_tour_set_score (tour, 2, 2, score);
  g_assert_false (tj_tour_save (db, tour, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "安阳路"));
  g_assert_nonnull (strstr (error->message, "质量安全"));
  g_assert_nonnull (strstr (error->message, "15.5"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM tours"), ==, 0);
  g_clear_error (&error);

  /* above the weight by a hundredth is refused too */
  tj_tour_set_score (tour, 2, 2, 1501);
  g_assert_false (tj_tour_save (db, tour, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "15.01"));
  g_clear_error (&error);

  /* exactly the weight is allowed; two decimals are a score, three are not */
  tj_tour_set_score (tour, 2, 2, 1500);
  g_assert_true (tj_tour_save (db, tour, &error));
  g_assert_no_error (error);
  g_assert_true (tj_tour_parse_score ("12.25", &score, &error));
  g_assert_no_error (error);
  g_assert_cmpint (score, ==, 1225);
  g_assert_false (tj_tour_parse_score ("12.255", &score, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“12.255”不是有效的得分：请填写最多两位小数的数字。");
  g_clear_error (&error);
  g_assert_false (tj_tour_parse_score ("-1", &score, &error));
  g_clear_error (&error);
  g_assert_true (tj_tour_parse_score ("7", &score, &error));
  g_assert_cmpint (score, ==, 700);

  /* a tour without a date or a name is refused, the field named */
  g_clear_pointer (&tour->date, g_free);
  g_assert_false (tj_tour_save (db, tour, &error));
  g_assert_nonnull (strstr (error->message, "观摩日期"));
  g_clear_error (&error);
  tour->date = g_strdup (DATE);
  g_free (tour->name);
  tour->name = g_strdup ("  ");
  g_assert_false (tj_tour_save (db, tour, &error));
  g_assert_cmpstr (error->message, ==, "观摩名称：请填写观摩名称。");
  g_clear_error (&error);

  /* odd months warned about, even months not */
  g_assert_nonnull (tj_tour_month_warning ("2026-05-20"));
  g_assert_cmpstr (tj_tour_month_warning ("2026-05-20"), ==, "观摩一般安排在双月。");
  g_assert_null (tj_tour_month_warning ("2026-06-20"));
  tj_test_db_free (&db, &dir);
}

static void
test_report (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjTour) tour = new_tour ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  fill (db);
  g_assert_true (tj_tour_save (db, tour, &error));
  g_assert_no_error (error);
  xlsx = g_build_filename (dir, "观摩.xlsx", NULL);
  pdf = g_build_filename (dir, "观摩.pdf", NULL);
  csv = g_build_filename (dir, "观摩.csv", NULL);
  g_assert_true (tj_tour_write (db, DATE, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (tj_tour_write (db, DATE, pdf, &error));
  g_assert_no_error (error);

  /* the workbook: the ranking with the tie in pinyin order, the route above it */
  facts = tj_test_xlsx_read (xlsx, 0, "A1", "A2", "A3", "A4", "B6", "D6", "H6", "A7:A10", "B7:B10",
                             "C7:C10", "F8", "H7:H10", "A22", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "四月重点项目观摩评分排名表");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==, "（观摩日期：2026-04-18）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A3"), ==,
                   "观摩顺序：1. 嵩山大道 → 2. 白沙湖 → 3. 安阳路 → 4. 中岳街");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A4"), ==,
                   "观摩路线：市政府出发，经嵩山大道、白沙湖、安阳路至中岳街");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B6"), ==, "项目名称");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "D6"), ==, "形象进度\n（40分）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "H6"), ==, "总分");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A7:A10"), ==, "1\n2\n2\n4");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B7:B10"), ==, "嵩山大道\n安阳路\n白沙湖\n中岳街");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C7:C10"), ==, "甲乙街道\n甲乙街道\n丙丁镇\n丙丁镇");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F8"), ==, "12.5");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "H7:H10"), ==, "92\n85.5\n85.5\n70");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A22"), ==,
                   "评分标准：形象进度 40 分、投资完成 30 分、质量安全 15 分、亮点特色 15 分，"
                   "满分 100 分。");

  /* the PDF's text: each row as a clerk reads it */
  text = tj_test_pdf_text (pdf, "-layout");
  g_assert_nonnull (strstr (text, "四月重点项目观摩评分排名表"));
  g_assert_nonnull (strstr (text, "观摩路线：市政府出发"));
  g_assert_true (g_regex_match_simple ("2 +安阳路 +甲乙街道 +35\\.00 +26\\.00 +12\\.50 +12\\.00 "
                                       "+85\\.50", text, 0, 0));
  g_assert_true (g_regex_match_simple ("4 +中岳街 +丙丁镇 +30\\.00 +20\\.50 +10\\.00 +9\\.50 "
                                       "+70\\.00", text, 0, 0));

  /* the command line writes the same table as CSV; an unknown date is refused */
  g_assert_cmpint (tj_test_run_tuijin (tj_db_get_path (db), &out, &err, "export", "tour", "--date",
                                       DATE, "--output", csv, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"2\",\"白沙湖\",\"丙丁镇\",\"36.50\",\"25.00\",\"13.00\","
                              "\"11.00\",\"85.50\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (tj_db_get_path (db), &out, &err, "export", "tour", "--date",
                                       "2026-06-18", "--output", csv, NULL),
                   !=, 0);
  g_assert_nonnull (strstr (err, "2026-06-18 没有观摩记录。"));
  tj_test_db_free (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tours/rank", test_rank);
  g_test_add_func ("/tours/rank-hundredths", test_rank_hundredths);
  g_test_add_func ("/tours/weights-refused", test_weights_refused);
  g_test_add_func ("/tours/score-refused", test_score_refused);
  g_test_add_func ("/tours/report", test_report);
  return g_test_run ();
}
