/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prepares what the benchmarks measure on, never timed itself:
 *   bench-prep ledger FILE N   a generated ledger of N projects (the same one every time)
 *   bench-prep ledger-xlsx CSV OUT.xlsx  that ledger as an office keeps it in Excel: a merged
 *                              title above the header, names as shared strings, amounts as
 *                              numbers with a number format, dates as Excel's serial dates
 *   bench-prep empty DB        a new database with Tuijin's schema and nothing in it
 *   bench-prep months DB       12 months of 2026 reports for every project of 2026 in DB
 *   bench-prep approvals DB    3 approval items for every project of 2026 in DB: accepted in
 *                              2026 (some over the Spring Festival and National Day), committed
 *                              limits of 5 to 19 working days, half finished, one in 10
 *                              suspended for a period, one in 7 not accepted yet
 *   bench-prep ranking DB      issue 9's county for every project of 2026 in DB: 200 towns the
 *                              projects are spread over, 12 months of reports, 20,000 matters
 *                              of 1,000 meetings, 5 approval items a project (50,000 for
 *                              10,000), 500 inspections (one in 4 虚报 or 瞒报)
 *   bench-prep rank DB         builds (writes nothing) the ranking of 2026-Q4 and the annual
 *                              assessment of 2026: what run-all times as "build" */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bench-common.h"
#include "tj-assessment.h"
#include "tj-csv.h"
#include "tj-db.h"

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format *money;
  lxw_format *date;
} LedgerXlsx;

/* One row of the CSV ledger into the sheet, below the title: the 序号 and the amounts (总投资,
 * 年度计划投资) as numbers, a whole date (实际开工, 实际竣工, 入库日期) as a date, the rest as
 * text. */
static gboolean
add_ledger_row (guint     line,
                char    **cells,
                guint     n_cells,
                gpointer  user_data,
                GError  **error)
{
  LedgerXlsx *out = user_data;
  lxw_row_t row = line; /* the title on row 0 */

  for (guint c = 0; c < n_cells; c++)
    {
      int y, m, d;

      if (*cells[c] == '\0')
        continue;
      if (line > 1 && (c == 0 || c == 13 || c == 14))
        worksheet_write_number (out->sheet, row, c, g_ascii_strtod (cells[c], NULL),
                                c == 0 ? NULL : out->money);
      else if (line > 1 && strlen (cells[c]) == 10 &&
               sscanf (cells[c], "%4d-%2d-%2d", &y, &m, &d) == 3)
        {
          lxw_datetime when = { y, m, d, 0, 0, 0 };

          worksheet_write_datetime (out->sheet, row, c, &when, out->date);
        }
      else
        worksheet_write_string (out->sheet, row, c, cells[c], NULL);
    }
  return TRUE;
}

static int
write_ledger_xlsx (const char *csv,
                   const char *path)
{
  g_autoptr (GError) error = NULL;
  lxw_workbook *book = workbook_new (path);
  LedgerXlsx out = { workbook_add_worksheet (book, "2026年重点项目") };

  out.money = workbook_add_format (book);
  format_set_num_format (out.money, "#,##0.00");
  out.date = workbook_add_format (book);
  format_set_num_format (out.date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (out.sheet, 0, 0, 0, 19, "登封市2026年重点项目名单", NULL);
  if (!tj_csv_read_rows (csv, add_ledger_row, &out, &error))
    g_error ("%s", error->message);
  if (workbook_close (book) != LXW_NO_ERROR)
    g_error ("%s: the workbook could not be written", path);
  return 0;
}

static int
fill_months (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) projects = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  int step;

  if (db == NULL || !tj_db_begin (db, &error))
    g_error ("%s", error->message);
  insert = tj_db_prepare (db,
                          "INSERT INTO monthly_reports (project_id, month, completed, progress, "
                          "problems) VALUES (?, ?, ?, '主体施工', '无')",
                          &error);
  if (insert == NULL)
    g_error ("%s", error->message);
  projects = tj_db_prepare (db, "SELECT id, annual_plan FROM projects WHERE year = 2026", &error);
  if (projects == NULL)
    g_error ("%s", error->message);
  while ((step = sqlite3_step (projects)) == SQLITE_ROW)
    for (int month = 1; month <= 12; month++)
      {
        gint64 plan = sqlite3_column_int64 (projects, 1);

        sqlite3_reset (insert);
        sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (projects, 0));
        sqlite3_bind_int (insert, 2, month);
        sqlite3_bind_int64 (insert, 3, plan / 12 * g_rand_int_range (rand, 40, 130) / 100);
        if (sqlite3_step (insert) != SQLITE_DONE)
          g_error ("monthly report: %s", sqlite3_errmsg (sqlite3_db_handle (insert)));
      }
  if (step != SQLITE_DONE)
    g_error ("projects: %s", sqlite3_errmsg (sqlite3_db_handle (projects)));
  if (!tj_db_commit (db, &error))
    g_error ("%s", error->message);
  return 0;
}

static const char *const item_names[] = { "环评审批", "建设用地规划许可", "施工许可" };
static const char *const item_stages[] = { "permit", "land", "construction" };

static int
fill_approvals (const char *db_path,
                guint       per_project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) suspend = NULL;
  g_autoptr (sqlite3_stmt) projects = NULL;
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GDate) accepted = g_date_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (13);
  sqlite3 *handle;
  guint n = 0;
  int step;

  if (db == NULL || !tj_db_begin (db, &error))
    g_error ("%s", error->message);
  handle = tj_db_get_handle (db);
  {
    g_autoptr (sqlite3_stmt) departments =
      tj_db_prepare (db, "SELECT id FROM units WHERE kind = 'department' ORDER BY id", &error);

    if (departments == NULL)
      g_error ("%s", error->message);
    while (sqlite3_step (departments) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (departments, 0);

        g_array_append_val (units, id);
      }
    if (units->len == 0)
      g_error ("no departments in %s", db_path);
  }
  insert = tj_db_prepare (db,
                          "INSERT INTO approval_items (project_id, name, stage, unit_id, "
                          "statutory_days, committed_days, green, accepted, finished) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          &error);
  suspend = tj_db_prepare (db,
                           "INSERT INTO approval_suspensions (item_id, from_date, to_date, reason) "
                           "VALUES (?, ?, ?, '补正材料')",
                           &error);
  projects = tj_db_prepare (db, "SELECT id FROM projects WHERE year = 2026 ORDER BY id", &error);
  if (insert == NULL || suspend == NULL || projects == NULL)
    g_error ("%s", error->message);
  while ((step = sqlite3_step (projects)) == SQLITE_ROW)
    for (guint k = 0; k < per_project; k++, n++)
      {
        int committed = g_rand_int_range (rand, 5, 20);
        char from[11], to[11], accepted_text[11], finished_text[11];
        gboolean is_accepted = n % 7 != 0;
        guint32 day;

        /* Accepted on a day of 2026 up to early November. */
        g_date_set_dmy (accepted, 1, G_DATE_JANUARY, 2026);
        g_date_add_days (accepted, g_rand_int_range (rand, 0, 310));
        g_date_strftime (accepted_text, sizeof accepted_text, "%Y-%m-%d", accepted);
        day = g_date_get_julian (accepted);
        sqlite3_reset (insert);
        sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (projects, 0));
        sqlite3_bind_text (insert, 2, item_names[k % G_N_ELEMENTS (item_names)], -1,
                           SQLITE_STATIC);
        sqlite3_bind_text (insert, 3, item_stages[k % G_N_ELEMENTS (item_stages)], -1,
                           SQLITE_STATIC);
        sqlite3_bind_int64 (insert, 4, g_array_index (units, gint64, n % units->len));
        sqlite3_bind_int (insert, 5, committed + g_rand_int_range (rand, 0, 10));
        sqlite3_bind_int (insert, 6, committed);
        sqlite3_bind_int (insert, 7, n % 5 == 0);
        if (is_accepted)
          sqlite3_bind_text (insert, 8, accepted_text, -1, SQLITE_TRANSIENT);
        else
          sqlite3_bind_null (insert, 8);
        if (is_accepted && n % 2 == 0)
          {
            g_date_add_days (accepted, g_rand_int_range (rand, 3, 40));
            g_date_strftime (finished_text, sizeof finished_text, "%Y-%m-%d", accepted);
            sqlite3_bind_text (insert, 9, finished_text, -1, SQLITE_TRANSIENT);
          }
        else
          sqlite3_bind_null (insert, 9);
        if (sqlite3_step (insert) != SQLITE_DONE)
          g_error ("approval item: %s", sqlite3_errmsg (handle));
        if (!is_accepted || n % 10 != 1)
          continue;
        /* Two days from the day after acceptance (before the finish, which is 3 or more days
         * after it). */
        g_date_set_julian (accepted, day + 1);
        g_date_strftime (from, sizeof from, "%Y-%m-%d", accepted);
        g_date_add_days (accepted, 1);
        g_date_strftime (to, sizeof to, "%Y-%m-%d", accepted);
        sqlite3_reset (suspend);
        sqlite3_bind_int64 (suspend, 1, sqlite3_last_insert_rowid (handle));
        sqlite3_bind_text (suspend, 2, from, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (suspend, 3, to, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (suspend) != SQLITE_DONE)
          g_error ("suspension: %s", sqlite3_errmsg (handle));
      }
  if (step != SQLITE_DONE)
    g_error ("projects: %s", sqlite3_errmsg (handle));
  if (!tj_db_commit (db, &error))
    g_error ("%s", error->message);
  return 0;
}

/* Run in one transaction; fails the program on an error. */
static void
exec (TjDb       *db,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  if (!tj_db_exec (db, sql, &error))
    g_error ("%s", error->message);
}

#define N_TOWNS 200
#define N_MEETINGS 1000
#define MATTERS_PER_MEETING 20
#define N_INSPECTIONS 500

/* The projects of 2026 spread over 200 towns of their own, in turn. */
static int
fill_towns (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (GString) sql = g_string_new ("INSERT INTO units (id, name, kind) VALUES ");

  if (db == NULL || !tj_db_begin (db, &error))
    g_error ("%s", error->message);
  for (int t = 0; t < N_TOWNS; t++)
    g_string_append_printf (sql, "%s(%d, '第%03d镇', 'town')", t > 0 ? ", " : "", 900000 + t, t + 1);
  exec (db, sql->str);
  g_string_printf (sql, "UPDATE projects SET locality_id = 900000 + id %% %d WHERE year = 2026",
                   N_TOWNS);
  exec (db, sql->str);
  if (!tj_db_commit (db, &error))
    g_error ("%s", error->message);
  return 0;
}

/* 1,000 meetings of 20 matters across 2026 (a third finished on time, a third late, a third
 * open; one in 4 without a project, for a town), and 500 inspections, one in 4 虚报 or 瞒报. */
static int
fill_matters (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (sqlite3_stmt) meeting = NULL;
  g_autoptr (sqlite3_stmt) matter = NULL;
  g_autoptr (sqlite3_stmt) inspection = NULL;
  g_autoptr (GArray) projects = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GDate) date = g_date_new ();
  gint64 department;
  sqlite3 *handle;

  if (db == NULL || !tj_db_begin (db, &error))
    g_error ("%s", error->message);
  handle = tj_db_get_handle (db);
  {
    g_autoptr (sqlite3_stmt) list =
      tj_db_prepare (db, "SELECT id FROM projects WHERE year = 2026 ORDER BY id", &error);
    g_autoptr (sqlite3_stmt) unit =
      tj_db_prepare (db, "SELECT id FROM units WHERE kind = 'department' ORDER BY id LIMIT 1",
                     &error);

    if (list == NULL || unit == NULL || sqlite3_step (unit) != SQLITE_ROW)
      g_error ("%s", error != NULL ? error->message : "no department");
    department = sqlite3_column_int64 (unit, 0);
    while (sqlite3_step (list) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (list, 0);

        g_array_append_val (projects, id);
      }
    if (projects->len == 0)
      g_error ("no projects of 2026 in %s", db_path);
  }
  meeting = tj_db_prepare (db, "INSERT INTO meetings (kind, date, name) VALUES ('monthly', ?, ?)",
                           &error);
  matter = tj_db_prepare (db,
                          "INSERT INTO matters (meeting_id, content, project_id, unit_id, "
                          "assigned, deadline, finished) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          &error);
  inspection = tj_db_prepare (db,
                              "INSERT INTO inspections (project_id, date, organiser_id, verified, "
                              "verdict, verdict_reason) VALUES (?, ?, ?, 0, ?, '核查')",
                              &error);
  if (meeting == NULL || matter == NULL || inspection == NULL)
    g_error ("%s", error->message);
  for (guint m = 0; m < N_MEETINGS; m++)
    {
      char day[11], deadline[11], finished[11];
      g_autofree char *name = g_strdup_printf ("第%u次月例会", m + 1);
      gint64 meeting_id;

      g_date_set_dmy (date, 5, G_DATE_JANUARY, 2026);
      g_date_add_days (date, m * 300 / N_MEETINGS);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      sqlite3_reset (meeting);
      sqlite3_bind_text (meeting, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 2, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (meeting) != SQLITE_DONE)
        g_error ("meeting: %s", sqlite3_errmsg (handle));
      meeting_id = sqlite3_last_insert_rowid (handle);
      for (guint k = 0; k < MATTERS_PER_MEETING; k++)
        {
          guint i = m * MATTERS_PER_MEETING + k;
          g_autofree char *content = g_strdup_printf ("协调解决用地、用电问题（第%u项）", i + 1);
          g_autoptr (GDate) due = g_date_copy (date);

          g_date_add_days (due, 15 + i % 45);
          g_date_strftime (deadline, sizeof deadline, "%Y-%m-%d", due);
          if (i % 3 == 0)
            g_date_subtract_days (due, 3);
          else
            g_date_add_days (due, 5);
          g_date_strftime (finished, sizeof finished, "%Y-%m-%d", due);
          sqlite3_reset (matter);
          sqlite3_bind_int64 (matter, 1, meeting_id);
          sqlite3_bind_text (matter, 2, content, -1, SQLITE_TRANSIENT);
          if (i % 4 != 0)
            {
              sqlite3_bind_int64 (matter, 3, g_array_index (projects, gint64,
                                                            (i * 7) % projects->len));
              sqlite3_bind_int64 (matter, 4, department);
            }
          else
            {
              sqlite3_bind_null (matter, 3);
              sqlite3_bind_int64 (matter, 4, 900000 + i % N_TOWNS);
            }
          sqlite3_bind_text (matter, 5, day, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (matter, 6, deadline, -1, SQLITE_TRANSIENT);
          if (i % 3 != 2)
            sqlite3_bind_text (matter, 7, finished, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (matter, 7);
          if (sqlite3_step (matter) != SQLITE_DONE)
            g_error ("matter: %s", sqlite3_errmsg (handle));
        }
    }
  for (guint i = 0; i < N_INSPECTIONS; i++)
    {
      char day[11];
      static const char *const verdicts[] = { "false", "true", "concealed", "true",
                                              "true", "true", "true", "true" };

      g_date_set_dmy (date, 10, G_DATE_JANUARY, 2026);
      g_date_add_days (date, i * 340 / N_INSPECTIONS);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      sqlite3_reset (inspection);
      sqlite3_bind_int64 (inspection, 1, g_array_index (projects, gint64,
                                                        (i * 13) % projects->len));
      sqlite3_bind_text (inspection, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (inspection, 3, department);
      sqlite3_bind_text (inspection, 4, verdicts[i % G_N_ELEMENTS (verdicts)], -1, SQLITE_STATIC);
      if (sqlite3_step (inspection) != SQLITE_DONE)
        g_error ("inspection: %s", sqlite3_errmsg (handle));
    }
  if (!tj_db_commit (db, &error))
    g_error ("%s", error->message);
  return 0;
}

/* What `tuijin export ranking` and `export assessment` build before they write. */
static int
rank (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = tj_db_open (db_path, &error);
  g_autoptr (TjRanking) ranking = NULL;
  g_autoptr (TjAssessment) assessment = NULL;

  if (db == NULL)
    g_error ("%s", error->message);
  ranking = tj_ranking_build (db, 2026, 4, &error);
  if (ranking == NULL)
    g_error ("%s", error->message);
  assessment = tj_assessment_build (db, 2026, FALSE, &error);
  if (assessment == NULL)
    g_error ("%s", error->message);
  g_print ("units=%u\n", assessment->units->len);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "ledger"))
    {
      tj_bench_write_ledger (argv[2], (guint) atoi (argv[3]));
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "ledger-xlsx"))
    return write_ledger_xlsx (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "empty"))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TjDb) db = tj_db_open (argv[2], &error);

      if (db == NULL)
        g_error ("%s", error->message);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "months"))
    return fill_months (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "approvals"))
    return fill_approvals (argv[2], G_N_ELEMENTS (item_names));
  if (argc == 3 && g_str_equal (argv[1], "ranking"))
    return fill_towns (argv[2]) || fill_months (argv[2]) || fill_approvals (argv[2], 5) ||
           fill_matters (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "rank"))
    return rank (argv[2]);
  g_printerr ("usage: bench-prep ledger FILE N | ledger-xlsx CSV OUT.xlsx | empty DB | months DB "
              "| approvals DB | ranking DB | rank DB\n");
  return 2;
}
