/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-leaders"
#include "config.h"

#include "tj-delegation.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-error.h"
#include "tj-problem.h"

/* The rule of 委托, in one place:
 * - the leader and the acting leader are two different city leaders (people.is_leader);
 * - "外出1个月以上": the range spans at least one calendar month, to ≥ from + 1 month − 1 day
 *   (2026-03-15..2026-04-14 is a month; 2026-03-15..2026-04-13 is not);
 * - a leader's delegations do not overlap;
 * - on a day inside a delegation the leader's projects are named "张三（李四代）"
 *   (tj_delegation_label), in every report that names a project's city leader as of a date. */

TjDelegation *
tj_delegation_new (void)
{
  return g_new0 (TjDelegation, 1);
}

void
tj_delegation_free (TjDelegation *self)
{
  if (self == NULL)
    return;
  g_free (self->date_from);
  g_free (self->date_to);
  g_free (self->reason);
  g_free (self->leader);
  g_free (self->acting);
  g_free (self);
}

/* Whether the delegation is in force on day (ISO date): from its first day to its last, both
 * included. */
gboolean
tj_delegation_in_force (const TjDelegation *self,
                        const char         *day)
{
  g_return_val_if_fail (self != NULL && day != NULL, FALSE);
  return self->date_from != NULL && self->date_to != NULL &&
         strcmp (self->date_from, day) <= 0 && strcmp (day, self->date_to) <= 0;
}

/* The leader named as of a day when another acts for them: "张三（李四代）". */
char *
tj_delegation_label (const char *leader,
                     const char *acting)
{
  if (acting == NULL)
    return g_strdup (leader);
  /* Translators: a city leader and the leader acting for them during a delegation (委托), as
   * reports name them: "张三（李四代）" */
  return g_strdup_printf (_("%1$s (acting: %2$s)"), leader != NULL ? leader : "", acting);
}

/* The last day of a month, YYYY-MM-DD: the day a monthly report names its leaders as of. */
char *
tj_delegation_month_end (int year,
                         int month)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month,
                          g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
}

static gboolean
is_leader (TjDb    *db,
           gint64   id,
           gboolean *leader,
           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "SELECT is_leader FROM people WHERE id = ?1",
                                                 error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *leader = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (rc == SQLITE_ROW)
    return TRUE;
  return tj_db_rows_done (db, rc, error);
}

static GDate *
date_of (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  return date;
}

/* The problems of a delegation (field: leader, acting, from, to), empty when it may be saved;
 * NULL with error when reading the database fails. */
GPtrArray *
tj_delegation_validate (TjDelegation *self,
                        TjDb         *db,
                        GError      **error)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean leader = FALSE;
  gboolean acting = FALSE;

  if (self->leader_id > 0 && !is_leader (db, self->leader_id, &leader, error))
    return NULL;
  if (!leader)
    tj_problems_add (problems, "leader", "%s", _("Leader: choose a city leader."));
  if (self->acting_id > 0 && !is_leader (db, self->acting_id, &acting, error))
    return NULL;
  if (!acting)
    tj_problems_add (problems, "acting", "%s",
                     _("Acting leader: choose a city leader who will act."));
  else if (self->acting_id == self->leader_id)
    tj_problems_add (problems, "acting", "%s",
                     _("Acting leader: another leader than the one away."));
  if (self->date_from == NULL || (from = tj_date_parse (self->date_from, NULL)) == NULL)
    tj_problems_add (problems, "from", "%s", _("From: a date such as 2026-03-01."));
  if (self->date_to == NULL || (to = tj_date_parse (self->date_to, NULL)) == NULL)
    tj_problems_add (problems, "to", "%s", _("To: a date such as 2026-04-30."));
  if (from != NULL && to != NULL)
    {
      g_autoptr (GDate) first = date_of (from);
      g_autoptr (GDate) last = date_of (to);
      char shortest[16];

      g_date_add_months (first, 1);
      g_date_subtract_days (first, 1);
      if (g_date_compare (last, first) < 0)
        {
          g_date_strftime (shortest, sizeof shortest, "%Y-%m-%d", first);
          tj_problems_add (problems, "to",
                           _("To: a delegation is for an absence of a month or more: from %s, "
                             "until %s at least."), from, shortest);
        }
    }
  if (from != NULL && to != NULL && leader && tj_problems_find (problems, "to") == NULL)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      stmt = tj_db_prepare (db,
                            "SELECT date_from, date_to FROM delegations WHERE leader_id = ?1 "
                            "AND id <> ?2 AND date_from <= ?4 AND date_to >= ?3 "
                            "ORDER BY date_from LIMIT 1",
                            error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, self->leader_id);
      sqlite3_bind_int64 (stmt, 2, self->id);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        tj_problems_add (problems, "from",
                         _("From: the leader's delegation from %s to %s overlaps these dates."),
                         (const char *) sqlite3_column_text (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1));
      else if (!tj_db_rows_done (db, rc, error))
        return NULL;
    }
  if (from != NULL)
    {
      g_free (self->date_from);
      self->date_from = g_steal_pointer (&from);
    }
  if (to != NULL)
    {
      g_free (self->date_to);
      self->date_to = g_steal_pointer (&to);
    }
  return g_steal_pointer (&problems);
}

static gboolean
delegation_write (TjDb          *db,
                  TjDelegation  *self,
                  GError       **error)
{
  g_autoptr (GPtrArray) problems = tj_delegation_validate (self, db, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (problems == NULL || !tj_problems_to_error (problems, error))
    return FALSE;
  if (self->id == 0)
    stmt = tj_db_prepare (db,
                          "INSERT INTO delegations (leader_id, acting_id, date_from, date_to, "
                          "reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                          error);
  else
    stmt = tj_db_prepare (db,
                          "UPDATE delegations SET leader_id = ?1, acting_id = ?2, date_from = ?3, "
                          "date_to = ?4, reason = ?5 WHERE id = ?6",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->leader_id);
  sqlite3_bind_int64 (stmt, 2, self->acting_id);
  sqlite3_bind_text (stmt, 3, self->date_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->date_to, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, 5, self->reason);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 6, self->id);
  return tj_db_step_record (db, stmt, &self->id, error);
}

/* Validated, then written inside the caller's transaction (the demo's fill). */
gboolean
tj_delegation_write (TjDb          *db,
                     TjDelegation  *self,
                     GError       **error)
{
  return delegation_write (db, self, error);
}

/* Validated and saved in one transaction; refused with the problems naming their fields. */
gboolean
tj_delegation_save (TjDb          *db,
                    TjDelegation  *self,
                    GError       **error)
{
  return tj_db_save_record (db, (TjDbWriteFunc) delegation_write, self, error);
}

gboolean
tj_delegation_delete (TjDb    *db,
                      gint64   id,
                      GError **error)
{
  return tj_db_delete_row (db, "DELETE FROM delegations WHERE id = ?", id, error);
}

/* A leader's delegations (all leaders' with leader_id 0), by leader name and date, names filled;
 * NULL with error when reading fails. */
GPtrArray *
tj_delegation_list (TjDb    *db,
                    gint64   leader_id,
                    GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_delegation_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT d.id, d.leader_id, d.acting_id, d.date_from, d.date_to, d.reason, "
                        "l.name, a.name FROM delegations d "
                        "JOIN people l ON l.id = d.leader_id JOIN people a ON a.id = d.acting_id "
                        "WHERE ?1 = 0 OR d.leader_id = ?1 ORDER BY l.name, d.date_from",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leader_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjDelegation *d = tj_delegation_new ();

      d->id = sqlite3_column_int64 (stmt, 0);
      d->leader_id = sqlite3_column_int64 (stmt, 1);
      d->acting_id = sqlite3_column_int64 (stmt, 2);
      d->date_from = tj_db_column_dup (stmt, 3);
      d->date_to = tj_db_column_dup (stmt, 4);
      d->reason = tj_db_column_dup (stmt, 5);
      d->leader = tj_db_column_dup (stmt, 6);
      d->acting = tj_db_column_dup (stmt, 7);
      g_ptr_array_add (list, d);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The leader acting for leader_id on date (YYYY-MM-DD): *acting_id is 0 when none is. */
gboolean
tj_delegation_acting_leader (TjDb       *db,
                             gint64      leader_id,
                             const char *date,
                             gint64     *acting_id,
                             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *acting_id = 0;
  stmt = tj_db_prepare (db,
                        "SELECT acting_id FROM delegations WHERE leader_id = ?1 "
                        "AND date_from <= ?2 AND date_to >= ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, leader_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *acting_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  return tj_db_rows_done (db, rc, error);
}

/* The batch form for reports: leader id (gint64 *) → the label a report names them by on date
 * ("张三（李四代）"), for the leaders delegated that day only; NULL with error when reading
 * fails. */
GHashTable *
tj_delegation_leader_names (TjDb       *db,
                            const char *date,
                            GError    **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT d.leader_id, l.name, a.name FROM delegations d "
                        "JOIN people l ON l.id = d.leader_id JOIN people a ON a.id = d.acting_id "
                        "WHERE d.date_from <= ?1 AND d.date_to >= ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           tj_delegation_label ((const char *) sqlite3_column_text (stmt, 1),
                                                (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

void
tj_leader_free (TjLeader *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->phone);
  g_clear_pointer (&self->project_ids, g_array_unref);
  g_clear_pointer (&self->project_names, g_ptr_array_unref);
  g_clear_pointer (&self->acting_for, g_ptr_array_unref);
  g_clear_pointer (&self->away, g_ptr_array_unref);
  g_free (self);
}

/* The active city leaders (by id) with year's projects held and every delegation given or
 * taken; NULL with error when reading fails. */
GPtrArray *
tj_leader_list (TjDb    *db,
                int      year,
                GError **error)
{
  g_autoptr (GPtrArray) leaders = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_leader_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) delegations = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT id, name, phone FROM people WHERE is_leader = 1 AND active = 1 "
                        "ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjLeader *leader = g_new0 (TjLeader, 1);

      leader->id = sqlite3_column_int64 (stmt, 0);
      leader->name = tj_db_column_dup (stmt, 1);
      leader->phone = tj_db_column_dup (stmt, 2);
      leader->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      leader->project_names = g_ptr_array_new_with_free_func (g_free);
      leader->away = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_delegation_free);
      leader->acting_for = g_ptr_array_new ();
      g_ptr_array_add (leaders, leader);
      g_hash_table_insert (by_id, &leader->id, leader);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = tj_db_prepare (db,
                        "SELECT id, name, leader_id FROM projects WHERE year = ?1 "
                        "AND leader_id IS NOT NULL ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TjLeader *leader = g_hash_table_lookup (by_id, &(gint64){ sqlite3_column_int64 (stmt, 2) });

      if (leader == NULL)
        continue;
      g_array_append_val (leader->project_ids, id);
      g_ptr_array_add (leader->project_names, tj_db_column_dup (stmt, 1));
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;

  if ((delegations = tj_delegation_list (db, 0, error)) == NULL)
    return NULL;
  g_ptr_array_set_free_func (delegations, NULL);
  for (guint i = 0; i < delegations->len; i++)
    {
      TjDelegation *d = delegations->pdata[i];
      TjLeader *away = g_hash_table_lookup (by_id, &d->leader_id);
      TjLeader *acting = g_hash_table_lookup (by_id, &d->acting_id);

      if (away == NULL)
        {
          tj_delegation_free (d);
          continue;
        }
      g_ptr_array_add (away->away, d);
      if (acting != NULL)
        g_ptr_array_add (acting->acting_for, d);
    }
  return g_steal_pointer (&leaders);
}
