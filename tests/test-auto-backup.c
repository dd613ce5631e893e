/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The automatic daily backup: one copy a day on a connection of its own, the days kept by the
 * setting, and nothing removed but our own daily copies. */
#include "tj-test.h"

#include <string.h>

#include "tj-auto-backup.h"
#include "tj-error.h"
#include "tj-unit.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in folder, sorted, joined by spaces. */
static char *
listing (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
test_folder (void)
{
  g_autofree char *standard = tj_auto_backup_folder ("/home/a/.local/share/tuijin/tuijin.db");
  g_autofree char *other = tj_auto_backup_folder ("/srv/office/登封2026.db");
  g_autofree char *name = tj_auto_backup_name ("2026-11-05");

  g_assert_cmpstr (standard, ==, "/home/a/.local/share/tuijin/backups");
  g_assert_cmpstr (other, ==, "/srv/office/登封2026-backups");
  g_assert_cmpstr (name, ==, "tuijin-2026-11-05.db");
}

static void
test_keep_days_setting (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tj_auto_backup_get_keep_days (db), ==, TJ_AUTO_BACKUP_KEEP_DAYS_DEFAULT);
  g_assert_true (tj_auto_backup_set_keep_days (db, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_auto_backup_get_keep_days (db), ==, 7);
  g_assert_false (tj_auto_backup_set_keep_days (db, 0, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tj_auto_backup_get_keep_days (db), ==, 7);
  /* a value written by hand that is not a number of days */
  g_assert_true (tj_db_set_setting (db, TJ_AUTO_BACKUP_KEEP_DAYS_KEY, "三十", &error));
  g_assert_cmpint (tj_auto_backup_get_keep_days (db), ==, TJ_AUTO_BACKUP_KEEP_DAYS_DEFAULT);
  tj_test_db_free (&db, &dir);
}

/* Ten days of backups with 3 kept: the last 3 stay; today's is made once; the other files of
 * the folder stay whatever their names. */
static void
test_daily_and_pruning (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *folder = tj_auto_backup_folder (tj_db_get_path (db));
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr (TjUnit) unit = tj_unit_new ();

  g_assert_true (tj_auto_backup_set_keep_days (db, 3, &error));
  unit->name = g_strdup ("备份测试局");
  unit->kind = TJ_UNIT_DEPARTMENT;
  g_assert_true (tj_unit_save (db, unit, &error));
  g_assert_no_error (error);

  /* not ours, or not a day: left alone */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  touch (folder, "说明.txt");
  touch (folder, "tuijin-2020-01-01.db.part");
  touch (folder, "tuijin-2020-02-30.db");
  touch (folder, "other-2020-01-01.db");
  touch (folder, "tuijin-2020-1-01.db");
  /* dated after today (a clock set back): kept */
  touch (folder, "tuijin-2030-01-01.db");

  for (int day = 1; day <= 10; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-10-%02d", day);
      g_autofree char *expected = g_strdup_printf ("%s/tuijin-%s.db", folder, today);
      g_autofree char *written = NULL;

      /* the window writes meanwhile, on its own connection */
      g_assert_true (tj_db_exec (db, "UPDATE units SET sort_order = sort_order + 1", &error));
      g_assert_true (tj_auto_backup_run (tj_db_get_path (db), NULL, today, &written, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (written, ==, expected);
    }
  names = listing (folder);
  g_assert_cmpstr (names, ==,
                   "other-2020-01-01.db tuijin-2020-01-01.db.part tuijin-2020-02-30.db "
                   "tuijin-2020-1-01.db tuijin-2026-10-08.db tuijin-2026-10-09.db "
                   "tuijin-2026-10-10.db tuijin-2030-01-01.db 说明.txt");

  /* once a day: the hourly run finds today's */
  {
    g_autofree char *written = NULL;
    g_autofree char *again = NULL;

    g_assert_true (tj_auto_backup_run (tj_db_get_path (db), NULL, "2026-10-10", &written,
                                       &error));
    g_assert_no_error (error);
    g_assert_null (written);
    again = listing (folder);
    g_assert_cmpstr (again, ==, names);
  }

  /* a copy is a whole database */
  {
    g_autofree char *copy_path = g_build_filename (folder, "tuijin-2026-10-10.db", NULL);
    g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", copy_path);
    sqlite3 *copy = NULL;
    sqlite3_stmt *stmt = NULL;

    /* read as it stands, leaving nothing beside it */
    g_assert_cmpint (sqlite3_open_v2 (uri, &copy, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT count(*) FROM units WHERE name = "
                                               "'备份测试局'",
                                         -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (copy);
  }

  /* a setting raised keeps what is there; lowered to 1 keeps today's only */
  g_assert_true (tj_auto_backup_set_keep_days (db, 1, &error));
  g_assert_true (tj_auto_backup_run (tj_db_get_path (db), NULL, "2026-10-10", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = listing (folder);
  g_assert_cmpstr (names, ==,
                   "other-2020-01-01.db tuijin-2020-01-01.db.part tuijin-2020-02-30.db "
                   "tuijin-2020-1-01.db tuijin-2026-10-10.db tuijin-2030-01-01.db 说明.txt");

  remove_tree (folder);
  tj_test_db_free (&db, &dir);
}

/* Pruning on its own: keep N days counting today; nothing to do without the folder. */
static void
test_prune (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tuijin-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "none", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  guint removed = 99;

  g_assert_true (tj_auto_backup_prune (missing, "2026-03-01", 30, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);

  /* across a month's end and a leap day */
  touch (dir, "tuijin-2028-02-27.db");
  touch (dir, "tuijin-2028-02-28.db");
  touch (dir, "tuijin-2028-02-29.db");
  touch (dir, "tuijin-2028-03-01.db");
  g_assert_true (tj_auto_backup_prune (dir, "2028-03-01", 3, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "tuijin-2028-02-28.db tuijin-2028-02-29.db tuijin-2028-03-01.db");

  g_assert_false (tj_auto_backup_prune (dir, "2028-02-30", 3, &removed, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);

  g_test_add_func ("/tj/auto-backup/folder", test_folder);
  g_test_add_func ("/tj/auto-backup/keep-days-setting", test_keep_days_setting);
  g_test_add_func ("/tj/auto-backup/daily-and-pruning", test_daily_and_pruning);
  g_test_add_func ("/tj/auto-backup/prune", test_prune);
  return g_test_run ();
}
