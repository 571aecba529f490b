/* cp-lock.c: one process per workspace, and whether it can be written at all
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F_OFD_SETLK */
#define _GNU_SOURCE 1

#include "config.h"

#define G_LOG_DOMAIN "cp-lock"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-store-private.h"

/* The lock is an open-file-description lock (F_OFD_SETLK) on FILE.lock: unlike a classic
 * POSIX record lock it is not dropped when some other descriptor of the process closes,
 * and a second open in the same process is refused too. It goes away with the process,
 * so a crash never leaves a stale lock. Read-only opens take no lock, so a workspace that
 * another process has open can still be opened read-only. The holder writes
 * "<pid> <hostname>\n" into FILE.lock, so that the refusal can say who has it. */

static gboolean
parse_holder (const char  *text,
              int         *out_pid,
              char       **out_host)
{
  g_auto(GStrv) parts = NULL;
  gint64 pid;

  if (text == NULL)
    return FALSE;

  parts = g_strsplit_set (g_strstrip ((char *) text), " \n", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    return FALSE;

  pid = g_ascii_strtoll (parts[0], NULL, 10);
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;

  *out_pid = (int) pid;
  *out_host = g_strdup (g_strstrip (parts[1]));

  return TRUE;
}

gboolean
cp_store_get_lock_holder (const char  *path,
                          int         *out_pid,
                          char       **out_hostname)
{
  g_autofree char *lock_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *host = NULL;
  struct flock fl;
  int pid = 0;
  int fd;
  gboolean held;

  g_return_val_if_fail (path != NULL, FALSE);

  lock_path = g_strconcat (path, ".lock", NULL);
  if ((fd = g_open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;

  /* Held at all? (F_OFD_GETLK tells, without taking it.) */
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_RDLCK;
  fl.l_whence = SEEK_SET;
  held = fcntl (fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  close (fd);

  if (!held || !g_file_get_contents (lock_path, &text, NULL, NULL) ||
      !parse_holder (text, &pid, &host))
    return FALSE;

  if (out_pid != NULL)
    *out_pid = pid;
  if (out_hostname != NULL)
    *out_hostname = g_steal_pointer (&host);

  return TRUE;
}

static void
write_holder (int fd)
{
  g_autofree char *text = g_strdup_printf ("%d %s\n", (int) getpid (), g_get_host_name ());
  size_t len = strlen (text);

  if (ftruncate (fd, 0) != 0 || pwrite (fd, text, len, 0) != (ssize_t) len)
    g_debug ("Could not note the lock holder: %s", g_strerror (errno));
}

static void
set_locked_error (GError     **error,
                  const char  *path)
{
  g_autofree char *host = NULL;
  int pid = 0;

  if (!cp_store_get_lock_holder (path, &pid, &host))
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                         _("This workspace is open in another window of Connecting People "
                           "Kit. Switch to that window, or close it and try again."));
  else if (g_strcmp0 (host, g_get_host_name ()) == 0)
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                 _("This workspace is open in another window of Connecting People Kit "
                   "(process %d). Switch to that window, or close it and try again."), pid);
  else
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                 _("This workspace is open in Connecting People Kit on another computer "
                   "(%s, process %d). Close it there and try again."), host, pid);
}

static gboolean
read_only_error (GError     **error,
                 const char  *message)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY, message);
  return FALSE;
}

gboolean
_cp_store_check_can_write (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* Mode bits first: root may write through 0444, but the owner meant "do not change". */
  if (g_stat (path, &st) == 0)
    {
      if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return read_only_error (error, _("The workspace file is read-only. Open it read-only, "
                                         "or make it writable and open it again."));

      if (access (path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        return read_only_error (error, _("The workspace file cannot be written. Open it "
                                         "read-only, or ask for write access."));
    }

  /* Safe writing (WAL) needs two small files beside the workspace. */
  if (g_stat (dir, &st) == 0)
    {
      if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return read_only_error (error, _("The folder of the workspace is read-only. "
                                         "Open the workspace read-only instead."));

      if (access (dir, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        return read_only_error (error, _("The folder of the workspace cannot be written. "
                                         "Open the workspace read-only instead."));
    }

  return TRUE;
}

gboolean
_cp_store_lock (CpStore  *self,
                GError  **error)
{
  g_autofree char *lock_path = NULL;
  struct flock fl;
  int fd;

  if (self->read_only || self->lock_fd >= 0)
    return TRUE;

  lock_path = g_strconcat (self->path, ".lock", NULL);
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)   /* no folder yet: the workspace is new, make it first */
        {
          g_autofree char *dir = g_path_get_dirname (self->path);

          if (g_mkdir_with_parents (dir, 0700) == 0)
            fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
          saved = errno;
        }

      if (fd < 0)
        {
          g_set_error (error, CP_STORE_ERROR,
                       (saved == EACCES || saved == EROFS || saved == EPERM)
                         ? CP_STORE_ERROR_READ_ONLY : CP_STORE_ERROR_OPEN,
                       _("The workspace could not be locked for writing: %s."),
                       g_strerror (saved));
          return FALSE;
        }
    }

  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;

  if (fcntl (fd, F_OFD_SETLK, &fl) != 0)
    {
      int saved = errno;

      close (fd);

      if (saved == EACCES || saved == EAGAIN)
        set_locked_error (error, self->path);
      else
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                     _("The workspace could not be locked: %s."), g_strerror (saved));
      return FALSE;
    }

  self->lock_fd = fd;
  write_holder (fd);

  return TRUE;
}

void
_cp_store_unlock (CpStore *self)
{
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}
