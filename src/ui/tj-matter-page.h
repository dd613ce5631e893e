/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_MATTER_PAGE (tj_matter_page_get_type ())
G_DECLARE_FINAL_TYPE (TjMatterPage, tj_matter_page, TJ, MATTER_PAGE, TjPage)

/* The day the statuses are as of: today unless set (for tests). */
void tj_matter_page_set_today (TjMatterPage *self,
                               const char   *today);
GListModel *tj_matter_page_get_shown (TjMatterPage *self);
char *tj_matter_page_get_cell_text (TjMatterPage *self,
                                    guint         position,
                                    const char   *column);
void tj_matter_page_select (TjMatterPage *self,
                            guint         position);
void tj_matter_page_show_meeting (TjMatterPage *self,
                                  gint64        meeting_id);
/* The form the last action opened (for tests). */
GtkWindow *tj_matter_page_get_form (TjMatterPage *self);
/* The 督办台账 of the page's year as of its day (.xlsx, .pdf or .csv by the name). */
void tj_matter_page_export_ledger (TjMatterPage *self,
                                   const char   *path);
void tj_matter_page_export_pack (TjMatterPage *self,
                                 const char   *date,
                                 const char   *path);

G_END_DECLS
