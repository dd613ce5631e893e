/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leaders (policy 一, 五): delegations named on the reports, visits in the bulletin's notes, the
 * service contact card. */
#include "tj-test.h"

#include <string.h>

#include "tj-accountability.h"
#include "tj-bulletin.h"
#include "tj-contact-card.h"
#include "tj-delegation.h"
#include "tj-error.h"
#include "tj-visit.h"

/* The detail table's columns: 序号 项目名称 级别 性质 行业 内容 乡镇 责任单位 分包市领导 */
#define DETAIL_LEADER 8
/* The accountability list's: 序号 情形 项目 乡镇 责任单位 分包市领导 */
#define ACCOUNTABILITY_LEADER 5

#define OFFICER(db) tj_test_scalar (db, "SELECT id FROM people WHERE name = '王明'")

/* 张三 (1) and 李四 (2) city leaders, 王明 (OFFICER) an officer, 赵敏 (4) the locality's staff; 张三
 * holds 嵩山大道 (reported every month of 2026), 李四 holds 少林路. */
static gint64
fill (TjDb *db)
{
  gint64 project;

  tj_test_exec (
    db,
    "INSERT INTO people (id, name, phone, is_leader) VALUES (1, '张三', '13800000001', 1),"
    "(2, '李四', '13800000002', 1);"
    "INSERT INTO people (id, name, phone, unit_id, is_staff) VALUES "
    "(4, '赵敏', '0371-62800004', 1, 1);");
  project = tj_test_reported_project (db, "嵩山大道", "第%d月进度");
  tj_test_exec (
    db,
    "UPDATE people SET phone = '13900000003' WHERE name = '王明';"
    "UPDATE projects SET leader_id = 1, owner = '登封市城建投资公司' WHERE name = '嵩山大道';"
    "INSERT INTO projects (year, name, level, nature, locality_id, leader_id, officer_id) "
    "SELECT 2026, '少林路', 'city', 'new', 1, 2, id FROM people WHERE name = '王明';");
  return project;
}

static gboolean
delegate (TjDb       *db,
          gint64      leader,
          gint64      acting,
          const char *from,
          const char *to,
          GError    **error)
{
  g_autoptr (TjDelegation) d = tj_delegation_new ();

  d->leader_id = leader;
  d->acting_id = acting;
  d->date_from = g_strdup (from);
  d->date_to = g_strdup (to);
  d->reason = g_strdup ("外出学习");
  return tj_delegation_save (db, d, error);
}

static void
test_delegation_rule (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 acting = -1;

  fill (db);
  /* a month less a day is not "一个月以上" */
  g_assert_false (delegate (db, 1, 2, "2026-03-15", "2026-04-13", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "截止日期："));
  g_assert_nonnull (strstr (error->message, "2026-04-14"));
  g_clear_error (&error);
  /* the acting leader is another city leader */
  g_assert_false (delegate (db, 1, 1, "2026-03-01", "2026-03-31", &error));
  g_assert_true (g_str_has_prefix (error->message, "代理领导："));
  g_clear_error (&error);
  g_assert_false (delegate (db, 1, OFFICER (db), "2026-03-01", "2026-03-31", &error));
  g_assert_true (g_str_has_prefix (error->message, "代理领导："));
  g_clear_error (&error);

  g_assert_true (delegate (db, 1, 2, "2026-03-01", "2026-03-31", &error));
  g_assert_no_error (error);
  /* a second one overlapping it is refused, naming the first */
  g_assert_false (delegate (db, 1, 2, "2026-03-31", "2026-05-10", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "起始日期："));
  g_assert_nonnull (strstr (error->message, "2026-03-01"));
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count (*) FROM delegations"), ==, 1);
  /* the day after it ends another may start; the log holds both */
  g_assert_true (delegate (db, 1, 2, "2026-04-01", "2026-04-30", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count (*) FROM audit WHERE table_name = "
                                       "'delegations'"), ==, 2);

  g_assert_true (tj_delegation_acting_leader (db, 1, "2026-03-31", &acting, &error));
  g_assert_cmpint (acting, ==, 2);
  g_assert_true (tj_delegation_acting_leader (db, 1, "2026-05-01", &acting, &error));
  g_assert_cmpint (acting, ==, 0);
  g_assert_true (tj_delegation_acting_leader (db, 2, "2026-03-15", &acting, &error));
  g_assert_cmpint (acting, ==, 0);
  list = tj_delegation_list (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TjDelegation *) list->pdata[0])->acting, ==, "李四");
  g_assert_true (tj_delegation_delete (db, ((TjDelegation *) list->pdata[1])->id, &error));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count (*) FROM delegations"), ==, 1);
}

static char *
bulletin_leader (TjDb *db,
                 int   month)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) b = tj_bulletin_build (db, 2026, month, &error);
  g_autoptr (TjReportBook) book = NULL;
  TjReport *details;

  g_assert_no_error (error);
  book = tj_bulletin_book (b);
  details = g_ptr_array_index (book->reports, 2);
  g_assert_cmpstr (tj_report_get_cell (details, 0, 1)->value.text, ==, "嵩山大道");
  return g_strdup (tj_report_get_cell (details, 0, DETAIL_LEADER)->value.text);
}

/* Delegated from 2026-03-10 to 2026-04-20: the March bulletin (as of 03-31) names
 * 张三（李四代）; April's (as of 04-30, after the delegation) names 张三 again; the
 * accountability list names the leader as of its day. */
static void
test_delegation_on_reports (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReportBook) book = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  TjReport *list;

  fill (db);
  before = bulletin_leader (db, 3);
  g_assert_cmpstr (before, ==, "张三");
  g_assert_true (delegate (db, 1, 2, "2026-03-10", "2026-04-20", &error));
  g_assert_no_error (error);
  during = bulletin_leader (db, 3);
  g_assert_cmpstr (during, ==, "张三（李四代）");
  after = bulletin_leader (db, 4);
  g_assert_cmpstr (after, ==, "张三");

  /* the accountability list names the leader as of its day */
  tj_test_exec (
    db,
    "INSERT INTO meetings (id, kind, date, name) VALUES (1, 'monthly', '2026-03-05', '三月例会');"
    "INSERT INTO matters (meeting_id, content, project_id, unit_id, assigned, deadline) "
    "SELECT 1, '征地协调', id, 1, '2026-03-05', '2026-03-12' FROM projects "
    "WHERE name = '嵩山大道';");
  book = tj_accountability_book (db, "2026-03-01", "2026-03-31", "2026-04-01", &error);
  g_assert_no_error (error);
  list = g_ptr_array_index (book->reports, 0);
  g_assert_cmpuint (tj_report_get_n_rows (list), ==, 1);
  g_assert_cmpstr (tj_report_get_cell (list, 0, ACCOUNTABILITY_LEADER)->value.text, ==,
                   "张三（李四代）");
  g_clear_pointer (&book, tj_report_book_free);
  book = tj_accountability_book (db, "2026-03-01", "2026-03-31", "2026-05-01", &error);
  g_assert_no_error (error);
  list = g_ptr_array_index (book->reports, 0);
  g_assert_cmpstr (tj_report_get_cell (list, 0, ACCOUNTABILITY_LEADER)->value.text, ==, "张三");
}

static void
visit (TjDb       *db,
       gint64      project,
       gint64      person,
       const char *date)
{
  g_autoptr (TjVisit) v = tj_visit_new ();
  g_autoptr (GError) error = NULL;

  v->project_id = project;
  v->person_id = person;
  v->date = g_strdup (date);
  v->found = g_strdup ("临时用电未接通");
  g_assert_true (tj_visit_save (db, v, &error));
  g_assert_no_error (error);
}

static const char *
visits_note (TjReport *overview)
{
  for (guint i = 0; i < overview->notes->len; i++)
    if (g_str_has_prefix (overview->notes->pdata[i], "本月市领导"))
      return overview->notes->pdata[i];
  return NULL;
}

static void
test_visits_in_bulletin (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjVisit) bad = tj_visit_new ();
  g_autoptr (GPtrArray) list = NULL;
  gint64 project = fill (db);
  gint64 other = tj_test_scalar (db, "SELECT id FROM projects WHERE name = '少林路'");

  visit (db, project, 1, "2026-03-05");
  visit (db, project, 1, "2026-3-28");
  visit (db, other, 2, "2026-03-31");
  visit (db, project, OFFICER (db), "2026-03-06");  /* the officer's: not a leader's */
  visit (db, other, 1, "2026-03-07");    /* not a project 张三 holds */
  visit (db, project, 1, "2026-04-01");  /* April's */

  /* a staff member is not a visitor this ledger keeps */
  bad->project_id = project;
  bad->person_id = 4;
  bad->date = g_strdup ("2026-03-08");
  g_assert_false (tj_visit_save (db, bad, &error));
  g_assert_true (g_str_has_prefix (error->message, "走访人："));
  g_clear_error (&error);

  list = tj_visit_list (db, project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((TjVisit *) list->pdata[0])->date, ==, "2026-04-01");
  g_assert_cmpstr (((TjVisit *) list->pdata[2])->date, ==, "2026-03-06");

  for (int month = 2; month <= 4; month++)
    {
      g_autoptr (TjBulletin) b = tj_bulletin_build (db, 2026, month, &error);
      g_autoptr (TjReportBook) book = NULL;
      const char *note;

      g_assert_no_error (error);
      book = tj_bulletin_book (b);
      note = visits_note (g_ptr_array_index (book->reports, 0));
      if (month == 2)
        g_assert_null (note);
      else if (month == 3)
        g_assert_cmpstr (note, ==, "本月市领导到分包项目现场调研3次：张三2次、李四1次。");
      else
        g_assert_cmpstr (note, ==, "本月市领导到分包项目现场调研1次：张三1次。");
    }
}

static void
test_contact_card (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cli_path = NULL;
  g_autofree char *cli_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db_path = g_build_filename (dir, "test.db", NULL);
  g_auto (GStrv) pages = NULL;
  gint64 project = fill (db);

  g_assert_true (delegate (db, 1, 2, "2026-03-10", "2026-04-20", &error));
  g_assert_true (tj_db_set_setting (db, TJ_CONTACT_CARD_CENTRE_PHONE_KEY, "0371-62812345",
                                    &error));
  g_assert_no_error (error);
  path = g_build_filename (dir, "联系卡.pdf", NULL);
  g_assert_true (tj_contact_cards_write (db, &project, 1, "2026-03-15", path, &error));
  g_assert_no_error (error);
  text = tj_test_pdf_text (path, "-layout");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "服务联系卡"));
  g_assert_nonnull (strstr (text, "嵩山大道"));
  g_assert_nonnull (strstr (text, "登封市城建投资公司"));
  g_assert_nonnull (strstr (text, "张三（李四代）"));
  /* the acting leader's phone, not the absent one's */
  g_assert_nonnull (strstr (text, "13800000002"));
  g_assert_null (strstr (text, "13800000001"));
  g_assert_nonnull (strstr (text, "王明"));
  g_assert_nonnull (strstr (text, "13900000003"));
  g_assert_nonnull (strstr (text, "赵敏"));
  g_assert_nonnull (strstr (text, "0371-62800004"));
  g_assert_nonnull (strstr (text, "登封市行政服务中心"));
  g_assert_nonnull (strstr (text, "0371-62812345"));

  /* the command line, every project of the year one card a page, after the delegation */
  cli_path = g_build_filename (dir, "全部.pdf", NULL);
  g_clear_object (&db);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "export", "contacts", "--year", "2026",
                                       "--date", "2026-05-01", "--output", cli_path, NULL),
                   ==, 0);
  cli_text = tj_test_pdf_text (cli_path, "-layout");
  g_assert_nonnull (strstr (cli_text, "少林路"));
  g_assert_nonnull (strstr (cli_text, "13800000001"));
  g_assert_null (strstr (cli_text, "李四代）"));
  /* one card a page: pdftotext ends each page with a form feed */
  pages = g_strsplit (cli_text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, 3);
  g_assert_cmpstr (pages[2], ==, "");
  tj_test_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

/* In force from its first day to its last, both included (the 委托中 tag of the leaders' window). */
static void
test_delegation_in_force (void)
{
  g_autoptr (TjDelegation) d = tj_delegation_new ();

  d->date_from = g_strdup ("2026-03-15");
  d->date_to = g_strdup ("2026-04-14");
  g_assert_false (tj_delegation_in_force (d, "2026-03-14"));
  g_assert_true (tj_delegation_in_force (d, "2026-03-15"));
  g_assert_true (tj_delegation_in_force (d, "2026-04-14"));
  g_assert_false (tj_delegation_in_force (d, "2026-04-15"));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/leaders/delegation-rule", test_delegation_rule);
  g_test_add_func ("/leaders/delegation-in-force", test_delegation_in_force);
  g_test_add_func ("/leaders/delegation-on-reports", test_delegation_on_reports);
  g_test_add_func ("/leaders/visits-in-bulletin", test_visits_in_bulletin);
  g_test_add_func ("/leaders/contact-card", test_contact_card);
  return g_test_run ();
}
