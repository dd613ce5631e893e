/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bulletin export's limit: the bulletin's detail sheet (项目明细) written straight from the
 * database with SQLite and libxlsxwriter (constant_memory on), nothing of Tuijin in it: the same
 * SQL, the same figures (each project's sum of months 1..N, its report of month N, its rate and
 * its light by the rules of DOMAIN.md), the same cells and formats as tj-xlsx-writer.c lays them
 * out (widths from a first pass over the rows, wrapped text, row heights, merged title, frozen
 * panes, A4 landscape). The rows are read twice (widths, then cells: Tuijin reads them once and
 * writes the cells from a temporary file of that read, tj-row-spool.c); the sums of the 合计 row
 * come from the first pass.
 * The words Tuijin shows (sheet name, title, subtitle, unit line, headers, the 合计 row's two
 * texts, the note, the footer) are given in LAYOUT, one a line, as run-all reads them from
 * Tuijin's workbook, so that the two sheets can be compared cell by cell; the words of the
 * cells themselves (levels, natures, 是/否, lights) are the database's settings and DOMAIN.md's.
 * With REPLAY it writes the whole workbook of four sheets: the other three (总体情况, 分乡镇,
 * 滞后项目), whose figures and order are Tuijin's rules (the lagging sheet's pinyin order and
 * reasons), are replayed from REPLAY, one line a libxlsxwriter call, as run-all reads them from
 * one untimed Tuijin export (bulletin_replay): the peer does not compute them.
 *   bench-bulletin-peer DB YEAR MONTH LAYOUT OUT.xlsx [REPLAY] */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define N_COLUMNS 21
#define DEFAULT_MAX_WIDTH 24
#define MIN_WIDTH 4
#define PADDING 2
#define LINE_HEIGHT 15.0
#define BODY_ROW_HEIGHT 20.0
#define MAX_ROW_HEIGHT 409.0

enum { T_EMPTY, T_TEXT, T_DATE, T_INTEGER, T_WAN, T_YI, T_PERCENT, T_LIGHT, T_POINTS, T_DECIMAL,
       N_TYPES };
enum { L_NONE, L_GREEN, L_YELLOW, L_RED, N_LIGHTS };

static const int column_types[N_COLUMNS] = {
  T_INTEGER, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_TEXT, T_WAN,
  T_WAN, T_WAN, T_WAN, T_PERCENT, T_DATE, T_DATE, T_TEXT, T_TEXT, T_TEXT, T_LIGHT,
};
static const unsigned column_max[N_COLUMNS] = {
  [1] = 28, [4] = 12, [5] = 36, [17] = 30, [18] = 30,
};
static const unsigned light_fills[N_LIGHTS] = { 0, 0xA9D08E, 0xFFE699, 0xFF8B8B };
static const char *const light_words[N_LIGHTS] = { "", "绿", "黄", "红" };

/* the same SQL as tj-bulletin.c's, names by join (one query, sorted by SQLite) */
#define SELECT_SQL                                                                              \
  "SELECT p.name, p.level, p.nature, p.industry, p.content, l.name, u.name, ld.name, o.name, "  \
  "p.total_investment, p.annual_plan, r.id IS NOT NULL, COALESCE (r.completed, 0), "           \
  "COALESCE ((SELECT SUM (m.completed) FROM monthly_reports m WHERE m.project_id = p.id AND "  \
  "m.month <= ?2), 0), p.planned_start, p.actual_start, r.progress, r.problems, p.stats_date " \
  "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "                                  \
  "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people ld ON ld.id = p.leader_id "          \
  "LEFT JOIN people o ON o.id = p.officer_id "                                                  \
  "LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ?2 "
enum { Q_NAME, Q_LEVEL, Q_NATURE, Q_INDUSTRY, Q_CONTENT, Q_LOCALITY, Q_UNIT, Q_LEADER, Q_OFFICER,
       Q_TOTAL, Q_PLAN, Q_REPORTED, Q_MONTH, Q_CUMULATIVE, Q_PLANNED_START, Q_ACTUAL_START,
       Q_PROGRESS, Q_PROBLEMS, Q_STATS_DATE };

typedef struct
{
  int type;
  const char *text;
  double number;
  long long width_value; /* what the width is measured from */
  int light;
} Cell;

typedef struct
{
  int year, month, green, red, start_red;
  char *levels[4];
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *body[N_TYPES][N_TYPES][2];
  lxw_format *lights[N_LIGHTS][2];
  lxw_format *title, *subtitle, *unit_line, *paragraph, *header, *section;
  double widths[N_COLUMNS];
  int wraps[N_COLUMNS];
  unsigned widest[N_COLUMNS];
  unsigned limit[N_COLUMNS];
  long long sum_total, sum_plan, sum_month, sum_cumulative;
  unsigned count;
  char *layout[64];
} Peer;

enum { LAY_SHEET, LAY_TITLE, LAY_SUBTITLE, LAY_UNIT, LAY_HEADERS,
       LAY_TOTAL = LAY_HEADERS + N_COLUMNS, LAY_COUNT, LAY_NOTE, LAY_FOOTER, N_LAYOUT };

/* As tj-xlsx-writer's text_width, over `length` bytes: from U+0800 on a character counts two. */
static unsigned
text_width_n (const char *text,
              size_t      length)
{
  unsigned width = 0, widest = 0;
  const unsigned char *p = (const unsigned char *) text;
  const unsigned char *end = p + length;

  for (; p < end; p++)
    if (*p == '\n')
      {
        widest = width > widest ? width : widest;
        width = 0;
      }
    else if (*p < 0x80)
      width++;
    else if (*p >= 0xc0)
      width += *p >= 0xe0 ? 2 : 1;
  return width > widest ? width : widest;
}

static unsigned
text_width (const char *text)
{
  return text_width_n (text, strlen (text));
}

static unsigned
text_lines (const char *text,
            unsigned    room)
{
  unsigned count = 0;
  const char *line = text;

  room = room < 2 ? 2 : room;
  for (;;)
    {
      const char *end = strchr (line, '\n');
      size_t length = end != NULL ? (size_t) (end - line) : strlen (line);
      unsigned width = text_width_n (line, length);
      count += width == 0 ? 1 : (width + room - 1) / room;
      if (end == NULL)
        return count;
      line = end + 1;
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

static long long
round_div (long long value,
           long long divisor)
{
  long long q = value / divisor, r = value % divisor;

  r = r < 0 ? -r : r;
  if (r >= divisor - r)
    q += value < 0 ? -1 : 1;
  return q;
}

static unsigned
cell_width (const Cell *cell)
{
  switch (cell->type)
    {
    case T_TEXT:
    case T_DATE:
      return text_width (cell->text);
    case T_INTEGER:
      return grouped_width (cell->width_value, 0);
    case T_WAN:
      return grouped_width (round_div (cell->width_value, 10000), 2);
    case T_PERCENT:
      return grouped_width ((long long) (cell->number * 100), 1) + 1;
    case T_LIGHT:
      return 2;
    default:
      return 0;
    }
}

static int
month_index (const char *iso)
{
  return atoi (iso) * 12 + atoi (iso + 5) - 1;
}

static const char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text == NULL || *text == '\0' ? NULL : text;
}

static void
set_text (Cell       *cell,
          int         type,
          const char *text)
{
  cell->type = text != NULL && *text != '\0' ? type : T_EMPTY;
  cell->text = text;
}

static void
set_money (Cell     *cell,
           long long yuan)
{
  cell->type = T_WAN;
  cell->number = (double) yuan / 10000;
  cell->width_value = yuan;
}

/* ⌊num × 1000 ÷ den⌋, den > 0 */
static long long
thousandths_floor (long long num,
                   long long den)
{
  __int128 n = (__int128) num * 1000;
  __int128 q = n / den;

  if (n % den != 0 && n < 0)
    q--;
  return (long long) q;
}

/* One project's cells, judged against month N as DOMAIN.md says. */
static void
project_cells (Peer         *peer,
               sqlite3_stmt *stmt,
               unsigned      number,
               Cell         *cells)
{
  static const char *const natures[][2] = {
    { "new", "新开工" }, { "continuing", "续建" }, { "completing", "竣工" },
    { "preparatory", "前期" },
  };
  static const char *const level_codes[4] = { "", "provincial", "prefectural", "city" };
  int month_n = peer->year * 12 + peer->month - 1;
  const char *level = (const char *) sqlite3_column_text (stmt, Q_LEVEL);
  const char *nature = (const char *) sqlite3_column_text (stmt, Q_NATURE);
  const char *planned_start = text_or_null (stmt, Q_PLANNED_START);
  const char *actual_start = text_or_null (stmt, Q_ACTUAL_START);
  const char *stats_date = text_or_null (stmt, Q_STATS_DATE);
  long long plan = sqlite3_column_int64 (stmt, Q_PLAN);
  long long cumulative = sqlite3_column_int64 (stmt, Q_CUMULATIVE);
  int planned = planned_start != NULL ? month_index (planned_start) : 1 << 30;
  int is_new = nature != NULL && strcmp (nature, "new") == 0;
  int started = actual_start != NULL && month_index (actual_start) <= month_n;
  int start_due = is_new && planned <= month_n;
  int not_yet_due = is_new && planned_start != NULL && planned > month_n;
  int investment = L_NONE, start = L_NONE;

  memset (cells, 0, N_COLUMNS * sizeof *cells);
  cells[0].type = T_INTEGER;
  cells[0].number = number;
  cells[0].width_value = number;
  set_text (&cells[1], T_TEXT, text_or_null (stmt, Q_NAME));
  for (int i = 1; i < 4; i++)
    if (level != NULL && strcmp (level, level_codes[i]) == 0)
      set_text (&cells[2], T_TEXT, peer->levels[i]);
  for (int i = 0; i < 4; i++)
    if (nature != NULL && strcmp (nature, natures[i][0]) == 0)
      set_text (&cells[3], T_TEXT, natures[i][1]);
  for (int c = 4; c <= 9; c++)
    set_text (&cells[c], T_TEXT, text_or_null (stmt, Q_INDUSTRY + c - 4));
  set_money (&cells[10], sqlite3_column_int64 (stmt, Q_TOTAL));
  set_money (&cells[11], plan);
  if (sqlite3_column_int (stmt, Q_REPORTED))
    set_money (&cells[12], sqlite3_column_int64 (stmt, Q_MONTH));
  set_money (&cells[13], cumulative);
  if (plan > 0)
    {
      cells[14].type = T_PERCENT;
      cells[14].number = (double) cumulative / (double) plan;
    }
  set_text (&cells[15], T_DATE, planned_start);
  set_text (&cells[16], T_DATE, actual_start != NULL && month_index (actual_start) <= month_n
                                  ? actual_start : NULL);
  set_text (&cells[17], T_TEXT, text_or_null (stmt, Q_PROGRESS));
  set_text (&cells[18], T_TEXT, text_or_null (stmt, Q_PROBLEMS));
  set_text (&cells[19], T_TEXT,
            stats_date != NULL && month_index (stats_date) <= month_n ? "是" : "否");

  if (plan > 0 && !not_yet_due)
    {
      long long tenths = thousandths_floor (12 * cumulative - (long long) peer->month * plan,
                                            12 * plan);

      investment = tenths >= peer->green * 10 ? L_GREEN
                   : tenths < peer->red * 10  ? L_RED
                                              : L_YELLOW;
    }
  if (start_due && !started)
    start = month_n - planned >= peer->start_red ? L_RED : L_YELLOW;
  cells[20].type = T_LIGHT;
  cells[20].light = investment > start ? investment : start;
}

static void
total_cells (Peer *peer,
             Cell *cells)
{
  memset (cells, 0, N_COLUMNS * sizeof *cells);
  set_text (&cells[0], T_TEXT, peer->layout[LAY_TOTAL]);
  set_text (&cells[1], T_TEXT, peer->layout[LAY_COUNT]);
  set_money (&cells[10], peer->sum_total);
  set_money (&cells[11], peer->sum_plan);
  set_money (&cells[12], peer->sum_month);
  set_money (&cells[13], peer->sum_cumulative);
  if (peer->sum_plan > 0)
    {
      cells[14].type = T_PERCENT;
      cells[14].number = (double) peer->sum_cumulative / (double) peer->sum_plan;
    }
}

static lxw_format *
new_format (Peer       *peer,
            const char *font,
            double      size,
            int         bold)
{
  lxw_format *format = workbook_add_format (peer->workbook);

  format_set_font_name (format, font);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

/* A format given its index in the workbook once made: libxlsxwriter 1.1.4 keeps the index of a
 * format only when it is the first with its properties, and hashes a later one's properties
 * again for every cell written with it (a replayed sheet's format and a detail cell's are such
 * twins). */
static lxw_format *
indexed (lxw_format *format)
{
  format->xf_index = lxw_format_get_xf_index (format);
  return format;
}

static lxw_format *
body_format (Peer *peer,
             int   column_type,
             int   cell_type,
             int   bold)
{
  lxw_format **slot = &peer->body[column_type][cell_type][bold];

  if (*slot != NULL)
    return *slot;
  *slot = new_format (peer, "仿宋", 11, bold);
  format_set_border (*slot, LXW_BORDER_THIN);
  format_set_align (*slot, column_type == T_TEXT ? LXW_ALIGN_LEFT
                           : column_type == T_WAN || column_type == T_PERCENT ? LXW_ALIGN_RIGHT
                                                                              : LXW_ALIGN_CENTER);
  if (cell_type == T_TEXT)
    format_set_text_wrap (*slot);
  else if (cell_type == T_INTEGER)
    format_set_num_format (*slot, "0");
  else if (cell_type == T_WAN)
    format_set_num_format (*slot, "#,##0.00");
  else if (cell_type == T_PERCENT)
    format_set_num_format (*slot, "0.0%");
  return indexed (*slot);
}

static lxw_format *
light_format (Peer *peer,
              int   light,
              int   bold)
{
  lxw_format **slot = &peer->lights[light][bold];

  if (*slot == NULL)
    {
      *slot = new_format (peer, "仿宋", 11, bold);
      format_set_border (*slot, LXW_BORDER_THIN);
      format_set_align (*slot, LXW_ALIGN_CENTER);
      format_set_pattern (*slot, LXW_PATTERN_SOLID);
      format_set_bg_color (*slot, light_fills[light]);
      indexed (*slot);
    }
  return *slot;
}

static void
measure (Peer       *peer,
         const Cell *cells)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (peer->widest[c] + PADDING <= peer->limit[c])
      {
        unsigned width = cell_width (&cells[c]);

        if (width > peer->widest[c])
          peer->widest[c] = width;
      }
}

static void
write_row (Peer       *peer,
           lxw_row_t   row,
           const Cell *cells,
           int         bold)
{
  unsigned lines = 1;
  double height;

  for (int c = 0; c < N_COLUMNS; c++)
    if (peer->wraps[c] && cells[c].type == T_TEXT)
      {
        unsigned n = text_lines (cells[c].text, (unsigned) peer->widths[c] - PADDING);

        lines = n > lines ? n : lines;
      }
  height = lines == 1 ? BODY_ROW_HEIGHT : lines * LINE_HEIGHT + 5;
  worksheet_set_row (peer->sheet, row, height < MAX_ROW_HEIGHT ? height : MAX_ROW_HEIGHT, NULL);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      const Cell *cell = &cells[c];
      int type = column_types[c];

      if (cell->type == T_LIGHT)
        worksheet_write_string (peer->sheet, row, c, light_words[cell->light],
                                light_format (peer, cell->light, bold));
      else if (cell->type == T_TEXT || cell->type == T_DATE)
        worksheet_write_string (peer->sheet, row, c, cell->text,
                                body_format (peer, type, cell->type, bold));
      else if (cell->type == T_EMPTY)
        worksheet_write_blank (peer->sheet, row, c, body_format (peer, type, type, bold));
      else
        worksheet_write_number (peer->sheet, row, c, cell->number,
                                body_format (peer, type, cell->type, bold));
    }
}

static void
write_across (Peer       *peer,
              lxw_row_t   row,
              lxw_col_t   first,
              const char *text,
              lxw_format *format)
{
  if (first == N_COLUMNS - 1)
    worksheet_write_string (peer->sheet, row, first, text, format);
  else
    worksheet_merge_range (peer->sheet, row, first, row, N_COLUMNS - 1, text, format);
}

/* ---- the replayed sheets ---------------------------------------------------------------- */

#define MAX_STYLES 256
#define MAX_MERGES 256
#define MAX_SHEETS 8

typedef struct
{
  FILE *in;
  char *line;
  size_t size;
  int pending; /* a "sheet" line read and not yet replayed */
  lxw_format *formats[MAX_STYLES];
  int repeat_rows[MAX_SHEETS];
} Replay;

/* "\\", "\t", "\n" back to what they stand for, in place */
static void
unescape (char *text)
{
  char *out = text;

  for (char *p = text; *p != '\0'; p++)
    if (p[0] == '\\' && p[1] != '\0')
      {
        p++;
        *out++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
      }
    else
      *out++ = *p;
  *out = '\0';
}

static int
split_fields (char  *line,
              char **fields,
              int    max)
{
  int n = 0;

  line[strcspn (line, "\n")] = '\0';
  while (n < max)
    {
      fields[n++] = line;
      line = strchr (line, '\t');
      if (line == NULL)
        break;
      *line++ = '\0';
    }
  return n;
}

static void
replay_style (Peer   *peer,
              Replay *replay,
              char  **f)
{
  int id = atoi (f[1]);
  lxw_format *format;

  if (id < 0 || id >= MAX_STYLES)
    return;
  format = new_format (peer, f[2], atof (f[3]), atoi (f[4]));
  if (strcmp (f[5], "left") == 0)
    format_set_align (format, LXW_ALIGN_LEFT);
  else if (strcmp (f[5], "center") == 0)
    format_set_align (format, LXW_ALIGN_CENTER);
  else if (strcmp (f[5], "right") == 0)
    format_set_align (format, LXW_ALIGN_RIGHT);
  if (atoi (f[6]))
    format_set_text_wrap (format);
  if (atoi (f[7]))
    format_set_border (format, LXW_BORDER_THIN);
  unescape (f[8]);
  if (f[8][0] == '#' && f[8][1] >= '0' && f[8][1] <= '9')
    {
      if (atoi (f[8] + 1) != 0)
        format_set_num_format_index (format, (uint8_t) atoi (f[8] + 1));
    }
  else
    format_set_num_format (format, f[8]);
  if (f[9][0] != '\0')
    {
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, (lxw_color_t) strtoul (f[9], NULL, 16));
    }
  replay->formats[id] = indexed (format);
}

static void
page_setup (lxw_worksheet *sheet)
{
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.7);
}

/* Replays the file up to the sheet numbered `before` (or its end); the formats and repeated rows
 * come first in it, then each sheet. */
static void
replay_until (Peer   *peer,
              Replay *replay,
              int     before)
{
  lxw_worksheet *sheet = NULL;
  int merges[MAX_MERGES][3], n_merges = 0;
  lxw_row_t skip_row = (lxw_row_t) -1;
  int skip_to = -1;

  if (replay->in == NULL)
    return;
  while (replay->pending || getline (&replay->line, &replay->size, replay->in) > 0)
    {
      char *f[10];
      int n;
      char *copy = replay->line;

      if (replay->pending && atoi (replay->line + 6) >= before)
        return;
      replay->pending = 0;
      n = split_fields (copy, f, 10);
      if (strcmp (f[0], "end") == 0)
        break;
      else if (strcmp (f[0], "style") == 0 && n == 10)
        replay_style (peer, replay, f);
      else if (strcmp (f[0], "repeat") == 0 && n == 3 && atoi (f[1]) < MAX_SHEETS)
        replay->repeat_rows[atoi (f[1])] = atoi (f[2]) + 1;
      else if (strcmp (f[0], "sheet") == 0 && n == 3)
        {
          int index = atoi (f[1]);

          if (sheet != NULL)
            page_setup (sheet);
          if (index >= before)
            {
              /* keep the line for the next call */
              f[0][strlen (f[0])] = '\t';
              f[1][strlen (f[1])] = '\t';
              replay->pending = 1;
              return;
            }
          unescape (f[2]);
          sheet = workbook_add_worksheet (peer->workbook, f[2]);
          n_merges = 0;
          if (index < MAX_SHEETS && replay->repeat_rows[index] > 0)
            worksheet_repeat_rows (sheet, replay->repeat_rows[index] - 1,
                                   replay->repeat_rows[index] - 1);
        }
      else if (sheet == NULL)
        continue;
      else if (strcmp (f[0], "col") == 0 && n == 3)
        worksheet_set_column (sheet, atoi (f[1]), atoi (f[1]), atof (f[2]) / 7.0, NULL);
      else if (strcmp (f[0], "merge") == 0 && n == 4 && n_merges < MAX_MERGES)
        {
          merges[n_merges][0] = atoi (f[1]);
          merges[n_merges][1] = atoi (f[2]);
          merges[n_merges++][2] = atoi (f[3]);
        }
      else if (strcmp (f[0], "row") == 0 && n == 3)
        worksheet_set_row (sheet, atoi (f[1]), atof (f[2]), NULL);
      else if ((f[0][0] == 's' || f[0][0] == 'n' || f[0][0] == 'b') && f[0][1] == '\0' && n >= 4)
        {
          lxw_row_t row = atoi (f[1]);
          lxw_col_t col = atoi (f[2]);
          int style = atoi (f[3]);
          lxw_format *format = style > 0 && style < MAX_STYLES ? replay->formats[style] : NULL;

          if (row == skip_row && (int) col <= skip_to)
            continue;
          if (f[0][0] == 'b')
            worksheet_write_blank (sheet, row, col, format);
          else if (f[0][0] == 'n' && n == 5)
            worksheet_write_number (sheet, row, col, strtod (f[4], NULL), format);
          else if (n == 5)
            {
              int merged = 0;

              unescape (f[4]);
              for (int m = 0; m < n_merges && !merged; m++)
                if (merges[m][0] == (int) row && merges[m][1] == (int) col)
                  {
                    worksheet_merge_range (sheet, row, col, row, merges[m][2], f[4], format);
                    skip_row = row, skip_to = merges[m][2], merged = 1;
                  }
              if (!merged)
                worksheet_write_string (sheet, row, col, f[4], format);
            }
        }
      else if (strcmp (f[0], "freeze") == 0 && n == 3)
        worksheet_freeze_panes (sheet, atoi (f[1]), atoi (f[2]));
      else if (strcmp (f[0], "footer") == 0 && n == 2)
        {
          unescape (f[1]);
          worksheet_set_footer (sheet, f[1]);
        }
    }
  if (sheet != NULL)
    page_setup (sheet);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-bulletin-peer: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  return stmt;
}

static char *
setting (sqlite3    *db,
         const char *key,
         const char *fallback)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT value FROM settings WHERE key = ?");
  char *value;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  value = strdup (sqlite3_step (stmt) == SQLITE_ROW
                    ? (const char *) sqlite3_column_text (stmt, 0) : fallback);
  sqlite3_finalize (stmt);
  return value;
}

static void
read_layout (Peer       *peer,
             const char *path)
{
  FILE *in = fopen (path, "r");
  char line[8192];
  int n = 0;

  if (in == NULL)
    {
      perror (path);
      exit (1);
    }
  while (n < N_LAYOUT && fgets (line, sizeof line, in) != NULL)
    {
      char *out = line;

      line[strcspn (line, "\n")] = '\0';
      /* "\n" in a line stands for a line break */
      for (char *p = line; *p != '\0'; p++)
        if (p[0] == '\\' && p[1] == 'n')
          *out++ = '\n', p++;
        else
          *out++ = *p;
      *out = '\0';
      peer->layout[n++] = strdup (line);
    }
  fclose (in);
  if (n != N_LAYOUT)
    {
      fprintf (stderr, "bench-bulletin-peer: %s: %d lines, not %d\n", path, n, N_LAYOUT);
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  Peer peer = { 0 };
  sqlite3 *db;
  sqlite3_stmt *scan, *ordered;
  Cell cells[N_COLUMNS];
  lxw_row_t row = 0, header_row;
  double total_width = 0, room = 0;
  unsigned lines = 1, need;
  lxw_col_t first = N_COLUMNS - 1;
  char *text;
  lxw_error error;
  Replay replay = { 0 };

  if (argc != 6 && argc != 7)
    {
      fprintf (stderr, "usage: bench-bulletin-peer DB YEAR MONTH LAYOUT OUT.xlsx [REPLAY]\n");
      return 2;
    }
  peer.year = atoi (argv[2]);
  peer.month = atoi (argv[3]);
  read_layout (&peer, argv[4]);
  if (argc == 7 && (replay.in = fopen (argv[6], "r")) == NULL)
    {
      perror (argv[6]);
      return 1;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-bulletin-peer: %s\n", sqlite3_errmsg (db));
      return 1;
    }
  peer.levels[1] = setting (db, "level-provincial", "省重点");
  peer.levels[2] = setting (db, "level-prefectural", "郑州市重点");
  peer.levels[3] = setting (db, "level-city", "登封市重点");
  text = setting (db, "light-green-gap", "-10"), peer.green = atoi (text), free (text);
  text = setting (db, "light-red-gap", "-30"), peer.red = atoi (text), free (text);
  text = setting (db, "light-start-red-months", "3"), peer.start_red = atoi (text), free (text);

  /* widths: the headers (a header may take two lines), then every cell, the sums on the way */
  for (int c = 0; c < N_COLUMNS; c++)
    {
      char header[1024];
      const char *split;
      unsigned max = column_max[c] > 0 ? column_max[c] : DEFAULT_MAX_WIDTH;
      size_t n = 0;

      /* the header as given, without the break Tuijin put in it; it may break before its unit
       * "（…）", the wider part counting, or anywhere (half its width) */
      for (const char *p = peer.layout[LAY_HEADERS + c]; *p != '\0' && n + 1 < sizeof header; p++)
        if (*p != '\n')
          header[n++] = *p;
      header[n] = '\0';
      split = strstr (header, "（");
      if (split != NULL && split > header)
        {
          unsigned head = text_width_n (header, split - header);
          unsigned tail = text_width (split);

          peer.widest[c] = head > tail ? head : tail;
        }
      else
        peer.widest[c] = (text_width (header) + 1) / 2;
      peer.limit[c] = max > MIN_WIDTH ? max : MIN_WIDTH;
    }
  scan = prepare (db, SELECT_SQL "WHERE p.year = ?1");
  sqlite3_bind_int (scan, 1, peer.year);
  sqlite3_bind_int (scan, 2, peer.month);
  while (sqlite3_step (scan) == SQLITE_ROW)
    {
      project_cells (&peer, scan, ++peer.count, cells);
      peer.sum_total += sqlite3_column_int64 (scan, Q_TOTAL);
      peer.sum_plan += sqlite3_column_int64 (scan, Q_PLAN);
      peer.sum_month += sqlite3_column_int64 (scan, Q_MONTH);
      peer.sum_cumulative += sqlite3_column_int64 (scan, Q_CUMULATIVE);
      measure (&peer, cells);
    }
  sqlite3_finalize (scan);
  total_cells (&peer, cells);
  measure (&peer, cells);

  peer.workbook = workbook_new_opt (argv[5], &options);
  if (peer.workbook == NULL)
    return 1;
  peer.title = new_format (&peer, "黑体", 16, 1);
  format_set_align (peer.title, LXW_ALIGN_CENTER);
  format_set_text_wrap (peer.title);
  peer.subtitle = new_format (&peer, "仿宋", 12, 0);
  format_set_align (peer.subtitle, LXW_ALIGN_CENTER);
  peer.unit_line = new_format (&peer, "仿宋", 11, 0);
  format_set_align (peer.unit_line, LXW_ALIGN_RIGHT);
  peer.paragraph = new_format (&peer, "仿宋", 12, 0);
  format_set_align (peer.paragraph, LXW_ALIGN_LEFT);
  format_set_text_wrap (peer.paragraph);
  peer.header = new_format (&peer, "黑体", 11, 1);
  format_set_align (peer.header, LXW_ALIGN_CENTER);
  format_set_text_wrap (peer.header);
  format_set_border (peer.header, LXW_BORDER_THIN);
  replay_until (&peer, &replay, 3);
  peer.sheet = workbook_add_worksheet (peer.workbook, peer.layout[LAY_SHEET]);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      unsigned width = peer.widest[c] + PADDING;

      width = width < MIN_WIDTH ? MIN_WIDTH : width > peer.limit[c] ? peer.limit[c] : width;
      peer.widths[c] = width;
      peer.wraps[c] = peer.widest[c] + PADDING > width;
      worksheet_set_column (peer.sheet, c, c, width, NULL);
      total_width += width;
    }
  worksheet_set_row (peer.sheet, row,
                     36 * text_lines (peer.layout[LAY_TITLE], (unsigned) (total_width / 1.5)),
                     NULL);
  write_across (&peer, row++, 0, peer.layout[LAY_TITLE], peer.title);
  worksheet_set_row (peer.sheet, row, 22, NULL);
  write_across (&peer, row++, 0, peer.layout[LAY_SUBTITLE], peer.subtitle);
  need = text_width (peer.layout[LAY_UNIT]) + PADDING;
  while (first > 0 && (room += peer.widths[first]) < need)
    first--;
  worksheet_set_row (peer.sheet, row, BODY_ROW_HEIGHT, NULL);
  write_across (&peer, row++, first, peer.layout[LAY_UNIT], peer.unit_line);
  header_row = row;
  for (int c = 0; c < N_COLUMNS; c++)
    {
      unsigned n = text_lines (peer.layout[LAY_HEADERS + c], (unsigned) peer.widths[c] - PADDING);

      lines = n > lines ? n : lines;
    }
  worksheet_set_row (peer.sheet, row, lines * LINE_HEIGHT + 9, NULL);
  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (peer.sheet, row, c, peer.layout[LAY_HEADERS + c], peer.header);
  row++;

  ordered = prepare (db, SELECT_SQL "WHERE p.year = ?1 ORDER BY CASE p.level WHEN 'provincial' "
                                    "THEN 1 WHEN 'prefectural' THEN 2 WHEN 'city' THEN 3 ELSE 4 "
                                    "END, p.id");
  sqlite3_bind_int (ordered, 1, peer.year);
  sqlite3_bind_int (ordered, 2, peer.month);
  for (unsigned number = 1; sqlite3_step (ordered) == SQLITE_ROW; number++)
    {
      project_cells (&peer, ordered, number, cells);
      write_row (&peer, row++, cells, 0);
    }
  sqlite3_finalize (ordered);
  total_cells (&peer, cells);
  write_row (&peer, row++, cells, 1);

  lines = text_lines (peer.layout[LAY_NOTE], (unsigned) (total_width / 1.1) - PADDING);
  worksheet_set_row (peer.sheet, row,
                     lines * LINE_HEIGHT + 6 < MAX_ROW_HEIGHT ? lines * LINE_HEIGHT + 6
                                                              : MAX_ROW_HEIGHT,
                     NULL);
  write_across (&peer, row++, 0, peer.layout[LAY_NOTE], peer.paragraph);
  worksheet_freeze_panes (peer.sheet, header_row + 1, 2);
  worksheet_repeat_rows (peer.sheet, header_row, header_row);
  worksheet_set_paper (peer.sheet, 9);
  worksheet_set_landscape (peer.sheet);
  worksheet_fit_to_pages (peer.sheet, 1, 0);
  worksheet_center_horizontally (peer.sheet);
  worksheet_set_margins (peer.sheet, 0.4, 0.4, 0.6, 0.7);
  worksheet_set_footer (peer.sheet, peer.layout[LAY_FOOTER]);
  replay_until (&peer, &replay, 1 << 30);
  if (replay.in != NULL)
    fclose (replay.in);
  free (replay.line);
  error = workbook_close (peer.workbook);
  sqlite3_close (db);
  if (error != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-bulletin-peer: %s\n", lxw_strerror (error));
      return 1;
    }
  printf ("rows=%u\n", peer.count);
  return 0;
}
