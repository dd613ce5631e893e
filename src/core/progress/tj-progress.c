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
#include "tj-progress.h"

G_DEFINE_FINAL_TYPE (TjMonthRow, tj_month_row, G_TYPE_OBJECT)

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
  N_COLUMNS
} Column;

/* The columns of a month's progress file as offices head them. The cumulative column is also
 * read under the names parse_cumulative_header knows ("1—10月累计（万元）"). */
static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_SERIAL] = "序号",
  [COLUMN_NAME] = "项目名称",
  [COLUMN_COMPLETED] = "当月完成（万元）",
  [COLUMN_CUMULATIVE] = "累计完成（万元）",
  [COLUMN_PROGRESS] = "形象进度",
  [COLUMN_PROBLEMS] = "存在问题",
  [COLUMN_NEXT_STEPS] = "下步计划",
  [COLUMN_ACTUAL_START] = "实际开工",
  [COLUMN_ACTUAL_COMPLETION] = "实际竣工",
};

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
  guint line; /* the line of the file that reports it; 0 while none does */
} ListedProject;

/* What an import keeps while it reads the file, inside its transaction. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  int year;
  int month;
  TjLedgerResult *result;
  GPtrArray *listed;    /* ListedProject, in the order of the register */
  GHashTable *projects; /* name → ListedProject of listed */
  guint dates_changed;
  guint rows; /* the file's rows below its header */
} ProgressImport;

#define UPDATED_NOW "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"

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

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gint64
sum_before (const gint64 completed[13],
            int          month)
{
  gint64 sum = 0;

  for (int m = 1; m < month; m++)
    sum = tj_money_add_saturating (sum, completed[m]);
  return sum;
}

/* A negative month corrects an earlier one, but no cumulative may fall below 0. Returns the
 * first month from `from` on whose cumulative would, with that cumulative; 0 when none. Earlier
 * months are not judged: a change of month N does not move them. */
static int
first_negative_cumulative (const gint64 completed[13],
                           int          from,
                           gint64      *cumulative)
{
  gint64 sum = sum_before (completed, from);

  for (int m = from; m <= 12; m++)
    {
      sum = tj_money_add_saturating (sum, completed[m]);
      if (sum < 0)
        {
          *cumulative = sum;
          return m;
        }
    }
  return 0;
}

static char *
negative_cumulative_message (int    month,
                             gint64 cumulative)
{
  g_autofree char *wan = tj_money_format_wan (cumulative, 4, FALSE);

  return g_strdup_printf (_("The cumulative for months 1–%d would be %s (10,000 yuan): it "
                            "cannot be below 0."),
                          month, wan);
}

/* The stored reports of one project by month. */
static gboolean
load_months (TjDb    *db,
             gint64   project_id,
             gint64   completed[13],
             GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  memset (completed, 0, 13 * sizeof (gint64));
  stmt = tj_db_prepare_cached (db,
                               "SELECT month, completed FROM monthly_reports WHERE project_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    completed[sqlite3_column_int (stmt, 0)] = sqlite3_column_int64 (stmt, 1);
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Sets the project's actual start and completion where given and different; *changed tells
 * whether the record changed. Inside the caller's transaction. */
static gboolean
set_actual_dates (TjDb       *db,
                  gint64      project_id,
                  const char *actual_start,
                  const char *actual_completion,
                  gboolean   *changed,
                  GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  *changed = FALSE;
  if (is_blank (actual_start) && is_blank (actual_completion))
    return TRUE;
  stmt = tj_db_prepare_cached (db,
                               "UPDATE projects SET actual_start = coalesce (?2, actual_start), "
                               "actual_completion = coalesce (?3, actual_completion), "
                               "updated = " UPDATED_NOW " WHERE id = ?1 AND "
                               "(actual_start IS NOT coalesce (?2, actual_start) OR "
                               "actual_completion IS NOT coalesce (?3, actual_completion))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  tj_db_bind_text_or_null (stmt, 2, actual_start);
  tj_db_bind_text_or_null (stmt, 3, actual_completion);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  *changed = sqlite3_changes (tj_db_get_handle (db)) > 0;
  return TRUE;
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
  g_autofree char *text = NULL;
  FileMonth found = { 0 };
  gsize length = 0;

  *month = 0;
  text = tj_csv_read_file (path, &length, error);
  if (text == NULL)
    return FALSE;
  /* stopping early is not a failure */
  tj_csv_parse (text, length, file_month_cb, &found, NULL);
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
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  *given = !is_blank (value);
  *yuan = 0;
  if (*given && !tj_money_parse_wan (value, yuan, &local))
    {
      tj_csv_import_add_error (&import->csv, line, column, local->message);
      return FALSE;
    }
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

/* Parses a date cell into *date (NULL when the cell is empty). */
static void
read_date (ProgressImport *import,
           guint           line,
           Column          column,
           const char     *value,
           char          **date)
{
  g_autoptr (GError) local = NULL;

  if (is_blank (value))
    return;
  *date = tj_date_parse (value, &local);
  if (*date == NULL)
    tj_csv_import_add_error (&import->csv, line, column, local->message);
}

/* The month's figure of one row: 当月完成, or the cumulative less the months before as stored;
 * with both, they must agree. An empty figure is a report of nothing done this month. */
static void
read_figure (ProgressImport *import,
             guint           line,
             const char     *values[N_COLUMNS],
             ListedProject  *project,
             gint64         *completed)
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

  previous = sum_before (project->completed, import->month);
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
  below = first_negative_cumulative (months, import->month, &negative);
  if (below != 0)
    {
      g_autofree char *message = negative_cumulative_message (below, negative);

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
      g_autofree char *message =
        g_strdup_printf (_("The %d list has no project “%s”."), import->year, name);

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

  read_figure (import, line, values, project, &completed);
  read_date (import, line, COLUMN_ACTUAL_START, values[COLUMN_ACTUAL_START], &actual_start);
  read_date (import, line, COLUMN_ACTUAL_COMPLETION, values[COLUMN_ACTUAL_COMPLETION],
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
      {
        g_autoptr (GPtrArray) too_long = tj_problems_new ();

        if (!tj_limits_check_text (too_long, texts[t].field, column_headers[texts[t].column],
                                   values[texts[t].column]))
          tj_csv_import_add_error (&import->csv, line, texts[t].column,
                                   ((TjProblem *) g_ptr_array_index (too_long, 0))->message);
      }
  }

  if (import->result->errors->len > errors_before || errors_before > 0)
    return TRUE;

  /* A column the file does not have leaves the month's text as it was. */
  if (!tj_progress_write (import->db, project->id, import->month, completed,
                          values[COLUMN_PROGRESS] != NULL ? values[COLUMN_PROGRESS]
                                                          : project->progress,
                          values[COLUMN_PROBLEMS] != NULL ? values[COLUMN_PROBLEMS]
                                                          : project->problems,
                          values[COLUMN_NEXT_STEPS] != NULL ? values[COLUMN_NEXT_STEPS]
                                                            : project->next_steps,
                          error) ||
      !set_actual_dates (import->db, project->id, actual_start, actual_completion, &changed,
                         error))
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
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (import->db, error);
      return FALSE;
    }
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

      if (project->line != 0)
        continue;
      unreported++;
      if (!project->reported)
        continue;
      memcpy (months, project->completed, sizeof months);
      months[import->month] = 0;
      below = first_negative_cumulative (months, import->month, &negative);
      if (below != 0)
        {
          g_autofree char *reason = negative_cumulative_message (below, negative);

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
  if (removed > 0)
    g_ptr_array_add (import->result->warnings,
                     g_strdup_printf (ngettext ("The report for this month of %u of them was "
                                                "removed.",
                                                "The reports for this month of %u of them were "
                                                "removed.",
                                                removed),
                                      removed));
  return TRUE;
}

/* After the file is read: the transaction, left open for the caller to commit or roll back, and
 * the projects. */
static gboolean
prepare_cb (TjCsvImport *csv,
            GError     **error)
{
  ProgressImport *import = (ProgressImport *) csv;

  return tj_db_begin_bulk (import->db, error) && load_projects (import, error);
}

/* Reads the file and writes it in one transaction, left open for the caller to commit or roll
 * back. */
static gboolean
import_file (ProgressImport *import,
             const char     *path,
             GError        **error)
{
  g_autofree char *empty =
    g_strdup_printf (_("“%s” is empty; no monthly report was imported."), path);
  GPtrArray *errors = import->result->errors;

  if (!tj_csv_import_read (&import->csv, path, empty, error))
    return FALSE;
  /* A header alone would remove every report of the month: refused. */
  if (import->csv.header_problems == 0 && import->rows == 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("“%s” has no report below its header; nothing was imported and the month’s "
                     "reports were left as they are."),
                   path);
      return FALSE;
    }
  if (import->csv.header_problems == 0 && !remove_unreported (import, error))
    return FALSE;
  if (errors->len > 0)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   ngettext ("%u problem found; no monthly report was imported.",
                             "%u problems found; no monthly report was imported.", errors->len),
                   errors->len);
      return FALSE;
    }
  return TRUE;
}

static void
tj_month_row_finalize (GObject *object)
{
  TjMonthRow *self = TJ_MONTH_ROW (object);

  g_free (self->project_name);
  g_free (self->locality_name);
  g_free (self->progress);
  g_free (self->problems);
  g_free (self->next_steps);
  g_free (self->actual_start);
  g_free (self->actual_completion);
  G_OBJECT_CLASS (tj_month_row_parent_class)->finalize (object);
}

static void
tj_month_row_class_init (TjMonthRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tj_month_row_finalize;
}

static void
tj_month_row_init (TjMonthRow *self)
{
}

/* 投资完成率: the cumulative 1—N over the annual plan; -1 when the project has no plan. */
double
tj_month_row_get_rate (TjMonthRow *self)
{
  g_return_val_if_fail (TJ_IS_MONTH_ROW (self), -1);

  if (self->annual_plan <= 0)
    return -1;
  return (double) self->cumulative / (double) self->annual_plan;
}

/* One row per project of the year's list, in the order of the register, reported this month
 * or not: the progress page's 150 rows, or a benchmark's 10 000, in one query. */
GPtrArray *
tj_progress_list_month (TjDb    *db,
                        int      year,
                        int      month,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* The months before are summed through the (project_id, month) index; "+p.year" keeps SQLite
   * walking projects in id order rather than by the (year, name) index and then sorting: 10 000
   * projects with 12 months each take about 40 ms. */
  stmt = tj_db_prepare (db,
                        "SELECT p.id, p.name, l.name, p.annual_plan, "
                        "(SELECT coalesce (sum (m.completed), 0) FROM monthly_reports m "
                        " WHERE m.project_id = p.id AND m.month < ?2), "
                        "r.id IS NOT NULL, coalesce (r.completed, 0), r.progress, r.problems, "
                        "r.next_steps, p.actual_start, p.actual_completion "
                        "FROM projects p LEFT JOIN units l ON l.id = p.locality_id "
                        "LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ?2 "
                        "WHERE +p.year = ?1 ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMonthRow *row = g_object_new (TJ_TYPE_MONTH_ROW, NULL);
      int c = 0;

      row->project_id = sqlite3_column_int64 (stmt, c++);
      row->project_name = tj_db_column_dup (stmt, c++);
      row->locality_name = tj_db_column_dup (stmt, c++);
      row->year = year;
      row->month = month;
      row->annual_plan = sqlite3_column_int64 (stmt, c++);
      row->previous = sqlite3_column_int64 (stmt, c++);
      row->reported = sqlite3_column_int (stmt, c++);
      row->completed = sqlite3_column_int64 (stmt, c++);
      row->cumulative = row->previous + row->completed;
      row->progress = tj_db_column_dup (stmt, c++);
      row->problems = tj_db_column_dup (stmt, c++);
      row->next_steps = tj_db_column_dup (stmt, c++);
      row->actual_start = tj_db_column_dup (stmt, c++);
      row->actual_completion = tj_db_column_dup (stmt, c++);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* A project's twelve months, reported or not, with the cumulative after each. */
GPtrArray *
tj_progress_list_project (TjDb    *db,
                          gint64   project_id,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) project = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 cumulative = 0;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  project = tj_db_prepare (db,
                           "SELECT p.name, l.name, p.year, p.annual_plan, p.actual_start, "
                           "p.actual_completion FROM projects p "
                           "LEFT JOIN units l ON l.id = p.locality_id WHERE p.id = ?",
                           error);
  if (project == NULL)
    return NULL;
  sqlite3_bind_int64 (project, 1, project_id);
  if (sqlite3_step (project) != SQLITE_ROW)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The project no longer exists."));
      return NULL;
    }
  for (int month = 1; month <= 12; month++)
    {
      TjMonthRow *row = g_object_new (TJ_TYPE_MONTH_ROW, NULL);

      row->project_id = project_id;
      row->project_name = tj_db_column_dup (project, 0);
      row->locality_name = tj_db_column_dup (project, 1);
      row->year = sqlite3_column_int (project, 2);
      row->month = month;
      row->annual_plan = sqlite3_column_int64 (project, 3);
      row->actual_start = tj_db_column_dup (project, 4);
      row->actual_completion = tj_db_column_dup (project, 5);
      g_ptr_array_add (rows, row);
    }

  stmt = tj_db_prepare (db,
                        "SELECT month, completed, progress, problems, next_steps "
                        "FROM monthly_reports WHERE project_id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjMonthRow *row = g_ptr_array_index (rows, sqlite3_column_int (stmt, 0) - 1);

      row->reported = TRUE;
      row->completed = sqlite3_column_int64 (stmt, 1);
      row->progress = tj_db_column_dup (stmt, 2);
      row->problems = tj_db_column_dup (stmt, 3);
      row->next_steps = tj_db_column_dup (stmt, 4);
    }
  if (rc != SQLITE_DONE)
    {
      tj_db_set_error (db, error);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      TjMonthRow *row = g_ptr_array_index (rows, i);

      row->previous = cumulative;
      cumulative += row->completed;
      row->cumulative = cumulative;
    }
  return g_steal_pointer (&rows);
}

/* 1—N月累计 of one project; 0 when the database fails. */
gint64
tj_progress_cumulative (TjDb   *db,
                        gint64  project_id,
                        int     month)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), 0);

  stmt = tj_db_prepare_cached (db,
                               "SELECT coalesce (sum (completed), 0) FROM monthly_reports "
                               "WHERE project_id = ? AND month <= ?",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Every rule of one month's report (推进机制 (九): the DRC's monthly statistics); the messages
 * name the field ("month", "completed", "actual_start", "actual_completion"). Dates may be NULL:
 * unchanged. A negative month is a correction the caller has confirmed (推进机制 (十): figures
 * found overstated are taken back); it may not take a cumulative below 0. */
GPtrArray *
tj_progress_validate (TjDb       *db,
                      gint64      project_id,
                      int         month,
                      gint64      completed,
                      const char *actual_start,
                      const char *actual_completion)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *start = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *stored_start = NULL;
  g_autofree char *stored_completion = NULL;
  gint64 months[13];
  gint64 negative = 0;
  int below;

  g_return_val_if_fail (TJ_IS_DB (db), problems);

  stmt = tj_db_prepare (db, "SELECT actual_start, actual_completion FROM projects WHERE id = ?",
                        &local);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          tj_problems_add (problems, "project_id", "%s", _("The project no longer exists."));
          return problems;
        }
      stored_start = tj_db_column_dup (stmt, 0);
      stored_completion = tj_db_column_dup (stmt, 1);
    }
  if (local != NULL)
    {
      tj_problems_add (problems, "project_id", "%s", local->message);
      return problems;
    }

  if (month < 1 || month > 12)
    tj_problems_add (problems, "month", "%s", _("The month must be between 1 and 12."));
  if (!is_blank (actual_start) && (start = tj_date_parse (actual_start, &local)) == NULL)
    tj_problems_add (problems, "actual_start", "%s", local->message);
  g_clear_error (&local);
  if (!is_blank (actual_completion) &&
      (completion = tj_date_parse (actual_completion, &local)) == NULL)
    tj_problems_add (problems, "actual_completion", "%s", local->message);
  g_clear_error (&local);
  if (is_blank (actual_start) && stored_start != NULL)
    start = g_steal_pointer (&stored_start);
  if (is_blank (actual_completion) && stored_completion != NULL)
    completion = g_steal_pointer (&stored_completion);
  if (start != NULL && completion != NULL && strcmp (completion, start) < 0)
    tj_problems_add (problems, !is_blank (actual_completion) ? "actual_completion" : "actual_start",
                     "%s", _("The actual completion cannot be before the actual start."));

  /* An amount beyond the bound is not summed with the other months. */
  if (!tj_limits_check_amount (problems, "completed", _("Completed this month"), completed,
                               tj_limits_max_amount (db)))
    return problems;
  if (month >= 1 && month <= 12)
    {
      if (!load_months (db, project_id, months, &local))
        {
          tj_problems_add (problems, "completed", "%s", local->message);
          return problems;
        }
      months[month] = completed;
      below = first_negative_cumulative (months, month, &negative);
      if (below != 0)
        {
          g_autofree char *message = negative_cumulative_message (below, negative);

          tj_problems_add (problems, "completed", "%s", message);
        }
    }
  return problems;
}

/* Writes one month's report inside the caller's transaction, which has validated it: inserts
 * it, or updates the month's report when anything differs (an unchanged report leaves no line
 * in the audit log). */
gboolean
tj_progress_write (TjDb       *db,
                   gint64      project_id,
                   int         month,
                   gint64      completed,
                   const char *progress,
                   const char *problems,
                   const char *next_steps,
                   GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  stmt = tj_db_prepare_cached (
    db,
    "INSERT INTO monthly_reports (project_id, month, completed, progress, problems, next_steps) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (project_id, month) DO UPDATE SET "
    "completed = excluded.completed, progress = excluded.progress, "
    "problems = excluded.problems, next_steps = excluded.next_steps, updated = " UPDATED_NOW " "
    "WHERE monthly_reports.completed IS NOT excluded.completed OR "
    "monthly_reports.progress IS NOT excluded.progress OR "
    "monthly_reports.problems IS NOT excluded.problems OR "
    "monthly_reports.next_steps IS NOT excluded.next_steps",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, completed);
  tj_db_bind_text_or_null (stmt, 4, progress);
  tj_db_bind_text_or_null (stmt, 5, problems);
  tj_db_bind_text_or_null (stmt, 6, next_steps);
  return tj_db_step_done (db, stmt, error);
}

/* Saves one project's month (the progress page's row) in one transaction: the report, and the
 * project's actual start and completion where given (NULL: unchanged) and different. */
gboolean
tj_progress_save (TjDb       *db,
                  gint64      project_id,
                  int         month,
                  gint64      completed,
                  const char *progress,
                  const char *problems,
                  const char *next_steps,
                  const char *actual_start,
                  const char *actual_completion,
                  GError    **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *start = NULL;
  g_autofree char *completion = NULL;
  gboolean dates_changed = FALSE;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (!tj_db_begin (db, error))
    return FALSE;
  /* Judged inside the transaction: the months it sums cannot change before the write. */
  found = tj_progress_validate (db, project_id, month, completed, actual_start, actual_completion);
  tj_limits_check_text (found, "progress", _("Visual Progress"), progress);
  tj_limits_check_text (found, "problems", _("Problems"), problems);
  tj_limits_check_text (found, "next_steps", _("Next Steps"), next_steps);
  if (!tj_problems_to_error (found, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  if (!is_blank (actual_start))
    start = tj_date_parse (actual_start, NULL);
  if (!is_blank (actual_completion))
    completion = tj_date_parse (actual_completion, NULL);
  if (!tj_progress_write (db, project_id, month, completed, progress, problems, next_steps,
                          error) ||
      !set_actual_dates (db, project_id, start, completion, &dates_changed, error) ||
      !tj_db_commit (db, error))
    {
      tj_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Un-reports a month. Refused when a later correction would then leave a cumulative below 0. */
gboolean
tj_progress_delete (TjDb    *db,
                    gint64   project_id,
                    int      month,
                    GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  gint64 months[13];
  gint64 negative = 0;
  int below;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  if (month < 1 || month > 12)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s",
                   _("The month must be between 1 and 12."));
      return FALSE;
    }
  if (!tj_db_begin (db, error))
    return FALSE;
  if (!load_months (db, project_id, months, error))
    goto fail;
  months[month] = 0;
  below = first_negative_cumulative (months, month, &negative);
  if (below != 0)
    {
      g_autofree char *message = negative_cumulative_message (below, negative);

      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID, "%s", message);
      goto fail;
    }
  stmt = tj_db_prepare_cached (db, "DELETE FROM monthly_reports WHERE project_id = ? AND month = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, month);
  if (!tj_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, tj_db_release);
  if (!tj_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tj_db_rollback (db);
  return FALSE;
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
                    TjLedgerResult **result,
                    GError         **error)
{
  g_autoptr (TjLedgerResult) outcome = tj_ledger_result_new ();
  ProgressImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tj_year_month_check (year, month, error))
    {
      if (result != NULL)
        *result = g_steal_pointer (&outcome);
      return FALSE;
    }

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_NAME;
  import.csv.key_func = header_key;
  import.csv.errors = outcome->errors;
  import.csv.warnings = outcome->warnings;
  import.csv.prepare = prepare_cb;
  import.csv.check_header = header_read_cb;
  import.csv.read_row = import_row;
  import.db = db;
  import.year = year;
  import.month = month;
  import.result = outcome;
  import.listed = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_project_free);
  import.projects = g_hash_table_new (g_str_hash, g_str_equal);

  ok = import_file (&import, path, error);
  if (ok && !dry_run)
    ok = tj_db_commit (db, error);
  else
    tj_db_rollback (db);

  if (!ok)
    outcome->added = outcome->updated = 0;
  g_hash_table_unref (import.projects);
  g_ptr_array_unref (import.listed);
  tj_csv_import_clear (&import.csv);
  if (result != NULL)
    *result = g_steal_pointer (&outcome);
  return ok;
}
