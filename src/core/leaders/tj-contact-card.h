/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tj-db.h"

G_BEGIN_DECLS

/* 服务联系卡 (policy 五): one A4 portrait page per project, for its owner: the project, its city
 * leader (the acting one too during a delegation, as of the day), its service officer, the
 * locality's contact and the service centre, with their phones. The same pages go to a PDF
 * (tj_contact_cards_write) and to a printer (paginate nothing: one card a page; draw each page
 * in draw-page with the print context's Pango context). */
typedef struct _TjContactCards TjContactCards;

#define TJ_CONTACT_CARD_CENTRE_KEY "service_centre"
#define TJ_CONTACT_CARD_CENTRE_PHONE_KEY "service_centre_phone"

gboolean tj_contact_card_read_centre (TjDb     *db,
                                      char    **name,
                                      char    **phone,
                                      GError  **error);
gboolean tj_contact_card_set_centre (TjDb        *db,
                                     const char  *name,
                                     const char  *phone,
                                     GError     **error);
TjContactCards *tj_contact_cards_new (TjDb         *db,
                                      const gint64 *project_ids,
                                      guint         n_projects,
                                      const char   *date,
                                      GError      **error);
void tj_contact_cards_free (TjContactCards *self);
guint tj_contact_cards_get_n_pages (TjContactCards *self);
void tj_contact_cards_draw_page (TjContactCards *self,
                                 cairo_t        *cr,
                                 PangoContext   *context, /* NULL: a PDF's */
                                 double          page_width,
                                 double          page_height,
                                 guint           page);
GArray *tj_contact_cards_year_projects (TjDb    *db,
                                        int      year,
                                        GError **error);
gboolean tj_contact_cards_write (TjDb         *db,
                                 const gint64 *project_ids,
                                 guint         n_projects,
                                 const char   *date,
                                 const char   *path,
                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjContactCards, tj_contact_cards_free)

G_END_DECLS
