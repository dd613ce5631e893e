/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-deletion.h"
#include "tj-file-job.h"
#include "tj-report-format.h"

G_BEGIN_DECLS

#define TJ_TYPE_PAGE (tj_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TjPage, tj_page, TJ, PAGE, GtkWidget)

/* A page of the window: it reads its database (the construct-only property "db") and shows the
 * list of its "year", bound to the window's. */
struct _TjPageClass
{
  GtkWidgetClass parent_class;

  /* The year was set to another value: show its list (called before notify::year). */
  void (*year_changed) (TjPage *self);

  gpointer padding[4];
};

TjDb *tj_page_get_db (TjPage *self);
int tj_page_get_year (TjPage *self);
void tj_page_set_year (TjPage *self,
                       int     year);
void tj_page_watch_tables (TjPage            *self,
                           const char *const *tables,
                           GCallback          callback);

/* What the pages do alike: a toast on the window, a deletion offered for undo, and an export
 * asked for in a save dialog and written by a TjFileJob. */
void tj_page_show_toast (TjPage   *self,
                         AdwToast *toast);
void tj_page_alert (TjPage     *self,
                    const char *heading,
                    const char *body);
AdwToast *tj_page_delete_with_undo (TjPage     *self,
                                    TjDeletion *deletion,
                                    const char *title);

/* The formats a save dialog offers: TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_PDF) | ... */
#define TJ_PAGE_FORMAT(format) (1u << (format))
#define TJ_PAGE_FORMATS_ALL                                                                     \
  (TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_XLSX) | TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_PDF) |              \
   TJ_PAGE_FORMAT (TJ_REPORT_FORMAT_CSV))

/* What an accepted save dialog does with its path (completed with the chosen format's
 * extension); data is the one given to tj_page_choose_export. */
typedef void (*TjPageExportFunc) (TjPage     *self,
                                  const char *path,
                                  gpointer    data);

void tj_page_choose_export (TjPage          *self,
                            const char      *title,
                            const char      *name,
                            guint            formats,
                            const char      *csv_label,
                            TjPageExportFunc func,
                            gpointer         data,
                            GDestroyNotify   data_free);
void tj_page_export (TjPage        *self,
                     TjFileJob     *jobs,
                     const char    *path,
                     TjFileJobFunc  func,
                     gpointer       data,
                     GDestroyNotify data_free);

G_END_DECLS
