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
 *                              suspended for a period, one in 7 not accepted yet */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bench-common.h"
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
fill_approvals (const char *db_path)
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
    for (guint k = 0; k < G_N_ELEMENTS (item_names); k++, n++)
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
        sqlite3_bind_text (insert, 2, item_names[k], -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 3, item_stages[k], -1, SQLITE_STATIC);
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
    return fill_approvals (argv[2]);
  g_printerr ("usage: bench-prep ledger FILE N | ledger-xlsx CSV OUT.xlsx | empty DB | months DB "
              "| approvals DB\n");
  return 2;
}
