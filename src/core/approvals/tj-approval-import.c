/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-approval"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval-private.h"
#include "tj-csv.h"
#include "tj-error.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

/* The columns of an approvals file as offices head them. */
typedef enum
{
  COLUMN_PROJECT,
  COLUMN_NAME,
  COLUMN_UNIT,
  COLUMN_STAGE,
  COLUMN_STATUTORY,
  COLUMN_COMMITTED,
  COLUMN_GREEN,
  COLUMN_ACCEPTED,
  COLUMN_COPIED,
  COLUMN_FINISHED,
  COLUMN_DELIVERED,
  COLUMN_AGENT,
  COLUMN_HANDLER,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_PROJECT] = "项目名称",
  [COLUMN_NAME] = "事项名称",
  [COLUMN_UNIT] = "审批部门",
  [COLUMN_STAGE] = "阶段",
  [COLUMN_STATUTORY] = "法定时限（工作日）",
  [COLUMN_COMMITTED] = "承诺时限（工作日）",
  [COLUMN_GREEN] = "绿色通道",
  [COLUMN_ACCEPTED] = "受理日期",
  [COLUMN_COPIED] = "抄告日期",
  [COLUMN_FINISHED] = "办结日期",
  [COLUMN_DELIVERED] = "送达日期",
  [COLUMN_AGENT] = "代办员",
  [COLUMN_HANDLER] = "经办人",
  [COLUMN_NOTES] = "备注",
};

/* The columns a file must have. */
static const guint required_columns[] = {
  COLUMN_PROJECT, COLUMN_NAME, COLUMN_UNIT, COLUMN_STAGE, COLUMN_STATUTORY,
};

/* ------------------------------------------------------------------------------------------ */
/* Import */

/* What an import keeps while it reads the file, inside its transaction. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year; /* the list the projects are on; 0: each row's acceptance year */
  char *today;
  TjImportResult *result;
  GHashTable *lines;     /* "project/name/accepted" → the line that named it first */
  GHashTable *new_cases; /* "project/agent" → the id of the case this import created */
} ApprovalImport;

/* "法定时限（工作日）", "法定时限(工作日)" and "法定时限" are one column. */
static char *
header_key (const char *header,
            gpointer    user_data)
{
  char *key = tj_csv_normalise_header (header);

  if (g_str_has_suffix (key, "(工作日)") && strlen (key) > strlen ("(工作日)"))
    key[strlen (key) - strlen ("(工作日)")] = '\0';
  return key;
}

/* 是/否 (or yes/no, 1/0); empty is 否. */
static void
read_green (ApprovalImport *import,
            guint           line,
            const char     *value,
            gboolean       *green)
{
  static const char *const yes[] = { "是", "yes", "y", "1", "√" };
  static const char *const no[] = { "否", "no", "n", "0" };
  const char *yes_word = C_("green channel", "Yes");
  const char *no_word = C_("green channel", "No");
  g_autofree char *message = NULL;

  *green = FALSE;
  if (is_blank (value) || g_strcmp0 (value, no_word) == 0)
    return;
  if (g_strcmp0 (value, yes_word) == 0)
    {
      *green = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (value, yes[i]) == 0)
      {
        *green = TRUE;
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (value, no[i]) == 0)
      return;
  message = g_strdup_printf (_("“%s” is neither “%s” nor “%s”."), value, yes_word, no_word);
  tj_csv_import_add_error (&import->csv, line, COLUMN_GREEN, message);
}

static Column
column_of_field (const char *field)
{
  static const struct
  {
    const char *field;
    Column column;
  } columns[] = {
    { "name", COLUMN_NAME },
    { "stage", COLUMN_STAGE },
    { "unit_id", COLUMN_UNIT },
    { "statutory_days", COLUMN_STATUTORY },
    { "committed_days", COLUMN_COMMITTED },
    { "accepted", COLUMN_ACCEPTED },
    { "copied", COLUMN_COPIED },
    { "finished", COLUMN_FINISHED },
    { "delivered", COLUMN_DELIVERED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (field, columns[i].field) == 0)
      return columns[i].column;
  return COLUMN_PROJECT;
}

/* The stored item of a project with this name and acceptance date, if any: a file imported again
 * updates its items rather than adding them twice, while an item that recurs (施工许可 per
 * section, a new application after a refusal) is another item, accepted on another day. A row
 * with a date also finds the item stored without one: the same application, accepted since. */
static gboolean
find_stored_item (ApprovalImport *import,
                  TjApprovalItem *item,
                  gboolean       *found,
                  GError        **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  *found = FALSE;
  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id, case_id, batch_id, handler, suspended, notes "
                               "FROM approval_items WHERE project_id = ?1 AND name = ?2 AND "
                               "(accepted IS ?3 OR accepted IS NULL) "
                               "ORDER BY accepted IS NULL, id LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->project_id);
  sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_STATIC);
  tj_db_bind_text_or_null (stmt, 3, item->accepted);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      item->id = sqlite3_column_int64 (stmt, 0);
      item->case_id = sqlite3_column_int64 (stmt, 1);
      item->batch_id = sqlite3_column_int64 (stmt, 2);
      item->handler = tj_db_column_dup (stmt, 3);
      item->suspended = sqlite3_column_int (stmt, 4);
      item->notes = tj_db_column_dup (stmt, 5);
      return TRUE;
    }
  if (!tj_db_rows_done (import->db, rc, error))
    return FALSE;
  return TRUE;
}

/* The agency case of the project that this agent handles: a case of theirs not terminated, or
 * one this import creates, entrusted on the earliest acceptance date of its items in the file
 * (the import's day when none has one). */
static gboolean
agent_case (ApprovalImport *import,
            gint64          project_id,
            gint64          agent_id,
            const char     *accepted,
            gint64         *case_id,
            GError        **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, project_id,
                                          agent_id);
  gint64 *created = g_hash_table_lookup (import->new_cases, key);
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autoptr (TjAgencyCase) agency_case = NULL;

  if (created != NULL)
    {
      *case_id = *created;
      if (accepted == NULL)
        return TRUE;
      stmt = tj_db_prepare_cached (import->db,
                                   "UPDATE agency_cases SET entrusted = ?2 "
                                   "WHERE id = ?1 AND entrusted > ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *case_id);
      sqlite3_bind_text (stmt, 2, accepted, -1, SQLITE_STATIC);
      return tj_db_step_done (import->db, stmt, error);
    }

  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id FROM agency_cases WHERE project_id = ? AND agent_id = ? "
                               "AND status <> 'terminated' ORDER BY id LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *case_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  g_clear_pointer (&stmt, tj_db_release);

  agency_case = tj_agency_case_new ();
  agency_case->project_id = project_id;
  agency_case->agent_id = agent_id;
  agency_case->entrusted = g_strdup (accepted != NULL ? accepted : import->today);
  agency_case->status = TJ_CASE_IN_PROGRESS;
  if (!tj_agency_case_write (import->db, agency_case, error))
    return FALSE;
  *case_id = agency_case->id;
  g_hash_table_insert (import->new_cases, g_steal_pointer (&key),
                       g_memdup2 (case_id, sizeof (gint64)));
  return TRUE;
}

/* The project of a row: by name, on the list of the year given, or else of the year of the row's
 * acceptance date (a project is on the list of the year its items are handled in). FALSE: the
 * list could not be read (error). */
static gboolean
find_project (ApprovalImport  *import,
              guint            line,
              const char     **values,
              TjApprovalItem  *item,
              GError         **error)
{
  g_autofree char *message = NULL;
  int year = import->year;

  if (is_blank (values[COLUMN_PROJECT]))
    {
      tj_csv_import_add_error (&import->csv, line, COLUMN_PROJECT,
                               _("The project name is required."));
      return TRUE;
    }
  if (year == 0 && item->accepted == NULL)
    {
      /* A row whose date could not be read has its own error already. */
      if (is_blank (values[COLUMN_ACCEPTED]))
        tj_csv_import_add_error (&import->csv, line, COLUMN_ACCEPTED,
                                 _("Without an acceptance date the year of the project’s list "
                                   "is unknown: write the acceptance date, or give the year."));
      return TRUE;
    }
  if (year == 0)
    year = atoi (item->accepted);
  item->project_id = tj_project_find (import->db, year, values[COLUMN_PROJECT]);
  if (item->project_id != 0)
    return TRUE;
  message = tj_project_unknown_message (import->db, year, values[COLUMN_PROJECT], error);
  if (message == NULL)
    return FALSE;
  tj_csv_import_add_error (&import->csv, line, COLUMN_PROJECT, message);
  return TRUE;
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  ApprovalImport *import = (ApprovalImport *) csv;
  const char *values[N_COLUMNS];
  g_autoptr (TjApprovalItem) item = tj_approval_item_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *key = NULL;
  guint errors_before = import->result->errors->len;
  gboolean stored = FALSE, limit_ok;
  gint64 agent_id = 0;
  gpointer first;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  tj_import_read_date (csv, line, COLUMN_ACCEPTED, values[COLUMN_ACCEPTED], &item->accepted);
  if (!find_project (import, line, values, item, error))
    return FALSE;
  if (is_blank (values[COLUMN_NAME]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, _("The item name is required."));
  else
    item->name = g_strdup (values[COLUMN_NAME]);
  if (is_blank (values[COLUMN_UNIT]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_UNIT,
                             _("The approving department is required."));
  else if ((item->unit_id = tj_unit_find (import->db, values[COLUMN_UNIT])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of units."), values[COLUMN_UNIT]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_UNIT, message);
    }
  item->stage = tj_approval_stage_parse (values[COLUMN_STAGE]);
  if (item->stage == TJ_STAGE_NONE)
    {
      g_autofree char *message = NULL;

      if (is_blank (values[COLUMN_STAGE]))
        /* Translators: "请填写阶段：立项用地规划、工程建设许可、施工许可或竣工验收。" */
        message = g_strdup_printf (_("The stage is required: write %s, %s, %s or %s."),
                                   tj_approval_stage_label (TJ_STAGE_LAND),
                                   tj_approval_stage_label (TJ_STAGE_PERMIT),
                                   tj_approval_stage_label (TJ_STAGE_CONSTRUCTION),
                                   tj_approval_stage_label (TJ_STAGE_ACCEPTANCE));
      else
        /* Translators: "“x”不是阶段：请填写立项用地规划、工程建设许可、施工许可或竣工验收。" */
        message = g_strdup_printf (_("“%s” is not a stage: write %s, %s, %s or %s."),
                                   values[COLUMN_STAGE],
                                   tj_approval_stage_label (TJ_STAGE_LAND),
                                   tj_approval_stage_label (TJ_STAGE_PERMIT),
                                   tj_approval_stage_label (TJ_STAGE_CONSTRUCTION),
                                   tj_approval_stage_label (TJ_STAGE_ACCEPTANCE));
      tj_csv_import_add_error (&import->csv, line, COLUMN_STAGE, message);
    }
  read_green (import, line, values[COLUMN_GREEN], &item->green);
  item->statutory_days = -1;
  /* The limits: whole numbers of working days; an empty cell leaves the value as it is. */
  limit_ok = tj_import_read_integer (csv, line, COLUMN_STATUTORY, values[COLUMN_STATUTORY],
                                     _("working days"), &item->statutory_days);
  if (limit_ok && item->statutory_days == -1 && is_blank (values[COLUMN_STATUTORY]))
    {
      tj_csv_import_add_error (&import->csv, line, COLUMN_STATUTORY,
                               _("The statutory limit is required."));
      limit_ok = FALSE;
    }
  /* No committed limit: the green channel's proposal, or the statutory limit itself. */
  item->committed_days = !limit_ok || item->statutory_days < 0 ? 0
                         : item->green ? tj_approval_green_committed (item->statutory_days)
                                       : item->statutory_days;
  tj_import_read_integer (csv, line, COLUMN_COMMITTED, values[COLUMN_COMMITTED],
                          _("working days"), &item->committed_days);
  tj_import_read_date (csv, line, COLUMN_COPIED, values[COLUMN_COPIED], &item->copied);
  tj_import_read_date (csv, line, COLUMN_FINISHED, values[COLUMN_FINISHED], &item->finished);
  tj_import_read_date (csv, line, COLUMN_DELIVERED, values[COLUMN_DELIVERED], &item->delivered);
  if (!is_blank (values[COLUMN_AGENT]) &&
      (agent_id = tj_person_find (import->db, values[COLUMN_AGENT])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of people."), values[COLUMN_AGENT]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_AGENT, message);
    }

  if (item->project_id != 0 && item->name != NULL && item->unit_id != 0)
    {
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%s", item->project_id, item->name,
                             item->accepted != NULL ? item->accepted : "");
      if (g_hash_table_lookup_extended (import->lines, key, NULL, &first))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is also on line %u."), item->name,
                                                      GPOINTER_TO_UINT (first));

          tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, message);
        }
      else
        g_hash_table_insert (import->lines, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  if (import->result->errors->len > errors_before)
    return TRUE;

  if (!find_stored_item (import, item, &stored, error))
    return FALSE;
  /* A column the file does not have leaves the stored text as it was. */
  if (values[COLUMN_HANDLER] != NULL)
    {
      g_free (item->handler);
      item->handler = g_strdup (values[COLUMN_HANDLER]);
    }
  if (values[COLUMN_NOTES] != NULL)
    {
      g_free (item->notes);
      item->notes = g_strdup (values[COLUMN_NOTES]);
    }
  problems = tj_approval_item_validate (item, import->db);
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);

      tj_csv_import_add_error (&import->csv, line, column_of_field (problem->field),
                               problem->message);
    }
  /* Nothing is written once the file has a problem: the transaction is rolled back anyway. */
  if (import->result->errors->len > 0)
    return TRUE;

  if (agent_id != 0 && !agent_case (import, item->project_id, agent_id, item->accepted,
                                    &item->case_id, error))
    return FALSE;
  if (!tj_approval_item_write (import->db, item, error))
    return FALSE;
  if (stored)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* After the last row of a file without a problem: the agency cases created, named. */
static gboolean
finish_cb (TjCsvImport *csv,
           GError     **error)
{
  ApprovalImport *import = (ApprovalImport *) csv;
  guint created = g_hash_table_size (import->new_cases);

  if (csv->errors->len == 0 && created > 0)
    g_ptr_array_add (import->result->warnings,
                     g_strdup_printf (ngettext ("%u agency case was created for the agents the "
                                                "file names, entrusted on the earliest "
                                                "acceptance date of its items.",
                                                "%u agency cases were created for the agents the "
                                                "file names, each entrusted on the earliest "
                                                "acceptance date of its items.",
                                                created),
                                      created));
  return TRUE;
}

/* Imports approval items (CSV, UTF-8 or GB18030), each row's project matched by name on year's
 * list, or with year 0 on the list of the year of the row's acceptance date; departments by
 * unit name, agents by person name. All or nothing: every problem is reported in
 * result->errors with its line and column, and then nothing is written. An item a project
 * already has (same name and acceptance date) is updated. dry_run does everything, then
 * rolls back. 推进机制 (三)(四) */
gboolean
tj_approval_import (TjDb            *db,
                    const char      *path,
                    int              year,
                    gboolean         dry_run,
                    TjImportResult **result,
                    GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  ApprovalImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (year != 0 && !tj_year_check (year, error))
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_PROJECT;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.key_func = header_key;
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.today = tj_date_today ();
  import.result = outcome;
  import.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.new_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = tj_import_run (db, path, TJ_IMPORT_APPROVAL_ITEMS, dry_run, &import.csv, finish_cb,
                      outcome, error);
  g_hash_table_unref (import.lines);
  g_hash_table_unref (import.new_cases);
  tj_csv_import_clear (&import.csv);
  g_free (import.today);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
