/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tj-test.h"

#include <string.h>

#include "tj-audit.h"
#include "tj-deletion.h"
#include "tj-limits.h"
#include "tj-ledger.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

static gint64
add_person (TjDb       *db,
            const char *name,
            gboolean    leader)
{
  g_autoptr (TjPerson) person = tj_person_new ();
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->is_leader = leader;
  person->is_officer = !leader;
  g_assert_true (tj_person_save (db, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static TjProject *
valid_project (TjDb *db)
{
  TjProject *p = tj_project_new ();

  p->year = 2026;
  p->name = g_strdup ("少林污水处理厂提标改造");
  p->level = TJ_LEVEL_PREFECTURAL;
  p->nature = TJ_NATURE_CONTINUING;
  p->locality_id = tj_unit_find (db, "少林街道");
  p->unit_id = tj_unit_find (db, "住建局");
  p->leader_id = add_person (db, "王国强", TRUE);
  p->officer_id = add_person (db, "郑宏伟", FALSE);
  p->total_investment = 374339999;
  p->annual_plan = 154787208;
  p->planned_start = g_strdup ("2024-09");
  p->planned_completion = g_strdup ("2027-11");
  p->phone = g_strdup ("0371-62871234");
  return p;
}

static void
test_new_database (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *org = tj_db_get_setting (db, "organisation");

  g_assert_cmpint (tj_test_scalar (db, "PRAGMA user_version"), ==, TJ_DB_SCHEMA_VERSION);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units WHERE kind <> 'department'"), ==,
                   17);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units WHERE kind = 'department'"), ==,
                   17);
  g_assert_cmpint (tj_test_scalar (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (org, ==, "登封市");
  g_assert_true (tj_db_is_empty (db));
  tj_test_rmdir (dir);
}

static void
test_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  TjDb *db = tj_db_open (path, &error);
  g_autoptr (TjDb) again = NULL;

  g_assert_no_error (error);
  g_object_unref (db);
  again = tj_db_open (path, &error);
  g_assert_no_error (error);
  /* Opening again neither migrates nor fills the defaults twice. */
  g_assert_cmpint (tj_test_scalar (again, "SELECT count(*) FROM units"), ==, 34);
  g_assert_false (g_file_test ("test.db.v1.bak", G_FILE_TEST_EXISTS));
  tj_test_rmdir (dir);
}

/* An existing file of schema 1 migrates to the current schema, keeps its data, and leaves a copy
 * of itself as it was. */
static void
test_migrates_with_backup (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) again = NULL;
  /* A database written by the first released version (tests/fixtures/README-schemas.md). */
  g_autofree char *fixture = g_build_filename (g_getenv ("TJ_SAMPLES"), "schema-1-64544e2.db",
                                               NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 projects, investment;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  {
    sqlite3 *before = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture, &before, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (before, "SELECT count(*), sum(total_investment) "
                                                 "FROM projects", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    projects = sqlite3_column_int64 (stmt, 0);
    investment = sqlite3_column_int64 (stmt, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (before);
  }
  g_assert_cmpint (projects, >, 0);

  again = tj_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (again, "PRAGMA user_version"), ==, TJ_DB_SCHEMA_VERSION);
  g_assert_cmpint (tj_test_scalar (again, "SELECT count(*) FROM monthly_reports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (again, "SELECT count(*) FROM projects"), ==, projects);
  g_assert_cmpint (tj_test_scalar (again, "SELECT sum(total_investment) FROM projects"), ==,
                   investment);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  /* The copy is the file as it was: schema 1 with the project (read without migrating it). */
  {
    sqlite3 *copy = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT (SELECT count(*) FROM projects), "
                                               "user_version FROM pragma_user_version",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, projects);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (copy);
  }
  tj_test_rmdir (dir);
}

static void
test_refuses_newer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  TjDb *db = tj_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tj_db_exec (db, "PRAGMA user_version = 99", NULL));
  g_object_unref (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = tj_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "更新版本"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  tj_test_rmdir (dir);
}

/* A negative version (as an edit behind the application's back leaves it) said "not an error". */
static void
test_refuses_negative_version (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  TjDb *db = tj_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tj_db_exec (db, "PRAGMA user_version = -1", NULL));
  g_object_unref (db);
  db = tj_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "不是“推进”的数据库"));
  tj_test_rmdir (dir);
}

/* Another program's SQLite file (tables, no version) is not taken for a new database. */
static void
test_refuses_foreign_sqlite (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (other);
  g_assert_null (tj_db_open (path, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE);
  tj_test_rmdir (dir);
}

static void
test_refuses_not_a_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  const char *text = "序号,项目名称\n1,不是数据库\n";
  TjDb *db;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  db = tj_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  tj_test_rmdir (dir);
}

/* Another process writes the file and closes while this one holds two connections on it. If
 * opening the second connection had touched the file outside SQLite (an open and close of its
 * own descriptor drops every POSIX lock the process holds on it), the other process could take
 * the exclusive lock on closing, checkpoint and delete the WAL under this process's connections,
 * and rows committed afterwards would be lost. */
static void
test_second_connection_keeps_locks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autofree char *wal = g_strdup_printf ("%s-wal", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) window = tj_db_open (path, &error);
  g_autoptr (TjDb) worker = NULL;
  g_autoptr (TjDb) reopened = NULL;
  int status = 0;
  pid_t pid;

  g_assert_no_error (error);
  g_assert_true (tj_db_exec (window, "CREATE TABLE t (who TEXT, n INTEGER)", &error));
  g_assert_true (tj_db_exec (window, "INSERT INTO t VALUES ('window', 1)", &error));
  worker = tj_db_open (path, &error);
  g_assert_no_error (error);

  /* A fresh process (not a fork, which would inherit SQLite's view of this process's locks). */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      execl ("/proc/self/exe", "test-db", "--other-writer", path, NULL);
      _exit (127);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* The other process could not take the exclusive lock: the WAL this process reads is there. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  for (int i = 0; i < 50; i++)
    g_assert_true (tj_db_exec (worker, "INSERT INTO t VALUES ('worker', 1)", &error));
  g_assert_true (tj_db_exec (window, "INSERT INTO t VALUES ('window', 1)", &error));
  g_clear_object (&worker);
  g_clear_object (&window);

  reopened = tj_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (reopened, "SELECT count(*) FROM t"), ==, 102);
  g_assert_cmpint (tj_test_scalar (reopened, "SELECT count(*) FROM t WHERE who = 'other'"), ==, 50);
  g_clear_object (&reopened);
  tj_test_rmdir (dir);
}

static void
test_refuses_locked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) holder = tj_db_open (path, &error);
  g_autoptr (TjDb) other = NULL;
  g_autoptr (TjUnit) unit = tj_unit_new ();

  g_assert_no_error (error);
  other = tj_db_open (path, &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (tj_db_get_handle (other), 10);
  g_assert_true (tj_db_exec (holder, "BEGIN EXCLUSIVE", NULL));
  unit->name = g_strdup ("新区");
  g_assert_false (tj_unit_save (other, unit, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_LOCKED);
  tj_db_rollback (holder);
  tj_test_rmdir (dir);
}

static void
test_validation_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GPtrArray) ok = tj_project_validate (p, db);
  g_autoptr (TjProject) empty = tj_project_new ();
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) more = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) twin = NULL;
  g_autoptr (GPtrArray) dup = NULL;

  g_assert_cmpuint (ok->len, ==, 0);

  empty->year = 2026;
  empty->level = TJ_LEVEL_PROVINCIAL;
  all = tj_project_validate (empty, db);
  g_assert_cmpstr (tj_problems_find (all, "name"), ==, "项目名称不能为空。");
  g_assert_null (tj_problems_find (all, "level"));
  g_assert_nonnull (tj_problems_find (all, "nature"));
  g_assert_nonnull (tj_problems_find (all, "locality_id"));
  g_assert_nonnull (tj_problems_find (all, "officer_id"));
  g_assert_cmpstr (tj_problems_find (all, "leader_id"), ==, "省重点和地市级重点项目必须有分包市领导。");
  g_assert_nonnull (tj_problems_find (all, "total_investment"));

  /* City-level projects need no leader (推进机制 一). */
  p->level = TJ_LEVEL_CITY;
  p->leader_id = 0;
  p->annual_plan = p->total_investment + 1;
  g_free (p->planned_completion);
  p->planned_completion = g_strdup ("2024-08");
  g_free (p->phone);
  p->phone = g_strdup ("0371-6287转1234");
  more = tj_project_validate (p, db);
  g_assert_null (tj_problems_find (more, "leader_id"));
  g_assert_cmpstr (tj_problems_find (more, "annual_plan"), ==, "年度计划投资不能超过总投资。");
  g_assert_nonnull (tj_problems_find (more, "planned_completion"));
  g_assert_nonnull (tj_problems_find (more, "phone"));

  /* A text too long and an amount beyond the bound are named by their labels. */
  g_free (p->content);
  p->content = g_strnfill (2001, 'x');
  p->total_investment = TJ_LIMITS_MAX_AMOUNT_CEILING + 1;
  g_clear_pointer (&more, g_ptr_array_unref);
  more = tj_project_validate (p, db);
  g_assert_cmpstr (tj_problems_find (more, "content"), ==,
                   "建设规模及内容不能超过 2000 个字（现有 2001 个字）。");
  g_assert_true (g_str_has_prefix (tj_problems_find (more, "total_investment"), "总投资超过上限"));
  g_clear_pointer (&p->content, g_free);
  p->total_investment = 100000000;

  /* Save is refused and writes nothing. */
  g_assert_false (tj_project_save (db, p, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);

  /* The name is unique within the year, not across years. */
  g_clear_object (&p);
  p = valid_project (db);
  g_clear_error (&error);
  g_assert_true (tj_project_save (db, p, &error));
  twin = tj_project_copy (p);
  twin->id = 0;
  dup = tj_project_validate (twin, db);
  g_assert_nonnull (tj_problems_find (dup, "name"));
  twin->year = 2027;
  g_clear_pointer (&dup, g_ptr_array_unref);
  dup = tj_project_validate (twin, db);
  g_assert_cmpuint (dup->len, ==, 0);
  tj_test_rmdir (dir);
}

static void
test_audit_rows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  TjAuditEntry *entry;
  gint64 id;

  g_assert_true (tj_project_save (db, p, &error));
  id = p->id;
  p->total_investment = 400000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_true (tj_project_delete (db, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'projects'"),
                   ==, 3);
  /* The update records the changed field only, with its old and new value. */
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT json_array_length (changes -> '$.total_investment') FROM audit "
                          "WHERE table_name = 'projects' AND action = 'update'"),
      ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT changes ->> '$.total_investment[0]' FROM audit "
                                       "WHERE table_name = 'projects' AND action = 'update'"), ==, 374339999);
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT (SELECT count(*) FROM json_each (changes)) FROM audit "
                                   "WHERE table_name = 'projects' AND action = 'update'"),
                   ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE os_user = '' OR at = ''"),
                   ==, 0);

  history = tj_audit_history (db, "projects", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->os_user, ==, g_get_user_name ());
  g_assert_cmpuint (entry->changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entry->changes, 0), ==, "总投资（万元）：37,433.9999 → 40,000.0000");

  /* Nothing may edit the log. */
  g_assert_false (tj_db_exec (db, "DELETE FROM audit", NULL));
  g_assert_false (tj_db_exec (db, "UPDATE audit SET os_user = 'x'", NULL));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'projects'"),
                   ==, 3);
  tj_test_rmdir (dir);
}

/* Every table a project's delete reaches, as one text: rows and links, in id order. */
static char *
project_rows_text (TjDb  *db,
                   gint64 id)
{
  const char *queries[] = {
    "SELECT json_group_array (json_array (id, name, annual_plan, carried_from)) FROM projects",
    "SELECT json_group_array (json_array (id, month, completed, progress)) FROM monthly_reports "
    "WHERE project_id = ?",
    "SELECT json_group_array (json_array (id, company, status)) FROM agency_cases "
    "WHERE project_id = ?",
    "SELECT json_group_array (json_array (id, name, case_id, batch_id, accepted)) "
    "FROM approval_items WHERE project_id = ?",
    "SELECT json_group_array (json_array (id)) FROM approval_batches WHERE project_id = ?",
    "SELECT json_group_array (json_array (r.id, r.item_id)) FROM approval_reminders r "
    "JOIN approval_items i ON i.id = r.item_id WHERE i.project_id = ?",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, queries[i], NULL);

      g_assert_nonnull (stmt);
      if (i > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (text, "%s\n", sqlite3_column_text (stmt, 0));
    }
  return g_string_free (text, FALSE);
}

/* Undo puts back the project and everything its delete took: reports, cases, items, batches,
 * reminders, and the links of projects carried over from it. */
static void
test_undo_delete_restores_everything (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *described = NULL;
  TjProjectHoldings holdings;
  gint64 id, reports_before;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  /* a project with reports, a case, items with reminders, and a carried-over successor */
  id = tj_test_scalar (db, "SELECT i.project_id FROM approval_reminders r "
                           "JOIN approval_items i ON i.id = r.item_id "
                           "JOIN agency_cases c ON c.project_id = i.project_id "
                           "JOIN monthly_reports m ON m.project_id = i.project_id "
                           "GROUP BY i.project_id ORDER BY count(*) DESC LIMIT 1");
  g_assert_cmpint (id, >, 0);
  g_assert_true (tj_db_exec (db, "UPDATE projects SET carried_from = (SELECT i.project_id FROM "
                             "approval_reminders r JOIN approval_items i ON i.id = r.item_id "
                             "JOIN agency_cases c ON c.project_id = i.project_id "
                             "JOIN monthly_reports m ON m.project_id = i.project_id "
                             "GROUP BY i.project_id ORDER BY count(*) DESC LIMIT 1) "
                             "WHERE id = (SELECT max (id) FROM projects)",
                             &error));
  reports_before = tj_test_scalar (db, "SELECT count(*) FROM monthly_reports");
  before = project_rows_text (db, id);

  g_assert_true (tj_project_holdings (db, id, &holdings, &error));
  g_assert_cmpuint (holdings.monthly_reports, >, 0);
  g_assert_cmpuint (holdings.agency_cases, >, 0);
  g_assert_cmpuint (holdings.approval_items, >, 0);
  g_assert_cmpuint (holdings.approval_reminders, >, 0);
  g_assert_cmpuint (holdings.carried_into, ==, 1);
  described = tj_project_holdings_describe (&holdings);
  g_assert_nonnull (strstr (described, "条月报"));

  deletion = tj_project_delete_undoable (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==,
                   reports_before - holdings.monthly_reports);
  g_assert_true (tj_deletion_undo (db, deletion, &error));
  g_assert_no_error (error);
  after = project_rows_text (db, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM monthly_reports"), ==,
                   reports_before);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  tj_test_rmdir (dir);
}

/* Undo is refused whole, changing nothing, when a new project took the deleted one's name. */
static void
test_undo_delete_refused_when_replaced (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (TjProject) again = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_project_save (db, p, &error));
  deletion = tj_project_delete_undoable (db, p->id, &error);
  g_assert_no_error (error);
  again = valid_project (db);
  g_clear_pointer (&again->name, g_free);
  again->name = g_strdup ("少林污水处理厂提标改造");
  g_assert_true (tj_project_save (db, again, &error));
  g_assert_false (tj_deletion_undo (db, deletion, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IN_USE);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 1);
  tj_test_rmdir (dir);
}

static void
test_referenced_cannot_be_deleted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_project_save (db, p, &error));
  g_assert_false (tj_unit_delete (db, p->locality_id, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "少林污水处理厂提标改造"));
  g_clear_error (&error);
  g_assert_false (tj_person_delete (db, p->officer_id, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "少林污水处理厂提标改造"));
  g_clear_error (&error);
  /* An unused unit goes. */
  g_assert_true (tj_unit_delete (db, tj_unit_find (db, "纪委监委"), &error));
  g_assert_no_error (error);
  tj_test_rmdir (dir);
}

static void
test_carry_over (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) next = NULL;
  TjProject *copy;

  g_assert_true (tj_project_save (db, p, &error));
  g_assert_true (tj_project_carry_over (db, &p->id, 1, 2027, &error));
  g_assert_no_error (error);
  next = tj_project_list (db, 2027, &error);
  g_assert_cmpuint (next->len, ==, 1);
  copy = g_ptr_array_index (next, 0);
  g_assert_cmpint (copy->carried_from, ==, p->id);
  g_assert_cmpstr (copy->locality_name, ==, "少林街道");
  /* Twice is refused, and changes nothing. */
  g_assert_false (tj_project_carry_over (db, &p->id, 1, 2027, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 2);
  tj_test_rmdir (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autofree char *target = g_build_filename (dir, "copy.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) copy = NULL;

  g_assert_true (tj_project_save (db, p, &error));
  g_assert_true (tj_db_backup (db, target, &error));
  g_assert_no_error (error);
  copy = tj_db_open (target, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (copy, "SELECT total_investment FROM projects"), ==, 374339999);
  tj_test_rmdir (dir);
}

typedef struct
{
  TjDb *holder;
} Holder;

static gpointer
release_later (gpointer data)
{
  Holder *h = data;

  g_usleep (1500 * 1000);
  tj_db_rollback (h->holder);
  return NULL;
}

static void
count_wait (TjDb    *db,
            gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* A write waits for another's (here 1.5 s) instead of failing, and says once that it waits. */
static void
test_write_waits_and_says_so (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) writer = NULL;
  Holder h = { 0 };
  GThread *thread;
  guint waits = 0;

  h.holder = tj_db_open (path, &error);
  g_assert_no_error (error);
  writer = tj_db_open (path, &error);
  g_assert_no_error (error);
  tj_db_set_wait_notify (writer, count_wait, &waits);
  g_assert_true (tj_db_exec (h.holder, "BEGIN EXCLUSIVE", &error));
  thread = g_thread_new ("holder", release_later, &h);
  g_assert_true (tj_db_set_setting (writer, "waited", "yes", &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_cmpuint (waits, ==, 1);
  g_clear_object (&h.holder);
  tj_test_rmdir (dir);
}

/* A file with a damaged page (its cell pointers overwritten) is refused where it is opened for
 * an export, instead of giving garbled figures. quick_check sees a page's structure; damage inside
 * a record's values shows only in tuijin check's integrity_check (an index no longer matches). */
static void
test_healthy_open_refuses_damage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autoptr (TjDb) again = NULL;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_clear_object (&db);
  tj_test_damage_page (path, "projects");


  again = tj_db_open_full (path, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY, &error);
  g_assert_null (again);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "tuijin restore"));
  tj_test_rmdir (dir);
}

/* The amount bound Preferences sets: whole 万元 in the setting, read back in yuan, and a
 * project above it refused. */
static void
test_max_amount_setting (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tj_limits_max_amount (db), ==, G_GINT64_CONSTANT (1000000000000));
  g_assert_true (tj_limits_set_max_amount (db, G_GINT64_CONSTANT (30) * 100000000, &error));
  g_assert_cmpint (tj_limits_max_amount (db), ==, G_GINT64_CONSTANT (3000000000));
  p->total_investment = G_GINT64_CONSTANT (3000000001);
  g_assert_false (tj_project_save (db, p, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "30 亿元"));
  tj_test_rmdir (dir);
}

/* The log is a hash chain and the data is held to it: a row replaced or forged through SQL, a
 * trigger dropped to edit a project unlogged, are each refused or found, and a dropped trigger is
 * put back when the file is next opened. */
static void
test_audit_tamper (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 broken = -1, rows = 0, last;

  g_assert_true (tj_project_save (db, p, &error));
  p->annual_plan = 100000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (rows, >, 2);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  last = tj_test_scalar (db, "SELECT max (id) FROM audit");

  /* INSERT OR REPLACE would delete a row without the delete guard; a forged row has no hash */
  g_assert_false (tj_db_exec (db, "INSERT OR REPLACE INTO audit (id, at, os_user, table_name, "
                              "record_id, action, changes) VALUES (1, 'x', 'x', 'projects', 1, "
                              "'insert', '{}')", NULL));
  g_assert_false (tj_db_exec (db, "INSERT INTO audit (at, os_user, table_name, record_id, action, "
                              "changes, hash) VALUES ('x', 'x', 'projects', 1, 'insert', '{}', "
                              "'0')", NULL));
  g_assert_cmpint (tj_test_scalar (db, "SELECT max (id) FROM audit"), ==, last);

  /* an edit behind the application's back: the trigger dropped, the plan changed */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER audit_projects_update", &error));
  g_assert_true (tj_db_exec (db, "UPDATE projects SET annual_plan = 1 WHERE id = (SELECT min (id) "
                             "FROM projects)", &error));
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "年度计划"));
  g_clear_object (&db);

  /* opening the file puts the trigger back: the next change is logged again */
  db = tj_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                       "AND name = 'audit_projects_update'"), ==, 1);
  g_assert_true (tj_db_exec (db, "UPDATE projects SET notes = '复核' WHERE id = (SELECT min (id) "
                             "FROM projects)", &error));
  g_assert_cmpint (tj_test_scalar (db, "SELECT max (id) FROM audit"), ==, last + 1);
  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  tj_test_rmdir (dir);
}

/* What a restore needs: a copy checked before anything is replaced, the file as it was kept
 * beside it, and the copy's data in place; a copy that is not a database changes nothing. */
static void
test_restore (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autoptr (TjProject) p = valid_project (db);

  g_assert_true (tj_project_save (db, p, &error));
  g_assert_true (tj_db_backup (db, copy, &error));
  g_assert_true (tj_project_delete (db, p->id, &error));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);

  g_assert_true (g_file_set_contents (junk, "项目名称,总投资\n", -1, NULL));
  g_assert_false (tj_db_restore (path, junk, &kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (kept);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);

  /* restored under the open connection, which sees it */
  g_assert_true (tj_db_restore (path, copy, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_cmpint (tj_test_scalar (db, "SELECT total_investment FROM projects"), ==, 374339999);
  tj_test_rmdir (dir);
}

/* An import into a file with a damaged page is refused before it writes anything. */
static void
test_import_refuses_damage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = tj_test_db_path (&dir);
  g_autofree char *ledger = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                              NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (path, &error);
  g_autoptr (TjImportResult) result = NULL;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_clear_object (&db);
  tj_test_damage_page (path, "projects");

  db = tj_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tj_ledger_import (db, ledger, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "tuijin restore"));
  tj_test_rmdir (dir);
}

/* What "changed" told a listener: the tables in order, and for each whether another connection
 * already saw the write (it had been committed). */
typedef struct
{
  char *path;
  GPtrArray *tables;
  GArray *seen_elsewhere; /* count (*) of projects read on a second connection at each emission */
  guint projects;         /* emissions of changed::projects */
} Changes;

static void
changes_init (Changes    *changes,
              TjDb       *db)
{
  changes->path = g_strdup (tj_db_get_path (db));
  changes->tables = g_ptr_array_new_with_free_func (g_free);
  changes->seen_elsewhere = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->projects = 0;
}

static void
changes_clear (Changes *changes)
{
  g_free (changes->path);
  g_ptr_array_unref (changes->tables);
  g_array_unref (changes->seen_elsewhere);
}

static gint64
count_projects_elsewhere (const char *path)
{
  sqlite3 *other = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT count(*) FROM projects", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (other);
  return n;
}

static void
any_changed_cb (TjDb       *db,
                const char *table,
                Changes    *changes)
{
  gint64 seen = count_projects_elsewhere (changes->path);

  /* emitted after the commit, with no transaction left open on the connection */
  g_assert_true (sqlite3_get_autocommit (tj_db_get_handle (db)));
  g_ptr_array_add (changes->tables, g_strdup (table));
  g_array_append_val (changes->seen_elsewhere, seen);
}

static void
projects_changed_cb (TjDb       *db,
                     const char *table,
                     Changes    *changes)
{
  g_assert_cmpstr (table, ==, "projects");
  changes->projects++;
}

static void
changes_connect (Changes *changes,
                 TjDb    *db)
{
  g_signal_connect (db, "changed", G_CALLBACK (any_changed_cb), changes);
  g_signal_connect (db, "changed::projects", G_CALLBACK (projects_changed_cb), changes);
}

static guint
times_told (Changes    *changes,
            const char *table)
{
  guint n = 0;

  for (guint i = 0; i < changes->tables->len; i++)
    n += g_str_equal (g_ptr_array_index (changes->tables, i), table);
  return n;
}

/* A save is told once, as changed::projects, when another connection can already read it. */
static void
test_changed_after_save (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = valid_project (db);
  g_autoptr (GError) error = NULL;
  Changes changes;

  changes_init (&changes, db);
  changes_connect (&changes, db);
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.projects, ==, 1);
  g_assert_cmpuint (changes.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes.tables, 0), ==, "projects");
  g_assert_cmpint (g_array_index (changes.seen_elsewhere, gint64, 0), ==, 1);

  /* a write outside a transaction (a setting) is told too, under its own table */
  g_assert_true (tj_db_set_setting (db, "organisation", "登封市发展和改革委员会", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.tables->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changes.tables, 1), ==, "settings");
  g_assert_cmpuint (changes.projects, ==, 1);

  g_signal_handlers_disconnect_by_data (db, &changes);
  changes_clear (&changes);
  tj_test_rmdir (dir);
}

/* Nothing is told of a write that was rolled back: by hand, by an import refused for its errors
 * (after it had created people and a locality), or by a dry run. */
static void
test_changed_not_after_rollback (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *bad = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-with-errors-utf8.csv",
                                           NULL);
  g_autofree char *good = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjImportResult) dry = NULL;
  g_autoptr (GError) error = NULL;
  Changes changes;

  changes_init (&changes, db);
  changes_connect (&changes, db);

  g_assert_true (tj_db_begin (db, &error));
  g_assert_true (tj_db_exec (db, "INSERT INTO people (name, is_leader) VALUES ('王国强', 1)",
                             &error));
  g_assert_no_error (error);
  tj_db_rollback (db);

  g_assert_false (tj_ledger_import (db, bad, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tj_ledger_import (db, good, 2026, TRUE, TRUE, &dry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry->added, ==, 84);

  g_assert_cmpuint (changes.tables->len, ==, 0);
  g_assert_cmpuint (changes.projects, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, 0);

  /* and the next committed write is told alone, not with what was rolled back */
  g_assert_true (tj_db_set_setting (db, "organisation", "登封市", &error));
  g_assert_cmpuint (changes.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes.tables, 0), ==, "settings");

  g_signal_handlers_disconnect_by_data (db, &changes);
  changes_clear (&changes);
  tj_test_rmdir (dir);
}

/* An import of 84 projects is told once per table it wrote, not once per row, after it is
 * committed whole. */
static void
test_changed_once_per_import (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (g_getenv ("TJ_SAMPLES"), "ledger-2026-gb18030.csv",
                                            NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  Changes changes;

  changes_init (&changes, db);
  changes_connect (&changes, db);
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);

  g_assert_cmpuint (changes.projects, ==, 1);
  g_assert_cmpuint (times_told (&changes, "projects"), ==, 1);
  /* the import created the people it names (新建人员“陈志明”) */
  g_assert_cmpuint (times_told (&changes, "people"), ==, 1);
  g_assert_cmpuint (times_told (&changes, "audit"), ==, 0);
  for (guint i = 0; i < changes.seen_elsewhere->len; i++)
    g_assert_cmpint (g_array_index (changes.seen_elsewhere, gint64, i), ==, 84);

  g_signal_handlers_disconnect_by_data (db, &changes);
  changes_clear (&changes);
  tj_test_rmdir (dir);
}

/* A delete is told for every table its cascade emptied, and its undo likewise, once each. */
static void
test_changed_delete_and_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  Changes changes;
  gint64 id, total;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  total = tj_test_scalar (db, "SELECT count(*) FROM projects");
  id = tj_test_scalar (db, "SELECT project_id FROM monthly_reports LIMIT 1");
  changes_init (&changes, db);
  changes_connect (&changes, db);

  deletion = tj_project_delete_undoable (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.projects, ==, 1);
  g_assert_cmpuint (times_told (&changes, "monthly_reports"), ==, 1);
  g_assert_cmpint (g_array_index (changes.seen_elsewhere, gint64, 0), ==, total - 1);

  g_ptr_array_set_size (changes.tables, 0);
  g_array_set_size (changes.seen_elsewhere, 0);
  g_assert_true (tj_deletion_undo (db, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.projects, ==, 2);
  g_assert_cmpuint (times_told (&changes, "projects"), ==, 1);
  g_assert_cmpuint (times_told (&changes, "monthly_reports"), ==, 1);
  g_assert_cmpint (g_array_index (changes.seen_elsewhere, gint64, 0), ==, total);

  g_signal_handlers_disconnect_by_data (db, &changes);
  changes_clear (&changes);
  tj_test_rmdir (dir);
}

/* The other process of test_second_connection_keeps_locks: fifty commits, then close. */
static int
other_writer (const char *path)
{
  sqlite3 *other = NULL;
  int ok = sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;

  sqlite3_busy_timeout (other, 5000);
  for (int i = 0; ok && i < 50; i++)
    ok = sqlite3_exec (other, "INSERT INTO t VALUES ('other', 1)", NULL, NULL, NULL) == SQLITE_OK;
  ok = sqlite3_close (other) == SQLITE_OK && ok;
  return ok ? 0 : 1;
}

/* A cached statement is found by the address of its text, but a text at an address that held
 * another is its own statement. */
static void
test_cached_statement_by_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  char sql[64];
  TjCachedStmt *stmt;

  for (int round = 0; round < 2; round++)
    for (int n = 1; n <= 3; n++)
      {
        g_snprintf (sql, sizeof sql, "SELECT %d", n);
        stmt = tj_db_prepare_cached (db, sql, NULL);
        g_assert_nonnull (stmt);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n);
        tj_db_release (stmt);
      }
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

/* The audit log's SQL functions: tj_now () is the local time as strftime writes it, and
 * tj_audit_hash gives each row its own hash when rows alternate (it remembers the last one). */
static void
test_audit_functions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *a = tj_db_audit_hash ("p", 1, "2026-11-30T10:00:00", "u", "projects", 7,
                                         "insert", "{}");
  g_autofree char *b = tj_db_audit_hash ("p", 2, "2026-11-30T10:00:00", "u", "projects", 7,
                                         "insert", "{}");
  gint64 same = 0;

  /* the second may turn between the two: one of three tries sees it whole */
  for (int i = 0; i < 3 && same == 0; i++)
    same = tj_test_scalar (db, "SELECT tj_now () = strftime ('%Y-%m-%dT%H:%M:%S', 'now', "
                           "'localtime')");
  g_assert_cmpint (same, ==, 1);
  g_assert_cmpstr (a, !=, b);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT tj_audit_hash ('p', %d, "
                                              "'2026-11-30T10:00:00', 'u', 'projects', 7, "
                                              "'insert', '{}') = '%s'",
                                              1 + i % 2, i % 2 == 0 ? a : b);

      g_assert_cmpint (tj_test_scalar (db, sql), ==, 1);
    }
  g_clear_object (&db);
  tj_test_rmdir (dir);
}

/* DATA through CONVERTER (gzip or gunzip), as the test reads or forges a kept file. */
static GBytes *
convert (GConverter *converter,
         const void *data,
         gsize       size)
{
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr (GInputStream) converted = g_converter_input_stream_new (in, converter);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_output_stream_splice (out, converted, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                           NULL, &error), >=, 0);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A kept file larger than the chunks it is compressed, stored and checked in (256 KiB): its
 * bytes come back whole, it verifies, and a copy cut short or with bytes after its end does not.
 * The contents are random hex so that gzip cannot shrink them below three chunks. */
static void
test_import_large_file_kept_in_chunks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "大台账.csv", NULL);
  g_autoptr (GString) contents =
    g_string_new ("序号,项目名称,级别,建设性质,属地,首席服务官,总投资（万元）,建设规模及内容\r\n");
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) kept = NULL;
  g_autofree guint8 *cut = NULL;
  gsize stored;

  for (guint i = 1; i <= 8000; i++)
    {
      g_string_append_printf (contents, "%u,项目%u,登封市重点,续建,颍阳镇,赵强,10,", i, i);
      for (guint c = 0; c < 200; c++)
        g_string_append_c (contents, "0123456789abcdef"[g_rand_int_range (rand, 0, 16)]);
      g_string_append (contents, "\r\n");
    }
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 8000);

  stored = tj_test_scalar (db, "SELECT length (data) FROM imports");
  g_assert_cmpuint (stored, >, 3 * 256 * 1024);
  stmt = tj_db_prepare (db, "SELECT data FROM imports", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  kept = convert (G_CONVERTER (gunzip), sqlite3_column_blob (stmt, 0),
                  sqlite3_column_bytes (stmt, 0));
  cut = g_malloc0 (stored + 1);
  memcpy (cut, sqlite3_column_blob (stmt, 0), stored);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), contents->str,
                   contents->len);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* cut short by a byte, then one byte too many: neither is the file kept */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER imports_no_update", &error));
  for (int extra = -1; extra <= 1; extra += 2)
    {
      stmt = tj_db_prepare (db, "UPDATE imports SET data = ?", &error);
      g_assert_no_error (error);
      sqlite3_bind_blob64 (stmt, 1, cut, stored + extra, SQLITE_STATIC);
      g_assert_true (tj_db_step_done (db, stmt, &error));
      g_clear_pointer (&stmt, sqlite3_finalize);
      g_ptr_array_set_size (problems, 0);
      g_assert_true (tj_audit_verify_records (db, problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "大台账.csv"));
      g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "SHA-256"));
    }
  tj_test_rmdir (dir);
}

/* A ledger import is one audit entry naming the file it keeps (gzip, its SHA-256): no entry per
 * project, the chain and the records verified, an edit after it logged as ever; a dry run keeps
 * nothing; an imported project changed, or the kept file changed, behind Tuijin's back is found. */
static void
test_import_one_entry_and_its_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "台账.csv", NULL);
  const char *contents =
    "序号,项目名称,级别,建设性质,属地,责任单位,分包市领导,首席服务官,总投资（万元）\r\n"
    "1,一号,省重点,新开工,告成镇,住建局,李明,李明,10\n"
    "2,二号,登封市,新开工,石道乡,,,赵强,10\n"
    "3,三号,省重点,续建,告成镇,住建局,李明,赵强,20\n";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) kept = NULL;
  g_autoptr (GBytes) forged = NULL;
  g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr (GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr (TjProject) two = NULL;
  g_autofree char *forged_sha256 = NULL;
  const char *forged_contents = "序号,项目名称\r\n1,一号\n";
  gint64 logged = tj_test_scalar (db, "SELECT max (id) FROM audit");
  gint64 broken = -1, rows = 0;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  /* a dry run keeps no file and writes no entry */
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT max (id) FROM audit"), ==, logged);

  g_clear_pointer (&result, tj_import_result_free);
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 3);
  /* one entry for the import, none per project */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE action = 'import'"), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'projects'"),
                   ==, 0);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT changes ->> '$.file' = ? FROM audit "
                                            "WHERE action = 'import'", "台账.csv"), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT changes ->> '$.sha256' = ? FROM audit "
                                            "WHERE action = 'import'", sha256), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT json_array_length (changes, '$.tables.projects.ids') "
                                       "FROM audit WHERE action = 'import'"), >=, 1);

  /* the file kept as it was read: its SHA-256, its size, its bytes */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT sha256 = ? FROM imports", sha256), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT size FROM imports"), ==, strlen (contents));
  stmt = tj_db_prepare (db, "SELECT data FROM imports", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  kept = convert (G_CONVERTER (gunzip), sqlite3_column_blob (stmt, 0),
                  sqlite3_column_bytes (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), contents,
                   strlen (contents));

  /* the chain holds and every record is as the log says */
  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* an edit through the application after the import is logged and verifies */
  two = tj_project_load (db, tj_project_find (db, 2026, "二号"), &error);
  g_assert_no_error (error);
  g_free (two->name);
  two->name = g_strdup ("二号扩建");
  g_assert_true (tj_project_save (db, two, &error));
  g_assert_no_error (error);
  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* an imported project renamed behind Tuijin's back: the check names the import and its file */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER audit_projects_update", &error));
  g_assert_true (tj_db_exec (db, "UPDATE projects SET name = '一号（改）' WHERE name = '一号'",
                             &error));
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "台账.csv"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "第 1 次导入"));
  /* put back as it was, the rows verify again */
  g_assert_true (tj_db_exec (db, "UPDATE projects SET name = '一号' WHERE name = '一号（改）'",
                             &error));
  g_ptr_array_set_size (problems, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* the kept file replaced (its no-update trigger dropped first): it no longer matches its hash */
  g_assert_true (tj_db_exec (db, "DROP TRIGGER imports_no_update", &error));
  forged = convert (G_CONVERTER (gzip), forged_contents, strlen (forged_contents));
  stmt = tj_db_prepare (db, "UPDATE imports SET data = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (forged, NULL), g_bytes_get_size (forged),
                       SQLITE_STATIC);
  g_assert_true (tj_db_step_done (db, stmt, &error));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "台账.csv"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "SHA-256"));

  /* and with its SHA-256 and size forged to match, it differs from the audit entry */
  forged_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, forged_contents, -1);
  stmt = tj_db_prepare (db, "UPDATE imports SET sha256 = ?, size = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, forged_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, strlen (forged_contents));
  g_assert_true (tj_db_step_done (db, stmt, &error));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_ptr_array_set_size (problems, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "台账.csv"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "审计日志"));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--other-writer"))
    return other_writer (argv[2]);
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/db/open/new-database-has-default-units", test_new_database);
  g_test_add_func ("/tj/db/statement/cached-by-address-and-text", test_cached_statement_by_text);
  g_test_add_func ("/tj/audit/functions-now-and-hash", test_audit_functions);
  g_test_add_func ("/tj/db/open/reopen-does-not-migrate-again", test_reopen);
  g_test_add_func ("/tj/db/open/migrates-with-a-backup-first", test_migrates_with_backup);
  g_test_add_func ("/tj/db/open/refuses-newer-and-leaves-it", test_refuses_newer);
  g_test_add_func ("/tj/db/open/refuses-a-file-that-is-not-a-database", test_refuses_not_a_database);
  g_test_add_func ("/tj/db/open/refuses-a-negative-version", test_refuses_negative_version);
  g_test_add_func ("/tj/db/open/refuses-another-programs-sqlite-file",
                   test_refuses_foreign_sqlite);
  g_test_add_func ("/tj/db/open/second-connection-keeps-the-locks",
                   test_second_connection_keeps_locks);
  g_test_add_func ("/tj/db/write/locked-file-says-so", test_refuses_locked);
  g_test_add_func ("/tj/audit/tamper-refused-or-found", test_audit_tamper);
  g_test_add_func ("/tj/audit/import/one-entry-kept-file-verified",
                   test_import_one_entry_and_its_file);
  g_test_add_func ("/tj/audit/import/large-file-kept-in-chunks",
                   test_import_large_file_kept_in_chunks);
  g_test_add_func ("/tj/db/restore/checks-keeps-and-restores", test_restore);
  g_test_add_func ("/tj/db/import/refused-on-a-damaged-file", test_import_refuses_damage);
  g_test_add_func ("/tj/limits/max-amount-setting-bounds-a-save", test_max_amount_setting);
  g_test_add_func ("/tj/db/write/waits-for-another-write-and-says-so",
                   test_write_waits_and_says_so);
  g_test_add_func ("/tj/db/open/healthy-open-refuses-a-damaged-page",
                   test_healthy_open_refuses_damage);
  g_test_add_func ("/tj/project/validate/every-rule", test_validation_rules);
  g_test_add_func ("/tj/audit/insert-update-delete", test_audit_rows);
  g_test_add_func ("/tj/project/delete/undo-restores-everything",
                   test_undo_delete_restores_everything);
  g_test_add_func ("/tj/project/delete/undo-refused-when-replaced",
                   test_undo_delete_refused_when_replaced);
  g_test_add_func ("/tj/unit/delete/refused-while-referenced", test_referenced_cannot_be_deleted);
  g_test_add_func ("/tj/project/carry-over/links-and-refuses-twice", test_carry_over);
  g_test_add_func ("/tj/db/backup/verified-copy", test_backup);
  g_test_add_func ("/tj/db/changed/once-after-a-save-commits", test_changed_after_save);
  g_test_add_func ("/tj/db/changed/nothing-after-a-rollback", test_changed_not_after_rollback);
  g_test_add_func ("/tj/db/changed/once-per-table-for-an-import", test_changed_once_per_import);
  g_test_add_func ("/tj/db/changed/delete-and-undo-name-the-cascade", test_changed_delete_and_undo);
  return g_test_run ();
}
