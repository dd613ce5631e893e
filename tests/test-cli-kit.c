/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin export kit` and `tuijin import kit` end to end: the binary's files, output and exit
 * statuses. */
#include "tj-test.h"

#include <string.h>

#include "tj-demo.h"

static void
fill (const char *path,
      const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "kit-fill.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, mode, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_export_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *kits = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *strings = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  const char *unzip[] = { "unzip", "-p", NULL, "xl/sharedStrings.xml", NULL };

  {
    g_autoptr (TjDb) db = tj_test_db_new (&dir);

    g_assert_true (tj_demo_fill (db, 2026, &error));
    g_assert_no_error (error);
    db_path = g_strdup (tj_db_get_path (db));
  }
  kits = g_build_filename (dir, "kits", NULL);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "export", "kit", "--month", "2026-10",
                                       "--output", kits, "--deadline", "2026-11-08", NULL),
                   ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], "2026年10月项目进度填报表.xlsx"));
  g_assert_nonnull (strstr (out, "个乡镇填报包，保存在"));
  unzip[2] = lines[0];
  g_assert_true (g_spawn_sync (NULL, (char **) unzip, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &strings, NULL, NULL, &error));
  g_assert_nonnull (strstr (strings, "报送截止：2026-11-08"));

  /* one kit returned, filled but for its last row, which has 存在问题 without a figure */
  returned = g_build_filename (dir, "returned", NULL);
  g_mkdir (returned, 0755);
  first = g_path_get_basename (lines[0]);
  copy = g_build_filename (returned, first, NULL);
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (lines[0], &bytes, &length, &error));
    g_assert_true (g_file_set_contents (copy, bytes, length, &error));
  }
  fill (copy, "note");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "import", "kit", returned, NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "：已报送，填报 "));
  g_assert_nonnull (strstr (out, "：未报送"));
  g_assert_nonnull (strstr (out, "已导入 2026-10 的乡镇填报包"));
  /* the row without a figure: a warning naming the workbook and the row, the import done */
  g_assert_nonnull (strstr (err, first));
  g_assert_nonnull (strstr (err, "行“"));
  g_assert_nonnull (strstr (err, "：当月完成：尚未填报。"));

  /* a locked cell changed: refused, non-zero, the cell named */
  fill (copy, "tamper");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "import", "kit", copy, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "第4行 B列（“项目名称”）被改动"));
  g_assert_nonnull (strstr (err, "未导入任何月报。"));

  tj_test_rmdir (kits);
  tj_test_rmdir (returned);
  tj_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/cli-kit/export-import", test_export_import);
  return g_test_run ();
}
