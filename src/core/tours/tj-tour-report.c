/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-tour"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-settings.h"
#include "tj-tour.h"

/* The tour's report (观摩评分排名表): the ranking, the route before it, the criteria after it. */

static char *
route_paragraph (TjTour *tour)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint s = 0; s < tour->stops->len; s++)
    {
      TjTourStop *stop = g_ptr_array_index (tour->stops, s);

      if (s > 0)
        g_string_append (text, " → ");
      g_string_append_printf (text, "%u. %s", s + 1, stop->name);
    }
  /* Translators: "观摩顺序：1. 嵩山大道 → 2. 安阳路" */
  return g_strdup_printf (_("Order of visits: %s"), text->str);
}

static char *
criteria_note (TjTour *tour)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint c = 0; c < tour->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);

      if (c > 0)
        g_string_append (text, _(", "));
      /* Translators: "形象进度 40 分" */
      g_string_append_printf (text, _("%s %u points"), criterion->name, criterion->weight);
    }
  /* Translators: "评分标准：形象进度 40 分、投资完成 30 分……，满分 100 分。" */
  return g_strdup_printf (_("Criteria: %s; %u points in all."), text->str,
                          TJ_TOUR_WEIGHT_TOTAL);
}

TjReportBook *
tj_tour_book (TjDb       *db,
              const char *date,
              GError    **error)
{
  g_autoptr (TjTour) tour = NULL;
  g_autoptr (GArray) ranks = NULL;
  g_autofree char *org = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *order = NULL;
  g_autofree char *criteria = NULL;
  TjReportBook *book;
  TjReport *report;
  guint total_column;

  if ((tour = tj_tour_load_by_date (db, date, error)) == NULL ||
      (ranks = tj_tour_rank (db, tour, error)) == NULL)
    return NULL;
  org = tj_settings_organisation (db);

  /* Translators: "嵩山片区观摩评分排名表" */
  title = g_strdup_printf (_("%s: scores and ranking"), tour->name);
  report = tj_report_new (C_("tour", "Ranking"), title);
  /* Translators: "（观摩日期：2026-04-18）" */
  subtitle = g_strdup_printf (_("(Tour of %s)"), tour->date);
  tj_report_set_subtitle (report, subtitle);
  tj_report_set_unit_line (report, _("Unit: points"));
  order = route_paragraph (tour);
  tj_report_add_paragraph (report, order);
  if (tour->route != NULL)
    {
      /* Translators: "观摩路线：……" */
      g_autofree char *route = g_strdup_printf (_("Route: %s"), tour->route);
      tj_report_add_paragraph (report, route);
    }

  tj_report_add_column (report, C_("tour", "Rank"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Project name"), TJ_REPORT_TEXT, 30);
  tj_report_add_column (report, _("Locality"), TJ_REPORT_TEXT, 12);
  for (guint c = 0; c < tour->criteria->len; c++)
    {
      TjTourCriterion *criterion = g_ptr_array_index (tour->criteria, c);
      /* Translators: "形象进度（40分）" */
      g_autofree char *header = g_strdup_printf (_("%s (%u)"), criterion->name,
                                                 criterion->weight);
      tj_report_add_column (report, header, TJ_REPORT_HUNDREDTHS, 0);
    }
  total_column = tj_report_add_column (report, _("Total score"), TJ_REPORT_HUNDREDTHS, 0);
  report->frozen_columns = 2;

  for (guint i = 0; i < ranks->len; i++)
    {
      TjTourRank *rank = &g_array_index (ranks, TjTourRank, i);
      TjTourStop *stop = g_ptr_array_index (tour->stops, rank->stop);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

      tj_report_set_integer (report, row, 0, rank->rank);
      tj_report_set_text (report, row, 1, stop->name);
      tj_report_set_text (report, row, 2, stop->locality);
      for (guint c = 0; c < tour->criteria->len; c++)
        {
          gint64 score = tj_tour_get_score (tour, rank->stop, c);

          if (score != TJ_TOUR_NO_SCORE)
            tj_report_set_hundredths (report, row, 3 + c, score);
        }
      tj_report_set_hundredths (report, row, total_column, rank->total);
    }
  if (ranks->len > 0)
    tj_report_set_chart (report, _("Total score"), 1, total_column);

  criteria = criteria_note (tour);
  tj_report_add_note (report, criteria);
  tj_report_add_note (report,
                      _("Each score is the panel's agreed score; the projects are ranked by "
                        "their totals, equal totals sharing a rank; a blank cell was not "
                        "scored and counts as 0."));

  book = tj_report_book_new (org);
  tj_report_book_add (book, report);
  return book;
}

gboolean
tj_tour_write (TjDb       *db,
               const char *date,
               const char *path,
               GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((book = tj_tour_book (db, date, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
