/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 责任追究清单: what a period's overdue matters, late rectifications, false or concealed reports
 * and repeated red lights call to account (issue 8; policy 十, 十一). Each cause is judged by the
 * rule of its own capability: the deadline in force and the status of a matter (tj-matter), the
 * overdue rectification and the final verdict (tj-inspection), the light of a month (the
 * bulletin, tj-bulletin). This file only selects and lays out. */
#define G_LOG_DOMAIN "tj-accountability"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-accountability.h"
#include "tj-bulletin.h"
#include "tj-date.h"
#include "tj-delegation.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-money.h"
#include "tj-settings.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_CAUSE,
  COLUMN_PROJECT,
  COLUMN_LOCALITY,
  COLUMN_UNIT,
  COLUMN_LEADER,
  COLUMN_OFFICER,
  COLUMN_DATE,
  COLUMN_FACTS,
  N_COLUMNS
} Column;

/* One cause: its facts owned, its names and date interned in the list's strings (a name is
 * kept once, however many causes name it; equal names are the same pointer). */
typedef struct
{
  const char *cause;    /* translated, static */
  const char *project;  /* the project, or the unit of a matter without one */
  const char *locality;
  const char *unit;
  const char *leader;
  const char *officer;
  const char *date;     /* YYYY-MM-DD, or YYYY-MM for a red month */
  char *facts;
  /* the order: keys owned by the table of keys (collate_key) */
  const char *locality_key;
  const char *project_key;
} Cause;

static void
cause_free (Cause *self)
{
  g_free (self->facts);
  g_free (self);
}

/* A project's names, read once for the causes that name it. */
typedef struct
{
  char *name;
  char *locality;
  char *unit;
  char *leader;
  char *officer;
} ProjectInfo;

static void
project_info_free (ProjectInfo *self)
{
  g_free (self->name);
  g_free (self->locality);
  g_free (self->unit);
  g_free (self->leader);
  g_free (self->officer);
  g_free (self);
}

static GHashTable *
load_projects (TjDb       *db,
               const char *as_of,
               GError    **error)
{
  g_autoptr (GHashTable) acting = tj_delegation_leader_names (db, as_of, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) projects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) project_info_free);
  int rc;

  if (acting == NULL)
    return NULL;
  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, l.name, u.name, ld.name, o.name, p.leader_id "
                        "FROM projects p "
                        "LEFT JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN units u ON u.id = p.unit_id "
                        "LEFT JOIN people ld ON ld.id = p.leader_id "
                        "LEFT JOIN people o ON o.id = p.officer_id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ProjectInfo *info = g_new0 (ProjectInfo, 1);
      const char *label = g_hash_table_lookup (acting,
                                               &(gint64){ sqlite3_column_int64 (stmt, 6) });

      info->name = tj_db_column_dup (stmt, 1);
      info->locality = tj_db_column_dup (stmt, 2);
      info->unit = tj_db_column_dup (stmt, 3);
      info->leader = label != NULL ? g_strdup (label) : tj_db_column_dup (stmt, 4);
      info->officer = tj_db_column_dup (stmt, 5);
      g_hash_table_insert (projects, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) },
                                                sizeof (gint64)),
                           info);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&projects);
}

/* A cause of a project (NULL info: none), its own responsible unit and leader when it has
 * them, else the project's. */
static const char *
intern (GStringChunk *strings,
        const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (strings, text) : NULL;
}

static Cause *
cause_new (GStringChunk      *strings,
           const char        *label,
           const ProjectInfo *info,
           const char        *unit,
           const char        *leader,
           const char        *date)
{
  Cause *self = g_new0 (Cause, 1);

  self->cause = label;
  self->project = intern (strings, info != NULL ? info->name : unit);
  self->locality = intern (strings, info != NULL ? info->locality : NULL);
  self->unit = intern (strings, unit != NULL ? unit : info != NULL ? info->unit : NULL);
  self->leader = intern (strings, leader != NULL ? leader : info != NULL ? info->leader : NULL);
  self->officer = intern (strings, info != NULL ? info->officer : NULL);
  self->date = intern (strings, date);
  return self;
}

static char *
wan (gint64 yuan)
{
  g_autofree char *number = tj_money_format_wan (yuan, 2, TRUE);

  /* Translators: an amount in the facts of the accountability list: "120.00 万元" */
  return g_strdup_printf (C_ ("amount", "%s 10k yuan"), number);
}

/* The years (of a query's single integer column) to list. */
static GArray *
years_of (TjDb       *db,
          const char *sql,
          const char *from,
          const char *to,
          GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&years);
}

static gboolean
in_period (const char *date,
           const char *from,
           const char *to)
{
  return date != NULL && strcmp (date, from) >= 0 && strcmp (date, to) <= 0;
}

typedef struct
{
  GHashTable *projects;
  const char *from;
  const char *to;
  const char *as_of;
  GPtrArray *causes;
  GStringChunk *strings;
  /* the labels and the facts' formats translated once, not a time a row */
  const char *late_label;
  const char *late_facts;
  const char *overdue_label;
  const char *overdue_facts;
} MatterScan;

static gboolean
add_matter (const TjMatterRow *m,
            gpointer           data,
            GError           **error)
{
  MatterScan *scan = data;
  TjMatterStatus status;
  const char *label;
  ProjectInfo *info;
  Cause *cause;

  if (!in_period (m->deadline_in_force, scan->from, scan->to))
    return TRUE;
  status = tj_matter_status_at (m->finished, m->deadline_in_force, scan->as_of);
  if (status == TJ_MATTER_DONE_LATE)
    label = scan->late_label;
  else if (status == TJ_MATTER_OVERDUE)
    label = scan->overdue_label;
  else
    return TRUE;
  info = m->project_id != 0 ? g_hash_table_lookup (scan->projects, &m->project_id) : NULL;
  cause = cause_new (scan->strings, label, info, m->unit_name, m->leader_name,
                     m->deadline_in_force);
  if (status == TJ_MATTER_DONE_LATE)
    cause->facts = g_strdup_printf (scan->late_facts, m->content, m->meeting_date,
                                    m->meeting_name, m->deadline_in_force, m->finished);
  else
    cause->facts = g_strdup_printf (scan->overdue_facts, m->content, m->meeting_date,
                                    m->meeting_name, m->deadline_in_force);
  g_ptr_array_add (scan->causes, cause);
  return TRUE;
}

/* (a) Matters whose deadline in force falls in the period, not finished on or before it: each
 * judged as it is read (tj_matter_foreach). */
static gboolean
add_matters (TjDb         *db,
             GHashTable   *projects,
             const char   *from,
             const char   *to,
             const char   *as_of,
             GPtrArray    *causes,
             GStringChunk *strings,
             GError      **error)
{
  g_autoptr (GArray) years = NULL;
  MatterScan scan = {
    projects, from, to, as_of, causes, strings,
    _("Matter finished late"),
    /* Translators: the facts of a matter finished late: "事项：完成征地；会议：
     * 2026-03-05 月例会；办结期限：2026-04-30；办结日期：2026-05-06。" */
    _("Matter: %1$s; meeting: %2$s %3$s; deadline in force: %4$s; finished on: %5$s."),
    _("Matter overdue, not finished"),
    /* Translators: the facts of a matter not finished: "事项：完成征地；会议：
     * 2026-03-05 月例会；办结期限：2026-04-30；未办结。" */
    _("Matter: %1$s; meeting: %2$s %3$s; deadline in force: %4$s; not finished."),
  };

  /* a matter is assigned at its meeting, on or before its deadline */
  years = years_of (db,
                    "SELECT DISTINCT CAST (substr (date, 1, 4) AS INTEGER) FROM meetings "
                    "WHERE ?1 IS NOT NULL AND date <= ?2 ORDER BY 1",
                    from, to, error);
  if (years == NULL)
    return FALSE;
  for (guint y = 0; y < years->len; y++)
    if (!tj_matter_foreach (db, g_array_index (years, int, y), NULL, FALSE, add_matter, &scan,
                            error))
      return FALSE;
  return TRUE;
}

/* (b) Rectifications whose deadline falls in the period, not closed on or before it. */
static gboolean
add_rectifications (TjDb         *db,
                    GHashTable   *projects,
                    const char   *from,
                    const char   *to,
                    const char   *as_of,
                    GPtrArray    *causes,
                    GStringChunk *strings,
                    GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT i.project_id, i.date, f.description, c.requirement, c.person, "
                        "c.deadline, c.closed, coalesce (cu.name, fu.name) "
                        "FROM rectifications c JOIN inspection_findings f ON f.id = c.finding_id "
                        "JOIN inspections i ON i.id = f.inspection_id "
                        "LEFT JOIN units cu ON cu.id = c.unit_id "
                        "LEFT JOIN units fu ON fu.id = f.unit_id "
                        "WHERE c.deadline >= ?1 AND c.deadline <= ?2 "
                        "AND (c.closed IS NULL OR c.closed > c.deadline) ORDER BY c.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 project_id = sqlite3_column_int64 (stmt, 0);
      TjRectification r = {
        .deadline = (char *) sqlite3_column_text (stmt, 5),
        .closed = (char *) sqlite3_column_text (stmt, 6),
      };
      g_autofree char *person = NULL;
      gboolean late;
      Cause *cause;

      /* closed after the deadline, or still open (closed after as_of counts as open) when as_of
       * is past it */
      late = r.closed != NULL && strcmp (r.closed, as_of) <= 0;
      if (!late)
        r.closed = NULL;
      if (!late && !tj_rectification_is_overdue (&r, as_of))
        continue;
      cause = cause_new (strings, late ? _("Rectification closed late")
                              : _("Rectification overdue, not closed"), g_hash_table_lookup (projects, &project_id),
                         (const char *) sqlite3_column_text (stmt, 7), NULL, r.deadline);
      person = sqlite3_column_type (stmt, 4) != SQLITE_NULL
                 ? g_strdup ((const char *) sqlite3_column_text (stmt, 4))
                 : g_strdup ("—");
      if (late)
        /* Translators: "巡查 2026-03-10 发现：未按图施工；整改要求：返工；责任人：张三；整改期限：
         * 2026-04-30；销号日期：2026-05-08。" */
        cause->facts = g_strdup_printf (_("Inspection of %1$s found: %2$s; requirement: %3$s; "
                                          "responsible person: %4$s; deadline: %5$s; closed "
                                          "on: %6$s."),
                                        sqlite3_column_text (stmt, 1),
                                        sqlite3_column_text (stmt, 2),
                                        sqlite3_column_text (stmt, 3), person, r.deadline,
                                        sqlite3_column_text (stmt, 6));
      else
        /* Translators: "巡查 2026-03-10 发现：未按图施工；整改要求：返工；责任人：张三；整改期限：
         * 2026-04-30；未销号。" */
        cause->facts = g_strdup_printf (_("Inspection of %1$s found: %2$s; requirement: %3$s; "
                                          "responsible person: %4$s; deadline: %5$s; not "
                                          "closed."),
                                        sqlite3_column_text (stmt, 1),
                                        sqlite3_column_text (stmt, 2),
                                        sqlite3_column_text (stmt, 3), person, r.deadline);
      g_ptr_array_add (causes, cause);
    }
  return tj_db_rows_done (db, rc, error);
}

/* (c) Inspections dated in the period whose final verdict is 虚报 or 瞒报. */
static gboolean
add_inspections (TjDb         *db,
                 GHashTable   *projects,
                 const char   *from,
                 const char   *to,
                 GPtrArray    *causes,
                 GStringChunk *strings,
                 GError      **error)
{
  g_autoptr (GArray) years = NULL;

  /* a year is there at its first inspection in the period, not a look-up of the project of
   * every inspection */
  years = years_of (db,
                    "SELECT y.year FROM (SELECT DISTINCT year FROM projects) y WHERE EXISTS "
                    "(SELECT 1 FROM inspections i JOIN projects p ON p.id = i.project_id "
                    "WHERE p.year = y.year AND i.date >= ?1 AND i.date <= ?2) ORDER BY 1",
                    from, to, error);
  if (years == NULL)
    return FALSE;
  for (guint y = 0; y < years->len; y++)
    {
      g_autoptr (GPtrArray) inspections = NULL;

      inspections = tj_inspection_list (db, g_array_index (years, int, y), error);
      if (inspections == NULL)
        return FALSE;
      for (guint i = 0; i < inspections->len; i++)
        {
          TjInspection *insp = g_ptr_array_index (inspections, i);
          g_autofree char *reported = NULL;
          g_autofree char *verified = NULL;
          g_autofree char *difference = NULL;
          g_autofree char *rate = NULL;
          const char *label;
          Cause *cause;

          if (!in_period (insp->date, from, to) || insp->final_verdict == TJ_VERDICT_TRUE)
            continue;
          label = insp->final_verdict == TJ_VERDICT_FALSE
                    ? _("False reporting found on inspection")
                    : _("Concealed reporting found on inspection");
          cause = cause_new (strings, label, g_hash_table_lookup (projects, &insp->project_id),
                             NULL, NULL, insp->date);
          reported = wan (insp->reported);
          verified = wan (insp->verified);
          difference = wan (insp->difference);
          rate = insp->has_rate ? tj_report_format_percent (insp->rate) : g_strdup ("—");
          /* Translators: "巡查：2026-04-10，纪委监委；上报累计：120.00 万元；核实累计：100.00 万元；
           * 差额：20.00 万元；差异率：20.0%；结论：虚报。" */
          cause->facts = g_strdup_printf (_("Inspection: %1$s, %2$s; reported cumulative: %3$s; "
                                            "verified cumulative: %4$s; difference: %5$s; "
                                            "rate: %6$s; verdict: %7$s."),
                                          insp->date, insp->organiser_name, reported, verified,
                                          difference, rate,
                                          tj_verdict_label (insp->final_verdict));
          g_ptr_array_add (causes, cause);
        }
    }
  return TRUE;
}

void
tj_red_run_free (TjRedRun *self)
{
  g_array_unref (self->months);
  g_free (self->name);
  g_free (self->locality);
  g_free (self->unit);
  g_free (self->leader);
  g_free (self->officer);
  g_free (self);
}

/* "2026年3月、4月", the year named again where it changes. */
char *
tj_red_run_months_text (GArray *months)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    {
      int index = g_array_index (months, int, i);

      if (i > 0)
        /* Translators: between the months of a red run: "3月、4月" */
        g_string_append (text, C_ ("months", ", "));
      if (i == 0 || index % 12 == 0)
        /* Translators: a month with its year: "2026年3月" */
        g_string_append_printf (text, _("%1$d-%2$d"), index / 12, index % 12 + 1);
      else
        /* Translators: a month of the same year: "4月" */
        g_string_append_printf (text, C_ ("month", "%d"), index % 12 + 1);
    }
  return g_string_free (text, FALSE);
}

static void
add_red_run_cause (TjRedRun     *run,
                   GPtrArray    *causes,
                   GStringChunk *strings)
{
  g_autofree char *months = NULL;
  g_autofree char *last = NULL;
  ProjectInfo info = { run->name, run->locality, run->unit, run->leader, run->officer };
  int index;
  Cause *cause;

  index = g_array_index (run->months, int, run->months->len - 1);
  last = g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
  cause = cause_new (strings, _("Red light two months running"), &info, NULL, NULL, last);
  months = tj_red_run_months_text (run->months);
  /* Translators: "2026年3月、4月月通报连续红灯（共 2 个月）。" */
  cause->facts = g_strdup_printf (g_dngettext (NULL, "Red in the bulletins of %1$s (%2$u month "
                                               "running).",
                                               "Red in the bulletins of %1$s (%2$u months "
                                               "running).",
                                               run->months->len),
                                  months, run->months->len);
  g_ptr_array_add (causes, cause);
}

/* A run ended: kept when it has min_months months, the last of them first or later. */
static void
end_run (TjRedRun  *run,
         int        first,
         guint      min_months,
         GPtrArray *runs)
{
  if (run->months->len >= min_months &&
      g_array_index (run->months, int, run->months->len - 1) >= first)
    g_ptr_array_add (runs, run);
  else
    tj_red_run_free (run);
}

/* The projects of year's list carried over from a project of the year before: id → from. */
static GHashTable *
load_carried (TjDb    *db,
              int      year,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) carried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  int rc;

  stmt = tj_db_prepare (db,
                        /* one pass over the table (+year), not a look-up of every row of the
                         * year's by the index on (year, name): 7 times faster */
                        "SELECT id, carried_from FROM projects "
                        "WHERE +year = ? AND carried_from IS NOT NULL",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (carried,
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&carried);
}

GPtrArray *
tj_red_runs (TjDb    *db,
             int      first,
             int      last,
             guint    min_months,
             GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_red_run_free);
  g_autoptr (GHashTable) runs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) tj_red_run_free);
  /* One bulletin a year, of the last month the period needs: its list, and the lights of its
   * months 1..N by its own rule (tj_bulletin_month_lights), not a bulletin a month. */
  g_autoptr (TjBulletin) bulletin = NULL;
  g_autofree TjLight *lights = NULL;
  int start = first - (int) min_months + 1;
  GHashTableIter iter;
  TjRedRun *run;

  for (int index = start; index <= last; index++)
    {
      int year = index / 12, month = index % 12 + 1;
      g_autoptr (GHashTable) carried = NULL;
      g_autoptr (GHashTable) next = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) tj_red_run_free);

      if (index == start || month == 1)
        {
          g_clear_pointer (&bulletin, tj_bulletin_free);
          g_clear_pointer (&lights, g_free);
          if (tj_year_check (year, NULL))
            {
              bulletin = tj_bulletin_build_lights (db, year, MIN (12, last - year * 12 + 1),
                                                  error);
              if (bulletin == NULL)
                return NULL;
              /* a year without a list (the one before the first, often) has no lights: not a
               * pass over every year's reports for them */
              if (bulletin->projects->len > 0 &&
                  (lights = tj_bulletin_month_lights (bulletin, db, error)) == NULL)
                return NULL;
              if (month == 1 && (carried = load_carried (db, year, error)) == NULL)
                return NULL;
            }
        }
      for (guint i = 0; bulletin != NULL && i < bulletin->projects->len; i++)
        {
          TjBulletinProject *p = &g_array_index (bulletin->projects, TjBulletinProject, i);
          gint64 *before = carried != NULL ? g_hash_table_lookup (carried, &p->id) : NULL;
          gpointer key;

          if (lights[(gsize) i * bulletin->month + month - 1] != TJ_LIGHT_RED)
            continue;
          if (!g_hash_table_steal_extended (runs, &p->id, &key, (gpointer *) &run) &&
              (before == NULL ||
               !g_hash_table_steal_extended (runs, before, &key, (gpointer *) &run)))
            {
              run = g_new0 (TjRedRun, 1);
              run->months = g_array_new (FALSE, FALSE, sizeof (int));
            }
          g_array_append_val (run->months, index);
          /* the names of the run's last project: a project's are the same all year, so copied
           * when the run begins or crosses into the project carried over */
          if (run->project_id != p->id)
            {
              g_free (run->name);
              g_free (run->locality);
              g_free (run->unit);
              g_free (run->leader);
              g_free (run->officer);
              run->project_id = p->id;
              run->name = g_strdup (p->name);
              run->locality = g_strdup (p->locality);
              run->unit = g_strdup (p->unit);
              run->leader = g_strdup (p->leader);
              run->officer = g_strdup (p->officer);
            }
          g_hash_table_insert (next, &run->project_id, run);
        }
      /* the runs not continued this month have ended */
      g_hash_table_iter_init (&iter, runs);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
        {
          g_hash_table_iter_steal (&iter);
          end_run (run, first, min_months, found);
        }
      g_hash_table_iter_init (&iter, next);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (runs, &run->project_id, run);
        }
    }
  g_hash_table_iter_init (&iter, runs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
    {
      g_hash_table_iter_steal (&iter);
      end_run (run, first, min_months, found);
    }
  return g_steal_pointer (&found);
}

/* (d) Red in two consecutive monthly bulletins, the second month in the period (its last day
 * is) and over by as_of: the bulletins of the month before the period's first up to its last. */
static gboolean
add_red_runs (TjDb         *db,
              const char   *from,
              const char   *to,
              const char   *as_of,
              GPtrArray    *causes,
              GStringChunk *strings,
              GError      **error)
{
  int first = tj_month_index (from);
  int to_month = tj_month_index (to);
  g_autoptr (GPtrArray) runs = NULL;

  /* a month is in the period when its last day is */
  if (atoi (to + 8) < g_date_get_days_in_month (to_month % 12 + 1, to_month / 12))
    to_month--;
  runs = tj_red_runs (db, first, MIN (to_month, tj_month_index (as_of) - 1), 2, error);
  if (runs == NULL)
    return FALSE;
  for (guint i = 0; i < runs->len; i++)
    add_red_run_cause (g_ptr_array_index (runs, i), causes, strings);
  return TRUE;
}

/* The collation key of name, made once and kept in keys (name → key, borrowed by the causes,
 * whose names outlive the table). */
static const char *
collate_key (GHashTable *keys,
             const char *name)
{
  char *key = g_hash_table_lookup (keys, name);

  if (key == NULL)
    {
      key = g_utf8_collate_key (name, -1);
      g_hash_table_insert (keys, (gpointer) name, key);
    }
  return key;
}

/* By locality (none last), project, then date: names by the locale's collation. */
static int
compare_causes (gconstpointer a,
                gconstpointer b)
{
  const Cause *x = *(const Cause **) a;
  const Cause *y = *(const Cause **) b;
  int c;

  if ((x->locality_key == NULL) != (y->locality_key == NULL))
    return x->locality_key == NULL ? 1 : -1;
  if (x->locality_key != NULL && (c = strcmp (x->locality_key, y->locality_key)) != 0)
    return c;
  if ((c = g_strcmp0 (x->project_key, y->project_key)) != 0)
    return c;
  if ((c = g_strcmp0 (x->date, y->date)) != 0)
    return c;
  return g_strcmp0 (x->cause, y->cause);
}

static void
add_columns (TjReport *report)
{
  static const struct
  {
    const char *header;
    TjReportType type;
    guint max_width;
  } columns[N_COLUMNS] = {
    [COLUMN_NUMBER] = { NC_ ("accountability column", "No."), TJ_REPORT_INTEGER, 0 },
    [COLUMN_CAUSE] = { NC_ ("accountability column", "Cause"), TJ_REPORT_TEXT, 18 },
    [COLUMN_PROJECT] = { NC_ ("accountability column", "Project (or unit)"), TJ_REPORT_TEXT, 30 },
    [COLUMN_LOCALITY] = { NC_ ("accountability column", "Locality"), TJ_REPORT_TEXT, 0 },
    [COLUMN_UNIT] = { NC_ ("accountability column", "Responsible unit"), TJ_REPORT_TEXT, 20 },
    [COLUMN_LEADER] = { NC_ ("accountability column", "City leader"), TJ_REPORT_TEXT, 0 },
    [COLUMN_OFFICER] = { NC_ ("accountability column", "Service officer"), TJ_REPORT_TEXT, 0 },
    [COLUMN_DATE] = { NC_ ("accountability column", "Date"), TJ_REPORT_DATE, 0 },
    [COLUMN_FACTS] = { NC_ ("accountability column", "Facts"), TJ_REPORT_TEXT, 60 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    tj_report_add_column (report, g_dpgettext2 (NULL, "accountability column",
                                                columns[i].header),
                          columns[i].type, columns[i].max_width);
}

/* sqlite3_exec's callback: the first column of the one row into *data. */
static int
read_int (void  *data,
          int    n_columns,
          char **values,
          char **names)
{
  if (n_columns > 0 && values[0] != NULL)
    *(int *) data = atoi (values[0]);
  return 0;
}

TjReportBook *
tj_accountability_book (TjDb       *db,
                        const char *from,
                        const char *to,
                        const char *as_of,
                        GError    **error)
{
  g_autoptr (GPtrArray) causes = g_ptr_array_new_with_free_func ((GDestroyNotify) cause_free);
  /* the causes' names and dates: the causes only point into it */
  g_autoptr (GStringChunk) strings = g_string_chunk_new (64 * 1024);
  g_autoptr (GHashTable) projects = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  TjReportBook *book;
  TjReport *report;
  int old_cache_size = 0;
  gboolean cache_size;
  gboolean read;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && as_of != NULL, NULL);

  if (strcmp (from, to) > 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The period's start (%s) is after its end (%s)."), from, to);
      return NULL;
    }
  /* The reads go over the whole database (a list of 10,000 projects is some 20 MB): a page
   * cache of 64 MB for their while, not SQLite's 2 MB that reads pages again; restored after. */
  cache_size = sqlite3_exec (tj_db_get_handle (db), "PRAGMA cache_size", read_int,
                             &old_cache_size, NULL) == SQLITE_OK &&
               tj_db_exec (db, "PRAGMA cache_size = -65536", NULL);
  read = (projects = load_projects (db, as_of, error)) != NULL &&
         add_matters (db, projects, from, to, as_of, causes, strings, error) &&
         add_rectifications (db, projects, from, to, as_of, causes, strings, error) &&
         add_inspections (db, projects, from, to, causes, strings, error) &&
         add_red_runs (db, from, to, as_of, causes, strings, error);
  if (cache_size)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %d", old_cache_size);

      tj_db_exec (db, restore, NULL);
    }
  if (!read)
    return NULL;

  /* a name's collation key made once: the causes share a few localities and many projects */
  /* by pointer: the names are interned (strings), an equal name is the same pointer */
  keys = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint i = 0; i < causes->len; i++)
    {
      Cause *cause = g_ptr_array_index (causes, i);

      cause->locality_key = cause->locality != NULL ? collate_key (keys, cause->locality) : NULL;
      cause->project_key = collate_key (keys, cause->project != NULL ? cause->project : "");
    }
  g_ptr_array_sort (causes, compare_causes);

  org = tj_settings_organisation (db);
  /* Translators: "登封市重点项目责任追究清单" */
  title = g_strdup_printf (_("%s Key Projects: Accountability List"), org);
  report = tj_report_new (C_ ("accountability sheet", "Accountability"), title);
  /* Translators: "（2026-04-01 至 2026-04-30，截至 2026-05-20）" */
  subtitle = g_strdup_printf (_("(%1$s to %2$s, as of %3$s)"), from, to, as_of);
  tj_report_set_subtitle (report, subtitle);
  add_columns (report);
  report->frozen_columns = COLUMN_PROJECT + 1;

  for (guint i = 0; i < causes->len; i++)
    {
      Cause *cause = g_ptr_array_index (causes, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, COLUMN_NUMBER, i + 1);
      tj_report_set_text (report, row, COLUMN_CAUSE, cause->cause);
      tj_report_set_text (report, row, COLUMN_PROJECT, cause->project);
      tj_report_set_text (report, row, COLUMN_LOCALITY, cause->locality);
      tj_report_set_text (report, row, COLUMN_UNIT, cause->unit);
      tj_report_set_text (report, row, COLUMN_LEADER, cause->leader);
      tj_report_set_text (report, row, COLUMN_OFFICER, cause->officer);
      tj_report_set_date (report, row, COLUMN_DATE, cause->date);
      tj_report_set_text (report, row, COLUMN_FACTS, cause->facts);
    }

  /* Translators: "合计：共 12 条。" */
  total = g_strdup_printf (g_dngettext (NULL, "Total: %u cause.", "Total: %u causes.",
                                        causes->len),
                           causes->len);
  tj_report_add_note (report, total);
  tj_report_add_note (report,
                      _("Note: 1. A matter is listed when its deadline in force (the last "
                        "approved extension, else its deadline) falls in the period and it was "
                        "not finished on or before it; one still open once the deadline is past. "
                        "2. A rectification likewise by its deadline and its closing "
                        "date. 3. An inspection dated in the period whose final verdict is false "
                        "or concealed reporting. 4. A project red in the monthly bulletins of two "
                        "consecutive months, the second in the period, by the bulletin's own "
                        "lights; a run of red months is one row. Nothing else is listed."));
  tj_report_add_note (report,
                      _("The responsible unit is the matter's or the rectification's own, else "
                        "the project's; the date is the deadline in force, the inspection date "
                        "or the last red month."));

  book = tj_report_book_new (org);
  tj_report_book_add (book, report);
  return book;
}

gboolean
tj_accountability_write (TjDb       *db,
                         const char *from,
                         const char *to,
                         const char *as_of,
                         const char *path,
                         GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_accountability_book (db, from, to, as_of, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
