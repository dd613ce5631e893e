/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tj-test.h"

#include <string.h>

#include "tj-csv.h"
#include "tj-error.h"
#include "tj-import.h"

/* Every record a parse gave, with the line it starts on. */
typedef struct
{
  GPtrArray *rows; /* GStrv */
  GArray *lines;   /* guint */
} Records;

static gboolean
record_cb (guint     line,
           char    **cells,
           guint     n_cells,
           gpointer  user_data,
           GError  **error)
{
  Records *records = user_data;
  char **copy = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    copy[i] = g_strdup (cells[i]);
  g_ptr_array_add (records->rows, copy);
  g_array_append_val (records->lines, line);
  return TRUE;
}

static Records *
records_new (void)
{
  Records *records = g_new0 (Records, 1);

  records->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  records->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return records;
}

static void
records_free (Records *records)
{
  g_ptr_array_unref (records->rows);
  g_array_unref (records->lines);
  g_free (records);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Records, records_free)

static Records *
parse_text (const char *text)
{
  Records *records = records_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_csv_parse (text, strlen (text), record_cb, records, &error));
  g_assert_no_error (error);
  return records;
}

static char **
row (Records *records,
     guint    i)
{
  g_assert_cmpuint (i, <, records->rows->len);
  return g_ptr_array_index (records->rows, i);
}

static guint
line (Records *records,
      guint    i)
{
  return g_array_index (records->lines, guint, i);
}

static void
test_decode_utf8_bom (void)
{
  const char bytes[] = "\xEF\xBB\xBF序号,项目名称\r\n";
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = tj_csv_decode (bytes, strlen (bytes), &length, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "序号,项目名称\r\n");
  g_assert_cmpuint (length, ==, strlen ("序号,项目名称\r\n"));
}

static void
test_decode_utf8_without_bom (void)
{
  const char bytes[] = "项目名称,属地\n嵩阳街道改造,嵩阳街道\n";
  g_autofree char *text = tj_csv_decode (bytes, strlen (bytes), NULL, NULL);

  g_assert_cmpstr (text, ==, bytes);
}

static void
test_decode_gb18030 (void)
{
  const char *utf8 = "项目名称,总投资（万元）\r\n石淙通用航空产业园,\"292,175.05\"\r\n";
  g_autoptr (GError) error = NULL;
  gsize gb_length = 0, length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* The GB18030 bytes are not UTF-8: otherwise this test would prove nothing. */
  g_assert_false (g_utf8_validate_len (gb, gb_length, NULL));
  text = tj_csv_decode (gb, gb_length, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_assert_cmpuint (length, ==, strlen (utf8));
}

static void
test_decode_office_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = tj_csv_read_file (path, &length, &error);
  g_autoptr (Records) records = records_new ();

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "序号, 项目名称 ,级别,建设性质"));
  g_assert_true (tj_csv_parse (text, length, record_cb, records, &error));
  g_assert_no_error (error);
  /* The header and 84 projects; every record has the header's 21 cells. */
  g_assert_cmpuint (records->rows->len, ==, 85);
  for (guint i = 0; i < records->rows->len; i++)
    g_assert_cmpuint (g_strv_length (row (records, i)), ==, 21);
  /* Each record spans two lines: the 建设规模及内容 cell holds a line break. */
  g_assert_cmpuint (line (records, 8), ==, 16);
  g_assert_cmpstr (row (records, 8)[1], ==, "嵩山\"天地之中\"文化园，二期, 北区");
  g_assert_cmpstr (row (records, 1)[13], ==, "435,584.9999");
  g_assert_cmpstr (row (records, 1)[5], ==, "建设规模：占地58亩\n建设内容：主体工程及配套设施");
  g_assert_cmpuint (line (records, 84), ==, 168);
}

/* A UTF-8 file, with and without its byte order mark, reads as its text (in the file's own
 * buffer), its length without the mark. */
static void
test_read_utf8_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "台账.csv", NULL);
  const char *body = "项目名称,级别\r\n少林景区改造,省重点\r\n";

  for (int bom = 0; bom < 2; bom++)
    {
      g_autofree char *bytes = g_strconcat (bom ? "\xEF\xBB\xBF" : "", body, NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_set_contents (path, bytes, -1, &error));
      text = tj_csv_read_file (path, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, body);
      g_assert_cmpuint (length, ==, strlen (body));
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_decode_neither (void)
{
  /* UTF-16 with its byte order mark: neither UTF-8 nor GB18030. */
  const char bytes[] = { '\xFF', '\xFE', 'a', '\0', ',', '\0', 'b', '\0' };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = tj_csv_decode (bytes, sizeof bytes, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "GB18030"));
}

static void
test_read_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = tj_csv_read_file ("/nonexistent/ledger.csv", NULL, &error);

  g_assert_null (text);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
}

static void
test_parse_quotes (void)
{
  g_autoptr (Records) records =
    parse_text ("名称,说明,电话\r\n\"少林,二期\",\"他说\"\"开工\"\"了\",\"\"\r\n");

  g_assert_cmpuint (records->rows->len, ==, 2);
  g_assert_cmpstr (row (records, 1)[0], ==, "少林,二期");
  g_assert_cmpstr (row (records, 1)[1], ==, "他说\"开工\"了");
  g_assert_cmpstr (row (records, 1)[2], ==, "");
  g_assert_cmpuint (g_strv_length (row (records, 1)), ==, 3);
}

static void
test_parse_embedded_newlines (void)
{
  /* Line 1 header, line 2–4 one record, line 5 empty, line 6 the last record (no final CRLF). */
  g_autoptr (Records) records =
    parse_text ("a,b\r\n1,\"第一行\r\n第二行\n第三行\"\r\n\r\n2,末行");

  g_assert_cmpuint (records->rows->len, ==, 3);
  g_assert_cmpuint (line (records, 0), ==, 1);
  g_assert_cmpuint (line (records, 1), ==, 2);
  g_assert_cmpstr (row (records, 1)[1], ==, "第一行\r\n第二行\n第三行");
  g_assert_cmpuint (line (records, 2), ==, 6);
  g_assert_cmpstr (row (records, 2)[1], ==, "末行");
}

static void
test_parse_crlf_and_lf (void)
{
  g_autoptr (Records) crlf = parse_text ("a,b\r\n1,2\r\n3,4\r\n");
  g_autoptr (Records) lf = parse_text ("a,b\n1,2\n\n\n3,4\n");

  g_assert_cmpuint (crlf->rows->len, ==, 3);
  g_assert_cmpuint (line (crlf, 2), ==, 3);
  g_assert_cmpstr (row (crlf, 2)[1], ==, "4");
  g_assert_cmpuint (lf->rows->len, ==, 3);
  g_assert_cmpuint (line (lf, 2), ==, 5);
  g_assert_cmpstr (row (lf, 2)[1], ==, "4");
}

static void
test_parse_ragged_rows (void)
{
  g_autoptr (Records) records = parse_text ("a,b,c\n1\n1,2,3,4\n,,\n");

  g_assert_cmpuint (records->rows->len, ==, 4);
  g_assert_cmpuint (g_strv_length (row (records, 1)), ==, 1);
  g_assert_cmpuint (g_strv_length (row (records, 2)), ==, 4);
  g_assert_cmpstr (row (records, 2)[3], ==, "4");
  g_assert_cmpuint (g_strv_length (row (records, 3)), ==, 3);
}

static void
test_parse_unclosed_quote (void)
{
  const char *text = "a,b\n1,2\n3,\"没有结尾\n4,5\n";
  g_autoptr (Records) records = records_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_csv_parse (text, strlen (text), record_cb, records, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "第 3 行"));
  g_assert_cmpuint (records->rows->len, ==, 2);
}

static gboolean
stop_at_second_cb (guint     line,
                   char    **cells,
                   guint     n_cells,
                   gpointer  user_data,
                   GError  **error)
{
  guint *seen = user_data;

  if (++*seen < 2)
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, "stopped at line %u", line);
  return FALSE;
}

static void
test_parse_stops (void)
{
  const char *text = "a\nb\nc\nd\n";
  g_autoptr (GError) error = NULL;
  guint seen = 0;

  g_assert_false (tj_csv_parse (text, strlen (text), stop_at_second_cb, &seen, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_DATABASE);
  g_assert_cmpstr (error->message, ==, "stopped at line 2");
  g_assert_cmpuint (seen, ==, 2);
}

/* A header of a million columns gives one warning per kind of problem, not a million. */
static void
test_map_header_many_columns (void)
{
  const char *const columns[] = { "项目名称", "总投资（万元）" };
  const guint n_cells = 1000000;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) headers = NULL;
  int index[2];

  g_ptr_array_add (cells, g_strdup ("项目名称"));
  g_ptr_array_add (cells, g_strdup ("总投资(万元)"));
  for (guint i = 2; i < n_cells; i++)
    g_ptr_array_add (cells, i % 2 == 0 ? g_strdup_printf ("列%u", i / 2) : g_strdup ("项目名称"));

  headers = tj_csv_map_header ((char **) cells->pdata, n_cells, columns, 2, 0, NULL, NULL, index,
                               warnings);
  g_assert_nonnull (headers);
  g_assert_cmpint (index[0], ==, 0);
  g_assert_cmpint (index[1], ==, 1);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "499999 个未知的列将被忽略：“列1”、“列2”、“列3”、“列4”、“列5”、“列6”、"
                   "“列7”、“列8”、“列9”、“列10”……（仅列出前 10 个）。");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "499999 个重复的列将被忽略：“项目名称”。");

  /* One of each keeps the message that names it. */
  {
    char a[] = "项目名称", b[] = "备注2", c[] = "项目名称";
    char *few[] = { a, b, c, NULL };
    g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
    g_auto (GStrv) mapped = tj_csv_map_header (few, 3, columns, 2, 0, NULL, NULL, index, one);

    g_assert_nonnull (mapped);
    g_assert_cmpuint (one->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (one, 0), ==, "未知的列“备注2”将被忽略。");
    g_assert_cmpstr (g_ptr_array_index (one, 1), ==, "“项目名称”列出现了两次，后一列将被忽略。");
  }
}

static void
test_write_bytes (void)
{
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  const char *header[] = { "序号", "项目名称" };
  const char *cells[] = { "1", "嵩山\"天地之中\"文化园，二期, 北区", NULL, "两行\n内容" };
  const char *expected = "\xEF\xBB\xBF\"序号\",\"项目名称\"\r\n"
                         "\"1\",\"嵩山\"\"天地之中\"\"文化园，二期, 北区\",\"\",\"两行\n内容\"\r\n";
  gsize length = 0;
  const char *data;

  tj_csv_writer_add_row (writer, header, G_N_ELEMENTS (header));
  tj_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells));
  data = tj_csv_writer_get_data (writer, &length);
  g_assert_cmpmem (data, length, expected, strlen (expected));
}

static void
test_write_reads_back (void)
{
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  const char *cells[] = { " 前后有空格 ", "a,\"b\"\r\nc", "", "+86 371 6287 1000" };
  g_autofree char *text = NULL;
  g_autoptr (Records) records = records_new ();
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  const char *data;

  tj_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells));
  tj_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells));
  data = tj_csv_writer_get_data (writer, &length);
  text = tj_csv_decode (data, length, &length, &error);
  g_assert_no_error (error);
  g_assert_true (tj_csv_parse (text, length, record_cb, records, &error));
  g_assert_cmpuint (records->rows->len, ==, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (row (records, 1)[i], ==, cells[i]);
  /* A text beginning with "+" is written after an apostrophe, which cleaning takes off. */
  g_assert_cmpstr (row (records, 1)[3], ==, "'+86 371 6287 1000");
  g_assert_cmpstr (tj_csv_clean_cell (row (records, 1)[3]), ==, cells[3]);
  /* The first record holds one line break inside a quoted cell. */
  g_assert_cmpuint (line (records, 1), ==, 3);
}

/* A text beginning with =, +, -, @, a tab or a carriage return is written after an apostrophe,
 * so that Excel and WPS show it as text and never evaluate it; a figure Tuijin formatted stays a
 * number. Cleaning a cell takes one such apostrophe off, and no other. */
static void
test_write_escapes_formulas (void)
{
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  const char *texts[] = { "=1+1", "@SUM(A1)", "-5", "+1", "\tx", "\rx", "a=b", "" };
  const char *figures[] = { "-5.00", "+2.9", "-86.2%", "-2+3" };
  const gboolean is_figure[] = { TRUE, TRUE, TRUE, TRUE };
  const char *expected = "\xEF\xBB\xBF\"'=1+1\",\"'@SUM(A1)\",\"'-5\",\"'+1\",\"'\tx\",\"'\rx\","
                         "\"a=b\",\"\"\r\n"
                         "\"-5.00\",\"+2.9\",\"-86.2%\",\"'-2+3\"\r\n";
  struct
  {
    const char *cell;
    const char *clean;
  } cleaned[] = {
    { "'=1+1", "=1+1" }, { "'@SUM(A1)", "@SUM(A1)" }, { "'-5", "-5" },   { "'+1", "+1" },
    { "'\tx", "x" },     { "'\rx", "x" },             { "'abc", "'abc" }, { "''=x", "''=x" },
    { " '=x ", "=x" },   { "'", "'" },
  };
  gsize length = 0;
  const char *data;

  tj_csv_writer_add_row (writer, texts, G_N_ELEMENTS (texts));
  tj_csv_writer_add_row_full (writer, figures, G_N_ELEMENTS (figures), is_figure);
  data = tj_csv_writer_get_data (writer, &length);
  g_assert_cmpmem (data, length, expected, strlen (expected));

  for (guint i = 0; i < G_N_ELEMENTS (cleaned); i++)
    {
      g_autofree char *cell = g_strdup (cleaned[i].cell);

      g_assert_cmpstr (tj_csv_clean_cell (cell), ==, cleaned[i].clean);
    }
}

static void
test_write_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "台账.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "台账.csv", NULL);
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  const char *cells[] = { "项目名称", "属地" };
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *data;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  tj_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells));
  g_assert_true (tj_csv_writer_save (writer, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  data = tj_csv_writer_get_data (writer, NULL);
  g_assert_cmpstr (contents, ==, data);

  g_assert_false (tj_csv_writer_save (writer, nowhere, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  tj_test_rmdir (dir);
}

/* The import runner and its cell readers on a table of their own, in a real database: every bad
 * cell named by its spreadsheet row and the file's header, nothing written while one is left,
 * a dry run writing nothing, a good file written in one transaction. */
enum
{
  FEE_NAME,
  FEE_AMOUNT,
  FEE_DATE,
  FEE_MONTH,
  FEE_DAYS,
  FEE_NOTES,
  N_FEE_COLUMNS
};

static const char *const fee_headers[N_FEE_COLUMNS] = {
  "名称", "金额（万元）", "日期", "月份", "天数", "说明",
};

typedef struct
{
  TjCsvImport csv;
  TjDb *db;
  TjImportResult *result;
} FeeImport;

static gboolean
fee_row_cb (TjCsvImport *csv,
            guint        row,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  FeeImport *import = (FeeImport *) csv;
  const char *values[N_FEE_COLUMNS];
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *month = NULL;
  g_autofree char *notes = NULL;
  gint64 yuan = -1;
  int days = -1;
  guint before = csv->errors->len;

  if (!tj_csv_import_row_values (csv, row, cells, n_cells, -1, values))
    return TRUE;
  tj_import_read_text (csv, row, FEE_NAME, "name", values[FEE_NAME], &name);
  tj_import_read_money (csv, row, FEE_AMOUNT, values[FEE_AMOUNT], &yuan);
  tj_import_read_date (csv, row, FEE_DATE, values[FEE_DATE], &date);
  tj_import_read_month (csv, row, FEE_MONTH, values[FEE_MONTH], &month);
  tj_import_read_integer (csv, row, FEE_DAYS, values[FEE_DAYS], "工作日", &days);
  tj_import_read_text (csv, row, FEE_NOTES, "notes", values[FEE_NOTES], &notes);
  if (csv->errors->len > before)
    return TRUE;

  stmt = tj_db_prepare (import->db,
                        "INSERT INTO temp.fees (name, yuan, date, month, days, notes) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, yuan);
  tj_db_bind_text_or_null (stmt, 3, date);
  tj_db_bind_text_or_null (stmt, 4, month);
  sqlite3_bind_int (stmt, 5, days);
  tj_db_bind_text_or_null (stmt, 6, notes);
  if (!tj_db_step_done (import->db, stmt, error))
    return FALSE;
  import->result->added++;
  return TRUE;
}

static gboolean
fee_import (TjDb            *db,
            const char      *path,
            gboolean         dry_run,
            TjImportResult **result,
            GError         **error)
{
  FeeImport import = { 0 };
  gboolean ok;

  *result = tj_import_result_new ();
  tj_csv_import_init (&import.csv, N_FEE_COLUMNS);
  import.csv.columns = fee_headers;
  import.csv.anchor = FEE_NAME;
  import.csv.read_row = fee_row_cb;
  import.db = db;
  import.result = *result;
  ok = tj_import_run (db, path, TJ_IMPORT_APPROVAL_ITEMS, dry_run, &import.csv, NULL, *result,
                      error);
  tj_csv_import_clear (&import.csv);
  return ok;
}

static void
test_import_runner_and_readers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "fees.csv", NULL);
  g_autofree char *long_notes = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GString *notes = g_string_new (NULL);

  g_assert_cmpint (sqlite3_exec (tj_db_get_handle (db),
                                 "CREATE TEMP TABLE fees (name TEXT, yuan INTEGER, date TEXT, "
                                 "month TEXT, days INTEGER, notes TEXT)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < 2001; i++)
    g_string_append (notes, "字");
  long_notes = g_string_free (notes, FALSE);

  /* A title above the header; a cell with a line break puts row 4 on text line 5. */
  bad = g_strdup_printf ("收费表\n"
                         "名称,金额（万元）,日期,月份,天数,说明\n"
                         "评审费,12.5,2026-03-05,2026-03,20,\"两行\n说明\"\n"
                         "登记费,abc,2026-02-30,2026年13月,二十,%s\n",
                         long_notes);
  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  g_assert_false (fee_import (db, path, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "发现 5 处错误，未导入任何审批事项。");
  g_assert_cmpuint (result->errors->len, ==, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 0),
                                   "第 4 行（文本第 5 行），“金额（万元）”："));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 1),
                                   "第 4 行（文本第 5 行），“日期”："));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 2),
                                   "第 4 行（文本第 5 行），“月份”："));
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 4 行（文本第 5 行），“天数”：“二十”不是整数个工作日。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 4 行（文本第 5 行），“说明”：说明不能超过 2000 个字（现有 2001 个字）。");
  /* The good row before the bad one was written, and rolled back. */
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM temp.fees"), ==, 0);
  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);

  /* Empty cells are none (NULL), 0 yuan, the number left as it was; a whole date gives its
   * month; a dry run reads everything and writes nothing. */
  g_assert_true (g_file_set_contents (path,
                                      "名称,金额（万元）,日期,月份,天数,说明\n"
                                      "评审费,12.5,2026/3/5,2026-03-18,20,加急\n"
                                      "登记费,,,,,\n",
                                      -1, NULL));
  g_assert_true (fee_import (db, path, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM temp.fees"), ==, 0);
  g_clear_pointer (&result, tj_import_result_free);

  g_assert_true (fee_import (db, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM temp.fees"), ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT yuan FROM temp.fees WHERE name = '评审费'"), ==,
                   125000);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM temp.fees WHERE date = '2026-03-05' "
                                       "AND month = '2026-03' AND days = 20 AND notes = '加急'"),
                   ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM temp.fees WHERE name = '登记费' AND "
                                       "yuan = 0 AND date IS NULL AND month IS NULL AND "
                                       "days = -1 AND notes IS NULL"),
                   ==, 1);
  g_clear_pointer (&result, tj_import_result_free);

  /* An empty file names itself. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_false (fee_import (db, path, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "”是空文件，未导入任何审批事项。"));

  g_clear_object (&db);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/csv/decode/utf8-with-bom-loses-the-bom", test_decode_utf8_bom);
  g_test_add_func ("/tj/csv/decode/utf8-without-bom", test_decode_utf8_without_bom);
  g_test_add_func ("/tj/csv/read/utf8-file-with-and-without-bom", test_read_utf8_file);
  g_test_add_func ("/tj/csv/decode/gb18030-becomes-utf8", test_decode_gb18030);
  g_test_add_func ("/tj/csv/decode/office-sample-in-gb18030", test_decode_office_sample);
  g_test_add_func ("/tj/csv/decode/neither-encoding-is-refused", test_decode_neither);
  g_test_add_func ("/tj/csv/read/missing-file-is-an-io-error", test_read_missing_file);
  g_test_add_func ("/tj/csv/parse/quotes-and-commas", test_parse_quotes);
  g_test_add_func ("/tj/csv/parse/embedded-newlines-keep-line-numbers",
                   test_parse_embedded_newlines);
  g_test_add_func ("/tj/csv/parse/crlf-and-lf", test_parse_crlf_and_lf);
  g_test_add_func ("/tj/csv/parse/ragged-rows", test_parse_ragged_rows);
  g_test_add_func ("/tj/csv/parse/unclosed-quote-names-its-line", test_parse_unclosed_quote);
  g_test_add_func ("/tj/csv/parse/callback-stops-with-its-error", test_parse_stops);
  g_test_add_func ("/tj/csv/header/many-columns-one-warning-per-kind",
                   test_map_header_many_columns);
  g_test_add_func ("/tj/csv/write/bom-quotes-crlf", test_write_bytes);
  g_test_add_func ("/tj/csv/write/reads-back-the-same-cells", test_write_reads_back);
  g_test_add_func ("/tj/csv/write/formula-like-texts-escaped", test_write_escapes_formulas);
  g_test_add_func ("/tj/csv/write/save-replaces-or-leaves-nothing", test_write_save);
  g_test_add_func ("/tj/csv/import/runner-and-cell-readers", test_import_runner_and_readers);
  return g_test_run ();
}
