/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-bulletin"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-bulletin-private.h"
#include "tj-money.h"

/* The overview (总体情况): the bulletin's figures in the words of a bulletin. Every rate is
 * rounded from the exact sums (tj-bulletin.c) only here, when shown. */

/* "86.2": tenths shown with their one decimal. */
char *
tj_bulletin_tenths_text (gint64 tenths)
{
  gint64 size = tenths < 0 ? -tenths : tenths;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths < 0 ? "-" : "",
                          size / 10, size % 10);
}

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

/* "86.2": part ÷ whole as a percentage, rounded half away from zero from the exact integers. */
char *
tj_bulletin_rate_text (gint64 part,
                       gint64 whole)
{
  return tj_bulletin_tenths_text (tj_bulletin_scaled_round (part, whole, 3));
}

/* "超序时进度2.9个百分点", "低于序时进度2.9个百分点", "与序时进度持平": the gap as shown, to one
 * decimal; a gap that shows as 0.0 is level with the schedule. */
char *
tj_bulletin_gap_phrase (gint64 cumulative,
                        gint64 plan,
                        int    month)
{
  gint64 num = tj_bulletin_gap_numerator (cumulative, plan, month);
  gint64 tenths = tj_bulletin_scaled_round (num, 12 * plan, 3);
  g_autofree char *points = tj_bulletin_tenths_text (tenths < 0 ? -tenths : tenths);

  if (tenths > 0)
    /* Translators: the gap of the completion rate to the time schedule (序时进度) */
    return g_strdup_printf (_("%s percentage points ahead of the time schedule"), points);
  if (tenths < 0)
    return g_strdup_printf (_("%s percentage points behind the time schedule"), points);
  return g_strdup (_("level with the time schedule"));
}

/* The first names of a list of n projects (those the list holds first), "等" after them. */
static char *
names_text (GPtrArray *projects,
            guint      n)
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
  if (n > TJ_BULLETIN_NAMES_IN_TEXT)
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
      g_autofree char *rate = tj_bulletin_rate_text (all->cumulative, all->plan);
      g_autofree char *gap = tj_bulletin_gap_phrase (all->cumulative, all->plan, self->month);

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
      g_autofree char *rate = tj_bulletin_rate_text (all->started, all->starts_due);

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
      g_autofree char *names = names_text (self->early_starts, self->early_starts->len);

      /* Translators: "提前开工项目2个：甲、乙。" */
      g_string_append_printf (text,
                              ngettext (" %1$u project started ahead of plan: %2$s.",
                                        " %1$u projects started ahead of plan: %2$s.",
                                        self->early_starts->len),
                              self->early_starts->len, names);
    }
  if (self->not_started->len > 0)
    {
      g_autofree char *names = names_text (self->not_started, self->not_started->len);

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
          g_autofree char *rate = tj_bulletin_rate_text (level->cumulative, level->plan);
          g_autofree char *gap =
            tj_bulletin_gap_phrase (level->cumulative, level->plan, self->month);

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

  if (self->n_lagging == 0)
    {
      g_string_append (text, _("No project is lagging."));
      return;
    }
  names = names_text (self->lagging, self->n_lagging);
  /* Translators: "进度滞后项目3个：甲、乙、丙。" */
  g_string_append_printf (text,
                          ngettext ("%1$u project is lagging: %2$s.",
                                    "%1$u projects are lagging: %2$s.", self->n_lagging),
                          self->n_lagging, names);
  /* Translators: "其中红灯1个、黄灯2个。" */
  g_string_append_printf (text, _(" Red lights: %1$u, yellow lights: %2$u."),
                          self->n_lagging_red, self->n_lagging - self->n_lagging_red);
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

/* How many of the list reported for month N, and how many did not: "2026年10月已报 5 / 129 个
 * 项目，124 个未报（本月完成按 0 计）。" The page shows it before an export; the book's notes
 * say it with the names. */
char *
tj_bulletin_reporting_text (TjBulletin *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->unreported->len == 0)
    /* Translators: "2026年10月：129 个项目全部已报。" */
    return g_strdup_printf (ngettext ("%1$d-%2$02d: the %3$u project of the list reported.",
                                      "%1$d-%2$02d: all %3$u projects of the list reported.",
                                      self->overall.count),
                            self->year, self->month, self->overall.count);
  /* Translators: "2026年10月：已报 5 / 129 个项目，124 个未报（本月完成按 0 计）。" */
  return g_strdup_printf (ngettext ("%1$d-%2$02d: %3$u of %4$u projects reported, %5$u did not "
                                    "(its month counts as 0).",
                                    "%1$d-%2$02d: %3$u of %4$u projects reported, %5$u did not "
                                    "(their month counts as 0).",
                                    self->unreported->len),
                          self->year, self->month, self->reported, self->overall.count,
                          self->unreported->len);
}

/* Every project that did not report for month N, by name: "甲、乙、丙". NULL when all did. */
char *
tj_bulletin_unreported_names (TjBulletin *self)
{
  g_autoptr (GString) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->unreported->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < self->unreported->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, ((TjBulletinProject *) g_ptr_array_index (self->unreported, i))->name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
