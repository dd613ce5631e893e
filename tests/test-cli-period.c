/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin issue bulletin` and `tuijin unlock bulletin` end to end: the lock they set and lift,
 * their messages and exit statuses. */
#include "tj-test.h"

#include <string.h>

#include "tj-date.h"
#include "tj-demo.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* The demo database: 2026 reported through October. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (TjDb) db = NULL;
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_path (&f->dir);
  db = tj_db_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tj_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static int
run_tuijin (Fixture  *f,
            char    **out,
            char    **err,
            ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = tj_test_run_tuijin_valist (f->db, out, err, args);
  va_end (args);
  return status;
}

static gint64
scalar (Fixture    *f,
        const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (f->db, &error);

  g_assert_no_error (error);
  return tj_test_scalar (db, sql);
}

/* A month's reports as a file: every project that reported October 2026, one 万元 more where it
 * did work. */
static char *
october_file (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (f->db, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) text = g_string_new ("项目名称,当月完成（万元）\n");
  char *path = g_build_filename (f->dir, "october.csv", NULL);

  g_assert_no_error (error);
  stmt = tj_db_prepare (db,
                        "SELECT p.name, m.completed / 10000.0 + (m.completed > 0) "
                        "FROM projects p JOIN monthly_reports m ON m.project_id = p.id "
                        "AND m.month = 10 "
                        "WHERE p.year = 2026",
                        &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s,%.4f\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_double (stmt, 1));
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_issue_and_unlock (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *csv = october_file (f);
  gint64 reports = scalar (f, "SELECT count(*) FROM monthly_reports m JOIN projects p ON "
                              "p.id = m.project_id WHERE p.year = 2026 AND m.month = 10");
  gint64 sum = scalar (f, "SELECT sum (completed) FROM monthly_reports WHERE month = 10");
  gint64 working = scalar (f, "SELECT count(*) FROM monthly_reports m JOIN projects p ON "
                              "p.id = m.project_id WHERE p.year = 2026 AND m.month = 10 "
                              "AND m.completed > 0");

  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-10", "--by",
                               "张三", "--date", "2026-11-05", NULL),
                   ==, 0);
  expected = g_strdup_printf ("已签发 2026年10月的月通报（2026-11-05，张三）：本月 %" G_GINT64_FORMAT
                              " 条月报已锁定。\n",
                              reports);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* issued already */
  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-10", "--by",
                               "王五", NULL),
                   ==, 1);
  g_assert_cmpstr (err, ==,
                   "tuijin: 2026年10月的通报已于 2026-11-05 由 张三 签发。如需重新签发，请先解锁。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an import of the locked month is refused, and writes nothing */
  g_assert_cmpint (run_tuijin (f, &out, &err, "import", "progress", csv, "--month", "2026-10",
                               NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "已锁定"));
  g_assert_cmpint (scalar (f, "SELECT sum (completed) FROM monthly_reports WHERE month = 10"), ==,
                   sum);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an unlock needs a reason */
  g_assert_cmpint (run_tuijin (f, &out, &err, "unlock", "bulletin", "--month", "2026-10", "--by",
                               "李四", NULL),
                   ==, 2);
  g_assert_cmpstr (err, ==,
                   "tuijin: unlock bulletin 需要 --month YYYY-MM、--by 姓名和 --reason 原因。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (f, &out, &err, "unlock", "bulletin", "--month", "2026-10", "--by",
                               "李四", "--reason", " ", NULL),
                   ==, 1);
  g_assert_cmpstr (err, ==, "tuijin: 解锁原因：请填写需要修改本月月报的原因。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_tuijin (f, &out, &err, "unlock", "bulletin", "--month", "2026-10", "--by",
                               "李四", "--reason", "统计局反馈数据更正", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "已解锁 2026年10月的月报（原因：统计局反馈数据更正），已记入操作日志。\n");
  g_assert_cmpint (scalar (f, "SELECT count(*) FROM audit WHERE table_name = 'bulletin_issues' "
                              "AND action = 'update' AND changes LIKE '%统计局反馈数据更正%'"),
                   ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* now the import goes through */
  g_assert_cmpint (run_tuijin (f, &out, &err, "import", "progress", csv, "--month", "2026-10",
                               NULL),
                   ==, 0);
  g_assert_cmpint (scalar (f, "SELECT sum (completed) FROM monthly_reports WHERE month = 10"), ==,
                   sum + 10000 * working);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* nothing left to unlock */
  g_assert_cmpint (run_tuijin (f, &out, &err, "unlock", "bulletin", "--month", "2026-10", "--by",
                               "李四", "--reason", "再次更正", NULL),
                   ==, 1);
  g_assert_cmpstr (err, ==, "tuijin: 2026年10月的通报未签发，没有需要解锁的月报。\n");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-10", NULL),
                   ==, 2);
  g_assert_cmpstr (err, ==, "tuijin: issue bulletin 需要 --month YYYY-MM 和 --by 姓名。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-13", "--by",
                               "张三", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--month"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-10", "--by",
                               "张三", "extra", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* a date that is not one, or before the month: bad data */
  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-10", "--by",
                               "张三", "--date", "2026-09-30", NULL),
                   ==, 1);
  g_assert_cmpstr (err, ==, "tuijin: 签发日期：2026-09-30 早于通报所属的 2026年10月。\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (scalar (f, "SELECT count(*) FROM bulletin_issues"), ==, 0);

  /* --date defaults to today */
  g_assert_cmpint (run_tuijin (f, &out, &err, "issue", "bulletin", "--month", "2026-01", "--by",
                               "张三", NULL),
                   ==, 0);
  {
    g_autofree char *today = tj_date_today ();
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM bulletin_issues WHERE "
                                            "month = '2026-01' AND issued_on = '%s'",
                                            today);

    g_assert_cmpint (scalar (f, sql), ==, 1);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the help lists both */
  g_assert_cmpint (run_tuijin (f, &out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "issue bulletin --month YYYY-MM --by NAME [--date YYYY-MM-DD]"));
  g_assert_nonnull (strstr (out, "unlock bulletin --month YYYY-MM --by NAME --reason TEXT"));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);

  g_test_add ("/tj/cli/period/issue-and-unlock", Fixture, NULL, fixture_set_up,
              test_issue_and_unlock, fixture_tear_down);
  g_test_add ("/tj/cli/period/usage", Fixture, NULL, fixture_set_up, test_usage,
              fixture_tear_down);
  return g_test_run ();
}
