/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-auto-backup"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tj-auto-backup.h"
#include "tj-date.h"
#include "tj-error.h"

/* The automatic daily backup: while the window is open, a copy of the database a day, made with
 * SQLite's backup API on a connection of its own (tj_db_backup: safe while the window writes),
 * named tuijin-YYYY-MM-DD.db in a folder beside the database, and the copies older than the
 * days kept removed. Only files of exactly that name are ever removed. */

#define PREFIX "tuijin-"
#define SUFFIX ".db"

/* The folder of a database's daily backups: "backups" beside the default database
 * ($XDG_DATA_HOME/tuijin/backups), "NAME-backups" beside any other, so that two databases of
 * one folder do not share their copies. */
char *
tj_auto_backup_folder (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  base = g_path_get_basename (db_path);
  if (g_str_equal (base, "tuijin.db"))
    return g_build_filename (dir, "backups", NULL);
  stem = g_str_has_suffix (base, SUFFIX) ? g_strndup (base, strlen (base) - strlen (SUFFIX))
                                         : g_strdup (base);
  folder = g_strconcat (stem, "-backups", NULL);
  return g_build_filename (dir, folder, NULL);
}

/* "tuijin-2026-11-05.db" for the day "2026-11-05". */
char *
tj_auto_backup_name (const char *day)
{
  g_return_val_if_fail (day != NULL, NULL);
  return g_strconcat (PREFIX, day, SUFFIX, NULL);
}

/* The day of a backup's file name, or FALSE when the name is not exactly one of ours. */
static gboolean
parse_name (const char *name,
            GDate      *date)
{
  static const char digits[] = "dddd-dd-dd";
  const char *day;
  int y, m, d;

  if (strlen (name) != strlen (PREFIX) + strlen (digits) + strlen (SUFFIX) ||
      !g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX))
    return FALSE;
  day = name + strlen (PREFIX);
  for (guint i = 0; i < strlen (digits); i++)
    if (digits[i] == 'd' ? !g_ascii_isdigit (day[i]) : day[i] != digits[i])
      return FALSE;
  y = atoi (day);
  m = atoi (day + 5);
  d = atoi (day + 8);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
parse_day (const char *text,
           GDate      *date,
           GError    **error)
{
  g_autofree char *iso = tj_date_parse (text, error);

  if (iso == NULL)
    return FALSE;
  g_date_set_dmy (date, atoi (iso + 8), atoi (iso + 5), atoi (iso));
  return TRUE;
}

/* The days kept: the setting, or the default when absent or not a number of days. */
int
tj_auto_backup_get_keep_days (TjDb *db)
{
  g_autofree char *text = tj_db_get_setting (db, TJ_AUTO_BACKUP_KEEP_DAYS_KEY);
  char *end = NULL;
  gint64 days;

  if (text == NULL)
    return TJ_AUTO_BACKUP_KEEP_DAYS_DEFAULT;
  days = g_ascii_strtoll (g_strstrip (text), &end, 10);
  if (end == text || *end != '\0' || days < 1 || days > TJ_AUTO_BACKUP_KEEP_DAYS_MAX)
    return TJ_AUTO_BACKUP_KEEP_DAYS_DEFAULT;
  return (int) days;
}

gboolean
tj_auto_backup_set_keep_days (TjDb    *db,
                              int      days,
                              GError **error)
{
  g_autofree char *text = NULL;

  if (days < 1 || days > TJ_AUTO_BACKUP_KEEP_DAYS_MAX)
    {
      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("Days to keep daily backups: enter a number from 1 to %d."),
                   TJ_AUTO_BACKUP_KEEP_DAYS_MAX);
      return FALSE;
    }
  text = g_strdup_printf ("%d", days);
  return tj_db_set_setting (db, TJ_AUTO_BACKUP_KEEP_DAYS_KEY, text, error);
}

/* Removes the daily backups in folder older than the keep_days days up to today (today counts
 * as one): with 30, today's and the 29 days' before are kept. Files of other names, and backups
 * dated after today, are left alone. */
gboolean
tj_auto_backup_prune (const char *folder,
                      const char *today,
                      int         keep_days,
                      guint      *removed,
                      GError    **error)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local = NULL;
  GDate first_kept;
  const char *name;
  guint count = 0;

  g_return_val_if_fail (folder != NULL && today != NULL, FALSE);

  if (removed != NULL)
    *removed = 0;
  if (keep_days < 1)
    keep_days = 1;
  if (!parse_day (today, &first_kept, error))
    return FALSE;
  g_date_subtract_days (&first_kept, keep_days - 1);

  dir = g_dir_open (folder, 0, &local);
  if (dir == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot read the backup folder “%s”: %s"),
                   folder, local->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GDate day;

      if (!parse_name (name, &day) || g_date_compare (&day, &first_kept) >= 0)
        continue;
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (g_unlink (path) != 0)
        {
          int saved = errno;

          g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot remove the old backup “%s”: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
      count++;
    }
  if (removed != NULL)
    *removed = count;
  return TRUE;
}

/* The daily backup of the database at db_path, for any thread: on a connection of its own,
 * when folder (NULL: tj_auto_backup_folder) has no backup of today (NULL: the date today) yet,
 * then the old ones removed by the database's setting. *written: the backup made, NULL when
 * today's was there already. */
gboolean
tj_auto_backup_run (const char *db_path,
                    const char *folder,
                    const char *today,
                    char      **written,
                    GError    **error)
{
  g_autoptr (TjDb) db = NULL;
  g_autofree char *own_folder = NULL;
  g_autofree char *own_today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  int keep_days;

  g_return_val_if_fail (db_path != NULL, FALSE);

  if (written != NULL)
    *written = NULL;
  if (folder == NULL)
    folder = own_folder = tj_auto_backup_folder (db_path);
  if (today == NULL)
    today = own_today = tj_date_today ();
  day = tj_date_parse (today, error);
  if (day == NULL)
    return FALSE;

  db = tj_db_open (db_path, error);
  if (db == NULL)
    return FALSE;
  keep_days = tj_auto_backup_get_keep_days (db);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot create the folder “%s”: %s"), folder,
                   g_strerror (saved));
      return FALSE;
    }
  name = tj_auto_backup_name (day);
  target = g_build_filename (folder, name, NULL);
  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      if (!tj_db_backup (db, target, error))
        return FALSE;
      if (written != NULL)
        *written = g_strdup (target);
    }
  return tj_auto_backup_prune (folder, day, keep_days, NULL, error);
}
