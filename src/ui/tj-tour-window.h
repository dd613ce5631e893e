/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_TOUR_WINDOW (tj_tour_window_get_type ())
G_DECLARE_FINAL_TYPE (TjTourWindow, tj_tour_window, TJ, TOUR_WINDOW, AdwWindow)

TjTourWindow *tj_tour_window_new (GtkWindow *parent,
                                  TjDb      *db,
                                  int        year);
gboolean tj_tour_window_save (TjTourWindow *self);
void tj_tour_window_export (TjTourWindow *self,
                            const char   *path);
/* Asks whether to delete the tour shown (its projects and scores with it); its answer deletes
 * with an Undo toast (kept as the window's "last-toast"). NULL when the tour is not saved. */
AdwMessageDialog *tj_tour_window_delete (TjTourWindow *self);
const char *tj_tour_window_get_error (TjTourWindow *self);
GtkEditable *tj_tour_window_get_score_cell (TjTourWindow *self,
                                            guint         stop,
                                            guint         criterion);

G_END_DECLS
