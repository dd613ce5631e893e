/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 巡查 page and the inspection form as a user meets them, under Xvfb. */
#include "tj-test.h"

#include <adwaita.h>
#include <cairo.h>
#include <string.h>

#include "tj-test-ui.h"

#include "tj-application.h"
#include "tj-demo.h"
#include "tj-inspection-form.h"
#include "tj-inspection-page.h"
#include "tj-inspection.h"
#include "tj-money.h"
#include "tj-read-error.h"
#include "tj-settings.h"
#include "tj-window.h"

typedef struct
{
  char *dir;
  TjDb *db;
  TjApplication *app;
  TjWindow *window;
  TjInspectionPage *page;
  gint64 project_id; /* a project whose reported figure on date is a positive multiple of 11 */
  char *project_name;
  gint64 reported;
} Fixture;

static const char *const date = "2026-07-15";

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) demo_inspections = NULL;
  sqlite3_stmt *stmt;

  f->db = tj_test_db_new (&f->dir);
  g_assert_true (tj_demo_fill (f->db, 2026, &error));
  g_assert_no_error (error);
  /* The demo's own inspections go: these tests count theirs. */
  demo_inspections = tj_inspection_list (f->db, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < demo_inspections->len; i++)
    g_assert_true (tj_inspection_delete (f->db,
                                         ((TjInspection *) demo_inspections->pdata[i])->id, NULL));
  /* 10% exactly: verified = reported × 10 ÷ 11 */
  g_assert_cmpint (sqlite3_prepare_v2 (tj_db_get_handle (f->db),
                                       "SELECT id, name FROM projects WHERE year = 2026 ORDER BY id",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (f->project_id == 0 && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 reported = 0;

      g_assert_true (tj_inspection_reported (f->db, sqlite3_column_int64 (stmt, 0), date,
                                             &reported, &error));
      if (reported > 0 && reported % 11 == 0)
        {
          f->project_id = sqlite3_column_int64 (stmt, 0);
          f->project_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          f->reported = reported;
        }
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (f->project_id, !=, 0);

  f->app = tj_application_new (tj_db_get_path (f->db));
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  f->window = tj_window_new (f->app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  f->page = tj_window_get_inspection_page (f->window);
  adw_view_stack_set_visible_child_name (tj_window_get_stack (f->window), "inspections");
  tj_page_set_year (TJ_PAGE (f->page), 2026);
  tj_test_wait_idle ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  tj_test_wait_idle ();
  g_clear_object (&f->app);
  g_free (f->project_name);
  tj_test_db_free (&f->db, &f->dir);
}

static TjInspectionForm *
open_new_form (Fixture *f)
{
  TjInspectionForm *form = TJ_INSPECTION_FORM (tj_inspection_form_new (f->db, 0, 2026));

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (form));
  g_assert_true (tj_inspection_form_choose (form, "project", f->project_name));
  tj_inspection_form_set_text (form, "date", date);
  g_assert_true (tj_inspection_form_choose (form, "organiser", "发改委"));
  tj_inspection_form_set_text (form, "inspectors", "张三、李四");
  tj_test_wait_idle ();
  return form;
}

static void
type_verified (TjInspectionForm *form,
               gint64            yuan)
{
  g_autofree char *text = tj_money_format_wan (yuan, 4, FALSE);

  tj_inspection_form_set_text (form, "verified", text);
  tj_test_wait_idle ();
}

/* The form fills the reported figure from the monthly reports and suggests a verdict as the
 * verified figure is typed. */
static void
test_suggested_verdict (Fixture       *f,
                        gconstpointer  data)
{
  TjInspectionForm *form = open_new_form (f);
  g_autofree char *reported = tj_money_format_wan (f->reported, 2, TRUE);
  g_autofree char *difference = NULL;

  g_assert_cmpstr (tj_inspection_form_get_shown (form, "reported"), ==, reported);
  /* 20% below what was reported: 虚报 */
  type_verified (form, f->reported * 4 / 5);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "suggested"), ==, tj_verdict_label (TJ_VERDICT_FALSE));
  difference = tj_money_format_wan (f->reported - f->reported * 4 / 5, 2, TRUE);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "difference"), ==, difference);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "rate"), ==, "25.0%");
  /* a gap of exactly 10% of the verified figure: 属实; a yuan less verified: 虚报 */
  type_verified (form, f->reported / 11 * 10);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "suggested"), ==, tj_verdict_label (TJ_VERDICT_TRUE));
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "rate"), ==, "10.0%");
  type_verified (form, f->reported / 11 * 10 - 1);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "suggested"), ==, tj_verdict_label (TJ_VERDICT_FALSE));
  /* more verified than reported by over 10%: 瞒报 */
  type_verified (form, f->reported * 2);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "suggested"), ==, tj_verdict_label (TJ_VERDICT_CONCEALED));
  gtk_window_set_default_size (GTK_WINDOW (form), 720, 980);
  tj_test_screenshot (GTK_WIDGET (form), "inspection-form.png");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* Another verdict than the suggestion needs a reason; saved, the list shows both. */
static void
test_verdict_needs_reason (Fixture       *f,
                           gconstpointer  data)
{
  TjInspectionForm *form = open_new_form (f);
  g_autofree char *verdict = NULL, *reported = NULL, *expected = NULL;
  GListModel *shown = tj_inspection_page_get_shown (f->page);

  type_verified (form, f->reported);
  g_assert_cmpstr (tj_inspection_form_get_shown (form, "suggested"), ==, tj_verdict_label (TJ_VERDICT_TRUE));
  g_assert_true (tj_inspection_form_choose (form, "verdict", tj_verdict_label (TJ_VERDICT_CONCEALED)));
  g_assert_false (tj_inspection_form_save (form));
  tj_inspection_form_add_finding (form, "进度滞后", "实际完成与上报不符", "据实更正月报", "2026-08-15");
  gtk_window_set_default_size (GTK_WINDOW (form), 720, 980);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (form));
  gtk_adjustment_set_value (
    gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (tj_test_find_descendant (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW))),
    560);
  tj_test_screenshot (GTK_WIDGET (form), "inspection-form-verdict.png");
  g_assert_nonnull (tj_inspection_form_get_message (form, "verdict_reason"));
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM inspections"), ==, 0);

  tj_inspection_form_set_text (form, "verdict_reason", "现场发现未上报的已完工程量");
  g_assert_true (tj_inspection_form_save (form));
  tj_test_wait_idle ();
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM inspections"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  verdict = tj_inspection_page_get_cell_text (f->page, 0, "verdict");
  expected = g_strdup_printf ("%s（建议：%s）", tj_verdict_label (TJ_VERDICT_CONCEALED),
                              tj_verdict_label (TJ_VERDICT_TRUE));
  g_assert_cmpstr (verdict, ==, expected);
  g_clear_pointer (&expected, g_free);
  reported = tj_inspection_page_get_cell_text (f->page, 0, "reported");
  expected = tj_money_format_wan (f->reported, 2, TRUE);
  g_assert_cmpstr (reported, ==, expected);
  /* the filter by verdict keeps it under 瞒报, not under 属实 */
  g_assert_true (tj_inspection_page_choose_filter (f->page, "verdict", tj_verdict_label (TJ_VERDICT_TRUE)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (tj_inspection_page_choose_filter (f->page, "verdict", tj_verdict_label (TJ_VERDICT_CONCEALED)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

/* An inspection saved through core, as an import would: verified as reported, with one finding
 * whose rectification is due on deadline and closed on closed (NULL while open). */
static gint64
add_inspection (Fixture    *f,
                const char *deadline,
                const char *closed)
{
  g_autoptr (TjInspection) inspection = tj_inspection_new ();
  g_autoptr (GError) error = NULL;
  TjFinding *finding = tj_finding_new ();
  TjRectification *rect = tj_rectification_new ();

  inspection->project_id = f->project_id;
  inspection->date = g_strdup (date);
  inspection->organiser_id = tj_test_scalar (f->db, "SELECT id FROM units WHERE name = '发改委'");
  inspection->inspectors = g_strdup ("王五");
  inspection->verified = f->reported;
  inspection->workers = -1;
  inspection->machines = -1;
  finding->kind = g_strdup ("安全文明施工");
  finding->description = g_strdup ("围挡缺失");
  rect->requirement = g_strdup ("补齐围挡");
  rect->deadline = g_strdup (deadline);
  rect->closed = g_strdup (closed);
  g_ptr_array_add (finding->rectifications, rect);
  inspection->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
  g_ptr_array_add (inspection->findings, finding);
  g_assert_true (tj_inspection_save (f->db, inspection, &error));
  g_assert_no_error (error);
  tj_test_wait_idle ();
  return inspection->id;
}

/* A rectification past its deadline and open marks its row and is kept by the 整改逾期 filter;
 * a closed one is not. */
static void
test_overdue_rectification (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *shown = tj_inspection_page_get_shown (f->page);
  g_autofree char *status = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  tj_test_screenshot (GTK_WIDGET (f->window), "inspections-empty.png");
  add_inspection (f, "2026-08-01", NULL);
  add_inspection (f, "2026-08-01", "2026-07-30");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_cmpuint (tj_inspection_page_get_overdue (f->page), ==, 1);
  g_assert_true (tj_inspection_page_choose_filter (f->page, "rectification", "整改逾期"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  status = tj_inspection_page_get_cell_text (f->page, 0, "rectification");
  g_assert_cmpstr (status, ==, "逾期 1 项");
  g_clear_pointer (&status, g_free);
  g_assert_true (tj_inspection_page_choose_filter (f->page, "rectification", "整改：全部"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  status = tj_inspection_page_get_cell_text (f->page, 1, "rectification");
  g_assert_cmpstr (status, ==, "已全部销号");
  g_assert_true (tj_inspection_page_choose_filter (f->page, "rectification", "整改：全部"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1000);
  tj_test_screenshot (GTK_WIDGET (f->window), "inspections-1600.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  tj_test_screenshot (GTK_WIDGET (f->window), "inspections-1024.png");
}

static GFile *write_png (Fixture    *f,
                         const char *name,
                         int         width,
                         int         height);

/* Deleting puts a toast with Undo; Undo brings the inspection back with its finding and its
 * photo. */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *shown = tj_inspection_page_get_shown (f->page);
  AdwToastOverlay *overlay;
  AdwToast *toast;
  gint64 id = add_inspection (f, "2026-08-01", NULL);
  g_autoptr (GFile) file = write_png (f, "围挡.png", 64, 48);
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *photo_sql = NULL;
  g_autoptr (TjInspection) back = NULL;

  g_assert_cmpint (tj_photo_add (f->db, id, 0, "围挡.png", bytes, &error), >, 0);
  g_assert_no_error (error);
  tj_test_wait_idle ();
  g_assert_true (tj_inspection_page_delete (f->page, 0));
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM rectifications"), ==, 0);
  overlay = ADW_TOAST_OVERLAY (tj_test_find_descendant (GTK_WIDGET (f->window),
                                                        ADW_TYPE_TOAST_OVERLAY));
  g_assert_nonnull (overlay);
  toast = g_object_get_data (G_OBJECT (f->page), "last-toast");
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM rectifications "
                                          "WHERE requirement = '补齐围挡'"),
                   ==, 1);
  /* core's undo: the same inspection, under its own id, with its photo's bytes */
  back = g_list_model_get_item (shown, 0);
  g_assert_cmpint (back->id, ==, id);
  photo_sql = g_strdup_printf ("SELECT count(*) FROM inspection_photos WHERE name = '围挡.png' "
                               "AND inspection_id = %" G_GINT64_FORMAT " AND size = %" G_GSIZE_FORMAT,
                               id, g_bytes_get_size (bytes));
  g_assert_cmpint (tj_test_scalar (f->db, photo_sql), ==, 1);
}

/* A PNG of width × height pixels written to the fixture's folder. */
static GFile *
write_png (Fixture    *f,
           const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

/* A photo added shows as a thumbnail of its picture, kept in the database. */
static void
test_photo_thumbnail (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_inspection (f, "2026-08-01", NULL);
  TjInspectionForm *form = TJ_INSPECTION_FORM (tj_inspection_form_new (f->db, id, 2026));
  g_autoptr (GFile) file = write_png (f, "现场.png", 640, 480);
  GtkWidget *picture;
  GdkPaintable *paintable;
  GtkAdjustment *adjustment;

  gtk_window_present (GTK_WINDOW (form));
  g_assert_cmpuint (tj_inspection_form_get_n_thumbnails (form), ==, 0);
  g_assert_true (tj_inspection_form_add_photo_file (form, file));
  tj_test_wait_idle ();
  g_assert_cmpuint (tj_inspection_form_get_n_thumbnails (form), ==, 1);
  picture = gtk_button_get_child (GTK_BUTTON (tj_inspection_form_get_thumbnail (form, 0)));
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 480);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM inspection_photos "
                                          "WHERE name = '现场.png' AND finding_id IS NULL"),
                   ==, 1);
  /* a photo of the finding */
  g_clear_object (&file);
  file = write_png (f, "围挡缺失.png", 320, 240);
  g_assert_true (tj_inspection_form_choose_photo_owner (form, "问题 1：安全文明施工"));
  g_assert_true (tj_inspection_form_add_photo_file (form, file));
  tj_test_wait_idle ();
  g_assert_cmpuint (tj_inspection_form_get_n_thumbnails (form), ==, 2);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM inspection_photos p "
                                          "JOIN inspection_findings f ON f.id = p.finding_id "
                                          "WHERE p.name = '围挡缺失.png' AND f.kind = '安全文明施工'"),
                   ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (form), 720, 980);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (form));
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (tj_test_find_descendant (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  tj_test_screenshot (GTK_WIDGET (form), "inspection-form-photo.png");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* A photo above the limit (a setting) is refused with core's message and nothing is kept. */
static void
test_photo_over_limit (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_inspection (f, "2026-08-01", NULL);
  TjInspectionSettings settings = { 100, 1024 * 1024 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "大图.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 800);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  TjInspectionForm *form;
  GtkWidget *alert = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (tj_settings_set_inspections (f->db, &settings, &error));
  g_assert_no_error (error);
  /* noise does not compress: well above 1 MB as a PNG */
  for (int i = 0; i < 800 * 800; i++)
    pixels[i] = g_random_int ();
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  form = TJ_INSPECTION_FORM (tj_inspection_form_new (f->db, id, 2026));
  gtk_window_present (GTK_WINDOW (form));
  g_assert_false (tj_inspection_form_add_photo_file (form, file));
  tj_test_wait_idle ();
  g_assert_cmpuint (tj_inspection_form_get_n_thumbnails (form), ==, 0);
  g_assert_cmpint (tj_test_scalar (f->db, "SELECT count(*) FROM inspection_photos"), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && alert == NULL; i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        alert = window;
    }
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert)), "大图.png"));
  gtk_window_destroy (GTK_WINDOW (alert));
  gtk_window_destroy (GTK_WINDOW (form));
}

/* The button of action_name under widget, depth first. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = action_button (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

/* The 巡查台账 is written in a worker while its button waits; the workbook names the year and
 * lists the inspection's project. */
static void
test_export_ledger (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "巡查台账.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;
  GtkWidget *button = action_button (GTK_WIDGET (f->page), "inspection.export");

  add_inspection (f, "2026-08-01", NULL);
  g_assert_true (gtk_widget_get_sensitive (button));
  tj_inspection_page_export (f->page, path);
  g_assert_false (gtk_widget_get_sensitive (button));
  while (!gtk_widget_get_sensitive (button))
    g_main_context_iteration (NULL, TRUE);
  facts = tj_test_xlsx_read (path, 0, "A1", NULL);
  g_assert_nonnull (strstr (tj_test_xlsx_fact (facts, "A1"), "2026"));
}

/* The text of a PDF as pdftotext reads it, without line breaks and spaces (a long name may
 * wrap in its cell). */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  text = g_string_new (out);
  g_free (out);
  g_string_replace (text, "\n", "", 0);
  g_string_replace (text, " ", "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 巡查记录 waits for a selected inspection; 导出巡查记录表（PDF） writes its record in a worker
 * while the page's exports wait, and 打印巡查记录 lays out the same pages for a printer (here
 * the print operation's own PDF): both name the project, the form's title and the finding. */
static void
test_inspection_record (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "巡查记录表.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "打印.pdf", NULL);
  g_autoptr (GString) name = g_string_new (f->project_name);
  g_autofree char *text = NULL;
  g_autofree char *printed_text = NULL;
  GtkWidget *ledger = action_button (GTK_WIDGET (f->page), "inspection.export");
  GtkWidget *record = tj_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON);
  GtkColumnView *view = GTK_COLUMN_VIEW (tj_test_find_descendant (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_COLUMN_VIEW));
  gint64 id = add_inspection (f, "2026-08-01", NULL);
  GtkPopover *popover;

  g_assert_nonnull (record);
  g_assert_false (gtk_widget_get_sensitive (record));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  tj_test_wait_idle ();
  g_assert_true (gtk_widget_get_sensitive (record));
  g_string_replace (name, " ", "", 0);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_menu_button_popup (GTK_MENU_BUTTON (record));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (record));
  tj_test_screenshot (GTK_WIDGET (f->window), "inspections-record-menu.png");
  tj_test_screenshot (GTK_WIDGET (popover), "inspections-record-menu-popover.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (record));

  tj_inspection_page_export_record (f->page, id, pdf);
  g_assert_false (gtk_widget_get_sensitive (ledger));
  while (!gtk_widget_get_sensitive (ledger))
    g_main_context_iteration (NULL, TRUE);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, name->str));
  g_assert_nonnull (strstr (text, "巡查记录表"));
  g_assert_nonnull (strstr (text, "补齐围挡"));

  g_assert_true (tj_inspection_page_print_record (f->page, id, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                  printed));
  printed_text = pdf_text (printed);
  g_assert_nonnull (strstr (printed_text, name->str));
  g_assert_nonnull (strstr (printed_text, "巡查记录表"));
  g_assert_nonnull (strstr (printed_text, "补齐围挡"));

  /* none selected again: nothing to print */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)),
                                     GTK_INVALID_LIST_POSITION);
  tj_test_wait_idle ();
  g_assert_false (gtk_widget_get_sensitive (record));
}

/* The search keeps the rows whose project, inspectors or what was seen holds the text. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *shown = tj_inspection_page_get_shown (f->page);

  add_inspection (f, "2026-08-01", NULL);
  tj_inspection_page_set_search (f->page, "王五");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  tj_inspection_page_set_search (f->page, "赵六");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  tj_inspection_page_set_search (f->page, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

/* When the inspections cannot be read the page says why in place of the list, leaves no row to
 * act on, and shows them again on 重试 once they can. */
static void
test_read_error (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *shown = tj_inspection_page_get_shown (f->page);
  TjReadError *state;

  add_inspection (f, "2026-08-01", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  tj_test_exec_elsewhere (f->db, "ALTER TABLE inspections RENAME TO inspections_gone");
  tj_db_relay_changed (f->db, "inspections");
  tj_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  state = TJ_READ_ERROR (tj_test_find_descendant (GTK_WIDGET (f->page), TJ_TYPE_READ_ERROR));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (state)));
  g_assert_nonnull (tj_read_error_get_message (state));
  tj_test_exec_elsewhere (f->db, "ALTER TABLE inspections_gone RENAME TO inspections");
  tj_read_error_retry (state);
  tj_test_wait_idle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (state)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();
  g_test_add ("/tj/inspections/form-suggests-verdict", Fixture, NULL, setup,
              test_suggested_verdict, teardown);
  g_test_add ("/tj/inspections/other-verdict-needs-reason", Fixture, NULL, setup,
              test_verdict_needs_reason, teardown);
  g_test_add ("/tj/inspections/overdue-rectification", Fixture, NULL, setup,
              test_overdue_rectification, teardown);
  g_test_add ("/tj/inspections/delete-and-undo", Fixture, NULL, setup, test_delete_and_undo,
              teardown);
  g_test_add ("/tj/inspections/photo-thumbnail", Fixture, NULL, setup, test_photo_thumbnail,
              teardown);
  g_test_add ("/tj/inspections/photo-over-limit", Fixture, NULL, setup, test_photo_over_limit,
              teardown);
  g_test_add ("/tj/inspections/export-ledger", Fixture, NULL, setup, test_export_ledger,
              teardown);
  g_test_add ("/tj/inspections/inspection-record", Fixture, NULL, setup, test_inspection_record,
              teardown);
  g_test_add ("/tj/inspections/search", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/tj/inspections/read-error", Fixture, NULL, setup, test_read_error, teardown);
  return g_test_run ();
}
