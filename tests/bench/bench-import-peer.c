/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import's limit: the same CSV into a table of as many text columns, with libcsv, one
 * prepared INSERT and one transaction, SQLite's defaults otherwise (as the sqlite3 shell).
 *   bench-import-peer FILE.csv DB */
#include <csv.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 64

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *insert;
  char *fields[MAX_FIELDS];
  size_t lengths[MAX_FIELDS];
  int n_fields;
  int n_columns;
  long rows;
} Import;

static void
die (Import     *import,
     const char *what)
{
  fprintf (stderr, "bench-import-peer: %s: %s\n", what, sqlite3_errmsg (import->db));
  exit (1);
}

static void
on_field (void  *data,
          size_t length,
          void  *user_data)
{
  Import *import = user_data;

  if (import->n_fields < MAX_FIELDS)
    {
      import->fields[import->n_fields] = realloc (import->fields[import->n_fields], length + 1);
      memcpy (import->fields[import->n_fields], data, length);
      import->fields[import->n_fields][length] = '\0';
      import->lengths[import->n_fields] = length;
    }
  import->n_fields++;
}

/* The header names the columns: the table is made from it, as the shell's .import does. */
static void
create_table (Import *import)
{
  char sql[4096] = "CREATE TABLE projects_raw (";
  char insert[1024] = "INSERT INTO projects_raw VALUES (";

  import->n_columns = import->n_fields < MAX_FIELDS ? import->n_fields : MAX_FIELDS;
  for (int c = 0; c < import->n_columns; c++)
    {
      char *quoted = sqlite3_mprintf ("%s\"%w\" TEXT", c > 0 ? ", " : "", import->fields[c]);

      strncat (sql, quoted, sizeof sql - strlen (sql) - 3);
      strncat (insert, c > 0 ? ", ?" : "?", sizeof insert - strlen (insert) - 3);
      sqlite3_free (quoted);
    }
  strcat (sql, ")");
  strcat (insert, ")");
  if (sqlite3_exec (import->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    die (import, "create");
  if (sqlite3_prepare_v2 (import->db, insert, -1, &import->insert, NULL) != SQLITE_OK)
    die (import, "prepare");
}

static void
on_row (int   end,
        void *user_data)
{
  Import *import = user_data;

  (void) end;
  if (import->insert == NULL)
    create_table (import);
  else
    {
      sqlite3_reset (import->insert);
      for (int c = 0; c < import->n_columns; c++)
        if (c < import->n_fields)
          sqlite3_bind_text (import->insert, c + 1, import->fields[c], (int) import->lengths[c],
                             SQLITE_STATIC);
        else
          sqlite3_bind_null (import->insert, c + 1);
      if (sqlite3_step (import->insert) != SQLITE_DONE)
        die (import, "insert");
      import->rows++;
    }
  import->n_fields = 0;
}

int
main (int   argc,
      char *argv[])
{
  Import import = { 0 };
  struct csv_parser parser;
  char buffer[1 << 16];
  size_t read;
  FILE *in;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-import-peer FILE.csv DB\n");
      return 2;
    }
  in = fopen (argv[1], "rb");
  if (in == NULL || csv_init (&parser, CSV_APPEND_NULL) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  if (sqlite3_open (argv[2], &import.db) != SQLITE_OK)
    die (&import, argv[2]);
  if (sqlite3_exec (import.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    die (&import, "begin");
  while ((read = fread (buffer, 1, sizeof buffer, in)) > 0)
    if (csv_parse (&parser, buffer, read, on_field, on_row, &import) != read)
      {
        fprintf (stderr, "bench-import-peer: %s\n", csv_strerror (csv_error (&parser)));
        return 1;
      }
  csv_fini (&parser, on_field, on_row, &import);
  if (sqlite3_finalize (import.insert) != SQLITE_OK ||
      sqlite3_exec (import.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    die (&import, "commit");
  sqlite3_close (import.db);
  csv_free (&parser);
  fclose (in);
  for (int c = 0; c < MAX_FIELDS; c++)
    free (import.fields[c]);
  printf ("rows=%ld\n", import.rows);
  return 0;
}
