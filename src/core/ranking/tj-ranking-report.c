/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-ranking"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-assessment.h"
#include "tj-date.h"
#include "tj-ranking.h"
#include "tj-report-format.h"

/* The ranking and the assessment as report books: the tables, the red and black lists, the
 * rules with the values in force; a second sheet with the figures behind every ratio. */

/* "A、B、C", or NULL when none. */
static char *
join_names (GPtrArray *names)
{
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

static void
add_lists (TjReport  *report,
           TjRanking *self)
{
  g_autoptr (GPtrArray) red = g_ptr_array_new ();
  g_autoptr (GPtrArray) black = g_ptr_array_new ();
  g_autofree char *red_names = NULL;
  g_autofree char *black_names = NULL;

  for (guint i = 0; i < self->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);

      if (unit->red)
        g_ptr_array_add (red, unit->name);
      if (unit->black)
        g_ptr_array_add (black, unit->name);
    }
  red_names = join_names (red);
  black_names = join_names (black);
  if (red_names != NULL)
    {
      /* Translators: "红榜：大冶镇、告成镇。" */
      g_autofree char *text = g_strdup_printf (_("Red list: %s."), red_names);

      tj_report_add_note (report, text);
    }
  else
    tj_report_add_note (report, _("No unit is on the red list this quarter."));
  if (black_names != NULL)
    {
      /* Translators: "黑榜：卢店镇。" */
      g_autofree char *text = g_strdup_printf (_("Black list: %s."), black_names);

      tj_report_add_note (report, text);
    }
  else
    tj_report_add_note (report, _("No unit is on the black list this quarter."));
}

static void
add_note (TjReport   *report,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (TjReport   *report,
          const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  tj_report_add_note (report, text);
}

/* The rules and the values in force, so that a reader can make every score again. */
static void
add_rules (TjReport                *report,
           const TjRankingSettings *s,
           int                      month)
{
  add_note (report, _("Investment completion (weight %1$d): Σ completed in months 1 to %2$d ÷ Σ "
                      "annual plan ÷ the time schedule %2$d/12, at most 100%%; 100%% without a "
                      "plan."),
            s->weights[TJ_INDICATOR_INVESTMENT], month);
  add_note (report, _("Project starts (weight %d): new projects due to start by the quarter's "
                      "end that started by then ÷ those due."),
            s->weights[TJ_INDICATOR_STARTS]);
  add_note (report, _("Statistics entry (weight %1$d): projects started by the quarter's end "
                      "with a total investment of %2$d (10,000 yuan) or more that entered the "
                      "statistics by then ÷ those projects."),
            s->weights[TJ_INDICATOR_STATISTICS], s->threshold_wan);
  add_note (report, _("Matters (weight %d): matters of the unit's projects and matters without "
                      "a project for which the unit is responsible, whose deadline in force is "
                      "by the quarter's end, finished on or before that deadline ÷ those "
                      "matters."),
            s->weights[TJ_INDICATOR_MATTERS]);
  add_note (report, _("Approvals (weight %d): approval items of the unit's projects whose "
                      "deadline (the committed working days from acceptance) is by the "
                      "quarter's end, finished on or before it ÷ those items."),
            s->weights[TJ_INDICATOR_APPROVALS]);
  add_note (report, _("A ratio with nothing due is 100%%. Deduction: %d points for each "
                      "inspection of the quarter found to be a false or concealed report."),
            s->deduction);
  add_note (report, _("Score = Σ weight × ratio − deductions, computed exactly, never below 0, "
                      "rounded half away from zero to 2 decimals; the points shown per "
                      "indicator are rounded on their own."));
  add_note (report, _("Equal scores share a rank; within it by investment completion, then by "
                      "name in pinyin order. Red list: rank %1$d or better with all five ratios "
                      "at 100%%. Black list: the last %2$d ranks with investment completion "
                      "below 100%%."),
            s->red_size, s->black_size);
}

/* The points column's header, short enough for a column of figures: 投资得分. */
static const char *
points_header (TjIndicator indicator)
{
  switch (indicator)
    {
    case TJ_INDICATOR_INVESTMENT:
      return C_("points", "Investment");
    case TJ_INDICATOR_STARTS:
      return C_("points", "Starts");
    case TJ_INDICATOR_STATISTICS:
      return C_("points", "Statistics");
    case TJ_INDICATOR_MATTERS:
      return C_("points", "Matters");
    case TJ_INDICATOR_APPROVALS:
    case TJ_INDICATOR_N:
    default:
      return C_("points", "Approvals");
    }
}

static TjReport *
ranking_sheet (TjRanking *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  TjReport *report;

  /* Translators: "登封市2026年第三季度重点项目推进工作排名"; %3$s is the quarter's name
   * ("三季度") */
  title = g_strdup_printf (_("%1$s Key Projects Ranking, %2$d %3$s"), self->organisation,
                           self->year, tj_quarter_name (self->quarter));
  /* Translators: "（截至2026-09-30）" */
  subtitle = g_strdup_printf (_("(as of %s)"), self->quarter_end);
  report = tj_report_new (_("Ranking"), title);
  tj_report_set_subtitle (report, subtitle);
  tj_report_add_column (report, _("Rank"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Township (subdistrict, zone)"), TJ_REPORT_TEXT, 16);
  for (int k = 0; k < TJ_INDICATOR_N; k++)
    {
      tj_report_add_column (report, tj_indicator_label (k), TJ_REPORT_PERCENT, 10);
      tj_report_add_column (report, points_header (k), TJ_REPORT_HUNDREDTHS, 10);
    }
  tj_report_add_column (report, _("Deduction"), TJ_REPORT_HUNDREDTHS, 0);
  tj_report_add_column (report, _("Score"), TJ_REPORT_HUNDREDTHS, 0);
  report->frozen_columns = 2;

  for (guint i = 0; i < self->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      guint c = 0;

      tj_report_set_integer (report, row, c++, unit->place.rank);
      tj_report_set_text (report, row, c++, unit->name);
      for (int k = 0; k < TJ_INDICATOR_N; k++)
        {
          tj_report_set_percent (report, row, c++, tj_ratio_value (unit->ratios[k]));
          tj_report_set_hundredths (report, row, c++, unit->points[k]);
        }
      tj_report_set_hundredths (report, row, c++, unit->deducted);
      tj_report_set_hundredths (report, row, c++, unit->place.score);
    }
  /* the scores as bars, in the order of the table, under it */
  tj_report_set_chart (report, _("Scores of the townships (subdistricts, zones)"), 1,
                       report->columns->len - 1);
  add_lists (report, self);
  add_rules (report, &self->settings, self->month);
  return report;
}

/* Under the details: each deducted inspection (date, project, verdict) by unit, so that a
 * reader can check every deduction by hand. */
static void
add_deductions (TjReport  *report,
                TjRanking *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *deducted = NULL;
      g_autofree char *joined = NULL;

      if (unit->deducted_inspections->len == 0)
        continue;
      any = TRUE;
      for (guint k = 0; k < unit->deducted_inspections->len; k++)
        g_ptr_array_add (lines, tj_ranking_deduction_text (unit, k));
      g_ptr_array_add (lines, NULL);
      joined = g_strjoinv ("；", (char **) lines->pdata);
      deducted = tj_report_format_hundredths (unit->deducted);
      /* Translators: "东风镇扣20.00分：2026-07-01巡查东风一号，结论：虚报；…。" */
      add_note (report, _("%1$s, %2$s points deducted: %3$s."), unit->name, deducted, joined);
    }
  if (!any)
    tj_report_add_note (report, _("No inspection of the quarter was found to be a false or "
                                  "concealed report."));
}

static TjReport *
detail_sheet (TjRanking *self)
{
  g_autofree char *title = NULL;
  TjReport *report;
  const char *headers[] = {
    N_("Starts due"), N_("Started"), N_("Statistics base"), N_("Entered statistics"),
    N_("Matters due"), N_("Matters on time"), N_("Approvals due"), N_("Approvals on time"),
    N_("False or concealed reports"),
  };

  /* Translators: "登封市2026年第三季度排名计分明细"; %3$s is the quarter's name ("三季度") */
  title = g_strdup_printf (_("%1$s Ranking Score Details, %2$d %3$s"), self->organisation,
                           self->year, tj_quarter_name (self->quarter));
  report = tj_report_new (_("Score details"), title);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  tj_report_add_column (report, _("Rank"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Township (subdistrict, zone)"), TJ_REPORT_TEXT, 16);
  tj_report_add_column (report, _("Cumulative completed"), TJ_REPORT_WAN, 0);
  tj_report_add_column (report, _("Annual plan"), TJ_REPORT_WAN, 0);
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    tj_report_add_column (report, _(headers[h]), TJ_REPORT_INTEGER, 8);
  report->frozen_columns = 2;

  for (guint i = 0; i < self->units->len; i++)
    {
      TjRankingUnit *unit = g_ptr_array_index (self->units, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      const guint counts[] = {
        unit->starts_due, unit->started, unit->statistics_base, unit->statistics_entered,
        unit->matters_due, unit->matters_on_time, unit->approvals_due, unit->approvals_on_time,
        unit->deductions,
      };
      guint c = 0;

      tj_report_set_integer (report, row, c++, unit->place.rank);
      tj_report_set_text (report, row, c++, unit->name);
      tj_report_set_money (report, row, c++, unit->cumulative);
      tj_report_set_money (report, row, c++, unit->plan);
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        tj_report_set_integer (report, row, c++, counts[k]);
    }
  add_deductions (report, self);
  return report;
}

TjReportBook *
tj_ranking_book (TjRanking *self)
{
  TjReportBook *book = tj_report_book_new (self->organisation);

  tj_report_book_add (book, ranking_sheet (self));
  tj_report_book_add (book, detail_sheet (self));
  return book;
}

gboolean
tj_ranking_write (TjDb       *db,
                  int         year,
                  int         quarter,
                  const char *path,
                  GError    **error)
{
  g_autoptr (TjRanking) ranking = tj_ranking_build (db, year, quarter, error);
  g_autoptr (TjReportBook) book = NULL;

  if (ranking == NULL)
    return FALSE;
  book = tj_ranking_book (ranking);
  return tj_report_book_write (book, path, error);
}

TjReportBook *
tj_assessment_book (TjAssessment *self)
{
  TjReportBook *book = tj_report_book_new (self->organisation);
  g_autofree char *title = NULL;
  TjReport *report;

  if (self->half)
    /* Translators: "登封市2026年上半年重点项目推进工作考核" */
    title = g_strdup_printf (_("%1$s Key Projects Half-Year Assessment, %2$d"),
                             self->organisation, self->year);
  else
    /* Translators: "登封市2026年度重点项目推进工作考核" */
    title = g_strdup_printf (_("%1$s Key Projects Annual Assessment, %2$d"), self->organisation,
                             self->year);
  report = tj_report_new (_("Assessment"), title);
  tj_report_add_column (report, _("Final rank"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Township (subdistrict, zone)"), TJ_REPORT_TEXT, 16);
  for (int q = 1; q <= self->n_quarters; q++)
    {
      /* Translators: "一季度得分"; %s is the quarter's name ("一季度") */
      g_autofree char *score = g_strdup_printf (_("%s score"), tj_quarter_name (q));
      /* Translators: "一季度排名"; %s is the quarter's name ("一季度") */
      g_autofree char *rank = g_strdup_printf (_("%s rank"), tj_quarter_name (q));

      tj_report_add_column (report, score, TJ_REPORT_HUNDREDTHS, 0);
      tj_report_add_column (report, rank, TJ_REPORT_INTEGER, 0);
    }
  tj_report_add_column (report, _("Mean score"), TJ_REPORT_HUNDREDTHS, 0);
  tj_report_add_column (report, _("Months on schedule"), TJ_REPORT_INTEGER, 0);
  tj_report_add_column (report, _("Grade"), TJ_REPORT_TEXT, 0);
  report->frozen_columns = 2;

  for (guint i = 0; i < self->units->len; i++)
    {
      TjAssessmentUnit *unit = g_ptr_array_index (self->units, i);
      guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);
      guint c = 0;

      tj_report_set_integer (report, row, c++, unit->place.rank);
      tj_report_set_text (report, row, c++, unit->name);
      for (int q = 0; q < self->n_quarters; q++)
        {
          tj_report_set_hundredths (report, row, c++, unit->scores[q]);
          tj_report_set_integer (report, row, c++, unit->ranks[q]);
        }
      tj_report_set_hundredths (report, row, c++, unit->place.score);
      tj_report_set_integer (report, row, c++, unit->months_on_schedule);
      tj_report_set_text (report, row, c++, tj_grade_label (unit->grade));
    }
  tj_report_set_chart (report, _("Mean scores of the townships (subdistricts, zones)"), 1,
                       report->columns->len - 3);
  add_note (report, _("Mean score: the mean of the quarters' scores as published (each rounded "
                      "to 2 decimals), rounded half away from zero to 2 decimals. Equal means "
                      "share a rank; within it by the investment completion of the last "
                      "quarter, then by name in pinyin order."));
  add_note (report, _("Months on schedule: the months of the period in whose bulletin the "
                      "unit's cumulative completion rate reached the time schedule."));
  add_note (report, _("Grade: advanced for rank %1$d or better, backward for the last %2$d "
                      "ranks, otherwise standard. Quarterly scores by the rules of the "
                      "quarterly ranking (weights %3$d, %4$d, %5$d, %6$d, %7$d; deduction %8$d)."),
            self->settings.advanced_size, self->settings.backward_size,
            self->settings.weights[0], self->settings.weights[1], self->settings.weights[2],
            self->settings.weights[3], self->settings.weights[4], self->settings.deduction);
  tj_report_book_add (book, report);
  return book;
}

gboolean
tj_assessment_write (TjDb       *db,
                     int         year,
                     gboolean    half,
                     const char *path,
                     GError    **error)
{
  g_autoptr (TjAssessment) assessment = tj_assessment_build (db, year, half, error);
  g_autoptr (TjReportBook) book = NULL;

  if (assessment == NULL)
    return FALSE;
  book = tj_assessment_book (assessment);
  return tj_report_book_write (book, path, error);
}
