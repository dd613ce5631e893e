/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 代办 page and the case window as a user meets them, under Xvfb: a new case opened from the
 * page, filled, saved, shown in the list; the window stays on the saved case so that its items
 * can be added; 委托单位 proposed from the project's 业主. */
#include "tj-test.h"

#include <adwaita.h>

#include "tj-test-window.h"

#include "tj-agency-page.h"
#include "tj-approval-form.h"
#include "tj-case-window.h"
#include "tj-demo.h"
#include "tj-form-row.h"

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
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "agency");
  tj_page_set_year (TJ_PAGE (tj_window_get_agency_page (f->window)), 2026);
  tj_test_wait_idle ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

/* One text of the database, as the test checks it. */
static char *
text_of (Fixture    *f,
         const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (f->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The text in field's entry of the case window. */
static const char *
text_in (TjCaseWindow *window,
         const char   *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (tj_form_find_input (GTK_WIDGET (window), field)));
}

/* The case window the page opened. */
static TjCaseWindow *
find_case_window (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (TJ_IS_CASE_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
is_open (gpointer window)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  return g_list_find (windows, window) != NULL;
}

/* The shown row of the page whose project is name; FALSE when none. */
static gboolean
find_row (TjAgencyPage *page,
          const char   *name,
          guint        *position)
{
  GListModel *shown = tj_agency_page_get_shown (page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autofree char *project = tj_agency_page_get_cell_text (page, i, "project");

      if (g_strcmp0 (project, name) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* 新建代办件 from the page: choose the project (委托单位 becomes its 业主), the agent, save; the
 * page lists the case; the window stays on it, says so, and adds an item to it. */
static void
test_new_case_saved_and_listed (Fixture       *f,
                                gconstpointer  data)
{
  TjAgencyPage *page = tj_window_get_agency_page (f->window);
  g_autofree char *project = NULL, *owner = NULL, *agent = NULL, *company = NULL;
  g_autofree char *status = NULL, *items = NULL, *listed_items = NULL;
  TjCaseWindow *window;
  TjApprovalForm *form;
  guint position = 0;
  gint64 cases_before = tj_test_scalar (f->db, "SELECT count(*) FROM agency_cases");
  gint64 case_id;

  /* A project of the year that has no case yet, with an owner. */
  project = text_of (f, "SELECT name FROM projects WHERE year = 2026 AND owner IS NOT NULL AND "
                        "id NOT IN (SELECT project_id FROM agency_cases) ORDER BY id LIMIT 1");
  owner = text_of (f, "SELECT owner FROM projects WHERE year = 2026 AND owner IS NOT NULL AND "
                      "id NOT IN (SELECT project_id FROM agency_cases) ORDER BY id LIMIT 1");
  agent = text_of (f, "SELECT name FROM people WHERE active = 1 ORDER BY id LIMIT 1");
  g_assert_false (find_row (page, project, &position));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agency.new", NULL));
  tj_test_wait_idle ();
  window = find_case_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (text_in (window, "company"), ==, "");
  g_assert_true (tj_form_choose (GTK_WIDGET (window), "project_id", project));
  g_assert_cmpstr (text_in (window, "company"), ==, owner);
  g_assert_true (tj_form_choose (GTK_WIDGET (window), "agent_id", agent));
  tj_form_set_text (GTK_WIDGET (window), "contact", "王经理");
  tj_form_set_text (GTK_WIDGET (window), "phone", "0371-62881234");
  g_assert_null (tj_case_window_add_item (window));

  g_assert_true (tj_case_window_save (window));
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM agency_cases"), ==,
                   cases_before + 1);
  case_id = tj_case_window_get_case (window)->id;
  g_assert_cmpint (case_id, ==, tj_test_scalar (f->db, "SELECT max(id) FROM agency_cases"));
  g_assert_cmpint (tj_test_scalar_bind (f->db, "SELECT count(*) FROM agency_cases c JOIN "
                                               "projects p ON p.id = c.project_id WHERE "
                                               "c.company = p.owner AND p.name = ?",
                                        project),
                   ==, 1);

  /* The page lists it as saved. */
  g_assert_true (find_row (page, project, &position));
  company = tj_agency_page_get_cell_text (page, position, "company");
  g_assert_cmpstr (company, ==, owner);
  status = tj_agency_page_get_cell_text (page, position, "status");
  g_assert_cmpstr (status, ==, "已受理");

  /* The window is still open, on the saved case, and its items can be added. */
  g_assert_true (is_open (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "代办件");
  tj_test_screenshot (GTK_WIDGET (window), "case-window-saved.png");
  form = TJ_APPROVAL_FORM (tj_case_window_add_item (window));
  g_assert_nonnull (form);
  tj_approval_form_set_text (form, "name", "测试用地预审");
  g_assert_true (tj_approval_form_choose (form, "stage", "立项用地规划"));
  g_assert_true (tj_approval_form_choose (form, "unit_id", "国土资源局"));
  tj_approval_form_set_text (form, "statutory_days", "20");
  tj_approval_form_set_text (form, "committed_days", "10");
  g_assert_true (tj_approval_form_save (form));
  tj_test_wait_idle ();
  items = tj_case_window_get_items_text (window);
  g_assert_cmpstr (items, ==, "测试用地预审");
  g_assert_true (find_row (page, project, &position));
  listed_items = tj_agency_page_get_cell_text (page, position, "items");
  g_assert_cmpstr (listed_items, ==, "0 / 1");

  /* Saving the case again closes the window, as every form does. */
  g_assert_true (tj_case_window_save (window));
  tj_test_wait_idle ();
  g_assert_false (is_open (window));
  tj_test_screenshot (GTK_WIDGET (f->window), "agency-page.png");
}

/* 委托单位 written by the user stays when the project changes; one the window proposed follows
 * the project. */
static void
test_company_proposal_follows_project (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *first = NULL, *first_owner = NULL, *second = NULL, *second_owner = NULL;
  TjCaseWindow *window;

  first = text_of (f, "SELECT name FROM projects WHERE year = 2026 AND owner IS NOT NULL "
                      "ORDER BY id LIMIT 1");
  first_owner = text_of (f, "SELECT owner FROM projects WHERE year = 2026 AND owner IS NOT NULL "
                            "ORDER BY id LIMIT 1");
  second = text_of (f, "SELECT name FROM projects WHERE year = 2026 AND owner IS NOT NULL "
                       "ORDER BY id LIMIT 1 OFFSET 1");
  second_owner = text_of (f, "SELECT owner FROM projects WHERE year = 2026 AND owner IS NOT "
                             "NULL ORDER BY id LIMIT 1 OFFSET 1");
  g_assert_cmpstr (first_owner, !=, second_owner);

  window = TJ_CASE_WINDOW (tj_case_window_new (f->db, NULL, 2026, "2026-09-30"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tj_form_choose (GTK_WIDGET (window), "project_id", first));
  g_assert_cmpstr (text_in (window, "company"), ==, first_owner);
  g_assert_true (tj_form_choose (GTK_WIDGET (window), "project_id", second));
  g_assert_cmpstr (text_in (window, "company"), ==, second_owner);
  tj_form_set_text (GTK_WIDGET (window), "company", "登封市某某置业有限公司");
  g_assert_true (tj_form_choose (GTK_WIDGET (window), "project_id", first));
  g_assert_cmpstr (text_in (window, "company"), ==, "登封市某某置业有限公司");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One Tab per field in the case form: the rows around the inputs take no focus. */
static void
test_case_form_one_tab_per_field (Fixture       *f,
                                  gconstpointer  data)
{
  const char *const order[] = { "project_id", "company", "contact", "phone", "entrusted",
                                "agent_id", "plan", "status", "termination_reason",
                                "delivery_method", "delivered", "evaluation",
                                "evaluation_comment", "archived" };
  GtkWindow *window = tj_case_window_new (f->db, NULL, 2026, "2026-09-30");

  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  gtk_window_present (window);
  tj_test_wait_idle ();
  tj_test_assert_one_tab_per_field (GTK_WIDGET (window), order, G_N_ELEMENTS (order));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/agency/new-case-saved-listed-and-stays-open", Fixture, NULL, setup,
              test_new_case_saved_and_listed, teardown);
  g_test_add ("/tj/agency/company-proposed-from-the-project-owner", Fixture, NULL, setup,
              test_company_proposal_follows_project, teardown);
  g_test_add ("/tj/agency/case-form-one-tab-per-field", Fixture, NULL, setup,
              test_case_form_one_tab_per_field, teardown);
  return g_test_run ();
}
