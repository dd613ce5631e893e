/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-settings"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tj-error.h"
#include "tj-settings.h"

/* The office's name for report titles and file names; the default when unset or blank. */
char *
tj_settings_organisation (TjDb *db)
{
  g_autofree char *name = tj_db_get_setting (db, TJ_SETTINGS_ORGANISATION_KEY);

  if (name == NULL || *g_strstrip (name) == '\0')
    return g_strdup (TJ_SETTINGS_ORGANISATION_DEFAULT);
  return g_steal_pointer (&name);
}

/* A whole number setting, or the default when unset; an error for anything else. */
static gboolean
read_number (TjDb       *db,
             const char *key,
             int         fallback,
             int        *number,
             GError    **error)
{
  g_autofree char *text = NULL;
  char *end = NULL;
  gint64 value;

  if (!tj_db_read_setting (db, key, &text, error))
    return FALSE;
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      *number = fallback;
      return TRUE;
    }
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value < G_MININT || value > G_MAXINT)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, _("The setting “%s” is not a number: “%s”."),
                   key, text);
      return FALSE;
    }
  *number = (int) value;
  return TRUE;
}

gboolean
tj_settings_read_lights (TjDb            *db,
                         TjLightSettings *lights,
                         GError         **error)
{
  return read_number (db, TJ_SETTINGS_LIGHT_GREEN_GAP_KEY, TJ_SETTINGS_GREEN_GAP_DEFAULT,
                      &lights->green_gap, error) &&
         read_number (db, TJ_SETTINGS_LIGHT_RED_GAP_KEY, TJ_SETTINGS_RED_GAP_DEFAULT,
                      &lights->red_gap, error) &&
         read_number (db, TJ_SETTINGS_LIGHT_START_RED_MONTHS_KEY,
                      TJ_SETTINGS_START_RED_MONTHS_DEFAULT, &lights->start_red_months, error);
}

/* The bounds of each threshold, and green above red: a project cannot be green and red at once. */
gboolean
tj_settings_check_lights (const TjLightSettings *lights,
                          GError               **error)
{
  if (lights->green_gap < TJ_SETTINGS_GAP_LOWEST || lights->green_gap > TJ_SETTINGS_GAP_HIGHEST ||
      lights->red_gap < TJ_SETTINGS_GAP_LOWEST || lights->red_gap > TJ_SETTINGS_GAP_HIGHEST)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The light thresholds must lie between %d and %d points."),
                   TJ_SETTINGS_GAP_LOWEST, TJ_SETTINGS_GAP_HIGHEST);
      return FALSE;
    }
  if (lights->green_gap <= lights->red_gap)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Green must be above red: green down to %d points, red below %d points."),
                   lights->green_gap, lights->red_gap);
      return FALSE;
    }
  if (lights->start_red_months < TJ_SETTINGS_START_RED_MONTHS_LOWEST ||
      lights->start_red_months > TJ_SETTINGS_START_RED_MONTHS_HIGHEST)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The months before an unstarted project turns red must lie between %d and "
                     "%d."),
                   TJ_SETTINGS_START_RED_MONTHS_LOWEST, TJ_SETTINGS_START_RED_MONTHS_HIGHEST);
      return FALSE;
    }
  return TRUE;
}

/* Checked, then written in one transaction: the three hold together or none changes. */
gboolean
tj_settings_set_lights (TjDb                  *db,
                        const TjLightSettings *lights,
                        GError               **error)
{
  const struct
  {
    const char *key;
    int value;
  } values[] = {
    { TJ_SETTINGS_LIGHT_GREEN_GAP_KEY, lights->green_gap },
    { TJ_SETTINGS_LIGHT_RED_GAP_KEY, lights->red_gap },
    { TJ_SETTINGS_LIGHT_START_RED_MONTHS_KEY, lights->start_red_months },
  };

  if (!tj_settings_check_lights (lights, error) || !tj_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", values[i].value);

      if (!tj_db_set_setting (db, values[i].key, text, error))
        {
          tj_db_rollback (db);
          return FALSE;
        }
    }
  return tj_db_commit (db, error);
}

/* Read and checked: a setting out of its bounds is an error naming it, never a silent default. */
gboolean
tj_settings_read_inspections (TjDb                 *db,
                              TjInspectionSettings *settings,
                              GError              **error)
{
  return read_number (db, TJ_SETTINGS_INSPECTION_TOLERANCE_KEY,
                      TJ_SETTINGS_INSPECTION_TOLERANCE_DEFAULT, &settings->tolerance_permille,
                      error) &&
         read_number (db, TJ_SETTINGS_PHOTO_LIMIT_KEY, TJ_SETTINGS_PHOTO_LIMIT_DEFAULT,
                      &settings->photo_limit, error) &&
         tj_settings_check_inspections (settings, error);
}

gboolean
tj_settings_check_inspections (const TjInspectionSettings *settings,
                               GError                    **error)
{
  if (settings->tolerance_permille < 0 ||
      settings->tolerance_permille > TJ_SETTINGS_INSPECTION_TOLERANCE_HIGHEST)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The inspection tolerance must lie between 0%% and %d%%."),
                   TJ_SETTINGS_INSPECTION_TOLERANCE_HIGHEST / 10);
      return FALSE;
    }
  if (settings->photo_limit < 1024 * 1024 || settings->photo_limit > TJ_SETTINGS_PHOTO_LIMIT_HIGHEST)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The photo limit must lie between 1 MB and %d MB."),
                   TJ_SETTINGS_PHOTO_LIMIT_HIGHEST / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/* Checked, then both written in one transaction. */
gboolean
tj_settings_set_inspections (TjDb                       *db,
                             const TjInspectionSettings *settings,
                             GError                    **error)
{
  g_autofree char *tolerance = NULL;
  g_autofree char *limit = NULL;

  if (!tj_settings_check_inspections (settings, error) || !tj_db_begin (db, error))
    return FALSE;
  tolerance = g_strdup_printf ("%d", settings->tolerance_permille);
  limit = g_strdup_printf ("%d", settings->photo_limit);
  if (!tj_db_set_setting (db, TJ_SETTINGS_INSPECTION_TOLERANCE_KEY, tolerance, error) ||
      !tj_db_set_setting (db, TJ_SETTINGS_PHOTO_LIMIT_KEY, limit, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return tj_db_commit (db, error);
}

/* The ranking's settings, each with its key, its default and the name a message gives it. */
typedef struct
{
  const char *key;
  int fallback;
  int highest;
  const char *label;
  gsize offset;
} RankingField;

static const RankingField ranking_fields[] = {
  { TJ_SETTINGS_RANKING_WEIGHT_INVESTMENT_KEY, 40, 100, N_("the weight of the investment ratio"),
    G_STRUCT_OFFSET (TjRankingSettings, weights[0]) },
  { TJ_SETTINGS_RANKING_WEIGHT_STARTS_KEY, 20, 100, N_("the weight of the starts ratio"),
    G_STRUCT_OFFSET (TjRankingSettings, weights[1]) },
  { TJ_SETTINGS_RANKING_WEIGHT_STATISTICS_KEY, 15, 100,
    N_("the weight of the statistics-entry ratio"),
    G_STRUCT_OFFSET (TjRankingSettings, weights[2]) },
  { TJ_SETTINGS_RANKING_WEIGHT_MATTERS_KEY, 15, 100, N_("the weight of the matters ratio"),
    G_STRUCT_OFFSET (TjRankingSettings, weights[3]) },
  { TJ_SETTINGS_RANKING_WEIGHT_APPROVALS_KEY, 10, 100, N_("the weight of the approvals ratio"),
    G_STRUCT_OFFSET (TjRankingSettings, weights[4]) },
  { TJ_SETTINGS_RANKING_DEDUCTION_KEY, 5, TJ_SETTINGS_RANKING_DEDUCTION_HIGHEST,
    N_("the points taken off per false or concealed report"),
    G_STRUCT_OFFSET (TjRankingSettings, deduction) },
  { TJ_SETTINGS_RANKING_RED_SIZE_KEY, 3, TJ_SETTINGS_RANKING_SIZE_HIGHEST,
    N_("the size of the red list"), G_STRUCT_OFFSET (TjRankingSettings, red_size) },
  { TJ_SETTINGS_RANKING_BLACK_SIZE_KEY, 3, TJ_SETTINGS_RANKING_SIZE_HIGHEST,
    N_("the size of the black list"), G_STRUCT_OFFSET (TjRankingSettings, black_size) },
  { TJ_SETTINGS_RANKING_THRESHOLD_KEY, 500, TJ_SETTINGS_RANKING_THRESHOLD_HIGHEST,
    N_("the statistics threshold"), G_STRUCT_OFFSET (TjRankingSettings, threshold_wan) },
  { TJ_SETTINGS_RANKING_ADVANCED_SIZE_KEY, 3, TJ_SETTINGS_RANKING_SIZE_HIGHEST,
    N_("the number of advanced units"), G_STRUCT_OFFSET (TjRankingSettings, advanced_size) },
  { TJ_SETTINGS_RANKING_BACKWARD_SIZE_KEY, 3, TJ_SETTINGS_RANKING_SIZE_HIGHEST,
    N_("the number of backward units"), G_STRUCT_OFFSET (TjRankingSettings, backward_size) },
};

#define RANKING_FIELD(settings, i) \
  G_STRUCT_MEMBER (int, (settings), ranking_fields[i].offset)

void
tj_settings_ranking_defaults (TjRankingSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranking_fields); i++)
    RANKING_FIELD (settings, i) = ranking_fields[i].fallback;
}

/* Read and checked: a setting out of its bounds is an error naming it. */
gboolean
tj_settings_read_ranking (TjDb              *db,
                          TjRankingSettings *settings,
                          GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranking_fields); i++)
    if (!read_number (db, ranking_fields[i].key, ranking_fields[i].fallback,
                      &RANKING_FIELD (settings, i), error))
      return FALSE;
  return tj_settings_check_ranking (settings, error);
}

/* Each value within its bounds, and the weights adding up to 100: a full score is 100. */
gboolean
tj_settings_check_ranking (const TjRankingSettings *settings,
                           GError                 **error)
{
  int sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ranking_fields); i++)
    {
      int value = RANKING_FIELD ((gpointer) settings, i);

      if (value < 0 || value > ranking_fields[i].highest)
        {
          /* Translators: "季排名设置：投资完成率的权重必须在 0 到 100 之间，现为 120。" */
          g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                       _("Ranking settings: %s must lie between 0 and %d, not %d."),
                       _(ranking_fields[i].label), ranking_fields[i].highest, value);
          return FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (settings->weights); i++)
    sum += settings->weights[i];
  if (sum != 100)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Ranking settings: the weights must add up to 100 points, not %d."), sum);
      return FALSE;
    }
  return TRUE;
}

/* Checked, then all written in one transaction. */
gboolean
tj_settings_set_ranking (TjDb                    *db,
                         const TjRankingSettings *settings,
                         GError                 **error)
{
  if (!tj_settings_check_ranking (settings, error) || !tj_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ranking_fields); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", RANKING_FIELD ((gpointer) settings, i));

      if (!tj_db_set_setting (db, ranking_fields[i].key, text, error))
        {
          tj_db_rollback (db);
          return FALSE;
        }
    }
  return tj_db_commit (db, error);
}
