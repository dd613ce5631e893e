/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-ranking.h"

G_BEGIN_DECLS

/* What the ranking reads, once for the quarters of an assessment: the settings, the bulletin
 * figures of the quarters asked for (bit q − 1: quarter q), and what does not depend on the
 * quarter (the matters, the approval items, the inspections of the year's list). */
typedef struct _TjRankingFacts TjRankingFacts;

TjRankingFacts *tj_ranking_facts_read (TjDb    *db,
                                       int      year,
                                       guint    quarters,
                                       GError **error);
void tj_ranking_facts_free (TjRankingFacts *facts);
/* quarter must be one of the facts' quarters. */
TjRanking *tj_ranking_build_with (TjDb           *db,
                                  int             year,
                                  int             quarter,
                                  TjRankingFacts *facts,
                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjRankingFacts, tj_ranking_facts_free)

G_END_DECLS
