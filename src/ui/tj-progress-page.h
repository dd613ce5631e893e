/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_PROGRESS_PAGE (tj_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (TjProgressPage, tj_progress_page, TJ, PROGRESS_PAGE, TjPage)

void tj_progress_page_set_month (TjProgressPage *self,
                                 int             month);
int tj_progress_page_get_month (TjProgressPage *self);
GListModel *tj_progress_page_get_rows (TjProgressPage *self);
gboolean tj_progress_page_enter (TjProgressPage *self,
                                 guint           position,
                                 const char     *field,
                                 const char     *text);
char *tj_progress_page_get_cell_text (TjProgressPage *self,
                                            guint           position,
                                            const char     *field);
const char *tj_progress_page_get_lock_text (TjProgressPage *self);
const char *tj_progress_page_get_unreturned_text (TjProgressPage *self);
void tj_progress_page_import_kits (TjProgressPage *self,
                                   const char     *folder);
void tj_progress_page_import_file (TjProgressPage *self,
                                   const char     *path);
gboolean tj_progress_page_is_cell_editable (TjProgressPage *self,
                                            guint           position,
                                            const char     *field);

G_END_DECLS
