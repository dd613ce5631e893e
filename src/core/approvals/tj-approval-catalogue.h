/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-approval-labels.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* A matter of the catalogue the item form chooses from. */
#define TJ_TYPE_CATALOGUE_ENTRY (tj_catalogue_entry_get_type ())
G_DECLARE_FINAL_TYPE (TjCatalogueEntry, tj_catalogue_entry, TJ, CATALOGUE_ENTRY, GObject)

struct _TjCatalogueEntry
{
  GObject parent_instance;
  gint64 id;
  char *name;
  gint64 unit_id;
  char *unit_name; /* filled when loaded */
  TjApprovalStage stage;
  int statutory_days;
};

/* The catalogue (defaults seeded by schema 3) */
TjCatalogueEntry *tj_catalogue_entry_new (void);
GPtrArray *tj_catalogue_entry_validate (TjCatalogueEntry *self,
                                        TjDb             *db);
GPtrArray *tj_catalogue_list (TjDb    *db,
                              GError **error);
gboolean tj_catalogue_entry_save (TjDb             *db,
                                  TjCatalogueEntry *entry,
                                  GError          **error);
gboolean tj_catalogue_entry_delete (TjDb    *db,
                                    gint64   id,
                                    GError **error);

G_END_DECLS
