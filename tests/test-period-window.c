/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issuing and unlocking a month's bulletin in the window, under Xvfb: the dialogs, the line under
 * the header, and the progress page showing the locked month read only. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-application.h"
#include "tj-demo.h"
#include "tj-progress.h"
#include "tj-window.h"

#define YEAR 2026

typedef TjTestWindow Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, YEAR, &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

/* The message dialog shown now with this heading. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  AdwMessageDialog *dialog = tj_test_find_dialog (heading);

  if (dialog == NULL)
    g_error ("no dialog “%s”", heading);
  return dialog;
}

/* The n-th entry row of a dialog's form. */
static GtkEditable *
form_entry (AdwMessageDialog *dialog,
            guint             n)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *list = gtk_widget_get_first_child (box);
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; i < n; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return GTK_EDITABLE (row);
}

static gint64
october_sum (Fixture *f)
{
  return tj_test_scalar (f->db, "SELECT sum (m.completed) FROM monthly_reports m JOIN projects p "
                                "ON p.id = m.project_id WHERE p.year = 2026 AND m.month = 10");
}

static void
test_issue_and_unlock (Fixture       *f,
                       gconstpointer  data)
{
  TjBulletinPage *bulletin = tj_window_get_bulletin_page (f->window);
  TjProgressPage *progress = tj_window_get_progress_page (f->window);
  AdwMessageDialog *dialog;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *person = NULL;
  const char *differs = NULL;
  gint64 reports = tj_test_scalar (f->db, "SELECT count(*) FROM monthly_reports m JOIN projects p "
                                          "ON p.id = m.project_id WHERE p.year = 2026 "
                                          "AND m.month = 10");
  gint64 sum = october_sum (f);
  gint64 project;

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "bulletin");
  tj_page_set_year (TJ_PAGE (bulletin), YEAR);
  tj_bulletin_page_set_month (bulletin, 10);
  tj_test_wait_idle ();
  g_assert_null (tj_bulletin_page_get_lock_text (bulletin, &differs));

  /* 签发: the person at this computer and today are offered; a date before the month is not
   * taken */
  gtk_widget_activate_action (GTK_WIDGET (bulletin), "bulletin.issue", NULL);
  tj_test_wait_idle ();
  dialog = find_dialog ("签发月通报");
  person = g_strdup (gtk_editable_get_text (form_entry (dialog, 0)));
  g_assert_cmpstr (person, !=, "");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  gtk_editable_set_text (form_entry (dialog, 1), "2026-09-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  gtk_editable_set_text (form_entry (dialog, 1), "2026-11-05");
  gtk_editable_set_text (form_entry (dialog, 0), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  gtk_editable_set_text (form_entry (dialog, 0), "张三");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  adw_message_dialog_response (dialog, "continue");
  tj_test_wait_idle ();

  /* then what it locks */
  dialog = find_dialog ("签发并锁定？");
  expected = g_strdup_printf ("签发后，2026年10月的 %" G_GINT64_FORMAT " 条月报将被锁定。",
                              reports);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM bulletin_issues"), ==, 0);
  adw_message_dialog_response (dialog, "issue");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM bulletin_issues WHERE "
                                          "month = '2026-10' AND issued_on = '2026-11-05' "
                                          "AND unlocked_on IS NULL"),
                   ==, 1);
  g_assert_cmpstr (tj_bulletin_page_get_lock_text (bulletin, &differs), ==,
                   "已于 2026-11-05 由 张三 签发，本月月报已锁定");
  g_assert_null (differs);
  g_assert_false (gtk_widget_is_sensitive (
      GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bulletin), TJ_TYPE_BULLETIN_PAGE,
                                                 "issue_button"))));
  tj_test_screenshot (GTK_WIDGET (f->window), "bulletin-issued.png");

  /* 进度填报 shows October read only, under the same line; September is open */
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_page_set_year (TJ_PAGE (progress), YEAR);
  tj_progress_page_set_month (progress, 10);
  tj_test_wait_ms (300);
  g_assert_cmpstr (tj_progress_page_get_lock_text (progress), ==,
                   "已于 2026-11-05 由 张三 签发，本月月报已锁定");
  g_assert_false (tj_progress_page_is_cell_editable (progress, 0, "completed"));
  g_assert_false (tj_progress_page_is_cell_editable (progress, 0, "progress"));
  tj_progress_page_enter (progress, 0, "completed", "99");
  tj_test_wait_idle ();
  g_assert_cmpint (october_sum (f), ==, sum);
  tj_test_screenshot (GTK_WIDGET (f->window), "progress-locked.png");
  tj_progress_page_set_month (progress, 9);
  tj_test_wait_ms (300);
  g_assert_null (tj_progress_page_get_lock_text (progress));
  g_assert_true (tj_progress_page_is_cell_editable (progress, 0, "completed"));

  /* September corrected: the issued October differs from the figures now */
  project = tj_test_scalar (f->db, "SELECT m.project_id FROM monthly_reports m JOIN projects p "
                                   "ON p.id = m.project_id WHERE p.year = 2026 AND m.month = 9 "
                                   "AND m.completed > 0 ORDER BY m.project_id LIMIT 1");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT completed FROM monthly_reports WHERE "
                                            "project_id = %" G_GINT64_FORMAT " AND month = 9",
                                            project);

    g_assert_true (tj_progress_save (f->db, project, 9, tj_test_scalar (f->db, sql) + 100000,
                                     NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "bulletin");
  tj_test_wait_idle ();
  g_assert_nonnull (tj_bulletin_page_get_lock_text (bulletin, &differs));
  g_assert_cmpstr (differs, ==, "当前数据与已签发的通报不一致");
  tj_test_screenshot (GTK_WIDGET (f->window), "bulletin-differs.png");

  /* 解锁: the reason is required */
  gtk_widget_activate_action (GTK_WIDGET (bulletin), "bulletin.unlock", NULL);
  tj_test_wait_idle ();
  dialog = find_dialog ("解锁本月月报？");
  gtk_editable_set_text (form_entry (dialog, 0), "李四");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  gtk_editable_set_text (form_entry (dialog, 1), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  gtk_editable_set_text (form_entry (dialog, 1), "统计局反馈数据更正");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  adw_message_dialog_response (dialog, "unlock");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM audit WHERE table_name = "
                                          "'bulletin_issues' AND action = 'update' AND changes "
                                          "LIKE '%统计局反馈数据更正%'"),
                   ==, 1);
  g_assert_true (g_str_has_prefix (tj_bulletin_page_get_lock_text (bulletin, NULL),
                                   "已于 2026-11-05 由 张三 签发；李四 已于 "));
  g_assert_true (gtk_widget_is_sensitive (
      GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bulletin), TJ_TYPE_BULLETIN_PAGE,
                                                 "issue_button"))));

  /* October can be changed again */
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_progress_page_set_month (progress, 10);
  tj_test_wait_ms (300);
  g_assert_null (tj_progress_page_get_lock_text (progress));
  g_assert_true (tj_progress_page_is_cell_editable (progress, 0, "completed"));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add ("/tj/period-window/issue-and-unlock", Fixture, NULL, setup, test_issue_and_unlock,
              teardown);
  return g_test_run ();
}
