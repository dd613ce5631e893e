/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tj-inspection"
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tj-error.h"
#include "tj-inspection.h"

#define BYTES_PER_MB (1024.0 * 1024.0)

void
tj_photo_free (TjPhoto *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->mime);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->sha256);
  g_free (self);
}

/* The type by the file's signature: image/jpeg, image/png or NULL. */
static const char *
mime_of (const guint8 *data,
         gsize         size)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };

  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  return NULL;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  gboolean *sized = user_data;

  *sized = width > 0 && height > 0;
}

/* A JPEG or PNG by its signature, whose header gdk-pixbuf reads and whose image it decodes. */
static const char *
check_image (const char *name,
             GBytes     *data,
             GError    **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  const char *mime = mime_of (bytes, size);
  gboolean sized = FALSE, ok;

  if (mime != NULL)
    {
      loader = gdk_pixbuf_loader_new_with_mime_type (mime, NULL);
      if (loader != NULL)
        {
          g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &sized);
          ok = gdk_pixbuf_loader_write_bytes (loader, data, NULL);
          ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
          if (ok && sized)
            return mime;
        }
    }
  g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
               _("“%s” is not a JPEG or PNG image; only JPEG and PNG photos can be kept."), name);
  return NULL;
}

static gboolean
finding_of_inspection (TjDb    *db,
                       gint64   inspection_id,
                       gint64   finding_id,
                       GError **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  int rc;

  stmt = tj_db_prepare_cached (db,
                               finding_id == 0
                                 ? "SELECT 1 FROM inspections WHERE id = ?1"
                                 : "SELECT 1 FROM inspection_findings WHERE id = ?2 "
                                   "AND inspection_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (finding_id != 0)
    sqlite3_bind_int64 (stmt, 2, finding_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (!tj_db_rows_done (db, rc, error))
    return FALSE;
  g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND,
                       finding_id == 0 ? _("The inspection no longer exists.")
                                       : _("The finding no longer exists."));
  return FALSE;
}

/* Checked (the limit, then the image), then stored in a transaction of its own with its size
 * and SHA-256. Returns the photo's id, 0 with an error and nothing stored. */
gint64
tj_photo_add (TjDb       *db,
              gint64      inspection_id,
              gint64      finding_id,
              const char *name,
              GBytes     *data,
              GError    **error)
{
  g_autoptr (TjCachedStmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *base = NULL;
  const char *mime;
  gint64 limit, id;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (TJ_IS_DB (db), 0);
  g_return_val_if_fail (name != NULL && data != NULL, 0);

  base = g_path_get_basename (name);
  bytes = g_bytes_get_data (data, &size);
  if (!tj_inspection_get_photo_limit (db, &limit, error))
    return 0;
  if ((gint64) size > limit)
    {
      /* The size rounded up, so a photo above the limit never reads as equal to it. */
      double mb = ceil ((double) size / BYTES_PER_MB * 10.0) / 10.0;

      g_set_error (error, TJ_ERROR, TJ_ERROR_INVALID,
                   _("The photo “%s” is %.1f MB, above the limit of %.1f MB per photo; it was "
                     "not kept."),
                   base, mb, (double) limit / BYTES_PER_MB);
      return 0;
    }
  mime = check_image (base, data, error);
  if (mime == NULL)
    return 0;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);

  if (!tj_db_begin (db, error))
    return 0;
  if (!finding_of_inspection (db, inspection_id, finding_id, error))
    goto failed;
  stmt = tj_db_prepare_cached (db,
                               "INSERT INTO inspection_photos (inspection_id, finding_id, name, "
                               "mime, size, sha256, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  tj_db_bind_id_or_null (stmt, 2, finding_id);
  sqlite3_bind_text (stmt, 3, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mime, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) size);
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 7, size > 0 ? bytes : "", size, SQLITE_STATIC);
  if (!tj_db_step_done (db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (tj_db_get_handle (db));
  g_clear_pointer (&stmt, tj_db_release);
  if (!tj_db_commit (db, error))
    goto failed;
  return id;

failed:
  g_clear_pointer (&stmt, tj_db_release);
  tj_db_rollback (db);
  return 0;
}

static TjPhoto *
read_photo (sqlite3_stmt *stmt,
            gboolean      with_data)
{
  TjPhoto *photo = g_new0 (TjPhoto, 1);

  photo->id = sqlite3_column_int64 (stmt, 0);
  photo->finding_id = sqlite3_column_int64 (stmt, 1);
  photo->name = tj_db_column_dup (stmt, 2);
  photo->mime = tj_db_column_dup (stmt, 3);
  photo->size = sqlite3_column_int64 (stmt, 4);
  photo->sha256 = tj_db_column_dup (stmt, 5);
  if (with_data)
    photo->data = g_bytes_new (sqlite3_column_blob (stmt, 6),
                               (gsize) sqlite3_column_bytes (stmt, 6));
  return photo;
}

GPtrArray *
tj_photo_list (TjDb    *db,
               gint64   inspection_id,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) tj_photo_free);
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT id, finding_id, name, mime, size, sha256 FROM inspection_photos "
                        "WHERE inspection_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (photos, read_photo (stmt, FALSE));
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&photos);
}

TjPhoto *
tj_photo_load (TjDb    *db,
               gint64   id,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TJ_IS_DB (db), NULL);

  stmt = tj_db_prepare (db,
                        "SELECT id, finding_id, name, mime, size, sha256, data "
                        "FROM inspection_photos WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_photo (stmt, TRUE);
  if (!tj_db_rows_done (db, rc, error))
    return NULL;
  g_set_error_literal (error, TJ_ERROR, TJ_ERROR_NOT_FOUND, _("The photo no longer exists."));
  return NULL;
}

gboolean
tj_photo_delete (TjDb    *db,
                 gint64   id,
                 GError **error)
{
  g_return_val_if_fail (TJ_IS_DB (db), FALSE);
  return tj_db_delete_row (db, "DELETE FROM inspection_photos WHERE id = ?", id, error);
}
