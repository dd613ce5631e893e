/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 观摩评分 under Xvfb (issue 10): opened from the 督办 page's meeting menu, a score entered in
 * the grid and saved, the ranking shown; a score above its weight refused with the project and
 * the criterion named; the report exported from the window; the tour deleted after the
 * question naming its projects and scores, and Undo putting every score back. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-matter-page.h"
#include "tj-tour.h"
#include "tj-tour-window.h"

typedef TjTestWindow Fixture;

/* Two projects and a tour of them, 安阳路 unscored on 形象进度. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (TjTour) tour = tj_tour_new ();
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  tj_test_exec (
    f->db,
    "INSERT INTO people (id, name, is_officer) VALUES (901, '王明', 1);"
    "INSERT INTO units (id, name, kind) VALUES (901, '甲乙街道', 'subdistrict');"
    "INSERT INTO projects (id, year, name, level, nature, locality_id, officer_id) VALUES "
    "(1, 2026, '安阳路', 'city', 'new', 901, 901),"
    "(2, 2026, '嵩山大道', 'city', 'new', 901, 901);");
  tour->date = g_strdup ("2026-04-18");
  tour->name = g_strdup ("四月重点项目观摩");
  tour->route = g_strdup ("嵩山大道—安阳路");
  tj_tour_add_default_criteria (tour);
  tj_tour_add_stop (tour, 2, "嵩山大道", NULL);
  tj_tour_add_stop (tour, 1, "安阳路", NULL);
  for (guint c = 0; c < 4; c++)
    tj_tour_set_score (tour, 0, c, 1000);
  for (guint c = 1; c < 4; c++)
    tj_tour_set_score (tour, 1, c, 1000);
  g_assert_true (tj_tour_save (f->db, tour, &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

static TjTourWindow *
open_tours (Fixture *f)
{
  TjMatterPage *page = tj_window_get_matter_page (f->window);
  g_autoptr (GList) toplevels = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "matters");
  tj_page_set_year (TJ_PAGE (page), 2026);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "matter.tours", NULL));
  tj_test_wait_idle ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TJ_IS_TOUR_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_enter_score (Fixture       *f,
                  gconstpointer  data)
{
  TjTourWindow *window = open_tours (f);
  GtkWidget *list = tj_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_autofree char *path = g_build_filename (f->dir, "观摩.xlsx", NULL);
  const char *message;

  /* the saved tour, chosen in the list: 安阳路 has 30 points, 嵩山大道 40 */
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  tj_test_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (tj_tour_window_get_score_cell (window, 1, 1)), ==, "10");
  g_assert_cmpstr (gtk_editable_get_text (tj_tour_window_get_score_cell (window, 1, 0)), ==, "");

  /* above the weight of 形象进度 (40): refused, the project and the criterion named */
  gtk_editable_set_text (tj_tour_window_get_score_cell (window, 1, 0), "41");
  g_assert_false (tj_tour_window_save (window));
  message = tj_tour_window_get_error (window);
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "安阳路"));
  g_assert_nonnull (strstr (message, "形象进度"));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_scores"), ==, 7);

  /* not a number: refused the same way */
  gtk_editable_set_text (tj_tour_window_get_score_cell (window, 1, 0), "三十");
  g_assert_false (tj_tour_window_save (window));
  g_assert_nonnull (strstr (tj_tour_window_get_error (window), "安阳路"));

  /* 36.25 (two decimals, as panels score) saved: 安阳路 66.25 goes first */
  gtk_editable_set_text (tj_tour_window_get_score_cell (window, 1, 0), "36.25");
  g_assert_true (tj_tour_window_save (window));
  g_assert_null (tj_tour_window_get_error (window));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT score FROM tour_scores s JOIN tour_projects p "
                                   "ON p.id = s.tour_project_id JOIN tour_criteria c "
                                   "ON c.id = s.criterion_id WHERE p.project_id = 1 AND "
                                   "c.name = '形象进度'"), ==, 3625);
  g_assert_true (find_label (GTK_WIDGET (window), "66.25"));
  tj_test_screenshot (GTK_WIDGET (window), "tours.png");

  /* exported from the window, in a worker thread */
  tj_tour_window_export (window, path);
  for (guint i = 0; i < 200 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    tj_test_wait_ms (50);
  tj_test_wait_idle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (tj_tour_window_get_error (window));
  {
    g_autoptr (GVariant) facts = tj_test_xlsx_read (path, 0, "B7", "H7", NULL);

    g_assert_cmpstr (tj_test_xlsx_fact (facts, "B7"), ==, "安阳路");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "H7"), ==, "66.25");
  }

  /* an odd month is allowed, and warned about */
  gtk_editable_set_text (GTK_EDITABLE (tj_test_find_descendant (GTK_WIDGET (window),
                                                                ADW_TYPE_ENTRY_ROW)),
                         "2026-05-16");
  g_assert_true (find_label (GTK_WIDGET (window), "观摩一般安排在双月。"));
  g_assert_true (tj_tour_window_save (window));
  gtk_window_destroy (GTK_WINDOW (window));
  tj_test_wait_idle ();
}

static char *
scores_of (TjDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  stmt = tj_db_prepare (db, "SELECT t.id, t.name, c.name, c.weight, p.position, p.project_id, "
                        "s.score FROM tour_scores s JOIN tour_projects p ON p.id = "
                        "s.tour_project_id JOIN tour_criteria c ON c.id = s.criterion_id JOIN "
                        "tours t ON t.id = p.tour_id ORDER BY s.id", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 7; c++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  TjTourWindow *window = open_tours (f);
  GtkWidget *list = tj_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_autofree char *before = scores_of (f->db);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  AdwToast *toast;

  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_scores"), ==, 7);
  /* a tour not saved yet has nothing to delete */
  g_assert_null (tj_tour_window_delete (window));
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  tj_test_wait_idle ();

  /* asked first, naming the tour, its projects and scores; Cancel keeps all */
  dialog = tj_tour_window_delete (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "删除观摩？");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "将删除 2026-04-18 的观摩“四月重点项目观摩”，连同观摩的 2 个项目及其 7 项评分。"
                   "删除后可撤销。");
  tj_test_screenshot (GTK_WIDGET (dialog), "tour-delete-dialog.png");
  tj_test_respond (dialog, "cancel");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tours"), ==, 1);

  /* deleted: the tour, its criteria, projects and scores */
  dialog = tj_tour_window_delete (window);
  tj_test_respond (dialog, "delete");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tours"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_scores"), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_criteria"), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  toast = g_object_get_data (G_OBJECT (window), "last-toast");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "已删除观摩“四月重点项目观摩”");
  tj_test_screenshot (GTK_WIDGET (window), "tour-deleted.png");

  /* Undo: every score back as it was, the tour chosen again in the list */
  g_signal_emit_by_name (toast, "button-clicked");
  tj_test_wait_idle ();
  after = scores_of (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM tour_criteria"), ==, 4);
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
  g_assert_cmpstr (gtk_editable_get_text (tj_tour_window_get_score_cell (window, 1, 1)), ==, "10");
  gtk_window_destroy (GTK_WINDOW (window));
  tj_test_wait_idle ();
}

int
main (int    argc,
      char **argv)
{
  tj_test_init_full (&argc, &argv, FALSE);
  g_test_add ("/tour-window/enter-score", Fixture, NULL, setup, test_enter_score, teardown);
  g_test_add ("/tour-window/delete", Fixture, NULL, setup, test_delete, teardown);
  return g_test_run ();
}
