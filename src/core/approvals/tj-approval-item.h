/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-approval-labels.h"
#include "tj-approval-suspension.h"
#include "tj-calendar.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* An item not finished with this many working days or fewer left is "due soon". */
#define TJ_APPROVAL_DUE_SOON_DAYS 2

/* 审批事项: one approval by one department for one project. */
#define TJ_TYPE_APPROVAL_ITEM (tj_approval_item_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalItem, tj_approval_item, TJ, APPROVAL_ITEM, GObject)

struct _TjApprovalItem
{
  GObject parent_instance;
  /* stored */
  gint64 id;
  gint64 project_id;
  gint64 case_id;  /* 代办件, 0 when none */
  gint64 batch_id; /* 并联批次, 0 when none */
  char *name;      /* 事项名称 */
  TjApprovalStage stage;
  gint64 unit_id;     /* 审批部门 */
  int statutory_days; /* 法定时限, working days */
  int committed_days; /* 承诺时限, working days; ≤ statutory */
  gboolean green;     /* 绿色通道 */
  char *handler;      /* 经办人 */
  char *accepted;     /* 受理, YYYY-MM-DD or NULL */
  char *copied;       /* 抄告 */
  char *finished;     /* 办结 */
  char *delivered;    /* 送达 */
  gboolean suspended; /* 暂停 flag (schema 3): shown; the figures depend on the periods only */
  GPtrArray *suspensions; /* 暂停期间, TjApprovalSuspension by start date; NULL when not loaded:
                           * tj_approval_item_write then leaves the stored ones as they are */
  char *notes;
  /* names of the referenced records, filled when loaded */
  char *project_name;
  int project_year;
  char *locality_name; /* the project's 属地 */
  char *unit_name;     /* the department */
  int unit_order;      /* the department's place in the unit list */
  char *case_company;  /* the case's entrusting company */
  char *agent_name;    /* the case's 代办员 */
  char *batch_accepted; /* the batch's acceptance date */
  guint n_reminders;   /* 催办 logged */
  char *last_reminded; /* the latest reminder's date */
  /* computed by tj_approval_item_compute (every list and load does it) */
  TjItemState state;
  int suspended_days;    /* working days of the suspension periods, not counted in any limit */
  char *deadline;        /* 办结期限: the (committed_days + suspended_days)-th working day after
                          * accepted; NULL when not accepted */
  gboolean has_elapsed;  /* finished (and accepted) */
  int elapsed;           /* 用时: working days in (accepted, finished] less the suspended ones;
                          * 0 is 即办 */
  gboolean has_remaining; /* accepted and not finished */
  int remaining;         /* working days from today to the deadline; negative when past */
  gboolean overdue;      /* not finished and today > deadline */
  gboolean late;         /* finished after the deadline */
  gboolean due_soon;     /* not finished, not overdue, remaining ≤ TJ_APPROVAL_DUE_SOON_DAYS */
  gboolean has_speedup;  /* finished and statutory_days > 0 */
  double speedup;        /* 提速率 = (statutory − elapsed) ÷ statutory; may be negative */
  gboolean met_target;   /* speedup ≥ 50%, exactly: 2 × (statutory − elapsed) ≥ statutory */
};

/* 催办: a reminder sent about an item. */
#define TJ_TYPE_APPROVAL_REMINDER (tj_approval_reminder_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalReminder, tj_approval_reminder, TJ, APPROVAL_REMINDER, GObject)

struct _TjApprovalReminder
{
  GObject parent_instance;
  gint64 id;
  gint64 item_id;
  char *date;
  char *by_whom;
  char *note;
};

/* The green channel proposes half the statutory limit, rounded down. 推进机制 (四) */
int tj_approval_green_committed (int statutory_days);

/* Items */
TjApprovalItem *tj_approval_item_new (void);
TjApprovalItem *tj_approval_item_copy (TjApprovalItem *self);
void tj_approval_item_compute (TjApprovalItem *self,
                               TjCalendar     *calendar,
                               const char     *today);
char *tj_approval_item_deadline (TjCalendar *calendar,
                                 const char *accepted,
                                 int         committed_days,
                                 GPtrArray  *suspensions,
                                 int        *suspended_days);

/* An accepted item of year's list as the ranking reads it: its project, its deadline (NULL never:
 * items without one are not passed) and its finish date (NULL when not finished); the strings
 * only during the call. */
typedef void (*TjApprovalDeadlineFunc) (gint64      project_id,
                                        const char *deadline,
                                        const char *finished,
                                        gpointer    data);

gboolean tj_approval_item_foreach_deadline (TjDb                  *db,
                                            int                    year,
                                            TjApprovalDeadlineFunc func,
                                            gpointer               data,
                                            GError               **error);
GPtrArray *tj_approval_item_validate (TjApprovalItem *self,
                                      TjDb           *db);
GPtrArray *tj_approval_item_list (TjDb       *db,
                                  int         year,
                                  const char *today,
                                  GError    **error);
GPtrArray *tj_approval_item_list_project (TjDb       *db,
                                          gint64      project_id,
                                          const char *today,
                                          GError    **error);
GPtrArray *tj_approval_item_list_case (TjDb       *db,
                                       gint64      case_id,
                                       const char *today,
                                       GError    **error);
GPtrArray *tj_approval_item_list_batch (TjDb       *db,
                                        gint64      batch_id,
                                        const char *today,
                                        GError    **error);
TjApprovalItem *tj_approval_item_load (TjDb       *db,
                                       gint64      id,
                                       const char *today,
                                       GError    **error);
gboolean tj_approval_item_write (TjDb           *db,
                                 TjApprovalItem *item,
                                 GError        **error);
gboolean tj_approval_item_save (TjDb           *db,
                                TjApprovalItem *item,
                                GError        **error);
gboolean tj_approval_item_delete (TjDb    *db,
                                  gint64   id,
                                  GError **error);
guint tj_approval_items_count_overdue (GPtrArray *items);
void tj_approval_item_add_suspension (TjApprovalItem *self,
                                      const char     *from,
                                      const char     *to,
                                      const char     *reason);
/* The periods as a reader sees why a deadline moved: "2026-03-02 至 2026-03-04 补正材料（3 个工作日）；…";
 * "暂停（未记录起止日期）" for an item flagged suspended without periods; NULL for neither. */
char *tj_approval_item_describe_suspensions (TjApprovalItem *self);

/* 催办 */
gboolean tj_approval_reminder_write (TjDb       *db,
                                     gint64      item_id,
                                     const char *date,
                                     const char *by_whom,
                                     const char *note,
                                     GError    **error);
gboolean tj_approval_remind (TjDb       *db,
                             gint64      item_id,
                             const char *date,
                             const char *by_whom,
                             const char *note,
                             GError    **error);
GPtrArray *tj_approval_reminder_list (TjDb    *db,
                                      gint64   item_id,
                                      GError **error);

G_END_DECLS
