/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* Project exit (退出, policy 十二): candidates proposed by rule or by hand, the proposal list for
 * the government (退出建议名单), and the decision. An exited project leaves every report of a
 * period after its exit date (tj-project-active.h) and stays in its history. */

typedef enum
{
  TJ_EXIT_RED_THREE_MONTHS = 1 << 0, /* red in three consecutive monthly bulletins */
  TJ_EXIT_NOT_STARTED = 1 << 1,      /* not started six months after the planned start */
  TJ_EXIT_NOT_CARRIED = 1 << 2,      /* of last year's list, not finished, not carried over */
  TJ_EXIT_BY_HAND = 1 << 3,          /* proposed by a clerk with a reason */
} TjExitRule;

typedef struct
{
  gint64 project_id;
  int year; /* the project's list */
  char *name;
  char *locality;
  char *planned_start;
  guint rules;    /* TjExitRule */
  char *proposed; /* the earliest date a clerk proposed it, or NULL */
  GString *facts; /* each rule's facts with their dates */
} TjExitCandidate;

void tj_exit_candidate_free (TjExitCandidate *self);
char *tj_exit_rules_text (guint rules);

/* The candidates for year's exits as of as_of (YYYY-MM-DD): the rules' and the clerks'
 * proposals of projects that have not exited by then, by locality then name. */
GPtrArray *tj_exit_candidates (TjDb       *db,
                               int         year,
                               const char *as_of,
                               GError    **error);
/* A clerk proposes a project's exit (提出退出建议) on date with a reason. */
gboolean tj_exit_propose (TjDb       *db,
                          gint64      project_id,
                          const char *date,
                          const char *reason,
                          GError    **error);
/* The decision (退出决定): its date (the exit date, not before the proposal), its document
 * number (文号, required) and the land recovered in hundredths of a 亩 (−1: none) with its date. */
gboolean tj_exit_decide (TjDb       *db,
                         gint64      project_id,
                         const char *date,
                         const char *document,
                         gint64      land,
                         const char *land_date,
                         GError    **error);

TjReportBook *tj_exit_book (TjDb       *db,
                            int         year,
                            const char *as_of,
                            GError    **error);
gboolean tj_exit_write (TjDb       *db,
                        int         year,
                        const char *as_of,
                        const char *path,
                        GError    **error);

G_END_DECLS
