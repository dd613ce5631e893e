/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-output-file"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tj-db.h"
#include "tj-error.h"
#include "tj-output-file.h"

/* A temporary file this old is a leftover whoever wrote it: no export takes an hour, and a
 * process of another machine (a shared folder) cannot be asked whether it still runs. */
#define STALE_SECONDS (60 * 60)
/* Keeps the temporary's name within NAME_MAX (255 bytes) for a long target name. */
#define MAX_NAME_BYTES 160
#define SUFFIX ".part"

struct _TjOutputFile
{
  char *path;
  char *temp_path;
  GCancellable *cancellable;
  FILE *file;    /* NULL once committed or failed */
  int error;     /* the first errno of a write */
  gboolean committed;
};

static guint
host_tag (void)
{
  return g_str_hash (g_get_host_name ());
}

/* ".名单.xlsx.tj-": what every temporary of @base starts with. */
static char *
temp_prefix (const char *base)
{
  gsize length = strlen (base);

  if (length > MAX_NAME_BYTES)
    {
      /* cut at the start of a UTF-8 character */
      length = MAX_NAME_BYTES;
      while (length > 0 && ((guchar) base[length] & 0xC0) == 0x80)
        length--;
    }
  return g_strdup_printf (".%.*s.tj-", (int) length, base);
}

static gboolean
process_alive (int pid)
{
  return pid > 0 && (kill (pid, 0) == 0 || errno == EPERM);
}

/* A temporary of ours for this target that nobody is writing any more: written on this machine
 * by a process that is gone, or older than STALE_SECONDS. */
static gboolean
is_stale (const char *dir,
          const char *name,
          const char *rest)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;
  unsigned int host;
  int pid, end = 0;

  if (sscanf (rest, "%d-%8x-%*6[^.]%n", &pid, &host, &end) < 2 || end == 0 ||
      !g_str_equal (rest + end, SUFFIX))
    return FALSE;
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (host == host_tag () && !process_alive (pid))
    return TRUE;
  return (gint64) time (NULL) - (gint64) st.st_mtime > STALE_SECONDS;
}

/* Removes what interrupted exports to @path left in its folder: our temporaries whose writer is
 * gone, and "<path>.part" of earlier versions once it is old. Returns how many it removed. */
guint
tj_output_file_remove_stale (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *legacy = NULL;
  g_autoptr (GDir) folder = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = temp_prefix (base);
  legacy = g_strconcat (base, SUFFIX, NULL);
  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return 0;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *full = NULL;
      gboolean stale;

      if (g_str_has_prefix (name, prefix))
        stale = is_stale (dir, name, name + strlen (prefix));
      else if (g_str_equal (name, legacy))
        {
          GStatBuf st;

          full = g_build_filename (dir, name, NULL);
          stale = g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) &&
                  (gint64) time (NULL) - (gint64) st.st_mtime > STALE_SECONDS;
        }
      else
        continue;
      if (!stale)
        continue;
      if (full == NULL)
        full = g_build_filename (dir, name, NULL);
      if (g_unlink (full) == 0)
        {
          g_debug ("removed the stale temporary file %s", full);
          removed++;
        }
    }
  return removed;
}

static void
set_write_error (GError    **error,
                 const char *path,
                 int         saved)
{
  g_set_error (error, TJ_ERROR, TJ_ERROR_IO, _("Cannot write “%s”: %s"), path,
               g_strerror (saved));
}

static void
set_cancelled_error (GError    **error,
                     const char *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Writing “%s” was cancelled."), path);
}

/* Closes and removes the temporary file. */
static void
discard (TjOutputFile *self)
{
  if (self->file != NULL)
    {
      fclose (self->file);
      self->file = NULL;
    }
  if (!self->committed)
    g_unlink (self->temp_path);
}

/* Removes stale temporaries of @path, then creates a new empty temporary beside it. Fails if the
 * folder cannot be written or the thread's cancellable is already cancelled. */
TjOutputFile *
tj_output_file_new (const char *path,
                    GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  GCancellable *cancellable = g_cancellable_get_current ();
  TjOutputFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled_error (error, path);
      return NULL;
    }
  tj_output_file_remove_stale (path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = temp_prefix (base);
  name = g_strdup_printf ("%s%d-%08x-XXXXXX" SUFFIX, prefix, (int) getpid (), host_tag ());

  self = g_new0 (TjOutputFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (dir, name, NULL);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0)
    self->file = fdopen (fd, "wb");
  if (self->file == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (self->temp_path);
        }
      set_write_error (error, path, saved);
      self->committed = TRUE; /* nothing to remove */
      tj_output_file_free (self);
      return NULL;
    }
  return self;
}

/* The temporary file, for a library that opens the file by name itself (libxlsxwriter). */
const char *
tj_output_file_get_temp_path (TjOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

/* Appends to the temporary file. A failure is kept: the commit reports it too. */
gboolean
tj_output_file_write (TjOutputFile *self,
                      const void   *data,
                      gsize         length,
                      GError      **error)
{
  g_return_val_if_fail (self != NULL && self->file != NULL, FALSE);

  if (self->error == 0 && length > 0 && fwrite (data, 1, length, self->file) != length)
    self->error = errno != 0 ? errno : EIO;
  if (self->error != 0)
    {
      set_write_error (error, self->path, self->error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tj_output_file_is_cancelled (TjOutputFile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Puts the temporary file on disk and renames it over the target. On failure (a write failed,
 * the disk is full, the target cannot be replaced, the database it was read from failed its
 * integrity check, or the job was cancelled) the temporary file is removed and the target left
 * as it was. */
gboolean
tj_output_file_commit (TjOutputFile *self,
                       GError      **error)
{
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->file != NULL && !self->committed, FALSE);

  if (tj_output_file_is_cancelled (self))
    {
      discard (self);
      set_cancelled_error (error, self->path);
      return FALSE;
    }
  if (fflush (self->file) != 0 && self->error == 0)
    self->error = errno;
  /* Some file systems (network, FUSE) cannot sync: that is no reason to fail the export. */
  if (self->error == 0 && fsync (fileno (self->file)) != 0 && errno != EINVAL &&
      errno != ENOTSUP && errno != ENOSYS)
    self->error = errno;
  if (fclose (self->file) != 0 && self->error == 0)
    self->error = errno;
  self->file = NULL;
  if (self->error != 0)
    {
      discard (self);
      set_write_error (error, self->path, self->error);
      return FALSE;
    }
  /* last, so that a check running beside the export had the whole write to finish */
  if (!tj_db_await_health_checks (error))
    {
      discard (self);
      return FALSE;
    }
  if (g_rename (self->temp_path, self->path) != 0)
    {
      int saved = errno;

      discard (self);
      set_write_error (error, self->path, saved);
      return FALSE;
    }
  self->committed = TRUE;

  /* the rename itself on disk: best effort */
  {
    g_autofree char *dir = g_path_get_dirname (self->path);

    dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;
}

/* Removes the temporary file unless it was committed. */
void
tj_output_file_free (TjOutputFile *self)
{
  if (self == NULL)
    return;
  discard (self);
  g_clear_object (&self->cancellable);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
