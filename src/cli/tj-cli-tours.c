/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-tour.h"

/* tuijin export tour --date D --output F: the tour's scores and ranking (观摩评分排名表). */

int
tj_cli_run_export_tour (TjDb  *db,
                        int    argc,
                        char **argv)
{
  return tj_cli_run_export_of_day (
    db, argc, argv, "export tour", tj_tour_write,
    /* Translators: "已将 2026-04-18 的观摩评分排名导出到 F.xlsx。" */
    _("Exported the scores and ranking of the tour of %1$s to %2$s.\n"));
}
