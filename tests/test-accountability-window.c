/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a new user of issue 8 meets in the window, under Xvfb: the 督办 page of a year without
 * matters, and 导出责任追究清单 from the main menu (its period dialog, then the file). */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-date.h"
#include "tj-demo.h"
#include "tj-period-dialog.h"

typedef TjTestWindow Fixture;

static void
setup_empty (Fixture       *f,
             gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  tj_test_window_open (f);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, 2026, &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

/* The empty state says what is missing and how to add it, with the page's buttons still there. */
static void
test_empty_matter_page (Fixture       *f,
                        gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  GtkWidget *status;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "matters");
  tj_test_wait_idle ();
  status = tj_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "本年尚无议定事项");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "“新建会议”"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "“新建事项”"));
  tj_test_screenshot (GTK_WIDGET (f->window), "matters-empty.png");
}

/* The same page with the demo's matters shows them, not the empty state. */
static void
test_demo_matter_page (Fixture       *f,
                       gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  GtkWidget *status;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "matters");
  tj_page_set_year (TJ_PAGE (page), 2026);
  tj_test_wait_idle ();
  status = tj_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_false (gtk_widget_get_mapped (status));
  tj_test_screenshot (GTK_WIDGET (f->window), "matters-demo.png");
}

/* The dialog's defaults are the quarter of today, seen from today; a bad date is named and the
 * export refused; the list written from the chosen period names it in its title and holds the
 * demo's overdue rectification and matters. */
static void
test_export_accountability (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int first = (g_date_time_get_month (now) - 1) / 3 * 3 + 1;
  g_autofree char *quarter_from = g_strdup_printf ("%04d-%02d-01", year, first);
  g_autofree char *quarter_to = g_strdup_printf ("%04d-%02d-%02d", year, first + 2,
                                                 g_date_get_days_in_month (first + 2, year));
  g_autofree char *path = g_build_filename (f->dir, "责任追究清单.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;
  g_auto (GStrv) causes = NULL;
  g_auto (GStrv) projects = NULL;
  TjPeriodDialog *dialog = tj_window_ask_accountability_period (f->window);
  g_autofree char *from = NULL, *to = NULL, *as_of = NULL;
  gboolean rectification = FALSE, matter = FALSE;

  tj_test_wait_idle ();
  from = tj_period_dialog_get_from (dialog);
  to = tj_period_dialog_get_to (dialog);
  as_of = tj_period_dialog_get_as_of (dialog);
  g_assert_cmpstr (from, ==, quarter_from);
  g_assert_cmpstr (to, ==, quarter_to);
  g_assert_cmpstr (as_of, ==, today);
  g_assert_null (tj_period_dialog_get_problem (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));

  tj_period_dialog_set_text (dialog, "to", "2026-09-31");
  g_assert_nonnull (tj_period_dialog_get_problem (dialog));
  g_assert_true (g_str_has_prefix (tj_period_dialog_get_problem (dialog), "截止日期："));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "export"));
  tj_period_dialog_set_text (dialog, "from", "2026-10-01");
  tj_period_dialog_set_text (dialog, "to", "2026-09-30");
  g_assert_cmpstr (tj_period_dialog_get_problem (dialog), ==, "期间的截止日期早于起始日期。");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "export"));
  tj_period_dialog_set_text (dialog, "from", "2026-07-01");
  tj_period_dialog_set_text (dialog, "as-of", "2026-10-31");
  g_assert_null (tj_period_dialog_get_problem (dialog));
  tj_test_screenshot (GTK_WIDGET (dialog), "accountability-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the file chosen: written in the window's export job (to a temporary file renamed when
   * complete) */
  tj_window_export_accountability (f->window, "2026-07-01", "2026-09-30", "2026-10-31", path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  tj_test_wait_idle ();
  facts = tj_test_xlsx_read (path, 0, "A1", "A2", "B3", "B4:B80", "C4:C80", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "登封市重点项目责任追究清单");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==,
                   "（2026-07-01 至 2026-09-30，截至 2026-10-31）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B3"), ==, "情形");
  causes = g_strsplit (tj_test_xlsx_fact (facts, "B4:B80"), "\n", -1);
  projects = g_strsplit (tj_test_xlsx_fact (facts, "C4:C80"), "\n", -1);
  for (guint i = 0; causes[i] != NULL && projects[i] != NULL; i++)
    {
      rectification = rectification || (g_str_equal (causes[i], "整改逾期未销号") &&
                                         g_str_equal (projects[i], "告成镇标准化厂房建设项目"));
      matter = matter || g_str_equal (causes[i], "议定事项逾期未办结");
    }
  g_assert_true (rectification);
  g_assert_true (matter);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/accountability-window/empty-matter-page", Fixture, NULL, setup_empty,
              test_empty_matter_page, teardown);
  g_test_add ("/accountability-window/demo-matter-page", Fixture, NULL, setup_demo,
              test_demo_matter_page, teardown);
  g_test_add ("/accountability-window/export", Fixture, NULL, setup_demo,
              test_export_accountability, teardown);
  return g_test_run ();
}
