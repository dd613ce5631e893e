/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project's form shows its site inspections and its meeting matters (issue 8), read-only,
 * under Xvfb: a project with one inspection and one matter shows both, the inspection with its
 * 结论 (the suggested 虚报) and its overdue rectification, the matter with its deadline in force
 * and its 状态 today (超期未办结), each group titled with its count; a project with neither says
 * so; a list that cannot be read says why, never an empty list. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-project-form.h"
#include "tj-project.h"

typedef TjTestWindow Fixture;

static void
exec (TjDb       *db,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  tj_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* 嵩山大道: 100 万元 reported in January and February; inspected in March by 纪委监委, unannounced,
 * verified 0: reported 200 万元 > 0 → 虚报 suggested, no verdict of the inspector's. Its finding's
 * rectification is past its deadline (2021-04-30) and open. A matter of the 月例会 with an
 * approved extension to 2021-05-31, not finished: 超期未办结 today. 安阳路 has neither. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->db = tj_test_db_new (&f->dir);
  exec (
    f->db,
    "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
    "INSERT INTO people (id, name, is_leader) VALUES (902, '李强', 1);"
    "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
    "INSERT INTO units (id, name, kind) VALUES (902, '测试局', 'department');"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, unit_id, leader_id, "
    "officer_id, annual_plan) VALUES "
    "(1, 2021, '嵩山大道', 'city', 'continuing', 901, 902, 902, 901, 12000000),"
    "(2, 2021, '安阳路', 'city', 'continuing', 901, 902, 902, 901, 12000000);"
    "INSERT INTO monthly_reports (project_id, month, completed) VALUES "
    "(1, 1, 1000000), (1, 2, 1000000);"
    "INSERT INTO inspections (id, project_id, date, organiser_id, inspectors, unannounced, "
    "verified) SELECT 1, 1, '2021-03-10', id, '张三、李四', 1, 0 FROM units "
    "WHERE name = '纪委监委';"
    "INSERT INTO inspection_findings (id, inspection_id, kind, description) VALUES "
    "(1, 1, '进度', '现场无施工');"
    "INSERT INTO rectifications (finding_id, requirement, unit_id, deadline) VALUES "
    "(1, '一个月内复工', 902, '2021-04-30');"
    "INSERT INTO meetings (id, kind, date, name) VALUES (1, 'monthly', '2021-03-05', "
    "'三月例会');"
    "INSERT INTO matters (id, meeting_id, content, project_id, unit_id, assigned, deadline) "
    "VALUES (1, 1, '协调解决施工用电', 1, 902, '2021-03-05', '2021-04-20');"
    "INSERT INTO matter_extensions (matter_id, requested, reason, new_deadline, approved_by, "
    "approved) VALUES (1, '2021-04-10', '电力设计变更', '2021-05-31', '李强', '2021-04-12');");
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

static TjProjectForm *
open_form (Fixture *f,
           gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = tj_project_load (f->db, id, &error);
  TjProjectForm *form;

  g_assert_no_error (error);
  form = TJ_PROJECT_FORM (tj_project_form_new (f->db, project, 2021));
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (form), 900, 1400);
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();
  return form;
}

/* The group of the form whose title starts with prefix. */
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

/* The rows of a group as "title | subtitle", one a line. */
static void
collect_rows (GtkWidget *widget,
              GString   *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (out, "%s | %s%s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)),
                              gtk_widget_has_css_class (widget, "error") ? " | error" : "");
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

static char *
rows_of (AdwPreferencesGroup *group)
{
  GString *out = g_string_new (NULL);

  collect_rows (GTK_WIDGET (group), out);
  return g_string_free (out, FALSE);
}

static void
test_inspections_and_matters (Fixture       *f,
                              gconstpointer  data)
{
  TjProjectForm *form = open_form (f, 1);
  AdwPreferencesGroup *inspections = find_group (GTK_WIDGET (form), "巡查记录");
  AdwPreferencesGroup *matters = find_group (GTK_WIDGET (form), "议定事项");
  g_autofree char *inspection_rows = NULL;
  g_autofree char *matter_rows = NULL;

  g_assert_nonnull (inspections);
  g_assert_nonnull (matters);
  g_assert_cmpstr (adw_preferences_group_get_title (inspections), ==, "巡查记录（1 次）");
  g_assert_cmpstr (adw_preferences_group_get_title (matters), ==, "议定事项（1 项）");
  inspection_rows = rows_of (inspections);
  matter_rows = rows_of (matters);
  g_test_message ("%s%s", inspection_rows, matter_rows);
  g_assert_cmpstr (inspection_rows, ==,
                   "2021-03-10　纪委监委（暗访）　结论：虚报 | 巡查人员：张三、李四；"
                   "整改 1 项，未销号 1 项，逾期 1 项 | error\n");
  g_assert_cmpstr (adw_preferences_group_get_description (inspections), ==,
                   "逾期未销号整改 1 项。在“巡查”页管理。");
  g_assert_cmpstr (matter_rows, ==,
                   "协调解决施工用电 | 办结期限：2021-05-31　状态：超期未办结　责任单位：测试局　"
                   "会议：2021-03-05 三月例会 | error\n");
  g_assert_cmpstr (adw_preferences_group_get_description (matters), ==,
                   "超期未办结 1 项。状态截至今日；在“督办”页管理。");
  /* to look at: the form scrolled to its end, where the two groups are */
  {
    GtkWidget *scrolled = tj_test_find_descendant (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment;

    g_assert_nonnull (scrolled);
    tj_test_wait_ms (200);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    tj_test_screenshot (GTK_WIDGET (form), "project-form-inspections-matters.png");
  }
  gtk_window_destroy (GTK_WINDOW (form));

  /* the matter finished after its extended deadline: 逾期办结, no longer an alarm */
  exec (f->db, "UPDATE matters SET finished = '2021-06-02', "
               "result = '已通电' WHERE id = 1;");
  form = open_form (f, 1);
  g_free (matter_rows);
  matter_rows = rows_of (find_group (GTK_WIDGET (form), "议定事项"));
  g_assert_nonnull (strstr (matter_rows, "状态：逾期办结"));
  g_assert_null (strstr (matter_rows, "| error"));
  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_none (Fixture       *f,
           gconstpointer  data)
{
  TjProjectForm *form = open_form (f, 2);
  AdwPreferencesGroup *inspections = find_group (GTK_WIDGET (form), "巡查记录");
  AdwPreferencesGroup *matters = find_group (GTK_WIDGET (form), "议定事项");
  g_autofree char *inspection_rows = rows_of (inspections);
  g_autofree char *matter_rows = rows_of (matters);

  g_assert_cmpstr (adw_preferences_group_get_title (inspections), ==, "巡查记录（0 次）");
  g_assert_cmpstr (adw_preferences_group_get_description (inspections), ==, "暂无巡查记录。");
  g_assert_cmpstr (inspection_rows, ==, "");
  g_assert_cmpstr (adw_preferences_group_get_title (matters), ==, "议定事项（0 项）");
  g_assert_cmpstr (adw_preferences_group_get_description (matters), ==,
                   "该项目暂无议定事项。");
  g_assert_cmpstr (matter_rows, ==, "");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* A list that cannot be read says so, with the reason, where its rows would be. */
static void
test_read_error (Fixture       *f,
                 gconstpointer  data)
{
  TjProjectForm *form;
  AdwPreferencesGroup *inspections, *matters;
  const char *text;

  exec (f->db, "ALTER TABLE rectifications RENAME TO rectifications_gone;"
               "ALTER TABLE matter_extensions RENAME TO extensions_gone;");
  form = open_form (f, 1);
  inspections = find_group (GTK_WIDGET (form), "巡查记录");
  matters = find_group (GTK_WIDGET (form), "议定事项");
  g_assert_cmpstr (adw_preferences_group_get_title (inspections), ==, "巡查记录");
  text = adw_preferences_group_get_description (inspections);
  g_assert_true (g_str_has_prefix (text, "无法读取巡查记录："));
  g_assert_cmpstr (adw_preferences_group_get_title (matters), ==, "议定事项");
  text = adw_preferences_group_get_description (matters);
  g_assert_true (g_str_has_prefix (text, "无法读取议定事项："));
  gtk_window_destroy (GTK_WINDOW (form));
}

int
main (int    argc,
      char **argv)
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/project-form/inspections-and-matters", Fixture, NULL, setup,
              test_inspections_and_matters, teardown);
  g_test_add ("/project-form/none", Fixture, NULL, setup, test_none, teardown);
  g_test_add ("/project-form/read-error", Fixture, NULL, setup, test_read_error, teardown);
  return g_test_run ();
}
