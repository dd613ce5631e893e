/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leaders in the window, under Xvfb: a visit recorded through the project form (refused with
 * the problem at its field, then saved, listed and counted). */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-project-form.h"
#include "tj-project.h"
#include "tj-visit-group.h"
#include "tj-leaders-window.h"
#include "tj-date.h"
#include "tj-form-row.h"

typedef TjTestWindow Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  tj_db_exec (f->db,
              "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
              "INSERT INTO people (id, name, phone, is_leader) VALUES "
              "(902, '张三', '13800000001', 1), (904, '李四', '13800000002', 1);"
              "INSERT INTO people (id, name, is_staff) VALUES (903, '赵敏', 1);"
              "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
              "INSERT INTO projects (id, year, name, level, nature, locality_id, leader_id, "
              "officer_id) VALUES (1, 2026, '嵩山大道', 'city', 'continuing', 901, 902, 901);",
              &error);
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *prefix)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_str_has_prefix (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), prefix))
    return ADW_PREFERENCES_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwExpanderRow *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_row (GtkWidget  *widget,
         const char *title,
         const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row (child, title, subtitle))
      return TRUE;
  return FALSE;
}

static void
test_add_visit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = tj_project_load (f->db, 1, &error);
  TjProjectForm *form;
  AdwPreferencesGroup *group;
  AdwExpanderRow *expander;

  g_assert_no_error (error);
  form = TJ_PROJECT_FORM (tj_project_form_new (f->db, project, 2026));
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (form), 900, 1400);
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();

  group = find_group (GTK_WIDGET (form), "调研走访");
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "调研走访（0 次）");
  expander = find_expander (GTK_WIDGET (group));
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (expander, TRUE);

  /* nobody chosen, a date that is not one: refused at both fields, nothing saved */
  g_assert_true (tj_project_form_set_text (form, "visit-date", "三月五日"));
  g_assert_false (tj_visit_group_add (GTK_WIDGET (group)));
  g_assert_cmpstr (tj_project_form_get_message (form, "visit-person"), ==,
                   "走访人：请选择分包市领导或首席服务官。");
  g_assert_cmpstr (tj_project_form_get_message (form, "visit-date"), ==,
                   "日期：请填写日期，如 2026-03-01。");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM visits"), ==, 0);

  /* the staff member is not offered; the leader is */
  g_assert_false (tj_project_form_choose (form, "visit-person", "赵敏"));
  g_assert_true (tj_project_form_choose (form, "visit-person", "张三"));
  g_assert_true (tj_project_form_set_text (form, "visit-date", "2026-3-5"));
  g_assert_true (tj_project_form_set_text (form, "visit-found", "临时用电未接通"));
  g_assert_true (tj_project_form_set_text (form, "visit-solved", "协调供电公司三日内接通"));
  if (!tj_visit_group_add (GTK_WIDGET (group)))
    g_error ("refused: %s / %s", tj_project_form_get_message (form, "visit-person"),
             tj_project_form_get_message (form, "visit-date"));
  tj_test_wait_idle ();

  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM visits WHERE project_id = 1 "
                                          "AND person_id = 902 AND date = '2026-03-05'"), ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "调研走访（1 次）");
  g_assert_true (has_row (GTK_WIDGET (group), "2026-03-05  张三",
                          "发现问题：临时用电未接通；解决问题：协调供电公司三日内接通"));
  g_assert_null (tj_project_form_get_message (form, "visit-date"));
  tj_test_screenshot (GTK_WIDGET (group), "leaders-visits.png");
  gtk_window_destroy (GTK_WINDOW (form));
}

static gboolean
has_title (GtkWidget  *widget,
           const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_title (child, title))
      return TRUE;
  return FALSE;
}

/* The 领导 window: 张三 holds 嵩山大道; a delegation to 李四 from today for two months shows
 * under both, the card printed from the window names the acting leader and his phone. */
/* Whether a label under widget reads text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_leaders_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_months (now, 2);
  g_autofree char *until = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *pdf = g_build_filename (f->dir, "card.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *acting = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  AdwPreferencesGroup *zhang, *li;
  TjLeadersWindow *window;
  int status = 0;

  window = TJ_LEADERS_WINDOW (tj_leaders_window_new (f->db, 2026));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (window));
  tj_test_wait_idle ();
  zhang = find_group (GTK_WIDGET (window), "张三");
  g_assert_nonnull (zhang);
  g_assert_cmpstr (adw_preferences_group_get_description (zhang), ==,
                   "电话：13800000001　分包项目 1 个");
  g_assert_true (has_title (GTK_WIDGET (zhang), "嵩山大道"));

  /* 委托… opens the delegation dialog over the window */
  gtk_widget_activate (adw_preferences_group_get_header_suffix (zhang));
  tj_test_screenshot (GTK_WIDGET (tj_test_wait_for_dialog ("张三外出委托")), "leaders-delegate.png");
  tj_test_respond (tj_test_find_dialog ("张三外出委托"), "cancel");

  /* a delegation to oneself is refused, nothing saved */
  g_assert_false (tj_leaders_window_add_delegation (window, 902, 902, today, until, "学习"));
  g_assert_nonnull (tj_test_wait_for_dialog ("无法添加委托"));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count (*) FROM delegations"), ==, 0);
  tj_test_respond (tj_test_find_dialog ("无法添加委托"), "close");

  g_assert_true (tj_leaders_window_add_delegation (window, 902, 904, today, until, "党校学习"));
  tj_test_wait_idle ();
  zhang = find_group (GTK_WIDGET (window), "张三");
  li = find_group (GTK_WIDGET (window), "李四");
  g_assert_true (has_title (GTK_WIDGET (zhang), "委托李四代管分包项目"));
  g_assert_true (has_title (GTK_WIDGET (li), "受张三委托代管其分包项目"));
  acting = g_strdup_printf ("%s 至 %s　党校学习　代管：嵩山大道", today, until);
  g_assert_true (has_row (GTK_WIDGET (li), "受张三委托代管其分包项目", acting));
  /* the window is named as the menu item, and the delegation in force today is marked */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "2026年分包领导与委托");
  g_assert_true (has_label (GTK_WIDGET (zhang), "委托中"));
  g_assert_true (has_label (GTK_WIDGET (li), "委托中"));

  /* the service centre the card names: a phone that is not one refused, then kept */
  g_assert_true (tj_form_set_text (GTK_WIDGET (window), "centre-phone", "六二八"));
  g_assert_false (tj_leaders_window_save_centre (window));
  tj_test_respond (tj_test_wait_for_dialog ("无法保存服务中心"), "close");
  g_assert_true (tj_form_set_text (GTK_WIDGET (window), "centre", "登封市投资项目代办中心"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (window), "centre-phone", "0371-62812345"));
  g_assert_true (tj_leaders_window_save_centre (window));

  g_assert_true (tj_leaders_window_print_card (window, 1, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "嵩山大道"));
  g_assert_nonnull (strstr (text, "张三（李四代）"));
  g_assert_nonnull (strstr (text, "13800000002"));
  g_assert_nonnull (strstr (text, "登封市投资项目代办中心"));
  g_assert_nonnull (strstr (text, "0371-62812345"));
  tj_test_screenshot (GTK_WIDGET (window), "leaders-window.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/leaders-window/add-visit", Fixture, NULL, setup, test_add_visit, teardown);
  g_test_add ("/leaders-window/leaders", Fixture, NULL, setup, test_leaders_window, teardown);
  return g_test_run ();
}
