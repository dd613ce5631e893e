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
