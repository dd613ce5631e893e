/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reading every import shares, on any bytes: tj_csv_decode, tj_csv_parse, the header
 * mapping and cell cleaning, tj_csv_import_read with an importer that keeps nothing, and the
 * writer, whose output must parse back to the very cells it was given. */
#include "fuzz-common.h"

#include "tj-csv.h"
#include "tj-error.h"

/* The columns of the project ledger, as an importer gives them (tj-ledger.c). */
static const char *const ledger_columns[] = {
  "序号", "项目名称", "级别", "建设性质", "行业类别", "建设规模及内容", "属地", "责任单位",
  "分包市领导", "首席服务官", "业主单位", "联系人", "联系电话", "总投资（万元）",
  "年度计划投资（万元）", "计划开工", "计划竣工", "实际开工", "实际竣工", "入库日期",
  "项目编号", "备注",
};
static const guint ledger_required[] = { 1, 13 };

/* The holiday table's (tj-calendar.c): three columns, the date the anchor. */
static const char *const holiday_columns[] = { "日期", "类型", "名称" };

/* Records are kept up to this many, and compared after the round trip. */
#define KEPT_RECORDS 20000

typedef struct
{
  GPtrArray *rows; /* GStrv */
  GArray *lines;   /* guint */
  guint last_line;
  guint count;
} Records;

static gboolean
record_cb (guint     line,
           char    **cells,
           guint     n_cells,
           gpointer  user_data,
           GError  **error)
{
  Records *records = user_data;

  FUZZ_CHECK (n_cells > 0);
  FUZZ_CHECK (line > records->last_line);
  records->last_line = line;
  records->count++;
  if (records->rows->len < KEPT_RECORDS)
    {
      char **copy = g_new0 (char *, n_cells + 1);

      for (guint i = 0; i < n_cells; i++)
        {
          FUZZ_CHECK (cells[i] != NULL);
          FUZZ_CHECK (g_utf8_validate (cells[i], -1, NULL));
          copy[i] = g_strdup (cells[i]);
        }
      g_ptr_array_add (records->rows, copy);
      g_array_append_val (records->lines, line);
    }
  return TRUE;
}

static void
records_init (Records *records)
{
  records->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  records->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  records->last_line = 0;
  records->count = 0;
}

static void
records_clear (Records *records)
{
  g_ptr_array_unref (records->rows);
  g_array_unref (records->lines);
}

/* A header row mapped against a list of columns: every known column found at most once, at a
 * cell that is its header; at most one warning per kind of problem. */
static void
check_map_header (char             **row,
                  const char *const *columns,
                  guint              n_columns,
                  guint              anchor)
{
  g_auto (GStrv) cells = g_strdupv (row);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  guint n_cells = g_strv_length (cells);
  int index[G_N_ELEMENTS (ledger_columns)];
  g_auto (GStrv) headers = NULL;

  headers = tj_csv_map_header (cells, n_cells, columns, n_columns, anchor, NULL, NULL, index,
                               warnings);
  if (headers == NULL)
    {
      FUZZ_CHECK (warnings->len == 0);
      return;
    }
  FUZZ_CHECK (g_strv_length (headers) == n_cells);
  FUZZ_CHECK (warnings->len <= 2);
  fuzz_check_messages (warnings);
  FUZZ_CHECK (index[anchor] >= 0);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      if (index[c] < 0)
        continue;
      FUZZ_CHECK ((guint) index[c] < n_cells);
      for (guint d = 0; d < c; d++)
        FUZZ_CHECK (index[d] != index[c]);
      want = tj_csv_normalise_header (columns[c]);
      got = tj_csv_normalise_header (headers[index[c]]);
      FUZZ_CHECK (g_str_equal (want, got));
    }
}

static gboolean
import_row_cb (TjCsvImport *import,
               guint        line,
               char       **cells,
               guint        n_cells,
               GError     **error)
{
  const char *values[G_N_ELEMENTS (ledger_columns)];

  FUZZ_CHECK (import->headers != NULL);
  if (tj_csv_import_row_values (import, line, cells, n_cells, 0, values))
    for (guint c = 0; c < import->n_columns; c++)
      {
        FUZZ_CHECK (values[c] == NULL || g_utf8_validate (values[c], -1, NULL));
        if (values[c] != NULL && *values[c] != '\0' && c == 13)
          tj_csv_import_add_error (import, line, c, "bad");
      }
  return TRUE;
}

/* The whole of tj_csv_import_read, with the ledger's columns and rows that are only looked at. */
static void
check_import_read (const uint8_t *data,
                   size_t         size)
{
  const char *path = fuzz_write_input (data, size);
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  TjCsvImport import;
  gboolean ok;

  tj_csv_import_init (&import, G_N_ELEMENTS (ledger_columns));
  import.columns = ledger_columns;
  import.anchor = 1;
  import.required = ledger_required;
  import.n_required = G_N_ELEMENTS (ledger_required);
  import.errors = errors;
  import.warnings = warnings;
  import.read_row = import_row_cb;
  ok = tj_csv_import_read (&import, path, "empty", &error);
  FUZZ_CHECK (ok == (error == NULL));
  FUZZ_CHECK (ok || g_error_matches (error, TJ_ERROR, TJ_ERROR_INVALID));
  fuzz_check_messages (errors);
  fuzz_check_messages (warnings);
  /* Unknown columns, repeated ones, the long rows named (5) and counted (1) */
  FUZZ_CHECK (warnings->len <= 2 + 5 + 1);
  tj_csv_import_clear (&import);
}

/* A cell read back from the writer's CSV: the same text, or the same with the apostrophe the
 * writer puts before a text a spreadsheet would take for a formula. */
static gboolean
same_cell (const char *written,
           const char *read)
{
  return g_str_equal (written, read) || (read[0] == '\'' && g_str_equal (written, read + 1));
}

/* The writer's CSV of the records reads back as the same records, each on the line that the
 * line breaks of the records before it put it on. */
static void
check_round_trip (Records *records)
{
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *bytes;
  gsize length = 0, text_length = 0;
  Records back;
  guint expected_line = 1;

  for (guint r = 0; r < records->rows->len; r++)
    {
      char **row = g_ptr_array_index (records->rows, r);

      tj_csv_writer_add_row (writer, (const char *const *) row, g_strv_length (row));
    }
  bytes = tj_csv_writer_get_data (writer, &length);
  text = tj_csv_decode (bytes, length, &text_length, &error);
  FUZZ_CHECK (text != NULL);
  records_init (&back);
  FUZZ_CHECK (tj_csv_parse (text, text_length, record_cb, &back, &error));
  FUZZ_CHECK (back.rows->len == records->rows->len);
  for (guint r = 0; r < records->rows->len; r++)
    {
      char **want = g_ptr_array_index (records->rows, r);
      char **got = g_ptr_array_index (back.rows, r);

      FUZZ_CHECK (g_strv_length (want) == g_strv_length (got));
      for (guint i = 0; want[i] != NULL; i++)
        if (!same_cell (want[i], got[i]))
          {
            g_autofree char *a = g_strescape (want[i], NULL);
            g_autofree char *b = g_strescape (got[i], NULL);

            fprintf (stderr, "record %u, cell %u: \"%s\" written, \"%s\" read back\n", r, i, a,
                     b);
            abort ();
          }
      FUZZ_CHECK (g_array_index (back.lines, guint, r) == expected_line);
      expected_line++;
      for (guint i = 0; want[i] != NULL; i++)
        for (const char *p = want[i]; *p != '\0'; p++)
          if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
            expected_line++;
    }
  records_clear (&back);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  Records records;
  gboolean parsed;

  fuzz_init ();

  text = tj_csv_decode ((const char *) data, size, &length, &error);
  FUZZ_CHECK ((text != NULL) == (error == NULL));
  if (text == NULL)
    {
      FUZZ_CHECK (g_error_matches (error, TJ_ERROR, TJ_ERROR_INVALID));
      return 0;
    }
  FUZZ_CHECK (text[length] == '\0');
  FUZZ_CHECK (fuzz_valid_text (text, length));

  records_init (&records);
  parsed = tj_csv_parse (text, length, record_cb, &records, &error);
  FUZZ_CHECK (parsed == (error == NULL));
  FUZZ_CHECK (parsed || g_error_matches (error, TJ_ERROR, TJ_ERROR_INVALID));

  for (guint r = 0; r < records.rows->len && r < TJ_CSV_HEADER_SEARCH_ROWS; r++)
    {
      char **row = g_ptr_array_index (records.rows, r);

      check_map_header (row, ledger_columns, G_N_ELEMENTS (ledger_columns), 1);
      check_map_header (row, holiday_columns, G_N_ELEMENTS (holiday_columns), 0);
      for (guint i = 0; row[i] != NULL; i++)
        {
          g_autofree char *cell = g_strdup (row[i]);
          const char *clean = tj_csv_clean_cell (cell);

          FUZZ_CHECK (g_utf8_validate (clean, -1, NULL));
          FUZZ_CHECK (clean >= cell && clean + strlen (clean) <= cell + strlen (row[i]));
        }
    }

  if (parsed && records.count == records.rows->len)
    check_round_trip (&records);
  records_clear (&records);

  check_import_read (data, size);
  return 0;
}
