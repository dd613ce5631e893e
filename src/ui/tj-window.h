/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-application.h"
#include "tj-db.h"
#include "tj-agency-page.h"
#include "tj-approval-page.h"
#include "tj-bulletin-page.h"
#include "tj-inspection-page.h"
#include "tj-ranking-page.h"
#include "tj-matter-page.h"
#include "tj-period-dialog.h"
#include "tj-progress-page.h"
#include "tj-project-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_WINDOW (tj_window_get_type ())
G_DECLARE_FINAL_TYPE (TjWindow, tj_window, TJ, WINDOW, AdwApplicationWindow)

TjWindow *tj_window_new (TjApplication *app,
                         TjDb          *db);
TjDb *tj_window_get_db (TjWindow *self);
TjProjectPage *tj_window_get_project_page (TjWindow *self);
AdwViewStack *tj_window_get_stack (TjWindow *self);
TjProgressPage *tj_window_get_progress_page (TjWindow *self);
TjAgencyPage *tj_window_get_agency_page (TjWindow *self);
TjApprovalPage *tj_window_get_approval_page (TjWindow *self);
TjMatterPage *tj_window_get_matter_page (TjWindow *self);
TjBulletinPage *tj_window_get_bulletin_page (TjWindow *self);
TjInspectionPage *tj_window_get_inspection_page (TjWindow *self);
TjRankingPage *tj_window_get_ranking_page (TjWindow *self);
/* 导出责任追究清单: the dialog asking for the period (the menu's first step), and the export
 * itself once the file is chosen, in the window's export job. */
TjPeriodDialog *tj_window_ask_accountability_period (TjWindow *self);
void tj_window_export_accountability (TjWindow   *self,
                                      const char *from,
                                      const char *to,
                                      const char *as_of,
                                      const char *path);
void tj_window_set_search (TjWindow   *self,
                           const char *text);

G_END_DECLS
