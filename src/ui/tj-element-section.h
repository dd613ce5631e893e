/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"

G_BEGIN_DECLS

/* The 要素保障 section of a project form: the project's funds and quotas, each with its gap, an
 * Add button, and Edit and Delete on every row; a delete can be undone from the section until the
 * next one. Follows changed::project_elements. */
AdwPreferencesGroup *tj_element_section_new (TjDb   *db,
                                             gint64  project_id);
/* Opens the dialog of a new need (for tests: what the Add button does); returns it. */
GtkWindow *tj_element_section_add (AdwPreferencesGroup *section);
/* The dialog's fields, named "kind", "needed", "needed_date", "secured", "secured_date", "note"
 * (for tests and scripted use). */
GtkWidget *tj_element_dialog_get_input (GtkWindow  *dialog,
                                        const char *field);

/* The 入库跟进 section of a project form: what the office did to get the project entered in the
 * statistics (date, what, by whom), Add, Edit and Delete with Undo as the needs'; the same
 * validation as `add followup`. Follows changed::statistics_followups. */
AdwPreferencesGroup *tj_followup_section_new (TjDb   *db,
                                              gint64  project_id);
/* Opens the dialog of a new follow-up dated today (what the Add button does); returns it. */
GtkWindow *tj_followup_section_add (AdwPreferencesGroup *section);
/* The dialog's fields, named "date", "note", "by_whom". */
GtkWidget *tj_followup_dialog_get_input (GtkWindow  *dialog,
                                         const char *field);

G_END_DECLS
