/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-bulletin.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* Where a month's bulletin stands (签发): the latest issue of the month, if any. */
typedef struct
{
  gboolean issued;     /* a bulletin of the month was issued, whether it still stands or not */
  gboolean locked;     /* the latest issue stands: the month's reports cannot be changed */
  char *issued_on;     /* YYYY-MM-DD; NULL when not issued */
  char *issued_by;
  char *unlocked_on;   /* YYYY-MM-DD; NULL unless the latest issue was unlocked */
  char *unlocked_by;
  char *unlock_reason;
  gboolean differs;    /* the month's figures now differ from those issued */
} TjPeriodStatus;

void tj_period_status_free (TjPeriodStatus *status);
char *tj_period_status_describe (const TjPeriodStatus *status);

char *tj_period_bulletin_digest (TjBulletin *bulletin);
gboolean tj_period_check_issue (int         year,
                                int         month,
                                const char *issued_on,
                                const char *issued_by,
                                char      **date,
                                GError    **error);
gboolean tj_period_issue (TjDb       *db,
                          int         year,
                          int         month,
                          const char *issued_on,
                          const char *issued_by,
                          GError    **error);
gboolean tj_period_unlock (TjDb       *db,
                           int         year,
                           int         month,
                           const char *unlocked_by,
                           const char *reason,
                           GError    **error);
gboolean tj_period_status (TjDb            *db,
                           int              year,
                           int              month,
                           TjPeriodStatus **status,
                           GError         **error);
gboolean tj_period_status_full (TjDb            *db,
                                int              year,
                                int              month,
                                TjBulletin      *current,
                                gboolean         compare,
                                TjPeriodStatus **status,
                                GError         **error);
gboolean tj_period_count_reports (TjDb    *db,
                                  int      year,
                                  int      month,
                                  guint   *count,
                                  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjPeriodStatus, tj_period_status_free)

G_END_DECLS
