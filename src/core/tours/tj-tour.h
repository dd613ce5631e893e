/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-deletion.h"
#include "tj-import.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 观摩 (policy 二, in even months): a tour of projects in the order of its route, scored by the
 * panel on criteria whose weights sum to 100. A score is the panel's agreed score, entered with
 * at most two decimals (36.5, 87.25) and kept in hundredths of a point (8725) so that totals are
 * exact; the report shows two decimals, so every score and total reads exactly as entered. */

#define TJ_TOUR_WEIGHT_TOTAL 100
#define TJ_TOUR_NO_SCORE (-1)

typedef struct
{
  char *name;   /* 形象进度 */
  guint weight; /* 40: the most a project scores on it */
} TjTourCriterion;

typedef struct
{
  gint64 project_id;
  /* read with the tour */
  char *name;
  char *locality;
} TjTourStop;

typedef struct
{
  gint64 id; /* 0: not saved */
  char *date;
  char *name;
  char *route;
  GPtrArray *criteria; /* of TjTourCriterion * */
  GPtrArray *stops;    /* of TjTourStop *, in the order visited */
  GArray *scores;      /* of gint64 hundredths, stop after stop, one per criterion;
                        * TJ_TOUR_NO_SCORE when not scored */
} TjTour;

/* One line of the ranking: best first, equal totals sharing a rank (1, 2, 2, 4) and listed by
 * project name in pinyin order. */
typedef struct
{
  guint stop;   /* index in the tour's stops */
  guint rank;
  gint64 total; /* hundredths */
} TjTourRank;

TjTour *tj_tour_new (void);
void tj_tour_free (TjTour *self);
void tj_tour_add_criterion (TjTour     *self,
                            const char *name,
                            guint       weight);
void tj_tour_add_default_criteria (TjTour *self);
void tj_tour_add_stop (TjTour     *self,
                       gint64      project_id,
                       const char *name,
                       const char *locality);
void tj_tour_move_stop (TjTour *self,
                        guint   from,
                        guint   to);
gint64 tj_tour_get_score (TjTour *self,
                          guint   stop,
                          guint   criterion);
void tj_tour_set_score (TjTour *self,
                        guint   stop,
                        guint   criterion,
                        gint64  hundredths);
gboolean tj_tour_parse_score (const char *text,
                              gint64     *hundredths,
                              GError    **error);
gboolean tj_tour_set_score_text (TjTour     *self,
                                 guint       stop,
                                 guint       criterion,
                                 const char *text,
                                 GError    **error);
char *tj_tour_format_score (gint64 hundredths);
const char *tj_tour_month_warning (const char *date);

gboolean tj_tour_validate (TjTour  *self,
                           GError **error);
gboolean tj_tour_write_record (TjDb    *db,
                               TjTour  *self,
                               GError **error);
gboolean tj_tour_save (TjDb    *db,
                       TjTour  *self,
                       GError **error);
gboolean tj_tour_delete (TjDb    *db,
                         gint64   id,
                         GError **error);
/* Deletes the tour with its criteria, projects visited and scores, kept to be put back whole
 * by tj_deletion_undo; NULL with error. */
TjDeletion *tj_tour_delete_undoable (TjDb    *db,
                                     gint64   id,
                                     GError **error);
/* The scores given in the tour (not the blank cells). */
guint tj_tour_count_scores (TjTour *self);
TjTour *tj_tour_load (TjDb       *db,
                      gint64      id,
                      GError    **error);
TjTour *tj_tour_load_by_date (TjDb       *db,
                              const char *date,
                              GError    **error);
GPtrArray *tj_tour_list (TjDb    *db,
                         GError **error);
GPtrArray *tj_tour_candidates (TjDb    *db,
                               int      year,
                               GError **error);
GArray *tj_tour_rank (TjDb    *db,
                      TjTour  *self,
                      GError **error);

TjReportBook *tj_tour_book (TjDb       *db,
                            const char *date,
                            GError    **error);
gboolean tj_tour_write (TjDb       *db,
                        const char *date,
                        const char *path,
                        GError    **error);
/* tj-tour-import.c: the scores of the tour on date from a file (.xlsx, .xls or CSV). */
gboolean tj_tour_import_scores (TjDb            *db,
                                const char      *path,
                                const char      *date,
                                gboolean         dry_run,
                                TjImportResult **result,
                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjTour, tj_tour_free)

G_END_DECLS
