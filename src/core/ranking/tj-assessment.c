/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-assessment"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-assessment.h"
#include "tj-date.h"
#include "tj-ranking-private.h"

/* The assessment of a half-year (Q1, Q2) or a year (Q1 to Q4), issue 9: per unit each quarter's
 * score and rank (tj_ranking_build); the assessment score is the mean of the quarters' scores as
 * published, that is rounded to hundredths, itself rounded half away from zero to hundredths;
 * the final rank by the quarter's rule (tj_ranking_assign; within a shared rank by the
 * investment ratio of the period's last quarter, then by name in pinyin order); the months m of
 * the period whose bulletin finds the unit's cumulative completion rate at or above the time
 * schedule m/12 (the bulletin's locality figures: on_schedule); the grade: 先进 for rank ≤ the
 * advanced size, 后进 for rank > n − the backward size, else 达标. */

const char *
tj_grade_label (TjGrade grade)
{
  switch (grade)
    {
    case TJ_GRADE_ADVANCED:
      return C_("grade", "Advanced");
    case TJ_GRADE_BACKWARD:
      return C_("grade", "Backward");
    case TJ_GRADE_STANDARD:
    default:
      return C_("grade", "Standard");
    }
}

static void
unit_free (TjAssessmentUnit *unit)
{
  g_free (unit->name);
  g_free (unit);
}

void
tj_assessment_free (TjAssessment *self)
{
  if (self == NULL)
    return;
  g_free (self->organisation);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_free (self);
}

TjAssessmentUnit *
tj_assessment_find (TjAssessment *self,
                    const char   *name)
{
  for (guint i = 0; i < self->units->len; i++)
    {
      TjAssessmentUnit *unit = g_ptr_array_index (self->units, i);

      if (g_strcmp0 (unit->name, name) == 0)
        return unit;
    }
  return NULL;
}

static TjAssessmentUnit *
unit_by_id (GHashTable *units,
            gint64      id)
{
  return g_hash_table_lookup (units, &id);
}

/* Quarter q's scores and ranks, from its ranking. */
static void
add_quarter (TjAssessment *self,
             GHashTable   *by_id,
             TjRanking    *ranking,
             int           q)
{
  if (q == 1)
    {
      self->organisation = g_strdup (ranking->organisation);
      self->settings = ranking->settings;
    }
  for (guint i = 0; i < ranking->units->len; i++)
    {
      TjRankingUnit *r = g_ptr_array_index (ranking->units, i);
      TjAssessmentUnit *unit = unit_by_id (by_id, r->id);

      if (unit == NULL)
        {
          unit = g_new0 (TjAssessmentUnit, 1);
          unit->id = r->id;
          unit->name = g_strdup (r->name);
          unit->place.pinyin_order = r->place.pinyin_order;
          g_ptr_array_add (self->units, unit);
          g_hash_table_insert (by_id, &unit->id, unit);
        }
      unit->scores[q - 1] = r->place.score;
      unit->ranks[q - 1] = r->place.rank;
      unit->place.tie = r->place.tie;
    }
}

TjAssessment *
tj_assessment_build (TjDb    *db,
                     int      year,
                     gboolean half,
                     GError **error)
{
  g_autoptr (TjAssessment) self = g_new0 (TjAssessment, 1);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (TjRankingFacts) facts = NULL;
  guint n;

  if (!tj_year_check (year, error))
    return NULL;
  self->year = year;
  self->half = half;
  self->n_quarters = half ? 2 : 4;
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  /* Each quarter's ranking; the months on schedule as each month's bulletin finds them, from
   * the last quarter's reading of months 1..N (tj_bulletin_localities_at). The units are the same
   * every quarter (the year's list). */
  if ((facts = tj_ranking_facts_read (db, year, half ? 0x3 : 0xf, error)) == NULL)
    return NULL;
  for (int q = 1; q <= self->n_quarters; q++)
    {
      g_autoptr (TjRanking) ranking = tj_ranking_build_with (db, year, q, facts, error);

      if (ranking == NULL)
        return NULL;
      add_quarter (self, by_id, ranking, q);
      for (guint i = 0; q == self->n_quarters && i < ranking->units->len; i++)
        {
          TjRankingUnit *r = g_ptr_array_index (ranking->units, i);

          TjAssessmentUnit *unit = unit_by_id (by_id, r->id);

          for (guint m = 0; m < 12; m++)
            unit->months_on_schedule += (r->on_schedule_months >> m) & 1;
        }
    }

  /* The mean of the quarters' scores as published (rounded to hundredths each), not of their
   * exact values: a reader adds up the published figures and finds the same mean. */
  for (guint i = 0; i < self->units->len; i++)
    {
      TjAssessmentUnit *unit = g_ptr_array_index (self->units, i);
      gint64 sum = 0;

      for (int q = 0; q < self->n_quarters; q++)
        sum += unit->scores[q];
      unit->place.score = tj_ranking_round_quotient (sum, self->n_quarters);
    }
  tj_ranking_assign (self->units);
  n = self->units->len;
  for (guint i = 0; i < n; i++)
    {
      TjAssessmentUnit *unit = g_ptr_array_index (self->units, i);

      if (unit->place.rank <= (guint) self->settings.advanced_size)
        unit->grade = TJ_GRADE_ADVANCED;
      else if ((gint64) unit->place.rank > (gint64) n - self->settings.backward_size)
        unit->grade = TJ_GRADE_BACKWARD;
      else
        unit->grade = TJ_GRADE_STANDARD;
    }
  return g_steal_pointer (&self);
}
