/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 要素保障 and 统计入库 (issue 10, policy 七 and 八): the gap per project and kind to the yuan
 * and to the hundredth of a unit, a secured amount above the need refused, the entry list at the
 * threshold exactly, the entry rate per locality; read back from the workbooks. */
#include "tj-test.h"

#include <string.h>

#include "tj-element.h"
#include "tj-element-report.h"
#include "tj-error.h"
#include "tj-problem.h"
#include "tj-settings.h"
#include "tj-statistics-entry.h"

static void
fill (TjDb *db)
{
  tj_test_exec (
    db,
    "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
    "INSERT INTO units (id, name, kind, sort_order) VALUES (901, '甲乙镇', 'town', 1),"
    "(902, '丙丁乡', 'township', 2);"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, owner, "
    "total_investment, actual_start, stats_date) VALUES "
    "(1, 2026, '安阳路', 'city', 'new', 901, 901, '城投公司', 5000000, '2026-03-01', NULL),"
    "(2, 2026, '嵩山大道', 'city', 'new', 901, 901, NULL, 4999999, '2026-03-01', NULL),"
    "(3, 2026, '未开工园区', 'city', 'new', 901, 901, NULL, 10000000, NULL, NULL),"
    "(4, 2026, '已入库厂房', 'city', 'new', 901, 901, NULL, 6000000, '2026-02-01', "
    "'2026-04-01'),"
    "(5, 2026, '丙丁水厂', 'city', 'new', 902, 901, NULL, 5000001, '2026-05-01', NULL),"
    "(6, 2025, '去年项目', 'city', 'new', 902, 901, NULL, 9000000, '2025-05-01', NULL);");
}

/* Adds a need through the record's own parsing and validation, as the form does. */
static void
add_need (TjDb          *db,
          gint64         project,
          TjElementKind  kind,
          const char    *needed,
          const char    *needed_date,
          const char    *secured,
          const char    *secured_date)
{
  g_autoptr (TjElement) element = tj_element_new (project, kind);
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GError) error = NULL;

  tj_element_set_amounts (element, needed, secured, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  element->needed_date = g_strdup (needed_date);
  element->secured_date = g_strdup (secured_date);
  g_assert_true (tj_element_save (db, element, &error));
  g_assert_no_error (error);
  g_assert_cmpint (element->id, >, 0);
}

static void
test_gap (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) funds = NULL;
  g_autoptr (GVariant) quotas = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *land = NULL;
  g_autofree char *needed = NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *units = NULL;

  fill (db);
  /* 安阳路: 中央 120.5 + 30.0001 sought, 100 secured: gap 50.5001 万元 = 505 001 yuan. */
  add_need (db, 1, TJ_ELEMENT_CENTRAL, "120.5", "2026-02-01", "100", "2026-04-10");
  add_need (db, 1, TJ_ELEMENT_CENTRAL, "30.0001", "2026-05-03", "", NULL);
  /* 债券 met in full: not listed. */
  add_need (db, 1, TJ_ELEMENT_BOND, "50", "2026-01-10", "50", "2026-03-01");
  /* 社会资本 of 丙丁水厂, none secured. */
  add_need (db, 5, TJ_ELEMENT_PRIVATE, "1,000", "2026-06-01", NULL, NULL);
  /* 用地 10.00 + 2.35 亩 needed, 5.5 allocated: 6.85 亩 missing; 用能 met in full. */
  add_need (db, 1, TJ_ELEMENT_LAND, "10", "2026-01-05", "5.5", "2026-02-20");
  add_need (db, 1, TJ_ELEMENT_LAND, "2.35", "2026-03-05", NULL, NULL);
  add_need (db, 1, TJ_ELEMENT_ENERGY, "800", "2026-01-05", "800", "2026-02-20");
  /* A need of last year's project stays out of 2026's ledger. */
  add_need (db, 6, TJ_ELEMENT_LOAN, "10", "2025-06-01", NULL, NULL);

  path = g_build_filename (dir, "要素保障.xlsx", NULL);
  g_assert_true (tj_element_ledger_write (db, 2026, path, &error));
  g_assert_no_error (error);

  /* title, subtitle, unit line, header: the needs from row 5 */
  funds = tj_test_xlsx_read (path, 0, "A1", "D4", "D5:D11", "G5:G11", "H5:H11", "B7", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (funds, "sheets"), ==, "资金|指标");
  g_assert_cmpstr (tj_test_xlsx_fact (funds, "A1"), ==, "登封市2026年重点项目要素保障台账（资金）");
  kinds = tj_test_xlsx_range (funds, "D5:D11");
  g_assert_cmpstr (kinds, ==, "中央资金\n社会资本");
  gaps = tj_test_xlsx_range (funds, "G5:G11");
  /* 50.5001 万元 and 1000 万元 missing, 1050.5001 in all: to the yuan. */
  g_assert_cmpstr (gaps, ==, "50.5001\n1000\n1050.5001");
  {
    /* the project form's 要素保障 section writes amounts as every table does */
    g_autofree char *shown = tj_element_format_amount (TJ_ELEMENT_PRIVATE, 50000000);

    g_assert_cmpstr (shown, ==, "5,000.00");
  }
  dates = tj_test_xlsx_range (funds, "H5:H11");
  g_assert_cmpstr (dates, ==, "2026-05-03\n2026-06-01");
  g_assert_cmpstr (tj_test_xlsx_fact (funds, "B7"), ==, "合计");
  g_assert_cmpstr (tj_test_xlsx_fact (funds, "D4"), ==, "资金来源");

  /* no unit line: the needs from row 4, each amount in its unit, to the hundredth */
  quotas = tj_test_xlsx_read (path, 1, "D4:D10", "E4:E10", "F4:F10", "G4:G10", "H4:H10",
                              "I4:I10", NULL);
  land = tj_test_xlsx_range (quotas, "D4:D10");
  g_assert_cmpstr (land, ==, "用地指标");
  units = tj_test_xlsx_range (quotas, "E4:E10");
  g_assert_cmpstr (units, ==, "亩");
  needed = tj_test_xlsx_range (quotas, "F4:F10");
  allocated = tj_test_xlsx_range (quotas, "G4:G10");
  missing = tj_test_xlsx_range (quotas, "H4:H10");
  latest = tj_test_xlsx_range (quotas, "I4:I10");
  g_assert_cmpstr (needed, ==, "12.35");
  g_assert_cmpstr (allocated, ==, "5.50");
  g_assert_cmpstr (missing, ==, "6.85");
  g_assert_cmpstr (latest, ==, "2026-03-05");
  tj_test_db_free (&db, &dir);
}

/* More secured than sought is refused, naming the field, and nothing is written; so is a quota
 * with three decimals and a secured amount without its date. */
static void
test_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjElement) fund = NULL;
  g_autoptr (TjElement) land = NULL;
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (GError) error = NULL;

  fill (db);
  fund = tj_element_new (1, TJ_ELEMENT_PROVINCE);
  tj_element_set_amounts (fund, "100", "100.0001", problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (fund->needed, ==, 1000000);
  g_assert_cmpint (fund->secured, ==, 1000001);
  fund->needed_date = g_strdup ("2026-03-01");
  fund->secured_date = g_strdup ("2026-04-01");
  g_assert_false (tj_element_save (db, fund, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "到位金额不能超过申请金额（100.00 万元）"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM project_elements"), ==, 0);
  g_clear_error (&error);

  /* Equal is fine: fully secured. */
  fund->secured = fund->needed;
  g_assert_true (tj_element_save (db, fund, &error));
  g_assert_no_error (error);

  land = tj_element_new (1, TJ_ELEMENT_LAND);
  tj_element_set_amounts (land, "1.234", "1", problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (tj_problems_find (problems, "needed"), !=, NULL);
  g_assert_nonnull (strstr (tj_problems_find (problems, "needed"), "需求量"));
  g_ptr_array_set_size (problems, 0);
  tj_element_set_amounts (land, "1.23", "1", problems);
  g_assert_cmpint (land->needed, ==, 123);
  g_assert_cmpint (land->secured, ==, 100);
  land->needed_date = g_strdup ("2026-03-01");
  tj_element_validate (land, problems);
  g_assert_nonnull (tj_problems_find (problems, "secured_date"));
  tj_test_db_free (&db, &dir);
}

/* Deleting a need can be undone. */
static void
test_delete_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GPtrArray) needs = NULL;
  g_autoptr (GError) error = NULL;
  TjElement *need;

  fill (db);
  add_need (db, 1, TJ_ELEMENT_EMISSION, "3.5", "2026-03-01", "1", "2026-03-02");
  needs = tj_elements_load (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, 1);
  need = g_ptr_array_index (needs, 0);
  deletion = tj_element_delete_undoable (db, need->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM project_elements"), ==, 0);
  g_assert_true (tj_deletion_undo (db, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT needed FROM project_elements"), ==, 350);

  /* deleting the project takes its needs and its follow-ups; undoing it puts them back */
  {
    g_autoptr (TjStatisticsFollowup) followup = tj_statistics_followup_new (1, "2026-06-01",
                                                                            "电话督促", NULL);
    g_autoptr (TjDeletion) project = NULL;

    g_assert_true (tj_statistics_followup_save (db, followup, &error));
    g_assert_no_error (error);
    project = tj_project_delete_undoable (db, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM project_elements"), ==, 0);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM statistics_followups"), ==, 0);
    g_assert_true (tj_deletion_undo (db, project, &error));
    g_assert_no_error (error);
    g_assert_cmpint (tj_test_scalar (db, "SELECT needed FROM project_elements"), ==, 350);
    g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM statistics_followups"), ==, 1);
  }
  tj_test_db_free (&db, &dir);
}

/* 安阳路 at 500 万元 exactly is on the list; 嵩山大道 one yuan below and the unstarted park are
 * not, with what they lack; the entered one and last year's are not either. */
static void
test_statistics (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) list = NULL;
  g_autoptr (GVariant) other = NULL;
  g_autoptr (GVariant) rate = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (TjStatisticsFollowup) followup = NULL;
  g_autoptr (TjStatisticsFollowup) blank = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *followups = NULL;
  g_autofree char *last = NULL;
  g_autofree char *others = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *rates_text = NULL;
  TjStatisticsRate *first, *second;
  gint64 threshold = 0;

  fill (db);
  g_assert_true (tj_statistics_threshold (db, &threshold, &error));
  g_assert_cmpint (threshold, ==, 5000000);

  followup = tj_statistics_followup_new (1, "2026-6-2", "电话督促补齐手续", "王明");
  g_assert_true (tj_statistics_followup_save (db, followup, &error));
  g_assert_no_error (error);
  blank = tj_statistics_followup_new (1, NULL, " ", NULL);
  g_assert_false (tj_statistics_followup_save (db, blank, &error));
  g_assert_nonnull (strstr (error->message, "跟进日期"));
  g_clear_error (&error);

  rates = tj_statistics_rates (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 2);
  first = g_ptr_array_index (rates, 0);
  second = g_ptr_array_index (rates, 1);
  g_assert_cmpstr (first->locality, ==, "甲乙镇");
  g_assert_cmpuint (first->meeting, ==, 2);
  g_assert_cmpuint (first->entered, ==, 1);
  g_assert_cmpfloat (first->rate, ==, 0.5);
  g_assert_cmpstr (second->locality, ==, "丙丁乡");
  g_assert_cmpuint (second->meeting, ==, 1);
  g_assert_cmpuint (second->entered, ==, 0);

  path = g_build_filename (dir, "入库.xlsx", NULL);
  g_assert_true (tj_statistics_entry_write (db, 2026, path, &error));
  g_assert_no_error (error);
  list = tj_test_xlsx_read (path, 0, "A1", "C5:C10", "G5:G10", "H5:H10", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (list, "A1"), ==,
                   "登封市2026年具备入库条件未入库重点项目清单（报送统计局）");
  projects = tj_test_xlsx_range (list, "C5:C10");
  g_assert_cmpstr (projects, ==, "安阳路\n丙丁水厂");
  last = tj_test_xlsx_range (list, "G5:G10");
  g_assert_cmpstr (last, ==, "2026-06-02");
  followups = tj_test_xlsx_range (list, "H5:H10");
  g_assert_cmpstr (followups, ==, "2026-06-02 电话督促补齐手续（王明）");

  other = tj_test_xlsx_read (path, 1, "C5:C10", "G5:G10", NULL);
  others = tj_test_xlsx_range (other, "C5:C10");
  g_assert_cmpstr (others, ==, "嵩山大道\n未开工园区");
  missing = tj_test_xlsx_range (other, "G5:G10");
  g_assert_cmpstr (missing, ==, "总投资不足500万元\n未开工（无实际开工日期）");

  rate = tj_test_xlsx_read (path, 2, "F4:F10", NULL);
  rates_text = tj_test_xlsx_range (rate, "F4:F10");
  g_assert_cmpstr (rates_text, ==, "0.5\n0\n0.3333333333333333");

  /* The threshold is one setting, the ranking's: at 501 万元 安阳路 no longer meets it. */
  g_assert_true (tj_db_set_setting (db, TJ_SETTINGS_RANKING_THRESHOLD_KEY, "501", &error));
  g_assert_no_error (error);
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = tj_statistics_rates (db, 2026, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (rates, 0);
  g_assert_cmpuint (first->meeting, ==, 1);
  g_assert_cmpfloat (first->rate, ==, 1.0);

  /* At 1000 万元 none meets it: no rate, rather than 0% */
  g_assert_true (tj_db_set_setting (db, TJ_SETTINGS_RANKING_THRESHOLD_KEY, "1001", &error));
  g_assert_no_error (error);
  {
    g_autoptr (TjReportBook) book = tj_statistics_entry_book (db, 2026, &error);
    TjReport *rates_sheet;

    g_assert_no_error (error);
    rates_sheet = g_ptr_array_index (book->reports, 2);
    g_assert_cmpint (tj_report_get_cell (rates_sheet, 0, 2)->value.number, ==, 0);
    g_assert_cmpint (tj_report_get_cell (rates_sheet, 0, 5)->type, ==, TJ_REPORT_EMPTY);
    g_assert_cmpint (tj_report_get_cell (rates_sheet, 2, 5)->type, ==, TJ_REPORT_EMPTY);
  }
  tj_test_db_free (&db, &dir);
}

/* Both books as PDF (kept in the build folder to look at): every sheet, with its figures. */
static void
test_pdf (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *ledger = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "elements-ledger.pdf",
                                              NULL);
  g_autofree char *entry = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "statistics-entry.pdf",
                                             NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *ledger_text = NULL;
  g_autofree char *entry_text = NULL;

  fill (db);
  add_need (db, 1, TJ_ELEMENT_CENTRAL, "120.5", "2026-02-01", "100", "2026-04-10");
  add_need (db, 5, TJ_ELEMENT_LOAN, "3,000", "2026-06-01", "1,200", "2026-07-01");
  add_need (db, 1, TJ_ELEMENT_LAND, "12.35", "2026-01-05", "5.5", "2026-02-20");
  add_need (db, 5, TJ_ELEMENT_ENERGY, "800", "2026-01-05", "650.25", "2026-02-20");
  g_assert_true (tj_element_ledger_write (db, 2026, ledger, &error));
  g_assert_no_error (error);
  g_assert_true (tj_statistics_entry_write (db, 2026, entry, &error));
  g_assert_no_error (error);

  ledger_text = tj_test_pdf_text (ledger, "-raw");
  g_assert_nonnull (strstr (ledger_text, "登封市2026年重点项目要素保障台账（资金）"));
  g_assert_nonnull (strstr (ledger_text, "1,800.00"));
  g_assert_nonnull (strstr (ledger_text, "149.75"));
  entry_text = tj_test_pdf_text (entry, "-raw");
  g_assert_nonnull (strstr (entry_text, "（报送统计局）"));
  g_assert_nonnull (strstr (entry_text, "50.0%"));
  tj_test_db_free (&db, &dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/elements/gap", test_gap);
  g_test_add_func ("/elements/refused", test_refused);
  g_test_add_func ("/elements/delete-undo", test_delete_undo);
  g_test_add_func ("/elements/statistics", test_statistics);
  g_test_add_func ("/elements/pdf", test_pdf);
  return g_test_run ();
}
