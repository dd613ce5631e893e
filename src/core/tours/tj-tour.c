/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-tour"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-date.h"
#include "tj-db-children.h"
#include "tj-error.h"
#include "tj-field.h"
#include "tj-tour.h"

/* The panel's default criteria (issue 10). */
static const struct
{
  const char *name;
  guint weight;
} default_criteria[] = {
  { N_("Construction progress"), 40 }, /* 形象进度 */
  { N_("Investment completed"), 30 },  /* 投资完成 */
  { N_("Quality and safety"), 15 },    /* 质量安全 */
  { N_("Highlights"), 15 },            /* 亮点特色 */
};

static void
criterion_free (gpointer data)
{
  TjTourCriterion *criterion = data;

  g_free (criterion->name);
  g_free (criterion);
}

static void
stop_free (gpointer data)
{
  TjTourStop *stop = data;

  g_free (stop->name);
  g_free (stop->locality);
  g_free (stop);
}

TjTour *
tj_tour_new (void)
{
  TjTour *self = g_new0 (TjTour, 1);

  self->criteria = g_ptr_array_new_with_free_func (criterion_free);
  self->stops = g_ptr_array_new_with_free_func (stop_free);
  self->scores = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
tj_tour_free (TjTour *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->name);
  g_free (self->route);
  g_ptr_array_unref (self->criteria);
  g_ptr_array_unref (self->stops);
  g_array_unref (self->scores);
  g_free (self);
}

/* The scores are a grid of stops × criteria: adding a criterion inserts a column. */
void
tj_tour_add_criterion (TjTour     *self,
                       const char *name,
                       guint       weight)
{
  TjTourCriterion *criterion = g_new0 (TjTourCriterion, 1);
  guint n_criteria = self->criteria->len;
  gint64 none = TJ_TOUR_NO_SCORE;

  criterion->name = g_strdup (name);
  criterion->weight = weight;
  g_ptr_array_add (self->criteria, criterion);
  for (guint stop = self->stops->len; stop > 0; stop--)
    g_array_insert_val (self->scores, stop * n_criteria, none);
}

void
tj_tour_add_default_criteria (TjTour *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_criteria); i++)
    tj_tour_add_criterion (self, _(default_criteria[i].name), default_criteria[i].weight);
}

void
tj_tour_add_stop (TjTour     *self,
                  gint64      project_id,
                  const char *name,
                  const char *locality)
{
  TjTourStop *stop = g_new0 (TjTourStop, 1);
  gint64 none = TJ_TOUR_NO_SCORE;

  stop->project_id = project_id;
  stop->name = g_strdup (name);
  stop->locality = g_strdup (locality);
  g_ptr_array_add (self->stops, stop);
  for (guint i = 0; i < self->criteria->len; i++)
    g_array_append_val (self->scores, none);
}

/* Moves a stop (with its scores) to another place on the route. */
void
tj_tour_move_stop (TjTour *self,
                   guint   from,
                   guint   to)
{
  guint n = self->criteria->len;
  g_autofree gint64 *row = NULL;
  gpointer stop;

  g_return_if_fail (from < self->stops->len && to < self->stops->len);
  if (from == to)
    return;
  row = g_memdup2 (&g_array_index (self->scores, gint64, from * n), n * sizeof (gint64));
  stop = g_ptr_array_steal_index (self->stops, from);
  g_ptr_array_insert (self->stops, to, stop);
  g_array_remove_range (self->scores, from * n, n);
  g_array_insert_vals (self->scores, to * n, row, n);
}

gint64
tj_tour_get_score (TjTour *self,
                   guint   stop,
                   guint   criterion)
{
  g_return_val_if_fail (stop < self->stops->len, TJ_TOUR_NO_SCORE);
  g_return_val_if_fail (criterion < self->criteria->len, TJ_TOUR_NO_SCORE);
  return g_array_index (self->scores, gint64, stop * self->criteria->len + criterion);
}

void
tj_tour_set_score (TjTour *self,
                   guint   stop,
                   guint   criterion,
                   gint64  hundredths)
{
  g_return_if_fail (stop < self->stops->len);
  g_return_if_fail (criterion < self->criteria->len);
  g_array_index (self->scores, gint64, stop * self->criteria->len + criterion) = hundredths;
}

/* A score as entered: digits with at most two decimals ("36.5", "87.25"), read exactly. */
gboolean
tj_tour_parse_score (const char *text,
                     gint64     *hundredths,
                     GError    **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = tidy;
  gint64 value = 0;
  guint decimals = 0;
  gboolean point = FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '.' && !point && p != tidy)
        point = TRUE;
      else if (g_ascii_isdigit (*p) && (!point || decimals < 2) && value < G_MAXINT32)
        {
          value = value * 10 + (*p - '0');
          decimals += point;
        }
      else
        break;
    }
  if (*p != '\0' || *tidy == '\0' || p[-1] == '.')
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” is not a score: enter a number with at most two decimals."), tidy);
      return FALSE;
    }
  for (; decimals < 2; decimals++)
    value *= 10;
  *hundredths = value;
  return TRUE;
}

/* A score of the grid as entered: blank is not scored; a wrong one is named by its project and
 * criterion. Whether it fits the criterion's weight is checked when the tour is saved. */
gboolean
tj_tour_set_score_text (TjTour     *self,
                        guint       stop,
                        guint       criterion,
                        const char *text,
                        GError    **error)
{
  g_autoptr (GError) score_error = NULL;
  gint64 score = TJ_TOUR_NO_SCORE;

  g_return_val_if_fail (stop < self->stops->len, FALSE);
  g_return_val_if_fail (criterion < self->criteria->len, FALSE);

  if (text != NULL && *text != '\0' && !tj_tour_parse_score (text, &score, &score_error))
    {
      TjTourStop *s = g_ptr_array_index (self->stops, stop);
      TjTourCriterion *c = g_ptr_array_index (self->criteria, criterion);

      /* Translators: "项目“安阳路”的“形象进度”得分：……" */
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Score of “%s” for “%s”: %s"), s->name,
                   c->name, score_error->message);
      return FALSE;
    }
  tj_tour_set_score (self, stop, criterion, score);
  return TRUE;
}

/* 36.5, 40, 36.25: as few decimals as the score has. */
char *
tj_tour_format_score (gint64 hundredths)
{
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, hundredths / 100,
                            hundredths % 100 / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, hundredths / 100,
                          hundredths % 100);
}

/* The policy holds tours in even months; one in an odd month is allowed, with this warning. */
const char *
tj_tour_month_warning (const char *date)
{
  g_autofree char *day = tj_date_parse (date != NULL ? date : "", NULL);

  if (day == NULL || g_ascii_strtoull (day + 5, NULL, 10) % 2 == 0)
    return NULL;
  return _("Tours are usually held in even months.");
}

gboolean
tj_tour_validate (TjTour  *self,
                  GError **error)
{
  g_autoptr (GError) date_error = NULL;
  g_autofree char *date = NULL;
  guint sum = 0;

  tj_field_tidy_text (&self->name);
  tj_field_tidy_text (&self->route);
  if ((date = tj_date_parse (self->date != NULL ? self->date : "", &date_error)) == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Tour date: %s"), date_error->message);
      return FALSE;
    }
  g_free (self->date);
  self->date = g_steal_pointer (&date);
  if (self->name == NULL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("Tour name: enter the tour's name."));
      return FALSE;
    }
  if (self->criteria->len == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Criteria: a tour needs at least one criterion."));
      return FALSE;
    }
  for (guint i = 0; i < self->criteria->len; i++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (self->criteria, i);

      tj_field_tidy_text (&criterion->name);
      if (criterion->name == NULL)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Criteria: criterion %u has no name."), i + 1);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (criterion->name,
                         ((TjTourCriterion *) g_ptr_array_index (self->criteria, j))->name))
          {
            g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                         _("Criteria: “%s” is listed twice."), criterion->name);
            return FALSE;
          }
      if (criterion->weight < 1 || criterion->weight > TJ_TOUR_WEIGHT_TOTAL)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Weight of “%s”: it must be between 1 and %u."), criterion->name,
                       TJ_TOUR_WEIGHT_TOTAL);
          return FALSE;
        }
      sum += criterion->weight;
    }
  if (sum != TJ_TOUR_WEIGHT_TOTAL)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Weights: the criteria's weights add up to %u; they must add up to %u."),
                   sum, TJ_TOUR_WEIGHT_TOTAL);
      return FALSE;
    }
  for (guint s = 0; s < self->stops->len; s++)
    {
      TjTourStop *stop = g_ptr_array_index (self->stops, s);

      for (guint t = 0; t < s; t++)
        if (((TjTourStop *) g_ptr_array_index (self->stops, t))->project_id == stop->project_id)
          {
            g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                         _("Projects visited: “%s” is listed twice."), stop->name);
            return FALSE;
          }
      for (guint c = 0; c < self->criteria->len; c++)
        {
          TjTourCriterion *criterion = g_ptr_array_index (self->criteria, c);
          gint64 score = tj_tour_get_score (self, s, c);
          g_autofree char *shown = NULL;

          if (score == TJ_TOUR_NO_SCORE)
            continue;
          if (score >= 0 && score <= (gint64) criterion->weight * 100)
            continue;
          shown = tj_tour_format_score (ABS (score));
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Score of “%s” for “%s”: %s%s is not a score from 0 to the "
                         "criterion's weight %u with at most two decimals."),
                       stop->name, criterion->name, score < 0 ? "-" : "", shown,
                       criterion->weight);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_children (TjDb    *db,
                 TjTour  *self,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) criterion_stmt = NULL;
  g_autoptr (sqlite3_stmt) stop_stmt = NULL;
  g_autoptr (sqlite3_stmt) score_stmt = NULL;
  g_autoptr (GArray) criterion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if ((criterion_stmt = tj_db_prepare (db,
                                       "INSERT INTO tour_criteria (tour_id, position, name, "
                                       "weight) VALUES (?, ?, ?, ?)", error)) == NULL ||
      (stop_stmt = tj_db_prepare (db,
                                  "INSERT INTO tour_projects (tour_id, position, project_id) "
                                  "VALUES (?, ?, ?)", error)) == NULL ||
      (score_stmt = tj_db_prepare (db,
                                   "INSERT INTO tour_scores (tour_project_id, criterion_id, "
                                   "score) VALUES (?, ?, ?)", error)) == NULL)
    return FALSE;
  for (guint c = 0; c < self->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (self->criteria, c);
      gint64 id = 0;

      sqlite3_reset (criterion_stmt);
      sqlite3_bind_int64 (criterion_stmt, 1, self->id);
      sqlite3_bind_int (criterion_stmt, 2, c);
      sqlite3_bind_text (criterion_stmt, 3, criterion->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (criterion_stmt, 4, criterion->weight);
      if (!tj_db_step_record (db, criterion_stmt, &id, error))
        return FALSE;
      g_array_append_val (criterion_ids, id);
    }
  for (guint s = 0; s < self->stops->len; s++)
    {
      TjTourStop *stop = g_ptr_array_index (self->stops, s);
      gint64 stop_id = 0;

      sqlite3_reset (stop_stmt);
      sqlite3_bind_int64 (stop_stmt, 1, self->id);
      sqlite3_bind_int (stop_stmt, 2, s);
      sqlite3_bind_int64 (stop_stmt, 3, stop->project_id);
      if (!tj_db_step_record (db, stop_stmt, &stop_id, error))
        return FALSE;
      for (guint c = 0; c < self->criteria->len; c++)
        {
          gint64 score = tj_tour_get_score (self, s, c);

          if (score == TJ_TOUR_NO_SCORE)
            continue;
          sqlite3_reset (score_stmt);
          sqlite3_bind_int64 (score_stmt, 1, stop_id);
          sqlite3_bind_int64 (score_stmt, 2, g_array_index (criterion_ids, gint64, c));
          sqlite3_bind_int64 (score_stmt, 3, score);
          if (!tj_db_step_done (db, score_stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Inside the caller's transaction: the tour, then its criteria, stops and scores written anew. */
static gboolean
tour_write (TjDb     *db,
            gpointer  record,
            GError  **error)
{
  TjTour *self = record;
  g_autoptr (sqlite3_stmt) same_day = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean is_new = self->id == 0;
  int rc;

  if (!tj_tour_validate (self, error))
    return FALSE;
  same_day = tj_db_prepare (db, "SELECT name FROM tours WHERE date = ? AND id <> ?", error);
  if (same_day == NULL)
    return FALSE;
  sqlite3_bind_text (same_day, 1, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (same_day, 2, self->id);
  if ((rc = sqlite3_step (same_day)) == SQLITE_ROW)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Tour date: the tour “%s” is already on %s."),
                   (const char *) sqlite3_column_text (same_day, 0), self->date);
      return FALSE;
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;

  if (self->id == 0)
    stmt = tj_db_prepare (db, "INSERT INTO tours (date, name, route) VALUES (?, ?, ?)", error);
  else
    stmt = tj_db_prepare (db,
                          "UPDATE tours SET date = ?, name = ?, route = ?, updated = "
                          "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->name, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, 3, self->route);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 4, self->id);
  if (!tj_db_step_record (db, stmt, &self->id, error))
    return FALSE;
  if (!is_new &&
      (!tj_db_exec_for_id (db, "DELETE FROM tour_criteria WHERE tour_id = ?", self->id, error) ||
       !tj_db_exec_for_id (db, "DELETE FROM tour_projects WHERE tour_id = ?", self->id, error)))
    return FALSE;
  return insert_children (db, self, error);
}

/* Validated, then written inside the caller's transaction (the demo's fill, an import's). */
gboolean
tj_tour_write_record (TjDb    *db,
                      TjTour  *self,
                      GError **error)
{
  return tour_write (db, self, error);
}

/* Validated, then saved in one transaction; a new tour gets its id. */
gboolean
tj_tour_save (TjDb    *db,
              TjTour  *self,
              GError **error)
{
  gint64 id = self->id;

  if (!tj_db_save_record (db, tour_write, self, error))
    {
      self->id = id;
      return FALSE;
    }
  return TRUE;
}

gboolean
tj_tour_delete (TjDb    *db,
                gint64   id,
                GError **error)
{
  return tj_db_delete_row (db, "DELETE FROM tours WHERE id = ?", id, error);
}

TjDeletion *
tj_tour_delete_undoable (TjDb    *db,
                         gint64   id,
                         GError **error)
{
  static const char *const tables[] = { "tours", "tour_criteria", "tour_projects", "tour_scores",
                                        NULL };

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  return tj_delete_undoable (db, tables, "DELETE FROM tours WHERE id = ?", id,
                             _("The tour no longer exists."),
                             _("The tour cannot be put back: a tour of its date has been saved "
                               "or one of its projects deleted since. Nothing was changed."),
                             error);
}

guint
tj_tour_count_scores (TjTour *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->scores->len; i++)
    n += g_array_index (self->scores, gint64, i) != TJ_TOUR_NO_SCORE;
  return n;
}
