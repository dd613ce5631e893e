/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Project exit in the window (issue 10, policy 十二) under Xvfb: 提出退出建议… then 退出决定…
 * on the project page; a decision without its document number refused, saying why; the
 * decision recorded with the land recovered, and the project marked 已退出 in the list. */
#include "tj-test.h"

#include <adwaita.h>

#include "tj-test-window.h"

#include "tj-exit-dialog.h"
#include "tj-project-page.h"
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

static TjExitDialog *
open_dialog (TjProjectPage *page,
             const char    *action,
             const char    *heading)
{
  AdwMessageDialog *dialog;

  gtk_selection_model_select_item (tj_project_page_get_selection (page), 0, TRUE);
  tj_test_wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  tj_test_wait_idle ();
  dialog = tj_test_find_dialog (heading);
  g_assert_nonnull (dialog);
  return TJ_EXIT_DIALOG (dialog);
}

static void
test_decision (Fixture       *f,
               gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);
  g_autoptr (GPtrArray) shown = NULL;
  TjExitDialog *dialog;
  AdwMessageDialog *alert;
  TjProject *p;

  tj_page_set_year (TJ_PAGE (page), 2026);
  tj_test_wait_idle ();
  dialog = open_dialog (page, "page.propose-exit", "提出退出建议");
  tj_exit_dialog_set_text (dialog, "date", "2026-06-10");
  tj_exit_dialog_set_text (dialog, "reason", "业主资金链断裂");
  tj_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM exit_proposals "
                                          "WHERE date = '2026-06-10'"), ==, 1);

  /* without 文号: refused, saying why */
  dialog = open_dialog (page, "page.decide-exit", "退出决定");
  tj_exit_dialog_set_text (dialog, "date", "2026-07-01");
  tj_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");
  alert = tj_test_find_dialog ("无法保存退出信息");
  g_assert_nonnull (alert);
  g_assert_cmpstr (adw_message_dialog_get_body (alert), ==, "文号：请填写市政府决定的文号。");
  tj_test_respond (alert, "close");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM project_exits"), ==, 0);

  dialog = open_dialog (page, "page.decide-exit", "退出决定");
  tj_exit_dialog_set_text (dialog, "date", "2026-07-01");
  tj_exit_dialog_set_text (dialog, "document", "登政〔2026〕12号");
  tj_exit_dialog_set_text (dialog, "land", "12.35");
  tj_exit_dialog_set_text (dialog, "land-date", "2026-07-15");
  tj_test_screenshot (GTK_WIDGET (dialog), "exit-decision.png");
  tj_test_respond (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT exit_land FROM project_exits WHERE project_id = 1 "
                                          "AND exit_date = '2026-07-01' "
                                          "AND exit_document = '登政〔2026〕12号' "
                                          "AND exit_land_date = '2026-07-15'"),
                   ==, 1235);
  tj_test_wait_idle ();
  shown = tj_project_page_get_shown_projects (page);
  g_assert_cmpuint (shown->len, ==, 1);
  p = g_ptr_array_index (shown, 0);
  g_assert_cmpstr (p->exit_date, ==, "2026-07-01");
  tj_test_screenshot (GTK_WIDGET (f->window), "exit-project-page.png");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/exits-window/decision", Fixture, NULL, setup, test_decision, teardown);
  return g_test_run ();
}
