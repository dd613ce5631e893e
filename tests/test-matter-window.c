/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 督办 page as a user meets it, under Xvfb: an overdue matter whose extension is approved
 * through the dialog reads 办理中; a report added shows as 最新报告. The page's day is fixed. */
#include "tj-test.h"

#include <adwaita.h>

#include "tj-test-matters.h"
#include "tj-test-window.h"

#include "tj-demo.h"
#include "tj-form-row.h"
#include "tj-matter-form.h"
#include "tj-matter-page.h"

typedef TjTestWindow Fixture;

#define TODAY "2026-06-10"

static void
add_matter (TjDb       *db,
            gint64      meeting,
            const char *content,
            const char *person,
            const char *assigned,
            const char *deadline,
            const char *finished)
{
  g_autoptr (TjMatter) m = tj_matter_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM projects WHERE year = 2026 "
                                          "ORDER BY id LIMIT 1 OFFSET %u",
                                          (guint) (g_str_hash (content) % 20));

  m->meeting_id = meeting;
  m->unit_id = tj_test_scalar (db, "SELECT id FROM units WHERE kind = 'department' "
                                   "ORDER BY id LIMIT 1");
  m->project_id = tj_test_scalar (db, sql);
  m->content = g_strdup (content);
  m->person = g_strdup (person);
  m->assigned = g_strdup (assigned);
  m->deadline = g_strdup (deadline);
  m->finished = g_strdup (finished);
  g_assert_true (tj_matter_save (db, m, &error));
  g_assert_no_error (error);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) demo_meetings = NULL;
  gint64 april, may, coordination;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, 2026, &error));
  g_assert_no_error (error);
  /* The demo's own meetings (and their matters) go: these tests count theirs. */
  demo_meetings = tj_meeting_list (f->db, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < demo_meetings->len; i++)
    g_assert_true (tj_meeting_delete (f->db, ((TjMeeting *) demo_meetings->pdata[i])->id, NULL));
  tj_test_window_open (f);
  april = tj_test_add_meeting (f->db, TJ_MEETING_MONTHLY, "2026-04-08", "4月份重点项目月例会");
  may = tj_test_add_meeting (f->db, TJ_MEETING_MONTHLY, "2026-05-08", "5月份重点项目月例会");
  coordination = tj_test_add_meeting (f->db, TJ_MEETING_COORDINATION, "2026-05-20",
                                      "产业园区基础设施专题协调会");
  add_matter (f->db, april, "协调解决项目用地组卷报批", "李建国", "2026-04-08", "2026-04-30",
              "2026-04-28");
  add_matter (f->db, april, "督促施工单位增加人员机械，确保6月底主体封顶", "王志强",
              "2026-04-08", "2026-06-30", NULL);
  add_matter (f->db, may, "落实项目环评批复，限期完成整改", "赵丽", "2026-05-08", "2026-05-31",
              NULL);
  add_matter (f->db, may, "协调供电公司完成10千伏线路迁改", "孙明", "2026-05-08", "2026-05-25",
              "2026-06-02");
  add_matter (f->db, coordination, "园区道路雨污管网同步施工", "周海", "2026-05-20",
              "2026-07-15", NULL);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "matters");
  tj_matter_page_set_today (tj_window_get_matter_page (f->window), TODAY);
  tj_page_set_year (TJ_PAGE (tj_window_get_matter_page (f->window)), 2026);
  tj_test_wait_idle ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

/* The row of the list whose matter is content; fails when none is shown. */
static guint
row_of (TjMatterPage *page,
        const char   *content)
{
  GListModel *shown = tj_matter_page_get_shown (page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autofree char *text = tj_matter_page_get_cell_text (page, i, "content");

      if (g_strcmp0 (text, content) == 0)
        return i;
    }
  g_error ("no row “%s”", content);
}

static char *
cell (TjMatterPage *page,
      const char   *content,
      const char   *column)
{
  return tj_matter_page_get_cell_text (page, row_of (page, content), column);
}

static void
test_extension (Fixture       *f,
                gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  const char *matter = "落实项目环评批复，限期完成整改";
  g_autofree char *before = cell (page, matter, "status");
  g_autofree char *after = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *done_late = cell (page, "协调供电公司完成10千伏线路迁改", "status");
  GtkWindow *form;

  g_assert_cmpuint (g_list_model_get_n_items (tj_matter_page_get_shown (page)), ==, 5);
  g_assert_cmpstr (before, ==, "超期未办结");
  g_assert_cmpstr (done_late, ==, "逾期办结");
  tj_test_screenshot (GTK_WIDGET (f->window), "matter-window.png");

  tj_matter_page_select (page, row_of (page, matter));
  gtk_widget_activate_action (GTK_WIDGET (page), "matter.extend", NULL);
  form = tj_matter_page_get_form (page);
  g_assert_nonnull (form);
  tj_test_wait_idle ();
  tj_test_screenshot (GTK_WIDGET (form), "matter-extension.png");
  /* asked after the deadline: refused at the new date's field, nothing saved */
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "requested", "2026-06-01"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "reason", "环评报告需专家二次评审"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "new-deadline", "2026-06-30"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "approved-by", "张副市长"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "approved", "2026-06-02"));
  g_assert_false (tj_matter_form_save (form));
  g_assert_nonnull (tj_form_get_message (GTK_WIDGET (form), "new-deadline"));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM matter_extensions"), ==, 0);

  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "requested", "2026-05-28"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "approved", "2026-05-29"));
  g_assert_true (tj_matter_form_save (form));
  tj_test_wait_idle ();
  after = cell (page, matter, "status");
  deadline = cell (page, matter, "deadline");
  g_assert_cmpstr (after, ==, "办理中");
  g_assert_cmpstr (deadline, ==, "2026-06-30");
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  const char *matter = "督促施工单位增加人员机械，确保6月底主体封顶";
  g_autofree char *latest = NULL;
  GtkWindow *form;

  tj_matter_page_select (page, row_of (page, matter));
  gtk_widget_activate_action (GTK_WIDGET (page), "matter.report", NULL);
  form = tj_matter_page_get_form (page);
  g_assert_nonnull (form);
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "date", "2026-06-08"));
  g_assert_true (tj_form_set_text (GTK_WIDGET (form), "text", "已进场塔吊2台，施工人员增至120人"));
  g_assert_true (tj_matter_form_save (form));
  tj_test_wait_idle ();
  latest = cell (page, matter, "report");
  g_assert_cmpstr (latest, ==, "2026-06-08 已进场塔吊2台，施工人员增至120人");
  tj_test_screenshot (GTK_WIDGET (f->window), "matter-window-report.png");
}

/* The button of the window's toast labelled label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The April meeting deleted through its dialog takes its two matters (one with a report); the
 * toast's 撤销 puts all of it back. */
static void
test_delete_meeting_undo (Fixture       *f,
                          gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  gint64 april = tj_test_scalar (f->db, "SELECT id FROM meetings WHERE date = '2026-04-08'");
  g_autoptr (GError) error = NULL;
  g_autofree char *latest = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *undo;

  g_assert_true (tj_db_exec (f->db, "INSERT INTO matter_reports (matter_id, date, text) "
                                    "SELECT id, '2026-04-20', '已完成用地组卷' FROM matters "
                                    "WHERE content = '协调解决项目用地组卷报批'", &error));
  g_assert_no_error (error);
  tj_matter_page_show_meeting (page, april);
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (tj_matter_page_get_shown (page)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "matter.delete-meeting", NULL);
  dialog = tj_test_find_dialog ("删除该会议？");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "其下 2 项事项"));
  adw_message_dialog_response (dialog, "delete");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM matters"), ==, 3);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM matter_reports"), ==, 0);
  tj_matter_page_show_meeting (page, 0);
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (tj_matter_page_get_shown (page)), ==, 3);
  tj_test_screenshot (GTK_WIDGET (f->window), "matter-window-deleted.png");

  undo = find_button (GTK_WIDGET (f->window), "撤销(_U)");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_mapped (undo));
  g_signal_emit_by_name (undo, "clicked");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM meetings"), ==, 3);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM matter_reports"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tj_matter_page_get_shown (page)), ==, 5);
  latest = cell (page, "协调解决项目用地组卷报批", "report");
  g_assert_cmpstr (latest, ==, "2026-04-20 已完成用地组卷");
}

/* The page's button bound to action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* 导出督办台账 from the page: the year's matters with their status as of the page's day, the
 * buttons waiting while it is written. */
static void
test_export_ledger (Fixture       *f,
                    gconstpointer  data)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  GtkWidget *ledger = find_action_button (GTK_WIDGET (page), "matter.export");
  GtkWidget *pack = find_action_button (GTK_WIDGET (page), "matter.pack");
  g_autofree char *path = g_build_filename (f->dir, "督办台账.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;

  g_assert_nonnull (ledger);
  g_assert_true (gtk_widget_get_sensitive (ledger));
  tj_matter_page_export_ledger (page, path);
  g_assert_false (gtk_widget_get_sensitive (ledger));
  g_assert_false (gtk_widget_get_sensitive (pack));
  while (!gtk_widget_get_sensitive (ledger))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (pack));
  facts = tj_test_xlsx_read (path, 0, "A1", "A2", "E6", "O6", "E7", "O7", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "登封市2026年会议议定事项督办台账");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==, "（截至" TODAY "）");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "E6"), ==, "落实项目环评批复，限期完成整改");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O6"), ==, "超期未办结");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "E7"), ==, "协调供电公司完成10千伏线路迁改");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O7"), ==, "逾期办结");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/matter-window/extension", Fixture, NULL, setup, test_extension, teardown);
  g_test_add ("/matter-window/report", Fixture, NULL, setup, test_report, teardown);
  g_test_add ("/matter-window/export-ledger", Fixture, NULL, setup, test_export_ledger, teardown);
  g_test_add ("/matter-window/delete-meeting-undo", Fixture, NULL, setup, test_delete_meeting_undo,
              teardown);
  return g_test_run ();
}
