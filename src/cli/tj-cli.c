/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tj-approval.h"
#include "tj-bulletin.h"
#include "tj-calendar.h"
#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-audit.h"
#include "tj-date.h"
#include "tj-db.h"
#include "tj-demo.h"
#include "tj-error.h"
#include "tj-inspection.h"
#include "tj-ledger.h"
#include "tj-matter.h"
#include "tj-matter-import.h"
#include "tj-matter-report.h"
#include "tj-problem.h"
#include "tj-element-report.h"
#include "tj-progress.h"
#include "tj-project.h"
#include "tj-register-report.h"
#include "tj-report-format.h"
#include "tj-statistics-entry.h"
#include "tj-element.h"
#include "tj-tour.h"
#include "tj-visit.h"

/* The reports an export command writes: one runner, run_export, serves them all. */
typedef enum
{
  TJ_EXPORT_NONE,
  TJ_EXPORT_PROJECTS,
  TJ_EXPORT_BULLETIN,
  TJ_EXPORT_APPROVALS,
  TJ_EXPORT_SPEEDUP,
  TJ_EXPORT_INSPECTIONS,
  TJ_EXPORT_MATTERS,
  TJ_EXPORT_FUNDS,
  TJ_EXPORT_STATS_ENTRY,
} TjExport;

typedef struct
{
  const char *name;  /* "import projects" */
  const char *usage; /* the arguments after the name */
  const char *summary;
  int (*run) (TjDb *db, int argc, char **argv);
  TjDbOpenFlags open_flags; /* read-only for commands that only read */
  TjExport export;          /* an export command's report; its run is run_export */
} TjCommand;

/* What an export command was given. */
typedef struct
{
  int year;
  int month; /* the bulletin's; 0 for the reports of a year */
  char *output;
  char *today; /* the approval reports': the day their figures are as of */
} TjExportRequest;

static int run_check (TjDb *db, int argc, char **argv);
static int run_restore (const char *db_path, int argc, char **argv);
static int run_backup (TjDb *db, int argc, char **argv);
static int run_demo (TjDb *db, int argc, char **argv);
static int run_import_projects (TjDb *db, int argc, char **argv);
static int run_import_progress (TjDb *db, int argc, char **argv);
static int run_import_holidays (TjDb *db, int argc, char **argv);
static int run_import_approvals (TjDb *db, int argc, char **argv);
static int run_import_inspections (TjDb *db, int argc, char **argv);
static int run_import_matters (TjDb *db, int argc, char **argv);
static int run_import_visits (TjDb *db, int argc, char **argv);
static int run_import_tour_scores (TjDb *db, int argc, char **argv);
static int run_import_funds (TjDb *db, int argc, char **argv);
static int run_export (TjDb *db, const TjCommand *command, int argc, char **argv);

static const TjCommand commands[] = {
  { "check", "", N_("Check the database and validate every record"), run_check,
    TJ_DB_OPEN_READ_ONLY },
  { "backup", "--output FILE", N_("Copy the database safely to FILE"), run_backup,
    TJ_DB_OPEN_READ_ONLY },
  { "restore", "FILE",
    N_("Put the backup FILE in place of the database, after checking it; the current file is "
       "kept beside it"),
    NULL },
  { "demo", "[--year Y]",
    N_("Fill an empty database with demo projects of year Y and the year before"), run_demo },
  { "import projects", "FILE [--sheet NAME] [--year Y] [--create-missing] [--dry-run]",
    N_("Import a year's project ledger (.xlsx, .xls or CSV); --create-missing creates "
       "the missing people only, units are added under Units and People first"),
    run_import_projects },
  { "import progress", "FILE [--sheet NAME] --month YYYY-MM [--dry-run]",
    N_("Import a month's progress reports (.xlsx, .xls or CSV)"), run_import_progress },
  { "import holidays", "FILE [--sheet NAME] [--dry-run]",
    N_("Import the holiday table of the years in FILE (.xlsx, .xls or CSV)"),
    run_import_holidays },
  { "export projects", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export a year's key-project list as a workbook or a PDF, or as a ledger for import"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_PROJECTS },
  { "export bulletin", "--month YYYY-MM --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the monthly bulletin as a workbook or a PDF, or its detail table as CSV"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_BULLETIN },
  { "import approvals", "FILE [--sheet NAME] [--year Y] [--dry-run]",
    N_("Import approval items (.xlsx, .xls or CSV): projects on the list of each item's "
       "acceptance year, or of year Y"),
    run_import_approvals },
  { "export approvals", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv [--today YYYY-MM-DD]",
    N_("Export the ledger of agency cases and approval items as a workbook or a PDF, or its "
       "items as CSV"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_APPROVALS },
  { "export speedup", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv [--today YYYY-MM-DD]",
    N_("Export the approval speed-up by department and the parallel batches as a workbook or a "
       "PDF, or the departments as CSV"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_SPEEDUP },
  { "import inspections", "FILE [--sheet NAME] --year Y [--dry-run]",
    N_("Import site inspections of the projects on year Y's list (.xlsx, .xls or CSV)"),
    run_import_inspections },
  { "export inspections", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the site inspection ledger of year Y as a workbook, a PDF or CSV"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_INSPECTIONS },
  { "export inspection-record", "--id N --output FILE.pdf",
    N_("Export the record of site inspection N with its photos as a PDF"),
    tj_cli_run_export_record, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export meeting-pack", "--date YYYY-MM-DD --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the meeting pack of the monthly meeting on a day: the matters new since the last "
       "one, in progress, overdue and closed, with their reports"),
    tj_cli_run_export_meeting_pack, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "issue bulletin", "--month YYYY-MM --by NAME [--date YYYY-MM-DD]",
    N_("Issue the month's bulletin: its monthly reports are locked from then on"),
    tj_cli_run_issue_bulletin },
  { "unlock bulletin", "--month YYYY-MM --by NAME --reason TEXT",
    N_("Unlock an issued month's reports for a change, giving the reason"),
    tj_cli_run_unlock_bulletin },
  { "import matters", "FILE [--sheet NAME] --year Y [--dry-run]",
    N_("Import meeting matters (.xlsx, .xls or CSV), projects on the year's list; a matter "
       "is known by its meeting (date, type, name) and its content, so importing again updates "
       "it"),
    run_import_matters },
  { "import visits", "FILE [--sheet NAME] [--dry-run]",
    N_("Import the visits of city leaders and service officers to projects (.xlsx, .xls or "
       "CSV), each project on the list of its visit's year; a visit is known by its project, "
       "visitor and date"),
    run_import_visits },
  { "import tour-scores", "FILE [--sheet NAME] --date YYYY-MM-DD [--dry-run]",
    N_("Import the panel's scores of the tour on a day (.xlsx, .xls or CSV): a row per project, "
       "a column per criterion"),
    run_import_tour_scores },
  { "import funds", "FILE [--sheet NAME] --year Y [--dry-run]",
    N_("Import the projects' needs for funds and quotas (.xlsx, .xls or CSV), projects on the "
       "year's list; a need is known by its project, kind and date of request"),
    run_import_funds },
  { "export matters", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv [--as-of YYYY-MM-DD]",
    N_("Export the ledger of meeting matters with their status as of a day (today by default)"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_MATTERS },
  { "export accountability",
    "--from YYYY-MM-DD --to YYYY-MM-DD --output FILE.xlsx|FILE.pdf|FILE.csv [--as-of YYYY-MM-DD]",
    N_("Export the accountability list of a period: overdue matters and rectifications, false "
       "or concealed reporting found on inspection, red lights two months running"),
    tj_cli_run_export_accountability, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export ranking", "--quarter YYYY-QN --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the quarterly ranking of the townships: the five indicators, the deductions, the "
       "scores and ranks, the red and black lists"),
    tj_cli_run_export_ranking, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export assessment", "--year Y [--half] --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the half-year or annual assessment: each quarter's score and rank, the mean, the "
       "final rank, the months on schedule and the grade"),
    tj_cli_run_export_assessment, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export contacts", "--project NAME [--year Y] | --year Y --output FILE.pdf [--date YYYY-MM-DD]",
    N_("Export the service contact card of a project, or of every project of a year, as a PDF: "
       "its city leader (the acting one during a delegation), service officer, locality contact "
       "and service centre"),
    tj_cli_run_export_contacts, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export tour", "--date YYYY-MM-DD --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export an observation tour's scores and ranking"),
    tj_cli_run_export_tour, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "export funds", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the ledger of unmet needs for funds and quotas of year Y's projects"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_FUNDS },
  { "export stats-entry", "--year Y --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the projects of year Y meeting the statistics entry condition but not entered, "
       "for the statistics bureau, with the entry rate per locality"),
    NULL, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT, TJ_EXPORT_STATS_ENTRY },
  { "export kit", "--month YYYY-MM --output FOLDER [--deadline YYYY-MM-DD]",
    N_("Write the month's fill-in kits, one protected workbook per locality"),
    tj_cli_run_export_kit, TJ_DB_OPEN_HEALTHY },
  { "import kit", "FOLDER-or-FILE…",
    N_("Import the returned fill-in kits together, all or nothing"), tj_cli_run_import_kit },
  { "record follow-up",
    "--year Y --project NAME --date YYYY-MM-DD --note TEXT [--by NAME]",
    N_("Record what was done to get a project of year Y entered in the statistics"),
    tj_cli_run_record_follow_up },
  { "export exits", "--year Y [--as-of YYYY-MM-DD] --output FILE.xlsx|FILE.pdf|FILE.csv",
    N_("Export the list of projects proposed for exit (by rule and by hand) for the government"),
    tj_cli_run_export_exits, TJ_DB_OPEN_READ_ONLY | TJ_DB_OPEN_HEALTHY_BEFORE_COMMIT },
  { "propose exit", "--year Y --project NAME --date YYYY-MM-DD --reason TEXT",
    N_("Propose a project's exit by hand, with the reason"),
    tj_cli_run_propose_exit },
  { "decide exit",
    "--year Y --project NAME --date YYYY-MM-DD --document NO [--land MU --land-date YYYY-MM-DD]",
    N_("Record the government's exit decision of a project: its date, document number and the "
       "land recovered"),
    tj_cli_run_decide_exit },
};

#define print_error tj_cli_print_error

void
tj_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("tuijin: %s\n", message);
}

/* One entry of the help: its syntax, then what it does on the next line, indented, so that the
 * descriptions line up however long a command's syntax is. */
static void
print_entry (FILE       *out,
             const char *syntax,
             const char *summary)
{
  fprintf (out, "  %s\n      %s\n", syntax, summary);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: tuijin [--db FILE] [COMMAND] [OPTIONS]"));
  fprintf (out, "\n%s\n", _("Without a command, Tuijin opens its window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);

      print_entry (out, g_strstrip (line), _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  print_entry (out, "--db FILE", _("Use this database instead of the default one"));
  print_entry (out, "--help", _("Show this help"));
  print_entry (out, "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 success, 1 bad data, 2 bad usage."));
}

/* Finds the command named by the words after the global options. Returns the index of the first
 * argument after the command's name, or -1. */
static const TjCommand *
find_command (int    argc,
              char **argv,
              int    first,
              int   *next)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (GStrv) words = g_strsplit (commands[i].name, " ", -1);
      guint n = g_strv_length (words);
      gboolean match = first + (int) n <= argc;

      for (guint w = 0; match && w < n; w++)
        match = g_str_equal (argv[first + w], words[w]);
      if (match)
        {
          *next = first + n;
          return &commands[i];
        }
    }
  return NULL;
}

/* Global options come first: --db FILE, --help, --version. Returns the index of the first word
 * that is not one, or -1 on bad usage. */
static int
parse_global (int     argc,
              char  **argv,
              char  **db_path,
              gboolean *help,
              gboolean *version)
{
  int i = 1;

  while (i < argc)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (*db_path);
          *db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (*db_path);
          *db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          *help = TRUE;
          i++;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          *version = TRUE;
          i++;
        }
      else if (g_str_equal (argv[i], "--db"))
        return -1;
      else
        break;
    }
  return i;
}

gboolean
tj_cli_wants_window (int    argc,
                     char **argv,
                     char **db_path)
{
  gboolean help = FALSE, version = FALSE;
  int first = parse_global (argc, argv, db_path, &help, &version);

  return first == argc && !help && !version;
}

static void
say_waiting (TjDb    *db,
             gpointer user_data)
{
  print_error (_("Another program is writing the database; waiting for it to finish…"));
}

int
tj_cli_run (int    argc,
            char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr (TjDb) db = NULL;
  g_autoptr (GError) error = NULL;
  gboolean help = FALSE, version = FALSE;
  const TjCommand *command;
  int first, next = 0;

  first = parse_global (argc, argv, &db_path, &help, &version);
  if (version)
    {
      g_print ("tuijin %s\n", PACKAGE_VERSION);
      return TJ_EXIT_OK;
    }
  if (first < 0)
    {
      print_error ("%s", _("--db needs a file name."));
      return TJ_EXIT_USAGE;
    }
  if (help && first == argc)
    {
      print_usage (stdout);
      return TJ_EXIT_OK;
    }
  command = find_command (argc, argv, first, &next);
  if (command == NULL)
    {
      print_error (_("Unknown command “%s”. Run “tuijin --help” for the list."), argv[first]);
      return TJ_EXIT_USAGE;
    }
  if (help)
    {
      g_print ("%s: tuijin %s %s\n%s\n", _("Usage"), command->name, command->usage,
               _(command->summary));
      return TJ_EXIT_OK;
    }

  if (db_path == NULL)
    db_path = tj_db_default_path ();
  /* restore works on a file that may be too damaged to open */
  if (command->run == NULL && command->export == TJ_EXPORT_NONE)
    return run_restore (db_path, argc - next, argv + next);
  db = tj_db_open_full (db_path, command->open_flags, &error);
  if (db == NULL)
    return tj_cli_bad_data (error);
  tj_db_set_wait_notify (db, say_waiting, NULL);
  if (command->export != TJ_EXPORT_NONE)
    return run_export (db, command, argc - next, argv + next);
  return command->run (db, argc - next, argv + next);
}

/* Parses a command's own options (entries, or NULL for none); rest receives what is left after
 * them, the n_positional file names the command takes. FALSE after printing what is wrong. */
gboolean
tj_cli_parse_options (int           argc,
                      char        **argv,
                      const char   *name,
                      GOptionEntry *entries,
                      int           n_positional,
                      char       ***rest)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 2);

  args[0] = g_strdup (name);
  for (int i = 0; i < argc; i++)
    args[i + 1] = g_strdup (argv[i]);
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  if (n_positional == 0 && args[1] != NULL)
    {
      /* Translators: "“issue bulletin” 不接受参数“x”。" */
      print_error (_("“%s” takes no argument “%s”."), name, args[1]);
      return FALSE;
    }
  /* n_positional -1: any number of them */
  if (n_positional >= 0 && (int) g_strv_length (args) - 1 != n_positional)
    {
      print_error (_("“%s” takes %d file name(s)."), name, n_positional);
      return FALSE;
    }
  if (rest != NULL)
    *rest = g_strdupv (args + 1);
  return TRUE;
}

/* Prints why the command could not do its work; returns the exit status that says so. */
int
tj_cli_bad_data (const GError *error)
{
  print_error ("%s", error->message);
  return TJ_EXIT_BAD_DATA;
}

/* FALSE after printing what is wrong when year is not one Tuijin keeps. */
gboolean
tj_cli_check_year (int year)
{
  g_autoptr (GError) error = NULL;

  if (tj_year_check (year, &error))
    return TRUE;
  print_error ("--year: %s", error->message);
  return FALSE;
}

/* FALSE after printing what is wrong when the output's extension names no format a report is
 * written as (tj-report-format). */
gboolean
tj_cli_check_output (const char *output)
{
  g_autoptr (GError) error = NULL;

  if (tj_report_format_from_path (output, NULL, &error))
    return TRUE;
  print_error ("%s", error->message);
  return FALSE;
}

/* The day given as --name (YYYY-MM-DD) in *day; FALSE after printing what is wrong. */
gboolean
tj_cli_parse_day (const char *name,
                  const char *text,
                  char      **day)
{
  g_autoptr (GError) error = NULL;

  if ((*day = tj_date_parse (text, &error)) != NULL)
    return TRUE;
  print_error ("--%s: %s", name, error->message);
  return FALSE;
}

/* An export of the report of one day (--date D --output F): written by write, then message
 * printed with the day and the output (in that order). */
int
tj_cli_run_export_of_day (TjDb           *db,
                          int             argc,
                          char          **argv,
                          const char     *name,
                          TjCliDayWriter  write,
                          const char     *message)
{
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, name, entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (date_text == NULL || output == NULL)
    {
      /* Translators: "export meeting-pack 需要 --date 会议日期 和 --output 文件.xlsx、文件.pdf 或
       * 文件.csv。" */
      print_error (_("%s needs --date YYYY-MM-DD and --output FILE.xlsx, FILE.pdf or FILE.csv."),
                   name);
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_day ("date", date_text, &date) || !tj_cli_check_output (output))
    return TJ_EXIT_USAGE;
  if (!write (db, date, output, &error))
    return tj_cli_bad_data (error);
  g_print (message, date, output);
  return TJ_EXIT_OK;
}

/* --month YYYY-MM of a month Tuijin keeps; FALSE after printing what is wrong. */
gboolean
tj_cli_parse_month (const char *text,
                    int        *year,
                    int        *month)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *parsed = tj_month_parse (text, &error);

  if (parsed == NULL)
    {
      print_error ("--month: %s", error->message);
      return FALSE;
    }
  *year = atoi (parsed);
  *month = atoi (parsed + 5);
  if (!tj_year_month_check (*year, *month, &error))
    {
      print_error ("--month: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* What an import command was given, and what its import returned. */
typedef struct
{
  char **files; /* the one file */
  char *sheet;  /* a workbook's sheet, or NULL for its first */
  gboolean dry_run;
  TjImportResult *result;
  GError *error;
} TjImportCommand;

static void
import_command_clear (TjImportCommand *import)
{
  g_clear_pointer (&import->files, g_strfreev);
  g_clear_pointer (&import->sheet, g_free);
  g_clear_pointer (&import->result, tj_import_result_free);
  g_clear_error (&import->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TjImportCommand, import_command_clear)

/* An import command's options: the file, --dry-run, --sheet (a workbook's sheet, the imports
 * on db read it) and the command's own (options, up to three and NULL-terminated, or NULL).
 * FALSE after printing what is wrong. */
static gboolean
parse_import (TjDb               *db,
              int                 argc,
              char              **argv,
              const char         *name,
              const GOptionEntry *options,
              TjImportCommand    *import)
{
  GOptionEntry entries[6] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &import->dry_run, NULL, NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &import->sheet, NULL, NULL },
  };

  for (guint i = 0; options != NULL && options[i].long_name != NULL; i++)
    {
      g_assert (i + 3 < G_N_ELEMENTS (entries));
      entries[i + 2] = options[i];
    }
  if (!tj_cli_parse_options (argc, argv, name, entries, 1, &import->files))
    return FALSE;
  tj_import_set_sheet (db, import->sheet);
  return TRUE;
}

/* Prints an import's warnings and, when it failed (ok FALSE), its errors each after the file's
 * name, the names it did not find, and why it stopped. Returns ok. */
static gboolean
import_done (TjImportCommand *import,
             gboolean         ok)
{
  TjImportResult *result = import->result;
  const char *file = import->files[0];

  for (guint i = 0; i < result->warnings->len; i++)
    print_error (_("%s: %s"), file, (char *) g_ptr_array_index (result->warnings, i));
  if (ok)
    return TRUE;
  for (guint i = 0; i < result->errors->len; i++)
    print_error (_("%s: %s"), file, (char *) g_ptr_array_index (result->errors, i));
  if (result->missing->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (result->missing, NULL);
      names = g_strjoinv (_(", "), (char **) result->missing->pdata);
      print_error (_("Not in the lists of units and people: %s. Add the units under Units "
                     "and People first; --create-missing creates only the missing people."),
                   names);
    }
  tj_cli_bad_data (import->error);
  return FALSE;
}

/* Prints what the import would do (would: a dry run, nothing written) or did, both formats
 * taking the records added, then updated. */
static void
print_added_updated (const TjImportCommand *import,
                     const char            *would,
                     const char            *did)
{
  g_print (import->dry_run ? would : did, import->result->added, import->result->updated);
}

static int
run_backup (TjDb  *db,
            int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "backup", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  if (output == NULL)
    {
      print_error ("%s", _("backup needs --output FILE."));
      return TJ_EXIT_USAGE;
    }
  if (!tj_db_backup (db, output, &error))
    return tj_cli_bad_data (error);
  g_print (_("Backed up to %s and verified.\n"), output);
  return TJ_EXIT_OK;
}

static int
run_demo (TjDb  *db,
          int    argc,
          char **argv)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) previous = NULL;
  g_autoptr (GError) error = NULL;
  int year = g_date_time_get_year (now);
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, "demo", entries, 0, NULL))
    return TJ_EXIT_USAGE;
  /* the demo fills the year before too */
  if (year <= TJ_YEAR_FIRST || year > TJ_YEAR_LAST)
    {
      print_error (_("demo: --year must be between %d and %d."), TJ_YEAR_FIRST + 1, TJ_YEAR_LAST);
      return TJ_EXIT_USAGE;
    }
  if (!tj_demo_fill (db, year, &error))
    return tj_cli_bad_data (error);
  current = tj_project_list (db, year, &error);
  if (current != NULL)
    previous = tj_project_list (db, year - 1, &error);
  if (previous == NULL)
    return tj_cli_bad_data (error);
  /* Translators: "已写入演示数据：2026年 128 个项目，2025年 112 个项目" */
  g_print (_("Demo data written: %1$d, %2$u projects; %3$d, %4$u projects.\n"), year,
           current->len, year - 1, previous->len);
  return TJ_EXIT_OK;
}

static int
run_import_projects (TjDb  *db,
                     int    argc,
                     char **argv)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_auto (TjImportCommand) import = { 0 };
  gboolean create_missing = FALSE;
  int year = g_date_time_get_year (now);
  const GOptionEntry options[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "create-missing", 0, 0, G_OPTION_ARG_NONE, &create_missing, NULL, NULL },
    { NULL },
  };

  if (!parse_import (db, argc, argv, "import projects", options, &import) ||
      !tj_cli_check_year (year))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, tj_ledger_import (db, import.files[0], year, create_missing,
                                               import.dry_run, &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  print_added_updated (&import,
                       _("Dry run, nothing was written. Projects to add: %u; to update: %u.\n"),
                       _("Projects added: %u; updated: %u.\n"));
  return TJ_EXIT_OK;
}

static int
run_import_progress (TjDb  *db,
                     int    argc,
                     char **argv)
{
  g_auto (TjImportCommand) import = { 0 };
  g_autofree char *month_text = NULL;
  const GOptionEntry options[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { NULL },
  };
  int year, number;
  guint added, updated, removed;

  if (!parse_import (db, argc, argv, "import progress", options, &import))
    return TJ_EXIT_USAGE;
  if (month_text == NULL)
    {
      print_error ("%s", _("import progress needs --month YYYY-MM, e.g. --month 2026-10."));
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_month (month_text, &year, &number))
    return TJ_EXIT_USAGE;

  if (!import_done (&import, tj_progress_import (db, import.files[0], year, number,
                                                 import.dry_run, &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  added = import.result->added;
  updated = import.result->updated;
  removed = import.result->removed;
  /* What a dry run would do is said in the future, what an import did in the past. */
  if (import.dry_run)
    /* Translators: "试导入，未写入任何数据：2026年10月 月报将导入 84 个项目。" */
    g_print (ngettext ("Dry run, nothing was written. Monthly reports of %d-%02d to import: %u "
                       "project.\n",
                       "Dry run, nothing was written. Monthly reports of %d-%02d to import: %u "
                       "projects.\n",
                       added + updated),
             year, number, added + updated);
  else
    /* Translators: "已导入 2026年10月 月报：84 个项目。" */
    g_print (ngettext ("Imported the monthly reports of %d-%02d: %u project.\n",
                       "Imported the monthly reports of %d-%02d: %u projects.\n", added + updated),
             year, number, added + updated);
  if (import.dry_run)
    /* Translators: "其中将新增 40 份、将替换 5 份本月月报，将删除 2 份（其项目不在文件中）。" */
    g_print (_("Reports of the month to add: %u; to replace: %u; to remove (their projects are "
               "not in the file): %u.\n"),
             added, updated, removed);
  else
    /* Translators: "其中已新增 40 份、已替换 5 份本月月报，已删除 2 份（其项目不在文件中）。" */
    g_print (_("Reports of the month added: %u; replaced: %u; removed (their projects are not "
               "in the file): %u.\n"),
             added, updated, removed);
  return TJ_EXIT_OK;
}

/* 推进机制 (三): the calendar of every approval time limit. Each year in the file replaces that
 * year's table. */
static int
run_import_holidays (TjDb  *db,
                     int    argc,
                     char **argv)
{
  g_auto (TjImportCommand) import = { 0 };

  if (!parse_import (db, argc, argv, "import holidays", NULL, &import))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, tj_holidays_import (db, import.files[0], import.dry_run,
                                                 &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  if (import.dry_run)
    /* Translators: "试导入，未写入任何数据：将导入 33 天，替换原有的 33 天。" */
    g_print (_("Dry run, nothing was written. Days to import: %u; days they replace: %u.\n"),
             import.result->added, import.result->updated);
  else
    /* Translators: "已导入节假日安排：33 天（替换原有的 33 天）。" */
    g_print (ngettext ("Imported the holiday table: %u day (replacing %u).\n",
                       "Imported the holiday table: %u days (replacing %u).\n",
                       import.result->added),
             import.result->added, import.result->updated);
  return TJ_EXIT_OK;
}

/* Prints why the check could not read something: that is a failed check, never "no problems". */
#define unreadable tj_cli_unreadable
guint
tj_cli_unreadable (const char *what,
                   GError     *error)
{
  print_error (_("Could not read %s: %s"), what, error->message);
  return 1;
}

/* The year's agency cases and approval items, validated as the forms do. */
static guint
check_approvals (TjDb  *db,
                 int    year,
                 guint *checked)
{
  g_autofree char *today = tj_date_today ();
  g_autoptr (GError) items_error = NULL;
  g_autoptr (GError) cases_error = NULL;
  g_autoptr (GPtrArray) items = tj_approval_item_list (db, year, today, &items_error);
  g_autoptr (GPtrArray) cases = tj_agency_case_list (db, year, &cases_error);
  guint found = 0;

  if (items == NULL)
    found += unreadable (_("the approval items"), items_error);
  if (cases == NULL)
    found += unreadable (_("the agency cases"), cases_error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TjApprovalItem *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) problems = tj_approval_item_validate (item, db);

      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        {
          TjProblem *problem = g_ptr_array_index (problems, k);

          print_error (_("%d “%s”, approval item “%s”, %s: %s"), year, item->project_name,
                       item->name, tj_approval_field_label (problem->field), problem->message);
        }
    }
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      TjAgencyCase *agency_case = g_ptr_array_index (cases, i);
      g_autoptr (GPtrArray) problems = tj_agency_case_validate (agency_case, db);

      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        {
          TjProblem *problem = g_ptr_array_index (problems, k);

          print_error (_("%d “%s”, agency case of %s: %s"), year, agency_case->project_name,
                       agency_case->entrusted != NULL ? agency_case->entrusted : "",
                       problem->message);
        }
    }
  return found;
}

/* The inspections of the year's projects, each with its findings and rectifications, validated
 * as the form does (tj_inspection_validate). */
static guint
check_inspections (TjDb  *db,
                   int    year,
                   guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) inspections = tj_inspection_list (db, year, &error);
  guint found = 0;

  if (inspections == NULL)
    return unreadable (_("the inspections"), error);
  for (guint i = 0; i < inspections->len; i++)
    {
      TjInspection *listed = g_ptr_array_index (inspections, i);
      g_autoptr (TjInspection) inspection = tj_inspection_load (db, listed->id, &error);
      g_autoptr (GPtrArray) problems = NULL;

      if (inspection == NULL)
        {
          found += unreadable (_("the inspections"), error);
          g_clear_error (&error);
          continue;
        }
      problems = tj_inspection_validate (inspection, db);
      (*checked)++;
      for (guint k = 0; k < problems->len; k++, found++)
        /* Translators: "2026 “嵩阳街道污水处理厂”，2026-04-10 的巡查：核实累计：金额不能为负数。" */
        print_error (_("%d “%s”, inspection of %s: %s"), year, listed->project_name,
                     listed->date != NULL ? listed->date : "",
                     ((TjProblem *) g_ptr_array_index (problems, k))->message);
    }
  return found;
}

/* Every meeting and its matters (with their extensions and reports), validated as the forms do
 * (tj_meeting_validate, tj_matter_validate), year by year of the meetings' dates. */
static guint
check_matters (TjDb  *db,
               guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) years = tj_meeting_years (db, &error);
  guint found = 0;

  if (years == NULL)
    return unreadable (_("the meetings"), error);
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      g_autoptr (GPtrArray) meetings = tj_meeting_list (db, year, &error);
      g_autoptr (GPtrArray) matters = NULL;

      if (meetings == NULL)
        {
          found += unreadable (_("the meetings"), error);
          g_clear_error (&error);
        }
      for (guint i = 0; meetings != NULL && i < meetings->len; i++)
        {
          TjMeeting *meeting = g_ptr_array_index (meetings, i);
          g_autofree char *date = g_strdup (meeting->date);
          g_autofree char *name = g_strdup (meeting->name);
          g_autoptr (GPtrArray) problems = tj_meeting_validate (meeting);

          (*checked)++;
          for (guint k = 0; k < problems->len; k++, found++)
            /* Translators: "2026-03-05 的会议“3月份月例会”：会议名称为必填项。" */
            print_error (_("Meeting “%2$s” of %1$s: %3$s"), date != NULL ? date : "",
                         name != NULL ? name : "",
                         ((TjProblem *) g_ptr_array_index (problems, k))->message);
        }
      matters = tj_matter_list (db, year, 0, &error);
      if (matters == NULL)
        {
          found += unreadable (_("the meeting matters"), error);
          g_clear_error (&error);
        }
      for (guint i = 0; matters != NULL && i < matters->len; i++)
        {
          TjMatter *matter = g_ptr_array_index (matters, i);
          g_autofree char *content = g_strdup (matter->content);
          g_autoptr (GPtrArray) problems = tj_matter_validate (matter, db);

          (*checked)++;
          for (guint k = 0; k < problems->len; k++, found++)
            /* Translators: "2026-03-05 的会议“3月份月例会”，事项“完成征地”：办结期限不能早于交办日期。" */
            print_error (_("Meeting “%2$s” of %1$s, matter “%3$s”: %4$s"),
                         matter->meeting_date != NULL ? matter->meeting_date : "",
                         matter->meeting_name != NULL ? matter->meeting_name : "",
                         content != NULL ? content : "",
                         ((TjProblem *) g_ptr_array_index (problems, k))->message);
        }
    }
  return found;
}

/* SQLite's own checks: the file's integrity, then the references between records. */
static guint
check_database (TjDb *db)
{
  static const struct
  {
    const char *pragma;
    const char *what;
  } checks[] = {
    { "PRAGMA integrity_check", N_("the database") },
    { "PRAGMA foreign_key_check", N_("the references between records") },
  };
  guint found = 0;

  for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (sqlite3_stmt) stmt = tj_db_prepare (db, checks[c].pragma, &error);
      int rc = SQLITE_DONE;

      while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (c == 0 && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
            continue;
          if (c == 0)
            print_error (_("Integrity: %s"), sqlite3_column_text (stmt, 0));
          else
            print_error (_("Table %s, record %lld refers to a missing record in %s."),
                         sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_text (stmt, 2));
          found++;
        }
      if (stmt == NULL || !tj_db_rows_done (db, rc, &error))
        found += unreadable (_(checks[c].what), error);
    }
  return found;
}

/* The audit log: the hash chain, then every record held to the log. audit_rows: the rows of an
 * intact chain. */
static guint
check_audit_log (TjDb   *db,
                 gint64 *audit_rows)
{
  g_autoptr (GPtrArray) log_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  gint64 first_broken = 0;
  guint found = 0;

  if (!tj_audit_verify_chain (db, &first_broken, audit_rows, &error))
    {
      found += unreadable (_("the audit log"), error);
      g_clear_error (&error);
    }
  else if (first_broken != 0)
    {
      print_error (_("The audit log was changed behind Tuijin's back: its chain breaks at row "
                     "%lld."),
                   (long long) first_broken);
      found++;
    }
  if (!tj_audit_verify_records (db, log_problems, &error))
    found += unreadable (_("the audit log"), error);
  for (guint i = 0; i < log_problems->len; i++, found++)
    print_error ("%s", (const char *) g_ptr_array_index (log_problems, i));
  return found;
}

/* Every year's projects (with their visits, needs and statistics follow-ups), agency cases,
 * approval items and inspections, every meeting and matter, every delegation and tour, validated
 * as the forms do. */
static guint
check_records (TjDb  *db,
               guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) years = tj_project_years (db, &error);
  guint found = 0;

  if (years == NULL)
    return unreadable (_("the project list"), error);
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      g_autoptr (GPtrArray) projects = tj_project_list (db, year, &error);

      if (projects == NULL)
        {
          found += unreadable (_("the project list"), error);
          g_clear_error (&error);
        }
      for (guint i = 0; projects != NULL && i < projects->len; i++)
        {
          TjProject *project = g_ptr_array_index (projects, i);
          g_autoptr (GPtrArray) problems = tj_project_validate (project, db);

          (*checked)++;
          for (guint k = 0; k < problems->len; k++, found++)
            {
              TjProblem *problem = g_ptr_array_index (problems, k);

              print_error (_("%d “%s”, %s: %s"), project->year, project->name,
                           tj_project_field_label (problem->field), problem->message);
            }
          found += tj_cli_check_project_records (db, project, checked);
        }
      found += check_approvals (db, year, checked);
      found += check_inspections (db, year, checked);
    }
  return found + check_matters (db, checked) + tj_cli_check_mechanism (db, checked);
}

static int
run_check (TjDb  *db,
           int    argc,
           char **argv)
{
  guint problems_found, checked = 0;
  gint64 audit_rows = 0;

  if (!tj_cli_parse_options (argc, argv, "check", NULL, 0, NULL))
    return TJ_EXIT_USAGE;
  problems_found = check_database (db);
  problems_found += check_audit_log (db, &audit_rows);
  problems_found += check_records (db, &checked);

  if (problems_found > 0)
    {
      print_error (ngettext ("%u problem found.", "%u problems found.", problems_found),
                   problems_found);
      return TJ_EXIT_BAD_DATA;
    }
  g_print (ngettext ("Checked %u record: no problems.\n", "Checked %u records: no problems.\n",
                     checked),
           checked);
  g_print (ngettext ("The audit log's %lld row is intact.\n",
                     "The audit log's %lld rows are intact.\n", audit_rows),
           (long long) audit_rows);
  return TJ_EXIT_OK;
}

static int
run_restore (const char *db_path,
             int         argc,
             char      **argv)
{
  g_auto (GStrv) files = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TjDb) db = NULL;

  if (!tj_cli_parse_options (argc, argv, "restore", NULL, 1, &files))
    return TJ_EXIT_USAGE;
  if (!tj_db_restore (db_path, files[0], &kept, &error))
    return tj_cli_bad_data (error);
  if (kept != NULL)
    g_print (_("The file as it was is kept as %s.\n"), kept);
  /* An older copy is brought to this version's schema, with its own backup first. */
  db = tj_db_open (db_path, &error);
  if (db == NULL)
    return tj_cli_bad_data (error);
  g_print (_("Restored %s from %s.\n"), db_path, files[0]);
  return TJ_EXIT_OK;
}

/* 推进机制 (三)(四): approval items, each project matched by name on the list of the item's
 * acceptance year, or of --year. */
static int
run_import_approvals (TjDb  *db,
                      int    argc,
                      char **argv)
{
  g_auto (TjImportCommand) import = { 0 };
  int year = 0; /* none given: each row's acceptance year */
  const GOptionEntry options[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL },
  };

  if (!parse_import (db, argc, argv, "import approvals", options, &import) ||
      (year != 0 && !tj_cli_check_year (year)))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, tj_approval_import (db, import.files[0], year, import.dry_run,
                                                 &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  print_added_updated (
    &import,
    /* Translators: "试导入，未写入任何数据：将新增审批事项 12 项，更新 3 项。" */
    _("Dry run, nothing was written. Approval items to add: %u; to update: %u.\n"),
    /* Translators: "已新增审批事项 12 项，更新 3 项。" */
    _("Approval items added: %u; updated: %u.\n"));
  return TJ_EXIT_OK;
}

/* An import of records whose projects are on the list of --year: the file, --year and
 * --dry-run read as command calls them, the import run, its outcome told with added and
 * updated, in the words dry_run_done ("将新增…") or done ("已新增…"). */
typedef gboolean (*TjYearImportFunc) (TjDb            *db,
                                      const char      *path,
                                      int              year,
                                      gboolean         dry_run,
                                      TjImportResult **result,
                                      GError         **error);

static int
run_import_of_year (TjDb             *db,
                    int               argc,
                    char            **argv,
                    const char       *command,
                    TjYearImportFunc  run,
                    const char       *dry_run_done,
                    const char       *done)
{
  g_auto (TjImportCommand) import = { 0 };
  int year = 0;
  const GOptionEntry options[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL },
  };

  if (!parse_import (db, argc, argv, command, options, &import))
    return TJ_EXIT_USAGE;
  if (year == 0)
    {
      print_error (_("%s needs --year Y."), command);
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_check_year (year))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, run (db, import.files[0], year, import.dry_run, &import.result,
                                  &import.error)))
    return TJ_EXIT_BAD_DATA;
  print_added_updated (&import, dry_run_done, done);
  return TJ_EXIT_OK;
}

/* 巡查记录 of year's list, each project matched by name. */
static int
run_import_inspections (TjDb  *db,
                        int    argc,
                        char **argv)
{
  return run_import_of_year (
    db, argc, argv, "import inspections", tj_inspection_import,
    /* Translators: "试导入，未写入任何数据：将新增巡查记录 12 条，更新 3 条。" */
    _("Dry run, nothing was written. Inspections to add: %u; to update: %u.\n"),
    /* Translators: "已新增巡查记录 12 条，更新 3 条。" */
    _("Inspections added: %u; updated: %u.\n"));
}

/* 一事一议: the matters decided at meetings, projects on the list of --year. */
static int
run_import_matters (TjDb  *db,
                    int    argc,
                    char **argv)
{
  return run_import_of_year (
    db, argc, argv, "import matters", tj_matter_import,
    /* Translators: "试导入，未写入任何数据：将新增议定事项 12 项，更新 3 项。" */
    _("Dry run, nothing was written. Matters to add: %u; to update: %u.\n"),
    /* Translators: "已新增议定事项 12 项，更新 3 项。" */
    _("Matters added: %u; updated: %u.\n"));
}

/* 调研走访: each project on the list of its visit's year. */
static int
run_import_visits (TjDb  *db,
                   int    argc,
                   char **argv)
{
  g_auto (TjImportCommand) import = { 0 };

  if (!parse_import (db, argc, argv, "import visits", NULL, &import))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, tj_visit_import (db, import.files[0], import.dry_run,
                                              &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  print_added_updated (
    &import,
    /* Translators: "试导入，未写入任何数据：将新增走访记录 12 条，更新 3 条。" */
    _("Dry run, nothing was written. Visits to add: %u; to update: %u.\n"),
    /* Translators: "已新增走访记录 12 条，更新 3 条。" */
    _("Visits added: %u; updated: %u.\n"));
  return TJ_EXIT_OK;
}

/* 观摩评分: the scores of the tour on --date. */
static int
run_import_tour_scores (TjDb  *db,
                        int    argc,
                        char **argv)
{
  g_auto (TjImportCommand) import = { 0 };
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry options[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, NULL, NULL },
    { NULL },
  };

  if (!parse_import (db, argc, argv, "import tour-scores", options, &import))
    return TJ_EXIT_USAGE;
  if (date_text == NULL)
    {
      print_error (_("%s needs --date YYYY-MM-DD."), "import tour-scores");
      return TJ_EXIT_USAGE;
    }
  if (!tj_cli_parse_day ("date", date_text, &date))
    return TJ_EXIT_USAGE;
  if (!import_done (&import, tj_tour_import_scores (db, import.files[0], date, import.dry_run,
                                                    &import.result, &import.error)))
    return TJ_EXIT_BAD_DATA;
  print_added_updated (
    &import,
    /* Translators: "试导入，未写入任何数据：将新评分项目 12 个，更新 3 个。" */
    _("Dry run, nothing was written. Projects to score: %u; to score again: %u.\n"),
    /* Translators: "已新评分项目 12 个，更新 3 个。" */
    _("Projects scored: %u; scored again: %u.\n"));
  return TJ_EXIT_OK;
}

/* 要素保障: needs for funds and quotas of the projects on --year's list. */
static int
run_import_funds (TjDb  *db,
                  int    argc,
                  char **argv)
{
  return run_import_of_year (
    db, argc, argv, "import funds", tj_element_import,
    /* Translators: "试导入，未写入任何数据：将新增要素需求 12 项，更新 3 项。" */
    _("Dry run, nothing was written. Needs to add: %u; to update: %u.\n"),
    /* Translators: "已新增要素需求 12 项，更新 3 项。" */
    _("Needs added: %u; updated: %u.\n"));
}

static void
export_request_clear (TjExportRequest *request)
{
  g_clear_pointer (&request->output, g_free);
  g_clear_pointer (&request->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TjExportRequest, export_request_clear)

/* The options of an export command: --output, the period (--month for the bulletin, --year for
 * the others) and, for the approval reports, --today. FALSE after printing what is wrong. */
static gboolean
parse_export (int              argc,
              char           **argv,
              const TjCommand *command,
              TjExportRequest *request)
{
  gboolean by_month = command->export == TJ_EXPORT_BULLETIN;
  gboolean as_of = command->export == TJ_EXPORT_APPROVALS || command->export == TJ_EXPORT_SPEEDUP ||
                   command->export == TJ_EXPORT_MATTERS;
  /* the ledger of matters says as of which day its statuses are */
  const char *as_of_name = command->export == TJ_EXPORT_MATTERS ? "as-of" : "today";
  g_autofree char *month_text = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry year = { "year", 'y', 0, G_OPTION_ARG_INT, &request->year, NULL, NULL };
  GOptionEntry month = { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL };
  GOptionEntry today = { as_of_name, 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &request->output, NULL, NULL },
    by_month ? month : year,
    as_of ? today : (GOptionEntry){ NULL },
    { NULL },
  };

  if (!tj_cli_parse_options (argc, argv, command->name, entries, 0, NULL))
    return FALSE;
  if (request->output == NULL || (by_month ? month_text == NULL : request->year == 0))
    {
      if (by_month)
        /* Translators: "export bulletin 需要 --month YYYY-MM 和 --output 文件.xlsx、文件.pdf 或
         * 文件.csv。" */
        print_error (_("%s needs --month YYYY-MM and --output FILE.xlsx, FILE.pdf or FILE.csv."),
                     command->name);
      else
        /* Translators: "export projects 需要 --year 年度 和 --output 文件.xlsx、文件.pdf 或
         * 文件.csv。" */
        print_error (_("%s needs --year Y and --output FILE.xlsx, FILE.pdf or FILE.csv."),
                     command->name);
      return FALSE;
    }
  if (by_month ? !tj_cli_parse_month (month_text, &request->year, &request->month)
               : !tj_cli_check_year (request->year))
    return FALSE;
  if (!tj_cli_check_output (request->output))
    return FALSE;
  if (!as_of)
    return TRUE;
  if (today_text == NULL)
    request->today = tj_date_today ();
  else if (!tj_cli_parse_day (as_of_name, today_text, &request->today))
    return FALSE;
  return TRUE;
}

/* Every export command: its options, its report written by the writer of the output's format,
 * and what was written. */
static int
run_export (TjDb            *db,
            const TjCommand *command,
            int              argc,
            char           **argv)
{
  g_auto (TjExportRequest) request = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  if (!parse_export (argc, argv, command, &request))
    return TJ_EXIT_USAGE;
  switch (command->export)
    {
    case TJ_EXPORT_PROJECTS:
      ok = tj_register_write (db, request.year, request.output, &error);
      break;
    case TJ_EXPORT_BULLETIN:
      ok = tj_bulletin_write (db, request.year, request.month, request.output, &error);
      break;
    case TJ_EXPORT_APPROVALS:
      ok = tj_approval_write_ledger (db, request.year, request.today, request.output, &error);
      break;
    case TJ_EXPORT_SPEEDUP:
      ok = tj_approval_write_speedup (db, request.year, request.today, request.output, &error);
      break;
    case TJ_EXPORT_INSPECTIONS:
      ok = tj_inspection_write_ledger (db, request.year, request.output, &error);
      break;
    case TJ_EXPORT_MATTERS:
      ok = tj_matter_write_ledger (db, request.year, request.today, request.output, &error);
      break;
    case TJ_EXPORT_FUNDS:
      ok = tj_element_ledger_write (db, request.year, request.output, &error);
      break;
    case TJ_EXPORT_STATS_ENTRY:
      ok = tj_statistics_entry_write (db, request.year, request.output, &error);
      break;
    case TJ_EXPORT_NONE:
      g_assert_not_reached ();
    }
  if (!ok)
    return tj_cli_bad_data (error);

  if (command->export == TJ_EXPORT_PROJECTS)
    g_print (_("Exported the %d list to %s.\n"), request.year, request.output);
  else if (command->export == TJ_EXPORT_BULLETIN)
    /* Translators: "已将 2026 年 10 月的月通报导出到 F.xlsx。" */
    g_print (_("Exported the bulletin of %1$d-%2$02d to %3$s.\n"), request.year, request.month,
             request.output);
  else if (command->export == TJ_EXPORT_INSPECTIONS)
    /* Translators: "已将 2026 年巡查台账导出到 F.xlsx。" */
    g_print (_("Exported the %1$d inspection ledger to %2$s.\n"), request.year, request.output);
  else if (command->export == TJ_EXPORT_FUNDS)
    /* Translators: "已将 2026 年要素保障台账导出到 F.xlsx。" */
    g_print (_("Exported the %1$d ledger of funds and quotas to %2$s.\n"), request.year,
             request.output);
  else if (command->export == TJ_EXPORT_STATS_ENTRY)
    /* Translators: "已将 2026 年统计入库清单导出到 F.xlsx。" */
    g_print (_("Exported the %1$d statistics entry list to %2$s.\n"), request.year,
             request.output);
  else if (command->export == TJ_EXPORT_APPROVALS)
    /* Translators: "已将 2026 年代办事项台账（截至 2026-05-20）导出到 F.xlsx。" */
    g_print (_("Exported the %1$d approval ledger (as of %2$s) to %3$s.\n"), request.year,
             request.today, request.output);
  else if (command->export == TJ_EXPORT_MATTERS)
    /* Translators: "已将 2026 年督办台账（截至 2026-05-20）导出到 F.xlsx。" */
    g_print (_("Exported the %1$d ledger of matters (as of %2$s) to %3$s.\n"), request.year,
             request.today, request.output);
  else
    /* Translators: "已将 2026 年部门审批提速情况（截至 2026-05-20）导出到 F.xlsx。" */
    g_print (_("Exported the %1$d approval speed-up (as of %2$s) to %3$s.\n"), request.year,
             request.today, request.output);
  return TJ_EXIT_OK;
}
