/* cp-file.c: putting a finished file where the user asked, on any file system
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* renameat2, RENAME_NOREPLACE, F_OFD_SETLK */
#define _GNU_SOURCE 1

#include "config.h"

#define G_LOG_DOMAIN "cp-file"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-file.h"

#define TEMP_PREFIX ".cpkit.part-"
/* A temporary file of a shape we do not make ourselves (a helper's own temporary beside
 * ours) is stale only once it is this old. */
#define STALE_AGE_SEC (60 * 60)

/* ---- The system calls, replaceable in tests ---------------------------------------------- */

static int
real_renameat2 (int          old_dir_fd,
                const char  *old_path,
                int          new_dir_fd,
                const char  *new_path,
                unsigned int flags)
{
  return renameat2 (old_dir_fd, old_path, new_dir_fd, new_path, flags);
}

static int
real_fsync_dir (int dir_fd)
{
  return fsync (dir_fd);
}

static CpFileOps ops = { real_renameat2, link, real_fsync_dir };

void
_cp_file_set_ops_for_testing (const CpFileOps *test_ops)
{
  ops.renameat2 = test_ops != NULL && test_ops->renameat2 != NULL ? test_ops->renameat2
                                                                  : real_renameat2;
  ops.link = test_ops != NULL && test_ops->link != NULL ? test_ops->link : link;
  ops.fsync_dir = test_ops != NULL && test_ops->fsync_dir != NULL ? test_ops->fsync_dir
                                                                  : real_fsync_dir;
}

/* ---- Errors ------------------------------------------------------------------------------ */

static gboolean
set_errno_error (GError **error,
                 int      saved)
{
  if (saved == EEXIST)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("A file with that name is already there."));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("The file could not be saved: %s."), g_strerror (saved));
  return FALSE;
}

/* The file system cannot do this kind of publishing at all: try the next kind. */
static gboolean
unsupported (int saved)
{
  return saved == EINVAL || saved == ENOSYS || saved == ENOTSUP || saved == EOPNOTSUPP ||
         saved == EPERM || saved == EMLINK || saved == EXDEV;
}

/* ---- Locks and stale files ----------------------------------------------------------------- */

static int
byte_lock (int    fd,
           int    cmd,
           short *type)
{
  struct flock fl;
  int rc;

  memset (&fl, 0, sizeof fl);
  fl.l_type = *type;
  fl.l_whence = SEEK_SET;
  fl.l_start = CP_FILE_LOCK_BYTE;
  fl.l_len = 1;
  rc = fcntl (fd, cmd, &fl);
  *type = fl.l_type;
  return rc;
}

gboolean
cp_file_lock_byte (int   fd,
                   short type)
{
  return byte_lock (fd, F_OFD_SETLK, &type) == 0;
}

short
cp_file_get_byte_lock (int   fd,
                       short type)
{
  return byte_lock (fd, F_OFD_GETLK, &type) == 0 ? type : F_UNLCK;
}

/* Held while a temporary file is being written; gone with the process. */
static gboolean
lock_fd (int fd)
{
  return cp_file_lock_byte (fd, F_WRLCK);
}

static gboolean
is_our_temp_name (const char *name)
{
  return strlen (name) == strlen (TEMP_PREFIX "XXXXXX") && g_str_has_prefix (name, TEMP_PREFIX);
}

/* SQLite's files beside one of ours ("-journal" while a copy is written into it). */
static char *
dup_side_owner (const char *name)
{
  static const char *suffixes[] = { "-journal", "-wal", "-shm" };
  gsize len = strlen (TEMP_PREFIX "XXXXXX");

  if (!g_str_has_prefix (name, TEMP_PREFIX) || strlen (name) <= len)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (name + len, suffixes[i]) == 0)
      return g_strndup (name, len);
  return NULL;
}

static gboolean
remove_if_stale (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *owner = dup_side_owner (name);
  gboolean removed = FALSE;
  struct stat st;
  int fd;

  /* A side file goes with the file it belongs to. */
  if (owner != NULL)
    {
      g_autofree char *owner_path = g_build_filename (dir, owner, NULL);

      if (g_file_test (owner_path, G_FILE_TEST_EXISTS))
        return FALSE;
      return g_unlink (path) == 0;
    }

  fd = g_open (path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;

  /* Held: someone is writing it. Not ours in shape: only once it is old. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && lock_fd (fd) &&
      (is_our_temp_name (name) ||
       st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - STALE_AGE_SEC))
    {
      removed = g_unlink (path) == 0;
      if (!removed)
        g_debug ("Could not remove a stale temporary file: %s", g_strerror (errno));
    }
  close (fd);

  return removed;
}

guint
cp_file_remove_stale_temporaries (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX))
      g_ptr_array_add (names, g_strdup (name));

  /* The files first, then what SQLite left beside those that are gone. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < names->len; i++)
      {
        const char *candidate = g_ptr_array_index (names, i);
        g_autofree char *owner = dup_side_owner (candidate);

        if ((owner != NULL) == (pass == 1) && remove_if_stale (dir, candidate))
          n++;
      }

  return n;
}

/* ---- Publishing ---------------------------------------------------------------------------- */

int
cp_file_sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0)
    return errno;

  /* Some file systems (FAT through some drivers, network ones) cannot sync a folder and
   * say EINVAL: a rename is as safe as they can make it. */
  if (ops.fsync_dir (fd) != 0 && errno != EINVAL && errno != ENOTSUP && errno != EOPNOTSUPP)
    saved = errno;
  close (fd);
  return saved;
}

/* The last resort, where there is neither a no-replace rename nor a hard link: create
 * @dest_path exclusively and copy @src_fd into it. */
static gboolean
copy_exclusive (int          src_fd,
                const char  *dest_path,
                GError     **error)
{
  char buf[64 * 1024];
  int out;
  int saved;

  out = g_open (dest_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (out < 0)
    return set_errno_error (error, errno);

  if (lseek (src_fd, 0, SEEK_SET) != 0)
    goto fail;

  for (;;)
    {
      ssize_t n = read (src_fd, buf, sizeof buf);
      ssize_t done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto fail;
      if (n == 0)
        break;

      while (done < n)
        {
          ssize_t w = write (out, buf + done, (size_t) (n - done));

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            goto fail;
          done += w;
        }
    }

  if (fsync (out) != 0 && errno != EINVAL)
    goto fail;
  if (close (out) != 0)
    {
      out = -1;
      goto fail;
    }

  return TRUE;

fail:
  saved = errno;
  if (out >= 0)
    close (out);
  g_unlink (dest_path);
  return set_errno_error (error, saved);
}

/* Puts @tmp_path (open as @fd) at @dest_path; on success @tmp_path is gone. */
static gboolean
publish (const char  *tmp_path,
         int          fd,
         const char  *dest_path,
         gboolean     replace,
         GError     **error)
{
  int saved;

  if (replace)
    {
      if (g_rename (tmp_path, dest_path) != 0)
        return set_errno_error (error, errno);
      return TRUE;
    }

  if (ops.renameat2 (AT_FDCWD, tmp_path, AT_FDCWD, dest_path, RENAME_NOREPLACE) == 0)
    return TRUE;
  saved = errno;
  if (!unsupported (saved))
    return set_errno_error (error, saved);
  g_debug ("renameat2 (RENAME_NOREPLACE) is not supported here (%s); trying link",
           g_strerror (saved));

  if (ops.link (tmp_path, dest_path) == 0)
    {
      g_unlink (tmp_path);
      return TRUE;
    }
  saved = errno;
  if (!unsupported (saved))
    return set_errno_error (error, saved);
  g_debug ("link is not supported here (%s); copying", g_strerror (saved));

  if (!copy_exclusive (fd, dest_path, error))
    return FALSE;
  g_unlink (tmp_path);
  return TRUE;
}

/* The temporary file as it is now (@write_func may have renamed another over it): open,
 * a regular file, ours only, locked and synced. */
static int
reopen_synced (const char  *tmp_path,
               GError     **error)
{
  struct stat st;
  int fd = g_open (tmp_path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      set_errno_error (error, EINVAL);
      return -1;
    }

  lock_fd (fd);
  /* FAT has no modes and may refuse: the file is private where it can be. */
  if ((st.st_mode & 0777) != 0600 && fchmod (fd, 0600) != 0)
    g_debug ("fchmod: %s", g_strerror (errno));

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved = errno;
      close (fd);
      set_errno_error (error, saved);
      return -1;
    }

  return fd;
}

int
cp_file_open_temporary (const char  *dest_path,
                        char       **tmp_path,
                        GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (dest_path != NULL, -1);
  g_return_val_if_fail (tmp_path != NULL, -1);

  dir = g_path_get_dirname (dest_path);
  cp_file_remove_stale_temporaries (dir);
  tmp = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }
  lock_fd (fd);
  *tmp_path = g_steal_pointer (&tmp);
  return fd;
}

gboolean
cp_file_publish_temporary (const char  *tmp_path,
                           const char  *dest_path,
                           gboolean     replace,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  int fd;
  int saved;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((fd = reopen_synced (tmp_path, error)) < 0)
    return FALSE;
  if (!publish (tmp_path, fd, dest_path, replace, error))
    {
      close (fd);
      return FALSE;
    }
  close (fd);
  if ((saved = cp_file_sync_folder (dir)) != 0)
    {
      set_errno_error (error, saved);
      /* Written, but the disk did not confirm the name: not saved, as far as anyone can
       * tell. A file that was not there before goes again. */
      if (!replace)
        g_unlink (dest_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_file_publish (const char       *dest_path,
                 gboolean          replace,
                 CpFileWriteFunc   write_func,
                 gpointer          user_data,
                 GError          **error)
{
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Not worth writing a whole file to be refused at the end. */
  if (!replace && g_file_test (dest_path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return set_errno_error (error, EEXIST);

  if ((fd = cp_file_open_temporary (dest_path, &tmp, error)) < 0)
    return FALSE;
  ok = write_func (tmp, user_data, error) &&
       cp_file_publish_temporary (tmp, dest_path, replace, error);
  if (!ok)
    g_unlink (tmp);
  close (fd);
  return ok;
}

char *
cp_file_slug (const char *text,
              const char *fallback)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (fallback != NULL, NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (out->len == 0)
    g_string_append (out, fallback);
  return g_string_free (out, FALSE);
}
