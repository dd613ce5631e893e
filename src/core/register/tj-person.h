/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

#define TJ_TYPE_PERSON (tj_person_get_type ())
G_DECLARE_FINAL_TYPE (TjPerson, tj_person, TJ, PERSON, GObject)

struct _TjPerson
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *post;
  gint64 unit_id;
  char *unit_name; /* filled by tj_person_list */
  char *phone;
  gboolean is_leader;  /* 分包市领导 */
  gboolean is_officer; /* 首席服务官 */
  gboolean is_staff;   /* 工作人员 */
  gboolean active;
};

TjPerson *tj_person_new (void);
char *tj_person_roles_label (TjPerson *self);

gboolean tj_phone_is_valid (const char *phone);
GPtrArray *tj_person_validate (TjPerson *self,
                               TjDb     *db);
GPtrArray *tj_person_list (TjDb    *db,
                           GError **error);
gboolean tj_person_write (TjDb     *db,
                          TjPerson *person,
                          GError  **error);
gboolean tj_person_save (TjDb     *db,
                         TjPerson *person,
                         GError  **error);
gboolean tj_person_delete (TjDb    *db,
                           gint64   id,
                           GError **error);
gint64 tj_person_find (TjDb       *db,
                       const char *name);

G_END_DECLS
