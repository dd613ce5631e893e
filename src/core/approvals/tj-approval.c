/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval.h"
#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

/* Agency service and parallel approvals. 推进机制 (三): the service centre handles a key project's
 * approvals on the investor's entrustment, free of charge (全程代办); 推进机制 (四): the departments
 * handle them in parallel, "一门受理、抄告相关、同时办理、限时办结、统一送达", at least 50% faster in
 * the green channel.
 *
 * The rules of an item (issue 4), on a given "today":
 * - Working days are the calendar's (tj-calendar.h): nothing here counts days itself.
 * - 办结期限 (the deadline) is the committed_days-th working day after the acceptance date, the
 *   day of acceptance not counted (tj_calendar_deadline). The committed limit (承诺时限) is the
 *   one the department promised the applicant and is held to; it is never longer than the
 *   statutory limit, and without a promise an office enters the statutory limit as the committed
 *   one. The statutory limit (法定时限) is the yardstick of the speed-up.
 * - 用时 (elapsed) of a finished item: working days in (accepted, finished]; 0 is 即办.
 * - Remaining: working days from today to the deadline (tj_calendar_remaining), negative past it.
 * - 超期未办结 (overdue): not finished and today > deadline. 逾期办结 (late): finished after the
 *   deadline; 按时办结: finished on or before it; 办理中: accepted, not finished, not overdue;
 *   未受理: no acceptance date yet, so no deadline.
 * - 提速率 (speed-up) = (statutory − elapsed) ÷ statutory for a finished item with a statutory
 *   limit above 0 (none otherwise); it met the 50% target when 2 × (statutory − elapsed) ≥
 *   statutory, compared in whole days.
 * - Due soon (the 审批 page's highlight): not finished, not overdue, at most
 *   TJ_APPROVAL_DUE_SOON_DAYS working days left.
 * - A parallel batch (并联): its elapsed time runs from the batch's acceptance to the last of its
 *   items finished, once every item is; the time saved is the sum of its items' statutory limits
 *   (handling them one after another) less that elapsed time.
 * - The recorded dates are facts: an item with a finish date is finished whatever "today" is. */

#define DEFAULT_ORGANISATION "登封市"

G_DEFINE_FINAL_TYPE (TjApprovalItem, tj_approval_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjAgencyCase, tj_agency_case, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjApprovalBatch, tj_approval_batch, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjApprovalReminder, tj_approval_reminder, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjCatalogueEntry, tj_catalogue_entry, G_TYPE_OBJECT)

/* The columns of an approvals file as offices head them. */
typedef enum
{
  COLUMN_PROJECT,
  COLUMN_NAME,
  COLUMN_UNIT,
  COLUMN_STAGE,
  COLUMN_STATUTORY,
  COLUMN_COMMITTED,
  COLUMN_GREEN,
  COLUMN_ACCEPTED,
  COLUMN_COPIED,
  COLUMN_FINISHED,
  COLUMN_DELIVERED,
  COLUMN_AGENT,
  COLUMN_HANDLER,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_PROJECT] = "项目名称",
  [COLUMN_NAME] = "事项名称",
  [COLUMN_UNIT] = "审批部门",
  [COLUMN_STAGE] = "阶段",
  [COLUMN_STATUTORY] = "法定时限（工作日）",
  [COLUMN_COMMITTED] = "承诺时限（工作日）",
  [COLUMN_GREEN] = "绿色通道",
  [COLUMN_ACCEPTED] = "受理日期",
  [COLUMN_COPIED] = "抄告日期",
  [COLUMN_FINISHED] = "办结日期",
  [COLUMN_DELIVERED] = "送达日期",
  [COLUMN_AGENT] = "代办员",
  [COLUMN_HANDLER] = "经办人",
  [COLUMN_NOTES] = "备注",
};

/* The columns a file must have. */
static const guint required_columns[] = {
  COLUMN_PROJECT, COLUMN_NAME, COLUMN_UNIT, COLUMN_STAGE, COLUMN_STATUTORY,
};

/* The ledger's item table. */
enum
{
  LEDGER_NUMBER,
  LEDGER_PROJECT,
  LEDGER_LOCALITY,
  LEDGER_NAME,
  LEDGER_STAGE,
  LEDGER_UNIT,
  LEDGER_GREEN,
  LEDGER_STATUTORY,
  LEDGER_COMMITTED,
  LEDGER_ACCEPTED,
  LEDGER_DEADLINE,
  LEDGER_FINISHED,
  LEDGER_ELAPSED,
  LEDGER_REMAINING,
  LEDGER_SPEEDUP,
  LEDGER_STATE,
  LEDGER_AGENT,
};

enum
{
  CASES_NUMBER,
  CASES_PROJECT,
  CASES_COMPANY,
  CASES_CONTACT,
  CASES_ENTRUSTED,
  CASES_AGENT,
  CASES_STATUS,
  CASES_ITEMS,
  CASES_FINISHED,
  CASES_OVERDUE,
  CASES_DELIVERED,
  CASES_EVALUATION,
};

enum
{
  SPEEDUP_NUMBER,
  SPEEDUP_UNIT,
  SPEEDUP_ITEMS,
  SPEEDUP_FINISHED,
  SPEEDUP_ON_TIME,
  SPEEDUP_ON_TIME_RATE,
  SPEEDUP_AVERAGE_STATUTORY,
  SPEEDUP_AVERAGE_ELAPSED,
  SPEEDUP_AVERAGE_SPEEDUP,
  SPEEDUP_TARGET_SHARE,
  SPEEDUP_OVERDUE,
};

enum
{
  BATCH_NUMBER,
  BATCH_PROJECT,
  BATCH_LEAD,
  BATCH_ACCEPTED,
  BATCH_ITEMS,
  BATCH_FINISHED,
  BATCH_LAST_FINISHED,
  BATCH_ELAPSED,
  BATCH_STATUTORY,
  BATCH_SAVED,
};

static const char *const stage_codes[TJ_STAGE_N] = {
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
static const char *const case_status_codes[TJ_CASE_N] = {
  "accepted", "in_progress", "finished", "terminated",
};
static const char *const case_status_labels[TJ_CASE_N] = {
  N_("Accepted"), N_("In progress"), N_("Finished"), N_("Terminated"),
};
static const char *const case_status_words[TJ_CASE_N] = {
  "已受理", "办理中", "已办结", "已终止",
};
static const char *const evaluation_codes[TJ_EVALUATION_N] = {
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

/* The columns of approval_items as SELECT lists them; the order is the one read_item expects. */
#define ITEM_COLUMNS                                                                             \
  "i.id, i.project_id, i.case_id, i.batch_id, i.name, i.stage, i.unit_id, i.statutory_days, "   \
  "i.committed_days, i.green, i.handler, i.accepted, i.copied, i.finished, i.delivered, "       \
  "i.suspended, i.notes, p.name, p.year, l.name, u.name, u.sort_order, c.company, ag.name, "    \
  "b.accepted, (SELECT count (*) FROM approval_reminders r WHERE r.item_id = i.id), "           \
  "(SELECT max (r.date) FROM approval_reminders r WHERE r.item_id = i.id) "
#define ITEM_JOINS                                                                               \
  "FROM approval_items i JOIN projects p ON p.id = i.project_id "                               \
  "LEFT JOIN units l ON l.id = p.locality_id LEFT JOIN units u ON u.id = i.unit_id "            \
  "LEFT JOIN agency_cases c ON c.id = i.case_id LEFT JOIN people ag ON ag.id = c.agent_id "     \
  "LEFT JOIN approval_batches b ON b.id = i.batch_id "

#define CASE_COLUMNS                                                                             \
  "c.id, c.project_id, c.company, c.contact, c.phone, c.entrusted, c.agent_id, c.plan, "        \
  "c.status, c.termination_reason, c.delivery_method, c.delivered, c.evaluation, "              \
  "c.evaluation_comment, c.archived, p.name, p.year, l.name, ag.name, "                         \
  "(SELECT count (*) FROM approval_items i WHERE i.case_id = c.id), "                           \
  "(SELECT count (*) FROM approval_items i WHERE i.case_id = c.id AND i.finished IS NOT NULL) "
#define CASE_JOINS                                                                               \
  "FROM agency_cases c JOIN projects p ON p.id = c.project_id "                                 \
  "LEFT JOIN units l ON l.id = p.locality_id LEFT JOIN people ag ON ag.id = c.agent_id "

#define BATCH_COLUMNS "b.id, b.project_id, b.lead_unit_id, b.accepted, b.notes, p.name, u.name "
#define BATCH_JOINS                                                                              \
  "FROM approval_batches b JOIN projects p ON p.id = b.project_id "                             \
  "LEFT JOIN units u ON u.id = b.lead_unit_id "

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char *
code_of (const char *const *codes,
         guint              n,
         guint              value)
{
  return value < n ? codes[value] : NULL;
}

static guint
value_of (const char *const *codes,
          guint              n,
          const char        *code,
          guint              fallback)
{
  for (guint i = 0; i < n; i++)
    if (codes[i] != NULL && g_strcmp0 (code, codes[i]) == 0)
      return i;
  return fallback;
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

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Trims a text field in place; an empty one becomes NULL. */
static void
tidy_text (char **text)
{
  if (*text != NULL)
    g_strstrip (*text);
  if (*text != NULL && **text == '\0')
    g_clear_pointer (text, g_free);
}

/* A date field as entered: empty is none; a date is rewritten as YYYY-MM-DD; anything else is a
 * problem naming the field. Returns FALSE for a problem. */
static gboolean
tidy_date (GPtrArray  *problems,
           const char *field,
           char      **date)
{
  g_autoptr (GError) local = NULL;
  char *parsed;

  tidy_text (date);
  if (*date == NULL)
    return TRUE;
  parsed = tj_date_parse (*date, &local);
  if (parsed == NULL)
    {
      /* Translators: the field, then what is wrong: "受理日期：“2026-02-30”不是有效日期…" */
      tj_problems_add (problems, field, _("%s: %s"), tj_approval_field_label (field),
                       local->message);
      return FALSE;
    }
  g_free (*date);
  *date = parsed;
  return TRUE;
}

static char *
organisation (TjDb *db)
{
  g_autofree char *name = tj_db_get_setting (db, "organisation");

  if (name == NULL || *g_strstrip (name) == '\0')
    return g_strdup (DEFAULT_ORGANISATION);
  return g_steal_pointer (&name);
}

static gboolean
project_exists (TjDb   *db,
                gint64  project_id)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  stmt = tj_db_prepare_cached (db, "SELECT 1 FROM projects WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The project a case or batch belongs to; 0 when there is no such record. */
static gint64
owner_project (TjDb       *db,
               const char *sql,
               gint64      id)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  stmt = tj_db_prepare_cached (db, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static char *
today_or_now (const char *today)
{
  return today != NULL ? g_strdup (today) : tj_date_today ();
}

static gboolean
delete_row (TjDb       *db,
            const char *sql,
            const char *table,
            gint64      id,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tj_db_begin (db, error))
    return FALSE;
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    {
      tj_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tj_db_step_done (db, stmt, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Overrides, class_init and init */

static void
tj_approval_item_finalize (GObject *object)
{
  TjApprovalItem *self = TJ_APPROVAL_ITEM (object);

  g_free (self->name);
  g_free (self->handler);
  g_free (self->accepted);
  g_free (self->copied);
  g_free (self->finished);
  g_free (self->delivered);
  g_free (self->notes);
  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->unit_name);
  g_free (self->case_company);
  g_free (self->agent_name);
  g_free (self->batch_accepted);
  g_free (self->last_reminded);
  g_free (self->deadline);
  G_OBJECT_CLASS (tj_approval_item_parent_class)->finalize (object);
}

static void
tj_approval_item_class_init (TjApprovalItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_approval_item_finalize;
}

static void
tj_approval_item_init (TjApprovalItem *self)
{
}

static void
tj_agency_case_finalize (GObject *object)
{
  TjAgencyCase *self = TJ_AGENCY_CASE (object);

  g_free (self->company);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->entrusted);
  g_free (self->plan);
  g_free (self->termination_reason);
  g_free (self->delivery_method);
  g_free (self->delivered);
  g_free (self->evaluation_comment);
  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->agent_name);
  G_OBJECT_CLASS (tj_agency_case_parent_class)->finalize (object);
}

static void
tj_agency_case_class_init (TjAgencyCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_agency_case_finalize;
}

static void
tj_agency_case_init (TjAgencyCase *self)
{
}

static void
tj_approval_batch_finalize (GObject *object)
{
  TjApprovalBatch *self = TJ_APPROVAL_BATCH (object);

  g_free (self->accepted);
  g_free (self->notes);
  g_free (self->project_name);
  g_free (self->lead_unit_name);
  g_free (self->last_finished);
  G_OBJECT_CLASS (tj_approval_batch_parent_class)->finalize (object);
}

static void
tj_approval_batch_class_init (TjApprovalBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_approval_batch_finalize;
}

static void
tj_approval_batch_init (TjApprovalBatch *self)
{
}

static void
tj_approval_reminder_finalize (GObject *object)
{
  TjApprovalReminder *self = TJ_APPROVAL_REMINDER (object);

  g_free (self->date);
  g_free (self->by_whom);
  g_free (self->note);
  G_OBJECT_CLASS (tj_approval_reminder_parent_class)->finalize (object);
}

static void
tj_approval_reminder_class_init (TjApprovalReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_approval_reminder_finalize;
}

static void
tj_approval_reminder_init (TjApprovalReminder *self)
{
}

static void
tj_catalogue_entry_finalize (GObject *object)
{
  TjCatalogueEntry *self = TJ_CATALOGUE_ENTRY (object);

  g_free (self->name);
  g_free (self->unit_name);
  G_OBJECT_CLASS (tj_catalogue_entry_parent_class)->finalize (object);
}

static void
tj_catalogue_entry_class_init (TjCatalogueEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_catalogue_entry_finalize;
}

static void
tj_catalogue_entry_init (TjCatalogueEntry *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Labels */

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
  return code_of (stage_codes, TJ_STAGE_N, stage);
}

TjApprovalStage
tj_approval_stage_parse (const char *text)
{
  return parse_label (stage_codes, stage_labels, stage_words, TJ_STAGE_N, text, TJ_STAGE_NONE);
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
  return parse_label (case_status_codes, case_status_labels, case_status_words, TJ_CASE_N, text,
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
  return parse_label (evaluation_codes, evaluation_labels, evaluation_words,
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

/* 推进机制 (四): the green channel is at least 50% faster, so it proposes half the statutory
 * limit, rounded down. */
int
tj_approval_green_committed (int statutory_days)
{
  return statutory_days > 0 ? statutory_days / 2 : 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Items */

TjApprovalItem *
tj_approval_item_new (void)
{
  return g_object_new (TJ_TYPE_APPROVAL_ITEM, NULL);
}

TjApprovalItem *
tj_approval_item_copy (TjApprovalItem *self)
{
  TjApprovalItem *copy;

  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (self), NULL);

  copy = tj_approval_item_new ();
  copy->id = self->id;
  copy->project_id = self->project_id;
  copy->case_id = self->case_id;
  copy->batch_id = self->batch_id;
  copy->name = g_strdup (self->name);
  copy->stage = self->stage;
  copy->unit_id = self->unit_id;
  copy->statutory_days = self->statutory_days;
  copy->committed_days = self->committed_days;
  copy->green = self->green;
  copy->handler = g_strdup (self->handler);
  copy->accepted = g_strdup (self->accepted);
  copy->copied = g_strdup (self->copied);
  copy->finished = g_strdup (self->finished);
  copy->delivered = g_strdup (self->delivered);
  copy->suspended = self->suspended;
  copy->notes = g_strdup (self->notes);
  copy->project_name = g_strdup (self->project_name);
  copy->project_year = self->project_year;
  copy->locality_name = g_strdup (self->locality_name);
  copy->unit_name = g_strdup (self->unit_name);
  copy->unit_order = self->unit_order;
  copy->case_company = g_strdup (self->case_company);
  copy->agent_name = g_strdup (self->agent_name);
  copy->batch_accepted = g_strdup (self->batch_accepted);
  copy->n_reminders = self->n_reminders;
  copy->last_reminded = g_strdup (self->last_reminded);
  copy->state = self->state;
  copy->deadline = g_strdup (self->deadline);
  copy->has_elapsed = self->has_elapsed;
  copy->elapsed = self->elapsed;
  copy->has_remaining = self->has_remaining;
  copy->remaining = self->remaining;
  copy->overdue = self->overdue;
  copy->late = self->late;
  copy->due_soon = self->due_soon;
  copy->has_speedup = self->has_speedup;
  copy->speedup = self->speedup;
  copy->met_target = self->met_target;
  return copy;
}

/* Every computed field of the item on `today` (NULL: the real date), by the rules at the top of
 * this file. */
void
tj_approval_item_compute (TjApprovalItem *self,
                          TjCalendar     *calendar,
                          const char     *today)
{
  g_autofree char *now = NULL;

  g_return_if_fail (TJ_IS_APPROVAL_ITEM (self));
  g_return_if_fail (calendar != NULL);

  now = today_or_now (today);
  g_clear_pointer (&self->deadline, g_free);
  self->has_elapsed = self->has_remaining = FALSE;
  self->elapsed = self->remaining = 0;
  self->overdue = self->late = self->due_soon = FALSE;
  self->has_speedup = self->met_target = FALSE;
  self->speedup = 0;
  self->state = TJ_ITEM_NOT_ACCEPTED;

  if (is_blank (self->accepted))
    return;
  self->deadline = tj_calendar_deadline (calendar, self->accepted, MAX (self->committed_days, 0));
  if (self->deadline == NULL)
    return;

  if (!is_blank (self->finished))
    {
      int elapsed = tj_calendar_elapsed (calendar, self->accepted, self->finished);

      self->late = strcmp (self->finished, self->deadline) > 0;
      self->state = self->late ? TJ_ITEM_LATE : TJ_ITEM_ON_TIME;
      if (elapsed < 0)
        return;
      self->has_elapsed = TRUE;
      self->elapsed = elapsed;
      if (self->statutory_days > 0)
        {
          int saved = self->statutory_days - elapsed;

          self->has_speedup = TRUE;
          self->speedup = (double) saved / (double) self->statutory_days;
          /* 推进机制 (四): "提速50%以上", compared in whole days, not a rounded rate. */
          self->met_target = 2 * saved >= self->statutory_days;
        }
      return;
    }

  self->has_remaining = TRUE;
  self->remaining = tj_calendar_remaining (calendar, now, self->deadline);
  self->overdue = strcmp (now, self->deadline) > 0;
  self->state = self->overdue ? TJ_ITEM_OVERDUE : TJ_ITEM_IN_PROGRESS;
  self->due_soon = !self->overdue && self->remaining <= TJ_APPROVAL_DUE_SOON_DAYS;
}

/* Every rule of an item; the messages name the field (its column name). Text fields are
 * trimmed and dates rewritten as YYYY-MM-DD in place. */
GPtrArray *
tj_approval_item_validate (TjApprovalItem *self,
                           TjDb           *db)
{
  GPtrArray *problems = tj_problems_new ();
  gboolean accepted_ok, finished_ok, delivered_ok;

  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project_id", "%s", _("Choose the project."));
  else if (!project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  else
    {
      if (self->case_id != 0 &&
          owner_project (db, "SELECT project_id FROM agency_cases WHERE id = ?", self->case_id) !=
            self->project_id)
        tj_problems_add (problems, "case_id", "%s",
                         _("The agency case is not one of this project's."));
      if (self->batch_id != 0 &&
          owner_project (db, "SELECT project_id FROM approval_batches WHERE id = ?",
                         self->batch_id) != self->project_id)
        tj_problems_add (problems, "batch_id", "%s",
                         _("The parallel batch is not one of this project's."));
    }

  tidy_text (&self->name);
  if (self->name == NULL)
    tj_problems_add (problems, "name", "%s", _("The item name is required."));
  if (self->stage <= TJ_STAGE_NONE || self->stage >= TJ_STAGE_N)
    tj_problems_add (problems, "stage", "%s", _("Choose the stage."));
  if (self->unit_id == 0)
    tj_problems_add (problems, "unit_id", "%s", _("Choose the department."));

  if (self->statutory_days < 0)
    tj_problems_add (problems, "statutory_days", "%s",
                     _("The statutory limit must be a whole number of working days, 0 or more."));
  if (self->committed_days < 0)
    tj_problems_add (problems, "committed_days", "%s",
                     _("The committed limit must be a whole number of working days, 0 or more."));
  else if (self->statutory_days >= 0 && self->committed_days > self->statutory_days)
    tj_problems_add (problems, "committed_days", "%s",
                     _("The committed limit cannot be longer than the statutory limit."));

  tidy_text (&self->handler);
  tidy_text (&self->notes);
  accepted_ok = tidy_date (problems, "accepted", &self->accepted);
  tidy_date (problems, "copied", &self->copied);
  finished_ok = tidy_date (problems, "finished", &self->finished);
  delivered_ok = tidy_date (problems, "delivered", &self->delivered);

  /* Every figure of a finished item counts from its acceptance. */
  if (finished_ok && self->finished != NULL && accepted_ok && self->accepted == NULL)
    tj_problems_add (problems, "accepted", "%s",
                     _("A finished item needs its acceptance date."));
  if (accepted_ok && finished_ok && self->accepted != NULL && self->finished != NULL &&
      strcmp (self->finished, self->accepted) < 0)
    tj_problems_add (problems, "finished", "%s",
                     _("The finish date cannot be before the acceptance date."));
  if (finished_ok && delivered_ok && self->finished != NULL && self->delivered != NULL &&
      strcmp (self->delivered, self->finished) < 0)
    tj_problems_add (problems, "delivered", "%s",
                     _("The delivery date cannot be before the finish date."));
  return problems;
}

static TjApprovalItem *
read_item (sqlite3_stmt *stmt)
{
  TjApprovalItem *item = tj_approval_item_new ();
  int c = 0;

  item->id = sqlite3_column_int64 (stmt, c++);
  item->project_id = sqlite3_column_int64 (stmt, c++);
  item->case_id = sqlite3_column_int64 (stmt, c++);
  item->batch_id = sqlite3_column_int64 (stmt, c++);
  item->name = tj_db_column_dup (stmt, c++);
  item->stage = value_of (stage_codes, TJ_STAGE_N, (const char *) sqlite3_column_text (stmt, c++),
                          TJ_STAGE_NONE);
  item->unit_id = sqlite3_column_int64 (stmt, c++);
  item->statutory_days = sqlite3_column_int (stmt, c++);
  item->committed_days = sqlite3_column_int (stmt, c++);
  item->green = sqlite3_column_int (stmt, c++);
  item->handler = tj_db_column_dup (stmt, c++);
  item->accepted = tj_db_column_dup (stmt, c++);
  item->copied = tj_db_column_dup (stmt, c++);
  item->finished = tj_db_column_dup (stmt, c++);
  item->delivered = tj_db_column_dup (stmt, c++);
  item->suspended = sqlite3_column_int (stmt, c++);
  item->notes = tj_db_column_dup (stmt, c++);
  item->project_name = tj_db_column_dup (stmt, c++);
  item->project_year = sqlite3_column_int (stmt, c++);
  item->locality_name = tj_db_column_dup (stmt, c++);
  item->unit_name = tj_db_column_dup (stmt, c++);
  item->unit_order = sqlite3_column_int (stmt, c++);
  item->case_company = tj_db_column_dup (stmt, c++);
  item->agent_name = tj_db_column_dup (stmt, c++);
  item->batch_accepted = tj_db_column_dup (stmt, c++);
  item->n_reminders = sqlite3_column_int (stmt, c++);
  item->last_reminded = tj_db_column_dup (stmt, c++);
  return item;
}

/* The items WHERE condition selects (one integer parameter), each computed on today. */
static GPtrArray *
list_items (TjDb       *db,
            const char *condition,
            gint64      key,
            const char *today,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = today_or_now (today);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  calendar = tj_calendar_load (db, error);
  if (calendar == NULL)
    return NULL;
  sql = g_strconcat ("SELECT " ITEM_COLUMNS ITEM_JOINS "WHERE ", condition,
                     " ORDER BY p.id, i.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjApprovalItem *item = read_item (stmt);

      tj_approval_item_compute (item, calendar, now);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The items of the projects of year's list, by project, then as entered; the caller filters. */
GPtrArray *
tj_approval_item_list (TjDb       *db,
                       int         year,
                       const char *today,
                       GError    **error)
{
  return list_items (db, "p.year = ?", year, today, error);
}

GPtrArray *
tj_approval_item_list_project (TjDb       *db,
                               gint64      project_id,
                               const char *today,
                               GError    **error)
{
  return list_items (db, "i.project_id = ?", project_id, today, error);
}

GPtrArray *
tj_approval_item_list_case (TjDb       *db,
                            gint64      case_id,
                            const char *today,
                            GError    **error)
{
  return list_items (db, "i.case_id = ?", case_id, today, error);
}

GPtrArray *
tj_approval_item_list_batch (TjDb       *db,
                             gint64      batch_id,
                             const char *today,
                             GError    **error)
{
  return list_items (db, "i.batch_id = ?", batch_id, today, error);
}

TjApprovalItem *
tj_approval_item_load (TjDb       *db,
                       gint64      id,
                       const char *today,
                       GError    **error)
{
  g_autoptr (GPtrArray) items = list_items (db, "i.id = ?", id, today, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, "%s",
                   _("The approval item no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/* Validates, then inserts (id 0) or updates, inside the caller's transaction. */
gboolean
tj_approval_item_write (TjDb           *db,
                        TjApprovalItem *item,
                        GError        **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;
  int c = 1;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (item), FALSE);

  problems = tj_approval_item_validate (item, db);
  if (!tj_problems_to_error (problems, error))
    return FALSE;

  if (item->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO approval_items (project_id, case_id, batch_id, "
                                 "name, stage, unit_id, statutory_days, committed_days, green, "
                                 "handler, accepted, copied, finished, delivered, suspended, "
                                 "notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                 "?12, ?13, ?14, ?15, ?16)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE approval_items SET project_id = ?1, case_id = ?2, "
                                 "batch_id = ?3, name = ?4, stage = ?5, unit_id = ?6, "
                                 "statutory_days = ?7, committed_days = ?8, green = ?9, "
                                 "handler = ?10, accepted = ?11, copied = ?12, finished = ?13, "
                                 "delivered = ?14, suspended = ?15, notes = ?16 WHERE id = ?17",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, item->project_id);
  bind_id_or_null (stmt, c++, item->case_id);
  bind_id_or_null (stmt, c++, item->batch_id);
  sqlite3_bind_text (stmt, c++, item->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, stage_codes[item->stage], -1, SQLITE_STATIC);
  bind_id_or_null (stmt, c++, item->unit_id);
  sqlite3_bind_int (stmt, c++, item->statutory_days);
  sqlite3_bind_int (stmt, c++, item->committed_days);
  sqlite3_bind_int (stmt, c++, item->green ? 1 : 0);
  tj_db_bind_text_or_null (stmt, c++, item->handler);
  tj_db_bind_text_or_null (stmt, c++, item->accepted);
  tj_db_bind_text_or_null (stmt, c++, item->copied);
  tj_db_bind_text_or_null (stmt, c++, item->finished);
  tj_db_bind_text_or_null (stmt, c++, item->delivered);
  sqlite3_bind_int (stmt, c++, item->suspended ? 1 : 0);
  tj_db_bind_text_or_null (stmt, c++, item->notes);
  if (item->id != 0)
    sqlite3_bind_int64 (stmt, c++, item->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (item->id == 0)
    item->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_approval_item_save (TjDb           *db,
                       TjApprovalItem *item,
                       GError        **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (item), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  if (!tj_approval_item_write (db, item, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
tj_approval_item_delete (TjDb    *db,
                         gint64   id,
                         GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return delete_row (db, "DELETE FROM approval_items WHERE id = ?", "approval_items", id, error);
}

/* The 审批 page's header: items not finished and past their deadline. */
guint
tj_approval_items_count_overdue (GPtrArray *items)
{
  guint overdue = 0;

  g_return_val_if_fail (items != NULL, 0);

  for (guint i = 0; i < items->len; i++)
    overdue += ((TjApprovalItem *) g_ptr_array_index (items, i))->overdue;
  return overdue;
}

/* ------------------------------------------------------------------------------------------ */
/* 催办 */

/* Logs a reminder about an item inside the caller's transaction: on date (NULL: today), by
 * whom, with a note. The messages name the field ("date", "by_whom", "item_id"). */
gboolean
tj_approval_reminder_write (TjDb       *db,
                            gint64      item_id,
                            const char *date,
                            const char *by_whom,
                            const char *note,
                            GError    **error)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *who = g_strstrip (g_strdup (by_whom != NULL ? by_whom : ""));
  g_autofree char *text = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  day = is_blank (date) ? tj_date_today () : g_strdup (date);
  tidy_date (problems, "date", &day);
  if (*who == '\0')
    tj_problems_add (problems, "by_whom", "%s", _("Say who sent the reminder."));
  if (owner_project (db, "SELECT project_id FROM approval_items WHERE id = ?", item_id) == 0)
    tj_problems_add (problems, "item_id", "%s", _("The approval item no longer exists."));
  if (!tj_problems_to_error (problems, error))
    return FALSE;

  stmt = tj_db_prepare_cached (db,
                               "INSERT INTO approval_reminders (item_id, date, by_whom, note) "
                               "VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, who, -1, SQLITE_STATIC);
  tj_db_bind_text_or_null (stmt, 4, text);
  return tj_db_step_done (db, stmt, error);
}

/* 催办: logs a reminder in a transaction of its own. */
gboolean
tj_approval_remind (TjDb       *db,
                    gint64      item_id,
                    const char *date,
                    const char *by_whom,
                    const char *note,
                    GError    **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  if (!tj_approval_reminder_write (db, item_id, date, by_whom, note, error) ||
      !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* An item's reminders, the earliest first. */
GPtrArray *
tj_approval_reminder_list (TjDb    *db,
                           gint64   item_id,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT id, item_id, date, by_whom, note FROM approval_reminders "
                        "WHERE item_id = ? ORDER BY date, id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjApprovalReminder *reminder = g_object_new (TJ_TYPE_APPROVAL_REMINDER, NULL);

      reminder->id = sqlite3_column_int64 (stmt, 0);
      reminder->item_id = sqlite3_column_int64 (stmt, 1);
      reminder->date = tj_db_column_dup (stmt, 2);
      reminder->by_whom = tj_db_column_dup (stmt, 3);
      reminder->note = tj_db_column_dup (stmt, 4);
      g_ptr_array_add (reminders, reminder);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&reminders);
}

/* ------------------------------------------------------------------------------------------ */
/* Agency cases */

TjAgencyCase *
tj_agency_case_new (void)
{
  return g_object_new (TJ_TYPE_AGENCY_CASE, NULL);
}

TjAgencyCase *
tj_agency_case_copy (TjAgencyCase *self)
{
  TjAgencyCase *copy;

  g_return_val_if_fail (TJ_IS_AGENCY_CASE (self), NULL);

  copy = tj_agency_case_new ();
  copy->id = self->id;
  copy->project_id = self->project_id;
  copy->company = g_strdup (self->company);
  copy->contact = g_strdup (self->contact);
  copy->phone = g_strdup (self->phone);
  copy->entrusted = g_strdup (self->entrusted);
  copy->agent_id = self->agent_id;
  copy->plan = g_strdup (self->plan);
  copy->status = self->status;
  copy->termination_reason = g_strdup (self->termination_reason);
  copy->delivery_method = g_strdup (self->delivery_method);
  copy->delivered = g_strdup (self->delivered);
  copy->evaluation = self->evaluation;
  copy->evaluation_comment = g_strdup (self->evaluation_comment);
  copy->archived = self->archived;
  copy->project_name = g_strdup (self->project_name);
  copy->project_year = self->project_year;
  copy->locality_name = g_strdup (self->locality_name);
  copy->agent_name = g_strdup (self->agent_name);
  copy->n_items = self->n_items;
  copy->n_finished = self->n_finished;
  return copy;
}

/* Every rule of a case; the messages name the field. 推进机制 (三): an entrustment, handled by an
 * agent of the service centre. */
GPtrArray *
tj_agency_case_validate (TjAgencyCase *self,
                         TjDb         *db)
{
  GPtrArray *problems = tj_problems_new ();
  gboolean entrusted_ok, delivered_ok;

  g_return_val_if_fail (TJ_IS_AGENCY_CASE (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project_id", "%s", _("Choose the project."));
  else if (!project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  if (self->agent_id == 0)
    tj_problems_add (problems, "agent_id", "%s", _("Choose the agent."));
  if (self->status >= TJ_CASE_N)
    tj_problems_add (problems, "status", "%s", _("Choose the status."));
  if (self->evaluation >= TJ_EVALUATION_N)
    tj_problems_add (problems, "evaluation", "%s", _("Choose the evaluation."));

  tidy_text (&self->company);
  tidy_text (&self->contact);
  tidy_text (&self->phone);
  tidy_text (&self->plan);
  tidy_text (&self->termination_reason);
  tidy_text (&self->delivery_method);
  tidy_text (&self->evaluation_comment);
  if (!tj_phone_is_valid (self->phone))
    tj_problems_add (problems, "phone",
                     _("The phone “%s” may contain only digits, spaces, “-” and “+”."),
                     self->phone);

  entrusted_ok = tidy_date (problems, "entrusted", &self->entrusted);
  if (entrusted_ok && self->entrusted == NULL)
    tj_problems_add (problems, "entrusted", "%s", _("The entrustment date is required."));
  delivered_ok = tidy_date (problems, "delivered", &self->delivered);
  if (entrusted_ok && delivered_ok && self->entrusted != NULL && self->delivered != NULL &&
      strcmp (self->delivered, self->entrusted) < 0)
    tj_problems_add (problems, "delivered", "%s",
                     _("The delivery date cannot be before the entrustment date."));
  if (self->status == TJ_CASE_TERMINATED && self->termination_reason == NULL)
    tj_problems_add (problems, "termination_reason", "%s",
                     _("Give the reason the case was terminated."));
  return problems;
}

static TjAgencyCase *
read_case (sqlite3_stmt *stmt)
{
  TjAgencyCase *agency_case = tj_agency_case_new ();
  int c = 0;

  agency_case->id = sqlite3_column_int64 (stmt, c++);
  agency_case->project_id = sqlite3_column_int64 (stmt, c++);
  agency_case->company = tj_db_column_dup (stmt, c++);
  agency_case->contact = tj_db_column_dup (stmt, c++);
  agency_case->phone = tj_db_column_dup (stmt, c++);
  agency_case->entrusted = tj_db_column_dup (stmt, c++);
  agency_case->agent_id = sqlite3_column_int64 (stmt, c++);
  agency_case->plan = tj_db_column_dup (stmt, c++);
  agency_case->status = value_of (case_status_codes, TJ_CASE_N,
                                  (const char *) sqlite3_column_text (stmt, c++),
                                  TJ_CASE_ACCEPTED);
  agency_case->termination_reason = tj_db_column_dup (stmt, c++);
  agency_case->delivery_method = tj_db_column_dup (stmt, c++);
  agency_case->delivered = tj_db_column_dup (stmt, c++);
  agency_case->evaluation = value_of (evaluation_codes, TJ_EVALUATION_N,
                                      (const char *) sqlite3_column_text (stmt, c++),
                                      TJ_EVALUATION_NONE);
  agency_case->evaluation_comment = tj_db_column_dup (stmt, c++);
  agency_case->archived = sqlite3_column_int (stmt, c++);
  agency_case->project_name = tj_db_column_dup (stmt, c++);
  agency_case->project_year = sqlite3_column_int (stmt, c++);
  agency_case->locality_name = tj_db_column_dup (stmt, c++);
  agency_case->agent_name = tj_db_column_dup (stmt, c++);
  agency_case->n_items = sqlite3_column_int (stmt, c++);
  agency_case->n_finished = sqlite3_column_int (stmt, c++);
  return agency_case;
}

static GPtrArray *
list_cases (TjDb       *db,
            const char *condition,
            gint64      key,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  sql = g_strconcat ("SELECT " CASE_COLUMNS CASE_JOINS "WHERE ", condition,
                     " ORDER BY c.entrusted, c.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_case (stmt));
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* The cases of the projects of year's list, by entrustment date. */
GPtrArray *
tj_agency_case_list (TjDb    *db,
                     int      year,
                     GError **error)
{
  return list_cases (db, "p.year = ?", year, error);
}

GPtrArray *
tj_agency_case_list_project (TjDb    *db,
                             gint64   project_id,
                             GError **error)
{
  return list_cases (db, "c.project_id = ?", project_id, error);
}

TjAgencyCase *
tj_agency_case_load (TjDb    *db,
                     gint64   id,
                     GError **error)
{
  g_autoptr (GPtrArray) cases = list_cases (db, "c.id = ?", id, error);

  if (cases == NULL)
    return NULL;
  if (cases->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, "%s",
                   _("The agency case no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (cases, 0));
}

/* Validates, then inserts or updates, inside the caller's transaction. */
gboolean
tj_agency_case_write (TjDb         *db,
                      TjAgencyCase *agency_case,
                      GError      **error)
{
  g_autoptr (GPtrArray) problems = tj_agency_case_validate (agency_case, db);
  g_autoptr (TjCachedStmt) stmt = NULL;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (agency_case->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO agency_cases (project_id, company, contact, phone, "
                                 "entrusted, agent_id, plan, status, termination_reason, "
                                 "delivery_method, delivered, evaluation, evaluation_comment, "
                                 "archived) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                 "?11, ?12, ?13, ?14)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE agency_cases SET project_id = ?1, company = ?2, "
                                 "contact = ?3, phone = ?4, entrusted = ?5, agent_id = ?6, "
                                 "plan = ?7, status = ?8, termination_reason = ?9, "
                                 "delivery_method = ?10, delivered = ?11, evaluation = ?12, "
                                 "evaluation_comment = ?13, archived = ?14 WHERE id = ?15",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, agency_case->project_id);
  tj_db_bind_text_or_null (stmt, c++, agency_case->company);
  tj_db_bind_text_or_null (stmt, c++, agency_case->contact);
  tj_db_bind_text_or_null (stmt, c++, agency_case->phone);
  sqlite3_bind_text (stmt, c++, agency_case->entrusted, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, c++, agency_case->agent_id);
  tj_db_bind_text_or_null (stmt, c++, agency_case->plan);
  sqlite3_bind_text (stmt, c++, case_status_codes[agency_case->status], -1, SQLITE_STATIC);
  /* A reason belongs to a terminated case only. */
  tj_db_bind_text_or_null (stmt, c++, agency_case->status == TJ_CASE_TERMINATED
                                        ? agency_case->termination_reason
                                        : NULL);
  tj_db_bind_text_or_null (stmt, c++, agency_case->delivery_method);
  tj_db_bind_text_or_null (stmt, c++, agency_case->delivered);
  tj_db_bind_text_or_null (stmt, c++, evaluation_codes[agency_case->evaluation]);
  tj_db_bind_text_or_null (stmt, c++, agency_case->evaluation_comment);
  sqlite3_bind_int (stmt, c++, agency_case->archived ? 1 : 0);
  if (agency_case->id != 0)
    sqlite3_bind_int64 (stmt, c++, agency_case->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (agency_case->id == 0)
    agency_case->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_agency_case_save (TjDb         *db,
                     TjAgencyCase *agency_case,
                     GError      **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_AGENCY_CASE (agency_case), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  if (!tj_agency_case_write (db, agency_case, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Deletes a case; its items stay, no longer in a case. */
gboolean
tj_agency_case_delete (TjDb    *db,
                       gint64   id,
                       GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  if (!delete_row (db, "DELETE FROM agency_cases WHERE id = ?", "agency_cases", id, error))
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Parallel batches */

TjApprovalBatch *
tj_approval_batch_new (void)
{
  return g_object_new (TJ_TYPE_APPROVAL_BATCH, NULL);
}

GPtrArray *
tj_approval_batch_validate (TjApprovalBatch *self,
                            TjDb            *db)
{
  GPtrArray *problems = tj_problems_new ();

  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project_id", "%s", _("Choose the project."));
  else if (!project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  /* 推进机制 (四): "一门受理", one window with a lead department. */
  if (self->lead_unit_id == 0)
    tj_problems_add (problems, "lead_unit_id", "%s", _("Choose the lead department."));
  if (tidy_date (problems, "accepted", &self->accepted) && self->accepted == NULL)
    tj_problems_add (problems, "accepted", "%s", _("The acceptance date is required."));
  tidy_text (&self->notes);
  return problems;
}

/* A batch's figures from its items: elapsed from the batch's acceptance to the last item
 * finished, once every item is; saved against the sum of their statutory limits. */
static gboolean
batch_compute (TjDb            *db,
               TjApprovalBatch *batch,
               TjCalendar      *calendar,
               GError         **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  g_clear_pointer (&batch->last_finished, g_free);
  batch->n_items = batch->n_finished = 0;
  batch->statutory_sum = batch->elapsed = batch->saved = 0;
  batch->has_elapsed = FALSE;

  stmt = tj_db_prepare_cached (db,
                               "SELECT statutory_days, finished FROM approval_items "
                               "WHERE batch_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *finished = (const char *) sqlite3_column_text (stmt, 1);

      batch->n_items++;
      batch->statutory_sum += sqlite3_column_int (stmt, 0);
      if (finished == NULL)
        continue;
      batch->n_finished++;
      if (batch->last_finished == NULL || strcmp (finished, batch->last_finished) > 0)
        {
          g_free (batch->last_finished);
          batch->last_finished = g_strdup (finished);
        }
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  if (batch->n_items == 0 || batch->n_finished < batch->n_items)
    {
      g_clear_pointer (&batch->last_finished, g_free);
      return TRUE;
    }
  batch->elapsed = tj_calendar_elapsed (calendar, batch->accepted, batch->last_finished);
  batch->has_elapsed = batch->elapsed >= 0;
  if (!batch->has_elapsed)
    batch->elapsed = 0;
  else
    batch->saved = batch->statutory_sum - batch->elapsed;
  return TRUE;
}

static GPtrArray *
list_batches (TjDb       *db,
              const char *condition,
              gint64      key,
              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  calendar = tj_calendar_load (db, error);
  if (calendar == NULL)
    return NULL;
  sql = g_strconcat ("SELECT " BATCH_COLUMNS BATCH_JOINS "WHERE ", condition,
                     " ORDER BY b.accepted, b.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjApprovalBatch *batch = tj_approval_batch_new ();

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->project_id = sqlite3_column_int64 (stmt, 1);
      batch->lead_unit_id = sqlite3_column_int64 (stmt, 2);
      batch->accepted = tj_db_column_dup (stmt, 3);
      batch->notes = tj_db_column_dup (stmt, 4);
      batch->project_name = tj_db_column_dup (stmt, 5);
      batch->lead_unit_name = tj_db_column_dup (stmt, 6);
      g_ptr_array_add (batches, batch);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  for (guint i = 0; i < batches->len; i++)
    if (!batch_compute (db, g_ptr_array_index (batches, i), calendar, error))
      return NULL;
  return g_steal_pointer (&batches);
}

/* The batches of the projects of year's list, by acceptance date. Their figures need no "today":
 * a batch counts only once every item is finished. */
GPtrArray *
tj_approval_batch_list (TjDb    *db,
                        int      year,
                        GError **error)
{
  return list_batches (db, "p.year = ?", year, error);
}

GPtrArray *
tj_approval_batch_list_project (TjDb    *db,
                                gint64   project_id,
                                GError **error)
{
  return list_batches (db, "b.project_id = ?", project_id, error);
}

TjApprovalBatch *
tj_approval_batch_load (TjDb    *db,
                        gint64   id,
                        GError **error)
{
  g_autoptr (GPtrArray) batches = list_batches (db, "b.id = ?", id, error);

  if (batches == NULL)
    return NULL;
  if (batches->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, "%s",
                   _("The parallel batch no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (batches, 0));
}

/* Validates, then inserts or updates, inside the caller's transaction. */
gboolean
tj_approval_batch_write (TjDb            *db,
                         TjApprovalBatch *batch,
                         GError         **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (batch), FALSE);

  problems = tj_approval_batch_validate (batch, db);
  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (batch->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO approval_batches (project_id, lead_unit_id, "
                                 "accepted, notes) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE approval_batches SET project_id = ?1, lead_unit_id = ?2, "
                                 "accepted = ?3, notes = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->project_id);
  bind_id_or_null (stmt, 2, batch->lead_unit_id);
  sqlite3_bind_text (stmt, 3, batch->accepted, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, 4, batch->notes);
  if (batch->id != 0)
    sqlite3_bind_int64 (stmt, 5, batch->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (batch->id == 0)
    batch->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_approval_batch_save (TjDb            *db,
                        TjApprovalBatch *batch,
                        GError         **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (batch), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  if (!tj_approval_batch_write (db, batch, error) || !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Deletes a batch; its items stay, no longer in a batch. */
gboolean
tj_approval_batch_delete (TjDb    *db,
                          gint64   id,
                          GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  if (!delete_row (db, "DELETE FROM approval_batches WHERE id = ?", "approval_batches", id,
                   error))
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* The catalogue */

TjCatalogueEntry *
tj_catalogue_entry_new (void)
{
  return g_object_new (TJ_TYPE_CATALOGUE_ENTRY, NULL);
}

GPtrArray *
tj_catalogue_entry_validate (TjCatalogueEntry *self,
                             TjDb             *db)
{
  GPtrArray *problems = tj_problems_new ();

  g_return_val_if_fail (TJ_IS_CATALOGUE_ENTRY (self), problems);

  tidy_text (&self->name);
  if (self->name == NULL)
    tj_problems_add (problems, "name", "%s", _("The item name is required."));
  else
    {
      g_autoptr (TjCachedStmt) stmt = NULL;

      stmt = tj_db_prepare_cached (db,
                                   "SELECT id FROM approval_catalogue WHERE name = ?1 AND "
                                   "unit_id IS ?2 AND id <> ?3",
                                   NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, self->name, -1, SQLITE_STATIC);
          bind_id_or_null (stmt, 2, self->unit_id);
          sqlite3_bind_int64 (stmt, 3, self->id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            tj_problems_add (problems, "name",
                             _("The catalogue already has “%s” for this department."),
                             self->name);
        }
    }
  if (self->stage <= TJ_STAGE_NONE || self->stage >= TJ_STAGE_N)
    tj_problems_add (problems, "stage", "%s", _("Choose the stage."));
  if (self->statutory_days < 0)
    tj_problems_add (problems, "statutory_days", "%s",
                     _("The statutory limit must be a whole number of working days, 0 or more."));
  return problems;
}

/* The catalogue by stage, then as entered. */
GPtrArray *
tj_catalogue_list (TjDb    *db,
                   GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT a.id, a.name, a.unit_id, u.name, a.stage, a.statutory_days "
                        "FROM approval_catalogue a LEFT JOIN units u ON u.id = a.unit_id "
                        "ORDER BY CASE a.stage WHEN 'land' THEN 1 WHEN 'permit' THEN 2 "
                        "WHEN 'construction' THEN 3 ELSE 4 END, a.id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjCatalogueEntry *entry = tj_catalogue_entry_new ();

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->name = tj_db_column_dup (stmt, 1);
      entry->unit_id = sqlite3_column_int64 (stmt, 2);
      entry->unit_name = tj_db_column_dup (stmt, 3);
      entry->stage = value_of (stage_codes, TJ_STAGE_N,
                               (const char *) sqlite3_column_text (stmt, 4), TJ_STAGE_NONE);
      entry->statutory_days = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gboolean
tj_catalogue_entry_save (TjDb             *db,
                         TjCatalogueEntry *entry,
                         GError          **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_CATALOGUE_ENTRY (entry), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  problems = tj_catalogue_entry_validate (entry, db);
  if (!tj_problems_to_error (problems, error))
    goto fail;
  if (entry->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO approval_catalogue (name, unit_id, stage, "
                                 "statutory_days) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE approval_catalogue SET name = ?1, unit_id = ?2, "
                                 "stage = ?3, statutory_days = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, entry->name, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 2, entry->unit_id);
  sqlite3_bind_text (stmt, 3, stage_codes[entry->stage], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, entry->statutory_days);
  if (entry->id != 0)
    sqlite3_bind_int64 (stmt, 5, entry->id);
  if (!tj_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, tj_db_release);
  if (entry->id == 0)
    entry->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  if (!tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}

gboolean
tj_catalogue_entry_delete (TjDb    *db,
                           gint64   id,
                           GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return delete_row (db, "DELETE FROM approval_catalogue WHERE id = ?", "approval_catalogue", id,
                     error);
}

/* ------------------------------------------------------------------------------------------ */
/* 部门审批提速情况: the figures of one department, or of all (the 合计 row)
 *
 * For the items of the year's list with that department, on the report date:
 * - 事项数 (items): every item, accepted or not.
 * - 已办结 (finished): the items with a finish date.
 * - 按时办结 (on time): finished on or before the deadline; 按时办结率 = on time ÷ finished.
 * - 平均法定时限 = Σ statutory limits ÷ items (every item of the department).
 * - 平均用时 = Σ elapsed working days ÷ finished items.
 * - 平均提速率 = the arithmetic mean of the items' speed-ups, over the finished items with a
 *   statutory limit above 0 (those that have one).
 * - 提速50%以上占比 = finished items whose speed-up is at least 50% ÷ finished items.
 * - 超期未办结 (overdue now): not finished, past the deadline on the report date.
 * A rate or average whose denominator is 0 is left blank. */

static void
department_clear (gpointer data)
{
  g_free (((TjDepartmentSpeedup *) data)->name);
}

static void
speedup_add (TjDepartmentSpeedup  *figures,
             const TjApprovalItem *item)
{
  figures->items++;
  figures->statutory_sum += item->statutory_days;
  figures->overdue += item->overdue;
  if (item->state != TJ_ITEM_ON_TIME && item->state != TJ_ITEM_LATE)
    return;
  figures->finished++;
  figures->on_time += item->state == TJ_ITEM_ON_TIME;
  figures->met_target += item->met_target;
  if (item->has_elapsed)
    {
      figures->timed++;
      figures->elapsed_sum += item->elapsed;
    }
  if (item->has_speedup)
    {
      figures->with_speedup++;
      figures->speedup_sum += item->speedup;
    }
}

static void
speedup_finish (TjDepartmentSpeedup *figures)
{
  figures->has_on_time_rate = figures->finished > 0;
  if (figures->has_on_time_rate)
    {
      figures->on_time_rate = (double) figures->on_time / figures->finished;
      figures->target_share = (double) figures->met_target / figures->finished;
    }
  figures->has_average_statutory = figures->items > 0;
  if (figures->has_average_statutory)
    figures->average_statutory = (double) figures->statutory_sum / figures->items;
  figures->has_average_elapsed = figures->timed > 0;
  if (figures->has_average_elapsed)
    figures->average_elapsed = (double) figures->elapsed_sum / figures->timed;
  figures->has_average_speedup = figures->with_speedup > 0;
  if (figures->has_average_speedup)
    figures->average_speedup = figures->speedup_sum / figures->with_speedup;
}

static int
by_department (gconstpointer a,
               gconstpointer b)
{
  const TjApprovalItem *ia = *(TjApprovalItem *const *) a;
  const TjApprovalItem *ib = *(TjApprovalItem *const *) b;
  /* Items without a department go last. */
  int oa = ia->unit_id != 0 ? ia->unit_order : G_MAXINT;
  int ob = ib->unit_id != 0 ? ib->unit_order : G_MAXINT;

  if (oa != ob)
    return oa < ob ? -1 : 1;
  if (ia->unit_id != ib->unit_id)
    return ia->unit_id < ib->unit_id ? -1 : 1;
  return 0;
}

/* One TjDepartmentSpeedup per department of the items (computed ones), in the order of the unit
 * list. */
GArray *
tj_approval_speedup_figures (GPtrArray *items)
{
  GArray *departments = g_array_new (FALSE, TRUE, sizeof (TjDepartmentSpeedup));
  g_autoptr (GPtrArray) sorted = NULL;
  TjDepartmentSpeedup *current = NULL;

  g_array_set_clear_func (departments, department_clear);
  g_return_val_if_fail (items != NULL, departments);

  /* A borrowed view of the items: sorting it leaves the caller's order alone. */
  sorted = g_ptr_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (items, i));
  g_ptr_array_sort (sorted, by_department);
  for (guint i = 0; i < sorted->len; i++)
    {
      const TjApprovalItem *item = g_ptr_array_index (sorted, i);

      if (current == NULL || current->unit_id != item->unit_id)
        {
          g_array_set_size (departments, departments->len + 1);
          current = &g_array_index (departments, TjDepartmentSpeedup, departments->len - 1);
          current->unit_id = item->unit_id;
          current->name = g_strdup (item->unit_name != NULL ? item->unit_name
                                                            : _("No department"));
        }
      speedup_add (current, item);
    }
  for (guint i = 0; i < departments->len; i++)
    speedup_finish (&g_array_index (departments, TjDepartmentSpeedup, i));
  return departments;
}

/* ------------------------------------------------------------------------------------------ */
/* Reports */

/* "2026年5月20日" */
static char *
date_words (const char *iso_date)
{
  int year = 0, month = 0, day = 0;

  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso_date);
  /* Translators: a date in words: "2026年5月20日" */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), year, month, day);
}

/* The years the figures depend on that have no holiday table: from the earliest date of an
 * item (acceptance, or the year of the list) to the latest (finish, deadline, or today for an
 * item still running). */
static char *
plain_weekdays_note (TjCalendar *calendar,
                     GPtrArray  *items,
                     int         year,
                     const char *today)
{
  g_autoptr (GArray) missing = NULL;
  g_autoptr (GString) years = NULL;
  int first = year, last = year;

  for (guint i = 0; i < items->len; i++)
    {
      const TjApprovalItem *item = g_ptr_array_index (items, i);
      const char *dates[] = { item->accepted, item->finished, item->deadline,
                              item->has_remaining ? today : NULL };

      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        if (dates[d] != NULL)
          {
            int y = atoi (dates[d]);

            first = MIN (first, y);
            last = MAX (last, y);
          }
    }
  missing = tj_calendar_missing_years (calendar, first, last);
  if (missing->len == 0)
    return NULL;
  years = g_string_new (NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append (years, _(", "));
      g_string_append_printf (years, "%d", g_array_index (missing, int, i));
    }
  /* Translators: "2027年无节假日安排表，按普通工作日计算。" (the years, then the rule) */
  return g_strdup_printf (ngettext ("%s has no holiday table: counted as plain weekdays "
                                    "(Monday to Friday).",
                                    "%s have no holiday table: counted as plain weekdays "
                                    "(Monday to Friday).",
                                    missing->len),
                          years->str);
}

static TjReport *
new_sheet (const char *sheet_name,
           const char *title,
           const char *today)
{
  TjReport *report = tj_report_new (sheet_name, title);
  g_autofree char *words = date_words (today);
  g_autofree char *subtitle = NULL;

  /* Translators: the subtitle of the approval reports: "（截至2026年5月20日）" */
  subtitle = g_strdup_printf (_("(as of %s)"), words);
  tj_report_set_subtitle (report, subtitle);
  return report;
}

static void
add_rules_note (TjReport *report)
{
  tj_report_add_note (report,
                      _("Note: time limits are in working days (weekends and public holidays off, "
                        "adjusted working weekends on). The day of acceptance is not counted: the "
                        "deadline is the committed limit's last working day after it, and the "
                        "working days taken run from the day after acceptance to the finish date "
                        "(0 when finished the same day). Speed-up = (statutory limit − working "
                        "days taken) ÷ statutory limit."));
}

/* A year without a holiday table goes above the table, where a reader cannot miss it. */
static void
add_calendar_paragraph (TjReport   *report,
                        const char *calendar_note)
{
  if (calendar_note != NULL)
    tj_report_add_paragraph (report, calendar_note);
}

static TjReport *
ledger_items_sheet (TjDb       *db,
                    int         year,
                    const char *today,
                    GPtrArray  *items,
                    const char *calendar_note)
{
  g_autofree char *org = organisation (db);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  guint states[TJ_ITEM_N_STATES] = { 0 };
  TjReport *report;

  /* Translators: the ledger's title: "登封市2026年代办事项台账" */
  title = g_strdup_printf (_("%s %d Agency and Approval Ledger"), org, year);
  report = new_sheet (C_("approval sheet", "Approval items"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Item name"), TJ_REPORT_TEXT, 18);
  tj_report_add_column (report, C_("approval column", "Stage"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, C_("approval column", "Department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Green channel"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Statutory limit (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Committed limit (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Accepted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Deadline"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Finished on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Working days taken"), TJ_REPORT_INTEGER,
                        0);
  tj_report_add_column (report, C_("approval column", "Working days left"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Speed-up"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Status"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Agent"), TJ_REPORT_TEXT, 0);
  report->frozen_columns = LEDGER_NAME + 1;

  for (guint i = 0; i < items->len; i++)
    {
      const TjApprovalItem *item = g_ptr_array_index (items, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      states[item->state]++;
      tj_report_set_integer (report, row, LEDGER_NUMBER, i + 1);
      tj_report_set_text (report, row, LEDGER_PROJECT, item->project_name);
      tj_report_set_text (report, row, LEDGER_LOCALITY, item->locality_name);
      tj_report_set_text (report, row, LEDGER_NAME, item->name);
      tj_report_set_text (report, row, LEDGER_STAGE, tj_approval_stage_label (item->stage));
      tj_report_set_text (report, row, LEDGER_UNIT, item->unit_name);
      tj_report_set_text (report, row, LEDGER_GREEN,
                          item->green ? C_("green channel", "Yes") : C_("green channel", "No"));
      tj_report_set_integer (report, row, LEDGER_STATUTORY, item->statutory_days);
      tj_report_set_integer (report, row, LEDGER_COMMITTED, item->committed_days);
      tj_report_set_date (report, row, LEDGER_ACCEPTED, item->accepted);
      tj_report_set_date (report, row, LEDGER_DEADLINE, item->deadline);
      tj_report_set_date (report, row, LEDGER_FINISHED, item->finished);
      if (item->has_elapsed)
        tj_report_set_integer (report, row, LEDGER_ELAPSED, item->elapsed);
      if (item->has_remaining)
        tj_report_set_integer (report, row, LEDGER_REMAINING, item->remaining);
      if (item->has_speedup)
        tj_report_set_percent (report, row, LEDGER_SPEEDUP, item->speedup);
      tj_report_set_text (report, row, LEDGER_STATE, tj_item_state_label (item->state));
      tj_report_set_text (report, row, LEDGER_AGENT, item->agent_name);
    }

  /* Translators: "共 42 项：办理中 10 项，超期未办结 3 项，按时办结 25 项，逾期办结 2 项，未受理 2 项。" */
  summary = g_strdup_printf (ngettext ("%u item: %u in progress, %u overdue and not finished, %u "
                                       "finished on time, %u finished late, %u not accepted yet.",
                                       "%u items: %u in progress, %u overdue and not finished, "
                                       "%u finished on time, %u finished late, %u not accepted "
                                       "yet.",
                                       items->len),
                             items->len, states[TJ_ITEM_IN_PROGRESS], states[TJ_ITEM_OVERDUE],
                             states[TJ_ITEM_ON_TIME], states[TJ_ITEM_LATE],
                             states[TJ_ITEM_NOT_ACCEPTED]);
  tj_report_add_paragraph (report, summary);
  add_calendar_paragraph (report, calendar_note);
  add_rules_note (report);
  tj_report_add_note (report,
                      _("Status: in progress — accepted, not finished, the deadline not passed; "
                        "overdue — not finished after the deadline; finished on time — on or "
                        "before the deadline; finished late — after it. Working days left are "
                        "counted from the report date, negative once the deadline has passed."));
  return report;
}

static TjReport *
ledger_cases_sheet (TjDb       *db,
                    int         year,
                    const char *today,
                    GPtrArray  *cases,
                    GPtrArray  *items)
{
  g_autofree char *org = organisation (db);
  g_autofree char *title = NULL;
  g_autoptr (GHashTable) overdue = g_hash_table_new (g_int64_hash, g_int64_equal);
  TjReport *report;

  for (guint i = 0; i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);

      if (item->case_id != 0 && item->overdue)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (overdue, &item->case_id));

          g_hash_table_insert (overdue, &item->case_id, GUINT_TO_POINTER (count + 1));
        }
    }

  /* Translators: the title of the cases' sheet: "登封市2026年全程代办件登记表" */
  title = g_strdup_printf (_("%s %d Agency Cases"), org, year);
  report = new_sheet (C_("approval sheet", "Agency cases"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("approval column", "Entrusting company"), TJ_REPORT_TEXT, 20);
  tj_report_add_column (report, C_("approval column", "Contact"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Entrusted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Agent"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Case status"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Overdue, not finished"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Delivered on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Evaluation"), TJ_REPORT_TEXT, 0);
  report->frozen_columns = CASES_PROJECT + 1;

  for (guint i = 0; i < cases->len; i++)
    {
      TjAgencyCase *agency_case = g_ptr_array_index (cases, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      g_autofree char *status = NULL;

      if (agency_case->status == TJ_CASE_TERMINATED && agency_case->termination_reason != NULL)
        /* Translators: a terminated case with its reason: "已终止（投资方放弃）" */
        status = g_strdup_printf (_("%s (%s)"), tj_case_status_label (agency_case->status),
                                  agency_case->termination_reason);
      else
        status = g_strdup (tj_case_status_label (agency_case->status));
      tj_report_set_integer (report, row, CASES_NUMBER, i + 1);
      tj_report_set_text (report, row, CASES_PROJECT, agency_case->project_name);
      tj_report_set_text (report, row, CASES_COMPANY, agency_case->company);
      tj_report_set_text (report, row, CASES_CONTACT, agency_case->contact);
      tj_report_set_date (report, row, CASES_ENTRUSTED, agency_case->entrusted);
      tj_report_set_text (report, row, CASES_AGENT, agency_case->agent_name);
      tj_report_set_text (report, row, CASES_STATUS, status);
      tj_report_set_integer (report, row, CASES_ITEMS, agency_case->n_items);
      tj_report_set_integer (report, row, CASES_FINISHED, agency_case->n_finished);
      tj_report_set_integer (report, row, CASES_OVERDUE,
                             GPOINTER_TO_UINT (g_hash_table_lookup (overdue, &agency_case->id)));
      tj_report_set_date (report, row, CASES_DELIVERED, agency_case->delivered);
      tj_report_set_text (report, row, CASES_EVALUATION,
                          tj_evaluation_label (agency_case->evaluation));
    }
  /* 推进机制 (三) */
  tj_report_add_note (report, _("Note: the agency service is free of charge to the investor."));
  return report;
}

/* 代办事项台账: every item of the year's projects on one sheet, every agency case on another. */
TjReportBook *
tj_approval_ledger_book (TjDb       *db,
                         int         year,
                         const char *today,
                         GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *now = today_or_now (today);
  g_autofree char *org = NULL;
  g_autofree char *note = NULL;
  TjReportBook *book;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  calendar = tj_calendar_load (db, error);
  if (calendar == NULL || (items = tj_approval_item_list (db, year, now, error)) == NULL ||
      (cases = tj_agency_case_list (db, year, error)) == NULL)
    return NULL;
  note = plain_weekdays_note (calendar, items, year, now);
  org = organisation (db);
  book = tj_report_book_new (org);
  tj_report_book_add (book, ledger_items_sheet (db, year, now, items, note));
  tj_report_book_add (book, ledger_cases_sheet (db, year, now, cases, items));
  return book;
}

static void
add_speedup_row (TjReport                  *report,
                 TjReportRowKind            kind,
                 guint                      number,
                 const char                *name,
                 const TjDepartmentSpeedup *figures)
{
  guint row = tj_report_add_row (report, kind);

  if (number > 0)
    tj_report_set_integer (report, row, SPEEDUP_NUMBER, number);
  else
    tj_report_set_text (report, row, SPEEDUP_NUMBER, _("Total"));
  tj_report_set_text (report, row, SPEEDUP_UNIT, name);
  tj_report_set_integer (report, row, SPEEDUP_ITEMS, figures->items);
  tj_report_set_integer (report, row, SPEEDUP_FINISHED, figures->finished);
  tj_report_set_integer (report, row, SPEEDUP_ON_TIME, figures->on_time);
  if (figures->has_on_time_rate)
    {
      tj_report_set_percent (report, row, SPEEDUP_ON_TIME_RATE, figures->on_time_rate);
      tj_report_set_percent (report, row, SPEEDUP_TARGET_SHARE, figures->target_share);
    }
  if (figures->has_average_statutory)
    tj_report_set_decimal (report, row, SPEEDUP_AVERAGE_STATUTORY, figures->average_statutory);
  if (figures->has_average_elapsed)
    tj_report_set_decimal (report, row, SPEEDUP_AVERAGE_ELAPSED, figures->average_elapsed);
  if (figures->has_average_speedup)
    tj_report_set_percent (report, row, SPEEDUP_AVERAGE_SPEEDUP, figures->average_speedup);
  tj_report_set_integer (report, row, SPEEDUP_OVERDUE, figures->overdue);
}

static TjReport *
speedup_sheet (TjDb       *db,
               int         year,
               const char *today,
               GPtrArray  *items,
               const char *calendar_note)
{
  g_autoptr (GArray) departments = tj_approval_speedup_figures (items);
  g_autofree char *org = organisation (db);
  g_autofree char *title = NULL;
  g_autofree char *share = NULL;
  TjDepartmentSpeedup total = { 0 };
  TjReport *report;

  /* Translators: the title of the speed-up report: "登封市2026年部门审批提速情况" */
  title = g_strdup_printf (_("%s %d Approval Speed-up by Department"), org, year);
  report = new_sheet (C_("approval sheet", "By department"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished on time"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "On-time rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Average statutory limit (working days)"),
                        TJ_REPORT_DECIMAL, 0);
  tj_report_add_column (report, C_("approval column", "Average working days taken"),
                        TJ_REPORT_DECIMAL, 0);
  tj_report_add_column (report, C_("approval column", "Average speed-up"), TJ_REPORT_PERCENT, 0);
  /* Translators: a column: the share of the finished items that were at least 50% faster */
  share = g_strdup_printf (_("Share %d%% or more faster"), 50);
  tj_report_add_column (report, share, TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("approval column", "Overdue, not finished"),
                        TJ_REPORT_INTEGER, 0);
  report->frozen_columns = SPEEDUP_UNIT + 1;

  for (guint i = 0; i < departments->len; i++)
    {
      const TjDepartmentSpeedup *figures = &g_array_index (departments, TjDepartmentSpeedup, i);

      add_speedup_row (report, TJ_REPORT_ROW_BODY, i + 1, figures->name, figures);
    }
  for (guint i = 0; i < items->len; i++)
    speedup_add (&total, g_ptr_array_index (items, i));
  speedup_finish (&total);
  add_speedup_row (report, TJ_REPORT_ROW_TOTAL, 0, NULL, &total);

  tj_report_add_note (report,
                      _("Note: the items of the year's key projects, by department. Items: every "
                        "item, accepted or not. Finished: items with a finish date. Finished on "
                        "time: on or before the deadline; on-time rate = finished on time ÷ "
                        "finished. Average statutory limit = the sum of the statutory limits ÷ "
                        "items. Average working days taken = the sum of the working days taken ÷ "
                        "finished. Average speed-up = the mean of the speed-ups of the finished "
                        "items with a statutory limit above 0. Share 50% or more faster = "
                        "finished items with a speed-up of at least 50% ÷ finished. Overdue: "
                        "not finished and past the deadline on the report date. A rate without "
                        "items to count is left blank."));
  add_rules_note (report);
  add_calendar_paragraph (report, calendar_note);
  return report;
}

static TjReport *
batches_sheet (TjDb       *db,
               int         year,
               const char *today,
               GPtrArray  *batches)
{
  g_autofree char *org = organisation (db);
  g_autofree char *title = NULL;
  TjReport *report;
  gint64 saved = 0;
  guint row;

  /* Translators: the title of the parallel batches' sheet: "登封市2026年并联审批情况" */
  title = g_strdup_printf (_("%s %d Parallel Approvals"), org, year);
  report = new_sheet (C_("approval sheet", "Parallel approvals"), title, today);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 24);
  tj_report_add_column (report, C_("approval column", "Lead department"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("approval column", "Accepted on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Items"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Finished"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Last finished on"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("approval column", "Working days taken"), TJ_REPORT_INTEGER,
                        0);
  tj_report_add_column (report, C_("approval column", "Sum of statutory limits (working days)"),
                        TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("approval column", "Working days saved"), TJ_REPORT_INTEGER,
                        0);
  report->frozen_columns = BATCH_PROJECT + 1;

  for (guint i = 0; i < batches->len; i++)
    {
      const TjApprovalBatch *batch = g_ptr_array_index (batches, i);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, BATCH_NUMBER, i + 1);
      tj_report_set_text (report, row, BATCH_PROJECT, batch->project_name);
      tj_report_set_text (report, row, BATCH_LEAD, batch->lead_unit_name);
      tj_report_set_date (report, row, BATCH_ACCEPTED, batch->accepted);
      tj_report_set_integer (report, row, BATCH_ITEMS, batch->n_items);
      tj_report_set_integer (report, row, BATCH_FINISHED, batch->n_finished);
      tj_report_set_date (report, row, BATCH_LAST_FINISHED, batch->last_finished);
      tj_report_set_integer (report, row, BATCH_STATUTORY, batch->statutory_sum);
      if (batch->has_elapsed)
        {
          tj_report_set_integer (report, row, BATCH_ELAPSED, batch->elapsed);
          tj_report_set_integer (report, row, BATCH_SAVED, batch->saved);
          saved += batch->saved;
        }
    }
  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, BATCH_NUMBER, _("Total"));
  tj_report_set_integer (report, row, BATCH_SAVED, saved);
  /* 推进机制 (四) */
  tj_report_add_note (report,
                      _("Note: a parallel batch is accepted at one window with a lead department "
                        "(一门受理、抄告相关、同时办理、限时办结、统一送达). Its working days taken run "
                        "from the batch's acceptance to the last of its items finished, once all "
                        "are; working days saved = the sum of its items' statutory limits "
                        "(handled one after another) − the working days taken. The total sums "
                        "the batches finished."));
  return report;
}

/* 部门审批提速情况: the departments' figures, then the parallel batches and their time saved. */
TjReportBook *
tj_approval_speedup_book (TjDb       *db,
                          int         year,
                          const char *today,
                          GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *now = today_or_now (today);
  g_autofree char *org = NULL;
  g_autofree char *note = NULL;
  TjReportBook *book;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  calendar = tj_calendar_load (db, error);
  if (calendar == NULL || (items = tj_approval_item_list (db, year, now, error)) == NULL ||
      (batches = tj_approval_batch_list (db, year, error)) == NULL)
    return NULL;
  note = plain_weekdays_note (calendar, items, year, now);
  org = organisation (db);
  book = tj_report_book_new (org);
  tj_report_book_add (book, speedup_sheet (db, year, now, items, note));
  tj_report_book_add (book, batches_sheet (db, year, now, batches));
  return book;
}

static gboolean
check_extension (const char *path,
                 GError    **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf"))
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s”: the report is written as .xlsx or .pdf."), path);
  return FALSE;
}

/* Writes 代办事项台账 by the file's extension: .xlsx or .pdf. */
gboolean
tj_approval_write_ledger (TjDb       *db,
                          int         year,
                          const char *today,
                          const char *path,
                          GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_extension (path, error) ||
      (book = tj_approval_ledger_book (db, year, today, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}

/* Writes 部门审批提速情况 by the file's extension: .xlsx or .pdf. */
gboolean
tj_approval_write_speedup (TjDb       *db,
                           int         year,
                           const char *today,
                           const char *path,
                           GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_extension (path, error) ||
      (book = tj_approval_speedup_book (db, year, today, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Import */

/* What an import keeps while it reads the file, inside its transaction. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year;
  char *today;
  TjLedgerResult *result;
  GHashTable *lines;     /* "project/name/department" → the line that named it first */
  GHashTable *new_cases; /* "project/agent" → the id of the case this import created */
} ApprovalImport;

/* "法定时限（工作日）", "法定时限(工作日)" and "法定时限" are one column. */
static char *
header_key (const char *header,
            gpointer    user_data)
{
  char *key = tj_csv_normalise_header (header);

  if (g_str_has_suffix (key, "(工作日)") && strlen (key) > strlen ("(工作日)"))
    key[strlen (key) - strlen ("(工作日)")] = '\0';
  return key;
}

/* A limit cell: a whole number of working days; *days is left alone when the cell is empty. */
static gboolean
read_days (ApprovalImport *import,
           guint           line,
           Column          column,
           const char     *value,
           int            *days)
{
  gint64 number;

  if (is_blank (value))
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &number, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a whole number of working days."), value);

      tj_csv_import_add_error (&import->csv, line, column, message);
      return FALSE;
    }
  *days = (int) number;
  return TRUE;
}

static void
read_date (ApprovalImport *import,
           guint           line,
           Column          column,
           const char     *value,
           char          **date)
{
  g_autoptr (GError) local = NULL;

  if (is_blank (value))
    return;
  *date = tj_date_parse (value, &local);
  if (*date == NULL)
    tj_csv_import_add_error (&import->csv, line, column, local->message);
}

/* 是/否 (or yes/no, 1/0); empty is 否. */
static void
read_green (ApprovalImport *import,
            guint           line,
            const char     *value,
            gboolean       *green)
{
  static const char *const yes[] = { "是", "yes", "y", "1", "√" };
  static const char *const no[] = { "否", "no", "n", "0" };
  const char *yes_word = C_("green channel", "Yes");
  const char *no_word = C_("green channel", "No");
  g_autofree char *message = NULL;

  *green = FALSE;
  if (is_blank (value) || g_strcmp0 (value, no_word) == 0)
    return;
  if (g_strcmp0 (value, yes_word) == 0)
    {
      *green = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (value, yes[i]) == 0)
      {
        *green = TRUE;
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (value, no[i]) == 0)
      return;
  message = g_strdup_printf (_("“%s” is neither “%s” nor “%s”."), value, yes_word, no_word);
  tj_csv_import_add_error (&import->csv, line, COLUMN_GREEN, message);
}

static Column
column_of_field (const char *field)
{
  static const struct
  {
    const char *field;
    Column column;
  } columns[] = {
    { "name", COLUMN_NAME },
    { "stage", COLUMN_STAGE },
    { "unit_id", COLUMN_UNIT },
    { "statutory_days", COLUMN_STATUTORY },
    { "committed_days", COLUMN_COMMITTED },
    { "accepted", COLUMN_ACCEPTED },
    { "copied", COLUMN_COPIED },
    { "finished", COLUMN_FINISHED },
    { "delivered", COLUMN_DELIVERED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (field, columns[i].field) == 0)
      return columns[i].column;
  return COLUMN_PROJECT;
}

/* The stored item of a project with this name and department, if any: a file imported again
 * updates its items rather than adding them twice. */
static gboolean
find_stored_item (ApprovalImport *import,
                  TjApprovalItem *item,
                  gboolean       *found,
                  GError        **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  *found = FALSE;
  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id, case_id, batch_id, handler, suspended, notes "
                               "FROM approval_items WHERE project_id = ? AND name = ? AND "
                               "unit_id = ? ORDER BY id LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->project_id);
  sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, item->unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      item->id = sqlite3_column_int64 (stmt, 0);
      item->case_id = sqlite3_column_int64 (stmt, 1);
      item->batch_id = sqlite3_column_int64 (stmt, 2);
      item->handler = tj_db_column_dup (stmt, 3);
      item->suspended = sqlite3_column_int (stmt, 4);
      item->notes = tj_db_column_dup (stmt, 5);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (import->db, error);
      return FALSE;
    }
  return TRUE;
}

/* The agency case of the project that this agent handles: a case of theirs not terminated, or
 * one this import creates, entrusted on the earliest acceptance date of its items in the file
 * (the import's day when none has one). */
static gboolean
agent_case (ApprovalImport *import,
            gint64          project_id,
            gint64          agent_id,
            const char     *accepted,
            gint64         *case_id,
            GError        **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, project_id,
                                          agent_id);
  gint64 *created = g_hash_table_lookup (import->new_cases, key);
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autoptr (TjAgencyCase) agency_case = NULL;

  if (created != NULL)
    {
      *case_id = *created;
      if (accepted == NULL)
        return TRUE;
      stmt = tj_db_prepare_cached (import->db,
                                   "UPDATE agency_cases SET entrusted = ?2 "
                                   "WHERE id = ?1 AND entrusted > ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *case_id);
      sqlite3_bind_text (stmt, 2, accepted, -1, SQLITE_STATIC);
      return tj_db_step_done (import->db, stmt, error);
    }

  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id FROM agency_cases WHERE project_id = ? AND agent_id = ? "
                               "AND status <> 'terminated' ORDER BY id LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *case_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  g_clear_pointer (&stmt, tj_db_release);

  agency_case = tj_agency_case_new ();
  agency_case->project_id = project_id;
  agency_case->agent_id = agent_id;
  agency_case->entrusted = g_strdup (accepted != NULL ? accepted : import->today);
  agency_case->status = TJ_CASE_IN_PROGRESS;
  if (!tj_agency_case_write (import->db, agency_case, error))
    return FALSE;
  *case_id = agency_case->id;
  g_hash_table_insert (import->new_cases, g_steal_pointer (&key),
                       g_memdup2 (case_id, sizeof (gint64)));
  return TRUE;
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  ApprovalImport *import = (ApprovalImport *) csv;
  const char *values[N_COLUMNS];
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *key = NULL;
  guint errors_before = import->result->errors->len;
  gboolean stored = FALSE, limit_ok;
  gint64 agent_id = 0;
  gpointer first;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (is_blank (values[COLUMN_PROJECT]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_PROJECT,
                             _("The project name is required."));
  else if ((item->project_id = tj_project_find (import->db, import->year,
                                                values[COLUMN_PROJECT])) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The %d list has no project “%s”."),
                                                  import->year, values[COLUMN_PROJECT]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_PROJECT, message);
    }
  if (is_blank (values[COLUMN_NAME]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, _("The item name is required."));
  else
    item->name = g_strdup (values[COLUMN_NAME]);
  if (is_blank (values[COLUMN_UNIT]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_UNIT,
                             _("The approving department is required."));
  else if ((item->unit_id = tj_unit_find (import->db, values[COLUMN_UNIT])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of units."), values[COLUMN_UNIT]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_UNIT, message);
    }
  item->stage = tj_approval_stage_parse (values[COLUMN_STAGE]);
  if (item->stage == TJ_STAGE_NONE)
    {
      g_autofree char *message = NULL;

      if (is_blank (values[COLUMN_STAGE]))
        /* Translators: "请填写阶段：立项用地规划、工程建设许可、施工许可或竣工验收。" */
        message = g_strdup_printf (_("The stage is required: write %s, %s, %s or %s."),
                                   tj_approval_stage_label (TJ_STAGE_LAND),
                                   tj_approval_stage_label (TJ_STAGE_PERMIT),
                                   tj_approval_stage_label (TJ_STAGE_CONSTRUCTION),
                                   tj_approval_stage_label (TJ_STAGE_ACCEPTANCE));
      else
        /* Translators: "“x”不是阶段：请填写立项用地规划、工程建设许可、施工许可或竣工验收。" */
        message = g_strdup_printf (_("“%s” is not a stage: write %s, %s, %s or %s."),
                                   values[COLUMN_STAGE],
                                   tj_approval_stage_label (TJ_STAGE_LAND),
                                   tj_approval_stage_label (TJ_STAGE_PERMIT),
                                   tj_approval_stage_label (TJ_STAGE_CONSTRUCTION),
                                   tj_approval_stage_label (TJ_STAGE_ACCEPTANCE));
      tj_csv_import_add_error (&import->csv, line, COLUMN_STAGE, message);
    }
  read_green (import, line, values[COLUMN_GREEN], &item->green);
  item->statutory_days = -1;
  limit_ok = read_days (import, line, COLUMN_STATUTORY, values[COLUMN_STATUTORY],
                        &item->statutory_days);
  if (limit_ok && item->statutory_days == -1 && is_blank (values[COLUMN_STATUTORY]))
    {
      tj_csv_import_add_error (&import->csv, line, COLUMN_STATUTORY,
                               _("The statutory limit is required."));
      limit_ok = FALSE;
    }
  /* No committed limit: the green channel's proposal, or the statutory limit itself. */
  item->committed_days = !limit_ok || item->statutory_days < 0 ? 0
                         : item->green ? tj_approval_green_committed (item->statutory_days)
                                       : item->statutory_days;
  read_days (import, line, COLUMN_COMMITTED, values[COLUMN_COMMITTED], &item->committed_days);
  read_date (import, line, COLUMN_ACCEPTED, values[COLUMN_ACCEPTED], &item->accepted);
  read_date (import, line, COLUMN_COPIED, values[COLUMN_COPIED], &item->copied);
  read_date (import, line, COLUMN_FINISHED, values[COLUMN_FINISHED], &item->finished);
  read_date (import, line, COLUMN_DELIVERED, values[COLUMN_DELIVERED], &item->delivered);
  if (!is_blank (values[COLUMN_AGENT]) &&
      (agent_id = tj_person_find (import->db, values[COLUMN_AGENT])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of people."), values[COLUMN_AGENT]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_AGENT, message);
    }

  if (item->project_id != 0 && item->name != NULL && item->unit_id != 0)
    {
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT, item->project_id,
                             item->name, item->unit_id);
      if (g_hash_table_lookup_extended (import->lines, key, NULL, &first))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is also on line %u."), item->name,
                                                      GPOINTER_TO_UINT (first));

          tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, message);
        }
      else
        g_hash_table_insert (import->lines, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  if (import->result->errors->len > errors_before)
    return TRUE;

  if (!find_stored_item (import, item, &stored, error))
    return FALSE;
  /* A column the file does not have leaves the stored text as it was. */
  if (values[COLUMN_HANDLER] != NULL)
    {
      g_free (item->handler);
      item->handler = g_strdup (values[COLUMN_HANDLER]);
    }
  if (values[COLUMN_NOTES] != NULL)
    {
      g_free (item->notes);
      item->notes = g_strdup (values[COLUMN_NOTES]);
    }
  problems = tj_approval_item_validate (item, import->db);
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);

      tj_csv_import_add_error (&import->csv, line, column_of_field (problem->field),
                               problem->message);
    }
  /* Nothing is written once the file has a problem: the transaction is rolled back anyway. */
  if (import->result->errors->len > 0)
    return TRUE;

  if (agent_id != 0 && !agent_case (import, item->project_id, agent_id, item->accepted,
                                    &item->case_id, error))
    return FALSE;
  if (!tj_approval_item_write (import->db, item, error))
    return FALSE;
  if (stored)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* After the file is read: the transaction, left open for the caller to commit or roll back. */
static gboolean
prepare_cb (TjCsvImport *csv,
            GError     **error)
{
  ApprovalImport *import = (ApprovalImport *) csv;

  return tj_db_begin_bulk (import->db, error);
}

/* Reads the file and writes it in one transaction, left open for the caller to commit or roll
 * back. */
static gboolean
import_file (ApprovalImport *import,
             const char     *path,
             GError        **error)
{
  g_autofree char *empty =
    g_strdup_printf (_("“%s” is empty; no approval item was imported."), path);
  GPtrArray *errors = import->result->errors;
  guint created;

  if (!tj_csv_import_read (&import->csv, path, empty, error))
    return FALSE;
  if (errors->len > 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no approval item was imported.",
                             "%u problems found; no approval item was imported.", errors->len),
                   errors->len);
      return FALSE;
    }
  created = g_hash_table_size (import->new_cases);
  if (created > 0)
    g_ptr_array_add (import->result->warnings,
                     g_strdup_printf (ngettext ("%u agency case was created for the agents the "
                                                "file names, entrusted on the earliest "
                                                "acceptance date of its items.",
                                                "%u agency cases were created for the agents the "
                                                "file names, each entrusted on the earliest "
                                                "acceptance date of its items.",
                                                created),
                                      created));
  return TRUE;
}

/* Imports approval items (CSV, UTF-8 or GB18030) for the projects of year's list, matched by
 * name; departments by unit name, agents by person name. All or nothing: every problem is
 * reported in result->errors with its line and column, and then nothing is written. An item a
 * project already has (same name and department) is updated. dry_run does everything, then
 * rolls back. 推进机制 (三)(四) */
gboolean
tj_approval_import (TjDb            *db,
                    const char      *path,
                    int              year,
                    gboolean         dry_run,
                    TjLedgerResult **result,
                    GError         **error)
{
  g_autoptr (TjLedgerResult) outcome = tj_ledger_result_new ();
  ApprovalImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_check (year, error))
    {
      if (result != NULL)
        *result = g_steal_pointer (&outcome);
      return FALSE;
    }

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_PROJECT;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.key_func = header_key;
  import.csv.errors = outcome->errors;
  import.csv.warnings = outcome->warnings;
  import.csv.prepare = prepare_cb;
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.today = tj_date_today ();
  import.result = outcome;
  import.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.new_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = import_file (&import, path, error);
  if (ok && !dry_run)
    ok = tj_db_commit (db, error);
  else
    tj_db_rollback (db);

  if (!ok)
    outcome->added = outcome->updated = 0;
  g_hash_table_unref (import.lines);
  g_hash_table_unref (import.new_cases);
  tj_csv_import_clear (&import.csv);
  g_free (import.today);
  if (result != NULL)
    *result = g_steal_pointer (&outcome);
  return ok;
}
