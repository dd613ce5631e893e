/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "tj-cli.h"
#include "tj-cli-private.h"
#include "tj-meeting-pack.h"

/* export meeting-pack --date D --output F: the matters the monthly meeting on D reviews. */
int
tj_cli_run_export_meeting_pack (TjDb  *db,
                                int    argc,
                                char **argv)
{
  return tj_cli_run_export_of_day (
    db, argc, argv, "export meeting-pack", tj_meeting_pack_write,
    /* Translators: "已将 2026-06-05 月例会的督办材料导出到 F.xlsx。" */
    _("Exported the meeting pack of %s to %s.\n"));
}
