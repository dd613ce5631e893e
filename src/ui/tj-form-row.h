/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The forms show a field's problem under its title, in the error colour. */
void tj_form_row_set_problem (AdwActionRow *row,
                              const char   *message);
const char *tj_form_row_get_problem (AdwActionRow *row);

/* A form's save: FALSE when it refused (the problems shown at their fields) or failed. */
typedef gboolean (*TjFormSaveFunc) (gpointer form);

void tj_form_class_add_save (GtkWidgetClass *widget_class,
                             TjFormSaveFunc  save);

/* A form's field: its row, its input and what it reads. */
AdwActionRow *tj_form_row_new (const char *field,
                               const char *title,
                               GtkWidget  *input);
AdwActionRow *tj_form_find_row (GtkWidget  *form,
                                const char *field);
GtkWidget *tj_form_find_input (GtkWidget  *form,
                               const char *field);
GtkWidget *tj_form_entry_new (const char *text,
                              const char *placeholder);
char *tj_form_entry_get_text (GtkWidget *entry);
void tj_form_read_date (GtkWidget  *entry,
                        const char *field,
                        char      **slot,
                        GPtrArray  *problems);
void tj_form_add_rule_problems (GPtrArray *problems,
                                GPtrArray *rules);
void tj_form_choices_unread (GtkWidget    *form,
                             GtkWidget    *input,
                             gboolean     *read_failed,
                             const GError *error);

/* What a user does in a form's field (for tests and scripted use). */
gboolean tj_form_set_text (GtkWidget  *form,
                           const char *field,
                           const char *text);
gboolean tj_form_choose (GtkWidget  *form,
                         const char *field,
                         const char *label);
const char *tj_form_get_message (GtkWidget  *form,
                                 const char *field);

/* Drop-downs whose items stand for values (ids, enumerations). */
void tj_drop_down_set_choices (GtkDropDown   *dropdown,
                               GtkStringList *labels,
                               GArray        *values);
gint64 tj_drop_down_get_value (GtkDropDown *dropdown);
void tj_drop_down_set_value (GtkDropDown *dropdown,
                             gint64       value);

/* Drop-downs over a GtkStringList whose first item means "all" or "none". */
gboolean tj_drop_down_choose (GtkDropDown *dropdown,
                              const char  *prefix);
const char *tj_drop_down_get_chosen (GtkDropDown *dropdown);

/* Search in the popup that filters a GtkStringList's items by the text typed. */
void tj_drop_down_enable_search (GtkDropDown *dropdown);
GListModel *tj_drop_down_get_search_results (GtkDropDown *dropdown);

G_END_DECLS
