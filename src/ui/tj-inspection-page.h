/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_INSPECTION_PAGE (tj_inspection_page_get_type ())
G_DECLARE_FINAL_TYPE (TjInspectionPage, tj_inspection_page, TJ, INSPECTION_PAGE, TjPage)

GListModel *tj_inspection_page_get_shown (TjInspectionPage *self);
guint tj_inspection_page_get_overdue (TjInspectionPage *self);
char *tj_inspection_page_get_cell_text (TjInspectionPage *self,
                                        guint             position,
                                        const char       *column);
void tj_inspection_page_set_search (TjInspectionPage *self,
                                    const char       *text);
gboolean tj_inspection_page_choose_filter (TjInspectionPage *self,
                                           const char       *filter,
                                           const char       *label);
gboolean tj_inspection_page_delete (TjInspectionPage *self,
                                    guint             position);
void tj_inspection_page_export (TjInspectionPage *self,
                                const char       *path);
void tj_inspection_page_export_record (TjInspectionPage *self,
                                       gint64            id,
                                       const char       *path);
gboolean tj_inspection_page_print_record (TjInspectionPage       *self,
                                          gint64                  id,
                                          GtkPrintOperationAction action,
                                          const char             *export_filename);

G_END_DECLS
