/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-error.h"
#include "tj-problem.h"

G_DEFINE_FINAL_TYPE (TjApprovalBatch, tj_approval_batch, G_TYPE_OBJECT)

#define BATCH_COLUMNS "b.id, b.project_id, b.lead_unit_id, b.accepted, b.notes, p.name, u.name "
#define BATCH_JOINS                                                                              \
  "FROM approval_batches b JOIN projects p ON p.id = b.project_id "                             \
  "LEFT JOIN units u ON u.id = b.lead_unit_id "

static void
tj_approval_batch_finalize (GObject *object)
{
  TjApprovalBatch *self = TJ_APPROVAL_BATCH (object);

  g_free (self->accepted);
  g_free (self->notes);
  g_free (self->project_name);
  g_free (self->lead_unit_name);
  g_free (self->last_finished);
  G_OBJECT_CLASS (tj_approval_batch_parent_class)->finalize (object);
}

static void
tj_approval_batch_class_init (TjApprovalBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_approval_batch_finalize;
}

static void
tj_approval_batch_init (TjApprovalBatch *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Parallel batches */

TjApprovalBatch *
tj_approval_batch_new (void)
{
  return g_object_new (TJ_TYPE_APPROVAL_BATCH, NULL);
}

GPtrArray *
tj_approval_batch_validate (TjApprovalBatch *self,
                            TjDb            *db)
{
  GPtrArray *problems = tj_problems_new ();

  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project_id", "%s", _("Choose the project."));
  else if (!tj_approval_project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  /* 推进机制 (四): "一门受理", one window with a lead department. */
  if (self->lead_unit_id == 0)
    tj_problems_add (problems, "lead_unit_id", "%s", _("Choose the lead department."));
  if (tj_approval_tidy_date (problems, "accepted", &self->accepted) && self->accepted == NULL)
    tj_problems_add (problems, "accepted", "%s", _("The acceptance date is required."));
  tidy_text (&self->notes);
  return problems;
}

/* A batch's figures from its items: elapsed from the batch's acceptance to the last item
 * finished, once every item is; saved against the sum of their statutory limits. */
static gboolean
batch_compute (TjDb            *db,
               TjApprovalBatch *batch,
               TjCalendar      *calendar,
               GError         **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  g_clear_pointer (&batch->last_finished, g_free);
  batch->n_items = batch->n_finished = 0;
  batch->statutory_sum = batch->elapsed = batch->saved = 0;
  batch->has_elapsed = FALSE;

  stmt = tj_db_prepare_cached (db,
                               "SELECT statutory_days, finished FROM approval_items "
                               "WHERE batch_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *finished = (const char *) sqlite3_column_text (stmt, 1);

      batch->n_items++;
      batch->statutory_sum += sqlite3_column_int (stmt, 0);
      if (finished == NULL)
        continue;
      batch->n_finished++;
      if (batch->last_finished == NULL || strcmp (finished, batch->last_finished) > 0)
        {
          g_free (batch->last_finished);
          batch->last_finished = g_strdup (finished);
        }
    }
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  if (batch->n_items == 0 || batch->n_finished < batch->n_items)
    {
      g_clear_pointer (&batch->last_finished, g_free);
      return TRUE;
    }
  batch->elapsed = tj_calendar_elapsed (calendar, batch->accepted, batch->last_finished);
  batch->has_elapsed = batch->elapsed >= 0;
  if (!batch->has_elapsed)
    batch->elapsed = 0;
  else
    batch->saved = batch->statutory_sum - batch->elapsed;
  return TRUE;
}

static GPtrArray *
list_batches (TjDb       *db,
              const char *condition,
              gint64      key,
              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (TjCalendar) calendar = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  calendar = tj_calendar_load (db, error);
  if (calendar == NULL)
    return NULL;
  sql = g_strconcat ("SELECT " BATCH_COLUMNS BATCH_JOINS "WHERE ", condition,
                     " ORDER BY b.accepted, b.id", NULL);
  stmt = tj_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjApprovalBatch *batch = tj_approval_batch_new ();

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->project_id = sqlite3_column_int64 (stmt, 1);
      batch->lead_unit_id = sqlite3_column_int64 (stmt, 2);
      batch->accepted = tj_db_column_dup (stmt, 3);
      batch->notes = tj_db_column_dup (stmt, 4);
      batch->project_name = tj_db_column_dup (stmt, 5);
      batch->lead_unit_name = tj_db_column_dup (stmt, 6);
      g_ptr_array_add (batches, batch);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  for (guint i = 0; i < batches->len; i++)
    if (!batch_compute (db, g_ptr_array_index (batches, i), calendar, error))
      return NULL;
  return g_steal_pointer (&batches);
}

/* The batches of the projects of year's list, by acceptance date. Their figures need no "today":
 * a batch counts only once every item is finished. */
GPtrArray *
tj_approval_batch_list (TjDb    *db,
                        int      year,
                        GError **error)
{
  return list_batches (db, "p.year = ?", year, error);
}

GPtrArray *
tj_approval_batch_list_project (TjDb    *db,
                                gint64   project_id,
                                GError **error)
{
  return list_batches (db, "b.project_id = ?", project_id, error);
}

TjApprovalBatch *
tj_approval_batch_load (TjDb    *db,
                        gint64   id,
                        GError **error)
{
  g_autoptr (GPtrArray) batches = list_batches (db, "b.id = ?", id, error);

  return tj_approval_only_record (batches, _("The parallel batch no longer exists."), error);
}

/* Validates, then inserts or updates, inside the caller's transaction. */
gboolean
tj_approval_batch_write (TjDb            *db,
                         TjApprovalBatch *batch,
                         GError         **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (batch), FALSE);

  problems = tj_approval_batch_validate (batch, db);
  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (batch->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO approval_batches (project_id, lead_unit_id, "
                                 "accepted, notes) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE approval_batches SET project_id = ?1, lead_unit_id = ?2, "
                                 "accepted = ?3, notes = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->project_id);
  tj_db_bind_id_or_null (stmt, 2, batch->lead_unit_id);
  sqlite3_bind_text (stmt, 3, batch->accepted, -1, SQLITE_TRANSIENT);
  tj_db_bind_text_or_null (stmt, 4, batch->notes);
  if (batch->id != 0)
    sqlite3_bind_int64 (stmt, 5, batch->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (batch->id == 0)
    batch->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_approval_batch_save (TjDb            *db,
                        TjApprovalBatch *batch,
                        GError         **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_APPROVAL_BATCH (batch), FALSE);

  return tj_db_save_record (db, (TjDbWriteFunc) tj_approval_batch_write, batch, error);
}

/* Deletes a batch; its items stay, no longer in a batch. */
gboolean
tj_approval_batch_delete (TjDb    *db,
                          gint64   id,
                          GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM approval_batches WHERE id = ?", id, error);
}
