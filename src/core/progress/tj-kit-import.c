/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-kit"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-error.h"
#include "tj-kit.h"
#include "tj-progress-private.h"
#include "tj-workbook.h"

/* Reading returned fill-in kits (tj-kit.c) together, all or nothing: each must be a kit of this
 * database (its checksum sheet), all of one month, at most one per locality, its locked cells as
 * written; then each is read as a month's progress file (tj-progress-import.c, the same rules
 * and messages) for its locality's projects, all in one transaction, each file kept with its
 * own import entry. Any problem anywhere: nothing is stored. */

#define N_LOCKED TJ_PROGRESS_KIT_LOCKED

static void
kit_locality_free (TjKitLocality *locality)
{
  g_free (locality->locality);
  g_ptr_array_unref (locality->problems);
  g_ptr_array_unref (locality->warnings);
  g_free (locality);
}

void
tj_kit_import_free (TjKitImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->localities);
  g_ptr_array_unref (import->problems);
  tj_import_result_free (import->result);
  g_free (import);
}

/* A sheet read into rows: Excel row → GStrv of its cells. */
static gboolean
sheet_row_cb (guint         row,
              char        **cells,
              guint         n_cells,
              const guint  *uncomputed,
              guint         n_uncomputed,
              gpointer      user_data,
              GError      **error)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < n_cells; i++)
    g_strv_builder_add (builder, cells[i]);
  g_hash_table_insert (user_data, GUINT_TO_POINTER (row), g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return TRUE;
}

static GHashTable *
read_sheet (const char *path,
            const char *sheet,
            GError    **error)
{
  g_autoptr (GHashTable) rows =
    g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strfreev);
  TjWorkbookFormat format;

  if (!tj_workbook_sniff (path, &format, error))
    return NULL;
  if (format != TJ_WORKBOOK_XLSX)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("It is not a fill-in kit: a kit is an .xlsx workbook."));
      return NULL;
    }
  if (!tj_workbook_read (path, format, sheet, NULL, sheet_row_cb, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static const char *
cell (GHashTable *rows,
      guint       row,
      guint       column)
{
  char **cells = g_hash_table_lookup (rows, GUINT_TO_POINTER (row));

  return cells != NULL && column < g_strv_length (cells) ? cells[column] : "";
}

/* One workbook, checked against its checksum sheet. */
typedef struct
{
  char *path;
  char *name; /* the file's name, as problems name it */
  int year;
  int month;
  gint64 locality_id;
  TjKitLocality *locality;
  GHashTable *project_ids; /* gint64 * set */
} Kit;

static void
kit_free (Kit *kit)
{
  g_free (kit->path);
  g_free (kit->name);
  g_clear_pointer (&kit->project_ids, g_hash_table_unref);
  g_free (kit);
}

static void
add_problem (GPtrArray  *problems,
             const char *file,
             const char *message)
{
  /* Translators: "「城关镇」2026年10月项目进度填报表.xlsx：第 5 行……" */
  g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), file, message));
}

static TjKitLocality *
find_locality (TjKitImport *import,
               const char  *name)
{
  TjKitLocality *locality;

  for (guint i = 0; i < import->localities->len; i++)
    if (g_str_equal (((TjKitLocality *) g_ptr_array_index (import->localities, i))->locality,
                     name))
      return g_ptr_array_index (import->localities, i);
  locality = g_new0 (TjKitLocality, 1);
  locality->locality = g_strdup (name);
  locality->problems = g_ptr_array_new_with_free_func (g_free);
  locality->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (import->localities, locality);
  return locality;
}

/* Checks one workbook; NULL after adding its problem when it is no kit of this database. */
static Kit *
check_kit (TjKitImport *import,
           const char  *path,
           const char  *database_id)
{
  g_autoptr (GHashTable) check = NULL;
  g_autoptr (GHashTable) sheet = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *name = g_path_get_basename (path);
  Kit *kit;
  guint problems_before, n_headers;
  const char *const *locked_headers = tj_progress_kit_headers (&n_headers);

  if ((check = read_sheet (path, TJ_KIT_CHECK_SHEET, &local)) == NULL ||
      (sheet = read_sheet (path, TJ_KIT_SHEET, &local)) == NULL)
    {
      add_problem (import->problems, name, local->message);
      return NULL;
    }
  if (database_id == NULL || g_strcmp0 (cell (check, 1, 1), database_id) != 0)
    {
      add_problem (import->problems, name,
                   _("It is a fill-in kit of another database: it cannot be imported here."));
      return NULL;
    }

  kit = g_new0 (Kit, 1);
  kit->path = g_strdup (path);
  kit->name = g_strdup (name);
  kit->year = atoi (cell (check, 2, 1));
  kit->month = atoi (cell (check, 3, 1));
  kit->locality_id = g_ascii_strtoll (cell (check, 4, 1), NULL, 10);
  kit->locality = find_locality (import, cell (check, 4, 2));
  kit->project_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (import->month == 0)
    {
      import->year = kit->year;
      import->month = kit->month;
    }
  problems_before = kit->locality->problems->len;
  if (kit->year != import->year || kit->month != import->month)
    {
      g_autofree char *message =
        g_strdup_printf (_("It is the kit of %d-%02d, but the others are of %d-%02d."),
                         kit->year, kit->month, import->year, import->month);

      add_problem (kit->locality->problems, name, message);
    }
  if (kit->locality->returned)
    add_problem (kit->locality->problems, name,
                 _("Another workbook of this locality is among the files."));
  kit->locality->returned = TRUE;

  /* every locked cell as the kit wrote it */
  for (guint r = 6; g_hash_table_contains (check, GUINT_TO_POINTER (r)); r++)
    {
      guint row = (guint) atoi (cell (check, r, 0));
      gint64 id = g_ascii_strtoll (cell (check, r, 1), NULL, 10);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_add (kit->project_ids, key);
      for (guint c = 0; c < N_LOCKED; c++)
        {
          g_autofree char *hash = tj_kit_cell_hash (database_id, id, cell (sheet, row, c));

          if (g_strcmp0 (hash, cell (check, r, 2 + c)) != 0)
            {
              g_autofree char *letters = tj_workbook_column_letters (c);
              g_autofree char *message = g_strdup_printf (
                _("Row %u, column %s (“%s”) was changed; it is locked and must stay as "
                  "sent. Send the locality a new kit or undo the change."),
                row, letters, locked_headers[c]);

              add_problem (kit->locality->problems, name, message);
            }
        }
      if (*cell (sheet, row, 4) != '\0')
        kit->locality->rows_filled++;
    }
  if (kit->locality->problems->len > problems_before)
    {
      kit_free (kit);
      return NULL;
    }
  return kit;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The files of paths, a folder giving its .xlsx files by name. */
static GPtrArray *
list_files (char   **paths,
            GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr (GDir) dir = NULL;
      g_autoptr (GPtrArray) names = NULL;
      const char *entry;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }
      if ((dir = g_dir_open (paths[i], 0, error)) == NULL)
        return NULL;
      names = g_ptr_array_new_with_free_func (g_free);
      while ((entry = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (entry, ".xlsx") && entry[0] != '.' && entry[0] != '~')
          g_ptr_array_add (names, g_build_filename (paths[i], entry, NULL));
      g_ptr_array_sort (names, compare_paths);
      g_ptr_array_extend_and_steal (files, g_steal_pointer (&names));
    }
  return g_steal_pointer (&files);
}

/* The year's localities with projects, so that the result names those not returned. */
static gboolean
list_localities (TjDb        *db,
                 TjKitImport *import,
                 GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db, "SELECT DISTINCT u.name FROM projects p JOIN units u ON "
                        "u.id = p.locality_id WHERE p.year = ? ORDER BY u.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, import->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    find_locality (import, (const char *) sqlite3_column_text (stmt, 0));
  return tj_db_rows_done (db, rc, error);
}

static guint
count_problems (TjKitImport *import)
{
  guint n = import->problems->len;

  for (guint i = 0; i < import->localities->len; i++)
    n += ((TjKitLocality *) g_ptr_array_index (import->localities, i))->problems->len;
  return n;
}

/* Reads the kits of paths (files, or folders of them). FALSE with error when nothing was
 * stored: the problems are in *import's localities and problems, by workbook, row and column. */
gboolean
tj_kit_import (TjDb         *db,
               char        **paths,
               TjKitImport **result,
               GError      **error)
{
  g_autoptr (TjKitImport) import = g_new0 (TjKitImport, 1);
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) kits = g_ptr_array_new_with_free_func ((GDestroyNotify) kit_free);
  g_autofree char *database_id = NULL;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  import->localities = g_ptr_array_new_with_free_func ((GDestroyNotify) kit_locality_free);
  import->problems = g_ptr_array_new_with_free_func (g_free);
  import->result = tj_import_result_new ();
  *result = NULL;
  if ((files = list_files (paths, error)) == NULL ||
      !tj_db_read_setting (db, TJ_KIT_DATABASE_ID_KEY, &database_id, error))
    return FALSE;
  if (files->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("No fill-in kit (.xlsx) was given."));
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    {
      Kit *kit = check_kit (import, g_ptr_array_index (files, i), database_id);

      if (kit != NULL)
        g_ptr_array_add (kits, kit);
    }
  if (import->month != 0 && !list_localities (db, import, error))
    return FALSE;

  if (count_problems (import) == 0)
    {
      if (!tj_db_begin_bulk (db, error))
        return FALSE;
      for (guint i = 0; ok && i < kits->len; i++)
        {
          Kit *kit = g_ptr_array_index (kits, i);
          TjProgressScope scope = { kit->project_ids, TJ_KIT_SHEET, TRUE };
          GPtrArray *errors = import->result->errors;
          GPtrArray *warnings = import->result->warnings;
          guint before = errors->len;
          guint warnings_before = warnings->len;

          tj_db_import_begin (db);
          ok = tj_progress_import_in_transaction (db, kit->path, kit->year, kit->month, &scope,
                                                  import->result, error);
          for (guint e = before; e < errors->len; e++)
            add_problem (kit->locality->problems, kit->name, g_ptr_array_index (errors, e));
          for (guint w = warnings_before; w < warnings->len; w++)
            add_problem (kit->locality->warnings, kit->name, g_ptr_array_index (warnings, w));
          if (ok && errors->len == 0)
            ok = tj_db_import_record (db, kit->path, "monthly_reports", error);
          tj_db_import_end (db);
        }
      if (ok && count_problems (import) == 0)
        ok = tj_db_commit (db, error);
      else
        tj_db_rollback (db);
      if (!ok)
        {
          *result = g_steal_pointer (&import);
          return FALSE;
        }
    }
  n = count_problems (import);
  if (n > 0)
    {
      import->result->added = import->result->updated = import->result->removed = 0;
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no monthly report was imported.",
                             "%u problems found; no monthly report was imported.", n),
                   n);
      *result = g_steal_pointer (&import);
      return FALSE;
    }
  *result = g_steal_pointer (&import);
  return TRUE;
}

/* The localities of year's list that have not returned month's figures: none of their projects
 * has a report for the month (typed, imported or from a kit), by the units' order. */
GPtrArray *
tj_kit_unreturned (TjDb    *db,
                   int      year,
                   int      month,
                   GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db, "SELECT u.name FROM units u JOIN projects p ON p.locality_id = u.id "
                        "WHERE p.year = ?1 GROUP BY u.id HAVING NOT max (EXISTS (SELECT 1 FROM "
                        "monthly_reports r WHERE r.project_id = p.id AND r.month = ?2)) "
                        "ORDER BY u.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, tj_db_column_dup (stmt, 0));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}
