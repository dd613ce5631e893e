/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Project exit (issue 10, policy 十二): each rule at its edge, a proposal by hand, the decision's
 * validation, an exit taking a project out of the bulletins after it, of the monthly entry list
 * and of the 要素保障 ledger and the 统计入库 list made today, the proposal list read back from
 * its workbook. */
#include "tj-test.h"

#include "tj-audit.h"
#include "tj-bulletin.h"
#include "tj-element-report.h"
#include "tj-element.h"
#include "tj-error.h"
#include "tj-exit.h"
#include "tj-problem.h"
#include "tj-progress.h"
#include "tj-project-query.h"
#include "tj-statistics-entry.h"

static void
exec (TjDb       *db,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* 安阳路 (1): 新开工 due 2025-12, not started: its start light red from March 2026 (3 months
 * late, as test-accountability finds). 嵩山大道 (2): a continuing project planned to start
 * 2026-03, started 2026-01: no rule. 少林路 (3): of 2025, not finished, carried over as 4;
 * 黄河路 (5): of 2025, not finished, not carried over; 淮河路 (6): of 2025, finished 2025-11. */
static void
fill (TjDb *db)
{
  exec (db,
        "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
        "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
        "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, "
        "annual_plan, planned_start, actual_start, actual_completion, carried_from) VALUES "
        "(1, 2026, '安阳路', 'city', 'new', 901, 901, 0, '2025-12', NULL, NULL, NULL),"
        "(2, 2026, '嵩山大道', 'city', 'continuing', 901, 901, 12000000, '2026-03', "
        "'2026-01-10', NULL, NULL),"
        "(3, 2025, '少林路', 'city', 'continuing', 901, 901, 0, NULL, '2024-05-01', NULL, NULL),"
        "(4, 2026, '少林路（续建）', 'city', 'continuing', 901, 901, 0, NULL, '2024-05-01', "
        "NULL, 3),"
        "(5, 2025, '黄河路', 'city', 'continuing', 901, 901, 0, NULL, '2024-05-01', NULL, NULL),"
        "(6, 2025, '淮河路', 'city', 'continuing', 901, 901, 0, NULL, '2024-05-01', "
        "'2025-11-20', NULL);");
}

static TjExitCandidate *
find (GPtrArray *candidates,
      gint64     id)
{
  for (guint i = 0; i < candidates->len; i++)
    if (((TjExitCandidate *) g_ptr_array_index (candidates, i))->project_id == id)
      return g_ptr_array_index (candidates, i);
  return NULL;
}

static guint
rules_of (TjDb       *db,
          const char *as_of,
          gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = tj_exit_candidates (db, 2026, as_of, &error);
  TjExitCandidate *c;

  g_assert_no_error (error);
  g_assert_nonnull (candidates);
  c = find (candidates, id);
  return c != NULL ? c->rules : 0;
}

/* Red in March and April (the bulletins as of 2026-05-01): two months, no exit; red in March,
 * April and May (as of 2026-06-01): three. Planned 2025-12, not started: the sixth month after
 * is 2026-06, so not on 2026-05-31 and from 2026-06-01. */
static void
test_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  TjExitCandidate *c;

  fill (db);
  g_assert_cmpuint (rules_of (db, "2026-05-01", 1) & TJ_EXIT_RED_THREE_MONTHS, ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-05-31", 1) & TJ_EXIT_NOT_STARTED, ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-06-01", 1), ==,
                    TJ_EXIT_RED_THREE_MONTHS | TJ_EXIT_NOT_STARTED);
  /* started: never; carried over or finished: no; not carried over: yes */
  g_assert_cmpuint (rules_of (db, "2026-12-31", 2) & TJ_EXIT_NOT_STARTED, ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-12-31", 3), ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-12-31", 6), ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-02-01", 5), ==, TJ_EXIT_NOT_CARRIED);

  candidates = tj_exit_candidates (db, 2026, "2026-06-01", &error);
  g_assert_no_error (error);
  c = find (candidates, 1);
  g_assert_cmpstr (c->facts->str, ==,
                   "2026年3月、4月、5月的月通报均为红灯（连续 3 个月）。 "
                   "计划 2025-12 开工，截至 2026-06-01 未开工（已过 6 个月）。");
  tj_test_db_free (&db, &dir);
}

/* A clerk proposes 嵩山大道; the decision is refused without a document number and before the
 * proposal, taken on the day of it, and refused a second time. */
static void
test_propose_and_decide (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;

  fill (db);
  g_assert_false (tj_exit_propose (db, 2, "2026-06-10", "  ", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tj_exit_propose (db, 2, "2026-06-10", "业主资金链断裂", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rules_of (db, "2026-06-09", 2) & TJ_EXIT_BY_HAND, ==, 0);
  g_assert_cmpuint (rules_of (db, "2026-06-10", 2) & TJ_EXIT_BY_HAND, ==, TJ_EXIT_BY_HAND);

  g_assert_false (tj_exit_decide (db, 2, "2026-07-01", "", -1, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "文号：请填写市政府决定的文号。");
  g_clear_error (&error);
  g_assert_false (tj_exit_decide (db, 2, "2026-06-09", "登政〔2026〕12号", -1, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "决定日期：2026-06-09 早于退出建议提出日期 2026-06-10。");
  g_clear_error (&error);
  g_assert_false (tj_exit_decide (db, 2, "2026-06-10", "登政〔2026〕12号", 1235, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tj_exit_decide (db, 2, "2026-06-10", "登政〔2026〕12号", 1235, "2026-07-02",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT exit_land FROM project_exits WHERE project_id = 2"),
                   ==, 1235);
  /* the history of the project holds the exit */
  {
    g_autoptr (GPtrArray) history = tj_audit_history (db, "projects", 2, &error);
    TjAuditEntry *last;

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, >=, 1);
    last = g_ptr_array_index (history, 0);
    g_assert_cmpstr (last->action, ==, "insert");
    g_assert_cmpuint (last->changes->len, ==, 4);
    g_assert_cmpstr (g_ptr_array_index (last->changes, 0), ==, "退出决定日期：2026-06-10");
    g_assert_cmpstr (g_ptr_array_index (last->changes, 1), ==, "退出决定文号：登政〔2026〕12号");
    g_assert_cmpstr (g_ptr_array_index (last->changes, 2), ==, "收回土地（亩）：12.35");
    g_assert_cmpstr (g_ptr_array_index (last->changes, 3), ==, "收回土地日期：2026-07-02");
  }
  g_assert_false (tj_exit_decide (db, 2, "2026-06-11", "登政〔2026〕13号", -1, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  /* no longer a candidate once exited */
  g_assert_cmpuint (rules_of (db, "2026-06-10", 2), ==, 0);
  tj_test_db_free (&db, &dir);
}

/* 嵩山大道 exits on 2026-05-15: still in May's bulletin (the month holding the exit date), gone
 * from June's; the year's totals to the yuan. */
static void
test_exit_leaves_bulletins (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) may = NULL;
  g_autoptr (TjBulletin) june = NULL;

  fill (db);
  exec (db, "INSERT INTO monthly_reports (project_id, month, completed) VALUES "
            "(2, 4, 4000000), (2, 5, 1234567), (1, 5, 1000);");
  g_assert_true (tj_exit_propose (db, 2, "2026-05-01", "不再实施", &error));
  g_assert_true (tj_exit_decide (db, 2, "2026-05-15", "登政〔2026〕8号", -1, NULL, &error));
  g_assert_no_error (error);

  may = tj_bulletin_build (db, 2026, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (may->projects->len, ==, 3);
  g_assert_cmpint (may->overall.plan, ==, 12000000);
  g_assert_cmpint (may->overall.cumulative, ==, 5235567);
  june = tj_bulletin_build (db, 2026, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (june->projects->len, ==, 2);
  g_assert_cmpint (june->overall.plan, ==, 0);
  g_assert_cmpint (june->overall.cumulative, ==, 1000);
  /* the project page's filter: 已退出 shows it, 未退出 the others */
  {
    g_autoptr (TjProjectQuery) query = tj_project_query_new (2026);
    g_autoptr (GArray) exited = NULL;
    g_autoptr (GArray) active = NULL;
    TjProjectSummary summary;

    query->exit = TJ_PROJECT_EXIT_EXITED;
    exited = tj_project_query_ids (db, query, &summary, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (exited->len, ==, 1);
    g_assert_cmpint (g_array_index (exited, gint64, 0), ==, 2);
    query->exit = TJ_PROJECT_EXIT_ACTIVE;
    active = tj_project_query_ids (db, query, &summary, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (active->len, ==, 2);
  }
  tj_test_db_free (&db, &dir);
}

/* Whether sheet SHEET of the workbook at path names text in its first 26 columns and 40 rows. */
static gboolean
workbook_names (const char *path,
                guint       sheet,
                const char *text)
{
  g_autoptr (GVariant) facts = tj_test_xlsx_read (path, sheet, "A1:Z40", NULL);

  return strstr (tj_test_xlsx_fact (facts, "A1:Z40"), text) != NULL;
}

/* The 进度填报 page's list for a month counts the projects active in it: 嵩山大道, exited on
 * 2026-05-15, is in May's list and out of June's. */
static void
test_exit_leaves_entry_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) may = NULL;
  g_autoptr (GPtrArray) june = NULL;

  fill (db);
  g_assert_true (tj_exit_propose (db, 2, "2026-05-01", "不再实施", &error));
  g_assert_true (tj_exit_decide (db, 2, "2026-05-15", "登政〔2026〕8号", -1, NULL, &error));
  g_assert_no_error (error);
  may = tj_progress_list_month (db, 2026, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (may->len, ==, 3);
  june = tj_progress_list_month (db, 2026, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (june->len, ==, 2);
  for (guint i = 0; i < june->len; i++)
    g_assert_cmpstr (((TjMonthRow *) g_ptr_array_index (june, i))->project_name, !=, "嵩山大道");
  tj_test_db_free (&db, &dir);
}

/* The 要素保障 ledger and the 统计入库 list are made today: a project that exited before today
 * leaves both (嵩山大道 started 2026-01-10 with 5 000 万元, over the 500 万元 threshold, and a
 * 中央资金 need). */
static void
test_exit_leaves_elements (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjElement) element = tj_element_new (2, TJ_ELEMENT_CENTRAL);
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *entry = NULL;

  fill (db);
  exec (db, "UPDATE projects SET total_investment = 50000000 WHERE id = 2");
  tj_element_set_amounts (element, "100", NULL, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  element->needed_date = g_strdup ("2026-04-01");
  g_assert_true (tj_element_save (db, element, &error));
  g_assert_no_error (error);
  ledger = g_build_filename (dir, "要素保障.xlsx", NULL);
  entry = g_build_filename (dir, "入库.xlsx", NULL);

  before = tj_statistics_rates (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpuint (((TjStatisticsRate *) g_ptr_array_index (before, 0))->meeting, ==, 1);
  g_assert_true (tj_element_ledger_write (db, 2026, ledger, &error));
  g_assert_no_error (error);
  g_assert_true (workbook_names (ledger, 0, "嵩山大道"));
  g_assert_true (tj_statistics_entry_write (db, 2026, entry, &error));
  g_assert_no_error (error);
  g_assert_true (workbook_names (entry, 0, "嵩山大道"));

  g_assert_true (tj_exit_propose (db, 2, "2026-05-01", "不再实施", &error));
  g_assert_true (tj_exit_decide (db, 2, "2026-05-15", "登政〔2026〕8号", -1, NULL, &error));
  g_assert_no_error (error);
  after = tj_statistics_rates (db, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpuint (((TjStatisticsRate *) g_ptr_array_index (after, i))->meeting, ==, 0);
  g_assert_true (tj_element_ledger_write (db, 2026, ledger, &error));
  g_assert_no_error (error);
  g_assert_false (workbook_names (ledger, 0, "嵩山大道"));
  g_assert_true (tj_statistics_entry_write (db, 2026, entry, &error));
  g_assert_no_error (error);
  g_assert_false (workbook_names (entry, 0, "嵩山大道"));
  g_assert_false (workbook_names (entry, 1, "嵩山大道"));
  tj_test_db_free (&db, &dir);
}

/* The proposal list: one row per candidate, read back from the workbook. */
static void
test_workbook (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autofree char *path = NULL;

  fill (db);
  path = g_build_filename (dir, "退出.xlsx", NULL);
  g_assert_true (tj_exit_write (db, 2026, "2026-06-01", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "C4", "F4", "C5", "F5", "C6", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C4"), ==, "安阳路");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F4"), ==, "连续三个月红灯；计划开工满六个月未开工");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C5"), ==, "黄河路");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F5"), ==, "上年度未结转");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "C6"), ==, "");
  tj_test_db_free (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/exits/rules", test_rules);
  g_test_add_func ("/exits/propose-and-decide", test_propose_and_decide);
  g_test_add_func ("/exits/exit-leaves-bulletins", test_exit_leaves_bulletins);
  g_test_add_func ("/exits/exit-leaves-entry-list", test_exit_leaves_entry_list);
  g_test_add_func ("/exits/exit-leaves-elements", test_exit_leaves_elements);
  g_test_add_func ("/exits/workbook", test_workbook);
  return g_test_run ();
}
