/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a clerk sees before an action replaces or deletes data, under Xvfb: the delete of a
 * project names what it holds, and importing a month's reports names the month, what is
 * replaced and what is added, and asks first. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-application.h"
#include "tj-demo.h"
#include "tj-ledger.h"
#include "tj-progress-page.h"
#include "tj-project-page.h"
#include "tj-project.h"
#include "tj-window.h"

typedef TjTestWindow Fixture;

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

/* The office's ledger of 84 projects, which the progress samples report on. */
static void
setup_ledger (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_ledger_import (f->db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}


static void
test_delete_names_what_goes (Fixture       *f,
                             gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);
  GtkSelectionModel *selection = tj_project_page_get_selection (page);
  AdwMessageDialog *dialog;
  g_autoptr (TjProject) project = NULL;
  g_autofree char *sql = NULL;
  gint64 reports_before = tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports");
  gint64 held;

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "projects");
  tj_test_wait_idle ();
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  project = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  sql = g_strdup_printf ("SELECT count(*) FROM monthly_reports WHERE project_id = %" G_GINT64_FORMAT,
                         project->id);
  held = tj_test_scalar (f->db, sql);
  g_assert_cmpint (held, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog ("删除该项目吗？");
  g_assert_nonnull (dialog);
  {
    g_autofree char *reports = g_strdup_printf ("%" G_GINT64_FORMAT " 条月报", held);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), project->name));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reports));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "撤销"));
  }
  tj_test_screenshot (GTK_WIDGET (dialog), "delete-confirmation.png");
  tj_test_respond (dialog, "delete");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports"), ==,
                   reports_before - held);
}

/* A file that names its month (1-2月累计) is imported as that month, whatever the page shows,
 * after a question that says so; the page then shows that month. */
static void
test_import_names_the_month (Fixture       *f,
                             gconstpointer  data)
{
  TjProgressPage *page = tj_window_get_progress_page (f->window);
  g_autofree char *january = g_build_filename (g_getenv ("TJ_SAMPLES"), "progress-2026-01.csv",
                                               NULL);
  g_autofree char *february = g_build_filename (g_getenv ("TJ_SAMPLES"), "progress-2026-02.csv",
                                                NULL);
  AdwMessageDialog *dialog;
  GtkDropDown *months;
  gint64 october;

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_page_set_year (TJ_PAGE (page), 2026);
  tj_progress_page_set_month (page, 10);
  tj_test_wait_idle ();
  /* October has reports that must not be touched */
  g_assert_true (tj_db_exec (f->db, "INSERT INTO monthly_reports (project_id, month, completed) "
                             "SELECT id, 10, 10000 FROM projects", NULL));
  october = tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 10");

  /* 当月完成 alone: the month is asked for, with the page's month offered */
  tj_progress_page_import_file (page, january);
  dialog = tj_test_wait_for_dialog ("这是哪个月的月报？");
  months = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (gtk_drop_down_get_selected (months), ==, 9);
  gtk_drop_down_set_selected (months, 0);
  tj_test_screenshot (GTK_WIDGET (dialog), "import-which-month.png");
  tj_test_respond (dialog, "continue");
  dialog = tj_test_wait_for_dialog ("导入 2026年1月的月报？");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "当前页面显示的是 10 月"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "替换本月已有月报 0 条"));
  /* nothing is written before the answer */
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 1"),
                   ==, 0);
  tj_test_respond (dialog, "import");
  {
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 1") == 0 &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 1"),
                   >, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 10"),
                   ==, october);

  /* 1-2月累计 names February: no question about the month, and the question says February */
  tj_progress_page_set_month (page, 10);
  tj_test_wait_idle ();
  tj_progress_page_import_file (page, february);
  dialog = tj_test_wait_for_dialog ("导入 2026年2月的月报？");
  g_assert_null (tj_test_find_dialog ("这是哪个月的月报？"));
  tj_test_screenshot (GTK_WIDGET (dialog), "import-confirmation.png");
  tj_test_respond (dialog, "cancel");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports WHERE month = 2"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/window/delete/names-what-the-project-holds", Fixture, NULL, setup_demo,
              test_delete_names_what_goes, teardown);
  g_test_add ("/tj/window/progress/import-names-the-month", Fixture, NULL, setup_ledger,
              test_import_names_the_month, teardown);
  return g_test_run ();
}
