/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of src/core/approvals share and nobody else needs: the stored codes of the
 * enumerations and the helpers of every record's validation, reading and writing. */

#include <sqlite3.h>

#include "tj-approval.h"
#include "tj-date.h"

G_BEGIN_DECLS

/* The codes stored in the database, indexed by the enumeration. */
extern const char *const tj_approval_stage_codes[TJ_STAGE_N];
extern const char *const tj_case_status_codes[TJ_CASE_N];
extern const char *const tj_evaluation_codes[TJ_EVALUATION_N];

static inline gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The enumeration value whose code this is; fallback when none. */
static inline guint
value_of (const char *const *codes,
          guint              n,
          const char        *code,
          guint              fallback)
{
  for (guint i = 0; i < n; i++)
    if (codes[i] != NULL && g_strcmp0 (code, codes[i]) == 0)
      return i;
  return fallback;
}

/* Trims a text field in place; an empty one becomes NULL. */
static inline void
tidy_text (char **text)
{
  if (*text != NULL)
    g_strstrip (*text);
  if (*text != NULL && **text == '\0')
    g_clear_pointer (text, g_free);
}

static inline char *
today_or_now (const char *today)
{
  return today != NULL ? g_strdup (today) : tj_date_today ();
}

gboolean tj_approval_tidy_date (GPtrArray  *problems,
                                const char *field,
                                char      **date);
gboolean tj_approval_project_exists (TjDb   *db,
                                     gint64  project_id);
gint64 tj_approval_owner_project (TjDb       *db,
                                  const char *sql,
                                  gint64      id);
gpointer tj_approval_only_record (GPtrArray  *records,
                                  const char *missing,
                                  GError    **error);

/* Items read one at a time, computed as they are read (tj-approval-item.c). */
typedef struct _TjApprovalItemCursor TjApprovalItemCursor;

TjApprovalItemCursor *tj_approval_item_cursor_new (TjDb       *db,
                                                   const char *condition,
                                                   gint64      key,
                                                   const char *today,
                                                   GError    **error);
TjApprovalItemCursor *tj_approval_item_cursor_year (TjDb       *db,
                                                    int         year,
                                                    const char *today,
                                                    GError    **error);
TjApprovalItem *tj_approval_item_cursor_next (TjApprovalItemCursor *self,
                                              GError              **error);
void tj_approval_item_cursor_rewind (TjApprovalItemCursor *self);
TjCalendar *tj_approval_item_cursor_get_calendar (TjApprovalItemCursor *self);
const char *tj_approval_item_cursor_get_today (TjApprovalItemCursor *self);
void tj_approval_item_cursor_free (TjApprovalItemCursor *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjApprovalItemCursor, tj_approval_item_cursor_free)

G_END_DECLS
