/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-calendar.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* 暂停期间: a period an approval item stood suspended (补正材料, 专家评审, 听证, 公示), left out
 * of its time limit (不计入办理时限). Dates are YYYY-MM-DD, both ends included. */
typedef struct
{
  gint64 id;
  char *from;
  char *to;
  char *reason;
  int days; /* computed: the working days it stops the clock, by tj_approval_item_compute */
} TjApprovalSuspension;

TjApprovalSuspension *tj_approval_suspension_new (const char *from,
                                                  const char *to,
                                                  const char *reason);
TjApprovalSuspension *tj_approval_suspension_copy (const TjApprovalSuspension *self);
void tj_approval_suspension_free (TjApprovalSuspension *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjApprovalSuspension, tj_approval_suspension_free)

/* A new array of TjApprovalSuspension (each freed with it). */
GPtrArray *tj_approval_suspensions_new (void);
GPtrArray *tj_approval_suspensions_copy (GPtrArray *suspensions);

/* The working days a period stops the clock of an item accepted on accepted: the calendar's
 * working days of [from, to] after the day of acceptance. 0 for bad dates. */
int tj_approval_suspension_days (TjCalendar                 *calendar,
                                 const char                 *accepted,
                                 const TjApprovalSuspension *suspension);

/* Adds to problems (field "suspensions") what is wrong with the periods of an item accepted on
 * accepted and finished on finished (NULL when not): both dates required and valid (rewritten as
 * YYYY-MM-DD in place), from ≤ to, not before the acceptance, not after the finish, no overlap,
 * a reason. Sorts the periods by their start. */
void tj_approval_suspensions_validate (GPtrArray  *suspensions,
                                      const char *accepted,
                                      const char *finished,
                                      GPtrArray  *problems);

/* The stored periods of one item, by start date. */
GPtrArray *tj_approval_suspensions_load (TjDb    *db,
                                         gint64   item_id,
                                         GError **error);
/* Replaces the stored periods of an item with these, inside the caller's transaction. */
gboolean tj_approval_suspensions_write (TjDb      *db,
                                        gint64     item_id,
                                        GPtrArray *suspensions,
                                        GError   **error);

/* "2026-03-02 至 2026-03-04 补正材料（3 个工作日）", as the ledger's notes show a period. */
char *tj_approval_suspension_describe (const TjApprovalSuspension *self);

G_END_DECLS
