/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's dialogs under Xvfb, on the demo data (issue 7, "a test per page and dialog"):
 * the shortcuts window and About, Preferences, 修改记录, the person and unit dialogs with the
 * units window, and 结转. Each is looked at in a screenshot in the build folder. */
#include "tj-test.h"

#include <adwaita.h>
#include <string.h>

#include "tj-test-window.h"

#include "tj-application.h"
#include "tj-demo.h"
#include "tj-history-window.h"
#include "tj-person.h"
#include "tj-preferences-window.h"
#include "tj-project.h"
#include "tj-settings.h"
#include "tj-unit.h"
#include "tj-units-window.h"
#include "tj-window.h"

typedef TjTestWindow Fixture;

static int
this_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->db = tj_test_db_new (&f->dir);
  /* the window opens on the current year's list */
  g_assert_true (tj_demo_fill (f->db, this_year (), &error));
  g_assert_no_error (error);
  tj_test_window_open (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  tj_test_window_close (f);
}

/* The first widget under root of the type, whose row title or label is text (any when NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *shown = NULL;

          if (ADW_IS_PREFERENCES_ROW (child))
            shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (GTK_IS_LABEL (child))
            shown = gtk_label_get_label (GTK_LABEL (child));
          if (text == NULL || g_strcmp0 (shown, text) == 0)
            return child;
        }
      if ((found = find_widget (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The titles of the rows under root, one a line, in order. */
static void
collect_titles (GtkWidget *root,
                GString   *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_ancestor (gtk_widget_get_parent (child),
                                                     ADW_TYPE_EXPANDER_ROW);

      /* an expander row's header is a row of the same title inside it: said once */
      if (ADW_IS_PREFERENCES_ROW (child) &&
          (expander == NULL ||
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander))) != 0))
        g_string_append_printf (titles, "%s\n",
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
      collect_titles (child, titles);
    }
}

static char *
titles_of (GtkWidget *root)
{
  GString *titles = g_string_new (NULL);

  collect_titles (root, titles);
  return g_string_free (titles, FALSE);
}

/* The toplevel shown now of the type. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  AdwMessageDialog *dialog = tj_test_find_dialog (heading);

  if (dialog == NULL)
    g_error ("no dialog “%s”", heading);
  return dialog;
}

/* The input of row n of a unit or person dialog's form. */
static GtkWidget *
form_field (AdwMessageDialog *dialog,
            int               n)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *grid = gtk_widget_get_first_child (box);

  return gtk_grid_get_child_at (GTK_GRID (grid), 1, n);
}

/* The line under the form, where core's message is shown. */
static const char *
form_message (AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

/* "accelerator=title" of each shortcut under root, one a line. */
static void
list_shortcuts (GtkWidget *root,
                GString   *listed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accelerator = NULL;
          g_autofree char *title = NULL;

          g_object_get (child, "accelerator", &accelerator, "title", &title, NULL);
          g_string_append_printf (listed, "%s=%s\n", accelerator, title);
        }
      list_shortcuts (child, listed);
    }
}

static void
test_shortcuts_and_about (Fixture       *f,
                          gconstpointer  data)
{
  GtkWindow *shortcuts;
  g_autoptr (GString) listed = NULL;
  AdwAboutWindow *about;
  g_autofree char *menu_item = g_strdup (_("_Keyboard Shortcuts"));
  const char *pages[][3] = {
    { "<Alt>1", "项目", "projects" },     { "<Alt>2", "进度填报", "progress" },
    { "<Alt>3", "代办", "agency" },       { "<Alt>4", "审批", "approvals" },
    { "<Alt>5", "月通报", "bulletin" },
  };

  /* the window is titled as the menu item that opens it, without its mnemonic */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  tj_test_wait_idle ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  *strstr (menu_item, "(_K)") = '\0';
  /* GTK's own header says 快捷操作: so do the title and the menu */
  g_assert_cmpstr (menu_item, ==, "快捷操作");
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, menu_item);
  /* and so is its header, which shows the section's title */
  g_assert_nonnull (find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_LABEL, menu_item));
  listed = g_string_new ("\n");
  list_shortcuts (GTK_WIDGET (shortcuts), listed);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s=%s\n", pages[i][0], pages[i][1]);

      /* each page's key is listed under its tab's name, and shows it */
      g_assert_nonnull (strstr (listed->str, line));
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i][2]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (tj_window_get_stack (f->window)),
                       ==, pages[i][2]);
    }
  tj_test_screenshot (GTK_WIDGET (shortcuts), "dialog-shortcuts.png");
  gtk_window_destroy (shortcuts);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.about", NULL);
  tj_test_wait_idle ();
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "推进");
  for (guint i = 1; i < G_N_ELEMENTS (pages); i++)
    g_assert_nonnull (strstr (adw_about_window_get_comments (about), pages[i][1]));
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "备份"));
  tj_test_screenshot (GTK_WIDGET (about), "dialog-about.png");
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_preferences_lights (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *window = tj_preferences_window_new (f->db);
  GtkWidget *green_row, *red_row;
  GtkSpinButton *green;
  TjLightSettings lights, refused = { -40, TJ_SETTINGS_RED_GAP_DEFAULT,
                                      TJ_SETTINGS_START_RED_MONTHS_DEFAULT };
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) expected = NULL;

  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  gtk_window_present (window);
  tj_test_wait_idle ();
  green_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, _("Green down to"));
  red_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, _("Red below"));
  g_assert_nonnull (green_row);
  g_assert_nonnull (red_row);
  green = GTK_SPIN_BUTTON (find_widget (green_row, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (green), ==, TJ_SETTINGS_GREEN_GAP_DEFAULT);

  /* green below red: core's words under the row, nothing saved */
  g_assert_false (tj_settings_set_lights (f->db, &refused, &expected));
  g_assert_nonnull (expected);
  gtk_spin_button_set_value (green, -40);
  tj_test_wait_idle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (green_row)), ==,
                   expected->message);
  g_assert_true (gtk_widget_has_css_class (green_row, "error"));
  g_assert_true (tj_settings_read_lights (f->db, &lights, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lights.green_gap, ==, TJ_SETTINGS_GREEN_GAP_DEFAULT);
  g_assert_cmpint (lights.red_gap, ==, TJ_SETTINGS_RED_GAP_DEFAULT);
  gtk_widget_grab_focus (GTK_WIDGET (green));
  tj_test_screenshot (GTK_WIDGET (window), "dialog-preferences-refused.png");

  /* a valid value is saved and read back through core */
  gtk_spin_button_set_value (green, -20);
  tj_test_wait_idle ();
  g_assert_false (gtk_widget_has_css_class (green_row, "error"));
  g_assert_true (tj_settings_read_lights (f->db, &lights, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lights.green_gap, ==, -20);
  g_assert_cmpint (lights.red_gap, ==, TJ_SETTINGS_RED_GAP_DEFAULT);
  gtk_window_destroy (window);
}

static void
test_history_in_the_form_words (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) projects = tj_project_list (f->db, this_year (), &error);
  g_autoptr (TjProject) project = NULL;
  g_autofree char *titles = NULL;
  GtkWindow *window;

  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, >, 0);
  project = tj_project_load (f->db, ((TjProject *) g_ptr_array_index (projects, 0))->id, &error);
  g_assert_no_error (error);
  project->level = TJ_LEVEL_PROVINCIAL;
  g_assert_true (tj_project_save (f->db, project, &error));
  g_assert_no_error (error);
  project->level = TJ_LEVEL_CITY;
  g_assert_true (tj_project_save (f->db, project, &error));
  g_assert_no_error (error);

  window = tj_history_window_new (f->db, project);
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  gtk_window_present (window);
  tj_test_wait_idle ();
  titles = titles_of (GTK_WIDGET (window));
  /* newest first: the edit, as the form names the field and its choices */
  g_assert_true (g_str_has_prefix (titles, "修改\n级别：省重点 → 登封市重点\n"));
  g_assert_null (strstr (titles, "provincial"));
  g_assert_null (strstr (titles, "city"));
  tj_test_screenshot (GTK_WIDGET (window), "dialog-history.png");
  gtk_window_destroy (window);
}

static gboolean
person_listed (TjDb       *db,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = tj_person_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (((TjPerson *) g_ptr_array_index (people, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_person_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *units = tj_units_window_new (f->db);
  AdwViewStack *stack;
  AdwMessageDialog *dialog;
  g_autofree char *listed = NULL;

  gtk_window_set_transient_for (units, GTK_WINDOW (f->window));
  gtk_window_present (units);
  tj_test_wait_idle ();
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (units), ADW_TYPE_VIEW_STACK, NULL));
  adw_view_stack_set_visible_child_name (stack, "people");
  gtk_widget_activate_action (GTK_WIDGET (units), "units.add", NULL);
  tj_test_wait_idle ();

  /* no name: the field is named, and Save waits */
  dialog = find_dialog (_("New Person"));
  g_assert_cmpstr (form_message (dialog), ==, "姓名不能为空。");
  g_assert_nonnull (find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL,
                                 "姓名"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  tj_test_screenshot (GTK_WIDGET (dialog), "dialog-person-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (form_field (dialog, 0)), "欧阳晓岚");
  gtk_editable_set_text (GTK_EDITABLE (form_field (dialog, 1)), "副主任");
  g_assert_cmpstr (form_message (dialog), ==, "");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  tj_test_wait_idle ();

  g_assert_true (person_listed (f->db, "欧阳晓岚"));
  listed = titles_of (GTK_WIDGET (units));
  g_assert_nonnull (strstr (listed, "\n欧阳晓岚\n"));
  tj_test_screenshot (GTK_WIDGET (units), "dialog-units-people.png");
  gtk_window_destroy (units);
}

static void
test_units_add_and_rename (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *units = tj_units_window_new (f->db);
  AdwMessageDialog *dialog;
  GtkWidget *row, *edit;
  g_autofree char *added = NULL;
  g_autofree char *renamed = NULL;

  gtk_window_set_transient_for (units, GTK_WINDOW (f->window));
  gtk_window_present (units);
  tj_test_wait_idle ();
  g_assert_cmpint (tj_unit_find (f->db, "登封市数据局"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (units), "units.add", NULL);
  tj_test_wait_idle ();
  dialog = find_dialog (_("New Unit"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (form_field (dialog, 0)), "登封市数据局");
  tj_test_screenshot (GTK_WIDGET (dialog), "dialog-unit-new.png");
  adw_message_dialog_response (dialog, "save");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_unit_find (f->db, "登封市数据局"), >, 0);
  added = titles_of (GTK_WIDGET (units));
  g_assert_nonnull (strstr (added, "\n登封市数据局\n"));

  /* renamed from its row's edit button */
  row = find_widget (GTK_WIDGET (units), ADW_TYPE_ACTION_ROW, "登封市数据局");
  g_assert_nonnull (row);
  edit = find_widget (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  tj_test_wait_idle ();
  dialog = find_dialog (_("Edit Unit"));
  gtk_editable_set_text (GTK_EDITABLE (form_field (dialog, 0)), "登封市大数据管理局");
  adw_message_dialog_response (dialog, "save");
  tj_test_wait_idle ();
  g_assert_cmpint (tj_unit_find (f->db, "登封市数据局"), ==, 0);
  g_assert_cmpint (tj_unit_find (f->db, "登封市大数据管理局"), >, 0);
  renamed = titles_of (GTK_WIDGET (units));
  g_assert_nonnull (strstr (renamed, "\n登封市大数据管理局\n"));
  g_assert_null (strstr (renamed, "\n登封市数据局\n"));
  tj_test_screenshot (GTK_WIDGET (units), "dialog-units.png");
  gtk_window_destroy (units);
}

static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  TjProjectPage *page = tj_window_get_project_page (f->window);
  GtkSelectionModel *selection = tj_project_page_get_selection (page);
  g_autoptr (GPtrArray) shown = tj_project_page_get_shown_projects (page);
  g_autoptr (GPtrArray) next = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *next_label = g_strdup_printf (_("%d List"), this_year () + 1);
  GtkDropDown *years;
  GListModel *labels;
  AdwMessageDialog *dialog;
  guint k;

  g_assert_cmpuint (shown->len, >=, 2);
  first = g_strdup (((TjProject *) g_ptr_array_index (shown, 0))->name);
  second = g_strdup (((TjProject *) g_ptr_array_index (shown, 1))->name);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.carry-over", NULL);
  tj_test_wait_idle ();
  dialog = find_dialog (_("Carry Over to Next Year?"));
  tj_test_screenshot (GTK_WIDGET (dialog), "dialog-carry-over.png");
  adw_message_dialog_response (dialog, "carry-over");
  tj_test_wait_idle ();

  /* next year is on the year list now; chosen there, its list shows the two */
  years = GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, NULL));
  labels = gtk_drop_down_get_model (years);
  for (k = 0; k < g_list_model_get_n_items (labels); k++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), k), next_label))
      break;
  g_assert_cmpuint (k, <, g_list_model_get_n_items (labels));
  gtk_drop_down_set_selected (years, k);
  tj_test_wait_idle ();
  g_assert_cmpint (tj_page_get_year (TJ_PAGE (page)), ==, this_year () + 1);
  next = tj_project_page_get_shown_projects (page);
  g_assert_cmpuint (next->len, ==, 2);
  g_assert_cmpstr (((TjProject *) g_ptr_array_index (next, 0))->name, ==, first);
  g_assert_cmpstr (((TjProject *) g_ptr_array_index (next, 1))->name, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add ("/tj/dialogs/shortcuts-and-about", Fixture, NULL, setup, test_shortcuts_and_about,
              teardown);
  g_test_add ("/tj/dialogs/preferences-lights", Fixture, NULL, setup, test_preferences_lights,
              teardown);
  g_test_add ("/tj/dialogs/history", Fixture, NULL, setup, test_history_in_the_form_words,
              teardown);
  g_test_add ("/tj/dialogs/person", Fixture, NULL, setup, test_person_dialog, teardown);
  g_test_add ("/tj/dialogs/units", Fixture, NULL, setup, test_units_add_and_rename, teardown);
  g_test_add ("/tj/dialogs/carry-over", Fixture, NULL, setup, test_carry_over, teardown);
  return g_test_run ();
}
