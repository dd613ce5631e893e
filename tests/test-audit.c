/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project's history (修改记录) as the window shows it, on a real database: the action as the
 * user did it, and every value in the words and names of the form. */
#include "tj-test.h"

#include "tj-audit.h"
#include "tj-calendar.h"
#include "tj-deletion.h"
#include "tj-ledger.h"
#include "tj-person.h"
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

/* The entry's lines as one text, one per line. */
static char *
lines (TjAuditEntry *entry)
{
  g_ptr_array_add (entry->changes, NULL);
  g_autofree char *text = g_strjoinv ("\n", (char **) entry->changes->pdata);
  g_ptr_array_remove_index (entry->changes, entry->changes->len - 1);
  return g_steal_pointer (&text);
}

static void
test_history_in_words (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autofree char *created = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *restored = NULL;
  TjAuditEntry *entry;

  p->year = 2026;
  p->name = g_strdup ("少林污水处理厂提标改造");
  p->level = TJ_LEVEL_PROVINCIAL;
  p->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (db, "少林街道");
  p->unit_id = tj_unit_find (db, "住建局");
  p->leader_id = add_person (db, "王国强", TRUE);
  p->officer_id = add_person (db, "郑宏伟", FALSE);
  p->total_investment = 374339999;
  p->annual_plan = 154787208;
  p->planned_start = g_strdup ("2026-03");
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);

  p->level = TJ_LEVEL_CITY;
  p->nature = TJ_NATURE_CONTINUING;
  p->locality_id = tj_unit_find (db, "嵩阳街道");
  p->officer_id = add_person (db, "李文娟", FALSE);
  p->total_investment = 400000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);

  deletion = tj_project_delete_undoable (db, p->id, &error);
  g_assert_no_error (error);
  g_assert_true (tj_deletion_undo (db, deletion, &error));
  g_assert_no_error (error);

  history = tj_audit_history (db, "projects", p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);

  /* newest first: the undo, the delete, the change, the creation */
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->title, ==, "撤销删除");
  restored = lines (entry);
  g_assert_nonnull (strstr (restored, "项目名称：少林污水处理厂提标改造"));
  g_assert_nonnull (strstr (restored, "级别：登封市重点"));
  g_assert_nonnull (strstr (restored, "属地：嵩阳街道"));

  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->title, ==, "删除");
  deleted = lines (entry);
  g_assert_nonnull (strstr (deleted, "首席服务官：李文娟"));
  g_assert_nonnull (strstr (deleted, "总投资（万元）：40,000.0000"));

  entry = g_ptr_array_index (history, 2);
  g_assert_cmpstr (entry->title, ==, "修改");
  changed = lines (entry);
  g_assert_cmpstr (changed, ==,
                   "级别：省重点 → 登封市重点\n"
                   "建设性质：新开工 → 续建\n"
                   "属地：少林街道 → 嵩阳街道\n"
                   "首席服务官：郑宏伟 → 李文娟\n"
                   "总投资（万元）：37,433.9999 → 40,000.0000");

  entry = g_ptr_array_index (history, 3);
  g_assert_cmpstr (entry->title, ==, "新建");
  created = lines (entry);
  g_assert_nonnull (strstr (created, "级别：省重点"));
  g_assert_nonnull (strstr (created, "建设性质：新开工"));
  g_assert_nonnull (strstr (created, "责任单位：住建局"));
  g_assert_nonnull (strstr (created, "分包市领导：王国强"));
  g_assert_nonnull (strstr (created, "年度计划投资（万元）：15,478.7208"));
  /* no internal value: no code, no record number, no empty field */
  g_assert_null (strstr (created, "provincial"));
  g_assert_null (strstr (created, "记录"));
  g_assert_null (strstr (created, "（空）"));
  tj_test_rmdir (dir);
}

/* A new project that happens to get a deleted project's number is created, not restored. */
static void
test_new_record_on_a_freed_number_is_created (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (TjProject) q = tj_project_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;

  p->year = q->year = 2026;
  p->name = g_strdup ("告成镇智慧物流园");
  q->name = g_strdup ("颍阳镇唐宋文化体验园");
  p->level = q->level = TJ_LEVEL_CITY;
  p->nature = q->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (db, "告成镇");
  q->locality_id = tj_unit_find (db, "颍阳镇");
  p->officer_id = q->officer_id = add_person (db, "郑宏伟", FALSE);
  p->total_investment = q->total_investment = 50000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  g_assert_true (tj_project_delete (db, p->id, &error));
  g_assert_true (tj_project_save (db, q, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q->id, ==, p->id);

  history = tj_audit_history (db, "projects", q->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((TjAuditEntry *) g_ptr_array_index (history, 0))->title, ==, "新建");
  tj_test_rmdir (dir);
}

/* A project a ledger brought in was created by that import: its history names the file and the
 * time, and an edit after it shows as any other. */
static void
test_imported_project_names_its_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "台账.csv", NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) other = NULL;
  g_autoptr (TjProject) p = NULL;
  g_autofree char *at = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *changed = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TjAuditEntry *entry;

  g_assert_true (g_file_set_contents (path,
                                      "序号,项目名称,级别,建设性质,属地,责任单位,分包市领导,"
                                      "首席服务官,总投资（万元）\r\n"
                                      "1,告成镇智慧物流园,省重点,新开工,告成镇,住建局,李明,李明,10\n"
                                      "2,颍阳镇唐宋文化体验园,登封市,新开工,石道乡,,,赵强,10\n",
                                      -1, NULL));
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);

  p = tj_project_load (db, tj_project_find (db, 2026, "颍阳镇唐宋文化体验园"), &error);
  g_assert_no_error (error);
  p->total_investment = 200000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);

  /* the time the import was logged at, as the window writes every entry's */
  stmt = tj_db_prepare (db, "SELECT replace (at, 'T', ' ') FROM audit WHERE action = 'import'",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  at = tj_db_column_dup (stmt, 0);

  /* newest first: the edit, then the import that created it */
  history = tj_audit_history (db, "projects", p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->title, ==, "修改");
  changed = lines (entry);
  g_assert_cmpstr (changed, ==, "总投资（万元）：10.0000 → 20.0000");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->title, ==, "导入");
  g_assert_cmpstr (entry->action, ==, "import");
  imported = lines (entry);
  expected = g_strdup_printf ("导入自 台账.csv（%s）", at);
  g_assert_cmpstr (imported, ==, expected);

  /* the other project it brought in has the import alone; a project it did not bring in, none */
  other = tj_audit_history (db, "projects", tj_project_find (db, 2026, "告成镇智慧物流园"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 1);
  g_assert_cmpstr (((TjAuditEntry *) g_ptr_array_index (other, 0))->title, ==, "导入");
  g_clear_pointer (&other, g_ptr_array_unref);
  other = tj_audit_history (db, "projects", p->id + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);
  tj_test_rmdir (dir);
}

/* A holiday table's import is one entry naming its file (SHA-256): the year's days it replaces
 * keep their fields in the log, the days it brings are named by the entry, and the check holds
 * both; a day changed behind Tuijin's back is named with the table in words (节假日). */
static void
test_holidays_import_one_entry (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "2026节假日.csv", NULL);
  const char *contents = "日期,类型,名称\r\n"
                         "2026-10-01,放假,国庆节\r\n"
                         "2026-10-10,上班,国庆节调休上班\r\n";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  gint64 days = tj_test_scalar (db, "SELECT count(*) FROM holidays WHERE date LIKE '2026-%'");
  gint64 logged = tj_test_scalar (db, "SELECT max (id) FROM audit");
  gint64 broken = -1, rows = 0;

  g_assert_cmpint (days, >, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (tj_holidays_import (db, path, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT max (id) FROM audit"), ==, logged);
  g_clear_pointer (&result, tj_import_result_free);

  g_assert_true (tj_holidays_import (db, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE action = 'import'"), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT changes ->> '$.sha256' = ? FROM audit "
                                            "WHERE action = 'import'", sha256), ==, 1);
  g_assert_cmpint (tj_test_scalar_bind (db, "SELECT count(*) FROM imports WHERE kind = 'holidays' "
                                            "AND sha256 = ?", sha256), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT sum ((r.value ->> 1) - (r.value ->> 0) + 1) FROM "
                                       "audit a, json_each (a.changes, '$.tables.holidays.ids') r "
                                       "WHERE a.action = 'import'"), ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'holidays' "
                                       "AND action = 'insert' AND id > (SELECT min (id) FROM audit "
                                       "WHERE action = 'import')"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'holidays' "
                                       "AND action = 'delete' AND changes ->> '$.date[0]' LIKE "
                                       "'2026-%'"), ==, days);
  g_assert_true (tj_audit_verify_chain (db, &broken, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (tj_db_exec (db, "DROP TRIGGER audit_holidays_update", &error));
  g_assert_true (tj_db_exec (db, "UPDATE holidays SET name = '国庆' WHERE date = '2026-10-01'",
                             &error));
  g_assert_true (tj_audit_verify_records (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "从“2026节假日.csv”导入的节假日记录（第 1 次导入）与导入时写入的不符（被绕过推进"
                   "改动过）。");
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/audit/history/in-words-with-undo", test_history_in_words);
  g_test_add_func ("/tj/audit/history/new-record-on-a-freed-number", test_new_record_on_a_freed_number_is_created);
  g_test_add_func ("/tj/audit/import/holidays-one-entry-verified", test_holidays_import_one_entry);
  g_test_add_func ("/tj/audit/history/imported-names-its-file",
                   test_imported_project_names_its_file);
  return g_test_run ();
}
