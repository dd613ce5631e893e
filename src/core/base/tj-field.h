/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A record's fields as a person entered them, tidied before validation: the one place where
 * an empty text becomes none and a date is read, for the records of meetings, matters and
 * inspections alike. */

void tj_field_tidy_text (char **text);
gboolean tj_field_tidy_date (GPtrArray  *problems,
                             const char *field,
                             const char *label,
                             char      **date);

G_END_DECLS
