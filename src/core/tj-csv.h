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

/* Reading a table that offices head in their own words. */

/* The header row is looked for among the first rows: offices often put a title above it. */
#define TJ_CSV_HEADER_SEARCH_ROWS 10

/* Turns a header cell into the key it is compared by; returns a new string. */
typedef char *(*TjCsvHeaderKeyFunc) (const char *header,
                                     gpointer    user_data);

char *tj_csv_normalise_header (const char *text);
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
char *tj_csv_cell_message (guint       line,
                           const char *header,
                           const char *message);
void tj_csv_note_long_row (GPtrArray *warnings,
                           guint     *long_rows,
                           guint      line,
                           char     **cells,
                           guint      n_cells,
                           guint      n_headers);
void tj_csv_sum_up_long_rows (GPtrArray *warnings,
                              guint      long_rows);

/* Builds a CSV file in memory, as Excel on Chinese Windows opens it: UTF-8 with a byte order mark,
 * every cell quoted, CRLF line ends. */
typedef struct _TjCsvWriter TjCsvWriter;

TjCsvWriter *tj_csv_writer_new (void);
void tj_csv_writer_free (TjCsvWriter *self);
void tj_csv_writer_add_row (TjCsvWriter       *self,
                            const char *const *cells,
                            guint              n_cells);
const char *tj_csv_writer_get_data (TjCsvWriter *self,
                                    gsize       *length);
gboolean tj_csv_writer_save (TjCsvWriter *self,
                             const char  *path,
                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjCsvWriter, tj_csv_writer_free)

G_END_DECLS
