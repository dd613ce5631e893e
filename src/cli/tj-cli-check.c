/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli-private.h"
#include "tj-delegation.h"
#include "tj-element.h"
#include "tj-problem.h"
#include "tj-statistics-entry.h"
#include "tj-tour.h"
#include "tj-visit.h"

/* `tuijin check` for the records of the mechanisms (issues 9 and 10): each validated by core's
 * own function, as the forms and the imports do, and each problem named. */

#define print_error tj_cli_print_error
#define unreadable tj_cli_unreadable

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* A project's visits (调研走访), needs (要素保障) and statistics follow-ups (入库跟进). */
guint
tj_cli_check_project_records (TjDb      *db,
                              TjProject *project,
                              guint     *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) visits = tj_visit_list (db, project->id, &error);
  g_autoptr (GPtrArray) elements = NULL;
  g_autoptr (GPtrArray) followups = NULL;
  guint found = 0;

  if (visits == NULL)
    {
      found += unreadable (_("the visits"), error);
      g_clear_error (&error);
    }
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      TjVisit *visit = g_ptr_array_index (visits, i);
      g_autofree char *date = g_strdup (visit->date);
      g_autoptr (GPtrArray) problems = tj_visit_validate (visit, db, &error);

      if (problems == NULL)
        {
          found += unreadable (_("the visits"), error);
          g_clear_error (&error);
          continue;
        }
      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        /* Translators: "2026 年“嵩阳街道污水处理厂”，李明 2026-04-10 的调研走访：日期：…" */
        print_error (_("%d “%s”, visit of %s on %s: %s"), project->year, project->name,
                     or_empty (visit->person), or_empty (date),
                     ((TjProblem *) g_ptr_array_index (problems, k))->message);
    }

  elements = tj_elements_load (db, project->id, &error);
  if (elements == NULL)
    {
      found += unreadable (_("the funds and quotas"), error);
      g_clear_error (&error);
    }
  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      TjElement *element = g_ptr_array_index (elements, i);
      g_autofree char *date = g_strdup (element->needed_date);
      g_autoptr (GPtrArray) problems = tj_problems_new ();

      tj_element_validate (element, problems);
      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        /* Translators: "2026 年“嵩阳街道污水处理厂”，2026-04-10 申请的中央资金：…" */
        print_error (_("%d “%s”, %s sought on %s: %s"), project->year, project->name,
                     tj_element_kind_label (element->kind), or_empty (date),
                     ((TjProblem *) g_ptr_array_index (problems, k))->message);
    }

  followups = tj_statistics_followups_load (db, project->id, &error);
  if (followups == NULL)
    {
      found += unreadable (_("the statistics follow-ups"), error);
      g_clear_error (&error);
    }
  for (guint i = 0; followups != NULL && i < followups->len; i++)
    {
      TjStatisticsFollowup *followup = g_ptr_array_index (followups, i);
      g_autofree char *date = g_strdup (followup->date);
      g_autoptr (GPtrArray) problems = tj_problems_new ();

      tj_statistics_followup_validate (followup, problems);
      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        /* Translators: "2026 年“嵩阳街道污水处理厂”，2026-04-10 的入库跟进：…" */
        print_error (_("%d “%s”, statistics follow-up of %s: %s"), project->year, project->name,
                     or_empty (date), ((TjProblem *) g_ptr_array_index (problems, k))->message);
    }
  return found;
}

/* Every delegation (委托) and every observation tour (观摩). */
guint
tj_cli_check_mechanism (TjDb  *db,
                        guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) delegations = tj_delegation_list (db, 0, &error);
  g_autoptr (GPtrArray) tours = NULL;
  guint found = 0;

  if (delegations == NULL)
    {
      found += unreadable (_("the delegations"), error);
      g_clear_error (&error);
    }
  for (guint i = 0; delegations != NULL && i < delegations->len; i++)
    {
      TjDelegation *d = g_ptr_array_index (delegations, i);
      g_autofree char *from = g_strdup (d->date_from);
      g_autofree char *to = g_strdup (d->date_to);
      g_autoptr (GPtrArray) problems = tj_delegation_validate (d, db, &error);

      if (problems == NULL)
        {
          found += unreadable (_("the delegations"), error);
          g_clear_error (&error);
          continue;
        }
      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        /* Translators: "王强的委托（2026-03-02 至 2026-04-10）：代理领导：…" */
        print_error (_("Delegation of %s from %s to %s: %s"), or_empty (d->leader),
                     or_empty (from), or_empty (to),
                     ((TjProblem *) g_ptr_array_index (problems, k))->message);
    }

  tours = tj_tour_list (db, &error);
  if (tours == NULL)
    return found + unreadable (_("the observation tours"), error);
  for (guint i = 0; i < tours->len; i++)
    {
      TjTour *tour = g_ptr_array_index (tours, i);
      g_autofree char *date = g_strdup (tour->date);
      g_autofree char *name = g_strdup (tour->name);

      (*checked)++;
      if (!tj_tour_validate (tour, &error))
        {
          /* Translators: "2026-04-22 的观摩“2026年第一季度重点项目观摩”：权重：…" */
          print_error (_("Tour “%2$s” of %1$s: %3$s"), or_empty (date), or_empty (name),
                       error->message);
          g_clear_error (&error);
          found++;
        }
    }
  return found;
}
