/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page layout and the PDF writer, read back with poppler's pdftotext, pdfinfo and pdffonts. */
#include "tj-test.h"

#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "tj-error.h"
#include "tj-page-layout.h"
#include "tj-pdf-writer.h"
#include "tj-report.h"

#define A4_WIDTH 841.89
#define A4_HEIGHT 595.28
#define N_PROJECTS 120
#define TITLE "登封市重点项目建设进展情况通报"
#define DETAIL_TITLE "登封市重点项目建设进展明细表"
#define HEADER_WORD "灯色"
#define SECTION "一、按项目级别分"
#define TAIL_MARK "此为超长单元格的结尾"

enum
{
  COL_NUMBER,
  COL_NAME,
  COL_LEVEL,
  COL_CONTENT,
  COL_LOCALITY,
  COL_TOTAL,
  COL_PLAN,
  COL_DONE,
  COL_RATE,
  COL_START,
  COL_PROGRESS,
  COL_PROBLEMS,
  COL_LIGHT,
};

static char *
project_name (guint i)
{
  return g_strdup_printf ("城区项目%03u", i + 1);
}

static TjReport *
overview_new (void)
{
  TjReport *report = tj_report_new ("总体情况", TITLE);
  const char *levels[] = { "省重点", "郑州市重点", "登封市重点" };
  guint row;

  tj_report_set_subtitle (report, "（2026年1—10月）");
  tj_report_add_paragraph (report,
                           "截至10月底，全市156个重点项目累计完成投资128.45亿元，占年度计划的"
                           "86.2%，超序时进度2.9个百分点。计划新开工项目45个，已开工41个，开工率"
                           "91.1%。其中省重点项目12个，完成投资36.20亿元，占年度计划的92.4%；"
                           "郑州市重点项目38个，完成投资51.02亿元，占年度计划的84.7%。");
  tj_report_add_paragraph (report, "进度滞后项目8个，其中红灯3个、黄灯5个，详见附件。");
  tj_report_set_unit_line (report, "单位：亿元");
  tj_report_add_column (report, "级别", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "项目个数", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "年度计划（亿元）", TJ_REPORT_YI, 0);
  tj_report_add_column (report, "1—10月累计（亿元）", TJ_REPORT_YI, 0);
  tj_report_add_column (report, "完成率", TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, "与序时进度差（百分点）", TJ_REPORT_POINTS, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_SECTION);
  tj_report_set_text (report, row, 0, SECTION);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_text (report, row, 0, levels[i]);
      tj_report_set_integer (report, row, 1, 10 + i * 20);
      tj_report_set_money (report, row, 2, 400000000 + i * 123456789);
      tj_report_set_money (report, row, 3, 350000000 + i * 100000000);
      tj_report_set_percent (report, row, 4, 0.862 + i * 0.01);
      tj_report_set_points (report, row, 5, 2.94 - i * 3);
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, 0, "合计");
  tj_report_set_integer (report, row, 1, 90);
  tj_report_add_note (report, "注：完成率为1—10月累计完成投资占年度计划投资的比例。");
  return report;
}

static TjReport *
detail_new (guint    n_projects,
            gboolean huge_cell)
{
  TjReport *report = tj_report_new ("项目明细", DETAIL_TITLE);
  guint row;

  tj_report_set_unit_line (report, "单位：万元");
  tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, "级别", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "建设规模及内容", TJ_REPORT_TEXT, 36);
  tj_report_add_column (report, "属地", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "总投资（万元）", TJ_REPORT_WAN, 0);
  tj_report_add_column (report, "年度计划投资（万元）", TJ_REPORT_WAN, 0);
  tj_report_add_column (report, "1—10月累计（万元）", TJ_REPORT_WAN, 0);
  tj_report_add_column (report, "完成率", TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, "计划开工", TJ_REPORT_DATE, 0);
  tj_report_add_column (report, "形象进度", TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, "存在问题", TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, HEADER_WORD, TJ_REPORT_LIGHT, 0);

  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *name = project_name (i);
      g_autoptr (GString) content = g_string_new ("总建筑面积约");

      g_string_append_printf (content, "%u万平方米，", 3 + i % 17);
      for (guint k = 0; k < i % 4; k++)
        g_string_append (content, "主要建设标准化厂房、研发中心、仓储物流设施及配套道路管网，");
      g_string_append (content, "购置生产设备120台（套）。");

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, COL_NUMBER, i + 1);
      tj_report_set_text (report, row, COL_NAME, name);
      tj_report_set_text (report, row, COL_LEVEL, i % 3 == 0 ? "省重点" : "登封市重点");
      tj_report_set_text (report, row, COL_CONTENT, content->str);
      tj_report_set_text (report, row, COL_LOCALITY, i % 2 ? "大金店镇" : "嵩阳街道");
      tj_report_set_money (report, row, COL_TOTAL, (gint64) (i + 1) * 123456789);
      tj_report_set_money (report, row, COL_PLAN, (gint64) (i + 1) * 23456789);
      tj_report_set_money (report, row, COL_DONE, (gint64) (i + 1) * 13456789);
      tj_report_set_percent (report, row, COL_RATE, 13456789.0 / 23456789.0);
      tj_report_set_date (report, row, COL_START, "2026-03");
      tj_report_set_text (report, row, COL_PROGRESS,
                          i % 5 == 0 ? "主体结构完工，正在进行室内装修和设备安装调试" : "基础施工");
      tj_report_set_text (report, row, COL_PROBLEMS,
                          i % 7 == 0 ? "土地手续尚未办结，需自然资源部门加快组卷报批" : NULL);
      tj_report_set_light (report, row, COL_LIGHT, (TjLight) (i % 4));
    }
  if (huge_cell)
    {
      g_autoptr (GString) text = g_string_new (NULL);

      for (guint k = 0; k < 120; k++)
        g_string_append (text, "施工现场实行封闭管理，严格落实扬尘治理“八个百分之百”要求。");
      g_string_append (text, TAIL_MARK);
      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, COL_NUMBER, n_projects + 1);
      tj_report_set_text (report, row, COL_NAME, "超长项目");
      tj_report_set_text (report, row, COL_CONTENT, text->str);
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, COL_NUMBER, "合计");
  tj_report_set_text (report, row, COL_NAME, "120个项目");
  tj_report_set_money (report, row, COL_TOTAL, 89641974831);
  tj_report_add_note (report, "注：按完成率与序时进度之差亮灯，红灯为落后30个百分点以上。");
  return report;
}

static TjReportBook *
book_new (gboolean huge_cell)
{
  TjReportBook *book = tj_report_book_new ("登封市");

  tj_report_book_add (book, overview_new ());
  tj_report_book_add (book, detail_new (N_PROJECTS, huge_cell));
  return book;
}

/* Runs a poppler tool and returns what it printed. */
static char *
run_tool (const char *first,
          ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return g_steal_pointer (&out);
}

/* The text in the order it was drawn, without line ends or spaces: a wrapped cell reads whole. */
static char *
drawn_text (const char *pdf)
{
  g_autofree char *raw = run_tool ("pdftotext", "-raw", pdf, "-", NULL);
  GString *joined = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    if (*p != '\n' && *p != ' ')
      g_string_append_c (joined, *p);
  return g_string_free (joined, FALSE);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_tool ("pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL);
}

static guint
count_of (const char *text,
          const char *word)
{
  guint count = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + strlen (word), word))
    count++;
  return count;
}

/* A field of pdfinfo's answer, without the spaces that align it. */
static char *
info_field (const char *info,
            const char *name)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (name) + 1));
  return NULL;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static guint
layout_pages (TjReportBook *book)
{
  g_autoptr (TjPageLayout) layout = tj_page_layout_new (book);

  return tj_page_layout_paginate (layout, NULL, A4_WIDTH, A4_HEIGHT);
}

static void
test_pdf_content (void)
{
  g_autoptr (TjReportBook) book = book_new (FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "通报.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *drawn = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *second = NULL;
  guint n_pages = layout_pages (book);
  guint detail_first = 0;

  g_assert_true (tj_pdf_write (book, pdf, &error));
  g_assert_no_error (error);

  /* The 120 rows take several pages; the overview one. */
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, DETAIL_TITLE));
  g_assert_nonnull (strstr (text, "（2026年1—10月）"));
  g_assert_nonnull (strstr (text, "单位：万元"));
  drawn = drawn_text (pdf);
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autofree char *name = project_name (i);

      if (strstr (drawn, name) == NULL)
        g_error ("%s is missing from the PDF", name);
    }
  g_assert_nonnull (strstr (text, "8,964,197.48")); /* the total, rounded only when shown */
  g_assert_nonnull (strstr (text, "57.4%"));
  g_assert_nonnull (strstr (text, SECTION));
  g_assert_nonnull (strstr (text, "+2.9"));
  g_assert_nonnull (strstr (text, "-3.1"));

  /* The sheets start pages of their own; the detail's header is on every page of it, once. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *one = page_text (pdf, page);
      g_autofree char *folio = g_strdup_printf ("— %u —", page);

      g_assert_nonnull (strstr (one, folio));
      if (strstr (one, DETAIL_TITLE) != NULL)
        detail_first = page;
      if (detail_first > 0)
        g_assert_cmpuint (count_of (one, HEADER_WORD), ==, 1);
      else
        g_assert_cmpuint (count_of (one, HEADER_WORD), ==, 0);
    }
  g_assert_cmpuint (detail_first, ==, 2);
  second = page_text (pdf, 2);
  g_assert_nonnull (strstr (second, "— 2 —"));
  g_assert_null (strstr (second, TITLE));

  info = run_tool ("pdfinfo", pdf, NULL);
  {
    g_autofree char *title = info_field (info, "Title");
    g_autofree char *creator = info_field (info, "Creator");
    g_autofree char *author = info_field (info, "Author");
    g_autofree char *size = info_field (info, "Page size");

    g_assert_cmpstr (title, ==, TITLE);
    g_assert_cmpstr (creator, ==, "推进 Tuijin");
    g_assert_cmpstr (author, ==, "登封市");
    g_assert_cmpstr (size, ==, "841.89 x 595.28 pts (A4)");
  }

  /* Only the Simplified Chinese Noto faces, embedded. */
  fonts = run_tool ("pdffonts", pdf, NULL);
  {
    g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
    guint n_fonts = 0;

    for (guint i = 2; lines[i] != NULL; i++)
      {
        if (*lines[i] == '\0')
          continue;
        if (strstr (lines[i], "NotoSansCJKsc-") == NULL &&
            strstr (lines[i], "NotoSerifCJKsc-") == NULL)
          g_error ("not a Noto CJK SC face: %s", lines[i]);
        n_fonts++;
      }
    g_assert_cmpuint (n_fonts, >=, 2);
    g_assert_nonnull (strstr (fonts, "NotoSansCJKsc-Bold"));
    g_assert_nonnull (strstr (fonts, "NotoSerifCJKsc-Regular"));
    g_assert_nonnull (strstr (fonts, "NotoSerifCJKsc-Bold")); /* the totals row */
  }

  tj_test_rmdir (dir);
}

/* A row taller than a page is the only one cut: between its lines, going on under the header
 * of the next page, nothing lost. */
static void
test_pdf_huge_row (void)
{
  g_autoptr (TjReportBook) book = book_new (TRUE);
  g_autoptr (TjReportBook) plain = book_new (FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "huge.pdf", NULL);
  g_autofree char *text = NULL;
  guint n_pages = layout_pages (book);

  g_assert_cmpuint (n_pages, >=, layout_pages (plain) + 2);
  g_assert_true (tj_pdf_write (book, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
  text = drawn_text (pdf);
  g_assert_nonnull (strstr (text, "超长项目"));
  g_assert_nonnull (strstr (text, "合计"));
  g_assert_nonnull (strstr (text, TAIL_MARK));
  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *one = page_text (pdf, page);

      g_assert_cmpuint (count_of (one, HEADER_WORD), ==, 1);
    }
  tj_test_rmdir (dir);
}

/* Text before a table flows over pages, cut between its lines; a report may have no table. */
static void
test_pdf_long_text (void)
{
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "text.pdf", NULL);
  g_autofree char *text = NULL;
  TjReport *report = tj_report_new ("说明", "关于重点项目建设情况的说明");
  guint n_pages;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (GString) paragraph = g_string_new (NULL);

      for (guint k = 0; k < 6; k++)
        g_string_append (paragraph, "各乡镇（街道、区）要压实责任，倒排工期，挂图作战，确保项目按期开工、"
                                    "早日竣工、尽快达效。");
      g_string_append_printf (paragraph, "第%u段完。", i + 1);
      tj_report_add_paragraph (report, paragraph->str);
    }
  tj_report_add_note (report, "附注完。");
  tj_report_book_add (book, report);

  n_pages = layout_pages (book);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (tj_pdf_write (book, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
  text = drawn_text (pdf);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *mark = g_strdup_printf ("第%u段完。", i + 1);

      g_assert_nonnull (strstr (text, mark));
    }
  g_assert_nonnull (strstr (text, "附注完。"));
  tj_test_rmdir (dir);
}

/* The print operation hands its own PangoContext and page size in its own units: the same
 * pages come out at any resolution. */
static void
test_layout_resolution (void)
{
  g_autoptr (TjReportBook) book = book_new (FALSE);
  guint n_pages = layout_pages (book);
  const double resolutions[] = { 72, 300, 600 };

  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    {
      double scale = resolutions[i] / 72;
      PangoContext *context;
      g_autoptr (TjPageLayout) layout = tj_page_layout_new (book);
      cairo_font_options_t *options = cairo_font_options_create ();
      cairo_surface_t *surface;
      cairo_t *cr;

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (context, resolutions[i]);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);

      g_assert_cmpuint (tj_page_layout_paginate (layout, context, A4_WIDTH * scale,
                                                 A4_HEIGHT * scale),
                        ==, n_pages);
      g_assert_cmpuint (tj_page_layout_get_n_pages (layout), ==, n_pages);

      /* Every page draws on a small raster without complaint. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 84, 60);
      cr = cairo_create (surface);
      cairo_scale (cr, 0.1 / scale, 0.1 / scale);
      for (guint page = 0; page < n_pages; page++)
        tj_page_layout_draw_page (layout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (context);
    }
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    count++;
  return count;
}

/* A write that fails leaves nothing behind and says which file. */
static void
test_pdf_failed (void)
{
  g_autoptr (TjReportBook) book = book_new (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "x.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_pdf_write (book, missing, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The rename fails over a folder: the finished temporary file goes too. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_false (tj_pdf_write (book, taken, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, taken));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_rmdir (taken);

  /* A folder without write permission (root writes anywhere). */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (tj_pdf_write (book, in_locked, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (locked), ==, 0);
    }
  g_rmdir (locked);
  tj_test_rmdir (dir);
}

/* A locality table of n_rows and its 合计 under n_paragraphs lines of text. */
static TjReportBook *
locality_book (guint n_paragraphs,
               guint n_rows)
{
  TjReportBook *book = tj_report_book_new ("登封市");
  TjReport *report = tj_report_new ("分属地", "登封市重点项目分属地完成情况");
  guint row;

  tj_report_set_subtitle (report, "（2026年1—10月）");
  for (guint i = 0; i < n_paragraphs; i++)
    tj_report_add_paragraph (report, "全市重点项目建设总体平稳，各属地按月推进。");
  tj_report_set_unit_line (report, "单位：万元");
  tj_report_add_column (report, "属地", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "项目数", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "累计完成（万元）", TJ_REPORT_WAN, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("乡镇%02u", i + 1);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_text (report, row, 0, name);
      tj_report_set_integer (report, row, 1, i + 1);
      tj_report_set_money (report, row, 2, 10000 * (gint64) (i + 1));
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, 0, "合计");
  tj_report_set_integer (report, row, 1, n_rows);
  tj_report_add_note (report, "注：按完成率从高到低排列。");
  tj_report_book_add (book, report);
  return book;
}

/* Point 12 of issue 7: whatever text comes before it, a table that goes on over pages starts with
 * at least five rows under its header, else on a new page; its 合计 never stands on a page
 * without two of its rows. Swept over the room left on the first page, so that the table
 * begins with every count of rows and breaks before every one of its last rows. */
static void
test_pdf_table_keeps_together (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "分属地.pdf", NULL);
  guint moved = 0, carried = 0;

  for (guint n_paragraphs = 0; n_paragraphs <= 26; n_paragraphs++)
    {
      g_autoptr (TjReportBook) book = locality_book (n_paragraphs, 17);
      g_autoptr (GError) error = NULL;
      guint n_pages;

      g_assert_true (tj_pdf_write (book, pdf, &error));
      g_assert_no_error (error);
      n_pages = pdf_pages (pdf);
      for (guint page = 1; page <= n_pages; page++)
        {
          g_autofree char *text = page_text (pdf, page);
          g_autofree char *next = page < n_pages ? page_text (pdf, page + 1) : g_strdup ("");
          guint rows = count_of (text, "乡镇");

          if (rows > 0 && count_of (next, "乡镇") > 0)
            {
              if (rows < 5)
                g_error ("%u lines of text: page %u ends with the header and %u rows", n_paragraphs,
                         page, rows);
              g_assert_nonnull (strstr (text, "累计完成"));
            }
          if (strstr (text, "合计") != NULL)
            {
              if (rows < 2)
                g_error ("%u lines of text: 合计 on page %u with %u rows", n_paragraphs, page, rows);
              carried += page > 1 && rows < 5;
            }
          /* the first page of text alone: the table moved to the next one */
          moved += page == 1 && rows == 0 && n_pages > 1 && count_of (next, "乡镇") == 17;
        }
    }
  /* Both rules were put to work, not just never needed. */
  g_assert_cmpuint (moved, >, 0);
  g_assert_cmpuint (carried, >, 0);
  tj_test_rmdir (dir);
}

/* A streamed twin of a report in memory: the same title, columns and text, its rows pulled one
 * at a time from a source that reads the report in memory, as the register and the bulletin
 * stream theirs from SQLite. */
typedef struct
{
  TjReport *memory;
  guint next;
  guint reads;       /* the times the rows were read from the first */
  guint fail_read;   /* the read (from 1) that fails at fail_row; 0: none */
  guint fail_row;
} TwinSource;

static gboolean
twin_next (gpointer     data,
           TjReportRow *row,
           GError     **error)
{
  TwinSource *source = data;
  TjReport *memory = source->memory;
  guint r = source->next;

  if (source->reads == source->fail_read && r == source->fail_row)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, "数据库读取失败（第%u行）", r + 1);
      return FALSE;
    }
  if (r >= tj_report_get_n_rows (memory))
    return FALSE;
  source->next++;
  tj_report_row_set_kind (row, tj_report_get_row_kind (memory, r));
  for (guint c = 0; c < tj_report_get_n_columns (memory); c++)
    {
      const TjReportCell *cell = tj_report_get_cell (memory, r, c);

      switch (cell->type)
        {
        case TJ_REPORT_TEXT:
          tj_report_row_set_text (row, c, cell->value.text);
          break;
        case TJ_REPORT_DATE:
          tj_report_row_set_date (row, c, cell->value.text);
          break;
        case TJ_REPORT_INTEGER:
          tj_report_row_set_integer (row, c, cell->value.number);
          break;
        case TJ_REPORT_WAN:
        case TJ_REPORT_YI:
          tj_report_row_set_money (row, c, cell->value.yuan);
          break;
        case TJ_REPORT_PERCENT:
          tj_report_row_set_percent (row, c, cell->value.fraction);
          break;
        case TJ_REPORT_POINTS:
          tj_report_row_set_points (row, c, cell->value.fraction);
          break;
        case TJ_REPORT_DECIMAL:
          tj_report_row_set_decimal (row, c, cell->value.fraction);
          break;
        case TJ_REPORT_LIGHT:
          tj_report_row_set_light (row, c, cell->value.light);
          break;
        case TJ_REPORT_EMPTY:
        default:
          break;
        }
    }
  return TRUE;
}

static void
twin_rewind (gpointer data,
             gboolean in_order)
{
  /* the rows come in order either way */
  ((TwinSource *) data)->next = 0;
  ((TwinSource *) data)->reads++;
}

static TjReport *
streamed_twin (TjReport *memory)
{
  TjReport *twin = tj_report_new (memory->sheet_name, memory->title);
  TwinSource *source = g_new0 (TwinSource, 1);

  tj_report_set_subtitle (twin, memory->subtitle);
  tj_report_set_unit_line (twin, memory->unit_line);
  for (guint i = 0; i < memory->paragraphs->len; i++)
    tj_report_add_paragraph (twin, g_ptr_array_index (memory->paragraphs, i));
  for (guint i = 0; i < memory->notes->len; i++)
    tj_report_add_note (twin, g_ptr_array_index (memory->notes, i));
  for (guint c = 0; c < tj_report_get_n_columns (memory); c++)
    {
      const TjReportColumn *column = tj_report_get_column (memory, c);

      tj_report_add_column (twin, column->header, column->type, column->max_width);
    }
  twin->frozen_columns = memory->frozen_columns;
  source->memory = memory;
  tj_report_set_source (twin, twin_next, twin_rewind, source, g_free);
  g_assert_true (tj_report_is_streamed (twin));
  return twin;
}

/* Writes the book and its twin of streamed reports and compares them page by page. */
static guint
assert_same_as_streamed (TjReportBook *book,
                         const char   *dir)
{
  g_autoptr (TjReportBook) twin = tj_report_book_new (book->organisation);
  g_autofree char *pdf = g_build_filename (dir, "内存.pdf", NULL);
  g_autofree char *streamed_pdf = g_build_filename (dir, "流式.pdf", NULL);
  g_autoptr (GError) error = NULL;
  guint n_pages;

  for (guint i = 0; i < book->reports->len; i++)
    tj_report_book_add (twin, streamed_twin (g_ptr_array_index (book->reports, i)));
  g_assert_true (tj_pdf_write (book, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (tj_pdf_write (twin, streamed_pdf, &error));
  g_assert_no_error (error);
  /* never read into memory: its rows were read once from the source, to measure the columns,
   * and measured and drawn again from the copy kept in a file as they were read */
  for (guint i = 0; i < twin->reports->len; i++)
    {
      TjReport *report = g_ptr_array_index (twin->reports, i);

      g_assert_true (tj_report_is_streamed (report));
      if (tj_report_get_n_columns (report) > 0)
        g_assert_cmpuint (((TwinSource *) report->source)->reads, ==, 1);
    }

  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (pdf_pages (streamed_pdf), ==, n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page);
      g_autofree char *streamed_text = page_text (streamed_pdf, page);

      if (g_strcmp0 (text, streamed_text) != 0)
        g_error ("page %u of %u differs when its rows stream:\n%s\n----\n%s", page, n_pages,
                 text, streamed_text);
    }
  return n_pages;
}

/* Point 3 of issue 11: a report whose rows stream from a source (the register, the bulletin's
 * detail) prints the same pages as the same report held in memory: the same text on each page,
 * with the rules that look ahead (a table starts with five rows, a total keeps two, a row taller
 * than a page is cut) put to work. */
static void
test_pdf_streamed_same_pages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autoptr (TjReportBook) book = book_new (TRUE);
  guint over_pages = 0;

  g_assert_cmpuint (assert_same_as_streamed (book, dir), >, 2);
  for (guint n_paragraphs = 0; n_paragraphs <= 26; n_paragraphs += 2)
    {
      g_autoptr (TjReportBook) locality = locality_book (n_paragraphs, 17);

      over_pages += assert_same_as_streamed (locality, dir) > 1;
    }
  g_assert_cmpuint (over_pages, >, 0);
  tj_test_rmdir (dir);
}

/* A streamed report whose rows cannot be read (its first row, one in the middle, one near the
 * end: the rows are read from the source once, to measure the columns): the export says why,
 * and the PDF written before is left whole. */
static void
test_pdf_streamed_read_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "台账.pdf", NULL);
  g_autoptr (TjReportBook) before = book_new (FALSE);
  guint n_pages;

  g_assert_true (tj_pdf_write (before, pdf, NULL));
  n_pages = pdf_pages (pdf);
  for (guint at = 0; at < 3; at++)
    {
      g_autoptr (TjReportBook) book = book_new (TRUE);
      g_autoptr (TjReportBook) twin = tj_report_book_new (book->organisation);
      g_autoptr (GError) error = NULL;
      TjReport *report;
      TwinSource *source;

      report = streamed_twin (g_ptr_array_index (book->reports, 1));
      tj_report_book_add (twin, report);
      source = report->source;
      source->fail_read = 1;
      source->fail_row = at == 0   ? 0
                         : at == 1 ? tj_report_get_n_rows (source->memory) / 2
                                   : tj_report_get_n_rows (source->memory) - 2;
      g_assert_false (tj_pdf_write (twin, pdf, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_DATABASE);
      g_assert_nonnull (strstr (error->message, "数据库读取失败"));
      g_assert_cmpuint (source->reads, ==, 1);
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
    }
  tj_test_rmdir (dir);
}

/* The PDF's bytes, its creation date blanked. */
static GBytes *
pdf_without_date (const char *path)
{
  static const char mark[] = "/CreationDate (D:";
  char *contents = NULL;
  gsize length;
  char *date;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (date = contents; date + strlen (mark) < contents + length; date++)
    if (memcmp (date, mark, strlen (mark)) == 0)
      break;
  g_assert_true (date + strlen (mark) < contents + length);
  for (date += strlen (mark); *date != ')'; date++)
    *date = '0';
  return g_bytes_new_take (contents, length);
}

/* A streamed table longer than the rows whose widths the column fitting keeps (65,536) goes
 * back for its sampled rows to the copy kept as it was read, not held in memory: the same PDF,
 * byte for byte (but its date), as the table held in memory, over a thousand pages; the source
 * read once. */
static void
test_pdf_streamed_long_table (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "内存.pdf", NULL);
  g_autofree char *streamed_pdf = g_build_filename (dir, "流式.pdf", NULL);
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (TjReportBook) twin = tj_report_book_new ("登封市");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) held = NULL;
  g_autoptr (GBytes) streamed = NULL;
  TjReport *report = tj_report_new ("名单", "登封市重点项目名单");

  tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 24);
  for (guint i = 1; i <= 70000; i++)
    {
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      g_autofree char *name = NULL;

      /* names of every length, a few wrapping, the longest late in the table */
      name = g_strdup_printf ("%s第%u号工程", i % 7 == 0 ? "嵩山大道北延及少林大道东延工程配套" :
                                               i > 69000 ? "告成镇污水处理厂及配套管网提升改造" : "",
                              i);
      tj_report_set_integer (report, row, 0, i);
      tj_report_set_text (report, row, 1, name);
    }
  tj_report_book_add (book, report);
  tj_report_book_add (twin, streamed_twin (report));
  g_assert_true (tj_pdf_write (book, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (tj_pdf_write (twin, streamed_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (((TwinSource *) ((TjReport *) g_ptr_array_index (twin->reports, 0))->source)->reads,
                    ==, 1);
  g_assert_cmpuint (pdf_pages (pdf), >, 1000);
  held = pdf_without_date (pdf);
  streamed = pdf_without_date (streamed_pdf);
  g_assert_cmpuint (g_bytes_get_size (held), >, 1000000);
  g_assert_true (g_bytes_equal (held, streamed));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);

  g_test_add_func ("/tj/pdf/content-headers-pages-fonts", test_pdf_content);
  g_test_add_func ("/tj/pdf/row-taller-than-a-page-is-cut-between-lines", test_pdf_huge_row);
  g_test_add_func ("/tj/pdf/long-text-flows-over-pages", test_pdf_long_text);
  g_test_add_func ("/tj/pdf/layout-is-the-same-at-any-resolution", test_layout_resolution);
  g_test_add_func ("/tj/pdf/failed-write-leaves-no-file", test_pdf_failed);
  g_test_add_func ("/tj/pdf/table-starts-with-five-rows-total-keeps-two",
                   test_pdf_table_keeps_together);
  g_test_add_func ("/tj/pdf/streamed-report-prints-the-same-pages", test_pdf_streamed_same_pages);
  g_test_add_func ("/tj/pdf/streamed-rows-unreadable-leave-no-file", test_pdf_streamed_read_fails);
  g_test_add_func ("/tj/pdf/streamed-long-table-read-again-not-held",
                   test_pdf_streamed_long_table);
  return g_test_run ();
}
