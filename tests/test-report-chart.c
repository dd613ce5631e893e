/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A report's chart (tj_report_set_chart): in the workbook a native bar chart over the sheet's
 * cells, on the page a bar chart drawn under the table, read back with unzip and pdftotext.
 * TJ_CHART_DEMO=FOLDER keeps a ranking-like workbook and PDF there to look at. */
#include "tj-test.h"

#include <string.h>

#include "tj-report.h"

#define SHEET "排名"
#define TITLE "2026年第三季度乡镇（街道、区）重点项目建设排名"
#define CHART_TITLE "各乡镇（街道、区）得分"
#define NOTE "注：得分＝40×投资完成率＋20×开工率＋15×入库率＋15×事项办结率＋10×审批按时率。"

static const char *const units[] = {
  "嵩阳街道", "少林街道", "中岳街道", "大金店镇", "颍阳镇", "卢店镇", "告成镇", "阳城工业区",
  "大冶镇", "宣化镇", "徐庄镇", "东华镇", "白坪乡", "君召乡", "石道乡",
};
#define N_UNITS G_N_ELEMENTS (units)

enum
{
  COL_RANK,
  COL_UNIT,
  COL_RATE,
  COL_SCORE,
};

static double
score_of (guint i)
{
  return i < N_UNITS ? 98.5 - i * 4.7 : 30.0 - i * 0.13;
}

/* The fifteen townships, then numbered units: an assessment ranks up to 200. */
static char *
name_of (guint i)
{
  return i < N_UNITS ? g_strdup (units[i]) : g_strdup_printf ("单位%03u", i);
}

/* A ranking: n units, best first; with a section heading before the 8th unit and a total at the
 * foot when asked (neither is a bar). */
static TjReport *
ranking_new (guint    n,
             gboolean sections)
{
  TjReport *report = tj_report_new (SHEET, TITLE);
  guint row;

  tj_report_set_subtitle (report, "（2026年7—9月）");
  tj_report_add_column (report, "排名", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "乡镇（街道、区）", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "投资完成率", TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, "得分", TJ_REPORT_DECIMAL, 0);
  for (guint i = 0; i < n; i++)
    {
      if (sections && i == 7)
        {
          row = tj_report_add_row (report, TJ_REPORT_ROW_SECTION);
          tj_report_set_text (report, row, 0, "后进单位");
        }
      g_autofree char *name = name_of (i);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, COL_RANK, i + 1);
      tj_report_set_text (report, row, COL_UNIT, name);
      tj_report_set_percent (report, row, COL_RATE, 1.0 - i * 0.031);
      tj_report_set_decimal (report, row, COL_SCORE, score_of (i));
    }
  if (sections)
    {
      row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
      tj_report_set_text (report, row, COL_UNIT, "平均");
      tj_report_set_decimal (report, row, COL_SCORE, 70.0);
    }
  tj_report_add_note (report, NOTE);
  tj_report_set_chart (report, CHART_TITLE, COL_UNIT, COL_SCORE);
  return report;
}

static char *
write_book (TjReport   *report,
            const char *dir,
            const char *name)
{
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  tj_report_book_add (book, report);
  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_no_error (error);
  return path;
}

static char *
tool_output (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The number in the first <tag>N</tag> after `after` in `xml`. */
static guint
number_after (const char *xml,
              const char *after,
              const char *tag)
{
  const char *at = strstr (xml, after);
  g_autofree char *open = g_strdup_printf ("<%s>", tag);

  g_assert_nonnull (at);
  at = strstr (at, open);
  g_assert_nonnull (at);
  return (guint) g_ascii_strtoull (at + strlen (open), NULL, 10);
}

/* The chart refers to the body cells, B4:B18 and D4:D18 under the title, subtitle and header
 * rows, as horizontal bars with the first row on top; it is anchored under the table, and the
 * note comes below it. */
static void
test_xlsx_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-chart-XXXXXX", NULL);
  g_autoptr (TjReport) report = ranking_new (N_UNITS, FALSE);
  g_autofree char *path = write_book (g_steal_pointer (&report), dir, "排名.xlsx");
  const char *chart_argv[] = { "unzip", "-p", path, "xl/charts/chart1.xml", NULL };
  const char *drawing_argv[] = { "unzip", "-p", path, "xl/drawings/drawing1.xml", NULL };
  g_autofree char *chart = tool_output (chart_argv);
  g_autofree char *drawing = tool_output (drawing_argv);
  g_autoptr (GVariant) facts = tj_test_xlsx_read (path, 0, "B4", "B18", "D18", "A42", NULL);

  g_assert_nonnull (strstr (chart, "<c:barDir val=\"bar\"/>"));
  g_assert_nonnull (strstr (chart, "<c:cat><c:strRef><c:f>'排名'!$B$4:$B$18</c:f>"));
  g_assert_nonnull (strstr (chart, "<c:val><c:numRef><c:f>'排名'!$D$4:$D$18</c:f>"));
  g_assert_nonnull (strstr (chart, "<c:orientation val=\"maxMin\"/>"));
  g_assert_nonnull (strstr (chart, CHART_TITLE));
  g_assert_nonnull (strstr (chart, "<c:dLbls><c:numFmt formatCode=\"0.0\" sourceLinked=\"0\"/>"));
  g_assert_null (strstr (chart, "<c:legend>"));
  g_assert_nonnull (strstr (chart, "仿宋"));

  /* the cells it refers to: the first and the last unit, the last score */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4"), ==, units[0]);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B18"), ==, units[N_UNITS - 1]);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (tj_test_xlsx_fact (facts, "D18"), NULL),
                                  score_of (N_UNITS - 1), 1e-9);

  /* anchored a row under the last (row 18, 17 from 0), in column A, and ending above the note */
  g_assert_cmpuint (number_after (drawing, "<xdr:from>", "xdr:row"), ==, 19);
  g_assert_cmpuint (number_after (drawing, "<xdr:from>", "xdr:col"), ==, 0);
  /* as wide as the table: it ends at the end of column D, at the start of column E */
  g_assert_cmpuint (number_after (drawing, "<xdr:to>", "xdr:col"), ==, 4);
  g_assert_cmpuint (number_after (drawing, "<xdr:to>", "xdr:colOff"), ==, 0);
  g_assert_cmpuint (number_after (drawing, "<xdr:to>", "xdr:row"), <, 41);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A42"), ==, NOTE);

  tj_test_rmdir (dir);
}

/* Body rows around a section's heading and above a total: the chart refers to the body cells
 * only, in two ranges. */
static void
test_xlsx_chart_body_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-chart-XXXXXX", NULL);
  g_autoptr (TjReport) report = ranking_new (N_UNITS, TRUE);
  g_autofree char *path = write_book (g_steal_pointer (&report), dir, "排名.xlsx");
  const char *chart_argv[] = { "unzip", "-p", path, "xl/charts/chart1.xml", NULL };
  g_autofree char *chart = tool_output (chart_argv);

  g_assert_nonnull (strstr (chart, "<c:f>('排名'!$B$4:$B$10,'排名'!$B$12:$B$19)</c:f>"));
  g_assert_nonnull (strstr (chart, "<c:f>('排名'!$D$4:$D$10,'排名'!$D$12:$D$19)</c:f>"));
  tj_test_rmdir (dir);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return tool_output (argv);
}

static guint
n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = tool_output (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Fifteen bars do not fit under the table: the chart starts page 2, title, every label and
 * score in the table's order, and the note after it. Five bars fit under their table on page 1. */
static void
test_pdf_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-chart-XXXXXX", NULL);
  g_autoptr (TjReport) report = ranking_new (N_UNITS, FALSE);
  g_autoptr (TjReport) short_report = ranking_new (5, FALSE);
  g_autofree char *path = write_book (g_steal_pointer (&report), dir, "排名.pdf");
  g_autofree char *short_path = write_book (g_steal_pointer (&short_report), dir, "短.pdf");
  g_autofree char *first = page_text (path, 1);
  g_autofree char *second = page_text (path, 2);
  g_autofree char *one = page_text (short_path, 1);
  const char *chart, *from;

  g_assert_cmpuint (n_pages (path), ==, 2);
  g_assert_nonnull (strstr (first, units[N_UNITS - 1]));
  g_assert_null (strstr (first, CHART_TITLE));
  chart = strstr (second, CHART_TITLE);
  g_assert_nonnull (chart);
  from = chart;
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autofree char *score = g_strdup_printf ("%.1f", score_of (i));
      const char *label = strstr (from, units[i]);

      /* in the table's order, each with its score on its line */
      g_assert_nonnull (label);
      g_assert_nonnull (strstr (label, score));
      g_assert_true (strstr (label, score) < strchr (label, '\n'));
      from = label;
    }
  g_assert_nonnull (strstr (from, "100"));
  g_assert_nonnull (strstr (second, "注："));
  g_assert_true (strstr (second, "注：") > from);

  g_assert_cmpuint (n_pages (short_path), ==, 1);
  chart = strstr (one, CHART_TITLE);
  g_assert_nonnull (chart);
  g_assert_true (chart > strstr (one, units[4]));
  for (guint i = 0; i < 5; i++)
    g_assert_nonnull (strstr (chart, units[i]));

  tj_test_rmdir (dir);
}

/* 200 bars do not fit a page: the chart goes on over pages in parts, every bar once in the
 * table's order, each part over its axis (0 to 40), the title on the first only. */
static void
test_pdf_chart_parts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-chart-XXXXXX", NULL);
  g_autoptr (TjReport) report = ranking_new (200, FALSE);
  g_autofree char *path = write_book (g_steal_pointer (&report), dir, "考核.pdf");
  guint pages = n_pages (path), page, chart_page = 0, next = 0, parts = 0;

  for (page = 1; page <= pages && chart_page == 0; page++)
    {
      g_autofree char *text = page_text (path, page);

      if (strstr (text, CHART_TITLE) != NULL)
        chart_page = page;
    }
  g_assert_cmpuint (chart_page, >, 1);
  for (page = chart_page; page <= pages; page++)
    {
      g_autofree char *text = page_text (path, page);
      const char *from = page == chart_page ? strstr (text, CHART_TITLE) : text;

      if (page > chart_page)
        g_assert_null (strstr (text, CHART_TITLE));
      for (; next < 200; next++)
        {
          g_autofree char *name = name_of (next);
          const char *label = strstr (from, name);

          if (label == NULL)
            break;
          from = label;
        }
      g_assert_nonnull (strstr (from, "40"));
      parts++;
    }
  g_assert_cmpuint (next, ==, 200);
  g_assert_cmpuint (parts, >=, 8);
  tj_test_rmdir (dir);
}

/* A ranking whose rows stream from a source: the bars are taken as the rows are read. */
static gboolean
streamed_next (gpointer     data,
               TjReportRow *row,
               GError     **error)
{
  guint *next = data;
  g_autofree char *name = NULL;

  if (*next >= N_UNITS)
    return FALSE;
  name = name_of (*next);
  tj_report_row_set_integer (row, COL_RANK, *next + 1);
  tj_report_row_set_text (row, COL_UNIT, name);
  tj_report_row_set_percent (row, COL_RATE, 0.5);
  tj_report_row_set_decimal (row, COL_SCORE, score_of (*next));
  (*next)++;
  return TRUE;
}

static void
streamed_rewind (gpointer data,
                 gboolean in_order)
{
  *(guint *) data = 0;
}

static void
test_streamed_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-chart-XXXXXX", NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (TjReport) report = ranking_new (0, FALSE);
      g_autofree char *path = NULL;

      tj_report_set_source (report, streamed_next, streamed_rewind, g_new0 (guint, 1), g_free);
      path = write_book (g_steal_pointer (&report), dir, i == 0 ? "流.xlsx" : "流.pdf");
      if (i == 0)
        {
          const char *argv[] = { "unzip", "-p", path, "xl/charts/chart1.xml", NULL };
          g_autofree char *chart = tool_output (argv);

          g_assert_nonnull (strstr (chart, "<c:val><c:numRef><c:f>'排名'!$D$4:$D$18</c:f>"));
          g_assert_nonnull (strstr (chart, "<c:v>石道乡</c:v>"));
        }
      else
        {
          g_autofree char *text = page_text (path, 2);
          const char *chart = strstr (text, CHART_TITLE);

          g_assert_nonnull (chart);
          g_assert_nonnull (strstr (chart, units[0]));
          g_assert_nonnull (strstr (chart, units[N_UNITS - 1]));
        }
    }
  tj_test_rmdir (dir);
}

/* TJ_CHART_DEMO=FOLDER: the ranking as a workbook and a PDF, to look at. */
static void
test_demo (void)
{
  const char *folder = g_getenv ("TJ_CHART_DEMO");

  if (folder == NULL)
    {
      g_test_skip ("TJ_CHART_DEMO is not set");
      return;
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "chart-demo.xlsx", "chart-demo.pdf", "chart-demo-200.pdf" };
      g_autoptr (TjReport) report = ranking_new (i < 2 ? N_UNITS : 200, FALSE);
      g_autofree char *path = write_book (g_steal_pointer (&report), folder, names[i]);

      g_test_message ("wrote %s", path);
    }
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/report-chart/xlsx", test_xlsx_chart);
  g_test_add_func ("/report-chart/xlsx-body-only", test_xlsx_chart_body_only);
  g_test_add_func ("/report-chart/pdf", test_pdf_chart);
  g_test_add_func ("/report-chart/pdf-parts", test_pdf_chart_parts);
  g_test_add_func ("/report-chart/streamed", test_streamed_chart);
  g_test_add_func ("/report-chart/demo", test_demo);
  return g_test_run ();
}
