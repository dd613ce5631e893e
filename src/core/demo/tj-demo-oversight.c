/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-demo"
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tj-demo-private.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-project.h"
#include "tj-unit.h"

/* 督办 and 巡查 (issue 8): the meetings of the current year with their matters, and the site
 * inspections of its projects, as the year stands at its as-of day. */

/* YYYY-MM-DD plus days. */
static char *
day_after (const char *date,
           int         days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) atoi (date + 8), (GDateMonth) atoi (date + 5),
                  (GDateYear) atoi (date));
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static const char *
min_day (const char *a,
         const char *b)
{
  return strcmp (a, b) <= 0 ? a : b;
}

/* What a meeting decides, in its own words: "%s" stands for the project; the unit answering it
 * (NULL: the project's locality). */
static const struct
{
  const char *content;
  const char *unit;
  const char *report; /* 一事一报 */
  const char *result; /* 办理结果 */
} matter_kinds[] = {
  { "协调解决%s用地组卷报批", "国土资源局", "已完成勘测定界，组卷材料正在审核",
    "用地组卷材料已上报省自然资源厅" },
  { "督促施工单位增加人员机械，加快%s施工进度", NULL, "施工单位已增加作业人员40人、机械6台",
    "现场人员机械已满足施工需要，进度追赶至计划节点" },
  { "落实%s环评批复", "环保局", "环评报告书已通过技术评审", "已取得环评批复" },
  { "协调办理%s施工许可证", "住建局", "施工图审查已完成，正在办理质量安全监督手续",
    "施工许可证已核发" },
  { "加快%s征地拆迁，按期交付净地", NULL, "已完成地上附着物清点，签约率85%",
    "征地拆迁已完成，净地已交付建设单位" },
  { "完成%s规划设计方案审查", "城乡规划局", "方案已提交规委会审议", "规划设计方案已批复" },
  { "督促%s建设资金到位，争取专项债券支持", "财政局", "已申报专项债券项目库",
    "专项债券资金已下达" },
  { "协调%s林地使用手续", "林业局", "林地可研报告已编制完成", "使用林地审核同意书已取得" },
  { "推动%s尽快纳入固定资产投资统计", "统计局", "已指导企业建立统计台账",
    "项目已纳入统计入库" },
  { "解决%s施工用水用电问题", "水务局", "临时供水管线已接通，供电线路正在架设",
    "施工用水用电已全部接通" },
};

/* Matters without a project: the office's own. */
static const char *const office_matters[] = {
  "梳理重点项目审批手续办理情况，形成问题清单报市政府",
  "开展重点项目安全生产和扬尘治理专项检查",
  "开展重点项目投资统计数据核查",
  "制定四季度重点项目建设冲刺方案",
};

typedef struct
{
  TjMeetingKind kind;
  int month;
  int day;
  const char *name; /* "%d" the year and month, or "%s" a project */
  int n_matters;
} DemoMeeting;

static const DemoMeeting demo_meetings[] = {
  { TJ_MEETING_COORDINATION, 5, 16, "%s专题协调会", 4 },
  { TJ_MEETING_MONTHLY, 7, 8, "%d年7月份重点项目建设推进月例会", 6 },
  { TJ_MEETING_MONTHLY, 8, 8, "%d年8月份重点项目建设推进月例会", 5 },
  /* 观摩 in an even month (policy 二), the day of the demo's second scored tour */
  { TJ_MEETING_TOUR, 8, 24, "%d年第三季度重点项目观摩", 5 },
  { TJ_MEETING_MONTHLY, 9, 9, "%d年9月份重点项目建设推进月例会", 7 },
  { TJ_MEETING_MONTHLY, 10, 10, "%d年10月份重点项目建设推进月例会", 6 },
};

static gint64
leader_of (Demo      *demo,
           TjProject *p)
{
  if (p != NULL && p->leader_id != 0)
    return p->leader_id;
  return g_array_index (demo->leaders, gint64, pick (demo, demo->leaders->len));
}

static char *
leader_name (Demo   *demo,
             gint64  id)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (demo->db, "SELECT name FROM people WHERE id = ?",
                                                 NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? tj_db_column_dup (stmt, 0) : NULL;
}

/* One matter of a meeting: what became of it by as_of is drawn (most finished on time, some
 * late, some open, a few extended); `extend` gives it an approved extension. */
static gboolean
add_matter (Demo       *demo,
            TjMeeting  *meeting,
            TjProject  *p,
            guint       k,      /* of matter_kinds, for a project */
            guint       office, /* of office_matters, without one */
            gboolean    extend,
            const char *as_of,
            GError    **error)
{
  g_autoptr (TjMatter) m = tj_matter_new ();
  g_autofree char *deadline_in_force = NULL;
  double outcome = g_rand_double (demo->rand);
  const char *unit = p != NULL ? matter_kinds[k].unit : NULL;
  const char *report = p != NULL ? matter_kinds[k].report : "已完成初步梳理，正在征求相关单位意见";
  const char *result = p != NULL ? matter_kinds[k].result : "已按要求完成并报送市政府";

  m->meeting_id = meeting->id;
  m->project_id = p != NULL ? p->id : 0;
  if (p != NULL)
    m->content = g_strdup_printf (matter_kinds[k].content, p->name);
  else
    m->content = g_strdup (office_matters[office % G_N_ELEMENTS (office_matters)]);
  m->leader_id = leader_of (demo, p);
  m->unit_id = unit != NULL ? tj_unit_find (demo->db, unit)
               : p != NULL ? p->locality_id : tj_unit_find (demo->db, "发改委");
  if (m->unit_id == 0 && p != NULL) /* another county's unit list */
    m->unit_id = p->locality_id;
  else if (m->unit_id == 0)
    m->unit_id = ((TjUnit *) g_ptr_array_index (demo->localities, 0))->id;
  m->person = tj_demo_contact_name (demo);
  m->assigned = g_strdup (meeting->date);
  m->deadline = day_after (meeting->date, 14 + 7 * pick (demo, 5));
  m->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  m->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);

  /* 延期: asked for a few days before the deadline, three weeks more, approved by the leader. */
  if (extend)
    {
      TjMatterExtension *x = tj_matter_extension_new ();

      x->requested = day_after (m->deadline, -3);
      x->reason = g_strdup ("涉及多个部门会签，原定期限内难以完成");
      x->new_deadline = day_after (m->deadline, 21);
      x->approved_by = leader_name (demo, m->leader_id);
      x->approved = day_after (x->requested, 1);
      g_ptr_array_add (m->extensions, x);
    }
  deadline_in_force = tj_matter_deadline_in_force (m->deadline, m->extensions);

  /* A report within the first week, for most (finished ones close a week on at the earliest). */
  if (chance (demo, 0.7))
    {
      g_autofree char *day = day_after (m->assigned, 3 + pick (demo, 4));

      if (strcmp (day, as_of) <= 0)
        g_ptr_array_add (m->reports, tj_matter_report_new (day, report));
    }
  if (outcome < 0.55 || extend)
    m->finished = day_after (m->assigned, 7 + pick (demo, 7));
  else if (outcome < 0.75)
    m->finished = day_after (deadline_in_force, 3 + pick (demo, 12));
  if (m->finished != NULL && extend)
    {
      g_free (m->finished);
      m->finished = day_after (deadline_in_force, -pick (demo, 5));
    }
  if (m->finished != NULL && strcmp (m->finished, as_of) > 0)
    g_clear_pointer (&m->finished, g_free);
  if (m->finished != NULL)
    m->result = g_strdup (result);
  return tj_matter_write (demo->db, m, error);
}

gboolean
tj_demo_add_meetings (Demo    *demo,
                      int      year,
                      GError **error)
{
  g_autoptr (GPtrArray) projects = tj_project_list (demo->db, year, error);
  g_autofree char *as_of = tj_demo_as_of_day (year);
  guint extended = 0, monthly = 0;

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_meetings); i++)
    {
      guint first_kind = pick (demo, G_N_ELEMENTS (matter_kinds));
      const DemoMeeting *dm = &demo_meetings[i];
      g_autoptr (TjMeeting) meeting = tj_meeting_new ();
      TjProject *topic = g_ptr_array_index (projects, pick (demo, projects->len));
      g_autofree char *chair = leader_name (demo, g_array_index (demo->leaders, gint64, 0));

      meeting->kind = dm->kind;
      meeting->date = g_strdup_printf ("%04d-%02d-%02d", year, dm->month, dm->day);
      if (dm->kind == TJ_MEETING_COORDINATION)
        meeting->name = g_strdup_printf (dm->name, topic->name);
      else
        meeting->name = g_strdup_printf (dm->name, year);
      meeting->chair = g_strdup (chair);
      if (dm->kind == TJ_MEETING_TOUR)
        meeting->attendees = g_strdup ("市四大班子领导，各乡（镇）、街道、管委会主要负责同志，"
                                       "市直有关单位主要负责同志");
      else
        meeting->attendees = g_strdup ("分包重点项目的市领导，发改委、国土资源局、住建局、"
                                       "环保局、财政局等单位及各乡（镇）、街道主要负责同志");
      meeting->summary = g_strdup (dm->kind == TJ_MEETING_MONTHLY
                                   ? "听取上月重点项目建设情况汇报，研究解决项目推进中的问题，"
                                     "安排部署下阶段工作。"
                                   : dm->kind == TJ_MEETING_TOUR
                                   ? "实地观摩重点项目建设现场，点评各单位项目推进情况。"
                                   : "专题研究项目推进中的用地、手续和资金问题。");
      if (!tj_meeting_write (demo->db, meeting, error))
        return FALSE;
      for (int k = 0; k < dm->n_matters; k++)
        {
          TjProject *p = dm->kind == TJ_MEETING_COORDINATION
                         ? topic
                         : k == dm->n_matters - 1 && dm->kind == TJ_MEETING_MONTHLY
                         ? NULL
                         : g_ptr_array_index (projects, pick (demo, projects->len));
          /* one extension at the coordination meeting, one at the August meeting */
          gboolean extend = extended < 2 && k == 1 &&
                            (dm->kind == TJ_MEETING_COORDINATION || dm->month == 8);

          /* a meeting decides different things */
          if (!add_matter (demo, meeting, p, (first_kind + k) % G_N_ELEMENTS (matter_kinds),
                           monthly, extend, as_of, error))
            return FALSE;
          extended += extend ? 1 : 0;
        }
      monthly += dm->kind == TJ_MEETING_MONTHLY ? 1 : 0;
    }
  return TRUE;
}

static const struct
{
  const char *kind;
  const char *description;
  const char *requirement;
  const char *result;
} finding_kinds[] = {
  { "安全文明施工", "施工现场围挡破损，部分作业人员未佩戴安全帽",
    "立即修复围挡，加强作业人员安全教育", "围挡已修复，已组织安全教育培训" },
  { "扬尘治理", "裸露土方未覆盖，车辆出场未冲洗",
    "裸土全部覆盖，出入口设置车辆冲洗设施", "已覆盖裸土，冲洗设施投入使用" },
  { "进度滞后", "主体工程进度滞后于年度计划节点",
    "制定赶工计划，增加作业面和施工人员", "已增加作业班组，进度基本追上计划" },
  { "资料不全", "施工日志记录不连续，部分月份缺失",
    "补齐施工日志，规范资料管理", "施工日志已补齐并建立专人管理制度" },
};

static const char *const seen_texts[] = {
  "现场正常施工，主体结构施工中",
  "现场正在进行基础施工，作业面铺开",
  "现场施工人员较少，部分作业面停工",
  "设备安装调试中，附属工程同步施工",
  "道路路基施工中，路面摊铺机械已进场",
};

/* The site inspections of the year's projects under way, from March to the as-of day: most
 * find what was reported (属实), a few more reported than done (虚报) or less (瞒报), one where
 * the inspector judged otherwise with his reason; findings with rectifications, most closed
 * (销号), one overdue. */
#define DEMO_INSPECTIONS 22

gboolean
tj_demo_add_inspections (Demo    *demo,
                         int      year,
                         GError **error)
{
  static const char *const organisers[] = { "纪委监委", "督查考核办", "发改委" };
  g_autoptr (GPtrArray) projects = tj_project_list (demo->db, year, error);
  g_autoptr (GPtrArray) started = g_ptr_array_new ();
  g_autofree char *as_of = tj_demo_as_of_day (year);
  guint overdue = 0;

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      if (p->actual_start != NULL && p->actual_completion == NULL &&
          tj_demo_month_of (p->actual_start, year) <= 6)
        g_ptr_array_add (started, p);
    }
  for (guint n = 0; n < DEMO_INSPECTIONS && started->len > 0; n++)
    {
      g_autoptr (TjInspection) in = tj_inspection_new ();
      TjProject *p = g_ptr_array_index (started, pick (demo, started->len));
      /* March to October, in order */
      int month = 3 + (int) (n * (CURRENT_AS_OF_MONTH - 2) / DEMO_INSPECTIONS);
      int start_month = tj_demo_month_of (p->actual_start, year);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      double rate;

      month = MAX (month, start_month + 2);
      month = MIN (month, CURRENT_AS_OF_MONTH);
      in->project_id = p->id;
      in->date = g_strdup_printf ("%04d-%02d-%02d", year, month, 3 + pick (demo, 24));
      in->organiser_id = tj_unit_find (demo->db, organisers[n % G_N_ELEMENTS (organisers)]);
      first = tj_demo_contact_name (demo);
      second = tj_demo_contact_name (demo);
      in->inspectors = g_strdup_printf ("%s、%s", first, second);
      in->unannounced = chance (demo, 0.4);
      in->seen = g_strdup (seen_texts[pick (demo, G_N_ELEMENTS (seen_texts))]);
      in->workers = 10 + pick (demo, 120);
      in->machines = 1 + pick (demo, 15);
      in->evidence = TJ_EVIDENCE_APPROVALS | TJ_EVIDENCE_CONTRACT | TJ_EVIDENCE_LOG;
      if (chance (demo, 0.5))
        in->evidence |= TJ_EVIDENCE_SETTLEMENT | TJ_EVIDENCE_INVOICES;
      if (chance (demo, 0.3))
        in->evidence |= TJ_EVIDENCE_ACCOUNTS;
      if (!tj_inspection_compute (in, demo->db, error))
        return FALSE;

      /* rate = (reported − verified) ÷ verified */
      if (n == 4 || n == 13)
        rate = g_rand_double_range (demo->rand, 0.2, 0.45); /* 虚报 */
      else if (n == 9 || n == 18)
        rate = -g_rand_double_range (demo->rand, 0.15, 0.3); /* 瞒报 */
      else if (n == 7)
        rate = 0.13; /* 虚报 suggested; the inspector finds it 属实 */
      else
        rate = g_rand_double_range (demo->rand, -0.08, 0.08);
      in->verified = (gint64) round (in->reported / (1 + rate) / 100) * 100;
      in->verified_progress = g_strdup (in->reported_progress);
      if (n == 7 && in->reported > 0)
        {
          in->has_verdict = TRUE;
          in->verdict = TJ_VERDICT_TRUE;
          in->verdict_reason = g_strdup ("差额为已完工未结算的工程量，经核对施工日志和监理计量"
                                         "资料属实");
        }

      /* Findings: every false report, and half the others. */
      in->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_finding_free);
      if (rate >= 0.2 || rate <= -0.15 || chance (demo, 0.5))
        {
          TjFinding *f = tj_finding_new ();
          TjRectification *r = tj_rectification_new ();
          guint k = pick (demo, G_N_ELEMENTS (finding_kinds));
          gboolean falsified = rate >= 0.2 || rate <= -0.15;

          f->kind = g_strdup (falsified ? "投资统计" : finding_kinds[k].kind);
          f->description = g_strdup (rate >= 0.2 ? "上报累计完成投资高于现场核实数"
                                     : rate <= -0.15 ? "已完成投资未及时上报，上报数低于核实数"
                                                     : finding_kinds[k].description);
          f->unit_id = p->unit_id;
          r->requirement = g_strdup (falsified ? "按核实数更正月报，规范投资统计台账"
                                               : finding_kinds[k].requirement);
          r->person = tj_demo_contact_name (demo);
          r->unit_id = p->unit_id;
          r->deadline = day_after (in->date, 7 + 7 * pick (demo, 4));
          if (strcmp (r->deadline, as_of) < 0 && overdue == 0 && month >= 8)
            overdue++; /* left open past its deadline */
          else if (strcmp (r->deadline, as_of) < 0 || chance (demo, 0.3))
            {
              g_autofree char *closed = day_after (r->deadline, -pick (demo, 6));

              r->closed = g_strdup (min_day (closed, as_of));
              r->result = g_strdup (falsified ? "已按核实数更正" : finding_kinds[k].result);
              r->checked_by = tj_demo_contact_name (demo);
            }
          g_ptr_array_add (f->rectifications, r);
          g_ptr_array_add (in->findings, f);
        }
      if (!tj_inspection_write (demo->db, in, error))
        return FALSE;
    }
  return TRUE;
}
