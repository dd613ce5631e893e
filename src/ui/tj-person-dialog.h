/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-person.h"
#include "tj-unit.h"

G_BEGIN_DECLS

#define TJ_TYPE_PERSON_DIALOG (tj_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TjPersonDialog, tj_person_dialog, TJ, PERSON_DIALOG, AdwMessageDialog)
#define TJ_TYPE_UNIT_DIALOG (tj_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TjUnitDialog, tj_unit_dialog, TJ, UNIT_DIALOG, AdwMessageDialog)

typedef void (*TjPersonSavedFunc) (TjPerson *person,
                                   gpointer  user_data);
typedef void (*TjUnitSavedFunc) (TjUnit  *unit,
                                 gpointer user_data);

GtkWindow *tj_person_dialog_present (GtkWindow        *parent,
                                     TjDb             *db,
                                     TjPerson         *person,
                                     TjPersonSavedFunc saved,
                                     gpointer          user_data);
GtkWindow *tj_unit_dialog_present (GtkWindow      *parent,
                                   TjDb           *db,
                                   TjUnit         *unit,
                                   TjUnitSavedFunc saved,
                                   gpointer        user_data);

G_END_DECLS
