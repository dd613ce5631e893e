/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* The enumerations of the approvals capability, their stored codes and their labels. */

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

G_END_DECLS
