/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-bulletin.h"
#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-limits.h"
#include "tj-money.h"

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

#define DEFAULT_ORGANISATION "登封市"

/* Thresholds outside these bounds are a typing slip, and the integer maths below stays far from
 * overflow within them. */
#define MAX_GAP_TENTHS 1000
#define MAX_START_RED_MONTHS 1200

/* Every amount read and every sum made stays within ±MAX_FIGURE yuan (1000 万亿元), or the
 * bulletin is refused: far beyond any list the bounds of tj-limits.c let in, and close enough
 * to 0 that the exact maths below cannot overflow: |12C − NA| ≤ 24 MAX_FIGURE, and a rate or a
 * gap in thousandths is at most 2000 MAX_FIGURE. Only a database changed outside Tuijin comes
 * near it. */
#define MAX_FIGURE G_GINT64_CONSTANT (1000000000000000)

/* The detail table's columns: DOMAIN.md's 附件, in its order. */
enum
{
  DETAIL_NUMBER,
  DETAIL_NAME,
  DETAIL_LEVEL,
  DETAIL_NATURE,
  DETAIL_INDUSTRY,
  DETAIL_CONTENT,
  DETAIL_LOCALITY,
  DETAIL_UNIT,
  DETAIL_LEADER,
  DETAIL_OFFICER,
  DETAIL_TOTAL,
  DETAIL_PLAN,
  DETAIL_MONTH,
  DETAIL_CUMULATIVE,
  DETAIL_RATE,
  DETAIL_PLANNED_START,
  DETAIL_ACTUAL_START,
  DETAIL_PROGRESS,
  DETAIL_PROBLEMS,
  DETAIL_STATISTICS,
  DETAIL_LIGHT,
};

/* The summary tables: by level, nature and industry on the overview sheet; by locality. */
enum
{
  SUMMARY_NAME,
  SUMMARY_COUNT,
  SUMMARY_TOTAL,
  SUMMARY_PLAN,
  SUMMARY_CUMULATIVE,
  SUMMARY_RATE,
  SUMMARY_GAP,
  SUMMARY_STARTS_DUE,
  SUMMARY_STARTED,
  SUMMARY_START_RATE,
  SUMMARY_COMPLETIONS_DUE,
  SUMMARY_COMPLETED,
};

enum
{
  LOCALITY_NUMBER,
  LOCALITY_NAME,
  LOCALITY_COUNT,
  LOCALITY_PLAN,
  LOCALITY_CUMULATIVE,
  LOCALITY_RATE,
  LOCALITY_GAP,
  LOCALITY_STARTS_DUE,
  LOCALITY_STARTED,
  LOCALITY_START_RATE,
};

enum
{
  LAGGING_NUMBER,
  LAGGING_NAME,
  LAGGING_LIGHT,
  LAGGING_LOCALITY,
  LAGGING_UNIT,
  LAGGING_LEADER,
  LAGGING_PLAN,
  LAGGING_CUMULATIVE,
  LAGGING_RATE,
  LAGGING_GAP,
  LAGGING_PLANNED_START,
  LAGGING_ACTUAL_START,
  LAGGING_REASON,
};

/* One query reads the year's list with each project's sum of months 1..N and its report of month
 * N: the unique index on (project_id, month) serves both. */
static const char projects_sql[] =
  "SELECT p.id, p.name, p.level, p.nature, p.industry, p.content, p.locality_id, l.name, u.name, "
  "ld.name, o.name, p.total_investment, p.annual_plan, p.planned_start, p.planned_completion, "
  "p.actual_start, p.actual_completion, p.stats_date, "
  "COALESCE ((SELECT SUM (m.completed) FROM monthly_reports m "
  "WHERE m.project_id = p.id AND m.month <= ?2), 0), "
  "r.id IS NOT NULL, COALESCE (r.completed, 0), r.progress, r.problems "
  "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "
  "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people ld ON ld.id = p.leader_id "
  "LEFT JOIN people o ON o.id = p.officer_id "
  "LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ?2 "
  "WHERE p.year = ?1 "
  "ORDER BY CASE p.level WHEN 'provincial' THEN 1 WHEN 'prefectural' THEN 2 "
  "WHEN 'city' THEN 3 ELSE 4 END, p.id";

enum
{
  Q_ID,
  Q_NAME,
  Q_LEVEL,
  Q_NATURE,
  Q_INDUSTRY,
  Q_CONTENT,
  Q_LOCALITY_ID,
  Q_LOCALITY,
  Q_UNIT,
  Q_LEADER,
  Q_OFFICER,
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
static gint64
scaled_round (gint64 num,
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
static gint64
gap_numerator (gint64 cumulative,
               gint64 plan,
               int    month)
{
  return 12 * cumulative - (gint64) month * plan;
}

/* "86.2": tenths shown with their one decimal. */
static char *
tenths_text (gint64 tenths)
{
  gint64 size = tenths < 0 ? -tenths : tenths;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths < 0 ? "-" : "",
                          size / 10, size % 10);
}

/* "10", "12.5": a threshold in tenths as a person writes it. */
static char *
points_text (int tenths)
{
  if (tenths % 10 == 0)
    return g_strdup_printf ("%d", tenths / 10);
  return tenths_text (tenths);
}

/* A threshold from the settings, in tenths of a point or in months; the default when absent or
 * not a number. */
static int
setting_number (TjDb       *db,
                const char *key,
                int         scale,
                int         fallback,
                int         lowest,
                int         highest)
{
  g_autofree char *text = tj_db_get_setting (db, key);
  char *end = NULL;
  double value;

  if (text == NULL || *g_strstrip (text) == '\0')
    return fallback;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(value == value))
    return fallback;
  value = CLAMP (value * scale, lowest, highest);
  return (int) (value < 0 ? value - 0.5 : value + 0.5);
}

static char *
organisation (TjDb *db)
{
  g_autofree char *name = tj_db_get_setting (db, "organisation");

  if (name == NULL || *g_strstrip (name) == '\0')
    return g_strdup (DEFAULT_ORGANISATION);
  return g_steal_pointer (&name);
}

static void
figures_clear (gpointer data)
{
  TjBulletinFigures *figures = data;

  g_free (figures->name);
}

static const char *
chunk_text (TjBulletin   *self,
            sqlite3_stmt *stmt,
            int           column,
            gboolean      shared)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;
  return shared ? g_string_chunk_insert_const (self->strings, text)
                : g_string_chunk_insert (self->strings, text);
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
      gint64 num = gap_numerator (figures->cumulative, figures->plan, month);

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
                  const TjBulletinProject *p)
{
  gint64 tenths = scaled_floor (gap_numerator (p->cumulative, p->plan, self->month), 12 * p->plan,
                                3, NULL);

  if (tenths >= self->green_gap)
    return TJ_LIGHT_GREEN;
  if (tenths < self->red_gap)
    return TJ_LIGHT_RED;
  return TJ_LIGHT_YELLOW;
}

/* Everything of one project that depends on month N: its dates against the month's end, its
 * rate and its lights. */
static void
project_judge (TjBulletin        *self,
               TjBulletinProject *p)
{
  int month_n = self->year * 12 + self->month - 1;
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
      p->gap = (double) gap_numerator (p->cumulative, p->plan, self->month) * 100.0 /
               (12.0 * (double) p->plan);
    }

  /* Without a plan there is nothing to measure; a 新开工 not due yet is not behind. */
  p->investment_light = p->has_rate && !not_yet_due ? investment_light (self, p) : TJ_LIGHT_NONE;
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
             GArray     *groups,
             const char *name,
             gint64      id)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, key, NULL, &found))
    return GPOINTER_TO_UINT (found);
  g_array_set_size (groups, groups->len + 1);
  g_array_index (groups, TjBulletinFigures, groups->len - 1).name = g_strdup (name);
  g_array_index (groups, TjBulletinFigures, groups->len - 1).id = id;
  g_hash_table_insert (index, key, GUINT_TO_POINTER (groups->len - 1));
  return groups->len - 1;
}

typedef struct
{
  char *key;
  int rank;
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
  return ea->item < eb->item ? -1 : ea->item > eb->item;
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
      SortEntry entry = { g_utf8_collate_key (p->name, -1), 0, p };

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
                          figures };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_vals (sorted, g_array_index (entries, SortEntry, i).item, 1);
  /* The names move with their figures: the old array must not free them. */
  memcpy (groups->data, sorted->data, sorted->len * sizeof (TjBulletinFigures));
}

static void
load_settings (TjBulletin *self,
               TjDb       *db)
{
  self->organisation = organisation (db);
  self->green_gap = setting_number (db, "light-green-gap", 10, TJ_BULLETIN_GREEN_GAP * 10,
                                    -MAX_GAP_TENTHS, MAX_GAP_TENTHS);
  self->red_gap = setting_number (db, "light-red-gap", 10, TJ_BULLETIN_RED_GAP * 10,
                                  -MAX_GAP_TENTHS, MAX_GAP_TENTHS);
  self->start_red_months = setting_number (db, "light-start-red-months", 1,
                                           TJ_BULLETIN_START_RED_MONTHS, 0, MAX_START_RED_MONTHS);
}

static gboolean
read_projects (TjBulletin   *self,
               TjDb         *db,
               TjLevelNames *levels,
               GError      **error)
{
  g_autoptr (TjCachedStmt) stmt = tj_db_prepare_cached (db, projects_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  sqlite3_bind_int (stmt, 2, self->month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjBulletinProject p = { 0 };

      p.id = sqlite3_column_int64 (stmt, Q_ID);
      p.name = chunk_text (self, stmt, Q_NAME, FALSE);
      p.level = tj_level_names_parse (levels, (const char *) sqlite3_column_text (stmt, Q_LEVEL));
      p.level_name = g_string_chunk_insert_const (self->strings, levels->full[p.level]);
      p.nature = tj_nature_from_label ((const char *) sqlite3_column_text (stmt, Q_NATURE));
      p.industry = chunk_text (self, stmt, Q_INDUSTRY, TRUE);
      p.content = chunk_text (self, stmt, Q_CONTENT, FALSE);
      p.locality_id = sqlite3_column_int64 (stmt, Q_LOCALITY_ID);
      p.locality = chunk_text (self, stmt, Q_LOCALITY, TRUE);
      p.unit = chunk_text (self, stmt, Q_UNIT, TRUE);
      p.leader = chunk_text (self, stmt, Q_LEADER, TRUE);
      p.officer = chunk_text (self, stmt, Q_OFFICER, TRUE);
      p.total_investment = sqlite3_column_int64 (stmt, Q_TOTAL);
      p.plan = sqlite3_column_int64 (stmt, Q_PLAN);
      p.planned_start = chunk_text (self, stmt, Q_PLANNED_START, TRUE);
      p.planned_completion = chunk_text (self, stmt, Q_PLANNED_COMPLETION, TRUE);
      p.actual_start = chunk_text (self, stmt, Q_ACTUAL_START, TRUE);
      p.actual_completion = chunk_text (self, stmt, Q_ACTUAL_COMPLETION, TRUE);
      p.stats_date = chunk_text (self, stmt, Q_STATS_DATE, TRUE);
      p.cumulative = sqlite3_column_int64 (stmt, Q_CUMULATIVE);
      p.reported = sqlite3_column_int (stmt, Q_REPORTED) != 0;
      p.month_completed = sqlite3_column_int64 (stmt, Q_MONTH_COMPLETED);
      p.progress = chunk_text (self, stmt, Q_PROGRESS, FALSE);
      p.problems = chunk_text (self, stmt, Q_PROBLEMS, FALSE);
      if (p.total_investment > MAX_FIGURE || p.total_investment < -MAX_FIGURE ||
          p.plan > MAX_FIGURE || p.plan < -MAX_FIGURE || p.cumulative > MAX_FIGURE ||
          p.cumulative < -MAX_FIGURE || p.month_completed > MAX_FIGURE ||
          p.month_completed < -MAX_FIGURE)
        {
          g_autofree char *bound = tj_limits_format_amount (MAX_FIGURE);

          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("The amounts of “%s” exceed %s: the database may have been changed "
                         "outside Tuijin."),
                       p.name != NULL ? p.name : "", bound);
          return FALSE;
        }
      g_array_append_val (self->projects, p);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
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

TjBulletin *
tj_bulletin_build (TjDb    *db,
                   int      year,
                   int      month,
                   GError **error)
{
  g_autoptr (TjBulletin) self = NULL;
  g_autoptr (TjLevelNames) levels = NULL;
  g_autoptr (GHashTable) industry_index = NULL;
  g_autoptr (GHashTable) locality_index = NULL;
  const char *no_industry;
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

  load_settings (self, db);
  levels = tj_level_names_load (db, error);
  if (levels == NULL)
    return NULL;
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    self->levels[i].name = g_strdup (levels->full[i]);
  for (guint i = 1; i < TJ_NATURE_N; i++)
    self->natures[i].name = g_strdup (tj_nature_label (i));

  if (!read_projects (self, db, levels, error))
    return NULL;

  industry_index = g_hash_table_new (g_str_hash, g_str_equal);
  locality_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* Translators: the industry of projects that have none, in the bulletin's tables */
  no_industry = C_("bulletin", "No industry given");
  for (guint i = 0; i < self->projects->len; i++)
    {
      TjBulletinProject *p = &g_array_index (self->projects, TjBulletinProject, i);
      guint k, l;

      project_judge (self, p);
      /* Projects without an industry make a group of their own, under the key "". */
      k = group_index (industry_index, (gpointer) (p->industry != NULL ? p->industry : ""),
                       self->industries, p->industry != NULL ? p->industry : no_industry, 0);
      l = group_index (locality_index, &p->locality_id, self->localities,
                       p->locality != NULL ? p->locality : "", p->locality_id);
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
          return NULL;
        }

      if (p->early_start)
        g_ptr_array_add (self->early_starts, p);
      if (p->start_due && !p->started)
        g_ptr_array_add (self->not_started, p);
      if (p->light == TJ_LIGHT_YELLOW || p->light == TJ_LIGHT_RED)
        g_ptr_array_add (self->lagging, p);
    }

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
  return g_steal_pointer (&self);
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
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

/* The overview (总体情况) ------------------------------------------------------------------ */

/* "全市", "全县", "全区": the whole of the organisation, by the last character of its name. */
static char *
scope_text (const char *organisation)
{
  if (g_str_has_suffix (organisation, "市"))
    /* Translators: the whole of a city, as in "全市156个重点项目" */
    return g_strdup (C_("bulletin scope", "citywide"));
  if (g_str_has_suffix (organisation, "县"))
    /* Translators: the whole of a county, as in "全县156个重点项目" */
    return g_strdup (C_("bulletin scope", "countywide"));
  if (g_str_has_suffix (organisation, "区"))
    /* Translators: the whole of a district, as in "全区156个重点项目" */
    return g_strdup (C_("bulletin scope", "districtwide"));
  /* Translators: the whole of an organisation of another kind, as in "某某156个重点项目" */
  return g_strdup_printf (C_("bulletin scope", "of %s"), organisation);
}

static char *
rate_text (gint64 part,
           gint64 whole)
{
  return tenths_text (scaled_round (part, whole, 3));
}

/* "超序时进度2.9个百分点", "低于序时进度2.9个百分点", "与序时进度持平": the gap as shown, to one
 * decimal; a gap that shows as 0.0 is level with the schedule. */
static char *
gap_phrase (gint64 cumulative,
            gint64 plan,
            int    month)
{
  gint64 tenths = scaled_round (gap_numerator (cumulative, plan, month), 12 * plan, 3);
  g_autofree char *points = tenths_text (tenths < 0 ? -tenths : tenths);

  if (tenths > 0)
    /* Translators: the gap of the completion rate to the time schedule (序时进度) */
    return g_strdup_printf (_("%s percentage points ahead of the time schedule"), points);
  if (tenths < 0)
    return g_strdup_printf (_("%s percentage points behind the time schedule"), points);
  return g_strdup (_("level with the time schedule"));
}

#define TJ_BULLETIN_NAMES_IN_TEXT 12

static char *
names_text (GPtrArray *projects)
{
  g_autoptr (GString) text = g_string_new (NULL);

  /* A leader reads a dozen names in a sentence, not seventy: a longer list is the attached
   * table's, and the sentence says so. */
  for (guint i = 0; i < MIN (projects->len, TJ_BULLETIN_NAMES_IN_TEXT); i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, ((TjBulletinProject *) g_ptr_array_index (projects, i))->name);
    }
  if (projects->len > TJ_BULLETIN_NAMES_IN_TEXT)
    /* Translators: after the first names of a long list: "等（详见附表）" */
    g_string_append (text, _(" and others (see the attached tables)"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
overview_overall (TjBulletin *self,
                  GString    *text)
{
  const TjBulletinFigures *all = &self->overall;
  g_autofree char *scope = scope_text (self->organisation);
  g_autofree char *yi = tj_money_format_yi (all->cumulative, 2);

  if (all->has_rate)
    {
      g_autofree char *rate = rate_text (all->cumulative, all->plan);
      g_autofree char *gap = gap_phrase (all->cumulative, all->plan, self->month);

      /* Translators: "截至10月底，全市156个重点项目累计完成投资128.45亿元，占年度计划的86.2%，
       * 超序时进度2.9个百分点。": the month, the number of projects, the scope (全市), 亿元, the
       * rate, the gap to the schedule */
      g_string_append_printf (text,
                              ngettext ("By the end of month %1$d, the %2$u key project %3$s "
                                        "had completed %4$s hundred million yuan of investment, "
                                        "%5$s%% of the annual plan, %6$s.",
                                        "By the end of month %1$d, the %2$u key projects %3$s "
                                        "had completed %4$s hundred million yuan of investment, "
                                        "%5$s%% of the annual plan, %6$s.",
                                        all->count),
                              self->month, all->count, scope, yi, rate, gap);
    }
  else
    /* Translators: as "截至10月底，全市156个重点项目累计完成投资128.45亿元" when no project has an
     * annual plan */
    g_string_append_printf (text,
                            ngettext ("By the end of month %1$d, the %2$u key project %3$s had "
                                      "completed %4$s hundred million yuan of investment; no "
                                      "annual plan is set.",
                                      "By the end of month %1$d, the %2$u key projects %3$s had "
                                      "completed %4$s hundred million yuan of investment; no "
                                      "annual plan is set.",
                                      all->count),
                            self->month, all->count, scope, yi);

  if (all->starts_due > 0)
    {
      g_autofree char *rate = rate_text (all->started, all->starts_due);

      /* Translators: "计划新开工项目45个，已开工41个，开工率91.1%。" The leading space parts
       * English sentences; Chinese needs none. */
      g_string_append_printf (text,
                              ngettext (" %1$u project was due to start construction, %2$u have "
                                        "started, a start rate of %3$s%%.",
                                        " %1$u projects were due to start construction, %2$u have "
                                        "started, a start rate of %3$s%%.",
                                        all->starts_due),
                              all->starts_due, all->started, rate);
    }
  else
    /* Translators: "无计划新开工项目。" */
    g_string_append (text, _(" No project was due to start construction."));

  if (self->early_starts->len > 0)
    {
      g_autofree char *names = names_text (self->early_starts);

      /* Translators: "提前开工项目2个：甲、乙。" */
      g_string_append_printf (text,
                              ngettext (" %1$u project started ahead of plan: %2$s.",
                                        " %1$u projects started ahead of plan: %2$s.",
                                        self->early_starts->len),
                              self->early_starts->len, names);
    }
  if (self->not_started->len > 0)
    {
      g_autofree char *names = names_text (self->not_started);

      /* Translators: "应开未开项目4个：甲、乙、丙、丁。" */
      g_string_append_printf (text,
                              ngettext (" %1$u project due to start has not started: %2$s.",
                                        " %1$u projects due to start have not started: %2$s.",
                                        self->not_started->len),
                              self->not_started->len, names);
    }
  if (all->completions_due > 0 || all->completed > 0)
    /* Translators: "计划竣工项目5个，已竣工3个。" */
    g_string_append_printf (text,
                            ngettext (" %1$u project was due to be completed, %2$u have been "
                                      "completed.",
                                      " %1$u projects were due to be completed, %2$u have been "
                                      "completed.",
                                      all->completions_due),
                            all->completions_due, all->completed);
}

/* "其中，省重点项目12个，累计完成投资45.67亿元，占年度计划的88.1%，超序时进度4.8个百分点；…。" */
static void
overview_levels (TjBulletin *self,
                 GString    *text)
{
  g_autoptr (GString) items = g_string_new (NULL);

  for (guint i = 1; i < TJ_LEVEL_N; i++)
    {
      const TjBulletinFigures *level = &self->levels[i];
      g_autofree char *yi = NULL;

      if (level->count == 0)
        continue;
      if (items->len > 0)
        /* Translators: between the levels of "其中，省重点项目…；郑州市重点项目…。" */
        g_string_append (items, C_("bulletin", "; "));
      yi = tj_money_format_yi (level->cumulative, 2);
      if (level->has_rate)
        {
          g_autofree char *rate = rate_text (level->cumulative, level->plan);
          g_autofree char *gap = gap_phrase (level->cumulative, level->plan, self->month);

          /* Translators: "省重点项目12个，累计完成投资45.67亿元，占年度计划的88.1%，超序时进度
           * 4.8个百分点": the level, the number of projects, 亿元, the rate, the gap */
          g_string_append_printf (items,
                                  ngettext ("%1$s: %2$u project, %3$s hundred million yuan "
                                            "completed, %4$s%% of the annual plan, %5$s",
                                            "%1$s: %2$u projects, %3$s hundred million yuan "
                                            "completed, %4$s%% of the annual plan, %5$s",
                                            level->count),
                                  level->name, level->count, yi, rate, gap);
        }
      else
        /* Translators: "省重点项目12个，累计完成投资45.67亿元" */
        g_string_append_printf (items,
                                ngettext ("%1$s: %2$u project, %3$s hundred million yuan "
                                          "completed",
                                          "%1$s: %2$u projects, %3$s hundred million yuan "
                                          "completed",
                                          level->count),
                                level->name, level->count, yi);
    }
  if (items->len > 0)
    /* Translators: "其中，%s。" */
    g_string_append_printf (text, _("Of these, %s."), items->str);
}

static void
overview_lagging (TjBulletin *self,
                  GString    *text)
{
  g_autofree char *names = NULL;
  guint red = 0;

  if (self->lagging->len == 0)
    {
      g_string_append (text, _("No project is lagging."));
      return;
    }
  for (guint i = 0; i < self->lagging->len; i++)
    red += ((TjBulletinProject *) g_ptr_array_index (self->lagging, i))->light == TJ_LIGHT_RED;
  names = names_text (self->lagging);
  /* Translators: "进度滞后项目3个：甲、乙、丙。" */
  g_string_append_printf (text,
                          ngettext ("%1$u project is lagging: %2$s.",
                                    "%1$u projects are lagging: %2$s.", self->lagging->len),
                          self->lagging->len, names);
  /* Translators: "其中红灯1个、黄灯2个。" */
  g_string_append_printf (text, _(" Red lights: %1$u, yellow lights: %2$u."), red,
                          self->lagging->len - red);
}

static void
overview_localities (TjBulletin *self,
                     GString    *text)
{
  g_autoptr (GString) above = g_string_new (NULL);
  g_autoptr (GString) below = g_string_new (NULL);
  guint n_above = 0, n_below = 0;
  gsize start = text->len;

  for (guint i = 0; i < self->localities->len; i++)
    {
      const TjBulletinFigures *locality = &g_array_index (self->localities, TjBulletinFigures, i);
      GString *list = locality->on_schedule ? above : below;

      if (!locality->has_rate)
        continue;
      if (list->len > 0)
        g_string_append (list, _(", "));
      g_string_append (list, locality->name);
      if (locality->on_schedule)
        n_above++;
      else
        n_below++;
    }
  if (n_above > 0)
    /* Translators: "达到或超过序时进度的乡镇（街道、区）3个：甲、乙、丙。" */
    g_string_append_printf (text,
                            ngettext ("%1$u locality at or above the time schedule: %2$s.",
                                      "%1$u localities at or above the time schedule: %2$s.",
                                      n_above),
                            n_above, above->str);
  if (n_below > 0)
    /* Translators: "低于序时进度的乡镇（街道、区）2个：丁、戊。" */
    g_string_append_printf (text,
                            ngettext (" %1$u locality below the time schedule: %2$s.",
                                      " %1$u localities below the time schedule: %2$s.", n_below),
                            n_below, below->str);
  /* A paragraph does not start with the space that parts sentences. */
  if (text->len > start && text->str[start] == ' ')
    g_string_erase (text, start, 1);
}

/* The overview in the words of a bulletin, one paragraph a line: the whole list with its starts
 * and completions; the levels; the lagging projects; the localities. */
char *
tj_bulletin_overview (TjBulletin *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gsize mark;

  g_return_val_if_fail (self != NULL, NULL);

  overview_overall (self, text);
  mark = text->len;
  g_string_append_c (text, '\n');
  overview_levels (self, text);
  if (text->len == mark + 1)
    g_string_truncate (text, mark);
  g_string_append_c (text, '\n');
  overview_lagging (self, text);
  mark = text->len;
  g_string_append_c (text, '\n');
  overview_localities (self, text);
  if (text->len == mark + 1)
    g_string_truncate (text, mark);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The workbook ---------------------------------------------------------------------------- */

/* "（2026年1—10月）", "（2026年1月）" */
static char *
period_text (TjBulletin *self)
{
  if (self->month == 1)
    /* Translators: the bulletin's period when it is January alone: "（2026年1月）" */
    return g_strdup_printf (_("(January %d)"), self->year);
  /* Translators: the bulletin's period: "（2026年1—10月）" */
  return g_strdup_printf (_("(%1$d, months 1–%2$d)"), self->year, self->month);
}

/* "1—10月累计", "1月累计" */
static char *
cumulative_header (TjBulletin *self)
{
  if (self->month == 1)
    return g_strdup (C_("bulletin column", "January cumulative"));
  /* Translators: a column header: "1—10月累计" */
  return g_strdup_printf (C_("bulletin column", "Months 1–%d cumulative"), self->month);
}

static TjReport *
new_sheet (TjBulletin *self,
           const char *sheet_name,
           const char *title)
{
  g_autofree char *period = period_text (self);
  TjReport *report = tj_report_new (sheet_name, title);

  tj_report_set_subtitle (report, period);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  return report;
}

/* The rule of the lights, with the thresholds in use. */
static char *
lights_note (TjBulletin *self)
{
  g_autofree char *green = points_text (-self->green_gap);
  g_autofree char *red = points_text (-self->red_gap);

  /* Translators: the note under the detail and lagging tables: "注：灯色按项目投资完成率与序时
   * 进度比较确定：低于序时进度不超过10个百分点为绿灯，10至30个百分点为黄灯，超过30个百分点
   * 为红灯；应开工未开工的项目为黄灯，逾期3个月及以上为红灯。" */
  return g_strdup_printf (_("Note: the light compares a project's completion rate with the time "
                            "schedule: green when at most %1$s percentage points behind, yellow "
                            "from %1$s to %2$s points behind, red when more than %2$s points "
                            "behind; a project due to start and not started is yellow, red from "
                            "%3$d months late."),
                          green, red, self->start_red_months);
}

static void
add_summary_columns (TjBulletin *self,
                     TjReport   *report)
{
  g_autofree char *cumulative = cumulative_header (self);

  tj_report_add_column (report, C_("bulletin column", "Category"), TJ_REPORT_TEXT, 20);
  tj_report_add_column (report, C_("bulletin column", "Projects"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("total_investment"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Against schedule (points)"),
                        TJ_REPORT_POINTS, 0);
  tj_report_add_column (report, C_("bulletin column", "Due to start"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Started"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Start rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Due to complete"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Completed"), TJ_REPORT_INTEGER, 0);
}

static void
add_summary_row (TjReport                *report,
                 TjReportRowKind          kind,
                 const char              *name,
                 const TjBulletinFigures *figures)
{
  guint row = tj_report_add_row (report, kind);

  tj_report_set_text (report, row, SUMMARY_NAME, name);
  tj_report_set_integer (report, row, SUMMARY_COUNT, figures->count);
  tj_report_set_money (report, row, SUMMARY_TOTAL, figures->total_investment);
  tj_report_set_money (report, row, SUMMARY_PLAN, figures->plan);
  tj_report_set_money (report, row, SUMMARY_CUMULATIVE, figures->cumulative);
  if (figures->has_rate)
    {
      tj_report_set_percent (report, row, SUMMARY_RATE, figures->rate);
      tj_report_set_points (report, row, SUMMARY_GAP, figures->gap);
    }
  tj_report_set_integer (report, row, SUMMARY_STARTS_DUE, figures->starts_due);
  tj_report_set_integer (report, row, SUMMARY_STARTED, figures->started);
  if (figures->starts_due > 0)
    tj_report_set_percent (report, row, SUMMARY_START_RATE, figures->start_rate);
  tj_report_set_integer (report, row, SUMMARY_COMPLETIONS_DUE, figures->completions_due);
  tj_report_set_integer (report, row, SUMMARY_COMPLETED, figures->completed);
}

static void
add_section (TjReport   *report,
             const char *heading)
{
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_SECTION);

  tj_report_set_text (report, row, 0, heading);
}

static TjReport *
overview_sheet (TjBulletin *self,
                const char *title)
{
  g_autofree char *overview = tj_bulletin_overview (self);
  g_autofree char *schedule = rate_text (self->month, 12);
  g_autofree char *note = NULL;
  g_auto (GStrv) paragraphs = g_strsplit (overview, "\n", -1);
  TjReport *report = new_sheet (self, C_("bulletin sheet", "Overview"), title);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    tj_report_add_paragraph (report, paragraphs[i]);
  add_summary_columns (self, report);
  report->frozen_columns = 1;

  add_summary_row (report, TJ_REPORT_ROW_TOTAL, _("Total"), &self->overall);
  add_section (report, C_("bulletin section", "By level"));
  for (guint i = 1; i < TJ_LEVEL_N; i++)
    add_summary_row (report, TJ_REPORT_ROW_BODY, self->levels[i].name, &self->levels[i]);
  add_section (report, C_("bulletin section", "By nature"));
  for (guint i = 1; i < TJ_NATURE_N; i++)
    add_summary_row (report, TJ_REPORT_ROW_BODY, self->natures[i].name, &self->natures[i]);
  add_section (report, C_("bulletin section", "By industry"));
  for (guint i = 0; i < self->industries->len; i++)
    {
      const TjBulletinFigures *industry = &g_array_index (self->industries, TjBulletinFigures, i);

      add_summary_row (report, TJ_REPORT_ROW_BODY, industry->name, industry);
    }

  /* Translators: "注：序时进度为10÷12＝83.3%。" */
  note = g_strdup_printf (_("Note: the time schedule is %1$d ÷ 12 = %2$s%%."), self->month,
                          schedule);
  tj_report_add_note (report, note);
  return report;
}

static void
add_locality_row (TjReport                *report,
                  TjReportRowKind          kind,
                  guint                    number,
                  const char              *name,
                  const TjBulletinFigures *figures)
{
  guint row = tj_report_add_row (report, kind);

  if (kind == TJ_REPORT_ROW_TOTAL)
    tj_report_set_text (report, row, LOCALITY_NUMBER, _("Total"));
  else
    tj_report_set_integer (report, row, LOCALITY_NUMBER, number);
  tj_report_set_text (report, row, LOCALITY_NAME, name);
  tj_report_set_integer (report, row, LOCALITY_COUNT, figures->count);
  tj_report_set_money (report, row, LOCALITY_PLAN, figures->plan);
  tj_report_set_money (report, row, LOCALITY_CUMULATIVE, figures->cumulative);
  if (figures->has_rate)
    {
      tj_report_set_percent (report, row, LOCALITY_RATE, figures->rate);
      tj_report_set_points (report, row, LOCALITY_GAP, figures->gap);
    }
  tj_report_set_integer (report, row, LOCALITY_STARTS_DUE, figures->starts_due);
  tj_report_set_integer (report, row, LOCALITY_STARTED, figures->started);
  if (figures->starts_due > 0)
    tj_report_set_percent (report, row, LOCALITY_START_RATE, figures->start_rate);
}

static TjReport *
locality_sheet (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cumulative = cumulative_header (self);
  g_autofree char *schedule = rate_text (self->month, 12);
  g_autofree char *note = NULL;
  TjReport *report;

  /* Translators: the title of the sheet by locality: "登封市重点项目分乡镇（街道、区）完成情况" */
  title = g_strdup_printf (_("%s Key Projects by Locality"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "By locality"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Locality"), TJ_REPORT_TEXT, 16);
  tj_report_add_column (report, C_("bulletin column", "Projects"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Against schedule (points)"),
                        TJ_REPORT_POINTS, 0);
  tj_report_add_column (report, C_("bulletin column", "Due to start"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Started"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, C_("bulletin column", "Start rate"), TJ_REPORT_PERCENT, 0);
  report->frozen_columns = LOCALITY_NAME + 1;

  for (guint i = 0; i < self->localities->len; i++)
    {
      const TjBulletinFigures *locality = &g_array_index (self->localities, TjBulletinFigures, i);

      add_locality_row (report, TJ_REPORT_ROW_BODY, i + 1, locality->name, locality);
    }
  add_locality_row (report, TJ_REPORT_ROW_TOTAL, 0, NULL, &self->overall);

  /* Translators: "注：按投资完成率由高到低排列；序时进度为83.3%。" */
  note = g_strdup_printf (_("Note: ordered by completion rate, highest first; the time schedule "
                            "is %s%%."),
                          schedule);
  tj_report_add_note (report, note);
  return report;
}

static const char *
as_of_month (TjBulletin *self,
             const char *date)
{
  if (date == NULL || tj_month_index (date) > self->year * 12 + self->month - 1)
    return NULL;
  return date;
}

/* The detail table (附件): every project of the list, then the 合计 row. Dates after month N are
 * not shown: the table is the state at the end of month N, as its lights are. */
TjReport *
tj_bulletin_detail_report (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cumulative = cumulative_header (self);
  g_autofree char *count = NULL;
  TjReport *report;
  guint row;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: the title of the detail sheet: "登封市重点项目建设进展情况明细表" */
  title = g_strdup_printf (_("%s Key Project Progress in Detail"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "Project details"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, tj_project_field_label ("level"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("nature"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("bulletin column", "Industry"), TJ_REPORT_TEXT, 12);
  tj_report_add_column (report, tj_project_field_label ("content"), TJ_REPORT_TEXT, 36);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("unit_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("leader_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("officer_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("total_investment"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "This month"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, tj_project_field_label ("planned_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_project_field_label ("actual_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("bulletin column", "Visual progress"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, C_("bulletin column", "Problems"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, C_("bulletin column", "In statistics"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, C_("bulletin column", "Light"), TJ_REPORT_LIGHT, 0);
  report->frozen_columns = DETAIL_NAME + 1;

  for (guint i = 0; i < self->projects->len; i++)
    {
      const TjBulletinProject *p = &g_array_index (self->projects, TjBulletinProject, i);

      row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      tj_report_set_integer (report, row, DETAIL_NUMBER, i + 1);
      tj_report_set_text (report, row, DETAIL_NAME, p->name);
      tj_report_set_text (report, row, DETAIL_LEVEL, p->level_name);
      tj_report_set_text (report, row, DETAIL_NATURE, tj_nature_label (p->nature));
      tj_report_set_text (report, row, DETAIL_INDUSTRY, p->industry);
      tj_report_set_text (report, row, DETAIL_CONTENT, p->content);
      tj_report_set_text (report, row, DETAIL_LOCALITY, p->locality);
      tj_report_set_text (report, row, DETAIL_UNIT, p->unit);
      tj_report_set_text (report, row, DETAIL_LEADER, p->leader);
      tj_report_set_text (report, row, DETAIL_OFFICER, p->officer);
      tj_report_set_money (report, row, DETAIL_TOTAL, p->total_investment);
      tj_report_set_money (report, row, DETAIL_PLAN, p->plan);
      if (p->reported)
        tj_report_set_money (report, row, DETAIL_MONTH, p->month_completed);
      tj_report_set_money (report, row, DETAIL_CUMULATIVE, p->cumulative);
      if (p->has_rate)
        tj_report_set_percent (report, row, DETAIL_RATE, p->rate);
      tj_report_set_date (report, row, DETAIL_PLANNED_START, p->planned_start);
      tj_report_set_date (report, row, DETAIL_ACTUAL_START, as_of_month (self, p->actual_start));
      tj_report_set_text (report, row, DETAIL_PROGRESS, p->progress);
      tj_report_set_text (report, row, DETAIL_PROBLEMS, p->problems);
      /* Translators: 入库 in the detail table: the project is in the investment statistics */
      tj_report_set_text (report, row, DETAIL_STATISTICS,
                          p->in_statistics ? C_("in statistics", "Yes")
                                           : C_("in statistics", "No"));
      tj_report_set_light (report, row, DETAIL_LIGHT, p->light);
    }

  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, DETAIL_NUMBER, _("Total"));
  count = g_strdup_printf (ngettext ("%u project", "%u projects", self->overall.count),
                           self->overall.count);
  tj_report_set_text (report, row, DETAIL_NAME, count);
  tj_report_set_money (report, row, DETAIL_TOTAL, self->overall.total_investment);
  tj_report_set_money (report, row, DETAIL_PLAN, self->overall.plan);
  tj_report_set_money (report, row, DETAIL_MONTH, self->overall.month_completed);
  tj_report_set_money (report, row, DETAIL_CUMULATIVE, self->overall.cumulative);
  if (self->overall.has_rate)
    tj_report_set_percent (report, row, DETAIL_RATE, self->overall.rate);
  return report;
}

/* Why a project lags: "低于序时进度35.0个百分点；逾期3个月未开工". */
static char *
lagging_reason (TjBulletin              *self,
                const TjBulletinProject *p)
{
  g_autoptr (GString) reason = g_string_new (NULL);

  if (p->investment_light == TJ_LIGHT_YELLOW || p->investment_light == TJ_LIGHT_RED)
    {
      g_autofree char *gap = gap_phrase (p->cumulative, p->plan, self->month);

      g_string_append (reason, gap);
    }
  if (p->start_light != TJ_LIGHT_NONE)
    {
      if (reason->len > 0)
        g_string_append (reason, C_("bulletin", "; "));
      if (p->months_late == 0)
        g_string_append (reason, _("due to start this month, not started"));
      else
        /* Translators: "逾期3个月未开工" */
        g_string_append_printf (reason,
                                ngettext ("not started, %d month late",
                                          "not started, %d months late", p->months_late),
                                p->months_late);
    }
  return g_string_free (g_steal_pointer (&reason), FALSE);
}

static TjReport *
lagging_sheet (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *cumulative = cumulative_header (self);
  g_autofree char *note = lights_note (self);
  TjReport *report;

  /* Translators: the title of the lagging projects' sheet: "登封市进度滞后重点项目名单" */
  title = g_strdup_printf (_("%s Lagging Key Projects"), self->organisation);
  report = new_sheet (self, C_("bulletin sheet", "Lagging projects"), title);
  tj_report_add_column (report, _("No."), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, tj_project_field_label ("name"), TJ_REPORT_TEXT, 28);
  tj_report_add_column (report, C_("bulletin column", "Light"), TJ_REPORT_LIGHT, 0);
  tj_report_add_column (report, tj_project_field_label ("locality_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("unit_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("leader_id"), TJ_REPORT_TEXT, 0);
  tj_report_add_column (report, tj_project_field_label ("annual_plan"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, cumulative, TJ_REPORT_WAN, 0);
  tj_report_add_column (report, C_("bulletin column", "Completion rate"), TJ_REPORT_PERCENT, 0);
  tj_report_add_column (report, C_("bulletin column", "Against schedule (points)"),
                        TJ_REPORT_POINTS, 0);
  tj_report_add_column (report, tj_project_field_label ("planned_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, tj_project_field_label ("actual_start"), TJ_REPORT_DATE, 0);
  tj_report_add_column (report, C_("bulletin column", "Why lagging"), TJ_REPORT_TEXT, 36);
  report->frozen_columns = LAGGING_NAME + 1;

  for (guint i = 0; i < self->lagging->len; i++)
    {
      const TjBulletinProject *p = g_ptr_array_index (self->lagging, i);
      g_autofree char *reason = lagging_reason (self, p);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, LAGGING_NUMBER, i + 1);
      tj_report_set_text (report, row, LAGGING_NAME, p->name);
      tj_report_set_light (report, row, LAGGING_LIGHT, p->light);
      tj_report_set_text (report, row, LAGGING_LOCALITY, p->locality);
      tj_report_set_text (report, row, LAGGING_UNIT, p->unit);
      tj_report_set_text (report, row, LAGGING_LEADER, p->leader);
      tj_report_set_money (report, row, LAGGING_PLAN, p->plan);
      tj_report_set_money (report, row, LAGGING_CUMULATIVE, p->cumulative);
      if (p->has_rate)
        {
          tj_report_set_percent (report, row, LAGGING_RATE, p->rate);
          tj_report_set_points (report, row, LAGGING_GAP, p->gap);
        }
      tj_report_set_date (report, row, LAGGING_PLANNED_START, p->planned_start);
      tj_report_set_date (report, row, LAGGING_ACTUAL_START, as_of_month (self, p->actual_start));
      tj_report_set_text (report, row, LAGGING_REASON, reason);
    }
  tj_report_add_note (report, note);
  return report;
}

/* The bulletin as a workbook: 总体情况, 分乡镇, 项目明细, 滞后项目. */
TjReportBook *
tj_bulletin_book (TjBulletin *self)
{
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  TjReportBook *book;
  TjReport *details;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: the bulletin's title: "登封市重点项目建设进展情况通报" */
  title = g_strdup_printf (_("%s Key Project Construction Progress Bulletin"), self->organisation);
  book = tj_report_book_new (self->organisation);
  tj_report_book_add (book, overview_sheet (self, title));
  tj_report_book_add (book, locality_sheet (self));
  details = tj_bulletin_detail_report (self);
  note = lights_note (self);
  tj_report_add_note (details, note);
  tj_report_book_add (book, details);
  tj_report_book_add (book, lagging_sheet (self));
  return book;
}

/* The detail table as CSV: its header and one line per project, the figures as the table shows
 * them without thousands separators. */
static gboolean
write_csv (TjBulletin *self,
           const char *path,
           GError    **error)
{
  g_autoptr (TjReport) report = tj_bulletin_detail_report (self);
  g_autoptr (TjCsvWriter) writer = tj_csv_writer_new ();
  guint n_columns = tj_report_get_n_columns (report);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_full (n_columns, g_free);
  g_autofree gboolean *figures = g_new0 (gboolean, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (tj_report_get_column (report, c)->header));
  tj_csv_writer_add_row (writer, (const char *const *) cells->pdata, n_columns);

  for (guint r = 0; r < tj_report_get_n_rows (report); r++)
    {
      if (tj_report_get_row_kind (report, r) != TJ_REPORT_ROW_BODY)
        continue;
      g_ptr_array_set_size (cells, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          const TjReportCell *cell = tj_report_get_cell (report, r, c);

          g_ptr_array_add (cells, cell->type == TJ_REPORT_WAN
                                    ? tj_money_format_wan (cell->value.yuan, 2, FALSE)
                                    : tj_report_cell_text (cell));
          /* A negative month stays a number; a text is escaped (tj_csv_escape_cell). */
          figures[c] = cell->type != TJ_REPORT_TEXT && cell->type != TJ_REPORT_DATE &&
                       cell->type != TJ_REPORT_LIGHT && cell->type != TJ_REPORT_EMPTY;
        }
      tj_csv_writer_add_row_full (writer, (const char *const *) cells->pdata, n_columns,
                                  figures);
    }
  return tj_csv_writer_save (writer, path, error);
}

/* Writes the bulletin of month N of year Y by the file's extension: .xlsx (the workbook), .pdf
 * (the same sheets as printed pages) or .csv (the detail table). */
gboolean
tj_bulletin_write (TjDb       *db,
                   int         year,
                   int         month,
                   const char *path,
                   GError    **error)
{
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".xlsx") && !g_str_has_suffix (lower, ".pdf") &&
      !g_str_has_suffix (lower, ".csv"))
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s”: the bulletin is written as .xlsx, .pdf or .csv."), path);
      return FALSE;
    }
  bulletin = tj_bulletin_build (db, year, month, error);
  if (bulletin == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, ".csv"))
    return write_csv (bulletin, path, error);
  else
    {
      g_autoptr (TjReportBook) book = tj_bulletin_book (bulletin);

      return tj_report_book_write (book, path, error);
    }
}
