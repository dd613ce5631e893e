/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 排名 page as a user meets it, under Xvfb: the table shows the ranks and scores core computes
 * for three towns, a unit's breakdown shows its figures, another quarter ranks them otherwise, the
 * chart is drawn in the window, the workbook is written and read back, and the settings of
 * Preferences → 排名 are checked by core and change the scores. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-preferences-window.h"
#include "tj-ranking-page.h"
#include "tj-report-format.h"

typedef TjTestWindow Fixture;

/* Plans of 1200 万 each, every project continuing and under the statistics threshold, so only
 * the investment ratio and the deduction differ (the other four ratios have nothing due: 60).
 * Quarter 3 (N = 9): 安乐镇 1200 of 1200 → capped 1: 100.00; 白沙镇 600 → 12 × 600 ÷ (9 × 1200)
 * = 2/3: 26.67 + 60 = 86.67; 陈庄镇 450 → 1/2: 80, less 5 for an inspection of 08-15 found
 * 虚报: 75.00. Quarter 2 (N = 6; 安乐镇's 900 万 of month 8 not yet): 白沙镇 1 → 100.00;
 * 陈庄镇 0.75 → 90.00; 安乐镇 0.5 → 80.00. */
static void
fill (TjDb *db)
{
  g_autoptr (GError) error = NULL;

  tj_db_exec (db,
              "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
              "INSERT INTO units (id, name, kind) VALUES (901, '安乐镇', 'town'),"
              "(902, '白沙镇', 'town'), (903, '陈庄镇', 'town'), (909, '测试局', 'department');"
              "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, "
              "officer_id, total_investment, annual_plan, planned_start, actual_start, "
              "stats_date) VALUES "
              "(1, 2026, '安乐一号', 'city', 'continuing', 901, 909, 901, 4000000, 12000000, NULL, "
              "'2025-03-01', NULL),"
              "(2, 2026, '白沙一号', 'city', 'continuing', 902, 909, 901, 4000000, 12000000, NULL, "
              "'2025-03-01', NULL),"
              "(3, 2026, '陈庄一号', 'city', 'continuing', 903, 909, 901, 4000000, 12000000, NULL, "
              "'2025-03-01', NULL);"
              "INSERT INTO monthly_reports (project_id, month, completed) VALUES (1, 2, 3000000),"
              "(1, 8, 9000000), (2, 5, 6000000), (3, 1, 4500000);"
              "INSERT INTO inspections (project_id, date, organiser_id, verified, verdict, "
              "verdict_reason) VALUES (3, '2026-08-15', 909, 0, 'false', '无施工');",
              &error);
  g_assert_no_error (error);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  fill (f->db);
  tj_test_window_open (f);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "ranking");
  tj_page_set_year (TJ_PAGE (tj_window_get_ranking_page (f->window)), 2026);
  tj_ranking_page_set_quarter (tj_window_get_ranking_page (f->window), 3);
  tj_test_wait_idle ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

static char *
cell (TjRankingPage *page,
      guint          row,
      guint          column)
{
  char *text = tj_ranking_page_get_cell_text (page, row, column);

  g_assert_nonnull (text);
  return text;
}

/* The page's rows against core's ranking built here: names, ranks, scores; then the names. */
static void
assert_table (Fixture    *f,
              int         quarter,
              const char *names)
{
  TjRankingPage *page = tj_window_get_ranking_page (f->window);
  g_autoptr (TjRanking) ranking = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  guint last = 2 + 2 * TJ_INDICATOR_N + 1; /* 得分 */

  ranking = tj_ranking_build (f->db, 2026, quarter, &error);
  g_assert_no_error (error);
  g_assert_null (tj_ranking_page_get_error (page));
  g_assert_cmpuint (tj_ranking_page_get_n_rows (page), ==, ranking->units->len);
  for (guint i = 0; i < ranking->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (ranking->units, i);
      g_autofree char *rank = cell (page, i, 0);
      g_autofree char *name = cell (page, i, 1);
      g_autofree char *score = cell (page, i, last);
      g_autofree char *expected_rank = g_strdup_printf ("%u", unit->place.rank);
      g_autofree char *expected_score = tj_report_format_hundredths (unit->place.score);

      g_assert_cmpstr (name, ==, unit->name);
      g_assert_cmpstr (rank, ==, expected_rank);
      g_assert_cmpstr (score, ==, expected_score);
      g_string_append_printf (shown, "%s%s %s %s", i > 0 ? "|" : "", rank, name, score);
    }
  g_assert_cmpstr (shown->str, ==, names);
}

/* Some pixel of the chart's area is dark: its bars and labels are drawn on the white ground. */
static void
assert_chart_drawn (GtkWidget *chart)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  guint dark = 0;

  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpint (width, >, 200);
  g_assert_cmpint (height, >, 100);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (chart)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    if (pixels[4 * i] < 128 && pixels[4 * i + 1] < 128 && pixels[4 * i + 2] < 128)
      dark++;
  g_test_message ("chart %d × %d: %u dark pixels", width, height, dark);
  g_assert_cmpuint (dark, >, 500);
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  TjRankingPage *page = tj_window_get_ranking_page (f->window);
  g_autofree char *breakdown = NULL;

  assert_table (f, 3, "1 安乐镇 100.00|2 白沙镇 86.67|3 陈庄镇 75.00");
  /* the lists under the table: 安乐镇 has every ratio full; the two others are behind */
  g_assert_nonnull (strstr (tj_ranking_page_get_lists_text (page), "红榜：安乐镇"));
  g_assert_nonnull (strstr (tj_ranking_page_get_lists_text (page), "黑榜：白沙镇、陈庄镇"));
  tj_test_screenshot (GTK_WIDGET (f->window), "ranking-window.png");
  assert_chart_drawn (tj_ranking_page_get_chart (page));

  /* 陈庄镇's breakdown: 450 of 1200 万, 50%, 20 points, one inspection taking 5 */
  tj_ranking_page_select (page, 2);
  breakdown = tj_ranking_page_get_breakdown_text (page);
  g_test_message ("%s", breakdown);
  g_assert_nonnull (strstr (breakdown, "陈庄镇"));
  g_assert_nonnull (strstr (breakdown, "投资完成率\t计划1,200.00万元\t完成450.00万元\t50.0%\t40\t20.00"));
  g_assert_nonnull (strstr (breakdown, "5.00"));
  g_assert_nonnull (strstr (breakdown, "75.00"));
  /* the inspection behind the deduction, named so that it can be checked by hand */
  g_assert_nonnull (strstr (breakdown, "\n\t2026-08-15巡查陈庄一号，结论：虚报\t\t\t\t5.00\n"));
  tj_test_screenshot (GTK_WIDGET (f->window), "ranking-window-breakdown.png");
  /* 白沙镇 has none: no line of an inspection */
  tj_ranking_page_select (page, 1);
  g_clear_pointer (&breakdown, g_free);
  breakdown = tj_ranking_page_get_breakdown_text (page);
  g_assert_nonnull (strstr (breakdown, "白沙镇"));
  g_assert_null (strstr (breakdown, "结论："));

  /* the second quarter ranks them otherwise */
  tj_ranking_page_set_quarter (page, 2);
  tj_test_wait_idle ();
  g_assert_cmpint (tj_ranking_page_get_quarter (page), ==, 2);
  assert_table (f, 2, "1 白沙镇 100.00|2 陈庄镇 90.00|3 安乐镇 80.00");

  /* the half-year assessment: the means of Q1 and Q2 */
  tj_ranking_page_set_view (page, TJ_RANKING_VIEW_HALF);
  tj_test_wait_idle ();
  g_assert_null (tj_ranking_page_get_ranking (page));
  g_assert_nonnull (tj_ranking_page_get_assessment (page));
  g_assert_cmpuint (tj_ranking_page_get_n_rows (page), ==, 3);
}

/* A change to the database is shown: the inspection's verdict made 属实 gives 陈庄镇 its 5 back. */
static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  assert_table (f, 3, "1 安乐镇 100.00|2 白沙镇 86.67|3 陈庄镇 75.00");
  tj_db_exec (f->db, "UPDATE inspections SET verdict = 'true', verdict_reason = '属实'", &error);
  g_assert_no_error (error);
  tj_test_wait_idle ();
  assert_table (f, 3, "1 安乐镇 100.00|2 白沙镇 86.67|3 陈庄镇 80.00");
}

/* Writes what the page shows to a file of the page's own name in the test's folder and waits
 * for it: written to a temporary file renamed when complete, so there it is whole. */
static char *
export_to (Fixture    *f,
           const char *name)
{
  TjRankingPage *page = tj_window_get_ranking_page (f->window);
  char *path = g_build_filename (f->dir, name, NULL);

  tj_ranking_page_export (page, path);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  tj_test_wait_idle ();
  return path;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = export_to (f, "排名.xlsx");
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GVariant) details = NULL;

  facts = tj_test_xlsx_read (path, 0, "A4:A6", "B4:B6", "N4:N6", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "sheets"), ==, "排名|计分明细");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A4:A6"), ==, "1\n2\n3");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4:B6"), ==, "安乐镇\n白沙镇\n陈庄镇");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N4:N6"), ==, "100\n86.67\n75");
  /* 计分明细: 陈庄镇's one 虚报 inspection named under the table */
  details = tj_test_xlsx_read (path, 1, "M6", "A7", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (details, "M6"), ==, "1");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "A7"), ==,
                   "陈庄镇扣5.00分：2026-08-15巡查陈庄一号，结论：虚报。");
}

/* The PDF and the CSV from the page: the table's rows with their scores, the deduction, the
 * lists; the CSV's cells as the table's. */
static void
test_export_pdf_csv (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = export_to (f, "排名.pdf");
  g_autofree char *csv = export_to (f, "排名.csv");
  g_autofree char *text = tj_test_pdf_text (pdf, "-raw");
  g_autofree char *cells = NULL;
  g_autoptr (GError) error = NULL;

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "2026年第三季度重点项目推进工作排名"));
  /* 陈庄镇: 50% of the time schedule, 20 points, the other four full, 5 deducted: 75.00 */
  g_assert_nonnull (strstr (text, "3 陈庄镇 50.0% 20.00 100.0% 20.00 100.0% 15.00 100.0% 15.00 "
                                  "100.0% 10.00 5.00 75.00"));
  g_assert_nonnull (strstr (text, "1 安乐镇 100.0% 40.00"));
  g_assert_nonnull (strstr (text, "红榜：安乐镇。"));
  g_assert_nonnull (strstr (text, "陈庄镇扣5.00分：2026-08-15巡查陈庄一号，结论：虚报。"));

  g_assert_true (g_file_get_contents (csv, &cells, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", cells);
  g_assert_nonnull (strstr (cells, "\"2\",\"白沙镇\",\"66.7%\",\"26.67\",\"100.0%\",\"20.00\","));
  g_assert_nonnull (strstr (cells, "\"5.00\",\"75.00\""));
}

/* Preferences → 排名: weights not adding up to 100 are refused with core's message and change
 * nothing; accepted ones re-rank the page. Investment 60 and starts 0: 陈庄镇 30 + 40 − 5. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *preferences = tj_preferences_window_new (f->db);
  const int wrong[] = { 50, 20, 15, 15, 10, 5, 3, 3, 500, 3, 3 };
  const int right[] = { 60, 0, 15, 15, 10, 5, 3, 3, 500, 3, 3 };
  const char *message;

  gtk_window_present (preferences);
  tj_test_wait_idle ();
  message = tj_preferences_window_save_ranking (preferences, wrong);
  g_assert_cmpstr (message, ==, "季排名设置：各项权重之和必须为 100 分，现为 110 分。");
  tj_test_wait_idle ();
  assert_table (f, 3, "1 安乐镇 100.00|2 白沙镇 86.67|3 陈庄镇 75.00");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "ranking");
  gtk_window_set_default_size (preferences, 640, 900);
  tj_test_screenshot (GTK_WIDGET (preferences), "ranking-preferences.png");
  message = tj_preferences_window_save_ranking (preferences, right);
  g_assert_null (strstr (message, "季排名设置"));
  tj_test_wait_idle ();
  assert_table (f, 3, "1 安乐镇 100.00|2 白沙镇 80.00|3 陈庄镇 65.00");
  gtk_window_destroy (preferences);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/ranking-window/page", Fixture, NULL, setup, test_page, teardown);
  g_test_add ("/ranking-window/changed", Fixture, NULL, setup, test_changed, teardown);
  g_test_add ("/ranking-window/export", Fixture, NULL, setup, test_export, teardown);
  g_test_add ("/ranking-window/export-pdf-csv", Fixture, NULL, setup, test_export_pdf_csv,
              teardown);
  g_test_add ("/ranking-window/preferences", Fixture, NULL, setup, test_preferences, teardown);
  return g_test_run ();
}
