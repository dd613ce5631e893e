/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Protecting issued figures: issuing a month's bulletin locks its reports, an unlock needs a
 * reason and is logged, and the status tells when the figures differ from those issued. */
#include "tj-test.h"

#include <locale.h>
#include <string.h>

#include "tj-bulletin.h"
#include "tj-date.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-period-lock.h"
#include "tj-progress.h"
#include "tj-project.h"

typedef struct
{
  char *dir;
  TjDb *db;
  gint64 project;     /* a project of 2026 that reported October and September */
  char *name;
  gint64 october;     /* its October, yuan */
  gint64 september;
} Fixture;

/* The demo database: 2025 and 2026 reported through October 2026. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, 2026, &error));
  g_assert_no_error (error);
  stmt = tj_db_prepare (f->db,
                        "SELECT p.id, p.name, o.completed, s.completed FROM projects p "
                        "JOIN monthly_reports o ON o.project_id = p.id AND o.month = 10 "
                        "JOIN monthly_reports s ON s.project_id = p.id AND s.month = 9 "
                        "WHERE p.year = 2026 AND o.completed > 0 AND s.completed > 0 "
                        "ORDER BY p.id LIMIT 1",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->project = sqlite3_column_int64 (stmt, 0);
  f->name = tj_db_column_dup (stmt, 1);
  f->october = sqlite3_column_int64 (stmt, 2);
  f->september = sqlite3_column_int64 (stmt, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->name);
  tj_test_db_free (&f->db, &f->dir);
}

static gint64
report_of (Fixture *f,
           int      month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT completed FROM monthly_reports "
                                          "WHERE project_id = %" G_GINT64_FORMAT
                                          " AND month = %d), -1)",
                                          f->project, month);

  return tj_test_scalar (f->db, sql);
}

static TjPeriodStatus *
status_of (Fixture *f,
           int      month)
{
  g_autoptr (GError) error = NULL;
  TjPeriodStatus *status = NULL;

  g_assert_true (tj_period_status (f->db, 2026, month, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

static void
issue_october (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_period_issue (f->db, 2026, 10, "2026-11-05", "张三", &error));
  g_assert_no_error (error);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Issuing locks the month: the form, an import, deleting the report and deleting the project
 * are all refused with TJ_ERROR_PERIOD_LOCKED, and the figures stay; September is still open. */
static void
test_issue_locks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (TjPeriodStatus) before = status_of (f, 10);
  g_autoptr (TjPeriodStatus) after = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  gint64 reports = tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 10");
  gint64 audit;
  guint count = 0;

  g_assert_false (before->issued);
  g_assert_false (before->locked);
  g_assert_null (before->issued_on);

  g_assert_true (tj_period_count_reports (f->db, 2026, 10, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==,
                    tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports m JOIN projects p "
                                           "ON p.id = m.project_id WHERE p.year = 2026 "
                                           "AND m.month = 10"));
  g_assert_cmpuint (count, >, 50);

  issue_october (f);
  after = status_of (f, 10);
  g_assert_true (after->issued);
  g_assert_true (after->locked);
  g_assert_cmpstr (after->issued_on, ==, "2026-11-05");
  g_assert_cmpstr (after->issued_by, ==, "张三");
  g_assert_null (after->unlock_reason);
  g_assert_false (after->differs);
  /* the issue itself is in the log */
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM audit WHERE table_name = "
                                          "'bulletin_issues' AND action = 'insert'"),
                   ==, 1);
  audit = tj_test_scalar (f->db, "SELECT count(*) FROM audit");

  /* the progress page's save */
  g_assert_false (tj_progress_save (f->db, f->project, 10, f->october + 10000, "加快施工", NULL,
                                    NULL, NULL, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  /* in words, translated */
  g_assert_nonnull (strstr (error->message, "锁定"));
  g_assert_nonnull (strstr (error->message, "解锁"));
  g_clear_error (&error);
  /* a first report of the month, for a project that had none */
  {
    g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (
        f->db,
        "SELECT id FROM projects p WHERE year = 2026 AND NOT EXISTS (SELECT 1 FROM "
        "monthly_reports m WHERE m.project_id = p.id AND m.month = 10) LIMIT 1",
        NULL);

    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_assert_false (tj_progress_save (f->db, sqlite3_column_int64 (stmt, 0), 10, 10000, NULL,
                                          NULL, NULL, NULL, NULL, &error));
        g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
        g_clear_error (&error);
      }
  }
  /* un-reporting the month */
  g_assert_false (tj_progress_delete (f->db, f->project, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  g_clear_error (&error);
  /* an import of the month */
  text = g_strdup_printf ("项目名称,当月完成（万元）,形象进度\n%s,1,主体施工\n", f->name);
  csv = write_file (f, "october.csv", text);
  g_assert_false (tj_progress_import (f->db, csv, 2026, 10, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  g_clear_error (&error);
  /* moving the project to another year's list moves its reports out of the month */
  {
    g_autofree char *move = g_strdup_printf ("UPDATE projects SET year = 2027 WHERE id = %"
                                             G_GINT64_FORMAT, f->project);

    g_assert_false (tj_db_exec (f->db, move, &error));
  }
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  g_clear_error (&error);
  /* deleting the project deletes its reports */
  g_assert_false (tj_project_delete (f->db, f->project, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  g_clear_error (&error);

  /* the figures stay, and nothing was logged */
  g_assert_cmpint (report_of (f, 10), ==, f->october);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 10"),
                   ==, reports);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM audit"), ==, audit);
  g_clear_pointer (&after, tj_period_status_free);
  after = status_of (f, 10);
  g_assert_false (after->differs);

  /* another month is still written */
  g_assert_true (tj_progress_save (f->db, f->project, 9, f->september, "九月更正", NULL, NULL,
                                   NULL, NULL, &error));
  g_assert_no_error (error);
  /* and the same month of another year */
  {
    g_autoptr (TjPeriodStatus) last_year = NULL;

    g_assert_true (tj_period_status (f->db, 2025, 10, &last_year, &error));
    g_assert_no_error (error);
    g_assert_false (last_year->locked);
  }
}

/* An unlock needs a reason and a person; with them the change goes through, and the log keeps
 * the unlock with its reason. */
static void
test_unlock (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (TjPeriodStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *today = tj_date_today ();

  issue_october (f);

  g_assert_false (tj_period_unlock (f->db, 2026, 10, "李四", NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "原因"));
  g_clear_error (&error);
  g_assert_false (tj_period_unlock (f->db, 2026, 10, "李四", "  \t ", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "原因"));
  g_clear_error (&error);
  g_assert_false (tj_period_unlock (f->db, 2026, 10, "", "更正统计口径", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "解锁人"));
  g_clear_error (&error);
  /* still locked */
  g_assert_false (tj_progress_save (f->db, f->project, 10, f->october + 10000, NULL, NULL, NULL,
                                    NULL, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
  g_clear_error (&error);

  g_assert_true (tj_period_unlock (f->db, 2026, 10, "李四", "统计局反馈数据更正", &error));
  g_assert_no_error (error);
  status = status_of (f, 10);
  g_assert_true (status->issued);
  g_assert_false (status->locked);
  g_assert_cmpstr (status->unlocked_by, ==, "李四");
  g_assert_cmpstr (status->unlock_reason, ==, "统计局反馈数据更正");
  g_assert_cmpstr (status->unlocked_on, ==, today);
  g_assert_false (status->differs);

  /* the log: one update of the issue, with the reason */
  stmt = tj_db_prepare (f->db,
                        "SELECT changes FROM audit WHERE table_name = 'bulletin_issues' "
                        "AND action = 'update'",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  changes = tj_db_column_dup (stmt, 0);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_nonnull (strstr (changes, "\"unlock_reason\":[null,\"统计局反馈数据更正\"]"));
  g_assert_nonnull (strstr (changes, "\"unlocked_by\":[null,\"李四\"]"));

  /* the change goes through, and the issued bulletin now differs */
  g_assert_true (tj_progress_save (f->db, f->project, 10, f->october + 10000, NULL, NULL, NULL,
                                   NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report_of (f, 10), ==, f->october + 10000);
  g_clear_pointer (&status, tj_period_status_free);
  status = status_of (f, 10);
  g_assert_true (status->differs);

  /* nothing more to unlock; issued again, it locks again with the new figures */
  g_assert_false (tj_period_unlock (f->db, 2026, 10, "李四", "再次解锁", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tj_period_issue (f->db, 2026, 10, "2026-11-20", "张三", &error));
  g_assert_no_error (error);
  g_clear_pointer (&status, tj_period_status_free);
  status = status_of (f, 10);
  g_assert_true (status->locked);
  g_assert_cmpstr (status->issued_on, ==, "2026-11-20");
  g_assert_false (status->differs);
  g_assert_false (tj_progress_delete (f->db, f->project, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_PERIOD_LOCKED);
}

/* September is not locked: correcting it changes October's cumulative, so the issued October
 * differs from the current figures; put back, it is the same again. */
static void
test_differs (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (TjPeriodStatus) status = NULL;
  g_autoptr (GError) error = NULL;

  issue_october (f);
  status = status_of (f, 10);
  g_assert_false (status->differs);

  g_assert_true (tj_progress_save (f->db, f->project, 9, f->september + 500000, NULL, NULL, NULL,
                                   NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&status, tj_period_status_free);
  status = status_of (f, 10);
  g_assert_true (status->locked);
  g_assert_true (status->differs);

  g_assert_true (tj_progress_save (f->db, f->project, 9, f->september, NULL, NULL, NULL, NULL,
                                   NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&status, tj_period_status_free);
  status = status_of (f, 10);
  g_assert_false (status->differs);

  /* a plan changed in the register changes the rates */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE projects SET annual_plan = annual_plan + "
                                            "1000000 WHERE id = %" G_GINT64_FORMAT,
                                            f->project);

    g_assert_true (tj_db_exec (f->db, sql, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&status, tj_period_status_free);
  status = status_of (f, 10);
  g_assert_true (status->differs);
}

/* What an issue needs: a person, a date of the month or after it, no standing issue. */
static void
test_issue_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_period_issue (f->db, 2026, 10, "2026-11-05", "  ", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "签发人"));
  g_clear_error (&error);
  g_assert_false (tj_period_issue (f->db, 2026, 10, "2026-11-31", "张三", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "签发日期"));
  g_clear_error (&error);
  g_assert_false (tj_period_issue (f->db, 2026, 10, "2026-09-30", "张三", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "签发日期"));
  g_clear_error (&error);
  g_assert_false (tj_period_issue (f->db, 2026, 13, "2026-11-05", "张三", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM bulletin_issues"), ==, 0);

  /* any date the forms read, kept as ISO */
  g_assert_true (tj_period_issue (f->db, 2026, 10, "2026/11/5", " 张三 ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar_bind (f->db, "SELECT count(*) FROM bulletin_issues WHERE "
                                               "issued_on = '2026-11-05' AND issued_by = ?",
                                        "张三"),
                   ==, 1);
  g_assert_false (tj_period_issue (f->db, 2026, 10, "2026-11-06", "王五", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-11-05"));
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM bulletin_issues"), ==, 1);
}

/* The digest holds nothing the locale orders or translates: the command line under C and the
 * window under zh_CN agree. */
static void
test_digest_locale (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) chinese = tj_bulletin_build (f->db, 2026, 10, &error);
  g_autoptr (TjBulletin) plain = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  g_assert_no_error (error);
  first = tj_period_bulletin_digest (chinese);
  g_assert_cmpuint (strlen (first), ==, 64);
  setlocale (LC_ALL, "C");
  plain = tj_bulletin_build (f->db, 2026, 10, &error);
  setlocale (LC_ALL, saved);
  g_assert_no_error (error);
  second = tj_period_bulletin_digest (plain);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tj/period-lock/issue-locks", test_issue_locks);
  ADD ("/tj/period-lock/unlock", test_unlock);
  ADD ("/tj/period-lock/differs", test_differs);
  ADD ("/tj/period-lock/issue-refused", test_issue_refused);
  ADD ("/tj/period-lock/digest-locale", test_digest_locale);
#undef ADD
  return g_test_run ();
}
