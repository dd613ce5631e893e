/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TjPage, what every page of the window is built on, on a real database under Xvfb: the year is
 * notified only when it changes, a commit that wrote a watched table calls the page once, and
 * nothing reaches a page once it is disposed or destroyed with its window. */
#include "tj-test.h"

#include <adwaita.h>

#include "tj-test-ui.h"

#include "tj-page.h"
#include "tj-person.h"
#include "tj-unit.h"

/* What a page saw, kept outside it so that it can be read after the page is gone. */
typedef struct
{
  guint list_calls;      /* the callback watching "units" and "people" */
  guint year_changes;    /* the year_changed vfunc */
  int year_when_changed; /* tj_page_get_year inside year_changed */
  guint notifies;        /* notify::year */
  guint notifies_when_changed; /* notify::year already emitted when year_changed ran */
} Seen;

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, TjPage)

struct _TestPage
{
  TjPage parent_instance;

  Seen *seen;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, TJ_TYPE_PAGE)

static void
list_changed_cb (TestPage *self)
{
  self->seen->list_calls++;
}

static void
test_page_year_changed (TjPage *page)
{
  TestPage *self = TEST_PAGE (page);

  self->seen->year_changes++;
  self->seen->year_when_changed = tj_page_get_year (page);
  self->seen->notifies_when_changed = self->seen->notifies;
}

static void
test_page_constructed (GObject *object)
{
  static const char *const list_tables[] = { "units", "people", NULL };

  G_OBJECT_CLASS (test_page_parent_class)->constructed (object);
  tj_page_watch_tables (TJ_PAGE (object), list_tables, G_CALLBACK (list_changed_cb));
}

static void
test_page_class_init (TestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = test_page_constructed;
  TJ_PAGE_CLASS (klass)->year_changed = test_page_year_changed;
}

static void
test_page_init (TestPage *self)
{
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             Seen       *seen)
{
  seen->notifies++;
}

static TestPage *
page_new (TjDb *db,
          Seen *seen)
{
  TestPage *page = g_object_new (TEST_TYPE_PAGE, "db", db, NULL);

  page->seen = seen;
  g_signal_connect (page, "notify::year", G_CALLBACK (notified_cb), seen);
  return g_object_ref_sink (page);
}

static void
save_unit (TjDb       *db,
           const char *name)
{
  g_autoptr (TjUnit) unit = tj_unit_new ();
  g_autoptr (GError) error = NULL;

  unit->name = g_strdup (name);
  unit->kind = TJ_UNIT_DEPARTMENT;
  g_assert_true (tj_unit_save (db, unit, &error));
  g_assert_no_error (error);
}

static void
save_person (TjDb       *db,
             const char *name)
{
  g_autoptr (TjPerson) person = tj_person_new ();
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->is_officer = TRUE;
  g_assert_true (tj_person_save (db, person, &error));
  g_assert_no_error (error);
}

/* The window's drop-down sets the year through a binding: the page reads its list once per
 * new year, after the year is set and before it is notified; the same year again does nothing. */
static void
test_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  Seen seen = { 0 };
  g_autoptr (TestPage) page = page_new (db, &seen);
  g_autoptr (TjDb) db_read = NULL;
  int year = -1;

  g_assert_true (tj_page_get_db (TJ_PAGE (page)) == db);
  g_object_get (page, "db", &db_read, "year", &year, NULL);
  g_assert_true (db_read == db);
  g_assert_cmpint (year, ==, 0);
  g_assert_cmpuint (seen.year_changes, ==, 0);

  tj_page_set_year (TJ_PAGE (page), 2026);
  g_assert_cmpint (tj_page_get_year (TJ_PAGE (page)), ==, 2026);
  g_assert_cmpuint (seen.year_changes, ==, 1);
  g_assert_cmpint (seen.year_when_changed, ==, 2026);
  g_assert_cmpuint (seen.notifies_when_changed, ==, 0);
  g_assert_cmpuint (seen.notifies, ==, 1);

  /* the same year, by the function or the property: no notify, nothing read again */
  tj_page_set_year (TJ_PAGE (page), 2026);
  g_object_set (page, "year", 2026, NULL);
  g_assert_cmpuint (seen.year_changes, ==, 1);
  g_assert_cmpuint (seen.notifies, ==, 1);

  g_object_set (page, "year", 2027, NULL);
  g_assert_cmpint (tj_page_get_year (TJ_PAGE (page)), ==, 2027);
  g_assert_cmpuint (seen.year_changes, ==, 2);
  g_assert_cmpint (seen.year_when_changed, ==, 2027);
  g_assert_cmpuint (seen.notifies, ==, 2);

  g_clear_object (&page);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

/* A save commits once: the page is called once for it, whatever the rows; a table it does not
 * watch (settings) and a rolled back write call nothing. */
static void
test_watch (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  Seen seen = { 0 };
  g_autoptr (TestPage) page = page_new (db, &seen);
  g_autoptr (GError) error = NULL;

  save_unit (db, "自然资源和规划局");
  g_assert_cmpuint (seen.list_calls, ==, 1);
  save_person (db, "郑宏伟");
  g_assert_cmpuint (seen.list_calls, ==, 2);

  /* two units in one transaction: one commit, one call */
  g_assert_true (tj_db_begin (db, &error));
  g_assert_true (tj_db_exec (db, "INSERT INTO units (name, kind, sort_order, active) "
                                 "VALUES ('文化广电和旅游局', 'department', 90, 1), "
                                 "('应急管理局', 'department', 91, 1)",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.list_calls, ==, 2);
  g_assert_true (tj_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.list_calls, ==, 3);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units WHERE name IN "
                                       "('文化广电和旅游局', '应急管理局')"),
                   ==, 2);

  g_assert_true (tj_db_begin (db, &error));
  g_assert_true (tj_db_exec (db, "DELETE FROM units WHERE name = '应急管理局'", &error));
  tj_db_rollback (db);
  g_assert_cmpuint (seen.list_calls, ==, 3);

  g_assert_true (tj_db_set_setting (db, "organisation", "登封市发展和改革委员会", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.list_calls, ==, 3);

  g_clear_object (&page);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

/* Disposed, the page lets go of the database and hears nothing more; destroyed with its window,
 * a later write does not reach it either. */
static void
test_dispose (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  Seen seen = { 0 };
  Seen shown = { 0 };
  g_autoptr (TestPage) page = page_new (db, &seen);
  TestPage *in_window = NULL;
  GtkWidget *window = gtk_window_new ();

  save_unit (db, "自然资源和规划局");
  g_assert_cmpuint (seen.list_calls, ==, 1);

  g_object_run_dispose (G_OBJECT (page));
  g_assert_null (tj_page_get_db (TJ_PAGE (page)));
  save_unit (db, "应急管理局");
  g_assert_cmpuint (seen.list_calls, ==, 1);

  /* a page in a window, as the window holds its pages */
  in_window = page_new (db, &shown);
  g_object_add_weak_pointer (G_OBJECT (in_window), (gpointer *) &in_window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (in_window));
  g_object_unref (in_window);
  gtk_window_present (GTK_WINDOW (window));
  tj_test_wait_idle ();
  save_unit (db, "文化广电和旅游局");
  g_assert_cmpuint (shown.list_calls, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  tj_test_wait_idle ();
  g_assert_null (in_window);
  save_unit (db, "市场监督管理局");
  save_person (db, "王国强");
  g_assert_cmpuint (shown.list_calls, ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units WHERE name = '市场监督管理局'"),
                   ==, 1);

  g_clear_object (&page);
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init_full (&argc, &argv, FALSE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/tj/page/year-notified-only-when-it-changes", test_year);
  g_test_add_func ("/tj/page/a-commit-calls-the-page-once", test_watch);
  g_test_add_func ("/tj/page/nothing-after-dispose", test_dispose);
  return g_test_run ();
}
