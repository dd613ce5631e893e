/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"

G_BEGIN_DECLS

/* The working-day calendar of the approval time limits (推进机制 (三)). Dates are ISO
 * 'YYYY-MM-DD' strings. Working days are Monday to Friday, minus the public holidays, plus the
 * adjusted working weekends (调休上班) of the holiday table; a year with no rows in the table is
 * counted as plain weekdays. The day of acceptance is never counted. */
typedef struct _TjCalendar TjCalendar; /* the holiday table loaded once, immutable */

TjCalendar *tj_calendar_load (TjDb    *db,
                              GError **error);
TjCalendar *tj_calendar_new_empty (void); /* plain weekdays */
void tj_calendar_free (TjCalendar *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjCalendar, tj_calendar_free)

gboolean tj_calendar_is_workday (TjCalendar *self,
                                 const char *date);
/* A table exists for that year. */
gboolean tj_calendar_has_year (TjCalendar *self,
                               int         year);
/* The n-th working day after accepted, wherever accepted falls; n = 0 gives accepted itself.
 * NULL for a date that is not one or n < 0. */
char *tj_calendar_deadline (TjCalendar *self,
                            const char *accepted,
                            int         days);
/* Working days in (accepted, finished]; 0 when finished on the day of acceptance (即办); -1 when
 * finished is before accepted or a date is bad. */
int tj_calendar_elapsed (TjCalendar *self,
                         const char *accepted,
                         const char *finished);
/* Working days in (today, deadline]; when the deadline has passed, -(working days in
 * (deadline, today]); 0 for a date that is not one. */
int tj_calendar_remaining (TjCalendar *self,
                           const char *today,
                           const char *deadline);
/* Years of from_year..to_year without a table (GArray of int), for "counted as plain weekdays"
 * notices. */
GArray *tj_calendar_missing_years (TjCalendar *self,
                                   int         from_year,
                                   int         to_year);

/* One row of the holiday table. kind is "holiday" (放假) or "workday" (调休上班). */
typedef struct
{
  char *date;
  char *kind;
  char *name;
} TjHoliday;

void tj_holiday_free (TjHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjHoliday, tj_holiday_free)

/* Columns 日期, 类型 (放假 or 上班), 名称; UTF-8 or GB18030. Every year in the file replaces that
 * year's table. All or nothing: with errors in result nothing is written. result->added counts
 * the days written, result->updated the days the replaced years had before. */
gboolean tj_holidays_import (TjDb            *db,
                             const char      *path,
                             gboolean         dry_run,
                             TjImportResult **result,
                             GError         **error);
/* The rows of one year by date, of TjHoliday; year 0 lists every year. */
GPtrArray *tj_holidays_list (TjDb    *db,
                             int      year,
                             GError **error);
/* Inserts or replaces one day, validated, in one transaction. */
gboolean tj_holidays_save (TjDb       *db,
                           const char *date,
                           const char *kind,
                           const char *name,
                           GError    **error);
gboolean tj_holidays_delete (TjDb       *db,
                             const char *date,
                             GError    **error);

G_END_DECLS
