/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-ledger"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-ledger.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-person.h"
#include "tj-problem.h"
#include "tj-project.h"
#include "tj-project-active.h"
#include "tj-unit.h"

typedef enum
{
  COLUMN_SERIAL,
  COLUMN_NAME,
  COLUMN_LEVEL,
  COLUMN_NATURE,
  COLUMN_INDUSTRY,
  COLUMN_CONTENT,
  COLUMN_LOCALITY,
  COLUMN_UNIT,
  COLUMN_LEADER,
  COLUMN_OFFICER,
  COLUMN_OWNER,
  COLUMN_CONTACT,
  COLUMN_PHONE,
  COLUMN_TOTAL,
  COLUMN_PLAN,
  COLUMN_PLANNED_START,
  COLUMN_PLANNED_COMPLETION,
  COLUMN_ACTUAL_START,
  COLUMN_ACTUAL_COMPLETION,
  COLUMN_STATS_DATE,
  COLUMN_CODE,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* The lines of the file whose project is written, by the hash of their name: 16 bytes a line
 * and not the name (1M names held as strings were most of a 1M import's memory). A name is
 * compared with the one the database holds for the line's project, which is the line's. */
typedef struct
{
  guint32 check; /* the other half of the name's hash */
  guint32 line;  /* 0: an empty slot */
  gint64 id;     /* the project the line wrote */
} NameLine;

typedef struct
{
  NameLine *slots;
  gsize mask; /* the number of slots (a power of 2) - 1 */
  gsize used;
} NameLines;

static guint64
name_hash (const char *name)
{
  guint64 hash = 0xcbf29ce484222325u; /* FNV-1a, then mixed so that both halves vary */

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    hash = (hash ^ *p) * 0x100000001b3u;
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdu;
  hash ^= hash >> 33;
  return hash;
}

static void
name_lines_add (NameLines  *table,
                const char *name,
                guint       line,
                gint64      id)
{
  guint64 hash = name_hash (name);
  gsize i;

  if (table->slots == NULL || (table->used + 1) * 4 > (table->mask + 1) * 3)
    {
      gsize size = table->slots == NULL ? 1024 : 2 * (table->mask + 1);
      NameLine *old = table->slots;
      gsize old_size = old == NULL ? 0 : table->mask + 1;

      table->slots = g_new0 (NameLine, size);
      table->mask = size - 1;
      for (gsize o = 0; o < old_size; o++)
        if (old[o].line != 0)
          {
            for (i = old[o].check & table->mask; table->slots[i].line != 0;)
              i = (i + 1) & table->mask;
            table->slots[i] = old[o];
          }
      g_free (old);
    }
  for (i = (hash >> 32) & table->mask; table->slots[i].line != 0;)
    i = (i + 1) & table->mask;
  table->slots[i].check = hash >> 32;
  table->slots[i].line = line;
  table->slots[i].id = id;
  table->used++;
}

static void
name_lines_clear (NameLines *table)
{
  g_clear_pointer (&table->slots, g_free);
  table->mask = table->used = 0;
}

/* What an import keeps while it reads the file, inside its transaction. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year;
  gboolean create_missing;
  TjImportResult *result;
  TjLevelNames *levels;
  gint64 max_amount; /* tj_limits_max_amount, read once */
  GHashTable *units;          /* name → TjUnit */
  GHashTable *people;         /* name → TjPerson */
  GHashTable *new_people;     /* TjPerson created by this import */
  GHashTable *projects;       /* name → TjProject already on the year's list */
  NameLines written;          /* the lines whose project was written, by their name's hash */
  GHashTable *unwritten;      /* project name → the line that first names it, not written */
  GHashTable *missing;        /* names already in result->missing */
  TjProject *scratch;         /* a new row's project, emptied for each one */
  const char *column_names[N_COLUMNS]; /* the headers of columns, for csv */
} LedgerImport;

/* The ledger's columns as offices head them (and as the export writes them), with the project
 * field each one fills. */
static const struct
{
  const char *header;
  const char *field;
} columns[N_COLUMNS] = {
  [COLUMN_SERIAL] = { "序号", NULL },
  [COLUMN_NAME] = { "项目名称", "name" },
  [COLUMN_LEVEL] = { "级别", "level" },
  [COLUMN_NATURE] = { "建设性质", "nature" },
  [COLUMN_INDUSTRY] = { "行业类别", "industry" },
  [COLUMN_CONTENT] = { "建设规模及内容", "content" },
  [COLUMN_LOCALITY] = { "属地", "locality_id" },
  [COLUMN_UNIT] = { "责任单位", "unit_id" },
  [COLUMN_LEADER] = { "分包市领导", "leader_id" },
  [COLUMN_OFFICER] = { "首席服务官", "officer_id" },
  [COLUMN_OWNER] = { "业主单位", "owner" },
  [COLUMN_CONTACT] = { "联系人", "contact" },
  [COLUMN_PHONE] = { "联系电话", "phone" },
  [COLUMN_TOTAL] = { "总投资（万元）", "total_investment" },
  [COLUMN_PLAN] = { "年度计划投资（万元）", "annual_plan" },
  [COLUMN_PLANNED_START] = { "计划开工", "planned_start" },
  [COLUMN_PLANNED_COMPLETION] = { "计划竣工", "planned_completion" },
  [COLUMN_ACTUAL_START] = { "实际开工", "actual_start" },
  [COLUMN_ACTUAL_COMPLETION] = { "实际竣工", "actual_completion" },
  [COLUMN_STATS_DATE] = { "入库日期", "stats_date" },
  [COLUMN_CODE] = { "项目编号", "code" },
  [COLUMN_NOTES] = { "备注", "notes" },
};

/* Every project needs these; a file without one of them is not a ledger that can be imported. */
static const guint required_columns[] = {
  COLUMN_NAME, COLUMN_LEVEL, COLUMN_NATURE, COLUMN_LOCALITY, COLUMN_OFFICER, COLUMN_TOTAL,
};

/* The cells read into a project field as they are: texts, amounts, months and dates, in the
 * order of the file's columns. */
typedef enum
{
  CELL_TEXT,
  CELL_MONEY,
  CELL_MONTH,
  CELL_DATE,
} CellKind;

static const struct
{
  Column column;
  CellKind kind;
  gsize offset;
} cell_readers[] = {
  { COLUMN_INDUSTRY, CELL_TEXT, G_STRUCT_OFFSET (TjProject, industry) },
  { COLUMN_CONTENT, CELL_TEXT, G_STRUCT_OFFSET (TjProject, content) },
  { COLUMN_OWNER, CELL_TEXT, G_STRUCT_OFFSET (TjProject, owner) },
  { COLUMN_CONTACT, CELL_TEXT, G_STRUCT_OFFSET (TjProject, contact) },
  { COLUMN_PHONE, CELL_TEXT, G_STRUCT_OFFSET (TjProject, phone) },
  { COLUMN_TOTAL, CELL_MONEY, G_STRUCT_OFFSET (TjProject, total_investment) },
  { COLUMN_PLAN, CELL_MONEY, G_STRUCT_OFFSET (TjProject, annual_plan) },
  { COLUMN_PLANNED_START, CELL_MONTH, G_STRUCT_OFFSET (TjProject, planned_start) },
  { COLUMN_PLANNED_COMPLETION, CELL_MONTH, G_STRUCT_OFFSET (TjProject, planned_completion) },
  { COLUMN_ACTUAL_START, CELL_DATE, G_STRUCT_OFFSET (TjProject, actual_start) },
  { COLUMN_ACTUAL_COMPLETION, CELL_DATE, G_STRUCT_OFFSET (TjProject, actual_completion) },
  { COLUMN_STATS_DATE, CELL_DATE, G_STRUCT_OFFSET (TjProject, stats_date) },
  { COLUMN_CODE, CELL_TEXT, G_STRUCT_OFFSET (TjProject, code) },
  { COLUMN_NOTES, CELL_TEXT, G_STRUCT_OFFSET (TjProject, notes) },
};

/* The natures as ledgers write them, whatever the language of the interface. */
static const char *const nature_words[TJ_NATURE_N] = { NULL, "新开工", "续建", "竣工", "前期" };

/* The ledger's own words first: the labels of the interface are translated, once a call. */
static TjNature
parse_nature (const char *text)
{
  for (guint i = 1; i < TJ_NATURE_N; i++)
    if (g_str_equal (text, nature_words[i]))
      return i;
  return tj_nature_from_label (text);
}

static void
add_error (LedgerImport *import,
           guint         line,
           const char   *header,
           const char   *message)
{
  g_ptr_array_add (import->result->errors,
                   tj_csv_import_cell_message (&import->csv, line, header, message));
}

static void
add_cell_error (LedgerImport *import,
                guint         line,
                Column        column,
                guint32      *bad,
                const char   *message)
{
  tj_csv_import_add_error (&import->csv, line, column, message);
  *bad |= 1u << column;
}

static void
note_missing (LedgerImport *import,
              const char   *name)
{
  if (g_hash_table_contains (import->missing, name))
    return;
  g_hash_table_add (import->missing, g_strdup (name));
  g_ptr_array_add (import->result->missing, g_strdup (name));
}

/* A locality or responsible unit by name: never created (only people are), see
 * tj_unit_unknown_message. FALSE only when the database fails. */
static gboolean
resolve_unit (LedgerImport *import,
              guint         line,
              Column        column,
              const char   *name,
              gint64       *id,
              guint32      *bad,
              GError      **error)
{
  gboolean locality = column == COLUMN_LOCALITY;
  TjUnit *unit;

  *id = 0;
  if (*name == '\0')
    return TRUE;
  unit = g_hash_table_lookup (import->units, name);
  if (unit == NULL)
    {
      g_autoptr (GList) known = g_hash_table_get_values (import->units);
      g_autofree char *message = tj_unit_unknown_message (known, name, locality);

      note_missing (import, name);
      add_cell_error (import, line, column, bad, message);
      return TRUE;
    }
  if (locality && !tj_unit_is_locality (unit))
    {
      g_autofree char *message = g_strdup_printf (
        _("“%s” is a department, not a township, subdistrict or district."), name);

      add_cell_error (import, line, column, bad, message);
      return TRUE;
    }
  *id = unit->id;
  return TRUE;
}

/* A city leader or service officer by name; created when missing and asked to. A person this
 * import created takes on each role the file gives them. FALSE only when the database fails. */
static gboolean
resolve_person (LedgerImport *import,
                guint         line,
                Column        column,
                const char   *name,
                gint64       *id,
                guint32      *bad,
                GError      **error)
{
  gboolean leader = column == COLUMN_LEADER;
  TjPerson *person;

  *id = 0;
  if (*name == '\0')
    return TRUE;
  person = g_hash_table_lookup (import->people, name);
  if (person == NULL && import->create_missing)
    {
      g_autofree char *roles = NULL;

      person = tj_person_new ();
      person->name = g_strdup (name);
      person->is_leader = leader;
      person->is_officer = !leader;
      if (!tj_person_write (import->db, person, error))
        {
          g_object_unref (person);
          return FALSE;
        }
      g_hash_table_insert (import->people, person->name, person);
      g_hash_table_add (import->new_people, person);
      roles = tj_person_roles_label (person);
      g_ptr_array_add (import->result->warnings,
                       g_strdup_printf (_("New person “%s” (%s)"), name, roles));
    }
  else if (person != NULL && g_hash_table_contains (import->new_people, person) &&
           (leader ? !person->is_leader : !person->is_officer))
    {
      if (leader)
        person->is_leader = TRUE;
      else
        person->is_officer = TRUE;
      if (!tj_person_write (import->db, person, error))
        return FALSE;
    }
  if (person == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not in the list of people."), name);

      note_missing (import, name);
      add_cell_error (import, line, column, bad, message);
      return TRUE;
    }
  *id = person->id;
  return TRUE;
}

static int
column_of_field (const char *field)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (columns[c].field, field) == 0)
      return c;
  return -1;
}

/* The line that first named name, or 0: among the lines not written by the name itself, among
 * the written ones by the name's hash and then the name of the project each wrote. FALSE only
 * when the database fails. */
static gboolean
first_line_of (LedgerImport *import,
               const char   *name,
               guint        *first,
               GError      **error)
{
  NameLines *table = &import->written;
  guint32 check = name_hash (name) >> 32;
  gpointer line;

  *first = 0;
  if (g_hash_table_lookup_extended (import->unwritten, name, NULL, &line))
    {
      *first = GPOINTER_TO_UINT (line);
      return TRUE;
    }
  if (table->slots == NULL)
    return TRUE;
  for (gsize i = check & table->mask; table->slots[i].line != 0; i = (i + 1) & table->mask)
    if (table->slots[i].check == check)
      {
        g_autoptr (TjCachedStmt) stmt =
          tj_db_prepare_cached (import->db, "SELECT name = ?2 FROM projects WHERE id = ?1", error);
        int rc;

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, table->slots[i].id);
        sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
        rc = sqlite3_step (stmt);
        if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
          {
            *first = table->slots[i].line;
            return TRUE;
          }
        if (rc != SQLITE_ROW && !tj_db_rows_done (import->db, rc, error))
          return FALSE;
      }
  return TRUE;
}

/* Maps one row onto a project (the one of the same name on the year's list, or a new one),
 * validates it and, while the file has shown no error, writes it. A row is all or nothing: its
 * problems are reported with the line and the file's column, and nothing more is written. */
static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  LedgerImport *import = (LedgerImport *) csv;
  const char *values[N_COLUMNS];
  g_autoptr (TjProject) project = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  guint errors_before = import->result->errors->len;
  guint32 bad = 0;
  TjProject *existing = NULL;
  gboolean first_naming = FALSE;
  const char *name;

  /* Absent columns leave the field as it is; short rows have empty cells. A row with at most its
   * serial number is a blank line of the office's template. */
  if (!tj_csv_import_row_values (&import->csv, line, cells, n_cells, COLUMN_SERIAL, values))
    return TRUE;

  name = values[COLUMN_NAME];
  if (*name != '\0')
    existing = g_hash_table_lookup (import->projects, name);
  if (existing != NULL)
    project = tj_project_copy (existing);
  else
    {
      tj_project_reset (import->scratch);
      project = g_object_ref (import->scratch);
    }
  project->year = import->year;

  if (*name != '\0')
    {
      guint first;

      if (!first_line_of (import, name, &first, error))
        return FALSE;
      if (first != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is also on line %u."), name, first);

          add_cell_error (import, line, COLUMN_NAME, &bad, message);
        }
      else
        first_naming = TRUE;
    }
  tj_import_read_text (&import->csv, line, COLUMN_NAME, NULL, name, &project->name);

  if (values[COLUMN_LEVEL] != NULL)
    {
      const char *text = values[COLUMN_LEVEL];

      project->level = *text != '\0' ? tj_level_names_parse (import->levels, text) : TJ_LEVEL_NONE;
      if (*text != '\0' && project->level == TJ_LEVEL_NONE)
        {
          g_autofree char *message = g_strdup_printf (
            _("“%s” is not a level: write %s, %s or %s."), text,
            import->levels->full[TJ_LEVEL_PROVINCIAL], import->levels->full[TJ_LEVEL_PREFECTURAL],
            import->levels->full[TJ_LEVEL_CITY]);

          add_cell_error (import, line, COLUMN_LEVEL, &bad, message);
        }
    }
  if (values[COLUMN_NATURE] != NULL)
    {
      const char *text = values[COLUMN_NATURE];

      project->nature = *text != '\0' ? parse_nature (text) : TJ_NATURE_NONE;
      if (*text != '\0' && project->nature == TJ_NATURE_NONE)
        {
          g_autofree char *message = g_strdup_printf (
            _("“%s” is not a nature: write %s, %s, %s or %s."), text,
            nature_words[TJ_NATURE_NEW], nature_words[TJ_NATURE_CONTINUING],
            nature_words[TJ_NATURE_COMPLETING], nature_words[TJ_NATURE_PREPARATORY]);

          add_cell_error (import, line, COLUMN_NATURE, &bad, message);
        }
    }
  if ((values[COLUMN_LOCALITY] != NULL &&
       !resolve_unit (import, line, COLUMN_LOCALITY, values[COLUMN_LOCALITY],
                      &project->locality_id, &bad, error)) ||
      (values[COLUMN_UNIT] != NULL &&
       !resolve_unit (import, line, COLUMN_UNIT, values[COLUMN_UNIT], &project->unit_id, &bad,
                      error)) ||
      (values[COLUMN_LEADER] != NULL &&
       !resolve_person (import, line, COLUMN_LEADER, values[COLUMN_LEADER], &project->leader_id,
                        &bad, error)) ||
      (values[COLUMN_OFFICER] != NULL &&
       !resolve_person (import, line, COLUMN_OFFICER, values[COLUMN_OFFICER],
                        &project->officer_id, &bad, error)))
    return FALSE;
  /* The cells a reader could not read keep their column from the project's own problems. */
  for (guint c = 0; c < G_N_ELEMENTS (cell_readers); c++)
    {
      Column column = cell_readers[c].column;
      gpointer field = G_STRUCT_MEMBER_P (project, cell_readers[c].offset);
      const char *cell = values[column];
      gboolean ok = TRUE;

      switch (cell_readers[c].kind)
        {
        case CELL_TEXT:
          ok = tj_import_read_text (&import->csv, line, column, NULL, cell, field);
          break;
        case CELL_MONEY:
          ok = tj_import_read_money (&import->csv, line, column, cell, field);
          break;
        case CELL_MONTH:
          ok = tj_import_read_month (&import->csv, line, column, cell, field);
          break;
        case CELL_DATE:
          ok = tj_import_read_date (&import->csv, line, column, cell, field);
          break;
        }
      if (!ok)
        bad |= 1u << column;
    }

  if (bad == 0 && import->csv.bad_rows == 0)
    {
      g_autoptr (GError) local = NULL;
      gboolean update = project->id != 0;

      if (tj_project_write_listed (import->db, project, import->max_amount, &local))
        {
          if (first_naming)
            name_lines_add (&import->written, name, line, project->id);
          if (update)
            import->result->updated++;
          else
            import->result->added++;
          return TRUE;
        }
      if (!g_error_matches (local, TJ_ERROR, TJ_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }

  /* The rules of a project, each named by the file's column; a cell already reported is not
   * reported again (an amount that is not one is not also "not greater than 0"). */
  if (first_naming)
    g_hash_table_insert (import->unwritten, g_strdup (name), GUINT_TO_POINTER (line));
  problems = tj_project_validate (project, import->db);
  for (guint i = 0; i < problems->len; i++)
    {
      TjProblem *problem = g_ptr_array_index (problems, i);
      int column = column_of_field (problem->field);

      if (column < 0)
        add_error (import, line, tj_project_field_label (problem->field), problem->message);
      else if ((bad & (1u << column)) == 0)
        add_error (import, line, tj_csv_import_header (&import->csv, column), problem->message);
    }
  if (import->result->errors->len > errors_before)
    import->csv.bad_rows++;
  else if (project->id != 0)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* The units, people and the year's projects by name, read once: no row looks anything up in
 * the database but its own name. */
static gboolean
load_lists (LedgerImport *import,
            GError      **error)
{
  g_autoptr (GPtrArray) units = tj_unit_list (import->db, error);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) projects = NULL;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      TjUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (import->units, unit->name, g_object_ref (unit));
    }

  /* Names of people need not be unique: like tj_person_find, take the first active one. */
  people = tj_person_list (import->db, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      TjPerson *person = g_ptr_array_index (people, i);
      TjPerson *known = g_hash_table_lookup (import->people, person->name);

      if (known == NULL || (!known->active && person->active))
        g_hash_table_insert (import->people, person->name, g_object_ref (person));
    }

  projects = tj_project_list (import->db, import->year, error);
  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *project = g_ptr_array_index (projects, i);

      g_hash_table_insert (import->projects, project->name, g_object_ref (project));
    }
  import->max_amount = tj_limits_max_amount (import->db);
  import->levels = tj_level_names_load (import->db, error);
  return import->levels != NULL;
}

static void
import_clear (LedgerImport *import)
{
  g_clear_pointer (&import->levels, tj_level_names_free);
  g_clear_pointer (&import->units, g_hash_table_unref);
  g_clear_pointer (&import->people, g_hash_table_unref);
  g_clear_pointer (&import->new_people, g_hash_table_unref);
  g_clear_pointer (&import->projects, g_hash_table_unref);
  name_lines_clear (&import->written);
  g_clear_pointer (&import->unwritten, g_hash_table_unref);
  g_clear_pointer (&import->missing, g_hash_table_unref);
  g_clear_object (&import->scratch);
  tj_csv_import_clear (&import->csv);
}

/* After the file is read, inside the transaction: the lists. */
static gboolean
prepare_cb (TjCsvImport *csv,
            GError     **error)
{
  return load_lists ((LedgerImport *) csv, error);
}

/* Imports a year's project ledger (CSV, UTF-8 or GB18030) all or nothing: every bad row is
 * reported in result->errors with its line and column, and then nothing is written. Projects
 * named like one already on the year's list update it. dry_run does everything, then rolls
 * back. */
gboolean
tj_ledger_import (TjDb            *db,
                  const char      *path,
                  int              year,
                  gboolean         create_missing,
                  gboolean         dry_run,
                  TjImportResult **result,
                  GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  LedgerImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_check (year, error))
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);

  tj_csv_import_init (&import.csv, N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    import.column_names[c] = columns[c].header;
  import.csv.columns = import.column_names;
  import.csv.anchor = COLUMN_NAME;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.prepare = prepare_cb;
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.create_missing = create_missing;
  import.result = outcome;
  import.units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  import.people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  import.new_people = g_hash_table_new (NULL, NULL);
  import.projects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  import.unwritten = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.scratch = tj_project_new ();

  ok = tj_import_run (db, path, TJ_IMPORT_PROJECTS, dry_run, &import.csv, NULL, outcome, error);
  import_clear (&import);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}

/* The ledger streamed (tj_ledger_report_build): the year's projects in the order entered, read
 * from the database as the writer pulls them, never held whole. +p.year makes SQLite scan the
 * table in the order of the ids rather than sort the rows it finds by the year's index. The
 * columns are read in the order of the enum from COLUMN_NAME on. */
#define LEDGER_SQL                                                                               \
  "SELECT p.name, p.level, p.nature, p.industry, p.content, l.name, u.name, ld.name, o.name, "  \
  "p.owner, p.contact, p.phone, p.total_investment, p.annual_plan, p.planned_start, "           \
  "p.planned_completion, p.actual_start, p.actual_completion, p.stats_date, p.code, p.notes "   \
  "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "                                  \
  "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people ld ON ld.id = p.leader_id "          \
  "LEFT JOIN people o ON o.id = p.officer_id "                                                 \
  "WHERE +p.year = ? AND " TJ_PROJECT_ACTIVE_TODAY " ORDER BY p.id"

typedef struct
{
  TjDb *db;
  sqlite3_stmt *stmt;
  TjLevelNames *levels;
  guint number; /* projects read */
} LedgerSource;

static void
ledger_source_free (gpointer data)
{
  LedgerSource *source = data;

  sqlite3_finalize (source->stmt);
  tj_level_names_free (source->levels);
  g_object_unref (source->db);
  g_free (source);
}

static void
ledger_source_rewind (gpointer data,
                      gboolean in_order)
{
  LedgerSource *source = data;

  sqlite3_reset (source->stmt);
  source->number = 0;
}

static gboolean
ledger_source_next (gpointer     data,
                    TjReportRow *row,
                    GError     **error)
{
  LedgerSource *source = data;
  sqlite3_stmt *stmt = source->stmt;
  g_autofree char *total = NULL;
  g_autofree char *plan = NULL;
  int rc = sqlite3_step (stmt);
  int sql_total = COLUMN_TOTAL - COLUMN_NAME;

  if (rc != SQLITE_ROW)
    {
      tj_db_rows_done (source->db, rc, error);
      return FALSE;
    }
  tj_report_row_set_integer (row, COLUMN_SERIAL, ++source->number);
  for (guint c = COLUMN_NAME; c < N_COLUMNS; c++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, c - COLUMN_NAME);

      if (c == COLUMN_LEVEL)
        text = source->levels->full[tj_level_from_code (text)];
      else if (c == COLUMN_NATURE)
        text = nature_words[tj_nature_from_code (text)];
      if (c != COLUMN_TOTAL && c != COLUMN_PLAN)
        tj_report_row_set_text (row, c, text);
    }
  total = tj_money_format_wan (sqlite3_column_int64 (stmt, sql_total), 4, FALSE);
  plan = tj_money_format_wan (sqlite3_column_int64 (stmt, sql_total + 1), 4, FALSE);
  tj_report_row_set_text (row, COLUMN_TOTAL, total);
  tj_report_row_set_text (row, COLUMN_PLAN, plan);
  return TRUE;
}

/* The year's projects in the columns the import reads, as the table a CSV file holds, so that
 * the file imports again as it is: amounts in 万元 with 4 decimals (as text: a report's money
 * shows 2), months YYYY-MM, ISO dates, the full level names. The rows stream from the database
 * as a writer reads them. */
TjReport *
tj_ledger_report_build (TjDb    *db,
                        int      year,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (TjLevelNames) levels = NULL;
  LedgerSource *source;
  TjReport *report;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  levels = tj_level_names_load (db, error);
  if (levels == NULL)
    return NULL;
  stmt = tj_db_prepare (db, LEDGER_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  report = tj_report_new (NULL, NULL);
  for (guint c = 0; c < N_COLUMNS; c++)
    tj_report_add_column (report, columns[c].header,
                          c == COLUMN_SERIAL ? TJ_REPORT_INTEGER : TJ_REPORT_TEXT, 0);

  source = g_new0 (LedgerSource, 1);
  source->db = g_object_ref (db);
  source->stmt = g_steal_pointer (&stmt);
  source->levels = g_steal_pointer (&levels);
  tj_report_set_source (report, ledger_source_next, ledger_source_rewind, source,
                        ledger_source_free);
  return report;
}
