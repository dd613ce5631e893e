/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export's limit: a table written with libxlsxwriter (constant_memory on) with the cells and
 * formats of tj-xlsx-writer.c: a merged title in 黑体 16, a bordered header in 黑体 11, body cells
 * in 仿宋 11 with borders, each column as wide as its widest cell (within its maximum), panes
 * frozen below the header. The table is read twice, as Tuijin reads its rows twice (widths, then
 * cells).
 *
 *   bench-xlsx-peer TABLE.csv OUT.xlsx TITLE [SHEET]
 * The table's first row is its header; each cell a number (#,##0.00 if it has a point, 0 if not)
 * or text; every column at most 24 wide, rows 20 high. The bulletin's detail table.
 *
 *   bench-xlsx-peer TABLE.csv OUT.xlsx TITLE SHEET COLUMNS UNIT_LINE FOOTER FROZEN
 * The same workbook as Tuijin's register, part for part: COLUMNS gives each column's kind and
 * maximum width (i integer, t text, m money in #,##0.00, d date; "t28,i,m,…"); UNIT_LINE is
 * written at the top right under the title, over as many columns as it needs; a row whose first
 * cell is not a number is a total row, in bold; rows with wrapped text are taller; the header
 * row, as high as its lines; the first FROZEN columns frozen; A4 landscape one page wide, the
 * header repeated, FOOTER centred at the foot of each page.
 * The title, the sheet's name, the unit line and the footer are given, as Tuijin's workbook has
 * them (run-all reads them from it), so that the two workbooks can be compared part by part. */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_COLUMNS 64
#define DEFAULT_MAX_WIDTH 24
#define MIN_WIDTH 4
#define PADDING 2
#define LINE_HEIGHT 15.0
#define BODY_ROW_HEIGHT 20.0
#define MAX_ROW_HEIGHT 409.0

typedef struct
{
  int pass;
  int column;
  lxw_row_t row;       /* of the table: 0 is its header */
  lxw_row_t first_row; /* the sheet's row of the table's header */
  int n_columns;
  int by_spec;         /* COLUMNS given: the register's layout */
  char kinds[MAX_COLUMNS];
  unsigned limits[MAX_COLUMNS];
  unsigned widths[MAX_COLUMNS];
  int wraps[MAX_COLUMNS];
  /* the row being read (pass 1): its cells, to size the row before writing it */
  char *cells[MAX_COLUMNS];
  size_t lengths[MAX_COLUMNS];
  size_t sizes[MAX_COLUMNS];
  lxw_worksheet *sheet;
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *text;
  lxw_format *decimal;
  lxw_format *integer;
  /* by kind, then bold */
  lxw_format *body[128][2];
  lxw_format *text_in_integer[2]; /* 合计 in the column of numbers */
  lxw_format *unit_line;
} Table;

/* As tj-xlsx-writer's text_width: a character from U+0800 on counts two; the widest line. */
static unsigned
text_width (const unsigned char *p,
            size_t               length)
{
  unsigned width = 0, widest = 0;

  for (size_t i = 0; i < length; i++)
    if (p[i] == '\n')
      {
        widest = width > widest ? width : widest;
        width = 0;
      }
    else if (p[i] < 0x80)
      width++;
    else if (p[i] >= 0xc0)
      width += p[i] >= 0xe0 ? 2 : 1;
  return width > widest ? width : widest;
}

/* How many lines a text takes wrapped in `room` units per line, as tj-xlsx-writer counts. */
static unsigned
text_lines (const char *text,
            size_t      length,
            unsigned    room)
{
  unsigned count = 0;
  const char *end = text + length;

  room = room < 2 ? 2 : room;
  for (;;)
    {
      const char *newline = memchr (text, '\n', end - text);
      const char *stop = newline != NULL ? newline : end;
      unsigned width = text_width ((const unsigned char *) text, stop - text);
      unsigned lines = (width + room - 1) / room;

      count += lines > 0 ? lines : 1;
      if (newline == NULL)
        return count;
      text = newline + 1;
    }
}

static unsigned
grouped_width (long long whole,
               unsigned  decimals)
{
  unsigned long long n = whole < 0 ? -(unsigned long long) whole : (unsigned long long) whole;
  unsigned digits = 1;

  while (n >= 10)
    n /= 10, digits++;
  return (whole < 0) + digits + (digits - 1) / 3 + (decimals > 0 ? decimals + 1 : 0);
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

static lxw_format *
body_format (Table *table,
             char   kind,
             int    bold)
{
  lxw_format *format = new_format (table->workbook, "仿宋", 11, bold);

  format_set_border (format, LXW_BORDER_THIN);
  switch (kind)
    {
    case 't':
      format_set_align (format, LXW_ALIGN_LEFT);
      format_set_text_wrap (format);
      break;
    case 'm':
      format_set_align (format, LXW_ALIGN_RIGHT);
      format_set_num_format (format, "#,##0.00");
      break;
    case 'i':
      format_set_align (format, LXW_ALIGN_CENTER);
      format_set_num_format (format, "0");
      break;
    default: /* 'd' */
      format_set_align (format, LXW_ALIGN_CENTER);
      break;
    }
  return format;
}

/* The width of a cell as its column shows it. */
static unsigned
cell_width (Table      *table,
            int         c,
            const char *text,
            size_t      length)
{
  double number;

  if (table->row == 0)
    {
      /* a header may take two lines: Tuijin's header, where it broke it, or anywhere */
      unsigned width = text_width ((const unsigned char *) text, length);

      return memchr (text, '\n', length) != NULL ? width : (width + 1) / 2;
    }
  if (table->kinds[c] == 'm' && parse_number (text, &number))
    return grouped_width (llround (number), 2);
  if (table->kinds[c] == 'i' && parse_number (text, &number))
    return grouped_width ((long long) number, 0);
  return text_width ((const unsigned char *) text, length);
}

static void
keep_cell (Table      *table,
           int         c,
           const char *text,
           size_t      length)
{
  if (length + 1 > table->sizes[c])
    {
      table->sizes[c] = (length + 1) * 2;
      table->cells[c] = realloc (table->cells[c], table->sizes[c]);
    }
  memcpy (table->cells[c], text, length + 1);
  table->lengths[c] = length;
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
      unsigned width;

      if (table->by_spec)
        {
          if (table->widths[c] + PADDING > table->limits[c])
            return; /* wider than its maximum already */
          width = cell_width (table, c, text, length);
        }
      else
        {
          width = text_width ((const unsigned char *) text, length);
          if (table->row == 0)
            width = (width + 1) / 2; /* a header may take two lines */
        }
      if (width > table->widths[c])
        table->widths[c] = width;
      if (c + 1 > table->n_columns)
        table->n_columns = c + 1;
      return;
    }
  if (table->by_spec)
    {
      keep_cell (table, c, text, length); /* written at the end of its row */
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

/* The register's layout: a row sized by its wrapped text, then its cells. */
static void
write_row (Table *table)
{
  lxw_row_t row = table->first_row + table->row;
  unsigned lines = 1;
  double number;
  int bold;

  if (table->row == 0)
    {
      for (int c = 0; c < table->n_columns; c++)
        {
          unsigned n = text_lines (table->cells[c], table->lengths[c], table->widths[c] - PADDING);

          lines = n > lines ? n : lines;
        }
      worksheet_set_row (table->sheet, row, lines * LINE_HEIGHT + 9, NULL);
      for (int c = 0; c < table->n_columns; c++)
        worksheet_write_string (table->sheet, row, c, table->cells[c], table->header);
      return;
    }

  bold = !parse_number (table->cells[0], &number);
  for (int c = 0; c < table->n_columns; c++)
    if (table->wraps[c] && table->kinds[c] != 'd' && table->lengths[c] > 0 &&
        (table->kinds[c] == 't' || !parse_number (table->cells[c], &number)))
      {
        unsigned n = text_lines (table->cells[c], table->lengths[c], table->widths[c] - PADDING);

        lines = n > lines ? n : lines;
      }
  worksheet_set_row (table->sheet, row,
                     lines == 1 ? BODY_ROW_HEIGHT : fmin (lines * LINE_HEIGHT + 5, MAX_ROW_HEIGHT),
                     NULL);
  for (int c = 0; c < table->n_columns; c++)
    {
      const char *text = table->cells[c];
      char kind = table->kinds[c];

      if (table->lengths[c] == 0)
        worksheet_write_blank (table->sheet, row, c, table->body[(int) kind][bold]);
      else if ((kind == 'm' || kind == 'i') && parse_number (text, &number))
        worksheet_write_number (table->sheet, row, c, number, table->body[(int) kind][bold]);
      else if (kind == 'i')
        worksheet_write_string (table->sheet, row, c, text, table->text_in_integer[bold]);
      else
        worksheet_write_string (table->sheet, row, c, text, table->body[(int) kind][bold]);
    }
}

static void
on_row (int   end,
        void *user_data)
{
  Table *table = user_data;

  (void) end;
  if (table->pass == 1 && table->by_spec)
    {
      for (int c = table->column; c < table->n_columns; c++)
        keep_cell (table, c, "", 0);
      write_row (table);
    }
  table->row++;
  table->column = 0;
  if (table->pass == 1 && !table->by_spec)
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

/* "t28,i,m,d…": each column's kind and maximum width. */
static void
parse_columns (Table      *table,
               const char *spec)
{
  int c = 0;

  for (const char *p = spec; *p != '\0' && c < MAX_COLUMNS; c++)
    {
      char *end;

      table->kinds[c] = *p++;
      table->limits[c] = strtoul (p, &end, 10);
      if (table->limits[c] == 0)
        table->limits[c] = DEFAULT_MAX_WIDTH;
      if (table->limits[c] < MIN_WIDTH)
        table->limits[c] = MIN_WIDTH;
      p = *end == ',' ? end + 1 : end;
    }
  table->by_spec = 1;
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
  double total_width = 0;
  lxw_col_t last;
  lxw_row_t row = 0;

  if (argc != 4 && argc != 5 && argc != 9)
    {
      fprintf (stderr, "usage: bench-xlsx-peer TABLE.csv OUT.xlsx TITLE [SHEET]\n"
                       "       bench-xlsx-peer TABLE.csv OUT.xlsx TITLE SHEET COLUMNS UNIT_LINE "
                       "FOOTER FROZEN\n");
      return 2;
    }
  for (int c = 0; c < MAX_COLUMNS; c++)
    table.limits[c] = DEFAULT_MAX_WIDTH;
  if (argc == 9)
    parse_columns (&table, argv[5]);
  read_table (argv[1], &table);

  workbook = workbook_new_opt (argv[2], &options);
  if (workbook == NULL)
    return 1;
  table.workbook = workbook;
  table.sheet = workbook_add_worksheet (workbook, argc >= 5 ? argv[4] : "表");
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
  last = table.n_columns > 1 ? table.n_columns - 1 : 1;

  if (!table.by_spec)
    {
      for (int c = 0; c < table.n_columns; c++)
        {
          unsigned width = table.widths[c] + PADDING;

          width = width < MIN_WIDTH ? MIN_WIDTH : width > DEFAULT_MAX_WIDTH ? DEFAULT_MAX_WIDTH
                                                                             : width;
          worksheet_set_column (table.sheet, c, c, width, NULL);
        }
      worksheet_set_row (table.sheet, 0, 36, NULL);
      worksheet_merge_range (table.sheet, 0, 0, 0, last, argv[3], title);
      worksheet_set_row (table.sheet, 1, 24, NULL);
      worksheet_freeze_panes (table.sheet, 2, 0);
      worksheet_repeat_rows (table.sheet, 1, 1);
    }
  else
    {
      const char *unit_line = argv[6];
      unsigned need = text_width ((const unsigned char *) unit_line, strlen (unit_line)) + PADDING;
      double room = 0;
      lxw_col_t first;

      for (const char *kind = "timd"; *kind != '\0'; kind++)
        for (int bold = 0; bold < 2; bold++)
          table.body[(int) *kind][bold] = body_format (&table, *kind, bold);
      for (int bold = 0; bold < 2; bold++)
        {
          table.text_in_integer[bold] = new_format (workbook, "仿宋", 11, bold);
          format_set_border (table.text_in_integer[bold], LXW_BORDER_THIN);
          format_set_align (table.text_in_integer[bold], LXW_ALIGN_CENTER);
          format_set_text_wrap (table.text_in_integer[bold]);
        }
      table.unit_line = new_format (workbook, "仿宋", 11, 0);
      format_set_align (table.unit_line, LXW_ALIGN_RIGHT);

      last = table.n_columns > 0 ? table.n_columns - 1 : 0;
      for (int c = 0; c < table.n_columns; c++)
        {
          unsigned width = table.widths[c] + PADDING;

          table.wraps[c] = width > table.limits[c];
          width = width < MIN_WIDTH ? MIN_WIDTH : width > table.limits[c] ? table.limits[c]
                                                                          : width;
          table.widths[c] = width;
          worksheet_set_column (table.sheet, c, c, width, NULL);
          total_width += width;
        }
      total_width = total_width < MIN_WIDTH ? MIN_WIDTH : total_width;
      worksheet_set_row (table.sheet, row,
                         36 * text_lines (argv[3], strlen (argv[3]),
                                          (unsigned) (total_width / 1.5)), NULL);
      worksheet_merge_range (table.sheet, row++, 0, 0, last, argv[3], title);

      for (first = last; first > 0 && (room += table.widths[first]) < need;)
        first--;
      worksheet_set_row (table.sheet, row, BODY_ROW_HEIGHT, NULL);
      if (first == last)
        worksheet_write_string (table.sheet, row++, first, unit_line, table.unit_line);
      else
        worksheet_merge_range (table.sheet, row, first, row, last, unit_line, table.unit_line),
          row++;
      table.first_row = row;
    }
  table.pass = 1;
  read_table (argv[1], &table);
  if (table.by_spec)
    {
      worksheet_freeze_panes (table.sheet, table.first_row + 1, atoi (argv[8]));
      worksheet_repeat_rows (table.sheet, table.first_row, table.first_row);
      worksheet_set_paper (table.sheet, 9);
      worksheet_set_landscape (table.sheet);
      worksheet_fit_to_pages (table.sheet, 1, 0);
      worksheet_center_horizontally (table.sheet);
      worksheet_set_margins (table.sheet, 0.4, 0.4, 0.6, 0.7);
      worksheet_set_footer (table.sheet, argv[7]);
    }
  error = workbook_close (workbook);
  if (error != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-xlsx-peer: %s\n", lxw_strerror (error));
      return 1;
    }
  printf ("rows=%u\n", (unsigned) table.row);
  return 0;
}
