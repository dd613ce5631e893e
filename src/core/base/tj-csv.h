/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once per record. line is the physical line of the file where the record starts (1 for
 * the first); cells may be changed in place and are valid until the function returns. Returning
 * FALSE with error set stops the parse, which then fails with that error. */
typedef gboolean (*TjCsvRecordFunc) (guint     line,
                                     char    **cells,
                                     guint     n_cells,
                                     gpointer  user_data,
                                     GError  **error);

char *tj_csv_decode (const char *bytes,
                     gsize       length,
                     gsize      *text_length,
                     GError    **error);
char *tj_csv_read_file (const char *path,
                        gsize      *text_length,
                        GError    **error);
gboolean tj_csv_parse (const char      *text,
                       gsize            length,
                       TjCsvRecordFunc  func,
                       gpointer         user_data,
                       GError         **error);
gboolean tj_csv_read_rows (const char       *path,
                           TjCsvRecordFunc   func,
                           gpointer          user_data,
                           GError          **error);

/* Reading a table that offices head in their own words. */

/* The header row is looked for among the first rows: offices often put a title above it. */
#define TJ_CSV_HEADER_SEARCH_ROWS 10

/* Turns a header cell into the key it is compared by; returns a new string. */
typedef char *(*TjCsvHeaderKeyFunc) (const char *header,
                                     gpointer    user_data);

char *tj_csv_normalise_header (const char *text);
const char *tj_csv_escape_cell (const char *cell,
                                gboolean    figure,
                                char      **owned);
char *tj_csv_clean_cell (char *cell);
char **tj_csv_map_header (char              **cells,
                          guint               n_cells,
                          const char *const  *columns,
                          guint               n_columns,
                          guint               anchor,
                          TjCsvHeaderKeyFunc  key_func,
                          gpointer            user_data,
                          int                *index,
                          GPtrArray          *warnings);
void tj_csv_note_long_row (GPtrArray *warnings,
                           guint     *long_rows,
                           guint      line,
                           char     **cells,
                           guint      n_cells,
                           guint      n_headers);
void tj_csv_sum_up_long_rows (GPtrArray *warnings,
                              guint      long_rows);

/* Importing a table all or nothing: what every importer shares while it reads a file. An importer
 * embeds a TjCsvImport as the first member of its own state, calls tj_csv_import_init, fills the
 * fields marked "set", and calls tj_csv_import_read; its callbacks get the TjCsvImport back. */
typedef struct _TjCsvImport TjCsvImport;

/* After the file is read, before it is parsed: the transaction, the lists rows look up. */
typedef gboolean (*TjCsvImportPrepareFunc) (TjCsvImport *import,
                                            GError     **error);
/* After the header row is mapped and its required columns checked: adds the header's other
 * problems to errors, counting each in header_problems. */
typedef void (*TjCsvImportHeaderFunc) (TjCsvImport *import);
/* One row after the header, numbered as a spreadsheet shows it (the header on row 1 when it
 * starts the file); FALSE with error set when the database fails. */
typedef gboolean (*TjCsvImportRowFunc) (TjCsvImport *import,
                                        guint        line,
                                        char       **cells,
                                        guint        n_cells,
                                        GError     **error);

struct _TjCsvImport
{
  const char *const *columns;         /* set: the known columns' headers */
  guint anchor;                       /* set: the column whose cell makes a row the header */
  const guint *required;              /* set: the columns a file must have */
  guint n_required;                   /* set */
  TjCsvHeaderKeyFunc key_func;        /* set, or NULL */
  GPtrArray *errors;                  /* set: the problems, each naming its line and column */
  GPtrArray *warnings;                /* set */
  TjCsvImportPrepareFunc prepare;     /* set, or NULL */
  TjCsvImportHeaderFunc check_header; /* set, or NULL */
  TjCsvImportRowFunc read_row;        /* set */
  const char *sheet;                  /* set, or NULL: a workbook's sheet to read (else its first) */

  guint n_columns;       /* of columns, given to tj_csv_import_init */
  int *index;            /* the file's column of each known column, or -1 */
  char **headers;        /* the header row as written, once found */
  guint n_headers;
  guint n_records;
  guint long_rows;
  guint header_problems; /* the header's problems: no row is read while there is one */
  guint bad_rows;        /* rows with errors, counted by read_row, and a quote left open */
  GHashTable *text_lines; /* row → the text line it starts on, where line breaks in quoted
                           * cells above make them differ */
  char *sheet_read;       /* the workbook's sheet the rows were read from; NULL for CSV */
};

void tj_csv_import_init (TjCsvImport *import,
                         guint        n_columns);
void tj_csv_import_clear (TjCsvImport *import);
gboolean tj_csv_import_read (TjCsvImport *import,
                             const char  *path,
                             const char  *empty_message,
                             GError     **error);
const char *tj_csv_import_header (TjCsvImport *import,
                                  guint        column);
char *tj_csv_import_cell_message (TjCsvImport *import,
                                  guint        row,
                                  const char  *header,
                                  const char  *message);
void tj_csv_import_add_error (TjCsvImport *import,
                              guint        line,
                              guint        column,
                              const char  *message);
gboolean tj_csv_import_row_values (TjCsvImport *import,
                                   guint        line,
                                   char       **cells,
                                   guint        n_cells,
                                   int          serial,
                                   const char **values);

/* Builds a CSV file in memory, as Excel on Chinese Windows opens it: UTF-8 with a byte order mark,
 * every cell quoted, CRLF line ends. */
typedef struct _TjCsvWriter TjCsvWriter;

TjCsvWriter *tj_csv_writer_new (void);
void tj_csv_writer_free (TjCsvWriter *self);
void tj_csv_writer_add_row (TjCsvWriter       *self,
                            const char *const *cells,
                            guint              n_cells);
void tj_csv_writer_add_row_full (TjCsvWriter       *self,
                                 const char *const *cells,
                                 guint              n_cells,
                                 const gboolean    *figures);
const char *tj_csv_writer_get_data (TjCsvWriter *self,
                                    gsize       *length);
gboolean tj_csv_writer_save (TjCsvWriter *self,
                             const char  *path,
                             GError     **error);
/* Writes the text built so far to output and lets go of it: a long table is written as it is
 * built, not held (the file is committed by its caller). */
gboolean tj_csv_writer_write_to (TjCsvWriter *self,
                                 gpointer     output,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjCsvWriter, tj_csv_writer_free)

G_END_DECLS
