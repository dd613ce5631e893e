/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_APPROVAL_PAGE (tj_approval_page_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalPage, tj_approval_page, TJ, APPROVAL_PAGE, TjPage)

void tj_approval_page_set_today (TjApprovalPage *self,
                                 const char     *today);
GListModel *tj_approval_page_get_shown (TjApprovalPage *self);
guint tj_approval_page_get_overdue (TjApprovalPage *self);
char *tj_approval_page_get_cell_text (TjApprovalPage *self,
                                      guint           position,
                                      const char     *column);
gboolean tj_approval_page_remind (TjApprovalPage *self,
                                  guint           position,
                                  const char     *note);
void tj_approval_page_export (TjApprovalPage *self,
                              const char     *path,
                              gboolean        speedup);
void tj_approval_page_filter_overdue (TjApprovalPage *self,
                                      gboolean        overdue);

G_END_DECLS
