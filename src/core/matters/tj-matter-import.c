/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the matters decided at meetings (issue 8): one row per matter, its meeting named by
 * date, type and name (rows naming the same one share it), its project on the year's list. A
 * matter is keyed by its meeting and its content: a file imported again updates its matters. */
#define G_LOG_DOMAIN "tj-matter"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-matter-import.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-unit.h"

typedef enum
{
  COLUMN_MEETING_DATE,
  COLUMN_MEETING_KIND,
  COLUMN_MEETING_NAME,
  COLUMN_CONTENT,
  COLUMN_PROJECT,
  COLUMN_LEADER,
  COLUMN_UNIT,
  COLUMN_PERSON,
  COLUMN_ASSIGNED,
  COLUMN_DEADLINE,
  COLUMN_EXTENDED,
  COLUMN_FINISHED,
  COLUMN_RESULT,
  N_COLUMNS
} Column;

static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_MEETING_DATE] = "会议日期",
  [COLUMN_MEETING_KIND] = "会议类型",
  [COLUMN_MEETING_NAME] = "会议名称",
  [COLUMN_CONTENT] = "事项内容",
  [COLUMN_PROJECT] = "项目名称",
  [COLUMN_LEADER] = "牵头领导",
  [COLUMN_UNIT] = "责任单位",
  [COLUMN_PERSON] = "责任人",
  [COLUMN_ASSIGNED] = "交办日期",
  [COLUMN_DEADLINE] = "办结期限",
  [COLUMN_EXTENDED] = "延期至",
  [COLUMN_FINISHED] = "办结日期",
  [COLUMN_RESULT] = "办理结果",
};

static const guint required_columns[] = {
  COLUMN_MEETING_DATE, COLUMN_MEETING_KIND, COLUMN_MEETING_NAME, COLUMN_CONTENT, COLUMN_UNIT,
  COLUMN_ASSIGNED, COLUMN_DEADLINE,
};

typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year;
  TjImportResult *result;
  GPtrArray *units; /* TjUnit, for the nearest name */
  GList *unit_list;
  GHashTable *meetings; /* "date/kind/name" → the meeting's id (gint64 *) */
  GHashTable *lines;    /* "meeting id/content" → the line that named it first */
} MatterImport;

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The approved extension an import writes from 延期至 is marked by who approved it. */
const char *
tj_matter_import_approver (void)
{
  return _("Import");
}

/* The column of each field a matter's or a meeting's problem names; any other: 事项内容. */
static const TjImportField fields[] = {
  { "content", COLUMN_CONTENT },   { "unit", COLUMN_UNIT },
  { "assigned", COLUMN_ASSIGNED }, { "deadline", COLUMN_DEADLINE },
  { "finished", COLUMN_FINISHED }, { "extensions", COLUMN_EXTENDED },
  { "date", COLUMN_MEETING_DATE }, { "name", COLUMN_MEETING_NAME },
  { "kind", COLUMN_MEETING_KIND },
};

static void
add_problems (MatterImport *import,
              guint         line,
              GPtrArray    *problems)
{
  tj_import_add_problems (&import->csv, line, problems, fields, G_N_ELEMENTS (fields),
                          COLUMN_CONTENT);
}

/* The id of the row's meeting: stored, made by an earlier row, or written now. 0 with an error
 * added when the row's meeting cells are wrong; -1 when the database fails. */
static gint64
row_meeting (MatterImport  *import,
             guint          line,
             const char   **values,
             GError       **error)
{
  g_autoptr (TjMeeting) meeting = tj_meeting_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *key = NULL;
  TjMeetingKind kind = TJ_MEETING_MONTHLY;
  gint64 *known;
  int rc;

  if (is_blank (values[COLUMN_MEETING_KIND]))
    {
      tj_csv_import_add_error (&import->csv, line, COLUMN_MEETING_KIND,
                               _("The meeting type is required."));
      return 0;
    }
  if (!tj_meeting_kind_from_label (values[COLUMN_MEETING_KIND], &kind))
    {
      /* Translators: "“例会”不是会议类型：请填写月例会、专题协调会或观摩。" */
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a meeting type: write %s, %s or %s."),
                         values[COLUMN_MEETING_KIND], tj_meeting_kind_label (TJ_MEETING_MONTHLY),
                         tj_meeting_kind_label (TJ_MEETING_COORDINATION),
                         tj_meeting_kind_label (TJ_MEETING_TOUR));

      tj_csv_import_add_error (&import->csv, line, COLUMN_MEETING_KIND, message);
      return 0;
    }
  meeting->kind = kind;
  meeting->date = g_strdup (values[COLUMN_MEETING_DATE]);
  meeting->name = g_strdup (values[COLUMN_MEETING_NAME]);
  problems = tj_meeting_validate (meeting);
  if (problems->len > 0)
    {
      add_problems (import, line, problems);
      return 0;
    }

  key = g_strdup_printf ("%s/%s/%s", meeting->date, tj_meeting_kind_to_sql (kind), meeting->name);
  known = g_hash_table_lookup (import->meetings, key);
  if (known != NULL)
    return *known;
  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id FROM meetings WHERE date = ? AND kind = ? AND name = ?",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, meeting->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tj_meeting_kind_to_sql (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, meeting->name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting->id = sqlite3_column_int64 (stmt, 0);
  else if (!tj_db_rows_done (import->db, rc, error))
    return -1;
  g_clear_pointer (&stmt, tj_db_release);
  if (meeting->id == 0 && !tj_meeting_write (import->db, meeting, error))
    return -1;
  g_hash_table_insert (import->meetings, g_steal_pointer (&key),
                       g_memdup2 (&meeting->id, sizeof (gint64)));
  return meeting->id;
}

/* The stored matter of this meeting with this content, loaded; a new one when none. */
static TjMatter *
stored_matter (MatterImport  *import,
               gint64         meeting_id,
               const char    *content,
               GError       **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  gint64 id = 0;
  TjMatter *matter;
  int rc;

  stmt = tj_db_prepare_cached (import->db,
                               "SELECT id FROM matters WHERE meeting_id = ? AND content = ? "
                               "ORDER BY id LIMIT 1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, content, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (!tj_db_rows_done (import->db, rc, error))
    return NULL;
  g_clear_pointer (&stmt, tj_db_release);
  if (id != 0)
    return tj_matter_load (import->db, id, error);
  matter = tj_matter_new ();
  matter->meeting_id = meeting_id;
  matter->extensions = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_extension_free);
  matter->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_matter_report_free);
  return matter;
}

static void
set_text (char      **field,
          const char *value)
{
  /* A column the file does not have leaves the stored value as it was. */
  if (value == NULL)
    return;
  g_free (*field);
  *field = is_blank (value) ? NULL : g_strdup (value);
}

/* 延期至: the approved extension of an import, requested and approved on the original deadline;
 * a file imported again replaces the one an earlier import wrote. The date the extensions
 * approved otherwise (in the window) already give is that extension, as the 督办台账 writes it:
 * nothing new. */
static void
set_extension (TjMatter   *matter,
               const char *extended_to)
{
  TjMatterExtension *extension = NULL;
  g_autoptr (GPtrArray) approved = g_ptr_array_new ();
  g_autofree char *in_force = NULL;

  for (guint i = 0; i < matter->extensions->len; i++)
    {
      TjMatterExtension *old = g_ptr_array_index (matter->extensions, i);

      if (g_strcmp0 (old->approved_by, tj_matter_import_approver ()) != 0)
        g_ptr_array_add (approved, old);
    }
  in_force = tj_matter_deadline_in_force (matter->deadline, approved);
  if (extended_to != NULL && g_strcmp0 (in_force, matter->deadline) != 0 &&
      g_strcmp0 (in_force, extended_to) == 0)
    extended_to = NULL;

  for (guint i = matter->extensions->len; i > 0; i--)
    {
      TjMatterExtension *old = g_ptr_array_index (matter->extensions, i - 1);

      if (g_strcmp0 (old->approved_by, tj_matter_import_approver ()) != 0)
        continue;
      /* the first one kept (its id: the same file again changes nothing), any other removed */
      if (extended_to != NULL && extension == NULL)
        extension = old;
      else
        g_ptr_array_remove_index (matter->extensions, i - 1);
    }
  if (extended_to == NULL)
    return;
  if (extension == NULL)
    {
      extension = tj_matter_extension_new ();
      g_ptr_array_add (matter->extensions, extension);
    }
  g_free (extension->requested);
  extension->requested = g_strdup (matter->deadline);
  g_free (extension->approved);
  extension->approved = g_strdup (matter->deadline);
  g_free (extension->approved_by);
  extension->approved_by = g_strdup (tj_matter_import_approver ());
  g_free (extension->reason);
  extension->reason = g_strdup (_("Extension imported"));
  g_free (extension->new_deadline);
  extension->new_deadline = g_strdup (extended_to);
}

static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  MatterImport *import = (MatterImport *) csv;
  const char *values[N_COLUMNS];
  g_autoptr (TjMatter) matter = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *assigned = NULL, *deadline = NULL, *finished = NULL, *extended = NULL;
  g_autofree char *key = NULL;
  guint errors_before = import->result->errors->len;
  gint64 meeting_id, project_id = 0, leader_id = 0, unit_id = 0;
  gboolean stored;
  gpointer first;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  meeting_id = row_meeting (import, line, values, error);
  if (meeting_id < 0)
    return FALSE;
  if (is_blank (values[COLUMN_CONTENT]))
    tj_csv_import_add_error (csv, line, COLUMN_CONTENT,
                             _("The content of the matter is required."));
  if (!is_blank (values[COLUMN_PROJECT]) &&
      (project_id = tj_project_find (import->db, import->year, values[COLUMN_PROJECT])) == 0)
    {
      g_autofree char *message = tj_project_unknown_message (import->db, import->year,
                                                             values[COLUMN_PROJECT], error);

      if (message == NULL)
        return FALSE;
      tj_csv_import_add_error (csv, line, COLUMN_PROJECT, message);
    }
  if (!is_blank (values[COLUMN_LEADER]) &&
      (leader_id = tj_person_find (import->db, values[COLUMN_LEADER])) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not in the list of people."), values[COLUMN_LEADER]);

      tj_csv_import_add_error (csv, line, COLUMN_LEADER, message);
    }
  if (is_blank (values[COLUMN_UNIT]))
    tj_csv_import_add_error (csv, line, COLUMN_UNIT, _("The responsible unit is required."));
  else if ((unit_id = tj_unit_find (import->db, values[COLUMN_UNIT])) == 0)
    {
      g_autofree char *message = tj_unit_unknown_message (import->unit_list, values[COLUMN_UNIT],
                                                          FALSE);

      tj_csv_import_add_error (csv, line, COLUMN_UNIT, message);
    }
  tj_import_read_date (csv, line, COLUMN_ASSIGNED, values[COLUMN_ASSIGNED], &assigned);
  tj_import_read_date (csv, line, COLUMN_DEADLINE, values[COLUMN_DEADLINE], &deadline);
  tj_import_read_date (csv, line, COLUMN_EXTENDED, values[COLUMN_EXTENDED], &extended);
  tj_import_read_date (csv, line, COLUMN_FINISHED, values[COLUMN_FINISHED], &finished);
  if (meeting_id > 0 && !is_blank (values[COLUMN_CONTENT]))
    {
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", meeting_id, values[COLUMN_CONTENT]);
      if (g_hash_table_lookup_extended (import->lines, key, NULL, &first))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is also on line %u."), values[COLUMN_CONTENT],
                             GPOINTER_TO_UINT (first));

          tj_csv_import_add_error (csv, line, COLUMN_CONTENT, message);
        }
      else
        g_hash_table_insert (import->lines, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  if (import->result->errors->len > errors_before)
    return TRUE;

  matter = stored_matter (import, meeting_id, values[COLUMN_CONTENT], error);
  if (matter == NULL)
    return FALSE;
  stored = matter->id != 0;
  set_text (&matter->content, values[COLUMN_CONTENT]);
  matter->project_id = project_id;
  if (values[COLUMN_LEADER] != NULL)
    matter->leader_id = leader_id;
  matter->unit_id = unit_id;
  set_text (&matter->person, values[COLUMN_PERSON]);
  set_text (&matter->assigned, assigned);
  set_text (&matter->deadline, deadline);
  if (values[COLUMN_FINISHED] != NULL)
    set_text (&matter->finished, finished != NULL ? finished : "");
  set_text (&matter->result, values[COLUMN_RESULT]);
  if (values[COLUMN_EXTENDED] != NULL)
    set_extension (matter, extended);

  problems = tj_matter_validate (matter, import->db);
  add_problems (import, line, problems);
  /* Nothing is written once the file has a problem: the transaction is rolled back anyway. */
  if (import->result->errors->len > 0)
    return TRUE;
  if (!tj_matter_write (import->db, matter, error))
    return FALSE;
  if (stored)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* Imports the matters of a CSV file (UTF-8 or GB18030), their projects on year's list. All or
 * nothing: every problem is reported in result->errors with its row and column, and then nothing
 * is written. The meeting a row names by date, type and name is created when not stored; a
 * matter of that meeting with the same content is updated. 延期至 is an approved extension
 * (requested and approved on the original deadline, approved by “导入”), replaced by the next
 * import. dry_run does everything, then rolls back. */
gboolean
tj_matter_import (TjDb            *db,
                  const char      *path,
                  int              year,
                  gboolean         dry_run,
                  TjImportResult **result,
                  GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  MatterImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_check (year, error))
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);
  import.units = tj_unit_list (db, error);
  if (import.units == NULL)
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);
  for (guint i = import.units->len; i > 0; i--)
    import.unit_list = g_list_prepend (import.unit_list, g_ptr_array_index (import.units, i - 1));

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_CONTENT;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.result = outcome;
  import.meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = tj_import_run (db, path, TJ_IMPORT_MATTERS, dry_run, &import.csv, NULL, outcome, error);
  g_hash_table_unref (import.meetings);
  g_hash_table_unref (import.lines);
  g_list_free (import.unit_list);
  g_ptr_array_unref (import.units);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
