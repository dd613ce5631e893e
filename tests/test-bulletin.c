/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly bulletin (月通报): every rule of issue 3 on a fixture worked out by hand, the overview
 * text under zh_CN, the report book, and the workbook and CSV read back. */
#include "tj-test.h"

#include <string.h>
#include <sys/wait.h>

#include "tj-bulletin.h"
#include "tj-bulletin-private.h"
#include "tj-error.h"
#include "tj-page-layout.h"
#include "tj-person.h"
#include "tj-project.h"
#include "tj-unit.h"

/* The fixture: eleven projects of 2026 (and one of 2025 that must not count), reports in yuan.
 *
 *  #   project                         level  nature  locality   A (万元)
 *      reports (万元, month: amount); dates
 *  P1  嵩山大道北延工程                 省     续建    嵩阳街道   12 000
 *      1–10: 1 000 each; 11: 2 000; 12: 600
 *  P2  市人民医院门急诊综合楼项目       郑州市 竣工    少林街道    5 000
 *      1–6: 500 each; 7–9: 400 each; 10: −200.0050 (a correction)
 *  P3  告成镇污水处理厂及配套管网工程   登封市 新开工  告成镇          0
 *      none; planned start 2026-07, not started
 *  P4  大冶镇光伏电站项目               登封市 新开工  大冶镇      5 000
 *      9: 1 000; 10: 2 000; planned start 2026-09, started 2026-10-31
 *  P5  颍阳镇文旅小镇项目               登封市 新开工  颍阳镇      2 000
 *      5: 800; 8: 1 000; planned start 2026-09, not started
 *  P6  卢店镇安置房项目                 登封市 新开工  卢店镇      4 000
 *      none; planned start 2025-11 (the year before), not started
 *  P7  嵩阳街道智慧停车场项目           登封市 新开工  嵩阳街道    2 000
 *      8: 300; 10: 200; planned start 2026-12, started 2026-08-15
 *  P8  告成镇产业园标准化厂房项目       登封市 续建    告成镇     10 000
 *      1: 1 000; 10: 5 000; 12: 4 000
 *  P9  中岳街道老旧小区改造项目         登封市 续建    中岳街道        0
 *      3: 350.0050; no industry
 *  P10 宣化镇供水管网工程               郑州市 续建    宣化镇      3 000
 *      2: 1 000; 6: 1 200
 *  P11 徐庄镇道路改造工程               登封市 续建    徐庄镇      3 000
 *      4: 1 600
 */
#define P1 "嵩山大道北延工程"
#define P2 "市人民医院门急诊综合楼项目"
#define P3 "告成镇污水处理厂及配套管网工程"
#define P4 "大冶镇光伏电站项目"
#define P5 "颍阳镇文旅小镇项目"
#define P6 "卢店镇安置房项目"
#define P7 "嵩阳街道智慧停车场项目"
#define P8 "告成镇产业园标准化厂房项目"
#define P9 "中岳街道老旧小区改造项目"
#define P10 "宣化镇供水管网工程"
#define P11 "徐庄镇道路改造工程"

/* Σ total investment: 500 000 000 + 200 000 000 + 80 000 000 + 60 000 000 + 150 000 000
 * + 120 000 000 + 30 000 000 + 250 000 000 + 12 345 650 + 45 000 000 + 90 000 000. */
#define SUM_TOTAL G_GINT64_CONSTANT (1537345650)
/* Σ A: 120 + 50 + 0 + 50 + 20 + 40 + 20 + 100 + 0 + 30 + 30 = 460 (million yuan). */
#define SUM_PLAN G_GINT64_CONSTANT (460000000)
/* Σ C, months 1..10: P1 100 000 000 + P2 39 999 950 (42 000 000 − 2 000 050) + P4 30 000 000
 * + P5 18 000 000 + P7 5 000 000 + P8 60 000 000 + P9 3 500 050 + P10 22 000 000
 * + P11 16 000 000 = 294 500 000; 2.945 亿元, shown 2.95 (half away from zero). */
#define SUM_OCT G_GINT64_CONSTANT (294500000)
/* Completed in October: P1 10 000 000 + P2 −2 000 050 + P4 20 000 000 + P7 2 000 000
 * + P8 50 000 000. */
#define SUM_OCT_MONTH G_GINT64_CONSTANT (79999950)

typedef struct
{
  const char *name;
  TjLevel level;
  TjNature nature;
  const char *industry;
  const char *locality;
  const char *unit;
  const char *leader;
  gint64 total;
  gint64 plan;
  const char *planned_start;
  const char *planned_completion;
  const char *actual_start;
  const char *actual_completion;
  const char *stats_date;
  struct
  {
    int month;
    gint64 completed;
  } reports[12];
} FixtureProject;

static const FixtureProject fixture_projects[] = {
  { P1, TJ_LEVEL_PROVINCIAL, TJ_NATURE_CONTINUING, "交通", "嵩阳街道", "交运局", "王国强",
    500000000, 120000000, "2025-03", "2027-06", "2025-04-10", NULL, "2025-05-20",
    { { 1, 10000000 }, { 2, 10000000 }, { 3, 10000000 }, { 4, 10000000 }, { 5, 10000000 },
      { 6, 10000000 }, { 7, 10000000 }, { 8, 10000000 }, { 9, 10000000 }, { 10, 10000000 },
      { 11, 20000000 }, { 12, 6000000 } } },
  { P2, TJ_LEVEL_PREFECTURAL, TJ_NATURE_COMPLETING, "社会事业", "少林街道", "住建局", "李建华",
    200000000, 50000000, "2024-05", "2026-09", "2024-05-08", "2026-10-20", NULL,
    { { 1, 5000000 }, { 2, 5000000 }, { 3, 5000000 }, { 4, 5000000 }, { 5, 5000000 },
      { 6, 5000000 }, { 7, 4000000 }, { 8, 4000000 }, { 9, 4000000 }, { 10, -2000050 } } },
  { P3, TJ_LEVEL_CITY, TJ_NATURE_NEW, "城建及基础设施", "告成镇", "住建局", NULL, 80000000, 0,
    "2026-07", "2027-12", NULL, NULL, NULL, { { 0 } } },
  { P4, TJ_LEVEL_CITY, TJ_NATURE_NEW, "工业", "大冶镇", "发改委", NULL, 60000000, 50000000,
    "2026-09", "2027-06", "2026-10-31", NULL, "2026-11-05",
    { { 9, 10000000 }, { 10, 20000000 } } },
  { P5, TJ_LEVEL_CITY, TJ_NATURE_NEW, "文化旅游及服务业", "颍阳镇", "文物局", NULL, 150000000,
    20000000, "2026-09", "2028-06", NULL, NULL, NULL, { { 5, 8000000 }, { 8, 10000000 } } },
  { P6, TJ_LEVEL_CITY, TJ_NATURE_NEW, "城建及基础设施", "卢店镇", "住建局", NULL, 120000000,
    40000000, "2025-11", "2027-10", NULL, NULL, NULL, { { 0 } } },
  { P7, TJ_LEVEL_CITY, TJ_NATURE_NEW, "交通", "嵩阳街道", "交运局", NULL, 30000000, 20000000,
    "2026-12", "2027-06", "2026-08-15", NULL, NULL, { { 8, 3000000 }, { 10, 2000000 } } },
  { P8, TJ_LEVEL_CITY, TJ_NATURE_CONTINUING, "工业", "告成镇", "发改委", NULL, 250000000,
    100000000, "2025-06", "2027-06", "2025-06-18", NULL, "2025-07-01",
    { { 1, 10000000 }, { 10, 50000000 }, { 12, 40000000 } } },
  { P9, TJ_LEVEL_CITY, TJ_NATURE_CONTINUING, NULL, "中岳街道", "住建局", NULL, 12345650, 0,
    "2025-09", "2026-12", "2025-09-01", NULL, NULL, { { 3, 3500050 } } },
  { P10, TJ_LEVEL_PREFECTURAL, TJ_NATURE_CONTINUING, "农林水", "宣化镇", "水务局", "李建华",
    45000000, 30000000, "2025-03", "2026-12", "2025-03-01", "2026-08-30", NULL,
    { { 2, 10000000 }, { 6, 12000000 } } },
  { P11, TJ_LEVEL_CITY, TJ_NATURE_CONTINUING, "交通", "徐庄镇", "交运局", NULL, 90000000,
    30000000, "2025-10", "2026-06", "2025-10-12", NULL, NULL, { { 4, 16000000 } } },
};

typedef struct
{
  char *dir;
  TjDb *db;
} Fixture;

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

static void
add_report (TjDb       *db,
            gint64      project,
            int         month,
            gint64      completed,
            const char *progress,
            const char *problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db,
                                                 "INSERT INTO monthly_reports (project_id, month, "
                                                 "completed, progress, problems) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                                 &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, project);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, completed);
  tj_db_bind_text_or_null (stmt, 4, progress);
  tj_db_bind_text_or_null (stmt, 5, problems);
  g_assert_true (tj_db_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

static gint64
add_project (TjDb                *db,
             int                  year,
             const FixtureProject *f,
             gint64               officer)
{
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  p->year = year;
  p->name = g_strdup (f->name);
  p->level = f->level;
  p->nature = f->nature;
  p->industry = g_strdup (f->industry);
  p->content = g_strdup ("新建厂房及配套设施");
  p->locality_id = tj_unit_find (db, f->locality);
  p->unit_id = tj_unit_find (db, f->unit);
  p->leader_id = f->leader != NULL ? tj_person_find (db, f->leader) : 0;
  p->officer_id = officer;
  p->total_investment = f->total;
  p->annual_plan = f->plan;
  p->planned_start = g_strdup (f->planned_start);
  p->planned_completion = g_strdup (f->planned_completion);
  p->actual_start = g_strdup (f->actual_start);
  p->actual_completion = g_strdup (f->actual_completion);
  p->stats_date = g_strdup (f->stats_date);
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TjDb *db;
  gint64 officer, other;

  fixture->db = db = tj_test_db_new (&fixture->dir);
  add_person (db, "王国强", TRUE);
  add_person (db, "李建华", TRUE);
  officer = add_person (db, "郑宏伟", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fixture_projects); i++)
    {
      const FixtureProject *f = &fixture_projects[i];
      gint64 id = add_project (db, 2026, f, officer);

      for (guint k = 0; k < G_N_ELEMENTS (f->reports) && f->reports[k].month != 0; k++)
        add_report (db, id, f->reports[k].month, f->reports[k].completed,
                    f->reports[k].month == 10 && i == 1 ? "主体完工，室内装修" : NULL,
                    f->reports[k].month == 10 && i == 1 ? "医疗设备招标延期" : NULL);
    }

  /* The same road on the 2025 list, with reports of its own year: no figure of 2026 includes it. */
  other = add_project (db, 2025, &fixture_projects[0], officer);
  add_report (db, other, 10, 990000000, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_db_free (&fixture->db, &fixture->dir);
}

static TjBulletin *
build (Fixture *fixture,
       int      month)
{
  g_autoptr (GError) error = NULL;
  TjBulletin *bulletin = tj_bulletin_build (fixture->db, 2026, month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bulletin);
  return bulletin;
}

static const TjBulletinProject *
project_named (TjBulletin *bulletin,
               const char *name)
{
  for (guint i = 0; i < bulletin->projects->len; i++)
    {
      const TjBulletinProject *p = &g_array_index (bulletin->projects, TjBulletinProject, i);

      if (g_strcmp0 (p->name, name) == 0)
        return p;
    }
  g_error ("no project “%s” in the bulletin", name);
  return NULL;
}

static char *
joined_names (GPtrArray *projects)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < projects->len; i++)
    {
      TjBulletinProject *p = g_ptr_array_index (projects, i);

      g_ptr_array_add (names, (gpointer) p->name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static char *
joined_groups (GArray *groups)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            g_array_index (groups, TjBulletinFigures, i).name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const TjBulletinFigures *
group_named (GArray     *groups,
             const char *name)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (g_array_index (groups, TjBulletinFigures, i).name, name) == 0)
      return &g_array_index (groups, TjBulletinFigures, i);
  g_error ("no group “%s”", name);
  return NULL;
}

static void
test_overall (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);

  g_assert_cmpint (b->year, ==, 2026);
  g_assert_cmpint (b->month, ==, 10);
  g_assert_cmpfloat (b->schedule, ==, 10.0 / 12.0);
  g_assert_cmpstr (b->organisation, ==, "登封市");
  g_assert_cmpuint (b->overall.count, ==, 11);
  g_assert_cmpint (b->overall.total_investment, ==, SUM_TOTAL);
  g_assert_cmpint (b->overall.plan, ==, SUM_PLAN);
  g_assert_cmpint (b->overall.cumulative, ==, SUM_OCT);
  g_assert_cmpint (b->overall.month_completed, ==, SUM_OCT_MONTH);
  /* r = 294.5 ÷ 460 = 0.640217…; gap = (0.640217… − 0.833333…) × 100 = −19.3116 points. */
  g_assert_true (b->overall.has_rate);
  g_assert_cmpfloat_with_epsilon (b->overall.rate, 0.6402173913, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->overall.gap, -19.3115942029, 1e-9);
  g_assert_false (b->overall.on_schedule);

  /* The negative correction counts: P2 is 42 000 000 − 2 000 050. */
  g_assert_cmpint (project_named (b, P2)->cumulative, ==, 39999950);
  g_assert_cmpint (project_named (b, P2)->month_completed, ==, -2000050);
  g_assert_true (project_named (b, P2)->reported);
  g_assert_false (project_named (b, P3)->reported);
  /* November's 20 000 000 is not in the October figures. */
  g_assert_cmpint (project_named (b, P1)->cumulative, ==, 100000000);
  g_assert_cmpuint (b->projects->len, ==, 11);
}

static void
test_starts_and_completions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autofree char *early = joined_names (b->early_starts);
  g_autofree char *not_started = joined_names (b->not_started);

  /* Due: the 新开工 P3 (2026-07), P4 (2026-09), P5 (2026-09), P6 (2025-11); P7 (2026-12) is not.
   * Started among them: P4 alone, on the last day of October. 1 ÷ 4 = 25%. */
  g_assert_cmpuint (b->overall.starts_due, ==, 4);
  g_assert_cmpuint (b->overall.started, ==, 1);
  g_assert_cmpfloat (b->overall.start_rate, ==, 0.25);
  g_assert_cmpstr (early, ==, P7);
  /* By name, in pinyin order: gao, lu, ying. */
  g_assert_cmpstr (not_started, ==, P3 "|" P6 "|" P5);
  g_assert_true (project_named (b, P7)->early_start);
  g_assert_true (project_named (b, P7)->started);
  g_assert_false (project_named (b, P7)->start_due);

  /* Completions due: P2 (2026-09), P11 (2026-06). Completed by the end of October: P2
   * (2026-10-20) and P10 (2026-08-30, due only in December). */
  g_assert_cmpuint (b->overall.completions_due, ==, 2);
  g_assert_cmpuint (b->overall.completed, ==, 2);
  g_assert_true (project_named (b, P10)->completed);
  g_assert_false (project_named (b, P10)->completion_due);
  g_assert_false (project_named (b, P11)->completed);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autofree char *industries = joined_groups (b->industries);
  const TjBulletinFigures *f;

  /* 省重点: P1 alone, 100 ÷ 120 = 83.33% exactly on schedule. */
  f = &b->levels[TJ_LEVEL_PROVINCIAL];
  g_assert_cmpstr (f->name, ==, "省重点");
  g_assert_cmpuint (f->count, ==, 1);
  g_assert_cmpint (f->total_investment, ==, 500000000);
  g_assert_cmpint (f->plan, ==, 120000000);
  g_assert_cmpint (f->cumulative, ==, 100000000);
  g_assert_cmpfloat (f->gap, ==, 0.0);
  g_assert_true (f->on_schedule);

  /* 郑州市重点: P2 + P10, A = 80 000 000, C = 39 999 950 + 22 000 000 = 61 999 950;
   * gap = (12 × 61 999 950 − 10 × 80 000 000) ÷ (12 × 80 000 000) × 100 = −5.8334. */
  f = &b->levels[TJ_LEVEL_PREFECTURAL];
  g_assert_cmpuint (f->count, ==, 2);
  g_assert_cmpint (f->total_investment, ==, 245000000);
  g_assert_cmpint (f->plan, ==, 80000000);
  g_assert_cmpint (f->cumulative, ==, 61999950);
  g_assert_cmpfloat_with_epsilon (f->gap, -5.8333958333, 1e-9);
  g_assert_cmpuint (f->completions_due, ==, 1);
  g_assert_cmpuint (f->completed, ==, 2);

  /* 登封市重点: the other eight; A = 260 000 000, C = 132 500 050. */
  f = &b->levels[TJ_LEVEL_CITY];
  g_assert_cmpuint (f->count, ==, 8);
  g_assert_cmpint (f->total_investment, ==, 792345650);
  g_assert_cmpint (f->plan, ==, 260000000);
  g_assert_cmpint (f->cumulative, ==, 132500050);
  g_assert_cmpuint (f->starts_due, ==, 4);
  g_assert_cmpuint (f->started, ==, 1);

  /* By nature: 新开工 P3–P7, A 130 000 000, C 53 000 000; 续建 P1, P8–P11; 竣工 P2. */
  f = &b->natures[TJ_NATURE_NEW];
  g_assert_cmpstr (f->name, ==, "新开工");
  g_assert_cmpuint (f->count, ==, 5);
  g_assert_cmpint (f->plan, ==, 130000000);
  g_assert_cmpint (f->cumulative, ==, 53000000);
  g_assert_cmpuint (b->natures[TJ_NATURE_CONTINUING].count, ==, 5);
  g_assert_cmpint (b->natures[TJ_NATURE_CONTINUING].cumulative, ==, 201500050);
  g_assert_cmpint (b->natures[TJ_NATURE_COMPLETING].cumulative, ==, 39999950);
  g_assert_cmpuint (b->natures[TJ_NATURE_PREPARATORY].count, ==, 0);
  g_assert_false (b->natures[TJ_NATURE_PREPARATORY].has_rate);

  /* By industry: the settings' order, the project without one last. */
  g_assert_cmpstr (industries, ==, "工业|农林水|交通|文化旅游及服务业|城建及基础设施|社会事业|未填写行业");
  f = group_named (b->industries, "交通");
  g_assert_cmpuint (f->count, ==, 3);
  g_assert_cmpint (f->plan, ==, 170000000);
  g_assert_cmpint (f->cumulative, ==, 121000000);
  f = group_named (b->industries, "未填写行业");
  g_assert_cmpint (f->cumulative, ==, 3500050);
  g_assert_false (f->has_rate);
}

static void
test_localities (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autofree char *order = joined_groups (b->localities);
  const TjBulletinFigures *f;

  /* Rates: 颍阳镇 18÷20 = 0.9, 少林街道 39.999950÷50 = 0.799999, 嵩阳街道 (P1 + P7) 105÷140 =
   * 0.75, 宣化镇 22÷30 = 0.7333, 大冶镇 30÷50 = 0.6 and 告成镇 (P3 + P8) 60÷100 = 0.6 — a tie,
   * by name in pinyin: dà before gào —, 徐庄镇 16÷30 = 0.5333, 卢店镇 0; 中岳街道 has no plan. */
  g_assert_cmpstr (order, ==, "颍阳镇|少林街道|嵩阳街道|宣化镇|大冶镇|告成镇|徐庄镇|卢店镇|中岳街道");

  f = group_named (b->localities, "告成镇");
  g_assert_cmpuint (f->count, ==, 2);
  g_assert_cmpint (f->plan, ==, 100000000);
  g_assert_cmpint (f->cumulative, ==, 60000000);
  g_assert_cmpfloat (f->rate, ==, 0.6);
  g_assert_cmpfloat_with_epsilon (f->gap, -23.3333333333, 1e-9);
  g_assert_cmpuint (f->starts_due, ==, 1);
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_false (f->on_schedule);
  g_assert_cmpint (f->id, ==, tj_unit_find (fixture->db, "告成镇"));

  f = group_named (b->localities, "嵩阳街道");
  g_assert_cmpint (f->plan, ==, 140000000);
  g_assert_cmpint (f->cumulative, ==, 105000000);
  g_assert_cmpfloat (f->rate, ==, 0.75);

  g_assert_true (group_named (b->localities, "颍阳镇")->on_schedule);
  g_assert_false (group_named (b->localities, "中岳街道")->has_rate);
  g_assert_false (group_named (b->localities, "中岳街道")->on_schedule);
}

typedef struct
{
  const char *name;
  TjLight investment;
  TjLight start;
  TjLight light;
  int months_late;
} ExpectedLight;

static void
assert_lights (TjBulletin          *b,
               const ExpectedLight *expected,
               guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      const TjBulletinProject *p = project_named (b, expected[i].name);

      if (p->investment_light != expected[i].investment || p->start_light != expected[i].start ||
          p->light != expected[i].light || p->months_late != expected[i].months_late)
        g_error ("%s, month %d: lights %d/%d/%d, %d months late; expected %d/%d/%d, %d",
                 p->name, b->month, p->investment_light, p->start_light, p->light,
                 p->months_late, expected[i].investment, expected[i].start, expected[i].light,
                 expected[i].months_late);
    }
}

/* N = 10, s = 10/12. g = (12C − 10A) ÷ 12A × 100. */
static void
test_lights_october (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  static const ExpectedLight expected[] = {
    /* 100/120: g = 0 */
    { P1, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* 39.99995/50: g = −3.33 */
    { P2, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* no plan; due 2026-07, not started: L = 10 − 7 = 3, red */
    { P3, TJ_LIGHT_NONE, TJ_LIGHT_RED, TJ_LIGHT_RED, 3 },
    /* 30/50: g = −23.33; started */
    { P4, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
    /* 18/20: g = +6.67, green; due 2026-09, not started, L = 1: yellow, the worse */
    { P5, TJ_LIGHT_GREEN, TJ_LIGHT_YELLOW, TJ_LIGHT_YELLOW, 1 },
    /* 0/40: g = −83.3; due 2025-11: L = 2026×12+9 − (2025×12+10) = 11 */
    { P6, TJ_LIGHT_RED, TJ_LIGHT_RED, TJ_LIGHT_RED, 11 },
    /* 新开工 planned for December: not due, no investment light though 5/20 = 25% */
    { P7, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* 60/100: g = −23.33 */
    { P8, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
    /* no plan: no light */
    { P9, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* 22/30: 12 × 22 − 10 × 30 = −36, ÷ 360 = −0.1: g = −10 exactly, green */
    { P10, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* 16/30: 12 × 16 − 10 × 30 = −108, ÷ 360 = −0.3: g = −30 exactly, yellow */
    { P11, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
  };

  assert_lights (b, expected, G_N_ELEMENTS (expected));
  g_assert_false (project_named (b, P9)->has_rate);
  g_assert_cmpfloat_with_epsilon (project_named (b, P10)->gap, -10.0, 1e-9);
}

/* N = 12, s = 1. */
static void
test_lights_december (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 12);
  g_autofree char *not_started = joined_names (b->not_started);
  static const ExpectedLight expected[] = {
    /* 126/120 = 1.05: g = +5 */
    { P1, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* 0.799999: g = −20.0001 */
    { P2, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
    /* L = 12 − 7 = 5 */
    { P3, TJ_LIGHT_NONE, TJ_LIGHT_RED, TJ_LIGHT_RED, 5 },
    /* 0.6: g = −40 */
    { P4, TJ_LIGHT_RED, TJ_LIGHT_NONE, TJ_LIGHT_RED, 0 },
    /* 0.9: g = −10 exactly, green; L = 12 − 9 = 3: red */
    { P5, TJ_LIGHT_GREEN, TJ_LIGHT_RED, TJ_LIGHT_RED, 3 },
    { P6, TJ_LIGHT_RED, TJ_LIGHT_RED, TJ_LIGHT_RED, 13 },
    /* due in December now and started: 5/20 = 0.25, g = −75 */
    { P7, TJ_LIGHT_RED, TJ_LIGHT_NONE, TJ_LIGHT_RED, 0 },
    /* 100/100: g = 0 */
    { P8, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    { P9, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* 0.7333: g = −26.67 */
    { P10, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
    /* 0.5333: g = −46.67 */
    { P11, TJ_LIGHT_RED, TJ_LIGHT_NONE, TJ_LIGHT_RED, 0 },
  };

  g_assert_cmpfloat (b->schedule, ==, 1.0);
  assert_lights (b, expected, G_N_ELEMENTS (expected));
  /* Σ C = 294 500 000 + November's 20 000 000 + December's 6 000 000 + 40 000 000. */
  g_assert_cmpint (b->overall.cumulative, ==, 360500000);
  g_assert_cmpint (b->overall.month_completed, ==, 46000000);
  /* Due: P3–P7; started: P4 and P7. P7 is no longer early. */
  g_assert_cmpuint (b->overall.starts_due, ==, 5);
  g_assert_cmpuint (b->overall.started, ==, 2);
  g_assert_cmpuint (b->early_starts->len, ==, 0);
  g_assert_cmpstr (not_started, ==, P3 "|" P6 "|" P5);
  /* P9 and P10 (2026-12) are due now: P2, P9, P10, P11 due; P2, P10 completed. */
  g_assert_cmpuint (b->overall.completions_due, ==, 4);
  g_assert_cmpuint (b->overall.completed, ==, 2);
  g_assert_cmpuint (b->lagging->len, ==, 8);
}

/* N = 1, s = 1/12: only January's reports count. */
static void
test_lights_january (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 1);
  g_autofree char *lagging = joined_names (b->lagging);
  static const ExpectedLight expected[] = {
    /* 10/120 = 1/12: g = 0 */
    { P1, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* 5/50: g = +1.67 */
    { P2, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* planned for July: not due; no plan */
    { P3, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* planned for September: no light, though nothing is completed */
    { P4, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    { P5, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* planned 2025-11, N = 2026-01: L = 2, yellow; 0/40: g = −8.33, green */
    { P6, TJ_LIGHT_GREEN, TJ_LIGHT_YELLOW, TJ_LIGHT_YELLOW, 2 },
    { P7, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* 10/100: g = +1.67 */
    { P8, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    { P9, TJ_LIGHT_NONE, TJ_LIGHT_NONE, TJ_LIGHT_NONE, 0 },
    /* 0/30: g = −8.33 */
    { P10, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    { P11, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
  };

  assert_lights (b, expected, G_N_ELEMENTS (expected));
  /* January: P1 10 000 000 + P2 5 000 000 + P8 10 000 000. */
  g_assert_cmpint (b->overall.cumulative, ==, 25000000);
  g_assert_cmpuint (b->overall.starts_due, ==, 1);
  g_assert_cmpuint (b->overall.started, ==, 0);
  g_assert_cmpfloat (b->overall.start_rate, ==, 0.0);
  g_assert_cmpuint (b->overall.completions_due, ==, 0);
  g_assert_cmpuint (b->overall.completed, ==, 0);
  g_assert_cmpstr (lagging, ==, P6);
  /* P4 started in October: not yet in January. */
  g_assert_false (project_named (b, P4)->started);
}

/* Preferences change the thresholds: green from −5, red below −20, red from 1 month late. */
static void
test_lights_from_settings (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (TjBulletin) b = NULL;
  g_autoptr (GError) error = NULL;
  static const ExpectedLight expected[] = {
    /* g = −3.33 ≥ −5 */
    { P2, TJ_LIGHT_GREEN, TJ_LIGHT_NONE, TJ_LIGHT_GREEN, 0 },
    /* g = −23.33 < −20 */
    { P4, TJ_LIGHT_RED, TJ_LIGHT_NONE, TJ_LIGHT_RED, 0 },
    /* L = 1 ≥ 1 */
    { P5, TJ_LIGHT_GREEN, TJ_LIGHT_RED, TJ_LIGHT_RED, 1 },
    /* g = −10: yellow now */
    { P10, TJ_LIGHT_YELLOW, TJ_LIGHT_NONE, TJ_LIGHT_YELLOW, 0 },
  };

  g_assert_true (tj_db_set_setting (fixture->db, "light-green-gap", "-5", &error));
  g_assert_true (tj_db_set_setting (fixture->db, "light-red-gap", "-20", &error));
  g_assert_true (tj_db_set_setting (fixture->db, "light-start-red-months", "1", &error));
  g_assert_no_error (error);
  b = build (fixture, 10);
  g_assert_cmpint (b->green_gap, ==, -50);
  g_assert_cmpint (b->red_gap, ==, -200);
  g_assert_cmpint (b->start_red_months, ==, 1);
  assert_lights (b, expected, G_N_ELEMENTS (expected));
  g_clear_pointer (&b, tj_bulletin_free);

  /* A value that is not a number, or green not above red, is no threshold: the bulletin is
   * not built on a guess, and the error names the setting (tj-settings). */
  g_assert_true (tj_db_set_setting (fixture->db, "light-green-gap", "十", &error));
  g_assert_null (tj_bulletin_build (fixture->db, 2026, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "设置项“light-green-gap”不是数字：“十”。");
  g_clear_error (&error);
  g_assert_true (tj_db_set_setting (fixture->db, "light-green-gap", "-25", &error));
  g_assert_null (tj_bulletin_build (fixture->db, 2026, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "绿灯必须高于红灯"));
  g_clear_error (&error);

  /* without the settings, the defaults: green down to −10 points, red below −30 */
  g_assert_true (tj_db_exec (fixture->db, "DELETE FROM settings WHERE key LIKE 'light-%'",
                             &error));
  g_assert_no_error (error);
  b = build (fixture, 10);
  g_assert_cmpint (b->green_gap, ==, -100);
  g_assert_cmpint (b->red_gap, ==, -300);
  g_assert_cmpint (b->start_red_months, ==, 3);
  g_assert_cmpuint (project_named (b, P10)->light, ==, TJ_LIGHT_GREEN);
}

static void
test_lagging (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autofree char *names = joined_names (b->lagging);
  const TjBulletinProject *p;

  /* Yellow P4, P5, P8, P11 and red P3, P6, by name in pinyin order. */
  g_assert_cmpstr (names, ==, P4 "|" P8 "|" P3 "|" P6 "|" P11 "|" P5);
  p = g_ptr_array_index (b->lagging, 0);
  g_assert_cmpstr (p->locality, ==, "大冶镇");
  g_assert_cmpstr (p->unit, ==, "发改委");
  g_assert_null (p->leader);
  g_assert_cmpuint (p->light, ==, TJ_LIGHT_YELLOW);

  /* The leader of a prefectural project in December's list. */
  g_clear_pointer (&b, tj_bulletin_free);
  b = build (fixture, 12);
  p = project_named (b, P2);
  g_assert_cmpstr (p->leader, ==, "李建华");
  g_assert_cmpstr (p->officer, ==, "郑宏伟");
  g_assert_true (g_ptr_array_find (b->lagging, p, NULL));
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autofree char *text = tj_bulletin_overview (b);
  g_autofree char *december = NULL;
  g_autofree char *january = NULL;
  g_autofree char *county = NULL;
  g_autoptr (GError) error = NULL;

  /* Σ C 2.945 亿元 shows 2.95; 294.5 ÷ 460 = 64.02%; gap −19.31. Levels: 100 ÷ 120 = 83.3% on
   * schedule; 61 999 950 ÷ 80 000 000 = 77.4999% shows 77.5%, gap −5.83; 132 500 050 ÷
   * 260 000 000 = 50.96%, gap (12 × 132 500 050 − 10 × 260 000 000) ÷ 3 120 000 000 = −32.37.
   * Localities: 颍阳镇 alone at 90% ≥ 83.3%. */
  g_assert_cmpstr (text, ==,
                   "截至10月底，全市11个重点项目累计完成投资2.95亿元，占年度计划的64.0%，"
                   "低于序时进度19.3个百分点。计划新开工项目4个，已开工1个，开工率25.0%。"
                   "提前开工项目1个：" P7 "。应开未开项目3个：" P3 "、" P6 "、" P5 "。"
                   "计划竣工项目2个，已竣工2个。\n"
                   "其中，省重点项目1个，累计完成投资1.00亿元，占年度计划的83.3%，与序时进度持平；"
                   "郑州市重点项目2个，累计完成投资0.62亿元，占年度计划的77.5%，"
                   "低于序时进度5.8个百分点；登封市重点项目8个，累计完成投资1.33亿元，"
                   "占年度计划的51.0%，低于序时进度32.4个百分点。\n"
                   "进度滞后项目6个：" P4 "、" P8 "、" P3 "、" P6 "、" P11 "、" P5 "。"
                   "其中红灯2个、黄灯4个。\n"
                   "达到或超过序时进度的乡镇（街道、区）1个：颍阳镇。"
                   "低于序时进度的乡镇（街道、区）7个：少林街道、嵩阳街道、宣化镇、大冶镇、告成镇、"
                   "徐庄镇、卢店镇。");

  /* December: the provincial road is ahead, 126 ÷ 120 = 105%. */
  g_clear_pointer (&b, tj_bulletin_free);
  b = build (fixture, 12);
  december = tj_bulletin_overview (b);
  g_assert_true (g_str_has_prefix (december, "截至12月底，全市11个重点项目累计完成投资3.61亿元，"
                                             "占年度计划的78.4%，低于序时进度21.6个百分点。"));
  g_assert_nonnull (strstr (december, "省重点项目1个，累计完成投资1.26亿元，占年度计划的105.0%，"
                                      "超序时进度5.0个百分点；"));

  /* January: 25 000 000 ÷ 460 000 000 = 5.43%, (12 × 25 − 460) ÷ 5 520 = −2.899 points. */
  g_clear_pointer (&b, tj_bulletin_free);
  b = build (fixture, 1);
  january = tj_bulletin_overview (b);
  g_assert_true (g_str_has_prefix (january, "截至1月底，全市11个重点项目累计完成投资0.25亿元，"
                                            "占年度计划的5.4%，低于序时进度2.9个百分点。"
                                            "计划新开工项目1个，已开工0个，开工率0.0%。"
                                            "应开未开项目1个：" P6 "。\n"));

  /* A county says 全县. */
  g_assert_true (tj_db_set_setting (fixture->db, "organisation", "汝阳县", &error));
  g_assert_no_error (error);
  g_clear_pointer (&b, tj_bulletin_free);
  b = build (fixture, 10);
  county = tj_bulletin_overview (b);
  g_assert_true (g_str_has_prefix (county, "截至10月底，全县11个重点项目"));
}

/* Halves round away from zero in the text: a project of 800 万元 with 650 done is at 81.25%, gap
 * (12 × 650 − 10 × 800) ÷ 9 600 = −2.083 points; one of 600 万元 with 359.9 done is at 59.983%,
 * gap (12 × 359.9 − 10 × 600) ÷ 7 200 = −0.2335 exactly: −23.35 points. 650 万元 is 0.065 亿元. */
static void
test_overview_rounding (void)
{
  static const FixtureProject halves[] = {
    { P1, TJ_LEVEL_PROVINCIAL, TJ_NATURE_CONTINUING, "交通", "嵩阳街道", "交运局", "王国强",
      10000000, 8000000, "2025-03", "2027-06", "2025-04-10", NULL, NULL, { { 10, 6500000 } } },
    { P8, TJ_LEVEL_CITY, TJ_NATURE_CONTINUING, "工业", "告成镇", "发改委", NULL, 10000000, 6000000,
      "2025-06", "2027-06", "2025-06-18", NULL, NULL, { { 3, 3599000 } } },
  };
  Fixture fixture = { 0 };
  g_autoptr (TjBulletin) b = NULL;
  g_autofree char *text = NULL;
  gint64 officer;

  fixture.db = tj_test_db_new (&fixture.dir);
  add_person (fixture.db, "王国强", TRUE);
  officer = add_person (fixture.db, "郑宏伟", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (halves); i++)
    add_report (fixture.db, add_project (fixture.db, 2026, &halves[i], officer),
                halves[i].reports[0].month, halves[i].reports[0].completed, NULL, NULL);

  /* Overall: 1 009.9 ÷ 1 400 = 72.14%, (12 × 1 009.9 − 10 × 1 400) ÷ 16 800 = −11.198 points. */
  b = build (&fixture, 10);
  text = tj_bulletin_overview (b);
  g_assert_true (g_str_has_prefix (text, "截至10月底，全市2个重点项目累计完成投资0.10亿元，"
                                         "占年度计划的72.1%，低于序时进度11.2个百分点。"));
  g_assert_nonnull (strstr (text, "\n其中，省重点项目1个，累计完成投资0.07亿元，占年度计划的81.3%，"
                                  "低于序时进度2.1个百分点；登封市重点项目1个，累计完成投资0.04亿元，"
                                  "占年度计划的60.0%，低于序时进度23.4个百分点。\n"));
  g_clear_pointer (&b, tj_bulletin_free);
  fixture_tear_down (&fixture, NULL);
}

static char *
cell_text (TjReport *report,
           guint     row,
           guint     column)
{
  return tj_report_cell_text (tj_report_get_cell (report, row, column));
}

#define assert_cell_text(report, row, column, expected)                                         \
  G_STMT_START                                                                                 \
  {                                                                                            \
    g_autofree char *text_ = cell_text ((report), (row), (column));                            \
    g_assert_cmpstr (text_, ==, (expected));                                                   \
  }                                                                                            \
  G_STMT_END

static void
test_book (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *const detail_headers[] = {
    "序号", "项目名称", "级别", "建设性质", "行业", "建设规模及内容", "属地", "责任单位",
    "分包市领导", "首席服务官", "总投资", "年度计划投资", "当月完成", "1—10月累计", "完成率",
    "计划开工", "实际开工", "形象进度", "存在问题", "入库", "灯色",
  };
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autoptr (TjReportBook) book = tj_bulletin_book (b);
  TjReport *overview, *localities, *details, *lagging;

  g_assert_cmpuint (book->reports->len, ==, 4);
  g_assert_cmpstr (book->organisation, ==, "登封市");
  overview = g_ptr_array_index (book->reports, 0);
  localities = g_ptr_array_index (book->reports, 1);
  details = g_ptr_array_index (book->reports, 2);
  lagging = g_ptr_array_index (book->reports, 3);
  g_assert_cmpstr (overview->sheet_name, ==, "总体情况");
  g_assert_cmpstr (localities->sheet_name, ==, "分乡镇");
  g_assert_cmpstr (details->sheet_name, ==, "项目明细");
  g_assert_cmpstr (lagging->sheet_name, ==, "滞后项目");
  g_assert_cmpstr (overview->title, ==, "登封市重点项目建设进展情况通报");
  g_assert_cmpstr (overview->subtitle, ==, "（2026年1—10月）");
  g_assert_cmpstr (details->unit_line, ==, "单位：万元");
  g_assert_cmpuint (overview->paragraphs->len, ==, 4);

  /* 合计, then 按项目级别 and its three levels, 按建设性质 and four natures, 按行业 and seven. */
  g_assert_cmpuint (tj_report_get_n_rows (overview), ==, 1 + 4 + 5 + 8);
  g_assert_cmpuint (tj_report_get_row_kind (overview, 0), ==, TJ_REPORT_ROW_TOTAL);
  assert_cell_text (overview, 0, 1, "11");
  assert_cell_text (overview, 0, 4, "29,450.00");
  assert_cell_text (overview, 0, 5, "64.0%");
  assert_cell_text (overview, 0, 6, "-19.3");
  g_assert_cmpuint (tj_report_get_row_kind (overview, 1), ==, TJ_REPORT_ROW_SECTION);
  assert_cell_text (overview, 1, 0, "按项目级别");
  assert_cell_text (overview, 2, 0, "省重点");
  assert_cell_text (overview, 2, 6, "0.0");
  assert_cell_text (overview, 3, 5, "77.5%");
  g_assert_cmpuint (tj_report_get_row_kind (overview, 5), ==, TJ_REPORT_ROW_SECTION);
  assert_cell_text (overview, 5, 0, "按建设性质");
  assert_cell_text (overview, 6, 0, "新开工");
  assert_cell_text (overview, 6, 9, "25.0%");
  assert_cell_text (overview, 10, 0, "按行业");

  /* 分乡镇: ranked, then 合计. The tie: 大冶镇 5th, 告成镇 6th. */
  g_assert_cmpuint (tj_report_get_n_rows (localities), ==, 10);
  assert_cell_text (localities, 4, 1, "大冶镇");
  assert_cell_text (localities, 5, 0, "6");
  assert_cell_text (localities, 5, 1, "告成镇");
  assert_cell_text (localities, 5, 5, "60.0%");
  assert_cell_text (localities, 5, 6, "-23.3");
  assert_cell_text (localities, 0, 6, "+6.7");
  assert_cell_text (localities, 8, 5, "");
  assert_cell_text (localities, 9, 0, "合计");

  /* The summary tables' figures stand in one order: the overview's have the total investment
   * and the completions, the locality table neither. */
  g_assert_cmpuint (tj_report_get_n_columns (overview), ==, 12);
  g_assert_cmpstr (tj_report_get_column (overview, 0)->header, ==, "类别");
  g_assert_cmpstr (tj_report_get_column (overview, 1)->header, ==, "项目数");
  g_assert_cmpstr (tj_report_get_column (overview, 9)->header, ==, "开工率");
  g_assert_cmpstr (tj_report_get_column (overview, 10)->header, ==, "计划竣工");
  g_assert_cmpstr (tj_report_get_column (overview, 11)->header, ==, "已竣工");
  g_assert_cmpuint (tj_report_get_n_columns (localities), ==, 10);
  g_assert_cmpstr (tj_report_get_column (localities, 1)->header, ==, "乡镇（街道、区）");
  g_assert_cmpstr (tj_report_get_column (localities, 2)->header, ==, "项目数");
  g_assert_cmpstr (tj_report_get_column (localities, 5)->header, ==, "完成率");
  g_assert_cmpstr (tj_report_get_column (localities, 9)->header, ==, "开工率");
  assert_cell_text (localities, 9, 2, "11");
  assert_cell_text (localities, 9, 4, "29,450.00");

  /* 项目明细: DOMAIN.md's columns in order; by level, then as entered. */
  g_assert_cmpuint (tj_report_get_n_columns (details), ==, G_N_ELEMENTS (detail_headers));
  for (guint c = 0; c < G_N_ELEMENTS (detail_headers); c++)
    g_assert_cmpstr (tj_report_get_column (details, c)->header, ==, detail_headers[c]);
  g_assert_cmpuint (tj_report_get_n_rows (details), ==, 12);
  assert_cell_text (details, 0, 1, P1);
  assert_cell_text (details, 0, 2, "省重点");
  assert_cell_text (details, 0, 3, "续建");
  assert_cell_text (details, 0, 19, "是");
  assert_cell_text (details, 0, 20, "绿");
  assert_cell_text (details, 1, 1, P2);
  assert_cell_text (details, 1, 8, "李建华");
  assert_cell_text (details, 1, 9, "郑宏伟");
  /* −2 000 050 yuan is −200.005 万元: −200.01, half away from zero. */
  assert_cell_text (details, 1, 12, "-200.01");
  /* 39 999 950 yuan is 3 999.995 万元: 4,000.00. */
  assert_cell_text (details, 1, 13, "4,000.00");
  assert_cell_text (details, 1, 17, "主体完工，室内装修");
  assert_cell_text (details, 1, 18, "医疗设备招标延期");
  assert_cell_text (details, 2, 1, P10);
  assert_cell_text (details, 3, 1, P3);
  assert_cell_text (details, 3, 12, "");
  assert_cell_text (details, 3, 14, "");
  assert_cell_text (details, 3, 20, "红");
  /* P4 entered the statistics in November: not yet in October's bulletin. */
  assert_cell_text (details, 4, 16, "2026-10-31");
  assert_cell_text (details, 4, 19, "否");
  assert_cell_text (details, 7, 20, "");
  /* 12 345 650 yuan is 1 234.565 万元: 1,234.57. */
  assert_cell_text (details, 9, 1, P9);
  assert_cell_text (details, 9, 4, "");
  assert_cell_text (details, 9, 10, "1,234.57");
  g_assert_cmpuint (tj_report_get_row_kind (details, 11), ==, TJ_REPORT_ROW_TOTAL);
  assert_cell_text (details, 11, 1, "11个项目");
  g_assert_cmpint (tj_report_get_cell (details, 11, 10)->value.yuan, ==, SUM_TOTAL);
  g_assert_cmpint (tj_report_get_cell (details, 11, 12)->value.yuan, ==, SUM_OCT_MONTH);

  /* 滞后项目: by name, with locality, unit and leader, and why. */
  g_assert_cmpuint (tj_report_get_n_rows (lagging), ==, 6);
  assert_cell_text (lagging, 0, 1, P4);
  assert_cell_text (lagging, 0, 2, "黄");
  assert_cell_text (lagging, 0, 3, "大冶镇");
  assert_cell_text (lagging, 0, 4, "发改委");
  assert_cell_text (lagging, 0, 12, "低于序时进度23.3个百分点");
  assert_cell_text (lagging, 2, 1, P3);
  assert_cell_text (lagging, 2, 12, "逾期3个月未开工");
  assert_cell_text (lagging, 3, 12, "低于序时进度83.3个百分点；逾期11个月未开工");
  g_assert_cmpuint (lagging->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lagging->notes, 0), ==,
                   "注：灯色按项目投资完成率与序时进度比较确定：低于序时进度不超过10个百分点为绿灯，"
                   "10至30个百分点为黄灯，超过30个百分点为红灯；应开工未开工的项目为黄灯，"
                   "逾期3个月及以上为红灯。");
}

static void
test_book_january (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (TjBulletin) b = build (fixture, 1);
  g_autoptr (TjReportBook) book = tj_bulletin_book (b);
  TjReport *details = g_ptr_array_index (book->reports, 2);

  g_assert_cmpstr (details->subtitle, ==, "（2026年1月）");
  g_assert_cmpstr (tj_report_get_column (details, 13)->header, ==, "1月累计");
  /* Dates after January are not January's: P4 starts in October. */
  assert_cell_text (details, 4, 1, P4);
  assert_cell_text (details, 4, 16, "");
}

static void
assert_print_setup (GVariant   *facts,
                    const char *print_titles)
{
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "paper"), ==, "9");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "orientation"), ==, "landscape");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_to_page"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_width"), ==, "1");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "fit_height"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "print_titles"), ==, print_titles);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "footer"), ==, "第 &P 页，共 &N 页");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "overlapping_merges"), ==, "0");
}

/* "单位：万元" at the top right: in the last cell of its row, or merged from one of the cells
 * before it (read back, from `first` on) to the last. */
static void
assert_unit_line (GVariant   *facts,
                  const char *first,
                  const char *last)
{
  g_autofree char *merged = g_strdup_printf (" %s ", tj_test_xlsx_fact (facts, "merged"));
  char cell[8];

  g_strlcpy (cell, first, sizeof cell);
  for (; cell[0] <= last[0]; cell[0]++)
    {
      g_autofree char *range = g_strdup_printf (" %s:%s ", cell, last);
      g_autofree char *align = g_strconcat (cell, ".align", NULL);

      if (g_strcmp0 (tj_test_xlsx_fact (facts, cell), "单位：万元") != 0)
        continue;
      g_assert_true (g_str_equal (cell, last) || strstr (merged, range) != NULL);
      g_assert_cmpstr (tj_test_xlsx_fact (facts, align), ==, "right");
      return;
    }
  g_error ("no unit line in %s…%s", first, last);
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "月通报.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) overview = NULL;
  g_autoptr (GVariant) localities = NULL;
  g_autoptr (GVariant) details = NULL;
  g_autoptr (GVariant) lagging = NULL;

  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, path, &error));
  g_assert_no_error (error);

  /* 总体情况: title, subtitle, four paragraphs, unit line (7), header (8), 合计 (9), 按项目级别
   * (10), 省重点 (11), … */
  overview = tj_test_xlsx_read (path, 0, "A1", "A2", "A3", "J7", "K7", "L7", "A8", "F8", "A9", "F9",
                                "G9", "A10", "A11", "G11", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "sheets"), ==, "总体情况|分乡镇|项目明细|滞后项目");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A1"), ==, "登封市重点项目建设进展情况通报");
  g_assert_nonnull (strstr (tj_test_xlsx_fact (overview, "merged"), "A1:L1"));
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A1.font"), ==, "黑体");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A2"), ==, "（2026年1—10月）");
  g_assert_true (
      g_str_has_prefix (tj_test_xlsx_fact (overview, "A3"), "截至10月底，全市11个重点项目"));
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A3.font"), ==, "仿宋");
  assert_unit_line (overview, "J7", "L7");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A8"), ==, "类别");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "F8"), ==, "完成率");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A9"), ==, "合计");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A9.bold"), ==, "True");
  /* The rate is a number, unrounded, shown with one decimal. */
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "F9.type"), ==, "float");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (tj_test_xlsx_fact (overview, "F9"), NULL),
                                  294.5 / 460, 1e-12);
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "F9.format"), ==, "0.0%");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (tj_test_xlsx_fact (overview, "G9"), NULL),
                                  -19.3115942029, 1e-9);
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "G9.format"), ==, "+0.0;-0.0;0.0");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A10"), ==, "按项目级别");
  g_assert_nonnull (strstr (tj_test_xlsx_fact (overview, "merged"), "A10:L10"));
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A10.bold"), ==, "True");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "A11"), ==, "省重点");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "G11"), ==, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (overview, "freeze"), ==, "B9");
  assert_print_setup (overview, "$8:$8");

  /* 分乡镇: title, subtitle, unit line, header (4), ranks from row 5. */
  localities = tj_test_xlsx_read (path, 1, "A1", "H3", "I3", "J3", "B4", "B9", "B10", "F10", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (localities, "A1"), ==,
                   "登封市重点项目分乡镇（街道、区）完成情况");
  g_assert_cmpstr (tj_test_xlsx_fact (localities, "B9"), ==, "大冶镇");
  g_assert_cmpstr (tj_test_xlsx_fact (localities, "B10"), ==, "告成镇");
  g_assert_cmpstr (tj_test_xlsx_fact (localities, "F10"), ==, "0.6");
  assert_unit_line (localities, "H3", "J3");
  g_assert_cmpstr (tj_test_xlsx_fact (localities, "freeze"), ==, "C5");
  assert_print_setup (localities, "$4:$4");

  /* 项目明细: header row 4, P1 row 5, P2 row 6, P3 row 8, P4 row 9, P7 row 12, 合计 row 16. */
  details = tj_test_xlsx_read (path, 2, "A1", "S3", "T3", "U3", "A4", "U4", "B5", "K5", "O5", "U5",
                               "M6", "U8", "U9", "U12", "A16", "N16", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (details, "A1"), ==, "登封市重点项目建设进展情况明细表");
  g_assert_nonnull (strstr (tj_test_xlsx_fact (details, "merged"), "A1:U1"));
  assert_unit_line (details, "S3", "U3");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "A4"), ==, "序号");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U4"), ==, "灯色");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "B5"), ==, P1);
  g_assert_cmpstr (tj_test_xlsx_fact (details, "K5"), ==, "50000");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "K5.format"), ==, "#,##0.00");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (tj_test_xlsx_fact (details, "O5"), NULL),
                                  100.0 / 120, 1e-12);
  g_assert_cmpstr (tj_test_xlsx_fact (details, "O5.format"), ==, "0.0%");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "M6"), ==, "-200.005");
  /* Lights: the word and the fill. */
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U5"), ==, "绿");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U5.fill"), ==, "FFA9D08E");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U8"), ==, "红");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U8.fill"), ==, "FFFF8B8B");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U9"), ==, "黄");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U9.fill"), ==, "FFFFE699");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U12"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "U12.fill"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "A16"), ==, "合计");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "N16"), ==, "29450");
  g_assert_cmpstr (tj_test_xlsx_fact (details, "freeze"), ==, "C5");
  assert_print_setup (details, "$4:$4");

  lagging = tj_test_xlsx_read (path, 3, "A1", "K3", "L3", "M3", "B5", "C5", "C7", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (lagging, "A1"), ==, "登封市进度滞后重点项目名单");
  assert_unit_line (lagging, "K3", "M3");
  g_assert_cmpstr (tj_test_xlsx_fact (lagging, "B5"), ==, P4);
  g_assert_cmpstr (tj_test_xlsx_fact (lagging, "C5.fill"), ==, "FFFFE699");
  g_assert_cmpstr (tj_test_xlsx_fact (lagging, "C7"), ==, "红");
  g_assert_cmpstr (tj_test_xlsx_fact (lagging, "C7.fill"), ==, "FFFF8B8B");
  assert_print_setup (lagging, "$4:$4");
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "月通报.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"序号\",\"项目名称\",\"级别\""));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, eleven projects, the empty rest after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_nonnull (strstr (lines[0], "\"1—10月累计\",\"完成率\""));
  g_assert_nonnull (strstr (lines[0], "\"入库\",\"灯色\""));
  g_assert_true (g_str_has_prefix (lines[2], "\"2\",\"" P2 "\",\"郑州市重点\",\"竣工\""));
  /* Money in 万元 without thousands separators, rates with one decimal. */
  g_assert_nonnull (
    strstr (lines[2], "\"20000.00\",\"5000.00\",\"-200.01\",\"4000.00\",\"80.0%\""));
  g_assert_true (g_str_has_suffix (lines[2], "\"否\",\"绿\""));
  g_assert_cmpstr (lines[12], ==, "");
}

static void
test_pdf_and_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "月通报.pdf", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "月通报.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "月通报.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (tj_bulletin_write (fixture->db, 2026, 10, txt, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tj_bulletin_write (fixture->db, 2026, 10, missing, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_IO);
  g_clear_error (&error);

  g_assert_null (tj_bulletin_build (fixture->db, 2026, 13, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
}

/* Point 8 of issue 7: a bulletin built while projects have not reported counts their month as
 * 0, and says so: how many reported, and the names of the rest, on the page (the text) and in the
 * notes of the workbook and of the PDF. October: P1, P2, P4, P7 and P8 reported; six did not. */
static void
test_reporting (Fixture       *fixture,
                gconstpointer  data)
{
  static const char expected_names[] = P3 "、" P6 "、" P11 "、" P10 "、" P5 "、" P9;
  g_autofree char *xlsx = g_build_filename (fixture->dir, "通报.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "通报.pdf", NULL);
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr (TjBulletin) b = build (fixture, 10);
  g_autoptr (TjReportBook) book = tj_bulletin_book (b);
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GError) error = NULL;
  TjReport *overview = g_ptr_array_index (book->reports, 0);
  const char *const *argv;
  gboolean found = FALSE;

  g_assert_cmpuint (b->reported, ==, 5);
  g_assert_cmpuint (b->unreported->len, ==, 6);
  text = tj_bulletin_reporting_text (b);
  g_assert_cmpstr (text, ==, "2026年10月：已报 5 / 11 个项目，6 个未报（本月完成按 0 计）。");
  names = tj_bulletin_unreported_names (b);
  g_assert_cmpstr (names, ==, expected_names);
  note = g_strdup_printf ("注：%s未报项目：%s。", text, names);
  g_assert_cmpstr (g_ptr_array_index (overview->notes, overview->notes->len - 1), ==, note);

  /* the workbook's overview sheet, under its table */
  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, xlsx, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (xlsx, 0, "A24", "A25", "A26", "A27", "A28", "A29", "A30", "A31",
                             "A32", "A33", "A34", "A35", "A36", "A37", "A38", "A39", "A40", NULL);
  argv = (const char *const[]) { "A24", "A25", "A26", "A27", "A28", "A29", "A30", "A31", "A32",
                                 "A33", "A34", "A35", "A36", "A37", "A38", "A39", "A40", NULL };
  for (guint i = 0; argv[i] != NULL; i++)
    found = found || g_strcmp0 (tj_test_xlsx_fact (facts, argv[i]), note) == 0;
  g_assert_true (found);

  /* the PDF's first page, the note's words read back */
  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, pdf, &error));
  g_assert_no_error (error);
  {
    const char *pdftotext[] = { "pdftotext", "-raw", pdf, "-", NULL };
    g_autofree char *out = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                 NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    pdf_text = g_strdelimit (g_steal_pointer (&out), "\n ", '#');
  }
  {
    g_autoptr (GString) joined = g_string_new (NULL);

    for (const char *p = pdf_text; *p != '\0'; p++)
      if (*p != '#')
        g_string_append_c (joined, *p);
    g_assert_nonnull (strstr (joined->str, "已报5/11个项目，6个未报"));
    g_assert_nonnull (strstr (joined->str, P3));
    g_assert_nonnull (strstr (joined->str, P9));
  }

  /* January: P1, P2 and P8 reported; the month is named */
  {
    g_autoptr (TjBulletin) all = build (fixture, 1);
    g_autofree char *january = tj_bulletin_reporting_text (all);

    g_assert_cmpuint (all->reported, ==, 3);
    g_assert_cmpuint (all->unreported->len, ==, 8);
    g_assert_nonnull (strstr (january, "2026年1月"));
  }
}

/* The pages of the bulletin of October, laid out as the PDF writer lays them out (A4 across). */
static guint
bulletin_pages (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) bulletin = tj_bulletin_build (fixture->db, 2026, 10, &error);
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (TjPageLayout) layout = NULL;

  g_assert_no_error (error);
  book = tj_bulletin_book (bulletin);
  layout = tj_page_layout_new (book);
  return tj_page_layout_paginate (layout, NULL, 841.89, 595.28);
}

/* Amounts a database changed behind Tuijin's back may hold: the bulletin refuses them with an
 * error naming the project, never sums them past a gint64. 8e17 yuan (8e13 万元) once overflowed
 * 12 × A; each of the eleven at 9e14 yuan overflows no gint64 but the sums' bound. */
static void
test_sums_overflow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "月通报.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TjBulletin) bulletin = NULL;

  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE projects SET annual_plan = 800000000000000000, "
                             "total_investment = 900000000000000000 WHERE name = '" P1 "'",
                             &error));
  g_assert_null (tj_bulletin_build (fixture->db, 2026, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "项目“" P1 "”的金额超过 1000 万亿元，数据库可能在本软件之外被改动过。");
  g_clear_error (&error);
  g_assert_false (tj_bulletin_write (fixture->db, 2026, 10, xlsx, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE projects SET annual_plan = 900000000000000, "
                             "total_investment = 900000000000000 WHERE year = 2026",
                             &error));
  g_assert_null (tj_bulletin_build (fixture->db, 2026, 10, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "累加到项目“" P2 "”时，通报的合计超过 1000 万亿元，数据库可能在本软件之外"
                   "被改动过。");
  g_clear_error (&error);

  /* Months whose sum overflows: SQLite refuses to add them up. */
  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE projects SET annual_plan = 1000, total_investment = 1000 "
                             "WHERE year = 2026; UPDATE monthly_reports SET completed = "
                             "9000000000000000000 WHERE month IN (1, 2)",
                             &error));
  g_assert_null (tj_bulletin_build (fixture->db, 2026, 10, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Within the bounds the bulletin is built, exact. */
  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE monthly_reports SET completed = 1000000000000 "
                             "WHERE month IN (1, 2)",
                             &error));
  bulletin = tj_bulletin_build (fixture->db, 2026, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bulletin->overall.plan, ==, 11000);
}

/* The text of a workbook's sheets and shared strings, as stored in its zip. */
static char *
xlsx_xml (const char *path)
{
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "sys.stdout.write(''.join(z.read(n).decode('utf-8') for n in z.namelist()\n"
    "    if n.startswith('xl/worksheets/') or n == 'xl/sharedStrings.xml'))\n",
    path, NULL,
  };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Names a spreadsheet would read as formulas are text in the workbook (no <f>) and in the CSV
 * (after an apostrophe); negative figures stay numbers. */
static void
test_formula_like_names (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "月通报.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "月通报.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE projects SET name = '=1+1' WHERE name = '" P1 "'; "
                             "UPDATE projects SET name = '@SUM(A1)' WHERE name = '" P2 "'; "
                             "UPDATE projects SET name = '-5' WHERE name = '" P3 "'",
                             &error));
  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, xlsx, &error));
  g_assert_no_error (error);
  xml = xlsx_xml (xlsx);
  g_assert_nonnull (strstr (xml, "<sheetData"));
  g_assert_null (strstr (xml, "<f>"));
  g_assert_null (strstr (xml, "<f "));
  g_assert_nonnull (strstr (xml, "<t>=1+1</t>"));
  g_assert_nonnull (strstr (xml, "<t>@SUM(A1)</t>"));
  g_assert_nonnull (strstr (xml, "<t>-5</t>"));

  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\r\n\"1\",\"'=1+1\",\""));
  g_assert_nonnull (strstr (contents, "\r\n\"2\",\"'@SUM(A1)\",\""));
  g_assert_nonnull (strstr (contents, ",\"'-5\",\""));
  /* P2's correction of October stays a number. */
  g_assert_nonnull (strstr (contents, ",\"-200.01\","));
}

/* 建设规模及内容 of 100 KB, written into the database directly: the PDF is still written, its
 * cell cut with an ellipsis to a few pages. */
static void
test_huge_content_pdf (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "月通报.pdf", NULL);
  g_autoptr (GString) content = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL;
  guint plain, pages;
  sqlite3_stmt *stmt;

  plain = bulletin_pages (fixture);
  while (content->len < 100 * 1024)
    g_string_append (content, "施工现场实行封闭管理，严格落实扬尘治理要求。");
  stmt = tj_db_prepare (fixture->db, "UPDATE projects SET content = ? WHERE name = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, content->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, P1, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  pages = bulletin_pages (fixture);
  g_test_message ("%u pages without the long text, %u with it", plain, pages);
  g_assert_cmpuint (pages, >, plain);
  g_assert_cmpuint (pages, <=, plain + 11);
  g_assert_true (tj_bulletin_write (fixture->db, 2026, 10, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
}

/* The export keeps no project it does not list: its sums, groups and lists are the ones of the
 * bulletin held whole, and its detail table, streamed from the database, the same rows. */
static void
test_streamed_as_whole (Fixture       *fixture,
                        gconstpointer  data)
{
  static const int months[] = { 1, 10, 12 };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr (TjBulletin) whole = build (fixture, months[m]);
      g_autoptr (TjBulletin) sums = NULL;
      g_autoptr (TjReportBook) book = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *streamed_csv = g_build_filename (fixture->dir, "streamed.csv", NULL);
      g_autofree char *whole_csv = g_build_filename (fixture->dir, "whole.csv", NULL);
      g_autofree char *streamed = NULL;
      g_autofree char *held = NULL;
      GPtrArray *whole_lists[] = { whole->early_starts, whole->not_started, whole->lagging,
                                   whole->unreported };
      GPtrArray *sums_lists[4];

      sums = tj_bulletin_build_sums (fixture->db, 2026, months[m], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sums->projects->len, ==, 0);
      g_assert_cmpuint (sums->overall.count, ==, whole->projects->len);
      g_assert_cmpint (sums->overall.cumulative, ==, whole->overall.cumulative);
      g_assert_cmpint (sums->overall.plan, ==, whole->overall.plan);
      g_assert_cmpint (sums->overall.month_completed, ==, whole->overall.month_completed);
      g_assert_cmpuint (sums->overall.started, ==, whole->overall.started);
      g_assert_cmpuint (sums->reported, ==, whole->reported);
      sums_lists[0] = sums->early_starts;
      sums_lists[1] = sums->not_started;
      sums_lists[2] = sums->lagging;
      sums_lists[3] = sums->unreported;
      for (guint i = 0; i < G_N_ELEMENTS (whole_lists); i++)
        {
          g_autofree char *a = joined_names (whole_lists[i]);
          g_autofree char *b = joined_names (sums_lists[i]);

          g_assert_cmpstr (b, ==, a);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *a = joined_groups (i == 0 ? whole->localities : whole->industries);
          g_autofree char *b = joined_groups (i == 0 ? sums->localities : sums->industries);

          g_assert_cmpstr (b, ==, a);
        }

      g_assert_true (tj_bulletin_write (fixture->db, 2026, months[m], streamed_csv, &error));
      g_assert_no_error (error);
      book = tj_bulletin_book (whole);
      g_assert_true (tj_report_book_write (book, whole_csv, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (streamed_csv, &streamed, NULL, NULL));
      g_assert_true (g_file_get_contents (whole_csv, &held, NULL, NULL));
      /* the header, every project of the list, the 合计 row */
      g_assert_cmpuint (strlen (held), >, 1000);
      g_assert_cmpstr (streamed, ==, held);
    }
}

/* An export holds no lagging list: its sheet reads the projects from the database in the
 * order of names (sorted by SQLite), and only the dozen names of the overview are kept. With 40
 * more lagging projects entered out of pinyin order, the export's workbook is the one of the
 * bulletin held whole, sheet for sheet, and its overview names the same first twelve. */
static void
test_lagging_streamed (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const syllables[] = { "梓", "安", "中", "北", "河", "嵩", "白", "登", "云",
                                           "阳", "颍", "卢" };
  static const int months[] = { 10, 12 };
  gint64 officer = tj_person_find (fixture->db, "郑宏伟");

  for (guint i = 0; i < 40; i++)
    {
      /* P6: a 新开工 due in 2025-11, not started: lagging, red */
      FixtureProject f = fixture_projects[5];
      g_autofree char *name = g_strdup_printf ("%s%s%u号工程", syllables[(i * 7) % 12],
                                               syllables[(i * 5 + 3) % 12], 40 - i);

      f.name = name;
      f.level = i % 3 == 0 ? TJ_LEVEL_PROVINCIAL : TJ_LEVEL_CITY;
      f.leader = "王国强";
      add_project (fixture->db, 2026, &f, officer);
    }

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr (TjBulletin) whole = build (fixture, months[m]);
      g_autoptr (TjBulletin) sums = NULL;
      g_autoptr (TjReportBook) book = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *streamed_path = g_build_filename (fixture->dir, "streamed.xlsx", NULL);
      g_autofree char *whole_path = g_build_filename (fixture->dir, "whole.xlsx", NULL);
      g_autofree char *streamed = NULL;
      g_autofree char *held = NULL;
      g_autofree char *whole_first = NULL;
      g_autofree char *sums_first = NULL;

      sums = tj_bulletin_build_sums (fixture->db, 2026, months[m], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (whole->lagging->len, >, 40);
      g_assert_cmpuint (sums->n_lagging, ==, whole->lagging->len);
      g_assert_cmpuint (whole->n_lagging, ==, whole->lagging->len);
      g_assert_cmpuint (sums->n_lagging_red, ==, whole->n_lagging_red);
      g_assert_cmpuint (sums->lagging->len, ==, 12);
      g_ptr_array_set_size (whole->lagging, 12);
      whole_first = joined_names (whole->lagging);
      sums_first = joined_names (sums->lagging);
      g_assert_cmpstr (sums_first, ==, whole_first);
      g_ptr_array_set_size (whole->lagging, 0);
      g_clear_pointer (&whole, tj_bulletin_free);

      whole = build (fixture, months[m]);
      g_assert_true (tj_bulletin_write (fixture->db, 2026, months[m], streamed_path, &error));
      g_assert_no_error (error);
      book = tj_bulletin_book (whole);
      g_assert_true (tj_report_book_write (book, whole_path, &error));
      g_assert_no_error (error);
      streamed = xlsx_xml (streamed_path);
      held = xlsx_xml (whole_path);
      g_assert_nonnull (strstr (held, "号工程"));
      g_assert_cmpstr (streamed, ==, held);
    }
}

/* The lagging sheet streamed and read over again, as the PDF writer reads it (three times in
 * order; the reads after the first go by the ids the first kept): the held bulletin's list each
 * time. A project that stops lagging between two reads fails the read, never a shorter list. */
static char *
lagging_read (TjReport *lagging,
              GError  **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  TjReportIter iter;

  tj_report_iter_init (&iter, lagging);
  while (tj_report_iter_next (&iter, error))
    g_ptr_array_add (names, tj_report_cell_text (tj_report_iter_get_cell (&iter, 1)));
  if (error != NULL && *error != NULL)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_lagging_read_again (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (TjBulletin) whole = build (fixture, 10);
  g_autoptr (TjBulletin) sums = NULL;
  g_autoptr (TjReportBook) book = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = joined_names (whole->lagging);
  g_autofree char *after = NULL;
  TjReport *lagging;

  sums = tj_bulletin_build_sums (fixture->db, 2026, 10, &error);
  g_assert_no_error (error);
  book = tj_bulletin_book (sums);
  lagging = g_ptr_array_index (book->reports, 3);
  g_assert_cmpuint (whole->lagging->len, ==, 6);
  for (guint read = 0; read < 3; read++)
    {
      g_autofree char *names = lagging_read (lagging, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (names, ==, expected);
    }

  /* 大冶镇光伏电站项目 (the first listed) reports its whole plan: it lags no more */
  g_assert_true (tj_db_exec (fixture->db,
                             "UPDATE monthly_reports SET completed = (SELECT annual_plan FROM "
                             "projects WHERE id = project_id) WHERE project_id = (SELECT id FROM "
                             "projects WHERE name = '" P4 "' AND year = 2026)",
                             &error));
  g_assert_no_error (error);
  after = lagging_read (lagging, &error);
  g_assert_null (after);
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "导出月通报期间项目名单发生了变化，请重新导出。");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tj/bulletin/overall/summed-in-yuan-with-corrections", test_overall);
  ADD ("/tj/bulletin/starts/due-started-early-and-not-started", test_starts_and_completions);
  ADD ("/tj/bulletin/groups/by-level-nature-and-industry", test_groups);
  ADD ("/tj/bulletin/localities/by-rate-then-by-name", test_localities);
  ADD ("/tj/bulletin/lights/october", test_lights_october);
  ADD ("/tj/bulletin/lights/december-schedule-is-one", test_lights_december);
  ADD ("/tj/bulletin/lights/january-counts-months-across-years", test_lights_january);
  ADD ("/tj/bulletin/lights/thresholds-from-the-settings", test_lights_from_settings);
  ADD ("/tj/bulletin/lagging/by-name-with-locality-unit-and-leader", test_lagging);
  ADD ("/tj/bulletin/lagging/streamed-read-again", test_lagging_read_again);
  ADD ("/tj/bulletin/lagging/streamed-by-name-from-sql", test_lagging_streamed);
  ADD ("/tj/bulletin/overview/reads-as-a-bulletin", test_overview);
  g_test_add_func ("/tj/bulletin/overview/rounds-half-away-from-zero", test_overview_rounding);
  ADD ("/tj/bulletin/reporting/counted-and-named", test_reporting);
  ADD ("/tj/bulletin/book/sheets-tables-and-rounding", test_book);
  ADD ("/tj/bulletin/book/january", test_book_january);
  ADD ("/tj/xlsx/bulletin/reads-back-as-laid-out", test_xlsx);
  ADD ("/tj/bulletin/write/csv-detail-table", test_csv);
  ADD ("/tj/bulletin/write/streamed-as-held-whole", test_streamed_as_whole);
  ADD ("/tj/bulletin/write/pdf-and-refusals", test_pdf_and_errors);
  ADD ("/tj/bulletin/sums/overflow-is-an-error-not-a-wrong-sum", test_sums_overflow);
  ADD ("/tj/bulletin/write/formula-like-names-stay-text", test_formula_like_names);
  ADD ("/tj/bulletin/write/pdf-with-a-100-kb-cell", test_huge_content_pdf);
#undef ADD
  return g_test_run ();
}
