/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tuijin"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tj-application.h"
#include "tj-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (TjApplication) app = NULL;
  g_autofree char *db_path = NULL;
  const char *localedir = g_getenv ("TJ_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!tj_cli_wants_window (argc, argv, &db_path))
    return tj_cli_run (argc, argv);

  app = tj_application_new (db_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
