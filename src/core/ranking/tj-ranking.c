/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-ranking"
#include "config.h"

#include <glib/gi18n.h>
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval-item.h"
#include "tj-bulletin.h"
#include "tj-ranking-private.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-money.h"
#include "tj-project-active.h"
#include "tj-ranking.h"

/* The quarterly ranking, issue 9, as written. Quarter Q of year Y: month N = 3Q, quarter end E
 * = the last day of month N. The units are the localities with a project on year Y's list
 * counted in month N (not exited before it, tj-project-active.h; for an assessment, the month N
 * of its last quarter); per unit u, over the projects of year Y's list whose locality is u:
 * - investment = (Σ C to month N ÷ Σ A) ÷ (N/12), capped at 1; Σ C and Σ A are the bulletin's
 *   (month N's locality figures, tj_bulletin_localities_at);
 * - starts = started ÷ due, the bulletin's 新开工 due by month N and started by its end;
 * - statistics = entered ÷ base: base = started by E (the bulletin's `started`) with total
 *   investment ≥ the threshold; entered = those in the statistics by E (its `in_statistics`);
 * - matters = on time ÷ due over the matters whose project's locality is u and the matters
 *   without a project whose responsible unit is u (any meeting, any year): due when the deadline
 *   in force (tj_matter_deadline_in_force's rule) ≤ E, on time when 按期办结 as of E
 *   (tj_matter_status_at);
 * - approvals = on time ÷ due over the approval items of u's projects: due when accepted and the
 *   ledger's deadline (tj_approval_item_deadline: the committed working days, suspensions not
 *   counted) ≤ E; on time when finished on or before it;
 * - a ratio with nothing due is 1;
 * - score = Σ weight × ratio − deduction × (inspections of u's projects dated in the quarter
 *   whose final verdict is 虚报 or 瞒报), exactly (GMP rationals), never below 0, then rounded half
 *   away from zero to hundredths.
 * Rank, red and black lists: see tj_ranking_assign and mark_lists. */

const char *
tj_indicator_label (TjIndicator indicator)
{
  switch (indicator)
    {
    case TJ_INDICATOR_INVESTMENT:
      return C_("indicator", "Investment completion rate");
    case TJ_INDICATOR_STARTS:
      return C_("indicator", "Start rate");
    case TJ_INDICATOR_STATISTICS:
      return C_("indicator", "Statistics entry rate");
    case TJ_INDICATOR_MATTERS:
      return C_("indicator", "Matters on-time rate");
    case TJ_INDICATOR_APPROVALS:
      return C_("indicator", "Approvals on-time rate");
    case TJ_INDICATOR_N:
    default:
      g_return_val_if_fail (indicator < TJ_INDICATOR_N, "");
      return "";
    }
}

/* Nothing due is 1 whatever was done (a plan of 0 with a correction below 0 included). */
gboolean
tj_ratio_is_full (TjRatio ratio)
{
  return ratio.due == 0 || ratio.done >= ratio.due;
}

/* Exact: the products of two gint64 fit in an __int128 (|a × b| < 2^126). */
int
tj_ratio_compare (TjRatio a,
                  TjRatio b)
{
  __int128 left, right;

  if (tj_ratio_is_full (a))
    a = (TjRatio){ 1, 1 };
  if (tj_ratio_is_full (b))
    b = (TjRatio){ 1, 1 };
  left = (__int128) a.done * b.due;
  right = (__int128) b.done * a.due;
  return left < right ? -1 : left > right ? 1 : 0;
}

double
tj_ratio_value (TjRatio ratio)
{
  return tj_ratio_is_full (ratio) ? 1.0 : (double) ratio.done / (double) ratio.due;
}

/* The capped ratio as an exact rational. */
static void
ratio_set_mpq (mpq_t   value,
               TjRatio ratio)
{
  if (tj_ratio_is_full (ratio))
    {
      mpq_set_ui (value, 1, 1);
      return;
    }
  mpz_set_si (mpq_numref (value), ratio.done);
  mpz_set_si (mpq_denref (value), ratio.due);
  mpq_canonicalize (value);
}

/* An exact value to hundredths, half away from zero: sign × ⌊|x| × 100 + ½⌋. */
static gint64
mpq_round_hundredths (const mpq_t value)
{
  mpz_t twice, den;
  gint64 result;

  mpz_inits (twice, den, NULL);
  mpz_abs (twice, mpq_numref (value));
  mpz_mul_ui (twice, twice, 200);
  mpz_add (twice, twice, mpq_denref (value));
  mpz_mul_ui (den, mpq_denref (value), 2);
  mpz_fdiv_q (twice, twice, den);
  result = (gint64) mpz_get_si (twice);
  mpz_clears (twice, den, NULL);
  return mpq_sgn (value) < 0 ? -result : result;
}

gint64
tj_ranking_round_quotient (gint64 num,
                           gint64 den)
{
  gint64 magnitude;

  g_return_val_if_fail (den > 0, 0);
  magnitude = (2 * ABS (num) + den) / (2 * den);
  return num < 0 ? -magnitude : magnitude;
}

static int
place_compare (gconstpointer a,
               gconstpointer b)
{
  const TjRankPlace *x = *(TjRankPlace *const *) a;
  const TjRankPlace *y = *(TjRankPlace *const *) b;
  int tie;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if ((tie = tj_ratio_compare (x->tie, y->tie)) != 0)
    return -tie;
  return x->pinyin_order < y->pinyin_order ? -1 : x->pinyin_order > y->pinyin_order;
}

/* Equal scores share a rank and the next rank skips: 1, 2, 2, 4. */
void
tj_ranking_assign (GPtrArray *units)
{
  g_ptr_array_sort (units, place_compare);
  for (guint i = 0; i < units->len; i++)
    {
      TjRankPlace *place = g_ptr_array_index (units, i);
      TjRankPlace *before = i > 0 ? g_ptr_array_index (units, i - 1) : NULL;

      place->rank = before != NULL && before->score == place->score ? before->rank : i + 1;
    }
}

/* "2026-Q3", "2026q3", "2026-3"? Only the first two: a quarter is written with its Q. */
gboolean
tj_quarter_parse (const char *text,
                  int        *year,
                  int        *quarter,
                  GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr (GError) year_error = NULL;
  char *q, *end = NULL;
  gint64 y, n;

  q = strpbrk (copy, "Qq");
  if (q != NULL)
    {
      *q = '\0';
      if (q > copy && q[-1] == '-')
        q[-1] = '\0';
      y = g_ascii_strtoll (copy, &end, 10);
      if (end != copy && *end == '\0' && tj_year_check ((int) y, &year_error))
        {
          n = g_ascii_strtoll (q + 1, &end, 10);
          if (end != q + 1 && *end == '\0' && n >= 1 && n <= 4)
            {
              *year = (int) y;
              *quarter = (int) n;
              return TRUE;
            }
        }
    }
  /* Translators: "“2026-Q5”不是季度，请写成 2026-Q3 这样的年份和季度（Q1 至 Q4）。" */
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s” is not a quarter: write the year and the quarter as 2026-Q3 (Q1 to Q4)."),
               text != NULL ? text : "");
  return FALSE;
}

static void
unit_free (TjRankingUnit *unit)
{
  g_free (unit->name);
  g_clear_pointer (&unit->deducted_inspections, g_ptr_array_unref);
  g_free (unit);
}

void
tj_ranking_free (TjRanking *self)
{
  if (self == NULL)
    return;
  g_free (self->quarter_end);
  g_free (self->organisation);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_free (self);
}

TjRankingUnit *
tj_ranking_find (TjRanking  *self,
                 const char *name)
{
  for (guint i = 0; i < self->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);

      if (g_strcmp0 (unit->name, name) == 0)
        return unit;
    }
  return NULL;
}

/* The read state: units by id and by name, and every project's locality (the facts'). */
typedef struct
{
  TjRanking *ranking;
  GHashTable *by_id;     /* gint64 * → TjRankingUnit * (borrowed) */
  GHashTable *by_name;   /* const char * → TjRankingUnit * (borrowed) */
  GHashTable *locality;  /* gint64 * project id → gint64 * locality id (borrowed) */
} Reading;

static TjRankingUnit *
unit_of_locality (Reading *r,
                  gint64   locality_id)
{
  return g_hash_table_lookup (r->by_id, &locality_id);
}

static TjRankingUnit *
unit_of_project (Reading *r,
                 gint64   project_id)
{
  gint64 *locality = g_hash_table_lookup (r->locality, &project_id);

  return locality != NULL ? unit_of_locality (r, *locality) : NULL;
}

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* What the ranking reads once for the quarters of an assessment: the settings; every project's
 * locality; the bulletin figures of each quarter's month N and the statistics counts by locality
 * (tj_bulletin_localities_at: one read of the list and its reports for all the quarters); and
 * what does not depend on the quarter's end: the matters (deadline in force, finish), the
 * approval items (deadline, finish) and the inspections of the year's list. */
typedef struct
{
  gint64 project_id;
  const char *unit_name; /* a matter without a project: its responsible unit */
  const char *deadline;  /* in force */
  const char *finished;
} Dated;

/* A ranked unit as read. */
typedef struct
{
  gint64 id;
  const char *name;
} Unit;

/* The statistics counts of a locality at each quarter's end. */
typedef struct
{
  gint64 base[4];
  gint64 entered[4];
} Statistics;

struct _TjRankingFacts
{
  TjRankingSettings settings;
  GStringChunk *strings;
  GArray *units;               /* of Unit, the ranked units in pinyin order */
  GHashTable *locality;        /* gint64 * project id → gint64 * locality id */
  GArray *localities[4];       /* of TjBulletinLocality, month 3q's; NULL when not read */
  GHashTable *statistics;      /* gint64 * locality id → Statistics * */
  GArray *matters;             /* of Dated: those with a deadline in force */
  GArray *items;               /* of Dated: those with a deadline (accepted) */
  GPtrArray *inspections;
};

void
tj_ranking_facts_free (TjRankingFacts *facts)
{
  if (facts == NULL)
    return;
  g_clear_pointer (&facts->strings, g_string_chunk_free);
  g_clear_pointer (&facts->units, g_array_unref);
  g_clear_pointer (&facts->locality, g_hash_table_unref);
  for (int q = 0; q < 4; q++)
    g_clear_pointer (&facts->localities[q], g_array_unref);
  g_clear_pointer (&facts->statistics, g_hash_table_unref);
  g_clear_pointer (&facts->matters, g_array_unref);
  g_clear_pointer (&facts->items, g_array_unref);
  g_clear_pointer (&facts->inspections, g_ptr_array_unref);
  g_free (facts);
}

static const char *
keep (TjRankingFacts *facts,
      const char     *text)
{
  return text != NULL ? g_string_chunk_insert_const (facts->strings, text) : NULL;
}

/* The ranked units, in pinyin order of their names (the connection's pinyin_key, as every list
 * sorts by name). */
static gboolean
read_units (TjDb           *db,
            int             year,
            int             month,
            TjRankingFacts *facts,
            GError        **error)
{
  /* the localities with a project the bulletin of month counts (an exited one leaves it) */
  static const char units_sql[] =
    "SELECT l.id, l.name FROM units l WHERE l.id IN "
    "(SELECT p.locality_id FROM projects p WHERE p.year = ?1 AND "
    TJ_PROJECT_ACTIVE_IN_MONTH ("?1", "?2") ") ORDER BY pinyin_key (l.name), l.id";
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, units_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Unit unit = { sqlite3_column_int64 (stmt, 0),
                    keep (facts, (const char *) sqlite3_column_text (stmt, 1)) };

      g_array_append_val (facts->units, unit);
    }
  return tj_db_rows_done (db, rc, error);
}

static gboolean
read_localities (TjDb           *db,
                 TjRankingFacts *facts,
                 GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "SELECT id, locality_id FROM projects",
                                                 error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (facts->locality, id_dup (sqlite3_column_int64 (stmt, 0)),
                         id_dup (sqlite3_column_int64 (stmt, 1)));
  return tj_db_rows_done (db, rc, error);
}

/* Statistics: each project as month N's bulletin judges it (started by the quarter's end, in
 * the statistics by then), by locality. */
static void
count_statistics (const TjBulletinProject *p,
                  int                      month,
                  gpointer                 data)
{
  TjRankingFacts *facts = data;
  gint64 threshold = (gint64) facts->settings.threshold_wan * TJ_YUAN_PER_WAN;
  Statistics *statistics;
  int q = month / 3 - 1;

  if (!p->started || p->total_investment < threshold)
    return;
  statistics = g_hash_table_lookup (facts->statistics, &p->locality_id);
  if (statistics == NULL)
    {
      statistics = g_new0 (Statistics, 1);
      g_hash_table_insert (facts->statistics, id_dup (p->locality_id), statistics);
    }
  statistics->base[q]++;
  if (p->in_statistics)
    statistics->entered[q]++;
}

/* Investment, starts and statistics: the bulletins of months 1..N of each quarter read, as they
 * are published (tj_bulletin_localities_at: their rules, one read for all the quarters). */
static gboolean
read_bulletins (TjDb           *db,
                int             year,
                guint           quarters,
                TjRankingFacts *facts,
                GError        **error)
{
  g_autoptr (GPtrArray) localities = NULL;
  int months[4];
  guint n = 0;

  for (int q = 1; q <= 4; q++)
    if (quarters & (1u << (q - 1)))
      months[n++] = 3 * q;
  localities = tj_bulletin_localities_at (db, year, months, n, count_statistics, facts, error);
  if (localities == NULL)
    return FALSE;
  for (guint k = 0; k < n; k++)
    facts->localities[months[k] / 3 - 1] = g_array_ref (g_ptr_array_index (localities, k));
  return TRUE;
}

static void
keep_matter (gint64      project_id,
             const char *unit_name,
             const char *deadline_in_force,
             const char *finished,
             gpointer    data)
{
  TjRankingFacts *facts = data;
  Dated matter = { project_id, NULL, NULL, NULL };

  if (deadline_in_force == NULL)
    return;
  matter.unit_name = project_id == 0 ? keep (facts, unit_name) : NULL;
  matter.deadline = keep (facts, deadline_in_force);
  matter.finished = keep (facts, finished);
  g_array_append_val (facts->matters, matter);
}

static void
keep_item (gint64      project_id,
           const char *deadline,
           const char *finished,
           gpointer    data)
{
  TjRankingFacts *facts = data;
  Dated item = { project_id, NULL, NULL, NULL };

  item.deadline = keep (facts, deadline);
  item.finished = keep (facts, finished);
  g_array_append_val (facts->items, item);
}

/* Every matter, of the meetings of any year (one whose deadline in force is by E is due
 * whenever it was decided), and the accepted items of the year's list. */
TjRankingFacts *
tj_ranking_facts_read (TjDb    *db,
                       int      year,
                       guint    quarters,
                       GError **error)
{
  g_autoptr (TjRankingFacts) facts = g_new0 (TjRankingFacts, 1);

  g_return_val_if_fail (quarters != 0 && quarters < 16, NULL);

  facts->strings = g_string_chunk_new (64 * 1024);
  facts->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  facts->locality = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  facts->statistics = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  facts->matters = g_array_new (FALSE, FALSE, sizeof (Dated));
  facts->items = g_array_new (FALSE, FALSE, sizeof (Dated));
  if (!tj_settings_read_ranking (db, &facts->settings, error) ||
      !read_units (db, year, 3 * g_bit_nth_msf (quarters, -1) + 3, facts, error) ||
      !read_localities (db, facts, error) || !read_bulletins (db, year, quarters, facts, error) ||
      !tj_matter_foreach_dated (db, keep_matter, facts, error) ||
      !tj_approval_item_foreach_deadline (db, year, keep_item, facts, error) ||
      (facts->inspections = tj_inspection_list (db, year, error)) == NULL)
    return NULL;
  return g_steal_pointer (&facts);
}

/* The ranking's units, from the facts. */
static void
add_units (Reading        *r,
           TjRankingFacts *facts)
{
  for (guint i = 0; i < facts->units->len; i++)
    {
      const Unit *read = &g_array_index (facts->units, Unit, i);
      TjRankingUnit *unit = g_new0 (TjRankingUnit, 1);

      unit->id = read->id;
      unit->name = g_strdup (read->name);
      unit->place.pinyin_order = r->ranking->units->len;
      unit->deducted_inspections = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (r->ranking->units, unit);
      g_hash_table_insert (r->by_id, &unit->id, unit);
      g_hash_table_insert (r->by_name, unit->name, unit);
    }
}

/* The quarter's bulletin figures and statistics counts, by unit. */
static void
count_bulletin (Reading        *r,
                TjRankingFacts *facts)
{
  int q = r->ranking->quarter - 1;
  GArray *localities = facts->localities[q];

  for (guint i = 0; i < localities->len; i++)
    {
      TjBulletinLocality *l = &g_array_index (localities, TjBulletinLocality, i);
      TjRankingUnit *unit = unit_of_locality (r, l->figures.id);
      Statistics *statistics;

      if (unit == NULL)
        continue;
      unit->cumulative = l->figures.cumulative;
      unit->plan = l->figures.plan;
      unit->starts_due = l->figures.starts_due;
      unit->started = l->figures.started;
      unit->on_schedule_months = l->on_schedule_months;
      statistics = g_hash_table_lookup (facts->statistics, &unit->id);
      if (statistics != NULL)
        {
          unit->statistics_base = statistics->base[q];
          unit->statistics_entered = statistics->entered[q];
        }
    }
}

static void
count_matters (Reading        *r,
               TjRankingFacts *facts)
{
  const char *end = r->ranking->quarter_end;

  for (guint i = 0; i < facts->matters->len; i++)
    {
      const Dated *matter = &g_array_index (facts->matters, Dated, i);
      TjRankingUnit *unit;

      if (matter->project_id != 0)
        unit = unit_of_project (r, matter->project_id);
      else
        unit = matter->unit_name != NULL ? g_hash_table_lookup (r->by_name, matter->unit_name)
                                         : NULL;
      if (unit == NULL || strcmp (matter->deadline, end) > 0)
        continue;
      unit->matters_due++;
      if (tj_matter_status_at (matter->finished, matter->deadline, end) ==
          TJ_MATTER_DONE_ON_TIME)
        unit->matters_on_time++;
    }
}

static void
count_approvals (Reading        *r,
                 TjRankingFacts *facts)
{
  const char *end = r->ranking->quarter_end;

  for (guint i = 0; i < facts->items->len; i++)
    {
      const Dated *item = &g_array_index (facts->items, Dated, i);
      TjRankingUnit *unit = unit_of_project (r, item->project_id);

      if (unit == NULL || strcmp (item->deadline, end) > 0)
        continue;
      unit->approvals_due++;
      if (item->finished != NULL && strcmp (item->finished, item->deadline) <= 0)
        unit->approvals_on_time++;
    }
}

static void
count_inspections (Reading        *r,
                   TjRankingFacts *facts)
{
  TjRanking *self = r->ranking;
  g_autofree char *start = g_strdup_printf ("%04d-%02d-01", self->year, self->month - 2);

  for (guint i = 0; i < facts->inspections->len; i++)
    {
      TjInspection *inspection = g_ptr_array_index (facts->inspections, i);
      TjRankingUnit *unit = unit_of_project (r, inspection->project_id);

      if (unit != NULL && strcmp (inspection->date, start) >= 0 &&
          strcmp (inspection->date, self->quarter_end) <= 0 &&
          (inspection->final_verdict == TJ_VERDICT_FALSE ||
           inspection->final_verdict == TJ_VERDICT_CONCEALED))
        {
          unit->deductions++;
          g_ptr_array_add (unit->deducted_inspections, g_object_ref (inspection));
        }
    }
}

char *
tj_ranking_deduction_text (TjRankingUnit *unit,
                           guint          index)
{
  TjInspection *inspection;

  g_return_val_if_fail (index < unit->deducted_inspections->len, NULL);

  inspection = g_ptr_array_index (unit->deducted_inspections, index);
  /* Translators: "2026-08-15巡查陈庄一号，结论：虚报" */
  return g_strdup_printf (_("%1$s inspection of %2$s, verdict: %3$s"), inspection->date,
                          inspection->project_name != NULL ? inspection->project_name : "",
                          tj_verdict_label (inspection->final_verdict));
}

/* The ratios, the points shown, and the exact score rounded. */
static void
score_unit (TjRanking     *self,
            TjRankingUnit *unit)
{
  const TjRankingSettings *s = &self->settings;
  mpq_t score, term;

  unit->ratios[TJ_INDICATOR_INVESTMENT] = (TjRatio){ 12 * unit->cumulative,
                                                      (gint64) self->month * unit->plan };
  unit->ratios[TJ_INDICATOR_STARTS] = (TjRatio){ unit->started, unit->starts_due };
  unit->ratios[TJ_INDICATOR_STATISTICS] = (TjRatio){ unit->statistics_entered,
                                                      unit->statistics_base };
  unit->ratios[TJ_INDICATOR_MATTERS] = (TjRatio){ unit->matters_on_time, unit->matters_due };
  unit->ratios[TJ_INDICATOR_APPROVALS] = (TjRatio){ unit->approvals_on_time,
                                                     unit->approvals_due };
  unit->place.tie = unit->ratios[TJ_INDICATOR_INVESTMENT];

  mpq_inits (score, term, NULL);
  for (int i = 0; i < TJ_INDICATOR_N; i++)
    {
      mpq_t weight;

      ratio_set_mpq (term, unit->ratios[i]);
      mpq_init (weight);
      mpq_set_si (weight, s->weights[i], 1);
      mpq_mul (term, term, weight);
      mpq_clear (weight);
      unit->points[i] = mpq_round_hundredths (term);
      mpq_add (score, score, term);
    }
  unit->deducted = (gint64) s->deduction * unit->deductions * 100;
  mpq_set_si (term, (long) s->deduction * (long) unit->deductions, 1);
  mpq_sub (score, score, term);
  if (mpq_sgn (score) < 0)
    mpq_set_ui (score, 0, 1);
  unit->place.score = mpq_round_hundredths (score);
  mpq_clears (score, term, NULL);
}

/* Red: rank ≤ the red list's size and all five ratios 1. Black: rank > n − the black list's size
 * and the investment ratio below 1. */
static void
mark_lists (TjRanking *self)
{
  guint n = self->units->len;

  for (guint i = 0; i < n; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);
      gboolean all_full = TRUE;

      for (int k = 0; k < TJ_INDICATOR_N; k++)
        all_full = all_full && tj_ratio_is_full (unit->ratios[k]);
      unit->red = unit->place.rank <= (guint) self->settings.red_size && all_full;
      unit->black = (gint64) unit->place.rank > (gint64) n - self->settings.black_size &&
                    !tj_ratio_is_full (unit->ratios[TJ_INDICATOR_INVESTMENT]);
    }
}

TjRanking *
tj_ranking_build (TjDb    *db,
                  int      year,
                  int      quarter,
                  GError **error)
{
  g_autoptr (TjRankingFacts) facts = NULL;

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  if (!tj_year_check (year, error) ||
      (facts = tj_ranking_facts_read (db, year, 1u << (quarter - 1), error)) == NULL)
    return NULL;
  return tj_ranking_build_with (db, year, quarter, facts, error);
}

TjRanking *
tj_ranking_build_with (TjDb           *db,
                       int             year,
                       int             quarter,
                       TjRankingFacts *facts,
                       GError        **error)
{
  g_autoptr (TjRanking) self = g_new0 (TjRanking, 1);
  Reading r = { self, NULL, NULL, NULL };

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  g_return_val_if_fail (facts->localities[quarter - 1] != NULL, NULL);
  if (!tj_year_check (year, error))
    return NULL;
  self->year = year;
  self->quarter = quarter;
  self->month = 3 * quarter;
  self->quarter_end = g_strdup_printf ("%04d-%02d-%02d", year, self->month,
                                       g_date_get_days_in_month (self->month, year));
  self->organisation = tj_settings_organisation (db);
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  self->settings = facts->settings;

  r.by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  r.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  r.locality = facts->locality;
  add_units (&r, facts);
  count_bulletin (&r, facts);
  count_matters (&r, facts);
  count_approvals (&r, facts);
  count_inspections (&r, facts);
  g_hash_table_unref (r.by_id);
  g_hash_table_unref (r.by_name);

  for (guint i = 0; i < self->units->len; i++)
    score_unit (self, g_ptr_array_index (self->units, i));
  tj_ranking_assign (self->units);
  mark_lists (self);
  return g_steal_pointer (&self);
}
