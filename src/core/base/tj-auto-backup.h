/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tj-db.h"

G_BEGIN_DECLS

/* The automatic daily backup while the window is open: tuijin-YYYY-MM-DD.db in the backup
 * folder, kept for the days of the setting "backup_keep_days". */
#define TJ_AUTO_BACKUP_KEEP_DAYS_KEY "backup_keep_days"
#define TJ_AUTO_BACKUP_KEEP_DAYS_DEFAULT 30
#define TJ_AUTO_BACKUP_KEEP_DAYS_MAX 3650

char *tj_auto_backup_folder (const char *db_path);
char *tj_auto_backup_name (const char *day);
int tj_auto_backup_get_keep_days (TjDb *db);
gboolean tj_auto_backup_set_keep_days (TjDb    *db,
                                       int      days,
                                       GError **error);
gboolean tj_auto_backup_prune (const char *folder,
                               const char *today,
                               int         keep_days,
                               guint      *removed,
                               GError    **error);
gboolean tj_auto_backup_run (const char *db_path,
                             const char *folder,
                             const char *today,
                             char      **written,
                             GError    **error);

G_END_DECLS
