/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-xlsx-writer"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tj-error.h"
#include "tj-money.h"
#include "tj-output-file.h"
#include "tj-row-spool.h"
#include "tj-xlsx-chart.h"
#include "tj-xlsx-writer.h"

/* Official documents (GB/T 9704-2012 practice): a heading face for titles, 仿宋 for the body. */
#define TITLE_FONT "黑体"
#define BODY_FONT "仿宋"
#define TITLE_SIZE 16
#define SUBTITLE_SIZE 12
#define BODY_SIZE 11

/* Column widths in Excel's units (the width of a digit); a CJK character takes about two. */
#define DEFAULT_MAX_WIDTH 24
#define MIN_WIDTH 4
#define PADDING 2
#define LINE_HEIGHT 15.0
#define BODY_ROW_HEIGHT 20.0

/* What Excel accepts (libxlsxwriter 1.1.4 does not check all of it itself). */
#define MAX_CELL_CHARS 32767
#define MAX_SHEET_NAME_CHARS 31
#define MAX_ROW_HEIGHT 409.0 /* points */
#define FORBIDDEN_SHEET_CHARS "[]:*?/\\"

/* The stdio buffer of a sheet's rows in libxlsxwriter's temporary file (constant_memory). */
#define SHEET_FILE_BUFFER (256 * 1024)

#define N_TYPES (TJ_REPORT_HUNDREDTHS + 1)
#define N_LIGHTS (TJ_LIGHT_RED + 1)

typedef struct
{
  lxw_workbook *workbook;
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *unit_line;
  lxw_format *paragraph;
  lxw_format *header;
  lxw_format *section;
  /* body cells by the column's type (alignment), the cell's type (number format) and bold */
  lxw_format *body[N_TYPES][N_TYPES][2];
  lxw_format *lights[N_LIGHTS][2];
  GHashTable *sheet_names; /* casefolded names already used */
  GPtrArray *file_buffers; /* the sheets' temporary files' buffers, freed once they are closed */
  lxw_error failure;       /* the first error of the whole write */
  TjOutputFile *output;    /* asked between rows whether the job was cancelled */
  GError *source_error;    /* a streamed report's rows could not be read */
} Writer;

/* The fills of the lights: light enough that the word on them reads when printed in grey. */
static const lxw_color_t light_fills[N_LIGHTS] = { 0, 0xA9D08E, 0xFFE699, 0xFF8B8B };

static void
note_error (Writer   *w,
            lxw_error error)
{
  if (error != LXW_NO_ERROR && w->failure == LXW_NO_ERROR)
    w->failure = error;
}

static lxw_format *
new_format (Writer     *w,
            const char *font,
            double      size,
            gboolean    bold)
{
  lxw_format *format = workbook_add_format (w->workbook);

  format_set_font_name (format, font);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
create_formats (Writer *w)
{
  w->title = new_format (w, TITLE_FONT, TITLE_SIZE, TRUE);
  format_set_align (w->title, LXW_ALIGN_CENTER);
  format_set_text_wrap (w->title);

  w->subtitle = new_format (w, BODY_FONT, SUBTITLE_SIZE, FALSE);
  format_set_align (w->subtitle, LXW_ALIGN_CENTER);

  w->unit_line = new_format (w, BODY_FONT, BODY_SIZE, FALSE);
  format_set_align (w->unit_line, LXW_ALIGN_RIGHT);

  w->paragraph = new_format (w, BODY_FONT, SUBTITLE_SIZE, FALSE);
  format_set_align (w->paragraph, LXW_ALIGN_LEFT);
  format_set_text_wrap (w->paragraph);

  w->header = new_format (w, TITLE_FONT, BODY_SIZE, TRUE);
  format_set_align (w->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (w->header);
  format_set_border (w->header, LXW_BORDER_THIN);

  w->section = new_format (w, BODY_FONT, BODY_SIZE, TRUE);
  format_set_align (w->section, LXW_ALIGN_LEFT);
  format_set_border (w->section, LXW_BORDER_THIN);
}

/* How a figure of this type shows in a cell (and in a chart's labels); NULL for text. */
const char *
tj_xlsx_number_format (TjReportType type)
{
  switch (type)
    {
    case TJ_REPORT_INTEGER:
      return "0";
    case TJ_REPORT_WAN:
    case TJ_REPORT_YI:
      return "#,##0.00";
    case TJ_REPORT_PERCENT:
      return "0.0%";
    case TJ_REPORT_POINTS:
      return "+0.0;-0.0;0.0";
    case TJ_REPORT_DECIMAL:
      return "0.0";
    case TJ_REPORT_HUNDREDTHS:
      return "0.00";
    case TJ_REPORT_EMPTY:
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
    case TJ_REPORT_LIGHT:
    default:
      return NULL;
    }
}

/* A body cell's alignment, by its column's type. */
static enum lxw_format_alignments
body_align (TjReportType column_type)
{
  switch (column_type)
    {
    case TJ_REPORT_TEXT:
      return LXW_ALIGN_LEFT;
    case TJ_REPORT_WAN:
    case TJ_REPORT_YI:
    case TJ_REPORT_PERCENT:
    case TJ_REPORT_POINTS:
    case TJ_REPORT_DECIMAL:
    case TJ_REPORT_HUNDREDTHS:
      return LXW_ALIGN_RIGHT;
    case TJ_REPORT_EMPTY:
    case TJ_REPORT_DATE:
    case TJ_REPORT_INTEGER:
    case TJ_REPORT_LIGHT:
    default:
      return LXW_ALIGN_CENTER;
    }
}

/* The same look is the same format: libxlsxwriter 1.1.4 keeps the index of a format only when
 * it is the first with its properties, and hashes a later twin's properties again for every
 * cell written with it (a date column's cells and an empty light's, a money cell in 万元 and in
 * 亿元). */
static lxw_format *
body_twin (Writer       *w,
           TjReportType  column_type,
           TjReportType  cell_type,
           gboolean      bold)
{
  const char *number_format = tj_xlsx_number_format (cell_type);

  for (guint col = 0; col < N_TYPES; col++)
    for (guint cell = 0; cell < N_TYPES; cell++)
      {
        lxw_format *twin = w->body[col][cell][bold ? 1 : 0];
        const char *twin_format = tj_xlsx_number_format (cell);

        if (twin != NULL && body_align (col) == body_align (column_type) &&
            (cell == TJ_REPORT_TEXT) == (cell_type == TJ_REPORT_TEXT) &&
            g_strcmp0 (twin_format, number_format) == 0)
          return twin;
      }
  return NULL;
}

static lxw_format *
body_format (Writer       *w,
             TjReportType  column_type,
             TjReportType  cell_type,
             gboolean      bold)
{
  lxw_format **slot = &w->body[column_type][cell_type][bold ? 1 : 0];
  lxw_format *format;

  if (*slot != NULL)
    return *slot;
  if ((*slot = body_twin (w, column_type, cell_type, bold)) != NULL)
    return *slot;

  format = *slot = new_format (w, BODY_FONT, BODY_SIZE, bold);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, body_align (column_type));
  if (cell_type == TJ_REPORT_TEXT)
    format_set_text_wrap (format);
  else if (tj_xlsx_number_format (cell_type) != NULL)
    format_set_num_format (format, tj_xlsx_number_format (cell_type));
  return format;
}

static lxw_format *
light_format (Writer  *w,
              TjLight  light,
              gboolean bold)
{
  lxw_format **slot = &w->lights[light][bold ? 1 : 0];

  if (*slot == NULL)
    {
      *slot = new_format (w, BODY_FONT, BODY_SIZE, bold);
      format_set_border (*slot, LXW_BORDER_THIN);
      format_set_align (*slot, LXW_ALIGN_CENTER);
      format_set_pattern (*slot, LXW_PATTERN_SOLID);
      format_set_bg_color (*slot, light_fills[light]);
    }
  return *slot;
}

/* Display width in Excel's units, the widest line counting. Written for speed (a register of
 * 100 000 projects has 2 million cells): ASCII and the two-byte scripts count 1; everything from
 * U+0800 on counts 2, as CJK characters and the punctuation of a Chinese font (“”、—…) do. */
static guint
text_width (const char *text)
{
  guint width = 0, widest = 0;
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      if (*p < 0x80)
        {
          if (*p == '\n')
            {
              widest = MAX (widest, width);
              width = 0;
            }
          else
            width++;
          p++;
        }
      else
        {
          width += *p >= 0xe0 ? 2 : 1;
          p = (const guchar *) g_utf8_next_char (p);
        }
    }
  return MAX (widest, width);
}

/* How many lines a text takes when wrapped in a cell that holds `room` units per line. */
static guint
text_lines (const char *text,
            guint       room)
{
  g_auto (GStrv) lines = NULL;
  guint count = 0;

  room = MAX (room, 2);
  if (strchr (text, '\n') == NULL)
    return MAX (1, (text_width (text) + room - 1) / room);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    count += MAX (1, (text_width (lines[i]) + room - 1) / room);
  return count;
}

static guint
digit_count (guint64 number)
{
  guint count = 1;

  while (number >= 10)
    {
      number /= 10;
      count++;
    }
  return count;
}

/* The width of a figure as its number format shows it (#,##0.00), without formatting it. */
static guint
grouped_width (gint64 whole,
               guint  decimals)
{
  guint digits = digit_count (whole < 0 ? -(guint64) whole : (guint64) whole);

  return (whole < 0) + digits + (digits - 1) / 3 + (decimals > 0 ? decimals + 1 : 0);
}

static guint
cell_width (const TjReportCell *cell)
{
  switch (cell->type)
    {
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
      return text_width (cell->value.text);
    case TJ_REPORT_INTEGER:
      return grouped_width (cell->value.number, 0);
    case TJ_REPORT_WAN:
      return grouped_width (tj_money_round_div (cell->value.yuan, TJ_YUAN_PER_WAN), 2);
    case TJ_REPORT_YI:
      return grouped_width (tj_money_round_div (cell->value.yuan, TJ_YUAN_PER_YI), 2);
    case TJ_REPORT_PERCENT:
      return grouped_width ((gint64) (cell->value.fraction * 100), 1) + 1;
    case TJ_REPORT_POINTS:
      return grouped_width ((gint64) cell->value.fraction, 1) + 1;
    case TJ_REPORT_DECIMAL:
      return grouped_width ((gint64) cell->value.fraction, 1);
    case TJ_REPORT_HUNDREDTHS:
      return grouped_width (cell->value.number / 100, 2) + (cell->value.number < 0);
    case TJ_REPORT_LIGHT:
      return 2;
    case TJ_REPORT_EMPTY:
    default:
      return 0;
    }
}

/* The header as laid out in a column of this width. */
static char *
header_text (const char *header,
             double      width)
{
  const char *split = tj_report_header_break (header);
  g_autofree char *head = NULL;

  if (split == NULL || text_width (header) + PADDING <= width)
    return g_strdup (header);
  head = g_strndup (header, split - header);
  g_strchomp (head);
  return g_strconcat (head, "\n", split, NULL);
}

/* A header may take two lines: broken before its unit, or anywhere. */
static guint
header_min_width (const char *header)
{
  const char *split = tj_report_header_break (header);
  g_autofree char *head = NULL;

  if (split == NULL)
    return (text_width (header) + 1) / 2;
  head = g_strndup (header, split - header);
  return MAX (text_width (head), text_width (split));
}

/* worksheet_autofit does not exist in 1.1.4: each column is as wide as its widest cell, within
 * its maximum; the header may take two lines. `wraps` tells the columns whose text is wider. */
static double *
column_widths (Writer      *w,
               TjReport    *report,
               gboolean    *wraps,
               TjRowSpool **spool_out)
{
  g_autoptr (TjRowSpool) spool = NULL;
  guint n_columns = tj_report_get_n_columns (report);
  double *widths = g_new0 (double, MAX (n_columns, 1));
  g_autofree guint *widest = g_new0 (guint, MAX (n_columns, 1));
  g_autofree guint *limit = g_new0 (guint, MAX (n_columns, 1));
  TjReportIter iter;

  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportColumn *column = tj_report_get_column (report, c);
      guint max_width = column->max_width > 0 ? column->max_width : DEFAULT_MAX_WIDTH;

      widest[c] = header_min_width (column->header);
      limit[c] = MAX (max_width, MIN_WIDTH);
    }
  /* One pass over the rows, a streamed report's read from its source in order and kept in a
   * spool as it is read, to be written from it (or, without a spool, in any order and read
   * again to be written). A section's heading spans the row: it widens no column. */
  if (tj_report_is_streamed (report) && (spool = tj_row_spool_new (n_columns)) != NULL)
    tj_report_iter_init (&iter, report);
  else
    tj_report_iter_init_any_order (&iter, report);
  while (tj_report_iter_next (&iter, &w->source_error))
    {
      if (spool != NULL && !tj_row_spool_add (spool, &iter))
        g_clear_pointer (&spool, tj_row_spool_free);
      if (tj_report_iter_get_kind (&iter) != TJ_REPORT_ROW_SECTION)
        for (guint c = 0; c < n_columns; c++)
          {
            const TjReportCell *cell = tj_report_iter_get_cell (&iter, c);

            /* wider than its limit: the column's width and wrapping are known */
            if (widest[c] + PADDING > limit[c])
              continue;
            /* a text is no wider than its bytes (a date, a telephone number) */
            if ((cell->type == TJ_REPORT_TEXT || cell->type == TJ_REPORT_DATE) &&
                strlen (cell->value.text) <= widest[c])
              continue;
            widest[c] = MAX (widest[c], cell_width (cell));
          }
    }
  if (spool != NULL && w->source_error == NULL && tj_row_spool_finish (spool))
    *spool_out = g_steal_pointer (&spool);
  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = CLAMP (widest[c] + PADDING, MIN_WIDTH, limit[c]);
      wraps[c] = widest[c] + PADDING > widths[c];
    }
  return widths;
}

static char *
clip_text (const char *text)
{
  if (strlen (text) <= MAX_CELL_CHARS || g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return g_strdup (text);
  return g_utf8_substring (text, 0, MAX_CELL_CHARS);
}

static void
write_text (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *clipped = NULL;

  /* a copy only for the rare text Excel would refuse: 2 million cells in a register */
  if (strlen (text) > MAX_CELL_CHARS)
    text = clipped = clip_text (text);
  note_error (w, worksheet_write_string (sheet, row, column, text, format));
}

/* One text over several columns of a row. Excel refuses a merge of a single cell. */
static void
write_across (Writer        *w,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      first,
              lxw_col_t      last,
              const char    *text,
              lxw_format    *format)
{
  g_autofree char *clipped = clip_text (text);

  if (first == last)
    note_error (w, worksheet_write_string (sheet, row, first, clipped, format));
  else
    note_error (w, worksheet_merge_range (sheet, row, first, row, last, clipped, format));
}

static void
write_cell (Writer             *w,
            lxw_worksheet      *sheet,
            lxw_row_t           row,
            lxw_col_t           column,
            TjReportType        column_type,
            const TjReportCell *cell,
            gboolean            bold)
{
  lxw_format *format;

  if (cell->type == TJ_REPORT_LIGHT)
    {
      write_text (w, sheet, row, column, tj_light_label (cell->value.light),
                  light_format (w, cell->value.light, bold));
      return;
    }

  format = body_format (w, column_type, cell->type == TJ_REPORT_EMPTY ? column_type : cell->type,
                        bold);
  switch (cell->type)
    {
    case TJ_REPORT_TEXT:
    case TJ_REPORT_DATE:
      write_text (w, sheet, row, column, cell->value.text, format);
      break;
    case TJ_REPORT_INTEGER:
      note_error (w, worksheet_write_number (sheet, row, column, (double) cell->value.number,
                                             format));
      break;
    case TJ_REPORT_WAN:
      note_error (w, worksheet_write_number (sheet, row, column, tj_money_to_wan (cell->value.yuan),
                                             format));
      break;
    case TJ_REPORT_YI:
      note_error (w, worksheet_write_number (sheet, row, column,
                                             (double) cell->value.yuan / TJ_YUAN_PER_YI, format));
      break;
    case TJ_REPORT_PERCENT:
    case TJ_REPORT_POINTS:
    case TJ_REPORT_DECIMAL:
      note_error (w, worksheet_write_number (sheet, row, column, cell->value.fraction, format));
      break;
    case TJ_REPORT_HUNDREDTHS:
      note_error (w, worksheet_write_number (sheet, row, column,
                                             (double) cell->value.number / 100.0, format));
      break;
    case TJ_REPORT_EMPTY:
    case TJ_REPORT_LIGHT:
    default:
      note_error (w, worksheet_write_blank (sheet, row, column, format));
      break;
    }
}

/* The height of a body row: wrapped text makes it taller. */
static double
body_row_height (TjReportIter   *iter,
                 guint           n_columns,
                 const double   *widths,
                 const gboolean *wraps)
{
  guint lines = 1;

  for (guint c = 0; c < n_columns; c++)
    {
      const TjReportCell *cell = tj_report_iter_get_cell (iter, c);

      if (wraps[c] && cell->type == TJ_REPORT_TEXT)
        lines = MAX (lines, text_lines (cell->value.text, (guint) widths[c] - PADDING));
    }
  return lines == 1 ? BODY_ROW_HEIGHT : lines * LINE_HEIGHT + 5;
}

/* Excel's rules for sheet names, and one name per sheet. */
static char *
sheet_name (Writer     *w,
            const char *wanted,
            guint       index)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = wanted != NULL ? wanted : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr (FORBIDDEN_SHEET_CHARS, (char) c) != NULL)
        g_string_append_c (name, '_');
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  g_strstrip (name->str);
  if (*name->str == '\0')
    base = g_strdup_printf ("Sheet%u", index + 1);
  else
    base = g_utf8_substring (name->str, 0, MIN (g_utf8_strlen (name->str, -1),
                                                MAX_SHEET_NAME_CHARS));

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *folded = NULL;

      if (n == 1)
        candidate = g_strdup (base);
      else
        {
          g_autofree char *suffix = g_strdup_printf ("(%u)", n);
          glong room = MAX_SHEET_NAME_CHARS - (glong) strlen (suffix);
          g_autofree char *stem = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), room));

          candidate = g_strconcat (stem, suffix, NULL);
        }
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (w->sheet_names, folded) &&
          workbook_validate_sheet_name (w->workbook, candidate) == LXW_NO_ERROR)
        {
          g_hash_table_add (w->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
      if (n > 1000)
        {
          /* Not a name Excel takes even when numbered: fall back to a plain one. */
          g_free (base);
          base = g_strdup_printf ("Sheet%u", index + 1);
          n = 0;
        }
    }
}

/* libxlsxwriter 1.1.4 writes a sheet's rows (constant_memory) into a temporary file through
 * stdio's default buffer of 4 KiB, and reads them back when the workbook is closed: 125 MB for
 * a register of 100,000 projects, 61,000 system calls. A larger buffer, given before the first
 * row is written (glibc ignores the size of a buffer it allocates itself). */
static void
buffer_sheet_file (Writer        *w,
                   lxw_worksheet *sheet)
{
  char *buffer;

  if (sheet->optimize_tmpfile == NULL)
    return;
  buffer = g_malloc (SHEET_FILE_BUFFER);
  if (setvbuf (sheet->optimize_tmpfile, buffer, _IOFBF, SHEET_FILE_BUFFER) == 0)
    g_ptr_array_add (w->file_buffers, buffer);
  else
    g_free (buffer);
}

/* Rows are written strictly in order (constant_memory): title, subtitle, paragraphs, unit line,
 * header, body, notes. */
static void
write_sheet (Writer   *w,
             TjReport *report,
             guint     index)
{
  guint n_columns = tj_report_get_n_columns (report);
  lxw_col_t last = MAX (n_columns, 1) - 1;
  g_autofree char *name = sheet_name (w, report->sheet_name, index);
  g_autofree gboolean *wraps = g_new0 (gboolean, MAX (n_columns, 1));
  g_autoptr (TjRowSpool) spool = NULL;
  g_autofree double *widths = column_widths (w, report, wraps, &spool);
  g_autofree TjSpooledRow *spooled = NULL;
  TjReportIter iter;
  g_autoptr (GArray) chart_bars = tj_xlsx_chart_bars_new (report); /* NULL: no chart */
  g_auto (GStrv) headers = g_new0 (char *, n_columns + 1);
  g_autofree char *footer = NULL;
  lxw_worksheet *sheet;
  lxw_row_t row = 0;
  lxw_row_t header_row;
  double total_width = 0;

  if (w->source_error != NULL)
    return;
  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    {
      note_error (w, LXW_ERROR_PARAMETER_VALIDATION);
      return;
    }
  buffer_sheet_file (w, sheet);

  for (guint c = 0; c < n_columns; c++)
    {
      note_error (w, worksheet_set_column (sheet, c, c, widths[c], NULL));
      total_width += widths[c];
    }
  total_width = MAX (total_width, MIN_WIDTH);

  /* The title is half as wide again as body text. */
  note_error (w, worksheet_set_row (sheet, row,
                                    36 * text_lines (report->title != NULL ? report->title : "",
                                                     (guint) (total_width / 1.5)),
                                    NULL));
  write_across (w, sheet, row++, 0, last, report->title != NULL ? report->title : "", w->title);

  if (report->subtitle != NULL)
    {
      note_error (w, worksheet_set_row (sheet, row, 22, NULL));
      write_across (w, sheet, row++, 0, last, report->subtitle, w->subtitle);
    }

  for (guint i = 0; i < report->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (report->paragraphs, i);
      guint lines = text_lines (text, (guint) (total_width / 1.1) - PADDING);

      note_error (w, worksheet_set_row (sheet, row, MIN (lines * 17.0 + 6, MAX_ROW_HEIGHT), NULL));
      write_across (w, sheet, row++, 0, last, text, w->paragraph);
    }

  if (report->unit_line != NULL)
    {
      /* At the top right, over as many of the last columns as its text needs. */
      guint need = text_width (report->unit_line) + PADDING;
      double room = 0;
      lxw_col_t first = last;

      while (first > 0 && (room += widths[first]) < need)
        first--;
      note_error (w, worksheet_set_row (sheet, row, BODY_ROW_HEIGHT, NULL));
      write_across (w, sheet, row++, first, last, report->unit_line, w->unit_line);
    }

  header_row = row;
  if (n_columns > 0)
    {
      guint lines = 1;

      for (guint c = 0; c < n_columns; c++)
        {
          headers[c] = header_text (tj_report_get_column (report, c)->header, widths[c]);
          lines = MAX (lines, text_lines (headers[c], (guint) widths[c] - PADDING));
        }
      note_error (w, worksheet_set_row (sheet, row, lines * LINE_HEIGHT + 9, NULL));
      for (guint c = 0; c < n_columns; c++)
        write_text (w, sheet, row, c, headers[c], w->header);
      row++;
    }

  /* Each row is written as it is read (from the spool of the widths' read, when there is one):
   * a streamed report is never held whole. */
  if (spool != NULL)
    {
      iter.report = report;
      iter.index = 0;
    }
  else
    tj_report_iter_init (&iter, report);
  for (; tj_row_spool_iter_next (&spool, &iter, &spooled, &w->source_error); row++)
    {
      TjReportRowKind kind = tj_report_iter_get_kind (&iter);
      gboolean bold = kind == TJ_REPORT_ROW_TOTAL;
      double height;

      if (tj_output_file_is_cancelled (w->output))
        return;
      if (kind == TJ_REPORT_ROW_SECTION)
        {
          g_autofree char *heading = tj_report_cell_text (tj_report_iter_get_cell (&iter, 0));

          note_error (w, worksheet_set_row (sheet, row, BODY_ROW_HEIGHT, NULL));
          write_across (w, sheet, row, 0, last, heading, w->section);
          continue;
        }
      if (chart_bars != NULL)
        tj_xlsx_chart_add_bar (chart_bars, report, &iter, row);
      height = body_row_height (&iter, n_columns, widths, wraps);
      note_error (w, worksheet_set_row (sheet, row, MIN (height, MAX_ROW_HEIGHT), NULL));
      for (guint c = 0; c < n_columns; c++)
        write_cell (w, sheet, row, c, tj_report_get_column (report, c)->type,
                    tj_report_iter_get_cell (&iter, c), bold);
    }
  if (w->source_error != NULL)
    return;

  /* The chart below the table, a row apart, over rows left blank: the notes follow it. */
  if (chart_bars != NULL && chart_bars->len > 0)
    {
      note_error (w, tj_xlsx_chart_insert (w->workbook, sheet, name, report, chart_bars, row + 1,
                                           widths, n_columns, TITLE_FONT, BODY_FONT));
      row += 2 + tj_xlsx_chart_rows (chart_bars->len);
    }

  for (guint i = 0; i < report->notes->len; i++)
    {
      const char *text = g_ptr_array_index (report->notes, i);
      guint lines = text_lines (text, (guint) (total_width / 1.1) - PADDING);

      note_error (w, worksheet_set_row (sheet, row, MIN (lines * LINE_HEIGHT + 6, MAX_ROW_HEIGHT),
                                        NULL));
      write_across (w, sheet, row++, 0, last, text, w->paragraph);
    }

  if (n_columns > 0)
    {
      worksheet_freeze_panes (sheet, header_row + 1, MIN (report->frozen_columns, n_columns));
      note_error (w, worksheet_repeat_rows (sheet, header_row, header_row));
    }

  /* A4 landscape, one page wide, the header on every page, numbered pages. */
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.7);
  footer = g_strdup_printf ("&C%s", _("Page &P of &N"));
  note_error (w, worksheet_set_footer (sheet, footer));
}

/* Frees a workbook without writing it. libxlsxwriter 1.1.4 closes a sheet's temporary file
 * (constant_memory) only when it writes the sheet: close them here, or each one leaks. */
static void
discard_workbook (lxw_workbook *workbook)
{
  lxw_worksheet *sheet;

  LXW_FOREACH_WORKSHEET (sheet, workbook)
    {
      if (sheet->optimize_tmpfile != NULL)
        {
          fclose (sheet->optimize_tmpfile);
          sheet->optimize_tmpfile = NULL;
        }
    }
  lxw_workbook_free (workbook);
}

/* Writes the book into a temporary file beside the target (tj-output-file), then renames it over
 * the target: a failed or cancelled export leaves no file. constant_memory keeps the memory flat
 * however long the list: every sheet is written row after row. */
gboolean
tj_xlsx_write (TjReportBook *book,
               const char   *path,
               GError      **error)
{
  g_autoptr (TjOutputFile) output = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  Writer w = { 0 };
  int saved_errno = 0;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (book->reports->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* libxlsxwriter opens the file by name only at the very end: the temporary file exists now,
   * so that a folder that cannot be written fails before any work. */
  output = tj_output_file_new (path, error);
  if (output == NULL)
    return FALSE;

  w.output = output;
  w.workbook = workbook_new_opt (tj_output_file_get_temp_path (output), &options);
  if (w.workbook == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.file_buffers = g_ptr_array_new_with_free_func (g_free);

  properties.title = ((TjReport *) g_ptr_array_index (book->reports, 0))->title;
  properties.company = book->organisation;
  note_error (&w, workbook_set_properties (w.workbook, &properties));

  create_formats (&w);
  for (guint i = 0; i < book->reports->len && !tj_output_file_is_cancelled (output) &&
                  w.source_error == NULL;
       i++)
    write_sheet (&w, g_ptr_array_index (book->reports, i), i);

  if (w.source_error != NULL)
    {
      /* the rows could not be read: no file, and the reason (tj-output-file removes the
       * temporary one) */
      discard_workbook (w.workbook);
      g_hash_table_unref (w.sheet_names);
      g_ptr_array_unref (w.file_buffers);
      g_propagate_error (error, w.source_error);
      return FALSE;
    }
  /* cancelled: no need to pack the workbook; the commit below reports it */
  if (tj_output_file_is_cancelled (output))
    discard_workbook (w.workbook);
  else
    {
      lxw_error closed;

      errno = 0;
      closed = workbook_close (w.workbook);
      saved_errno = errno;
      note_error (&w, closed);
      /* a failed close may leave a sheet's temporary file open, its buffer in use until the
       * process exits (stdio flushes open files then): kept, a rare leak */
      if (closed != LXW_NO_ERROR)
        for (guint i = 0; i < w.file_buffers->len; i++)
          w.file_buffers->pdata[i] = NULL;
    }
  g_ptr_array_unref (w.file_buffers);
  g_hash_table_unref (w.sheet_names);
  if (w.failure != LXW_NO_ERROR && !tj_output_file_is_cancelled (output))
    {
      /* libxlsxwriter says "Zip generic error ZIP_ERRNO" for a full disk: the system's reason
       * is clearer, when it is one of a failed write */
      gboolean write_failed = saved_errno == ENOSPC || saved_errno == EDQUOT ||
                              saved_errno == EIO || saved_errno == EFBIG || saved_errno == EROFS;

      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   write_failed ? g_strerror (saved_errno) : lxw_strerror (w.failure));
      return FALSE;
    }
  return tj_output_file_commit (output, error);
}
