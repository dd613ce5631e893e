/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export's limit: a table written with libxlsxwriter (constant_memory on) with the cells and
 * formats of tj-xlsx-writer.c: a merged title in 黑体 16, a bordered header in 黑体 11, body cells
 * in 仿宋 11 with borders, figures as numbers (#,##0.00 or 0) right or centred, text left and
 * wrapped, each column as wide as its widest cell (2..24), row heights set, panes frozen below
 * the header. The table comes from Tuijin's own CSV export of the same report, read twice as
 * Tuijin reads its rows twice (widths, then cells).
 * The title and the sheet's name are given, as Tuijin's workbook has them (run-all reads them
 * from it), so that the two workbooks can be compared part by part.
 *   bench-xlsx-peer TABLE.csv OUT.xlsx TITLE [SHEET] */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_COLUMNS 64
#define MAX_WIDTH 24
#define MIN_WIDTH 4
#define PADDING 2

typedef struct
{
  int pass;
  int column;
  lxw_row_t row;
  int n_columns;
  unsigned widths[MAX_COLUMNS];
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_format *text;
  lxw_format *decimal;
  lxw_format *integer;
} Table;

/* As tj-xlsx-writer's text_width: a character from U+0800 on counts two. */
static unsigned
text_width (const unsigned char *p,
            size_t               length)
{
  unsigned width = 0;

  for (size_t i = 0; i < length; i++)
    if (p[i] < 0x80)
      width++;
    else if (p[i] >= 0xc0)
      width += p[i] >= 0xe0 ? 2 : 1;
  return width;
}

static int
parse_number (const char *text,
              double     *number)
{
  char *end;

  if (*text == '\0')
    return 0;
  *number = strtod (text, &end);
  return *end == '\0' && isfinite (*number);
}

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *font,
            double        size,
            int           bold)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, font);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
on_field (void  *data,
          size_t length,
          void  *user_data)
{
  Table *table = user_data;
  char *text = data;
  int c = table->column++;
  double number;

  if (table->row == 0 && c == 0 && length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;
  if (c >= MAX_COLUMNS)
    return;
  if (table->pass == 0)
    {
      unsigned width = text_width ((const unsigned char *) text, length);

      if (table->row == 0)
        width = (width + 1) / 2; /* a header may take two lines */
      if (width > table->widths[c])
        table->widths[c] = width;
      if (c + 1 > table->n_columns)
        table->n_columns = c + 1;
      return;
    }
  /* rows 0 and 1 of the sheet are the title and the header */
  if (table->row == 0)
    worksheet_write_string (table->sheet, 1, c, text, table->header);
  else if (parse_number (text, &number))
    worksheet_write_number (table->sheet, table->row + 1, c, number,
                            strchr (text, '.') != NULL ? table->decimal : table->integer);
  else if (length == 0)
    worksheet_write_blank (table->sheet, table->row + 1, c, table->text);
  else
    worksheet_write_string (table->sheet, table->row + 1, c, text, table->text);
}

static void
on_row (int   end,
        void *user_data)
{
  Table *table = user_data;

  (void) end;
  table->row++;
  table->column = 0;
  if (table->pass == 1)
    worksheet_set_row (table->sheet, table->row + 1, 20, NULL);
}

static void
read_table (const char *path,
            Table      *table)
{
  struct csv_parser parser;
  char buffer[1 << 16];
  size_t read;
  FILE *in = fopen (path, "rb");

  if (in == NULL || csv_init (&parser, CSV_APPEND_NULL) != 0)
    {
      perror (path);
      exit (1);
    }
  table->row = 0;
  table->column = 0;
  while ((read = fread (buffer, 1, sizeof buffer, in)) > 0)
    if (csv_parse (&parser, buffer, read, on_field, on_row, table) != read)
      {
        fprintf (stderr, "bench-xlsx-peer: %s\n", csv_strerror (csv_error (&parser)));
        exit (1);
      }
  csv_fini (&parser, on_field, on_row, table);
  csv_free (&parser);
  fclose (in);
}

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_format *title;
  Table table = { 0 };
  lxw_error error;

  if (argc != 4 && argc != 5)
    {
      fprintf (stderr, "usage: bench-xlsx-peer TABLE.csv OUT.xlsx TITLE [SHEET]\n");
      return 2;
    }
  read_table (argv[1], &table);

  workbook = workbook_new_opt (argv[2], &options);
  if (workbook == NULL)
    return 1;
  table.sheet = workbook_add_worksheet (workbook, argc == 5 ? argv[4] : "表");
  title = new_format (workbook, "黑体", 16, 1);
  format_set_align (title, LXW_ALIGN_CENTER);
  format_set_text_wrap (title);
  table.header = new_format (workbook, "黑体", 11, 1);
  format_set_align (table.header, LXW_ALIGN_CENTER);
  format_set_text_wrap (table.header);
  format_set_border (table.header, LXW_BORDER_THIN);
  table.text = new_format (workbook, "仿宋", 11, 0);
  format_set_align (table.text, LXW_ALIGN_LEFT);
  format_set_text_wrap (table.text);
  format_set_border (table.text, LXW_BORDER_THIN);
  table.decimal = new_format (workbook, "仿宋", 11, 0);
  format_set_align (table.decimal, LXW_ALIGN_RIGHT);
  format_set_num_format (table.decimal, "#,##0.00");
  format_set_border (table.decimal, LXW_BORDER_THIN);
  table.integer = new_format (workbook, "仿宋", 11, 0);
  format_set_align (table.integer, LXW_ALIGN_CENTER);
  format_set_num_format (table.integer, "0");
  format_set_border (table.integer, LXW_BORDER_THIN);

  for (int c = 0; c < table.n_columns; c++)
    {
      unsigned width = table.widths[c] + PADDING;

      width = width < MIN_WIDTH ? MIN_WIDTH : width > MAX_WIDTH ? MAX_WIDTH : width;
      worksheet_set_column (table.sheet, c, c, width, NULL);
    }
  worksheet_set_row (table.sheet, 0, 36, NULL);
  worksheet_merge_range (table.sheet, 0, 0, 0, table.n_columns > 1 ? table.n_columns - 1 : 1,
                         argv[3], title);
  worksheet_set_row (table.sheet, 1, 24, NULL);
  worksheet_freeze_panes (table.sheet, 2, 0);
  worksheet_repeat_rows (table.sheet, 1, 1);
  table.pass = 1;
  read_table (argv[1], &table);
  error = workbook_close (workbook);
  if (error != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-xlsx-peer: %s\n", lxw_strerror (error));
      return 1;
    }
  printf ("rows=%u\n", (unsigned) table.row);
  return 0;
}
