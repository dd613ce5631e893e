/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-deletion.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 统计入库 (policy 八). A project meets the entry condition when it has started (an actual start
 * date) and its total investment is at least the threshold; it is entered when it has a
 * statistics entry date (入库日期, projects.stats_date). */

/* The threshold in yuan: the ranking's statistics threshold (TjRankingSettings.threshold_wan, whole
 * 万元, 500 by default), the one setting for the entry list and the ranking's indicator. */
gboolean tj_statistics_threshold (TjDb    *db,
                                  gint64  *yuan,
                                  GError **error);

/* 跟进: what the office did to get a project entered. */
typedef struct
{
  gint64 id;
  gint64 project_id;
  char *date;    /* YYYY-MM-DD, required */
  char *note;    /* required */
  char *by_whom; /* optional */
} TjStatisticsFollowup;

TjStatisticsFollowup *tj_statistics_followup_new (gint64      project_id,
                                                  const char *date,
                                                  const char *note,
                                                  const char *by_whom);
TjStatisticsFollowup *tj_statistics_followup_copy (const TjStatisticsFollowup *self);
void tj_statistics_followup_free (TjStatisticsFollowup *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjStatisticsFollowup, tj_statistics_followup_free)

/* Tidies the date and the texts, then adds to problems what is wrong, naming the field
 * ("date", "note"). */
void tj_statistics_followup_validate (TjStatisticsFollowup *self,
                                      GPtrArray            *problems);
/* Validates, then inserts or updates inside the caller's transaction. */
gboolean tj_statistics_followup_write (TjDb                 *db,
                                       TjStatisticsFollowup *self,
                                       GError              **error);
/* Validates (naming the field), then inserts or updates in a transaction of its own. */
gboolean tj_statistics_followup_save (TjDb                 *db,
                                      TjStatisticsFollowup *self,
                                      GError              **error);

/* Deletes one follow-up, kept to be put back by tj_deletion_undo; NULL with error. */
TjDeletion *tj_statistics_followup_delete_undoable (TjDb    *db,
                                                    gint64   id,
                                                    GError **error);

/* A project's follow-ups by date; NULL with error. */
GPtrArray *tj_statistics_followups_load (TjDb    *db,
                                         gint64   project_id,
                                         GError **error);
/* A follow-up of the project named on year's list (an error naming the nearest name when none
 * is), saved as tj_statistics_followup_save does. */
gboolean tj_statistics_followup_add (TjDb       *db,
                                     int         year,
                                     const char *project,
                                     const char *date,
                                     const char *note,
                                     const char *by_whom,
                                     GError    **error);

/* The entry of one locality for a year: the projects meeting the condition, those of them
 * entered, the rate (entered ÷ meeting; 0 when none meets it). */
typedef struct
{
  char *locality;
  guint meeting;
  guint entered;
  double rate;
} TjStatisticsRate;

void tj_statistics_rate_free (TjStatisticsRate *self);
/* Per locality with a project of the year, by the localities' order; NULL with error. The
 * book leaves the rate blank where none meets the condition. */
GPtrArray *tj_statistics_rates (TjDb    *db,
                                int      year,
                                GError **error);

/* The book of a year: 1. the projects meeting the condition and not entered, with their
 * follow-ups: the list sent to the statistics bureau (its title says so); 2. the projects not
 * entered that do not meet it, naming the missing conditions; 3. the entry rate per locality,
 * with the county's total. */
TjReportBook *tj_statistics_entry_book (TjDb    *db,
                                        int      year,
                                        GError **error);
gboolean tj_statistics_entry_write (TjDb       *db,
                                    int         year,
                                    const char *path,
                                    GError    **error);

G_END_DECLS
