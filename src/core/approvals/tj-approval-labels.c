/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-approval-private.h"

const char *const tj_approval_stage_codes[TJ_STAGE_N] = {
  NULL, "land", "permit", "construction", "acceptance",
};
static const char *const stage_labels[TJ_STAGE_N] = {
  NULL, N_("Approval, land and planning"), N_("Engineering permits"),
  N_("Construction permit"), N_("Completion acceptance"),
};
/* The words of the policy and of the offices' files, whatever the language of the window. */
static const char *const stage_words[TJ_STAGE_N] = {
  NULL, "立项用地规划", "工程建设许可", "施工许可", "竣工验收",
};
const char *const tj_case_status_codes[TJ_CASE_N] = {
  "accepted", "in_progress", "finished", "terminated",
};
static const char *const case_status_labels[TJ_CASE_N] = {
  N_("Accepted"), N_("In progress"), N_("Finished"), N_("Terminated"),
};
static const char *const case_status_words[TJ_CASE_N] = {
  "已受理", "办理中", "已办结", "已终止",
};
const char *const tj_evaluation_codes[TJ_EVALUATION_N] = {
  NULL, "satisfied", "fairly_satisfied", "unsatisfied",
};
static const char *const evaluation_words[TJ_EVALUATION_N] = {
  NULL, "满意", "基本满意", "不满意",
};
static const char *const evaluation_labels[TJ_EVALUATION_N] = {
  NULL, N_("Satisfied"), N_("Fairly satisfied"), N_("Unsatisfied"),
};
static const char *const item_state_labels[TJ_ITEM_N_STATES] = {
  N_("Not accepted"), N_("In progress"), N_("Overdue, not finished"), N_("Finished on time"),
  N_("Finished late"),
};

static const char *
code_of (const char *const *codes,
         guint              n,
         guint              value)
{
  return value < n ? codes[value] : NULL;
}
/* A label as shown (translated), as written in English or in Chinese, or the stored code. */
static guint
parse_label (const char *const *codes,
             const char *const *labels,
             const char *const *words,
             guint              n,
             const char        *text,
             guint              fallback)
{
  if (text == NULL)
    return fallback;
  for (guint i = 0; i < n; i++)
    if (labels[i] != NULL && (g_strcmp0 (text, _(labels[i])) == 0 ||
                              g_strcmp0 (text, labels[i]) == 0 ||
                              g_strcmp0 (text, words[i]) == 0 ||
                              g_strcmp0 (text, codes[i]) == 0))
      return i;
  return fallback;
}

const char *
tj_approval_stage_label (TjApprovalStage stage)
{
  if (stage <= TJ_STAGE_NONE || stage >= TJ_STAGE_N)
    return "";
  return _(stage_labels[stage]);
}

const char *
tj_approval_stage_code (TjApprovalStage stage)
{
  return code_of (tj_approval_stage_codes, TJ_STAGE_N, stage);
}

TjApprovalStage
tj_approval_stage_parse (const char *text)
{
  return parse_label (tj_approval_stage_codes, stage_labels, stage_words, TJ_STAGE_N, text, TJ_STAGE_NONE);
}

const char *
tj_case_status_label (TjCaseStatus status)
{
  if (status >= TJ_CASE_N)
    return "";
  return _(case_status_labels[status]);
}

TjCaseStatus
tj_case_status_parse (const char *text)
{
  return parse_label (tj_case_status_codes, case_status_labels, case_status_words, TJ_CASE_N, text,
                      TJ_CASE_ACCEPTED);
}

const char *
tj_evaluation_label (TjEvaluation evaluation)
{
  if (evaluation <= TJ_EVALUATION_NONE || evaluation >= TJ_EVALUATION_N)
    return "";
  return _(evaluation_labels[evaluation]);
}

TjEvaluation
tj_evaluation_parse (const char *text)
{
  return parse_label (tj_evaluation_codes, evaluation_labels, evaluation_words,
                      TJ_EVALUATION_N, text,
                      TJ_EVALUATION_NONE);
}

const char *
tj_item_state_label (TjItemState state)
{
  if (state >= TJ_ITEM_N_STATES)
    return "";
  return _(item_state_labels[state]);
}

const char *
tj_approval_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "project_id", N_("Project") },
    { "name", N_("Item name") },
    { "stage", N_("Stage") },
    { "unit_id", N_("Approving department") },
    { "statutory_days", N_("Statutory limit (working days)") },
    { "committed_days", N_("Committed limit (working days)") },
    { "green", N_("Green channel") },
    { "handler", N_("Handler") },
    { "accepted", N_("Accepted on") },
    { "copied", N_("Copied on") },
    { "finished", N_("Finished on") },
    { "delivered", N_("Delivered on") },
    { "suspended", N_("Suspended") },
    { "suspensions", N_("Suspension periods") },
    { "notes", N_("Notes") },
    { "case_id", N_("Agency case") },
    { "batch_id", N_("Parallel batch") },
    { "deadline", N_("Deadline") },
    { "elapsed", N_("Working days taken") },
    { "remaining", N_("Working days left") },
    { "speedup", N_("Speed-up") },
    { "state", N_("Status") },
    { "company", N_("Entrusting company") },
    { "contact", N_("Contact") },
    { "phone", N_("Phone") },
    { "entrusted", N_("Entrusted on") },
    { "agent_id", N_("Agent") },
    { "plan", N_("Agency plan") },
    { "status", N_("Status") },
    { "termination_reason", N_("Reason for termination") },
    { "delivery_method", N_("Delivery method") },
    { "evaluation", N_("Evaluation") },
    { "evaluation_comment", N_("Evaluation comment") },
    { "archived", N_("Archived") },
    { "lead_unit_id", N_("Lead department") },
    { "date", N_("Reminded on") },
    { "by_whom", N_("Reminded by") },
    { "note", N_("Notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);
  return field;
}
