/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window as a user meets it, under Xvfb. */
#include "tj-test.h"

#include <adwaita.h>
#include <stdlib.h>

#include "tj-test-ui.h"

#include "tj-application.h"
#include "tj-bulletin.h"
#include "tj-form-row.h"
#include "tj-demo.h"
#include "tj-pdf-writer.h"
#include "tj-print-operation.h"
#include "tj-money.h"
#include "tj-project-form.h"
#include "tj-progress.h"
#include "tj-project-page.h"
#include "tj-progress-page.h"
#include "tj-approval-page.h"
#include "tj-agency-page.h"
#include "tj-bulletin-page.h"
#include "tj-units-window.h"
#include "tj-window.h"

typedef struct
{
  char *dir;
  TjDb *db;
  TjApplication *app;
  TjWindow *window;
  TjProjectPage *page;
} Fixture;

static int
this_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static void
open_window (Fixture *f)
{
  f->app = tj_application_new (tj_db_get_path (f->db));
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  f->window = tj_window_new (f->app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  f->page = tj_window_get_project_page (f->window);
  tj_test_wait_idle ();
}

static void
setup_empty (Fixture       *f,
             gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  open_window (f);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, this_year (), &error));
  g_assert_no_error (error);
  open_window (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  tj_test_wait_idle ();
  g_clear_object (&f->app);
  tj_test_db_free (&f->db, &f->dir);
}

static guint
shown (Fixture *f)
{
  return g_list_model_get_n_items (tj_project_page_get_shown (f->page));
}

static void
test_empty_database (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpstr (tj_project_page_get_state (f->page), ==, "empty");
  g_assert_cmpuint (shown (f), ==, 0);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "推进");
  tj_test_screenshot (GTK_WIDGET (f->window), "empty.png");
}

static void
test_demo_database (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  gint64 count = tj_test_scalar_bind (f->db, "SELECT count(*) FROM projects WHERE year = ?", year);
  gint64 total = tj_test_scalar_bind (
      f->db, "SELECT sum(total_investment) FROM projects WHERE year = ?", year);
  g_autofree char *total_yi = tj_money_format_yi (total, 2);
  g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT " 个项目", count);

  g_assert_cmpstr (tj_project_page_get_state (f->page), ==, "list");
  g_assert_cmpint (shown (f), ==, count);
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), count_text));
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), total_yi));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 820);
  tj_test_wait_idle ();
  tj_test_screenshot (GTK_WIDGET (f->window), "register.png");
}

static TjProjectForm *
filled_form (Fixture    *f,
             const char *name)
{
  TjProjectForm *form = TJ_PROJECT_FORM (tj_project_form_new (f->db, NULL, this_year ()));

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (form));
  tj_project_form_set_text (form, "name", name);
  g_assert_true (tj_project_form_choose (form, "level", "登封市重点"));
  g_assert_true (tj_project_form_choose (form, "nature", "新开工"));
  g_assert_true (tj_project_form_choose (form, "locality_id", "告成镇"));
  tj_project_form_set_text (form, "total_investment", "12,345.6789");
  tj_project_form_set_text (form, "annual_plan", "3000");
  tj_project_form_set_text (form, "planned_start", "2026年3月");
  tj_project_form_set_text (form, "planned_completion", "2027/6");
  tj_project_form_set_text (form, "phone", "0371-62871234");
  return form;
}

static void
test_form_creates_project (Fixture       *f,
                           gconstpointer  data)
{
  TjProjectForm *form = filled_form (f, "告成镇智慧物流园");
  guint before = shown (f);

  /* The service officer is required. */
  g_assert_false (tj_project_form_save (form));
  g_assert_cmpstr (tj_project_form_get_message (form, "officer_id"), ==, "请选择首席服务官。");
  g_assert_true (tj_project_form_choose_nth (form, "officer_id", 1));
  g_assert_true (tj_project_form_save (form));
  tj_test_wait_idle ();

  g_assert_cmpuint (shown (f), ==, before + 1);
  g_assert_cmpint (tj_test_scalar_bind (f->db,
                                        "SELECT total_investment FROM projects WHERE name = ?",
                                        "告成镇智慧物流园"),
                   ==, 123456789);
  g_assert_cmpint (tj_test_scalar_bind (f->db, "SELECT count(*) FROM projects WHERE name = ? "
                                               "AND planned_start = '2026-03' AND planned_completion = '2027-06'",
                                        "告成镇智慧物流园"),
                   ==, 1);
}

static void
test_invalid_form_saves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  TjProjectForm *form = filled_form (f, "颍阳镇唐宋文化体验园");
  gint64 before = tj_test_scalar_bind (f->db, "SELECT count(*) FROM projects", NULL);

  g_assert_true (tj_project_form_choose (form, "level", "省重点"));
  g_assert_true (tj_project_form_choose_nth (form, "officer_id", 1));
  tj_project_form_set_text (form, "annual_plan", "20000");
  tj_project_form_set_text (form, "phone", "电话0371");
  g_assert_false (tj_project_form_save (form));
  tj_test_wait_idle ();

  g_assert_cmpstr (tj_project_form_get_message (form, "leader_id"), ==,
                   "省重点和地市级重点项目必须有分包市领导。");
  g_assert_cmpstr (tj_project_form_get_message (form, "annual_plan"), ==,
                   "年度计划投资不能超过总投资。");
  g_assert_nonnull (strstr (tj_project_form_get_message (form, "phone"), "只能包含数字"));
  g_assert_cmpstr (tj_project_form_get_message (form, "name"), ==, NULL);
  g_assert_cmpint (tj_test_scalar_bind (f->db, "SELECT count(*) FROM projects", NULL), ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (form));
  tj_test_screenshot (GTK_WIDGET (form), "form-invalid.png");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* Typing part of a name in a drop-down's search keeps only the items that contain it. */
static void
test_drop_down_search_filters (Fixture       *f,
                               gconstpointer  data)
{
  TjProjectForm *form = TJ_PROJECT_FORM (tj_project_form_new (f->db, NULL, this_year ()));
  GtkDropDown *locality = GTK_DROP_DOWN (tj_project_form_get_input (form, "locality_id"));
  GListModel *results = tj_drop_down_get_search_results (locality);
  GtkWidget *search;
  gint64 expected = tj_test_scalar (f->db, "SELECT count(*) FROM units WHERE active "
                                           "AND kind <> 'department' AND name LIKE '%阳%'");
  guint all;

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();
  g_assert_nonnull (results);
  all = g_list_model_get_n_items (results);
  g_assert_cmpint (expected, >, 1);
  g_assert_cmpint (all, >, expected + 1);

  gtk_widget_activate_action (GTK_WIDGET (locality), "activate", NULL);
  search = tj_test_find_descendant (GTK_WIDGET (locality), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "阳");
  tj_test_wait_ms (400); /* the search entry's delay */
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, expected);
  for (guint k = 0; k < expected; k++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (results, k);

      g_assert_nonnull (strstr (gtk_string_object_get_string (item), "阳"));
    }
  tj_test_screenshot (GTK_WIDGET (form), "form-locality-search.png");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  tj_test_wait_ms (400);
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, all);
  gtk_window_destroy (GTK_WINDOW (form));
}

/* The button bound to this action under the widget. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_selected (Fixture *f)
{
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (tj_project_page_get_selection (f->page));

  return gtk_bitset_get_size (selected);
}

/* 编辑, 修改记录 and 删除 can be used exactly when one project is selected. */
static void
assert_actions_follow_selection (Fixture *f)
{
  const char *actions[] = { "page.edit", "page.history", "page.delete" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = action_button (GTK_WIDGET (f->page), actions[i]);

      g_assert_nonnull (button);
      if (gtk_widget_get_sensitive (button) != (n_selected (f) == 1))
        g_error ("%s is %s with %u selected", actions[i],
                 gtk_widget_get_sensitive (button) ? "enabled" : "disabled", n_selected (f));
    }
}

/* Deleting the only search hit leaves nothing selected: the actions are disabled. A save
 * reloads the list: the actions follow what is selected after it. */
static void
test_actions_follow_selection (Fixture       *f,
                               gconstpointer  data)
{
  GtkSelectionModel *selection = tj_project_page_get_selection (f->page);
  g_autoptr (TjProject) project = NULL;
  TjProjectForm *form;
  AdwMessageDialog *dialog;

  assert_actions_follow_selection (f);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  assert_actions_follow_selection (f);
  project = g_list_model_get_item (G_LIST_MODEL (selection), 0);

  /* edit and save */
  tj_project_page_edit (f->page, project);
  tj_test_wait_idle ();
  form = NULL;
  {
    g_autoptr (GList) windows = gtk_window_list_toplevels ();

    for (GList *l = windows; l != NULL; l = l->next)
      if (TJ_IS_PROJECT_FORM (l->data))
        form = l->data;
  }
  g_assert_nonnull (form);
  tj_project_form_set_text (form, "notes", "已核实");
  g_assert_true (tj_project_form_save (form));
  tj_test_wait_idle ();
  assert_actions_follow_selection (f);

  /* the only hit of a search, deleted */
  tj_window_set_search (f->window, project->name);
  g_usleep (120000); /* the search entry's delay */
  tj_test_wait_idle ();
  g_assert_cmpuint (shown (f), ==, 1);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  assert_actions_follow_selection (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.delete", NULL));
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog ("删除该项目吗？");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  tj_test_wait_idle ();
  g_assert_cmpuint (shown (f), ==, 0);
  g_assert_cmpuint (n_selected (f), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (f->page), "page.edit")));
  assert_actions_follow_selection (f);
}

/* Checks every shown cell under widget: a number is never cut; a text that does not fit ends in
 * "…". Returns how many number cells were checked. */
static guint
assert_cells_whole (GtkWidget *widget)
{
  guint numbers = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (!gtk_widget_get_mapped (child))
        continue;
      numbers += assert_cells_whole (child);
      if (!GTK_IS_INSCRIPTION (child))
        continue;
      text = gtk_inscription_get_text (GTK_INSCRIPTION (child));
      if (text == NULL || *text == '\0')
        continue;
      if (gtk_widget_has_css_class (child, "numeric"))
        {
          g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (child, text);
          int width;

          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width > gtk_widget_get_width (child))
            g_error ("“%s” cut: %d px in %d px", text, width, gtk_widget_get_width (child));
          numbers++;
        }
      else
        g_assert_cmpint (gtk_inscription_get_text_overflow (GTK_INSCRIPTION (child)), ==,
                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  return numbers;
}

/* Every page at the two sizes an office screen has, to look at; on the pages built with the
 * shared table cells, no number is cut and a cut text ends in "…". */
static void
test_pages_at_two_sizes (Fixture       *f,
                         gconstpointer  data)
{
  const struct { int width, height; } sizes[] = { { 1600, 1000 }, { 1024, 700 } };
  const struct { const char *name; GtkWidget *page; guint numbers; } pages[] = {
    { "projects", GTK_WIDGET (tj_window_get_project_page (f->window)), 1 },
    { "progress", NULL, 0 },
    { "agency", GTK_WIDGET (tj_window_get_agency_page (f->window)), 0 },
    { "approvals", GTK_WIDGET (tj_window_get_approval_page (f->window)), 1 },
    { "bulletin", NULL, 0 },
    { "matters", GTK_WIDGET (tj_window_get_matter_page (f->window)), 0 },
    { "inspections", GTK_WIDGET (tj_window_get_inspection_page (f->window)), 0 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[s].width, sizes[s].height);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("page-%s-%dx%d.png", pages[p].name,
                                                   sizes[s].width, sizes[s].height);

          adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), pages[p].name);
          tj_test_wait_idle ();
          tj_test_screenshot (GTK_WIDGET (f->window), name);
          /* the window's content is the size less its frame; a size larger than the screen
           * (xvfb-run's is 1280×1024) is narrowed to fit it */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, sizes[s].width);
          g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, sizes[s].height);
          if (sizes[s].width <= 1024)
            g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, sizes[s].width - 16);
          if (pages[p].page != NULL)
            g_assert_cmpuint (assert_cells_whole (pages[p].page), >=, pages[p].numbers);
        }
    }
}

/* One Tab per field: from the name, each Tab lands in the next field's entry or drop-down, never
 * on the row around it. */
static void
test_form_one_tab_per_field (Fixture       *f,
                             gconstpointer  data)
{
  TjProjectForm *form = TJ_PROJECT_FORM (tj_project_form_new (f->db, NULL, this_year ()));
  const char *order[] = { "name", "code", "level", "nature", "industry", "content", "locality_id",
                          "unit_id", "leader_id" };

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();
  g_assert_true (gtk_widget_grab_focus (tj_project_form_get_input (form, "name")));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *input = tj_project_form_get_input (form, order[i]);
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (form));

      if (focus == NULL || (focus != input && !gtk_widget_is_ancestor (focus, input)))
        g_error ("after %u Tab the focus is on a %s, not in “%s”", i,
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing", order[i]);
      if (i + 1 < G_N_ELEMENTS (order))
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (form), GTK_DIR_TAB_FORWARD));
    }
  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  g_autofree char *like = NULL;
  gint64 expected;
  gint64 total;
  g_autofree char *total_yi = NULL;
  g_autofree char *count_text = NULL;
  guint all = shown (f);
  const char *needle = "污";

  like = g_strdup_printf ("%%%s%%", needle);
  {
    g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (
        f->db,
        "SELECT count(*), coalesce (sum(p.total_investment), 0) FROM projects p "
        "LEFT JOIN people l ON l.id = p.leader_id LEFT JOIN people o ON o.id = p.officer_id "
        "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN units c ON c.id = p.locality_id "
        "WHERE p.year = ?1 AND (p.name LIKE ?2 OR p.owner LIKE ?2 OR p.content LIKE ?2 "
        "OR l.name LIKE ?2 OR o.name LIKE ?2 OR u.name LIKE ?2 OR c.name LIKE ?2 "
        "OR p.contact LIKE ?2)",
        NULL);
    sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, like, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    expected = sqlite3_column_int64 (stmt, 0);
    total = sqlite3_column_int64 (stmt, 1);
  }
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, all);

  tj_window_set_search (f->window, needle);
  g_usleep (120000); /* the search entry's delay */
  tj_test_wait_idle ();
  g_assert_cmpint (shown (f), ==, expected);
  total_yi = tj_money_format_yi (total, 2);
  count_text = g_strdup_printf ("%" G_GINT64_FORMAT " 个项目", expected);
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), count_text));
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), total_yi));

  tj_window_set_search (f->window, "");
  g_usleep (120000);
  tj_test_wait_idle ();
  g_assert_cmpuint (shown (f), ==, all);
}

static void
test_progress_entry_updates_bulletin (Fixture       *f,
                                      gconstpointer  data)
{
  TjProgressPage *progress = tj_window_get_progress_page (f->window);
  TjBulletinPage *bulletin = tj_window_get_bulletin_page (f->window);
  g_autoptr (TjMonthRow) row = NULL;
  g_autofree char *cumulative = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  g_autofree char *total_yi = NULL;
  gint64 previous, sum;

  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_progress_page_set_month (progress, 11);
  tj_test_wait_idle ();
  row = g_list_model_get_item (tj_progress_page_get_rows (progress), 0);
  g_assert_nonnull (row);
  g_assert_false (row->reported);
  previous = row->previous;

  /* 1,234.5 万元 this month: the cumulative is the months before plus it. */
  g_assert_true (tj_progress_page_enter (progress, 0, "completed", "1,234.5"));
  tj_test_wait_idle ();
  cumulative = tj_progress_page_get_cell_text (progress, 0, "cumulative");
  expected = tj_money_format_wan (previous + 12345000, 2, TRUE);
  g_assert_cmpstr (cumulative, ==, expected);
  g_assert_cmpint (
      tj_test_scalar_bind (f->db,
                           "SELECT completed FROM monthly_reports WHERE month = 11 "
                           "AND project_id = (SELECT min(id) FROM projects WHERE year = ?)",
                           year),
      ==, 12345000);

  /* The bulletin of months 1–11 counts it. */
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "bulletin");
  tj_bulletin_page_set_month (bulletin, 11);
  tj_test_wait_idle ();
  sum = tj_test_scalar_bind (f->db,
                             "SELECT sum(r.completed) FROM monthly_reports r JOIN projects p "
                             "ON p.id = r.project_id WHERE p.year = ? AND r.month <= 11",
                             year);
  total_yi = tj_money_format_yi (sum, 2);
  g_assert_nonnull (strstr (tj_bulletin_page_get_overview (bulletin), total_yi));
  tj_test_screenshot (GTK_WIDGET (f->window), "bulletin.png");
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_progress_page_set_month (progress, 10);
  tj_test_wait_ms (500);
  tj_test_screenshot (GTK_WIDGET (f->window), "progress.png");
}

static void
test_units_window_lists_units (Fixture       *f,
                               gconstpointer  data)
{
  GtkWindow *units = tj_units_window_new (f->db);

  gtk_window_set_transient_for (units, GTK_WINDOW (f->window));
  gtk_window_present (units);
  tj_test_screenshot (GTK_WIDGET (units), "units.png");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  tj_test_wait_ms (300);
  gtk_window_destroy (units);
}

static int
page_year (gpointer page)
{
  int year = -1;

  g_object_get (page, "year", &year, NULL);
  return year;
}

static void
assert_pages_show (Fixture *f,
                   int      year)
{
  gpointer pages[] = { tj_window_get_project_page (f->window),
                       tj_window_get_progress_page (f->window),
                       tj_window_get_agency_page (f->window),
                       tj_window_get_approval_page (f->window),
                       tj_window_get_bulletin_page (f->window) };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_cmpint (page_year (pages[i]), ==, year);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The year drop-down sets the window's year, and every page shows that year's list. */
static void
test_year_reaches_every_page (Fixture       *f,
                              gconstpointer  data)
{
  GtkDropDown *years = GTK_DROP_DOWN (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), TJ_TYPE_WINDOW, "year_dropdown"));
  g_autofree char *last = g_strdup_printf ("%d", this_year () - 1);
  g_autofree char *count_text = g_strdup_printf (
    "%" G_GINT64_FORMAT " 个项目",
    tj_test_scalar_bind (f->db, "SELECT count(*) FROM projects WHERE year = ?", last));
  guint notified = 0;
  int year = 0;

  g_object_get (f->window, "year", &year, NULL);
  g_assert_cmpint (year, ==, this_year ());
  assert_pages_show (f, this_year ());

  /* the user picks last year's list (the first on the drop-down, oldest first) */
  gtk_drop_down_set_selected (years, 0);
  tj_test_wait_idle ();
  g_object_get (f->window, "year", &year, NULL);
  g_assert_cmpint (year, ==, this_year () - 1);
  assert_pages_show (f, this_year () - 1);
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), count_text));

  /* the window's year moves the drop-down; the same year again tells no page */
  g_signal_connect_swapped (f->page, "notify::year", G_CALLBACK (count_cb), &notified);
  g_object_set (f->window, "year", this_year (), NULL);
  tj_test_wait_idle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 1);
  assert_pages_show (f, this_year ());
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (f->window, "year", this_year (), NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_data (f->page, &notified);
}

static TjMonthRow *
month_row (TjProgressPage *page,
           gint64          project_id)
{
  GListModel *rows = tj_progress_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (TjMonthRow) row = g_list_model_get_item (rows, i);

      if (row->project_id == project_id)
        return row;
    }
  return NULL;
}

/* A write on another connection (a file job's) reaches the window when it is relayed, and only
 * the pages showing the tables written read again. */
static void
test_relayed_change_refreshes_its_pages (Fixture       *f,
                                         gconstpointer  data)
{
  TjProgressPage *progress = tj_window_get_progress_page (f->window);
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  gint64 first = tj_test_scalar_bind (f->db, "SELECT min (id) FROM projects p WHERE year = ? AND "
                                             "NOT EXISTS (SELECT 1 FROM monthly_reports m WHERE "
                                             "m.project_id = p.id AND m.month = 11)",
                                      year);
  guint before = shown (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) other = tj_db_open (tj_db_get_path (f->db), &error);
  g_autoptr (GObject) listed = NULL;
  g_autoptr (GObject) still_listed = NULL;
  g_autofree char *sql = NULL;
  TjMonthRow *row;

  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "progress");
  tj_progress_page_set_month (progress, 11);
  tj_test_wait_idle ();
  row = month_row (progress, first);
  g_assert_nonnull (row);
  g_assert_false (row->reported);
  listed = g_list_model_get_item (tj_project_page_get_shown (f->page), 0);

  /* a report of November, written on the other connection: nothing is shown until relayed */
  g_assert_true (tj_progress_save (other, first, 11, 120000, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
  g_assert_false (month_row (progress, first)->reported);
  tj_db_relay_changed (f->db, "monthly_reports");
  tj_test_wait_idle ();
  row = month_row (progress, first);
  g_assert_true (row->reported);
  g_assert_cmpint (row->completed, ==, 120000);
  /* the register did not read its list again: the same row objects, the same count */
  still_listed = g_list_model_get_item (tj_project_page_get_shown (f->page), 0);
  g_assert_true (still_listed == listed);
  g_assert_cmpuint (shown (f), ==, before);

  /* a project moved to last year's list on the other connection leaves this year's register */
  sql = g_strdup_printf ("UPDATE projects SET year = %d WHERE id = (SELECT max (id) FROM projects "
                         "WHERE year = %d)", this_year () - 1, this_year ());
  g_assert_true (tj_db_exec (other, sql, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
  g_assert_cmpuint (shown (f), ==, before);
  tj_db_relay_changed (f->db, "projects");
  tj_test_wait_idle ();
  g_assert_cmpuint (shown (f), ==, before - 1);
}

/* The names shown, in the order shown. */
static GPtrArray *
shown_names (Fixture *f)
{
  GListModel *model = tj_project_page_get_shown (f->page);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TjProject) p = g_list_model_get_item (model, i);

      g_assert_nonnull (p);
      g_ptr_array_add (names, g_strdup (p->name));
    }
  return names;
}

static void
sort_by_column (Fixture    *f,
                guint       index,
                GtkSortType direction)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (
      tj_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_assert_nonnull (view);
  column = g_list_model_get_item (gtk_column_view_get_columns (view), index);
  gtk_column_view_sort_by_column (view, column, direction);
  tj_test_wait_idle ();
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Clicking 项目名称 sorts by pinyin, as the clerk's own lists are: the order is the locale's
 * (the names, read by SQL in the order of entry, sorted here with g_utf8_collate, stable);
 * clicking again reverses it. */
static void
test_sort_by_name_is_pinyin (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* zh_CN orders Chinese by pinyin: 安 (an) < 北 (bei) < 郑 (zheng) */
  g_assert_cmpint (g_utf8_collate ("安阳", "北京"), <, 0);
  g_assert_cmpint (g_utf8_collate ("北京", "郑州"), <, 0);

  stmt = tj_db_prepare (f->db, "SELECT name FROM projects WHERE year = ? ORDER BY id", NULL);
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (expected, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_assert_cmpuint (expected->len, >, 2);
  g_ptr_array_sort (expected, compare_names);

  sort_by_column (f, 0, GTK_SORT_ASCENDING);
  names = shown_names (f);
  g_assert_cmpuint (names->len, ==, expected->len);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, g_ptr_array_index (expected, i));
  /* not the order of entry */
  g_assert_cmpint (g_utf8_collate (g_ptr_array_index (names, 0),
                                   g_ptr_array_index (names, names->len - 1)), <, 0);

  sort_by_column (f, 0, GTK_SORT_DESCENDING);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = shown_names (f);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==,
                   g_ptr_array_index (expected, expected->len - 1));
  g_assert_cmpstr (g_ptr_array_index (names, names->len - 1), ==, g_ptr_array_index (expected, 0));
}

/* The names of the year's projects holding needle in a searched field, by SQL's LIKE, in pinyin
 * order (g_utf8_collate, stable on the order of entry). */
static GPtrArray *
expected_matches (Fixture    *f,
                  const char *needle)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  g_autofree char *like = g_strdup_printf ("%%%s%%", needle);
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (
      f->db,
      "SELECT p.name FROM projects p "
      "LEFT JOIN people l ON l.id = p.leader_id LEFT JOIN people o ON o.id = p.officer_id "
      "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN units c ON c.id = p.locality_id "
      "WHERE p.year = ?1 AND (p.name LIKE ?2 OR p.owner LIKE ?2 OR p.content LIKE ?2 "
      "OR l.name LIKE ?2 OR o.name LIKE ?2 OR u.name LIKE ?2 OR c.name LIKE ?2 "
      "OR p.contact LIKE ?2) ORDER BY p.id",
      NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, like, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
assert_shows (Fixture    *f,
              const char *needle)
{
  g_autoptr (GPtrArray) expected = expected_matches (f, needle);
  g_autoptr (GPtrArray) names = shown_names (f);
  g_autofree char *count_text = g_strdup_printf ("%u 个项目", expected->len);

  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (names->len, ==, expected->len);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, g_ptr_array_index (expected, i));
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), count_text));
}

/* Typing fast in the search box, the list sorted by name: each keystroke narrows (or, deleting,
 * widens) what is shown, the rows kept in place are the right ones, and the order stays pinyin,
 * down to the last keystroke; the same through the search entry's delay. */
static void
test_search_while_typing_keeps_pinyin (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (f->db, "SELECT name FROM projects WHERE year = ? "
                                                  "ORDER BY id LIMIT 1", NULL);
  g_autofree char *name = NULL;
  const char *end;
  g_autoptr (GPtrArray) typed = g_ptr_array_new_with_free_func (g_free);
  guint all = shown (f);

  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  end = name;
  sort_by_column (f, 0, GTK_SORT_ASCENDING);
  /* the first four characters of a name, one at a time, then two deleted */
  for (guint i = 0; i < 4 && *end != '\0'; i++)
    {
      end = g_utf8_next_char (end);
      g_ptr_array_add (typed, g_strndup (name, end - name));
    }
  g_assert_cmpuint (typed->len, >=, 2);
  g_ptr_array_add (typed, g_strdup (g_ptr_array_index (typed, typed->len - 2)));
  g_ptr_array_add (typed, g_strdup (g_ptr_array_index (typed, 0)));
  for (guint i = 0; i < typed->len; i++)
    {
      tj_project_page_set_search (f->page, g_ptr_array_index (typed, i));
      assert_shows (f, g_ptr_array_index (typed, i));
    }
  g_assert_cmpuint (shown (f), <, all);

  /* through the entry: keystrokes closer together than its delay, the last one shown */
  tj_window_set_search (f->window, "");
  g_usleep (120000);
  tj_test_wait_idle ();
  for (guint i = 0; i < typed->len - 2; i++)
    tj_window_set_search (f->window, g_ptr_array_index (typed, i));
  g_usleep (120000); /* the search entry's delay */
  tj_test_wait_idle ();
  assert_shows (f, g_ptr_array_index (typed, typed->len - 3));

  sort_by_column (f, 0, GTK_SORT_DESCENDING);
  {
    g_autoptr (GPtrArray) expected = expected_matches (f, g_ptr_array_index (typed, typed->len - 3));
    g_autoptr (GPtrArray) names = shown_names (f);

    g_assert_cmpuint (names->len, ==, expected->len);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==,
                     g_ptr_array_index (expected, expected->len - 1));
  }
}

/* The project the clerk selected stays selected when the list is sorted by another column. */
static void
test_selection_survives_sort (Fixture       *f,
                              gconstpointer  data)
{
  GtkSelectionModel *selection = tj_project_page_get_selection (f->page);
  g_autoptr (TjProject) chosen = g_list_model_get_item (G_LIST_MODEL (selection), 2);
  g_autoptr (GtkBitset) selected = NULL;
  g_autoptr (TjProject) still = NULL;
  guint before;

  gtk_selection_model_select_item (selection, 2, TRUE);
  tj_test_wait_idle ();
  sort_by_column (f, 0, GTK_SORT_DESCENDING);
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  before = gtk_bitset_get_nth (selected, 0);
  still = g_list_model_get_item (G_LIST_MODEL (selection), before);
  g_assert_cmpint (still->id, ==, chosen->id);
  g_assert_cmpstr (still->name, ==, chosen->name);
}

/* A project saved elsewhere in the application (the form, another page) shows at once, with the
 * summary line counting it, sorted where its name belongs. */
static void
test_saved_change_appears (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *year = g_strdup_printf ("%d", this_year ());
  gint64 id = tj_test_scalar_bind (f->db, "SELECT max (id) FROM projects WHERE year = ?", year);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = tj_project_load (f->db, id, &error);
  g_autoptr (TjProject) first = NULL;

  g_assert_no_error (error);
  sort_by_column (f, 0, GTK_SORT_ASCENDING);
  g_free (project->name);
  project->name = g_strdup ("阿尔法测试项目");
  g_assert_true (tj_project_save (f->db, project, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
  /* 阿 (a) sorts before every other name of the demo */
  first = g_list_model_get_item (tj_project_page_get_shown (f->page), 0);
  g_assert_cmpint (first->id, ==, id);
  g_assert_cmpstr (first->name, ==, "阿尔法测试项目");

  tj_project_page_set_search (f->page, "阿尔法");
  g_assert_cmpuint (shown (f), ==, 1);
  g_assert_nonnull (strstr (tj_project_page_get_footer (f->page), "1 个项目"));
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* Printing goes through the same page layout as the PDF writer: the print operation, exported
 * to a file without a dialog, gives the same pages. */
static void
test_print_matches_pdf (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) bulletin = tj_bulletin_build (f->db, this_year (), 10, &error);
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (TjPrintOperation) operation = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (f->dir, "written.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-l", "1", printed, "-", NULL };

  g_assert_no_error (error);
  book = tj_bulletin_book (bulletin);
  g_assert_true (tj_pdf_write (book, written, &error));
  g_assert_no_error (error);

  operation = tj_print_operation_new (tj_bulletin_book (bulletin), "bulletin");
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (written));
  g_assert_cmpint (pdf_pages (printed), >, 1);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "重点项目建设进展情况通报"));
  g_assert_nonnull (strstr (text, "— 1 —"));
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add ("/tj/window/empty-database-offers-a-start", Fixture, NULL, setup_empty,
              test_empty_database, teardown);
  g_test_add ("/tj/window/demo-database-lists-the-year", Fixture, NULL, setup_demo,
              test_demo_database, teardown);
  g_test_add ("/tj/window/form/creates-a-project", Fixture, NULL, setup_demo,
              test_form_creates_project, teardown);
  g_test_add ("/tj/window/form/invalid-saves-nothing", Fixture, NULL, setup_demo,
              test_invalid_form_saves_nothing, teardown);
  g_test_add ("/tj/window/form/drop-down-search-filters", Fixture, NULL, setup_demo,
              test_drop_down_search_filters, teardown);
  g_test_add ("/tj/window/actions-follow-the-selection", Fixture, NULL, setup_demo,
              test_actions_follow_selection, teardown);
  g_test_add ("/tj/window/pages/at-two-sizes", Fixture, NULL, setup_demo, test_pages_at_two_sizes,
              teardown);
  g_test_add ("/tj/window/form/one-tab-per-field", Fixture, NULL, setup_demo,
              test_form_one_tab_per_field, teardown);
  g_test_add ("/tj/window/search/narrows-and-footer-follows", Fixture, NULL, setup_demo,
              test_search_narrows, teardown);
  g_test_add ("/tj/window/progress/entry-updates-cumulative-and-bulletin", Fixture, NULL,
              setup_demo, test_progress_entry_updates_bulletin, teardown);
  g_test_add ("/tj/window/print/same-pages-as-the-pdf", Fixture, NULL, setup_demo,
              test_print_matches_pdf, teardown);
  g_test_add ("/tj/window/units/lists-units-and-people", Fixture, NULL, setup_demo,
              test_units_window_lists_units, teardown);
  g_test_add ("/tj/window/year/reaches-every-page", Fixture, NULL, setup_demo,
              test_year_reaches_every_page, teardown);
  g_test_add ("/tj/window/sort/by-name-is-pinyin", Fixture, NULL, setup_demo,
              test_sort_by_name_is_pinyin, teardown);
  g_test_add ("/tj/window/search/typing-fast-keeps-pinyin-order", Fixture, NULL, setup_demo,
              test_search_while_typing_keeps_pinyin, teardown);
  g_test_add ("/tj/window/sort/selection-survives", Fixture, NULL, setup_demo,
              test_selection_survives_sort, teardown);
  g_test_add ("/tj/window/changed/saved-project-appears", Fixture, NULL, setup_demo,
              test_saved_change_appears, teardown);
  g_test_add ("/tj/window/changed/relayed-refreshes-its-pages", Fixture, NULL, setup_demo,
              test_relayed_change_refreshes_its_pages, teardown);
  return g_test_run ();
}
