/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-calendar.h"
#include "tj-db.h"
#include "tj-ledger.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* Agency service (全程代办) and parallel approvals (并联审批), 推进机制 (三)(四). Every time limit
 * is in working days of the holiday calendar (tj-calendar.h); every computed figure takes "today"
 * as an ISO date (NULL: the real date) so that the same data always gives the same figures. */

typedef enum
{
  TJ_STAGE_NONE,
  TJ_STAGE_LAND,         /* 立项用地规划 */
  TJ_STAGE_PERMIT,       /* 工程建设许可 */
  TJ_STAGE_CONSTRUCTION, /* 施工许可 */
  TJ_STAGE_ACCEPTANCE,   /* 竣工验收 */
  TJ_STAGE_N
} TjApprovalStage;

typedef enum
{
  TJ_CASE_ACCEPTED,    /* 已受理 */
  TJ_CASE_IN_PROGRESS, /* 办理中 */
  TJ_CASE_FINISHED,    /* 已办结 */
  TJ_CASE_TERMINATED,  /* 已终止 (with a reason) */
  TJ_CASE_N
} TjCaseStatus;

typedef enum
{
  TJ_EVALUATION_NONE,
  TJ_EVALUATION_SATISFIED,        /* 满意 */
  TJ_EVALUATION_FAIRLY_SATISFIED, /* 基本满意 */
  TJ_EVALUATION_UNSATISFIED,      /* 不满意 */
  TJ_EVALUATION_N
} TjEvaluation;

/* Where an item stands on "today". */
typedef enum
{
  TJ_ITEM_NOT_ACCEPTED, /* 未受理: no acceptance date yet, so no deadline */
  TJ_ITEM_IN_PROGRESS,  /* 办理中: accepted, not finished, today ≤ deadline */
  TJ_ITEM_OVERDUE,      /* 超期未办结: accepted, not finished, today > deadline */
  TJ_ITEM_ON_TIME,      /* 按时办结: finished ≤ deadline */
  TJ_ITEM_LATE,         /* 逾期办结: finished > deadline */
  TJ_ITEM_N_STATES
} TjItemState;

/* An item not finished with this many working days or fewer left is "due soon". */
#define TJ_APPROVAL_DUE_SOON_DAYS 2

/* 审批事项: one approval by one department for one project. */
#define TJ_TYPE_APPROVAL_ITEM (tj_approval_item_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalItem, tj_approval_item, TJ, APPROVAL_ITEM, GObject)

struct _TjApprovalItem
{
  GObject parent_instance;
  /* stored */
  gint64 id;
  gint64 project_id;
  gint64 case_id;  /* 代办件, 0 when none */
  gint64 batch_id; /* 并联批次, 0 when none */
  char *name;      /* 事项名称 */
  TjApprovalStage stage;
  gint64 unit_id;     /* 审批部门 */
  int statutory_days; /* 法定时限, working days */
  int committed_days; /* 承诺时限, working days; ≤ statutory */
  gboolean green;     /* 绿色通道 */
  char *handler;      /* 经办人 */
  char *accepted;     /* 受理, YYYY-MM-DD or NULL */
  char *copied;       /* 抄告 */
  char *finished;     /* 办结 */
  char *delivered;    /* 送达 */
  gboolean suspended; /* 暂停 (kept and shown; the figures do not depend on it) */
  char *notes;
  /* names of the referenced records, filled when loaded */
  char *project_name;
  int project_year;
  char *locality_name; /* the project's 属地 */
  char *unit_name;     /* the department */
  int unit_order;      /* the department's place in the unit list */
  char *case_company;  /* the case's entrusting company */
  char *agent_name;    /* the case's 代办员 */
  char *batch_accepted; /* the batch's acceptance date */
  guint n_reminders;   /* 催办 logged */
  char *last_reminded; /* the latest reminder's date */
  /* computed by tj_approval_item_compute (every list and load does it) */
  TjItemState state;
  char *deadline;        /* 办结期限: the committed_days-th working day after accepted; NULL
                          * when not accepted */
  gboolean has_elapsed;  /* finished (and accepted) */
  int elapsed;           /* 用时: working days in (accepted, finished]; 0 is 即办 */
  gboolean has_remaining; /* accepted and not finished */
  int remaining;         /* working days from today to the deadline; negative when past */
  gboolean overdue;      /* not finished and today > deadline */
  gboolean late;         /* finished after the deadline */
  gboolean due_soon;     /* not finished, not overdue, remaining ≤ TJ_APPROVAL_DUE_SOON_DAYS */
  gboolean has_speedup;  /* finished and statutory_days > 0 */
  double speedup;        /* 提速率 = (statutory − elapsed) ÷ statutory; may be negative */
  gboolean met_target;   /* speedup ≥ 50%, exactly: 2 × (statutory − elapsed) ≥ statutory */
};

/* 代办件: an investor's entrustment of a project's approvals to the service centre; free of
 * charge, so there is no fee. */
#define TJ_TYPE_AGENCY_CASE (tj_agency_case_get_type ())
G_DECLARE_FINAL_TYPE (TjAgencyCase, tj_agency_case, TJ, AGENCY_CASE, GObject)

struct _TjAgencyCase
{
  GObject parent_instance;
  gint64 id;
  gint64 project_id;
  char *company;   /* 委托单位 */
  char *contact;
  char *phone;
  char *entrusted; /* 委托日期, YYYY-MM-DD */
  gint64 agent_id; /* 代办员 (a person) */
  char *plan;      /* 代办方案: the matters and their planned dates, as written */
  TjCaseStatus status;
  char *termination_reason;
  char *delivery_method; /* 送达方式 */
  char *delivered;       /* 送达日期 */
  TjEvaluation evaluation;
  char *evaluation_comment;
  gboolean archived;
  /* filled when loaded */
  char *project_name;
  int project_year;
  char *locality_name;
  char *agent_name;
  guint n_items;
  guint n_finished;
};

/* 并联批次: items of one project accepted together at one window with a lead department. */
#define TJ_TYPE_APPROVAL_BATCH (tj_approval_batch_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalBatch, tj_approval_batch, TJ, APPROVAL_BATCH, GObject)

struct _TjApprovalBatch
{
  GObject parent_instance;
  gint64 id;
  gint64 project_id;
  gint64 lead_unit_id;
  char *accepted; /* YYYY-MM-DD */
  char *notes;
  /* filled when loaded */
  char *project_name;
  char *lead_unit_name;
  /* computed from its items */
  guint n_items;
  guint n_finished;
  int statutory_sum;    /* Σ statutory limits of its items: handled one after another */
  char *last_finished;  /* the latest finish date; NULL until every item is finished */
  gboolean has_elapsed; /* at least one item, every item finished */
  int elapsed;          /* working days in (accepted, last finished] */
  int saved;            /* statutory_sum − elapsed; may be negative */
};

/* 催办: a reminder sent about an item. */
#define TJ_TYPE_APPROVAL_REMINDER (tj_approval_reminder_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalReminder, tj_approval_reminder, TJ, APPROVAL_REMINDER, GObject)

struct _TjApprovalReminder
{
  GObject parent_instance;
  gint64 id;
  gint64 item_id;
  char *date;
  char *by_whom;
  char *note;
};

/* A matter of the catalogue the item form chooses from. */
#define TJ_TYPE_CATALOGUE_ENTRY (tj_catalogue_entry_get_type ())
G_DECLARE_FINAL_TYPE (TjCatalogueEntry, tj_catalogue_entry, TJ, CATALOGUE_ENTRY, GObject)

struct _TjCatalogueEntry
{
  GObject parent_instance;
  gint64 id;
  char *name;
  gint64 unit_id;
  char *unit_name; /* filled when loaded */
  TjApprovalStage stage;
  int statutory_days;
};

/* One department's figures in 部门审批提速情况; see tj-approval.c for every denominator. */
typedef struct
{
  gint64 unit_id;
  char *name;
  guint items;           /* the department's items of the year, accepted or not */
  guint finished;        /* of those, with a finish date */
  guint on_time;         /* finished on or before the deadline */
  guint overdue;         /* not finished and past the deadline today */
  guint timed;           /* finished with an elapsed time (every finished item of valid data) */
  guint with_speedup;    /* finished with a statutory limit > 0 */
  guint met_target;      /* finished with a speed-up ≥ 50% */
  gint64 statutory_sum;  /* Σ statutory limits over items */
  gint64 elapsed_sum;    /* Σ elapsed over timed */
  double speedup_sum;    /* Σ speed-ups over with_speedup */
  gboolean has_on_time_rate; /* finished > 0 (also the condition of target_share) */
  double on_time_rate;       /* on_time ÷ finished */
  double target_share;       /* met_target ÷ finished */
  gboolean has_average_statutory; /* items > 0 */
  double average_statutory;       /* statutory_sum ÷ items */
  gboolean has_average_elapsed;   /* timed > 0 */
  double average_elapsed;         /* elapsed_sum ÷ timed */
  gboolean has_average_speedup;   /* with_speedup > 0 */
  double average_speedup;         /* speedup_sum ÷ with_speedup */
} TjDepartmentSpeedup;

/* Labels and codes */
const char *tj_approval_stage_label (TjApprovalStage stage);
const char *tj_approval_stage_code (TjApprovalStage stage);
TjApprovalStage tj_approval_stage_parse (const char *text); /* label, English or code */
const char *tj_case_status_label (TjCaseStatus status);
TjCaseStatus tj_case_status_parse (const char *text);
const char *tj_evaluation_label (TjEvaluation evaluation);
TjEvaluation tj_evaluation_parse (const char *text);
const char *tj_item_state_label (TjItemState state);
const char *tj_approval_field_label (const char *field);

/* The green channel proposes half the statutory limit, rounded down. 推进机制 (四) */
int tj_approval_green_committed (int statutory_days);

/* Items */
TjApprovalItem *tj_approval_item_new (void);
TjApprovalItem *tj_approval_item_copy (TjApprovalItem *self);
void tj_approval_item_compute (TjApprovalItem *self,
                               TjCalendar     *calendar,
                               const char     *today);
GPtrArray *tj_approval_item_validate (TjApprovalItem *self,
                                      TjDb           *db);
GPtrArray *tj_approval_item_list (TjDb       *db,
                                  int         year,
                                  const char *today,
                                  GError    **error);
GPtrArray *tj_approval_item_list_project (TjDb       *db,
                                          gint64      project_id,
                                          const char *today,
                                          GError    **error);
GPtrArray *tj_approval_item_list_case (TjDb       *db,
                                       gint64      case_id,
                                       const char *today,
                                       GError    **error);
GPtrArray *tj_approval_item_list_batch (TjDb       *db,
                                        gint64      batch_id,
                                        const char *today,
                                        GError    **error);
TjApprovalItem *tj_approval_item_load (TjDb       *db,
                                       gint64      id,
                                       const char *today,
                                       GError    **error);
gboolean tj_approval_item_write (TjDb           *db,
                                 TjApprovalItem *item,
                                 GError        **error);
gboolean tj_approval_item_save (TjDb           *db,
                                TjApprovalItem *item,
                                GError        **error);
gboolean tj_approval_item_delete (TjDb    *db,
                                  gint64   id,
                                  GError **error);
guint tj_approval_items_count_overdue (GPtrArray *items);

/* 催办 */
gboolean tj_approval_reminder_write (TjDb       *db,
                                     gint64      item_id,
                                     const char *date,
                                     const char *by_whom,
                                     const char *note,
                                     GError    **error);
gboolean tj_approval_remind (TjDb       *db,
                             gint64      item_id,
                             const char *date,
                             const char *by_whom,
                             const char *note,
                             GError    **error);
GPtrArray *tj_approval_reminder_list (TjDb    *db,
                                      gint64   item_id,
                                      GError **error);

/* Agency cases */
TjAgencyCase *tj_agency_case_new (void);
TjAgencyCase *tj_agency_case_copy (TjAgencyCase *self);
GPtrArray *tj_agency_case_validate (TjAgencyCase *self,
                                    TjDb         *db);
GPtrArray *tj_agency_case_list (TjDb    *db,
                                int      year,
                                GError **error);
GPtrArray *tj_agency_case_list_project (TjDb    *db,
                                        gint64   project_id,
                                        GError **error);
TjAgencyCase *tj_agency_case_load (TjDb    *db,
                                   gint64   id,
                                   GError **error);
gboolean tj_agency_case_write (TjDb         *db,
                               TjAgencyCase *agency_case,
                               GError      **error);
gboolean tj_agency_case_save (TjDb         *db,
                              TjAgencyCase *agency_case,
                              GError      **error);
gboolean tj_agency_case_delete (TjDb    *db,
                                gint64   id,
                                GError **error);

/* Parallel batches */
TjApprovalBatch *tj_approval_batch_new (void);
GPtrArray *tj_approval_batch_validate (TjApprovalBatch *self,
                                       TjDb            *db);
GPtrArray *tj_approval_batch_list (TjDb    *db,
                                   int      year,
                                   GError **error);
GPtrArray *tj_approval_batch_list_project (TjDb    *db,
                                           gint64   project_id,
                                           GError **error);
TjApprovalBatch *tj_approval_batch_load (TjDb    *db,
                                         gint64   id,
                                         GError **error);
gboolean tj_approval_batch_write (TjDb            *db,
                                  TjApprovalBatch *batch,
                                  GError         **error);
gboolean tj_approval_batch_save (TjDb            *db,
                                 TjApprovalBatch *batch,
                                 GError         **error);
gboolean tj_approval_batch_delete (TjDb    *db,
                                   gint64   id,
                                   GError **error);

/* The catalogue (defaults seeded by schema 3) */
TjCatalogueEntry *tj_catalogue_entry_new (void);
GPtrArray *tj_catalogue_entry_validate (TjCatalogueEntry *self,
                                        TjDb             *db);
GPtrArray *tj_catalogue_list (TjDb    *db,
                              GError **error);
gboolean tj_catalogue_entry_save (TjDb             *db,
                                  TjCatalogueEntry *entry,
                                  GError          **error);
gboolean tj_catalogue_entry_delete (TjDb    *db,
                                    gint64   id,
                                    GError **error);

/* Import of approval items (CSV, UTF-8 or GB18030), all or nothing; projects matched by name
 * in the list of `year`. result->added counts the items written. */
gboolean tj_approval_import (TjDb            *db,
                             const char      *path,
                             int              year,
                             gboolean         dry_run,
                             TjLedgerResult **result,
                             GError         **error);

/* Reports */
GArray *tj_approval_speedup_figures (GPtrArray *items);
TjReportBook *tj_approval_ledger_book (TjDb       *db,
                                       int         year,
                                       const char *today,
                                       GError    **error);
TjReportBook *tj_approval_speedup_book (TjDb       *db,
                                        int         year,
                                        const char *today,
                                        GError    **error);
gboolean tj_approval_write_ledger (TjDb       *db,
                                   int         year,
                                   const char *today,
                                   const char *path,
                                   GError    **error);
gboolean tj_approval_write_speedup (TjDb       *db,
                                    int         year,
                                    const char *today,
                                    const char *path,
                                    GError    **error);

G_END_DECLS
