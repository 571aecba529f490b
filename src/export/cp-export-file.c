/* cp-export-file.c: a temporary file, synced, then renamed into place without replacing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* renameat2 () and RENAME_NOREPLACE */
#define _GNU_SOURCE 1

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-export-file.h"

struct _CpExportFile
{
  char     *path;
  char     *temp;       /* NULL once published */
  int       fd;         /* -1 once synced */
  int       saved_errno; /* the first failed write through cairo */
  gboolean  synced;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already exists. Choose another name."), name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("“%s” could not be written: %s."), name, g_strerror (saved_errno));
  return FALSE;
}

CpExportFile *
cp_export_file_new (const char  *path,
                    GError     **error)
{
  g_autofree char *temp = NULL;
  CpExportFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_errno_error (error, EEXIST, path);
      return NULL;
    }
  temp = g_strdup_printf ("%s.part-XXXXXX", path);
  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  self = g_new0 (CpExportFile, 1);
  self->path = g_strdup (path);
  self->temp = g_steal_pointer (&temp);
  self->fd = fd;
  return self;
}

const char *
cp_export_file_get_path (CpExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
cp_export_file_write (CpExportFile  *self,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  const guchar *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return set_errno_error (error, n < 0 ? errno : EIO, self->path);
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

cairo_status_t
cp_export_file_cairo_write (void                *closure,
                            const unsigned char *data,
                            unsigned int         length)
{
  CpExportFile *self = closure;
  g_autoptr(GError) error = NULL;

  if (self->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!cp_export_file_write (self, data, length, &error))
    {
      self->saved_errno = error->code == G_IO_ERROR_NO_SPACE ? ENOSPC : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
cp_export_file_sync (CpExportFile  *self,
                     GError       **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->synced)
    return TRUE;
  if (self->saved_errno != 0)
    return set_errno_error (error, self->saved_errno, self->path);
  fd = self->fd;
  self->fd = -1;
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, saved, self->path);
    }
  if (close (fd) != 0)
    return set_errno_error (error, errno, self->path);
  self->synced = TRUE;
  return TRUE;
}

/* rename () without replacing: RENAME_NOREPLACE where the file system has it, else a
 * hard link (which fails on an existing name too) and the temporary name removed. */
static int
rename_noreplace (const char *from,
                  const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return -1;
  if (link (from, to) != 0)
    return -1;
  g_unlink (from);
  return 0;
}

gboolean
cp_export_file_publish (CpExportFile  *self,
                        GError       **error)
{
  g_autofree char *folder = NULL;
  int fd;

  g_return_val_if_fail (self != NULL && self->temp != NULL, FALSE);

  if (!cp_export_file_sync (self, error))
    return FALSE;
  if (rename_noreplace (self->temp, self->path) != 0)
    return set_errno_error (error, errno, self->path);
  g_clear_pointer (&self->temp, g_free);

  /* The new name itself reaches the disk with its folder. */
  folder = g_path_get_dirname (self->path);
  if ((fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      if (fsync (fd) != 0)
        g_debug ("Could not sync an export's folder: %s", g_strerror (errno));
      close (fd);
    }
  return TRUE;
}

void
cp_export_file_free (CpExportFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp != NULL)
    g_unlink (self->temp);
  g_free (self->temp);
  g_free (self->path);
  g_free (self);
}
