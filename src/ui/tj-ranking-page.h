/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-assessment.h"
#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_RANKING_PAGE (tj_ranking_page_get_type ())
G_DECLARE_FINAL_TYPE (TjRankingPage, tj_ranking_page, TJ, RANKING_PAGE, TjPage)

/* What the page shows: the quarter's ranking, or the half-year or annual assessment. */
typedef enum
{
  TJ_RANKING_VIEW_QUARTER,
  TJ_RANKING_VIEW_HALF,
  TJ_RANKING_VIEW_YEAR,
} TjRankingView;

int tj_ranking_page_get_quarter (TjRankingPage *self);
void tj_ranking_page_set_quarter (TjRankingPage *self,
                                  int            quarter);
void tj_ranking_page_set_view (TjRankingPage *self,
                               TjRankingView  view);
/* What is shown (NULL when it could not be read, or another view is shown). */
TjRanking *tj_ranking_page_get_ranking (TjRankingPage *self);
TjAssessment *tj_ranking_page_get_assessment (TjRankingPage *self);
const char *tj_ranking_page_get_error (TjRankingPage *self);
guint tj_ranking_page_get_n_rows (TjRankingPage *self);
char *tj_ranking_page_get_cell_text (TjRankingPage *self,
                                     guint          row,
                                     guint          column);
void tj_ranking_page_select (TjRankingPage *self,
                             guint          row);
char *tj_ranking_page_get_breakdown_text (TjRankingPage *self);
const char *tj_ranking_page_get_lists_text (TjRankingPage *self);
GtkWidget *tj_ranking_page_get_chart (TjRankingPage *self);
void tj_ranking_page_export (TjRankingPage *self,
                             const char    *path);

G_END_DECLS
