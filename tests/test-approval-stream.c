/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approvals ledger (代办事项台账) streamed from SQLite: its rows are the items of the list,
 * in the list's order, with the same working-day figures (a suspension and the National Day
 * holiday in the range), and the workbook and CSV written as it streams are the ones written
 * from the same rows held in memory, byte for byte. */
#include "config.h"

#include "tj-test.h"

#include <string.h>

#include "tj-approval.h"
#include "tj-person.h"
#include "tj-project.h"
#include "tj-report.h"
#include "tj-unit.h"

#define TODAY "2026-10-20"

typedef struct
{
  char *dir;
  TjDb *db;
} Fixture;

static gint64
add_project (TjDb       *db,
             int         year,
             const char *name,
             gint64      officer)
{
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  p->year = year;
  p->name = g_strdup (name);
  p->level = TJ_LEVEL_CITY;
  p->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (db, "嵩阳街道");
  p->officer_id = officer;
  p->total_investment = 300000000;
  p->annual_plan = 100000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

/* An item; `periods` are from, to and reason, three strings a period, NULL-terminated. */
static gint64
add_item (TjDb        *db,
          gint64       project,
          gint64       case_id,
          const char  *name,
          int          statutory,
          int          committed,
          const char  *accepted,
          const char  *finished,
          gboolean     flagged,
          const char **periods)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GError) error = NULL;

  item->project_id = project;
  item->case_id = case_id;
  item->name = g_strdup (name);
  item->unit_id = tj_unit_find (db, "住建局");
  item->stage = TJ_STAGE_PERMIT;
  item->statutory_days = statutory;
  item->committed_days = committed;
  item->accepted = g_strdup (accepted);
  item->finished = g_strdup (finished);
  item->suspended = flagged;
  for (guint i = 0; periods != NULL && periods[i] != NULL; i += 3)
    tj_approval_item_add_suspension (item, periods[i], periods[i + 1], periods[i + 2]);
  g_assert_true (tj_approval_item_save (db, item, &error));
  g_assert_no_error (error);
  return item->id;
}

/* Three projects of 2026 whose items are entered out of the projects' order (the third's
 * first), so that the ledger's order (by project, then as entered) is not the items' ids; the
 * first project's first item is the one worked by hand below; periods on items of the first and
 * third projects, one item with two entered latest first, one flagged without dates; a case
 * with items overdue; a project of 2025 whose item and period stay out. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *national_day[] = { "2026-09-28", "2026-09-29", "补正材料", NULL };
  static const char *two[] = { "2026-06-15", "2026-06-16", "专家评审",
                               "2026-06-01", "2026-06-02", "听证", NULL };
  static const char *spring[] = { "2026-02-12", "2026-02-13", "公示", NULL };
  g_autoptr (TjAgencyCase) agency_case = tj_agency_case_new ();
  g_autoptr (TjPerson) agent = tj_person_new ();
  g_autoptr (TjPerson) officer = tj_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 first, second, third, old;

  fixture->db = tj_test_db_new (&fixture->dir);
  officer->name = g_strdup ("郑宏伟");
  officer->is_officer = TRUE;
  g_assert_true (tj_person_save (fixture->db, officer, &error));
  g_assert_no_error (error);
  first = add_project (fixture->db, 2026, "嵩山大道北延工程", officer->id);
  second = add_project (fixture->db, 2026, "告成镇产业园标准化厂房项目", officer->id);
  third = add_project (fixture->db, 2026, "颍河生态治理项目", officer->id);
  old = add_project (fixture->db, 2025, "少林大道改造工程", officer->id);

  agent->name = g_strdup ("何朝阳");
  agent->is_staff = TRUE;
  agent->unit_id = tj_unit_find (fixture->db, "行政服务中心");
  g_assert_true (tj_person_save (fixture->db, agent, &error));
  g_assert_no_error (error);
  agency_case->project_id = third;
  agency_case->company = g_strdup ("登封市水务投资有限公司");
  agency_case->contact = g_strdup ("李磊");
  agency_case->phone = g_strdup ("0371-62881234");
  agency_case->entrusted = g_strdup ("2026-01-10");
  agency_case->agent_id = agent->id;
  agency_case->status = TJ_CASE_IN_PROGRESS;
  g_assert_true (tj_agency_case_save (fixture->db, agency_case, &error));
  g_assert_no_error (error);

  add_item (fixture->db, third, agency_case->id, "环评审批", 20, 10, "2026-02-05", NULL, FALSE,
            spring);
  add_item (fixture->db, third, agency_case->id, "节能审查", 20, 15, "2026-09-21", NULL, FALSE,
            NULL);
  add_item (fixture->db, old, 0, "项目备案", 3, 3, "2025-03-03", NULL, FALSE, NULL);
  add_item (fixture->db, first, 0, "施工许可", 20, 10, "2026-09-24", "2026-10-16", FALSE,
            national_day);
  add_item (fixture->db, second, 0, "消防设计审查", 20, 19, "2026-05-28", "2026-07-10", FALSE,
            two);
  add_item (fixture->db, first, 0, "考古勘探", 0, 0, "2026-06-03", "2026-06-03", TRUE, NULL);
  add_item (fixture->db, second, 0, "规划许可", 7, 7, NULL, NULL, FALSE, NULL);
  /* More rows than one block of any writer: every combination of the dates below. */
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("事项%02d", i);
      g_autofree char *accepted = g_strdup_printf ("2026-%02d-%02d", 1 + i % 10, 1 + (i * 7) % 28);
      g_autofree char *finished = g_strdup_printf ("2026-%02d-%02d", 2 + i % 10, 1 + (i * 5) % 28);
      gint64 project = i % 3 == 0 ? first : i % 3 == 1 ? second : third;

      add_item (fixture->db, project, project == third && i % 4 == 2 ? agency_case->id : 0, name, 10 + i % 20,
                5 + i % 5, accepted, i % 2 == 0 ? finished : NULL, FALSE, NULL);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_db_free (&fixture->db, &fixture->dir);
}

static const TjReportCell *
cell_at (TjReportIter *iter,
         guint         column)
{
  return tj_report_iter_get_cell (iter, column);
}

static void
assert_text (const TjReportCell *cell,
             const char         *expected)
{
  if (expected == NULL)
    g_assert_cmpint (cell->type, ==, TJ_REPORT_EMPTY);
  else
    g_assert_cmpstr (cell->value.text, ==, expected);
}

static void
assert_integer (const TjReportCell *cell,
                gboolean            present,
                gint64              expected)
{
  if (!present)
    {
      g_assert_cmpint (cell->type, ==, TJ_REPORT_EMPTY);
      return;
    }
  g_assert_cmpint (cell->type, ==, TJ_REPORT_INTEGER);
  g_assert_cmpint (cell->value.number, ==, expected);
}

/* The streamed rows are the list's items in its order, every working-day figure the same. */
static void
test_rows_are_the_list (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReportBook) book = tj_approval_ledger_book (fixture->db, 2026, TODAY, &error);
  g_autoptr (GPtrArray) items = tj_approval_item_list (fixture->db, 2026, TODAY, &error);
  TjReport *report;
  TjReportIter iter;
  guint n = 0, suspended = 0;

  g_assert_no_error (error);
  report = g_ptr_array_index (book->reports, 0);
  g_assert_true (tj_report_is_streamed (report));
  g_assert_cmpuint (items->len, ==, 66);

  /* Read twice, as the workbook reads it: the rewind starts again from the first item. */
  for (int pass = 0; pass < 2; pass++)
    {
      n = suspended = 0;
      tj_report_iter_init (&iter, report);
      while (tj_report_iter_next (&iter, &error))
        {
          TjApprovalItem *item = g_ptr_array_index (items, n);

          n++;
          assert_integer (cell_at (&iter, 0), TRUE, n);
          assert_text (cell_at (&iter, 1), item->project_name);
          assert_text (cell_at (&iter, 3), item->name);
          assert_text (cell_at (&iter, 9), item->accepted);
          assert_text (cell_at (&iter, 10), item->deadline);
          assert_text (cell_at (&iter, 11), item->finished);
          assert_integer (cell_at (&iter, 12), item->has_elapsed, item->elapsed);
          assert_integer (cell_at (&iter, 13), item->has_remaining, item->remaining);
          if (item->has_speedup)
            g_assert_cmpfloat (cell_at (&iter, 14)->value.fraction, ==, item->speedup);
          else
            g_assert_cmpint (cell_at (&iter, 14)->type, ==, TJ_REPORT_EMPTY);
          assert_text (cell_at (&iter, 15), tj_item_state_label (item->state));
          assert_integer (cell_at (&iter, 17), item->suspended_days > 0, item->suspended_days);
          suspended += item->suspended_days > 0;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, items->len);
      g_assert_cmpuint (suspended, ==, 3);
    }
}

/* A member of a workbook, read back by python3's zipfile. */
static char *
zip_member (const char *path,
            const char *member)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import sys, zipfile; "
                         "sys.stdout.buffer.write (zipfile.ZipFile (sys.argv[1]).read (sys.argv[2]))",
                         path, member, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s of %s: %s", member, path, err);
  return out;
}

static void
write_book (TjDb       *db,
            const char *path,
            gboolean    held)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReportBook) book = tj_approval_ledger_book (db, 2026, TODAY, &error);

  g_assert_no_error (error);
  for (guint i = 0; held && i < book->reports->len; i++)
    {
      g_assert_true (tj_report_fill (g_ptr_array_index (book->reports, i), &error));
      g_assert_no_error (error);
    }
  /* both sheets: the items and the agency cases */
  for (guint i = 0; i < book->reports->len; i++)
    g_assert_cmpint (tj_report_is_streamed (g_ptr_array_index (book->reports, i)), ==, !held);
  g_assert_cmpuint (book->reports->len, ==, 2);
  g_assert_true (tj_report_book_write (book, path, &error));
  g_assert_no_error (error);
}

/* Every cell of the workbook and the CSV the same streamed as held; the item worked by hand
 * read back: accepted Thursday 2026-09-24, committed 10 working days, suspended 09-28 and 09-29
 * (2 working days), so the deadline is the 12th working day after the acceptance: 09-28, 29,
 * 30, (10-01 to 10-07 国庆节), 10-08, 09, 10 (a working Saturday), 12, 13, 14, 15, 16, 19:
 * 2026-10-19. Finished 10-16: 11 working days less the 2 suspended, 9; speed-up (20 − 9) ÷ 20. */
static void
test_streamed_as_held (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const members[] = {
    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    "xl/styles.xml", "xl/workbook.xml",
  };
  g_autofree char *streamed = g_build_filename (fixture->dir, "台账-streamed.xlsx", NULL);
  g_autofree char *held = g_build_filename (fixture->dir, "台账-held.xlsx", NULL);
  g_autofree char *streamed_csv = g_build_filename (fixture->dir, "台账-streamed.csv", NULL);
  g_autofree char *held_csv = g_build_filename (fixture->dir, "台账-held.csv", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GVariant) cases = NULL;
  gsize la = 0, lb = 0;

  write_book (fixture->db, streamed, FALSE);
  write_book (fixture->db, held, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *x = zip_member (streamed, members[i]);
      g_autofree char *y = zip_member (held, members[i]);

      g_assert_cmpuint (strlen (x), >, 100);
      g_assert_cmpstr (x, ==, y);
    }
  write_book (fixture->db, streamed_csv, FALSE);
  write_book (fixture->db, held_csv, TRUE);
  g_assert_true (g_file_get_contents (streamed_csv, &a, &la, NULL));
  g_assert_true (g_file_get_contents (held_csv, &b, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  g_assert_cmpmem (a, la, b, lb);

  facts = tj_test_xlsx_read (streamed, 0, "A3", "B5", "D5", "K5", "L5", "M5", "O5", "P5", "R5",
                             "A70", "A74", "A75", "A76", "A77", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "D5"), ==, "施工许可");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "K5"), ==, "2026-10-19");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "L5"), ==, "2026-10-16");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "M5"), ==, "9");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O5"), ==, "0.55");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P5"), ==, "按时办结");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "R5"), ==, "2");
  /* The summary counts every item, counted as the writer first reads the rows. */
  g_assert_true (g_str_has_prefix (tj_test_xlsx_fact (facts, "A3"), "共 66 项："));
  /* The last item on row 70; under the table the two notes of every ledger, the suspensions'
   * rule, then the suspended items by row number: the first project's two, the second's first
   * (No. 23), the third's first (No. 45). */
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A70"), ==, "66");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A74"), ==,
                   "序号 1 施工许可：2026-09-28 至 2026-09-29 补正材料（2 个工作日）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A75"), ==, "序号 2 考古勘探：暂停（未记录起止日期）");
  g_assert_true (g_str_has_prefix (tj_test_xlsx_fact (facts, "A76"), "序号 23 消防设计审查："
                                   "2026-06-01 至 2026-06-02 听证"));
  g_assert_true (g_str_has_prefix (tj_test_xlsx_fact (facts, "A77"), "序号 45 环评审批："));
}

/* The text of a report above and below its table, one paragraph or note a line. */
static char *
report_text (TjReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->paragraphs->len; i++)
    g_string_append_printf (text, "P %s\n", (char *) g_ptr_array_index (report->paragraphs, i));
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (text, "N %s\n", (char *) g_ptr_array_index (report->notes, i));
  return g_string_free (text, FALSE);
}

/* The items are counted for the text above and under the table as their rows are read, not in a
 * read of their own: none of it before a read, all of it after one, the same after a read
 * stopped halfway and started again, and the same as the book held in memory. The cases' sheet
 * read first reads the items' for the items overdue (tj_report_complete); the pages, which
 * measure the rows before they lay out the text, have it. */
static void
test_counted_as_read (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjReportBook) book = tj_approval_ledger_book (fixture->db, 2026, TODAY, &error);
  g_autoptr (TjReportBook) held = tj_approval_ledger_book (fixture->db, 2026, TODAY, &error);
  g_autoptr (GPtrArray) items = tj_approval_item_list (fixture->db, 2026, TODAY, &error);
  g_autofree char *pdf = g_build_filename (fixture->dir, "台账.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  TjReport *report, *cases;
  TjReportIter iter;
  guint overdue = 0, read_overdue = 0, n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);

      overdue += item->case_id != 0 && item->overdue;
    }
  g_assert_cmpuint (overdue, >, 0);
  for (guint i = 0; i < held->reports->len; i++)
    g_assert_true (tj_report_fill (g_ptr_array_index (held->reports, i), &error));
  g_assert_no_error (error);
  expected = report_text (g_ptr_array_index (held->reports, 0));
  g_assert_true (strstr (expected, "P 共 66 项：") != NULL);
  g_assert_true (strstr (expected, "N 序号 1 施工许可：") != NULL);

  report = g_ptr_array_index (book->reports, 0);
  cases = g_ptr_array_index (book->reports, 1);
  g_assert_cmpuint (report->paragraphs->len, ==, 0);
  /* a read stopped after 10 items */
  tj_report_iter_init (&iter, report);
  while (n < 10 && tj_report_iter_next (&iter, &error))
    n++;
  g_assert_no_error (error);
  g_assert_cmpuint (report->paragraphs->len, ==, 0);

  /* the cases first: the items' sheet is read for them, from its first row */
  tj_report_iter_init (&iter, cases);
  while (tj_report_iter_next (&iter, &error))
    read_overdue += tj_report_iter_get_cell (&iter, 9)->value.number;
  g_assert_no_error (error);
  g_assert_cmpuint (read_overdue, ==, overdue);
  text = report_text (report);
  g_assert_cmpstr (text, ==, expected);

  /* read again, nothing is added twice */
  tj_report_iter_init (&iter, report);
  while (tj_report_iter_next (&iter, &error))
    ;
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = report_text (report);
  g_assert_cmpstr (text, ==, expected);

  /* the pages measure the rows first: the book written as a PDF has the text */
  g_clear_pointer (&book, tj_report_book_free);
  book = tj_approval_ledger_book (fixture->db, 2026, TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (tj_report_book_write (book, pdf, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = report_text (g_ptr_array_index (book->reports, 0));
  g_assert_cmpstr (text, ==, expected);
  {
    const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL };
    g_autofree char *out = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (strstr (out, "共 66 项：") != NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tj/approval/stream/rows-are-the-list", test_rows_are_the_list);
  ADD ("/tj/approval/stream/workbook-and-csv-as-held", test_streamed_as_held);
  ADD ("/tj/approval/stream/counted-as-read", test_counted_as_read);
#undef ADD
  return g_test_run ();
}
