/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"

G_BEGIN_DECLS

/* 调研走访 (policy 一, 五): a city leader or a service officer at a project's site. */
typedef struct
{
  gint64 id;                /* 0 until saved */
  gint64 project_id;
  gint64 person_id;
  char *date;               /* YYYY-MM-DD */
  char *found;              /* 发现问题 */
  char *solved;             /* 解决问题 */
  /* read only: filled when listed */
  char *person;
} TjVisit;

TjVisit *tj_visit_new (void);
void tj_visit_free (TjVisit *self);
GPtrArray *tj_visit_validate (TjVisit  *self,
                              TjDb     *db,
                              GError  **error);
gboolean tj_visit_write (TjDb     *db,
                         TjVisit  *self,
                         GError  **error);
gboolean tj_visit_save (TjDb     *db,
                        TjVisit  *self,
                        GError  **error);
gboolean tj_visit_delete (TjDb    *db,
                          gint64   id,
                          GError **error);
GPtrArray *tj_visit_list (TjDb    *db,
                          gint64   project_id,
                          GError **error);
gboolean tj_visit_month_note (TjDb     *db,
                              int       year,
                              int       month,
                              char    **note,
                              GError  **error);
/* tj-visit-import.c */
gboolean tj_visit_import (TjDb            *db,
                          const char      *path,
                          gboolean         dry_run,
                          TjImportResult **result,
                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjVisit, tj_visit_free)

G_END_DECLS
