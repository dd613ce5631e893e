/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 进度填报 and 月通报 pages as a clerk uses them, under Xvfb: every figure in the one money
 * format, a note alone kept as a note, the month kept over an import, and the bulletin page
 * saying who has not reported before an export. */
#include "tj-test.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-application.h"
#include "tj-bulletin-page.h"
#include "tj-ledger.h"
#include "tj-money.h"
#include "tj-progress-page.h"
#include "tj-progress.h"
#include "tj-read-error.h"
#include "tj-window.h"

#define YEAR 2026
#define WAN 10000

typedef TjTestWindow Fixture;

/* The office's ledger of 84 projects of 2026, none reported yet. */
static void
setup_ledger (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_ledger_import (f->db, path, YEAR, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

static TjProgressPage *
show_progress (Fixture *f,
               int      month)
{
  TjProgressPage *page = tj_window_get_progress_page (f->window);

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_page_set_year (TJ_PAGE (page), YEAR);
  tj_progress_page_set_month (page, month);
  tj_test_wait_idle ();
  return page;
}

static gint64
row_id (TjProgressPage *page,
        guint           position)
{
  g_autoptr (TjMonthRow) row = g_list_model_get_item (tj_progress_page_get_rows (page), position);

  return row->project_id;
}

static void
assert_cell (TjProgressPage *page,
             guint           position,
             const char     *field,
             const char     *expected)
{
  g_autofree char *text = tj_progress_page_get_cell_text (page, position, field);

  g_assert_cmpstr (text, ==, expected);
}

/* Point 5: 当月完成 shows as the other figures do, "2,148.84", never "2148.84"; and a cell left as
 * shown leaves a figure kept to the yuan as it is. */
static void
test_figures_in_one_format (Fixture       *f,
                            gconstpointer  data)
{
  TjProgressPage *page = show_progress (f, 2);
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;

  /* January of row 1 to the yuan, from an import */
  g_assert_true (tj_progress_save (f->db, row_id (page, 1), 1, 15473937, NULL, NULL, NULL, NULL,
                                   NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tj_progress_save (f->db, row_id (page, 1), 2, 15473937, NULL, NULL, NULL, NULL,
                                   NULL, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();

  g_assert_true (tj_progress_page_enter (page, 0, "completed", "2148.84"));
  assert_cell (page, 0, "completed", "2,148.84");
  assert_cell (page, 0, "cumulative", "2,148.84");
  assert_cell (page, 1, "previous", "1,547.39");
  assert_cell (page, 1, "completed", "1,547.39");
  assert_cell (page, 1, "cumulative", "3,094.79");
  tj_test_screenshot (GTK_WIDGET (f->window), "progress-figures.png");

  /* Enter on 1,547.39 as shown: the 1,547.3937 stored stays */
  g_assert_true (tj_progress_page_enter (page, 1, "completed", "1,547.39"));
  sql = g_strdup_printf ("SELECT completed FROM monthly_reports WHERE month = 2 AND project_id = "
                         "%" G_GINT64_FORMAT, row_id (page, 1));
  g_assert_cmpint (tj_test_scalar (f->db, sql), ==, 15473937);
  /* a figure typed differs: it is saved */
  g_assert_true (tj_progress_page_enter (page, 1, "completed", "1,547.4"));
  g_assert_cmpint (tj_test_scalar (f->db, sql), ==, 15474000);
}

/* Point 9: 存在问题 without 当月完成 is kept as a note: the row stays 未报, no report is written,
 * and the note is there again when the month is read again; typing the figure then saves the
 * report with the note. */
static void
test_note_alone_stays_unreported (Fixture       *f,
                                  gconstpointer  data)
{
  TjProgressPage *page = show_progress (f, 3);
  gint64 id = row_id (page, 1);
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM monthly_reports WHERE "
                                            "project_id = %" G_GINT64_FORMAT, id);

  assert_cell (page, 1, "status", "未报");
  g_assert_true (tj_progress_page_enter (page, 1, "problems", "资金未到位"));
  assert_cell (page, 1, "status", "未报");
  assert_cell (page, 1, "completed", "");
  assert_cell (page, 1, "problems", "资金未到位");
  g_assert_cmpint (tj_test_scalar (f->db, count), ==, 0);
  tj_test_screenshot (GTK_WIDGET (f->window), "progress-note-alone.png");

  /* another month and back: the page reads the month again, and the note is still there */
  tj_progress_page_set_month (page, 4);
  tj_test_wait_idle ();
  tj_progress_page_set_month (page, 3);
  tj_test_wait_idle ();
  g_assert_cmpint (row_id (page, 1), ==, id);
  assert_cell (page, 1, "status", "未报");
  assert_cell (page, 1, "problems", "资金未到位");

  g_assert_true (tj_progress_page_enter (page, 1, "completed", "30"));
  assert_cell (page, 1, "status", "已报");
  g_assert_cmpint (tj_test_scalar (f->db, count), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (f->db, "SELECT count(*) FROM monthly_reports WHERE "
                                                "problems = ?", "资金未到位"),
                   ==, 1);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_notes"), ==, 0);
}

/* Imports a file naming no month as the month chosen in the dialog (1..12), answering the
 * question that follows with `answer`; waits until the page can be used again. */
static void
import_as (Fixture        *f,
           TjProgressPage *page,
           const char     *path,
           int             month,
           const char     *answer)
{
  g_autofree char *heading = g_strdup_printf ("导入 %d年%d月的月报？", YEAR, month);
  AdwMessageDialog *dialog;
  gint64 end;

  tj_progress_page_import_file (page, path);
  dialog = tj_test_wait_for_dialog ("这是哪个月的月报？");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)),
                              (guint) month - 1);
  tj_test_respond (dialog, "continue");
  dialog = tj_test_wait_for_dialog (heading);
  tj_test_respond (dialog, answer);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!gtk_widget_get_sensitive (GTK_WIDGET (page)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  tj_test_wait_idle ();
}

/* Point 13: after an import the page shows the month imported, which the user chose, with its
 * figures; a cancelled import leaves the month shown as it was. The file changes a project's
 * actual start too, so that the register's change reaches the window as well. */
static void
test_month_kept_over_an_import (Fixture       *f,
                                gconstpointer  data)
{
  TjProgressPage *page = show_progress (f, 10);
  g_autofree char *path = g_build_filename (f->dir, "进度.csv", NULL);
  g_autofree char *status = NULL;
  guint position = G_MAXUINT;
  GListModel *rows;

  g_assert_true (g_file_set_contents (path,
                                      "项目名称,当月完成（万元）,实际开工\n"
                                      "少林污水处理厂提标改造,12,2026-01-05\n",
                                      -1, NULL));

  /* cancelled: nothing imported, still October */
  import_as (f, page, path, 1, "cancel");
  g_assert_cmpint (tj_progress_page_get_month (page), ==, 10);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports"), ==, 0);

  /* imported as January: January shown, with the report */
  import_as (f, page, path, 1, "import");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE "
                                       "month = 1"),
                   ==, 1);
  g_assert_cmpint (tj_progress_page_get_month (page), ==, 1);
  rows = tj_progress_page_get_rows (page);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (TjMonthRow) row = g_list_model_get_item (rows, i);

      if (g_str_equal (row->project_name, "少林污水处理厂提标改造"))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  assert_cell (page, position, "status", "已报");
  assert_cell (page, position, "completed", "12.00");
  status = tj_progress_page_get_cell_text (page, position, "actual_start");
  g_assert_cmpstr (status, ==, "2026-01-05");

  /* the month the page shows is the month imported again: it stays */
  tj_progress_page_set_month (page, 1);
  tj_test_wait_idle ();
  import_as (f, page, path, 1, "import");
  g_assert_cmpint (tj_progress_page_get_month (page), ==, 1);
}

/* Point 8: before an export, the bulletin page says how many projects reported for the month and
 * names those that did not. */
static void
test_bulletin_names_the_unreported (Fixture       *f,
                                    gconstpointer  data)
{
  TjBulletinPage *page = tj_window_get_bulletin_page (f->window);
  g_autoptr (GError) error = NULL;
  const char *unreported = NULL;
  const char *reporting;
  gint64 first = tj_test_scalar (f->db, "SELECT min (id) FROM projects");

  g_assert_true (tj_progress_save (f->db, first, 3, 12 * WAN, NULL, NULL, NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (tj_progress_save (f->db, first + 1, 3, 8 * WAN, NULL, NULL, NULL, NULL, NULL,
                                   &error));
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "bulletin");
  tj_page_set_year (TJ_PAGE (page), YEAR);
  tj_bulletin_page_set_month (page, 3);
  tj_test_wait_idle ();

  reporting = tj_bulletin_page_get_reporting (page, &unreported);
  g_assert_cmpstr (reporting, ==, "2026年3月：已报 2 / 84 个项目，82 个未报（本月完成按 0 计）。");
  g_assert_nonnull (unreported);
  /* 82 names, parted by 、 */
  {
    g_auto (GStrv) names = g_strsplit (unreported, "、", -1);

    g_assert_cmpuint (g_strv_length (names), ==, 82);
    g_assert_true (g_strv_contains ((const char *const *) names, "石淙通用航空产业园"));
    g_assert_false (g_strv_contains ((const char *const *) names, "天地之中装配式建筑基地"));
  }
  tj_test_screenshot (GTK_WIDGET (f->window), "bulletin-reporting.png");
}

/* The first button under widget that activates the action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* 月通报 whose reports cannot be read says so in place of the bulletin, as the other pages do:
 * 无法读取数据 with the reason and 重试, no figures, nothing to export; 重试 after the cause is
 * gone shows the bulletin again. */
static void
test_bulletin_read_error (Fixture       *f,
                          gconstpointer  data)
{
  TjBulletinPage *page = tj_window_get_bulletin_page (f->window);
  TjReadError *shown;
  AdwStatusPage *status;

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "bulletin");
  tj_page_set_year (TJ_PAGE (page), YEAR);
  tj_bulletin_page_set_month (page, 3);
  tj_test_wait_idle ();
  shown = TJ_READ_ERROR (tj_test_find_descendant (GTK_WIDGET (page), TJ_TYPE_READ_ERROR));
  g_assert_nonnull (shown);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (shown)));
  g_assert_nonnull (strstr (tj_bulletin_page_get_overview (page), "84"));

  tj_test_exec_elsewhere (f->db, "ALTER TABLE monthly_reports RENAME TO monthly_reports_gone");
  tj_bulletin_page_set_month (page, 4);
  tj_test_wait_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown)));
  status = ADW_STATUS_PAGE (tj_test_find_descendant (GTK_WIDGET (shown), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "无法读取数据");
  g_assert_nonnull (strstr (tj_read_error_get_message (shown), "monthly_reports"));
  g_assert_cmpstr (tj_bulletin_page_get_overview (page), ==, "");
  g_assert_null (tj_bulletin_page_get_reporting (page, NULL));
  /* the export buttons follow their action: nothing to export */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page),
                                                                "bulletin.export")));
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page),
                                                                "bulletin.print")));
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page),
                                                                "bulletin.issue")));
  tj_test_screenshot (GTK_WIDGET (f->window), "bulletin-read-error.png");

  tj_test_exec_elsewhere (f->db, "ALTER TABLE monthly_reports_gone RENAME TO monthly_reports");
  tj_read_error_retry (shown);
  tj_test_wait_idle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (shown)));
  g_assert_nonnull (strstr (tj_bulletin_page_get_overview (page), "84"));
  g_assert_true (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page),
                                                               "bulletin.export")));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/window/progress/figures-in-one-format", Fixture, NULL, setup_ledger,
              test_figures_in_one_format, teardown);
  g_test_add ("/tj/window/progress/note-alone-stays-unreported", Fixture, NULL, setup_ledger,
              test_note_alone_stays_unreported, teardown);
  g_test_add ("/tj/window/progress/month-kept-over-an-import", Fixture, NULL, setup_ledger,
              test_month_kept_over_an_import, teardown);
  g_test_add ("/tj/window/bulletin/read-error-in-place", Fixture, NULL, setup_ledger,
              test_bulletin_read_error, teardown);
  g_test_add ("/tj/window/bulletin/names-the-unreported", Fixture, NULL, setup_ledger,
              test_bulletin_names_the_unreported, teardown);
  return g_test_run ();
}
