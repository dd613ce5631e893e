/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

typedef enum
{
  TJ_LEVEL_NONE,
  TJ_LEVEL_PROVINCIAL,  /* 省重点 */
  TJ_LEVEL_PREFECTURAL, /* 郑州市重点 */
  TJ_LEVEL_CITY,        /* 登封市重点 */
  TJ_LEVEL_N
} TjLevel;

typedef enum
{
  TJ_NATURE_NONE,
  TJ_NATURE_NEW,         /* 新开工 */
  TJ_NATURE_CONTINUING,  /* 续建 */
  TJ_NATURE_COMPLETING,  /* 竣工 */
  TJ_NATURE_PREPARATORY, /* 前期 */
  TJ_NATURE_N
} TjNature;

#define TJ_TYPE_PROJECT (tj_project_get_type ())
G_DECLARE_FINAL_TYPE (TjProject, tj_project, TJ, PROJECT, GObject)

struct _TjProject
{
  GObject parent_instance;
  gint64 id;
  int year;
  char *code;
  char *name;
  TjLevel level;
  TjNature nature;
  char *industry;
  char *content; /* 建设规模及内容 */
  gint64 locality_id;
  gint64 unit_id; /* 责任单位 */
  gint64 leader_id;
  gint64 officer_id;
  char *owner;
  char *contact;
  char *phone;
  gint64 total_investment; /* yuan */
  gint64 annual_plan;      /* yuan */
  char *planned_start;      /* YYYY-MM */
  char *planned_completion; /* YYYY-MM */
  char *actual_start;       /* YYYY-MM-DD */
  char *actual_completion;  /* YYYY-MM-DD */
  char *stats_date;         /* 入库日期, YYYY-MM-DD */
  char *notes;
  gint64 carried_from;
  char *created;
  char *updated;
  /* names of the referenced records, filled when loaded */
  char *locality_name;
  char *unit_name;
  char *leader_name;
  char *officer_name;
  char *exit_date; /* the exit decision's date (退出, tj-exit.h), or NULL; never written here */
};

/* The names of the levels are the organisation's, kept in its settings. */
typedef struct
{
  char *full[TJ_LEVEL_N];  /* 省重点, 郑州市重点, 登封市重点 */
  char *brief[TJ_LEVEL_N]; /* 省, 郑州市, 登封市 */
} TjLevelNames;

TjProject *tj_project_new (void);
TjProject *tj_project_copy (TjProject *self);
void tj_project_reset (TjProject *self);

const char *tj_nature_label (TjNature nature);
TjNature tj_nature_from_label (const char *label);
const char *tj_level_code (TjLevel level);
const char *tj_nature_code (TjNature nature);
TjLevel tj_level_from_code (const char *code);
TjNature tj_nature_from_code (const char *code);
TjLevelNames *tj_level_names_load (TjDb    *db,
                                   GError **error);
void tj_level_names_free (TjLevelNames *names);
TjLevel tj_level_names_parse (TjLevelNames *names,
                              const char   *text);
char **tj_industries_load (TjDb    *db,
                           GError **error);
const char *tj_project_field_label (const char *field);

GPtrArray *tj_project_validate (TjProject *self,
                                TjDb      *db);
GPtrArray *tj_project_list (TjDb    *db,
                            int      year,
                            GError **error);
GPtrArray *tj_project_load_many (TjDb         *db,
                                 const gint64 *ids,
                                 guint         n_ids,
                                 GError      **error);
TjProject *tj_project_load (TjDb    *db,
                            gint64   id,
                            GError **error);
gint64 tj_project_find (TjDb       *db,
                        int         year,
                        const char *name);
char *tj_project_unknown_message (TjDb       *db,
                                  int         year,
                                  const char *name,
                                  GError    **error);
gboolean tj_project_write (TjDb      *db,
                           TjProject *project,
                           gboolean   keep_id,
                           GError   **error);
gboolean tj_project_write_listed (TjDb      *db,
                                  TjProject *project,
                                  gint64     max_amount,
                                  GError   **error);
gboolean tj_project_save (TjDb      *db,
                          TjProject *project,
                          GError   **error);
gboolean tj_project_delete (TjDb    *db,
                            gint64   id,
                            GError **error);
gboolean tj_project_carry_over (TjDb         *db,
                                const gint64 *ids,
                                guint         n_ids,
                                int           to_year,
                                GError      **error);
GArray *tj_project_years (TjDb    *db,
                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TjLevelNames, tj_level_names_free)

G_END_DECLS
