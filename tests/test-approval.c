/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agency cases and approval items (推进机制 (三)(四)) on the shipped holiday tables of 2025: every
 * computed field, the parallel batch, the departments' speed-up, validation, the import, and both
 * reports read back. Figures are worked out by hand in the comments; weekdays follow each date.
 *
 * The 2025 table (国务院办公厅关于2025年部分节假日安排的通知):
 *   春节 1月28日（周二）至2月4日（周二）放假，1月26日（周日）、2月8日（周六）上班;
 *   国庆节、中秋节 10月1日（周三）至8日（周三）放假，9月28日（周日）、10月11日（周六）上班.
 * "today" is 2025-10-20 (Monday) unless a test says otherwise. */
#include "tj-test.h"

#include <stdlib.h>
#include <string.h>

#include "tj-approval.h"
#include "tj-audit.h"
#include "tj-calendar.h"
#include "tj-deletion.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

#define TODAY "2025-10-20"
#define ROAD "嵩山大道北延工程"
#define PARK "告成镇产业园标准化厂房项目"
#define AGENT "何朝阳"

typedef struct
{
  char *dir;
  TjDb *db;
  gint64 road; /* 嵩阳街道 */
  gint64 park; /* 告成镇 */
  gint64 agent;
  gint64 road_case;
  gint64 batch;      /* the road's items A and H, accepted together */
  gint64 open_batch; /* the park's item C, not finished */
} Fixture;

static gint64
add_project (TjDb       *db,
             int         year,
             const char *name,
             const char *locality,
             gint64      officer)
{
  g_autoptr (TjProject) p = tj_project_new ();
  g_autoptr (GError) error = NULL;

  p->year = year;
  p->name = g_strdup (name);
  p->level = TJ_LEVEL_CITY;
  p->nature = TJ_NATURE_NEW;
  p->locality_id = tj_unit_find (db, locality);
  p->officer_id = officer;
  p->total_investment = 300000000;
  p->annual_plan = 100000000;
  g_assert_true (tj_project_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_item (TjDb       *db,
          gint64      project,
          gint64      case_id,
          gint64      batch,
          const char *name,
          const char *unit,
          TjApprovalStage stage,
          int         statutory,
          int         committed,
          gboolean    green,
          const char *accepted,
          const char *finished)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GError) error = NULL;

  item->project_id = project;
  item->case_id = case_id;
  item->batch_id = batch;
  item->name = g_strdup (name);
  item->unit_id = tj_unit_find (db, unit);
  item->stage = stage;
  item->statutory_days = statutory;
  item->committed_days = committed;
  item->green = green;
  item->accepted = g_strdup (accepted);
  item->finished = g_strdup (finished);
  g_assert_true (tj_approval_item_save (db, item, &error));
  g_assert_no_error (error);
  return item->id;
}

/* Two projects of the 2025 list and eight items:
 * road (case of 何朝阳; batch accepted 2025-01-24 by 发改委):
 *   A 环评审批     环保局    20/10 green  accepted 01-24 finished 02-07  (batch)
 *   H 节能审查     发改委    20/20        accepted 01-24 finished 02-12  (batch)
 *   D 项目备案     发改委     3/3         accepted 03-03 finished 03-03  (即办)
 * park (open batch with C, accepted 09-26 by 国土资源局):
 *   B 建设用地规划许可 城乡规划局 20/15   accepted 09-22 finished 10-20
 *   C 用地预审与选址 国土资源局 20/10 green accepted 09-26 not finished (batch)
 *   E 消防设计审查 消防大队  20/19        accepted 09-19 not finished
 *   F 施工许可     住建局     7/7         not accepted
 *   G 考古勘探     文物局     0/0         accepted 06-03 finished 06-03 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (TjPerson) officer = tj_person_new ();
  g_autoptr (TjPerson) agent = tj_person_new ();
  g_autoptr (TjAgencyCase) road_case = tj_agency_case_new ();
  g_autoptr (TjApprovalBatch) batch = tj_approval_batch_new ();
  g_autoptr (TjApprovalBatch) open_batch = tj_approval_batch_new ();
  g_autoptr (GError) error = NULL;

  fixture->db = tj_test_db_new (&fixture->dir);
  officer->name = g_strdup ("郑宏伟");
  officer->is_officer = TRUE;
  g_assert_true (tj_person_save (fixture->db, officer, &error));
  agent->name = g_strdup (AGENT);
  agent->is_staff = TRUE;
  agent->unit_id = tj_unit_find (fixture->db, "行政服务中心");
  g_assert_true (tj_person_save (fixture->db, agent, &error));
  g_assert_no_error (error);
  fixture->agent = agent->id;
  fixture->road = add_project (fixture->db, 2025, ROAD, "嵩阳街道", officer->id);
  fixture->park = add_project (fixture->db, 2025, PARK, "告成镇", officer->id);

  road_case->project_id = fixture->road;
  road_case->company = g_strdup ("登封市城市建设投资有限公司");
  road_case->contact = g_strdup ("李磊");
  road_case->phone = g_strdup ("0371-62881234");
  road_case->entrusted = g_strdup ("2025-01-20");
  road_case->agent_id = agent->id;
  road_case->status = TJ_CASE_IN_PROGRESS;
  g_assert_true (tj_agency_case_save (fixture->db, road_case, &error));
  g_assert_no_error (error);
  fixture->road_case = road_case->id;

  batch->project_id = fixture->road;
  batch->lead_unit_id = tj_unit_find (fixture->db, "发改委");
  batch->accepted = g_strdup ("2025-01-24");
  g_assert_true (tj_approval_batch_save (fixture->db, batch, &error));
  g_assert_no_error (error);
  fixture->batch = batch->id;
  open_batch->project_id = fixture->park;
  open_batch->lead_unit_id = tj_unit_find (fixture->db, "国土资源局");
  open_batch->accepted = g_strdup ("2025-09-26");
  g_assert_true (tj_approval_batch_save (fixture->db, open_batch, &error));
  g_assert_no_error (error);
  fixture->open_batch = open_batch->id;

  add_item (fixture->db, fixture->road, road_case->id, batch->id, "环评审批", "环保局",
            TJ_STAGE_LAND, 20, 10, TRUE, "2025-01-24", "2025-02-07");
  add_item (fixture->db, fixture->road, road_case->id, batch->id, "节能审查", "发改委",
            TJ_STAGE_LAND, 20, 20, FALSE, "2025-01-24", "2025-02-12");
  add_item (fixture->db, fixture->road, road_case->id, 0, "项目备案", "发改委", TJ_STAGE_LAND,
            3, 3, FALSE, "2025-03-03", "2025-03-03");
  add_item (fixture->db, fixture->park, 0, 0, "建设用地规划许可", "城乡规划局", TJ_STAGE_LAND,
            20, 15, FALSE, "2025-09-22", "2025-10-20");
  add_item (fixture->db, fixture->park, 0, open_batch->id, "用地预审与选址", "国土资源局",
            TJ_STAGE_LAND, 20, 10, TRUE, "2025-09-26", NULL);
  add_item (fixture->db, fixture->park, 0, 0, "消防设计审查", "消防大队", TJ_STAGE_PERMIT, 20,
            19, FALSE, "2025-09-19", NULL);
  add_item (fixture->db, fixture->park, 0, 0, "施工许可", "住建局", TJ_STAGE_CONSTRUCTION, 7, 7,
            FALSE, NULL, NULL);
  add_item (fixture->db, fixture->park, 0, 0, "考古勘探", "文物局", TJ_STAGE_LAND, 0, 0, FALSE,
            "2025-06-03", "2025-06-03");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tj_test_db_free (&fixture->db, &fixture->dir);
}

static GPtrArray *
list_year (Fixture    *fixture,
           const char *today)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = tj_approval_item_list (fixture->db, 2025, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static TjApprovalItem *
find_item (GPtrArray  *items,
           const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, name))
        return item;
    }
  g_error ("no item “%s”", name);
}

static void
assert_close (double actual,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9);
}

/* Spring Festival 2025, with the working Sunday 1月26日 and Saturday 2月8日.
 * A 环评审批, accepted 01-24 (Fri), committed 10: working days after it are 01-26 (Sun, 调休) 1,
 * 01-27 (Mon) 2, then 01-28…02-04 off, 02-05 3, 02-06 4, 02-07 5, 02-08 (Sat, 调休) 6, 02-10 7,
 * 02-11 8, 02-12 9, 02-13 10: the deadline is 2025-02-13. Finished 02-07: 5 working days, on
 * time; speed-up (20 − 5) ÷ 20 = 75%, at least 50%.
 * H 节能审查, committed 20: on from 02-13 (10), 02-14 11, 02-17…02-21 12–16, 02-24…02-27 17–20:
 * deadline 2025-02-27. Finished 02-12: 9 working days; (20 − 9) ÷ 20 = 55%, met. */
static void
test_spring_festival (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list_year (fixture, TODAY);
  TjApprovalItem *a = find_item (items, "环评审批");
  TjApprovalItem *h = find_item (items, "节能审查");

  g_assert_cmpuint (items->len, ==, 8);
  g_assert_cmpstr (a->deadline, ==, "2025-02-13");
  g_assert_true (a->has_elapsed);
  g_assert_cmpint (a->elapsed, ==, 5);
  g_assert_false (a->has_remaining);
  g_assert_cmpint (a->state, ==, TJ_ITEM_ON_TIME);
  g_assert_false (a->late);
  g_assert_false (a->overdue);
  g_assert_true (a->has_speedup);
  assert_close (a->speedup, 0.75);
  g_assert_true (a->met_target);
  g_assert_cmpstr (a->project_name, ==, ROAD);
  g_assert_cmpstr (a->locality_name, ==, "嵩阳街道");
  g_assert_cmpstr (a->unit_name, ==, "环保局");
  g_assert_cmpstr (a->agent_name, ==, AGENT);
  g_assert_cmpstr (a->case_company, ==, "登封市城市建设投资有限公司");
  g_assert_cmpstr (a->batch_accepted, ==, "2025-01-24");
  g_assert_cmpstr (tj_item_state_label (a->state), ==, "按时办结");

  g_assert_cmpstr (h->deadline, ==, "2025-02-27");
  g_assert_cmpint (h->elapsed, ==, 9);
  assert_close (h->speedup, 0.55);
  g_assert_true (h->met_target);
}

/* National Day and Mid-Autumn 2025, with the working Sunday 9月28日 and Saturday 10月11日.
 * B 建设用地规划许可, accepted 09-22 (Mon), committed 15: 09-23…09-26 1–4, 09-28 (Sun) 5, 09-29 6,
 * 09-30 7, 10-01…10-08 off, 10-09 8, 10-10 9, 10-11 (Sat) 10, 10-13…10-17 11–15: deadline
 * 2025-10-17. Finished 10-20 (Mon): 16 working days, late; (20 − 16) ÷ 20 = 20%.
 * C 用地预审与选址, accepted 09-26 (Fri), committed 10: 09-28 1, 09-29 2, 09-30 3, 10-09 4, 10-10 5,
 * 10-11 6, 10-13…10-16 7–10: deadline 2025-10-16. Not finished on 10-20: overdue, remaining −2
 * (10-17 and 10-20 past it).
 * E 消防设计审查, accepted 09-19 (Fri), committed 19: 09-22…09-26 1–5, 09-28 6, 09-29 7, 09-30 8,
 * 10-09 9, 10-10 10, 10-11 11, 10-13…10-17 12–16, 10-20 17, 10-21 18, 10-22 19: deadline
 * 2025-10-22; on 10-20 two working days remain (10-21, 10-22): in progress, due soon.
 * F 施工许可 has no acceptance date: 未受理, no deadline.
 * G 考古勘探, statutory 0, accepted and finished 06-03: 即办, on time, no speed-up. */
static void
test_national_day (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list_year (fixture, TODAY);
  g_autoptr (GPtrArray) earlier = list_year (fixture, "2025-10-16");
  TjApprovalItem *b = find_item (items, "建设用地规划许可");
  TjApprovalItem *c = find_item (items, "用地预审与选址");
  TjApprovalItem *e = find_item (items, "消防设计审查");
  TjApprovalItem *f = find_item (items, "施工许可");
  TjApprovalItem *g = find_item (items, "考古勘探");

  g_assert_cmpstr (b->deadline, ==, "2025-10-17");
  g_assert_cmpint (b->elapsed, ==, 16);
  g_assert_true (b->late);
  g_assert_cmpint (b->state, ==, TJ_ITEM_LATE);
  assert_close (b->speedup, 0.2);
  g_assert_false (b->met_target);
  g_assert_cmpstr (tj_item_state_label (b->state), ==, "逾期办结");

  g_assert_cmpstr (c->deadline, ==, "2025-10-16");
  g_assert_false (c->has_elapsed);
  g_assert_false (c->has_speedup);
  g_assert_true (c->has_remaining);
  g_assert_cmpint (c->remaining, ==, -2);
  g_assert_true (c->overdue);
  g_assert_false (c->due_soon);
  g_assert_cmpint (c->state, ==, TJ_ITEM_OVERDUE);
  g_assert_cmpstr (tj_item_state_label (c->state), ==, "超期未办结");
  /* On its deadline it is not overdue yet: 0 days left, due soon. */
  c = find_item (earlier, "用地预审与选址");
  g_assert_false (c->overdue);
  g_assert_cmpint (c->remaining, ==, 0);
  g_assert_true (c->due_soon);
  g_assert_cmpint (c->state, ==, TJ_ITEM_IN_PROGRESS);

  g_assert_cmpstr (e->deadline, ==, "2025-10-22");
  g_assert_cmpint (e->remaining, ==, 2);
  g_assert_true (e->due_soon);
  g_assert_false (e->overdue);
  g_assert_cmpint (e->state, ==, TJ_ITEM_IN_PROGRESS);
  g_assert_cmpstr (tj_item_state_label (e->state), ==, "办理中");
  /* Three working days before, it is not yet due soon. */
  e = find_item (earlier, "消防设计审查");
  g_assert_cmpint (e->remaining, ==, 4);
  g_assert_false (e->due_soon);

  g_assert_null (f->deadline);
  g_assert_cmpint (f->state, ==, TJ_ITEM_NOT_ACCEPTED);
  g_assert_false (f->has_remaining);
  g_assert_false (f->overdue);
  g_assert_cmpstr (tj_item_state_label (f->state), ==, "未受理");

  g_assert_cmpstr (g->deadline, ==, "2025-06-03");
  g_assert_true (g->has_elapsed);
  g_assert_cmpint (g->elapsed, ==, 0);
  g_assert_cmpint (g->state, ==, TJ_ITEM_ON_TIME);
  g_assert_false (g->has_speedup);
  g_assert_false (g->met_target);

  g_assert_cmpuint (tj_approval_items_count_overdue (items), ==, 1);
  g_assert_cmpuint (tj_approval_items_count_overdue (earlier), ==, 0);
}

/* The edges, computed on items built here. */
static void
test_boundaries (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjCalendar) calendar = tj_calendar_load (fixture->db, &error);
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();

  g_assert_no_error (error);
  item->statutory_days = 20;
  item->committed_days = 10;
  item->accepted = g_strdup ("2025-01-24");

  /* Finished on the deadline itself (02-13, 10 working days): on time, and (20 − 10) ÷ 20 is
   * exactly 50%: the target is met. */
  item->finished = g_strdup ("2025-02-13");
  tj_approval_item_compute (item, calendar, TODAY);
  g_assert_cmpint (item->state, ==, TJ_ITEM_ON_TIME);
  g_assert_cmpint (item->elapsed, ==, 10);
  assert_close (item->speedup, 0.5);
  g_assert_true (item->met_target);

  /* A day later (02-14, 11 working days): late, (20 − 11) ÷ 20 = 45%, not met. */
  g_free (item->finished);
  item->finished = g_strdup ("2025-02-14");
  tj_approval_item_compute (item, calendar, TODAY);
  g_assert_cmpint (item->state, ==, TJ_ITEM_LATE);
  g_assert_cmpint (item->elapsed, ==, 11);
  assert_close (item->speedup, 0.45);
  g_assert_false (item->met_target);

  /* 即办 on a working day: D 项目备案, accepted and finished Monday 03-03, committed 3: deadline
   * 03-06 (Thu); 0 working days, 100%. */
  g_free (item->accepted);
  g_free (item->finished);
  item->accepted = g_strdup ("2025-03-03");
  item->finished = g_strdup ("2025-03-03");
  item->statutory_days = item->committed_days = 3;
  tj_approval_item_compute (item, calendar, TODAY);
  g_assert_cmpstr (item->deadline, ==, "2025-03-06");
  g_assert_cmpint (item->elapsed, ==, 0);
  assert_close (item->speedup, 1.0);
  g_assert_true (item->met_target);

  /* Accepted on a holiday (10-03, National Day), committed 3: 10-09 1, 10-10 2, 10-11 (Sat,
   * 调休) 3. Not finished on 10-20: overdue by 10-13…10-17 and 10-20, six working days. */
  g_free (item->accepted);
  g_clear_pointer (&item->finished, g_free);
  item->accepted = g_strdup ("2025-10-03");
  tj_approval_item_compute (item, calendar, TODAY);
  g_assert_cmpstr (item->deadline, ==, "2025-10-11");
  g_assert_true (item->overdue);
  g_assert_cmpint (item->remaining, ==, -6);
  g_assert_false (item->has_elapsed);

  /* The green channel proposes half the statutory limit, rounded down. */
  g_assert_cmpint (tj_approval_green_committed (20), ==, 10);
  g_assert_cmpint (tj_approval_green_committed (15), ==, 7);
  g_assert_cmpint (tj_approval_green_committed (1), ==, 0);
  g_assert_cmpint (tj_approval_green_committed (0), ==, 0);
}

/* The road's batch, accepted 01-24: its items finished 02-07 (A) and 02-12 (H); from 01-24 to
 * the last, 02-12, 9 working days (as H). One after another at their statutory limits they take
 * 20 + 20 = 40: 31 working days saved. The park's batch has C open: no elapsed time yet. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batches = tj_approval_batch_list (fixture->db, 2025, &error);
  g_autoptr (TjApprovalBatch) open = NULL;
  g_autoptr (GPtrArray) members = NULL;
  TjApprovalBatch *batch;

  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 2);
  batch = g_ptr_array_index (batches, 0);
  g_assert_cmpint (batch->id, ==, fixture->batch);
  g_assert_cmpstr (batch->project_name, ==, ROAD);
  g_assert_cmpstr (batch->lead_unit_name, ==, "发改委");
  g_assert_cmpuint (batch->n_items, ==, 2);
  g_assert_cmpuint (batch->n_finished, ==, 2);
  g_assert_cmpstr (batch->last_finished, ==, "2025-02-12");
  g_assert_true (batch->has_elapsed);
  g_assert_cmpint (batch->elapsed, ==, 9);
  g_assert_cmpint (batch->statutory_sum, ==, 40);
  g_assert_cmpint (batch->saved, ==, 31);

  open = tj_approval_batch_load (fixture->db, fixture->open_batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->n_items, ==, 1);
  g_assert_cmpuint (open->n_finished, ==, 0);
  g_assert_false (open->has_elapsed);
  g_assert_null (open->last_finished);
  g_assert_cmpint (open->statutory_sum, ==, 20);

  members = tj_approval_item_list_batch (fixture->db, fixture->batch, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  /* A batch deleted leaves its items, outside any batch. */
  g_assert_true (tj_approval_batch_delete (fixture->db, fixture->batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 8);
  g_assert_cmpint (tj_test_scalar (fixture->db,
                                   "SELECT count(*) FROM approval_items WHERE batch_id "
                                   "IS NOT NULL"),
                   ==, 1);
}

static const TjDepartmentSpeedup *
department (GArray     *departments,
            const char *name)
{
  for (guint i = 0; i < departments->len; i++)
    {
      const TjDepartmentSpeedup *d = &g_array_index (departments, TjDepartmentSpeedup, i);

      if (g_str_equal (d->name, name))
        return d;
    }
  g_error ("no department “%s”", name);
}

/* By department, on 10-20 (the denominators are in tj-approval-report.c):
 * 发改委: H and D, both finished on time: rate 100%; statutory (20 + 3) ÷ 2 = 11.5; elapsed
 *   (9 + 0) ÷ 2 = 4.5; speed-up (55% + 100%) ÷ 2 = 77.5%; both ≥ 50%: 100%.
 * 国土资源局: C only, open and overdue: no rate, statutory 20, 1 overdue.
 * 城乡规划局: B, late: rate 0, elapsed 16, speed-up 20%, share 0.
 * 文物局: G, statutory 0: on time, statutory 0.0, elapsed 0, no speed-up, share 0 ÷ 1 = 0.
 * All: 8 items; finished H, D, A, B, G = 5; on time 4: 80%; statutory (20 + 3 + 20 + 20 + 20 + 20
 *   + 7 + 0) ÷ 8 = 13.75; elapsed (9 + 0 + 5 + 16 + 0) ÷ 5 = 6; speed-up (0.55 + 1 + 0.75 + 0.2)
 *   ÷ 4 = 62.5%; ≥ 50%: H, D, A, 3 ÷ 5 = 60%; overdue 1. */
static void
test_speedup (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list_year (fixture, TODAY);
  g_autoptr (GArray) departments = tj_approval_speedup_figures (items);
  const TjDepartmentSpeedup *d;
  static const char *const order[] = {
    "发改委", "环保局", "国土资源局", "住建局", "城乡规划局", "消防大队", "文物局",
  };

  /* In the order of the unit list. */
  g_assert_cmpuint (departments->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (g_array_index (departments, TjDepartmentSpeedup, i).name, ==, order[i]);

  d = department (departments, "发改委");
  g_assert_cmpuint (d->items, ==, 2);
  g_assert_cmpuint (d->finished, ==, 2);
  g_assert_cmpuint (d->on_time, ==, 2);
  g_assert_true (d->has_on_time_rate);
  assert_close (d->on_time_rate, 1.0);
  assert_close (d->average_statutory, 11.5);
  assert_close (d->average_elapsed, 4.5);
  assert_close (d->average_speedup, 0.775);
  assert_close (d->target_share, 1.0);
  g_assert_cmpuint (d->overdue, ==, 0);

  d = department (departments, "国土资源局");
  g_assert_cmpuint (d->items, ==, 1);
  g_assert_cmpuint (d->finished, ==, 0);
  g_assert_false (d->has_on_time_rate);
  g_assert_false (d->has_average_elapsed);
  g_assert_false (d->has_average_speedup);
  assert_close (d->average_statutory, 20);
  g_assert_cmpuint (d->overdue, ==, 1);

  d = department (departments, "城乡规划局");
  g_assert_cmpuint (d->on_time, ==, 0);
  assert_close (d->on_time_rate, 0);
  assert_close (d->average_elapsed, 16);
  assert_close (d->average_speedup, 0.2);
  assert_close (d->target_share, 0);

  d = department (departments, "文物局");
  g_assert_cmpuint (d->finished, ==, 1);
  g_assert_cmpuint (d->on_time, ==, 1);
  assert_close (d->average_statutory, 0);
  g_assert_true (d->has_average_elapsed);
  assert_close (d->average_elapsed, 0);
  g_assert_false (d->has_average_speedup);
  g_assert_true (d->has_on_time_rate);
  assert_close (d->target_share, 0);
}

static void
assert_problem (GPtrArray  *problems,
                const char *field,
                const char *message)
{
  g_assert_cmpstr (tj_problems_find (problems, field), ==, message);
}

/* Every rule of an item, in zh_CN, naming the field. */
static void
test_validate_item (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  problems = tj_approval_item_validate (item, fixture->db);
  assert_problem (problems, "project_id", "请选择项目。");
  assert_problem (problems, "name", "事项名称不能为空。");
  assert_problem (problems, "stage", "请选择阶段。");
  assert_problem (problems, "unit_id", "请选择审批部门。");
  g_assert_cmpuint (problems->len, ==, 4);
  g_clear_pointer (&problems, g_ptr_array_unref);

  item->project_id = fixture->road;
  item->name = g_strdup ("  环评审批 ");
  item->stage = TJ_STAGE_LAND;
  item->unit_id = tj_unit_find (fixture->db, "环保局");
  item->statutory_days = -1;
  item->committed_days = -2;
  item->accepted = g_strdup ("2025-02-30");
  item->copied = g_strdup ("下周");
  problems = tj_approval_item_validate (item, fixture->db);
  assert_problem (problems, "statutory_days", "法定时限应为不小于 0 的整数个工作日。");
  assert_problem (problems, "committed_days", "承诺时限应为不小于 0 的整数个工作日。");
  assert_problem (problems, "accepted",
                  "受理日期：“2025-02-30”不是有效日期（请写作 2026-03-15）");
  assert_problem (problems, "copied", "抄告日期：“下周”不是有效日期（请写作 2026-03-15）");
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (item->name, ==, "环评审批");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* committed ≤ statutory; finished not before accepted; delivered not before finished. */
  item->statutory_days = 10;
  item->committed_days = 11;
  g_free (item->accepted);
  item->accepted = g_strdup ("2025/3/10");
  g_clear_pointer (&item->copied, g_free);
  item->finished = g_strdup ("2025-03-07");
  item->delivered = g_strdup ("2025-03-06");
  problems = tj_approval_item_validate (item, fixture->db);
  assert_problem (problems, "committed_days", "承诺时限不能超过法定时限。");
  assert_problem (problems, "finished", "办结日期不能早于受理日期。");
  assert_problem (problems, "delivered", "送达日期不能早于办结日期。");
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (item->accepted, ==, "2025-03-10");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A finished item counts from its acceptance. */
  item->committed_days = 10;
  g_clear_pointer (&item->accepted, g_free);
  g_clear_pointer (&item->delivered, g_free);
  problems = tj_approval_item_validate (item, fixture->db);
  assert_problem (problems, "accepted", "已办结的事项须填写受理日期。");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The case and the batch must be the project's own. */
  item->accepted = g_strdup ("2025-03-03");
  item->project_id = fixture->park;
  item->case_id = fixture->road_case;
  item->batch_id = fixture->batch;
  problems = tj_approval_item_validate (item, fixture->db);
  assert_problem (problems, "case_id", "所选代办件不属于该项目。");
  assert_problem (problems, "batch_id", "所选并联批次不属于该项目。");
  g_assert_cmpuint (problems->len, ==, 2);

  /* Saving refuses with every message joined, and writes nothing. */
  g_assert_false (tj_approval_item_save (fixture->db, item, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "所选代办件不属于该项目。；所选并联批次不属于该项目。");
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 8);
  g_clear_error (&error);

  item->case_id = item->batch_id = 0;
  item->statutory_days = 0;
  item->committed_days = 0;
  g_assert_true (tj_approval_item_save (fixture->db, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 9);
}

/* The rules of a case, a batch, a reminder and a catalogue entry. */
static void
test_validate_others (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (TjAgencyCase) agency_case = tj_agency_case_new ();
  g_autoptr (TjApprovalBatch) batch = tj_approval_batch_new ();
  g_autoptr (TjCatalogueEntry) entry = tj_catalogue_entry_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  problems = tj_agency_case_validate (agency_case, fixture->db);
  assert_problem (problems, "project_id", "请选择项目。");
  assert_problem (problems, "agent_id", "请选择代办员。");
  assert_problem (problems, "entrusted", "委托日期不能为空。");
  g_assert_cmpuint (problems->len, ==, 3);
  g_clear_pointer (&problems, g_ptr_array_unref);

  agency_case->project_id = fixture->park;
  agency_case->agent_id = fixture->agent;
  agency_case->entrusted = g_strdup ("2025-09-10");
  agency_case->delivered = g_strdup ("2025-09-09");
  agency_case->phone = g_strdup ("电话");
  agency_case->status = TJ_CASE_TERMINATED;
  problems = tj_agency_case_validate (agency_case, fixture->db);
  assert_problem (problems, "delivered", "送达日期不能早于委托日期。");
  assert_problem (problems, "termination_reason", "请填写终止原因。");
  assert_problem (problems, "phone", "联系电话“电话”只能包含数字、空格、“-”和“+”。");
  g_assert_cmpuint (problems->len, ==, 3);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = tj_approval_batch_validate (batch, fixture->db);
  assert_problem (problems, "project_id", "请选择项目。");
  assert_problem (problems, "lead_unit_id", "请选择牵头部门。");
  assert_problem (problems, "accepted", "受理日期不能为空。");
  g_assert_cmpuint (problems->len, ==, 3);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (tj_approval_remind (fixture->db, 1, "2025-13-01", " ", NULL, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "催办日期：“2025-13-01”不是有效日期（请写作 2026-03-15）；请填写催办人。");
  g_clear_error (&error);
  g_assert_false (tj_approval_remind (fixture->db, 999, "2025-10-20", AGENT, NULL, &error));
  g_assert_cmpstr (error->message, ==, "该审批事项已不存在。");
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_reminders"), ==, 0);

  /* The catalogue already has 环评审批 of 环保局 (schema 3's defaults). */
  entry->name = g_strdup ("环评审批");
  entry->unit_id = tj_unit_find (fixture->db, "环保局");
  entry->statutory_days = -3;
  problems = tj_catalogue_entry_validate (entry, fixture->db);
  assert_problem (problems, "name", "目录中该部门已有“环评审批”。");
  assert_problem (problems, "stage", "请选择阶段。");
  assert_problem (problems, "statutory_days", "法定时限应为不小于 0 的整数个工作日。");
  g_assert_cmpuint (problems->len, ==, 3);
}

/* 催办: logged with its date, who and a note; the item counts them. */
static void
changed_cb (TjDb       *db,
            const char *table,
            GString    *tables)
{
  g_string_append_printf (tables, "%s;", table);
}

static void
test_remind (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list_year (fixture, TODAY);
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (TjApprovalItem) reloaded = NULL;
  g_autoptr (GString) tables = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  TjApprovalItem *c = find_item (items, "用地预审与选址");
  TjApprovalReminder *first;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), tables);
  g_assert_cmpuint (c->n_reminders, ==, 0);
  g_assert_true (tj_approval_remind (fixture->db, c->id, "2025-10-17", AGENT, "电话催办", &error));
  g_assert_no_error (error);
  g_assert_true (tj_approval_remind (fixture->db, c->id, "2025/10/20", " 郑宏伟 ", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tables->str, ==, "approval_reminders;approval_reminders;");

  reminders = tj_approval_reminder_list (fixture->db, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 2);
  first = g_ptr_array_index (reminders, 0);
  g_assert_cmpstr (first->date, ==, "2025-10-17");
  g_assert_cmpstr (first->by_whom, ==, AGENT);
  g_assert_cmpstr (first->note, ==, "电话催办");
  g_assert_cmpstr (((TjApprovalReminder *) g_ptr_array_index (reminders, 1))->date, ==,
                   "2025-10-20");
  g_assert_cmpstr (((TjApprovalReminder *) g_ptr_array_index (reminders, 1))->by_whom, ==,
                   "郑宏伟");

  reloaded = tj_approval_item_load (fixture->db, c->id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->n_reminders, ==, 2);
  g_assert_cmpstr (reloaded->last_reminded, ==, "2025-10-20");
  /* The audit log has both. */
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM audit WHERE table_name = "
                                                "'approval_reminders' AND action = 'insert'"), ==, 2);
}

/* A case lists its items and their progress; deleting it keeps them. */
static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = tj_agency_case_list (fixture->db, 2025, &error);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) by_project = NULL;
  TjAgencyCase *road_case;

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  road_case = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (road_case->project_name, ==, ROAD);
  g_assert_cmpstr (road_case->agent_name, ==, AGENT);
  g_assert_cmpuint (road_case->n_items, ==, 3);
  g_assert_cmpuint (road_case->n_finished, ==, 3);
  g_assert_cmpstr (tj_case_status_label (road_case->status), ==, "办理中");

  items = tj_approval_item_list_case (fixture->db, road_case->id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  by_project = tj_approval_item_list_project (fixture->db, fixture->park, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_project->len, ==, 5);

  road_case->status = TJ_CASE_FINISHED;
  road_case->evaluation = TJ_EVALUATION_SATISFIED;
  road_case->delivered = g_strdup ("2025-03-05");
  road_case->delivery_method = g_strdup ("窗口领取");
  g_assert_true (tj_agency_case_save (fixture->db, road_case, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = tj_agency_case_list_project (fixture->db, fixture->road, &error);
  road_case = g_ptr_array_index (cases, 0);
  g_assert_cmpint (road_case->status, ==, TJ_CASE_FINISHED);
  g_assert_cmpstr (tj_evaluation_label (road_case->evaluation), ==, "满意");
  g_assert_cmpstr (road_case->delivered, ==, "2025-03-05");
  g_assert_cmpint (tj_evaluation_parse ("基本满意"), ==, TJ_EVALUATION_FAIRLY_SATISFIED);
  g_assert_cmpint (tj_case_status_parse ("已终止"), ==, TJ_CASE_TERMINATED);
  g_assert_cmpint (tj_approval_stage_parse ("工程建设许可"), ==, TJ_STAGE_PERMIT);

  g_assert_true (tj_agency_case_delete (fixture->db, road_case->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 8);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items WHERE case_id "
                                                "IS NOT NULL"), ==, 0);
}

/* Schema 3 starts the catalogue with the common items, each with its department. */
static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = tj_catalogue_list (fixture->db, &error);
  g_autoptr (TjCatalogueEntry) entry = tj_catalogue_entry_new ();
  static const char *const names[] = {
    "项目备案", "节能审查", "环评审批", "用地预审与选址", "建设用地规划许可",
    "建设工程规划许可", "施工许可", "使用林地审核", "水土保持方案", "消防设计审查", "考古勘探",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < entries->len && !found; j++)
        {
          TjCatalogueEntry *e = g_ptr_array_index (entries, j);

          found = g_str_equal (e->name, names[i]) && e->unit_name != NULL &&
                  e->stage != TJ_STAGE_NONE && e->statutory_days > 0;
        }
      g_assert_true (found);
    }

  entry->name = g_strdup ("取水许可");
  entry->unit_id = tj_unit_find (fixture->db, "水务局");
  entry->stage = TJ_STAGE_LAND;
  entry->statutory_days = 20;
  g_assert_true (tj_catalogue_entry_save (fixture->db, entry, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = tj_catalogue_list (fixture->db, &error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (names) + 1);
  g_assert_true (tj_catalogue_entry_delete (fixture->db, entry->id, &error));
  g_assert_no_error (error);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gboolean    gb18030)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *bytes = NULL;
  gsize length = strlen (contents);

  if (gb18030)
    {
      bytes = g_convert (contents, -1, "GB18030", "UTF-8", NULL, &length, NULL);
      g_assert_nonnull (bytes);
    }
  g_assert_true (g_file_set_contents (path, bytes != NULL ? bytes : contents, length, NULL));
  return path;
}

#define HEADER                                                                                   \
  "项目名称,事项名称,审批部门,阶段,法定时限（工作日）,承诺时限（工作日）,绿色通道,受理日期,"  \
  "抄告日期,办结日期,送达日期,代办员\n"

/* One bad cell anywhere and nothing is written; every problem is named by line and column. */
static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = write_file (
    fixture->dir, "审批事项.csv",
    HEADER
    PARK ",取水许可,水务局,立项用地规划,20,10,是,2025-09-01,,2025-09-05,,\n"
    PARK ",环评审批,环保局,立项用地规划,20,10,否,2025-02-30,,,,\n"
    PARK ",节能审查,发改委,立项用地规划,10,11,否,2025-09-01,,,,\n"
    "不存在的项目,节能审查,发改委,立项用地规划,10,10,否,,,,,\n"
    PARK ",项目备案,财务科,立项用地规划,3,3,否,,,,,\n"
    PARK ",使用林地审核,林业局,前期,20,20,否,,,,,\n"
    PARK ",水土保持方案,水务局,立项用地规划,20,10,也许,,,,,\n"
    PARK ",考古勘探,文物局,立项用地规划,二十,,否,,,,,\n"
    PARK ",消防设计审查,消防大队,工程建设许可,20,,否,2025-09-01,,,,张三\n"
    PARK ",取水许可,水务局,立项用地规划,20,10,是,2025-09-01,,,,\n"
    PARK ",施工许可,住建局,施工许可,7,7,否,2025-09-10,,2025-09-05,,\n",
    FALSE);
  static const char *const expected[] = {
    "第 3 行，“受理日期”：“2025-02-30”不是有效日期（请写作 2026-03-15）",
    "第 4 行，“承诺时限（工作日）”：承诺时限不能超过法定时限。",
    "第 5 行，“项目名称”：2025 年名单中没有项目“不存在的项目”。",
    "第 6 行，“审批部门”：单位名单中没有“财务科”。",
    "第 7 行，“阶段”：“前期”不是阶段：请填写立项用地规划、工程建设许可、施工许可或竣工验收。",
    "第 8 行，“绿色通道”：“也许”既不是“是”也不是“否”。",
    "第 9 行，“法定时限（工作日）”：“二十”不是整数个工作日。",
    "第 10 行，“代办员”：人员名单中没有“张三”。",
    "第 11 行，“事项名称”：“取水许可”与第 2 行重名。",
    "第 12 行，“办结日期”：办结日期不能早于受理日期。",
  };
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (tj_approval_import (fixture->db, path, 2025, FALSE, &result, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "发现 10 处错误，未导入任何审批事项。");
  g_assert_cmpuint (result->errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (result->errors, i), ==, expected[i]);
  g_assert_cmpuint (result->added, ==, 0);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 8);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM agency_cases"), ==, 1);
}

/* A GB18030 file (Excel's "CSV" on Chinese Windows) with a title row above the header: items
 * added, a case made for the agent it names, committed limits filled in (the green channel's
 * half, else the statutory limit); imported again, the same items are updated. */
static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (
    fixture->dir, "审批事项.csv",
    "2025年重点项目审批事项台账,,,,,,,,,,,\n"
    HEADER
    PARK ",取水许可,水务局,立项用地规划,20,,是,2025/9/22,2025-09-22,2025-09-29,2025-09-30,"
    AGENT "\n"
    PARK ",建设工程规划许可,城乡规划局,工程建设许可,20,,否,2025-09-15,,,," AGENT "\n"
    ROAD ",施工许可,住建局,施工许可,7,5,否,2025-10-09,,,,\n",
    TRUE);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjImportResult) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  TjApprovalItem *water, *plan, *permit;
  TjAgencyCase *park_case = NULL;

  /* A dry run writes nothing. */
  g_assert_true (tj_approval_import (fixture->db, path, 2025, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 8);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM imports"), ==, 0);
  g_clear_pointer (&result, tj_import_result_free);

  g_assert_true (tj_approval_import (fixture->db, path, 2025, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  /* one audit entry naming the file kept and the three items, none per item; the check holds */
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM audit WHERE action = "
                                                "'import' AND changes ->> '$.file' = '审批事项.csv' "
                                                "AND changes ->> '$.sha256' = (SELECT sha256 FROM "
                                                "imports WHERE kind = 'approval_items')"), ==, 1);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT sum ((r.value ->> 1) - (r.value ->> 0) + 1) "
                                                "FROM audit a, json_each (a.changes, "
                                                "'$.tables.approval_items.ids') r "
                                                "WHERE a.action = 'import'"), ==, 3);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM audit l, audit a, json_each "
                                                "(a.changes, '$.tables.approval_items.ids') r "
                                                "WHERE a.action = 'import' AND l.table_name = "
                                                "'approval_items' AND l.action = 'insert' AND "
                                                "l.record_id BETWEEN r.value ->> 0 AND "
                                                "r.value ->> 1"), ==, 0);
  {
    g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (tj_audit_verify_records (fixture->db, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->warnings, 0), ==,
                   "已为文件中的代办员新建 1 个代办件，委托日期取其事项中最早的受理日期。");

  items = list_year (fixture, TODAY);
  g_assert_cmpuint (items->len, ==, 11);
  water = find_item (items, "取水许可");
  g_assert_true (water->green);
  g_assert_cmpint (water->committed_days, ==, 10);
  g_assert_cmpstr (water->accepted, ==, "2025-09-22");
  g_assert_cmpstr (water->copied, ==, "2025-09-22");
  g_assert_cmpstr (water->delivered, ==, "2025-09-30");
  g_assert_cmpint (water->stage, ==, TJ_STAGE_LAND);
  /* 09-22 (Mon) to 09-29 (Mon): 09-23…09-26, 09-28 (Sun, 调休), 09-29: 6 working days;
   * (20 − 6) ÷ 20 = 70%. */
  g_assert_cmpint (water->elapsed, ==, 6);
  assert_close (water->speedup, 0.7);
  g_assert_cmpstr (water->agent_name, ==, AGENT);
  plan = find_item (items, "建设工程规划许可");
  g_assert_false (plan->green);
  g_assert_cmpint (plan->committed_days, ==, 20);
  g_assert_cmpint (plan->stage, ==, TJ_STAGE_PERMIT);
  g_assert_cmpint (plan->case_id, ==, water->case_id);
  permit = NULL;
  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, "施工许可") && item->project_id == fixture->road)
        permit = item;
    }
  g_assert_nonnull (permit);
  g_assert_cmpint (permit->committed_days, ==, 5);
  g_assert_cmpint (permit->case_id, ==, 0);

  cases = tj_agency_case_list_project (fixture->db, fixture->park, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  park_case = g_ptr_array_index (cases, 0);
  /* The earliest acceptance of its items: 09-15. */
  g_assert_cmpstr (park_case->entrusted, ==, "2025-09-15");
  g_assert_cmpint (park_case->agent_id, ==, fixture->agent);
  g_assert_cmpint (park_case->status, ==, TJ_CASE_IN_PROGRESS);
  g_assert_cmpuint (park_case->n_items, ==, 2);

  /* Again: the same items are updated, no case is added. */
  g_assert_true (tj_approval_import (fixture->db, path, 2025, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->updated, ==, 3);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 11);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM agency_cases"), ==, 2);
}

static gint64
count_items (Fixture    *fixture,
             gint64      project,
             const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM approval_items WHERE "
                                          "project_id = %" G_GINT64_FORMAT " AND name = ?",
                                          project);

  return tj_test_scalar_bind (fixture->db, sql, name);
}

/* Issue 7, point 15. Without a year, each row's project is found on the list of its acceptance
 * year (the park is on the 2025 and the 2026 lists); an item is keyed by project, name and
 * acceptance date, so 施工许可 per section and a new application after a refusal are items of
 * their own, and the park's 施工许可 stored without a date (F) gets the first one. */
static void
test_import_year_and_recurring_items (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = write_file (
    fixture->dir, "审批事项.csv",
    HEADER
    PARK ",施工许可,住建局,施工许可,7,7,否,2025-10-09,,,,\n"
    PARK ",施工许可,住建局,施工许可,7,7,否,2025-10-16,,,,\n"
    PARK ",施工许可,住建局,施工许可,7,5,否,2026-03-02,,,,\n"
    ROAD ",环评审批,环保局,立项用地规划,20,10,是,2025-01-24,,2025-02-07,,\n"
    ROAD ",环评审批,环保局,立项用地规划,20,20,否,2025-05-06,,,,\n",
    FALSE);
  g_autofree char *undated = write_file (fixture->dir, "未受理.csv",
                                         HEADER PARK ",施工许可,住建局,施工许可,7,7,否,,,,,\n",
                                         FALSE);
  g_autoptr (TjImportResult) result = NULL;
  g_autoptr (TjImportResult) again = NULL;
  g_autoptr (TjImportResult) refused = NULL;
  g_autoptr (TjImportResult) wrong_year = NULL;
  g_autoptr (GError) error = NULL;
  gint64 officer = tj_test_scalar (fixture->db, "SELECT officer_id FROM projects LIMIT 1");
  gint64 park_2026 = add_project (fixture->db, 2026, PARK, "告成镇", officer);
  gint64 f_item = tj_test_scalar_bind (fixture->db, "SELECT id FROM approval_items WHERE "
                                                    "name = ? AND accepted IS NULL",
                                       "施工许可");

  g_assert_true (tj_approval_import (fixture->db, path, 0, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (result->updated, ==, 2);
  g_assert_cmpint (count_items (fixture, fixture->park, "施工许可"), ==, 2);
  g_assert_cmpint (count_items (fixture, park_2026, "施工许可"), ==, 1);
  g_assert_cmpint (count_items (fixture, fixture->road, "环评审批"), ==, 2);
  g_assert_cmpint (tj_test_scalar_bind (fixture->db, "SELECT id FROM approval_items WHERE "
                                                     "accepted = ?",
                                        "2025-10-09"),
                   ==, f_item);
  g_assert_cmpint (tj_test_scalar_bind (fixture->db, "SELECT committed_days FROM approval_items "
                                                     "WHERE accepted = ?",
                                        "2026-03-02"),
                   ==, 5);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 11);

  /* Imported again: every row finds its own item. */
  g_assert_true (tj_approval_import (fixture->db, path, 0, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->updated, ==, 5);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_items"), ==, 11);

  /* No date and no year: the list is unknown, and the row says so. */
  g_assert_false (tj_approval_import (fixture->db, undated, 0, TRUE, &refused, &error));
  g_clear_error (&error);
  g_assert_cmpuint (refused->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (refused->errors, 0), ==,
                   "第 2 行，“受理日期”：没有受理日期，无法确定项目所在年度名单：请填写受理日期，"
                   "或指定年度。");

  /* A year given is the list every row is looked up in. */
  g_assert_false (tj_approval_import (fixture->db, path, 2026, TRUE, &wrong_year, &error));
  g_clear_error (&error);
  g_assert_cmpuint (wrong_year->errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (wrong_year->errors, 0), ==,
                   "第 5 行，“项目名称”：2026 年名单中没有项目“" ROAD "”。");
}

static void
assert_fact (GVariant   *facts,
             const char *cell,
             const char *suffix,
             const char *expected)
{
  g_autofree char *key = g_strconcat (cell, suffix, NULL);

  g_assert_cmpstr (tj_test_xlsx_fact (facts, key), ==, expected);
}

/* A number cell: its value within 1e-9, and its number format. */
static void
assert_number (GVariant   *facts,
               const char *cell,
               double      expected,
               const char *format)
{
  const char *text = tj_test_xlsx_fact (facts, cell);
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (*text == '\0' || *end != '\0')
    g_error ("%s is “%s”, not a number", cell, text);
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
  assert_fact (facts, cell, ".format", format);
}

/* A header as written: the writer may break a long one before its unit in brackets. */
static void
assert_header (GVariant   *facts,
               const char *cell,
               const char *expected)
{
  g_auto (GStrv) lines = g_strsplit (tj_test_xlsx_fact (facts, cell), "\n", -1);
  g_autofree char *joined = g_strjoinv ("", lines);

  g_assert_cmpstr (joined, ==, expected);
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
}

/* 代办事项台账: title, subtitle and summary above the header (row 4); an item per row from row 5,
 * in the order of the projects, then as entered. */
static void
test_ledger_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "台账.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) items = NULL;
  g_autoptr (GVariant) cases = NULL;
  static const char *const headers[] = {
    "序号", "项目名称", "属地", "事项名称", "阶段", "审批部门", "绿色通道", "法定时限（工作日）",
    "承诺时限（工作日）", "受理日期", "办结期限", "办结日期", "用时（工作日）", "剩余工作日",
    "提速率", "状态", "代办员", "暂停（工作日）", "抄告日期", "送达日期", "经办人",
  };
  char cell[8];

  g_assert_true (tj_approval_write_ledger (fixture->db, 2025, TODAY, path, &error));
  g_assert_no_error (error);
  items = tj_test_xlsx_read (path, 0, "A1", "A2", "A3", "A4", "B4", "C4", "D4", "E4", "F4", "G4",
                             "H4", "I4", "J4", "K4", "L4", "M4", "N4", "O4", "P4", "Q4", "R4",
                             "S4", "T4", "U4", "B5", "D5", "F5", "G5", "H5", "I5", "J5", "K5", "L5", "M5", "N5", "O5", "P5", "Q5",
                             "D8", "K8", "M8", "O8", "P8", "D9", "K9", "M9", "N9", "O9", "P9",
                             "D10", "K10", "N10", "P10", "D11", "K11", "P11", "D12", "M12", "O12",
                             "P12", "A13", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (items, "sheets"), ==, "审批事项|代办件");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "A1"), ==, "登封市2025年代办事项台账");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "A2"), ==, "（截至2025年10月20日）");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "A3"), ==,
                   "共 8 项：办理中 1 项，超期未办结 1 项，按时办结 4 项，"
                   "逾期办结 1 项，未受理 1 项。");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      g_snprintf (cell, sizeof cell, "%c4", 'A' + c);
      assert_header (items, cell, headers[c]);
    }

  /* A: 环评审批 of the road */
  g_assert_cmpstr (tj_test_xlsx_fact (items, "B5"), ==, ROAD);
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D5"), ==, "环评审批");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "F5"), ==, "环保局");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "G5"), ==, "是");
  assert_number (items, "H5", 20, "0");
  assert_number (items, "I5", 10, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "J5"), ==, "2025-01-24");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "K5"), ==, "2025-02-13");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "L5"), ==, "2025-02-07");
  assert_number (items, "M5", 5, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "N5"), ==, "");
  assert_number (items, "O5", 0.75, "0.0%");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P5"), ==, "按时办结");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "Q5"), ==, AGENT);
  /* B, C, E, F, G of the park */
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D8"), ==, "建设用地规划许可");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "K8"), ==, "2025-10-17");
  assert_number (items, "M8", 16, "0");
  assert_number (items, "O8", 0.2, "0.0%");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P8"), ==, "逾期办结");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D9"), ==, "用地预审与选址");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "K9"), ==, "2025-10-16");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "M9"), ==, "");
  assert_number (items, "N9", -2, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "O9"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P9"), ==, "超期未办结");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D10"), ==, "消防设计审查");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "K10"), ==, "2025-10-22");
  assert_number (items, "N10", 2, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P10"), ==, "办理中");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D11"), ==, "施工许可");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "K11"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P11"), ==, "未受理");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "D12"), ==, "考古勘探");
  assert_number (items, "M12", 0, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "O12"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "P12"), ==, "按时办结");
  g_assert_true (g_str_has_prefix (tj_test_xlsx_fact (items, "A13"), "注：时限均按工作日计算"));
  /* 2025 has its holiday table: no plain-weekday note. */
  assert_print_setup (items, "$4:$4");
  g_assert_cmpstr (tj_test_xlsx_fact (items, "max_column"), ==, "22"); /* 备注 last */

  cases = tj_test_xlsx_read (path, 1, "A1", "B4", "C4", "E4", "F4", "G4", "H4", "I4", "J4", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "A1"), ==, "登封市2025年全程代办件登记表");
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "B4"), ==, ROAD);
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "C4"), ==, "登封市城市建设投资有限公司");
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "E4"), ==, "2025-01-20");
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "F4"), ==, AGENT);
  g_assert_cmpstr (tj_test_xlsx_fact (cases, "G4"), ==, "办理中");
  assert_number (cases, "H4", 3, "0");
  assert_number (cases, "I4", 3, "0");
  assert_number (cases, "J4", 0, "0");
  assert_print_setup (cases, "$3:$3");
}

/* 部门审批提速情况: the figures of test_speedup in cells, with their formats; the batches on the
 * second sheet. */
static void
test_speedup_xlsx (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "提速.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GVariant) batches = NULL;

  g_assert_true (tj_approval_write_speedup (fixture->db, 2025, TODAY, path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "A1", "A2", "B3", "C3", "D3", "E3", "F3", "G3", "H3", "I3",
                             "J3", "K3", "B4", "C4", "D4", "E4", "F4", "G4", "H4", "I4", "J4", "K4",
                             "B6", "F6", "H6", "K6", "B10", "G10", "I10", "J10", "A11", "C11",
                             "D11", "E11", "F11", "G11", "H11", "I11", "J11", "K11", "A12", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "sheets"), ==, "分部门|并联审批");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A1"), ==, "登封市2025年部门审批提速情况");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A2"), ==, "（截至2025年10月20日）");
  assert_header (facts, "B3", "审批部门");
  assert_header (facts, "C3", "事项数");
  assert_header (facts, "D3", "已办结");
  assert_header (facts, "E3", "按时办结");
  assert_header (facts, "F3", "按时办结率");
  assert_header (facts, "G3", "平均法定时限（工作日）");
  assert_header (facts, "H3", "平均用时（工作日）");
  assert_header (facts, "I3", "平均提速率");
  assert_header (facts, "J3", "提速50%以上占比");
  assert_header (facts, "K3", "超期未办结");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B4"), ==, "发改委");
  assert_number (facts, "C4", 2, "0");
  assert_number (facts, "D4", 2, "0");
  assert_number (facts, "E4", 2, "0");
  assert_number (facts, "F4", 1, "0.0%");
  assert_number (facts, "G4", 11.5, "0.0");
  assert_number (facts, "H4", 4.5, "0.0");
  assert_number (facts, "I4", 0.775, "0.0%");
  assert_number (facts, "J4", 1, "0.0%");
  assert_number (facts, "K4", 0, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B6"), ==, "国土资源局");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "F6"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "H6"), ==, "");
  assert_number (facts, "K6", 1, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "B10"), ==, "文物局");
  assert_number (facts, "G10", 0, "0.0");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "I10"), ==, "");
  assert_number (facts, "J10", 0, "0.0%");

  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A11"), ==, "合计");
  assert_fact (facts, "A11", ".bold", "True");
  assert_number (facts, "C11", 8, "0");
  assert_number (facts, "D11", 5, "0");
  assert_number (facts, "E11", 4, "0");
  assert_number (facts, "F11", 0.8, "0.0%");
  assert_number (facts, "G11", 13.75, "0.0");
  assert_number (facts, "H11", 6, "0.0");
  assert_number (facts, "I11", 0.625, "0.0%");
  assert_number (facts, "J11", 0.6, "0.0%");
  assert_number (facts, "K11", 1, "0");
  g_assert_true (
      g_str_has_prefix (tj_test_xlsx_fact (facts, "A12"), "注：统计本年度重点项目的审批事项"));
  assert_print_setup (facts, "$3:$3");

  batches = tj_test_xlsx_read (path, 1, "A1", "B4", "C4", "D4", "E4", "F4", "G4", "H4", "I4", "J4",
                               "B5", "F5", "H5", "J5", "A6", "J6", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "A1"), ==, "登封市2025年并联审批情况");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "B4"), ==, ROAD);
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "C4"), ==, "发改委");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "D4"), ==, "2025-01-24");
  assert_number (batches, "E4", 2, "0");
  assert_number (batches, "F4", 2, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "G4"), ==, "2025-02-12");
  assert_number (batches, "H4", 9, "0");
  assert_number (batches, "I4", 40, "0");
  assert_number (batches, "J4", 31, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "B5"), ==, PARK);
  assert_number (batches, "F5", 0, "0");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "H5"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "J5"), ==, "");
  g_assert_cmpstr (tj_test_xlsx_fact (batches, "A6"), ==, "合计");
  assert_number (batches, "J6", 31, "0");
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The same reports as PDF: the figures as the tables show them. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *ledger = g_build_filename (fixture->dir, "台账.PDF", NULL);
  g_autofree char *speedup = g_build_filename (fixture->dir, "提速.pdf", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "提速.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (tj_approval_write_ledger (fixture->db, 2025, TODAY, ledger, &error));
  g_assert_no_error (error);
  text = pdf_text (ledger);
  g_assert_nonnull (strstr (text, "登封市2025年代办事项台账"));
  g_assert_nonnull (strstr (text, "75.0%"));
  g_assert_nonnull (strstr (text, "超期未办结"));
  g_assert_nonnull (strstr (text, "2025-10-16"));
  g_clear_pointer (&text, g_free);

  g_assert_true (tj_approval_write_speedup (fixture->db, 2025, TODAY, speedup, &error));
  g_assert_no_error (error);
  text = pdf_text (speedup);
  g_assert_nonnull (strstr (text, "登封市2025年部门审批提速情况"));
  g_assert_nonnull (strstr (text, "13.8"));  /* 13.75, one decimal, half away from zero */
  g_assert_nonnull (strstr (text, "62.5%"));
  g_assert_nonnull (strstr (text, "77.5%"));
  g_assert_nonnull (strstr (text, "登封市2025年并联审批情况"));

  g_assert_false (tj_approval_write_speedup (fixture->db, 2025, TODAY, txt, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* A year without a holiday table is counted as plain weekdays, and the reports say so. 2027 has
 * no table: 2027-01-01 is a Friday; five working days after it are 01-04…01-08. */
static void
test_plain_weekdays (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "2027.xlsx", NULL);
  g_autofree char *speedup = g_build_filename (fixture->dir, "2027提速.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) facts = NULL;
  g_autoptr (GVariant) speedup_facts = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 project
      = add_project (fixture->db, 2027, "2027年新项目", "大冶镇",
                     tj_test_scalar (fixture->db, "SELECT id FROM people WHERE is_officer"));

  add_item (fixture->db, project, 0, 0, "施工许可", "住建局", TJ_STAGE_CONSTRUCTION, 7, 5, FALSE,
            "2027-01-01", NULL);
  items = tj_approval_item_list (fixture->db, 2027, "2027-01-05", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TjApprovalItem *) g_ptr_array_index (items, 0))->deadline, ==,
                   "2027-01-08");
  g_assert_cmpint (((TjApprovalItem *) g_ptr_array_index (items, 0))->remaining, ==, 3);

  g_assert_true (tj_approval_write_ledger (fixture->db, 2027, "2027-01-05", path, &error));
  g_assert_no_error (error);
  facts = tj_test_xlsx_read (path, 0, "A3", "A4", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A3"), ==,
                   "共 1 项：办理中 1 项，超期未办结 0 项，按时办结 0 项，"
                   "逾期办结 0 项，未受理 0 项。");
  g_assert_cmpstr (tj_test_xlsx_fact (facts, "A4"), ==,
                   "2027年无节假日安排表，按普通工作日计算（周一至周五）。");
  g_assert_true (tj_approval_write_speedup (fixture->db, 2027, "2027-01-05", speedup, &error));
  g_assert_no_error (error);
  speedup_facts = tj_test_xlsx_read (speedup, 0, "A3", NULL);
  g_assert_cmpstr (tj_test_xlsx_fact (speedup_facts, "A3"), ==,
                   "2027年无节假日安排表，按普通工作日计算（周一至周五）。");
}

/* The demo: cases of the current year with items, some overdue, green items that met 50%, one
 * batch that saved time; every item valid. */
static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  guint overdue = 0, green_met = 0, late = 0;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM agency_cases"), >=, 5);
  items = tj_approval_item_list (db, 2026, "2026-10-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 20);
  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) problems = tj_approval_item_validate (item, db);

      g_assert_cmpuint (problems->len, ==, 0);
      overdue += item->overdue;
      late += item->late;
      green_met += item->green && item->met_target;
    }
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (late, >=, 1);
  g_assert_cmpuint (green_met, >=, 3);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM approval_reminders"), >=, 1);
  batches = tj_approval_batch_list (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_true (((TjApprovalBatch *) g_ptr_array_index (batches, 0))->has_elapsed);
  g_assert_cmpint (((TjApprovalBatch *) g_ptr_array_index (batches, 0))->saved, >, 0);
  tj_test_rmdir (dir);
}

/* .csv writes the items' sheet (the book's first); another extension is refused with the
 * reports' one message and writes nothing. */
static void
test_ledger_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "台账.csv", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "台账.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_approval_write_ledger (fixture->db, 2025, TODAY, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "事项名称"));
  g_assert_nonnull (strstr (contents, "暂停（工作日）"));
  g_assert_nonnull (strstr (contents, "环评审批"));

  g_assert_false (tj_approval_write_speedup (fixture->db, 2025, TODAY, txt, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  expected = g_strdup_printf ("“%s”：报表不能导出为 .txt 文件，请用 .xlsx、.pdf 或 .csv。", txt);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* Whether one of the problems of field says exactly this. */
static gboolean
has_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->field, field) && g_str_equal (problem->message, message))
        return TRUE;
    }
  return FALSE;
}

/* 暂停 (issue 7, point 16) on the 2026 table: 清明节 4月4日（周六）至6日（周一）放假.
 * 施工许可 accepted 2026-04-01 (Wednesday), committed 5 working days: 04-02 Thu, 04-03 Fri,
 * 04-07 Tue, 04-08 Wed, 04-09 Thu → deadline 04-09. Suspended 04-03 (Fri) to 04-07 (Tue) for
 * 补正材料: 04-03 and 04-07 are working days, the weekend and the holiday Monday are not → 2
 * working days; the deadline moves by exactly 2 working days: 04-10 Fri, 04-13 Mon. */
static void
test_suspensions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (TjApprovalItem) item = NULL;
  g_autoptr (TjApprovalItem) copy = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDeletion) deletion = NULL;
  g_autofree char *notes = NULL;
  gint64 id;

  id = add_item (fixture->db, fixture->road, 0, 0, "施工许可", "住建局", TJ_STAGE_CONSTRUCTION,
                 7, 5, FALSE, "2026-04-01", NULL);
  item = tj_approval_item_load (fixture->db, id, "2026-04-02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->deadline, ==, "2026-04-09");
  g_assert_cmpuint (item->suspensions->len, ==, 0);

  /* The old flag alone changes no figure and says so. */
  item->suspended = TRUE;
  g_assert_true (tj_approval_item_save (fixture->db, item, &error));
  g_clear_object (&item);
  item = tj_approval_item_load (fixture->db, id, "2026-04-02", &error);
  g_assert_cmpstr (item->deadline, ==, "2026-04-09");
  g_assert_cmpint (item->suspended_days, ==, 0);
  notes = tj_approval_item_describe_suspensions (item);
  g_assert_cmpstr (notes, ==, "暂停（未记录起止日期）");
  g_clear_pointer (&notes, g_free);

  tj_approval_item_add_suspension (item, " 2026/4/3 ", "2026-04-07", " 补正材料 ");
  g_assert_true (tj_approval_item_save (fixture->db, item, &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = tj_approval_item_load (fixture->db, id, "2026-04-02", &error);
  g_assert_cmpuint (item->suspensions->len, ==, 1);
  g_assert_cmpstr (((TjApprovalSuspension *) g_ptr_array_index (item->suspensions, 0))->from, ==,
                   "2026-04-03");
  g_assert_cmpint (item->suspended_days, ==, 2);
  g_assert_cmpstr (item->deadline, ==, "2026-04-13");
  /* On 04-02: 04-03, 07, 08, 09, 10 and 13 are left, 6 working days. */
  g_assert_cmpint (item->remaining, ==, 6);
  notes = tj_approval_item_describe_suspensions (item);
  g_assert_cmpstr (notes, ==, "2026-04-03 至 2026-04-07 补正材料（2 个工作日）");
  g_clear_pointer (&notes, g_free);

  /* Finished on the moved deadline: on time; (04-01, 04-13] has 7 working days, 2 suspended →
   * 用时 5; 提速率 (7 − 5) ÷ 7. */
  item->finished = g_strdup ("2026-04-13");
  g_assert_true (tj_approval_item_save (fixture->db, item, &error));
  g_clear_object (&item);
  item = tj_approval_item_load (fixture->db, id, "2026-04-20", &error);
  g_assert_cmpint (item->state, ==, TJ_ITEM_ON_TIME);
  g_assert_cmpint (item->elapsed, ==, 5);
  g_assert_cmpfloat_with_epsilon (item->speedup, 2.0 / 7.0, 1e-12);
  g_assert_false (item->met_target);

  /* The ledger: the road's items A, H, D, then this one on row 8; 9 items on rows 5 to 13, the
   * two notes of every ledger, then the suspensions'. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "台账.xlsx", NULL);
    g_autoptr (GVariant) facts = NULL;

    g_assert_true (tj_approval_write_ledger (fixture->db, 2025, "2026-04-20", path, &error));
    g_assert_no_error (error);
    facts = tj_test_xlsx_read (path, 0, "R4", "D8", "K8", "M8", "R8", "R7", "A16", "A17", NULL);
    assert_header (facts, "R4", "暂停（工作日）");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "D8"), ==, "施工许可");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "K8"), ==, "2026-04-13");
    assert_number (facts, "M8", 5, "0");
    assert_number (facts, "R8", 2, "0");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "R7"), ==, "");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "A16"), ==,
                     "暂停期间（补正材料、专家评审、听证、公示）不计入办理时限：办结期限按暂停的"
                     "工作日数顺延，用时不含暂停的工作日。");
    g_assert_cmpstr (tj_test_xlsx_fact (facts, "A17"), ==,
                     "序号 4 施工许可：2026-04-03 至 2026-04-07 补正材料（2 个工作日）");
  }

  /* Refused: an overlap, a period after the finish or before the acceptance, from after to, no
   * reason, a missing date. Nothing is written. */
  copy = tj_approval_item_copy (item);
  tj_approval_item_add_suspension (copy, "2026-04-07", "2026-04-08", "专家评审");
  g_assert_false (tj_approval_item_save (fixture->db, copy, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "暂停期间 2026-04-07 至 2026-04-08 与 2026-04-03 至 2026-04-07 重叠。");
  g_clear_error (&error);
  g_clear_object (&copy);
  copy = tj_approval_item_copy (item);
  g_ptr_array_set_size (copy->suspensions, 0);
  tj_approval_item_add_suspension (copy, "2026-03-31", "2026-04-02", "听证");
  tj_approval_item_add_suspension (copy, "2026-04-10", "2026-04-14", "公示");
  tj_approval_item_add_suspension (copy, "2026-04-09", "2026-04-08", "  ");
  tj_approval_item_add_suspension (copy, "", "2026-04-0x", "补正材料");
  problems = tj_approval_item_validate (copy, fixture->db);
  g_assert_true (has_problem (problems, "suspensions",
                              "第 1 段暂停：开始日期不能早于受理日期（2026-04-01）。"));
  g_assert_true (has_problem (problems, "suspensions",
                              "第 2 段暂停：结束日期不能晚于办结日期（2026-04-13）。"));
  g_assert_true (has_problem (problems, "suspensions", "第 3 段暂停：请填写暂停原因。"));
  g_assert_true (has_problem (problems, "suspensions",
                              "第 3 段暂停：开始日期不能晚于结束日期。"));
  g_assert_true (has_problem (problems, "suspensions", "第 4 段暂停：开始日期为必填项。"));
  g_assert_true (has_problem (problems, "suspensions",
                              "第 4 段暂停：“2026-04-0x”不是有效日期（请写作 2026-03-15）"));
  g_assert_cmpuint (problems->len, ==, 6);
  g_assert_false (tj_approval_item_save (fixture->db, copy, &error));
  g_clear_error (&error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_suspensions"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An item written without its periods loaded (as the import does) keeps them, and its dates
   * are still checked against them. */
  g_clear_object (&copy);
  copy = tj_approval_item_copy (item);
  g_clear_pointer (&copy->suspensions, g_ptr_array_unref);
  g_free (copy->finished);
  copy->finished = g_strdup ("2026-04-06");
  problems = tj_approval_item_validate (copy, fixture->db);
  g_assert_true (has_problem (problems, "suspensions",
                              "第 1 段暂停：结束日期不能晚于办结日期（2026-04-06）。"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_free (copy->notes);
  copy->notes = g_strdup ("已送达");
  g_free (copy->finished);
  copy->finished = g_strdup ("2026-04-13");
  g_assert_true (tj_approval_item_save (fixture->db, copy, &error));
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_suspensions"), ==, 1);

  /* Deleting the project and undoing it brings the period back. */
  deletion = tj_project_delete_undoable (fixture->db, fixture->road, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tj_test_scalar (fixture->db, "SELECT count(*) FROM approval_suspensions"), ==, 0);
  g_assert_true (tj_deletion_undo (fixture->db, deletion, &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = tj_approval_item_load (fixture->db, id, "2026-04-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (item->suspensions->len, ==, 1);
  g_assert_cmpstr (item->deadline, ==, "2026-04-13");
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tj/approval/compute/spring-festival-with-adjusted-weekends", test_spring_festival);
  ADD ("/tj/approval/compute/national-day-late-overdue-due-soon", test_national_day);
  ADD ("/tj/approval/compute/deadline-day-fifty-percent-holiday-acceptance", test_boundaries);
  ADD ("/tj/approval/batch/time-saved", test_batch);
  ADD ("/tj/approval/speedup/by-department", test_speedup);
  ADD ("/tj/approval/validate/item-messages-name-the-field", test_validate_item);
  ADD ("/tj/approval/validate/case-batch-reminder-catalogue", test_validate_others);
  ADD ("/tj/approval/suspension/deadline-elapsed-validation-undo", test_suspensions);
  ADD ("/tj/approval/remind/logged-and-counted", test_remind);
  ADD ("/tj/approval/case/lists-its-items", test_cases);
  ADD ("/tj/approval/catalogue/defaults-and-edits", test_catalogue);
  ADD ("/tj/approval/import/all-or-nothing-with-lines-and-columns", test_import_all_or_nothing);
  ADD ("/tj/approval/import/gb18030-creates-case-and-updates", test_import_gb18030);
  ADD ("/tj/approval/import/year-of-acceptance-and-recurring-items",
       test_import_year_and_recurring_items);
  ADD ("/tj/approval/report/ledger-read-back", test_ledger_xlsx);
  ADD ("/tj/approval/report/speedup-read-back", test_speedup_xlsx);
  ADD ("/tj/approval/report/pdf", test_pdf);
  ADD ("/tj/approval/report/csv-and-refused-extension", test_ledger_csv);
  ADD ("/tj/approval/report/plain-weekdays-noted", test_plain_weekdays);
#undef ADD
  g_test_add_func ("/tj/approval/demo/cases-items-batch", test_demo);
  return g_test_run ();
}
