/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Township fill-in kits (tj-kit.c, tj-kit-import.c): real workbooks written by the application,
 * filled in by openpyxl as a clerk would, read back into the month's reports. */
#include "tj-test.h"

#include <string.h>

#include "tj-demo.h"
#include "tj-error.h"
#include "tj-kit.h"

typedef struct
{
  char *dir;
  TjDb *db;
  GPtrArray *kits; /* the October kits' paths */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  fixture->db = tj_test_db_new (&fixture->dir);
  g_assert_true (tj_demo_fill (fixture->db, 2026, &error));
  g_assert_no_error (error);
  out = g_build_filename (fixture->dir, "10", NULL);
  fixture->kits = tj_kit_export (fixture->db, 2026, 10, NULL, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->kits->len, >, 2);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->kits);
  g_clear_object (&fixture->db);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Fills a kit with tests/kit-fill.py; returns its lines, "name\tyuan[\trow]". */
static char **
fill (const char *path,
      const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "kit-fill.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, mode, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("kit-fill.py failed: %s", err);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

static gint64
october (Fixture    *fixture,
         const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt =
    tj_db_prepare (fixture->db, "SELECT r.completed FROM monthly_reports r JOIN projects p ON "
                   "p.id = r.project_id WHERE p.year = 2026 AND p.name = ? AND r.month = 10",
                   &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (fixture->db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
unzip (const char *path,
       const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  return out;
}

/* The problems of an import, as one text. */
static char *
problems (TjKitImport *import)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < import->problems->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (import->problems, i));
  for (guint i = 0; i < import->localities->len; i++)
    {
      TjKitLocality *l = g_ptr_array_index (import->localities, i);

      for (guint p = 0; p < l->problems->len; p++)
        g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (l->problems, p));
    }
  return g_string_free (text, FALSE);
}

static TjKitLocality *
locality_of (TjKitImport *import,
             const char  *path)
{
  g_autofree char *base = g_path_get_basename (path);

  for (guint i = 0; i < import->localities->len; i++)
    {
      TjKitLocality *l = g_ptr_array_index (import->localities, i);
      g_autofree char *prefix = g_strdup_printf ("「%s」", l->locality);

      if (g_str_has_prefix (base, prefix))
        return l;
    }
  g_assert_not_reached ();
}

/* The kit is protected, its figure cells validated, its checksum sheet hidden, the office's
 * deadline on it. */
static void
test_sheet (Fixture       *fixture,
            gconstpointer  data)
{
  const char *path = g_ptr_array_index (fixture->kits, 0);
  g_autofree char *sheet = unzip (path, "xl/worksheets/sheet1.xml");
  g_autofree char *book = unzip (path, "xl/workbook.xml");
  g_autofree char *strings = unzip (path, "xl/sharedStrings.xml");
  g_autofree char *base = g_path_get_basename (path);

  g_assert_true (g_str_has_suffix (base, "2026年10月项目进度填报表.xlsx"));
  g_assert_nonnull (strstr (sheet, "<sheetProtection sheet=\"1\""));
  g_assert_null (strstr (sheet, "password"));
  g_assert_nonnull (strstr (sheet, "<dataValidation type=\"custom\""));
  g_assert_nonnull (strstr (sheet, "ISNUMBER(E4)"));
  g_assert_nonnull (strstr (sheet, "showErrorMessage=\"1\""));
  g_assert_nonnull (strstr (book, "<sheet name=\"校验\" sheetId=\"2\" state=\"hidden\""));
  g_assert_nonnull (strstr (strings, "报送截止：2026-11-05"));
  g_assert_nonnull (strstr (strings, "填报说明"));
}

/* Two localities' kits filled in and read back: each report as typed, to the yuan; the others
 * not returned. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (TjKitImport) import = NULL;
  g_autoptr (GError) error = NULL;
  char *paths[] = { g_ptr_array_index (fixture->kits, 0), g_ptr_array_index (fixture->kits, 1),
                    NULL };
  g_auto (GStrv) first = fill (paths[0], "fill");
  g_auto (GStrv) second = fill (paths[1], "fill");
  gint64 imports = count (fixture, "SELECT count(*) FROM imports");
  guint returned = 0;

  g_assert_true (tj_kit_import (fixture->db, paths, &import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (import->month, ==, 10);
  for (GStrv lines = first; lines != NULL; lines = lines == first ? second : NULL)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpint (october (fixture, f[0]), ==, g_ascii_strtoll (f[1], NULL, 10));
      }
  g_assert_cmpuint (locality_of (import, paths[0])->rows_filled, ==, g_strv_length (first));
  for (guint i = 0; i < import->localities->len; i++)
    returned += ((TjKitLocality *) g_ptr_array_index (import->localities, i))->returned;
  g_assert_cmpuint (returned, ==, 2);
  g_assert_cmpuint (import->localities->len, >=, fixture->kits->len);
  /* each workbook kept as the imports keep files */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM imports"), ==, imports + 2);
}

/* A row the township left blank keeps the report the office has for the month (a kit answers
 * for what it fills, unlike a whole month's file). */
static void
test_blank_row_keeps (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (TjKitImport) import = NULL;
  g_autoptr (GError) error = NULL;
  char *paths[] = { g_ptr_array_index (fixture->kits, 0), NULL };
  g_auto (GStrv) lines = fill (paths[0], "partial");
  guint n = g_strv_length (lines);
  g_auto (GStrv) blank = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_cmpuint (n, >=, 2);
  blank = g_strsplit (lines[n - 1], "\t", -1);
  g_assert_cmpstr (blank[1], ==, "-");
  stmt = tj_db_prepare (fixture->db,
                        "INSERT OR REPLACE INTO monthly_reports (project_id, month, completed) "
                        "SELECT id, 10, 4321000 FROM projects WHERE year = 2026 AND name = ?",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, blank[0], -1, SQLITE_STATIC);
  g_assert_true (tj_db_step_done (fixture->db, stmt, &error));
  g_assert_no_error (error);

  g_assert_true (tj_kit_import (fixture->db, paths, &import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (october (fixture, blank[0]), ==, 4321000);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpint (october (fixture, f[0]), ==, g_ascii_strtoll (f[1], NULL, 10));
    }
}

/* A refused import stores nothing: the first workbook's figures are not in either. */
static void
assert_nothing_stored (Fixture *fixture,
                       char   **filled,
                       gint64   imports)
{
  g_auto (GStrv) f = g_strsplit (filled[0], "\t", -1);

  g_assert_cmpint (october (fixture, f[0]), !=, g_ascii_strtoll (f[1], NULL, 10));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM imports"), ==, imports);
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (TjKitImport) import = NULL;
  g_autoptr (GError) error = NULL;
  char *paths[] = { g_ptr_array_index (fixture->kits, 0), g_ptr_array_index (fixture->kits, 1),
                    NULL };
  g_auto (GStrv) good = fill (paths[0], "fill");
  g_auto (GStrv) bad = fill (paths[1], "tamper");
  g_autofree char *base = g_path_get_basename (paths[1]);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 imports = count (fixture, "SELECT count(*) FROM imports");

  g_assert_false (tj_kit_import (fixture->db, paths, &import, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  text = problems (import);
  expected = g_strdup_printf ("%s：第4行 B列（“项目名称”）被改动", base);
  g_assert_nonnull (strstr (text, expected));
  assert_nothing_stored (fixture, good, imports);
}

/* A kit of another month, and one of another database, among the returned ones. */
static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *september_dir = g_build_filename (fixture->dir, "09", NULL);
  g_autofree char *other_dir = NULL;
  g_autofree char *other_kits = NULL;
  g_autoptr (GPtrArray) september = NULL;
  g_autoptr (GPtrArray) foreign = NULL;
  g_autoptr (TjDb) other = NULL;
  char *paths[3] = { g_ptr_array_index (fixture->kits, 0), NULL, NULL };
  g_auto (GStrv) good = fill (paths[0], "fill");
  gint64 imports = count (fixture, "SELECT count(*) FROM imports");

  september = tj_kit_export (fixture->db, 2026, 9, NULL, september_dir, &error);
  g_assert_no_error (error);
  paths[1] = g_ptr_array_index (september, 1);
  {
    g_autoptr (TjKitImport) import = NULL;
    g_autofree char *text = NULL;

    g_assert_false (tj_kit_import (fixture->db, paths, &import, &error));
    g_clear_error (&error);
    text = problems (import);
    g_assert_nonnull (strstr (text, "这是 2026-09 的填报包，而其他填报包是 2026-10 的。"));
    assert_nothing_stored (fixture, good, imports);
  }

  other = tj_test_db_new (&other_dir);
  g_assert_true (tj_demo_fill (other, 2026, &error));
  other_kits = g_build_filename (other_dir, "kits", NULL);
  foreign = tj_kit_export (other, 2026, 10, NULL, other_kits, &error);
  g_assert_no_error (error);
  paths[1] = g_ptr_array_index (foreign, 1);
  {
    g_autoptr (TjKitImport) import = NULL;
    g_autofree char *text = NULL;

    g_assert_false (tj_kit_import (fixture->db, paths, &import, &error));
    g_clear_error (&error);
    text = problems (import);
    g_assert_nonnull (strstr (text, "这是另一个数据库生成的填报包，不能导入本数据库。"));
    assert_nothing_stored (fixture, good, imports);
  }
  g_clear_object (&other);
  remove_tree (other_dir);
}

/* A negative figure needs its 更正说明: refused naming the cell without, taken with. */
static void
test_negative (Fixture       *fixture,
               gconstpointer  data)
{
  char *paths[] = { g_ptr_array_index (fixture->kits, 0), NULL };
  g_autofree char *base = g_path_get_basename (paths[0]);

  {
    g_autoptr (TjKitImport) import = NULL;
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) lines = fill (paths[0], "negative");
    g_auto (GStrv) f = g_strsplit (lines[g_strv_length (lines) - 1], "\t", -1);
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;

    g_assert_false (tj_kit_import (fixture->db, paths, &import, &error));
    text = problems (import);
    expected = g_strdup_printf ("%s：工作表“进度填报”第%s行 E列（当月完成（万元））：负数表示"
                                "冲减以前月份",
                                base, f[2]);
    g_assert_nonnull (strstr (text, expected));
  }
  {
    g_autoptr (TjKitImport) import = NULL;
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) lines = fill (paths[0], "correction");
    g_auto (GStrv) f = g_strsplit (lines[g_strv_length (lines) - 1], "\t", -1);

    g_assert_true (tj_kit_import (fixture->db, paths, &import, &error));
    g_assert_no_error (error);
    g_assert_cmpint (october (fixture, f[0]), ==, -10000);
  }
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add ("/kit/sheet", Fixture, NULL, fixture_set_up, test_sheet, fixture_tear_down);
  g_test_add ("/kit/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/kit/blank-row-keeps", Fixture, NULL, fixture_set_up, test_blank_row_keeps,
              fixture_tear_down);
  g_test_add ("/kit/tampered", Fixture, NULL, fixture_set_up, test_tampered, fixture_tear_down);
  g_test_add ("/kit/foreign", Fixture, NULL, fixture_set_up, test_foreign, fixture_tear_down);
  g_test_add ("/kit/negative", Fixture, NULL, fixture_set_up, test_negative, fixture_tear_down);
  return g_test_run ();
}
