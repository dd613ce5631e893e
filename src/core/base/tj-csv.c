/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-csv"
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tj-csv.h"
#include "tj-error.h"
#include "tj-output-file.h"
#include "tj-workbook.h"

struct _TjCsvWriter
{
  GString *data;
};

/* As TjCsvRecordFunc, with the row a spreadsheet shows the record on (1 for the first): the
 * text's lines but for the line breaks inside quoted cells. */
typedef gboolean (*RowFunc) (guint     row,
                             guint     line,
                             char    **cells,
                             guint     n_cells,
                             gpointer  user_data,
                             GError  **error);

/* What the libcsv callbacks share while a text is parsed. */
typedef struct
{
  TjCsvRecordFunc func;
  RowFunc row_func;  /* or func */
  gpointer user_data;
  GString *fields;   /* the current record's cells, each followed by a NUL */
  GArray *offsets;   /* gsize: where each cell of the current record starts in fields */
  GPtrArray *cells;  /* char *: into fields, rebuilt for every record */
  guint line;        /* the physical line where the current record starts */
  guint row;         /* the row a spreadsheet shows it on */
  guint breaks;      /* line breaks inside the quoted cells of the current record */
  gboolean after_cr; /* the last line ended with a carriage return */
  gboolean stopped;
  GError *error;
} CsvParse;

/* Parsing goes through the text in blocks so that a callback that stops it is obeyed soon. */
#define PARSE_BLOCK 65536
/* Rows longer than the header are named one by one up to this many, then counted. */
#define LONG_ROW_WARNINGS 5
/* A header's unknown or repeated columns are counted in one warning naming this many. */
#define HEADER_WARNING_NAMES 10

#define FULL_WIDTH_SPACE "\xE3\x80\x80"

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* A CR LF pair, a lone CR and a lone LF each end one line of the file. */
static guint
count_line_breaks (const char *text,
                   gsize       length)
{
  guint count = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          count++;
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else if (text[i] == '\n')
        count++;
    }
  return count;
}

static void
field_ended_cb (void   *data,
                size_t  length,
                void   *user_data)
{
  CsvParse *parse = user_data;
  gsize offset = parse->fields->len;

  if (parse->stopped)
    return;
  g_string_append_len (parse->fields, data, length);
  g_string_append_c (parse->fields, '\0');
  g_array_append_val (parse->offsets, offset);
  parse->breaks += count_line_breaks (data, length);
}

/* With CSV_REPALL_NL libcsv reports every CR and LF outside a quoted cell: a record's end, then
 * the LF of its CR LF, or an empty line. That is what lets records carry their line number. */
static void
record_ended_cb (int   terminator,
                 void *user_data)
{
  CsvParse *parse = user_data;

  if (parse->stopped)
    return;
  if (parse->offsets->len == 0)
    {
      if (terminator == '\n' && parse->after_cr)
        parse->after_cr = FALSE;
      else if (terminator == '\r' || terminator == '\n')
        {
          parse->line++;
          parse->row++;
          parse->after_cr = terminator == '\r';
        }
      return;
    }

  g_ptr_array_set_size (parse->cells, 0);
  for (guint i = 0; i < parse->offsets->len; i++)
    g_ptr_array_add (parse->cells,
                     parse->fields->str + g_array_index (parse->offsets, gsize, i));
  if (parse->row_func != NULL
        ? !parse->row_func (parse->row, parse->line, (char **) parse->cells->pdata,
                            parse->offsets->len, parse->user_data, &parse->error)
        : !parse->func (parse->line, (char **) parse->cells->pdata, parse->offsets->len,
                        parse->user_data, &parse->error))
    parse->stopped = TRUE;

  parse->line += parse->breaks;
  if (terminator == '\r' || terminator == '\n')
    {
      parse->line++;
      parse->row++;
    }
  parse->after_cr = terminator == '\r';
  parse->breaks = 0;
  g_string_truncate (parse->fields, 0);
  g_array_set_size (parse->offsets, 0);
}

static gsize
bom_length (const char *bytes,
            gsize       length)
{
  return length >= 3 && memcmp (bytes, utf8_bom, 3) == 0 ? 3 : 0;
}

/* Valid UTF-8 after its byte order mark, if any: taken as it is (see tj_csv_decode). */
static gboolean
is_utf8 (const char *bytes,
         gsize       length)
{
  gsize bom = bom_length (bytes, length);

  return g_utf8_validate_len (bytes + bom, length - bom, NULL);
}

/* The text of a CSV file as UTF-8 without its byte order mark. Excel and WPS on Chinese Windows
 * save GB18030 (their "CSV") or UTF-8 with a BOM ("CSV UTF-8"): valid UTF-8 is taken as such,
 * anything else is converted from GB18030. */
char *
tj_csv_decode (const char *bytes,
               gsize       length,
               gsize      *text_length,
               GError    **error)
{
  g_autoptr (GError) local = NULL;
  gsize written = 0;
  char *text;

  g_return_val_if_fail (bytes != NULL || length == 0, NULL);

  if (is_utf8 (bytes, length))
    {
      gsize bom = bom_length (bytes, length);

      if (text_length != NULL)
        *text_length = length - bom;
      return g_strndup (bytes + bom, length - bom);
    }

  text = g_convert (bytes, length, "UTF-8", "GB18030", NULL, &written, &local);
  if (text == NULL)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("The text is neither UTF-8 nor GB18030. Save it from Excel or WPS "
                             "as “CSV” or “CSV UTF-8”."));
      return NULL;
    }
  if (text_length != NULL)
    *text_length = written;
  return text;
}

char *
tj_csv_read_file (const char *path,
                  gsize      *text_length,
                  GError    **error)
{
  g_autofree char *bytes = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;
  char *text;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &bytes, &length, &local))
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_IO, local->message);
      return NULL;
    }
  /* UTF-8 is the file's own bytes, not a copy of them: a ledger of a million rows is 300 MB */
  if (is_utf8 (bytes, length))
    {
      gsize bom = bom_length (bytes, length);

      memmove (bytes, bytes + bom, length - bom + 1); /* with the nul g_file_get_contents adds */
      if (text_length != NULL)
        *text_length = length - bom;
      return g_steal_pointer (&bytes);
    }
  text = tj_csv_decode (bytes, length, text_length, &local);
  if (text == NULL)
    g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Cannot read “%s”: %s"), path,
                 local->message);
  return text;
}

/* "Line 8" or, when the text line differs (line breaks in the quoted cells above), "Line 8 (text
 * line 14)", for a sentence that goes on after a colon. */
static char *
row_name (guint row,
          guint line)
{
  if (row == line)
    return g_strdup_printf (_("Line %u"), row);
  /* Translators: "第 8 行（文本第 14 行）": the row as WPS and Excel show it, and the text line */
  return g_strdup_printf (_("Line %u (text line %u)"), row, line);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FILE, fclose)

/* Where parse_source takes its text from, a block at a time: a text in memory, or a UTF-8 file
 * read as it is parsed (a ledger of a million rows is 300 MB, which is not held). */
typedef struct
{
  const char *text;
  gsize length;
  gsize offset;
  FILE *file;
  char *buffer;
} Source;

/* The next block, of at most PARSE_BLOCK bytes; 0 at the end, or with error set. */
static gsize
source_next (Source      *source,
             const char **block,
             GError     **error)
{
  gsize n;

  if (source->file == NULL)
    {
      n = MIN (PARSE_BLOCK, source->length - source->offset);
      *block = source->text + source->offset;
      source->offset += n;
      return n;
    }
  n = fread (source->buffer, 1, PARSE_BLOCK, source->file);
  if (n < PARSE_BLOCK && ferror (source->file))
    g_set_error_literal (error, TJ_ERROR, TJ_ERROR_IO, g_strerror (errno));
  /* the file's byte order mark is not text */
  if (source->offset == 0 && bom_length (source->buffer, n) > 0)
    {
      *block = source->buffer + 3;
      source->offset = n;
      return n - 3 > 0 ? n - 3 : source_next (source, block, error);
    }
  *block = source->buffer;
  source->offset += n;
  return n;
}

static gboolean
parse_source (Source           *source,
              TjCsvRecordFunc   func,
              RowFunc           row_func,
              gpointer          user_data,
              GError          **error)
{
  const unsigned char options = CSV_REPALL_NL | CSV_APPEND_NULL;
  struct csv_parser parser;
  CsvParse parse = { 0 };
  gboolean ok = TRUE;

  if (csv_init (&parser, options) != 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID, csv_strerror (CSV_ENOMEM));
      return FALSE;
    }
  parse.func = func;
  parse.row_func = row_func;
  parse.user_data = user_data;
  parse.fields = g_string_sized_new (1024);
  parse.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  parse.cells = g_ptr_array_new ();
  parse.line = 1;
  parse.row = 1;

  while (!parse.stopped)
    {
      const char *text = NULL;
      gsize block = source_next (source, &text, &parse.error);

      if (parse.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse.error));
          ok = FALSE;
          break;
        }
      if (block == 0)
        break;
      if (csv_parse (&parser, text, block, field_ended_cb, record_ended_cb, &parse) != block)
        {
          g_autofree char *name = row_func != NULL ? row_name (parse.row, parse.line)
                                                   : row_name (parse.line, parse.line);

          /* Translators: "第 8 行无法读取：…" */
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("%s cannot be read: %s"), name,
                       csv_strerror (csv_error (&parser)));
          ok = FALSE;
          break;
        }
    }

  if (ok && !parse.stopped)
    {
      /* Only now strict: a quoted cell still open at the end of the file is an error, not a
       * cell that silently swallowed the rest of the file. */
      csv_set_opts (&parser, options | CSV_STRICT | CSV_STRICT_FINI);
      if (csv_fini (&parser, field_ended_cb, record_ended_cb, &parse) != 0)
        {
          g_autofree char *name = row_func != NULL ? row_name (parse.row, parse.line)
                                                   : row_name (parse.line, parse.line);

          /* Translators: "第 8 行：单元格的引号没有闭合。" */
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("%s: a quoted cell has no closing quote."), name);
          ok = FALSE;
        }
    }
  if (ok && parse.stopped)
    {
      if (parse.error != NULL)
        g_propagate_error (error, g_steal_pointer (&parse.error));
      ok = FALSE;
    }

  csv_free (&parser);
  g_clear_error (&parse.error);
  g_string_free (parse.fields, TRUE);
  g_array_unref (parse.offsets);
  g_ptr_array_unref (parse.cells);
  return ok;
}

static gboolean
parse_text (const char       *text,
            gsize             length,
            TjCsvRecordFunc   func,
            RowFunc           row_func,
            gpointer          user_data,
            GError          **error)
{
  Source source = { .text = text, .length = length };

  return parse_source (&source, func, row_func, user_data, error);
}

/* Whether a file is valid UTF-8 (after its byte order mark), read a block at a time; FALSE
 * with error set when it cannot be read. */
static gboolean
file_is_utf8 (FILE     *file,
              gboolean *utf8,
              GError  **error)
{
  g_autofree char *buffer = g_malloc (PARSE_BLOCK + 4);
  gsize carried = 0;
  gsize n;

  *utf8 = TRUE;
  while ((n = fread (buffer + carried, 1, PARSE_BLOCK, file)) > 0 || carried > 0)
    {
      gsize length = carried + n;
      const char *end = NULL;

      if (!g_utf8_validate_len (buffer, length, &end))
        {
          gsize rest = length - (end - buffer);

          /* a character cut by the block's end goes on in the next one */
          if (n == 0 || rest > 3 || g_utf8_get_char_validated (end, rest) != (gunichar) -2)
            {
              *utf8 = FALSE;
              break;
            }
          memmove (buffer, end, rest);
          carried = rest;
          continue;
        }
      carried = 0;
    }
  if (ferror (file))
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_IO, g_strerror (errno));
      return FALSE;
    }
  rewind (file);
  return TRUE;
}

/* Parses RFC 4180 CSV with libcsv: quoted cells with commas, quotes and line breaks, CR LF or
 * LF line ends, rows of any length. Empty lines are skipped. */
gboolean
tj_csv_parse (const char      *text,
              gsize            length,
              TjCsvRecordFunc  func,
              gpointer         user_data,
              GError         **error)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return parse_text (text, length, func, NULL, user_data, error);
}

/* Headers are compared without any space (half- or full-width) and with full-width brackets
 * read as half-width ones: "总投资（万元）", "总投资(万元)" and " 总投资 (万元)" are one column. */
char *
tj_csv_normalise_header (const char *text)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF)
        continue;
      if (c == 0xFF08)
        c = '(';
      else if (c == 0xFF09)
        c = ')';
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* Whether a spreadsheet would read a cell beginning so as a formula: =, +, -, @, a tab or a
 * carriage return first (the OWASP list for CSV injection). */
static gboolean
starts_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* "-12.50", "+2.9", "86.2%", "1,234": a figure as Tuijin writes a number. */
static gboolean
is_plain_figure (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p) || *p == '.' || *p == ','; p++)
    digits = digits || g_ascii_isdigit (*p);
  if (*p == '%')
    p++;
  return digits && *p == '\0';
}

/* A cell as written to a CSV file, so that Excel and WPS show text as text and never evaluate
 * it: a text beginning with =, +, -, @, a tab or a carriage return gets an apostrophe before it
 * (the OWASP rule). A figure (figure TRUE: a number Tuijin formatted, "-12.50") that is a plain
 * number stays as it is, as a spreadsheet reads it as that number. Returns cell, or a new string
 * in *owned. tj_csv_clean_cell takes the apostrophe off again. */
const char *
tj_csv_escape_cell (const char *cell,
                    gboolean    figure,
                    char      **owned)
{
  g_return_val_if_fail (owned != NULL, cell);

  *owned = NULL;
  if (cell == NULL || !starts_like_formula (cell) || (figure && is_plain_figure (cell)))
    return cell;
  return *owned = g_strconcat ("'", cell, NULL);
}

/* Trims spaces (and full-width ones) at both ends in place and turns CR LF inside a cell into
 * LF; takes off one apostrophe before =, +, -, @, a tab or a carriage return, as
 * tj_csv_escape_cell writes it. Returns the start of the trimmed text. */
char *
tj_csv_clean_cell (char *cell)
{
  const gsize wide = strlen (FULL_WIDTH_SPACE);
  gboolean unescaped = FALSE;
  char *start = cell;
  char *end;

  g_return_val_if_fail (cell != NULL, NULL);

  for (;;)
    {
      if (g_ascii_isspace (*start))
        start++;
      else if (strncmp (start, FULL_WIDTH_SPACE, wide) == 0)
        start += wide;
      else if (!unescaped && start[0] == '\'' && starts_like_formula (start + 1))
        {
          start++;
          unescaped = TRUE;
        }
      else
        break;
    }
  end = start + strlen (start);
  while (end > start)
    {
      if (g_ascii_isspace (end[-1]))
        end--;
      else if ((gsize) (end - start) >= wide && memcmp (end - wide, FULL_WIDTH_SPACE, wide) == 0)
        end -= wide;
      else
        break;
    }
  *end = '\0';

  if (strchr (start, '\r') != NULL)
    {
      char *out = start;

      for (char *in = start; *in != '\0'; in++)
        if (!(in[0] == '\r' && in[1] == '\n'))
          *out++ = *in;
      *out = '\0';
    }
  return start;
}

/* The columns of a header that one kind of problem leaves out: counted, and the first
 * HEADER_WARNING_NAMES different names kept to be named. */
typedef struct
{
  guint count;
  const char *names[HEADER_WARNING_NAMES];
  guint n_names;
  gboolean more_names; /* a name past the ones kept */
} HeaderProblem;

static void
header_problem_add (HeaderProblem *problem,
                    const char    *name)
{
  problem->count++;
  for (guint i = 0; i < problem->n_names; i++)
    if (g_str_equal (problem->names[i], name))
      return;
  if (problem->n_names < HEADER_WARNING_NAMES)
    problem->names[problem->n_names++] = name;
  else
    problem->more_names = TRUE;
}

/* One warning for all the columns of one kind of problem, however many: a header of a million
 * columns gives one line, not a million. One column keeps the message of one; more are counted
 * and the first different names listed. */
static void
header_problem_warn (const HeaderProblem *problem,
                     gboolean             repeated,
                     GPtrArray           *warnings)
{
  g_autoptr (GString) names = NULL;
  guint n = problem->count;
  char *message;

  if (n == 0)
    return;
  if (n == 1)
    {
      if (repeated)
        message = g_strdup_printf (_("The column “%s” appears twice; the second one will be "
                                     "ignored."),
                                   problem->names[0]);
      else
        message = g_strdup_printf (_("Unknown column “%s” will be ignored."), problem->names[0]);
      g_ptr_array_add (warnings, message);
      return;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < problem->n_names; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the names of columns in a list */
        g_string_append (names, _(", "));
      g_string_append_printf (names, _("“%s”"), problem->names[i]);
    }
  if (repeated && problem->more_names)
    message = g_strdup_printf (ngettext ("%u repeated column will be ignored: %s … (the first "
                                         "%u named).",
                                         "%u repeated columns will be ignored: %s … (the first "
                                         "%u named).",
                                         n),
                               n, names->str, problem->n_names);
  else if (repeated)
    message = g_strdup_printf (ngettext ("%u repeated column will be ignored: %s.",
                                         "%u repeated columns will be ignored: %s.", n),
                               n, names->str);
  else if (problem->more_names)
    message = g_strdup_printf (ngettext ("%u unknown column will be ignored: %s … (the first %u "
                                         "named).",
                                         "%u unknown columns will be ignored: %s … (the first "
                                         "%u named).",
                                         n),
                               n, names->str, problem->n_names);
  else
    message = g_strdup_printf (ngettext ("%u unknown column will be ignored: %s.",
                                         "%u unknown columns will be ignored: %s.", n),
                               n, names->str);
  g_ptr_array_add (warnings, message);
}

/* Reads a header row against the columns an importer knows (their headers as the office writes
 * them; key_func, or tj_csv_normalise_header when NULL, makes both sides comparable). When no
 * cell is the anchor column, this row is not the header: returns NULL. Otherwise index[c] is
 * the file's column of known column c, or -1; unknown and repeated columns are each summed up
 * in one warning; returns the header row as written, trimmed, NULL-terminated. */
char **
tj_csv_map_header (char              **cells,
                   guint               n_cells,
                   const char *const  *columns,
                   guint               n_columns,
                   guint               anchor,
                   TjCsvHeaderKeyFunc  key_func,
                   gpointer            user_data,
                   int                *index,
                   GPtrArray          *warnings)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  HeaderProblem unknown = { 0 };
  HeaderProblem repeated = { 0 };
  gboolean found = FALSE;
  char **headers;

  g_return_val_if_fail (anchor < n_columns, NULL);

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (known, key_func != NULL ? key_func (columns[c], user_data)
                                             : tj_csv_normalise_header (columns[c]));
  for (guint i = 0; i < n_cells; i++)
    {
      char *key = key_func != NULL ? key_func (cells[i], user_data)
                                   : tj_csv_normalise_header (cells[i]);

      found = found || g_str_equal (key, g_ptr_array_index (known, anchor));
      g_ptr_array_add (keys, key);
    }
  if (!found)
    return NULL;

  for (guint c = 0; c < n_columns; c++)
    index[c] = -1;
  headers = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      int column = -1;

      headers[i] = g_strdup (tj_csv_clean_cell (cells[i]));
      if (*key == '\0')
        continue;
      for (guint c = 0; c < n_columns && column < 0; c++)
        if (g_str_equal (key, g_ptr_array_index (known, c)))
          column = c;
      if (column < 0)
        header_problem_add (&unknown, headers[i]);
      else if (index[column] >= 0)
        header_problem_add (&repeated, headers[i]);
      else
        index[column] = i;
    }

  header_problem_warn (&unknown, FALSE, warnings);
  header_problem_warn (&repeated, TRUE, warnings);
  return headers;
}

/* "工作表“台账”第12行 D列（计划投资）：…": a workbook's cell named by its sheet, its row and
 * column as Excel shows them, and its header. */
static char *
workbook_cell_message (TjCsvImport *import,
                       guint        row,
                       int          column,
                       const char  *header,
                       const char  *message)
{
  g_autofree char *letters = NULL;

  if (column < 0)
    /* Translators: "工作表“台账”第12行，“计划投资”：…" */
    return g_strdup_printf (_("Sheet “%s”, row %u, “%s”: %s"), import->sheet_read, row, header,
                            message);
  letters = tj_workbook_column_letters (column);
  if (*header == '\0')
    /* Translators: "工作表“台账”第12行 D列：…" */
    return g_strdup_printf (_("Sheet “%s”, row %u, column %s: %s"), import->sheet_read, row,
                            letters, message);
  /* Translators: "工作表“台账”第12行 D列（计划投资）：…" */
  return g_strdup_printf (_("Sheet “%s”, row %u, column %s (%s): %s"), import->sheet_read, row,
                          letters, header, message);
}

/* "第 12 行，“总投资（万元）”：“abc”不是有效金额": a problem named by its row and the file's
 * column; "第 8 行（文本第 14 行），…" when line breaks in quoted cells above put the row on
 * another line of the text. */
char *
tj_csv_import_cell_message (TjCsvImport *import,
                            guint        row,
                            const char  *header,
                            const char  *message)
{
  guint line = row;

  if (import->sheet_read != NULL)
    {
      int column = -1;

      /* the file's column of the header: the header itself as tj_csv_import_header gives it */
      for (guint i = 0; i < import->n_headers && column < 0; i++)
        if (import->headers[i] == header)
          column = i;
      for (guint i = 0; i < import->n_headers && column < 0; i++)
        if (g_str_equal (import->headers[i], header))
          column = i;
      return workbook_cell_message (import, row, column, header, message);
    }
  if (import->text_lines != NULL)
    line = GPOINTER_TO_UINT (g_hash_table_lookup (import->text_lines, GUINT_TO_POINTER (row)));
  if (line == 0 || line == row)
    return g_strdup_printf (_("Line %u, “%s”: %s"), row, header, message);
  /* Translators: "第 8 行（文本第 14 行），“总投资（万元）”：…" */
  return g_strdup_printf (_("Line %u (text line %u), “%s”: %s"), row, line, header, message);
}

/* A row with more non-empty cells than the header row is probably shifted by a comma typed
 * into a cell: named one by one up to LONG_ROW_WARNINGS, then counted. */
void
tj_csv_note_long_row (GPtrArray *warnings,
                      guint     *long_rows,
                      guint      line,
                      char     **cells,
                      guint      n_cells,
                      guint      n_headers)
{
  gboolean extra = FALSE;

  for (guint i = n_headers; i < n_cells && !extra; i++)
    extra = *tj_csv_clean_cell (cells[i]) != '\0';
  if (!extra)
    return;
  if (++*long_rows <= LONG_ROW_WARNINGS)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("Line %u has more cells than the header row; the extra "
                                        "cells will be ignored."),
                                      line));
}

/* The count of the long rows tj_csv_note_long_row did not name. */
void
tj_csv_sum_up_long_rows (GPtrArray *warnings,
                         guint      long_rows)
{
  guint more;

  if (long_rows <= LONG_ROW_WARNINGS)
    return;
  more = long_rows - LONG_ROW_WARNINGS;
  g_ptr_array_add (warnings,
                   g_strdup_printf (ngettext ("%u more line has more cells than the header row.",
                                              "%u more lines have more cells than the header "
                                              "row.",
                                              more),
                                    more));
}

/* Looks for the header in a row before it is found: TRUE to go on reading rows. */
static gboolean
import_find_header (TjCsvImport  *import,
                    char        **cells,
                    guint         n_cells)
{
  import->headers = tj_csv_map_header (cells, n_cells, import->columns, import->n_columns,
                                       import->anchor, import->key_func, NULL, import->index,
                                       import->warnings);
  if (import->headers == NULL)
    return import->n_records < TJ_CSV_HEADER_SEARCH_ROWS;
  import->n_headers = n_cells;
  for (guint r = 0; r < import->n_required; r++)
    if (import->index[import->required[r]] < 0)
      {
        g_ptr_array_add (import->errors,
                         g_strdup_printf (_("The file has no “%s” column."),
                                          import->columns[import->required[r]]));
        import->header_problems++;
      }
  if (import->check_header != NULL)
    import->check_header (import);
  return import->header_problems == 0;
}

/* Rows are named as a spreadsheet shows them; the text line too where it differs. */
static gboolean
import_record_read_cb (guint     row,
                       guint     line,
                       char    **cells,
                       guint     n_cells,
                       gpointer  user_data,
                       GError  **error)
{
  TjCsvImport *import = user_data;

  import->n_records++;
  if (line != row)
    g_hash_table_insert (import->text_lines, GUINT_TO_POINTER (row), GUINT_TO_POINTER (line));
  if (import->headers != NULL)
    return import->read_row (import, row, cells, n_cells, error);
  return import_find_header (import, cells, n_cells);
}

/* A workbook's row, as a CSV record; a cell whose formula has no cached value is named and its
 * row not read, and the table's total row is left out. */
static gboolean
import_workbook_row_cb (guint         row,
                        char        **cells,
                        guint         n_cells,
                        const guint  *uncomputed,
                        guint         n_uncomputed,
                        gpointer      user_data,
                        GError      **error)
{
  TjCsvImport *import = user_data;

  import->n_records++;
  if (import->headers == NULL)
    return import_find_header (import, cells, n_cells);
  /* the 合计 row Tuijin's own workbooks end a table with (tj-report): not a record */
  if (n_cells > 0 && g_str_equal (tj_csv_clean_cell (cells[0]), _("Total")))
    return TRUE;
  if (n_uncomputed == 0)
    return import->read_row (import, row, cells, n_cells, error);
  for (guint i = 0; i < n_uncomputed; i++)
    g_ptr_array_add (import->errors,
                     workbook_cell_message (
                       import, row, uncomputed[i],
                       uncomputed[i] < import->n_headers ? import->headers[uncomputed[i]] : "",
                       _("The formula has no computed value; recalculate it in Excel, save the "
                         "workbook and import it again.")));
  import->bad_rows++;
  return TRUE;
}

/* Clears import and gives it an index of n_columns columns, none found yet. */
void
tj_csv_import_init (TjCsvImport *import,
                    guint        n_columns)
{
  memset (import, 0, sizeof *import);
  import->n_columns = n_columns;
  import->index = g_new (int, n_columns);
  for (guint c = 0; c < n_columns; c++)
    import->index[c] = -1;
  import->text_lines = g_hash_table_new (NULL, NULL);
}

void
tj_csv_import_clear (TjCsvImport *import)
{
  g_clear_pointer (&import->index, g_free);
  g_clear_pointer (&import->headers, g_strfreev);
  g_clear_pointer (&import->text_lines, g_hash_table_unref);
  g_clear_pointer (&import->sheet_read, g_free);
}

/* What tj_csv_read_rows gives a workbook's rows to. */
typedef struct
{
  TjCsvRecordFunc func;
  gpointer user_data;
} RowsReader;

static gboolean
rows_workbook_row_cb (guint         row,
                      char        **cells,
                      guint         n_cells,
                      const guint  *uncomputed,
                      guint         n_uncomputed,
                      gpointer      user_data,
                      GError      **error)
{
  RowsReader *reader = user_data;

  return reader->func (row, cells, n_cells, reader->user_data, error);
}

/* Gives func every row of the file at path, a workbook (its first sheet; a row numbered as
 * Excel shows it) or CSV (UTF-8 or GB18030; a record by its line): for a look at a file before
 * it is imported. FALSE when the file cannot be read, or func returned FALSE (with error set
 * when it failed; without, when it stopped). */
gboolean
tj_csv_read_rows (const char       *path,
                  TjCsvRecordFunc   func,
                  gpointer          user_data,
                  GError          **error)
{
  RowsReader reader = { func, user_data };
  g_autofree char *text = NULL;
  TjWorkbookFormat format;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && func != NULL, FALSE);

  if (!tj_workbook_sniff (path, &format, error))
    return FALSE;
  if (format != TJ_WORKBOOK_NONE)
    return tj_workbook_read (path, format, NULL, NULL, rows_workbook_row_cb, &reader, error);
  text = tj_csv_read_file (path, &length, error);
  return text != NULL && tj_csv_parse (text, length, func, user_data, error);
}

/* Reads a CSV file (UTF-8 or GB18030) through import's callbacks. */
static gboolean
import_read_text (TjCsvImport *import,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (FILE) file = NULL;
  Source source = { 0 };
  gboolean utf8 = FALSE;
  gsize length = 0;

  if (import->sheet != NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” is a CSV file, not a workbook: it has no sheet “%s”."), path,
                   import->sheet);
      return FALSE;
    }
  /* UTF-8 is parsed as it is read; GB18030 is converted whole first. */
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  if (!file_is_utf8 (file, &utf8, error))
    return FALSE;
  if (utf8)
    {
      source.file = file;
      source.buffer = buffer = g_malloc (PARSE_BLOCK);
    }
  else
    {
      text = tj_csv_read_file (path, &length, error);
      if (text == NULL)
        return FALSE;
      source.text = text;
      source.length = length;
    }
  if (import->prepare != NULL && !import->prepare (import, error))
    return FALSE;

  if (!parse_source (&source, NULL, import_record_read_cb, import, &local) && local != NULL)
    {
      /* A quote left open; anything else is the database failing. */
      if (!g_error_matches (local, TJ_ERROR, TJ_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (import->errors, g_strdup (local->message));
      import->bad_rows++;
    }
  return TRUE;
}

/* Reads the file, a workbook (.xlsx or .xls, told by its content: import's sheet, else the
 * first) or CSV (UTF-8 or GB18030): finds the header among the first rows, then gives every row
 * to read_row. FALSE with error when the file cannot be read or is empty (empty_message), or
 * when prepare or a row fails; otherwise TRUE, the file's problems in errors. */
gboolean
tj_csv_import_read (TjCsvImport *import,
                    const char  *path,
                    const char  *empty_message,
                    GError     **error)
{
  TjWorkbookFormat format;

  g_return_val_if_fail (import->read_row != NULL, FALSE);

  if (!tj_workbook_sniff (path, &format, error))
    return FALSE;
  if (format == TJ_WORKBOOK_NONE)
    {
      if (!import_read_text (import, path, error))
        return FALSE;
    }
  else
    {
      if (import->prepare != NULL && !import->prepare (import, error))
        return FALSE;
      g_autoptr (GError) local = NULL;

      g_clear_pointer (&import->sheet_read, g_free);
      /* stopped without an error: the header was not found or has a problem */
      if (!tj_workbook_read (path, format, import->sheet, &import->sheet_read,
                             import_workbook_row_cb, import, &local) && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  tj_csv_sum_up_long_rows (import->warnings, import->long_rows);

  if (import->n_records == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID, empty_message);
      return FALSE;
    }
  if (import->headers == NULL)
    {
      g_ptr_array_add (import->errors, g_strdup_printf (_("The file has no “%s” column."),
                                                        import->columns[import->anchor]));
      import->header_problems++;
    }
  return TRUE;
}

/* The file's header of a known column, or the column's own name when the file lacks it. */
const char *
tj_csv_import_header (TjCsvImport *import,
                      guint        column)
{
  if (import->index[column] >= 0)
    return import->headers[import->index[column]];
  return import->columns[column];
}

void
tj_csv_import_add_error (TjCsvImport *import,
                         guint        line,
                         guint        column,
                         const char  *message)
{
  g_ptr_array_add (import->errors,
                   tj_csv_import_cell_message (import, line,
                                               tj_csv_import_header (import, column), message));
}

/* Takes a row's cell of each known column into values, cleaned: NULL for a column the file
 * lacks, "" past the end of a short row; notes a row longer than the header. Returns FALSE when
 * the row is empty but for the column serial (-1 for none): a blank line of the template. */
gboolean
tj_csv_import_row_values (TjCsvImport *import,
                          guint        line,
                          char       **cells,
                          guint        n_cells,
                          int          serial,
                          const char **values)
{
  gboolean empty = TRUE;

  for (guint c = 0; c < import->n_columns; c++)
    {
      int i = import->index[c];

      values[c] = i < 0 ? NULL : (guint) i < n_cells ? tj_csv_clean_cell (cells[i]) : "";
      if ((int) c != serial && values[c] != NULL && *values[c] != '\0')
        empty = FALSE;
    }
  if (n_cells > import->n_headers)
    tj_csv_note_long_row (import->warnings, &import->long_rows, line, cells, n_cells,
                          import->n_headers);
  return !empty;
}

TjCsvWriter *
tj_csv_writer_new (void)
{
  TjCsvWriter *self = g_new0 (TjCsvWriter, 1);

  self->data = g_string_new (utf8_bom);
  return self;
}

void
tj_csv_writer_free (TjCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->data, TRUE);
  g_free (self);
}

/* NULL cells are written empty. libcsv quotes every cell and doubles its quotes. Every cell is
 * text: one that begins like a formula is escaped (tj_csv_escape_cell). */
void
tj_csv_writer_add_row (TjCsvWriter       *self,
                       const char *const *cells,
                       guint              n_cells)
{
  tj_csv_writer_add_row_full (self, cells, n_cells, NULL);
}

/* As tj_csv_writer_add_row; figures, when not NULL, tells the cells that are numbers Tuijin
 * formatted ("-12.50"), which stay as they are when they are plain numbers. */
void
tj_csv_writer_add_row_full (TjCsvWriter       *self,
                            const char *const *cells,
                            guint              n_cells,
                            const gboolean    *figures)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *owned = NULL;
      const char *cell = tj_csv_escape_cell (cells[i] != NULL ? cells[i] : "",
                                             figures != NULL && figures[i], &owned);
      gsize cell_length = strlen (cell);
      gsize start, needed;

      if (i > 0)
        g_string_append_c (self->data, ',');
      start = self->data->len;
      needed = csv_write (NULL, 0, cell, cell_length);
      g_string_set_size (self->data, start + needed);
      csv_write (self->data->str + start, needed, cell, cell_length);
    }
  g_string_append (self->data, "\r\n");
}

const char *
tj_csv_writer_get_data (TjCsvWriter *self,
                        gsize       *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (length != NULL)
    *length = self->data->len;
  return self->data->str;
}

/* Writes a temporary file beside the target and renames it over the target only when complete
 * (tj-output-file): a failed or cancelled export never leaves a half file. */
gboolean
tj_csv_writer_save (TjCsvWriter *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr (TjOutputFile) output = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = tj_output_file_new (path, error);
  return output != NULL && tj_output_file_write (output, self->data->str, self->data->len, error) &&
         tj_output_file_commit (output, error);
}

/* output: a TjOutputFile (the header of tj-csv is included where tj-output-file's is not). */
gboolean
tj_csv_writer_write_to (TjCsvWriter *self,
                        gpointer     output,
                        GError     **error)
{
  g_return_val_if_fail (self != NULL && output != NULL, FALSE);

  if (!tj_output_file_write (output, self->data->str, self->data->len, error))
    return FALSE;
  g_string_truncate (self->data, 0);
  return TRUE;
}
