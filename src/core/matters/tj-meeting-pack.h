/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-matter.h"
#include "tj-report.h"

G_BEGIN_DECLS

/* 会议材料: what the monthly meeting on a day D reviews of the matters decided before it. */
typedef enum
{
  TJ_PACK_NEW,     /* 新交办: assigned after the last monthly meeting before D, before D */
  TJ_PACK_OPEN,    /* 在办: not finished by D, deadline in force not passed (办理中 as of D) */
  TJ_PACK_OVERDUE, /* 超期未办结 as of D */
  TJ_PACK_CLOSED,  /* 办结: finished after the last meeting, on or before D */
  TJ_PACK_N_GROUPS
} TjPackGroup;

const char *tj_pack_group_label (TjPackGroup group); /* translated */

typedef struct
{
  char *date;         /* D */
  char *last_meeting; /* the date of the last monthly meeting before D, NULL when none */
  GPtrArray *groups[TJ_PACK_N_GROUPS]; /* of TjMatter, by meeting date then id */
} TjMeetingPack;

/* The matters of the meetings of D's year and the year before, grouped as above; a matter
 * assigned on D or after (at the meeting itself) is in no group. */
TjMeetingPack *tj_meeting_pack_new (TjDb       *db,
                                    const char *date,
                                    GError    **error);
void tj_meeting_pack_free (TjMeetingPack *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjMeetingPack, tj_meeting_pack_free)

/* One sheet, the four groups under their headings, each matter with its reports up to D. */
TjReportBook *tj_meeting_pack_book (TjDb          *db,
                                    TjMeetingPack *pack);
gboolean tj_meeting_pack_write (TjDb       *db,
                                const char *date,
                                const char *path,
                                GError    **error);

G_END_DECLS
