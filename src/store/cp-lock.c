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
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-store-private.h"
#include "util/cp-file.h"

/* One writer per workspace, whatever name it is opened by.
 *
 * The workspace file itself (its inode) carries the lock: an open-file-description lock
 * (F_OFD_SETLK) on CP_FILE_LOCK_BYTE, a byte SQLite never uses. A writer holds it for
 * writing; a reader (read-only open, cpkit check, exports) for reading, so that no writer
 * starts under another name (a hard link) while it reads. A symlink, a hard link or a
 * relative path all reach the same inode, so a second writer is refused whatever name it
 * uses. Unlike a classic POSIX lock it is not dropped when some other descriptor of the
 * process closes, and a second open in the same process is refused too; it goes away
 * with the process, so a crash never leaves a stale lock.
 *
 * A reader that finds a writer goes on without the lock when the writer uses the same
 * name (they share the -wal and -shm files and SQLite keeps them consistent); a writer
 * under another name has its own -wal, which a reader here would not see, so that is
 * refused as LOCKED.
 *
 * The writer also locks FILE.lock beside the real path (for older versions of the app,
 * which know only that) and writes "<pid> <hostname> <dev>:<inode>\n" into it, so that a
 * refusal can say who has it.
 *
 * Closing a descriptor drops every POSIX lock the process holds on that file, SQLite's
 * included. So the descriptors of workspace files are kept open for the life of the
 * process (one per file and access mode) and a lock is let go with F_UNLCK. */

typedef struct
{
  dev_t    dev;
  ino_t    ino;
  int      flags;    /* O_RDONLY or O_RDWR */
  int      fd;
  gboolean in_use;   /* by an open store: each store needs its own description */
} InodeFd;

static GMutex inode_fds_lock;
static GArray *inode_fds;

/* A descriptor of @path's inode opened with @flags that no open store uses, kept for the
 * life of the process; give it back with release_inode_fd. */
static int
acquire_inode_fd (const char  *path,
                  int          flags,
                  struct stat *out_st)
{
  int fd = g_open (path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  int found = -1;

  if (fd < 0 || fstat (fd, out_st) != 0 || !S_ISREG (out_st->st_mode))
    {
      int saved = fd < 0 ? errno : EINVAL;

      /* Not a workspace file: nothing of SQLite's can be on it, so it may close. */
      if (fd >= 0)
        close (fd);
      errno = saved;
      return -1;
    }

  g_mutex_lock (&inode_fds_lock);
  if (inode_fds == NULL)
    inode_fds = g_array_new (FALSE, FALSE, sizeof (InodeFd));
  for (guint i = 0; i < inode_fds->len && found < 0; i++)
    {
      InodeFd *known = &g_array_index (inode_fds, InodeFd, i);

      if (known->dev == out_st->st_dev && known->ino == out_st->st_ino &&
          known->flags == flags && !known->in_use)
        {
          known->in_use = TRUE;
          found = known->fd;
        }
    }
  /* The one opened just now stays open either way (closing it would drop SQLite's
   * locks); unused, it serves a later store. */
  {
    InodeFd opened = { out_st->st_dev, out_st->st_ino, flags, fd, found < 0 };

    g_array_append_val (inode_fds, opened);
  }
  g_mutex_unlock (&inode_fds_lock);

  return found >= 0 ? found : fd;
}

static void
release_inode_fd (int fd)
{
  g_mutex_lock (&inode_fds_lock);
  for (guint i = 0; inode_fds != NULL && i < inode_fds->len; i++)
    {
      InodeFd *known = &g_array_index (inode_fds, InodeFd, i);

      if (known->fd == fd)
        known->in_use = FALSE;
    }
  g_mutex_unlock (&inode_fds_lock);
}

char *
_cp_store_resolve_path (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  if ((real = realpath (abs, NULL)) != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }

  /* Not there yet: the real folder, and the name as given. */
  dir = g_path_get_dirname (abs);
  base = g_path_get_basename (abs);
  if ((real = realpath (dir, NULL)) != NULL)
    {
      char *joined = g_build_filename (real, base, NULL);

      free (real);
      return joined;
    }

  return g_steal_pointer (&abs);
}

static gboolean
parse_holder (const char  *text,
              int         *out_pid,
              char       **out_host)
{
  g_auto(GStrv) parts = NULL;
  gint64 pid;

  if (text == NULL)
    return FALSE;

  /* "<pid> <host>" (older versions) or "<pid> <host> <dev>:<inode>". */
  parts = g_strsplit_set (g_strstrip ((char *) text), " \n", 3);
  if (parts[0] == NULL || parts[1] == NULL)
    return FALSE;

  pid = g_ascii_strtoll (parts[0], NULL, 10);
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;

  *out_pid = (int) pid;
  *out_host = g_strdup (g_strstrip (parts[1]));

  return TRUE;
}

/* Whether a writer holds @real_path's FILE.lock (F_OFD_GETLK tells, without taking it). */
static gboolean
name_is_locked (const char *real_path)
{
  g_autofree char *lock_path = g_strconcat (real_path, ".lock", NULL);
  struct flock fl;
  int fd = g_open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean held;

  if (fd < 0)
    return FALSE;
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_RDLCK;
  fl.l_whence = SEEK_SET;
  held = fcntl (fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  close (fd);

  return held;
}

gboolean
cp_store_get_lock_holder (const char  *path,
                          int         *out_pid,
                          char       **out_hostname)
{
  g_autofree char *real_path = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *host = NULL;
  int pid = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  real_path = _cp_store_resolve_path (path);
  lock_path = g_strconcat (real_path, ".lock", NULL);
  if (!name_is_locked (real_path) || !g_file_get_contents (lock_path, &text, NULL, NULL) ||
      !parse_holder (text, &pid, &host))
    return FALSE;

  if (out_pid != NULL)
    *out_pid = pid;
  if (out_hostname != NULL)
    *out_hostname = g_steal_pointer (&host);

  return TRUE;
}

static void
write_holder (int                fd,
              const struct stat *st)
{
  g_autofree char *text = g_strdup_printf ("%d %s %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT "\n",
                                           (int) getpid (), g_get_host_name (),
                                           (guint64) st->st_dev, (guint64) st->st_ino);
  size_t len = strlen (text);

  if (ftruncate (fd, 0) != 0 || pwrite (fd, text, len, 0) != (ssize_t) len)
    g_debug ("Could not note the lock holder: %s", g_strerror (errno));
}

static void
set_locked_error (GError     **error,
                  const char  *path,
                  short        held)
{
  g_autofree char *host = NULL;
  int pid = 0;

  if (held == F_RDLCK)
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                         _("This workspace is being read by another program of Connecting "
                           "People Kit (a check or an export). Try again in a moment."));
  else if (!cp_store_get_lock_holder (path, &pid, &host))
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

/* FILE.lock beside the real path: for writers, as older versions of the app take it. */
static gboolean
lock_name (CpStore  *self,
           GError  **error)
{
  g_autofree char *lock_path = g_strconcat (self->real_path, ".lock", NULL);
  struct flock fl;
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)   /* no folder yet: the workspace is new, make it first */
        {
          g_autofree char *dir = g_path_get_dirname (self->real_path);

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

  if (fcntl (fd, F_OFD_SETLK, &fl) != 0)
    {
      int saved = errno;

      close (fd);

      if (saved == EACCES || saved == EAGAIN)
        set_locked_error (error, self->real_path, F_WRLCK);
      else
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                     _("The workspace could not be locked: %s."), g_strerror (saved));
      return FALSE;
    }

  self->lock_fd = fd;

  return TRUE;
}

gboolean
_cp_store_lock (CpStore  *self,
                GError  **error)
{
  if (self->lock_fd >= 0 || self->inode_fd >= 0)
    return TRUE;

  if (!self->read_only && !lock_name (self, error))
    return FALSE;

  /* A new workspace has no inode yet: _cp_store_lock_inode follows its creation. */
  if (!g_file_test (self->real_path, G_FILE_TEST_EXISTS))
    return TRUE;

  return _cp_store_lock_inode (self, error);
}

gboolean
_cp_store_lock_inode (CpStore  *self,
                      GError  **error)
{
  struct stat st;
  short held;
  int fd;

  fd = acquire_inode_fd (self->real_path, self->read_only ? O_RDONLY : O_RDWR, &st);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CP_STORE_ERROR,
                   (saved == EACCES || saved == EROFS || saved == EPERM)
                     ? CP_STORE_ERROR_READ_ONLY : CP_STORE_ERROR_OPEN,
                   _("The workspace could not be locked: %s."), g_strerror (saved));
      return FALSE;
    }

  if (st.st_nlink > 1)
    self->warnings |= CP_STORE_WARNING_HARD_LINKED;

  if (cp_file_lock_byte (fd, self->read_only ? F_RDLCK : F_WRLCK))
    {
      self->inode_fd = fd;
      if (self->lock_fd >= 0)
        write_holder (self->lock_fd, &st);
      return TRUE;
    }

  if (errno != EACCES && errno != EAGAIN)
    {
      int saved = errno;

      release_inode_fd (fd);
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("The workspace could not be locked: %s."), g_strerror (saved));
      return FALSE;
    }

  held = cp_file_get_byte_lock (fd, self->read_only ? F_RDLCK : F_WRLCK);
  release_inode_fd (fd);

  /* A reader beside a writer of the same name shares its -wal: that is safe. */
  if (self->read_only && held == F_WRLCK && name_is_locked (self->real_path))
    return TRUE;

  if (self->read_only)
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                         _("This workspace is open for writing under another name (a link "
                           "to the same file). Close it there, or open it by that name."));
  else
    set_locked_error (error, self->real_path, held);
  return FALSE;
}

void
_cp_store_unlock (CpStore *self)
{
  /* Let go of the lock; the descriptor stays (see above). */
  if (self->inode_fd >= 0)
    {
      cp_file_lock_byte (self->inode_fd, F_UNLCK);
      release_inode_fd (self->inode_fd);
      self->inode_fd = -1;
    }

  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}
