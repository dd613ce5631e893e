/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tj-test.h"

#include <string.h>

#include "tj-error.h"
#include "tj-ledger.h"
#include "tj-person.h"
#include "tj-project.h"
#include "tj-register-report.h"
#include "tj-unit.h"

/* The header of the small ledgers the tests write themselves. */
#define HEADER_COLUMNS \
  "序号,项目名称,级别,建设性质,属地,责任单位,分包市领导,首席服务官,总投资（万元）"
#define HEADER HEADER_COLUMNS "\r\n"

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("TJ_SAMPLES"), name, NULL);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return TRUE;
  return FALSE;
}

static TjProject *
find_project (TjDb       *db,
              int         year,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = tj_project_find (db, year, name);
  TjProject *project;

  g_assert_cmpint (id, !=, 0);
  project = tj_project_load (db, id, &error);
  g_assert_no_error (error);
  return project;
}

static void
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
}

static void
import_sample (TjDb *db)
{
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);
}

static void
test_import_office_sample (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) first = NULL;
  g_autoptr (TjProject) second = NULL;
  g_autoptr (TjProject) third = NULL;
  g_autoptr (TjProject) quoted = NULL;
  g_autoptr (TjProject) last = NULL;

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->missing->len, ==, 0);
  g_assert_true (has_string (result->warnings, "未知的列“备注2”将被忽略。"));
  g_assert_true (has_string (result->warnings, "新建人员“陈志明”（分包市领导）"));
  g_assert_true (has_string (result->warnings, "新建人员“吴晓峰”（首席服务官）"));

  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects WHERE year = 2026"), ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT sum(total_investment) FROM projects"), ==,
                   221278743428);
  g_assert_cmpint (tj_test_scalar (db, "SELECT sum(annual_plan) FROM projects"), ==, 77668189120);
  /* Six city leaders and ten service officers were created; every unit was known. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE is_leader"), ==, 6);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE is_officer"), ==, 10);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units"), ==, 34);
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT count(*) FROM projects WHERE stats_date IS NOT NULL"), ==, 55);

  /* "435,584.9999" 万元, "郑州市", "2025/10", "2028年1月". */
  first = find_project (db, 2026, "天地之中装配式建筑基地");
  g_assert_cmpint (first->total_investment, ==, 4355849999);
  g_assert_cmpint (first->annual_plan, ==, 837884854);
  g_assert_cmpint (first->level, ==, TJ_LEVEL_PREFECTURAL);
  g_assert_cmpint (first->nature, ==, TJ_NATURE_NEW);
  g_assert_cmpstr (first->planned_start, ==, "2025-10");
  g_assert_cmpstr (first->planned_completion, ==, "2028-01");
  g_assert_null (first->actual_start);
  g_assert_cmpstr (first->locality_name, ==, "嵩阳街道");
  g_assert_cmpstr (first->unit_name, ==, "发改委");
  g_assert_cmpstr (first->leader_name, ==, "陈志明");
  g_assert_cmpstr (first->officer_name, ==, "吴晓峰");
  g_assert_cmpstr (first->content, ==, "建设规模：占地58亩\n建设内容：主体工程及配套设施");
  g_assert_cmpstr (first->industry, ==, "城建及基础设施");
  g_assert_cmpstr (first->owner, ==, "登封市少林建设有限公司");

  /* "2024年9月", "2024.9.15", "2026/1/10", "15,478.7208". */
  second = find_project (db, 2026, "少林污水处理厂提标改造");
  g_assert_cmpint (second->level, ==, TJ_LEVEL_CITY);
  g_assert_cmpint (second->nature, ==, TJ_NATURE_CONTINUING);
  g_assert_cmpstr (second->planned_start, ==, "2024-09");
  g_assert_cmpstr (second->actual_start, ==, "2024-09-15");
  g_assert_cmpstr (second->stats_date, ==, "2026-01-10");
  g_assert_cmpint (second->annual_plan, ==, 154787208);
  g_assert_cmpstr (second->phone, ==, "0371-62871234");

  /* "2026年3月25日", "2026.3.28", "2028/4". */
  third = find_project (db, 2026, "石淙通用航空产业园");
  g_assert_cmpstr (third->actual_start, ==, "2026-03-25");
  g_assert_cmpstr (third->stats_date, ==, "2026-03-28");
  g_assert_cmpstr (third->planned_completion, ==, "2028-04");
  g_assert_cmpint (third->total_investment, ==, 2921750500);

  quoted = find_project (db, 2026, "嵩山\"天地之中\"文化园，二期, 北区");
  g_assert_cmpint (quoted->level, ==, TJ_LEVEL_CITY);

  /* "2026.1.13", "2026年1月10日", no leader for a city-level project. */
  last = find_project (db, 2026, "书院文化旅游综合开发项目");
  g_assert_cmpstr (last->actual_completion, ==, "2026-01-13");
  g_assert_cmpstr (last->stats_date, ==, "2026-01-10");
  g_assert_cmpint (last->leader_id, ==, 0);
  g_assert_cmpstr (last->locality_name, ==, "阳城工业区");
  tj_test_rmdir (dir);
}

static void
test_import_errors_sample (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-with-errors-utf8.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *leaders[] = { "陈志明", "王国强", "杨海涛", "李振华" };
  const char *officers[] = { "吴晓峰", "郑宏伟", "蒋志刚", "周明辉", "孙立新", "卫国庆" };

  for (guint i = 0; i < G_N_ELEMENTS (leaders); i++)
    add_person (db, leaders[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (officers); i++)
    add_person (db, officers[i], FALSE);

  g_assert_false (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "5 行有错误，未导入任何项目。");
  g_assert_cmpuint (result->errors->len, ==, 5);
  /* Every project's 建设规模及内容 holds a line break: rows are named as WPS and Excel show
   * them (issue 7, point 6), the text line after. */
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 8 行（文本第 14 行），“总投资（万元）”：“abc”不是有效金额");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 9 行（文本第 16 行），“属地”：“嵩阳街到”不在属地名单中，是否为“嵩阳街道”？");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 10 行（文本第 18 行），“年度计划投资(万元)”：年度计划投资不能超过总投资。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 11 行（文本第 20 行），“首席服务官”：请选择首席服务官。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 12 行（文本第 22 行），“分包市领导”：省重点和地市级重点项目必须有分包市领导"
                   "。");
  g_assert_cmpuint (result->missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->missing, 0), ==, "嵩阳街到");
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE table_name = 'projects'"),
                   ==, 0);
  tj_test_rmdir (dir);
}

static void
test_errors_roll_back_created_names (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-with-errors-utf8.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* Creating names creates people, never a unit: 嵩阳街到 stays an error, and nothing is kept. */
  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 0),
                                   "第 8 行（文本第 14 行），"));
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 9 行（文本第 16 行），“属地”：“嵩阳街到”不在属地名单中，是否为“嵩阳街道”？");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 2),
                                   "第 10 行（文本第 18 行），"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 3),
                                   "第 11 行（文本第 20 行），"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 4),
                                   "第 12 行（文本第 22 行），"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units"), ==, 34);
  tj_test_rmdir (dir);
}

static void
test_unknown_names_listed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "84 行有错误，未导入任何项目。");
  /* The six leaders and ten officers, each once, in the order the file names them. */
  g_assert_cmpuint (result->missing->len, ==, 16);
  g_assert_cmpstr (g_ptr_array_index (result->missing, 0), ==, "陈志明");
  g_assert_cmpstr (g_ptr_array_index (result->missing, 1), ==, "吴晓峰");
  g_assert_true (has_string (result->missing, "冯晓东"));
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 2 行，“分包市领导”：人员名单中没有“陈志明”。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 2 行，“首席服务官”：人员名单中没有“吴晓峰”。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, 0);
  tj_test_rmdir (dir);
}

/* A name the file gives twice is refused with the line that first gave it, whether that line's
 * project was written (a new one or one already on the list) or not (a file already in error),
 * and among thousands of names (the import keeps the written ones by hash, not by name). */
static void
test_names_twice_named_by_first_line (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;

  add_person (db, "郑宏伟", FALSE);
  g_string_append (text, "1,老项目,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n");
  path = write_file (dir, "before.csv", text->str);
  g_assert_true (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&result, tj_import_result_free);

  g_string_assign (text, HEADER);
  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (text, "%u,项目%u,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n", i, i);
  g_string_append (text, "3001,老项目,登封市重点,续建,颍阳镇,,,郑宏伟,200\r\n"
                         "3002,项目2999,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n"
                         "3003,老项目,登封市重点,续建,颍阳镇,,,郑宏伟,300\r\n"
                         "3004,坏项目,登封市重点,在建,颍阳镇,,,郑宏伟,100\r\n"
                         "3005,新项目,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n"
                         "3006,新项目,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n"
                         "3007,坏项目,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n"
                         "3008,项目7,登封市重点,续建,颍阳镇,,,郑宏伟,100\r\n");
  g_free (path);
  path = write_file (dir, "ledger.csv", text->str);
  g_assert_false (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 3003 行，“项目名称”：“项目2999”与第 3000 行重名。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 3004 行，“项目名称”：“老项目”与第 3002 行重名。");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 2), "第 3005 行，“建设性质”"));
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 3007 行，“项目名称”：“新项目”与第 3006 行重名。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 3008 行，“项目名称”：“坏项目”与第 3005 行重名。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 5), ==,
                   "第 3009 行，“项目名称”：“项目7”与第 8 行重名。");
  /* all or nothing: the list is as it was */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT total_investment FROM projects"), ==, 1000000);
  tj_test_rmdir (dir);
}

static void
test_reimport_updates (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) before = NULL;
  g_autoptr (TjProject) after = NULL;

  import_sample (db);
  before = find_project (db, 2026, "天地之中装配式建筑基地");
  /* Changed since the ledger was imported: the ledger's figure comes back. */
  before->total_investment = 1;
  before->annual_plan = 1;
  g_assert_true (tj_project_save (db, before, &error));

  g_assert_true (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(DISTINCT name) FROM projects"), ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, 16);
  after = find_project (db, 2026, "天地之中装配式建筑基地");
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpint (after->total_investment, ==, 4355849999);

  /* Another year is another list: the same file adds 84 projects there. */
  g_clear_pointer (&result, tj_import_result_free);
  g_assert_true (tj_ledger_import (db, path, 2027, FALSE, FALSE, &result, &error));
  g_assert_cmpuint (result->added, ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 168);
  tj_test_rmdir (dir);
}

static void
test_dry_run_writes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = sample ("ledger-2026-gb18030.csv");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  /* a new database's log starts with its default units and holidays */
  gint64 logged = tj_test_scalar (db, "SELECT count(*) FROM audit");

  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit"), ==, logged);

  /* After a real import, a dry run reports updates. */
  import_sample (db);
  g_clear_pointer (&result, tj_import_result_free);
  g_assert_true (tj_ledger_import (db, path, 2026, FALSE, TRUE, &result, &error));
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpuint (result->updated, ==, 84);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM audit WHERE action = 'update'"), ==,
                   0);
  tj_test_rmdir (dir);
}

static void
test_headers_as_offices_write_them (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = NULL;
  g_autofree char *path = NULL;

  g_assert_true (tj_db_set_setting (db, "level-city-short", "市级", NULL));
  add_person (db, "郑宏伟", FALSE);
  /* A title above the header; spaces, full-width spaces and brackets of either width in the
   * header; a short row (its missing cells are empty); a blank template row. */
  path = write_file (dir, "ledger.csv",
                     "2026年重点项目台账,,,\r\n"
                     " 项目名称 ,级　别,建设 性质,属地,首席服务官,总投资 (万元),"
                     "年度计划投资（万元）,项目编号,备注,计划开工\r\n"
                     "颍阳光伏电站,市级,续建,颍阳镇,郑宏伟,\"1,000\",200.5,DF-2026-01,"
                     "\"备注\"\"一\"\"\"\r\n"
                     "告成物流园,登封市重点,前期,告成镇,郑宏伟,500\r\n"
                     ",,,,,,,,,\r\n");
  g_assert_true (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpuint (result->warnings->len, ==, 0);
  project = find_project (db, 2026, "颍阳光伏电站");
  g_assert_cmpint (project->level, ==, TJ_LEVEL_CITY);
  g_assert_cmpint (project->nature, ==, TJ_NATURE_CONTINUING);
  g_assert_cmpint (project->total_investment, ==, 10000000);
  g_assert_cmpint (project->annual_plan, ==, 2005000);
  g_assert_cmpstr (project->code, ==, "DF-2026-01");
  g_assert_cmpstr (project->notes, ==, "备注\"一\"");
  g_clear_object (&project);
  project = find_project (db, 2026, "告成物流园");
  g_assert_cmpint (project->nature, ==, TJ_NATURE_PREPARATORY);
  g_assert_cmpint (project->annual_plan, ==, 0);
  g_assert_null (project->code);
  g_assert_null (project->planned_start);
  tj_test_rmdir (dir);
}

/* A UTF-8 ledger is parsed as it is read, 64 KiB at a time: characters cut by a block's end, a
 * byte order mark, and a cell with a line break across blocks all come through whole. */
static void
test_utf8_read_in_blocks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new ("\xEF\xBB\xBF项目名称,级别,建设性质,属地,首席服务官,"
                                           "总投资（万元）,建设规模及内容\r\n");
  g_autofree char *path = NULL;
  const guint n = 2000;

  add_person (db, "郑宏伟", FALSE);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "登封市嵩山少林景区基础设施提升改造工程第%u号,登封市重点,续建,"
                            "颍阳镇,郑宏伟,%u,\"建设规模：占地%u亩\r\n建设内容：游客中心及配套\"\r\n",
                            i, 100 + i, i);
  g_assert_cmpuint (text->len, >, 3 * 65536);
  path = write_file (dir, "台账.csv", text->str);
  g_assert_true (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, n);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects WHERE name GLOB "
                                   "'登封市嵩山少林景区基础设施提升改造工程第*号' AND content GLOB "
                                   "'建设规模：占地*亩\n建设内容：游客中心及配套'"), ==, n);
  g_assert_cmpint (tj_test_scalar (db, "SELECT sum(total_investment) FROM projects"), ==,
                   (gint64) (100 * n + n * (n + 1) / 2) * 10000);
  tj_test_rmdir (dir);
}

static void
test_bad_values_named (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  add_person (db, "郑宏伟", FALSE);
  add_person (db, "王国强", TRUE);
  path = write_file (dir, "ledger.csv",
                     HEADER_COLUMNS ",计划开工,实际开工\r\n"
                     "1,甲项目,市重点,续建,颍阳镇,,,郑宏伟,100,2026年13月,2026-02-30\r\n"
                     "2,乙项目,省,在建,发改委,,王国强,郑宏伟,100.12345\r\n"
                     "3,甲项目,登封市,续建,颍阳镇,,,郑宏伟,100\r\n");
  g_assert_false (tj_ledger_import (db, path, 2026, FALSE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "3 行有错误，未导入任何项目。");
  g_assert_cmpuint (result->errors->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 2 行，“级别”：“市重点”不是级别，请填写省重点、郑州市重点或登封市重点。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 2 行，“计划开工”：“2026年13月”不是有效月份（请写作 2026-03）");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 2 行，“实际开工”：“2026-02-30”不是有效日期（请写作 2026-03-15）");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==,
                   "第 3 行，“建设性质”：“在建”不是建设性质，请填写新开工、续建、竣工或前期。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 4), ==,
                   "第 3 行，“属地”：“发改委”是市直部门，不是乡镇、街道或区。");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->errors, 5),
                                   "第 3 行，“总投资（万元）”：“100.12345”的小数超过 4 位"));
  g_assert_cmpstr (g_ptr_array_index (result->errors, 6), ==,
                   "第 4 行，“项目名称”：“甲项目”与第 2 行重名。");
  g_assert_cmpuint (result->missing->len, ==, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);
  tj_test_rmdir (dir);
}

static void
test_not_a_ledger (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *progress = sample ("progress-2026-01.csv");
  g_autofree char *empty = write_file (dir, "empty.csv", "");
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* A monthly progress file has project names but none of the ledger's other columns. */
  g_assert_false (tj_ledger_import (db, progress, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==, "文件中没有“级别”列。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, 0);

  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);
  g_assert_false (tj_ledger_import (db, empty, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (result);

  g_clear_pointer (&result, tj_import_result_free);
  g_clear_error (&error);
  g_assert_false (tj_ledger_import (db, "/nonexistent/ledger.csv", 2026, TRUE, FALSE, &result,
                                    &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->errors->len, ==, 0);
  tj_test_rmdir (dir);
}

/* Only people are created by an import: units are the office's list (tj_unit_unknown_message). */
static void
test_create_missing_people_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 units = tj_test_scalar (db, "SELECT count(*) FROM units");

  path = write_file (dir, "ledger.csv",
                     HEADER
                     "1,一号,省重点,新开工,告成镇,招商局,李明,李明,10\n"
                     "2,二号,登封市,新开工,石门镇,,,赵强,10\n");
  g_assert_false (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (result->errors->len, ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units"), ==, units);
  g_clear_pointer (&result, tj_import_result_free);
  g_free (path);

  path = write_file (dir, "ledger.csv",
                     HEADER
                     "1,一号,省重点,新开工,告成镇,住建局,李明,李明,10\n"
                     "2,二号,登封市,新开工,石道乡,,,赵强,10\n");
  g_assert_true (tj_ledger_import (db, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM units"), ==, units);
  /* One person both leads and serves: one record with both roles. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE name = '李明'"), ==, 1);
  g_assert_cmpint (
      tj_test_scalar (db, "SELECT is_leader AND is_officer FROM people WHERE name = '李明'"), ==,
      1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT is_officer AND NOT is_leader FROM people "
                                       "WHERE name = '赵强'"),
                   ==, 1);
  tj_test_rmdir (dir);
}

static void
assert_same_project (TjProject *a,
                     TjProject *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpint (a->level, ==, b->level);
  g_assert_cmpint (a->nature, ==, b->nature);
  g_assert_cmpstr (a->industry, ==, b->industry);
  g_assert_cmpstr (a->content, ==, b->content);
  g_assert_cmpstr (a->locality_name, ==, b->locality_name);
  g_assert_cmpstr (a->unit_name, ==, b->unit_name);
  g_assert_cmpstr (a->leader_name, ==, b->leader_name);
  g_assert_cmpstr (a->officer_name, ==, b->officer_name);
  g_assert_cmpstr (a->owner, ==, b->owner);
  g_assert_cmpstr (a->contact, ==, b->contact);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpint (a->total_investment, ==, b->total_investment);
  g_assert_cmpint (a->annual_plan, ==, b->annual_plan);
  g_assert_cmpstr (a->planned_start, ==, b->planned_start);
  g_assert_cmpstr (a->planned_completion, ==, b->planned_completion);
  g_assert_cmpstr (a->actual_start, ==, b->actual_start);
  g_assert_cmpstr (a->actual_completion, ==, b->actual_completion);
  g_assert_cmpstr (a->stats_date, ==, b->stats_date);
  g_assert_cmpstr (a->notes, ==, b->notes);
}

static void
test_export_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *other_dir = NULL;
  g_autoptr (TjDb) other = tj_test_db_new (&other_dir);
  g_autofree char *path = g_build_filename (dir, "2026年台账.csv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.csv", NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) first = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length = 0, length_again = 0;
  const char *header =
    "\xEF\xBB\xBF\"序号\",\"项目名称\",\"级别\",\"建设性质\",\"行业类别\",\"建设规模及内容\","
    "\"属地\",\"责任单位\",\"分包市领导\",\"首席服务官\",\"业主单位\",\"联系人\",\"联系电话\","
    "\"总投资（万元）\",\"年度计划投资（万元）\",\"计划开工\",\"计划竣工\",\"实际开工\","
    "\"实际竣工\",\"入库日期\",\"项目编号\",\"备注\"";

  import_sample (db);
  first = find_project (db, 2026, "天地之中装配式建筑基地");
  first->code = g_strdup ("DF-2026-001");
  first->notes = g_strdup ("备注，含逗号\n和换行");
  g_assert_true (tj_project_save (db, first, &error));

  g_assert_true (tj_register_write (db, 2026, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &exported, &length, NULL));
  lines = g_strsplit (exported, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, header);
  g_assert_true (g_str_has_prefix (lines[1], "\"1\",\"天地之中装配式建筑基地\",\"郑州市重点\","
                                             "\"新开工\",\"城建及基础设施\","));
  g_assert_nonnull (strstr (lines[1], ",\"435584.9999\",\"83788.4854\",\"2025-10\",\"2028-01\","));

  g_assert_true (tj_ledger_import (other, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);

  before = tj_project_list (db, 2026, &error);
  after = tj_project_list (other, 2026, &error);
  g_assert_cmpuint (before->len, ==, 84);
  g_assert_cmpuint (after->len, ==, 84);
  for (guint i = 0; i < before->len; i++)
    assert_same_project (g_ptr_array_index (before, i), g_ptr_array_index (after, i));

  /* Exported again from the second database, the file is the same to the byte. */
  g_assert_true (tj_register_write (other, 2026, again, &error));
  g_assert_true (g_file_get_contents (again, &exported_again, &length_again, NULL));
  g_assert_cmpmem (exported, length, exported_again, length_again);
  tj_test_rmdir (other_dir);
  tj_test_rmdir (dir);
}

/* Texts a spreadsheet would read as formulas are written after an apostrophe, so that Excel
 * and WPS show them as text; the import takes it off: the names come back as they were. */
static void
test_export_formula_names (void)
{
  const char *const names[] = { "=1+1", "@SUM(A1)", "-5", "+86 371 6287 1000" };
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *other_dir = NULL;
  g_autoptr (TjDb) other = tj_test_db_new (&other_dir);
  g_autofree char *path = g_build_filename (dir, "台账.csv", NULL);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) projects = NULL;
  g_autofree char *exported = NULL;

  import_sample (db);
  projects = tj_project_list (db, 2026, &error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      TjProject *project = g_ptr_array_index (projects, i);

      g_free (project->name);
      project->name = g_strdup (names[i]);
      g_assert_true (tj_project_save (db, project, &error));
      g_assert_no_error (error);
    }
  g_assert_true (tj_register_write (db, 2026, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\r\n\"1\",\"'=1+1\",\""));
  g_assert_nonnull (strstr (exported, "\r\n\"2\",\"'@SUM(A1)\",\""));
  g_assert_nonnull (strstr (exported, "\r\n\"3\",\"'-5\",\""));
  g_assert_nonnull (strstr (exported, "\r\n\"4\",\"'+86 371 6287 1000\",\""));
  g_assert_null (strstr (exported, ",\"=1+1\""));
  g_assert_null (strstr (exported, ",\"-5\""));

  g_assert_true (tj_ledger_import (other, path, 2026, TRUE, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 84);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TjProject) a = find_project (db, 2026, names[i]);
      g_autoptr (TjProject) b = find_project (other, 2026, names[i]);

      assert_same_project (a, b);
    }
  tj_test_rmdir (other_dir);
  tj_test_rmdir (dir);
}

/* Every text within its length and every amount within the bound (1 万亿元 without the setting
 * max_amount), on save and on import alike; the messages name the field and the limit. */
static void
test_limits_on_save_and_import (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjProject) project = NULL;
  g_autoptr (GString) content = g_string_new (NULL);
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 2001; i++)
    g_string_append (content, "建");
  for (guint i = 0; i < 201; i++)
    g_string_append (name, "项");

  import_sample (db);
  project = find_project (db, 2026, "天地之中装配式建筑基地");
  g_free (project->content);
  project->content = g_strdup (content->str);
  g_assert_false (tj_project_save (db, project, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "建设规模及内容不能超过 2000 个字（现有 2001 个字）。");
  g_clear_error (&error);
  g_string_truncate (content, content->len - strlen ("建"));
  g_free (project->content);
  project->content = g_strdup (content->str);
  g_free (project->notes);
  project->notes = g_strdup (content->str);
  g_assert_true (tj_project_save (db, project, &error));
  g_assert_no_error (error);

  project->total_investment = G_GINT64_CONSTANT (1000000000001);
  g_assert_false (tj_project_save (db, project, &error));
  g_assert_cmpstr (error->message, ==, "总投资超过上限 1 万亿元。");
  g_clear_error (&error);
  /* 9.2e14 万元, near the most a gint64 holds in yuan. */
  project->total_investment = G_GINT64_CONSTANT (9200000000000000000);
  project->annual_plan = G_GINT64_CONSTANT (9200000000000000000);
  g_assert_false (tj_project_save (db, project, &error));
  g_assert_cmpstr (error->message, ==, "总投资超过上限 1 万亿元。；年度计划投资超过上限 1 万亿元。");
  g_clear_error (&error);
  /* The organisation's own bound, in 万元. */
  g_assert_true (tj_db_set_setting (db, "max_amount", "300000000", &error));
  project->total_investment = G_GINT64_CONSTANT (3000000000000);
  project->annual_plan = G_GINT64_CONSTANT (1500000000000);
  g_assert_true (tj_project_save (db, project, &error));
  g_assert_no_error (error);
  g_assert_true (tj_db_set_setting (db, "max_amount", "100000000", &error));

  add_person (db, "郑宏伟", FALSE);
  text = g_strdup_printf (HEADER_COLUMNS ",建设规模及内容\r\n"
                          "1,%s,登封市,续建,颍阳镇,,,郑宏伟,100\r\n"
                          "2,乙项目,登封市,续建,颍阳镇,,,郑宏伟,100000000.0001\r\n"
                          "3,丙项目,登封市,续建,颍阳镇,,,郑宏伟,100,%s建\r\n",
                          name->str, content->str);
  path = write_file (dir, "ledger.csv", text);
  g_assert_false (tj_ledger_import (db, path, 2027, FALSE, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpuint (result->errors->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==,
                   "第 2 行，“项目名称”：项目名称不能超过 200 个字（现有 201 个字）。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==,
                   "第 3 行，“总投资（万元）”：总投资超过上限 1 万亿元。");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "第 4 行，“建设规模及内容”：建设规模及内容不能超过 2000 个字（现有 2001 个字）。");
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects WHERE year = 2027"), ==, 0);
  tj_test_rmdir (dir);
}

static void
test_export_failure_leaves_target (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "ledger.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_register_write (db, 2026, path, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/ledger/import/office-sample-gb18030", test_import_office_sample);
  g_test_add_func ("/tj/ledger/import/utf8-read-in-blocks", test_utf8_read_in_blocks);
  g_test_add_func ("/tj/ledger/import/errors-sample-writes-nothing", test_import_errors_sample);
  g_test_add_func ("/tj/ledger/import/errors-roll-back-created-names",
                   test_errors_roll_back_created_names);
  g_test_add_func ("/tj/ledger/import/unknown-names-are-listed", test_unknown_names_listed);
  g_test_add_func ("/tj/ledger/import/again-updates-instead-of-duplicating",
                   test_reimport_updates);
  g_test_add_func ("/tj/ledger/import/dry-run-writes-nothing", test_dry_run_writes_nothing);
  g_test_add_func ("/tj/ledger/import/names-twice-named-by-first-line",
                   test_names_twice_named_by_first_line);
  g_test_add_func ("/tj/ledger/import/headers-as-offices-write-them",
                   test_headers_as_offices_write_them);
  g_test_add_func ("/tj/ledger/import/bad-values-named-by-line-and-column", test_bad_values_named);
  g_test_add_func ("/tj/ledger/import/not-a-ledger-is-refused", test_not_a_ledger);
  g_test_add_func ("/tj/ledger/import/creates-people-not-units", test_create_missing_people_only);
  g_test_add_func ("/tj/ledger/export/imports-again-unchanged", test_export_round_trip);
  g_test_add_func ("/tj/ledger/export/failure-leaves-no-file", test_export_failure_leaves_target);
  g_test_add_func ("/tj/ledger/export/formula-like-texts-escaped-and-read-back",
                   test_export_formula_names);
  g_test_add_func ("/tj/ledger/limits/texts-and-amounts-on-save-and-import",
                   test_limits_on_save_and_import);
  return g_test_run ();
}
