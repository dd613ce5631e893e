/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"
#include "tj-deletion.h"
#include "tj-import.h"

G_BEGIN_DECLS

/* 要素保障 (policy 七): one need of a project, funds sought from a source or a quota needed, and
 * what was secured or allocated of it. Funds are yuan (typed and shown in 万元); quotas are
 * hundredths of their unit (12.35 亩 is 1235). Secured never exceeds needed: the ledger lists
 * needs, a larger secured amount is recorded by raising the need first, and a 万元/元 slip is
 * caught at once. */
typedef enum
{
  TJ_ELEMENT_CENTRAL,   /* 中央资金 */
  TJ_ELEMENT_PROVINCE,  /* 省级资金 */
  TJ_ELEMENT_ZHENGZHOU, /* 郑州市资金 */
  TJ_ELEMENT_BOND,      /* 债券 */
  TJ_ELEMENT_LOAN,      /* 银行贷款 */
  TJ_ELEMENT_PRIVATE,   /* 社会资本 */
  TJ_ELEMENT_LAND,      /* 用地指标, 亩 */
  TJ_ELEMENT_ENERGY,    /* 用能指标, 吨标煤 */
  TJ_ELEMENT_EMISSION,  /* 排污指标, 吨 */
  TJ_N_ELEMENT_KINDS,
} TjElementKind;

gboolean tj_element_kind_is_fund (TjElementKind kind);
const char *tj_element_kind_label (TjElementKind kind);
/* 万元, 亩, 吨标煤, 吨 */
const char *tj_element_kind_unit (TjElementKind kind);
const char *tj_element_kind_key (TjElementKind kind);
/* The kind of a stored key or of its label; FALSE for neither. */
gboolean tj_element_kind_parse (const char    *text,
                                TjElementKind *kind);

/* An amount as typed (万元 for funds, the unit for quotas) into the stored integer. */
gboolean tj_element_parse_amount (TjElementKind kind,
                                  const char   *text,
                                  gint64       *amount,
                                  GError      **error);
/* The stored integer as shown: "120.50" (万元, or the unit), no grouping. */
char *tj_element_format_amount (TjElementKind kind,
                                gint64        amount);

typedef struct
{
  gint64 id; /* 0: not stored yet */
  gint64 project_id;
  TjElementKind kind;
  gint64 needed;      /* > 0 */
  char *needed_date;  /* YYYY-MM-DD, required */
  gint64 secured;     /* 0 ≤ secured ≤ needed */
  char *secured_date; /* required when secured > 0 */
  char *note;
} TjElement;

TjElement *tj_element_new (gint64        project_id,
                           TjElementKind kind);
TjElement *tj_element_copy (const TjElement *self);
void tj_element_free (TjElement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjElement, tj_element_free)

/* Reads the amounts as typed (secured may be empty: none yet); adds to problems what is wrong,
 * naming the field (fields "needed", "secured"). */
void tj_element_set_amounts (TjElement  *self,
                             const char *needed,
                             const char *secured,
                             GPtrArray  *problems);
/* Tidies the dates and the note, then adds to problems what is wrong, naming the field. */
void tj_element_validate (TjElement *self,
                          GPtrArray *problems);
/* Validates, then inserts (setting id) or updates, inside the caller's transaction. */
gboolean tj_element_write (TjDb      *db,
                           TjElement *self,
                           GError   **error);
/* Validates, then inserts (setting id) or updates, in a transaction of its own. */
gboolean tj_element_save (TjDb      *db,
                          TjElement *self,
                          GError   **error);
/* A project's needs in the order entered; an error never reads as none. */
GPtrArray *tj_elements_load (TjDb    *db,
                             gint64   project_id,
                             GError **error);
TjDeletion *tj_element_delete_undoable (TjDb    *db,
                                        gint64   id,
                                        GError **error);

/* tj-element-import.c: needs of the projects on year's list from a file (.xlsx, .xls or CSV);
 * a need stored for the same project, kind and date of request is updated. */
gboolean tj_element_import (TjDb            *db,
                            const char      *path,
                            int              year,
                            gboolean         dry_run,
                            TjImportResult **result,
                            GError         **error);

G_END_DECLS
