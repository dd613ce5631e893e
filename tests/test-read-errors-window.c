/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A read that fails is said where the data would be, under Xvfb: each page shows 无法读取数据
 * with the reason and 重试 in place of its list, never an empty list; 重试 after the cause is
 * gone shows the rows again; a form whose choices cannot be read says so and does not save. */
#include "tj-test.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-agency-page.h"
#include "tj-application.h"
#include "tj-approval-page.h"
#include "tj-demo.h"
#include "tj-person-dialog.h"
#include "tj-person.h"
#include "tj-progress-page.h"
#include "tj-project-form.h"
#include "tj-project-page.h"
#include "tj-read-error.h"
#include "tj-units-window.h"
#include "tj-window.h"

typedef TjTestWindow Fixture;

static void
setup (Fixture       *f,
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

/* The page shows the error with core's reason in place of its list, which is not on screen. */
static TjReadError *
assert_shows_error (GtkWidget  *page,
                    const char *reason)
{
  TjReadError *shown = TJ_READ_ERROR (tj_test_find_descendant (page, TJ_TYPE_READ_ERROR));
  GtkWidget *list = tj_test_find_descendant (page, GTK_TYPE_COLUMN_VIEW);
  AdwStatusPage *status = ADW_STATUS_PAGE (tj_test_find_descendant (GTK_WIDGET (shown),
                                                            ADW_TYPE_STATUS_PAGE));

  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "无法读取数据");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "dialog-error-symbolic");
  g_assert_nonnull (tj_read_error_get_message (shown));
  g_assert_nonnull (strstr (tj_read_error_get_message (shown), reason));
  if (list != NULL)
    g_assert_false (gtk_widget_get_mapped (list));
  return shown;
}

static void
assert_shows_list (GtkWidget *page)
{
  GtkWidget *shown = tj_test_find_descendant (page, TJ_TYPE_READ_ERROR);
  GtkWidget *list = tj_test_find_descendant (page, GTK_TYPE_COLUMN_VIEW);

  g_assert_false (gtk_widget_get_mapped (shown));
  g_assert_true (gtk_widget_get_mapped (list));
}

/* Lets the page's stack finish its crossfade: during it both of its children are on screen. */
static void
settle (void)
{
  tj_test_wait_idle ();
  tj_test_wait_ms (400);
  tj_test_wait_idle ();
}

static void
show_page (Fixture    *f,
           const char *name)
{
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), name);
  settle ();
}

/* 项目: the register whose table is gone says so; 重试 after it is back shows every row. */
static void
test_project_page (Fixture       *f,
                   gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);
  GListModel *shown = tj_project_page_get_shown (page);
  TjReadError *error_state;
  guint before;

  show_page (f, "projects");
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "list");
  before = g_list_model_get_n_items (shown);
  g_assert_cmpuint (before, >, 0);

  tj_test_exec_elsewhere (f->db, "ALTER TABLE projects RENAME TO projects_gone");
  tj_db_relay_changed (f->db, "projects");
  settle ();
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "error");
  error_state = assert_shows_error (GTK_WIDGET (page), "projects");
  /* no stale row is left to edit or delete */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  tj_test_screenshot (gtk_widget_get_first_child (GTK_WIDGET (f->window)),
                      "read-error-projects.png");

  /* 重试 while the cause is still there: the error stays */
  tj_read_error_retry (error_state);
  settle ();
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "error");

  tj_test_exec_elsewhere (f->db, "ALTER TABLE projects_gone RENAME TO projects");
  tj_read_error_retry (error_state);
  settle ();
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, before);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (error_state)));
}

/* 项目: the settings that name the levels cannot be read either: the page says so, rather than
 * showing the levels by their codes. */
static void
test_project_page_settings (Fixture       *f,
                            gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);

  show_page (f, "projects");
  tj_test_exec_elsewhere (f->db, "ALTER TABLE settings RENAME TO settings_gone");
  tj_db_relay_changed (f->db, "settings");
  settle ();
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "error");
  assert_shows_error (GTK_WIDGET (page), "settings");

  tj_test_exec_elsewhere (f->db, "ALTER TABLE settings_gone RENAME TO settings");
  tj_read_error_retry (TJ_READ_ERROR (tj_test_find_descendant (GTK_WIDGET (page), TJ_TYPE_READ_ERROR)));
  settle ();
  g_assert_cmpstr (tj_project_page_get_state (page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (tj_project_page_get_shown (page)), >, 0);
}

/* 进度填报: choosing another month re-reads it; the month that cannot be read offers no cell to
 * type into. */
static void
test_progress_page (Fixture       *f,
                    gconstpointer  data)
{
  TjProgressPage *page = tj_window_get_progress_page (f->window);
  GListModel *rows = tj_progress_page_get_rows (page);
  TjReadError *error_state;
  guint before;

  show_page (f, "progress");
  tj_page_set_year (TJ_PAGE (page), 2026);
  tj_progress_page_set_month (page, 10);
  settle ();
  before = g_list_model_get_n_items (rows);
  g_assert_cmpuint (before, >, 0);
  assert_shows_list (GTK_WIDGET (page));

  tj_test_exec_elsewhere (f->db, "ALTER TABLE monthly_reports RENAME TO monthly_reports_gone");
  tj_progress_page_set_month (page, 9);
  settle ();
  error_state = assert_shows_error (GTK_WIDGET (page), "monthly_reports");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  tj_test_screenshot (gtk_widget_get_first_child (GTK_WIDGET (f->window)),
                      "read-error-progress.png");

  tj_test_exec_elsewhere (f->db, "ALTER TABLE monthly_reports_gone RENAME TO monthly_reports");
  tj_read_error_retry (error_state);
  settle ();
  assert_shows_list (GTK_WIDGET (page));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before);
}

/* 代办 and 审批: the cases and items of projects that cannot be read. */
static void
test_agency_and_approval_pages (Fixture       *f,
                                gconstpointer  data)
{
  TjAgencyPage *agency = tj_window_get_agency_page (f->window);
  TjApprovalPage *approval = tj_window_get_approval_page (f->window);
  TjReadError *error_state;
  AdwViewStackPage *tab;
  guint cases, items, overdue;

  show_page (f, "agency");
  cases = g_list_model_get_n_items (tj_agency_page_get_shown (agency));
  g_assert_cmpuint (cases, >, 0);
  show_page (f, "approvals");
  items = g_list_model_get_n_items (tj_approval_page_get_shown (approval));
  g_assert_cmpuint (items, >, 0);
  tab = adw_view_stack_get_page (tj_window_get_stack (f->window), GTK_WIDGET (approval));
  overdue = adw_view_stack_page_get_badge_number (tab);
  g_assert_cmpuint (overdue, >, 0);

  tj_test_exec_elsewhere (f->db, "ALTER TABLE approval_items RENAME TO approval_items_gone");
  tj_db_relay_changed (f->db, "approval_items");
  settle ();
  error_state = assert_shows_error (GTK_WIDGET (approval), "approval_items");
  g_assert_cmpuint (g_list_model_get_n_items (tj_approval_page_get_shown (approval)), ==, 0);
  /* nothing unread counts as overdue, on the page or on its tab */
  g_assert_cmpuint (tj_approval_page_get_overdue (approval), ==, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 0);
  tj_test_screenshot (gtk_widget_get_first_child (GTK_WIDGET (f->window)),
                      "read-error-approval.png");

  /* 代办 counts its cases' items: it cannot read them either, and says so when shown */
  show_page (f, "agency");
  assert_shows_error (GTK_WIDGET (agency), "approval_items");
  g_assert_cmpuint (g_list_model_get_n_items (tj_agency_page_get_shown (agency)), ==, 0);

  tj_test_exec_elsewhere (f->db, "ALTER TABLE approval_items_gone RENAME TO approval_items");
  tj_read_error_retry (TJ_READ_ERROR (tj_test_find_descendant (GTK_WIDGET (agency), TJ_TYPE_READ_ERROR)));
  settle ();
  assert_shows_list (GTK_WIDGET (agency));
  g_assert_cmpuint (g_list_model_get_n_items (tj_agency_page_get_shown (agency)), ==, cases);

  show_page (f, "approvals");
  tj_read_error_retry (error_state);
  settle ();
  assert_shows_list (GTK_WIDGET (approval));
  g_assert_cmpuint (g_list_model_get_n_items (tj_approval_page_get_shown (approval)), ==, items);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, overdue);
}


/* A project form whose people cannot be read says so and does not save: an empty drop-down
 * would have saved the project without its leader and officer. */
static void
test_project_form (Fixture       *f,
                   gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);
  g_autoptr (TjProject) project = NULL;
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *form;

  show_page (f, "projects");
  project = g_list_model_get_item (tj_project_page_get_shown (page), 0);
  g_assert_nonnull (project);
  g_assert_cmpint (project->officer_id, !=, 0);

  tj_test_exec_elsewhere (f->db, "ALTER TABLE people RENAME TO people_gone");
  form = tj_project_form_new (f->db, project, 2026);
  gtk_window_set_transient_for (form, GTK_WINDOW (f->window));
  gtk_window_present (form);
  settle ();
  dialog = tj_test_find_dialog ("无法读取数据");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "people"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "不能保存"));
  tj_test_screenshot (GTK_WIDGET (dialog), "read-error-form.png");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* the save does not happen, by the button or otherwise */
  g_assert_true (tj_project_form_set_text (TJ_PROJECT_FORM (form), "notes", "改过"));
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  settle ();
  g_assert_false (tj_project_form_save (TJ_PROJECT_FORM (form)));
  tj_test_exec_elsewhere (f->db, "ALTER TABLE people_gone RENAME TO people");
  sql = g_strdup_printf ("SELECT officer_id FROM projects WHERE id = %" G_GINT64_FORMAT,
                         project->id);
  g_assert_cmpint (tj_test_scalar (f->db, sql), ==, project->officer_id);
  gtk_window_destroy (form);
  settle ();
}

/* 单位和人员: the lists that cannot be read are not shown as no unit and no person; a person
 * cannot be saved without the units to choose from. */
static void
test_units_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (TjPerson) person = tj_person_new ();
  GtkWindow *window, *dialog;
  TjReadError *error_state;

  tj_test_exec_elsewhere (f->db, "ALTER TABLE units RENAME TO units_gone");
  window = tj_units_window_new (f->db);
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  gtk_window_present (window);
  settle ();
  error_state = TJ_READ_ERROR (tj_test_find_descendant (GTK_WIDGET (window), TJ_TYPE_READ_ERROR));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_state)));
  g_assert_nonnull (strstr (tj_read_error_get_message (error_state), "units"));
  dialog = tj_person_dialog_present (window, f->db, person, NULL, NULL);
  settle ();
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *message = gtk_widget_get_last_child (extra);

    g_assert_true (GTK_IS_LABEL (message));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "无法读取单位列表"));
  }
  gtk_window_destroy (dialog);

  tj_test_exec_elsewhere (f->db, "ALTER TABLE units_gone RENAME TO units");
  tj_read_error_retry (error_state);
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (error_state)));
  g_assert_true (gtk_widget_get_mapped (tj_test_find_descendant (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_STACK)));
  gtk_window_destroy (window);
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/window/read-errors/project-page", Fixture, NULL, setup, test_project_page,
              teardown);
  g_test_add ("/tj/window/read-errors/project-page-settings", Fixture, NULL, setup,
              test_project_page_settings, teardown);
  g_test_add ("/tj/window/read-errors/progress-page", Fixture, NULL, setup, test_progress_page,
              teardown);
  g_test_add ("/tj/window/read-errors/agency-and-approval-pages", Fixture, NULL, setup,
              test_agency_and_approval_pages, teardown);
  g_test_add ("/tj/window/read-errors/project-form", Fixture, NULL, setup, test_project_form,
              teardown);
  g_test_add ("/tj/window/read-errors/units-window", Fixture, NULL, setup, test_units_window,
              teardown);
  return g_test_run ();
}
