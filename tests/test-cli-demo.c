/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tuijin demo` end to end: fills an empty database once, then refuses. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-element.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-project.h"
#include "tj-tour.h"

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

  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "demo", "--year", "2026", NULL), ==, 0);
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
  g_assert_cmpint (tj_test_run_tuijin (db_path, &again_out, &again_err, "demo", "--year", "2026",
                                       NULL),
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
  g_assert_cmpint (tj_test_run_tuijin (db_path, &usage_out, &usage_err, "demo", "--year", "1800",
                                       NULL),
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
  g_assert_cmpint (tj_test_run_tuijin (db_path, &demo_out, &demo_err, "demo", "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "check", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "已检查 "));

  /* A committed limit longer than the statutory one, written behind the form's back. */
  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (tj_db_exec (db,
                             "UPDATE approval_items SET committed_days = statutory_days + 5 "
                             "WHERE id = (SELECT min(id) FROM approval_items)",
                             NULL));
  g_object_unref (db);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &bad_out, &bad_err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (bad_err, "审批事项"));
  g_assert_nonnull (strstr (bad_err, "承诺时限"));
  g_assert_nonnull (strstr (bad_err, "发现 1 个问题"));
  tj_test_rmdir (dir);
}

/* The one integer of a query. */
static gint64
query_id (TjDb       *db,
          const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* `tuijin check` validates the stored inspections (with their rectifications) and matters by
 * core's own rules, naming the record and the field. */
static void
test_check_names_bad_inspection_and_matter (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = tj_test_db_path (&dir);
  g_autofree char *out = NULL, *err = NULL, *bad_out = NULL, *bad_err = NULL;
  g_autofree char *demo_out = NULL, *demo_err = NULL;
  g_autofree char *matter_line = NULL, *inspection_line = NULL, *rectification_line = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjMatter) matter = NULL;
  g_autoptr (TjInspection) inspection = NULL;
  g_autoptr (TjInspection) rectified = NULL;
  gint64 matter_id, inspection_id, rectified_id;
  TjDb *db;

  g_assert_cmpint (tj_test_run_tuijin (db_path, &demo_out, &demo_err, "demo", "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* Written behind the forms' back: a matter's deadline that is no date, a verified figure beyond the limit
   * figure, and a rectification's deadline that is no date. */
  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  matter_id = query_id (db, "SELECT min(id) FROM matters");
  inspection_id = query_id (db, "SELECT min(id) FROM inspections");
  rectified_id = query_id (db, "SELECT i.id FROM rectifications c JOIN "
                                        "inspection_findings f ON f.id = c.finding_id JOIN "
                                        "inspections i ON i.id = f.inspection_id "
                                        "WHERE i.id <> (SELECT min(id) FROM inspections) "
                                        "ORDER BY c.id LIMIT 1");
  g_assert_cmpint (rectified_id, >, 0);
  g_assert_true (tj_db_exec (db,
                             "UPDATE matters SET deadline = '2026-12-32' "
                             "WHERE id = (SELECT min(id) FROM matters)",
                             NULL));
  g_assert_true (tj_db_exec (db,
                             "UPDATE inspections SET verified = 900000000000000000 "
                             "WHERE id = (SELECT min(id) FROM inspections)",
                             NULL));
  g_assert_true (tj_db_exec (db,
                             "UPDATE rectifications SET deadline = '2026-12-32' WHERE id = "
                             "(SELECT min(c.id) FROM rectifications c JOIN inspection_findings f "
                             "ON f.id = c.finding_id WHERE f.inspection_id <> "
                             "(SELECT min(id) FROM inspections))",
                             NULL));
  matter = tj_matter_load (db, matter_id, &error);
  g_assert_no_error (error);
  inspection = tj_inspection_load (db, inspection_id, &error);
  g_assert_no_error (error);
  rectified = tj_inspection_load (db, rectified_id, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (tj_test_run_tuijin (db_path, &bad_out, &bad_err, "check", NULL), ==, 1);
  matter_line = g_strdup_printf ("tuijin: %s 的会议“%s”，事项“%s”：办结期限", matter->meeting_date,
                                 matter->meeting_name, matter->content);
  inspection_line = g_strdup_printf ("tuijin: 2026 年“%s”，%s 的巡查：核实累计完成超过上限",
                                     inspection->project_name, inspection->date);
  rectification_line = g_strdup_printf ("tuijin: 2026 年“%s”，%s 的巡查：第 1 个问题的第 1 项整改：整改期限",
                                        rectified->project_name, rectified->date);
  g_test_message ("%s", bad_err);
  g_assert_nonnull (strstr (bad_err, matter_line));
  g_assert_nonnull (strstr (bad_err, inspection_line));
  g_assert_nonnull (strstr (bad_err, rectification_line));
  g_assert_nonnull (strstr (bad_err, "发现 3 个问题"));
  tj_test_rmdir (dir);
}

/* The line check prints for a problem, up to its message: "tuijin: " and the text. */
static void
assert_line (const char *err,
             const char *line)
{
  g_autofree char *prefixed = g_strconcat ("tuijin: ", line, NULL);

  if (strstr (err, prefixed) == NULL)
    g_error ("not in the check's output: %s", prefixed);
}

/* `tuijin check` validates the records of the mechanisms by core's own functions: a tour whose
 * weights do not add up to 100, a tour score beyond its weight, a delegation to the leader
 * away, a visit on no date, secured funds beyond those sought and a follow-up on no date, each
 * written behind the forms' back and each named. */
static void
test_check_names_bad_mechanism_records (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = tj_test_db_path (&dir);
  g_autofree char *out = NULL, *err = NULL, *bad_out = NULL, *bad_err = NULL;
  g_autofree char *demo_out = NULL, *demo_err = NULL;
  g_autofree char *line = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjTour) weighed = NULL, scored = NULL;
  g_autoptr (TjProject) visited = NULL, funded = NULL, followed = NULL;
  g_autoptr (sqlite3_stmt) delegation = NULL;
  g_autofree char *leader = NULL, *from = NULL, *to = NULL;
  g_autoptr (GPtrArray) elements = NULL;
  TjElement *element = NULL;
  gint64 element_id;
  TjDb *db;

  g_assert_cmpint (tj_test_run_tuijin (db_path, &demo_out, &demo_err, "demo", "--year", "2026",
                                       NULL),
                   ==, 0);
  g_assert_cmpint (tj_test_run_tuijin (db_path, &out, &err, "check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  db = tj_db_open (db_path, &error);
  g_assert_no_error (error);
  weighed = tj_tour_load (db, query_id (db, "SELECT min(id) FROM tours"), &error);
  g_assert_no_error (error);
  scored = tj_tour_load (db, query_id (db, "SELECT max(id) FROM tours"), &error);
  g_assert_no_error (error);
  visited = tj_project_load (db, query_id (db, "SELECT project_id FROM visits ORDER BY id "
                                              "LIMIT 1"), &error);
  g_assert_no_error (error);
  funded = tj_project_load (db, query_id (db, "SELECT project_id FROM project_elements WHERE "
                                             "secured_date IS NOT NULL ORDER BY id LIMIT 1"),
                            &error);
  g_assert_no_error (error);
  followed = tj_project_load (db, query_id (db, "SELECT project_id FROM statistics_followups "
                                               "ORDER BY id LIMIT 1"), &error);
  g_assert_no_error (error);
  delegation = tj_db_prepare (db, "SELECT p.name, d.date_from, d.date_to FROM delegations d "
                                  "JOIN people p ON p.id = d.leader_id ORDER BY d.id LIMIT 1",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (delegation), ==, SQLITE_ROW);
  leader = g_strdup ((const char *) sqlite3_column_text (delegation, 0));
  from = g_strdup ((const char *) sqlite3_column_text (delegation, 1));
  to = g_strdup ((const char *) sqlite3_column_text (delegation, 2));
  g_clear_pointer (&delegation, sqlite3_finalize);
  elements = tj_elements_load (db, funded->id, &error);
  g_assert_no_error (error);
  element_id = query_id (db, "SELECT min(id) FROM project_elements WHERE secured_date IS NOT "
                             "NULL");
  for (guint i = 0; i < elements->len; i++)
    if (((TjElement *) g_ptr_array_index (elements, i))->id == element_id)
      element = g_ptr_array_index (elements, i);
  g_assert_nonnull (element);

  /* The table checks stop two of them; a damaged file or another tool would not. */
  g_assert_true (tj_db_exec (db,
                             "PRAGMA ignore_check_constraints = ON; "
                             "UPDATE tour_criteria SET weight = weight + 5 WHERE id = (SELECT "
                             "min(c.id) FROM tour_criteria c WHERE c.tour_id = (SELECT min(id) "
                             "FROM tours)); "
                             "UPDATE tour_scores SET score = 9000 WHERE id = (SELECT min(s.id) "
                             "FROM tour_scores s JOIN tour_projects t ON t.id = "
                             "s.tour_project_id WHERE t.tour_id = (SELECT max(id) FROM tours)); "
                             "UPDATE delegations SET acting_id = leader_id WHERE id = (SELECT "
                             "min(id) FROM delegations); "
                             "UPDATE visits SET date = '2026-02-30' WHERE id = (SELECT min(id) "
                             "FROM visits); "
                             "UPDATE project_elements SET secured = needed + 10000 WHERE id = "
                             "(SELECT min(id) FROM project_elements WHERE secured_date IS NOT "
                             "NULL); "
                             "UPDATE statistics_followups SET date = '2026-13-01' WHERE id = "
                             "(SELECT min(id) FROM statistics_followups); "
                             "PRAGMA ignore_check_constraints = OFF",
                             &error));
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (tj_test_run_tuijin (db_path, &bad_out, &bad_err, "check", NULL), ==, 1);
  g_test_message ("%s", bad_err);
  line = g_strdup_printf ("%s 的观摩“%s”：权重：各项评分标准的权重合计为 105，应为 100。",
                          weighed->date, weighed->name);
  assert_line (bad_err, line);
  g_free (line);
  line = g_strdup_printf ("%s 的观摩“%s”：项目“%s”的“", scored->date, scored->name,
                          ((TjTourStop *) g_ptr_array_index (scored->stops, 0))->name);
  assert_line (bad_err, line);
  g_free (line);
  line = g_strdup_printf ("%s的委托（%s 至 %s）：代理领导：应为外出领导以外的另一位市领导。",
                          leader, from, to);
  assert_line (bad_err, line);
  g_free (line);
  line = g_strdup_printf ("2026 年“%s”，", visited->name);
  assert_line (bad_err, line);
  g_assert_nonnull (strstr (bad_err, " 2026-02-30 的调研走访：日期：请填写日期，如 2026-03-01。"));
  g_free (line);
  line = g_strdup_printf ("2026 年“%s”，%s 申请的%s：%s不能超过", funded->name,
                          element->needed_date, tj_element_kind_label (element->kind),
                          tj_element_kind_is_fund (element->kind) ? "到位金额" : "");
  if (tj_element_kind_is_fund (element->kind))
    assert_line (bad_err, line);
  g_free (line);
  line = g_strdup_printf ("2026 年“%s”，%s 申请的%s：", funded->name, element->needed_date,
                          tj_element_kind_label (element->kind));
  assert_line (bad_err, line);
  g_assert_nonnull (strstr (bad_err, "不能超过"));
  g_free (line);
  line = g_strdup_printf ("2026 年“%s”，2026-13-01 的入库跟进：跟进日期：", followed->name);
  assert_line (bad_err, line);
  g_assert_nonnull (strstr (bad_err, "发现 6 个问题"));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/cli/demo/fills-once-then-refuses", test_demo_then_refuse);
  g_test_add_func ("/tj/cli/check/names-a-bad-approval-item", test_check_names_bad_records);
  g_test_add_func ("/tj/cli/check/names-a-bad-inspection-and-matter",
                   test_check_names_bad_inspection_and_matter);
  g_test_add_func ("/tj/cli/check/names-bad-mechanism-records",
                   test_check_names_bad_mechanism_records);
  return g_test_run ();
}
