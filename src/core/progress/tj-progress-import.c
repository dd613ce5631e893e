/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-progress"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-limits.h"
#include "tj-money.h"
#include "tj-problem.h"
#include "tj-progress-private.h"
#include "tj-project.h"

/* A month's progress file (进度填报) read into the month's reports, all or nothing: the file's
 * month, its columns, each row against the year's list, and the reports of projects it does not
 * name. The rules of one report (the cumulative never below 0, the dates) are tj-progress.c's. */

typedef enum
{
  COLUMN_SERIAL,
  COLUMN_NAME,
  COLUMN_COMPLETED,
  COLUMN_CUMULATIVE,
  COLUMN_PROGRESS,
  COLUMN_PROBLEMS,
  COLUMN_NEXT_STEPS,
  COLUMN_ACTUAL_START,
  COLUMN_ACTUAL_COMPLETION,
  COLUMN_PLAN,
  COLUMN_BEFORE,
  COLUMN_CORRECTION,
  N_COLUMNS
} Column;

/* The headers of the columns a fill-in kit shares with a progress file. */
#define HEADER_SERIAL "序号"
#define HEADER_NAME "项目名称"
#define HEADER_COMPLETED "当月完成（万元）"
#define HEADER_PROGRESS "形象进度"
#define HEADER_PROBLEMS "存在问题"
#define HEADER_PLAN "年度计划投资（万元）"
#define HEADER_BEFORE "上月末累计（万元）"
#define HEADER_CORRECTION "更正说明"
/* 下步计划 as a kit heads it, read as the same column */
#define HEADER_NEXT_STEPS_KIT "下步打算"

/* The columns of a month's progress file as offices head them. The cumulative column is also
 * read under the names parse_cumulative_header knows ("1—10月累计（万元）"). */
static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_SERIAL] = HEADER_SERIAL,
  [COLUMN_NAME] = HEADER_NAME,
  [COLUMN_COMPLETED] = HEADER_COMPLETED,
  [COLUMN_CUMULATIVE] = "累计完成（万元）",
  [COLUMN_PROGRESS] = HEADER_PROGRESS,
  [COLUMN_PROBLEMS] = HEADER_PROBLEMS,
  [COLUMN_NEXT_STEPS] = "下步计划",
  [COLUMN_ACTUAL_START] = "实际开工",
  [COLUMN_ACTUAL_COMPLETION] = "实际竣工",
  /* shown, not read: a fill-in kit's locked figures (tj-kit.c), checked by its checksums */
  [COLUMN_PLAN] = HEADER_PLAN,
  [COLUMN_BEFORE] = HEADER_BEFORE,
  /* a file with this column accepts a negative figure only on a row that fills it */
  [COLUMN_CORRECTION] = HEADER_CORRECTION,
};

/* A fill-in kit's columns in its order (tj-kit.c): the locked ones first
 * (TJ_PROGRESS_KIT_LOCKED), then the month's figure and texts. */
static const char *const kit_headers[] = {
  HEADER_SERIAL,    HEADER_NAME,     HEADER_PLAN,           HEADER_BEFORE,     HEADER_COMPLETED,
  HEADER_PROGRESS,  HEADER_PROBLEMS, HEADER_NEXT_STEPS_KIT, HEADER_CORRECTION,
};

const char *const *
tj_progress_kit_headers (guint *n_headers)
{
  *n_headers = G_N_ELEMENTS (kit_headers);
  return kit_headers;
}

/* A project of the year's list as the import of one month sees it. */
typedef struct
{
  gint64 id;
  char *name;
  char *actual_start;
  char *actual_completion;
  gint64 completed[13]; /* the stored reports by month, 0 where none; [0] unused */
  gboolean reported;    /* the month imported has a report already */
  char *progress;       /* that report's texts */
  char *problems;
  char *next_steps;
  guint line; /* the line of the file that names it; 0 while none does */
  gboolean note_only; /* that line gives no figure: the project has not reported */
} ListedProject;

/* What an import keeps while it reads the file, inside its transaction. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year;
  int month;
  const char *path;
  TjImportResult *result;
  GPtrArray *listed;    /* ListedProject, in the order of the register */
  GHashTable *projects; /* name → ListedProject of listed */
  const TjProgressScope *scope; /* or NULL: the whole year's list */
  guint dates_changed;
  guint rows; /* the file's rows below its header */
} ProgressImport;

static void
listed_project_free (ListedProject *project)
{
  g_free (project->name);
  g_free (project->actual_start);
  g_free (project->actual_completion);
  g_free (project->progress);
  g_free (project->problems);
  g_free (project->next_steps);
  g_free (project);
}

/* The cumulative column's names: "1-10月累计(万元)", "1—10月累计完成(万元)", "10月累计(万元)",
 * "1～10月累计完成投资(万元)", "累计完成(万元)" (normalised by tj_csv_normalise_header). *through
 * is the last month it names, 0 when it names none. Any dash goes: offices type -, —, –, ~, ～. */
static gboolean
parse_cumulative_header (const char *key,
                         int        *through)
{
  const char *p = key;
  gint64 last = 0;

  if (g_ascii_isdigit (*p))
    {
      char *end;
      gint64 first = g_ascii_strtoll (p, &end, 10);
      gunichar c = g_utf8_get_char (end);

      last = first;
      p = end;
      if (g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION || c == '~' || c == 0xFF5E ||
          c == 0x301C || c == 0x2212)
        {
          p = g_utf8_next_char (p);
          if (first != 1 || !g_ascii_isdigit (*p))
            return FALSE;
          last = g_ascii_strtoll (p, &end, 10);
          p = end;
        }
      if (last < 1 || last > 12 || !g_str_has_prefix (p, "月"))
        return FALSE;
      p += strlen ("月");
    }
  if (!g_str_has_prefix (p, "累计"))
    return FALSE;
  p += strlen ("累计");
  if (g_str_has_prefix (p, "完成"))
    p += strlen ("完成");
  if (g_str_has_prefix (p, "投资"))
    p += strlen ("投资");
  if (!g_str_equal (p, "(万元)"))
    return FALSE;
  if (through != NULL)
    *through = (int) last;
  return TRUE;
}

typedef struct
{
  guint rows;
  int month;
} FileMonth;

static gboolean
file_month_cb (guint     line,
               char    **cells,
               guint     n_cells,
               gpointer  user_data,
               GError  **error)
{
  FileMonth *found = user_data;

  for (guint i = 0; i < n_cells && found->month == 0; i++)
    {
      g_autofree char *key = tj_csv_normalise_header (cells[i]);
      int through = 0;

      if (parse_cumulative_header (key, &through) && through != 0)
        found->month = through;
    }
  /* the header is among the first rows; stop reading there */
  return ++found->rows < TJ_CSV_HEADER_SEARCH_ROWS && found->month == 0;
}

/* The month a file of reports names in its cumulative column ("1-10月累计"), or 0 when its
 * columns name none (当月完成 alone): then the user must choose the month. */
gboolean
tj_progress_file_month (const char *path,
                        int        *month,
                        GError    **error)
{
  g_autoptr (GError) local = NULL;
  FileMonth found = { 0 };

  *month = 0;
  /* stopping early is not a failure; a workbook or text that cannot be read is */
  if (!tj_csv_read_rows (path, file_month_cb, &found, &local) && local != NULL &&
      found.rows == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *month = found.month;
  return TRUE;
}

/* Header keys: every name of the cumulative column is one key, and so is "当月完成投资". */
static char *
header_key (const char *header,
            gpointer    user_data)
{
  g_autofree char *key = tj_csv_normalise_header (header);

  if (parse_cumulative_header (key, NULL))
    return tj_csv_normalise_header (column_headers[COLUMN_CUMULATIVE]);
  if (g_str_equal (key, "当月完成投资(万元)"))
    return tj_csv_normalise_header (column_headers[COLUMN_COMPLETED]);
  if (g_str_equal (key, HEADER_NEXT_STEPS_KIT))
    return tj_csv_normalise_header (column_headers[COLUMN_NEXT_STEPS]);
  return g_steal_pointer (&key);
}

/* The header row, the first with a “项目名称” cell, must have the month's figure, as 当月完成 or
 * as the cumulative up to this month. */
static void
header_read_cb (TjCsvImport *csv)
{
  ProgressImport *import = (ProgressImport *) csv;

  if (import->csv.index[COLUMN_COMPLETED] < 0 && import->csv.index[COLUMN_CUMULATIVE] < 0)
    {
      g_autofree char *cumulative = g_strdup_printf ("1—%d月累计（万元）", import->month);

      g_ptr_array_add (import->result->errors,
                       g_strdup_printf (_("The file has neither a “%s” nor a “%s” column."),
                                        column_headers[COLUMN_COMPLETED], cumulative));
      import->csv.header_problems++;
    }
  if (import->csv.index[COLUMN_CUMULATIVE] >= 0)
    {
      const char *header = import->csv.headers[import->csv.index[COLUMN_CUMULATIVE]];
      g_autofree char *key = tj_csv_normalise_header (header);
      int through = 0;

      /* A cumulative up to another month would give every project a wrong month. */
      if (parse_cumulative_header (key, &through) && through != 0 && through != import->month)
        {
          g_ptr_array_add (import->result->errors,
                           g_strdup_printf (_("The column “%s” is the cumulative for months "
                                              "1–%d, but the file is imported as month %d."),
                                            header, through, import->month));
          import->csv.header_problems++;
        }
    }
}

/* Parses an amount cell; an empty one is none. FALSE when the cell is not an amount. */
static gboolean
read_amount (ProgressImport *import,
             guint           line,
             Column          column,
             const char     *value,
             gboolean       *given,
             gint64         *yuan)
{
  g_autoptr (GPtrArray) problems = NULL;

  *given = !tj_progress_is_blank (value);
  *yuan = 0;
  if (!tj_import_read_money (&import->csv, line, column, value, yuan))
    return FALSE;
  /* Within the bound of every amount (tj-limits.c), as the progress page's are. */
  problems = tj_problems_new ();
  if (!tj_limits_check_amount (problems, column_headers[column],
                               column == COLUMN_COMPLETED ? _("Completed this month")
                                                          : _("Cumulative completed"),
                               *yuan, tj_limits_max_amount (import->db)))
    {
      tj_csv_import_add_error (&import->csv, line, column,
                               ((TjProblem *) g_ptr_array_index (problems, 0))->message);
      return FALSE;
    }
  return TRUE;
}

/* The month's figure of one row: 当月完成, or the cumulative less the months before as stored;
 * with both, they must agree. *has_figure FALSE when the row gives neither: then it is no
 * report (tj_progress_note_problem). */
static void
read_figure (ProgressImport *import,
             guint           line,
             const char     *values[N_COLUMNS],
             ListedProject  *project,
             gint64         *completed,
             gboolean       *has_figure)
{
  gint64 month_value, cumulative_value, previous;
  gboolean have_month, have_cumulative;
  gint64 months[13];
  gint64 negative = 0;
  int below;
  Column column;

  if (!read_amount (import, line, COLUMN_COMPLETED, values[COLUMN_COMPLETED], &have_month,
                    &month_value) ||
      !read_amount (import, line, COLUMN_CUMULATIVE, values[COLUMN_CUMULATIVE], &have_cumulative,
                    &cumulative_value) ||
      project == NULL)
    return;
  *has_figure = have_month || have_cumulative;
  if (!*has_figure)
    return;

  previous = tj_progress_sum_before (project->completed, import->month);
  /* The column a problem with the figure is named by: the one that gave it. */
  if (have_month)
    column = COLUMN_COMPLETED;
  else if (have_cumulative || import->csv.index[COLUMN_COMPLETED] < 0)
    column = COLUMN_CUMULATIVE;
  else
    column = COLUMN_COMPLETED;
  *completed = have_month ? month_value : have_cumulative ? cumulative_value - previous : 0;
  if (have_month && have_cumulative && previous + month_value != cumulative_value)
    {
      g_autofree char *cumulative_wan = tj_money_format_wan (cumulative_value, 4, FALSE);
      g_autofree char *month_wan = tj_money_format_wan (month_value, 4, FALSE);
      g_autofree char *previous_wan = tj_money_format_wan (previous, 4, FALSE);
      g_autofree char *message = g_strdup_printf (
        _("%s does not agree with this month's %s plus the %s (10,000 yuan) reported for the "
          "months before."),
        cumulative_wan, month_wan, previous_wan);

      tj_csv_import_add_error (&import->csv, line, COLUMN_CUMULATIVE, message);
      return;
    }

  memcpy (months, project->completed, sizeof months);
  months[import->month] = *completed;
  below = tj_progress_first_negative_cumulative (months, import->month, &negative);
  if (below != 0)
    {
      g_autofree char *message = tj_progress_negative_cumulative_message (below, negative);

      tj_csv_import_add_error (&import->csv, line, column, message);
    }
  else if (*completed < 0 && import->csv.index[COLUMN_CORRECTION] >= 0 &&
           tj_progress_is_blank (values[COLUMN_CORRECTION]))
    {
      g_autofree char *message =
        g_strdup_printf (_("A negative figure is a correction of earlier months: say why in "
                           "“%s”, or give a figure of 0 or more."),
                         column_headers[COLUMN_CORRECTION]);

      tj_csv_import_add_error (&import->csv, line, column, message);
    }
  else if (*completed < 0)
    {
      g_autofree char *wan = tj_money_format_wan (*completed, 4, FALSE);

      g_ptr_array_add (import->result->warnings,
                       g_strdup_printf (_("Line %u: “%s” completed %s (10,000 yuan) this month, "
                                          "taken as a correction of earlier months."),
                                        line, project->name, wan));
    }
}

/* Reads one row: the project by name on the year's list, its month's figure, texts and dates.
 * While the file has shown no error, the month is written at once; the caller rolls everything
 * back if a later row fails. */
static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  ProgressImport *import = (ProgressImport *) csv;
  const char *values[N_COLUMNS];
  guint errors_before = import->result->errors->len;
  g_autofree char *actual_start = NULL;
  g_autofree char *actual_completion = NULL;
  ListedProject *project = NULL;
  gboolean changed = FALSE;
  gboolean has_figure = FALSE;
  gint64 completed = 0;
  const char *name;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, COLUMN_SERIAL, values))
    return TRUE;
  import->rows++;

  name = values[COLUMN_NAME];
  if (*name == '\0')
    tj_csv_import_add_error (&import->csv, line, COLUMN_NAME,
                             _("The project name is required."));
  else if ((project = g_hash_table_lookup (import->projects, name)) == NULL)
    {
      g_autofree char *message = tj_project_unknown_message (import->db, import->year, name,
                                                             error);

      if (message == NULL)
        return FALSE;
      tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, message);
    }
  else if (project->line != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is also on line %u."), name, project->line);

      tj_csv_import_add_error (&import->csv, line, COLUMN_NAME, message);
      project = NULL;
    }
  else
    project->line = line;

  read_figure (import, line, values, project, &completed, &has_figure);
  tj_import_read_date (csv, line, COLUMN_ACTUAL_START, values[COLUMN_ACTUAL_START],
                       &actual_start);
  tj_import_read_date (csv, line, COLUMN_ACTUAL_COMPLETION, values[COLUMN_ACTUAL_COMPLETION],
                       &actual_completion);
  if (project != NULL)
    {
      const char *start = actual_start != NULL ? actual_start : project->actual_start;
      const char *completion =
        actual_completion != NULL ? actual_completion : project->actual_completion;

      if (start != NULL && completion != NULL && strcmp (completion, start) < 0)
        tj_csv_import_add_error (&import->csv, line,
                                 actual_completion != NULL ? COLUMN_ACTUAL_COMPLETION
                                                           : COLUMN_ACTUAL_START,
                                 _("The actual completion cannot be before the actual start."));
    }
  /* the month's texts, bounded as on save */
  {
    static const struct { Column column; const char *field; } texts[] = {
      { COLUMN_PROGRESS, "progress" },
      { COLUMN_PROBLEMS, "problems" },
      { COLUMN_NEXT_STEPS, "next_steps" },
    };

    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      tj_import_read_text (csv, line, texts[t].column, texts[t].field, values[texts[t].column],
                           NULL);
  }

  if (import->result->errors->len > errors_before || errors_before > 0)
    return TRUE;

  /* A row without a figure is no report: the project has not reported this month, as if the
   * file did not name it, and its texts are not imported. */
  if (!has_figure)
    {
      gboolean texts = !tj_progress_is_blank (values[COLUMN_PROGRESS]) ||
                       !tj_progress_is_blank (values[COLUMN_PROBLEMS]) ||
                       !tj_progress_is_blank (values[COLUMN_NEXT_STEPS]);
      g_autofree char *note = tj_progress_note_problem (FALSE, FALSE, texts);

      project->note_only = TRUE;
      /* the dates are the project's, reported or not */
      if (!tj_progress_set_actual_dates (import->db, project->id, actual_start, actual_completion,
                                         &changed, error))
        return FALSE;
      if (changed)
        import->dates_changed++;
      if (note != NULL)
        /* Translators: "第 12 行“某项目”：当月完成：尚未填报……" */
        g_ptr_array_add (import->result->warnings,
                         g_strdup_printf (_("Line %1$u, “%2$s”: %3$s"), line, project->name,
                                          note));
      return TRUE;
    }

  /* A column the file does not have leaves the month's text as it was. */
  if (!tj_progress_write (import->db, project->id, import->month, completed,
                          values[COLUMN_PROGRESS] != NULL ? values[COLUMN_PROGRESS]
                                                          : project->progress,
                          values[COLUMN_PROBLEMS] != NULL ? values[COLUMN_PROBLEMS]
                                                          : project->problems,
                          values[COLUMN_NEXT_STEPS] != NULL ? values[COLUMN_NEXT_STEPS]
                                                            : project->next_steps,
                          error) ||
      !tj_progress_set_actual_dates (import->db, project->id, actual_start, actual_completion,
                                     &changed, error))
    return FALSE;
  if (changed)
    import->dates_changed++;
  if (project->reported)
    import->result->updated++;
  else
    import->result->added++;
  return TRUE;
}

/* The year's projects with their stored months, read in one query: no row of the file looks
 * anything up in the database. */
static gboolean
load_projects (ProgressImport *import,
               GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  ListedProject *project = NULL;
  int rc;

  stmt = tj_db_prepare (import->db,
                        "SELECT p.id, p.name, p.actual_start, p.actual_completion, r.month, "
                        "r.completed, r.progress, r.problems, r.next_steps FROM projects p "
                        "LEFT JOIN monthly_reports r ON r.project_id = p.id WHERE p.year = ? "
                        "ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, import->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int month;

      /* a kit answers for its locality's projects only: the others are left as they are */
      if (import->scope != NULL && import->scope->project_ids != NULL &&
          !g_hash_table_contains (import->scope->project_ids, &id))
        continue;
      if (project == NULL || project->id != id)
        {
          project = g_new0 (ListedProject, 1);
          project->id = id;
          project->name = tj_db_column_dup (stmt, 1);
          project->actual_start = tj_db_column_dup (stmt, 2);
          project->actual_completion = tj_db_column_dup (stmt, 3);
          g_ptr_array_add (import->listed, project);
          g_hash_table_insert (import->projects, project->name, project);
        }
      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        continue;
      month = sqlite3_column_int (stmt, 4);
      project->completed[month] = sqlite3_column_int64 (stmt, 5);
      if (month == import->month)
        {
          project->reported = TRUE;
          project->progress = tj_db_column_dup (stmt, 6);
          project->problems = tj_db_column_dup (stmt, 7);
          project->next_steps = tj_db_column_dup (stmt, 8);
        }
    }
  if (!tj_db_rows_done (import->db, rc, error))
    return FALSE;
  return TRUE;
}

/* A project the file does not name has reported nothing this month: a report it had for the
 * month goes, unless a later correction would then leave a cumulative below 0. */
static gboolean
remove_unreported (ProgressImport *import,
                   GError        **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  guint unreported = 0, removed = 0;

  for (guint i = 0; i < import->listed->len; i++)
    {
      ListedProject *project = g_ptr_array_index (import->listed, i);
      gint64 months[13];
      gint64 negative = 0;
      int below;

      if (project->line != 0 && !project->note_only)
        continue;
      if (project->line == 0)
        unreported++;
      if (!project->reported ||
          (import->scope != NULL && import->scope->keep_unfilled))
        continue;
      memcpy (months, project->completed, sizeof months);
      months[import->month] = 0;
      below = tj_progress_first_negative_cumulative (months, import->month, &negative);
      if (below != 0)
        {
          g_autofree char *reason = tj_progress_negative_cumulative_message (below, negative);

          g_ptr_array_add (import->result->errors,
                           g_strdup_printf (_("“%s” is not in the file, so its report for this "
                                              "month would be removed: %s"),
                                            project->name, reason));
          continue;
        }
      if (import->result->errors->len > 0)
        continue;
      stmt = tj_db_prepare_cached (import->db,
                                   "DELETE FROM monthly_reports WHERE project_id = ? AND month = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project->id);
      sqlite3_bind_int (stmt, 2, import->month);
      if (!tj_db_step_done (import->db, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, tj_db_release);
      removed++;
    }

  if (import->result->errors->len > 0)
    return TRUE;
  import->result->removed = removed;
  if (unreported > 0)
    g_ptr_array_add (import->result->warnings,
                     g_strdup_printf (ngettext ("%u project of the %d list is not in the file: it "
                                                "has not reported this month.",
                                                "%u projects of the %d list are not in the file: "
                                                "they have not reported this month.",
                                                unreported),
                                      unreported, import->year));
  /* The removed reports are told by the caller, in the tense of a dry run or an import. */
  return TRUE;
}

/* After the file is read, inside the transaction: the projects. */
static gboolean
prepare_cb (TjCsvImport *csv,
            GError     **error)
{
  return load_projects ((ProgressImport *) csv, error);
}

/* After the last row: a header alone would remove every report of the month, and is refused;
 * otherwise the month's reports of the projects the file does not name go. */
static gboolean
finish_cb (TjCsvImport *csv,
           GError     **error)
{
  ProgressImport *import = (ProgressImport *) csv;

  if (import->rows == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” has no report below its header; nothing was imported and the month’s "
                     "reports were left as they are."),
                   import->path);
      return FALSE;
    }
  return remove_unreported (import, error);
}

static void
progress_import_init (ProgressImport        *import,
                      TjDb                  *db,
                      const char            *path,
                      int                    year,
                      int                    month,
                      const TjProgressScope *scope,
                      TjImportResult        *outcome)
{
  tj_csv_import_init (&import->csv, N_COLUMNS);
  import->csv.columns = column_headers;
  import->csv.anchor = COLUMN_NAME;
  import->csv.key_func = header_key;
  import->csv.prepare = prepare_cb;
  import->csv.check_header = header_read_cb;
  import->csv.read_row = import_row;
  import->db = db;
  import->year = year;
  import->month = month;
  import->path = path;
  import->scope = scope;
  import->result = outcome;
  import->listed = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_project_free);
  import->projects = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
progress_import_clear (ProgressImport *import)
{
  g_hash_table_unref (import->projects);
  g_ptr_array_unref (import->listed);
  tj_csv_import_clear (&import->csv);
}

/* One file of a month's reports read inside the caller's transaction (a fill-in kit's import,
 * tj-kit-import.c, reads several in one), held to the same rules as tj_progress_import: its
 * problems go to result->errors, and then the caller rolls back. FALSE with error when the file
 * cannot be read or the database fails. */
gboolean
tj_progress_import_in_transaction (TjDb                  *db,
                                   const char            *path,
                                   int                    year,
                                   int                    month,
                                   const TjProgressScope *scope,
                                   TjImportResult        *result,
                                   GError               **error)
{
  ProgressImport import = { 0 };
  g_autofree char *empty = NULL;
  gboolean ok;

  progress_import_init (&import, db, path, year, month, scope, result);
  import.csv.errors = result->errors;
  import.csv.warnings = result->warnings;
  import.csv.sheet = scope != NULL ? scope->sheet : NULL;
  empty = g_strdup_printf (_("“%s” is empty; no monthly report was imported."), path);
  ok = tj_csv_import_read (&import.csv, path, empty, error);
  if (ok && import.csv.header_problems == 0)
    ok = finish_cb (&import.csv, error);
  progress_import_clear (&import);
  return ok;
}

/* Imports one month's reports (CSV, UTF-8 or GB18030) for the projects of `year`'s list, matched
 * by name, all or nothing: every problem is reported in result->errors with its line and column,
 * and then nothing is written. The file replaces the month: a project it does not name has not
 * reported. dry_run does everything, then rolls back. 推进机制 (九) */
gboolean
tj_progress_import (TjDb            *db,
                    const char      *path,
                    int              year,
                    int              month,
                    gboolean         dry_run,
                    TjImportResult **result,
                    GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  ProgressImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_month_check (year, month, error))
    return tj_import_result_give (g_steal_pointer (&outcome), result, FALSE);

  progress_import_init (&import, db, path, year, month, NULL, outcome);
  ok = tj_import_run (db, path, TJ_IMPORT_MONTHLY_REPORTS, dry_run, &import.csv, finish_cb,
                      outcome, error);
  progress_import_clear (&import);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}
