/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"

G_DEFINE_FINAL_TYPE (TjAgencyCase, tj_agency_case, G_TYPE_OBJECT)

#define CASE_COLUMNS                                                                             \
  "c.id, c.project_id, c.company, c.contact, c.phone, c.entrusted, c.agent_id, c.plan, "        \
  "c.status, c.termination_reason, c.delivery_method, c.delivered, c.evaluation, "              \
  "c.evaluation_comment, c.archived, p.name, p.year, l.name, ag.name, "                         \
  "(SELECT count (*) FROM approval_items i WHERE i.case_id = c.id), "                           \
  "(SELECT count (*) FROM approval_items i WHERE i.case_id = c.id AND i.finished IS NOT NULL) "
#define CASE_JOINS                                                                               \
  "FROM agency_cases c JOIN projects p ON p.id = c.project_id "                                 \
  "LEFT JOIN units l ON l.id = p.locality_id LEFT JOIN people ag ON ag.id = c.agent_id "

static void
tj_agency_case_finalize (GObject *object)
{
  TjAgencyCase *self = TJ_AGENCY_CASE (object);

  g_free (self->company);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->entrusted);
  g_free (self->plan);
  g_free (self->termination_reason);
  g_free (self->delivery_method);
  g_free (self->delivered);
  g_free (self->evaluation_comment);
  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->agent_name);
  G_OBJECT_CLASS (tj_agency_case_parent_class)->finalize (object);
}

static void
tj_agency_case_class_init (TjAgencyCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_agency_case_finalize;
}

static void
tj_agency_case_init (TjAgencyCase *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Agency cases */

TjAgencyCase *
tj_agency_case_new (void)
{
  return g_object_new (TJ_TYPE_AGENCY_CASE, NULL);
}

TjAgencyCase *
tj_agency_case_copy (TjAgencyCase *self)
{
  TjAgencyCase *copy;

  g_return_val_if_fail (TJ_IS_AGENCY_CASE (self), NULL);

  copy = tj_agency_case_new ();
  copy->id = self->id;
  copy->project_id = self->project_id;
  copy->company = g_strdup (self->company);
  copy->contact = g_strdup (self->contact);
  copy->phone = g_strdup (self->phone);
  copy->entrusted = g_strdup (self->entrusted);
  copy->agent_id = self->agent_id;
  copy->plan = g_strdup (self->plan);
  copy->status = self->status;
  copy->termination_reason = g_strdup (self->termination_reason);
  copy->delivery_method = g_strdup (self->delivery_method);
  copy->delivered = g_strdup (self->delivered);
  copy->evaluation = self->evaluation;
  copy->evaluation_comment = g_strdup (self->evaluation_comment);
  copy->archived = self->archived;
  copy->project_name = g_strdup (self->project_name);
  copy->project_year = self->project_year;
  copy->locality_name = g_strdup (self->locality_name);
  copy->agent_name = g_strdup (self->agent_name);
  copy->n_items = self->n_items;
  copy->n_finished = self->n_finished;
  return copy;
}

/* Every rule of a case; the messages name the field. 推进机制 (三): an entrustment, handled by an
 * agent of the service centre. */
GPtrArray *
tj_agency_case_validate (TjAgencyCase *self,
                         TjDb         *db)
{
  GPtrArray *problems = tj_problems_new ();
  gboolean entrusted_ok, delivered_ok;

  g_return_val_if_fail (TJ_IS_AGENCY_CASE (self), problems);

  if (self->project_id == 0)
    tj_problems_add (problems, "project_id", "%s", _("Choose the project."));
  else if (!tj_approval_project_exists (db, self->project_id))
    tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
  if (self->agent_id == 0)
    tj_problems_add (problems, "agent_id", "%s", _("Choose the agent."));
  if (self->status >= TJ_CASE_N)
    tj_problems_add (problems, "status", "%s", _("Choose the status."));
  if (self->evaluation >= TJ_EVALUATION_N)
    tj_problems_add (problems, "evaluation", "%s", _("Choose the evaluation."));

  tidy_text (&self->company);
  tidy_text (&self->contact);
  tidy_text (&self->phone);
  tidy_text (&self->plan);
  tidy_text (&self->termination_reason);
  tidy_text (&self->delivery_method);
  tidy_text (&self->evaluation_comment);
  if (!tj_phone_is_valid (self->phone))
    tj_problems_add (problems, "phone",
                     _("The phone “%s” may contain only digits, spaces, “-” and “+”."),
                     self->phone);

  entrusted_ok = tj_approval_tidy_date (problems, "entrusted", &self->entrusted);
  if (entrusted_ok && self->entrusted == NULL)
    tj_problems_add (problems, "entrusted", "%s", _("The entrustment date is required."));
  delivered_ok = tj_approval_tidy_date (problems, "delivered", &self->delivered);
  if (entrusted_ok && delivered_ok && self->entrusted != NULL && self->delivered != NULL &&
      strcmp (self->delivered, self->entrusted) < 0)
    tj_problems_add (problems, "delivered", "%s",
                     _("The delivery date cannot be before the entrustment date."));
  if (self->status == TJ_CASE_TERMINATED && self->termination_reason == NULL)
    tj_problems_add (problems, "termination_reason", "%s",
                     _("Give the reason the case was terminated."));
  return problems;
}

static TjAgencyCase *
read_case (sqlite3_stmt *stmt)
{
  TjAgencyCase *agency_case = tj_agency_case_new ();
  int c = 0;

  agency_case->id = sqlite3_column_int64 (stmt, c++);
  agency_case->project_id = sqlite3_column_int64 (stmt, c++);
  agency_case->company = tj_db_column_dup (stmt, c++);
  agency_case->contact = tj_db_column_dup (stmt, c++);
  agency_case->phone = tj_db_column_dup (stmt, c++);
  agency_case->entrusted = tj_db_column_dup (stmt, c++);
  agency_case->agent_id = sqlite3_column_int64 (stmt, c++);
  agency_case->plan = tj_db_column_dup (stmt, c++);
  agency_case->status = value_of (tj_case_status_codes, TJ_CASE_N,
                                  (const char *) sqlite3_column_text (stmt, c++),
                                  TJ_CASE_ACCEPTED);
  agency_case->termination_reason = tj_db_column_dup (stmt, c++);
  agency_case->delivery_method = tj_db_column_dup (stmt, c++);
  agency_case->delivered = tj_db_column_dup (stmt, c++);
  agency_case->evaluation = value_of (tj_evaluation_codes, TJ_EVALUATION_N,
                                      (const char *) sqlite3_column_text (stmt, c++),
                                      TJ_EVALUATION_NONE);
  agency_case->evaluation_comment = tj_db_column_dup (stmt, c++);
  agency_case->archived = sqlite3_column_int (stmt, c++);
  agency_case->project_name = tj_db_column_dup (stmt, c++);
  agency_case->project_year = sqlite3_column_int (stmt, c++);
  agency_case->locality_name = tj_db_column_dup (stmt, c++);
  agency_case->agent_name = tj_db_column_dup (stmt, c++);
  agency_case->n_items = sqlite3_column_int (stmt, c++);
  agency_case->n_finished = sqlite3_column_int (stmt, c++);
  return agency_case;
}

/* The cases one at a time, as they are read: the cases' sheet of the ledger streams from it. */
struct _TjAgencyCaseCursor
{
  TjDb *db;
  sqlite3_stmt *stmt;
};

void
tj_agency_case_cursor_free (TjAgencyCaseCursor *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->stmt);
  g_clear_object (&self->db);
  g_free (self);
}

static TjAgencyCaseCursor *
cursor_new (TjDb       *db,
            const char *condition,
            gint64      key,
            GError    **error)
{
  g_autoptr (TjAgencyCaseCursor) self = g_new0 (TjAgencyCaseCursor, 1);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  sql = g_strconcat ("SELECT " CASE_COLUMNS CASE_JOINS "WHERE ", condition,
                     " ORDER BY c.entrusted, c.id", NULL);
  self->db = g_object_ref (db);
  if ((self->stmt = tj_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (self->stmt, 1, key);
  return g_steal_pointer (&self);
}

/* The cases of the projects of year's list, by entrustment date, one at a time. */
TjAgencyCaseCursor *
tj_agency_case_cursor_year (TjDb    *db,
                            int      year,
                            GError **error)
{
  return cursor_new (db, "p.year = ?", year, error);
}

/* The next case; NULL after the last (error unset) or when it cannot be read (error set). */
TjAgencyCase *
tj_agency_case_cursor_next (TjAgencyCaseCursor *self,
                            GError            **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if ((rc = sqlite3_step (self->stmt)) == SQLITE_ROW)
    return read_case (self->stmt);
  tj_db_rows_done (self->db, rc, error);
  return NULL;
}

void
tj_agency_case_cursor_rewind (TjAgencyCaseCursor *self)
{
  g_return_if_fail (self != NULL);
  sqlite3_reset (self->stmt);
}

static GPtrArray *
list_cases (TjDb       *db,
            const char *condition,
            gint64      key,
            GError    **error)
{
  g_autoptr (TjAgencyCaseCursor) cursor = cursor_new (db, condition, key, error);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;
  TjAgencyCase *agency_case;

  if (cursor == NULL)
    return NULL;
  while ((agency_case = tj_agency_case_cursor_next (cursor, &local_error)) != NULL)
    g_ptr_array_add (cases, agency_case);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* The cases of the projects of year's list, by entrustment date. */
GPtrArray *
tj_agency_case_list (TjDb    *db,
                     int      year,
                     GError **error)
{
  return list_cases (db, "p.year = ?", year, error);
}

GPtrArray *
tj_agency_case_list_project (TjDb    *db,
                             gint64   project_id,
                             GError **error)
{
  return list_cases (db, "c.project_id = ?", project_id, error);
}

TjAgencyCase *
tj_agency_case_load (TjDb    *db,
                     gint64   id,
                     GError **error)
{
  g_autoptr (GPtrArray) cases = list_cases (db, "c.id = ?", id, error);

  return tj_approval_only_record (cases, _("The agency case no longer exists."), error);
}

/* Validates, then inserts or updates, inside the caller's transaction. */
gboolean
tj_agency_case_write (TjDb         *db,
                      TjAgencyCase *agency_case,
                      GError      **error)
{
  g_autoptr (GPtrArray) problems = tj_agency_case_validate (agency_case, db);
  g_autoptr (TjCachedStmt) stmt = NULL;
  int c = 1;

  if (!tj_problems_to_error (problems, error))
    return FALSE;
  if (agency_case->id == 0)
    stmt = tj_db_prepare_cached (db,
                                 "INSERT INTO agency_cases (project_id, company, contact, phone, "
                                 "entrusted, agent_id, plan, status, termination_reason, "
                                 "delivery_method, delivered, evaluation, evaluation_comment, "
                                 "archived) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                 "?11, ?12, ?13, ?14)",
                                 error);
  else
    stmt = tj_db_prepare_cached (db,
                                 "UPDATE agency_cases SET project_id = ?1, company = ?2, "
                                 "contact = ?3, phone = ?4, entrusted = ?5, agent_id = ?6, "
                                 "plan = ?7, status = ?8, termination_reason = ?9, "
                                 "delivery_method = ?10, delivered = ?11, evaluation = ?12, "
                                 "evaluation_comment = ?13, archived = ?14 WHERE id = ?15",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, c++, agency_case->project_id);
  tj_db_bind_text_or_null (stmt, c++, agency_case->company);
  tj_db_bind_text_or_null (stmt, c++, agency_case->contact);
  tj_db_bind_text_or_null (stmt, c++, agency_case->phone);
  sqlite3_bind_text (stmt, c++, agency_case->entrusted, -1, SQLITE_TRANSIENT);
  tj_db_bind_id_or_null (stmt, c++, agency_case->agent_id);
  tj_db_bind_text_or_null (stmt, c++, agency_case->plan);
  sqlite3_bind_text (stmt, c++, tj_case_status_codes[agency_case->status], -1, SQLITE_STATIC);
  /* A reason belongs to a terminated case only. */
  tj_db_bind_text_or_null (stmt, c++, agency_case->status == TJ_CASE_TERMINATED
                                        ? agency_case->termination_reason
                                        : NULL);
  tj_db_bind_text_or_null (stmt, c++, agency_case->delivery_method);
  tj_db_bind_text_or_null (stmt, c++, agency_case->delivered);
  tj_db_bind_text_or_null (stmt, c++, tj_evaluation_codes[agency_case->evaluation]);
  tj_db_bind_text_or_null (stmt, c++, agency_case->evaluation_comment);
  sqlite3_bind_int (stmt, c++, agency_case->archived ? 1 : 0);
  if (agency_case->id != 0)
    sqlite3_bind_int64 (stmt, c++, agency_case->id);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  if (agency_case->id == 0)
    agency_case->id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  return TRUE;
}

gboolean
tj_agency_case_save (TjDb         *db,
                     TjAgencyCase *agency_case,
                     GError      **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (TJ_IS_AGENCY_CASE (agency_case), FALSE);

  return tj_db_save_record (db, (TjDbWriteFunc) tj_agency_case_write, agency_case, error);
}

/* Deletes a case; its items stay, no longer in a case. */
gboolean
tj_agency_case_delete (TjDb    *db,
                       gint64   id,
                       GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM agency_cases WHERE id = ?", id, error);
}

/* 委托单位: unless the office writes another, the investor who entrusts the case is the
 * project's 业主. Fills an empty company from the project; leaves a written one alone. */
gboolean
tj_agency_case_propose_company (TjAgencyCase *self,
                                TjDb         *db,
                                GError      **error)
{
  g_autoptr (TjProject) project = NULL;

  g_return_val_if_fail (TJ_IS_AGENCY_CASE (self), FALSE);
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!is_blank (self->company) || self->project_id == 0)
    return TRUE;
  project = tj_project_load (db, self->project_id, error);
  if (project == NULL)
    return FALSE;
  g_free (self->company);
  self->company = g_strdup (project->owner);
  return TRUE;
}
