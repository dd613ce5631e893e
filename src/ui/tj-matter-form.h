/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-matter.h"

G_BEGIN_DECLS

/* A small form window of the 督办 page: its rows (tj_form_row_new), a 保存 button that calls
 * save, which returns the problems it found (shown at their fields; the window stays) or NULL
 * after saving (the window closes). A failure to write is put in error. */
typedef GPtrArray *(*TjMatterFormSave) (GtkWidget *form,
                                        gpointer   data,
                                        GError   **error);

GtkWindow *tj_matter_form_new (GtkWindow       *parent,
                               const char      *title,
                               TjMatterFormSave save,
                               gpointer         data,
                               GDestroyNotify   data_free);
void tj_matter_form_add (GtkWindow    *form,
                         AdwActionRow *row);
/* What the 保存 button does; TRUE when saved (for tests). */
gboolean tj_matter_form_save (GtkWindow *form);

/* The matter form (new when matter is NULL): meeting, content, project, lead leader, unit,
 * person, dates, and the extensions and reports the matter has. */
GtkWindow *tj_matter_form_new_matter (GtkWindow *parent,
                                      TjDb      *db,
                                      int        year,
                                      gint64     meeting_id,
                                      TjMatter  *matter,
                                      GError   **error);
GtkWindow *tj_matter_form_new_meeting (GtkWindow *parent,
                                       TjDb      *db,
                                       const char *today);
/* 申请延期, 报告进展, 办结 on a loaded matter. */
GtkWindow *tj_matter_form_new_extension (GtkWindow  *parent,
                                         TjDb       *db,
                                         TjMatter   *matter,
                                         const char *today);
GtkWindow *tj_matter_form_new_report (GtkWindow  *parent,
                                      TjDb       *db,
                                      TjMatter   *matter,
                                      const char *today);
GtkWindow *tj_matter_form_new_finish (GtkWindow  *parent,
                                      TjDb       *db,
                                      TjMatter   *matter,
                                      const char *today);

G_END_DECLS
