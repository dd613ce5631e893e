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

/* The quarterly ranking and the assessment (季排名, 年考核; issue 9): the weights of the five
 * indicators in points (they add up to 100), the points taken off per inspection found 虚报 or
 * 瞒报, the sizes of the red and black lists and of the grades 先进 and 后进, and the total
 * investment from which a started project must be in the statistics (入库), in 万元. */
#define TJ_SETTINGS_RANKING_WEIGHT_INVESTMENT_KEY "ranking-weight-investment"
#define TJ_SETTINGS_RANKING_WEIGHT_STARTS_KEY "ranking-weight-starts"
#define TJ_SETTINGS_RANKING_WEIGHT_STATISTICS_KEY "ranking-weight-statistics"
#define TJ_SETTINGS_RANKING_WEIGHT_MATTERS_KEY "ranking-weight-matters"
#define TJ_SETTINGS_RANKING_WEIGHT_APPROVALS_KEY "ranking-weight-approvals"
#define TJ_SETTINGS_RANKING_DEDUCTION_KEY "ranking-deduction"
#define TJ_SETTINGS_RANKING_RED_SIZE_KEY "ranking-red-size"
#define TJ_SETTINGS_RANKING_BLACK_SIZE_KEY "ranking-black-size"
#define TJ_SETTINGS_RANKING_THRESHOLD_KEY "ranking-statistics-threshold"
#define TJ_SETTINGS_RANKING_ADVANCED_SIZE_KEY "ranking-advanced-size"
#define TJ_SETTINGS_RANKING_BACKWARD_SIZE_KEY "ranking-backward-size"
#define TJ_SETTINGS_RANKING_DEDUCTION_HIGHEST 100
#define TJ_SETTINGS_RANKING_SIZE_HIGHEST 100
#define TJ_SETTINGS_RANKING_THRESHOLD_HIGHEST 1000000 /* 万元: 100亿元 */

typedef struct
{
  int weights[5];   /* TjIndicator order: investment 40, starts 20, statistics 15, matters 15,
                     * approvals 10 */
  int deduction;    /* 5 */
  int red_size;     /* 3 */
  int black_size;   /* 3 */
  int threshold_wan; /* 500 */
  int advanced_size; /* 先进 3 */
  int backward_size; /* 后进 3 */
} TjRankingSettings;

void tj_settings_ranking_defaults (TjRankingSettings *settings);
gboolean tj_settings_read_ranking (TjDb              *db,
                                   TjRankingSettings *settings,
                                   GError           **error);
gboolean tj_settings_check_ranking (const TjRankingSettings *settings,
                                    GError                 **error);
gboolean tj_settings_set_ranking (TjDb                    *db,
                                  const TjRankingSettings *settings,
                                  GError                 **error);

G_END_DECLS
