/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-error.h"
#include "tj-problem.h"

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
 * - 暂停 (suspension periods, tj-approval-suspension.c): their working days are not counted in
 *   the limit (不计入办理时限): the deadline moves later by them and the elapsed days leave them
 *   out, so the speed-up is computed without them. The old `suspended` flag alone changes nothing.
 * - 用时 (elapsed) of a finished item: working days in (accepted, finished] less the suspended
 *   ones; 0 is 即办.
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

G_DEFINE_FINAL_TYPE (TjApprovalItem, tj_approval_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TjApprovalReminder, tj_approval_reminder, G_TYPE_OBJECT)

/* The columns of approval_items as SELECT lists them; the order is the one read_item expects. */
#define ITEM_OWN_COLUMNS                                                                         \
  "i.id, i.project_id, i.case_id, i.batch_id, i.name, i.stage, i.unit_id, i.statutory_days, "   \
  "i.committed_days, i.green, i.handler, i.accepted, i.copied, i.finished, i.delivered, "       \
  "i.suspended, i.notes, "
#define ITEM_COLUMNS                                                                             \
  ITEM_OWN_COLUMNS                                                                               \
  "p.name, p.year, l.name, u.name, u.sort_order, c.company, ag.name, "                          \
  "b.accepted, (SELECT count (*) FROM approval_reminders r WHERE r.item_id = i.id), "           \
  "(SELECT max (r.date) FROM approval_reminders r WHERE r.item_id = i.id) "
/* The items drive the join (CROSS JOIN keeps SQLite from starting at the projects' year index):
 * read through approval_items_by_project they come in the lists' order, by project then as
 * entered, with no sort, and each project is read by its rowid in increasing order. Starting at
 * the year's projects by name and sorting took 3 to 4 times as long at 300,000 items. */
#define ITEM_NAME_JOINS                                                                          \
  "FROM approval_items i CROSS JOIN projects p ON p.id = i.project_id "                         \
  "LEFT JOIN units l ON l.id = p.locality_id LEFT JOIN units u ON u.id = i.unit_id "            \
  "LEFT JOIN agency_cases c ON c.id = i.case_id LEFT JOIN people ag ON ag.id = c.agent_id "
#define ITEM_JOINS ITEM_NAME_JOINS "LEFT JOIN approval_batches b ON b.id = i.batch_id "
/* The ledger's: neither the reminders (two lookups an item) nor the batch, which it does not show
 * (n_reminders 0, last_reminded and batch_accepted NULL). */
#define ITEM_LEDGER_COLUMNS                                                                      \
  ITEM_OWN_COLUMNS                                                                               \
  "p.name, p.year, l.name, u.name, u.sort_order, c.company, ag.name, NULL, 0, NULL "
#define ITEM_FIGURE_JOINS "FROM approval_items i CROSS JOIN projects p ON p.id = i.project_id "

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
  g_clear_pointer (&self->suspensions, g_ptr_array_unref);
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
  copy->suspensions = tj_approval_suspensions_copy (self->suspensions);
  copy->suspended_days = self->suspended_days;
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

/* 办结期限 of an item accepted on `accepted` (not blank): the (committed + suspended)-th working
 * day after it, the suspension periods' days set and their sum in *suspended_days; NULL when the
 * calendar cannot tell. The one rule of the ledger (tj_approval_item_compute) and the ranking. */
char *
tj_approval_item_deadline (TjCalendar *calendar,
                           const char *accepted,
                           int         committed_days,
                           GPtrArray  *suspensions,
                           int        *suspended_days)
{
  int suspended = 0;

  g_return_val_if_fail (calendar != NULL && accepted != NULL, NULL);

  for (guint i = 0; suspensions != NULL && i < suspensions->len; i++)
    {
      TjApprovalSuspension *period = g_ptr_array_index (suspensions, i);

      period->days = tj_approval_suspension_days (calendar, accepted, period);
      suspended += period->days;
    }
  if (suspended_days != NULL)
    *suspended_days = suspended;
  return tj_calendar_deadline (calendar, accepted, MAX (committed_days, 0) + suspended);
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
  self->suspended_days = 0;
  self->state = TJ_ITEM_NOT_ACCEPTED;

  if (is_blank (self->accepted))
    return;
  self->deadline = tj_approval_item_deadline (calendar, self->accepted, self->committed_days,
                                              self->suspensions, &self->suspended_days);
  if (self->deadline == NULL)
    return;

  if (!is_blank (self->finished))
    {
      int elapsed = tj_calendar_elapsed (calendar, self->accepted, self->finished);

      if (elapsed >= 0)
        elapsed = MAX (elapsed - self->suspended_days, 0);
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
  else if (!tj_approval_project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  else
    {
      if (self->case_id != 0 &&
          tj_approval_owner_project (db, "SELECT project_id FROM agency_cases WHERE id = ?", self->case_id) !=
            self->project_id)
        tj_problems_add (problems, "case_id", "%s",
                         _("The agency case is not one of this project's."));
      if (self->batch_id != 0 &&
          tj_approval_owner_project (db, "SELECT project_id FROM approval_batches WHERE id = ?",
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
  accepted_ok = tj_approval_tidy_date (problems, "accepted", &self->accepted);
  tj_approval_tidy_date (problems, "copied", &self->copied);
  finished_ok = tj_approval_tidy_date (problems, "finished", &self->finished);
  delivered_ok = tj_approval_tidy_date (problems, "delivered", &self->delivered);

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

  /* The periods, the stored ones when the caller has not loaded them (an import changing the
   * dates must still leave them inside). */
  if (accepted_ok && finished_ok)
    {
      g_autoptr (GPtrArray) stored = NULL;
      GPtrArray *periods = self->suspensions;

      if (periods == NULL && self->id != 0)
        periods = stored = tj_approval_suspensions_load (db, self->id, NULL);
      tj_approval_suspensions_validate (periods, self->accepted, self->finished, problems);
    }
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
  item->stage = value_of (tj_approval_stage_codes, TJ_STAGE_N, (const char *) sqlite3_column_text (stmt, c++),
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

/* The items WHERE condition selects (one integer parameter) in one ordered scan, by project,
 * then as entered; their suspension periods in a second scan in the same order, merged as the
 * items are read; each item computed on `today` with the calendar loaded once. The lists and the
 * streamed ledger read items this way, so that memory does not grow with the items read. */
struct _TjApprovalItemCursor
{
  TjDb *db;
  TjCalendar *calendar;
  char *today;
  sqlite3_stmt *items;
  sqlite3_stmt *periods;
  int periods_rc; /* the last step of `periods`: SQLITE_ROW while a period waits to be taken */
};

void
tj_approval_item_cursor_free (TjApprovalItemCursor *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->items);
  sqlite3_finalize (self->periods);
  g_clear_pointer (&self->calendar, tj_calendar_free);
  g_clear_object (&self->db);
  g_free (self->today);
  g_free (self);
}

static TjApprovalItemCursor *
cursor_new (TjDb       *db,
            const char *columns,
            const char *condition,
            gint64      key,
            const char *today,
            GError    **error)
{
  g_autoptr (TjApprovalItemCursor) self = g_new0 (TjApprovalItemCursor, 1);
  g_autofree char *items_sql = NULL;
  g_autofree char *periods_sql = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  self->db = g_object_ref (db);
  self->today = today_or_now (today);
  if ((self->calendar = tj_calendar_load (db, error)) == NULL)
    return NULL;
  items_sql = g_strconcat ("SELECT ", columns, "WHERE ", condition,
                           " ORDER BY i.project_id, i.id", NULL);
  periods_sql = g_strconcat ("SELECT i.project_id, s.item_id, s.id, s.from_date, s.to_date, s.reason "
                             "FROM approval_suspensions s "
                             "JOIN approval_items i ON i.id = s.item_id "
                             "JOIN projects p ON p.id = i.project_id WHERE ", condition,
                             " ORDER BY i.project_id, i.id, s.from_date, s.id", NULL);
  if ((self->items = tj_db_prepare (db, items_sql, error)) == NULL ||
      (self->periods = tj_db_prepare (db, periods_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (self->items, 1, key);
  sqlite3_bind_int64 (self->periods, 1, key);
  self->periods_rc = sqlite3_step (self->periods);
  return g_steal_pointer (&self);
}

TjApprovalItemCursor *
tj_approval_item_cursor_new (TjDb       *db,
                             const char *condition,
                             gint64      key,
                             const char *today,
                             GError    **error)
{
  return cursor_new (db, ITEM_COLUMNS ITEM_JOINS, condition, key, today, error);
}

/* Reads from the first item again. */
void
tj_approval_item_cursor_rewind (TjApprovalItemCursor *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->items);
  sqlite3_reset (self->periods);
  self->periods_rc = sqlite3_step (self->periods);
}

TjCalendar *
tj_approval_item_cursor_get_calendar (TjApprovalItemCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->calendar;
}

const char *
tj_approval_item_cursor_get_today (TjApprovalItemCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->today;
}

/* Where the waiting period stands against the item (project_id, id) in the scans' order:
 * negative before it, 0 its own, positive after it. */
static int
period_order (sqlite3_stmt   *periods,
              TjApprovalItem *item)
{
  gint64 project_id = sqlite3_column_int64 (periods, 0);
  gint64 item_id = sqlite3_column_int64 (periods, 1);

  if (project_id != item->project_id)
    return project_id < item->project_id ? -1 : 1;
  if (item_id != item->id)
    return item_id < item->id ? -1 : 1;
  return 0;
}

/* The next item, computed (a new reference); NULL after the last one (`error` unset) or when
 * the items cannot be read (`error` set). */
TjApprovalItem *
tj_approval_item_cursor_next (TjApprovalItemCursor *self,
                              GError              **error)
{
  g_autoptr (TjApprovalItem) item = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  rc = sqlite3_step (self->items);
  if (rc != SQLITE_ROW)
    {
      tj_db_rows_done (self->db, rc, error);
      return NULL;
    }
  item = read_item (self->items);
  item->suspensions = tj_approval_suspensions_new ();
  /* Periods of an item the scan of items did not return (none in one snapshot) are passed. */
  while (self->periods_rc == SQLITE_ROW && period_order (self->periods, item) < 0)
    self->periods_rc = sqlite3_step (self->periods);
  while (self->periods_rc == SQLITE_ROW && period_order (self->periods, item) == 0)
    {
      TjApprovalSuspension *period = g_new0 (TjApprovalSuspension, 1);

      period->id = sqlite3_column_int64 (self->periods, 2);
      period->from = tj_db_column_dup (self->periods, 3);
      period->to = tj_db_column_dup (self->periods, 4);
      period->reason = tj_db_column_dup (self->periods, 5);
      g_ptr_array_add (item->suspensions, period);
      self->periods_rc = sqlite3_step (self->periods);
    }
  if (self->periods_rc != SQLITE_ROW && !tj_db_rows_done (self->db, self->periods_rc, error))
    return NULL;
  tj_approval_item_compute (item, self->calendar, self->today);
  return g_steal_pointer (&item);
}

/* The items WHERE condition selects (one integer parameter), each computed on today. */
static GPtrArray *
list_items (TjDb       *db,
            const char *condition,
            gint64      key,
            const char *today,
            GError    **error)
{
  g_autoptr (TjApprovalItemCursor) cursor = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;
  TjApprovalItem *item;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  cursor = tj_approval_item_cursor_new (db, condition, key, today, error);
  if (cursor == NULL)
    return NULL;
  while ((item = tj_approval_item_cursor_next (cursor, &local_error)) != NULL)
    g_ptr_array_add (items, item);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The items of year's list, read one by one (tj_approval_item_cursor_next): the ledger's rows,
 * without their reminders and batch (ITEM_LEDGER_COLUMNS). */
TjApprovalItemCursor *
tj_approval_item_cursor_year (TjDb       *db,
                              int         year,
                              const char *today,
                              GError    **error)
{
  return cursor_new (db, ITEM_LEDGER_COLUMNS ITEM_NAME_JOINS, "p.year = ?", year, today, error);
}

/* The accepted items of year's list with only their deadline (tj_approval_item_deadline, the
 * suspension periods counted) and finish date, by project then as entered: two scans, items and
 * periods in the same order, as the cursor reads them, without building the items. */
gboolean
tj_approval_item_foreach_deadline (TjDb                  *db,
                                   int                    year,
                                   TjApprovalDeadlineFunc func,
                                   gpointer               data,
                                   GError               **error)
{
  static const char items_sql[] =
    "SELECT i.project_id, i.id, i.accepted, i.committed_days, i.finished " ITEM_FIGURE_JOINS
    "WHERE p.year = ?1 ORDER BY i.project_id, i.id";
  /* from the few periods to their items, not from every item to its periods */
  static const char periods_sql[] =
    "SELECT i.project_id, s.item_id, s.from_date, s.to_date FROM approval_suspensions s "
    "CROSS JOIN approval_items i ON i.id = s.item_id CROSS JOIN projects p ON p.id = "
    "i.project_id WHERE p.year = ?1 ORDER BY i.project_id, i.id, s.from_date, s.id";
  g_autoptr (TjCalendar) calendar = NULL;
  g_autoptr (sqlite3_stmt) items = NULL;
  g_autoptr (sqlite3_stmt) periods = NULL;
  g_autoptr (GPtrArray) suspensions = tj_approval_suspensions_new ();
  int rc, periods_rc;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if ((calendar = tj_calendar_load (db, error)) == NULL ||
      (items = tj_db_prepare (db, items_sql, error)) == NULL ||
      (periods = tj_db_prepare (db, periods_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (items, 1, year);
  sqlite3_bind_int (periods, 1, year);
  periods_rc = sqlite3_step (periods);
  while ((rc = sqlite3_step (items)) == SQLITE_ROW)
    {
      gint64 project_id = sqlite3_column_int64 (items, 0);
      gint64 id = sqlite3_column_int64 (items, 1);
      const char *accepted = (const char *) sqlite3_column_text (items, 2);
      g_autofree char *deadline = NULL;

      /* the periods before this item (of no item read) are passed, its own are taken */
      g_ptr_array_set_size (suspensions, 0);
      while (periods_rc == SQLITE_ROW &&
             (sqlite3_column_int64 (periods, 0) < project_id ||
              (sqlite3_column_int64 (periods, 0) == project_id &&
               sqlite3_column_int64 (periods, 1) <= id)))
        {
          if (sqlite3_column_int64 (periods, 0) == project_id &&
              sqlite3_column_int64 (periods, 1) == id)
            {
              TjApprovalSuspension *period = g_new0 (TjApprovalSuspension, 1);

              period->from = tj_db_column_dup (periods, 2);
              period->to = tj_db_column_dup (periods, 3);
              g_ptr_array_add (suspensions, period);
            }
          periods_rc = sqlite3_step (periods);
        }
      if (periods_rc != SQLITE_ROW && !tj_db_rows_done (db, periods_rc, error))
        return FALSE;
      if (is_blank (accepted))
        continue;
      deadline = tj_approval_item_deadline (calendar, accepted, sqlite3_column_int (items, 3),
                                            suspensions, NULL);
      if (deadline != NULL)
        func (project_id, deadline, (const char *) sqlite3_column_text (items, 4), data);
    }
  return tj_db_rows_done (db, rc, error);
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

  return tj_approval_only_record (items, _("The approval item no longer exists."), error);
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
  tj_db_bind_id_or_null (stmt, c++, item->case_id);
  tj_db_bind_id_or_null (stmt, c++, item->batch_id);
  sqlite3_bind_text (stmt, c++, item->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, tj_approval_stage_codes[item->stage], -1, SQLITE_STATIC);
  tj_db_bind_id_or_null (stmt, c++, item->unit_id);
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
  if (item->suspensions != NULL &&
      !tj_approval_suspensions_write (db, item->id, item->suspensions, error))
    return FALSE;
  return TRUE;
}

gboolean
tj_approval_item_save (TjDb           *db,
                       TjApprovalItem *item,
                       GError        **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (item), FALSE);

  return tj_db_save_record (db, (TjDbWriteFunc) tj_approval_item_write, item, error);
}

gboolean
tj_approval_item_delete (TjDb    *db,
                         gint64   id,
                         GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM approval_items WHERE id = ?", id, error);
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

/* A period added to the item's (a new array when none was loaded: the write then replaces the
 * stored ones with it). Checked by tj_approval_item_validate. */
void
tj_approval_item_add_suspension (TjApprovalItem *self,
                                 const char     *from,
                                 const char     *to,
                                 const char     *reason)
{
  g_return_if_fail (TJ_IS_APPROVAL_ITEM (self));

  if (self->suspensions == NULL)
    self->suspensions = tj_approval_suspensions_new ();
  g_ptr_array_add (self->suspensions, tj_approval_suspension_new (from, to, reason));
}

char *
tj_approval_item_describe_suspensions (TjApprovalItem *self)
{
  g_autoptr (GString) text = NULL;

  g_return_val_if_fail (TJ_IS_APPROVAL_ITEM (self), NULL);

  if (self->suspensions == NULL || self->suspensions->len == 0)
    return self->suspended ? g_strdup (_("Suspended (no dates recorded)")) : NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < self->suspensions->len; i++)
    {
      g_autofree char *period =
        tj_approval_suspension_describe (g_ptr_array_index (self->suspensions, i));

      if (i > 0)
        /* Translators: between two suspension periods; "；" in Chinese. */
        g_string_append (text, _("; "));
      g_string_append (text, period);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
  tj_approval_tidy_date (problems, "date", &day);
  if (*who == '\0')
    tj_problems_add (problems, "by_whom", "%s", _("Say who sent the reminder."));
  if (tj_approval_owner_project (db, "SELECT project_id FROM approval_items WHERE id = ?", item_id) == 0)
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
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&reminders);
}
