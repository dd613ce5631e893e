/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-bulletin.h"
#include "tj-ranking.h"

G_BEGIN_DECLS

/* tj_ranking_build from the bulletin of month 3 × quarter of year, built by the caller. */
TjRanking *tj_ranking_build_from (TjDb       *db,
                                  int         year,
                                  int         quarter,
                                  TjBulletin *bulletin,
                                  GError    **error);

G_END_DECLS
