/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-contact-card.h"
#include "tj-date.h"
#include "tj-error.h"
#include "tj-project.h"

/* tuijin export contacts (--project NAME [--year Y] | --year Y) --output F.pdf [--date D]: the
 * 服务联系卡 of a project (of its latest year unless --year), or of every project of a year, one
 * card a page, naming the leaders as of the day (today by default). */

#define print_error tj_cli_print_error

/* The latest year's project named name, or that of year when given; 0 when none is. */
static gint64
find_project (TjDb       *db,
              const char *name,
              int         year,
              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare (db,
                        "SELECT id FROM projects WHERE name = ?1 AND (?2 = 0 OR year = ?2) "
                        "ORDER BY year DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return tj_db_rows_done (db, rc, error) ? 0 : -1;
}

int
tj_cli_run_export_contacts (TjDb  *db,
                            int    argc,
                            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *project = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "export contacts", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if ((project == NULL && year == 0) || output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      /* Translators: "export contacts 需要 --project 项目名称 或 --year 年度，以及 --output
       * 文件.pdf。" */
      print_error (_("%s needs --project NAME or --year Y, and --output FILE.pdf."),
                   "export contacts");
      return TJ_EXIT_USAGE;
    }
  if (year != 0 && !tj_year_check (year, &error))
    return tj_cli_bad_data (error);
  date = date_text != NULL ? tj_date_parse (date_text, &error) : tj_date_today ();
  if (date == NULL)
    return tj_cli_bad_data (error);

  if (project != NULL)
    {
      gint64 id = find_project (db, project, year, &error);

      if (id < 0)
        return tj_cli_bad_data (error);
      if (id == 0)
        {
          g_set_error (&error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("There is no project “%s”."),
                       project);
          return tj_cli_bad_data (error);
        }
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
    }
  else if ((ids = tj_contact_cards_year_projects (db, year, &error)) == NULL)
    return tj_cli_bad_data (error);

  if (!tj_contact_cards_write (db, (const gint64 *) (gpointer) ids->data, ids->len, date, output,
                               &error))
    return tj_cli_bad_data (error);
  /* Translators: "已将 3 张服务联系卡导出到 联系卡.pdf。" */
  g_print (ngettext ("Exported %1$u service contact card to %2$s.\n",
                     "Exported %1$u service contact cards to %2$s.\n", ids->len),
           ids->len, output);
  return TJ_EXIT_OK;
}
