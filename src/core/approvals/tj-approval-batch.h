/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* 并联批次: items of one project accepted together at one window with a lead department. */
#define TJ_TYPE_APPROVAL_BATCH (tj_approval_batch_get_type ())
G_DECLARE_FINAL_TYPE (TjApprovalBatch, tj_approval_batch, TJ, APPROVAL_BATCH, GObject)

struct _TjApprovalBatch
{
  GObject parent_instance;
  gint64 id;
  gint64 project_id;
  gint64 lead_unit_id;
  char *accepted; /* YYYY-MM-DD */
  char *notes;
  /* filled when loaded */
  char *project_name;
  char *lead_unit_name;
  /* computed from its items */
  guint n_items;
  guint n_finished;
  int statutory_sum;    /* Σ statutory limits of its items: handled one after another */
  char *last_finished;  /* the latest finish date; NULL until every item is finished */
  gboolean has_elapsed; /* at least one item, every item finished */
  int elapsed;          /* working days in (accepted, last finished] */
  int saved;            /* statutory_sum − elapsed; may be negative */
};

/* Parallel batches */
TjApprovalBatch *tj_approval_batch_new (void);
GPtrArray *tj_approval_batch_validate (TjApprovalBatch *self,
                                       TjDb            *db);
GPtrArray *tj_approval_batch_list (TjDb    *db,
                                   int      year,
                                   GError **error);
GPtrArray *tj_approval_batch_list_project (TjDb    *db,
                                           gint64   project_id,
                                           GError **error);
TjApprovalBatch *tj_approval_batch_load (TjDb    *db,
                                         gint64   id,
                                         GError **error);
gboolean tj_approval_batch_write (TjDb            *db,
                                  TjApprovalBatch *batch,
                                  GError         **error);
gboolean tj_approval_batch_save (TjDb            *db,
                                 TjApprovalBatch *batch,
                                 GError         **error);
gboolean tj_approval_batch_delete (TjDb    *db,
                                   gint64   id,
                                   GError **error);

G_END_DECLS
