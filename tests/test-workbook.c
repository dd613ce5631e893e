/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel in: imports read .xlsx and .xls as they read CSV. The workbooks are written here by
 * libxlsxwriter, committed as made by openpyxl and xlwt (tests/fixtures/make-workbook-fixtures.py)
 * and exported by tuijin itself. */
#include "tj-test.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tj-csv.h"
#include "tj-error.h"
#include "tj-import.h"
#include "tj-ledger.h"
#include "tj-progress.h"
#include "tj-project.h"
#include "tj-tour.h"
#include "tj-workbook.h"

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("TJ_SAMPLES"), name, NULL);
}

/* A text column of the 2026 project named name. */
static char *
project_text (TjDb       *db,
              const char *column,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM projects WHERE year = 2026 AND "
                                          "name = ?",
                                          column);
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
project_figure (TjDb       *db,
                const char *column,
                const char *name)
{
  g_autofree char *text = project_text (db, column, name);

  return g_ascii_strtoll (text, NULL, 10);
}

static const char *const ledger_header[] = {
  "序号", "项目名称", "级别", "建设性质", "属地", "责任单位", "分包市领导", "首席服务官",
  "总投资（万元）", "年度计划投资（万元）", "实际开工",
};

/* A ledger as offices keep it: an instructions sheet first, then 台账 with a merged title above
 * the header; a total with a number format, the plan a formula with its cached value, a date as
 * a serial number with a date format, a total typed as text, names as shared strings. The
 * second project's level is level (a wrong one makes its row bad). */
static char *
write_ledger_xlsx (const char *dir,
                   const char *level)
{
  char *path = g_build_filename (dir, "台账.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (book, "说明");
  lxw_worksheet *sheet = workbook_add_worksheet (book, "台账");
  lxw_format *money = workbook_add_format (book);
  lxw_format *date = workbook_add_format (book);
  lxw_datetime march = { 2026, 3, 15, 0, 0, 0 };

  format_set_num_format (money, "#,##0.00");
  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_write_string (notes, 0, 0, "请在“台账”工作表填写。", NULL);
  worksheet_merge_range (sheet, 0, 0, 0, G_N_ELEMENTS (ledger_header) - 1, "2026年重点项目台账",
                         NULL);
  for (guint c = 0; c < G_N_ELEMENTS (ledger_header); c++)
    worksheet_write_string (sheet, 1, c, ledger_header[c], NULL);
  {
    const char *const first[] = { "工作簿项目甲", "郑州市重点", "新开工", "嵩阳街道", "发改委",
                                  "陈志明", "吴晓峰" };
    const char *const second[] = { "工作簿项目乙", level, "续建", "嵩阳街道", "发改委",
                                   "陈志明", "吴晓峰" };

    worksheet_write_number (sheet, 2, 0, 1, NULL);
    worksheet_write_number (sheet, 3, 0, 2, NULL);
    for (guint c = 0; c < G_N_ELEMENTS (first); c++)
      {
        worksheet_write_string (sheet, 2, c + 1, first[c], NULL);
        worksheet_write_string (sheet, 3, c + 1, second[c], NULL);
      }
  }
  worksheet_write_number (sheet, 2, 8, 1234.56, money);
  worksheet_write_formula_num (sheet, 2, 9, "=I3/2", money, 617.28);
  worksheet_write_datetime (sheet, 2, 10, &march, date);
  worksheet_write_string (sheet, 3, 8, "88.5", NULL);
  worksheet_write_number (sheet, 3, 9, 40, money);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static void
test_cells (void)
{
  g_autofree char *number = tj_workbook_format_number (g_ascii_strtod ("1234.5599999999999",
                                                                       NULL));
  g_autofree char *third = tj_workbook_format_number (0.1 + 0.2);
  g_autofree char *a = tj_workbook_column_letters (0);
  g_autofree char *z = tj_workbook_column_letters (25);
  g_autofree char *aa = tj_workbook_column_letters (26);
  g_autofree char *xfd = tj_workbook_column_letters (16383);

  g_assert_cmpstr (number, ==, "1234.56");
  g_assert_cmpstr (third, ==, "0.30000000000000004");
  /* amounts of a few decimals are written as digits, the rest by %g: the same texts */
  {
    static const struct
    {
      double value;
      const char *text;
    } numbers[] = {
      { 0.05, "0.05" },           { -5.05, "-5.05" },        { 12345.6789, "12345.6789" },
      { 0.0001, "0.0001" },       { 1e-05, "1e-05" },        { -0.0, "0" },
      { 999999999999999.0, "999999999999999" },              { 1e14 + 0.5, "100000000000000.5" },
      { 123456789012.3456, "123456789012.3456" },            { 1.0 / 3, "0.3333333333333333" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autofree char *text = tj_workbook_format_number (numbers[i].value);

        g_assert_cmpstr (text, ==, numbers[i].text);
      }
  }
  g_assert_cmpstr (a, ==, "A");
  g_assert_cmpstr (z, ==, "Z");
  g_assert_cmpstr (aa, ==, "AA");
  g_assert_cmpstr (xfd, ==, "XFD");
  g_assert_true (tj_workbook_format_is_date (14, NULL));
  g_assert_true (tj_workbook_format_is_date (31, NULL));
  g_assert_false (tj_workbook_format_is_date (4, NULL));
  g_assert_true (tj_workbook_format_is_date (164, "yyyy\"年\"m\"月\"d\"日\""));
  g_assert_true (tj_workbook_format_is_date (165, "[$-804]mmm-yy"));
  g_assert_false (tj_workbook_format_is_date (166, "#,##0.00\"万元\""));
  g_assert_false (tj_workbook_format_is_date (167, "h:mm:ss"));
}

/* Excel's 1900 system counts a 1900-02-29 that never was (serial 60); the 1904 system starts a
 * day later and four years on. */
static void
test_serial_dates (void)
{
  const struct
  {
    double serial;
    gboolean date1904;
    const char *date;
  } cases[] = {
    { 1, FALSE, "1900-01-01" },    { 59, FALSE, "1900-02-28" },
    { 60, FALSE, "1900-02-29" },   { 61, FALSE, "1900-03-01" },
    { 46096, FALSE, "2026-03-15" }, { 46096.75, FALSE, "2026-03-15" },
    { 0, TRUE, "1904-01-01" },     { 44634, TRUE, "2026-03-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = tj_workbook_serial_date (cases[i].serial, cases[i].date1904);

      g_assert_cmpstr (date, ==, cases[i].date);
    }
  g_assert_null (tj_workbook_serial_date (0, FALSE));
  g_assert_null (tj_workbook_serial_date (-3, TRUE));
}

/* The ledger's figures from the sheet named with --sheet; the first sheet (instructions) has no
 * ledger, and a sheet not there is named with those there are. */
static void
test_xlsx_ledger (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = write_ledger_xlsx (dir, "郑州市重点");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjImportResult) first = NULL;
  g_autoptr (TjImportResult) missing = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GError) missing_error = NULL;
  g_autofree char *start = NULL;

  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &first, &first_error));
  g_assert_cmpuint (first->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (first->errors, 0), ==, "文件中没有“项目名称”列。");

  tj_import_set_sheet (db, "台帐");
  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &missing, &missing_error));
  g_assert_error (missing_error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (missing_error->message, "没有名为“台帐”的工作表，其中的工作表为：说明、台账。"));

  tj_import_set_sheet (db, "台账");
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpint (project_figure (db, "total_investment", "工作簿项目甲"), ==, 12345600);
  g_assert_cmpint (project_figure (db, "annual_plan", "工作簿项目甲"), ==, 6172800);
  start = project_text (db, "actual_start", "工作簿项目甲");
  g_assert_cmpstr (start, ==, "2026-03-15");
  g_assert_cmpint (project_figure (db, "total_investment", "工作簿项目乙"), ==, 885000);
  g_assert_cmpint (project_figure (db, "annual_plan", "工作簿项目乙"), ==, 400000);
  /* the workbook is kept as the import's file */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 1);
  tj_test_rmdir (dir);
}

/* A bad cell is named by sheet, row as Excel shows it, column letter and header; the good row
 * before it is not imported either. */
static void
test_xlsx_bad_row (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = write_ledger_xlsx (dir, "国家级重点");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  tj_import_set_sheet (db, "台账");
  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 0),
                                   "工作表“台账”第4行 C列（级别）："));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 0);
  tj_test_rmdir (dir);
}

/* openpyxl writes a formula without its value: refused, naming the cell. */
static void
test_xlsx_formula_without_value (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-formula-no-value.xlsx");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "工作表“台账”第2行 J列（年度计划投资（万元））：公式没有计算结果，请在 Excel "
                   "中重新计算并保存后再导入。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  tj_test_rmdir (dir);
}

/* A sheet as Excel may write it: an inline string with an entity, a character reference, a
 * CDATA section and a phonetic run (which is not part of the text), a formula with its value;
 * a sheet cut off inside a row is named damaged and nothing is imported. */
static void
test_xlsx_inline_phonetic_and_cut_off (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-inline-phonetic.xlsx");
  g_autofree char *cut = sample ("ledger-cut-off.xlsx");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjImportResult) damaged = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) damaged_error = NULL;

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpint (project_figure (db, "total_investment", "县&城一项目二"), ==, 12345600);
  g_assert_cmpint (project_figure (db, "annual_plan", "县&城一项目二"), ==, 6172800);

  g_assert_false (tj_ledger_import (db, cut, 2026, TRUE, FALSE, &damaged, &damaged_error));
  g_assert_error (damaged_error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (damaged_error->message, "“xl/worksheets/sheet1.xml”部分缺失或已损坏"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 1);
  tj_test_rmdir (dir);
}

static gboolean
collect_row_cb (guint     line,
                char    **cells,
                guint     n_cells,
                gpointer  user_data,
                GError  **error)
{
  GPtrArray *rows = user_data;
  GString *row = g_string_new (NULL);

  g_string_append_printf (row, "%u:", line);
  for (guint i = 0; i < n_cells; i++)
    g_string_append_printf (row, "%s|", cells[i]);
  g_ptr_array_add (rows, g_string_free (row, FALSE));
  return TRUE;
}

/* openpyxl's 1904 workbook: the date, the cells after a gap placed by their letters, a boolean,
 * a number. */
static void
test_xlsx_1904_and_gaps (void)
{
  g_autofree char *path = sample ("dates-1904.xlsx");
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_csv_read_rows (path, collect_row_cb, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "1:2026-03-15|||TRUE|1234.56|");
}

/* An Excel 97–2003 ledger (xlwt), and the same saved by LibreOffice as .xlsx and again as .xls
 * (its date format written "yyyy\-mm\-dd"): the merged title skipped, the figures and the date. */
static void
test_xls_ledger (gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample (data);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start = NULL;

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpint (project_figure (db, "total_investment", "老版工作簿项目"), ==, 12345600);
  g_assert_cmpint (project_figure (db, "annual_plan", "老版工作簿项目"), ==, 6172800);
  start = project_text (db, "actual_start", "老版工作簿项目");
  g_assert_cmpstr (start, ==, "2026-03-15");
  tj_test_rmdir (dir);
}

/* The format is told by the content: a workbook saved under a .csv name is read as one. */
static void
test_told_by_content (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *xls = sample ("ledger-2026.xls");
  g_autofree char *renamed = g_build_filename (dir, "台账.csv", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (xls, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (renamed, bytes, length, NULL));
  g_assert_true (tj_ledger_import (db, renamed, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 1);
  tj_test_rmdir (dir);
}

/* Writes a CSV file's rows into a workbook as an office would keep them: a title merged above,
 * figures as numbers, the rest as (shared) strings. */
typedef struct
{
  lxw_worksheet *sheet;
  guint rows;
} CopyRows;

static gboolean
copy_row_cb (guint     line,
             char    **cells,
             guint     n_cells,
             gpointer  user_data,
             GError  **error)
{
  CopyRows *copy = user_data;

  for (guint c = 0; c < n_cells; c++)
    {
      char *end = NULL;
      double number = g_ascii_strtod (cells[c], &end);

      if (*cells[c] != '\0' && *end == '\0')
        worksheet_write_number (copy->sheet, copy->rows + 1, c, number, NULL);
      else
        worksheet_write_string (copy->sheet, copy->rows + 1, c, cells[c], NULL);
    }
  copy->rows++;
  return TRUE;
}

static char *
csv_to_xlsx (const char *csv,
             const char *dir,
             const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  lxw_workbook *book = workbook_new (path);
  CopyRows copy = { workbook_add_worksheet (book, "月报"), 0 };
  g_autoptr (GError) error = NULL;

  worksheet_merge_range (copy.sheet, 0, 0, 0, 3, "2026年2月重点项目月报", NULL);
  g_assert_true (tj_csv_read_rows (csv, copy_row_cb, &copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

/* The monthly reports read from a workbook as from the CSV they were copied from: the month
 * its cumulative column names, and the same reports to the yuan. */
static void
test_xlsx_progress (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *other_dir = NULL;
  g_autoptr (TjDb) other = tj_test_db_new (&other_dir);
  g_autofree char *ledger = sample ("ledger-2026-gb18030.csv");
  g_autofree char *csv = sample ("progress-2026-02.csv");
  g_autofree char *xlsx = csv_to_xlsx (csv, dir, "2月月报.xlsx");
  g_autoptr (TjImportResult) projects = NULL, other_projects = NULL;
  g_autoptr (TjImportResult) reports = NULL, other_reports = NULL;
  g_autoptr (GError) error = NULL;
  const char *sum = "SELECT sum (completed) * 1000 + count(*) FROM monthly_reports";
  int month = 0;

  g_assert_true (tj_progress_file_month (xlsx, &month, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month, ==, 2);
  g_assert_true (tj_ledger_import (db, ledger, 2026, TRUE, FALSE, &projects, &error));
  g_assert_true (tj_ledger_import (other, ledger, 2026, TRUE, FALSE, &other_projects, &error));
  g_assert_true (tj_progress_import (db, xlsx, 2026, 2, FALSE, &reports, &error));
  g_assert_no_error (error);
  g_assert_true (tj_progress_import (other, csv, 2026, 2, FALSE, &other_reports, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reports->added, >, 0);
  g_assert_cmpuint (reports->added, ==, other_reports->added);
  g_assert_cmpint (tj_test_scalar (db, sum), ==, tj_test_scalar (other, sum));
  tj_test_rmdir (other_dir);
  tj_test_rmdir (dir);
}

/* The rows of sql on the database at path, one line each, the columns separated by tabs. */
static char *
db_rows (const char *path,
         const char *sql)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (rows, "%s%s", c > 0 ? "\t" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (rows, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* sql on the database at path, through Tuijin's own connection (its triggers' functions). */
static void
db_exec (const char *path,
         const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tj_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &bytes, &length, &error));
  g_assert_true (g_file_set_contents (to, bytes, length, &error));
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';
  return n;
}

static guint
count_rows (const char *path,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *rows = db_rows (path, sql);

  return (guint) g_ascii_strtoull (rows, NULL, 10);
}

static char *
file_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

#define CODES "SELECT name, code, notes FROM projects WHERE year = 2026 ORDER BY name"

/* A ledger tuijin exported as a workbook imports again unchanged: imported into the database
 * it came from, every project is updated to what it was (the list exported as CSV before and
 * after is the same to the byte); into a fresh one (--sheet by its name), every project added. */
static void
test_round_trip_register (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "b.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "台账.xlsx", NULL);
  g_autofree char *before = g_build_filename (dir, "before.csv", NULL);
  g_autofree char *after = g_build_filename (dir, "after.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *exported = NULL, *exported_again = NULL;
  g_autofree char *codes = NULL, *fresh_codes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0, length_again = 0;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  db_exec (db, "UPDATE projects SET notes = '用地待核实，' || id WHERE id % 7 = 0");
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "projects", "--year", "2026",
                                       "--output", xlsx, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "projects", "--year", "2026",
                                       "--output", before, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "projects", xlsx, "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "新增 0 个项目，更新 128 个项目。\n");
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "projects", "--year", "2026",
                                       "--output", after, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (before, &exported, &length, &error));
  g_assert_true (g_file_get_contents (after, &exported_again, &length_again, &error));
  g_assert_cmpmem (exported, length, exported_again, length_again);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (fresh, &out, &err, "import", "projects", xlsx, "--sheet",
                                       "2026年重点项目", "--year", "2026", "--create-missing", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "新增 128 个项目，更新 0 个项目。"));
  /* 项目编号 and 备注 come with the rest */
  codes = db_rows (db, CODES);
  g_assert_nonnull (strstr (codes, "用地待核实，"));
  fresh_codes = db_rows (fresh, CODES);
  g_assert_cmpstr (fresh_codes, ==, codes);
  tj_test_rmdir (dir);
}

/* The approvals ledger exported as a workbook imports again as the same items, none added. */
static void
test_round_trip_approvals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "审批.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "审批.csv", NULL);
  g_autofree char *out_xlsx = NULL, *out_csv = NULL;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "approvals", "--year", "2026",
                                       "--output", xlsx, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "approvals", "--year", "2026",
                                       "--output", csv, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, &out_xlsx, NULL, "import", "approvals", xlsx, "--year",
                                       "2026", "--dry-run", NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, &out_csv, NULL, "import", "approvals", csv, "--year",
                                       "2026", "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out_xlsx, "将新增审批事项 0 项"));
  g_assert_cmpstr (out_xlsx, ==, out_csv);
  tj_test_rmdir (dir);
}

/* What an inspection holds that its import writes, by project, date and organising unit. */
#define INSPECTION_ROWS                                                                          \
  "SELECT p.name, i.date, u.name, i.inspectors, i.unannounced, i.seen, i.verified, "              \
  "i.verified_progress, i.verdict, i.verdict_reason FROM inspections i "                         \
  "JOIN projects p ON p.id = i.project_id JOIN units u ON u.id = i.organiser_id "                \
  "ORDER BY p.name, i.date, u.name"

/* The 巡查台账 exported as a workbook carries every column its import needs: imported into the
 * database it came from, every inspection stays as it was (the ledger as CSV the same to the
 * byte, the verdicts of the inspectors' own and the suggested ones as they were); into one
 * without inspections, every inspection comes back the same. */
static void
test_round_trip_inspections (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "b.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "巡查台账.xlsx", NULL);
  g_autofree char *before = g_build_filename (dir, "before.csv", NULL);
  g_autofree char *after = g_build_filename (dir, "after.csv", NULL);
  g_autofree char *rows = NULL, *rows_again = NULL, *fresh_rows = NULL;
  g_autofree char *csv = NULL, *csv_again = NULL, *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  guint n;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "inspections", "--year", "2026",
                                       "--output", xlsx, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "inspections", "--year", "2026",
                                       "--output", before, NULL),
                   ==, 0);
  copy_file (db, fresh);
  rows = db_rows (db, INSPECTION_ROWS);
  n = count_lines (rows);
  g_assert_cmpuint (n, >, 3);
  /* the demo's inspections have verdicts of the inspectors' own and suggested ones */
  g_assert_nonnull (strstr (rows, "\ttrue\t"));
  g_assert_nonnull (strstr (rows, "\t∅\t∅\n"));

  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "inspections", xlsx, "--year",
                                       "2026", NULL),
                   ==, 0);
  expected = g_strdup_printf ("已新增巡查记录 0 条，更新 %u 条。\n", n);
  g_assert_cmpstr (out, ==, expected);
  rows_again = db_rows (db, INSPECTION_ROWS);
  g_assert_cmpstr (rows_again, ==, rows);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "inspections", "--year", "2026",
                                       "--output", after, NULL),
                   ==, 0);
  csv = file_text (before);
  csv_again = file_text (after);
  g_assert_cmpstr (csv_again, ==, csv);

  db_exec (fresh, "DELETE FROM inspections");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (fresh, &out, &err, "import", "inspections", xlsx, "--year",
                                       "2026", NULL),
                   ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("已新增巡查记录 %u 条，更新 0 条。\n", n);
  g_assert_cmpstr (out, ==, expected);
  fresh_rows = db_rows (fresh, INSPECTION_ROWS);
  g_assert_cmpstr (fresh_rows, ==, rows);
  tj_test_rmdir (dir);
}

/* The 督办台账 exported as a workbook imports again unchanged: its 延期至, an extension approved
 * in the window, is that extension (no new one, nothing refused); into a database without the
 * meetings, every matter comes back with the same deadline in force and status (the ledger the
 * same but for the reports, which it does not carry in full). */
static void
test_round_trip_matters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "b.db", NULL);
  g_autofree char *unreported = g_build_filename (dir, "c.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "督办台账.xlsx", NULL);
  g_autofree char *before = g_build_filename (dir, "before.csv", NULL);
  g_autofree char *after = g_build_filename (dir, "after.csv", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.csv", NULL);
  g_autofree char *fresh_csv = g_build_filename (dir, "fresh.csv", NULL);
  g_autofree char *extensions = NULL, *extensions_again = NULL, *message = NULL;
  g_autofree char *csv = NULL, *csv_again = NULL, *out = NULL, *err = NULL;
  g_autofree char *csv_expected = NULL, *csv_fresh = NULL;
  guint n;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "matters", "--year", "2026",
                                       "--as-of", "2026-11-30", "--output", xlsx, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "matters", "--year", "2026",
                                       "--as-of", "2026-11-30", "--output", before, NULL),
                   ==, 0);
  copy_file (db, fresh);
  copy_file (db, unreported);
  extensions = db_rows (db, "SELECT * FROM matter_extensions ORDER BY id");
  g_assert_cmpuint (count_lines (extensions), >, 0);
  n = count_rows (db, "matters");

  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "matters", xlsx, "--year", "2026",
                                       NULL),
                   ==, 0);
  message = g_strdup_printf ("已新增议定事项 0 项，更新 %u 项。\n", n);
  g_assert_cmpstr (out, ==, message);
  extensions_again = db_rows (db, "SELECT * FROM matter_extensions ORDER BY id");
  g_assert_cmpstr (extensions_again, ==, extensions);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "matters", "--year", "2026",
                                       "--as-of", "2026-11-30", "--output", after, NULL),
                   ==, 0);
  csv = file_text (before);
  csv_again = file_text (after);
  g_assert_cmpstr (csv_again, ==, csv);

  db_exec (fresh, "DELETE FROM meetings");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (tj_test_run_tuijin (fresh, &out, NULL, "import", "matters", xlsx, "--year",
                                       "2026", NULL),
                   ==, 0);
  message = g_strdup_printf ("已新增议定事项 %u 项，更新 0 项。\n", n);
  g_assert_cmpstr (out, ==, message);
  db_exec (unreported, "DELETE FROM matter_reports");
  g_assert_cmpint (tj_test_run_tuijin (unreported, NULL, NULL, "export", "matters", "--year",
                                       "2026", "--as-of", "2026-11-30", "--output", expected, NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (fresh, NULL, NULL, "export", "matters", "--year", "2026",
                                       "--as-of", "2026-11-30", "--output", fresh_csv, NULL),
                   ==, 0);
  csv_expected = file_text (expected);
  csv_fresh = file_text (fresh_csv);
  g_assert_cmpstr (csv_fresh, ==, csv_expected);
  tj_test_rmdir (dir);
}

/* What an approval item holds that its import writes, by project and name: every column of
 * the import, 抄告日期, 送达日期, 经办人, 备注 and the 代办员 (its agency case's agent) among them. */
#define APPROVAL_ROWS                                                                            \
  "SELECT p.name, a.name, a.stage, u.name, a.statutory_days, a.committed_days, a.green, "        \
  "a.accepted, a.copied, a.finished, a.delivered, a.handler, a.notes, ag.name "                  \
  "FROM approval_items a JOIN projects p ON p.id = a.project_id "                                \
  "LEFT JOIN units u ON u.id = a.unit_id LEFT JOIN agency_cases c ON c.id = a.case_id "          \
  "LEFT JOIN people ag ON ag.id = c.agent_id ORDER BY p.name, a.name, a.accepted"

/* The approvals ledger exported as a workbook, imported into a database without the items,
 * brings every item back as it was. */
static void
test_round_trip_approvals_fresh (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "审批.xlsx", NULL);
  g_autofree char *rows = NULL, *rows_again = NULL, *out = NULL, *message = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *count = NULL;
  guint n;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  /* 备注 on every third item, one with a line break */
  db_exec (db, "UPDATE approval_items SET notes = CASE WHEN id % 6 = 0 THEN '补正材料后受理' "
               "ELSE '容缺受理，' || char (10) || '后补环评批复' END WHERE id % 3 = 0");
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "export", "approvals", "--year", "2026",
                                       "--output", xlsx, NULL),
                   ==, 0);
  {
    g_autoptr (GVariant) facts = tj_test_xlsx_read (xlsx, 0, "U4", "V4", "Q4", NULL);

    /* 备注 after 经办人, the last column; 代办员 where it was */
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "U4"), ==, "经办人");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "V4"), ==, "备注");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "Q4"), ==, "代办员");
  }
  rows = db_rows (db, APPROVAL_ROWS);
  count = db_rows (db, "SELECT count(*) FROM approval_items");
  n = (guint) atoi (count); /* not the rows' lines: a 备注 has a line break */
  g_assert_cmpuint (n, >, 10);
  /* the demo fills 抄告日期, 送达日期, 经办人 and 代办员 on some items, the test 备注 on others:
   * the comparison can fail */
  carried = db_rows (db, "SELECT count(*) > 0 FROM approval_items WHERE copied IS NOT NULL "
                         "AND delivered IS NOT NULL AND handler IS NOT NULL AND case_id IS NOT "
                         "NULL AND notes IS NOT NULL");
  g_assert_cmpstr (carried, ==, "1\n");
  /* the agency cases go too: the 代办员 comes back from the ledger, not from a case left over */
  db_exec (db, "DELETE FROM approval_items; DELETE FROM agency_cases");
  g_assert_cmpint (tj_test_run_tuijin (db, &out, NULL, "import", "approvals", xlsx, "--year",
                                       "2026", NULL),
                   ==, 0);
  message = g_strdup_printf ("已新增审批事项 %u 项，更新 0 项。\n", n);
  g_assert_cmpstr (out, ==, message);
  rows_again = db_rows (db, APPROVAL_ROWS);
  g_assert_cmpstr (rows_again, ==, rows);
  tj_test_rmdir (dir);
}

/* A 2026 project of the demo's list: the n-th by id. */
static char *
demo_project (const char *db,
              guint       n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM projects WHERE year = 2026 "
                                          "ORDER BY id LIMIT 1 OFFSET %u",
                                          n);
  g_autofree char *rows = db_rows (db, sql);

  return g_strndup (rows, strcspn (rows, "\n"));
}

/* Writes rows (NULL-terminated arrays of cells, the list NULL-terminated) as the first sheet of
 * an .xlsx, under a merged title: a cell that reads as a date is written as Excel stores one, a
 * number as a number. */
static void
write_table_xlsx (const char        *path,
                  const char *const *const *rows)
{
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "表");
  lxw_format *date = workbook_add_format (book);

  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (sheet, 0, 0, 0, 3, "登封市重点项目", NULL);
  for (guint r = 0; rows[r] != NULL; r++)
    for (guint c = 0; rows[r][c] != NULL; c++)
      {
        const char *cell = rows[r][c];
        int y, m, d;
        char *end = NULL;
        double number = g_ascii_strtod (cell, &end);

        if (*cell == '\0')
          continue;
        if (sscanf (cell, "%4d-%2d-%2d", &y, &m, &d) == 3)
          {
            lxw_datetime when = { y, m, d, 0, 0, 0 };

            worksheet_write_datetime (sheet, r + 1, c, &when, date);
          }
        else if (end != NULL && *end == '\0' && end != cell)
          worksheet_write_number (sheet, r + 1, c, number, NULL);
        else
          worksheet_write_string (sheet, r + 1, c, cell, NULL);
      }
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
}

#define VISIT_ROWS                                                                               \
  "SELECT p.name, v.date, w.name, v.found, v.solved FROM visits v "                              \
  "JOIN projects p ON p.id = v.project_id JOIN people w ON w.id = v.person_id "                  \
  "WHERE (v.date, w.name) IN (VALUES ('2026-03-05', '吴丽萍'), ('2026-03-20', '谢冬梅')) "      \
  "ORDER BY v.date, p.name"

/* tuijin import visits: from a workbook (dates as Excel stores them), again as updates; a file
 * with bad rows names each row and column, and nothing is written. (The demo has visits of its
 * own: the rows read are the two the file names, by date and visitor.) */
static void
test_import_visits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "走访.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "走访.csv", NULL);
  g_autofree char *first = NULL, *second = NULL, *expected = NULL, *rows = NULL;
  g_autofree char *out = NULL, *err = NULL, *again = NULL, *after_bad = NULL;
  g_autofree char *bad_text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  first = demo_project (db, 0);
  second = demo_project (db, 1);
  {
    const char *const header[] = { "走访日期", "项目名称", "走访人", "发现问题", "解决问题", NULL };
    const char *const a[] = { "2026-03-05", first, "吴丽萍", "用地手续未完成", "协调加快办理",
                              NULL };
    const char *const b[] = { "2026-03-20", second, "谢冬梅", "", "", NULL };
    const char *const *const table[] = { header, a, b, NULL };

    write_table_xlsx (xlsx, table);
  }
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "visits", xlsx, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已新增走访记录 2 条，更新 0 条。\n");
  rows = db_rows (db, VISIT_ROWS);
  expected = g_strdup_printf ("%s\t2026-03-05\t吴丽萍\t用地手续未完成\t协调加快办理\n"
                              "%s\t2026-03-20\t谢冬梅\t∅\t∅\n",
                              first, second);
  g_assert_cmpstr (rows, ==, expected);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, NULL, "import", "visits", xlsx, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已新增走访记录 0 条，更新 2 条。\n");
  again = db_rows (db, VISIT_ROWS);
  g_assert_cmpstr (again, ==, rows);

  bad_text = g_strdup_printf ("走访日期,项目名称,走访人\n2026-04-01,%s,吴丽萍\n"
                              "2026-04-02,不存在的项目,吴丽萍\n2026-04-03,%s,无名氏\n",
                              first, second);
  g_assert_true (g_file_set_contents (bad, bad_text, -1, &error));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "visits", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "第 3 行，“项目名称”：2026 年名单中没有项目“不存在的项目”"));
  g_assert_nonnull (strstr (err, "第 4 行，“走访人”：人员名单中没有“无名氏”。"));
  g_assert_nonnull (strstr (err, "发现 2 个问题，未导入任何走访记录。"));
  after_bad = db_rows (db, VISIT_ROWS);
  g_assert_cmpstr (after_bad, ==, rows);
  tj_test_rmdir (dir);
}

/* tuijin import funds: needs in 万元 and a quota in its unit, from CSV and again from a
 * workbook as updates; a bad row named. */
static void
test_import_funds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "要素.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "要素.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "坏.csv", NULL);
  g_autofree char *first = NULL, *second = NULL, *text = NULL, *bad_text = NULL;
  g_autofree char *out = NULL, *err = NULL, *rows = NULL, *again = NULL, *after_bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  first = demo_project (db, 0);
  second = demo_project (db, 1);
  /* the needs the file names (the demo has needs of its own) */
  sql = g_strdup_printf ("SELECT e.kind, e.needed, e.needed_date, e.secured, e.secured_date, "
                         "e.note FROM project_elements e JOIN projects p ON p.id = e.project_id "
                         "WHERE p.year = 2026 AND p.name IN ('%s', '%s') AND e.needed_date IN "
                         "('2026-02-01', '2026-03-01') ORDER BY e.id",
                         first, second);
  text = g_strdup_printf ("项目名称,类别,申请数额,申请日期,到位数额,到位日期,备注\n"
                          "%s,中央资金,1200.5,2026-02-01,800,2026-05-01,第一批\n"
                          "%s,用地指标,35.5,2026-03-01,,,\n",
                          first, second);
  g_assert_true (g_file_set_contents (csv, text, -1, &error));
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "funds", csv, "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已新增要素需求 2 项，更新 0 项。\n");
  rows = db_rows (db, sql);
  /* 1200.5 万元 in yuan; 35.5 亩 in hundredths */
  g_assert_cmpstr (rows, ==,
                   "central\t12005000\t2026-02-01\t8000000\t2026-05-01\t第一批\n"
                   "land\t3550\t2026-03-01\t0\t∅\t∅\n");
  {
    const char *const header[] = { "项目名称", "类别", "申请数额", "申请日期", "到位数额",
                                   "到位日期", "备注", NULL };
    const char *const a[] = { first, "中央资金", "1200.5", "2026-02-01", "800", "2026-05-01",
                              "第一批", NULL };
    const char *const b[] = { second, "用地指标", "35.5", "2026-03-01", "", "", "", NULL };
    const char *const *const table[] = { header, a, b, NULL };

    write_table_xlsx (xlsx, table);
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, NULL, "import", "funds", xlsx, "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已新增要素需求 0 项，更新 2 项。\n");
  again = db_rows (db, sql);
  g_assert_cmpstr (again, ==, rows);

  bad_text = g_strdup_printf ("项目名称,类别,申请数额,申请日期,到位数额,到位日期\n"
                              "%s,中央资金,100,2026-06-01,800,2026-07-01\n"
                              "%s,天上掉的,1,2026-06-01,,\n",
                              first, second);
  g_assert_true (g_file_set_contents (bad, bad_text, -1, &error));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, &err, "import", "funds", bad, "--year", "2026",
                                       NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "第 2 行，“到位数额”：到位金额不能超过申请金额"));
  g_assert_nonnull (strstr (err, "第 3 行，“类别”：“天上掉的”不是要素类别"));
  after_bad = db_rows (db, sql);
  g_assert_cmpstr (after_bad, ==, rows);
  tj_test_rmdir (dir);
}

#define SCORE_ROWS                                                                               \
  "SELECT p.name, c.name, s.score FROM tour_scores s "                                           \
  "JOIN tour_projects tp ON tp.id = s.tour_project_id JOIN projects p ON p.id = tp.project_id "  \
  "JOIN tour_criteria c ON c.id = s.criterion_id JOIN tours t ON t.id = tp.tour_id "             \
  "WHERE t.date = '2026-04-18' ORDER BY tp.position, c.position"

/* tuijin import tour-scores: the panel's sheet for the tour on a day, a column per criterion;
 * again as updates; a score beyond its weight and a project the tour did not visit named. */
static void
test_import_tour_scores (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "评分.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "评分.csv", NULL);
  g_auto (GStrv) names = g_new0 (char *, 5); /* four names and the NULL that ends them */
  g_autofree char *out = NULL, *err = NULL, *rows = NULL, *again = NULL, *bad_text = NULL;
  g_autofree char *after_bad = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tj_test_run_tuijin (db, NULL, NULL, "demo", "--year", "2026", NULL), ==, 0);
  {
    g_autoptr (TjDb) handle = tj_db_open (db, &error);
    g_autoptr (TjTour) tour = tj_tour_new ();

    g_assert_no_error (error);
    tour->date = g_strdup ("2026-04-18");
    tour->name = g_strdup ("第二季度观摩");
    tj_tour_add_criterion (tour, "形象进度", 40);
    tj_tour_add_criterion (tour, "投资完成", 30);
    tj_tour_add_criterion (tour, "质量安全", 15);
    tj_tour_add_criterion (tour, "亮点特色", 15);
    for (guint i = 0; i < 4; i++)
      {
        names[i] = demo_project (db, i);
        if (i < 3)
          tj_tour_add_stop (tour, tj_project_find (handle, 2026, names[i]), names[i], NULL);
      }
    g_assert_true (tj_tour_save (handle, tour, &error));
    g_assert_no_error (error);
  }
  {
    const char *const header[] = { "序号", "项目名称", "形象进度", "投资完成", "质量安全",
                                   "亮点特色", NULL };
    const char *const a[] = { "1", names[0], "36.25", "28", "14.25", "12", NULL };
    const char *const b[] = { "2", names[1], "30", "25.5", "13", "15", NULL };
    const char *const c[] = { "3", names[2], "40", "", "", "", NULL };
    const char *const *const table[] = { header, a, b, c, NULL };

    write_table_xlsx (xlsx, table);
  }
  g_assert_cmpint (tj_test_run_tuijin (db, &out, &err, "import", "tour-scores", xlsx, "--date",
                                       "2026-04-18", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已为 3 个项目评分，重新评分 0 个。\n");
  rows = db_rows (db, SCORE_ROWS);
  g_assert_cmpuint (count_lines (rows), ==, 9);
  /* 36.25 + 28 + 14.25 + 12 = 90.5 points for the first project, in hundredths (two decimals
   * as panels score) */
  {
    g_autofree char *sum = db_rows (db, "SELECT sum (s.score) FROM tour_scores s "
                                        "JOIN tour_projects tp ON tp.id = s.tour_project_id "
                                        "JOIN tours t ON t.id = tp.tour_id "
                                        "WHERE t.date = '2026-04-18' AND tp.position = 0");

    g_assert_cmpstr (sum, ==, "9050\n");
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, &out, NULL, "import", "tour-scores", xlsx, "--date",
                                       "2026-04-18", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已为 0 个项目评分，重新评分 3 个。\n");
  again = db_rows (db, SCORE_ROWS);
  g_assert_cmpstr (again, ==, rows);

  bad_text = g_strdup_printf ("项目名称,形象进度\n%s,45\n%s,20\n", names[0], names[3]);
  g_assert_true (g_file_set_contents (bad, bad_text, -1, &error));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db, NULL, &err, "import", "tour-scores", bad, "--date",
                                       "2026-04-18", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "第 2 行，“项目名称”："));
  g_assert_nonnull (strstr (err, "“形象进度”"));
  g_assert_nonnull (strstr (err, "第 3 行，“项目名称”："));
  g_assert_nonnull (strstr (err, "未在 2026-04-18 的观摩中"));
  after_bad = db_rows (db, SCORE_ROWS);
  g_assert_cmpstr (after_bad, ==, rows);
  tj_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/workbook/cells/numbers-letters-formats", test_cells);
  g_test_add_func ("/tj/workbook/cells/serial-dates", test_serial_dates);
  g_test_add_func ("/tj/workbook/xlsx/ledger-from-named-sheet", test_xlsx_ledger);
  g_test_add_func ("/tj/workbook/xlsx/bad-cell-named-nothing-imported", test_xlsx_bad_row);
  g_test_add_func ("/tj/workbook/xlsx/formula-without-value-refused",
                   test_xlsx_formula_without_value);
  g_test_add_func ("/tj/workbook/xlsx/1904-dates-and-gaps", test_xlsx_1904_and_gaps);
  g_test_add_func ("/tj/workbook/xlsx/inline-phonetic-and-cut-off",
                   test_xlsx_inline_phonetic_and_cut_off);
  g_test_add_data_func ("/tj/workbook/xls/ledger", "ledger-2026.xls", test_xls_ledger);
  g_test_add_data_func ("/tj/workbook/libreoffice/xlsx", "ledger-2026-libreoffice.xlsx",
                        test_xls_ledger);
  g_test_add_data_func ("/tj/workbook/libreoffice/xls", "ledger-2026-libreoffice.xls",
                        test_xls_ledger);
  g_test_add_func ("/tj/workbook/xlsx/progress-as-from-csv", test_xlsx_progress);
  g_test_add_func ("/tj/workbook/format-told-by-content", test_told_by_content);
  g_test_add_func ("/tj/workbook/round-trip/register", test_round_trip_register);
  g_test_add_func ("/tj/workbook/round-trip/approvals", test_round_trip_approvals);
  g_test_add_func ("/tj/workbook/round-trip/approvals-fresh", test_round_trip_approvals_fresh);
  g_test_add_func ("/tj/workbook/import/visits", test_import_visits);
  g_test_add_func ("/tj/workbook/import/funds", test_import_funds);
  g_test_add_func ("/tj/workbook/import/tour-scores", test_import_tour_scores);
  g_test_add_func ("/tj/workbook/round-trip/inspections", test_round_trip_inspections);
  g_test_add_func ("/tj/workbook/round-trip/matters", test_round_trip_matters);
  return g_test_run ();
}
