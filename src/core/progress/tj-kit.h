/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-import.h"

G_BEGIN_DECLS

/* Township fill-in kits (乡镇填报包): one protected workbook per locality for month M, its
 * projects' locked figures and the month's open columns, read back all together. */

/* The sheets of a kit, as the import looks them up. */
#define TJ_KIT_SHEET "进度填报"
#define TJ_KIT_CHECK_SHEET "校验"
/* The setting holding the database's identity, made on the first kit export. */
#define TJ_KIT_DATABASE_ID_KEY "kit_database_id"

GPtrArray *tj_kit_export (TjDb       *db,
                          int         year,
                          int         month,
                          const char *deadline,
                          const char *folder,
                          GError    **error);

/* One locality of an import of kits: returned (a workbook of it read) or not. */
typedef struct
{
  char *locality;
  gboolean returned;
  guint rows_filled;
  GPtrArray *problems; /* char *: this locality's workbooks' problems */
  GPtrArray *warnings; /* char *: its rows' warnings (a row without a figure), nothing refused */
} TjKitLocality;

typedef struct
{
  int year;              /* the month the kits are of */
  int month;
  GPtrArray *localities; /* TjKitLocality, every locality with projects that year */
  GPtrArray *problems;   /* char *: problems of no locality (a workbook not a kit of here) */
  TjImportResult *result;
} TjKitImport;

void tj_kit_import_free (TjKitImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjKitImport, tj_kit_import_free)

gboolean tj_kit_import (TjDb         *db,
                        char        **paths,
                        TjKitImport **import,
                        GError      **error);
GPtrArray *tj_kit_unreturned (TjDb    *db,
                              int      year,
                              int      month,
                              GError **error);
char *tj_kit_cell_hash (const char *database_id,
                        gint64      project_id,
                        const char *value);

G_END_DECLS
