/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* What the demo's files share: the state of one fill and the draws on its one seed
 * (tj-demo.c), used by the meetings, matters and inspections (tj-demo-oversight.c). Not for
 * outside this folder. */

/* The current year is seen as at the end of October (the 1—10月 bulletin), the previous one
 * whole. */
#define CURRENT_AS_OF_MONTH 10

typedef struct
{
  TjDb *db;
  GRand *rand;
  GPtrArray *localities;     /* of TjUnit */
  GArray *officers;          /* gint64: two per locality, in the order of localities */
  GArray *leaders;           /* gint64 */
  GHashTable *people;        /* names given to people */
  GHashTable *project_names; /* over both years: a name comes back only when carried over */
  char **industries;
} Demo;

static inline int
pick (Demo *demo,
      int   n)
{
  return g_rand_int_range (demo->rand, 0, n);
}

static inline gboolean
chance (Demo  *demo,
        double p)
{
  return g_rand_double (demo->rand) < p;
}

/* tj-demo.c */
char *tj_demo_contact_name (Demo *demo);
char *tj_demo_person_name (Demo *demo);
char *tj_demo_office_phone (Demo *demo);
int tj_demo_month_of (const char *date,
                      int         year);
char *tj_demo_as_of_day (int year);

/* tj-demo-oversight.c: 督办 and 巡查 (issue 8) */
gboolean tj_demo_add_meetings (Demo    *demo,
                               int      year,
                               GError **error);
gboolean tj_demo_add_inspections (Demo    *demo,
                                  int      year,
                                  GError **error);

/* tj-demo-mechanism.c: delegations, visits, tours, funds and quotas, statistics follow-ups
 * (issues 9 and 10) */
gboolean tj_demo_add_mechanism (Demo    *demo,
                                int      year,
                                GError **error);

G_END_DECLS
