/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  TJ_EXIT_OK = 0,
  TJ_EXIT_BAD_DATA = 1,
  TJ_EXIT_USAGE = 2,
};

gboolean tj_cli_wants_window (int    argc,
                              char **argv,
                              char **db_path);
int tj_cli_run (int    argc,
                char **argv);

G_END_DECLS
