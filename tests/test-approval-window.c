/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 审批 and 代办 pages as a user meets them, under Xvfb. */
#include "tj-test.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "tj-test-ui.h"

#include "tj-application.h"
#include "tj-approval-form.h"
#include "tj-approval-page.h"
#include "tj-read-error.h"
#include "tj-calendar.h"
#include "tj-case-window.h"
#include "tj-demo.h"
#include "tj-window.h"

typedef struct
{
  char *dir;
  TjDb *db;
  TjApplication *app;
  TjWindow *window;
  TjApprovalPage *page;
} Fixture;

static const char *const today = "2026-09-30";

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, 2026, &error));
  g_assert_no_error (error);
  f->app = tj_application_new (tj_db_get_path (f->db));
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  f->window = tj_window_new (f->app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  f->page = tj_window_get_approval_page (f->window);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "approvals");
  tj_page_set_year (TJ_PAGE (f->page), 2026);
  tj_approval_page_set_today (f->page, today);
  tj_test_wait_idle ();
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

/* An item entered through core, as an import would. */
static void
add_item (Fixture    *f,
          const char *name,
          const char *accepted,
          int         committed)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GError) error = NULL;

  item->project_id = tj_test_scalar (f->db, "SELECT min(id) FROM projects WHERE year = 2026");
  item->name = g_strdup (name);
  item->stage = TJ_STAGE_LAND;
  item->unit_id = tj_test_scalar (f->db, "SELECT id FROM units WHERE name = '环保局'");
  item->statutory_days = 20;
  item->committed_days = committed;
  item->accepted = g_strdup (accepted);
  g_assert_true (tj_approval_item_save (f->db, item, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
}

static gboolean
find_item (Fixture    *f,
           const char *name,
           guint      *position)
{
  GListModel *shown = tj_approval_page_get_shown (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autofree char *text = tj_approval_page_get_cell_text (f->page, i, "name");

      if (g_strcmp0 (text, name) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* An item entered through the form shows its deadline and the working days left. */
static void
test_item_shows_deadline (Fixture       *f,
                          gconstpointer  data)
{
  TjApprovalForm *form = TJ_APPROVAL_FORM (tj_approval_form_new (f->db, NULL, 2026));
  g_autoptr (TjCalendar) calendar = tj_calendar_load (f->db, NULL);
  g_autofree char *deadline = NULL, *shown_deadline = NULL, *remaining = NULL;
  g_autofree char *expected_remaining = NULL, *committed = NULL;
  guint position = 0;

  gtk_window_present (GTK_WINDOW (form));
  g_assert_true (tj_approval_form_choose (form, "project_id", "城区集中供热管网扩建工程"));
  tj_approval_form_set_text (form, "name", "测试节能审查");
  g_assert_true (tj_approval_form_choose (form, "stage", "立项用地规划"));
  g_assert_true (tj_approval_form_choose (form, "unit_id", "发改委"));
  tj_approval_form_set_text (form, "statutory_days", "20");
  /* The green channel proposes half the statutory limit. */
  g_assert_true (tj_approval_form_choose (form, "green", "yes"));
  tj_approval_form_set_text (form, "accepted", "2026-09-25");
  g_assert_true (tj_approval_form_save (form));
  tj_test_wait_idle ();

  committed = g_strdup_printf ("%" G_GINT64_FORMAT,
                               tj_test_scalar (f->db, "SELECT committed_days FROM approval_items "
                                                      "WHERE name = '测试节能审查'"));
  g_assert_cmpstr (committed, ==, "10");
  g_assert_true (find_item (f, "测试节能审查", &position));
  deadline = tj_calendar_deadline (calendar, "2026-09-25", 10);
  shown_deadline = tj_approval_page_get_cell_text (f->page, position, "deadline");
  g_assert_cmpstr (shown_deadline, ==, deadline);
  remaining = tj_approval_page_get_cell_text (f->page, position, "remaining");
  expected_remaining = g_strdup_printf ("%d", tj_calendar_remaining (calendar, today, deadline));
  g_assert_cmpstr (remaining, ==, expected_remaining);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 820);
  tj_test_screenshot (GTK_WIDGET (f->window), "approvals.png");
}

static void
test_invalid_item_saves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  TjApprovalForm *form = TJ_APPROVAL_FORM (tj_approval_form_new (f->db, NULL, 2026));
  gint64 before = tj_test_scalar (f->db, "SELECT count(*) FROM approval_items");

  gtk_window_present (GTK_WINDOW (form));
  g_assert_true (tj_approval_form_choose (form, "project_id", "城区集中供热管网扩建工程"));
  tj_approval_form_set_text (form, "name", "测试施工许可");
  g_assert_true (tj_approval_form_choose (form, "stage", "施工许可"));
  g_assert_true (tj_approval_form_choose (form, "unit_id", "住建局"));
  tj_approval_form_set_text (form, "statutory_days", "10");
  tj_approval_form_set_text (form, "committed_days", "12");
  tj_approval_form_set_text (form, "accepted", "2026-09-25");
  tj_approval_form_set_text (form, "finished", "2026-09-20");
  g_assert_false (tj_approval_form_save (form));
  g_assert_nonnull (tj_approval_form_get_message (form, "committed_days"));
  g_assert_nonnull (tj_approval_form_get_message (form, "finished"));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM approval_items"), ==, before);
  gtk_window_destroy (GTK_WINDOW (form));
}

/* One Tab per field in the item form: the rows around the inputs take no focus. */
static void
test_item_form_one_tab_per_field (Fixture       *f,
                                  gconstpointer  data)
{
  const char *const order[] = { "project_id", "case_id", "name", "stage", "unit_id",
                                "statutory_days", "green", "committed_days", "handler",
                                "accepted", "copied", "finished", "delivered", "notes" };
  GtkWindow *form = tj_approval_form_new (f->db, NULL, 2026);

  gtk_window_set_transient_for (form, GTK_WINDOW (f->window));
  gtk_window_present (form);
  tj_test_wait_idle ();
  tj_test_assert_one_tab_per_field (GTK_WIDGET (form), order, G_N_ELEMENTS (order));
  gtk_window_destroy (form);
}

/* 催办 logs a reminder on the item, dated today, by the user; the list shows the count. */
static void
test_remind_logs (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *count = NULL;
  guint position = 0;
  gint64 before = tj_test_scalar (f->db, "SELECT count(*) FROM approval_reminders");

  add_item (f, "测试环评审批", "2026-09-21", 10);
  g_assert_true (find_item (f, "测试环评审批", &position));
  g_assert_true (tj_approval_page_remind (f->page, position, "电话催办"));
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM approval_reminders"), ==,
                   before + 1);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM approval_reminders WHERE date = "
                                          "'2026-09-30' AND note = '电话催办' AND by_whom <> ''"),
                   ==, 1);
  g_assert_true (find_item (f, "测试环评审批", &position));
  count = tj_approval_page_get_cell_text (f->page, position, "reminders");
  g_assert_cmpstr (count, ==, "1");
}

/* Scrolls a form to its end, where the lists under the fields are, for a screenshot. */
static void
scroll_to_end (GtkWidget *form)
{
  GtkWidget *scrolled = tj_test_find_descendant (form, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  tj_test_wait_idle ();
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* 暂停 through the form (issue 7, point 16). On the 2026 table, 中秋节 9月25日（周五）至27日 and
 * 国庆节 10月1日至7日 off: accepted 09-22 (Tuesday) with 5 committed working days → 09-23, 24,
 * 28, 29, 30: deadline 09-30. Suspended 09-24 (Thursday) to 09-28 (Monday) for 专家评审: 09-24
 * and 09-28 are working days, 2 of them → 10-08, 10-09: the deadline moves to 2026-10-09. */
static void
test_suspension_moves_deadline (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (TjApprovalItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deadline = NULL;
  TjApprovalForm *form;
  guint position = 0;
  gint64 id;

  add_item (f, "测试暂停事项", "2026-09-22", 5);
  g_assert_true (find_item (f, "测试暂停事项", &position));
  deadline = tj_approval_page_get_cell_text (f->page, position, "deadline");
  g_assert_cmpstr (deadline, ==, "2026-09-30");
  g_clear_pointer (&deadline, g_free);

  id = tj_test_scalar (f->db, "SELECT id FROM approval_items WHERE name = '测试暂停事项'");
  item = tj_approval_item_load (f->db, id, today, &error);
  g_assert_no_error (error);
  form = TJ_APPROVAL_FORM (tj_approval_form_new (f->db, item, 2026));
  gtk_window_present (GTK_WINDOW (form));

  /* Two periods that overlap: refused, said under 暂停期间, nothing written. */
  tj_approval_form_add_suspension (form, "2026-09-24", "2026-09-28", "专家评审");
  tj_approval_form_add_suspension (form, "2026-09-28", "2026-09-29", "补正材料");
  g_assert_cmpuint (tj_approval_form_get_n_suspensions (form), ==, 2);
  g_assert_false (tj_approval_form_save (form));
  g_assert_cmpstr (tj_approval_form_get_suspension_message (form), ==,
                   "暂停期间 2026-09-28 至 2026-09-29 与 2026-09-24 至 2026-09-28 重叠。");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM approval_suspensions"), ==, 0);
  scroll_to_end (GTK_WIDGET (form));
  tj_test_screenshot (GTK_WIDGET (form), "approval-form-suspensions.png");

  /* Removing the second asks nothing; the first is saved with the item. */
  tj_approval_form_remove_suspension (form, 1);
  g_assert_cmpuint (tj_approval_form_get_n_suspensions (form), ==, 1);
  g_assert_null (tj_approval_form_get_suspension_message (form));
  g_assert_true (tj_approval_form_save (form));
  tj_test_wait_idle ();

  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM approval_suspensions"), ==, 1);
  g_assert_true (find_item (f, "测试暂停事项", &position));
  deadline = tj_approval_page_get_cell_text (f->page, position, "deadline");
  g_assert_cmpstr (deadline, ==, "2026-10-09");
}

/* The item form lists the 催办 logged about the item (issue 7, point 10): date, who, note, the
 * earliest first; a reminder list that cannot be read says so with 重试, never "none". */
static void
test_form_lists_reminders (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (TjApprovalItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL, *failed = NULL, *again = NULL;
  TjApprovalForm *form;
  gint64 id;

  add_item (f, "测试规划许可", "2026-09-14", 10);
  id = tj_test_scalar (f->db, "SELECT id FROM approval_items WHERE name = '测试规划许可'");
  g_assert_true (tj_approval_remind (f->db, id, "2026-09-28", "李四", NULL, &error));
  g_assert_true (tj_approval_remind (f->db, id, "2026-09-22", "张三", "电话催办，承诺周五前办结",
                                     &error));
  g_assert_no_error (error);
  item = tj_approval_item_load (f->db, id, today, &error);
  g_assert_no_error (error);

  form = TJ_APPROVAL_FORM (tj_approval_form_new (f->db, item, 2026));
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();
  shown = tj_approval_form_get_reminders_text (form);
  g_assert_cmpstr (shown, ==, "2026-09-22，张三催办: 电话催办，承诺周五前办结\n"
                              "2026-09-28，李四催办");
  g_assert_null (tj_approval_form_get_reminders_error (form));
  scroll_to_end (GTK_WIDGET (form));
  tj_test_screenshot (GTK_WIDGET (form), "approval-form-reminders.png");
  gtk_window_destroy (GTK_WINDOW (form));

  /* Another program makes the reminders unreadable: the form says so in their place. */
  tj_test_exec_elsewhere (f->db, "ALTER TABLE approval_reminders RENAME TO approval_reminders_gone");
  form = TJ_APPROVAL_FORM (tj_approval_form_new (f->db, item, 2026));
  gtk_window_present (GTK_WINDOW (form));
  tj_test_wait_idle ();
  g_assert_nonnull (tj_approval_form_get_reminders_error (form));
  failed = tj_approval_form_get_reminders_text (form);
  g_assert_nonnull (strstr (failed, "approval_reminders"));
  g_assert_null (strstr (failed, "尚无催办"));
  tj_test_exec_elsewhere (f->db, "ALTER TABLE approval_reminders_gone RENAME TO approval_reminders");
  tj_read_error_retry (tj_approval_form_get_reminders_error (form));
  again = tj_approval_form_get_reminders_text (form);
  g_assert_cmpstr (again, ==, shown);
  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_overdue_filter (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *shown = tj_approval_page_get_shown (f->page);
  guint overdue;

  /* Accepted 3 August with 5 working days: long past on 30 September. */
  add_item (f, "测试水土保持方案", "2026-08-03", 5);
  overdue = tj_approval_page_get_overdue (f->page);
  g_assert_cmpuint (overdue, >=, 1);
  tj_approval_page_filter_overdue (f->page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, overdue);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autofree char *state = tj_approval_page_get_cell_text (f->page, i, "state");
      g_assert_cmpstr (state, ==, "超期未办结");
    }
}

/* The button bound to this action under the widget. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action,
               const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        {
          GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target == NULL || (value != NULL && g_str_equal (g_variant_get_string (value, NULL),
                                                               target)))
            return child;
        }
      found = action_button (child, action, target);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* 编辑 and 催办 follow the selection when the rows change under it: the selected item deleted
 * (here through core, as another window would), they are disabled. */
static void
test_actions_follow_rows (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *edit = action_button (GTK_WIDGET (f->page), "approval.edit", NULL);
  GtkWidget *remind = action_button (GTK_WIDGET (f->page), "approval.remind", NULL);
  GtkWidget *view = tj_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr (GError) error = NULL;
  guint position = 0;

  add_item (f, "测试删除事项", "2026-09-22", 5);
  g_assert_true (find_item (f, "测试删除事项", &position));
  g_assert_false (gtk_widget_get_sensitive (edit));
  g_assert_true (gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)),
                                                 position, TRUE));
  g_assert_true (gtk_widget_get_sensitive (edit));
  g_assert_true (gtk_widget_get_sensitive (remind));

  g_assert_true (tj_approval_item_delete (
    f->db, tj_test_scalar (f->db, "SELECT id FROM approval_items WHERE name = '测试删除事项'"),
    &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
  g_assert_false (find_item (f, "测试删除事项", &position));
  g_assert_false (gtk_widget_get_sensitive (edit));
  g_assert_false (gtk_widget_get_sensitive (remind));
}

/* An export keeps both export buttons until its file is written; the ledger is a workbook. */
static void
test_export_busy (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *ledger = action_button (GTK_WIDGET (f->page), "approval.export", "ledger");
  GtkWidget *speedup = action_button (GTK_WIDGET (f->page), "approval.export", "speedup");
  g_autofree char *path = g_build_filename (f->dir, "台账.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;

  g_assert_true (gtk_widget_get_sensitive (ledger));
  tj_approval_page_export (f->page, path, FALSE);
  g_assert_false (gtk_widget_get_sensitive (ledger));
  g_assert_false (gtk_widget_get_sensitive (speedup));
  while (!gtk_widget_get_sensitive (ledger))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (speedup));
  facts = tj_test_xlsx_read (path, 0, "A1", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "登封市2026年代办事项台账");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/approvals/item-shows-deadline-and-days-left", Fixture, NULL, setup,
              test_item_shows_deadline, teardown);
  g_test_add ("/tj/approvals/invalid-item-saves-nothing", Fixture, NULL, setup,
              test_invalid_item_saves_nothing, teardown);
  g_test_add ("/tj/approvals/remind-logs-a-reminder", Fixture, NULL, setup, test_remind_logs,
              teardown);
  g_test_add ("/tj/approvals/item-form-lists-reminders", Fixture, NULL, setup,
              test_form_lists_reminders, teardown);
  g_test_add ("/tj/approvals/suspension-moves-deadline", Fixture, NULL, setup,
              test_suspension_moves_deadline, teardown);
  g_test_add ("/tj/approvals/actions-follow-rows", Fixture, NULL, setup, test_actions_follow_rows,
              teardown);
  g_test_add ("/tj/approvals/export-busy", Fixture, NULL, setup, test_export_busy, teardown);
  g_test_add ("/tj/approvals/overdue-filter", Fixture, NULL, setup, test_overdue_filter, teardown);
  g_test_add ("/tj/approvals/item-form-one-tab-per-field", Fixture, NULL, setup,
              test_item_form_one_tab_per_field, teardown);
  return g_test_run ();
}
