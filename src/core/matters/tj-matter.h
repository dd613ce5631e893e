/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-deletion.h"

G_BEGIN_DECLS

/* 会议: the monthly meeting (月例会), a special coordination meeting (专题协调会) or an
 * observation tour (观摩), where matters are decided. */
typedef enum
{
  TJ_MEETING_MONTHLY,      /* 月例会, stored 'monthly' */
  TJ_MEETING_COORDINATION, /* 专题协调会, 'coordination' */
  TJ_MEETING_TOUR,         /* 观摩, 'tour' */
} TjMeetingKind;

const char *tj_meeting_kind_label (TjMeetingKind kind);   /* translated */
const char *tj_meeting_kind_to_sql (TjMeetingKind kind);
gboolean tj_meeting_kind_from_label (const char    *label, /* the label or the SQL word */
                                     TjMeetingKind *kind);

/* A matter's status as of a day T (issue 8): finished on or before T → 按期办结 when finished ≤
 * the deadline in force, else 逾期办结; not finished by T → 超期未办结 when T > the deadline in
 * force, else 办理中. */
typedef enum
{
  TJ_MATTER_IN_PROGRESS,    /* 办理中 */
  TJ_MATTER_DONE_ON_TIME,   /* 按期办结 */
  TJ_MATTER_DONE_LATE,      /* 逾期办结 */
  TJ_MATTER_OVERDUE,        /* 超期未办结 */
} TjMatterStatus;

const char *tj_matter_status_label (TjMatterStatus status); /* translated */

#define TJ_TYPE_MEETING (tj_meeting_get_type ())
G_DECLARE_FINAL_TYPE (TjMeeting, tj_meeting, TJ, MEETING, GObject)

struct _TjMeeting
{
  GObject parent_instance;
  gint64 id;
  TjMeetingKind kind;
  char *date; /* YYYY-MM-DD */
  char *name;
  char *chair;     /* 主持 */
  char *attendees; /* 参会 */
  char *summary;   /* 纪要 */
  /* filled when listed */
  guint n_matters;
  guint n_open; /* not finished as of today */
};

/* 延期: asked for before the deadline then in force; in force once approved. */
typedef struct
{
  gint64 id;
  char *requested;    /* 申请日期 */
  char *reason;
  char *new_deadline; /* 延期至 */
  char *approved_by;  /* 批准人, NULL while not approved */
  char *approved;     /* 批准日期, NULL while not approved */
} TjMatterExtension;

/* 一事一报: a progress report of the responsible unit. */
typedef struct
{
  gint64 id;
  char *date;
  char *text;
} TjMatterReport;

/* 议定事项 (交办事项): one task decided at a meeting. */
#define TJ_TYPE_MATTER (tj_matter_get_type ())
G_DECLARE_FINAL_TYPE (TjMatter, tj_matter, TJ, MATTER, GObject)

struct _TjMatter
{
  GObject parent_instance;
  /* stored */
  gint64 id;
  gint64 meeting_id;
  char *content;     /* 事项内容 */
  gint64 project_id; /* 0 when the matter has no project */
  gint64 leader_id;  /* 牵头领导 (a person), 0 when none */
  gint64 unit_id;    /* 责任单位 */
  char *person;      /* 责任人, as written */
  char *assigned;    /* 交办日期 */
  char *deadline;    /* 办结期限, as first set */
  char *finished;    /* 办结日期, NULL while open */
  char *result;      /* 办理结果 */
  GPtrArray *extensions; /* TjMatterExtension by request date; NULL when not loaded: write
                          * then leaves the stored ones as they are */
  GPtrArray *reports;    /* TjMatterReport by date; NULL when not loaded, as above */
  /* names, filled when loaded */
  char *meeting_name;
  char *meeting_date;
  TjMeetingKind meeting_kind;
  char *project_name;
  char *locality_name; /* the project's 属地, NULL without a project */
  char *leader_name;
  char *unit_name;
  /* computed when loaded */
  char *deadline_in_force; /* the last approved extension's new date, else deadline */
};

/* The deadline in force: deadline, or the new date of the approved extension approved last
 * (by approval date, then id). Returns a string owned by the caller. */
char *tj_matter_deadline_in_force (const char *deadline,
                                   GPtrArray  *extensions);
/* The status as of as_of (YYYY-MM-DD), by the rule above. */
TjMatterStatus tj_matter_status_at (const char *finished,
                                    const char *deadline_in_force,
                                    const char *as_of);
TjMatterStatus tj_matter_get_status (TjMatter   *self,
                                     const char *as_of);

TjMatterExtension *tj_matter_extension_new (void);
void tj_matter_extension_free (TjMatterExtension *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjMatterExtension, tj_matter_extension_free)
TjMatterReport *tj_matter_report_new (const char *date,
                                      const char *text);
void tj_matter_report_free (TjMatterReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjMatterReport, tj_matter_report_free)

/* Meetings */
TjMeeting *tj_meeting_new (void);
GPtrArray *tj_meeting_validate (TjMeeting *self); /* TjProblem: fields "kind", "date", "name" */
GPtrArray *tj_meeting_list (TjDb    *db,
                            int      year, /* of the meeting's date */
                            GError **error);
/* The years of the meetings' dates, ascending (tuijin check reads each year's). */
GArray *tj_meeting_years (TjDb    *db,
                          GError **error);
TjMeeting *tj_meeting_load (TjDb    *db,
                            gint64   id,
                            GError **error);
/* Validates, then inserts or updates inside the caller's transaction (an import). */
gboolean tj_meeting_write (TjDb      *db,
                           TjMeeting *meeting,
                           GError   **error);
gboolean tj_meeting_save (TjDb      *db,
                          TjMeeting *meeting,
                          GError   **error);
gboolean tj_meeting_delete (TjDb    *db, /* with its matters */
                            gint64   id,
                            GError **error);
/* The same, undone by tj_deletion_undo: the meeting, its matters, their extensions and reports
 * back with their ids, in one transaction. */
TjDeletion *tj_meeting_delete_undoable (TjDb    *db,
                                        gint64   id,
                                        GError **error);

/* Matters */
TjMatter *tj_matter_new (void);
TjMatter *tj_matter_copy (TjMatter *self);
/* TjProblem per field ("content", "unit", "assigned", "deadline", "finished", "extensions",
 * "reports"): required fields, valid dates (rewritten YYYY-MM-DD), deadline ≥ assigned,
 * finished ≥ assigned, an extension requested on or before the deadline in force at the time,
 * its new date after it, approved on or after the request, reports dated on or after assigned. */
GPtrArray *tj_matter_validate (TjMatter *self,
                               TjDb     *db);
/* The matters of the meetings of a year, by meeting date, meeting, then id; extensions and
 * reports loaded. meeting_id 0: all meetings. */
GPtrArray *tj_matter_list (TjDb    *db,
                           int      year,
                           gint64   meeting_id,
                           GError **error);
/* One matter of tj_matter_foreach: its strings are valid during the call only. */
typedef struct
{
  gint64 id;
  gint64 project_id;
  TjMeetingKind meeting_kind;
  const char *meeting_date;
  const char *meeting_name;
  const char *content;
  const char *project_name;
  const char *locality_name;
  const char *leader_name;
  const char *unit_name;
  const char *person;
  const char *assigned;
  const char *deadline;
  const char *deadline_in_force; /* by tj_matter_deadline_in_force's rule */
  const char *finished;
  const char *report_date; /* the last report on or before report_until, or NULL */
  const char *report_text;
} TjMatterRow;

typedef gboolean (*TjMatterRowFunc) (const TjMatterRow *row,
                                     gpointer           data,
                                     GError           **error);

/* The matters of tj_matter_list (year, all meetings), in its order, read as they go in one
 * statement (for the ledger and the accountability list of 20,000 matters): no object per
 * matter. report_until (YYYY-MM-DD) names the last report made on or before it; NULL: none.
 * project_names FALSE: the rows' project_name and locality_name are NULL, and the projects are
 * not read (for a caller that has them by project_id). Stops at func's FALSE (its error) or a
 * read error. */
gboolean tj_matter_foreach (TjDb            *db,
                            int              year,
                            const char      *report_until,
                            gboolean         project_names,
                            TjMatterRowFunc  func,
                            gpointer         data,
                            GError         **error);
/* A matter as the ranking counts it: its project (0: none), its responsible unit's name, its
 * deadline in force (NULL when it has none) and its finish date; strings during the call only. */
typedef void (*TjMatterDatedFunc) (gint64      project_id,
                                   const char *unit_name,
                                   const char *deadline_in_force,
                                   const char *finished,
                                   gpointer    data);

gboolean tj_matter_foreach_dated (TjDb             *db,
                                  TjMatterDatedFunc func,
                                  gpointer          data,
                                  GError          **error);
GPtrArray *tj_matter_list_project (TjDb    *db,
                                   gint64   project_id,
                                   GError **error);
TjMatter *tj_matter_load (TjDb    *db,
                          gint64   id,
                          GError **error);
/* Validates, then writes the matter and its loaded extensions and reports inside the caller's
 * transaction (an import). */
gboolean tj_matter_write (TjDb     *db,
                          TjMatter *matter,
                          GError  **error);
gboolean tj_matter_save (TjDb     *db, /* validates, one transaction */
                         TjMatter *matter,
                         GError  **error);
gboolean tj_matter_delete (TjDb    *db,
                           gint64   id,
                           GError **error);
TjDeletion *tj_matter_delete_undoable (TjDb    *db, /* with its extensions and reports */
                                       gint64   id,
                                       GError **error);

G_END_DECLS
