/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An export's integrity check runs beside it (TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT) and still stops
 * its file: from a database with a damaged page, the file already at the output path stays as
 * it was and no temporary file is left, whether the export read the damaged page (a projects
 * page) or not (a page of the audit log, which no export reads, so that only the check sees
 * it); through the output file's commit directly and through `tuijin export` as .xlsx and PDF. */
#include "tj-test.h"

#include <string.h>

#include "tj-demo.h"
#include "tj-error.h"
#include "tj-output-file.h"

#define OLD_CONTENT "上月导出的文件，不得被覆盖。"

/* A demo database in a folder of its own, with a damaged page of @table unless NULL. */
static char *
demo_database (char      **dir,
               const char *table)
{
  g_autofree char *path = tj_test_db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  if (table != NULL)
    tj_test_damage_page (path, table);
  return g_steal_pointer (&path);
}

/* A file at @name in a new folder, holding OLD_CONTENT. */
static char *
old_output (char      **dir,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("tuijin-output-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  path = g_build_filename (*dir, name, NULL);
  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, &error));
  return path;
}

/* The folder holds @path alone, still with OLD_CONTENT: no temporary file left beside it. */
static void
assert_old_output_alone (const char *dir,
                         const char *path)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *content = NULL;
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_assert_cmpstr (name, ==, base);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, OLD_CONTENT);
}

/* The commit waits for the check: on a healthy file it replaces the target, on a damaged one
 * it is refused with the message of a damaged database and the target stays. */
static void
test_commit_waits_for_the_check (void)
{
  const char *tables[] = { NULL, "audit" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *db_dir = NULL;
      g_autofree char *out_dir = NULL;
      g_autofree char *path = demo_database (&db_dir, tables[i]);
      g_autofree char *target = old_output (&out_dir, "名单.csv");
      g_autofree char *content = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (TjDb) db = NULL;
      g_autoptr (TjOutputFile) output = NULL;

      db = tj_db_open_full (path, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT,
                            &error);
      g_assert_no_error (error);
      /* the export reads meanwhile, from pages that are whole */
      g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units"), >, 0);
      output = tj_output_file_new (target, &error);
      g_assert_no_error (error);
      g_assert_true (tj_output_file_write (output, "新内容", strlen ("新内容"), &error));
      if (tables[i] == NULL)
        {
          g_assert_true (tj_output_file_commit (output, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (target, &content, NULL, NULL));
          g_assert_cmpstr (content, ==, "新内容");
        }
      else
        {
          g_assert_false (tj_output_file_commit (output, &error));
          g_assert_error (error, TJ_ERROR, TJ_ERROR_DAMAGED);
          g_assert_nonnull (strstr (error->message, "tuijin restore"));
          g_clear_pointer (&output, tj_output_file_free);
          assert_old_output_alone (out_dir, target);
        }
      g_clear_object (&db);
      tj_test_rmdir (db_dir);
      tj_test_rmdir (out_dir);
    }
}

/* `tuijin export projects` and `export bulletin` to .xlsx and PDF over an older file, from a
 * database damaged where the export reads and where only the check does. */
static void
test_cli_export_leaves_the_old_file (void)
{
  const char *tables[] = { "audit", "projects" };
  const char *names[] = { "项目库.xlsx", "项目库.pdf", "月通报.xlsx", "月通报.pdf" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *db_dir = NULL;
      g_autofree char *path = demo_database (&db_dir, tables[t]);

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *out_dir = NULL;
          g_autofree char *target = old_output (&out_dir, names[n]);
          g_autofree char *err = NULL;
          int status;

          if (n < 2)
            status = tj_test_run_tuijin (path, NULL, &err, "export", "projects", "--year",
                                         "2026", "--output", target, NULL);
          else
            status = tj_test_run_tuijin (path, NULL, &err, "export", "bulletin", "--month",
                                         "2026-03", "--output", target, NULL);
          g_test_message ("%s, damaged %s: %d %s", names[n], tables[t], status, err);
          g_assert_cmpint (status, !=, 0);
          g_assert_nonnull (strstr (err, "已损坏"));
          g_assert_nonnull (strstr (err, "tuijin restore"));
          assert_old_output_alone (out_dir, target);
          tj_test_rmdir (out_dir);
        }
      tj_test_rmdir (db_dir);
    }
}

/* The same exports from the file before it was damaged replace the old file: the refusals
 * above are the check's. */
static void
test_cli_export_of_a_healthy_file (void)
{
  g_autofree char *db_dir = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *path = demo_database (&db_dir, NULL);
  g_autofree char *target = old_output (&out_dir, "月通报.pdf");
  g_autofree char *content = NULL;
  gsize length = 0;

  g_assert_cmpint (tj_test_run_tuijin (path, NULL, NULL, "export", "bulletin", "--month",
                                       "2026-03", "--output", target, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (target, &content, &length, NULL));
  g_assert_true (g_str_has_prefix (content, "%PDF-"));
  tj_test_rmdir (db_dir);
  tj_test_rmdir (out_dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/export-health/commit-waits-for-the-check",
                   test_commit_waits_for_the_check);
  g_test_add_func ("/tj/export-health/cli-export-leaves-the-old-file",
                   test_cli_export_leaves_the_old_file);
  g_test_add_func ("/tj/export-health/cli-export-of-a-healthy-file",
                   test_cli_export_of_a_healthy_file);
  return g_test_run ();
}
