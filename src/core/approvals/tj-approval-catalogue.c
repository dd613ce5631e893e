/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-approval-private.h"
#include "tj-problem.h"

G_DEFINE_FINAL_TYPE (TjCatalogueEntry, tj_catalogue_entry, G_TYPE_OBJECT)

static void
tj_catalogue_entry_finalize (GObject *object)
{
  TjCatalogueEntry *self = TJ_CATALOGUE_ENTRY (object);

  g_free (self->name);
  g_free (self->unit_name);
  G_OBJECT_CLASS (tj_catalogue_entry_parent_class)->finalize (object);
}

static void
tj_catalogue_entry_class_init (TjCatalogueEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_catalogue_entry_finalize;
}

static void
tj_catalogue_entry_init (TjCatalogueEntry *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* The catalogue */

TjCatalogueEntry *
tj_catalogue_entry_new (void)
{
  return g_object_new (TJ_TYPE_CATALOGUE_ENTRY, NULL);
}

GPtrArray *
tj_catalogue_entry_validate (TjCatalogueEntry *self,
                             TjDb             *db)
{
  GPtrArray *problems = tj_problems_new ();

  g_return_val_if_fail (TJ_IS_CATALOGUE_ENTRY (self), problems);

  tidy_text (&self->name);
  if (self->name == NULL)
    tj_problems_add (problems, "name", "%s", _("The item name is required."));
  else
    {
      g_autoptr (TjCachedStmt) stmt = NULL;

      stmt = tj_db_prepare_cached (db,
                                   "SELECT id FROM approval_catalogue WHERE name = ?1 AND "
                                   "unit_id IS ?2 AND id <> ?3",
                                   NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, self->name, -1, SQLITE_STATIC);
          tj_db_bind_id_or_null (stmt, 2, self->unit_id);
          sqlite3_bind_int64 (stmt, 3, self->id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            tj_problems_add (problems, "name",
                             _("The catalogue already has “%s” for this department."),
                             self->name);
        }
    }
  if (self->stage <= TJ_STAGE_NONE || self->stage >= TJ_STAGE_N)
    tj_problems_add (problems, "stage", "%s", _("Choose the stage."));
  if (self->statutory_days < 0)
    tj_problems_add (problems, "statutory_days", "%s",
                     _("The statutory limit must be a whole number of working days, 0 or more."));
  return problems;
}

/* The catalogue by stage, then as entered. */
GPtrArray *
tj_catalogue_list (TjDb    *db,
                   GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT a.id, a.name, a.unit_id, u.name, a.stage, a.statutory_days "
                        "FROM approval_catalogue a LEFT JOIN units u ON u.id = a.unit_id "
                        "ORDER BY CASE a.stage WHEN 'land' THEN 1 WHEN 'permit' THEN 2 "
                        "WHEN 'construction' THEN 3 ELSE 4 END, a.id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjCatalogueEntry *entry = tj_catalogue_entry_new ();

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->name = tj_db_column_dup (stmt, 1);
      entry->unit_id = sqlite3_column_int64 (stmt, 2);
      entry->unit_name = tj_db_column_dup (stmt, 3);
      entry->stage = value_of (tj_approval_stage_codes, TJ_STAGE_N,
                               (const char *) sqlite3_column_text (stmt, 4), TJ_STAGE_NONE);
      entry->statutory_days = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
tj_catalogue_entry_save (TjDb             *db,
                         TjCatalogueEntry *entry,
                         GError          **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_CATALOGUE_ENTRY (entry), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  problems = tj_catalogue_entry_validate (entry, db);
  if (!tj_problems_to_error (problems, error))
    goto fail;
  if (entry->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO approval_catalogue (name, unit_id, stage, "
                                 "statutory_days) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE approval_catalogue SET name = ?1, unit_id = ?2, "
                                 "stage = ?3, statutory_days = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, entry->name, -1, SQLITE_TRANSIENT);
  tj_db_bind_id_or_null (stmt, 2, entry->unit_id);
  sqlite3_bind_text (stmt, 3, tj_approval_stage_codes[entry->stage], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, entry->statutory_days);
  if (entry->id != 0)
    sqlite3_bind_int64 (stmt, 5, entry->id);
  if (!tj_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, tj_db_release);
  if (entry->id == 0)
    entry->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  if (!tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
}

gboolean
tj_catalogue_entry_delete (TjDb    *db,
                           gint64   id,
                           GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM approval_catalogue WHERE id = ?", id,
                                 error);
}
