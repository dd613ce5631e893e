/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin demo` end to end: fills an empty database once, then refuses. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-project.h"

/* Runs tuijin --db DB ARGS… and returns its exit status. */
static int
run_tuijin (const char  *db,
            char       **out,
            char       **err,
            ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (db, out, err, args);
  va_end (args);
  return status;
}

static void
test_demo_then_refuse (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = tj_test_db_path (&dir);
  g_autofree char *out = NULL, *err = NULL, *again_out = NULL, *again_err = NULL;
  g_autofree char *usage_out = NULL, *usage_err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) previous = NULL;
  g_autofree char *expected = NULL;
  guint listed;

  g_assert_cmpint (run_tuijin (db_path, &out, &err, "demo", "--year", "2026", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  current = tj_project_list (db, 2026, &error);
  previous = tj_project_list (db, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, >=, 100);
  g_assert_cmpuint (previous->len, >=, 100);
  expected = g_strdup_printf ("已写入演示数据：2026年 %u 个项目，2025年 %u 个项目。\n", current->len,
                              previous->len);
  g_assert_cmpstr (out, ==, expected);
  listed = current->len;
  g_clear_object (&db);

  /* Same database again: refused, nothing added. */
  g_assert_cmpint (run_tuijin (db_path, &again_out, &again_err, "demo", "--year", "2026", NULL),
                   ==, 1);
  g_assert_cmpstr (again_out, ==, "");
  g_assert_nonnull (strstr (again_err, "空数据库"));
  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&current, g_ptr_array_unref);
  current = tj_project_list (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, listed);

  /* A year out of range is bad usage. */
  g_assert_cmpint (run_tuijin (db_path, &usage_out, &usage_err, "demo", "--year", "1800", NULL),
                   ==, 2);
  tj_test_rmdir (dir);
}

/* `tuijin check` validates every record, approval items included, and names what is wrong. */
static void
test_check_names_bad_records (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = tj_test_db_path (&dir);
  g_autofree char *out = NULL, *err = NULL, *bad_out = NULL, *bad_err = NULL;
  g_autofree char *demo_out = NULL, *demo_err = NULL;
  g_autoptr (GError) error = NULL;
  TjDb *db;

  /* captured: what the command prints must not reach the TAP stream */
  g_assert_cmpint (run_tuijin (db_path, &demo_out, &demo_err, "demo", "--year", "2026", NULL), ==,
                   0);
  g_assert_cmpint (run_tuijin (db_path, &out, &err, "check", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "已检查 "));

  /* A committed limit longer than the statutory one, written behind the form's back. */
  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (tj_db_exec (db,
                             "UPDATE approval_items SET committed_days = statutory_days + 5 "
                             "WHERE id = (SELECT min(id) FROM approval_items)",
                             NULL));
  g_object_unref (db);
  g_assert_cmpint (run_tuijin (db_path, &bad_out, &bad_err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (bad_err, "审批事项"));
  g_assert_nonnull (strstr (bad_err, "承诺时限"));
  g_assert_nonnull (strstr (bad_err, "发现 1 个问题"));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/cli/demo/fills-once-then-refuses", test_demo_then_refuse);
  g_test_add_func ("/tj/cli/check/names-a-bad-approval-item", test_check_names_bad_records);
  return g_test_run ();
}
