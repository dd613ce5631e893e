/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-approval-labels.h"
#include "tj-db.h"

G_BEGIN_DECLS

/* 代办件: an investor's entrustment of a project's approvals to the service centre; free of
 * charge, so there is no fee. */
#define TJ_TYPE_AGENCY_CASE (tj_agency_case_get_type ())
G_DECLARE_FINAL_TYPE (TjAgencyCase, tj_agency_case, TJ, AGENCY_CASE, GObject)

struct _TjAgencyCase
{
  GObject parent_instance;
  gint64 id;
  gint64 project_id;
  char *company;   /* 委托单位 */
  char *contact;
  char *phone;
  char *entrusted; /* 委托日期, YYYY-MM-DD */
  gint64 agent_id; /* 代办员 (a person) */
  char *plan;      /* 代办方案: the matters and their planned dates, as written */
  TjCaseStatus status;
  char *termination_reason;
  char *delivery_method; /* 送达方式 */
  char *delivered;       /* 送达日期 */
  TjEvaluation evaluation;
  char *evaluation_comment;
  gboolean archived;
  /* filled when loaded */
  char *project_name;
  int project_year;
  char *locality_name;
  char *agent_name;
  guint n_items;
  guint n_finished;
};

/* Agency cases */
TjAgencyCase *tj_agency_case_new (void);
TjAgencyCase *tj_agency_case_copy (TjAgencyCase *self);
gboolean tj_agency_case_propose_company (TjAgencyCase *self,
                                         TjDb         *db,
                                         GError      **error);
GPtrArray *tj_agency_case_validate (TjAgencyCase *self,
                                    TjDb         *db);
GPtrArray *tj_agency_case_list (TjDb    *db,
                                int      year,
                                GError **error);

typedef struct _TjAgencyCaseCursor TjAgencyCaseCursor;

TjAgencyCaseCursor *tj_agency_case_cursor_year (TjDb    *db,
                                                int      year,
                                                GError **error);
TjAgencyCase *tj_agency_case_cursor_next (TjAgencyCaseCursor *self,
                                          GError            **error);
void tj_agency_case_cursor_rewind (TjAgencyCaseCursor *self);
void tj_agency_case_cursor_free (TjAgencyCaseCursor *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjAgencyCaseCursor, tj_agency_case_cursor_free)
GPtrArray *tj_agency_case_list_project (TjDb    *db,
                                        gint64   project_id,
                                        GError **error);
TjAgencyCase *tj_agency_case_load (TjDb    *db,
                                   gint64   id,
                                   GError **error);
gboolean tj_agency_case_write (TjDb         *db,
                               TjAgencyCase *agency_case,
                               GError      **error);
gboolean tj_agency_case_save (TjDb         *db,
                              TjAgencyCase *agency_case,
                              GError      **error);
gboolean tj_agency_case_delete (TjDb    *db,
                                gint64   id,
                                GError **error);

G_END_DECLS
