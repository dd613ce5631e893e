/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_AGENCY_PAGE (tj_agency_page_get_type ())
G_DECLARE_FINAL_TYPE (TjAgencyPage, tj_agency_page, TJ, AGENCY_PAGE, TjPage)

GListModel *tj_agency_page_get_shown (TjAgencyPage *self);
char *tj_agency_page_get_cell_text (TjAgencyPage *self,
                                    guint         position,
                                    const char   *column);

G_END_DECLS
