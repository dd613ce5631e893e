/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-workbook"
#include "config.h"

#include <errno.h>
#include <freexl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tj-error.h"
#include "tj-workbook.h"

/* Reading a workbook's rows: .xlsx through libgsf (the zip container) and libxml2's streaming
 * reader (the parts, never a whole sheet in memory, as Gnumeric reads them); .xls through FreeXL.
 * Every cell becomes text as the CSV reader gives it, so an import reads either the same way. */

/* libgsf 1.14.50 (Debian 12) declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* Excel's last column is XFD; a cell reference beyond it is not read. */
#define MAX_COLUMNS 16384

/* A sheet of the workbook: its name and its part in the zip (xlsx) or its index (xls). */
typedef struct
{
  char *name;
  char *part;
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

/* What reading a row of a sheet holds: its cells' texts one after the other in one buffer
 * (each ended by its NUL, written in place by the reader of the row), not one allocation per
 * cell; the pointers func gets are made once the row is read, when the buffer no longer moves. */
typedef struct
{
  GString *text;        /* the row's cells' texts */
  GArray *offsets;      /* gsize per column: where its text starts in text, or NO_TEXT */
  GPtrArray *cells;     /* char *, into text: what func gets */
  GArray *uncomputed;   /* guint, the columns whose formula has no cached value */
  gboolean has_value;
  guint row;
} RowCells;

#define NO_TEXT G_MAXSIZE

static void
row_cells_init (RowCells *cells)
{
  cells->text = g_string_sized_new (1024);
  cells->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  cells->cells = g_ptr_array_new ();
  cells->uncomputed = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
row_cells_clear (RowCells *cells)
{
  g_string_free (cells->text, TRUE);
  g_array_unref (cells->offsets);
  g_ptr_array_unref (cells->cells);
  g_array_unref (cells->uncomputed);
}

static void
row_cells_start (RowCells *cells,
                 guint     row)
{
  g_string_truncate (cells->text, 0);
  g_array_set_size (cells->offsets, 0);
  g_array_set_size (cells->uncomputed, 0);
  cells->has_value = FALSE;
  cells->row = row;
}

/* Places a copy of the length bytes of value in column: the columns a row skips are empty. */
static void
row_cells_put (RowCells   *cells,
               guint       column,
               const char *value,
               gsize       length)
{
  gsize offset = cells->text->len;

  while (cells->offsets->len <= column)
    {
      gsize none = NO_TEXT;

      g_array_append_val (cells->offsets, none);
    }
  g_array_index (cells->offsets, gsize, column) = offset;
  g_string_append_len (cells->text, value, length);
  g_string_append_c (cells->text, '\0');
  if (length > 0)
    cells->has_value = TRUE;
}

static gboolean
row_cells_give (RowCells          *cells,
                TjWorkbookRowFunc  func,
                gpointer           user_data,
                GError           **error)
{
  gsize *offsets = (gsize *) cells->offsets->data;
  guint n = cells->offsets->len;

  if (!cells->has_value && cells->uncomputed->len == 0)
    return TRUE;
  /* a skipped column gets an empty text of its own, before the buffer is pointed into */
  for (guint c = 0; c < n; c++)
    if (offsets[c] == NO_TEXT)
      {
        offsets[c] = cells->text->len;
        g_string_append_c (cells->text, '\0');
      }
  g_ptr_array_set_size (cells->cells, n);
  for (guint c = 0; c < n; c++)
    cells->cells->pdata[c] = cells->text->str + offsets[c];
  return func (cells->row, (char **) cells->cells->pdata, n,
               (const guint *) cells->uncomputed->data, cells->uncomputed->len, user_data, error);
}

gboolean
tj_workbook_sniff (const char       *path,
                   TjWorkbookFormat *format,
                   GError          **error)
{
  static const guchar zip[] = { 'P', 'K', 3, 4 };
  static const guchar ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar head[8] = { 0 };
  FILE *file;
  size_t length;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  length = fread (head, 1, sizeof head, file);
  fclose (file);
  *format = TJ_WORKBOOK_NONE;
  if (length >= sizeof zip && memcmp (head, zip, sizeof zip) == 0)
    *format = TJ_WORKBOOK_XLSX;
  else if (length == sizeof ole2 && memcmp (head, ole2, sizeof ole2) == 0)
    *format = TJ_WORKBOOK_XLS;
  return TRUE;
}

/* "A", "Z", "AA", "XFD" for columns 0, 25, 26, 16383. */
char *
tj_workbook_column_letters (guint column)
{
  char letters[8];
  guint n = G_N_ELEMENTS (letters) - 1;

  letters[n] = '\0';
  do
    {
      letters[--n] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && n > 0);
  return g_strdup (letters + n);
}

/* The column of a reference such as "D12" (3), or -1 when it names none. */
static int
reference_column (const char *reference)
{
  guint column = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return -1;
    }
  if (p == reference)
    return -1;
  return (int) column - 1;
}

/* whole with its last decimals digits after a point ("0.05" for 5 and 2) into text, after a
 * minus when negative; returns its length. */
static gsize
format_scaled (gboolean  negative,
               guint64   whole,
               guint     decimals,
               char     *text)
{
  char digits[24];
  gsize n = 0, length = 0;

  do
    {
      digits[n++] = (char) ('0' + whole % 10);
      whole /= 10;
    }
  while (whole > 0);
  while (n <= decimals)
    digits[n++] = '0';
  if (negative)
    text[length++] = '-';
  while (n > 0)
    {
      if (n == decimals)
        text[length++] = '.';
      text[length++] = digits[--n];
    }
  text[length] = '\0';
  return length;
}

/* The shortest text that reads back to value (1234.56, not 1234.5599999999999) into text, of
 * G_ASCII_DTOSTR_BUF_SIZE bytes; returns its length. Amounts in a workbook have a few
 * decimals: up to 4 are tried as digits before printf's %g, which gives the same text for them
 * (at most 15 significant digits, fixed notation from 0.0001 on) at a tenth of the cost. */
static gsize
format_number (double value,
               char  *text)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  double magnitude = fabs (value);
  double scaled = magnitude;

  /* a whole number of up to 15 digits (序号, 万元 without decimals) as it is */
  if (magnitude < 1e15 && value == (double) (gint64) value)
    return format_scaled (value < 0, (guint64) magnitude, 0, text);
  for (guint decimals = 1; decimals <= 4 && (scaled *= 10) < 1e15; decimals++)
    {
      guint64 whole = (guint64) llround (scaled);
      gsize length;

      if (whole == 0 || whole % 10 == 0)
        continue;
      length = format_scaled (value < 0, whole, decimals, text);
      if (g_ascii_strtod (text, NULL) == value)
        return length;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  return strlen (text);
}

char *
tj_workbook_format_number (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  format_number (value, text);
  return g_strdup (text);
}

/* The ISO date of an Excel serial number, or NULL when it is none. Excel counts 1900 as a leap
 * year (serial 60 is 1900-02-29, a day that never was: given as written, so the date reader names
 * the cell); the 1904 system counts from 1904-01-01. The time of day is dropped. */
char *
tj_workbook_serial_date (double   serial,
                         gboolean date1904)
{
  g_autoptr (GDate) date = NULL;
  double days = floor (serial);

  if (!isfinite (serial) || days < (date1904 ? 0 : 1) || days > 2958465)
    return NULL;
  if (!date1904 && days == 60)
    return g_strdup ("1900-02-29");
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days < 60)
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
  else
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Whether a number format shows a date: built-in formats 14–22 and, as Chinese Excel and WPS
 * write them, 27–36 and 50–58 (yyyy"年"m"月"d"日" and the like); a custom format (code) with a
 * year or a day, or a month without hours or seconds, outside quotes and brackets. */
gboolean
tj_workbook_format_is_date (guint       id,
                            const char *code)
{
  gboolean month = FALSE, time = FALSE;

  if (code == NULL)
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
  for (const char *p = code; *p != '\0'; p++)
    switch (g_ascii_tolower (*p))
      {
      case '"':
        p = strchr (p + 1, '"');
        if (p == NULL)
          return FALSE;
        break;
      case '[':
        p = strchr (p + 1, ']');
        if (p == NULL)
          return FALSE;
        break;
      case '\\':
      case '_':
      case '*':
        if (p[1] == '\0')
          return FALSE;
        p++;
        break;
      case 'y':
      case 'd':
        return TRUE;
      case 'm':
        month = TRUE;
        break;
      case 'h':
      case 's':
        time = TRUE;
        break;
      default:
        break;
      }
  return month && !time;
}

/* The .xlsx parts. */

typedef struct
{
  GsfInput *input;
  char *name;
} Part;

static int
part_read_cb (void *context,
              char *buffer,
              int   length)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  size_t n = MIN ((gsf_off_t) length, remaining);

  if (n == 0)
    return 0;
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

/* The part at path ("xl/worksheets/sheet1.xml") of the zip, or NULL. */
static GsfInput *
open_part (GsfInfile  *zip,
           const char *path)
{
  g_auto (GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; names[i] != NULL && input != NULL; i++)
    {
      GsfInput *child;

      if (*names[i] == '\0')
        continue;
      child = GSF_IS_INFILE (input) ? gsf_infile_child_by_name (GSF_INFILE (input), names[i])
                                    : NULL;
      g_object_unref (input);
      input = child;
    }
  return input;
}

static xmlTextReaderPtr
part_reader (GsfInput *input)
{
  return xmlReaderForIO (part_read_cb, NULL, input, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_HUGE);
}

static gboolean
damaged (const char  *path,
         const char  *part,
         GError     **error)
{
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s” is not a readable Excel workbook: its part “%s” is missing or damaged."),
               path, part);
  return FALSE;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  int type = xmlTextReaderNodeType (reader);

  return (type == XML_READER_TYPE_END_ELEMENT ||
          (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader))) &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_CDATA;
}

/* An attribute by its local name, whatever its namespace prefix; a new string or NULL. */
static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    if (g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name))
      value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  while (value == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

/* The workbook's sheets in order, their parts from its relationships, and its date system. */
typedef struct
{
  const char *path;
  GsfInfile *zip;
  GPtrArray *sheets;      /* Sheet */
  gboolean date1904;
  GString *strings;       /* the shared strings one after the other, each ended by its NUL */
  GArray *string_starts;  /* gsize per shared string: where it starts in strings */
  GArray *date_styles;    /* gboolean per cell style (the s attribute) */
} Xlsx;

static gboolean
read_workbook_part (Xlsx    *xlsx,
                    GError **error)
{
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GsfInput) rels = open_part (xlsx->zip, "xl/_rels/workbook.xml.rels");
  g_autoptr (GsfInput) book = open_part (xlsx->zip, "xl/workbook.xml");
  xmlTextReaderPtr reader;
  int rc;

  if (rels == NULL || book == NULL)
    return damaged (xlsx->path, "xl/workbook.xml", error);
  reader = part_reader (rels);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "Relationship"))
      {
        char *id = attribute (reader, "Id");
        char *target = attribute (reader, "Target");

        if (id != NULL && target != NULL)
          g_hash_table_replace (targets, id, target);
        else
          {
            g_free (id);
            g_free (target);
          }
      }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return damaged (xlsx->path, "xl/_rels/workbook.xml.rels", error);

  reader = part_reader (book);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "workbookPr"))
      {
        g_autofree char *system = attribute (reader, "date1904");

        xlsx->date1904 = system != NULL && (g_str_equal (system, "1") ||
                                            g_str_equal (system, "true"));
      }
    else if (is_element (reader, "sheet"))
      {
        g_autofree char *id = attribute (reader, "id");
        const char *target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
        Sheet *sheet;

        if (target == NULL)
          continue;
        sheet = g_new0 (Sheet, 1);
        sheet->name = attribute (reader, "name");
        if (sheet->name == NULL)
          sheet->name = g_strdup ("");
        /* a target is relative to xl/, or absolute from the package's root */
        sheet->part = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
        g_ptr_array_add (xlsx->sheets, sheet);
      }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return damaged (xlsx->path, "xl/workbook.xml", error);
  return TRUE;
}

/* The shared strings: a string item's text runs, without its phonetic guide (rPh). */
static gboolean
read_shared_strings (Xlsx    *xlsx,
                     GError **error)
{
  g_autoptr (GsfInput) input = open_part (xlsx->zip, "xl/sharedStrings.xml");
  g_autoptr (GString) text = g_string_new ("");
  gboolean in_text = FALSE, in_phonetic = FALSE;
  xmlTextReaderPtr reader;
  int rc;

  if (input == NULL)
    return TRUE;
  reader = part_reader (input);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "si"))
        g_string_truncate (text, 0);
      if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        in_phonetic = TRUE;
      else if (is_end (reader, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (reader, "t") && !xmlTextReaderIsEmptyElement (reader))
        in_text = !in_phonetic;
      else if (is_end (reader, "t"))
        in_text = FALSE;
      else if (in_text && is_text (reader))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
      if (is_end (reader, "si"))
        {
          gsize start = xlsx->strings->len;

          g_array_append_val (xlsx->string_starts, start);
          g_string_append_len (xlsx->strings, text->str, text->len + 1);
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return damaged (xlsx->path, "xl/sharedStrings.xml", error);
  return TRUE;
}

/* Which cell styles show a date: the cellXfs' number formats, built-in or the workbook's own. */
static gboolean
read_styles (Xlsx    *xlsx,
             GError **error)
{
  g_autoptr (GsfInput) input = open_part (xlsx->zip, "xl/styles.xml");
  g_autoptr (GHashTable) codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gboolean in_cell_xfs = FALSE;
  xmlTextReaderPtr reader;
  int rc;

  if (input == NULL)
    return TRUE;
  reader = part_reader (input);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "numFmt"))
      {
        g_autofree char *id = attribute (reader, "numFmtId");
        char *code = attribute (reader, "formatCode");

        if (id != NULL && code != NULL)
          g_hash_table_replace (codes, GUINT_TO_POINTER (atoi (id)), code);
        else
          g_free (code);
      }
    else if (is_element (reader, "cellXfs") && !xmlTextReaderIsEmptyElement (reader))
      in_cell_xfs = TRUE;
    else if (is_end (reader, "cellXfs"))
      in_cell_xfs = FALSE;
    else if (in_cell_xfs && is_element (reader, "xf"))
      {
        g_autofree char *id_text = attribute (reader, "numFmtId");
        guint id = id_text != NULL ? (guint) atoi (id_text) : 0;
        const char *code = g_hash_table_lookup (codes, GUINT_TO_POINTER (id));
        gboolean date = id < 164 && code == NULL ? tj_workbook_format_is_date (id, NULL)
                                                 : code != NULL &&
                                                   tj_workbook_format_is_date (id, code);

        g_array_append_val (xlsx->date_styles, date);
      }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return damaged (xlsx->path, "xl/styles.xml", error);
  return TRUE;
}

/* One cell as it is read: its attributes, then its value's text. */
/* A cell's t attribute. */
typedef enum
{
  CELL_NUMBER, /* n, or none */
  CELL_SHARED, /* s: an index into the shared strings */
  CELL_TEXT,   /* inlineStr, str (a formula's text), e (an error: #N/A) */
  CELL_BOOLEAN,
  CELL_DATE,   /* d: an ISO date and time */
} CellType;

/* The cell being read. */
typedef struct
{
  guint column;
  guint style;
  CellType type;
  GString *value;
  gboolean has_formula;
  gboolean in_value;  /* inside <v>, or inside an inline string's <t> */
  gboolean in_phonetic;
} Cell;

static CellType
cell_type (const char *t)
{
  if (g_str_equal (t, "s"))
    return CELL_SHARED;
  if (g_str_equal (t, "b"))
    return CELL_BOOLEAN;
  if (g_str_equal (t, "d"))
    return CELL_DATE;
  if (g_str_equal (t, "inlineStr") || g_str_equal (t, "str") || g_str_equal (t, "e"))
    return CELL_TEXT;
  return CELL_NUMBER;
}

/* The cell's text into its column of row; uncomputed set for a formula without its value. */
static void
put_cell (Xlsx     *xlsx,
          Cell     *cell,
          RowCells *row,
          gboolean *uncomputed)
{
  const char *value = cell->value->str;
  char number_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *date = NULL;
  char *end = NULL;
  double number;

  *uncomputed = FALSE;
  switch (cell->type)
    {
    case CELL_SHARED:
      {
        guint64 index = g_ascii_strtoull (value, &end, 10);
        GArray *starts = xlsx->string_starts;
        gsize start = 0, next = 1; /* "" */

        /* the strings are held one after the other, each with its NUL: a length is known */
        if (end != value && index < starts->len)
          {
            start = g_array_index (starts, gsize, index);
            next = index + 1 < starts->len ? g_array_index (starts, gsize, index + 1)
                                           : xlsx->strings->len;
          }
        row_cells_put (row, cell->column, xlsx->strings->str + start, next - start - 1);
        return;
      }
    case CELL_TEXT:
      row_cells_put (row, cell->column, value, cell->value->len);
      return;
    case CELL_BOOLEAN:
      value = *value == '\0' ? "" : g_str_equal (value, "1") ? "TRUE" : "FALSE";
      row_cells_put (row, cell->column, value, strlen (value));
      return;
    case CELL_DATE:
      row_cells_put (row, cell->column, value, strcspn (value, "T"));
      return;
    case CELL_NUMBER:
    default:
      break;
    }
  if (*value == '\0')
    {
      *uncomputed = cell->has_formula;
      row_cells_put (row, cell->column, "", 0);
      return;
    }
  number = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0')
    {
      row_cells_put (row, cell->column, value, cell->value->len);
      return;
    }
  if (cell->style < xlsx->date_styles->len &&
      g_array_index (xlsx->date_styles, gboolean, cell->style) &&
      (date = tj_workbook_serial_date (number, xlsx->date1904)) != NULL)
    {
      row_cells_put (row, cell->column, date, strlen (date));
      return;
    }
  row_cells_put (row, cell->column, number_text, format_number (number, number_text));
}

/* The names a sheet is read by, interned in the parser's dictionary as its elements' names are:
 * compared by pointer, not letter by letter (a sheet has millions of elements). */
typedef struct
{
  const char *row, *c, *f, *v, *t, *rPh, *r, *s;
} SheetNames;

static void
sheet_names_intern (SheetNames *names,
                    xmlDictPtr  dict)
{
#define INTERN(name) (const char *) xmlDictLookup (dict, BAD_CAST (name), -1)
  names->row = INTERN ("row");
  names->c = INTERN ("c");
  names->f = INTERN ("f");
  names->v = INTERN ("v");
  names->t = INTERN ("t");
  names->rPh = INTERN ("rPh");
  names->r = INTERN ("r");
  names->s = INTERN ("s");
#undef INTERN
}

/* A sheet read by libxml2's SAX2 push parser: no node is built for an element, the part is
 * given to it in large pieces. */
typedef struct
{
  Xlsx *xlsx;
  SheetNames names;
  RowCells row;
  Cell cell;
  gboolean in_row;
  gboolean in_cell;
  TjWorkbookRowFunc func;
  gpointer user_data;
  GError **error;
  gboolean ok;
  xmlParserCtxtPtr parser;
} SheetRead;

/* The value of the i-th of an element's SAX2 attributes (not ended by a NUL there) into text,
 * cut to its size. */
static const char *
sax_attribute_value (const xmlChar **attributes,
                     int             i,
                     char           *text,
                     gsize           size)
{
  gsize length = (gsize) (attributes[5 * i + 4] - attributes[5 * i + 3]);

  length = MIN (length, size - 1);
  memcpy (text, attributes[5 * i + 3], length);
  text[length] = '\0';
  return text;
}

static void
sheet_start (void           *data,
             const xmlChar  *localname,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_namespaces,
             const xmlChar **namespaces,
             int             n_attributes,
             int             n_defaulted,
             const xmlChar **attributes)
{
  SheetRead *read = data;
  const char *name = (const char *) localname;
  Cell *cell = &read->cell;
  char value[64];

  if (name == read->names.row)
    {
      guint number = read->row.row + 1;

      for (int i = 0; i < n_attributes; i++)
        if ((const char *) attributes[5 * i] == read->names.r)
          number = (guint) atoi (sax_attribute_value (attributes, i, value, sizeof value));
      row_cells_start (&read->row, number);
      read->in_row = TRUE;
    }
  else if (read->in_row && name == read->names.c)
    {
      int column = -1;

      cell->style = 0;
      cell->type = CELL_NUMBER;
      for (int i = 0; i < n_attributes; i++)
        {
          const char *attribute = (const char *) attributes[5 * i];

          if (attribute == read->names.r)
            column = reference_column (sax_attribute_value (attributes, i, value, sizeof value));
          else if (attribute == read->names.s)
            cell->style = (guint) atoi (sax_attribute_value (attributes, i, value, sizeof value));
          else if (attribute == read->names.t)
            cell->type = cell_type (sax_attribute_value (attributes, i, value, sizeof value));
        }
      cell->column = column >= 0 ? (guint) column : read->row.offsets->len;
      g_string_truncate (cell->value, 0);
      cell->has_formula = cell->in_value = cell->in_phonetic = FALSE;
      read->in_cell = TRUE;
    }
  else if (!read->in_cell)
    ;
  else if (name == read->names.f)
    cell->has_formula = TRUE;
  else if (name == read->names.rPh)
    cell->in_phonetic = TRUE;
  else if (name == read->names.v || name == read->names.t)
    cell->in_value = !cell->in_phonetic;
}

static void
sheet_end (void          *data,
           const xmlChar *localname,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  SheetRead *read = data;
  const char *name = (const char *) localname;
  Cell *cell = &read->cell;

  if (!read->in_cell)
    ;
  else if (name == read->names.rPh)
    cell->in_phonetic = FALSE;
  else if (name == read->names.v || name == read->names.t)
    cell->in_value = FALSE;
  else if (name == read->names.c)
    {
      gboolean no_value = FALSE;

      if (cell->column < MAX_COLUMNS)
        {
          put_cell (read->xlsx, cell, &read->row, &no_value);
          if (no_value)
            g_array_append_val (read->row.uncomputed, cell->column);
        }
      read->in_cell = FALSE;
    }
  if (read->in_row && name == read->names.row && read->ok)
    {
      read->ok = row_cells_give (&read->row, read->func, read->user_data, read->error);
      read->in_row = FALSE;
      if (!read->ok)
        xmlStopParser (read->parser);
    }
}

static void
sheet_text (void          *data,
            const xmlChar *text,
            int            length)
{
  SheetRead *read = data;

  if (read->in_cell && read->cell.in_value)
    g_string_append_len (read->cell.value, (const char *) text, length);
}

/* libxml2's messages stay quiet: a damaged part is named by damaged (). */
static void
sheet_error (void        *data,
             xmlErrorPtr  problem)
{
}

#define SHEET_PIECE (256 * 1024)

/* Streams the sheet's rows to func. */
static gboolean
read_sheet (Xlsx               *xlsx,
            Sheet              *sheet,
            TjWorkbookRowFunc   func,
            gpointer            user_data,
            GError            **error)
{
  g_autoptr (GsfInput) input = open_part (xlsx->zip, sheet->part);
  g_autoptr (GString) value = g_string_new ("");
  g_autofree guint8 *piece = NULL;
  xmlSAXHandler handler = { 0 };
  SheetRead read = { 0 };
  gboolean well_formed = TRUE;

  if (input == NULL)
    return damaged (xlsx->path, sheet->part, error);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = sheet_start;
  handler.endElementNs = sheet_end;
  handler.characters = sheet_text;
  handler.ignorableWhitespace = sheet_text;
  handler.cdataBlock = sheet_text;
  handler.serror = sheet_error;
  read.xlsx = xlsx;
  read.cell.value = value;
  read.func = func;
  read.user_data = user_data;
  read.error = error;
  read.ok = TRUE;
  read.parser = xmlCreatePushParserCtxt (&handler, &read, NULL, 0, NULL);
  if (read.parser == NULL)
    return damaged (xlsx->path, sheet->part, error);
  xmlCtxtUseOptions (read.parser, XML_PARSE_NONET | XML_PARSE_HUGE);
  sheet_names_intern (&read.names, read.parser->dict);
  row_cells_init (&read.row);
  piece = g_malloc (SHEET_PIECE);
  while (read.ok && well_formed)
    {
      gsf_off_t n = MIN (gsf_input_remaining (input), SHEET_PIECE);

      if (n > 0 && gsf_input_read (input, n, piece) == NULL)
        well_formed = FALSE;
      else if (xmlParseChunk (read.parser, (const char *) piece, (int) n, n == 0) != 0 ||
               !read.parser->wellFormed)
        well_formed = FALSE;
      else if (n == 0)
        break;
    }
  xmlFreeParserCtxt (read.parser);
  row_cells_clear (&read.row);
  if (!read.ok)
    return FALSE;
  if (!well_formed)
    return damaged (xlsx->path, sheet->part, error);
  return TRUE;
}

/* The sheet named name, or the first when name is NULL; an error naming the sheets there are
 * when the workbook has no such sheet. */
static Sheet *
choose_sheet (const char  *path,
              GPtrArray   *sheets,
              const char  *name,
              GError     **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (sheets, i);

      if (name == NULL || g_str_equal (sheet->name, name))
        return sheet;
      g_ptr_array_add (names, sheet->name);
    }
  if (name == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("The workbook “%s” has no sheet."), path);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (_(", "), (char **) names->pdata);
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("The workbook “%s” has no sheet “%s”; its sheets are: %s."), path, name, list);
  return NULL;
}

static gboolean
read_xlsx (const char         *path,
           const char         *sheet_name,
           char              **sheet_read,
           TjWorkbookRowFunc   func,
           gpointer            user_data,
           GError            **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_free);
  g_autoptr (GString) strings = g_string_new (NULL);
  g_autoptr (GArray) string_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GArray) date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GsfInfile) zip = NULL;
  Xlsx xlsx = { path, NULL, sheets, FALSE, strings, string_starts, date_styles };
  Sheet *sheet;

  input = gsf_input_stdio_new (path, &local);
  if (input != NULL)
    zip = gsf_infile_zip_new (input, &local);
  if (zip == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” is not a readable Excel workbook: %s"), path, local->message);
      return FALSE;
    }
  xlsx.zip = zip;
  if (!read_workbook_part (&xlsx, error))
    return FALSE;
  sheet = choose_sheet (path, sheets, sheet_name, error);
  if (sheet == NULL || !read_shared_strings (&xlsx, error) || !read_styles (&xlsx, error))
    return FALSE;
  if (sheet_read != NULL)
    *sheet_read = g_strdup (sheet->name);
  return read_sheet (&xlsx, sheet, func, user_data, error);
}

/* The .xls: FreeXL gives each cell typed, dates as text already. */

static char *
xls_cell_text (const FreeXL_CellValue *value)
{
  switch (value->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", value->value.int_value);
    case FREEXL_CELL_DOUBLE:
      return tj_workbook_format_number (value->value.double_value);
    case FREEXL_CELL_DATETIME:
      if (g_str_has_suffix (value->value.text_value, " 00:00:00"))
        return g_strndup (value->value.text_value, 10);
      return g_strdup (value->value.text_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
      return g_strdup (value->value.text_value != NULL ? value->value.text_value : "");
    default:
      return g_strdup ("");
    }
}

static gboolean
xls_failed (const char  *path,
            int          code,
            GError     **error)
{
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s” is not a readable Excel 97–2003 workbook (FreeXL error %d)."), path, code);
  return FALSE;
}

static gboolean
read_xls (const char         *path,
          const char         *sheet_name,
          char              **sheet_read,
          TjWorkbookRowFunc   func,
          gpointer            user_data,
          GError            **error)
{
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_free);
  RowCells row;
  const void *handle = NULL;
  unsigned int count = 0, n_rows = 0;
  unsigned short n_columns = 0;
  gboolean ok = TRUE;
  Sheet *sheet;
  int rc;

  rc = freexl_open (path, &handle);
  if (rc == FREEXL_OK)
    rc = freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count);
  for (unsigned int i = 0; rc == FREEXL_OK && i < count && i < G_MAXUSHORT; i++)
    {
      const char *name = NULL;

      rc = freexl_get_worksheet_name (handle, i, &name);
      if (rc == FREEXL_OK)
        {
          sheet = g_new0 (Sheet, 1);
          sheet->name = g_strdup (name != NULL ? name : "");
          sheet->part = g_strdup_printf ("%u", i);
          g_ptr_array_add (sheets, sheet);
        }
    }
  if (rc != FREEXL_OK)
    {
      if (handle != NULL)
        freexl_close (handle);
      return xls_failed (path, rc, error);
    }
  sheet = choose_sheet (path, sheets, sheet_name, error);
  if (sheet == NULL)
    {
      freexl_close (handle);
      return FALSE;
    }
  if (sheet_read != NULL)
    *sheet_read = g_strdup (sheet->name);
  row_cells_init (&row);
  rc = freexl_select_active_worksheet (handle, (unsigned short) atoi (sheet->part));
  if (rc == FREEXL_OK)
    rc = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  for (unsigned int r = 0; ok && rc == FREEXL_OK && r < n_rows; r++)
    {
      row_cells_start (&row, r + 1);
      for (unsigned short c = 0; rc == FREEXL_OK && c < n_columns; c++)
        {
          FreeXL_CellValue value;

          rc = freexl_get_cell_value (handle, r, c, &value);
          if (rc == FREEXL_OK)
            {
              g_autofree char *text = xls_cell_text (&value);

              row_cells_put (&row, c, text, strlen (text));
            }
        }
      if (rc == FREEXL_OK)
        ok = row_cells_give (&row, func, user_data, error);
    }
  freexl_close (handle);
  row_cells_clear (&row);
  if (ok && rc != FREEXL_OK)
    return xls_failed (path, rc, error);
  return ok;
}

/* Reads the sheet named sheet (the first when NULL) of the workbook at path, of format (from
 * tj_workbook_sniff), giving func each row with a value; sheet_read, when not NULL, is set to
 * the sheet's name. FALSE with error when the workbook cannot be read, has no such sheet (the
 * message names those it has), or func fails. */
gboolean
tj_workbook_read (const char         *path,
                  TjWorkbookFormat    format,
                  const char         *sheet,
                  char              **sheet_read,
                  TjWorkbookRowFunc   func,
                  gpointer            user_data,
                  GError            **error)
{
  g_return_val_if_fail (path != NULL && func != NULL, FALSE);
  g_return_val_if_fail (format == TJ_WORKBOOK_XLSX || format == TJ_WORKBOOK_XLS, FALSE);

  if (format == TJ_WORKBOOK_XLSX)
    return read_xlsx (path, sheet, sheet_read, func, user_data, error);
  return read_xls (path, sheet, sheet_read, func, user_data, error);
}
