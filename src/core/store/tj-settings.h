/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* The organisation's settings, kept in its database: one reader and one check of each, for the
 * window, the command line and every report. */

#define TJ_SETTINGS_ORGANISATION_KEY "organisation"
/* Without the setting: the county of the policy (DOMAIN.md). */
#define TJ_SETTINGS_ORGANISATION_DEFAULT "登封市"

char *tj_settings_organisation (TjDb *db);

/* The bulletin's lights (推进机制 九): points to the time schedule (negative: behind) down to
 * which a project stays green, below which it is red; months a project due to start may stay
 * unstarted before its light turns red. Green lies above red; yellow between them. */
#define TJ_SETTINGS_LIGHT_GREEN_GAP_KEY "light-green-gap"
#define TJ_SETTINGS_LIGHT_RED_GAP_KEY "light-red-gap"
#define TJ_SETTINGS_LIGHT_START_RED_MONTHS_KEY "light-start-red-months"
#define TJ_SETTINGS_GREEN_GAP_DEFAULT (-10)
#define TJ_SETTINGS_RED_GAP_DEFAULT (-30)
#define TJ_SETTINGS_START_RED_MONTHS_DEFAULT 3
#define TJ_SETTINGS_GAP_LOWEST (-100)
#define TJ_SETTINGS_GAP_HIGHEST 0
#define TJ_SETTINGS_START_RED_MONTHS_LOWEST 1
#define TJ_SETTINGS_START_RED_MONTHS_HIGHEST 12

typedef struct
{
  int green_gap;        /* -10 */
  int red_gap;          /* -30 */
  int start_red_months; /* 3 */
} TjLightSettings;

gboolean tj_settings_read_lights (TjDb            *db,
                                  TjLightSettings *lights,
                                  GError         **error);
gboolean tj_settings_check_lights (const TjLightSettings *lights,
                                   GError               **error);
gboolean tj_settings_set_lights (TjDb                  *db,
                                 const TjLightSettings *lights,
                                 GError               **error);

/* Site inspections (巡查): the tolerance of the suggested verdict in tenths of a percent (100 =
 * 10%: a reported cumulative within ±10% of the verified one is 属实) and the largest photo kept,
 * in bytes (10 MB). */
#define TJ_SETTINGS_INSPECTION_TOLERANCE_KEY "inspection-tolerance"
#define TJ_SETTINGS_PHOTO_LIMIT_KEY "photo-limit"
#define TJ_SETTINGS_INSPECTION_TOLERANCE_DEFAULT 100
#define TJ_SETTINGS_INSPECTION_TOLERANCE_HIGHEST 1000
#define TJ_SETTINGS_PHOTO_LIMIT_DEFAULT (10 * 1024 * 1024)
#define TJ_SETTINGS_PHOTO_LIMIT_HIGHEST (100 * 1024 * 1024)

typedef struct
{
  int tolerance_permille; /* 0..1000 */
  int photo_limit;        /* bytes, 1..100 MB */
} TjInspectionSettings;

gboolean tj_settings_read_inspections (TjDb                 *db,
                                       TjInspectionSettings *settings,
                                       GError              **error);
gboolean tj_settings_check_inspections (const TjInspectionSettings *settings,
                                        GError                    **error);
gboolean tj_settings_set_inspections (TjDb                       *db,
                                      const TjInspectionSettings *settings,
                                      GError                    **error);

G_END_DECLS
