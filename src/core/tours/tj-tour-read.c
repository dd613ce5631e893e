/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-tour"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-error.h"
#include "tj-tour.h"

/* Reading tours back, and their ranking: every read reports its error. */

static gboolean
read_criteria (TjDb    *db,
               TjTour  *tour,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT name, weight FROM tour_criteria WHERE tour_id = ? "
                        "ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tour->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tj_tour_add_criterion (tour, (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_int (stmt, 1));
  return tj_db_rows_done (db, rc, error);
}

static gboolean
read_stops (TjDb    *db,
            TjTour  *tour,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT tp.project_id, p.name, u.name FROM tour_projects tp "
                        "JOIN projects p ON p.id = tp.project_id "
                        "JOIN units u ON u.id = p.locality_id "
                        "WHERE tp.tour_id = ? ORDER BY tp.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tour->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tj_tour_add_stop (tour, sqlite3_column_int64 (stmt, 0),
                      (const char *) sqlite3_column_text (stmt, 1),
                      (const char *) sqlite3_column_text (stmt, 2));
  return tj_db_rows_done (db, rc, error);
}

static gboolean
read_scores (TjDb    *db,
             TjTour  *tour,
             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT tp.position, c.position, s.score FROM tour_scores s "
                        "JOIN tour_projects tp ON tp.id = s.tour_project_id "
                        "JOIN tour_criteria c ON c.id = s.criterion_id WHERE tp.tour_id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tour->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tj_tour_set_score (tour, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                       sqlite3_column_int64 (stmt, 2));
  return tj_db_rows_done (db, rc, error);
}

/* The tour chosen by `where` ("id = ?" or "date = ?") bound to `bind`. */
static TjTour *
load_where (TjDb       *db,
            const char *where,
            gint64      id,
            const char *date,
            GError    **error)
{
  g_autofree char *sql = g_strconcat ("SELECT id, date, name, route FROM tours WHERE ", where,
                                      NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (TjTour) tour = NULL;
  int rc;

  if ((stmt = tj_db_prepare (db, sql, error)) == NULL)
    return NULL;
  if (date != NULL)
    sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (!tj_db_rows_done (db, rc, error))
        return NULL;
      if (date != NULL)
        g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("There is no tour on %s."), date);
      else
        g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                     _("The tour was deleted in the meantime."));
      return NULL;
    }
  tour = tj_tour_new ();
  tour->id = sqlite3_column_int64 (stmt, 0);
  tour->date = tj_db_column_dup (stmt, 1);
  tour->name = tj_db_column_dup (stmt, 2);
  tour->route = tj_db_column_dup (stmt, 3);
  if (!read_criteria (db, tour, error) || !read_stops (db, tour, error) ||
      !read_scores (db, tour, error))
    return NULL;
  return g_steal_pointer (&tour);
}

TjTour *
tj_tour_load (TjDb    *db,
              gint64   id,
              GError **error)
{
  return load_where (db, "id = ?", id, NULL, error);
}

TjTour *
tj_tour_load_by_date (TjDb       *db,
                      const char *date,
                      GError    **error)
{
  g_autofree char *day = NULL;

  if ((day = tj_date_parse (date, error)) == NULL)
    return NULL;
  return load_where (db, "date = ?", 0, day, error);
}

/* Every tour, latest first (TjTour *). */
GPtrArray *
tj_tour_list (TjDb    *db,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) tours = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_tour_free);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((stmt = tj_db_prepare (db, "SELECT id FROM tours ORDER BY date DESC", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (found, id);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      TjTour *tour = tj_tour_load (db, g_array_index (found, gint64, i), error);

      if (tour == NULL)
        return NULL;
      g_ptr_array_add (tours, tour);
    }
  return g_steal_pointer (&tours);
}

/* The projects of a year that a tour may visit (TjTourStop *), by name in pinyin order. */
GPtrArray *
tj_tour_candidates (TjDb    *db,
                    int      year,
                    GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) stops = NULL;
  g_autoptr (TjTour) tour = tj_tour_new ();
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, u.name FROM projects p "
                        "JOIN units u ON u.id = p.locality_id WHERE p.year = ? "
                        "ORDER BY p.name COLLATE pinyin, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tj_tour_add_stop (tour, sqlite3_column_int64 (stmt, 0),
                      (const char *) sqlite3_column_text (stmt, 1),
                      (const char *) sqlite3_column_text (stmt, 2));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  stops = g_ptr_array_ref (tour->stops);
  return g_steal_pointer (&stops);
}

/* The saved tour's ranking (TjTourRank): totals summed in hundredths by SQLite, best first,
 * equal totals by name in the connection's pinyin order and sharing a rank (1, 2, 2, 4). */
GArray *
tj_tour_rank (TjDb    *db,
              TjTour  *self,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ranks = g_array_new (FALSE, FALSE, sizeof (TjTourRank));
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT tp.position, (SELECT coalesce (sum (s.score), 0) "
                        "FROM tour_scores s WHERE s.tour_project_id = tp.id) AS total "
                        "FROM tour_projects tp "
                        "JOIN projects p ON p.id = tp.project_id WHERE tp.tour_id = ? "
                        "ORDER BY total DESC, p.name COLLATE pinyin, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjTourRank rank = {
        .stop = sqlite3_column_int (stmt, 0),
        .total = sqlite3_column_int64 (stmt, 1),
        .rank = ranks->len + 1,
      };

      if (ranks->len > 0 &&
          g_array_index (ranks, TjTourRank, ranks->len - 1).total == rank.total)
        rank.rank = g_array_index (ranks, TjTourRank, ranks->len - 1).rank;
      if (rank.stop >= self->stops->len)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                       _("The tour was changed in the meantime: open it again."));
          return NULL;
        }
      g_array_append_val (ranks, rank);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&ranks);
}
