/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo database: plausible, valid, the same every time, and only into an empty database. */
#include "tj-test.h"

#include <stdlib.h>
#include <string.h>

#include "tj-delegation.h"
#include "tj-demo.h"
#include "tj-element.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-matter.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-ranking.h"
#include "tj-statistics-entry.h"
#include "tj-tour.h"
#include "tj-visit.h"

/* Every project of a year, one line each: what must come out the same from the same seed. */
static char *
digest (TjDb *db,
        int   year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) projects = tj_project_list (db, year, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      g_string_append_printf (text, "%s|%d|%d|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s\n",
                              p->name, p->level, p->nature, p->locality_name, p->total_investment,
                              p->annual_plan, p->planned_start, p->actual_start);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The year's meetings, matters and inspections, one line each. */
static char *
digest_issue8 (TjDb *db,
               int   year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matters = tj_matter_list (db, year, 0, &error);
  g_autoptr (GPtrArray) inspections = tj_inspection_list (db, year, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < matters->len; i++)
    {
      TjMatter *m = g_ptr_array_index (matters, i);

      g_string_append_printf (text, "%s|%s|%s|%s|%s|%s\n", m->meeting_date, m->content,
                              m->unit_name, m->person, m->deadline_in_force, m->finished);
    }
  for (guint i = 0; i < inspections->len; i++)
    {
      TjInspection *in = g_ptr_array_index (inspections, i);

      g_string_append_printf (text, "%s|%s|%s|%" G_GINT64_FORMAT "|%d\n", in->date,
                              in->project_name, in->inspectors, in->verified, in->final_verdict);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The delegations, the tours with their scores, and the entry dates, one line each. */
static char *
digest_mechanism (TjDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) delegations = tj_delegation_list (db, 0, &error);
  g_autoptr (GPtrArray) tours = tj_tour_list (db, &error);
  g_autoptr (GPtrArray) projects = tj_project_list (db, 2026, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < delegations->len; i++)
    {
      TjDelegation *d = g_ptr_array_index (delegations, i);

      g_string_append_printf (text, "%s|%s|%s|%s\n", d->leader, d->acting, d->date_from,
                              d->date_to);
    }
  for (guint i = 0; i < tours->len; i++)
    {
      TjTour *tour = g_ptr_array_index (tours, i);

      g_string_append_printf (text, "%s|%s", tour->date, tour->name);
      for (guint k = 0; k < tour->scores->len; k++)
        g_string_append_printf (text, "|%" G_GINT64_FORMAT, g_array_index (tour->scores, gint64, k));
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      g_string_append_printf (text, "%s|%s\n", p->name, p->stats_date != NULL ? p->stats_date : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* as_of: the last day the year's data has seen (the current year is shown as at October). */
static void
check_year (TjDb       *db,
            int         year,
            const char *as_of)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) projects = tj_project_list (db, year, &error);
  g_auto (GStrv) industries = tj_industries_load (db, NULL);
  guint by_level[TJ_LEVEL_N] = { 0 };
  guint started = 0, entered = 0;

  g_assert_no_error (error);
  g_assert_nonnull (industries);
  g_assert_cmpuint (projects->len, >=, 100);
  g_assert_cmpuint (projects->len, <=, 200);
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);
      g_autoptr (GPtrArray) problems = tj_project_validate (p, db);

      if (problems->len > 0)
        g_error ("%s: %s", p->name, ((TjProblem *) g_ptr_array_index (problems, 0))->message);
      by_level[p->level]++;
      /* 推进机制 (一) */
      if (p->level == TJ_LEVEL_PROVINCIAL || p->level == TJ_LEVEL_PREFECTURAL)
        g_assert_nonnull (p->leader_name);
      g_assert_nonnull (p->officer_name);
      g_assert_true (g_strv_contains ((const char *const *) industries, p->industry));
      g_assert_cmpint (p->annual_plan, >, 0);
      g_assert_cmpint (p->annual_plan, <=, p->total_investment);
      /* Figures in whole 万元, or down to the hundred yuan. */
      g_assert_cmpint (p->total_investment % 100, ==, 0);
      g_assert_nonnull (p->planned_start);
      g_assert_nonnull (p->owner);
      g_assert_true (tj_phone_is_valid (p->phone) && p->phone != NULL);
      if (p->actual_start != NULL)
        {
          started++;
          g_assert_cmpstr (p->actual_start, <=, as_of);
          if (p->nature == TJ_NATURE_NEW)
            g_assert_cmpint (atoi (p->actual_start), ==, year);
        }
      if (p->actual_completion != NULL)
        {
          g_assert_cmpstr (p->actual_completion, <=, as_of);
          g_assert_cmpstr (p->actual_completion, >, p->actual_start);
        }
      if (p->stats_date != NULL)
        {
          entered++;
          g_assert_nonnull (p->actual_start);
          g_assert_cmpstr (p->stats_date, >, p->actual_start);
          g_assert_cmpstr (p->stats_date, <=, as_of);
        }
      if (p->nature == TJ_NATURE_PREPARATORY)
        g_assert_null (p->actual_start);
    }
  /* Few provincial projects, more prefectural, most of the city's own. */
  g_assert_cmpuint (by_level[TJ_LEVEL_PROVINCIAL], >, 0);
  g_assert_cmpuint (by_level[TJ_LEVEL_PROVINCIAL], <, by_level[TJ_LEVEL_PREFECTURAL]);
  g_assert_cmpuint (by_level[TJ_LEVEL_PREFECTURAL], <, by_level[TJ_LEVEL_CITY]);
  g_assert_cmpuint (started, >, projects->len / 2);
  g_assert_cmpuint (entered, >, 0);
  g_assert_cmpuint (entered, <, started);
}

static void
test_fill (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  g_assert_false (tj_db_is_empty (db));
  check_year (db, 2026, "2026-10-31");
  check_year (db, 2025, "2025-12-31");

  /* Carried over (结转): the same project, linked to last year's record. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects WHERE year = 2026 "
                                       "AND carried_from IS NOT NULL"), >=, 20);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects p JOIN projects f "
                                       "ON f.id = p.carried_from WHERE p.year = 2026 AND "
                                       "(f.year <> 2025 OR f.name <> p.name OR f.total_investment <> "
                                       "p.total_investment)"), ==, 0);
  /* Apart from those, a name belongs to one year. */
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT count(*) FROM projects p JOIN projects q ON q.name = "
                                   "p.name AND q.year = 2025 WHERE p.year = 2026 AND "
                                   "p.carried_from IS NULL"),
                   ==, 0);

  /* The people who run them: city leaders, a service officer's post in a township, staff. */
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE is_leader"), >=, 5);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE is_officer AND unit_id "
                                       "IS NOT NULL AND post IS NOT NULL"), >=, 17);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE post IN ('镇党委副书记', "
                                       "'副镇长')"), >, 0);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people WHERE is_staff"), >, 0);
  g_assert_cmpint (tj_test_scalar (db,
                                   "SELECT count(*) FROM people p JOIN projects j ON j.officer_id "
                                   "= p.id WHERE p.unit_id <> j.locality_id"),
                   ==, 0);
  tj_test_rmdir (dir);
}

/* 督办 and 巡查 as the current year stands on its as-of day: meetings of each kind with their
 * matters in every status, inspections finding 属实, 虚报 and 瞒报, rectifications closed and
 * one overdue. */
static void
test_meetings_and_inspections (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GPtrArray) matters = NULL;
  g_autoptr (GPtrArray) inspections = NULL;
  const char *as_of = "2026-10-31";
  const char *const organisers[] = { "纪委监委", "督查考核办", "发改委", NULL };
  guint by_kind[3] = { 0 }, by_status[4] = { 0 }, by_verdict[3] = { 0 };
  guint extended = 0, reported = 0, unannounced = 0, own = 0, closed = 0, overdue = 0;
  guint previous_meetings;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);
  meetings = tj_meeting_list (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >=, 5);
  g_assert_cmpuint (meetings->len, <=, 6);
  for (guint i = 0; i < meetings->len; i++)
    {
      TjMeeting *m = g_ptr_array_index (meetings, i);

      by_kind[m->kind]++;
      g_assert_cmpuint (m->n_matters, >=, 3);
      g_assert_cmpuint (m->n_matters, <=, 8);
      g_assert_cmpstr (m->date, <=, as_of);
      g_assert_nonnull (m->chair);
      if (m->kind == TJ_MEETING_MONTHLY)
        g_assert_cmpint (atoi (m->date + 8), >=, 8);
    }
  g_assert_cmpuint (by_kind[TJ_MEETING_MONTHLY], >=, 3);
  g_assert_cmpuint (by_kind[TJ_MEETING_MONTHLY], <=, 4);
  g_assert_cmpuint (by_kind[TJ_MEETING_COORDINATION], ==, 1);
  g_assert_cmpuint (by_kind[TJ_MEETING_TOUR], ==, 1);
  /* The year before has none. */
  previous_meetings = tj_test_scalar (db, "SELECT count(*) FROM meetings WHERE date < '2026'");
  g_assert_cmpuint (previous_meetings, ==, 0);

  matters = tj_matter_list (db, 2026, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < matters->len; i++)
    {
      TjMatter *m = g_ptr_array_index (matters, i);
      g_autoptr (GPtrArray) problems = tj_matter_validate (m, db);

      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_nonnull (m->leader_name);
      g_assert_nonnull (m->unit_name);
      g_assert_nonnull (m->person);
      g_assert_cmpstr (m->deadline, >=, m->assigned);
      if (m->finished != NULL)
        {
          g_assert_cmpstr (m->finished, <=, as_of);
          g_assert_nonnull (m->result);
        }
      by_status[tj_matter_get_status (m, as_of)]++;
      extended += m->extensions->len > 0 && strcmp (m->deadline_in_force, m->deadline) > 0;
      reported += m->reports->len > 0;
    }
  g_assert_cmpuint (by_status[TJ_MATTER_DONE_ON_TIME], >, by_status[TJ_MATTER_DONE_LATE]);
  g_assert_cmpuint (by_status[TJ_MATTER_DONE_LATE], >, 0);
  g_assert_cmpuint (by_status[TJ_MATTER_OVERDUE], >, 0);
  g_assert_cmpuint (by_status[TJ_MATTER_IN_PROGRESS], >, 0);
  g_assert_cmpuint (extended, >=, 1);
  g_assert_cmpuint (extended, <=, 2);
  g_assert_cmpuint (reported, >, 0);
  g_assert_cmpuint (reported, <, matters->len);

  inspections = tj_inspection_list (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inspections->len, >=, 15);
  g_assert_cmpuint (inspections->len, <=, 30);
  for (guint i = 0; i < inspections->len; i++)
    {
      TjInspection *listed = g_ptr_array_index (inspections, i);
      g_autoptr (TjInspection) in = tj_inspection_load (db, listed->id, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (in->date, "2026-"));
      g_assert_cmpstr (in->date, <=, as_of);
      g_assert_true (g_strv_contains (organisers, in->organiser_name));
      by_verdict[in->final_verdict]++;
      unannounced += in->unannounced;
      if (in->has_verdict)
        {
          own++;
          g_assert_cmpint (in->verdict, !=, in->suggested);
          g_assert_nonnull (in->verdict_reason);
        }
      for (guint f = 0; f < in->findings->len; f++)
        {
          TjFinding *finding = g_ptr_array_index (in->findings, f);

          g_assert_cmpuint (finding->rectifications->len, >, 0);
          for (guint r = 0; r < finding->rectifications->len; r++)
            {
              TjRectification *rect = g_ptr_array_index (finding->rectifications, r);

              closed += rect->closed != NULL;
              overdue += tj_rectification_is_overdue (rect, as_of);
            }
        }
    }
  /* Mostly within the tolerance; a few overstated and concealed. */
  g_assert_cmpuint (by_verdict[TJ_VERDICT_TRUE], >, inspections->len / 2);
  g_assert_cmpuint (by_verdict[TJ_VERDICT_FALSE], >=, 1);
  g_assert_cmpuint (by_verdict[TJ_VERDICT_CONCEALED], >=, 1);
  g_assert_cmpuint (own, ==, 1);
  g_assert_cmpuint (unannounced, >, 0);
  g_assert_cmpuint (unannounced, <, inspections->len);
  g_assert_cmpuint (closed, >, 0);
  g_assert_cmpuint (overdue, ==, 1);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM inspection_photos"), ==, 0);
  tj_test_rmdir (dir);
}

/* The mechanisms around the projects (issues 9 and 10), read through core: two delegations (one
 * in force on the as-of day), about thirty visits, two tours in even months fully scored, funds
 * and quotas for about twenty projects (some not met), most started projects of 500万元 or more
 * entered and follow-ups on some of the others; and a third quarter whose ranking has varied
 * ratios, deductions, a red list and a black list. */
static void
test_mechanism (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) delegations = NULL;
  g_autoptr (GPtrArray) tours = NULL;
  g_autoptr (GPtrArray) projects = NULL;
  g_autoptr (TjRanking) ranking = NULL;
  const char *as_of = "2026-10-31";
  guint current = 0, visits = 0, needing = 0, needs = 0, unmet = 0, quotas = 0;
  guint base = 0, entered = 0, followed = 0, red = 0, black = 0, deducted = 0;
  guint below[TJ_INDICATOR_N] = { 0 };
  gint64 threshold;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  g_assert_no_error (error);

  delegations = tj_delegation_list (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (delegations->len, ==, 2);
  for (guint i = 0; i < delegations->len; i++)
    {
      TjDelegation *d = g_ptr_array_index (delegations, i);
      g_autoptr (GPtrArray) problems = tj_delegation_validate (d, db, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpint (d->acting_id, !=, d->leader_id);
      current += strcmp (d->date_from, as_of) <= 0 && strcmp (d->date_to, as_of) >= 0;
    }
  g_assert_cmpuint (current, ==, 1);

  tours = tj_tour_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tours->len, ==, 2);
  for (guint i = 0; i < tours->len; i++)
    {
      TjTour *tour = g_ptr_array_index (tours, i);
      g_autoptr (GArray) ranks = NULL;

      g_assert_true (tj_tour_validate (tour, &error));
      g_assert_no_error (error);
      g_assert_null (tj_tour_month_warning (tour->date));
      g_assert_cmpstr (tour->date, <=, as_of);
      g_assert_cmpuint (tour->stops->len, >=, 6);
      g_assert_cmpuint (tour->stops->len, <=, 8);
      for (guint k = 0; k < tour->scores->len; k++)
        g_assert_cmpint (g_array_index (tour->scores, gint64, k), !=, TJ_TOUR_NO_SCORE);
      ranks = tj_tour_rank (db, tour, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ranks->len, ==, tour->stops->len);
      /* a panel's spread: the best and the last apart */
      g_assert_cmpint (g_array_index (ranks, TjTourRank, 0).total, >,
                       g_array_index (ranks, TjTourRank, ranks->len - 1).total);
    }

  g_assert_true (tj_statistics_threshold (db, &threshold, &error));
  projects = tj_project_list (db, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);
      g_autoptr (GPtrArray) listed = tj_visit_list (db, p->id, &error);
      g_autoptr (GPtrArray) elements = tj_elements_load (db, p->id, &error);
      g_autoptr (GPtrArray) followups = tj_statistics_followups_load (db, p->id, &error);

      g_assert_no_error (error);
      for (guint k = 0; k < listed->len; k++)
        {
          TjVisit *v = g_ptr_array_index (listed, k);
          g_autoptr (GPtrArray) problems = tj_visit_validate (v, db, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_cmpstr (v->date, >=, p->actual_start);
          g_assert_cmpstr (v->date, <=, as_of);
        }
      visits += listed->len;
      needing += elements->len > 0;
      for (guint k = 0; k < elements->len; k++)
        {
          TjElement *e = g_ptr_array_index (elements, k);
          g_autoptr (GPtrArray) problems = tj_problems_new ();

          tj_element_validate (e, problems);
          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_cmpint (e->secured, <=, e->needed);
          needs++;
          unmet += e->secured < e->needed;
          quotas += !tj_element_kind_is_fund (e->kind);
        }
      if (p->actual_start != NULL && p->total_investment >= threshold)
        {
          base++;
          entered += p->stats_date != NULL;
        }
      if (followups->len > 0)
        {
          followed++;
          g_assert_null (p->stats_date);
          g_assert_nonnull (p->actual_start);
        }
    }
  g_assert_cmpuint (visits, >=, 25);
  g_assert_cmpuint (visits, <=, 30);
  g_assert_cmpuint (needing, >=, 18);
  g_assert_cmpuint (needing, <=, 22);
  g_assert_cmpuint (unmet, >, 0);
  g_assert_cmpuint (unmet, <, needs / 2);
  g_assert_cmpuint (quotas, >, 0);
  g_assert_cmpuint (entered, >, base * 3 / 4);
  g_assert_cmpuint (entered, <, base);
  g_assert_cmpuint (followed, >=, 3);

  /* The last finished quarter as of October: Q3. */
  ranking = tj_ranking_build (db, 2026, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->units->len, >=, 10);
  for (guint i = 0; i < ranking->units->len; i++)
    {
      TjRankingUnit *u = g_ptr_array_index (ranking->units, i);

      red += u->red;
      black += u->black;
      deducted += u->deductions > 0;
      for (guint k = 0; k < TJ_INDICATOR_N; k++)
        below[k] += !tj_ratio_is_full (u->ratios[k]);
    }
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (black, >, 0);
  g_assert_cmpuint (deducted, >, 0);
  for (guint k = 0; k < TJ_INDICATOR_N; k++)
    g_assert_cmpuint (below[k], >, 0);
  tj_test_rmdir (dir);
}

static void
test_same_every_time (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr (TjDb) a = tj_test_db_new (&dir_a);
  g_autoptr (TjDb) b = tj_test_db_new (&dir_b);
  g_autofree char *a_current = NULL, *b_current = NULL, *a_previous = NULL, *b_previous = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tj_demo_fill (a, 2026, &error));
  g_assert_true (tj_demo_fill (b, 2026, &error));
  g_assert_no_error (error);
  a_current = digest (a, 2026);
  b_current = digest (b, 2026);
  a_previous = digest (a, 2025);
  b_previous = digest (b, 2025);
  g_assert_cmpstr (a_current, ==, b_current);
  g_assert_cmpstr (a_previous, ==, b_previous);
  g_clear_pointer (&a_current, g_free);
  g_clear_pointer (&b_current, g_free);
  a_current = digest_issue8 (a, 2026);
  b_current = digest_issue8 (b, 2026);
  g_assert_cmpstr (a_current, !=, "");
  g_assert_cmpstr (a_current, ==, b_current);
  g_clear_pointer (&a_current, g_free);
  g_clear_pointer (&b_current, g_free);
  a_current = digest_mechanism (a);
  b_current = digest_mechanism (b);
  g_assert_cmpstr (a_current, !=, "");
  g_assert_cmpstr (a_current, ==, b_current);
  tj_test_rmdir (dir_a);
  tj_test_rmdir (dir_b);
}

static void
test_refuses_second_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TjDb) db = tj_test_db_new (&dir);
  g_autoptr (GError) error = NULL;
  gint64 projects, people;

  g_assert_true (tj_demo_fill (db, 2026, &error));
  projects = tj_test_scalar (db, "SELECT count(*) FROM projects");
  people = tj_test_scalar (db, "SELECT count(*) FROM people");
  g_assert_false (tj_demo_fill (db, 2026, &error));
  g_assert_error (error, TJ_ERROR, TJ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "空数据库"));
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM projects"), ==, projects);
  g_assert_cmpint (tj_test_scalar (db, "SELECT count(*) FROM people"), ==, people);
  tj_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tj_test_init (&argc, &argv);
  g_test_add_func ("/tj/demo/fill/plausible-and-valid", test_fill);
  g_test_add_func ("/tj/demo/fill/meetings-matters-inspections", test_meetings_and_inspections);
  g_test_add_func ("/tj/demo/fill/mechanism-and-ranking", test_mechanism);
  g_test_add_func ("/tj/demo/fill/same-every-time", test_same_every_time);
  g_test_add_func ("/tj/demo/fill/refuses-a-database-with-projects", test_refuses_second_run);
  return g_test_run ();
}
