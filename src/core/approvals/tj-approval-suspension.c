/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-approval-suspension.h"
#include "tj-problem.h"

/* 暂停期间 (issue 7, point 16). The policy leaves the time an item waits for the applicant or a
 * third party out of its limit: 补正材料, 专家评审, 听证, 公示 "不计入办理时限". A period counts
 * the calendar's working days from its first to its last day, both included, never the day of
 * acceptance (which no limit counts); tj_approval_item_compute moves the deadline later by them
 * and leaves them out of the elapsed days. */

TjApprovalSuspension *
tj_approval_suspension_new (const char *from,
                            const char *to,
                            const char *reason)
{
  TjApprovalSuspension *self = g_new0 (TjApprovalSuspension, 1);

  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->reason = g_strdup (reason);
  return self;
}

TjApprovalSuspension *
tj_approval_suspension_copy (const TjApprovalSuspension *self)
{
  TjApprovalSuspension *copy = tj_approval_suspension_new (self->from, self->to, self->reason);

  copy->id = self->id;
  copy->days = self->days;
  return copy;
}

void
tj_approval_suspension_free (TjApprovalSuspension *self)
{
  if (self == NULL)
    return;
  g_free (self->from);
  g_free (self->to);
  g_free (self->reason);
  g_free (self);
}

GPtrArray *
tj_approval_suspensions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tj_approval_suspension_free);
}

GPtrArray *
tj_approval_suspensions_copy (GPtrArray *suspensions)
{
  GPtrArray *copy;

  if (suspensions == NULL)
    return NULL;
  copy = tj_approval_suspensions_new ();
  for (guint i = 0; i < suspensions->len; i++)
    g_ptr_array_add (copy, tj_approval_suspension_copy (g_ptr_array_index (suspensions, i)));
  return copy;
}

/* The day before an ISO date, NULL for a bad one. */
static char *
day_before (const char *date)
{
  int y, m, d;
  GDate day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  g_date_subtract_days (&day, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

int
tj_approval_suspension_days (TjCalendar                 *calendar,
                             const char                 *accepted,
                             const TjApprovalSuspension *suspension)
{
  g_autofree char *before = NULL;
  const char *after;
  int days;

  g_return_val_if_fail (calendar != NULL && suspension != NULL, 0);

  before = day_before (suspension->from);
  if (before == NULL || suspension->to == NULL)
    return 0;
  /* Working days in (before, to], or in (accepted, to] when the period starts on the day of
   * acceptance: that day is never counted, so it cannot be taken out either. */
  after = accepted != NULL && strcmp (accepted, before) > 0 ? accepted : before;
  days = tj_calendar_elapsed (calendar, after, suspension->to);
  return MAX (days, 0);
}

static int
compare_from (gconstpointer a,
              gconstpointer b)
{
  const TjApprovalSuspension *x = *(TjApprovalSuspension *const *) a;
  const TjApprovalSuspension *y = *(TjApprovalSuspension *const *) b;

  return g_strcmp0 (x->from, y->from);
}

/* A date of a period: required and valid, rewritten as YYYY-MM-DD. */
static gboolean
tidy_period_date (GPtrArray  *problems,
                  guint       number,
                  gboolean    is_from,
                  char      **date)
{
  g_autoptr (GError) local = NULL;
  char *parsed;

  tidy_text (date);
  if (*date == NULL)
    {
      if (is_from)
        tj_problems_add (problems, "suspensions", _("Suspension %u: the start date is required."),
                         number);
      else
        tj_problems_add (problems, "suspensions", _("Suspension %u: the end date is required."),
                         number);
      return FALSE;
    }
  parsed = tj_date_parse (*date, &local);
  if (parsed == NULL)
    {
      tj_problems_add (problems, "suspensions", _("Suspension %u: %s"), number, local->message);
      return FALSE;
    }
  g_free (*date);
  *date = parsed;
  return TRUE;
}

void
tj_approval_suspensions_validate (GPtrArray  *suspensions,
                                  const char *accepted,
                                  const char *finished,
                                  GPtrArray  *problems)
{
  gboolean dates_ok = TRUE;

  g_return_if_fail (problems != NULL);

  if (suspensions == NULL)
    return;
  for (guint i = 0; i < suspensions->len; i++)
    {
      TjApprovalSuspension *period = g_ptr_array_index (suspensions, i);
      guint number = i + 1;
      gboolean from_ok, to_ok;

      from_ok = tidy_period_date (problems, number, TRUE, &period->from);
      to_ok = tidy_period_date (problems, number, FALSE, &period->to);
      tidy_text (&period->reason);
      if (period->reason == NULL)
        tj_problems_add (problems, "suspensions", _("Suspension %u: the reason is required."),
                         number);
      if (!from_ok || !to_ok)
        {
          dates_ok = FALSE;
          continue;
        }
      if (strcmp (period->from, period->to) > 0)
        {
          tj_problems_add (problems, "suspensions",
                           _("Suspension %u: the start date cannot be after the end date."),
                           number);
          dates_ok = FALSE;
        }
      if (accepted == NULL)
        tj_problems_add (problems, "suspensions",
                         _("Suspension %u: an item is suspended only after its acceptance; "
                           "enter the acceptance date."),
                         number);
      else if (strcmp (period->from, accepted) < 0)
        tj_problems_add (problems, "suspensions",
                         _("Suspension %u: it cannot start before the acceptance date (%s)."),
                         number, accepted);
      if (finished != NULL && strcmp (period->to, finished) > 0)
        tj_problems_add (problems, "suspensions",
                         _("Suspension %u: it cannot end after the finish date (%s)."), number,
                         finished);
    }
  if (!dates_ok)
    return;

  /* Overlaps, named by the periods' dates (their numbers change with the sorting). */
  g_ptr_array_sort (suspensions, compare_from);
  for (guint i = 1; i < suspensions->len; i++)
    {
      TjApprovalSuspension *previous = g_ptr_array_index (suspensions, i - 1);
      TjApprovalSuspension *period = g_ptr_array_index (suspensions, i);

      if (strcmp (period->from, previous->to) <= 0)
        tj_problems_add (problems, "suspensions",
                         _("The suspension %s to %s overlaps the one %s to %s."), period->from,
                         period->to, previous->from, previous->to);
    }
}

GPtrArray *
tj_approval_suspensions_load (TjDb    *db,
                              gint64   item_id,
                              GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) suspensions = tj_approval_suspensions_new ();
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare_cached (db,
                               "SELECT id, from_date, to_date, reason FROM approval_suspensions "
                               "WHERE item_id = ? ORDER BY from_date, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjApprovalSuspension *period = g_new0 (TjApprovalSuspension, 1);

      period->id = sqlite3_column_int64 (stmt, 0);
      period->from = tj_db_column_dup (stmt, 1);
      period->to = tj_db_column_dup (stmt, 2);
      period->reason = tj_db_column_dup (stmt, 3);
      g_ptr_array_add (suspensions, period);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&suspensions);
}

gboolean
tj_approval_suspensions_write (TjDb      *db,
                               gint64     item_id,
                               GPtrArray *suspensions,
                               GError   **error)
{
  g_autoptr (TjCachedStmt) clear = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (suspensions != NULL, FALSE);

  clear = tj_db_prepare_cached (db, "DELETE FROM approval_suspensions WHERE item_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, item_id);
  if (!tj_db_step_done (db, clear, error))
    return FALSE;
  for (guint i = 0; i < suspensions->len; i++)
    {
      TjApprovalSuspension *period = g_ptr_array_index (suspensions, i);
      g_autoptr (TjCachedStmt) insert = NULL;

      insert = tj_db_prepare_cached (db,
                                     "INSERT INTO approval_suspensions (item_id, from_date, "
                                     "to_date, reason) VALUES (?, ?, ?, ?)",
                                     error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, item_id);
      sqlite3_bind_text (insert, 2, period->from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, period->to, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, period->reason, -1, SQLITE_TRANSIENT);
      if (!tj_db_step_done (db, insert, error))
        return FALSE;
      period->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
    }
  return TRUE;
}

char *
tj_approval_suspension_describe (const TjApprovalSuspension *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: a suspension period in the ledger's notes: "2026-03-02 至 2026-03-04 补正材料（3 个工作日）". */
  return g_strdup_printf (ngettext ("%s to %s %s (%d working day)", "%s to %s %s (%d working days)",
                                    self->days),
                          self->from, self->to, self->reason != NULL ? self->reason : "",
                          self->days);
}
