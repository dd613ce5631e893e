/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the command files share: the message prefix, the options, the --year, --month and day
 * options, the check of an export's output and the ending of a command that could not do its
 * work. */
#pragma once

#include <glib.h>

#include "tj-db.h"
#include "tj-project.h"

G_BEGIN_DECLS

void tj_cli_print_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
gboolean tj_cli_parse_options (int           argc,
                               char        **argv,
                               const char   *name,
                               GOptionEntry *entries,
                               int           n_positional,
                               char       ***rest);
gboolean tj_cli_parse_month (const char *text,
                             int        *year,
                             int        *month);
int tj_cli_bad_data (const GError *error);
gboolean tj_cli_check_year (int year);
gboolean tj_cli_check_output (const char *output);
gboolean tj_cli_parse_day (const char *name,
                           const char *text,
                           char      **day);

/* writes the report of day date to output */
typedef gboolean (*TjCliDayWriter) (TjDb       *db,
                                    const char *date,
                                    const char *output,
                                    GError    **error);
int tj_cli_run_export_of_day (TjDb           *db,
                              int             argc,
                              char          **argv,
                              const char     *name,
                              TjCliDayWriter  write,
                              const char     *message);

/* tj-cli.c: prints why `check` could not read something; counts as one problem. */
guint tj_cli_unreadable (const char *what,
                         GError     *error);
/* tj-cli-check.c: `check` for the records of issues 9 and 10 */
guint tj_cli_check_project_records (TjDb      *db,
                                    TjProject *project,
                                    guint     *checked);
guint tj_cli_check_mechanism (TjDb  *db,
                              guint *checked);
/* tj-cli-period.c */
int tj_cli_run_issue_bulletin (TjDb  *db,
                               int    argc,
                               char **argv);
int tj_cli_run_unlock_bulletin (TjDb  *db,
                                int    argc,
                                char **argv);

/* tj-cli-record.c */
int tj_cli_run_export_record (TjDb  *db,
                              int    argc,
                              char **argv);
/* tj-cli-elements.c */
int tj_cli_run_record_follow_up (TjDb  *db,
                                 int    argc,
                                 char **argv);
/* tj-cli-pack.c */
int tj_cli_run_export_meeting_pack (TjDb  *db,
                                    int    argc,
                                    char **argv);
/* tj-cli-accountability.c */
int tj_cli_run_export_accountability (TjDb  *db,
                                      int    argc,
                                      char **argv);
/* tj-cli-ranking.c */
int tj_cli_run_export_ranking (TjDb  *db,
                               int    argc,
                               char **argv);
int tj_cli_run_export_assessment (TjDb  *db,
                                  int    argc,
                                  char **argv);

/* tj-cli-leaders.c */
int tj_cli_run_export_contacts (TjDb  *db,
                                int    argc,
                                char **argv);
/* tj-cli-tours.c */
int tj_cli_run_export_tour (TjDb  *db,
                            int    argc,
                            char **argv);
/* tj-cli-kit.c */
int tj_cli_run_export_kit (TjDb  *db,
                           int    argc,
                           char **argv);
int tj_cli_run_import_kit (TjDb  *db,
                           int    argc,
                           char **argv);
/* tj-cli-exits.c */
int tj_cli_run_export_exits (TjDb  *db,
                             int    argc,
                             char **argv);
int tj_cli_run_propose_exit (TjDb  *db,
                             int    argc,
                             char **argv);
int tj_cli_run_decide_exit (TjDb  *db,
                            int    argc,
                            char **argv);

G_END_DECLS
