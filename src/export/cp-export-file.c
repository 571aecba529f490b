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
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-export-file.h"
#include "store/cp-person.h"
#include "util/cp-file.h"

struct _CpExportFile
{
  char     *path;
  char     *temp;       /* NULL once published */
  int       fd;         /* open until freed: its lock marks the temporary file as ours */
  int       saved_errno; /* the first failed write through cairo */
  gboolean  synced;
  gboolean  replace;    /* the user said yes to "Replace?" */
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

/* cp-file's error, said with the file's name */
static gboolean
propagate_named (GError     **error,
                 GError      *local,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return set_errno_error (error, EEXIST, path);
  g_set_error (error, local->domain, local->code, _("“%s”: %s"), name, local->message);
  return FALSE;
}

CpExportFile *
cp_export_file_new (const char  *path,
                    gboolean     replace,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  CpExportFile *self;
  char *temp = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      set_errno_error (error, EEXIST, path);
      return NULL;
    }
  if ((fd = cp_file_open_temporary (path, &temp, &local)) < 0)
    {
      propagate_named (error, local, path);
      return NULL;
    }

  self = g_new0 (CpExportFile, 1);
  self->path = g_strdup (path);
  self->temp = temp;
  self->fd = fd;
  self->replace = replace;
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

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->synced, FALSE);

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
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->synced)
    return TRUE;
  if (self->saved_errno != 0)
    return set_errno_error (error, self->saved_errno, self->path);
  /* The descriptor stays open until the file is published or dropped: it holds the lock
   * that tells cp-file this temporary file is alive, not a crash's leftover. */
  if (fsync (self->fd) != 0)
    return set_errno_error (error, errno, self->path);
  self->synced = TRUE;
  return TRUE;
}

gboolean
cp_export_file_publish (CpExportFile  *self,
                        GError       **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (self != NULL && self->temp != NULL, FALSE);

  if (!cp_export_file_sync (self, error))
    return FALSE;
  if (!cp_file_publish_temporary (self->temp, self->path, self->replace, &local))
    return propagate_named (error, local, self->path);
  g_clear_pointer (&self->temp, g_free);
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

/* The case reference as a file name's start, or NULL when there is none that is safe:
 * empty, or holding a word of the person's name. */
gboolean
cp_export_staged_open (CpExportStaged  *self,
                       const char      *path,
                       gboolean         replace,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL && self->tmp_path == NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self->fd = -1;
  /* Not worth typesetting a whole file to be refused at the end. */
  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("A file with that name is already there."));
      return FALSE;
    }
  if ((self->fd = cp_file_open_temporary (path, &self->tmp_path, error)) < 0)
    return FALSE;
  self->path = g_strdup (path);
  self->replace = replace;
  return TRUE;
}

gboolean
cp_export_staged_publish (CpExportStaged  *self,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL && self->tmp_path != NULL, FALSE);

  if (!cp_file_publish_temporary (self->tmp_path, self->path, self->replace, error))
    return FALSE;
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
cp_export_staged_clear (CpExportStaged *self)
{
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  /* a zero-filled struct that was never opened holds no descriptor */
  if (self->path != NULL && self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  g_clear_pointer (&self->tmp_path, g_free);
  g_clear_pointer (&self->path, g_free);
}

char *
cp_export_file_reference (CpPerson *person)
{
  const char *ref = cp_person_get_case_ref (person);
  g_autofree char *safe = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (ref == NULL)
    return NULL;
  safe = g_strcanon (g_strdup (ref),
                     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '-');
  while (*safe == '-')
    memmove (safe, safe + 1, strlen (safe));
  while (*safe != '\0' && safe[strlen (safe) - 1] == '-')
    safe[strlen (safe) - 1] = '\0';
  if (*safe == '\0')
    return NULL;

  folded = g_utf8_casefold (safe, -1);
  words = g_strsplit_set (cp_person_get_name (person), " -'", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (g_utf8_strlen (word, -1) >= 3 && strstr (folded, word) != NULL)
        return NULL;
    }
  return g_steal_pointer (&safe);
}
