/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"
#include "tj-settings.h"

G_BEGIN_DECLS

/* The quarterly ranking (季排名) of quarter Q of year Y: issue 9's exact rules; see tj-ranking.c. */

typedef enum
{
  TJ_INDICATOR_INVESTMENT, /* 投资完成率: Σ C ÷ Σ A ÷ (N/12) */
  TJ_INDICATOR_STARTS,     /* 开工率 */
  TJ_INDICATOR_STATISTICS, /* 入库率 */
  TJ_INDICATOR_MATTERS,    /* 议定事项按期办结率 */
  TJ_INDICATOR_APPROVALS,  /* 审批按期办结率 */
  TJ_INDICATOR_N,
} TjIndicator;

const char *tj_indicator_label (TjIndicator indicator); /* translated */

/* A ratio as integers: done ÷ due, capped at 1; 1 when due is 0. For the investment ratio done
 * is 12 × Σ C and due N × Σ A (yuan), so that done ÷ due is (Σ C ÷ Σ A) ÷ (N/12) exactly. */
typedef struct
{
  gint64 done;
  gint64 due;
} TjRatio;

gboolean tj_ratio_is_full (TjRatio ratio);   /* = 1 after the cap */
int tj_ratio_compare (TjRatio a,             /* of the capped values: <0, 0, >0 */
                      TjRatio b);
double tj_ratio_value (TjRatio ratio);       /* the capped value, for display only */

/* What the ranking rule orders by; the first member of a ranked unit (quarter or assessment). */
typedef struct
{
  gint64 score;        /* hundredths */
  TjRatio tie;         /* the investment ratio: orders within a shared rank */
  guint pinyin_order;  /* then the name in pinyin order */
  guint rank;          /* set by tj_ranking_assign: 1, 2, 2, 4 */
} TjRankPlace;

/* Sorts units (each a pointer to a struct beginning with a TjRankPlace) by score, highest first,
 * equal scores sharing a rank; within a rank by tie, highest first, then by pinyin_order; and
 * sets each rank. */
void tj_ranking_assign (GPtrArray *units);

typedef struct
{
  TjRankPlace place;   /* score (hundredths, rounded half away from zero from the exact score,
                        * never below 0), the investment ratio, rank */
  gint64 id;           /* the locality (a unit) */
  char *name;
  /* the figures behind the ratios */
  gint64 cumulative;   /* Σ C to month N, yuan */
  gint64 plan;         /* Σ A, yuan */
  guint starts_due, started;
  guint statistics_base, statistics_entered;
  guint matters_due, matters_on_time;
  guint approvals_due, approvals_on_time;
  guint deductions;    /* inspections of the quarter found 虚报 or 瞒报 */
  GPtrArray *deducted_inspections; /* of TjInspection *: those inspections, by date */
  TjRatio ratios[TJ_INDICATOR_N];
  gint64 points[TJ_INDICATOR_N]; /* weight × ratio, in hundredths rounded half away from zero:
                                  * shown only; the score is not their sum but exact */
  gint64 deducted;     /* deduction × deductions, hundredths */
  gboolean red;
  gboolean black;
  guint on_schedule_months; /* bit m − 1: month m's bulletin (m ≤ N) finds the unit on schedule */
} TjRankingUnit;

typedef struct
{
  int year;
  int quarter;           /* 1..4 */
  int month;             /* N = 3Q */
  char *quarter_end;     /* E, YYYY-MM-DD */
  char *organisation;
  TjRankingSettings settings; /* the values in force */
  GPtrArray *units;      /* of TjRankingUnit *, in ranked order */
} TjRanking;

/* One inspection behind a deduction, for a reader to check it by hand: its date, its project
 * and its final verdict ("2026-08-15巡查陈庄一号，结论：虚报"). */
char *tj_ranking_deduction_text (TjRankingUnit *unit,
                                 guint          index);

/* Parses "2026-Q3" (also "2026q3"): FALSE with a message naming the text when it is not one. */
gboolean tj_quarter_parse (const char *text,
                           int        *year,
                           int        *quarter,
                           GError    **error);

TjRanking *tj_ranking_build (TjDb    *db,
                             int      year,
                             int      quarter,
                             GError **error);
void tj_ranking_free (TjRanking *self);
TjRankingUnit *tj_ranking_find (TjRanking  *self,
                                const char *name);

/* num ÷ den (den > 0) rounded to a whole number, half away from zero: the mean of scores in
 * hundredths. */
gint64 tj_ranking_round_quotient (gint64 num,
                                  gint64 den);

TjReportBook *tj_ranking_book (TjRanking *self);
gboolean tj_ranking_write (TjDb       *db,
                           int         year,
                           int         quarter,
                           const char *path,
                           GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjRanking, tj_ranking_free)

G_END_DECLS
