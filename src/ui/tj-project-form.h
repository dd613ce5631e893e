/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-project.h"

G_BEGIN_DECLS

#define TJ_TYPE_PROJECT_FORM (tj_project_form_get_type ())
G_DECLARE_FINAL_TYPE (TjProjectForm, tj_project_form, TJ, PROJECT_FORM, AdwWindow)

GtkWindow *tj_project_form_new (TjDb      *db,
                                TjProject *project,
                                int        year);
gboolean tj_project_form_set_text (TjProjectForm *self,
                                   const char    *field,
                                   const char    *text);
gboolean tj_project_form_choose (TjProjectForm *self,
                                 const char    *field,
                                 const char    *label);
GtkWidget *tj_project_form_get_input (TjProjectForm *self,
                                     const char    *field);
gboolean tj_project_form_choose_nth (TjProjectForm *self,
                                     const char    *field,
                                     guint          position);
const char *tj_project_form_get_message (TjProjectForm *self,
                                         const char    *field);
gboolean tj_project_form_save (TjProjectForm *self);

G_END_DECLS
