/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"
#include "tj-project.h"

G_BEGIN_DECLS

#define TJ_TYPE_PROJECT_PAGE (tj_project_page_get_type ())
G_DECLARE_FINAL_TYPE (TjProjectPage, tj_project_page, TJ, PROJECT_PAGE, TjPage)

void tj_project_page_set_search (TjProjectPage *self,
                                 const char    *text);
GListModel *tj_project_page_get_shown (TjProjectPage *self);
GtkSelectionModel *tj_project_page_get_selection (TjProjectPage *self);
const char *tj_project_page_get_state (TjProjectPage *self);
const char *tj_project_page_get_footer (TjProjectPage *self);
GPtrArray *tj_project_page_get_shown_projects (TjProjectPage *self);
void tj_project_page_edit (TjProjectPage *self,
                           TjProject     *project);

G_END_DECLS
