/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

typedef enum
{
  TJ_UNIT_SUBDISTRICT, /* 街道 */
  TJ_UNIT_TOWN,        /* 镇 */
  TJ_UNIT_TOWNSHIP,    /* 乡 */
  TJ_UNIT_DISTRICT,    /* 区（管委会） */
  TJ_UNIT_DEPARTMENT,  /* 市直部门 */
  TJ_UNIT_N_KINDS
} TjUnitKind;

#define TJ_TYPE_UNIT (tj_unit_get_type ())
G_DECLARE_FINAL_TYPE (TjUnit, tj_unit, TJ, UNIT, GObject)

struct _TjUnit
{
  GObject parent_instance;
  gint64 id;
  char *name;
  TjUnitKind kind;
  int sort_order;
  gboolean active;
};

TjUnit *tj_unit_new (void);
gboolean tj_unit_is_locality (TjUnit *self);
const char *tj_unit_kind_label (TjUnitKind kind);
const char *tj_unit_kind_code (TjUnitKind kind);

GPtrArray *tj_unit_validate (TjUnit *self,
                             TjDb   *db);
GPtrArray *tj_unit_list (TjDb    *db,
                         GError **error);
gboolean tj_unit_save (TjDb    *db,
                       TjUnit  *unit,
                       GError **error);
gboolean tj_unit_delete (TjDb    *db,
                         gint64   id,
                         GError **error);
gint64 tj_unit_find (TjDb       *db,
                     const char *name);
/* The edit distance (in characters) from name to candidate when it is near enough to be a slip
 * (at most one character in three differs), else G_MAXUINT: the rule for every "Did you mean". */
guint tj_name_slip_distance (const char *name,
                             const char *candidate);
TjUnit *tj_unit_nearest (GList      *units,
                         const char *name,
                         gboolean    locality);
char *tj_unit_unknown_message (GList      *units,
                               const char *name,
                               gboolean    locality);
gboolean tj_unit_write (TjDb    *db,
                        TjUnit  *unit,
                        GError **error);

G_END_DECLS
