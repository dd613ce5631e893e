/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-bulletin-private.h"
#include "tj-date.h"
#include "tj-delegation.h"
#include "tj-error.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-project-active.h"
#include "tj-settings.h"
#include "tj-visit.h"

/* The monthly bulletin. 推进机制 (九): "月通报、季排名、年考核奖惩" — every month the DRC reports
 * the key projects' completion to the leadership meeting of 推进机制 (二).
 *
 * The rules (issue 3, "The bulletin, month N of year Y: exact rules"):
 * - The projects of the key list of year Y. For a project, A is its annual plan, C the sum of its
 *   completed investment in months 1..N of Y (corrections, negative, included), r = C ÷ A when
 *   A > 0. The time schedule s = N ÷ 12.
 * - Started: an actual start date on or before the last day of month N. Due to start: 新开工
 *   with a planned start month N of Y or earlier (earlier years too). Start rate: the due that
 *   started ÷ the due. 提前开工: 新开工, planned start after month N, started. 应开未开: due, not
 *   started. Completions due: planned completion month N of Y or earlier; completed: an actual
 *   completion on or before the last day of month N, whatever the nature.
 * - Investment light by g = (r − s) × 100 points: green g ≥ −10, yellow −30 ≤ g < −10, red
 *   g < −30; none when A = 0, none for a 新开工 whose planned start is after month N. Start light
 *   for a due project not started, L = N − planned start month (across years): yellow L < 3, red
 *   L ≥ 3. A project's light is the worse of the two; yellow and red are lagging (进度滞后).
 * - Every sum in whole yuan; the lights compare exact fractions, never rounded rates; 万元, 亿元,
 *   rates and points are rounded half away from zero only when shown.
 *
 * Names (localities on a tie, the lists of projects) are ordered by the locale's collation,
 * g_utf8_collate (through its collation keys): pinyin order under zh_CN.UTF-8. */

/* Every amount read and every sum made stays within ±MAX_FIGURE yuan (1000 万亿元), or the
 * bulletin is refused: far beyond any list the bounds of tj-limits.c let in, and close enough
 * to 0 that the exact maths below cannot overflow: |12C − NA| ≤ 24 MAX_FIGURE, and a rate or a
 * gap in thousandths is at most 2000 MAX_FIGURE. Only a database changed outside Tuijin comes
 * near it. */
#define MAX_FIGURE G_GINT64_CONSTANT (1000000000000000)

/* One query reads the year's list with each project's sum of months 1..N and its report of month
 * N: the unique index on (project_id, month) serves both. The names of units and people come from
 * the bulletin's own small tables of them (load_names), not from a join per row. The window's
 * bulletin reads the list in its order (by level, then as entered); the export reads it as stored,
 * in the order of the ids (+p.year: a scan of the table, no sort of whole rows, memory flat), and
 * its detail table one level after the other, each in the order of the ids. */
#define PROJECTS_SQL                                                                             \
  "SELECT p.id, p.name, p.level, p.nature, p.industry, p.content, p.locality_id, p.unit_id, "    \
  "p.leader_id, p.officer_id, p.total_investment, p.annual_plan, p.planned_start, "              \
  "p.planned_completion, p.actual_start, p.actual_completion, p.stats_date, "                    \
  "COALESCE ((SELECT SUM (m.completed) FROM monthly_reports m "                                  \
  "WHERE m.project_id = p.id AND m.month <= ?2), 0), "                                           \
  "r.id IS NOT NULL, COALESCE (r.completed, 0), r.progress, r.problems "                         \
  "FROM projects p LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ?2 "
#define LEVEL_RANK                                                                               \
  "CASE p.level WHEN 'provincial' THEN 1 WHEN 'prefectural' THEN 2 WHEN 'city' THEN 3 ELSE 4 END"

/* A project that exited before month ?2 began is not in its bulletin (tj-project-active.h). */
#define ACTIVE " AND " TJ_PROJECT_ACTIVE_IN_MONTH ("?1", "?2")

static const char projects_sql[] =
  PROJECTS_SQL "WHERE p.year = ?1" ACTIVE " ORDER BY " LEVEL_RANK ", p.id";
const char tj_bulletin_scan_sql[] = PROJECTS_SQL "WHERE +p.year = ?1" ACTIVE;
const char tj_bulletin_level_sql[] =
  PROJECTS_SQL "WHERE +p.year = ?1" ACTIVE " AND " LEVEL_RANK " = ?3 ORDER BY p.id";
/* pinyin_key() is g_utf8_collate_key and LEVEL_RANK order_key's rank: the order of
 * sort_projects_by_name. */
const char tj_bulletin_by_name_sql[] =
  PROJECTS_SQL "WHERE +p.year = ?1" ACTIVE " ORDER BY pinyin_key (p.name), " LEVEL_RANK ", p.id";
const char tj_bulletin_project_sql[] = PROJECTS_SQL "WHERE p.id = ?3 AND p.year = ?1" ACTIVE;

enum
{
  Q_ID,
  Q_NAME,
  Q_LEVEL,
  Q_NATURE,
  Q_INDUSTRY,
  Q_CONTENT,
  Q_LOCALITY_ID,
  Q_UNIT_ID,
  Q_LEADER_ID,
  Q_OFFICER_ID,
  Q_TOTAL,
  Q_PLAN,
  Q_PLANNED_START,
  Q_PLANNED_COMPLETION,
  Q_ACTUAL_START,
  Q_ACTUAL_COMPLETION,
  Q_STATS_DATE,
  Q_CUMULATIVE,
  Q_REPORTED,
  Q_MONTH_COMPLETED,
  Q_PROGRESS,
  Q_PROBLEMS,
};

/* ⌊num × 10^digits ÷ den⌋ (den > 0) by long division, so that no product overflows; the
 * remainder, 0 ≤ remainder < den, goes to *remainder. */
static gint64
scaled_floor (gint64  num,
              gint64  den,
              guint   digits,
              gint64 *remainder)
{
  gint64 q = num / den;
  gint64 r = num % den;

  if (r < 0)
    {
      q--;
      r += den;
    }
  for (guint i = 0; i < digits; i++)
    {
      q = q * 10 + (r * 10) / den;
      r = (r * 10) % den;
    }
  if (remainder != NULL)
    *remainder = r;
  return q;
}

/* num × 10^digits ÷ den rounded half away from zero (den > 0): how a rate is shown. */
gint64
tj_bulletin_scaled_round (gint64 num,
                          gint64 den,
                          guint  digits)
{
  gint64 r;
  gint64 q = scaled_floor (num < 0 ? -num : num, den, digits, &r);

  if (r >= den - r)
    q++;
  return num < 0 ? -q : q;
}

/* r − s = C ÷ A − N ÷ 12 = (12C − NA) ÷ 12A: its numerator, exact in whole yuan. */
gint64
tj_bulletin_gap_numerator (gint64 cumulative,
                           gint64 plan,
                           int    month)
{
  return 12 * cumulative - (gint64) month * plan;
}

static void
figures_clear (gpointer data)
{
  TjBulletinFigures *figures = data;

  g_free (figures->name);
}

/* A text column of the current row, NULL when empty: valid until the statement steps. */
static const char *
row_text (sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text == NULL || *text == '\0' ? NULL : text;
}

static const char *
intern (TjBulletin *self,
        const char *text,
        gboolean    shared)
{
  if (text == NULL)
    return NULL;
  return shared ? g_string_chunk_insert_const (self->strings, text)
                : g_string_chunk_insert (self->strings, text);
}

/* A project's strings copied into the bulletin's, so that it outlives its row. */
static void
project_intern (TjBulletin        *self,
                TjBulletinProject *p)
{
  p->name = intern (self, p->name, FALSE);
  p->industry = intern (self, p->industry, TRUE);
  p->content = intern (self, p->content, FALSE);
  p->locality = intern (self, p->locality, TRUE);
  p->unit = intern (self, p->unit, TRUE);
  p->leader = intern (self, p->leader, TRUE);
  p->officer = intern (self, p->officer, TRUE);
  p->planned_start = intern (self, p->planned_start, TRUE);
  p->planned_completion = intern (self, p->planned_completion, TRUE);
  p->actual_start = intern (self, p->actual_start, TRUE);
  p->actual_completion = intern (self, p->actual_completion, TRUE);
  p->stats_date = intern (self, p->stats_date, TRUE);
  p->progress = intern (self, p->progress, FALSE);
  p->problems = intern (self, p->problems, FALSE);
}

/* A project's place in the list (by level, then as entered) as one number: the order the lists
 * fall back on for names the locale collates as equal, however the projects were read. */
static gint64
order_key (const TjBulletinProject *p)
{
  gint64 rank = p->level == TJ_LEVEL_NONE ? TJ_LEVEL_N : p->level;

  return (rank << 48) | p->id;
}

/* *sum + value into *sum; FALSE, *sum untouched, beyond ±MAX_FIGURE. */
static gboolean
figure_add (gint64 *sum,
            gint64  value)
{
  gint64 result;

  if (!tj_money_add_checked (*sum, value, &result) || result > MAX_FIGURE ||
      result < -MAX_FIGURE)
    return FALSE;
  *sum = result;
  return TRUE;
}

/* Adds a project to a group; FALSE when a sum would go beyond ±MAX_FIGURE. */
static gboolean
figures_add (TjBulletinFigures       *figures,
             const TjBulletinProject *p)
{
  if (!figure_add (&figures->total_investment, p->total_investment) ||
      !figure_add (&figures->plan, p->plan) ||
      !figure_add (&figures->month_completed, p->month_completed) ||
      !figure_add (&figures->cumulative, p->cumulative))
    return FALSE;
  figures->count++;
  figures->starts_due += p->start_due;
  figures->started += p->start_due && p->started;
  figures->completions_due += p->completion_due;
  figures->completed += p->completed;
  return TRUE;
}

static void
figures_finish (TjBulletinFigures *figures,
                int                month)
{
  figures->has_rate = figures->plan > 0;
  if (figures->has_rate)
    {
      gint64 num = tj_bulletin_gap_numerator (figures->cumulative, figures->plan, month);

      figures->rate = (double) figures->cumulative / (double) figures->plan;
      figures->gap = (double) num * 100.0 / (12.0 * (double) figures->plan);
      figures->on_schedule = num >= 0;
    }
  if (figures->starts_due > 0)
    figures->start_rate = (double) figures->started / figures->starts_due;
}

/* The investment light, by the gap in points compared exactly: g ≥ T holds for a whole number
 * of tenths T exactly when ⌊10g⌋ ≥ T. */
static TjLight
investment_light (TjBulletin              *self,
                  const TjBulletinProject *p,
                  int                      month)
{
  gint64 num = tj_bulletin_gap_numerator (p->cumulative, p->plan, month);
  gint64 tenths = scaled_floor (num, 12 * p->plan, 3, NULL);

  if (tenths >= self->green_gap)
    return TJ_LIGHT_GREEN;
  if (tenths < self->red_gap)
    return TJ_LIGHT_RED;
  return TJ_LIGHT_YELLOW;
}

/* Everything of one project that depends on month N: its dates against the month's end, its
 * rate and its lights. month is N (self->month), or an earlier month of the year for
 * tj_bulletin_month_lights, p->cumulative then being that month's. */
static void
project_judge (TjBulletin        *self,
               TjBulletinProject *p,
               int                month)
{
  int month_n = self->year * 12 + month - 1;
  int planned = p->planned_start != NULL ? tj_month_index (p->planned_start) : G_MAXINT;
  gboolean not_yet_due;

  /* A date is on or before the last day of month N exactly when its month is. */
  p->started = p->actual_start != NULL && tj_month_index (p->actual_start) <= month_n;
  p->start_due = p->nature == TJ_NATURE_NEW && planned <= month_n;
  not_yet_due = p->nature == TJ_NATURE_NEW && p->planned_start != NULL && planned > month_n;
  p->early_start = not_yet_due && p->started;
  p->completion_due = p->planned_completion != NULL &&
                      tj_month_index (p->planned_completion) <= month_n;
  p->completed = p->actual_completion != NULL && tj_month_index (p->actual_completion) <= month_n;
  p->in_statistics = p->stats_date != NULL && tj_month_index (p->stats_date) <= month_n;

  p->has_rate = p->plan > 0;
  if (p->has_rate)
    {
      p->rate = (double) p->cumulative / (double) p->plan;
      p->gap = (double) tj_bulletin_gap_numerator (p->cumulative, p->plan, month) * 100.0 /
               (12.0 * (double) p->plan);
    }

  /* Without a plan there is nothing to measure; a 新开工 not due yet is not behind. */
  p->investment_light = p->has_rate && !not_yet_due ? investment_light (self, p, month)
                                                   : TJ_LIGHT_NONE;
  if (p->start_due && !p->started)
    {
      p->months_late = month_n - planned;
      p->start_light = p->months_late >= self->start_red_months ? TJ_LIGHT_RED : TJ_LIGHT_YELLOW;
    }
  p->light = MAX (p->investment_light, p->start_light);
}

/* Index of a group in array, added under key when new. */
static guint
group_index (GHashTable *index,
             gpointer    key,
             gsize       key_size,
             GArray     *groups,
             const char *name,
             gint64      id,
             gint64      order)
{
  TjBulletinFigures *figures;
  gpointer found;

  if (g_hash_table_lookup_extended (index, key, NULL, &found))
    {
      figures = &g_array_index (groups, TjBulletinFigures, GPOINTER_TO_UINT (found));
      figures->order = MIN (figures->order, order);
      return GPOINTER_TO_UINT (found);
    }
  g_array_set_size (groups, groups->len + 1);
  figures = &g_array_index (groups, TjBulletinFigures, groups->len - 1);
  figures->name = g_strdup (name);
  figures->id = id;
  figures->order = order;
  /* key_size > 0: the key is copied (the index owns it) */
  g_hash_table_insert (index, key_size > 0 ? g_memdup2 (key, key_size) : key,
                       GUINT_TO_POINTER (groups->len - 1));
  return groups->len - 1;
}

typedef struct
{
  char *key;
  int rank;
  gint64 order; /* order_key: the tie-break */
  gpointer item;
} SortEntry;

static void
sort_entry_clear (gpointer data)
{
  g_free (((SortEntry *) data)->key);
}

/* By collation key; names the locale collates as equal keep the order they came in. */
static int
by_key (const SortEntry *ea,
        const SortEntry *eb)
{
  int order = strcmp (ea->key, eb->key);

  if (order != 0)
    return order;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  if (ea->rank != eb->rank)
    return ea->rank < eb->rank ? -1 : 1;
  return by_key (ea, eb);
}

/* Projects by name, by collation keys: a lagging list may hold thousands. */
static void
sort_projects_by_name (GPtrArray *projects)
{
  g_autoptr (GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), projects->len);

  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < projects->len; i++)
    {
      TjBulletinProject *p = g_ptr_array_index (projects, i);
      SortEntry entry = { g_utf8_collate_key (p->name, -1), 0, order_key (p), p };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, sort_entry_compare);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_index (projects, i) = g_array_index (entries, SortEntry, i).item;
}

static int
locality_compare (gconstpointer a,
                  gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  const TjBulletinFigures *fa = ea->item;
  const TjBulletinFigures *fb = eb->item;

  /* A locality without a plan has no rate: after those that have one. */
  if (fa->has_rate != fb->has_rate)
    return fa->has_rate ? -1 : 1;
  if (fa->has_rate && fa->rate != fb->rate)
    return fa->rate > fb->rate ? -1 : 1;
  return by_key (ea, eb);
}

/* Reorders groups (figures) by compare over entries keyed by name; rank is a group's place in
 * an order given beforehand (the settings' industries). */
static void
sort_groups (GArray      *groups,
             GCompareFunc compare,
             const int   *ranks)
{
  g_autoptr (GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), groups->len);
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (TjBulletinFigures),
                                                 groups->len);

  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < groups->len; i++)
    {
      TjBulletinFigures *figures = &g_array_index (groups, TjBulletinFigures, i);
      SortEntry entry = { g_utf8_collate_key (figures->name, -1), ranks != NULL ? ranks[i] : 0,
                          figures->order, figures };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_vals (sorted, g_array_index (entries, SortEntry, i).item, 1);
  /* The names move with their figures: the old array must not free them. An empty array may
   * have no data at all, which memcpy must not be given. */
  if (sorted->len > 0)
    memcpy (groups->data, sorted->data, sorted->len * sizeof (TjBulletinFigures));
}

/* The office's name and the lights' thresholds, as the settings hold them (tj-settings): a
 * threshold that is not a number or out of its bounds is an error naming it, not a default. */
static gboolean
load_settings (TjBulletin *self,
               TjDb       *db,
               GError    **error)
{
  TjLightSettings lights;

  self->organisation = tj_settings_organisation (db);
  if (!tj_settings_read_lights (db, &lights, error) || !tj_settings_check_lights (&lights, error))
    return FALSE;
  self->green_gap = lights.green_gap * 10;
  self->red_gap = lights.red_gap * 10;
  self->start_red_months = lights.start_red_months;
  return TRUE;
}

/* The name of a unit or a person by id; NULL for none (0) or an empty name. */
static const char *
name_of (GHashTable *names,
         gint64      id)
{
  return id != 0 ? g_hash_table_lookup (names, &id) : NULL;
}

/* The city leaders delegated at month N's end, by the label the reports name them by. */
static gboolean
load_acting_leaders (TjBulletin *self,
                     TjDb       *db,
                     GError    **error)
{
  g_autofree char *end = tj_delegation_month_end (self->year, self->month);

  self->acting_leaders = tj_delegation_leader_names (db, end, error);
  return self->acting_leaders != NULL;
}

/* A project's city leader as the bulletin names them: the acting one too when delegated. */
static const char *
leader_of (TjBulletin *self,
           gint64      id,
           const char *name)
{
  const char *acting = name_of (self->acting_leaders, id);

  return acting != NULL ? acting : name;
}

/* The names of the units and of the people, by id: a few hundred rows, read once. */
static GHashTable *
load_names (TjDb       *db,
            const char *sql,
            GError    **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = row_text (stmt, 1);

      if (name != NULL)
        g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

gboolean
tj_bulletin_read_project (TjBulletin        *self,
                          sqlite3_stmt      *stmt,
                          TjBulletinProject *p,
                          GError           **error)
{
  memset (p, 0, sizeof *p);
  p->id = sqlite3_column_int64 (stmt, Q_ID);
  p->name = row_text (stmt, Q_NAME);
  p->level = tj_level_names_parse (self->level_names,
                                   (const char *) sqlite3_column_text (stmt, Q_LEVEL));
  p->level_name = self->level_names->full[p->level];
  p->nature = tj_nature_from_label ((const char *) sqlite3_column_text (stmt, Q_NATURE));
  p->industry = row_text (stmt, Q_INDUSTRY);
  p->content = row_text (stmt, Q_CONTENT);
  p->locality_id = sqlite3_column_int64 (stmt, Q_LOCALITY_ID);
  p->locality = name_of (self->unit_names, p->locality_id);
  p->unit = name_of (self->unit_names, sqlite3_column_int64 (stmt, Q_UNIT_ID));
  p->leader = leader_of (self, sqlite3_column_int64 (stmt, Q_LEADER_ID),
                        name_of (self->people_names, sqlite3_column_int64 (stmt, Q_LEADER_ID)));
  p->officer = name_of (self->people_names, sqlite3_column_int64 (stmt, Q_OFFICER_ID));
  p->total_investment = sqlite3_column_int64 (stmt, Q_TOTAL);
  p->plan = sqlite3_column_int64 (stmt, Q_PLAN);
  p->planned_start = row_text (stmt, Q_PLANNED_START);
  p->planned_completion = row_text (stmt, Q_PLANNED_COMPLETION);
  p->actual_start = row_text (stmt, Q_ACTUAL_START);
  p->actual_completion = row_text (stmt, Q_ACTUAL_COMPLETION);
  p->stats_date = row_text (stmt, Q_STATS_DATE);
  p->cumulative = sqlite3_column_int64 (stmt, Q_CUMULATIVE);
  p->reported = sqlite3_column_int (stmt, Q_REPORTED) != 0;
  p->month_completed = sqlite3_column_int64 (stmt, Q_MONTH_COMPLETED);
  p->progress = row_text (stmt, Q_PROGRESS);
  p->problems = row_text (stmt, Q_PROBLEMS);
  if (p->total_investment > MAX_FIGURE || p->total_investment < -MAX_FIGURE ||
      p->plan > MAX_FIGURE || p->plan < -MAX_FIGURE || p->cumulative > MAX_FIGURE ||
      p->cumulative < -MAX_FIGURE || p->month_completed > MAX_FIGURE ||
      p->month_completed < -MAX_FIGURE)
    {
      g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The amounts of “%s” exceed %s: the database may have been changed "
                     "outside Tuijin."),
                   p->name != NULL ? p->name : "", bound);
      return FALSE;
    }
  project_judge (self, p, self->month);
  return TRUE;
}

/* What reading the list builds as it goes: the groups' sums and the lists of projects. */
typedef struct
{
  GHashTable *industry_index; /* industry (the bulletin's string; "" for none) → index */
  GHashTable *locality_index; /* unit id → index */
  const char *no_industry;
} Grouping;

/* Adds a project to the sums of every group it belongs to. */
static gboolean
add_to_groups (TjBulletin              *self,
               Grouping                *grouping,
               const TjBulletinProject *p,
               GError                 **error)
{
  gint64 order = order_key (p);
  const char *industry = p->industry != NULL
                           ? g_string_chunk_insert_const (self->strings, p->industry) : "";
  guint k, l;

  /* Projects without an industry make a group of their own, under the key "". */
  k = group_index (grouping->industry_index, (gpointer) industry, 0, self->industries,
                   p->industry != NULL ? p->industry : grouping->no_industry, 0, order);
  l = group_index (grouping->locality_index, (gpointer) &p->locality_id, sizeof (gint64),
                   self->localities, p->locality != NULL ? p->locality : "", p->locality_id,
                   order);
  if (!figures_add (&self->overall, p) || !figures_add (&self->levels[p->level], p) ||
      !figures_add (&self->natures[p->nature], p) ||
      !figures_add (&g_array_index (self->industries, TjBulletinFigures, k), p) ||
      !figures_add (&g_array_index (self->localities, TjBulletinFigures, l), p))
    {
      g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Adding up “%s”, the bulletin’s sums exceed %s: the database may have "
                     "been changed outside Tuijin."),
                   p->name != NULL ? p->name : "", bound);
      return FALSE;
    }
  if (p->reported)
    self->reported++;
  return TRUE;
}

gboolean
tj_bulletin_project_lags (const TjBulletinProject *p)
{
  return p->light == TJ_LIGHT_YELLOW || p->light == TJ_LIGHT_RED;
}

/* Whether a project stands on one of the bulletin's lists held in memory: with lagging FALSE,
 * the lagging list is not one of them. */
static gboolean
is_listed (const TjBulletinProject *p,
           gboolean                 lagging)
{
  return p->early_start || (p->start_due && !p->started) ||
         (lagging && tj_bulletin_project_lags (p)) || !p->reported;
}

static void
add_to_lists (TjBulletin        *self,
              TjBulletinProject *p,
              gboolean           lagging)
{
  if (p->early_start)
    g_ptr_array_add (self->early_starts, p);
  if (p->start_due && !p->started)
    g_ptr_array_add (self->not_started, p);
  if (lagging && tj_bulletin_project_lags (p))
    g_ptr_array_add (self->lagging, p);
  if (!p->reported)
    g_ptr_array_add (self->unreported, p);
}

/* An export's lagging list: not held, as its sheet reads it from the database in order
 * (tj_bulletin_by_name_sql); only the first names the overview shows are found as the projects
 * are read: their collation keys and ids, the projects read again at the end. */
typedef struct
{
  char *key;
  gint64 order;
  gint64 id;
} FirstEntry;

static void
first_entry_clear (gpointer data)
{
  g_free (((FirstEntry *) data)->key);
}

static int
first_entry_compare (const FirstEntry *a,
                     const FirstEntry *b)
{
  int order = strcmp (a->key, b->key);

  if (order != 0)
    return order;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void
note_lagging (GArray                  *first,
              const TjBulletinProject *p)
{
  FirstEntry entry = { NULL, order_key (p), p->id };
  guint at = first->len;

  if (at == TJ_BULLETIN_NAMES_IN_TEXT)
    {
      /* most projects come after the last kept: no key is made for them twice */
      entry.key = g_utf8_collate_key (p->name, -1);
      if (first_entry_compare (&entry, &g_array_index (first, FirstEntry, at - 1)) >= 0)
        {
          g_free (entry.key);
          return;
        }
    }
  else
    entry.key = g_utf8_collate_key (p->name, -1);
  while (at > 0 && first_entry_compare (&entry, &g_array_index (first, FirstEntry, at - 1)) < 0)
    at--;
  g_array_insert_val (first, at, entry);
  if (first->len > TJ_BULLETIN_NAMES_IN_TEXT)
    g_array_remove_index (first, first->len - 1);
}

/* The first lagging projects by name, read again by their ids into self->lagging. */
static gboolean
read_first_lagging (TjBulletin *self,
                    TjDb       *db,
                    GArray     *first,
                    GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (db, tj_bulletin_project_sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < first->len; i++)
    {
      TjBulletinProject p;
      TjBulletinProject *copy;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, self->year);
      sqlite3_bind_int (stmt, 2, self->month);
      sqlite3_bind_int64 (stmt, 3, g_array_index (first, FirstEntry, i).id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (tj_db_rows_done (db, rc, error))
            g_set_error_literal (error, TJ_ERROR, TJ_ERROR_INVALID,
                                 _("The list of projects changed while the bulletin was being "
                                   "written; export it again."));
          return FALSE;
        }
      if (!tj_bulletin_read_project (self, stmt, &p, error))
        return FALSE;
      copy = g_memdup2 (&p, sizeof p);
      project_intern (self, copy);
      g_ptr_array_add (self->kept, copy);
      g_ptr_array_add (self->lagging, copy);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Reads the year's list, each project judged and added up as it is read. keep: every project
 * kept, in the list's order (self->projects); otherwise only those on a list (self->kept), the
 * others gone once added up, read as stored. */
static gboolean
read_projects (TjBulletin *self,
               TjDb       *db,
               gboolean    keep,
               Grouping   *grouping,
               GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (db, keep ? projects_sql
                                                                  : tj_bulletin_scan_sql,
                                                        error);
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (FirstEntry));
  int rc;

  g_array_set_clear_func (first, first_entry_clear);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  sqlite3_bind_int (stmt, 2, self->month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjBulletinProject p;

      if (!tj_bulletin_read_project (self, stmt, &p, error) ||
          !add_to_groups (self, grouping, &p, error))
        return FALSE;
      if (tj_bulletin_project_lags (&p))
        {
          self->n_lagging++;
          self->n_lagging_red += p.light == TJ_LIGHT_RED;
          if (!keep)
            note_lagging (first, &p);
        }
      if (keep)
        {
          project_intern (self, &p);
          g_array_append_val (self->projects, p);
        }
      else if (is_listed (&p, FALSE))
        {
          TjBulletinProject *copy = g_memdup2 (&p, sizeof p);

          project_intern (self, copy);
          g_ptr_array_add (self->kept, copy);
          add_to_lists (self, copy, FALSE);
        }
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  /* the array is whole: its items no longer move */
  for (guint i = 0; keep && i < self->projects->len; i++)
    add_to_lists (self, &g_array_index (self->projects, TjBulletinProject, i), TRUE);
  return keep || read_first_lagging (self, db, first, error);
}

/* Industries in the order of the settings' list, those not in it after by name, projects with
 * none last. */
static gboolean
order_industries (TjBulletin *self,
                  TjDb       *db,
                  int         none,
                  GError    **error)
{
  g_auto (GStrv) listed = tj_industries_load (db, error);
  g_autofree int *ranks = NULL;
  guint n_listed;

  if (listed == NULL)
    return FALSE;
  ranks = g_new0 (int, MAX (self->industries->len, 1));
  n_listed = g_strv_length (listed);

  for (guint i = 0; i < self->industries->len; i++)
    {
      TjBulletinFigures *figures = &g_array_index (self->industries, TjBulletinFigures, i);

      ranks[i] = (int) i == none ? G_MAXINT : (int) n_listed;
      for (guint k = 0; k < n_listed && (int) i != none; k++)
        if (g_strcmp0 (g_strstrip (listed[k]), figures->name) == 0)
          {
            ranks[i] = k;
            break;
          }
    }
  sort_groups (self->industries, sort_entry_compare, ranks);
  return TRUE;
}

static TjBulletin *
bulletin_build (TjDb    *db,
                int      year,
                int      month,
                gboolean keep,
                GError **error)
{
  g_autoptr (TjBulletin) self = NULL;
  g_autoptr (GHashTable) industry_index = NULL;
  g_autoptr (GHashTable) locality_index = NULL;
  Grouping grouping;
  gpointer none;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (month < 1 || month > 12)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("%d is not a month."), month);
      return NULL;
    }

  self = g_new0 (TjBulletin, 1);
  self->year = year;
  self->month = month;
  self->schedule = month / 12.0;
  self->strings = g_string_chunk_new (64 * 1024);
  self->industries = g_array_new (FALSE, TRUE, sizeof (TjBulletinFigures));
  g_array_set_clear_func (self->industries, figures_clear);
  self->localities = g_array_new (FALSE, TRUE, sizeof (TjBulletinFigures));
  g_array_set_clear_func (self->localities, figures_clear);
  self->projects = g_array_new (FALSE, TRUE, sizeof (TjBulletinProject));
  self->early_starts = g_ptr_array_new ();
  self->not_started = g_ptr_array_new ();
  self->lagging = g_ptr_array_new ();
  self->unreported = g_ptr_array_new ();
  self->kept = g_ptr_array_new_with_free_func (g_free);
  if (!keep)
    self->db = g_object_ref (db);

  if (!load_settings (self, db, error))
    return NULL;
  self->level_names = tj_level_names_load (db, error);
  if (self->level_names == NULL)
    return NULL;
  self->unit_names = load_names (db, "SELECT id, name FROM units", error);
  if (self->unit_names == NULL)
    return NULL;
  self->people_names = load_names (db, "SELECT id, name FROM people", error);
  if (self->people_names == NULL || !load_acting_leaders (self, db, error) ||
      !tj_visit_month_note (db, year, month, &self->visits_note, error))
    return NULL;
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    self->levels[i].name = g_strdup (self->level_names->full[i]);
  for (guint i = 1; i < TJ_NATURE_N; i++)
    self->natures[i].name = g_strdup (tj_nature_label (i));

  industry_index = g_hash_table_new (g_str_hash, g_str_equal);
  locality_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  grouping.industry_index = industry_index;
  grouping.locality_index = locality_index;
  /* Translators: the industry of projects that have none, in the bulletin's tables */
  grouping.no_industry = C_("bulletin", "No industry given");
  if (!read_projects (self, db, keep, &grouping, error))
    return NULL;

  figures_finish (&self->overall, month);
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    figures_finish (&self->levels[i], month);
  for (guint i = 1; i < TJ_NATURE_N; i++)
    figures_finish (&self->natures[i], month);
  for (guint i = 0; i < self->industries->len; i++)
    figures_finish (&g_array_index (self->industries, TjBulletinFigures, i), month);
  for (guint i = 0; i < self->localities->len; i++)
    figures_finish (&g_array_index (self->localities, TjBulletinFigures, i), month);

  if (!order_industries (self, db,
                         g_hash_table_lookup_extended (industry_index, "", NULL, &none)
                           ? (int) GPOINTER_TO_UINT (none) : -1,
                         error))
    return NULL;
  sort_groups (self->localities, locality_compare, NULL);
  sort_projects_by_name (self->early_starts);
  sort_projects_by_name (self->not_started);
  sort_projects_by_name (self->lagging);
  sort_projects_by_name (self->unreported);
  return g_steal_pointer (&self);
}

TjBulletin *
tj_bulletin_build (TjDb    *db,
                   int      year,
                   int      month,
                   GError **error)
{
  return bulletin_build (db, year, month, TRUE, error);
}

/* Month m's light of every project of the bulletin (built by tj_bulletin_build, projects kept),
 * for each month 1..N of its year, by the rule its own month is judged by (project_judge), on
 * the sum of the project's reports of months 1..m: one read of the year's reports instead of one
 * bulletin a month. lights[i × N + m − 1] is project i's (self->projects) light of month m;
 * month N's is its own. Sums beyond ±MAX_FIGURE are refused as the bulletin refuses them. */
TjLight *
tj_bulletin_month_lights (TjBulletin *self,
                          TjDb       *db,
                          GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *completed = NULL;
  g_autofree TjLight *lights = NULL;
  guint n = self->projects->len;
  int months = self->month;
  int rc;

  g_return_val_if_fail (self->db == NULL, NULL);

  /* never NULL, for an empty list too: NULL is the error */
  completed = g_new0 (gint64, MAX ((gsize) n * months, 1));
  lights = g_new0 (TjLight, MAX ((gsize) n * months, 1));
  for (guint i = 0; i < n; i++)
    {
      TjBulletinProject *p = &g_array_index (self->projects, TjBulletinProject, i);

      g_hash_table_insert (index, &p->id, GUINT_TO_POINTER (i + 1));
    }
  /* The year's reports only, from the indexes alone (EXPLAIN QUERY PLAN: the year's projects
   * from projects_by_year_locality, each one's months from monthly_reports_figures), not a pass
   * over every year's reports; each row's project picked by the index above. */
  stmt = tj_db_prepare (db,
                        "SELECT r.project_id, r.month, r.completed FROM projects p "
                        "JOIN monthly_reports r ON r.project_id = p.id "
                        "WHERE p.year = ?2 AND r.month <= ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, months);
  sqlite3_bind_int (stmt, 2, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int month = sqlite3_column_int (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));

      if (i > 0 && month >= 1)
        completed[(gsize) (i - 1) * months + month - 1] = sqlite3_column_int64 (stmt, 2);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      TjBulletinProject judged = g_array_index (self->projects, TjBulletinProject, i);
      gint64 sum = 0;

      for (int month = 1; month <= months; month++)
        {
          if (!figure_add (&sum, completed[(gsize) i * months + month - 1]))
            {
              g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

              g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("The amounts of “%s” exceed %s: the database may have been changed "
                             "outside Tuijin."),
                           judged.name != NULL ? judged.name : "", bound);
              return NULL;
            }
          judged.cumulative = sum;
          judged.months_late = 0;
          judged.start_light = TJ_LIGHT_NONE;
          project_judge (self, &judged, month);
          lights[(gsize) i * months + month - 1] = judged.light;
        }
    }
  return g_steal_pointer (&lights);
}

/* The list of year's projects with only what their lights and the accountability list need:
 * ids, names, nature, plan, dates, and the names of locality, unit, leader and officer, in one
 * query (no sums, groups or lists). See tj-bulletin.h. */
TjBulletin *
tj_bulletin_build_lights (TjDb    *db,
                          int      year,
                          int      month,
                          GError **error)
{
  g_autoptr (TjBulletin) self = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (month < 1 || month > 12)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("%d is not a month."), month);
      return NULL;
    }
  self = g_new0 (TjBulletin, 1);
  self->year = year;
  self->month = month;
  self->schedule = month / 12.0;
  self->strings = g_string_chunk_new (64 * 1024);
  self->projects = g_array_new (FALSE, TRUE, sizeof (TjBulletinProject));
  if (!load_settings (self, db, error) || !load_acting_leaders (self, db, error))
    return NULL;
  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, p.nature, p.total_investment, p.annual_plan, "
                        "p.planned_start, p.planned_completion, p.actual_start, "
                        "p.actual_completion, p.stats_date, p.locality_id, l.name, u.name, "
                        "ld.name, o.name, p.leader_id FROM projects p "
                        "LEFT JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN units u ON u.id = p.unit_id "
                        "LEFT JOIN people ld ON ld.id = p.leader_id "
                        "LEFT JOIN people o ON o.id = p.officer_id "
                        "WHERE p.year = ?1" ACTIVE " ORDER BY " LEVEL_RANK ", p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjBulletinProject p = { 0 };

      p.id = sqlite3_column_int64 (stmt, 0);
      p.name = row_text (stmt, 1);
      p.nature = tj_nature_from_label ((const char *) sqlite3_column_text (stmt, 2));
      p.total_investment = sqlite3_column_int64 (stmt, 3);
      p.plan = sqlite3_column_int64 (stmt, 4);
      p.planned_start = row_text (stmt, 5);
      p.planned_completion = row_text (stmt, 6);
      p.actual_start = row_text (stmt, 7);
      p.actual_completion = row_text (stmt, 8);
      p.stats_date = row_text (stmt, 9);
      p.locality_id = sqlite3_column_int64 (stmt, 10);
      p.locality = row_text (stmt, 11);
      p.unit = row_text (stmt, 12);
      p.leader = leader_of (self, sqlite3_column_int64 (stmt, 15), row_text (stmt, 13));
      p.officer = row_text (stmt, 14);
      /* refused as the bulletin refuses them (tj_bulletin_read_project) */
      if (p.total_investment > MAX_FIGURE || p.total_investment < -MAX_FIGURE ||
          p.plan > MAX_FIGURE || p.plan < -MAX_FIGURE)
        {
          g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("The amounts of “%s” exceed %s: the database may have been changed "
                         "outside Tuijin."),
                       p.name != NULL ? p.name : "", bound);
          return NULL;
        }
      project_intern (self, &p);
      g_array_append_val (self->projects, p);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&self);
}

TjBulletin *
tj_bulletin_build_sums (TjDb    *db,
                        int      year,
                        int      month,
                        GError **error)
{
  return bulletin_build (db, year, month, FALSE, error);
}

void
tj_bulletin_free (TjBulletin *self)
{
  if (self == NULL)
    return;
  g_free (self->organisation);
  figures_clear (&self->overall);
  for (guint i = 0; i < TJ_LEVEL_N; i++)
    figures_clear (&self->levels[i]);
  for (guint i = 0; i < TJ_NATURE_N; i++)
    figures_clear (&self->natures[i]);
  g_clear_pointer (&self->industries, g_array_unref);
  g_clear_pointer (&self->localities, g_array_unref);
  g_clear_pointer (&self->projects, g_array_unref);
  g_clear_pointer (&self->early_starts, g_ptr_array_unref);
  g_clear_pointer (&self->not_started, g_ptr_array_unref);
  g_clear_pointer (&self->lagging, g_ptr_array_unref);
  g_clear_pointer (&self->unreported, g_ptr_array_unref);
  g_clear_pointer (&self->kept, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->level_names, tj_level_names_free);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->people_names, g_hash_table_unref);
  g_clear_pointer (&self->acting_leaders, g_hash_table_unref);
  g_free (self->visits_note);
  g_clear_object (&self->db);
  g_free (self);
}

/* A project's name for a message, read only then: the reports' pass reads the index of the
 * reports (project, month, completed) and the projects' (year, locality), not their rows. */
static char *
project_name (TjDb  *db,
              gint64 id)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, "SELECT name FROM projects WHERE id = ?",
                                                 NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* What the quarterly ranking and the assessment read of the bulletins of months 1..N, for
 * several N at once: one read of the list and one of its reports of months 1..max N. Each
 * project is judged by project_judge at each N and added to its locality by figures_add as month
 * N's bulletin adds it, its cumulative sum from the reports; each month m's locality sums are
 * finished by figures_finish, as month m's bulletin finishes them. */
GPtrArray *
tj_bulletin_localities_at (TjDb                   *db,
                           int                     year,
                           const int              *months,
                           guint                   n_months,
                           TjBulletinProjectAtFunc func,
                           gpointer                data,
                           GError                **error)
{
  g_autoptr (TjBulletin) self = g_new0 (TjBulletin, 1);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GArray) monthly = g_array_new (FALSE, TRUE, 12 * sizeof (gint64));
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr (sqlite3_stmt) projects = NULL;
  g_autoptr (sqlite3_stmt) reports = NULL;
  int last = 1;
  guint n_localities = 0;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (months != NULL && n_months > 0, NULL);

  for (guint k = 0; k < n_months; k++)
    {
      if (months[k] < 1 || months[k] > 12)
        {
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("%d is not a month."), months[k]);
          return NULL;
        }
      last = MAX (last, months[k]);
      g_ptr_array_add (result, g_array_new (FALSE, TRUE, sizeof (TjBulletinLocality)));
    }
  self->year = year;
  self->month = last;
  if (!load_settings (self, db, error))
    return NULL;
  projects = tj_db_prepare (db,
                            "SELECT p.id, p.name, p.nature, p.total_investment, p.annual_plan, "
                            "p.planned_start, p.planned_completion, p.actual_start, "
                            "p.actual_completion, p.stats_date, p.locality_id "
                            "FROM projects p WHERE p.year = ?1 ORDER BY p.id",
                            error);
  reports = tj_db_prepare (db,
                           "SELECT p.locality_id, m.month, m.completed, m.project_id "
                           "FROM projects p JOIN monthly_reports m ON m.project_id = p.id "
                           "WHERE p.year = ?1 AND m.month <= ?2",
                           error);
  if (projects == NULL || reports == NULL)
    return NULL;
  sqlite3_bind_int (projects, 1, year);
  while ((rc = sqlite3_step (projects)) == SQLITE_ROW)
    {
      TjBulletinProject p = { 0 };
      gpointer at;

      p.id = sqlite3_column_int64 (projects, 0);
      p.name = row_text (projects, 1);
      p.nature = tj_nature_from_label ((const char *) sqlite3_column_text (projects, 2));
      p.total_investment = sqlite3_column_int64 (projects, 3);
      p.plan = sqlite3_column_int64 (projects, 4);
      p.planned_start = row_text (projects, 5);
      p.planned_completion = row_text (projects, 6);
      p.actual_start = row_text (projects, 7);
      p.actual_completion = row_text (projects, 8);
      p.stats_date = row_text (projects, 9);
      p.locality_id = sqlite3_column_int64 (projects, 10);
      if (!g_hash_table_lookup_extended (index, &p.locality_id, NULL, &at))
        {
          TjBulletinLocality empty = { { 0 } };

          empty.figures.id = p.locality_id;
          for (guint k = 0; k < n_months; k++)
            g_array_append_val ((GArray *) g_ptr_array_index (result, k), empty);
          g_array_set_size (monthly, ++n_localities);
          at = GUINT_TO_POINTER (n_localities - 1);
          g_hash_table_insert (index, g_memdup2 (&p.locality_id, sizeof p.locality_id), at);
        }
      if (p.total_investment > MAX_FIGURE || p.total_investment < -MAX_FIGURE ||
          p.plan > MAX_FIGURE || p.plan < -MAX_FIGURE)
        {
          g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("The amounts of “%s” exceed %s: the database may have been changed "
                         "outside Tuijin."),
                       p.name != NULL ? p.name : "", bound);
          return NULL;
        }
      for (guint k = 0; k < n_months; k++)
        {
          GArray *localities = g_ptr_array_index (result, k);
          TjBulletinLocality *locality = &g_array_index (localities, TjBulletinLocality,
                                                         GPOINTER_TO_UINT (at));
          TjBulletinProject judged = p;

          /* judged at month N, its cumulative sum (0 here) from the reports below */
          project_judge (self, &judged, months[k]);
          if (!figures_add (&locality->figures, &judged))
            {
              g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

              g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                           _("Adding up “%s”, the bulletin’s sums exceed %s: the database may "
                             "have been changed outside Tuijin."),
                           p.name != NULL ? p.name : "", bound);
              return NULL;
            }
          if (func != NULL)
            func (&judged, months[k], data);
        }
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;

  sqlite3_bind_int (reports, 1, year);
  sqlite3_bind_int (reports, 2, last);
  while ((rc = sqlite3_step (reports)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (reports, 0);
      int m = sqlite3_column_int (reports, 1);
      gpointer at;

      if (m < 1 || !g_hash_table_lookup_extended (index, &id, NULL, &at))
        continue;
      if (!figure_add (&((gint64 *) monthly->data)[12 * GPOINTER_TO_UINT (at) + m - 1],
                       sqlite3_column_int64 (reports, 2)))
        {
          g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);
          g_autofree char *name = project_name (db, sqlite3_column_int64 (reports, 3));

          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Adding up “%s”, the bulletin’s sums exceed %s: the database may have "
                         "been changed outside Tuijin."),
                       name, bound);
          return NULL;
        }
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;

  for (guint k = 0; k < n_months; k++)
    for (guint i = 0; i < n_localities; i++)
      {
        GArray *localities = g_ptr_array_index (result, k);
        TjBulletinLocality *locality = &g_array_index (localities, TjBulletinLocality, i);
        const gint64 *sums = &((gint64 *) monthly->data)[12 * i];
        TjBulletinFigures figures = locality->figures;

        for (int m = 1; m <= months[k]; m++)
          {
            if (!figure_add (&figures.cumulative, sums[m - 1]))
              {
                g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

                g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                             _("Adding up “%s”, the bulletin’s sums exceed %s: the database "
                               "may have been changed outside Tuijin."),
                             "", bound);
                return NULL;
              }
            figures_finish (&figures, m);
            if (figures.on_schedule)
              locality->on_schedule_months |= 1u << (m - 1);
          }
        locality->figures = figures;
      }
  return g_steal_pointer (&result);
}

typedef struct
{
  TjBulletinProjectFunc func;
  gpointer data;
} OneMonth;

static void
one_month_project (const TjBulletinProject *project,
                   int                      month,
                   gpointer                 data)
{
  OneMonth *one = data;

  one->func (project, one->data);
}

/* tj_bulletin_localities_at for the one month N. */
GArray *
tj_bulletin_localities (TjDb                 *db,
                        int                   year,
                        int                   month,
                        TjBulletinProjectFunc func,
                        gpointer              data,
                        GError              **error)
{
  OneMonth one = { func, data };
  g_autoptr (GPtrArray) result = tj_bulletin_localities_at (db, year, &month, 1,
                                                            func != NULL ? one_month_project
                                                                         : NULL,
                                                            &one, error);

  return result != NULL ? g_array_ref (g_ptr_array_index (result, 0)) : NULL;
}
