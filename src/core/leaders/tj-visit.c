/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-leaders"
#include "config.h"

#include "tj-visit.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-error.h"
#include "tj-problem.h"

TjVisit *
tj_visit_new (void)
{
  return g_new0 (TjVisit, 1);
}

void
tj_visit_free (TjVisit *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->found);
  g_free (self->solved);
  g_free (self->person);
  g_free (self);
}

/* The problems of a visit (field: project, person, date), empty when it may be saved; the date
 * normalised. NULL with error when reading the database fails. */
GPtrArray *
tj_visit_validate (TjVisit  *self,
                   TjDb     *db,
                   GError  **error)
{
  g_autoptr (GPtrArray) problems = tj_problems_new ();
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autofree char *date = NULL;
  int rc;

  check = tj_db_prepare (db, "SELECT is_leader OR is_officer FROM people WHERE id = ?1", error);
  if (check == NULL)
    return NULL;
  sqlite3_bind_int64 (check, 1, self->person_id);
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW && !tj_db_rows_done (db, rc, error))
    return NULL;
  if (rc != SQLITE_ROW || sqlite3_column_int (check, 0) == 0)
    tj_problems_add (problems, "person", "%s",
                     _("Visitor: choose a city leader or a service officer."));
  if (self->project_id <= 0)
    tj_problems_add (problems, "project", "%s", _("Project: choose the project visited."));
  if (self->date == NULL || (date = tj_date_parse (self->date, NULL)) == NULL)
    tj_problems_add (problems, "date", "%s", _("Date: a date such as 2026-03-01."));
  else
    {
      g_free (self->date);
      self->date = g_steal_pointer (&date);
    }
  return g_steal_pointer (&problems);
}

/* Validated, then written inside the caller's transaction (an import's, the demo's fill). */
gboolean
tj_visit_write (TjDb     *db,
                TjVisit  *self,
                GError  **error)
{
  g_autoptr (GPtrArray) problems = tj_visit_validate (self, db, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (problems == NULL || !tj_problems_to_error (problems, error))
    return FALSE;
  if (self->id == 0)
    stmt = tj_db_prepare (db,
                          "INSERT INTO visits (project_id, person_id, date, found, solved) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          error);
  else
    stmt = tj_db_prepare (db,
                          "UPDATE visits SET project_id = ?1, person_id = ?2, date = ?3, "
                          "found = ?4, solved = ?5 WHERE id = ?6",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->project_id);
  sqlite3_bind_int64 (stmt, 2, self->person_id);
  sqlite3_bind_text (stmt, 3, self->date, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, 4, self->found);
  tj_db_bind_text_or_null (stmt, 5, self->solved);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 6, self->id);
  return tj_db_step_record (db, stmt, &self->id, error);
}

gboolean
tj_visit_save (TjDb     *db,
               TjVisit  *self,
               GError  **error)
{
  return tj_db_save_record (db, (TjDbWriteFunc) tj_visit_write, self, error);
}

gboolean
tj_visit_delete (TjDb    *db,
                 gint64   id,
                 GError **error)
{
  return tj_db_delete_row (db, "DELETE FROM visits WHERE id = ?", id, error);
}

/* A project's visits, latest first, the visitor's name filled; NULL with error when reading
 * fails. */
GPtrArray *
tj_visit_list (TjDb    *db,
               gint64   project_id,
               GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_visit_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT v.id, v.project_id, v.person_id, v.date, v.found, v.solved, "
                        "p.name FROM visits v JOIN people p ON p.id = v.person_id "
                        "WHERE v.project_id = ?1 ORDER BY v.date DESC, v.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjVisit *v = tj_visit_new ();

      v->id = sqlite3_column_int64 (stmt, 0);
      v->project_id = sqlite3_column_int64 (stmt, 1);
      v->person_id = sqlite3_column_int64 (stmt, 2);
      v->date = tj_db_column_dup (stmt, 3);
      v->found = tj_db_column_dup (stmt, 4);
      v->solved = tj_db_column_dup (stmt, 5);
      v->person = tj_db_column_dup (stmt, 6);
      g_ptr_array_add (list, v);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The bulletin's note on city leaders' visits in month of year: "本月市领导到分包项目现场调研
 * 3次：张三2次、李四1次。" (leaders by visits, most first, then by name), *note NULL when there
 * were none. A leader's visit counts at the projects they hold (分包项目). */
gboolean
tj_visit_month_note (TjDb     *db,
                     int       year,
                     int       month,
                     char    **note,
                     GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) counts = g_string_new (NULL);
  g_autofree char *first = g_strdup_printf ("%04d-%02d-01", year, month);
  g_autofree char *last = g_strdup_printf ("%04d-%02d-31", year, month);
  int total = 0;
  int rc;

  *note = NULL;
  stmt = tj_db_prepare (db,
                        "SELECT p.name, count (*) AS n FROM visits v "
                        "JOIN people p ON p.id = v.person_id "
                        "JOIN projects pr ON pr.id = v.project_id "
                        "WHERE p.is_leader = 1 AND pr.leader_id = v.person_id "
                        "AND v.date BETWEEN ?1 AND ?2 "
                        "GROUP BY v.person_id ORDER BY n DESC, p.name",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (stmt, 1);

      if (counts->len > 0)
        /* Translators: between the leaders in the visits note: "张三2次、李四1次" */
        g_string_append (counts, _(", "));
      /* Translators: one leader's visits in the bulletin's note: "张三2次" */
      g_string_append_printf (counts, ngettext ("%1$s %2$d visit", "%1$s %2$d visits", n),
                              (const char *) sqlite3_column_text (stmt, 0), n);
      total += n;
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  if (total > 0)
    /* Translators: the bulletin's note on leaders' visits: "本月市领导到分包项目现场调研3次：
     * 张三2次、李四1次。" */
    *note = g_strdup_printf (ngettext ("This month the city leaders visited their projects %1$d "
                                       "time: %2$s.",
                                       "This month the city leaders visited their projects %1$d "
                                       "times: %2$s.", total),
                             total, counts->str);
  return TRUE;
}
