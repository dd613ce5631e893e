/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-person"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"

G_DEFINE_FINAL_TYPE (TjPerson, tj_person, G_TYPE_OBJECT)

static void
tj_person_finalize (GObject *object)
{
  TjPerson *self = TJ_PERSON (object);

  g_free (self->name);
  g_free (self->post);
  g_free (self->unit_name);
  g_free (self->phone);
  G_OBJECT_CLASS (tj_person_parent_class)->finalize (object);
}

static void
tj_person_class_init (TjPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_person_finalize;
}

static void
tj_person_init (TjPerson *self)
{
  self->active = TRUE;
}

TjPerson *
tj_person_new (void)
{
  return g_object_new (TJ_TYPE_PERSON, NULL);
}

char *
tj_person_roles_label (TjPerson *self)
{
  g_autoptr (GPtrArray) roles = g_ptr_array_new ();

  if (self->is_leader)
    g_ptr_array_add (roles, (gpointer) _("City leader"));
  if (self->is_officer)
    g_ptr_array_add (roles, (gpointer) _("Service officer"));
  if (self->is_staff)
    g_ptr_array_add (roles, (gpointer) _("Staff"));
  g_ptr_array_add (roles, NULL);
  return g_strjoinv (_(", "), (char **) roles->pdata);
}

/* Phone numbers as offices write them: digits, spaces, '-' and '+'. */
gboolean
tj_phone_is_valid (const char *phone)
{
  gboolean digit = FALSE;

  if (phone == NULL || *phone == '\0')
    return TRUE;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != ' ' && *p != '-' && *p != '+')
        return FALSE;
    }
  return digit;
}

GPtrArray *
tj_person_validate (TjPerson *self,
                    TjDb     *db)
{
  GPtrArray *problems = tj_problems_new ();

  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    tj_problems_add (problems, "name", "%s", _("The name is required."));
  if (!tj_phone_is_valid (self->phone))
    tj_problems_add (problems, "phone",
                     _("The phone “%s” may contain only digits, spaces, “-” and “+”."),
                     self->phone);
  if (!self->is_leader && !self->is_officer && !self->is_staff)
    tj_problems_add (problems, "roles", "%s", _("Choose at least one role."));
  return problems;
}

GPtrArray *
tj_person_list (TjDb    *db,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, p.post, p.unit_id, u.name, p.phone, p.is_leader, "
                        "p.is_officer, p.is_staff, p.active FROM people p "
                        "LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.name, p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjPerson *person = tj_person_new ();

      person->id = sqlite3_column_int64 (stmt, 0);
      person->name = tj_db_column_dup (stmt, 1);
      person->post = tj_db_column_dup (stmt, 2);
      person->unit_id = sqlite3_column_int64 (stmt, 3);
      person->unit_name = tj_db_column_dup (stmt, 4);
      person->phone = tj_db_column_dup (stmt, 5);
      person->is_leader = sqlite3_column_int (stmt, 6);
      person->is_officer = sqlite3_column_int (stmt, 7);
      person->is_staff = sqlite3_column_int (stmt, 8);
      person->active = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (people, person);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&people);
}

gint64
tj_person_find (TjDb       *db,
                const char *name)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tj_db_prepare (db, "SELECT id FROM people WHERE name = ? ORDER BY active DESC, id", NULL);
  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gboolean
tj_person_write (TjDb     *db,
                 TjPerson *person,
                 GError  **error)
{
  g_autoptr (GPtrArray) problems = tj_person_validate (person, db);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (person->id == 0)
    stmt = tj_db_prepare (db,
                          "INSERT INTO people (name, post, unit_id, phone, is_leader, is_officer, "
                          "is_staff, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          error);
  else
    stmt = tj_db_prepare (db,
                          "UPDATE people SET name = ?1, post = ?2, unit_id = ?3, phone = ?4, "
                          "is_leader = ?5, is_officer = ?6, is_staff = ?7, active = ?8 "
                          "WHERE id = ?9",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person->name, -1, SQLITE_STATIC);
  tj_db_bind_text_or_null (stmt, 2, person->post);
  if (person->unit_id != 0)
    sqlite3_bind_int64 (stmt, 3, person->unit_id);
  tj_db_bind_text_or_null (stmt, 4, person->phone);
  sqlite3_bind_int (stmt, 5, person->is_leader ? 1 : 0);
  sqlite3_bind_int (stmt, 6, person->is_officer ? 1 : 0);
  sqlite3_bind_int (stmt, 7, person->is_staff ? 1 : 0);
  sqlite3_bind_int (stmt, 8, person->active ? 1 : 0);
  if (person->id != 0)
    sqlite3_bind_int64 (stmt, 9, person->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (person->id == 0)
    person->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_person_save (TjDb     *db,
                TjPerson *person,
                GError  **error)
{
  return tj_db_save_record (db, (TjDbWriteFunc) tj_person_write, person, error);
}

gboolean
tj_person_delete (TjDb    *db,
                  gint64   id,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) refs = NULL;

  if (!tj_db_begin (db, error))
    return FALSE;
  refs = tj_db_prepare (db,
                        "SELECT count(*), (SELECT group_concat (name, '、') FROM (SELECT name "
                        "FROM projects WHERE leader_id = ?1 OR officer_id = ?1 "
                        "ORDER BY year DESC, name LIMIT 3)) "
                        "FROM projects WHERE leader_id = ?1 OR officer_id = ?1",
                        error);
  if (refs == NULL)
    goto fail;
  sqlite3_bind_int64 (refs, 1, id);
  if (sqlite3_step (refs) == SQLITE_ROW && sqlite3_column_int (refs, 0) > 0)
    {
      int count = sqlite3_column_int (refs, 0);

      g_set_error (error, TJ_ERROR, TJ_ERROR_IN_USE,
                   ngettext ("This person cannot be deleted: %d project names them (%s).",
                             "This person cannot be deleted: %d projects name them (%s…).", count),
                   count, sqlite3_column_text (refs, 1));
      goto fail;
    }
  if (!tj_db_exec_for_id (db, "DELETE FROM people WHERE id = ?", id, error) ||
      !tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}
