/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-demo"
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tj-contact-card.h"
#include "tj-delegation.h"
#include "tj-demo-private.h"
#include "tj-element.h"
#include "tj-person.h"
#include "tj-project.h"
#include "tj-statistics-entry.h"
#include "tj-tour.h"
#include "tj-unit.h"
#include "tj-visit.h"

/* The mechanisms of the policy around the projects (issues 9 and 10): the leaders' delegations
 * (委托) and site visits (调研走访), the observation tours (观摩) of even months, the funds and
 * quotas (要素保障) and the follow-ups of statistics entry (统计入库跟进), for the current year
 * as it stands at its as-of day. */

#define DEMO_VISITS 30
#define DEMO_TOUR_STOPS 7
#define DEMO_ELEMENT_PROJECTS 20
#define DEMO_FOLLOWUPS 5

static const struct
{
  int month_from, day_from, month_to, day_to;
  const char *reason;
} delegations[] = {
  { 3, 2, 4, 10, "参加省委党校中青年干部培训班" },
  /* under way on the as-of day */
  { 10, 12, 11, 20, "赴郑州市挂职学习" },
};

static const struct
{
  const char *found;
  const char *solved; /* NULL: still open */
} visit_notes[] = {
  { "施工用电负荷不足，影响设备调试", "协调供电公司增容，新建临时变压器一台" },
  { "征地补偿款未全部到位，个别群众阻工", "督促乡镇兑付补偿款，现场做好群众工作" },
  { "施工图审查进度慢", "协调住建局开辟绿色通道，一周内完成审查" },
  { "项目资金缺口较大", NULL },
  { "现场扬尘治理措施不到位", "责令施工单位立即整改，已落实六个百分之百" },
  { "进场道路未硬化，雨天无法通行", "协调交通运输局铺设临时道路" },
  { "环评批复尚未取得", NULL },
  { "施工人员不足，进度滞后", "督促施工单位增加作业人员和机械" },
  { "未发现问题，项目进展顺利", "现场勉励企业加快建设" },
  { "林地使用手续办理慢", "协调林业局提前介入，指导编制可研报告" },
};

/* The second is the day of the 观摩 meeting of tj-demo-oversight.c, named alike. */
static const struct
{
  int month, day;
  const char *name;
} demo_tours[] = {
  { 4, 22, "%d年第一季度重点项目观摩" },
  { 8, 24, "%d年第三季度重点项目观摩" },
};
static const char *const tour_routes[] = { "由市区出发，经东部各乡镇，返回市区",
                                           "由市区出发，经西部各乡镇，返回市区" };

static const char *const followup_notes[] = {
  "已指导企业建立统计台账，待首笔投资发生后申报入库",
  "企业财务资料不全，已约谈企业负责人限期补齐",
  "已联系统计局核实入库条件，正在补充施工合同",
  "入库资料已报统计局审核",
};

/* The locality's staff contact on the contact card (属地联系人), by the kind of locality. */
static const char *const contact_posts[] = { "经济发展办主任", "党政办主任" };

static char *
date_of (int year,
         int month,
         int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* A project of the list visited, toured or supported: started and not yet complete. */
static gboolean
under_way (TjProject *p)
{
  return p->actual_start != NULL && p->actual_completion == NULL;
}

/* 服务联系卡 (policy 四): one staff contact in each locality, and the service centre's phone. */
static gboolean
add_contacts (Demo    *demo,
              GError **error)
{
  g_autofree char *centre_phone = NULL;

  for (guint i = 0; i < demo->localities->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (demo->localities, i);
      g_autoptr (TjPerson) person = tj_person_new ();

      person->name = tj_demo_person_name (demo);
      person->post = g_strdup (contact_posts[pick (demo, G_N_ELEMENTS (contact_posts))]);
      person->unit_id = unit->id;
      person->phone = tj_demo_office_phone (demo);
      person->is_staff = TRUE;
      if (!tj_person_write (demo->db, person, error))
        return FALSE;
    }
  centre_phone = tj_demo_office_phone (demo);
  return tj_db_set_setting (demo->db, TJ_CONTACT_CARD_CENTRE_PHONE_KEY, centre_phone, error);
}

static gboolean
add_delegations (Demo    *demo,
                 int      year,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (delegations) && demo->leaders->len >= 2; i++)
    {
      g_autoptr (TjDelegation) d = tj_delegation_new ();
      guint leader = (i * 2) % demo->leaders->len;

      d->leader_id = g_array_index (demo->leaders, gint64, leader);
      d->acting_id = g_array_index (demo->leaders, gint64, (leader + 1) % demo->leaders->len);
      d->date_from = date_of (year, delegations[i].month_from, delegations[i].day_from);
      d->date_to = date_of (year, delegations[i].month_to, delegations[i].day_to);
      d->reason = g_strdup (delegations[i].reason);
      if (!tj_delegation_write (demo->db, d, error))
        return FALSE;
    }
  return TRUE;
}

/* About three a month, by the project's city leader or its service officer, after its start. */
static gboolean
add_visits (Demo      *demo,
            int        year,
            GPtrArray *projects,
            GError   **error)
{
  for (guint n = 0; n < DEMO_VISITS; n++)
    {
      g_autoptr (TjVisit) visit = tj_visit_new ();
      int month = 1 + (int) (n * CURRENT_AS_OF_MONTH / DEMO_VISITS);
      g_autofree char *date = date_of (year, month, 5 + pick (demo, 20));
      TjProject *p = NULL;
      guint v;

      for (guint tries = 0; tries < 50 && p == NULL; tries++)
        {
          TjProject *candidate = g_ptr_array_index (projects, pick (demo, projects->len));

          if (under_way (candidate) && strcmp (candidate->actual_start, date) < 0)
            p = candidate;
        }
      if (p == NULL)
        continue;
      v = pick (demo, G_N_ELEMENTS (visit_notes));
      visit->project_id = p->id;
      visit->person_id = p->leader_id > 0 && chance (demo, 0.6) ? p->leader_id : p->officer_id;
      visit->date = g_steal_pointer (&date);
      visit->found = g_strdup (visit_notes[v].found);
      visit->solved = g_strdup (visit_notes[v].solved);
      if (!tj_visit_write (demo->db, visit, error))
        return FALSE;
    }
  return TRUE;
}

static int
by_locality (gconstpointer a,
             gconstpointer b)
{
  const TjProject *p = *(TjProject *const *) a;
  const TjProject *q = *(TjProject *const *) b;

  return p->locality_id < q->locality_id ? -1 : p->locality_id > q->locality_id;
}

/* In April and August: 6 to 8 projects under way, scored on the default criteria with a panel's
 * usual spread (most between 70 and 95 per cent of the weight, in half points). */
static gboolean
add_tours (Demo      *demo,
           int        year,
           GPtrArray *projects,
           GError   **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (demo_tours); t++)
    {
      g_autoptr (TjTour) tour = tj_tour_new ();
      g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
      guint n_stops = DEMO_TOUR_STOPS - 1 + pick (demo, 3);
      guint start = pick (demo, projects->len);

      tour->date = date_of (year, demo_tours[t].month, demo_tours[t].day);
      tour->name = g_strdup_printf (demo_tours[t].name, year);
      tour->route = g_strdup (tour_routes[t]);
      tj_tour_add_default_criteria (tour);
      for (guint k = 0; k < projects->len && chosen->len < n_stops; k++)
        {
          TjProject *p = g_ptr_array_index (projects, (start + k * 7) % projects->len);

          if (under_way (p) && tj_demo_month_of (p->actual_start, year) < demo_tours[t].month &&
              !chance (demo, 0.5))
            g_ptr_array_add (chosen, p);
        }
      /* the route takes a locality's projects one after another */
      g_ptr_array_sort (chosen, by_locality);
      for (guint k = 0; k < chosen->len; k++)
        {
          TjProject *p = g_ptr_array_index (chosen, k);

          tj_tour_add_stop (tour, p->id, p->name, p->locality_name);
        }
      for (guint s = 0; s < tour->stops->len; s++)
        for (guint c = 0; c < tour->criteria->len; c++)
          {
            TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);
            /* half points: 70 % to 95 % of the weight */
            gint64 halves = criterion->weight * 2 * (70 + pick (demo, 26)) / 100;

            tj_tour_set_score (tour, s, c, halves * 50);
          }
      if (!tj_tour_write_record (demo->db, tour, error))
        return FALSE;
    }
  return TRUE;
}

/* One need of a project: amount in 万元 (funds) or whole units (quotas); secured: the share got,
 * 0 for none yet. */
static gboolean
add_element (Demo         *demo,
             TjProject    *p,
             int           year,
             TjElementKind kind,
             gint64        amount,
             double        secured,
             GError      **error)
{
  g_autoptr (TjElement) element = tj_element_new (p->id, kind);
  int month = 1 + pick (demo, CURRENT_AS_OF_MONTH - 3);

  element->needed = tj_element_kind_is_fund (kind) ? amount * 10000 : amount * 100;
  element->needed_date = date_of (year, month, 3 + pick (demo, 20));
  if (secured > 0)
    {
      element->secured = (gint64) (element->needed * secured) / 100 * 100;
      element->secured_date = date_of (year, month + 1 + pick (demo, 2), 3 + pick (demo, 20));
    }
  return tj_element_write (demo->db, element, error);
}

/* Funds sought and quotas needed by about twenty projects under way; about a third not met. */
static gboolean
add_elements (Demo      *demo,
              int        year,
              GPtrArray *projects,
              GError   **error)
{
  static const TjElementKind funds[] = { TJ_ELEMENT_CENTRAL, TJ_ELEMENT_PROVINCE,
                                         TJ_ELEMENT_ZHENGZHOU, TJ_ELEMENT_BOND, TJ_ELEMENT_LOAN };
  static const TjElementKind quotas[] = { TJ_ELEMENT_LAND, TJ_ELEMENT_ENERGY,
                                          TJ_ELEMENT_EMISSION };
  guint added = 0;

  for (guint i = 0; i < projects->len && added < DEMO_ELEMENT_PROJECTS; i++)
    {
      TjProject *p = g_ptr_array_index (projects, (i * 3 + 1) % projects->len);
      gint64 wan = p->total_investment / 10000;
      TjElementKind fund = funds[pick (demo, G_N_ELEMENTS (funds))];
      TjElementKind quota = quotas[pick (demo, G_N_ELEMENTS (quotas))];
      double share = added % 3 == 2 ? 0.4 * pick (demo, 2) : 1.0;
      gint64 sought = wan / (5 + pick (demo, 10));

      if (!under_way (p) || wan < 1000)
        continue;
      /* a county's share: 100 to 5,000 万元 */
      if (!add_element (demo, p, year, fund, CLAMP (sought, 100, 5000), share, error))
        return FALSE;
      if (chance (demo, 0.5) &&
          !add_element (demo, p, year, quota,
                        quota == TJ_ELEMENT_LAND ? 20 + pick (demo, 180) : 50 + pick (demo, 950),
                        chance (demo, 0.7) ? 1.0 : 0.0, error))
        return FALSE;
      added++;
    }
  return TRUE;
}

/* 统计入库 (policy 八): the office's push gets the started projects that meet the entry
 * condition entered: those started in earlier years by February or March, most of this year's
 * a month or two after their start; for some of the others it records what it did (跟进). */
static gboolean
add_statistics (Demo      *demo,
                int        year,
                GPtrArray *projects,
                GError   **error)
{
  gint64 threshold;
  guint added = 0;

  if (!tj_statistics_threshold (demo->db, &threshold, error))
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);
      int month = tj_demo_month_of (p->actual_start, year);
      int entered;

      if (p->actual_start == NULL || p->stats_date != NULL || p->total_investment < threshold ||
          month >= CURRENT_AS_OF_MONTH)
        continue;
      /* the backlog of earlier years is cleared in the first months; of this year's starts,
       * some wait */
      if (atoi (p->actual_start) == year && !chance (demo, 0.7))
        continue;
      /* one draw each: MIN evaluates its arguments twice */
      entered = month + 1 + pick (demo, 2);
      p->stats_date = date_of (year, MIN (entered, CURRENT_AS_OF_MONTH), 1 + pick (demo, 28));
      if (!tj_project_write (demo->db, p, FALSE, error))
        return FALSE;
    }
  for (guint i = 0; i < projects->len && added < DEMO_FOLLOWUPS; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);
      int month = tj_demo_month_of (p->actual_start, year);

      if (p->actual_start == NULL || p->stats_date != NULL || p->total_investment < threshold ||
          month >= CURRENT_AS_OF_MONTH)
        continue;
      for (int k = 0; k < 1 + pick (demo, 2); k++)
        {
          g_autofree char *date = date_of (year, MIN (month + 1 + k, CURRENT_AS_OF_MONTH),
                                           5 + pick (demo, 20));
          g_autoptr (TjStatisticsFollowup) followup =
            tj_statistics_followup_new (p->id, date,
                                        followup_notes[(added + k) % G_N_ELEMENTS (followup_notes)],
                                        p->officer_name);

          if (!tj_statistics_followup_write (demo->db, followup, error))
            return FALSE;
        }
      added++;
    }
  return TRUE;
}

gboolean
tj_demo_add_mechanism (Demo    *demo,
                       int      year,
                       GError **error)
{
  g_autoptr (GPtrArray) projects = tj_project_list (demo->db, year, error);

  if (projects == NULL)
    return FALSE;
  if (projects->len == 0)
    return TRUE;
  return add_contacts (demo, error) && add_delegations (demo, year, error) && add_visits (demo, year, projects, error) &&
         add_tours (demo, year, projects, error) && add_elements (demo, year, projects, error) &&
         add_statistics (demo, year, projects, error);
}
