/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-ranking.h"

G_BEGIN_DECLS

/* The half-year and annual assessment (半年考核, 年考核; issue 9): see tj-assessment.c. */

typedef enum
{
  TJ_GRADE_ADVANCED, /* 先进 */
  TJ_GRADE_STANDARD, /* 达标 */
  TJ_GRADE_BACKWARD, /* 后进 */
} TjGrade;

const char *tj_grade_label (TjGrade grade); /* translated */

typedef struct
{
  TjRankPlace place;     /* score: the mean of the quarters' published scores, hundredths;
                          * tie: the investment ratio of the period's last quarter */
  gint64 id;
  char *name;
  gint64 scores[4];      /* each quarter's score, hundredths */
  guint ranks[4];        /* each quarter's rank */
  guint months_on_schedule; /* months of the period at or above the time schedule */
  TjGrade grade;
} TjAssessmentUnit;

typedef struct
{
  int year;
  gboolean half;         /* Q1 and Q2 only */
  int n_quarters;        /* 2 or 4 */
  char *organisation;
  TjRankingSettings settings;
  GPtrArray *units;      /* of TjAssessmentUnit *, in final ranked order */
} TjAssessment;

TjAssessment *tj_assessment_build (TjDb    *db,
                                   int      year,
                                   gboolean half,
                                   GError **error);
void tj_assessment_free (TjAssessment *self);
TjAssessmentUnit *tj_assessment_find (TjAssessment *self,
                                      const char   *name);

TjReportBook *tj_assessment_book (TjAssessment *self);
gboolean tj_assessment_write (TjDb       *db,
                              int         year,
                              gboolean    half,
                              const char *path,
                              GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjAssessment, tj_assessment_free)

G_END_DECLS
