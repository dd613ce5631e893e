/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-bulletin.h"

G_BEGIN_DECLS

/* What the three parts of the bulletin share: the figures (tj-bulletin.c), the overview's prose
 * (tj-bulletin-overview.c) and the workbook (tj-bulletin-book.c). Not for outside this folder. */

/* Exact arithmetic on whole yuan (tj-bulletin.c). */
gint64 tj_bulletin_scaled_round (gint64 num,
                                 gint64 den,
                                 guint  digits);
gint64 tj_bulletin_gap_numerator (gint64 cumulative,
                                  gint64 plan,
                                  int    month);

/* A bulletin whose projects are not kept: its sums, groups and lists only; its detail table
 * (tj_bulletin_detail_report) streams from the database (tj-bulletin.c). */
TjBulletin *tj_bulletin_build_sums (TjDb    *db,
                                    int      year,
                                    int      month,
                                    GError **error);

/* The names of a list the overview's sentence shows before "等". */
#define TJ_BULLETIN_NAMES_IN_TEXT 12

/* Whether a project stands on the lagging list: a yellow or a red light (tj-bulletin.c). */
gboolean tj_bulletin_project_lags (const TjBulletinProject *p);

/* The statements the detail table streams with (?1 year, ?2 month): the year's projects as
 * stored; those of one level (?3: 1 provincial, 2 prefectural, 3 city, 4 none) as entered. */
extern const char tj_bulletin_scan_sql[];
extern const char tj_bulletin_level_sql[];
/* The lagging sheet's (?1 year, ?2 month): the year's projects in the order of the lists (by
 * name in pinyin, then by level and as entered), sorted by SQLite, whose sorter spills to a
 * temporary file rather than holding them (one sequential read: 10,000 reads by id took a third
 * more); and one project by its id (?3). */
extern const char tj_bulletin_by_name_sql[];
extern const char tj_bulletin_project_sql[];

/* One project of a statement above, judged against month N: its strings point into the
 * statement's row. FALSE with an error naming the project whose amounts are out of bounds. */
gboolean tj_bulletin_read_project (TjBulletin        *self,
                                   sqlite3_stmt      *stmt,
                                   TjBulletinProject *p,
                                   GError           **error);

/* Figures as the bulletin's words show them (tj-bulletin-overview.c). */
char *tj_bulletin_tenths_text (gint64 tenths);
char *tj_bulletin_rate_text (gint64 part,
                             gint64 whole);
char *tj_bulletin_gap_phrase (gint64 cumulative,
                              gint64 plan,
                              int    month);

G_END_DECLS
