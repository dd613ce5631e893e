/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-register-report"
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "tj-ledger.h"
#include "tj-project.h"
#include "tj-settings.h"
#include "tj-register-report.h"
#include "tj-error.h"
#include "tj-money.h"
#include "tj-project-active.h"
#include "tj-report-format.h"

/* The register's columns: the same set, in the same order, as the office's CSV ledger. */
enum
{
  COL_NUMBER,
  COL_NAME,
  COL_LEVEL,
  COL_NATURE,
  COL_INDUSTRY,
  COL_CONTENT,
  COL_LOCALITY,
  COL_UNIT,
  COL_LEADER,
  COL_OFFICER,
  COL_OWNER,
  COL_CONTACT,
  COL_PHONE,
  COL_TOTAL,
  COL_PLAN,
  COL_PLANNED_START,
  COL_PLANNED_COMPLETION,
  COL_ACTUAL_START,
  COL_ACTUAL_COMPLETION,
  COL_STATS_DATE,
  COL_CODE,
  COL_NOTES,
  N_COLUMNS
};

static const struct
{
  const char *field;  /* its header is the field's label (tj_project_field_label) */
  const char *header; /* or this one */
  TjReportType type;
  guint max_width;
} columns[N_COLUMNS] = {
  [COL_NUMBER] = { NULL, N_("No."), TJ_REPORT_INTEGER, 0 },
  [COL_NAME] = { "name", NULL, TJ_REPORT_TEXT, 28 },
  [COL_LEVEL] = { "level", NULL, TJ_REPORT_TEXT, 0 },
  [COL_NATURE] = { "nature", NULL, TJ_REPORT_TEXT, 0 },
  [COL_INDUSTRY] = { "industry", NULL, TJ_REPORT_TEXT, 12 },
  [COL_CONTENT] = { "content", NULL, TJ_REPORT_TEXT, 36 },
  [COL_LOCALITY] = { "locality_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_UNIT] = { "unit_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_LEADER] = { "leader_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_OFFICER] = { "officer_id", NULL, TJ_REPORT_TEXT, 0 },
  [COL_OWNER] = { "owner", NULL, TJ_REPORT_TEXT, 22 },
  [COL_CONTACT] = { "contact", NULL, TJ_REPORT_TEXT, 0 },
  [COL_PHONE] = { "phone", NULL, TJ_REPORT_TEXT, 0 },
  [COL_TOTAL] = { NULL, N_("Total investment (10,000 yuan)"), TJ_REPORT_WAN, 0 },
  [COL_PLAN] = { NULL, N_("Annual plan (10,000 yuan)"), TJ_REPORT_WAN, 0 },
  [COL_PLANNED_START] = { "planned_start", NULL, TJ_REPORT_DATE, 0 },
  [COL_PLANNED_COMPLETION] = { "planned_completion", NULL, TJ_REPORT_DATE, 0 },
  [COL_ACTUAL_START] = { "actual_start", NULL, TJ_REPORT_DATE, 0 },
  [COL_ACTUAL_COMPLETION] = { "actual_completion", NULL, TJ_REPORT_DATE, 0 },
  [COL_STATS_DATE] = { "stats_date", NULL, TJ_REPORT_DATE, 0 },
  [COL_CODE] = { "code", NULL, TJ_REPORT_TEXT, 0 },
  [COL_NOTES] = { "notes", NULL, TJ_REPORT_TEXT, 30 },
};

/* The whole list reads by level, the provincial projects first, then in the order entered. */
static int
by_level (gconstpointer a,
          gconstpointer b)
{
  TjProject *pa = *(TjProject *const *) a;
  TjProject *pb = *(TjProject *const *) b;

  if (pa->level != pb->level)
    return pa->level < pb->level ? -1 : 1;
  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

static void
add_project_row (TjReport     *report,
                 TjProject    *p,
                 guint         number,
                 TjLevelNames *levels)
{
  guint row = tj_report_add_row (report, TJ_REPORT_ROW_BODY);

  tj_report_set_integer (report, row, COL_NUMBER, number);
  tj_report_set_text (report, row, COL_NAME, p->name);
  if (p->level < TJ_LEVEL_N)
    tj_report_set_text (report, row, COL_LEVEL, levels->full[p->level]);
  tj_report_set_text (report, row, COL_NATURE, tj_nature_label (p->nature));
  tj_report_set_text (report, row, COL_INDUSTRY, p->industry);
  tj_report_set_text (report, row, COL_CONTENT, p->content);
  tj_report_set_text (report, row, COL_LOCALITY, p->locality_name);
  tj_report_set_text (report, row, COL_UNIT, p->unit_name);
  tj_report_set_text (report, row, COL_LEADER, p->leader_name);
  tj_report_set_text (report, row, COL_OFFICER, p->officer_name);
  tj_report_set_text (report, row, COL_OWNER, p->owner);
  tj_report_set_text (report, row, COL_CONTACT, p->contact);
  tj_report_set_text (report, row, COL_PHONE, p->phone);
  tj_report_set_money (report, row, COL_TOTAL, p->total_investment);
  tj_report_set_money (report, row, COL_PLAN, p->annual_plan);
  tj_report_set_date (report, row, COL_PLANNED_START, p->planned_start);
  tj_report_set_date (report, row, COL_PLANNED_COMPLETION, p->planned_completion);
  tj_report_set_date (report, row, COL_ACTUAL_START, p->actual_start);
  tj_report_set_date (report, row, COL_ACTUAL_COMPLETION, p->actual_completion);
  tj_report_set_date (report, row, COL_STATS_DATE, p->stats_date);
  tj_report_set_text (report, row, COL_CODE, p->code);
  tj_report_set_text (report, row, COL_NOTES, p->notes);
}

/* The report without its rows: title, unit and its first n_columns columns. */
static TjReport *
new_register_report (TjDb  *db,
                     int    year,
                     guint  n_columns)
{
  g_autofree char *org = tj_settings_organisation (db);
  g_autofree char *title = NULL;
  g_autofree char *sheet = NULL;
  TjReport *report;

  /* Translators: the title of the register: organisation, then year ("登封市2026年重点项目名单") */
  title = g_strdup_printf (_("%1$s Key Project List %2$d"), org, year);
  /* Translators: the sheet's name in the workbook, at most 31 characters */
  sheet = g_strdup_printf (_("Key projects %d"), year);
  report = tj_report_new (sheet, title);
  tj_report_set_unit_line (report, _("Unit: 10,000 yuan"));
  report->frozen_columns = COL_NAME + 1;

  for (guint c = 0; c < n_columns; c++)
    tj_report_add_column (report,
                          columns[c].field != NULL ? tj_project_field_label (columns[c].field)
                                                   : _(columns[c].header),
                          columns[c].type, columns[c].max_width);
  return report;
}

/* The sums of the 合计 row, in whole yuan; FALSE with an error naming the project whose amounts
 * no project can have. */
static gboolean
add_to_totals (gint64      *total,
               gint64      *plan,
               const char  *name,
               gint64       total_investment,
               gint64       annual_plan,
               GError     **error)
{
  if (tj_money_add_checked (*total, total_investment, total) &&
      tj_money_add_checked (*plan, annual_plan, plan))
    return TRUE;
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("The amounts of “%s” are beyond what a project can be; the database may "
                 "have been changed outside Tuijin. Run “tuijin check”."),
               name);
  return FALSE;
}

static char *
count_text (guint n_projects)
{
  return g_strdup_printf (ngettext ("%u project", "%u projects", n_projects), n_projects);
}

/* The key-project list of a year as a report: every project given (NULL: all of the year, by
 * level), then a 合计 row whose sums are taken in whole yuan, never from rounded figures. */
TjReport *
tj_register_report_build (TjDb      *db,
                          int        year,
                          GPtrArray *projects,
                          GError   **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (TjLevelNames) levels = NULL;
  g_autofree char *count = NULL;
  TjReport *report;
  gint64 total = 0, plan = 0;
  guint row;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  if (projects == NULL)
    {
      all = tj_project_list (db, year, error);
      if (all == NULL)
        return NULL;
      g_ptr_array_sort (all, by_level);
      projects = all;
    }

  levels = tj_level_names_load (db, error);
  if (levels == NULL)
    return NULL;
  report = new_register_report (db, year, N_COLUMNS);

  for (guint i = 0; i < projects->len; i++)
    {
      TjProject *p = g_ptr_array_index (projects, i);

      add_project_row (report, p, i + 1, levels);
      if (!add_to_totals (&total, &plan, p->name, p->total_investment, p->annual_plan, error))
        {
          tj_report_free (report);
          return NULL;
        }
    }

  row = tj_report_add_row (report, TJ_REPORT_ROW_TOTAL);
  tj_report_set_text (report, row, COL_NUMBER, _("Total"));
  count = count_text (projects->len);
  tj_report_set_text (report, row, COL_NAME, count);
  tj_report_set_money (report, row, COL_TOTAL, total);
  tj_report_set_money (report, row, COL_PLAN, plan);
  return report;
}

/* The whole register streamed, in the order by_level gives: one level after the other (a
 * project of no known level first, as TJ_LEVEL_NONE sorts), each read in one scan of the table in
 * the order entered, the 合计 row once the last is read. Nothing is sorted (SQLite would hold
 * whole rows in memory to sort them: hundreds of megabytes at a million projects), and nothing is
 * read by id. A reader that only measures (the workbook's widths) gets the projects as stored, in
 * one scan. The scans go through the table in rowid order (`+p.year`: not through the (year,
 * name) index, whose order makes every row a seek elsewhere in the file; 7× slower at 100,000
 * projects); a database of many years reads the other years' rows too, which costs as much only
 * at ten years of a hundred thousand projects each. The columns are read in the order of the enum
 * from COL_NAME on. */
typedef struct
{
  TjDb *db;
  sqlite3_stmt *ordered; /* the year's projects of one level, in the order entered */
  sqlite3_stmt *scan;    /* the year's projects as stored, for a reader that only measures */
  GHashTable *unit_names;   /* of gint64 * id → char *: the units and people, few however many */
  GHashTable *person_names; /* projects; looked up here rather than joined on every row */
  gboolean in_order;
  TjLevel level;         /* the level `ordered` reads */
  gboolean others_known; /* a whole measuring read counted the projects of no known level */
  guint n_others;
  TjLevelNames *levels;
  guint number;    /* projects read */
  gint64 total;
  gint64 plan;
  gboolean done;   /* the 合计 row is given */
  guint n_columns; /* the report's: the printed list has no 项目编号 and 备注 */
} RegisterSource;

enum
{
  SQL_NAME,
  SQL_LEVEL,
  SQL_NATURE,
  SQL_INDUSTRY,
  SQL_CONTENT,
  SQL_LOCALITY,
  SQL_UNIT,
  SQL_LEADER,
  SQL_OFFICER,
  SQL_OWNER,
  SQL_CONTACT,
  SQL_PHONE,
  SQL_TOTAL,
  SQL_PLAN,
  SQL_PLANNED_START,
  SQL_CODE = SQL_PLANNED_START + COL_STATS_DATE - COL_PLANNED_START + 1,
  SQL_NOTES,
};

#define REGISTER_SELECT                                                                          \
  "SELECT p.name, p.level, p.nature, p.industry, p.content, p.locality_id, p.unit_id, "          \
  "p.leader_id, p.officer_id, p.owner, p.contact, p.phone, p.total_investment, p.annual_plan, "  \
  "p.planned_start, p.planned_completion, p.actual_start, p.actual_completion, p.stats_date, " \
  "p.code, p.notes "                                                                             \
  "FROM projects p WHERE +p.year = ?1 AND "
#define REGISTER_SQL REGISTER_SELECT TJ_PROJECT_ACTIVE_TODAY
/* The levels' codes in the order of TjLevel: CASE gives the enum's value (?5). The level is
 * asked before the exits: SQLite tests the terms in the order written, and the exits' NOT IN
 * probe on every row of each of the four scans, three quarters of them of another level, cost
 * a quarter of the scans' time (0.129 s → 0.097 s for the four at 100,000 projects). */
#define REGISTER_LEVEL_SQL                                                                       \
  REGISTER_SELECT "CASE p.level WHEN ?2 THEN 1 WHEN ?3 THEN 2 WHEN ?4 THEN 3 ELSE 0 END = ?5 "   \
                  "AND " TJ_PROJECT_ACTIVE_TODAY " ORDER BY p.id"

static void
register_source_free (gpointer data)
{
  RegisterSource *source = data;

  sqlite3_finalize (source->ordered);
  sqlite3_finalize (source->scan);
  g_clear_pointer (&source->unit_names, g_hash_table_unref);
  g_clear_pointer (&source->person_names, g_hash_table_unref);
  tj_level_names_free (source->levels);
  g_object_unref (source->db);
  g_free (source);
}

/* Starts reading the projects of `level`. */
static void
register_source_seek (RegisterSource *source,
                      TjLevel         level)
{
  source->level = level;
  sqlite3_reset (source->ordered);
  sqlite3_bind_int (source->ordered, 5, level);
}

static void
register_source_rewind (gpointer data,
                        gboolean in_order)
{
  RegisterSource *source = data;

  sqlite3_reset (source->scan);
  /* no project of an unknown level: its scan is skipped */
  register_source_seek (source, source->others_known && source->n_others == 0
                                  ? TJ_LEVEL_PROVINCIAL : TJ_LEVEL_NONE);
  source->in_order = in_order;
  source->number = 0;
  source->total = source->plan = 0;
  source->done = FALSE;
  if (!in_order)
    source->n_others = 0;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The names of a table's rows by id; NULL with `error` set when they cannot be read. */
static GHashTable *
load_names (TjDb        *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, sql, error);
  g_autoptr (GHashTable) names = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

/* The name of the unit or person whose id is in `column`: NULL for none, as a LEFT JOIN. */
static const char *
name_of (GHashTable   *names,
         sqlite3_stmt *stmt,
         int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_hash_table_lookup (names, &id);
}

/* The next project's row: SQLITE_ROW, SQLITE_DONE after the last, or an error. */
static int
register_source_step (RegisterSource *source)
{
  int rc;

  if (!source->in_order)
    return sqlite3_step (source->scan);
  while ((rc = sqlite3_step (source->ordered)) == SQLITE_DONE && source->level < TJ_LEVEL_CITY)
    register_source_seek (source, source->level + 1);
  return rc;
}

static gboolean
register_source_next (gpointer     data,
                      TjReportRow *row,
                      GError     **error)
{
  RegisterSource *source = data;
  sqlite3_stmt *stmt = source->in_order ? source->ordered : source->scan;
  TjLevel level;
  int rc;

  if (source->done)
    return FALSE;
  rc = register_source_step (source);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *count = NULL;

      if (!tj_db_rows_done (source->db, rc, error))
        return FALSE;
      if (!source->in_order)
        source->others_known = TRUE;
      source->done = TRUE;
      tj_report_row_set_kind (row, TJ_REPORT_ROW_TOTAL);
      tj_report_row_set_text (row, COL_NUMBER, _("Total"));
      count = count_text (source->number);
      tj_report_row_set_text (row, COL_NAME, count);
      tj_report_row_set_money (row, COL_TOTAL, source->total);
      tj_report_row_set_money (row, COL_PLAN, source->plan);
      return TRUE;
    }

  if (!add_to_totals (&source->total, &source->plan, column_text (stmt, SQL_NAME),
                      sqlite3_column_int64 (stmt, SQL_TOTAL),
                      sqlite3_column_int64 (stmt, SQL_PLAN), error))
    return FALSE;
  tj_report_row_set_integer (row, COL_NUMBER, ++source->number);
  level = tj_level_from_code (column_text (stmt, SQL_LEVEL));
  if (level < TJ_LEVEL_N && level != TJ_LEVEL_NONE)
    tj_report_row_set_text (row, COL_LEVEL, source->levels->full[level]);
  else if (!source->in_order)
    source->n_others++;
  tj_report_row_set_text (row, COL_NATURE,
                          tj_nature_label (tj_nature_from_code (column_text (stmt, SQL_NATURE))));
  tj_report_row_set_text (row, COL_NAME, column_text (stmt, SQL_NAME));
  tj_report_row_set_text (row, COL_INDUSTRY, column_text (stmt, SQL_INDUSTRY));
  tj_report_row_set_text (row, COL_CONTENT, column_text (stmt, SQL_CONTENT));
  tj_report_row_set_text (row, COL_LOCALITY, name_of (source->unit_names, stmt, SQL_LOCALITY));
  tj_report_row_set_text (row, COL_UNIT, name_of (source->unit_names, stmt, SQL_UNIT));
  tj_report_row_set_text (row, COL_LEADER, name_of (source->person_names, stmt, SQL_LEADER));
  tj_report_row_set_text (row, COL_OFFICER, name_of (source->person_names, stmt, SQL_OFFICER));
  for (guint c = COL_OWNER; c <= COL_PHONE; c++)
    tj_report_row_set_text (row, c, column_text (stmt, SQL_NAME + c - COL_NAME));
  tj_report_row_set_money (row, COL_TOTAL, sqlite3_column_int64 (stmt, SQL_TOTAL));
  tj_report_row_set_money (row, COL_PLAN, sqlite3_column_int64 (stmt, SQL_PLAN));
  for (guint c = COL_PLANNED_START; c <= COL_STATS_DATE; c++)
    tj_report_row_set_date (row, c, column_text (stmt, SQL_PLANNED_START + c - COL_PLANNED_START));
  if (source->n_columns > COL_NOTES)
    {
      tj_report_row_set_text (row, COL_CODE, column_text (stmt, SQL_CODE));
      tj_report_row_set_text (row, COL_NOTES, column_text (stmt, SQL_NOTES));
    }
  return TRUE;
}

/* The year's whole register as a report that streams: its rows are read from the database as a
 * writer pulls them, the same rows tj_register_report_build gives for the projects of the year
 * (memory flat however long the list); its first n_columns columns. */
static TjReport *
register_report_stream (TjDb    *db,
                        int      year,
                        guint    n_columns,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) ordered = NULL;
  g_autoptr (sqlite3_stmt) scan = NULL;
  g_autoptr (TjLevelNames) levels = NULL;
  g_autoptr (GHashTable) unit_names = NULL;
  g_autoptr (GHashTable) person_names = NULL;
  RegisterSource *source;
  TjReport *report;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  levels = tj_level_names_load (db, error);
  if (levels == NULL)
    return NULL;
  unit_names = load_names (db, "SELECT id, name FROM units", error);
  if (unit_names == NULL)
    return NULL;
  person_names = load_names (db, "SELECT id, name FROM people", error);
  if (person_names == NULL)
    return NULL;
  ordered = tj_db_prepare (db, REGISTER_LEVEL_SQL, error);
  if (ordered == NULL)
    return NULL;
  scan = tj_db_prepare (db, REGISTER_SQL, error);
  if (scan == NULL)
    return NULL;
  sqlite3_bind_int (scan, 1, year);
  sqlite3_bind_int (ordered, 1, year);
  for (int level = TJ_LEVEL_PROVINCIAL; level <= TJ_LEVEL_CITY; level++)
    sqlite3_bind_text (ordered, 1 + level, tj_level_code (level), -1, SQLITE_STATIC);

  report = new_register_report (db, year, n_columns);
  source = g_new0 (RegisterSource, 1);
  source->n_columns = n_columns;
  source->db = g_object_ref (db);
  source->ordered = g_steal_pointer (&ordered);
  source->scan = g_steal_pointer (&scan);
  source->in_order = TRUE;
  source->levels = g_steal_pointer (&levels);
  source->unit_names = g_steal_pointer (&unit_names);
  source->person_names = g_steal_pointer (&person_names);
  register_source_seek (source, TJ_LEVEL_NONE);
  tj_report_set_source (report, register_source_next, register_source_rewind, source,
                        register_source_free);
  return report;
}

TjReport *
tj_register_report_stream (TjDb    *db,
                           int      year,
                           GError **error)
{
  return register_report_stream (db, year, N_COLUMNS, error);
}

/* A book of report, NULL for none. */
static TjReportBook *
book_of (TjDb     *db,
         TjReport *report)
{
  g_autofree char *org = NULL;
  TjReportBook *book;

  if (report == NULL)
    return NULL;
  org = tj_settings_organisation (db);
  book = tj_report_book_new (org);
  tj_report_book_add (book, report);
  return book;
}

/* The register as a workbook of one sheet, e.g. for the projects a window shows. */
TjReportBook *
tj_register_book_build (TjDb      *db,
                        int        year,
                        GPtrArray *projects,
                        GError   **error)
{
  return book_of (db, projects != NULL ? tj_register_report_build (db, year, projects, error)
                                       : tj_register_report_stream (db, year, error));
}

/* Writes the year's register as its path's extension says: the list as a workbook (.xlsx) or as
 * printed pages (.pdf), or the ledger that imports again (.csv). */
gboolean
tj_register_write (TjDb       *db,
                   int         year,
                   const char *path,
                   GError    **error)
{
  g_autoptr (TjReportBook) book = NULL;
  TjReportFormat format;

  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Asked first so that a wrong name costs no query: a CSV file is the ledger alone. */
  if (!tj_report_format_from_path (path, &format, error))
    return FALSE;
  if (format == TJ_REPORT_FORMAT_CSV)
    {
      TjReport *ledger = tj_ledger_report_build (db, year, error);

      if (ledger == NULL)
        return FALSE;
      book = tj_report_book_new (NULL);
      tj_report_book_set_csv (book, ledger);
    }
  /* the printed list is read, not imported: without 项目编号 and 备注, its names stay wide */
  else if (format == TJ_REPORT_FORMAT_PDF)
    {
      if ((book = book_of (db, register_report_stream (db, year, COL_CODE, error))) == NULL)
        return FALSE;
    }
  else if ((book = tj_register_book_build (db, year, NULL, error)) == NULL)
    return FALSE;
  return tj_report_book_write (book, path, error);
}
