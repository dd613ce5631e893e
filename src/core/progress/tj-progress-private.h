/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-progress.h"

G_BEGIN_DECLS

/* The rules of one month's report (tj-progress.c) that the import (tj-progress-import.c) holds
 * each row of a file to. Not for outside this folder. */

static inline gboolean
tj_progress_is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

gint64 tj_progress_sum_before (const gint64 completed[13],
                               int          month);
int tj_progress_first_negative_cumulative (const gint64 completed[13],
                                           int          from,
                                           gint64      *cumulative);
char *tj_progress_negative_cumulative_message (int    month,
                                               gint64 cumulative);
gboolean tj_progress_set_actual_dates (TjDb       *db,
                                       gint64      project_id,
                                       const char *actual_start,
                                       const char *actual_completion,
                                       gboolean   *changed,
                                       GError    **error);

/* What one file of a month's reports answers for, when it is not the whole year's list. */
typedef struct
{
  GHashTable *project_ids; /* gint64 * set: the projects it answers for; NULL for all */
  const char *sheet;       /* a workbook's sheet to read, or NULL for its first */
  gboolean keep_unfilled;  /* a project it names without a figure, or does not name, keeps the
                            * month's report it has (a township's kit: the office may have
                            * entered it already); otherwise the file replaces the month */
} TjProgressScope;

/* A fill-in kit's columns, the first TJ_PROGRESS_KIT_LOCKED locked, the one after them the
 * month's figure. */
#define TJ_PROGRESS_KIT_LOCKED 4
const char *const *tj_progress_kit_headers (guint *n_headers);

gboolean tj_progress_import_in_transaction (TjDb                  *db,
                                            const char            *path,
                                            int                    year,
                                            int                    month,
                                            const TjProgressScope *scope,
                                            TjImportResult        *result,
                                            GError               **error);

G_END_DECLS
