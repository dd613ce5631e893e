/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_INSPECTION_FORM (tj_inspection_form_get_type ())
G_DECLARE_FINAL_TYPE (TjInspectionForm, tj_inspection_form, TJ, INSPECTION_FORM, AdwWindow)

/* The inspection id (0 for a new one, of a project of year). */
GtkWindow *tj_inspection_form_new (TjDb  *db,
                                   gint64 id,
                                   int    year);
gboolean tj_inspection_form_save (TjInspectionForm *self);

/* What a user does (tests): a text field, a drop-down's item or a switch ("yes"), an evidence
 * box by its label, a finding and its rectification, a photo file as the chooser gives it. */
gboolean tj_inspection_form_set_text (TjInspectionForm *self,
                                      const char       *field,
                                      const char       *text);
gboolean tj_inspection_form_choose (TjInspectionForm *self,
                                    const char       *field,
                                    const char       *label);
const char *tj_inspection_form_get_message (TjInspectionForm *self,
                                            const char       *field);
/* The text shown by a computed field: "reported", "reported_progress", "difference", "rate",
 * "suggested". */
const char *tj_inspection_form_get_shown (TjInspectionForm *self,
                                          const char       *field);
void tj_inspection_form_add_finding (TjInspectionForm *self,
                                     const char       *kind,
                                     const char       *description,
                                     const char       *requirement,
                                     const char       *deadline);
gboolean tj_inspection_form_choose_photo_owner (TjInspectionForm *self,
                                                const char       *label);
gboolean tj_inspection_form_add_photo_file (TjInspectionForm *self,
                                            GFile            *file);
guint tj_inspection_form_get_n_thumbnails (TjInspectionForm *self);
GtkWidget *tj_inspection_form_get_thumbnail (TjInspectionForm *self,
                                             guint             index);

G_END_DECLS
