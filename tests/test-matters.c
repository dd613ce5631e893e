/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings and matters (issue 8) on a real database: the status as of a day around deadlines and
 * extensions, validation, the import all or nothing and again, and a project's delete and undo. */
#include "tj-test.h"

#include <string.h>

#include "tj-audit.h"
#include "tj-deletion.h"
#include "tj-error.h"
#include "tj-matter-import.h"
#include "tj-matter-report.h"
#include "tj-matter.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

#define ROAD "嵩山大道北延工程"

typedef struct
{
  char *dir;
  TjDb *db;
  gint64 road;
  gint64 meeting;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (TjPerson) officer = tj_person_new ();
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (TjMeeting) meeting = tj_meeting_new ();
  g_autoptr (GError) error = NULL;

  fixture->db = tj_test_db_new (&fixture->dir);
  officer->name = g_strdup ("郑宏伟");
  officer->is_officer = TRUE;
  g_assert_true (tj_person_save (fixture->db, officer, &error));
  g_assert_no_error (error);
  p->officer_id = officer->id;
  p->year = 2026;
  p->name = g_strdup (ROAD);
  p->level = TJ_LEVEL_CITY;
  p->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (fixture->db, "嵩阳街道");
  p->total_investment = 300000000;
  p->annual_plan = 100000000;
  g_assert_true (tj_project_save (fixture->db, p, &error));
  g_assert_no_error (error);
  fixture->road = p->id;

  meeting->kind = TJ_MEETING_MONTHLY;
  meeting->date = g_strdup ("2026-03-05");
  meeting->name = g_strdup ("3月份重点项目推进月例会");
  g_assert_true (tj_meeting_save (fixture->db, meeting, &error));
  g_assert_no_error (error);
  fixture->meeting = meeting->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  tj_test_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static TjMatter *
new_matter (Fixture *fixture)
{
  TjMatter *matter = tj_matter_new ();

  matter->meeting_id = fixture->meeting;
  matter->content = g_strdup ("协调解决征地拆迁问题");
  matter->project_id = fixture->road;
  matter->unit_id = tj_unit_find (fixture->db, "发改委");
  matter->assigned = g_strdup ("2026-03-05");
  matter->deadline = g_strdup ("2026-03-31");
  matter->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  matter->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
  return matter;
}

static TjMatterExtension *
add_extension (TjMatter   *matter,
               const char *requested,
               const char *new_deadline,
               const char *approved)
{
  TjMatterExtension *extension = tj_matter_extension_new ();

  extension->requested = g_strdup (requested);
  extension->reason = g_strdup ("拆迁户未签约");
  extension->new_deadline = g_strdup (new_deadline);
  extension->approved = g_strdup (approved);
  extension->approved_by = approved != NULL ? g_strdup ("王副市长") : NULL;
  g_ptr_array_add (matter->extensions, extension);
  return extension;
}

static const char *
status_at (TjDb       *db,
           gint64      id,
           const char *as_of)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjMatter) loaded = tj_matter_load (db, id, &error);

  g_assert_no_error (error);
  return tj_matter_status_label (tj_matter_get_status (loaded, as_of));
}

/* The deadline 03-31: the day before and of it 办理中, the day after 超期未办结; finished on it
 * 按期办结, the day after 逾期办结 (and 办理中 / 超期未办结 as of days before the finish). */
static void
test_status_around_deadline (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (TjMatter) matter = new_matter (fixture);
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-03-30"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-03-31"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-04-01"), ==, "超期未办结");

  matter->finished = g_strdup ("2026-03-31");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-03-30"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-03-31"), ==, "按期办结");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-12-31"), ==, "按期办结");

  g_free (matter->finished);
  matter->finished = g_strdup ("2026-04-01");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-03-31"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-04-01"), ==, "逾期办结");
}

/* An unapproved extension changes nothing; of two approved ones the last approved counts. */
static void
test_status_with_extensions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (TjMatter) matter = new_matter (fixture);
  g_autoptr (TjMatter) loaded = NULL;
  g_autoptr (GError) error = NULL;

  add_extension (matter, "2026-03-25", "2026-04-30", NULL);
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-04-01"), ==, "超期未办结");

  /* approved: in force from then on */
  TjMatterExtension *first = g_ptr_array_index (matter->extensions, 0);
  first->approved = g_strdup ("2026-03-27");
  first->approved_by = g_strdup ("王副市长");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-04-01"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-04-30"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-05-01"), ==, "超期未办结");

  /* a second one, requested before 04-30 and approved later: its date is in force */
  add_extension (matter, "2026-04-28", "2026-05-20", "2026-04-29");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
  loaded = tj_matter_load (fixture->db, matter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->extensions->len, ==, 2);
  g_assert_cmpstr (loaded->deadline_in_force, ==, "2026-05-20");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-05-20"), ==, "办理中");
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-05-21"), ==, "超期未办结");

  g_set_object (&loaded, NULL);
  matter->finished = g_strdup ("2026-05-10");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_cmpstr (status_at (fixture->db, matter->id, "2026-06-01"), ==, "按期办结");
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (TjMatter) matter = new_matter (fixture);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&matter->content, g_free);
  matter->unit_id = 0;
  g_free (matter->deadline);
  matter->deadline = g_strdup ("2026-03-01");
  /* requested after the deadline in force (03-31): refused */
  add_extension (matter, "2026-04-02", "2026-04-30", "2026-04-03");
  problems = tj_matter_validate (matter, fixture->db);
  g_assert_cmpstr (tj_problems_find (problems, "content"), ==, "请填写事项内容。");
  g_assert_cmpstr (tj_problems_find (problems, "unit"), ==, "请选择责任单位。");
  g_assert_cmpstr (tj_problems_find (problems, "deadline"), ==, "办结期限不能早于交办日期。");
  g_assert_nonnull (tj_problems_find (problems, "extensions"));
  g_assert_nonnull (strstr (tj_problems_find (problems, "extensions"), "2026-04-02"));
  g_assert_false (tj_matter_save (fixture->db, matter, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);

  /* the same extension requested on the deadline is accepted */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_object_unref (matter);
  matter = new_matter (fixture);
  add_extension (matter, "2026-03-31", "2026-04-30", "2026-04-03");
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gboolean    gb18030)
{
  g_autofree char *bytes = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gsize length = strlen (contents);

  if (gb18030)
    bytes = g_convert (contents, -1, "GB18030", "UTF-8", NULL, &length, NULL);
  else
    bytes = g_strdup (contents);
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  return path;
}

#define HEADER "会议日期,会议类型,会议名称,事项内容,项目名称,牵头领导,责任单位,责任人,交办日期," \
               "办结期限,延期至,办结日期,办理结果\n"

static guint
count (TjDb       *db,
       const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* A bad row in the middle leaves nothing and is named; the file corrected imports, and again
 * updates (the count stays, a changed 办结日期 applies); a GB18030 file reads the same. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *bad = write_file (
    fixture, "bad.csv",
    HEADER "2026-04-10,专题协调会,供水专题协调会,落实供水管网迁改,,,住建局,王五,2026-04-10,2026-04-30,,,\n"
           "2026-04-10,专题协调会,供水专题协调会,办理用地手续,嵩山大道北延,,住建局,王五,2026-04-10,2026-04-30,,,\n"
           "2026-04-10,专题协调会,供水专题协调会,完成管线勘测,,,住建局,王五,2026-04-10,2026-04-30,,,\n"
           "2026-04-10,专题协调会,供水专题协调会,推进门诊楼建设,人民医院门诊楼,,住建局,王五,2026-04-10,2026-04-30,,,\n"
           "2026-04-10,专题协调会,供水专题协调会,完成道路改线,,,住建局,王五,2026-04-10,2026-04-01,,,\n",
    FALSE);
  g_autofree char *good = NULL, *again = NULL;
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matters = NULL;
  TjMatter *first;

  g_assert_false (tj_matter_import (fixture->db, bad, 2026, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 3);
  /* a slip is named with the nearest project of the list; a name far from all of them is not */
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 3 行，“项目名称”：2026 年名单中没有项目“嵩山大道北延”，是否为“" ROAD "”？");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 5 行，“项目名称”：2026 年名单中没有项目“人民医院门诊楼”。");
  /* a problem of the matter's validation stands at its field's column */
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 6 行，“办结期限”：办结期限不能早于交办日期。");
  g_assert_cmpuint (count (fixture->db, "SELECT count (*) FROM matters"), ==, 0);
  g_assert_cmpuint (count (fixture->db, "SELECT count (*) FROM meetings"), ==, 1);
  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);

  good = write_file (
    fixture, "good.csv",
    HEADER "2026-04-10,专题协调会,供水专题协调会,落实供水管网迁改,,,住建局,王五,2026-04-10,2026-04-30,,,\n"
           "2026-04-10,专题协调会,供水专题协调会,办理用地手续," ROAD ",,住建局,王五,2026-04-10,2026-04-30,2026-05-15,,\n"
           "2026-03-05,月例会,3月份重点项目推进月例会,完成管线勘测,,,住建局,王五,2026-03-05,2026-03-30,,,\n",
    FALSE);
  g_assert_true (tj_matter_import (fixture->db, good, 2026, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (count (fixture->db, "SELECT count (*) FROM meetings"), ==, 2);
  matters = tj_matter_list (fixture->db, 2026, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matters->len, ==, 3);
  /* by meeting date: the March meeting's matter first */
  first = g_ptr_array_index (matters, 0);
  g_assert_cmpstr (first->content, ==, "完成管线勘测");
  first = g_ptr_array_index (matters, 2);
  g_assert_cmpstr (first->project_name, ==, ROAD);
  g_assert_cmpstr (first->locality_name, ==, "嵩阳街道");
  g_assert_cmpstr (first->deadline_in_force, ==, "2026-05-15");
  g_assert_cmpstr (tj_matter_status_label (tj_matter_get_status (first, "2026-05-10")), ==,
                   "办理中");
  g_clear_pointer (&matters, g_ptr_array_unref);
  g_clear_pointer (&result, tj_import_result_free);

  /* again, in GB18030, with a finish date: updated, not added */
  again = write_file (
    fixture, "again.csv",
    HEADER "2026-04-10,专题协调会,供水专题协调会,落实供水管网迁改,,,住建局,王五,2026-04-10,2026-04-30,,2026-05-06,已迁改\n"
           "2026-04-10,专题协调会,供水专题协调会,办理用地手续," ROAD ",,住建局,王五,2026-04-10,2026-04-30,2026-05-15,,\n"
           "2026-03-05,月例会,3月份重点项目推进月例会,完成管线勘测,,,住建局,王五,2026-03-05,2026-03-30,,,\n",
    TRUE);
  g_assert_true (tj_matter_import (fixture->db, again, 2026, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 3);
  g_assert_cmpuint (count (fixture->db, "SELECT count (*) FROM matters"), ==, 3);
  g_assert_cmpuint (count (fixture->db, "SELECT count (*) FROM matter_extensions"), ==, 1);
  matters = tj_matter_list (fixture->db, 2026, 0, &error);
  first = g_ptr_array_index (matters, 1);
  g_assert_cmpstr (first->finished, ==, "2026-05-06");
  g_assert_cmpstr (tj_matter_status_label (tj_matter_get_status (first, "2026-06-01")), ==,
                   "逾期办结");
}

/* Deleting the project keeps the matter with its meeting, without a project; undo puts the
 * link back. */
static void
test_delete_project (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (TjMatter) matter = new_matter (fixture);
  g_autoptr (TjMatter) loaded = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  deletion = tj_project_delete_undoable (fixture->db, fixture->road, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  loaded = tj_matter_load (fixture->db, matter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->project_id, ==, 0);
  g_assert_null (loaded->project_name);
  g_assert_cmpint (loaded->meeting_id, ==, fixture->meeting);
  g_clear_object (&loaded);

  g_assert_true (tj_deletion_undo (fixture->db, deletion, &error));
  g_assert_no_error (error);
  loaded = tj_matter_load (fixture->db, matter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->project_id, ==, fixture->road);
  g_assert_cmpstr (loaded->project_name, ==, ROAD);
}

/* Deleting a meeting takes its two matters, their extensions and reports; undo puts everything
 * back with its ids; deleting one matter alone is undone the same way. */
static void
test_delete_meeting_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (TjMatter) first = new_matter (fixture);
  g_autoptr (TjMatter) second = new_matter (fixture);
  g_autoptr (TjMatter) loaded = NULL;
  g_autoptr (TjMeeting) meeting = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gint64 first_broken = 0, audit_rows = 0;
  TjMatterReport *report;

  add_extension (first, "2026-03-20", "2026-04-30", "2026-03-22");
  g_ptr_array_add (first->reports, tj_matter_report_new ("2026-03-18", "已完成入户调查"));
  g_ptr_array_add (first->reports, tj_matter_report_new ("2026-04-10", "拆迁户已签约 12 户"));
  g_free (second->content);
  second->content = g_strdup ("落实施工用电接入");
  g_ptr_array_add (second->reports, tj_matter_report_new ("2026-03-25", "供电公司已现场勘查"));
  g_assert_true (tj_matter_save (fixture->db, first, &error));
  g_assert_no_error (error);
  g_assert_true (tj_matter_save (fixture->db, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matter_reports"), ==, 3);

  deletion = tj_meeting_delete_undoable (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matters"), ==, 0);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matter_extensions"), ==, 0);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matter_reports"), ==, 0);
  g_assert_null (tj_meeting_delete_undoable (fixture->db, fixture->meeting, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tj_deletion_undo (fixture->db, deletion, &error));
  g_assert_no_error (error);
  meeting = tj_meeting_load (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  loaded = tj_matter_load (fixture->db, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->deadline_in_force, ==, "2026-04-30");
  g_assert_cmpuint (loaded->extensions->len, ==, 1);
  g_assert_cmpuint (loaded->reports->len, ==, 2);
  report = g_ptr_array_index (loaded->reports, 1);
  g_assert_cmpstr (report->text, ==, "拆迁户已签约 12 户");
  g_assert_cmpint (loaded->project_id, ==, fixture->road);
  g_clear_object (&loaded);
  loaded = tj_matter_load (fixture->db, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->content, ==, "落实施工用电接入");
  g_assert_cmpuint (loaded->reports->len, ==, 1);
  g_clear_object (&loaded);
  g_clear_pointer (&deletion, tj_deletion_free);

  /* One matter: its report goes and comes back; the other matter is untouched. */
  deletion = tj_matter_delete_undoable (fixture->db, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matters"), ==, 1);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matter_reports"), ==, 2);
  g_assert_true (tj_deletion_undo (fixture->db, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matters"), ==, 2);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matter_reports"), ==, 3);
  g_clear_pointer (&deletion, tj_deletion_free);

  /* The deletes and the undos are in the audit log, its chain and records intact. */
  problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (tj_audit_verify_chain (fixture->db, &first_broken, &audit_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_broken, ==, 0);
  g_assert_true (tj_audit_verify_records (fixture->db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM audit WHERE table_name = "
                                        "'matter_reports' AND action = 'delete'"), ==, 4);

  /* Undoing a matter's delete after its meeting went is refused as a whole. */
  deletion = tj_matter_delete_undoable (fixture->db, second->id, &error);
  g_assert_no_error (error);
  g_assert_true (tj_meeting_delete (fixture->db, fixture->meeting, &error));
  g_assert_false (tj_deletion_undo (fixture->db, deletion, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IN_USE);
  g_assert_cmpuint (count (fixture->db, "SELECT count(*) FROM matters"), ==, 0);
}

/* The 督办台账 read back from the workbook: the 状态 column as of the day asked, the 延期至
 * cell of an approved extension (an unapproved one leaves it empty), and the 最新进展 column:
 * the last report made on or before the day (none: empty). */
static void
test_ledger_workbook (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (TjMatter) extended = new_matter (fixture);
  g_autoptr (TjMatter) late = new_matter (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "督办台账.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;

  add_extension (extended, "2026-03-20", "2026-04-30", "2026-03-22");
  g_ptr_array_add (extended->reports, tj_matter_report_new ("2026-04-20", "拆迁户已签约 12 户"));
  g_ptr_array_add (extended->reports, tj_matter_report_new ("2026-03-18", "已完成入户调查"));
  g_ptr_array_add (extended->reports, tj_matter_report_new ("2026-05-10", "拆迁完毕"));
  g_free (late->content);
  late->content = g_strdup ("落实施工用电接入");
  add_extension (late, "2026-03-25", "2026-05-31", NULL);
  g_assert_true (tj_matter_save (fixture->db, extended, &error));
  g_assert_no_error (error);
  g_assert_true (tj_matter_save (fixture->db, late, &error));
  g_assert_no_error (error);

  /* As of 04-15: the extended one is in progress, the other past its 03-31. */
  g_assert_true (tj_matter_write_ledger (fixture->db, 2026, "2026-04-15", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "E4", "E5", "L4", "M4", "M5", "O3", "O4", "O5", "P4",
                             "P5", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O3"), ==, "状态");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "E4"), ==, "协调解决征地拆迁问题");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "M4"), ==, "2026-04-30");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O4"), ==, "办理中");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "E5"), ==, "落实施工用电接入");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "M5"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O5"), ==, "超期未办结");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P4"), ==, "2026-03-18：已完成入户调查");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P5"), ==, "");
  g_clear_pointer (&facts, g_variant_unref);

  /* As of 05-01 the extension has run out too. */
  g_assert_true (tj_matter_write_ledger (fixture->db, 2026, "2026-05-01", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "O4", "O5", "P4", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O4"), ==, "超期未办结");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "O5"), ==, "超期未办结");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P4"), ==, "2026-04-20：拆迁户已签约 12 户");
}

/* The 最新进展 of a matter with two reports of the same day is the one entered last (the
 * larger id), whichever order its text sorts in; a report after the day is not read. */
static void
test_ledger_latest_report_same_day (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (TjMatter) matter = new_matter (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "督办台账.xlsx", NULL);
  g_autoptr (GVariant) facts = NULL;

  g_ptr_array_add (matter->reports, tj_matter_report_new ("2026-04-20", "下午：已签约 12 户"));
  g_ptr_array_add (matter->reports, tj_matter_report_new ("2026-04-20", "上午：已签约 10 户"));
  g_ptr_array_add (matter->reports, tj_matter_report_new ("2026-03-18", "已完成入户调查"));
  g_ptr_array_add (matter->reports, tj_matter_report_new ("2026-04-21", "拆迁完毕"));
  g_assert_true (tj_matter_save (fixture->db, matter, &error));
  g_assert_no_error (error);

  g_assert_true (tj_matter_write_ledger (fixture->db, 2026, "2026-04-20", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "P4", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P4"), ==, "2026-04-20：上午：已签约 10 户");
  g_clear_pointer (&facts, g_variant_unref);

  g_assert_true (tj_matter_write_ledger (fixture->db, 2026, "2026-03-17", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "P4", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "P4"), ==, "");
}

int
main (int    argc,
      char **argv)
{
  tj_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tj/matters/status/deadline", test_status_around_deadline);
  ADD ("/tj/matters/status/extensions", test_status_with_extensions);
  ADD ("/tj/matters/validation", test_validation);
  ADD ("/tj/matters/import", test_import);
  ADD ("/tj/matters/delete-project", test_delete_project);
  ADD ("/tj/matters/delete-meeting-undo", test_delete_meeting_undo);
  ADD ("/tj/matters/ledger-workbook", test_ledger_workbook);
  ADD ("/tj/matters/ledger-latest-report-same-day", test_ledger_latest_report_same_day);
#undef ADD
  return g_test_run ();
}
