/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session extension's declarations are read only when these are set before sqlite3.h. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#define G_LOG_DOMAIN "tj-deletion"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-deletion.h"
#include "tj-error.h"

struct _TjDeletion
{
  void *changeset;
  int size;
  const char *taken; /* translated: why the undo was refused */
};

void
tj_deletion_free (TjDeletion *deletion)
{
  if (deletion == NULL)
    return;
  sqlite3_free (deletion->changeset);
  g_free (deletion);
}

gboolean
tj_project_holdings (TjDb              *db,
                     gint64             project_id,
                     TjProjectHoldings *holdings,
                     GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  *holdings = (TjProjectHoldings) { 0 };
  stmt = tj_db_prepare (db,
                        "SELECT (SELECT count(*) FROM monthly_reports WHERE project_id = ?1), "
                        "(SELECT count(*) FROM agency_cases WHERE project_id = ?1), "
                        "(SELECT count(*) FROM approval_batches WHERE project_id = ?1), "
                        "(SELECT count(*) FROM approval_items WHERE project_id = ?1), "
                        "(SELECT count(*) FROM approval_reminders r JOIN approval_items i "
                        "ON i.id = r.item_id WHERE i.project_id = ?1), "
                        "(SELECT count(*) FROM projects WHERE carried_from = ?1), "
                        "(SELECT count(*) FROM inspections WHERE project_id = ?1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  holdings->monthly_reports = sqlite3_column_int (stmt, 0);
  holdings->agency_cases = sqlite3_column_int (stmt, 1);
  holdings->approval_batches = sqlite3_column_int (stmt, 2);
  holdings->approval_items = sqlite3_column_int (stmt, 3);
  holdings->approval_reminders = sqlite3_column_int (stmt, 4);
  holdings->carried_into = sqlite3_column_int (stmt, 5);
  holdings->inspections = sqlite3_column_int (stmt, 6);
  return TRUE;
}

static void
add_count (GPtrArray  *parts,
           const char *format,
           guint       count)
{
  if (count > 0)
    g_ptr_array_add (parts, g_strdup_printf (format, count));
}

/* "It holds 12 monthly reports, 1 agency case …", or NULL when it holds nothing. */
char *
tj_project_holdings_describe (const TjProjectHoldings *h)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  add_count (parts, ngettext ("%u monthly report", "%u monthly reports", h->monthly_reports),
             h->monthly_reports);
  add_count (parts, ngettext ("%u agency case", "%u agency cases", h->agency_cases),
             h->agency_cases);
  add_count (parts, ngettext ("%u approval item", "%u approval items", h->approval_items),
             h->approval_items);
  add_count (parts, ngettext ("%u approval batch", "%u approval batches", h->approval_batches),
             h->approval_batches);
  add_count (parts, ngettext ("%u reminder", "%u reminders", h->approval_reminders),
             h->approval_reminders);
  add_count (parts, ngettext ("%u inspection", "%u inspections", h->inspections),
             h->inspections);
  if (parts->len == 0 && h->carried_into == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  if (h->carried_into == 0)
    return g_strdup_printf (_("It holds %s, deleted with it."), list);
  if (*list == '\0')
    return g_strdup_printf (ngettext ("%u project of a later year was carried over from it and "
                                      "loses that link.",
                                      "%u projects of later years were carried over from it and "
                                      "lose that link.",
                                      h->carried_into),
                            h->carried_into);
  return g_strdup_printf (ngettext ("It holds %s, deleted with it; %u project of a later year "
                                    "was carried over from it and loses that link.",
                                    "It holds %s, deleted with it; %u projects of later years "
                                    "were carried over from it and lose that link.",
                                    h->carried_into),
                          list, h->carried_into);
}

/* The tables a delete can reach: the project, what cascades from it, what links to it. */
static const char *const recorded_tables[] = {
  "projects", "monthly_reports", "monthly_notes", "agency_cases", "approval_batches",
  "approval_items", "approval_reminders", "approval_suspensions", "inspections",
  "inspection_findings", "rectifications", "inspection_photos", "tour_projects", "tour_scores",
  "matters", /* the matter stays with its meeting; its project link is cleared */
  "project_elements", "statistics_followups",
  "exit_proposals", "project_exits",
  NULL
};

TjDeletion *
tj_delete_undoable (TjDb              *db,
                    const char *const *tables,
                    const char        *sql,
                    gint64             id,
                    const char        *gone,
                    const char        *taken,
                    GError           **error)
{
  sqlite3 *handle = tj_db_get_handle (db);
  sqlite3_session *session = NULL;
  TjDeletion *deletion = NULL;
  int rc;

  if (!tj_db_begin (db, error))
    return NULL;
  rc = sqlite3session_create (handle, "main", &session);
  for (guint i = 0; rc == SQLITE_OK && tables[i] != NULL; i++)
    rc = sqlite3session_attach (session, tables[i]);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, _("Database error: %s"),
                   sqlite3_errstr (rc));
      goto fail;
    }
  if (!tj_db_exec_for_id (db, sql, id, error))
    goto fail;
  if (sqlite3_changes (handle) == 0)
    {
      g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, gone);
      goto fail;
    }
  deletion = g_new0 (TjDeletion, 1);
  deletion->taken = taken;
  rc = sqlite3session_changeset (session, &deletion->size, &deletion->changeset);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, _("Database error: %s"),
                   sqlite3_errstr (rc));
      goto fail;
    }
  sqlite3session_delete (session);
  session = NULL;
  if (!tj_db_commit (db, error))
    goto fail;
  return deletion;

fail:
  if (session != NULL)
    sqlite3session_delete (session);
  tj_db_rollback (db);
  tj_deletion_free (deletion);
  return NULL;
}

TjDeletion *
tj_project_delete_undoable (TjDb    *db,
                            gint64   project_id,
                            GError **error)
{
  return tj_delete_undoable (db, recorded_tables, "DELETE FROM projects WHERE id = ?", project_id,
                             _("The project no longer exists; it may have been deleted elsewhere."),
                             _("The project cannot be put back: a record has taken its place "
                               "since it was deleted (a project of the same name, or its "
                               "reports). Nothing was changed."),
                             error);
}

static int
abort_on_conflict (void                  *context,
                   int                    conflict,
                   sqlite3_changeset_iter *iter)
{
  *(int *) context = conflict;
  return SQLITE_CHANGESET_ABORT;
}

/* Puts back every row the delete removed and every link it cleared, in one transaction, with
 * their old ids; refused as a whole when something has taken their place meanwhile. */
gboolean
tj_deletion_undo (TjDb       *db,
                  TjDeletion *deletion,
                  GError    **error)
{
  sqlite3 *handle = tj_db_get_handle (db);
  void *inverse = NULL;
  int size = 0, conflict = 0, rc;

  g_return_val_if_fail (deletion != NULL, FALSE);

  rc = sqlite3changeset_invert (deletion->size, deletion->changeset, &size, &inverse);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_DATABASE, _("Database error: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  if (!tj_db_begin (db, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  rc = sqlite3changeset_apply (handle, size, inverse, NULL, abort_on_conflict, &conflict);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK)
    {
      if (conflict != 0 || rc == SQLITE_ABORT)
        g_set_error_literal (error, TJ_ERROR, TJ_ERROR_IN_USE, deletion->taken);
      else
        tj_db_set_error (db, error);
      tj_db_rollback (db);
      return FALSE;
    }
  if (!tj_db_commit (db, error))
    return FALSE;
  return TRUE;
}
