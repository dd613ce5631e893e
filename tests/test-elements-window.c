/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project form's 要素保障 section (issue 10, policy 七) under Xvfb: a fund added through its
 * Add button and dialog (more secured than sought keeps Save off, saying why), the row with its
 * gap, deleted and put back with Undo; a statistics follow-up (入库跟进) added without what was
 * done (Save off, core's message), saved, edited, deleted and put back. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-element-section.h"
#include "tj-project-form.h"
#include "tj-project.h"

typedef TjTestWindow Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  tj_db_exec (f->db,
              "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
              "INSERT INTO units (id, name, kind) VALUES (901, '甲乙镇', 'town');"
              "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id, "
              "total_investment) VALUES (1, 2026, '嵩山大道', 'city', 'new', 901, 901, "
              "50000000);",
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
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button under widget whose label or tooltip is text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0 ||
                                 g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GString   *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (out, "%s | %s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
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
type (GtkWindow  *dialog,
      const char *field,
      const char *text)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "need-dialog") != NULL
                       ? tj_element_dialog_get_input (dialog, field)
                       : tj_followup_dialog_get_input (dialog, field);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The dialog's message under its fields: its one wrapping label. */
static const char *
message_of (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)) &&
          gtk_widget_has_css_class (child, "error"))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((found = message_of (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The project form of the fixture's project, shown. */
static GtkWindow *
open_form (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = tj_project_load (f->db, 1, &error);
  GtkWindow *form;

  g_assert_no_error (error);
  form = tj_project_form_new (f->db, project, 2026);
  gtk_window_set_transient_for (form, GTK_WINDOW (f->window));
  gtk_window_set_default_size (form, 900, 1000);
  gtk_window_present (form);
  tj_test_wait_idle ();
  return form;
}

/* The form scrolled to its end, where the sections are, as a screenshot. */
static void
screenshot_bottom (GtkWindow  *form,
                   const char *name)
{
  GtkWidget *scrolled = tj_test_find_descendant (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  tj_test_wait_ms (200);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  tj_test_screenshot (GTK_WIDGET (form), name);
}

static void
test_add_fund (Fixture       *f,
               gconstpointer  data)
{
  GtkWindow *form = open_form (f);
  AdwPreferencesGroup *section;
  AdwMessageDialog *dialog;
  GtkWidget *add;
  g_autofree char *rows = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *after_undo = NULL;

  section = find_group (GTK_WIDGET (form), "要素保障");
  g_assert_nonnull (section);
  g_assert_cmpstr (adw_preferences_group_get_description (section), ==,
                   "尚未登记争取的资金或所需的指标。");
  add = find_button (GTK_WIDGET (section), "添加(_A)…");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog ("新增资金或指标");
  g_assert_nonnull (dialog);

  /* 中央资金 is the first kind; more secured than sought: no Save, and why */
  type (GTK_WINDOW (dialog), "needed", "120.5");
  type (GTK_WINDOW (dialog), "needed_date", "2026-02-01");
  type (GTK_WINDOW (dialog), "secured", "130");
  type (GTK_WINDOW (dialog), "secured_date", "2026-04-10");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (message_of (GTK_WIDGET (dialog)),
                            "到位金额不能超过申请金额（120.50 万元）"));
  type (GTK_WINDOW (dialog), "secured", "100");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_cmpstr (message_of (GTK_WIDGET (dialog)), ==, "");
  tj_test_screenshot (GTK_WIDGET (dialog), "elements-dialog.png");
  tj_test_respond (dialog, "save");

  g_assert_cmpint (tj_test_scalar (f->db, "SELECT needed FROM project_elements"), ==, 1205000);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT secured FROM project_elements"), ==, 1000000);
  rows = rows_of (section);
  g_assert_cmpstr (rows, ==,
                   "中央资金：申请 120.50 万元，到位 100.00 万元，缺口 20.50 万元 | "
                   "申请日期 2026-02-01　到位日期 2026-04-10\n");
  screenshot_bottom (form, "elements-form.png");

  /* deleted, then put back from the section's own Undo */
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "删除"), "clicked");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM project_elements"), ==, 0);
  after_delete = rows_of (section);
  g_assert_cmpstr (after_delete, ==,
                   "已删除：中央资金（申请 120.50 万元，到位 100.00 万元，缺口 20.50 万元） | \n");
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "撤销(_U)"), "clicked");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT needed FROM project_elements"), ==, 1205000);
  after_undo = rows_of (section);
  g_assert_cmpstr (after_undo, ==, rows);
  gtk_window_destroy (form);
  tj_test_wait_idle ();
}

static void
test_followup (Fixture       *f,
               gconstpointer  data)
{
  GtkWindow *form = open_form (f);
  AdwPreferencesGroup *section = find_group (GTK_WIDGET (form), "统计入库跟进");
  AdwMessageDialog *dialog;
  g_autofree char *rows = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_nonnull (section);
  g_assert_cmpstr (adw_preferences_group_get_description (section), ==, "尚无入库跟进记录。");
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "添加(_A)…"), "clicked");
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog ("新增入库跟进");
  g_assert_nonnull (dialog);

  /* today's date is there; without what was done, no Save and core's message */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_cmpstr (message_of (GTK_WIDGET (dialog)), ==, "请填写跟进情况。");
  type (GTK_WINDOW (dialog), "date", "2026-13-01");
  type (GTK_WINDOW (dialog), "note", "与统计局对接入库资料");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (message_of (GTK_WIDGET (dialog)), "跟进日期"));
  type (GTK_WINDOW (dialog), "date", "2026-03-15");
  type (GTK_WINDOW (dialog), "by_whom", "王明");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  tj_test_screenshot (GTK_WIDGET (dialog), "followup-dialog.png");
  tj_test_respond (dialog, "save");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM statistics_followups WHERE "
                                   "date = '2026-03-15' AND by_whom = '王明'"), ==, 1);
  rows = rows_of (section);
  g_assert_cmpstr (rows, ==, "2026-03-15：与统计局对接入库资料 | 王明\n");

  /* edited: the date moved */
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "编辑"), "clicked");
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog ("编辑入库跟进");
  g_assert_nonnull (dialog);
  type (GTK_WINDOW (dialog), "date", "2026-03-16");
  tj_test_respond (dialog, "save");
  tj_test_wait_idle ();
  g_clear_pointer (&rows, g_free);
  rows = rows_of (section);
  g_assert_cmpstr (rows, ==, "2026-03-16：与统计局对接入库资料 | 王明\n");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM statistics_followups"), ==, 1);
  screenshot_bottom (form, "followup-form.png");

  /* deleted, then put back */
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "删除"), "clicked");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM statistics_followups"), ==, 0);
  after_delete = rows_of (section);
  g_assert_cmpstr (after_delete, ==, "已删除：2026-03-16 的跟进（与统计局对接入库资料） | \n");
  g_signal_emit_by_name (find_button (GTK_WIDGET (section), "撤销(_U)"), "clicked");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM statistics_followups WHERE "
                                   "date = '2026-03-16' AND by_whom = '王明'"), ==, 1);
  after_undo = rows_of (section);
  g_assert_cmpstr (after_undo, ==, rows);
  gtk_window_destroy (form);
  tj_test_wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/elements-window/add-fund", Fixture, NULL, setup, test_add_fund, teardown);
  g_test_add ("/elements-window/followup", Fixture, NULL, setup, test_followup, teardown);
  return g_test_run ();
}
