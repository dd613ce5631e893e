/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tj-db.h"
#include "tj-person.h"
#include "tj-unit.h"

G_BEGIN_DECLS

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
