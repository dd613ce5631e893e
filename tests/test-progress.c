/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Monthly reports (月报): the store, its sums and rules, and the import of a month. Figures in
 * yuan; 1 万元 = 10 000 yuan. */
#include "tj-test.h"

#include <string.h>

#include "tj-audit.h"
#include "tj-bulletin.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-ledger.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-progress.h"
#include "tj-project.h"
#include "tj-unit.h"

#define WAN 10000

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("TJ_SAMPLES"), name, NULL);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return TRUE;
  return FALSE;
}

/* A project of `year` in 嵩阳街道 with an annual plan in 万元. */
static gint64
add_project (TjDb       *db,
             int         year,
             const char *name,
             gint64      plan_wan)
{
  g_autoptr (TjProject) project = tj_project_new ();
  g_autoptr (GError) error = NULL;
  gint64 officer = tj_person_find (db, "郑宏伟");

  if (officer == 0)
    {
      g_autoptr (TjPerson) person = tj_person_new ();

      person->name = g_strdup ("郑宏伟");
      person->is_officer = TRUE;
      g_assert_true (tj_person_save (db, person, &error));
      officer = person->id;
    }
  project->year = year;
  project->name = g_strdup (name);
  project->level = TJ_LEVEL_CITY;
  project->nature = TJ_NATURE_CONTINUING;
  project->locality_id = tj_unit_find (db, "嵩阳街道");
  project->officer_id = officer;
  project->total_investment = 100000 * WAN;
  project->annual_plan = plan_wan * WAN;
  g_assert_true (tj_project_save (db, project, &error));
  g_assert_no_error (error);
  return project->id;
}

static void
save (TjDb       *db,
      gint64      project,
      int         month,
      gint64      completed,
      const char *progress)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_progress_save (db, project, month, completed, progress, "无", NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
}

static TjMonthRow *
month_row (GPtrArray *rows,
           gint64     project_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      TjMonthRow *row = g_ptr_array_index (rows, i);

      if (row->project_id == project_id)
        return row;
    }
  g_assert_not_reached ();
}

static void
changed_cb (TjDb       *db,
            const char *table,
            guint      *count)
{
  if (g_str_equal (table, "monthly_reports"))
    (*count)++;
}

static void
projects_changed_cb (TjDb       *db,
                     const char *table,
                     guint      *count)
{
  if (g_str_equal (table, "projects"))
    (*count)++;
}

static void
test_save_upsert_cumulative (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);
  guint changes = 0;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changes);

  save (db, id, 1, 100 * WAN, "完成基础工程");
  save (db, id, 2, 50 * WAN, "主体施工10%");
  g_assert_cmpint (tj_progress_cumulative (db, id, 1), ==, 100 * WAN);
  g_assert_cmpint (tj_progress_cumulative (db, id, 2), ==, 150 * WAN);
  g_assert_cmpint (tj_progress_cumulative (db, id, 12), ==, 150 * WAN);

  /* Saving a month again replaces it: still one report per month. */
  save (db, id, 2, 70 * WAN, "主体施工15%");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 2);
  g_assert_cmpint (tj_progress_cumulative (db, id, 2), ==, 170 * WAN);
  g_assert_cmpuint (changes, ==, 3);
  tj_test_rmdir (dir);
}

static void
test_negative_correction (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);

  save (db, id, 1, 100 * WAN, "完成基础工程");
  save (db, id, 2, 70 * WAN, "主体施工15%");
  /* March takes back 20 万元 overstated earlier: 100 + 70 − 20. */
  save (db, id, 3, -20 * WAN, "核减重复统计投资");
  g_assert_cmpint (tj_progress_cumulative (db, id, 3), ==, 150 * WAN);

  /* A correction larger than all before: 150 − 200 = −50. Nothing is written. */
  g_assert_false (tj_progress_save (db, id, 4, -200 * WAN, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1—4月累计将为 -50.0000 万元，不能小于 0。");
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 3);

  /* A change of an earlier month is judged at every month after it: January down to 10 leaves
   * 1—3 at 10 + 70 − 20 = 60; February at −100 would make 1—2 10 − 100 = −90. */
  save (db, id, 1, 10 * WAN, NULL);
  g_assert_cmpint (tj_progress_cumulative (db, id, 3), ==, 60 * WAN);
  g_assert_false (tj_progress_save (db, id, 2, -100 * WAN, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "1—2月累计将为 -90.0000 万元，不能小于 0。");
  g_clear_error (&error);
  /* Without February's 70, March's correction leaves 1—3 at 10 − 20. */
  g_assert_false (tj_progress_delete (db, id, 2, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1—3月累计将为 -10.0000 万元，不能小于 0。");
  g_clear_error (&error);
  g_assert_cmpint (tj_progress_cumulative (db, id, 3), ==, 60 * WAN);
  tj_test_rmdir (dir);
}

static void
test_delete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);

  save (db, id, 1, 100 * WAN, "完成基础工程");
  save (db, id, 2, 70 * WAN, "主体施工15%");
  g_assert_true (tj_progress_delete (db, id, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_progress_cumulative (db, id, 2), ==, 100 * WAN);
  rows = tj_progress_list_month (db, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_false (month_row (rows, id)->reported);
  /* Un-reporting a month that has no report does nothing. */
  g_assert_true (tj_progress_delete (db, id, 5, &error));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 1);
  g_assert_false (tj_progress_delete (db, id, 13, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  tj_test_rmdir (dir);
}

static void
test_month_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 river = add_project (db, 2026, "书院河生态修复工程", 1200);
  gint64 road = add_project (db, 2026, "嵩山大道北延工程", 800);
  gint64 park = add_project (db, 2026, "观星台天文科普园项目", 0);
  gint64 last_year = add_project (db, 2025, "少林水库除险加固工程", 500);
  TjMonthRow *row;

  save (db, river, 1, 100 * WAN, "完成基础工程");
  save (db, river, 2, 200 * WAN, "主体施工20%");
  save (db, river, 3, 150 * WAN, "主体施工35%");
  save (db, road, 1, 80 * WAN, "路基施工");
  save (db, road, 2, 40 * WAN, "路基施工");
  save (db, park, 3, 30 * WAN, "办理施工许可");
  save (db, last_year, 3, 99 * WAN, "主体封顶");

  rows = tj_progress_list_month (db, 2026, 3, &error);
  g_assert_no_error (error);
  /* Every project of the year's list, in the register's order; not last year's. */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((TjMonthRow *) g_ptr_array_index (rows, 0))->project_id, ==, river);
  g_assert_cmpint (((TjMonthRow *) g_ptr_array_index (rows, 1))->project_id, ==, road);
  g_assert_cmpint (((TjMonthRow *) g_ptr_array_index (rows, 2))->project_id, ==, park);

  row = month_row (rows, river);
  g_assert_cmpstr (row->project_name, ==, "书院河生态修复工程");
  g_assert_cmpstr (row->locality_name, ==, "嵩阳街道");
  g_assert_cmpint (row->month, ==, 3);
  g_assert_cmpint (row->annual_plan, ==, 1200 * WAN);
  g_assert_cmpint (row->previous, ==, 300 * WAN);
  g_assert_cmpint (row->completed, ==, 150 * WAN);
  g_assert_cmpint (row->cumulative, ==, 450 * WAN);
  g_assert_true (row->reported);
  g_assert_cmpstr (row->progress, ==, "主体施工35%");
  g_assert_cmpstr (row->problems, ==, "无");
  /* 450 of 1 200 */
  g_assert_cmpfloat_with_epsilon (tj_month_row_get_rate (row), 0.375, 1e-12);

  /* No report for March: marked, nothing done this month, the months before still count. */
  row = month_row (rows, road);
  g_assert_false (row->reported);
  g_assert_cmpint (row->previous, ==, 120 * WAN);
  g_assert_cmpint (row->completed, ==, 0);
  g_assert_cmpint (row->cumulative, ==, 120 * WAN);
  g_assert_null (row->progress);
  g_assert_cmpfloat_with_epsilon (tj_month_row_get_rate (row), 0.15, 1e-12);

  /* No annual plan: no rate. */
  row = month_row (rows, park);
  g_assert_true (row->reported);
  g_assert_cmpint (row->cumulative, ==, 30 * WAN);
  g_assert_cmpfloat (tj_month_row_get_rate (row), ==, -1);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tj_progress_list_month (db, 2026, 1, &error);
  g_assert_cmpint (month_row (rows, river)->previous, ==, 0);
  g_assert_cmpint (month_row (rows, river)->cumulative, ==, 100 * WAN);
  g_assert_false (month_row (rows, park)->reported);
  tj_test_rmdir (dir);
}

static void
test_project_months (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) months = NULL;
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);
  TjMonthRow *row;

  save (db, id, 1, 100 * WAN, "完成基础工程");
  save (db, id, 3, 150 * WAN, "主体施工35%");
  save (db, id, 4, -50 * WAN, "核减重复统计投资");
  months = tj_progress_list_project (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (((TjMonthRow *) g_ptr_array_index (months, i))->month, ==, i + 1);
  row = g_ptr_array_index (months, 1);
  g_assert_false (row->reported);
  g_assert_cmpint (row->cumulative, ==, 100 * WAN);
  row = g_ptr_array_index (months, 2);
  g_assert_true (row->reported);
  g_assert_cmpint (row->completed, ==, 150 * WAN);
  g_assert_cmpint (row->cumulative, ==, 250 * WAN);
  g_assert_cmpstr (row->progress, ==, "主体施工35%");
  row = g_ptr_array_index (months, 3);
  g_assert_cmpint (row->completed, ==, -50 * WAN);
  g_assert_cmpint (row->previous, ==, 250 * WAN);
  g_assert_cmpint (row->cumulative, ==, 200 * WAN);
  row = g_ptr_array_index (months, 11);
  g_assert_cmpint (row->cumulative, ==, 200 * WAN);
  g_assert_cmpint (row->year, ==, 2026);

  g_assert_null (tj_progress_list_project (db, id + 100, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND);
  tj_test_rmdir (dir);
}

static void
test_actual_dates_and_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);
  guint project_changes = 0;

  g_signal_connect (db, "changed", G_CALLBACK (projects_changed_cb), &project_changes);
  g_assert_true (tj_progress_save (db, id, 3, 40 * WAN, "完成基础工程", "无", "推进主体施工",
                                   "2026/3/15", NULL, &error));
  g_assert_no_error (error);
  project = tj_project_load (db, id, &error);
  g_assert_cmpstr (project->actual_start, ==, "2026-03-15");
  g_assert_null (project->actual_completion);
  g_clear_object (&project);
  g_assert_cmpuint (project_changes, ==, 1);

  /* NULL, or the same date, leaves the project as it is. */
  save (db, id, 4, 40 * WAN, "主体施工10%");
  g_assert_true (tj_progress_save (db, id, 4, 40 * WAN, "主体施工10%", "无", NULL, "2026-03-15",
                                   NULL, &error));
  project = tj_project_load (db, id, &error);
  g_assert_cmpstr (project->actual_start, ==, "2026-03-15");
  g_clear_object (&project);
  g_assert_cmpuint (project_changes, ==, 1);

  g_assert_false (tj_progress_save (db, id, 5, 0, NULL, NULL, NULL, NULL, "2026-03-01", &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "实际竣工不能早于实际开工。");
  g_clear_error (&error);
  g_assert_false (tj_progress_save (db, id, 5, 0, NULL, NULL, NULL, "2026-02-30", NULL, &error));
  g_assert_cmpstr (error->message, ==, "“2026-02-30”不是有效日期（请写作 2026-03-15）");
  g_clear_error (&error);
  g_assert_false (tj_progress_save (db, id, 13, 0, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "月份必须在 1 到 12 之间。");
  g_clear_error (&error);
  g_assert_false (tj_progress_save (db, id + 100, 5, 0, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "该项目已不存在。");
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 2);

  /* The rules name the field, for the page to show them at the cell. */
  problems = tj_progress_validate (db, id, 5, -100 * WAN, "2026-04-01", "2026-03-31");
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (tj_problems_find (problems, "actual_completion"), ==,
                   "实际竣工不能早于实际开工。");
  g_assert_cmpstr (tj_problems_find (problems, "completed"), ==,
                   "1—5月累计将为 -20.0000 万元，不能小于 0。");

  g_assert_true (tj_progress_save (db, id, 10, 10 * WAN, "已竣工", "无", NULL, NULL, "2026-10-20",
                                   &error));
  project = tj_project_load (db, id, &error);
  g_assert_cmpstr (project->actual_start, ==, "2026-03-15");
  g_assert_cmpstr (project->actual_completion, ==, "2026-10-20");
  tj_test_rmdir (dir);
}

static void
test_audit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  gint64 id = add_project (db, 2026, "书院河生态修复工程", 1200);

  save (db, id, 1, 100 * WAN, "完成基础工程");
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports' "
                          "AND action = 'insert' AND json_extract (changes, "
                          "'$.completed[1]') = 1000000"),
      ==, 1);
  /* The same values again change nothing and log nothing. */
  save (db, id, 1, 100 * WAN, "完成基础工程");
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports'"), ==,
      1);
  save (db, id, 1, 90 * WAN, "完成基础工程");
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports' "
                          "AND action = 'update' AND changes = "
                          "'{\"completed\":[1000000,900000]}'"),
      ==, 1);
  g_assert_true (tj_progress_save (db, id, 1, 90 * WAN, "完成基础工程", "无", NULL, "2026-01-05",
                                   NULL, &error));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'projects' "
                                       "AND action = 'update' AND changes = "
                                       "'{\"actual_start\":[null,\"2026-01-05\"]}'"),
                   ==, 1);
  g_assert_true (tj_progress_delete (db, id, 1, &error));
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports' "
                          "AND action = 'delete'"),
      ==, 1);
  tj_test_rmdir (dir);
}

/* The office's ledger of 84 projects, which the progress samples report on. */
static void
import_ledger (TjDb *db)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);
}

static TjImportResult *
import_month (TjDb       *db,
              const char *path,
              int         month)
{
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_progress_import (db, path, 2026, month, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors->len, ==, 0);
  return g_steal_pointer (&result);
}

static void
import_sample_month (TjDb *db,
                     int   month)
{
  g_autofree char *name = g_strdup_printf ("progress-2026-%02d.csv", month);
  g_autofree char *path = sample (name);
  g_autoptr (TjImportResult) result = import_month (db, path, month);
}

/* How many ids of table the import entries name. */
static gint64
imported_ids (TjDb       *db,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (sum ((r.value ->> 1) - (r.value ->> 0) + 1), 0) FROM audit a, "
    "json_each (a.changes, '$.tables.%s.ids') r WHERE a.action = 'import'", table);

  return tj_test_scalar (db, sql);
}

static TjMonthRow *
named_row (GPtrArray  *rows,
           const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      TjMonthRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->project_name, name))
        return row;
    }
  g_assert_not_reached ();
}

static gint64
month_sum (TjDb *db,
           int   month)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT coalesce (sum (completed), 0) FROM monthly_reports WHERE month = %d",
                     month);

  return tj_test_scalar (db, sql);
}

static void
test_import_samples (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autofree char *february = sample ("progress-2026-02.csv");
  g_autofree char *march = sample ("progress-2026-03.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  TjMonthRow *row;
  guint changes = 0;

  import_ledger (db);
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changes);

  /* January: 当月完成, UTF-8 with a byte order mark; 45 of the 84 projects. */
  result = import_month (db, january, 1);
  g_assert_cmpuint (result->added, ==, 45);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->warnings, 0), ==,
                   "2026 年名单中有 39 个项目不在文件中，视为本月未报。");
  g_assert_cmpuint (changes, ==, 1);
  g_clear_pointer (&result, tj_import_result_free);

  /* February: 1-2月累计; the month is the difference from January as stored. */
  result = import_month (db, february, 2);
  g_assert_cmpuint (result->added, ==, 51);
  g_clear_pointer (&result, tj_import_result_free);

  /* March: 当月完成 again, GB18030. */
  result = import_month (db, march, 3);
  g_assert_cmpuint (result->added, ==, 49);
  g_clear_pointer (&result, tj_import_result_free);

  /* The sums of each month over the files, worked out from them: January 308 705.6255 万元;
   * February Σ(1-2月累计) − Σ(January of the same projects) = 371 797.5255 万元; March
   * 350 577.8644 万元. */
  g_assert_cmpint (month_sum (db, 1), ==, 3087056255);
  g_assert_cmpint (month_sum (db, 2), ==, 3717975255);
  g_assert_cmpint (month_sum (db, 3), ==, 3505778644);

  rows = tj_progress_list_month (db, 2026, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 84);

  /* 1 547.3937 in January, 2 334.1774 for 1-2月累计, 1 859.49 in March. */
  row = named_row (rows, "少林污水处理厂提标改造");
  g_assert_cmpint (row->previous, ==, 23341774);
  g_assert_cmpint (row->completed, ==, 18594900);
  g_assert_cmpint (row->cumulative, ==, 41936674);
  g_assert_cmpint (row->annual_plan, ==, 154787208);
  g_assert_cmpstr (row->progress, ==, "主体施工27%");
  g_assert_cmpstr (row->problems, ==, "无");
  g_assert_cmpstr (row->actual_start, ==, "2024-09-15");
  g_assert_cmpfloat_with_epsilon (tj_month_row_get_rate (row), 41936674.0 / 154787208.0, 1e-12);
  g_assert_cmpint (tj_progress_cumulative (db, row->project_id, 1), ==, 15473937);
  /* 2 334.1774 − 1 547.3937 */
  g_assert_cmpint (tj_progress_cumulative (db, row->project_id, 2) -
                     tj_progress_cumulative (db, row->project_id, 1),
                   ==, 7867837);

  /* 1-2月累计 equal to January's figure: nothing in February, but reported. */
  row = named_row (rows, "嵩山新材料产业园");
  g_assert_cmpint (row->previous, ==, 99963337);
  g_assert_cmpint (row->completed, ==, 73218600);

  /* Not in the March file: not reported in March; its cumulative stays at 7 889.73. */
  row = named_row (rows, "告成智慧物流园");
  g_assert_false (row->reported);
  g_assert_cmpint (row->completed, ==, 0);
  g_assert_cmpint (row->cumulative, ==, 78897300);
  g_assert_null (row->progress);

  /* Only in the March file. */
  row = named_row (rows, "石淙通用航空产业园");
  g_assert_true (row->reported);
  g_assert_cmpint (row->previous, ==, 0);
  g_assert_cmpint (row->completed, ==, 29780900);

  /* Not in February's file, whose 1-2月累计 of 4 975.6 is all February's. */
  row = named_row (rows, "阳城装配式建筑基地");
  g_assert_cmpint (row->previous, ==, 49756000);

  /* A name quoted with its quotes and commas in the file. */
  row = named_row (rows, "嵩山\"天地之中\"文化园，二期, 北区");
  g_assert_cmpint (row->previous, ==, 129601600);
  g_assert_cmpint (row->completed, ==, 53192737);

  /* Every report landed in the audit log: named by its month's import entry, none of its own. */
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports' "
                          "AND action = 'insert'"),
      ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE action = 'import' "
                                       "AND changes ->> '$.tables.monthly_reports' IS NOT NULL"),
                   ==, 3);
  g_assert_cmpint (imported_ids (db, "monthly_reports"), ==, 45 + 51 + 49);
  tj_test_rmdir (dir);
}

static void
test_reimport_replaces_month (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *march = sample ("progress-2026-03.csv");
  g_autofree char *smaller = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit;

  import_ledger (db);
  import_sample_month (db, 1);
  import_sample_month (db, 3);
  audit = tj_test_scalar (db, "SELECT count(*) FROM audit");

  /* The same file again: the same 49 reports, nothing changed, nothing logged. */
  result = import_month (db, march, 3);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 49);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit"), ==, audit);
  g_clear_pointer (&result, tj_import_result_free);

  /* A corrected March of two projects, one of them new this month: the other 47 reports of
   * March go. January stays. */
  smaller = write_file (dir, "march.csv",
                        "项目名称,当月完成（万元）,形象进度,存在问题,下步计划\r\n"
                        "少林污水处理厂提标改造,1900,主体施工28%,无,加快主体施工\r\n"
                        "书院智慧物流园,12.5,办理施工许可,施工许可证未办理,协调住建局\r\n");
  result = import_month (db, smaller, 3);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_true (has_string (result->warnings,
                             "2026 年名单中有 82 个项目不在文件中，视为本月未报。"));
  /* the removed reports are a count, told by the caller in the tense of what was done */
  g_assert_cmpuint (result->removed, ==, 48);
  g_assert_false (has_string (result->warnings, "其中 48 个项目原有的本月月报已删除。"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 3"), ==,
                   2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 1"), ==,
                   45);
  g_assert_cmpint (month_sum (db, 3), ==, 19000000 + 125000);
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'monthly_reports' "
                          "AND action = 'delete'"),
      ==, 48);

  rows = tj_progress_list_month (db, 2026, 3, &error);
  g_assert_cmpint (named_row (rows, "少林污水处理厂提标改造")->completed, ==, 19000000);
  g_assert_cmpstr (named_row (rows, "少林污水处理厂提标改造")->next_steps, ==, "加快主体施工");
  g_assert_cmpstr (named_row (rows, "书院智慧物流园")->problems, ==, "施工许可证未办理");
  g_assert_false (named_row (rows, "天地之中中学迁建项目")->reported);
  tj_test_rmdir (dir);
}

/* Problems tuijin check finds in the records (none expected: NULL). */
static GPtrArray *
check_records (TjDb *db)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  gint64 broken = -1, rows = 0;

  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&problems);
}

/* A month's import is one audit entry naming the file it keeps (its SHA-256): a dry run keeps
 * nothing; the reports a corrected file removes keep their fields in the log; a report or the
 * kept file changed behind Tuijin's back is named by the check, with the table in words; the
 * project's history names the file its reports came from. */
static void
test_import_one_entry (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *march = sample ("progress-2026-03.csv");
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *smaller = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  gint64 logged, project;
  TjAuditEntry *entry;

  import_ledger (db);
  g_assert_true (g_file_get_contents (march, &contents, &length, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  logged = tj_test_scalar (db, "SELECT max (id) FROM audit");

  /* a dry run keeps no file and writes no entry */
  g_assert_true (tj_progress_import (db, march, 2026, 3, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 49);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports WHERE kind = "
                                       "'monthly_reports'"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT max (id) FROM audit"), ==, logged);
  g_clear_pointer (&result, tj_import_result_free);

  result = import_month (db, march, 3);
  g_assert_cmpuint (result->added, ==, 49);
  /* one entry, after the ledger's, naming the file and its 49 reports */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE id > (SELECT max (id) "
                                       "FROM audit WHERE action = 'import' AND changes -> "
                                       "'$.tables.projects' IS NOT NULL)"), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT changes ->> '$.sha256' = ? FROM audit "
                                            "ORDER BY id DESC LIMIT 1", sha256), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT changes ->> '$.file' = ? FROM audit "
                                            "ORDER BY id DESC LIMIT 1", "progress-2026-03.csv"),
                   ==, 1);
  g_assert_cmpint (imported_ids (db, "monthly_reports"), ==, 49);
  g_assert_cmpint (tj_test_scalar (db, "SELECT size FROM imports WHERE kind = "
                                       "'monthly_reports'"), ==, length);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT count(*) FROM imports WHERE sha256 = ?",
                                        sha256), ==, 1);
  problems = check_records (db);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* the project's history: its March report came from the file */
  project = tj_project_find (db, 2026, "少林污水处理厂提标改造");
  history = tj_audit_history (db, "projects", project, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpuint (entry->changes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (entry->changes, 0),
                                   "导入自 progress-2026-03.csv（"));
  g_clear_pointer (&history, g_ptr_array_unref);

  /* a corrected March: the 48 reports it drops are logged field by field, the new one is the
   * second file's, and both imports verify */
  smaller = write_file (dir, "march.csv",
                        "项目名称,当月完成（万元）,形象进度,存在问题,下步计划\r\n"
                        "少林污水处理厂提标改造,1900,主体施工28%,无,加快主体施工\r\n"
                        "书院智慧物流园,12.5,办理施工许可,施工许可证未办理,协调住建局\r\n");
  g_clear_pointer (&result, tj_import_result_free);
  result = import_month (db, smaller, 3);
  g_assert_cmpuint (result->removed, ==, 48);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = "
                                       "'monthly_reports' AND action = 'delete' AND "
                                       "changes -> '$.completed' IS NOT NULL AND "
                                       "changes -> '$.project_id' IS NOT NULL"), ==, 48);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = "
                                       "'monthly_reports' AND action = 'update' AND "
                                       "changes ->> '$.completed[1]' = 19000000"), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 3);
  problems = check_records (db);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* an imported report changed behind Tuijin's back: the check names the file and the table */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER audit_monthly_reports_update", &error));
  g_assert_true (tj_db_exec (db, "UPDATE monthly_reports SET completed = completed + 1 "
                                 "WHERE month = 3 AND project_id = (SELECT id FROM projects "
                                 "WHERE name = '书院智慧物流园')", &error));
  problems = check_records (db);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "从“march.csv”导入的月报记录（第 3 次导入）与导入时写入的不符（被绕过推进"
                   "改动过）。");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (tj_db_exec (db, "UPDATE monthly_reports SET completed = completed - 1 "
                                 "WHERE month = 3 AND project_id = (SELECT id FROM projects "
                                 "WHERE name = '书院智慧物流园')", &error));

  /* the kept file changed: named by its name */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER imports_no_update", &error));
  g_assert_true (tj_db_exec (db, "UPDATE imports SET data = zeroblob (10) WHERE id = 2", &error));
  problems = check_records (db);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "progress-2026-03.csv"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "SHA-256"));
  tj_test_rmdir (dir);
}

static void
test_bad_file_writes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit;

  import_ledger (db);
  import_sample_month (db, 1);
  audit = tj_test_scalar (db, "SELECT count(*) FROM audit");

  /* A title above the header, good rows, and one bad cell of each kind. */
  path = write_file (dir, "bad.csv",
                     "登封市重点项目2026年2月进展情况,,,,,\n"
                     "项目名称,当月完成（万元）,形象进度,存在问题,实际开工,实际竣工\n"
                     "少林污水处理厂提标改造,800,主体施工18%,无,,\n"
                     "少林污水处理厂提标改造工程,100,主体施工18%,无,,\n"
                     "石淙供水管网改造工程,12.34567,主体施工18%,无,,\n"
                     "书院通用航空产业园,500,主体施工18%,无,2026-02-31,\n"
                     "少林污水处理厂提标改造,100,主体施工18%,无,,\n"
                     ",100,主体施工18%,无,,\n"
                     "颍河新材料产业园,-2000,核减,无,,\n"
                     "告成智慧物流园,100,主体施工18%,无,,2024-01-01\n"
                     "中岳装配式建筑基地,-1433.44,核减,无,,\n");
  g_assert_false (tj_progress_import (db, path, 2026, 2, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "发现 7 处错误，未导入任何月报。");
  g_assert_cmpuint (result->errors->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 4 行，“项目名称”：2026 年名单中没有项目“少林污水处理厂提标改造工程”，"
                   "是否为“少林污水处理厂提标改造”？");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 5 行，“当月完成（万元）”：“12.34567”的小数超过 4 位（万元最多精确到 4 位"
                   "小数，即 1 元）");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 6 行，“实际开工”：“2026-02-31”不是有效日期（请写作 2026-03-15）");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 7 行，“项目名称”：“少林污水处理厂提标改造”与第 3 行重名。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 8 行，“项目名称”：项目名称不能为空。");
  /* Line 9: January 2 260.6437, February −2 000 leave 1—2 at 260.6437, a correction allowed.
   * Line 10: the logistics park started on 2024-08-15 by the ledger. Line 11: January 716.72,
   * February −1 433.44. */
  g_assert_cmpstr (g_ptr_array_index (result->errors, 5), ==,
                   "第 10 行，“实际竣工”：实际竣工不能早于实际开工。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 6), ==,
                   "第 11 行，“当月完成（万元）”：1—2月累计将为 -716.7200 万元，不能小于 0。");
  g_assert_cmpuint (result->added + result->updated, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 2"), ==,
                   0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit"), ==, audit);
  tj_test_rmdir (dir);
}

static void
test_negative_months_in_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  import_ledger (db);
  import_sample_month (db, 1);
  /* January 2 260.6437; a cumulative of 2 000 takes back 260.6437 in February. */
  path = write_file (dir, "feb.csv",
                     "项目名称,1-2月累计（万元）\n"
                     "颍河新材料产业园,2000\n");
  result = import_month (db, path, 2);
  g_assert_true (has_string (result->warnings,
                             "第 2 行：“颍河新材料产业园”当月完成 -260.6437 万元，为负数，"
                             "按对此前月份的更正处理。"));
  g_assert_cmpint (month_sum (db, 2), ==, -2606437);
  g_clear_pointer (&result, tj_import_result_free);

  /* Re-importing January without the park would leave 1—2 at −260.6437. */
  g_clear_pointer (&path, g_free);
  path = write_file (dir, "jan.csv", "项目名称,当月完成（万元）\n少林污水处理厂提标改造,1\n");
  g_assert_false (tj_progress_import (db, path, 2026, 1, FALSE, &result, &error));
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "“颍河新材料产业园”不在文件中，其本月月报将被删除，但删除后"
                   "1—2月累计将为 -260.6437 万元，不能小于 0。");
  g_assert_cmpint (month_sum (db, 1), ==, 3087056255);
  tj_test_rmdir (dir);
}

/* A month's amount is bounded as every amount is (the setting max_amount, 1 万亿元 without it),
 * whether saved on the progress page or imported; within it, saved. */
static void
test_amount_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  import_ledger (db);
  id = tj_project_find (db, 2026, "少林污水处理厂提标改造");
  g_assert_false (tj_progress_save (db, id, 1, G_GINT64_CONSTANT (1000000000001), NULL, NULL,
                                    NULL, NULL, NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "当月完成投资超过上限 1 万亿元。");
  g_clear_error (&error);
  g_assert_false (tj_progress_save (db, id, 1, -G_GINT64_CONSTANT (1000000000001), NULL, NULL,
                                    NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "当月完成投资低于下限 -1 万亿元。");
  g_clear_error (&error);
  /* 9.2e14 万元, near the most a gint64 holds in yuan, is refused too. */
  g_assert_false (tj_progress_save (db, id, 1, G_GINT64_CONSTANT (9200000000000000000), NULL,
                                    NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);

  path = write_file (dir, "jan.csv",
                     "项目名称,当月完成（万元）\n"
                     "少林污水处理厂提标改造,100000000.0001\n"
                     "颍河新材料产业园,90000000000000\n");
  g_assert_false (tj_progress_import (db, path, 2026, 1, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 2 行，“当月完成（万元）”：当月完成投资超过上限 1 万亿元。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 3 行，“当月完成（万元）”：当月完成投资超过上限 1 万亿元。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&result, tj_import_result_free);

  /* The organisation's own bound, in 万元; 1 万亿元 itself is within the default. */
  g_assert_true (tj_db_set_setting (db, "max_amount", "50000", &error));
  g_assert_false (tj_progress_save (db, id, 1, 50001 * G_GINT64_CONSTANT (10000), NULL, NULL,
                                    NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "当月完成投资超过上限 5 亿元。");
  g_clear_error (&error);
  g_assert_true (tj_db_set_setting (db, "max_amount", "", &error));
  save (db, id, 1, G_GINT64_CONSTANT (1000000000000), NULL);
  tj_test_rmdir (dir);
}

/* The sample of February written as an office's other spreadsheets head it. */
static void
test_cumulative_headers (void)
{
  const char *const headers[] = {
    "1-2月累计（万元）",     "1—2月累计（万元）",       "1–2月累计(万元)",
    "1~2月累计（万元）",     "1～2月累计完成（万元）",  " 1 - 2 月 累计完成投资 （万元）",
    "累计完成（万元）",      "2月累计（万元）",         "1－2月累计（万元）",
  };
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;

  import_ledger (db);
  import_sample_month (db, 1);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *text = g_strdup_printf ("项目名称,%s,形象进度\n"
                                               "少林污水处理厂提标改造,\"2,334.1774\",主体施工18%%\n",
                                               headers[i]);
      g_autofree char *path = write_file (dir, "feb.csv", text);
      g_autoptr (TjImportResult) result = NULL;

      g_test_message ("%s", headers[i]);
      tj_db_exec (db, "DELETE FROM monthly_reports WHERE month = 2", NULL);
      result = import_month (db, path, 2);
      g_assert_cmpuint (result->added, ==, 1);
      g_assert_cmpint (month_sum (db, 2), ==, 7867837);
    }

  /* A cumulative to another month would make every figure wrong. */
  {
    g_autofree char *path = write_file (dir, "feb.csv",
                                        "项目名称,1-3月累计（万元）\n少林污水处理厂提标改造,2334\n");
    g_autoptr (TjImportResult) result = NULL;

    g_assert_false (tj_progress_import (db, path, 2026, 2, FALSE, &result, &error));
    g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                     "“1-3月累计（万元）”列是 1—3月累计，但本次导入的是 2月 月报。");
    g_clear_error (&error);
  }
  /* Neither figure. */
  {
    g_autofree char *path = write_file (dir, "feb.csv",
                                        "项目名称,完成投资（万元）\n少林污水处理厂提标改造,2334\n");
    g_autoptr (TjImportResult) result = NULL;

    g_assert_false (tj_progress_import (db, path, 2026, 2, FALSE, &result, &error));
    g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                     "文件中既没有“当月完成（万元）”列，也没有“1—2月累计（万元）”列。");
    g_assert_true (has_string (result->warnings, "未知的列“完成投资（万元）”将被忽略。"));
    g_clear_error (&error);
  }
  /* Both, and they disagree: 1 547.3937 + 800 is not 2 334.1774. */
  {
    g_autofree char *path = write_file (dir, "feb.csv",
                                        "项目名称,当月完成（万元）,1-2月累计（万元）\n"
                                        "少林污水处理厂提标改造,800,2334.1774\n"
                                        "石淙供水管网改造工程,10705.83,16975.07\n");
    g_autoptr (TjImportResult) result = NULL;

    g_assert_false (tj_progress_import (db, path, 2026, 2, FALSE, &result, &error));
    g_assert_cmpuint (result->errors->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                     "第 2 行，“1-2月累计（万元）”：2334.1774 万元与此前各月已报的 1547.3937 万元"
                     "加当月完成的 800.0000 万元之和不符。");
    g_clear_error (&error);
  }
  tj_test_rmdir (dir);
}

static void
test_encodings (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  const char *text = "项目名称 ,当月完成(万元),形象进度,存在问题,下步计划,实际开工\r\n"
                     "书院智慧物流园,\"1,200.5\",完成基础工程,环评手续办理中,督促企业取得环评批复,"
                     "2026年2月3日\r\n";
  g_autofree char *gb18030 = NULL;
  g_autofree char *gb_path = NULL;
  g_autofree char *utf8_path = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  TjMonthRow *row;

  import_ledger (db);
  gb18030 = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  gb_path = g_build_filename (dir, "gb18030.csv", NULL);
  g_assert_true (g_file_set_contents (gb_path, gb18030, length, NULL));
  result = import_month (db, gb_path, 2);
  g_assert_cmpuint (result->added, ==, 1);
  g_clear_pointer (&result, tj_import_result_free);

  rows = tj_progress_list_month (db, 2026, 2, &error);
  row = named_row (rows, "书院智慧物流园");
  g_assert_cmpint (row->completed, ==, 12005000);
  g_assert_cmpstr (row->progress, ==, "完成基础工程");
  g_assert_cmpstr (row->problems, ==, "环评手续办理中");
  g_assert_cmpstr (row->next_steps, ==, "督促企业取得环评批复");
  g_assert_cmpstr (row->actual_start, ==, "2026-02-03");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The same in UTF-8 without a byte order mark, and 当月完成投资 for 当月完成. */
  utf8_path = write_file (dir, "utf8.csv",
                          "项目名称,当月完成投资（万元）\n书院智慧物流园,1300\n");
  result = import_month (db, utf8_path, 2);
  g_assert_cmpuint (result->updated, ==, 1);
  rows = tj_progress_list_month (db, 2026, 2, &error);
  row = named_row (rows, "书院智慧物流园");
  g_assert_cmpint (row->completed, ==, 13000000);
  /* Columns the file does not have leave the month's texts. */
  g_assert_cmpstr (row->progress, ==, "完成基础工程");
  tj_test_rmdir (dir);
}

static void
test_dry_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("progress-2026-01.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  import_ledger (db);
  g_assert_true (tj_progress_import (db, path, 2026, 1, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 45);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_clear_pointer (&result, tj_import_result_free);

  /* Another year's list does not have these projects. */
  g_assert_false (tj_progress_import (db, path, 2025, 1, FALSE, &result, &error));
  g_assert_cmpuint (result->errors->len, ==, 45);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 2 行，“项目名称”：2025 年名单中没有项目“少林污水处理厂提标改造”。");
  tj_test_rmdir (dir);
}

static void
test_demo_months (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjDb) other = tj_test_db_new (&other_dir);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const char *digest = "SELECT group_concat (project_id || ':' || month || ':' || completed || "
                       "':' || coalesce (progress, '') || ':' || coalesce (problems, ''), '|') "
                       "FROM (SELECT * FROM monthly_reports ORDER BY project_id, month)";
  double lowest = 10, highest = 0;
  guint unreported = 0, not_started = 0;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);

  /* Last year whole, this year to October. */
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM projects p WHERE year = 2025 AND (SELECT "
                          "count(*) FROM monthly_reports r WHERE r.project_id = p.id) <> 12"),
      ==, 0);
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT max (month) FROM monthly_reports r JOIN projects p ON "
                                   "p.id = r.project_id WHERE p.year = 2026"),
                   ==, 10);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE completed < 0"),
                   ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE problems = '无'")
                       * 2,
                   >, tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE problems IN "
                                       "('土地征收未完成', '环评手续办理中')"),
                   >, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE progress LIKE "
                                       "'主体施工%'"),
                   >, 0);

  rows = tj_progress_list_month (db, 2026, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TjMonthRow *row = g_ptr_array_index (rows, i);
      double rate = tj_month_row_get_rate (row);

      g_assert_cmpint (row->cumulative, >=, 0);
      unreported += !row->reported;
      if (row->cumulative == 0)
        {
          not_started++;
          continue;
        }
      lowest = MIN (lowest, rate);
      highest = MAX (highest, rate);
    }
  /* From badly behind to ahead of plan; a few not started; some not in yet. */
  g_assert_cmpfloat (lowest, <, 0.4);
  g_assert_cmpfloat (highest, >, 1.05);
  g_assert_cmpuint (not_started, >, 0);
  g_assert_cmpuint (not_started, <, rows->len / 5);
  g_assert_cmpuint (unreported, >, 0);
  g_assert_cmpuint (unreported, <, rows->len / 10);

  /* The same every time. */
  g_assert_true (tj_demo_fill (other, 2026, &error));
  {
    g_autoptr (sqlite3_stmt) a = tj_db_prepare (db, digest, NULL);
    g_autoptr (sqlite3_stmt) b = tj_db_prepare (other, digest, NULL);

    g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_step (b), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (a, 0), ==,
                     (const char *) sqlite3_column_text (b, 0));
  }
  tj_test_rmdir (dir);
  tj_test_rmdir (other_dir);
}

/* A file names its month in its cumulative column; 当月完成 alone names none. */
static void
test_file_month (void)
{
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autofree char *february = sample ("progress-2026-02.csv");
  g_autoptr (GError) error = NULL;
  int month = -1;

  g_assert_true (tj_progress_file_month (february, &month, &error));
  g_assert_cmpint (month, ==, 2);
  g_assert_true (tj_progress_file_month (january, &month, &error));
  g_assert_cmpint (month, ==, 0);
}

/* A file with a header and no reports would have removed every report of the month: refused,
 * and the month's reports stay. A dry run says what a real import replaces. */
static void
test_header_only_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "header-only.csv", NULL);
  g_autofree char *january = sample ("progress-2026-01.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 reports;

  import_ledger (db);
  import_sample_month (db, 1);
  reports = tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 1");
  g_assert_cmpint (reports, >, 0);

  g_assert_true (g_file_set_contents (path, "项目名称,当月完成（万元）,形象进度,存在问题\n", -1,
                                      NULL));
  g_assert_false (tj_progress_import (db, path, 2026, 1, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 1"),
                   ==, reports);
  g_clear_error (&error);
  g_clear_pointer (&result, tj_import_result_free);

  /* the same file again, as a dry run: every report replaced, none added, nothing written */
  g_assert_true (tj_progress_import (db, january, 2026, 1, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated + result->removed, <=, reports);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE month = 1"),
                   ==, reports);
  tj_test_rmdir (dir);
}

/* The month's texts are bounded on save and on import, the field named. */
static void
test_text_limits (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *csv = NULL;
  gint64 project;

  import_ledger (db);
  project = tj_test_scalar (db, "SELECT min (id) FROM projects");
  for (int i = 0; i < 2001; i++)
    g_string_append (long_text, "进");
  g_assert_false (tj_progress_save (db, project, 1, 10000, long_text->str, NULL, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "形象进度"));
  g_assert_nonnull (strstr (error->message, "2000"));
  g_clear_error (&error);

  csv = g_strdup_printf ("项目名称,当月完成（万元）,形象进度,存在问题\n%s,1,主体施工,%s\n",
                         "少林污水处理厂提标改造", long_text->str);
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  g_assert_false (tj_progress_import (db, path, 2026, 1, FALSE, &result, &error));
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->errors, 0), "存在问题"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  tj_test_rmdir (dir);
}

/* A note alone (issue 7, point 9) is kept, not lost on reload: in another connection the month
 * still shows its texts and stays 未报, the bulletin counts nothing for it, the log has it; a
 * figure then makes it a report that holds the texts, and the note row goes. */
static void
test_note_kept_until_figure (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjDb) again = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) months = NULL;
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autoptr (GError) error = NULL;
  TjMonthRow *row;
  gint64 a;

  a = add_project (db, 2026, "甲项目", 1200);
  g_assert_true (tj_progress_save_texts (db, a, 5, "桩基施工", "征地未完成", "协调征地", NULL,
                                         &error));
  g_assert_no_error (error);

  /* read again through a second connection, as after a restart */
  path = g_strdup (sqlite3_db_filename (tj_db_get_handle (db), "main"));
  again = tj_db_open (path, &error);
  g_assert_no_error (error);
  rows = tj_progress_list_month (again, 2026, 5, &error);
  g_assert_no_error (error);
  row = month_row (rows, a);
  g_assert_false (row->reported);
  g_assert_cmpint (row->completed, ==, 0);
  g_assert_cmpstr (row->progress, ==, "桩基施工");
  g_assert_cmpstr (row->problems, ==, "征地未完成");
  g_assert_cmpstr (row->next_steps, ==, "协调征地");
  months = tj_progress_list_project (again, a, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (months, 4);
  g_assert_false (row->reported);
  g_assert_cmpstr (row->problems, ==, "征地未完成");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = "
                                       "'monthly_notes' AND action = 'insert'"),
                   ==, 1);
  bulletin = tj_bulletin_build (db, 2026, 5, &error);
  g_assert_no_error (error);
  g_assert_false (g_array_index (bulletin->projects, TjBulletinProject, 0).reported);
  g_assert_cmpint (bulletin->overall.month_completed, ==, 0);

  /* a text cleared is cleared in the note */
  g_assert_true (tj_progress_save_texts (db, a, 5, "桩基施工", "征地未完成", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_notes WHERE next_steps "
                                       "IS NULL"),
                   ==, 1);

  /* the figure: a report with the texts, and no note left */
  g_assert_true (tj_progress_save (db, a, 5, 40 * WAN, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tj_progress_list_month (again, 2026, 5, &error);
  g_assert_no_error (error);
  row = month_row (rows, a);
  g_assert_true (row->reported);
  g_assert_cmpint (row->completed, ==, 40 * WAN);
  g_assert_cmpstr (row->progress, ==, "桩基施工");
  g_assert_cmpstr (row->problems, ==, "征地未完成");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_notes"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports WHERE "
                                       "problems = '征地未完成'"),
                   ==, 1);
  g_clear_object (&again);
  tj_test_rmdir (dir);
}

/* A report needs a figure (issue 7, point 9): a note alone (存在问题 without 当月完成) is no
 * report of 0. Saved from the page, it is kept as the month's note and no report is written; a
 * date alone is the project's. In a file, a row without a figure is a project that has not
 * reported: a warning names the row, its report of the month goes, the bulletin does not
 * count it. */
static void
test_note_alone_is_no_report (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autoptr (GError) error = NULL;
  gint64 a, b;

  a = add_project (db, 2026, "甲项目", 1200);
  b = add_project (db, 2026, "乙项目", 1200);

  /* the page's note on a month not reported: kept as a note, no report written */
  g_assert_true (tj_progress_save_texts (db, a, 3, NULL, "征地未完成", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_notes"), ==, 1);

  /* a date alone is saved on the project, and the month stays unreported */
  g_assert_true (tj_progress_save_texts (db, a, 3, NULL, NULL, NULL, "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects WHERE "
                                       "actual_start = '2026-03-02'"),
                   ==, 1);

  /* with the figure, the note is saved with it; then a note changes and the figure stays */
  g_assert_true (tj_progress_save (db, a, 3, 12 * WAN, NULL, "征地未完成", NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_notes"), ==, 0);
  g_assert_true (tj_progress_save_texts (db, a, 3, "主体施工", "征地已完成", NULL, NULL, &error));
  g_assert_no_error (error);
  rows = tj_progress_list_month (db, 2026, 3, &error);
  g_assert_no_error (error);
  g_assert_true (month_row (rows, a)->reported);
  g_assert_cmpint (month_row (rows, a)->completed, ==, 12 * WAN);
  g_assert_cmpstr (month_row (rows, a)->problems, ==, "征地已完成");
  g_assert_false (month_row (rows, b)->reported);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a file: 甲 with a note and no figure, 乙 with a figure */
  path = write_file (dir, "march.csv",
                     "项目名称,当月完成（万元）,存在问题\n"
                     "甲项目,,资金未到位\n"
                     "乙项目,30,无\n");
  g_assert_true (tj_progress_import (db, path, 2026, 3, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->removed, ==, 1);
  g_assert_true (has_string (result->warnings,
                             "第 2 行“甲项目”：当月完成：尚未填报。存在问题等文字随当月完成"
                             "一并保存，在此之前本月仍为未报。"));
  rows = tj_progress_list_month (db, 2026, 3, &error);
  g_assert_no_error (error);
  g_assert_false (month_row (rows, a)->reported);
  g_assert_true (month_row (rows, b)->reported);
  g_assert_cmpint (month_row (rows, b)->completed, ==, 30 * WAN);

  /* the bulletin counts 乙 alone as reported, and 甲's month as nothing */
  bulletin = tj_bulletin_build (db, 2026, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bulletin->projects->len; i++)
    {
      const TjBulletinProject *p = &g_array_index (bulletin->projects, TjBulletinProject, i);

      g_assert_true (p->reported == (p->id == b));
    }
  g_assert_cmpint (bulletin->overall.month_completed, ==, 30 * WAN);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/progress/save/upsert-and-cumulative", test_save_upsert_cumulative);
  g_test_add_func ("/tj/progress/save/negative-correction-never-below-zero",
                   test_negative_correction);
  g_test_add_func ("/tj/progress/delete/unreports-the-month", test_delete);
  g_test_add_func ("/tj/progress/import/file-names-its-month", test_file_month);
  g_test_add_func ("/tj/progress/import/header-only-refused", test_header_only_refused);
  g_test_add_func ("/tj/progress/note-alone-is-no-report", test_note_alone_is_no_report);
  g_test_add_func ("/tj/progress/note-kept-until-its-figure", test_note_kept_until_figure);
  g_test_add_func ("/tj/progress/list/month-of-the-year-marks-unreported", test_month_list);
  g_test_add_func ("/tj/progress/list/a-projects-twelve-months", test_project_months);
  g_test_add_func ("/tj/progress/save/actual-dates-and-rules", test_actual_dates_and_rules);
  g_test_add_func ("/tj/progress/save/every-change-audited", test_audit);
  g_test_add_func ("/tj/progress/import/one-audit-entry-kept-file-verified",
                   test_import_one_entry);
  g_test_add_func ("/tj/progress/import/three-sample-months", test_import_samples);
  g_test_add_func ("/tj/progress/import/again-replaces-the-month", test_reimport_replaces_month);
  g_test_add_func ("/tj/progress/import/bad-file-writes-nothing", test_bad_file_writes_nothing);
  g_test_add_func ("/tj/progress/import/negative-months", test_negative_months_in_file);
  g_test_add_func ("/tj/progress/import/cumulative-headers", test_cumulative_headers);
  g_test_add_func ("/tj/progress/amounts/bounded-on-save-and-import", test_amount_limit);
  g_test_add_func ("/tj/progress/texts/bounded-on-save-and-import", test_text_limits);
  g_test_add_func ("/tj/progress/import/gb18030-and-utf8", test_encodings);
  g_test_add_func ("/tj/progress/import/dry-run-and-other-year", test_dry_run);
  g_test_add_func ("/tj/progress/demo/months-of-both-years", test_demo_months);
  return g_test_run ();
}
