/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report model, the register report and the .xlsx writer, read back with openpyxl. */
#include "tj-test.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "tj-error.h"
#include "tj-person.h"
#include "tj-project.h"
#include "tj-register-report.h"
#include "tj-report-format.h"
#include "tj-report.h"
#include "tj-row-spool.h"
#include "tj-unit.h"
#include "tj-xlsx-writer.h"

/* The fixture's figures, worked out by hand. Every plan is 1 000.0049 万元: each shows as
 * 1,000.00, yet the three make 3 000.0147 万元, shown 3,000.01. A total summed from rounded
 * figures would say 3,000.00. */
#define PLAN_EACH 10000049           /* 1 000.0049 万元 */
#define TOTAL_CITY 50004999          /* 5 000.4999 万元, shown 5,000.50 */
#define TOTAL_PROVINCIAL 123454999   /* 12 345.4999 万元, shown 12,345.50 */
#define TOTAL_PREFECTURAL 20000001   /* 2 000.0001 万元, shown 2,000.00 */
#define SUM_TOTAL 193459999          /* 19 345.9999 万元, shown 19,346.00 */
#define SUM_PLAN 30000147            /* 3 000.0147 万元, shown 3,000.01 */

typedef struct
{
  char *dir;
  TjDb *db;
} Fixture;

static gint64
add_person (TjDb       *db,
            const char *name,
            gboolean    leader)
{
  g_autoptr (TjPerson) person = tj_person_new ();
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->is_leader = leader;
  person->is_officer = !leader;
  g_assert_true (tj_person_save (db, person, &error));
  return person->id;
}

static void
add_project (TjDb       *db,
             const char *name,
             TjLevel     level,
             TjNature    nature,
             const char *locality,
             gint64      total,
             gint64      leader,
             gint64      officer)
{
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  p->year = 2026;
  p->name = g_strdup (name);
  p->level = level;
  p->nature = nature;
  p->industry = g_strdup ("城建及基础设施");
  p->content = g_strdup ("新建日处理2万吨污水处理厂一座，配套建设污水管网18公里");
  p->locality_id = tj_unit_find (db, locality);
  p->unit_id = tj_unit_find (db, "住建局");
  p->leader_id = leader;
  p->officer_id = officer;
  p->owner = g_strdup ("登封市城市建设投资集团有限公司");
  p->contact = g_strdup ("李志强");
  p->phone = g_strdup ("0371-62871234");
  p->total_investment = total;
  p->annual_plan = PLAN_EACH;
  p->planned_start = g_strdup ("2026-03");
  p->planned_completion = g_strdup ("2027-06");
  if (nature != TJ_NATURE_NEW)
    {
      p->actual_start = g_strdup ("2025-04-10");
      p->stats_date = g_strdup ("2025-05-20");
    }
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
}

/* Three projects entered city first, provincial second, prefectural third. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 leader, officer;

  fixture->db = tj_test_db_new (&fixture->dir);
  leader = add_person (fixture->db, "王国强", TRUE);
  officer = add_person (fixture->db, "郑宏伟", FALSE);
  add_project (fixture->db, "告成镇污水处理厂及配套管网工程", TJ_LEVEL_CITY, TJ_NATURE_NEW,
               "告成镇", TOTAL_CITY, 0, officer);
  add_project (fixture->db, "嵩山大道北延工程", TJ_LEVEL_PROVINCIAL, TJ_NATURE_CONTINUING,
               "嵩阳街道", TOTAL_PROVINCIAL, leader, officer);
  add_project (fixture->db, "市人民医院门急诊综合楼项目", TJ_LEVEL_PREFECTURAL,
               TJ_NATURE_COMPLETING, "少林街道", TOTAL_PREFECTURAL, leader, officer);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_db_free (&fixture->db, &fixture->dir);
}

static char *
cell_text (TjReport *report,
           guint     row,
           guint     column)
{
  return tj_report_cell_text (tj_report_get_cell (report, row, column));
}

#define assert_cell_text(report, row, column, expected)                                         \
  G_STMT_START                                                                                 \
  {                                                                                            \
    g_autofree char *text_ = cell_text ((report), (row), (column));                            \
    g_assert_cmpstr (text_, ==, (expected));                                                   \
  }                                                                                            \
  G_STMT_END

static void
test_cell_text (void)
{
  g_autoptr (TjReport) report = tj_report_new ("s", "t");
  guint row;

  tj_report_add_column (report, "wan", TJ_REPORT_WAN, 0);
  tj_report_add_column (report, "yi", TJ_REPORT_YI, 0);
  tj_report_add_column (report, "rate", TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, "light", TJ_REPORT_LIGHT, 0);
  tj_report_add_column (report, "count", TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, "date", TJ_REPORT_DATE, 0);

  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  g_assert_cmpuint (tj_report_get_cell (report, row, 0)->type, ==, TJ_REPORT_EMPTY);
  assert_cell_text (report, row, 0, "");
  tj_report_set_money (report, row, 0, 123456789);
  tj_report_set_money (report, row, 1, 123456789);
  tj_report_set_percent (report, row, 2, 0.862);
  tj_report_set_light (report, row, 3, TJ_LIGHT_RED);
  tj_report_set_integer (report, row, 4, 128);
  tj_report_set_date (report, row, 5, "2026-03-15");
  assert_cell_text (report, row, 0, "12,345.68");
  assert_cell_text (report, row, 1, "1.23");
  assert_cell_text (report, row, 2, "86.2%");
  assert_cell_text (report, row, 3, "红");
  assert_cell_text (report, row, 4, "128");
  assert_cell_text (report, row, 5, "2026-03-15");

  /* Half away from zero, in money and in rates. */
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_money (report, row, 0, -10050);
  tj_report_set_percent (report, row, 2, 0.0625);
  tj_report_set_light (report, row, 3, TJ_LIGHT_GREEN);
  assert_cell_text (report, row, 0, "-1.01");
  assert_cell_text (report, row, 2, "6.3%");
  assert_cell_text (report, row, 3, "绿");
  tj_report_set_money (report, row, 0, 10049);
  assert_cell_text (report, row, 0, "1.00");
  g_assert_cmpuint (tj_report_get_row_kind (report, row), ==, TJ_REPORT_ROW_TOTAL);
  g_assert_cmpuint (tj_report_get_n_rows (report), ==, 2);
  g_assert_cmpuint (tj_report_get_n_columns (report), ==, 6);
}

static void
test_register_totals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReport) report = tj_register_report_build (fixture->db, 2026, NULL, &error);
  const TjReportCell *cell;

  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "登封市2026年重点项目名单");
  g_assert_cmpstr (report->sheet_name, ==, "2026年重点项目");
  g_assert_cmpstr (report->unit_line, ==, "单位：万元");
  g_assert_cmpuint (tj_report_get_n_columns (report), ==, 22);
  g_assert_cmpstr (tj_report_get_column (report, 0)->header, ==, "序号");
  g_assert_cmpstr (tj_report_get_column (report, 5)->header, ==, "建设规模及内容");
  g_assert_cmpstr (tj_report_get_column (report, 13)->header, ==, "总投资（万元）");
  g_assert_cmpstr (tj_report_get_column (report, 14)->header, ==, "年度计划投资（万元）");
  g_assert_cmpstr (tj_report_get_column (report, 19)->header, ==, "入库日期");
  g_assert_cmpstr (tj_report_get_column (report, 20)->header, ==, "项目编号");
  g_assert_cmpstr (tj_report_get_column (report, 21)->header, ==, "备注");

  /* By level: provincial, prefectural, city; then 合计. */
  g_assert_cmpuint (tj_report_get_n_rows (report), ==, 4);
  assert_cell_text (report, 0, 1, "嵩山大道北延工程");
  assert_cell_text (report, 0, 2, "省重点");
  assert_cell_text (report, 0, 3, "续建");
  assert_cell_text (report, 0, 8, "王国强");
  assert_cell_text (report, 0, 13, "12,345.50");
  assert_cell_text (report, 1, 1, "市人民医院门急诊综合楼项目");
  assert_cell_text (report, 1, 2, "郑州市重点");
  assert_cell_text (report, 1, 13, "2,000.00");
  assert_cell_text (report, 2, 0, "3");
  assert_cell_text (report, 2, 2, "登封市重点");
  assert_cell_text (report, 2, 6, "告成镇");
  assert_cell_text (report, 2, 8, "");
  assert_cell_text (report, 2, 13, "5,000.50");
  assert_cell_text (report, 2, 14, "1,000.00");
  assert_cell_text (report, 2, 15, "2026-03");
  assert_cell_text (report, 2, 17, "");

  g_assert_cmpuint (tj_report_get_row_kind (report, 3), ==, TJ_REPORT_ROW_TOTAL);
  assert_cell_text (report, 3, 0, "合计");
  assert_cell_text (report, 3, 1, "3个项目");
  cell = tj_report_get_cell (report, 3, 13);
  g_assert_cmpuint (cell->type, ==, TJ_REPORT_WAN);
  g_assert_cmpint (cell->value.yuan, ==, SUM_TOTAL);
  assert_cell_text (report, 3, 13, "19,346.00");
  g_assert_cmpint (tj_report_get_cell (report, 3, 14)->value.yuan, ==, SUM_PLAN);
  assert_cell_text (report, 3, 14, "3,000.01");
}

static void
test_register_given_projects (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = tj_project_list (fixture->db, 2026, &error);
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  g_autoptr (TjReport) report = NULL;

  g_assert_no_error (error);
  g_assert_true (tj_db_set_setting (fixture->db, "organisation", "巩义市", &error));
  /* What a window shows, in its order: the city project, then the provincial one. */
  g_ptr_array_add (shown, g_ptr_array_index (all, 0));
  g_ptr_array_add (shown, g_ptr_array_index (all, 1));
  report = tj_register_report_build (fixture->db, 2026, shown, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "巩义市2026年重点项目名单");
  g_assert_cmpuint (tj_report_get_n_rows (report), ==, 3);
  assert_cell_text (report, 0, 1, "告成镇污水处理厂及配套管网工程");
  assert_cell_text (report, 1, 1, "嵩山大道北延工程");
  assert_cell_text (report, 2, 1, "2个项目");
  g_assert_cmpint (tj_report_get_cell (report, 2, 13)->value.yuan, ==,
                   TOTAL_CITY + TOTAL_PROVINCIAL);
  g_assert_cmpint (tj_report_get_cell (report, 2, 14)->value.yuan, ==, 2 * PLAN_EACH);
}

static void
test_register_xlsx (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "名单.xlsx", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;

  g_assert_true (tj_register_write (fixture->db, 2026, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* Row 1 title, 2 unit line, 3 header, 4–6 projects, 7 合计. */
  facts = tj_test_xlsx_read (path, 0, "A1", "T2", "A3", "B3", "N3", "U3", "V3", "B4", "F4", "N4",
                             "C5", "N5", "C6", "P6", "R6", "A7", "B7", "N7", "O7", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "sheets"), ==, "2026年重点项目");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "doc_title"), ==, "登封市2026年重点项目名单");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "max_row"), ==, "7");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "max_column"), ==, "22");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "登封市2026年重点项目名单");
  g_assert_nonnull (strstr (tj_test_xlsx_fact (facts, "merged"), "A1:V1"));
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "overlapping_merges"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1.bold"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1.font"), ==, "黑体");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1.size"), ==, "16.0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1.align"), ==, "center");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "T2"), ==, "单位：万元");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "T2.align"), ==, "right");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A3"), ==, "序号");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3"), ==, "项目名称");
  /* 项目编号 and 备注 last, as the ledger's import reads them */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "U3"), ==, "项目编号");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "V3"), ==, "备注");
  /* A header breaks before its unit. */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N3"), ==, "总投资\n（万元）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3.bold"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3.border"), ==, "thin");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3.wrap"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "freeze"), ==, "C4");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4"), ==, "嵩山大道北延工程");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4.font"), ==, "仿宋");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4.bold"), ==, "False");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F4.wrap"), ==, "True");
  /* Money is a number in 万元, to the yuan, shown with two decimals. */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N4"), ==, "12345.4999");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N4.type"), ==, "float");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N4.format"), ==, "#,##0.00");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N4.align"), ==, "right");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C5"), ==, "郑州市重点");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N5"), ==, "2000.0001");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C6"), ==, "登封市重点");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P6"), ==, "2026-03");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P6.type"), ==, "str");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "R6"), ==, "");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A7"), ==, "合计");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A7.bold"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B7"), ==, "3个项目");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N7"), ==, "19345.9999");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "N7.bold"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O7"), ==, "3000.0147");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O7.format"), ==, "#,##0.00");

  /* A4 landscape, one page wide, the header on every page, numbered pages. */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "paper"), ==, "9");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "orientation"), ==, "landscape");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_to_page"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_width"), ==, "1");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_height"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "print_titles"), ==, "$3:$3");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "footer"), ==, "第 &P 页，共 &N 页");
}

/* Files in @dir that an export left beside its target: ".NAME.tj-….part" or "NAME.part". */
static guint
count_temporaries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      n++;
  return n;
}

static void
test_failed_write_leaves_no_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "名单.xlsx", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "名单.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_register_write (fixture->db, 2026, missing, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "名单.xlsx"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A target that cannot be replaced (a folder): the temporary file goes too. */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (tj_register_write (fixture->db, 2026, path, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);

  /* A failed (here cancelled) export leaves the previous file as it was, and no temporary. */
  g_assert_true (tj_register_write (fixture->db, 2026, path, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_cancellable_cancel (cancellable);
  g_cancellable_push_current (cancellable);
  g_assert_false (tj_register_write (fixture->db, 2026, path, &error));
  g_cancellable_pop_current (cancellable);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);
}

/* libxlsxwriter 1.1.4's pitfalls: names Excel refuses, duplicate names, empty names, one-column
 * tables (a merge of one cell), overlong text. */
static void
test_xlsx_guards (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GString) long_name = g_string_new (NULL);
  g_autoptr (GVariant) first = NULL;
  g_autoptr (GVariant) second = NULL;
  g_autoptr (GError) error = NULL;
  TjReport *report;
  guint row;

  for (guint i = 0; i < 40000; i++)
    g_string_append (long_text, "项");
  for (guint i = 0; i < 10; i++)
    g_string_append (long_name, "重点项目");

  report = tj_report_new ("a/b", "一栏");
  tj_report_add_column (report, "说明", TJ_REPORT_TEXT, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  tj_report_set_text (report, row, 0, long_text->str);
  tj_report_book_add (book, report);

  /* A bulletin-like sheet: subtitle, overview, lights, rates, 亿元, notes. */
  report = tj_report_new ("A:B", "登封市重点项目建设进度通报");
  tj_report_set_subtitle (report, "（2026年1—10月）");
  tj_report_add_paragraph (report, "1—10月，全市重点项目完成投资86.2亿元，完成年度计划的86.2%。");
  tj_report_set_unit_line (report, "单位：亿元");
  tj_report_add_column (report, "属地", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "完成率", TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, "灯色", TJ_REPORT_LIGHT, 0);
  tj_report_add_column (report, "累计完成", TJ_REPORT_YI, 0);
  tj_report_add_column (report, "项目数", TJ_REPORT_INTEGER, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  tj_report_set_text (report, row, 0, "大金店镇");
  tj_report_set_percent (report, row, 1, 0.862);
  tj_report_set_light (report, row, 2, TJ_LIGHT_RED);
  tj_report_set_money (report, row, 3, 123456789);
  tj_report_set_integer (report, row, 4, 42);
  tj_report_add_note (report, "注：灯色按低于序时进度的百分点数确定。");
  tj_report_book_add (book, report);

  tj_report_book_add (book, tj_report_new ("", "无名"));
  tj_report_book_add (book, tj_report_new ("'引号'", "引号"));
  tj_report_book_add (book, tj_report_new (long_name->str, "长名"));

  g_assert_true (tj_xlsx_write (book, path, &error));
  g_assert_no_error (error);

  first = tj_test_xlsx_read (path, 0, "A1", "A3", NULL);
  /* The last name is cut to 31 characters. */
  g_assert_cmpstr (tj_test_xlsx_fact (first, "sheets"), ==,
                   "a_b|A_B(2)|Sheet3|引号|"
                   "重点项目重点项目重点项目重点项目重点项目重点项目重点项目重点项");
  g_assert_cmpstr (tj_test_xlsx_fact (first, "merged"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (first, "A1"), ==, "一栏");
  g_assert_cmpstr (tj_test_xlsx_fact (first, "A3.length"), ==, "32767");

  /* Title, subtitle, paragraph, unit line, header (row 5), one row, note. */
  second = tj_test_xlsx_read (path, 1, "A2", "A3", "B6", "C6", "D6", "E6", "A7", NULL);
  g_assert_nonnull (strstr (tj_test_xlsx_fact (second, "merged"), "A1:E1"));
  g_assert_nonnull (strstr (tj_test_xlsx_fact (second, "merged"), "A2:E2"));
  g_assert_nonnull (strstr (tj_test_xlsx_fact (second, "merged"), "A3:E3"));
  g_assert_nonnull (strstr (tj_test_xlsx_fact (second, "merged"), "A7:E7"));
  g_assert_cmpstr (tj_test_xlsx_fact (second, "overlapping_merges"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "A2"), ==, "（2026年1—10月）");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "A3.wrap"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "freeze"), ==, "A6");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "print_titles"), ==, "$5:$5");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "B6"), ==, "0.862");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "B6.format"), ==, "0.0%");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "C6"), ==, "红");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "C6.fill"), ==, "FFFF8B8B");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "D6"), ==, "1.23456789");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "D6.format"), ==, "#,##0.00");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "E6"), ==, "42");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "E6.format"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (second, "A7"), ==, "注：灯色按低于序时进度的百分点数确定。");

  tj_test_rmdir (dir);
}

/* Amounts written behind the application's back, beyond what a project can be, give a clear
 * error, never a wrapped-around total. */
static void
test_register_total_overflow (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReport) report = NULL;

  g_assert_true (tj_db_exec (fixture->db, "UPDATE projects SET total_investment = "
                             "9000000000000000000 WHERE year = 2026",
                             NULL));
  report = tj_register_report_build (fixture->db, 2026, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
}

/* One percent for every page and report: half away from zero, where printf's %.1f of 6.25
 * gave the 进度填报 page 6.2% and the bulletin 6.3% for the same project. */
static void
test_percent_format (void)
{
  const struct { double fraction; const char *text; } cases[] = {
    { 0.0625, "6.3%" }, { 0.06249, "6.2%" }, { -0.0625, "-6.3%" }, { 0, "0.0%" },
    { 1.0, "100.0%" }, { 1.3562, "135.6%" }, { 0.0005, "0.1%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tj_report_format_percent (cases[i].fraction);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* One table of formats: the extension in any case picks the writer; any other extension, or
 * none, is refused with a message that names it and the accepted ones, and nothing is written. */
static void
test_write_by_extension (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct
  {
    const char *name;
    TjReportFormat format;
  } known[] = {
    { "名单.XLSX", TJ_REPORT_FORMAT_XLSX },
    { "名单.Pdf", TJ_REPORT_FORMAT_PDF },
    { "名单.csv", TJ_REPORT_FORMAT_CSV },
  };
  g_autofree char *txt = g_build_filename (fixture->dir, "名单.txt", NULL);
  g_autofree char *bare = g_build_filename (fixture->dir, "v1.2", "名单", NULL);
  g_autofree char *completed = NULL;
  g_autoptr (GError) error = NULL;
  TjReportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, known[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (tj_report_format_from_path (path, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, known[i].format);
      g_assert_true (tj_register_write (fixture->db, 2026, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      switch (known[i].format)
        {
        case TJ_REPORT_FORMAT_XLSX:
          g_assert_cmpmem (contents, 2, "PK", 2); /* a zip: the workbook */
          break;
        case TJ_REPORT_FORMAT_PDF:
          g_assert_cmpmem (contents, 5, "%PDF-", 5);
          break;
        case TJ_REPORT_FORMAT_CSV:
        default:
          /* the ledger that imports again: its header, one line per project, no 合计 */
          g_assert_nonnull (strstr (contents, "\"序号\",\"项目名称\",\"级别\""));
          g_assert_nonnull (strstr (contents, "\"嵩山大道北延工程\""));
          g_assert_null (strstr (contents, "合计"));
          break;
        }
    }

  g_assert_false (tj_report_format_from_path (txt, &format, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (strstr (error->message, "：报表不能导出为 .txt 文件，请用 .xlsx、.pdf 或 .csv。"),
                   !=, NULL);
  g_clear_error (&error);
  g_assert_false (tj_register_write (fixture->db, 2026, txt, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "名单.txt"));
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* A dot in a folder's name is no extension. */
  g_assert_false (tj_report_format_from_path (bare, &format, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "文件名没有扩展名，请以 .xlsx、.pdf 或 .csv 结尾。"));
  g_clear_error (&error);

  /* What a file chooser's answer becomes. */
  completed = tj_report_format_complete_path ("名单", TJ_REPORT_FORMAT_CSV);
  g_assert_cmpstr (completed, ==, "名单.csv");
  g_free (completed);
  completed = tj_report_format_complete_path ("名单.PDF", TJ_REPORT_FORMAT_XLSX);
  g_assert_cmpstr (completed, ==, "名单.PDF");
  g_free (completed);
  completed = tj_report_format_complete_path ("名单.txt", TJ_REPORT_FORMAT_XLSX);
  g_assert_cmpstr (completed, ==, "名单.txt.xlsx");
}

/* A book as CSV: the table it names, else its first, body rows only; figures without separators. */
static void
test_book_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "表.CSV", NULL);
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  TjReport *report;
  guint row;

  report = tj_report_new ("汇总", "汇总");
  tj_report_add_column (report, "属地", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "累计完成（万元）", TJ_REPORT_WAN, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  tj_report_set_text (report, row, 0, "大金店镇");
  tj_report_set_money (report, row, 1, -12345678);
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, 0, "合计");
  tj_report_set_money (report, row, 1, -12345678);
  tj_report_book_add (book, report);

  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xef\xbb\xbf\"属地\",\"累计完成（万元）\"\r\n"
                                 "\"大金店镇\",\"-1234.57\"\r\n");
  g_clear_pointer (&contents, g_free);

  /* one of the book's sheets, not its first (the bulletin's details): held once, freed once */
  report = tj_report_new ("分属地", "分属地");
  tj_report_add_column (report, "属地", TJ_REPORT_TEXT, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  tj_report_set_text (report, row, 0, "嵩阳街道");
  tj_report_book_add (book, report);
  tj_report_book_set_csv (book, report);
  tj_report_book_set_csv (book, report);
  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xef\xbb\xbf\"属地\"\r\n\"嵩阳街道\"\r\n");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (book->reports->len, ==, 2);

  /* a table of its own, which the book takes; the sheet it replaces stays in the book */
  report = tj_report_new ("明细", "明细");
  tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 0);
  row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
  tj_report_set_text (report, row, 0, "=嵩山大道");
  tj_report_book_set_csv (book, report);
  g_assert_cmpstr (((TjReport *) g_ptr_array_index (book->reports, 1))->sheet_name, ==, "分属地");
  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xef\xbb\xbf\"项目名称\"\r\n\"'=嵩山大道\"\r\n");
  tj_test_rmdir (dir);
}

/* A part of a workbook as it is stored: the zip's member, unpacked. */
static char *
xlsx_member (const char *path,
             const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
write_one (TjDb       *db,
           TjReport   *report,
           const char *path)
{
  g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
  g_autoptr (GError) error = NULL;

  tj_report_book_add (book, report);
  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_no_error (error);
}

/* The register streamed from its statement writes what the register held in memory writes: the
 * same sheet to the byte, the same CSV, the same PDF text; and it reads as many times as a writer
 * asks (the workbook reads it twice). */
static void
test_register_stream_twin (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *members[] = { "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml" };
  const char *extensions[] = { "xlsx", "csv", "pdf" };
  g_autoptr (GError) error = NULL;
  char *paths[2][G_N_ELEMENTS (extensions)];
  TjReportIter iter;
  guint n_rows = 0;

  for (guint way = 0; way < 2; way++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("名单-%s.%s", way == 0 ? "内存" : "流",
                                                 extensions[e]);
        TjReport *report = way == 0 ? tj_register_report_build (fixture->db, 2026, NULL, &error)
                                    : tj_register_report_stream (fixture->db, 2026, &error);

        g_assert_no_error (error);
        g_assert_cmpint (tj_report_is_streamed (report), ==, way == 1);
        paths[way][e] = g_build_filename (fixture->dir, name, NULL);
        write_one (fixture->db, report, paths[way][e]);
      }

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      g_autofree char *held = xlsx_member (paths[0][0], members[m]);
      g_autofree char *streamed = xlsx_member (paths[1][0], members[m]);

      g_assert_cmpuint (strlen (held), >, 100);
      g_assert_cmpstr (streamed, ==, held);
    }
  {
    g_autofree char *sheet = xlsx_member (paths[1][0], members[0]);

    /* the provincial project first, and the 合计 of the three */
    g_assert_nonnull (strstr (sheet, "嵩山大道北延工程"));
    g_assert_true (strstr (sheet, "嵩山大道北延工程") < strstr (sheet, "告成镇污水处理厂"));
    g_assert_nonnull (strstr (sheet, "3个项目"));
  }
  {
    g_autofree char *held = NULL;
    g_autofree char *streamed = NULL;

    g_assert_true (g_file_get_contents (paths[0][1], &held, NULL, NULL));
    g_assert_true (g_file_get_contents (paths[1][1], &streamed, NULL, NULL));
    g_assert_nonnull (strstr (held, "市人民医院门急诊综合楼项目"));
    g_assert_cmpstr (streamed, ==, held);
  }
  {
    const char *argv[][5] = { { "pdftotext", "-layout", paths[0][2], "-", NULL },
                              { "pdftotext", "-layout", paths[1][2], "-", NULL } };
    g_autofree char *held = NULL;
    g_autofree char *streamed = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv[0], NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &held, NULL, NULL, &error));
    g_assert_true (g_spawn_sync (NULL, (char **) argv[1], NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &streamed, NULL, NULL, &error));
    g_assert_no_error (error);
    /* names wrap in their column on the page: the title and the 合计 row read whole */
    g_assert_nonnull (strstr (held, "登封市2026年重点项目名单"));
    g_assert_nonnull (strstr (held, "合计"));
    g_assert_cmpstr (streamed, ==, held);
  }

  /* read three times over, 4 rows each time: 3 projects and the 合计 */
  {
    g_autoptr (TjReport) report = tj_register_report_stream (fixture->db, 2026, &error);

    for (guint pass = 0; pass < 3; pass++)
      {
        /* the first in any order, as the workbook measures its columns */
        if (pass == 0)
          tj_report_iter_init_any_order (&iter, report);
        else
          tj_report_iter_init (&iter, report);
        while (tj_report_iter_next (&iter, &error))
          n_rows++;
        g_assert_no_error (error);
        g_assert_cmpint (tj_report_iter_get_kind (&iter), ==, TJ_REPORT_ROW_TOTAL);
      }
    g_assert_cmpuint (n_rows, ==, 12);
  }
  for (guint way = 0; way < 2; way++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      g_free (paths[way][e]);
}

/* A row the streamed register cannot give fails the whole export: the reason, and no file. */
static void
test_register_stream_error (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *extensions[] = { "xlsx", "csv", "pdf" };

  /* two projects whose sum no total can hold */
  g_assert_true (tj_db_exec (fixture->db, "UPDATE projects SET total_investment = "
                             "9000000000000000000 WHERE name IN ('嵩山大道北延工程', "
                             "'告成镇污水处理厂及配套管网工程')",
                             NULL));
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autofree char *name = g_strdup_printf ("名单.%s", extensions[e]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (TjReportBook) book = tj_register_book_build (fixture->db, 2026, NULL, &error);

      g_assert_no_error (error);
      g_assert_false (tj_report_book_write (book, path, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
      /* the project where the sum goes beyond range: which of the two depends on the order a
       * writer reads them in (the workbook measures in the order stored) */
      g_assert_true (strstr (error->message, "嵩山大道北延工程") != NULL ||
                     strstr (error->message, "告成镇污水处理厂及配套管网工程") != NULL);
      g_assert_null (strstr (error->message, "市人民医院门急诊综合楼项目"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);
    }
}

/* A source of n rows, "第i号工程" and i; failing at row fail (0: never). */
typedef struct
{
  guint n, fail, next;
  guint rewinds; /* the reads from the first row */
} CountingSource;

static void
counting_rewind (gpointer data,
                 gboolean in_order)
{
  ((CountingSource *) data)->next = 0;
  ((CountingSource *) data)->rewinds++;
}

static gboolean
counting_next (gpointer     data,
               TjReportRow *row,
               GError     **error)
{
  CountingSource *source = data;
  g_autofree char *name = NULL;

  if (source->next == source->n)
    return FALSE;
  if (++source->next == source->fail)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "第%u行读不出", source->next);
      return FALSE;
    }
  name = g_strdup_printf ("登封市第%u号重点项目嵩山大道北延工程", source->next);
  tj_report_row_set_text (row, 0, name);
  tj_report_row_set_integer (row, 1, source->next);
  return TRUE;
}

/* A long streamed table goes to its CSV file as it is read, several times 256 KiB, not held:
 * every row once in order, one byte order mark; a row that cannot be read after the first blocks
 * are written leaves no file and no temporary one. */
static void
test_csv_streamed_in_blocks (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "长表.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length;

  for (guint fail = 0; fail <= 40000; fail += 40000)
    {
      g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
      g_autoptr (GError) error = NULL;
      TjReport *report = tj_report_new ("表", "表");
      CountingSource *source = g_new0 (CountingSource, 1);

      source->n = 50000;
      source->fail = fail;
      tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 0);
      tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
      tj_report_set_source (report, counting_next, counting_rewind, source, g_free);
      tj_report_book_add (book, report);
      if (fail == 0)
        {
          g_assert_true (tj_report_book_write (book, path, &error));
          g_assert_no_error (error);
          continue;
        }
      g_assert_false (tj_report_book_write (book, path, &error));
      g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "第40000行读不出");
    }
  /* the file of the failed export was never there: the complete one of the first stays */
  g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 256 * 1024);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"项目名称\",\"序号\"\r\n"));
  g_assert_null (strstr (contents + 3, "\xef\xbb\xbf"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 50000 + 2);
  g_assert_cmpstr (lines[1], ==, "\"登封市第1号重点项目嵩山大道北延工程\",\"1\"");
  g_assert_cmpstr (lines[25000], ==, "\"登封市第25000号重点项目嵩山大道北延工程\",\"25000\"");
  g_assert_cmpstr (lines[50000], ==, "\"登封市第50000号重点项目嵩山大道北延工程\",\"50000\"");
  g_assert_cmpstr (lines[50001], ==, "");
}

/* A streamed table is read from its source once for the workbook: the widths' read is kept (a
 * spool) and the cells written from it, every row in order; a row that cannot be read fails the
 * export, leaving no file. */
static void
test_xlsx_streamed_read_once (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "长表.xlsx", NULL);
  g_autofree char *sheet = NULL;
  const char *last;

  for (guint fail = 0; fail <= 3000; fail += 3000)
    {
      g_autoptr (TjReportBook) book = tj_report_book_new ("登封市");
      g_autoptr (GError) error = NULL;
      TjReport *report = tj_report_new ("表", "表");
      CountingSource *source = g_new0 (CountingSource, 1);

      source->n = 5000;
      source->fail = fail;
      tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 0);
      tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
      tj_report_set_source (report, counting_next, counting_rewind, source, g_free);
      tj_report_book_add (book, report);
      if (fail != 0)
        {
          g_assert_false (tj_report_book_write (book, path, &error));
          g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, "第3000行读不出");
          continue;
        }
      g_assert_true (tj_report_book_write (book, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (source->rewinds, ==, 1);
    }
  g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);
  /* the first and the last rows, in order, after the title and the header */
  sheet = xlsx_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<c r=\"A3\" s=\""));
  g_assert_nonnull (strstr (sheet, "登封市第1号重点项目嵩山大道北延工程"));
  last = strstr (sheet, "登封市第5000号重点项目嵩山大道北延工程");
  g_assert_nonnull (last);
  g_assert_nonnull (strstr (last, "<c r=\"B5002\""));
  g_assert_null (strstr (last, "<row r=\"5003\""));
}

/* A streamed report of n rows from a CountingSource. */
static TjReportBook *
counting_book (guint n)
{
  TjReportBook *book = tj_report_book_new ("登封市");
  TjReport *report = tj_report_new ("表", "表");
  CountingSource *source = g_new0 (CountingSource, 1);

  source->n = n;
  tj_report_add_column (report, "项目名称", TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, "序号", TJ_REPORT_INTEGER, 0);
  tj_report_set_source (report, counting_next, counting_rewind, source, g_free);
  tj_report_book_add (book, report);
  return book;
}

/* The spool keeps its rows in memory up to its bound and in a temporary file past it: both give
 * back every row as read, in order, twice (a rewind), and the same workbook byte for byte, read
 * from the source once either way. */
static void
test_spool_memory_then_file (Fixture       *fixture,
                             gconstpointer  data)
{
  /* 0: the default bound, all 3000 rows in memory; 4096 bytes: spilled after ~60 rows */
  const gsize bounds[] = { 0, 4096 };
  char *sheets[G_N_ELEMENTS (bounds)] = { NULL }; /* g_autofree would free only the first */

  for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
    {
      g_autoptr (TjReportBook) book = counting_book (3000);
      TjReport *report = g_ptr_array_index (book->reports, 0);
      g_autoptr (TjRowSpool) spool = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/表%u.xlsx", fixture->dir, b);
      TjReportIter iter;

      tj_row_spool_set_memory_bound (bounds[b]);
      spool = tj_row_spool_new (2);
      tj_report_iter_init (&iter, report);
      while (tj_report_iter_next (&iter, &error))
        g_assert_true (tj_row_spool_add (spool, &iter));
      g_assert_no_error (error);
      g_assert_true (tj_row_spool_finish (spool));
      g_assert_cmpuint (tj_row_spool_get_n_rows (spool), ==, 3000);
      for (guint pass = 0; pass < 2; pass++)
        {
          g_assert_true (tj_row_spool_rewind (spool));
          for (guint i = 1; i <= 3000; i++)
            {
              g_autofree TjSpooledRow *row = tj_row_spool_read (spool);
              g_autofree char *name = g_strdup_printf ("登封市第%u号重点项目嵩山大道北延工程", i);

              g_assert_nonnull (row);
              g_assert_cmpint (row->kind, ==, TJ_REPORT_ROW_BODY);
              g_assert_cmpint (row->cells[0].type, ==, TJ_REPORT_TEXT);
              g_assert_cmpstr (row->cells[0].value.text, ==, name);
              g_assert_cmpint (row->cells[1].type, ==, TJ_REPORT_INTEGER);
              g_assert_cmpint (row->cells[1].value.number, ==, i);
            }
          g_assert_null (tj_row_spool_read (spool));
        }

      g_assert_true (tj_report_book_write (book, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (((CountingSource *) report->source)->rewinds, ==, 2);
      sheets[b] = xlsx_member (path, "xl/worksheets/sheet1.xml");
      g_assert_nonnull (strstr (sheets[b], "登封市第3000号重点项目嵩山大道北延工程"));
    }
  tj_row_spool_set_memory_bound (0);
  g_assert_cmpstr (sheets[0], ==, sheets[1]);
  for (guint b = 0; b < G_N_ELEMENTS (sheets); b++)
    g_free (sheets[b]);
  g_assert_cmpuint (count_temporaries (fixture->dir), ==, 0);
}

/* The register read from the database in one scan per level writes every project of the year,
 * none of another, by level then in the order entered, with the amounts the database holds: the
 * names of column B in the order SQL gives, the sum of 总投资 in the sheet (to the yuan) the SUM
 * in SQL, and the 合计 that sum. The levels are entered interleaved, as an office enters them. */
static void
test_register_xlsx_rows_as_stored (Fixture       *fixture,
                                   gconstpointer  data)
{
  const TjLevel levels[] = { TJ_LEVEL_CITY, TJ_LEVEL_PROVINCIAL, TJ_LEVEL_CITY,
                             TJ_LEVEL_PREFECTURAL, TJ_LEVEL_PROVINCIAL };
  g_autofree char *path = g_build_filename (fixture->dir, "名单.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_auto (GStrv) amounts = NULL;
  g_autofree char *names_range = NULL;
  g_autofree char *amounts_range = NULL;
  g_autofree char *total_cell = NULL;
  gint64 officer = add_person (fixture->db, "赵文博", FALSE);
  gint64 leader = add_person (fixture->db, "孙建华", TRUE);
  gint64 sum = 0, sheet_sum = 0;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr (TjProject) p = tj_project_new ();

      p->year = i % 8 == 7 ? 2025 : 2026; /* a few of another year, among them */
      p->name = g_strdup_printf ("大冶镇%u号标准化厂房项目", i + 1);
      p->level = levels[i % G_N_ELEMENTS (levels)];
      p->nature = TJ_NATURE_NEW;
      p->locality_id = tj_unit_find (fixture->db, "大冶镇");
      p->officer_id = officer;
      p->leader_id = leader;
      p->total_investment = 100000000 + (gint64) i * 1234567 + i % 3; /* to the yuan */
      p->annual_plan = PLAN_EACH;
      g_assert_true (tj_project_save (fixture->db, p, &error));
      g_assert_no_error (error);
    }

  g_assert_true (tj_register_write (fixture->db, 2026, path, &error));
  g_assert_no_error (error);

  stmt = tj_db_prepare (fixture->db,
                        "SELECT name, total_investment FROM projects WHERE year = 2026 ORDER BY "
                        "CASE level WHEN 'provincial' THEN 1 WHEN 'prefectural' THEN 2 ELSE 3 END, "
                        "id",
                        &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (names, "%s%s", n++ > 0 ? "\n" : "",
                              (const char *) sqlite3_column_text (stmt, 0));
      sum += sqlite3_column_int64 (stmt, 1);
    }
  g_assert_cmpuint (n, ==, 3 + 35);

  /* rows 4 to 3 + n the projects, then the 合计 */
  names_range = g_strdup_printf ("B4:B%u", 3 + n);
  amounts_range = g_strdup_printf ("N4:N%u", 3 + n);
  total_cell = g_strdup_printf ("N%u", 4 + n);
  facts = tj_test_xlsx_read (path, 0, names_range, amounts_range, total_cell, NULL);
  {
    g_autofree char *max_row = g_strdup_printf ("%u", 4 + n);

    g_assert_cmpstr (tj_test_xlsx_fact (facts, "max_row"), ==, max_row);
  }
  g_assert_cmpstr (tj_test_xlsx_fact (facts, names_range), ==, names->str);
  g_assert_null (strstr (tj_test_xlsx_fact (facts, names_range), "大冶镇8号"));

  /* 万元 in the sheet, back to the yuan: the sheet's sum is the database's */
  amounts = g_strsplit (tj_test_xlsx_fact (facts, amounts_range), "\n", -1);
  g_assert_cmpuint (g_strv_length (amounts), ==, n);
  for (guint i = 0; amounts[i] != NULL; i++)
    sheet_sum += llround (g_ascii_strtod (amounts[i], NULL) * 10000);
  g_assert_cmpint (sheet_sum, ==, sum);
  g_assert_cmpint (llround (g_ascii_strtod (tj_test_xlsx_fact (facts, total_cell), NULL) * 10000),
                   ==, sum);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/report/cell/text-rounds-half-away-from-zero", test_cell_text);
  g_test_add_func ("/tj/report/percent/one-format-half-away-from-zero", test_percent_format);
  g_test_add ("/tj/report/register/totals-summed-in-yuan", Fixture, NULL, fixture_set_up,
              test_register_totals, fixture_tear_down);
  g_test_add ("/tj/report/register/total-beyond-range-is-an-error", Fixture, NULL, fixture_set_up,
              test_register_total_overflow, fixture_tear_down);
  g_test_add ("/tj/report/register/keeps-the-projects-given", Fixture, NULL, fixture_set_up,
              test_register_given_projects, fixture_tear_down);
  g_test_add ("/tj/xlsx/register/reads-back-as-laid-out", Fixture, NULL, fixture_set_up,
              test_register_xlsx, fixture_tear_down);
  g_test_add ("/tj/xlsx/write/failure-leaves-no-half-file", Fixture, NULL, fixture_set_up,
              test_failed_write_leaves_no_file, fixture_tear_down);
  g_test_add_func ("/tj/xlsx/write/guards-excel-limits", test_xlsx_guards);
  g_test_add ("/tj/report/write/format-by-extension-in-any-case", Fixture, NULL, fixture_set_up,
              test_write_by_extension, fixture_tear_down);
  g_test_add_func ("/tj/report/write/csv-holds-one-table-body-rows", test_book_csv);
  g_test_add ("/tj/report/register/streamed-writes-as-held", Fixture, NULL, fixture_set_up,
              test_register_stream_twin, fixture_tear_down);
  g_test_add ("/tj/report/xlsx/streamed-read-once", Fixture, NULL, fixture_set_up,
              test_xlsx_streamed_read_once, fixture_tear_down);
  g_test_add ("/tj/report/spool/memory-then-file", Fixture, NULL, fixture_set_up,
              test_spool_memory_then_file, fixture_tear_down);
  g_test_add ("/tj/report/csv/streamed-in-blocks", Fixture, NULL, fixture_set_up,
              test_csv_streamed_in_blocks, fixture_tear_down);
  g_test_add ("/tj/report/register/streamed-error-leaves-no-file", Fixture, NULL,
              fixture_set_up, test_register_stream_error, fixture_tear_down);
  g_test_add ("/tj/xlsx/register/rows-as-the-database-holds-them", Fixture, NULL,
              fixture_set_up, test_register_xlsx_rows_as_stored, fixture_tear_down);
  return g_test_run ();
}
