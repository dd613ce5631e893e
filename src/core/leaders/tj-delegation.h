/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* 委托 (policy 一): a city leader (分包市领导) away a month or more names another city leader to
 * look after the projects held, from date_from to date_to (YYYY-MM-DD, both included). */
typedef struct
{
  gint64 id;                /* 0 until saved */
  gint64 leader_id;
  gint64 acting_id;
  char *date_from;
  char *date_to;
  char *reason;
  /* read only: the names, filled when listed */
  char *leader;
  char *acting;
} TjDelegation;

TjDelegation *tj_delegation_new (void);
void tj_delegation_free (TjDelegation *self);
GPtrArray *tj_delegation_validate (TjDelegation *self,
                                   TjDb         *db,
                                   GError      **error);
gboolean tj_delegation_write (TjDb         *db,
                              TjDelegation *self,
                              GError      **error);
gboolean tj_delegation_save (TjDb         *db,
                             TjDelegation *self,
                             GError      **error);
gboolean tj_delegation_delete (TjDb    *db,
                               gint64   id,
                               GError **error);
GPtrArray *tj_delegation_list (TjDb    *db,
                               gint64   leader_id,
                               GError **error);
gboolean tj_delegation_acting_leader (TjDb       *db,
                                      gint64      leader_id,
                                      const char *date,
                                      gint64     *acting_id,
                                      GError    **error);
GHashTable *tj_delegation_leader_names (TjDb       *db,
                                        const char *date,
                                        GError    **error);
gboolean tj_delegation_in_force (const TjDelegation *self,
                                 const char         *day);
char *tj_delegation_label (const char *leader,
                           const char *acting);
char *tj_delegation_month_end (int year,
                               int month);

/* A city leader as the 领导 page lists them: the projects of a year held (分包), the
 * delegations while away and those where they act for another. */
typedef struct
{
  gint64 id;
  char *name;
  char *phone;
  GArray *project_ids;      /* of gint64, the year's projects held, by id */
  GPtrArray *project_names; /* of char *, the same order */
  GPtrArray *away;          /* of TjDelegation *, owned: delegated to another, by date */
  GPtrArray *acting_for;    /* of TjDelegation *, another's away (not owned), by date */
} TjLeader;

void tj_leader_free (TjLeader *self);
GPtrArray *tj_leader_list (TjDb    *db,
                           int      year,
                           GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjDelegation, tj_delegation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjLeader, tj_leader_free)

G_END_DECLS
