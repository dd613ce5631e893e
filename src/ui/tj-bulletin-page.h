/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-page.h"

G_BEGIN_DECLS

#define TJ_TYPE_BULLETIN_PAGE (tj_bulletin_page_get_type ())
G_DECLARE_FINAL_TYPE (TjBulletinPage, tj_bulletin_page, TJ, BULLETIN_PAGE, TjPage)

void tj_bulletin_page_set_month (TjBulletinPage *self,
                                 int             month);
const char *tj_bulletin_page_get_overview (TjBulletinPage *self);
const char *tj_bulletin_page_get_lock_text (TjBulletinPage *self,
                                            const char    **differs);
const char *tj_bulletin_page_get_reporting (TjBulletinPage *self,
                                           const char    **unreported);

G_END_DECLS
