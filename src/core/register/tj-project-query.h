/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-project.h"

G_BEGIN_DECLS

/* The columns the project list sorts by, as the page shows them. */
typedef enum
{
  TJ_PROJECT_SORT_NONE, /* the order of entry (id) */
  TJ_PROJECT_SORT_NAME,
  TJ_PROJECT_SORT_LEVEL,
  TJ_PROJECT_SORT_NATURE,
  TJ_PROJECT_SORT_INDUSTRY,
  TJ_PROJECT_SORT_LOCALITY,
  TJ_PROJECT_SORT_UNIT,
  TJ_PROJECT_SORT_LEADER,
  TJ_PROJECT_SORT_OFFICER,
  TJ_PROJECT_SORT_TOTAL,
  TJ_PROJECT_SORT_PLAN,
  TJ_PROJECT_SORT_PLANNED_START,
  TJ_PROJECT_SORT_ACTUAL_START,
  TJ_PROJECT_SORT_STATS,
  TJ_PROJECT_SORT_N
} TjProjectSort;

/* Exited (退出, tj-project-active.h) or not, as of today. */
typedef enum
{
  TJ_PROJECT_EXIT_ALL,
  TJ_PROJECT_EXIT_ACTIVE,
  TJ_PROJECT_EXIT_EXITED,
} TjProjectExit;

typedef enum
{
  TJ_PROJECT_STATS_ALL,
  TJ_PROJECT_STATS_ENTERED,
  TJ_PROJECT_STATS_NOT_ENTERED,
} TjProjectStats;

/* Which projects of a year the list shows, and in which order. */
typedef struct
{
  int year;
  TjLevel level;       /* TJ_LEVEL_NONE: all */
  TjNature nature;     /* TJ_NATURE_NONE: all */
  char *locality;      /* name of the locality; NULL: all */
  char *industry;      /* NULL: all */
  TjProjectStats stats;
  TjProjectExit exit;
  char *search;        /* in name, owner, content, people, locality, unit, contact; NULL: all */
  TjProjectSort sort;
  gboolean descending;
} TjProjectQuery;

/* What the list's summary line shows. */
typedef struct
{
  guint count;
  gint64 total_investment; /* yuan, saturating */
  gint64 annual_plan;      /* yuan, saturating */
} TjProjectSummary;

TjProjectQuery *tj_project_query_new (int year);
void tj_project_query_free (TjProjectQuery *query);
GArray *tj_project_query_ids (TjDb                 *db,
                              const TjProjectQuery *query,
                              TjProjectSummary     *summary,
                              GError              **error);

/* What the list read last, kept between its queries: the ids in order for the filters and sort,
 * and the searched text of the year's projects. Cleared when the data changes. */
typedef struct _TjProjectQueryCache TjProjectQueryCache;

TjProjectQueryCache *tj_project_query_cache_new (void);
void tj_project_query_cache_free (TjProjectQueryCache *cache);
void tj_project_query_cache_clear (TjProjectQueryCache *cache);
GArray *tj_project_query_ids_cached (TjDb                 *db,
                                     const TjProjectQuery *query,
                                     TjProjectQueryCache  *cache,
                                     TjProjectSummary     *summary,
                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjProjectQuery, tj_project_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjProjectQueryCache, tj_project_query_cache_free)

G_END_DECLS
