/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-calendar"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tj-calendar.h"
#include "tj-csv.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-problem.h"

/* The calendar counts with day numbers: days since 0001-01-01 (proleptic Gregorian), a Monday,
 * so that a day's weekday is its number modulo 7 (0 = Monday … 6 = Sunday). */
#define FIRST_YEAR 1
#define LAST_YEAR 9999

/* The working days in [day 0, d] are the plain weekdays of that range plus a correction, which
 * only the holiday table changes: −1 for each public holiday on a weekday, +1 for each adjusted
 * working weekend (调休上班). The correction is kept per day over the years of the table, so that
 * the ordinal of any day, and so every count of working days between two days, is O(1). */
struct _TjCalendar
{
  int first_year;   /* of the table; 0 when the table is empty */
  int last_year;
  gboolean *years;  /* [year - first_year]: the year has rows */
  gint64 first_day; /* 1 January of first_year */
  gint64 n_days;    /* to 31 December of last_year */
  int *correction;  /* [day - first_day]: the correction up to and including that day */
  int total;        /* the correction after the table's last day */
};

/* One row of the holiday table as the calendar reads it. */
typedef struct
{
  gint64 number;
  gboolean holiday;
} TableDay;

typedef enum
{
  COLUMN_DATE,
  COLUMN_KIND,
  COLUMN_NAME,
  N_COLUMNS
} Column;

/* The columns of a holiday file, as the State Council's notices are usually typed up. */
static const char *const column_headers[N_COLUMNS] = {
  [COLUMN_DATE] = "日期",
  [COLUMN_KIND] = "类型",
  [COLUMN_NAME] = "名称",
};

/* The header row is the first with a “日期” cell; the other two columns are required too. */
static const guint required_columns[] = { COLUMN_DATE, COLUMN_KIND, COLUMN_NAME };

/* The words of the 类型 column and the kinds they stand for. */
#define KIND_HOLIDAY_WORD "放假"
#define KIND_WORKDAY_WORD "上班"

/* One day read from a file. */
typedef struct
{
  char *date;
  const char *kind; /* "holiday" or "workday" */
  char *name;
} ImportedDay;

/* What an import keeps while it reads the file; nothing is written before the whole file has
 * been read without an error. */
typedef struct
{
  TjCsvImport csv; /* its errors and warnings are result's */
  TjDb *db;
  TjImportResult *result;
  GArray *days;      /* ImportedDay, in the order of the file */
  GHashTable *lines; /* date → the line that gave it (GUINT_TO_POINTER) */
} HolidayImport;

static gint64
day_number (int year,
            int month,
            int day)
{
  /* Days from civil (H. Hinnant), shifted to count from 0001-01-01. */
  gint64 y = year - (month <= 2);
  gint64 era = y / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 306;
}

static void
civil_date (gint64 number,
            int   *year,
            int   *month,
            int   *day)
{
  gint64 z = number + 306;
  gint64 era = z / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

/* Reads exactly 'YYYY-MM-DD', a real day of years 1 to 9999. */
static gboolean
parse_day (const char *date,
           gint64     *number)
{
  int year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  year = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  day = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);
  if (year < FIRST_YEAR || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *number = day_number (year, month, day);
  return TRUE;
}

static gboolean
is_weekend (gint64 number)
{
  return number % 7 >= 5;
}

/* Monday to Friday in [day 0, number]. */
static gint64
plain_weekdays (gint64 number)
{
  return number / 7 * 5 + MIN (number % 7 + 1, 5);
}

static int
correction_at (TjCalendar *self,
               gint64      number)
{
  if (self->n_days == 0 || number < self->first_day)
    return 0;
  if (number >= self->first_day + self->n_days)
    return self->total;
  return self->correction[number - self->first_day];
}

/* The working days in [day 0, number]: a day's ordinal among working days. */
static gint64
ordinal (TjCalendar *self,
         gint64      number)
{
  return plain_weekdays (number) + correction_at (self, number);
}

static gboolean
day_is_workday (TjCalendar *self,
                gint64      number)
{
  return ordinal (self, number) > ordinal (self, number - 1);
}

/* Builds the per-day correction from the table's rows, a GArray of TableDay. */
static TjCalendar *
calendar_new (GArray *table)
{
  TjCalendar *self = g_new0 (TjCalendar, 1);
  int y, m, d;
  int *change;

  if (table->len == 0)
    return self;

  self->first_year = G_MAXINT;
  self->last_year = G_MININT;
  for (guint i = 0; i < table->len; i++)
    {
      civil_date (g_array_index (table, TableDay, i).number, &y, &m, &d);
      self->first_year = MIN (self->first_year, y);
      self->last_year = MAX (self->last_year, y);
    }
  self->years = g_new0 (gboolean, self->last_year - self->first_year + 1);
  self->first_day = day_number (self->first_year, 1, 1);
  self->n_days = day_number (self->last_year, 12, 31) - self->first_day + 1;
  self->correction = g_new0 (int, self->n_days);

  change = self->correction;
  for (guint i = 0; i < table->len; i++)
    {
      const TableDay *row = &g_array_index (table, TableDay, i);

      civil_date (row->number, &y, &m, &d);
      self->years[y - self->first_year] = TRUE;
      /* A holiday on a weekend or a working weekday changes nothing. */
      if (row->holiday && !is_weekend (row->number))
        change[row->number - self->first_day] = -1;
      else if (!row->holiday && is_weekend (row->number))
        change[row->number - self->first_day] = 1;
    }
  for (gint64 i = 1; i < self->n_days; i++)
    self->correction[i] += self->correction[i - 1];
  self->total = self->correction[self->n_days - 1];
  return self;
}

static void
imported_day_clear (ImportedDay *day)
{
  g_free (day->date);
  g_free (day->name);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Reads one day: its date, 放假 or 上班, and the holiday's name. */
static gboolean
import_row (TjCsvImport *csv,
            guint        line,
            char       **cells,
            guint        n_cells,
            GError     **error)
{
  HolidayImport *import = (HolidayImport *) csv;
  const char *values[N_COLUMNS];
  ImportedDay day = { 0 };
  guint errors_before = import->result->errors->len;
  gint64 number;

  if (!tj_csv_import_row_values (csv, line, cells, n_cells, -1, values))
    return TRUE;

  if (is_blank (values[COLUMN_DATE]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_DATE, _("The date is required."));
  else if (tj_import_read_date (csv, line, COLUMN_DATE, values[COLUMN_DATE], &day.date) &&
           g_hash_table_contains (import->lines, day.date))
    {
      g_autofree char *message = g_strdup_printf (
        _("%s is also on line %u."), day.date,
        GPOINTER_TO_UINT (g_hash_table_lookup (import->lines, day.date)));

      tj_csv_import_add_error (&import->csv, line, COLUMN_DATE, message);
    }
  else if (day.date != NULL)
    g_hash_table_insert (import->lines, g_strdup (day.date), GUINT_TO_POINTER (line));

  if (g_str_equal (values[COLUMN_KIND], KIND_HOLIDAY_WORD))
    day.kind = "holiday";
  else if (g_str_equal (values[COLUMN_KIND], KIND_WORKDAY_WORD))
    day.kind = "workday";
  else if (is_blank (values[COLUMN_KIND]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_KIND,
                             _("The type is required: 放假 (a day off) or 上班 (a working day)."));
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a type of day: write 放假 (a day off) or 上班 (a working "
                           "day)."),
                         values[COLUMN_KIND]);

      tj_csv_import_add_error (&import->csv, line, COLUMN_KIND, message);
    }

  if (is_blank (values[COLUMN_NAME]))
    tj_csv_import_add_error (&import->csv, line, COLUMN_NAME,
                             _("The name of the holiday is required."));

  if (import->result->errors->len > errors_before)
    {
      imported_day_clear (&day);
      return TRUE;
    }
  /* Harmless, but probably a date typed wrong. */
  if (g_str_equal (day.kind, "workday") && parse_day (day.date, &number) && !is_weekend (number))
    g_ptr_array_add (import->result->warnings,
                     g_strdup_printf (_("Line %u: %s is a weekday, a working day anyway; marking "
                                        "it 上班 changes nothing."),
                                      line, day.date));
  day.name = g_strdup (values[COLUMN_NAME]);
  g_array_append_val (import->days, day);
  return TRUE;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* After the last row: when the file has no problem, replaces the tables of the years it names
 * by its days, inside the import's transaction. result->updated counts the days the years had
 * before. */
static gboolean
replace_years (TjCsvImport *csv,
               GError     **error)
{
  HolidayImport *import = (HolidayImport *) csv;
  TjDb *db = import->db;
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (TjCachedStmt) remove = NULL;
  g_autoptr (TjCachedStmt) insert = NULL;

  if (csv->errors->len == 0 && import->days->len == 0)
    g_ptr_array_add (csv->errors, g_strdup (_("The file lists no day.")));
  if (csv->errors->len > 0)
    return TRUE;
  for (guint i = 0; i < import->days->len; i++)
    {
      int year = atoi (g_array_index (import->days, ImportedDay, i).date);
      gboolean seen = FALSE;

      for (guint y = 0; y < years->len && !seen; y++)
        seen = g_array_index (years, int, y) == year;
      if (!seen)
        g_array_append_val (years, year);
    }
  g_array_sort (years, compare_years);

  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *last = g_strdup_printf ("%04d-12-31", year);

      remove = tj_db_prepare_cached (db, "DELETE FROM holidays WHERE date BETWEEN ? AND ?", error);
      if (remove == NULL)
        return FALSE;
      sqlite3_bind_text (remove, 1, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (remove, 2, last, -1, SQLITE_TRANSIENT);
      if (!tj_db_step_done (db, remove, error))
        return FALSE;
      import->result->updated += sqlite3_changes (tj_db_get_handle (db));
      g_clear_pointer (&remove, tj_db_release);
      if (y > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, "%d", year);
    }

  for (guint i = 0; i < import->days->len; i++)
    {
      const ImportedDay *day = &g_array_index (import->days, ImportedDay, i);

      insert = tj_db_prepare_cached (db, "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)",
                                     error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_text (insert, 1, day->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, day->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, day->name, -1, SQLITE_TRANSIENT);
      if (!tj_db_step_done (db, insert, error))
        return FALSE;
      g_clear_pointer (&insert, tj_db_release);
      import->result->added++;
    }

  g_ptr_array_add (import->result->warnings,
                   g_strdup_printf (ngettext ("The file replaces the holiday table of %s.",
                                              "The file replaces the holiday tables of %s.",
                                              years->len),
                                    names->str));
  return TRUE;
}

/* Every rule of one day of the table; the messages name the field ("date", "kind", "name"). */
static GPtrArray *
validate_day (const char *date,
              const char *kind,
              const char *name,
              char      **normalised)
{
  GPtrArray *problems = tj_problems_new ();
  g_autoptr (GError) local = NULL;
  g_autofree char *stripped = g_strdup (name);

  if (is_blank (date))
    tj_problems_add (problems, "date", "%s", _("The date is required."));
  else if ((*normalised = tj_date_parse (date, &local)) == NULL)
    tj_problems_add (problems, "date", "%s", local->message);
  if (g_strcmp0 (kind, "holiday") != 0 && g_strcmp0 (kind, "workday") != 0)
    tj_problems_add (problems, "kind", "%s",
                     _("A day of the table is either a day off or a working day."));
  if (name == NULL || *g_strstrip (stripped) == '\0')
    tj_problems_add (problems, "name", "%s", _("The name of the holiday is required."));
  return problems;
}

/* The holiday table of the database, read once. A row whose date is not a real day is left out
 * (the table's CHECK allows only the shape of a date). */
TjCalendar *
tj_calendar_load (TjDb    *db,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) table = g_array_new (FALSE, FALSE, sizeof (TableDay));
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db, "SELECT date, kind FROM holidays", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TableDay row;

      if (!parse_day ((const char *) sqlite3_column_text (stmt, 0), &row.number))
        continue;
      row.holiday = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "holiday") == 0;
      g_array_append_val (table, row);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return calendar_new (table);
}

TjCalendar *
tj_calendar_new_empty (void)
{
  g_autoptr (GArray) table = g_array_new (FALSE, FALSE, sizeof (TableDay));

  return calendar_new (table);
}

void
tj_calendar_free (TjCalendar *self)
{
  if (self == NULL)
    return;
  g_free (self->years);
  g_free (self->correction);
  g_free (self);
}

gboolean
tj_calendar_is_workday (TjCalendar *self,
                        const char *date)
{
  gint64 number;

  g_return_val_if_fail (self != NULL, FALSE);

  return parse_day (date, &number) && day_is_workday (self, number);
}

gboolean
tj_calendar_has_year (TjCalendar *self,
                      int         year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->years != NULL && year >= self->first_year && year <= self->last_year &&
         self->years[year - self->first_year];
}

/* 推进机制 (三): the day of acceptance is not counted; the deadline is the n-th working day
 * after it, wherever the acceptance falls (a holiday or weekend too). */
char *
tj_calendar_deadline (TjCalendar *self,
                      const char *accepted,
                      int         days)
{
  gint64 start, target, low, high, step;
  int year, month, day;

  g_return_val_if_fail (self != NULL, NULL);

  if (days < 0 || !parse_day (accepted, &start))
    return NULL;
  target = ordinal (self, start) + days;
  /* The first day whose ordinal reaches the target: found by doubling, then halving. */
  low = start;
  step = days;
  high = MIN (start + days, day_number (LAST_YEAR, 12, 31));
  while (ordinal (self, high) < target)
    {
      low = high;
      step = MAX (step, 7) * 2;
      high = MIN (start + step, day_number (LAST_YEAR, 12, 31));
      if (high == low)
        return NULL;
    }
  while (low < high)
    {
      gint64 middle = low + (high - low) / 2;

      if (ordinal (self, middle) < target)
        low = middle + 1;
      else
        high = middle;
    }
  civil_date (low, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* 推进机制 (三): working days in (accepted, finished]; 0 when finished the day it was accepted
 * (即办). */
int
tj_calendar_elapsed (TjCalendar *self,
                     const char *accepted,
                     const char *finished)
{
  gint64 from, to;

  g_return_val_if_fail (self != NULL, -1);

  if (!parse_day (accepted, &from) || !parse_day (finished, &to) || to < from)
    return -1;
  return (int) (ordinal (self, to) - ordinal (self, from));
}

/* Working days in (today, deadline]; past the deadline, minus the working days in
 * (deadline, today]: both are the difference of the ordinals. 0 for a date that is not one. */
int
tj_calendar_remaining (TjCalendar *self,
                       const char *today,
                       const char *deadline)
{
  gint64 from, to;

  g_return_val_if_fail (self != NULL, 0);

  if (!parse_day (today, &from) || !parse_day (deadline, &to))
    return 0;
  return (int) (ordinal (self, to) - ordinal (self, from));
}

GArray *
tj_calendar_missing_years (TjCalendar *self,
                           int         from_year,
                           int         to_year)
{
  GArray *missing = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (self != NULL, missing);

  for (int year = from_year; year <= to_year; year++)
    if (!tj_calendar_has_year (self, year))
      g_array_append_val (missing, year);
  return missing;
}

void
tj_holiday_free (TjHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->date);
  g_free (holiday->kind);
  g_free (holiday->name);
  g_free (holiday);
}

/* Imports a holiday table (CSV, UTF-8 or GB18030; columns 日期, 类型 放假 or 上班, 名称), all or
 * nothing: every problem is reported in result->errors with its line and column, and then
 * nothing is written. Every year the file names is replaced: its rows go, the file's days come,
 * in one transaction. result->added counts the days written, result->updated the days the
 * replaced years had before. dry_run does everything, then rolls back. */
gboolean
tj_holidays_import (TjDb            *db,
                    const char      *path,
                    gboolean         dry_run,
                    TjImportResult **result,
                    GError         **error)
{
  g_autoptr (TjImportResult) outcome = tj_import_result_new ();
  HolidayImport import = { 0 };
  gboolean ok;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tj_csv_import_init (&import.csv, N_COLUMNS);
  import.csv.columns = column_headers;
  import.csv.anchor = COLUMN_DATE;
  import.csv.required = required_columns;
  import.csv.n_required = G_N_ELEMENTS (required_columns);
  import.csv.read_row = import_row;
  import.db = db;
  import.result = outcome;
  import.days = g_array_new (FALSE, FALSE, sizeof (ImportedDay));
  g_array_set_clear_func (import.days, (GDestroyNotify) imported_day_clear);
  import.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = tj_import_run (db, path, TJ_IMPORT_HOLIDAYS, dry_run, &import.csv, replace_years, outcome,
                      error);
  g_array_unref (import.days);
  g_hash_table_unref (import.lines);
  tj_csv_import_clear (&import.csv);
  return tj_import_result_give (g_steal_pointer (&outcome), result, ok);
}

/* The days of one year's table by date (of TjHoliday), for Preferences; year 0 lists them all. */
GPtrArray *
tj_holidays_list (TjDb    *db,
                  int      year,
                  GError **error)
{
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_holiday_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT date, kind, name FROM holidays WHERE date BETWEEN ? AND ? "
                        "ORDER BY date",
                        error);
  if (stmt == NULL)
    return NULL;
  first = year == 0 ? g_strdup ("0000-00-00") : g_strdup_printf ("%04d-01-01", year);
  last = year == 0 ? g_strdup ("9999-99-99") : g_strdup_printf ("%04d-12-31", year);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TjHoliday *day = g_new0 (TjHoliday, 1);

      day->date = tj_db_column_dup (stmt, 0);
      day->kind = tj_db_column_dup (stmt, 1);
      day->name = tj_db_column_dup (stmt, 2);
      g_ptr_array_add (days, day);
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&days);
}

/* Adds a day to the table or changes it (kind "holiday" or "workday"), in one transaction. The
 * date may be written as tj_date_parse reads it; it is stored as YYYY-MM-DD. */
gboolean
tj_holidays_save (TjDb       *db,
                  const char *date,
                  const char *kind,
                  const char *name,
                  GError    **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clean_name = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);

  problems = validate_day (date, kind, name, &day);
  if (!tj_problems_to_error (problems, error))
    return FALSE;
  clean_name = g_strstrip (g_strdup (name));

  if (!tj_db_begin (db, error))
    return FALSE;
  stmt = tj_db_prepare_cached (db,
                               "INSERT INTO holidays (date, kind, name) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, "
                               "name = excluded.name WHERE holidays.kind IS NOT excluded.kind OR "
                               "holidays.name IS NOT excluded.name",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean_name, -1, SQLITE_STATIC);
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

/* Takes a day out of the table: it is counted by its weekday again. A day not in the table is
 * left as it is. */
gboolean
tj_holidays_delete (TjDb       *db,
                    const char *date,
                    GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  day = tj_date_parse (date, error);
  if (day == NULL)
    return FALSE;
  stmt = tj_db_prepare_cached (db, "DELETE FROM holidays WHERE date = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (!tj_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, tj_db_release);
  return TRUE;
}
