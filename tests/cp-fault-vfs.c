/* cp-fault-vfs.c: an SQLite VFS for tests that wraps "unix" and fails (or kills the
 * process at) the Nth xWrite or xSync
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-fault-vfs"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cp-fault-vfs.h"

/* A shim: every file is a FaultFile whose real unix file follows it in the same block
 * (szOsFile is ours plus unix's). Only xRead, xWrite and xSync look at the fault state;
 * in power mode, xOpen, xRead, xWrite, xTruncate, xSync, xFileSize and xDelete work on a
 * PowerFile image (see cp-fault-vfs.h); every other method passes straight through.
 * Single-threaded use only (the tests and their helper). */

#define BLOCK 4096

/* A file as this process sees it, by name; it outlives its handles, as the page cache
 * outlives a close. */
typedef struct
{
  char       *name;
  GByteArray *data;
  GHashTable *dirty;      /* block numbers written since the last sync */
  gboolean    loaded;
  gboolean    resized;    /* truncated or grown since the last sync */
  gboolean    deleted;    /* xDelete'd, not yet made durable by a sync */
} PowerFile;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  PowerFile    *pf;       /* power mode: the image, or NULL (a temporary file) */
} FaultFile;

static struct
{
  sqlite3_vfs  vfs;
  sqlite3_vfs *unix_vfs;
  gboolean     installed;

  gboolean     armed;
  gboolean     kill;
  gboolean     sticky;
  gboolean     fired;
  CpFaultKind  kind;
  guint        nth;
  int          rc;
  guint        counts[3];

  gboolean     power;
  GHashTable  *power_files;   /* name -> PowerFile */
  guint        power_calls;
  guint        power_cut_at;
} fault;

static void
power_tick (void)
{
  if (!fault.power)
    return;
  if (++fault.power_calls == fault.power_cut_at)
    kill (getpid (), SIGKILL);
}

static void
power_file_free (gpointer data)
{
  PowerFile *pf = data;

  g_free (pf->name);
  g_byte_array_unref (pf->data);
  g_hash_table_unref (pf->dirty);
  g_free (pf);
}

static PowerFile *
power_file (const char *name)
{
  PowerFile *pf = g_hash_table_lookup (fault.power_files, name);

  if (pf == NULL)
    {
      pf = g_new0 (PowerFile, 1);
      pf->name = g_strdup (name);
      pf->data = g_byte_array_new ();
      pf->dirty = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (fault.power_files, pf->name, pf);
    }
  return pf;
}

static void
mark_dirty (PowerFile     *pf,
            sqlite3_int64  off,
            sqlite3_int64  len)
{
  for (sqlite3_int64 b = off / BLOCK; b <= (off + len - 1) / BLOCK; b++)
    g_hash_table_add (pf->dirty, GSIZE_TO_POINTER ((gsize) b));
}

static int
check_fault (CpFaultKind kind)
{
  guint n = ++fault.counts[kind];

  if (!fault.armed || fault.kind != kind)
    return SQLITE_OK;

  if (n == fault.nth || (fault.sticky && fault.fired))
    {
      if (fault.kill)
        kill (getpid (), SIGKILL);
      fault.fired = TRUE;
      return fault.rc;
    }

  return SQLITE_OK;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
f_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  return rc;
}

static int
f_read (sqlite3_file  *f,
        void          *buf,
        int            amt,
        sqlite3_int64  off)
{
  PowerFile *pf = ((FaultFile *) f)->pf;
  int rc = check_fault (CP_FAULT_READ);

  power_tick ();
  if (rc != SQLITE_OK)
    return rc;

  if (pf != NULL)
    {
      sqlite3_int64 have = (sqlite3_int64) pf->data->len - off;

      if (have >= amt)
        {
          memcpy (buf, pf->data->data + off, (size_t) amt);
          return SQLITE_OK;
        }
      /* Past the end: SQLite wants the rest zeroed and SHORT_READ. */
      memset (buf, 0, (size_t) amt);
      if (have > 0)
        memcpy (buf, pf->data->data + off, (size_t) have);
      return SQLITE_IOERR_SHORT_READ;
    }

  return REAL (f)->pMethods->xRead (REAL (f), buf, amt, off);
}

static int
f_write (sqlite3_file  *f,
         const void    *buf,
         int            amt,
         sqlite3_int64  off)
{
  PowerFile *pf = ((FaultFile *) f)->pf;
  int rc = check_fault (CP_FAULT_WRITE);

  power_tick ();
  if (rc != SQLITE_OK)
    return rc;

  if (pf != NULL)
    {
      if ((sqlite3_int64) pf->data->len < off + amt)
        {
          guint old_len = pf->data->len;

          g_byte_array_set_size (pf->data, (guint) (off + amt));
          memset (pf->data->data + old_len, 0, pf->data->len - old_len);
          pf->resized = TRUE;
        }
      memcpy (pf->data->data + off, buf, (size_t) amt);
      mark_dirty (pf, off, amt);
      return SQLITE_OK;
    }

  return REAL (f)->pMethods->xWrite (REAL (f), buf, amt, off);
}

static int
f_truncate (sqlite3_file  *f,
            sqlite3_int64  size)
{
  PowerFile *pf = ((FaultFile *) f)->pf;

  power_tick ();
  if (pf != NULL)
    {
      if ((sqlite3_int64) pf->data->len > size)
        g_byte_array_set_size (pf->data, (guint) size);
      pf->resized = TRUE;
      return SQLITE_OK;
    }

  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

/* A sync commits the journal: unlinks that were waiting become durable. */
static void
power_commit_unlinks (void)
{
  GHashTableIter iter;
  PowerFile *pf;

  g_hash_table_iter_init (&iter, fault.power_files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pf))
    {
      if (pf->deleted)
        {
          unlink (pf->name);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* Writes @pf's image through @real (a handle of the same file) and syncs it. */
static int
power_write_back (PowerFile    *pf,
                  sqlite3_file *real,
                  int           flags)
{
  GHashTableIter iter;
  gpointer key;
  int rc;

  g_hash_table_iter_init (&iter, pf->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_int64 start = (sqlite3_int64) GPOINTER_TO_SIZE (key) * BLOCK;
      sqlite3_int64 len = MIN ((sqlite3_int64) BLOCK, (sqlite3_int64) pf->data->len - start);

      if (len > 0 &&
          (rc = real->pMethods->xWrite (real, pf->data->data + start, (int) len, start))
            != SQLITE_OK)
        return rc;
    }
  g_hash_table_remove_all (pf->dirty);

  if (pf->resized &&
      (rc = real->pMethods->xTruncate (real, (sqlite3_int64) pf->data->len)) != SQLITE_OK)
    return rc;
  pf->resized = FALSE;

  return real->pMethods->xSync (real, flags);
}

static int
f_sync (sqlite3_file *f,
        int           flags)
{
  PowerFile *pf = ((FaultFile *) f)->pf;
  int rc = check_fault (CP_FAULT_SYNC);

  power_tick ();
  if (rc != SQLITE_OK)
    return rc;

  if (pf != NULL)
    {
      if ((rc = power_write_back (pf, REAL (f), flags)) == SQLITE_OK)
        power_commit_unlinks ();
      return rc;
    }

  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
f_file_size (sqlite3_file  *f,
             sqlite3_int64 *size)
{
  PowerFile *pf = ((FaultFile *) f)->pf;

  if (pf != NULL)
    {
      *size = pf->data->len;
      return SQLITE_OK;
    }

  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
f_lock (sqlite3_file *f,
        int           level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
f_unlock (sqlite3_file *f,
          int           level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
f_check_reserved_lock (sqlite3_file *f,
                       int          *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
f_file_control (sqlite3_file *f,
                int           op,
                void         *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
f_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
f_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
f_shm_map (sqlite3_file   *f,
           int             page,
           int             size,
           int             extend,
           void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
f_shm_lock (sqlite3_file *f,
            int           offset,
            int           n,
            int           flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
f_shm_unmap (sqlite3_file *f,
             int           delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
f_fetch (sqlite3_file   *f,
         sqlite3_int64   off,
         int             amt,
         void          **out)
{
  /* No memory map of a file whose real bytes are not what the process sees. */
  if (((FaultFile *) f)->pf != NULL)
    {
      *out = NULL;
      return SQLITE_OK;
    }
  return REAL (f)->pMethods->xFetch (REAL (f), off, amt, out);
}

static int
f_unfetch (sqlite3_file  *f,
           sqlite3_int64  off,
           void          *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), off, p);
}

static const sqlite3_io_methods fault_methods = {
  3,
  f_close, f_read, f_write, f_truncate, f_sync, f_file_size, f_lock, f_unlock,
  f_check_reserved_lock, f_file_control, f_sector_size, f_device_characteristics,
  f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch,
};

static int
v_open (sqlite3_vfs  *vfs,
        const char   *name,
        sqlite3_file *file,
        int           flags,
        int          *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  (void) vfs;
  power_tick ();
  f->real = (sqlite3_file *) &f[1];
  f->pf = NULL;
  memset (f->real, 0, fault.unix_vfs->szOsFile);
  rc = fault.unix_vfs->xOpen (fault.unix_vfs, name, f->real, flags, out_flags);
  /* Even a failed open needs xClose when the real file got methods. */
  f->base.pMethods = f->real->pMethods ? &fault_methods : NULL;

  if (rc == SQLITE_OK && fault.power && name != NULL &&
      (flags & SQLITE_OPEN_DELETEONCLOSE) == 0)
    {
      PowerFile *pf = power_file (name);

      if (pf->deleted)
        {
          /* Hidden by an unlink that is not durable yet: a new, empty file. */
          if ((flags & SQLITE_OPEN_CREATE) == 0)
            {
              f->real->pMethods->xClose (f->real);
              f->base.pMethods = NULL;
              return SQLITE_CANTOPEN;
            }
          pf->deleted = FALSE;
          pf->loaded = TRUE;
          g_byte_array_set_size (pf->data, 0);
          g_hash_table_remove_all (pf->dirty);
          pf->resized = TRUE;
        }
      if (!pf->loaded)
        {
          sqlite3_int64 size = 0;

          if (f->real->pMethods->xFileSize (f->real, &size) == SQLITE_OK && size > 0)
            {
              g_byte_array_set_size (pf->data, (guint) size);
              if (f->real->pMethods->xRead (f->real, pf->data->data, (int) size, 0) != SQLITE_OK)
                g_error ("power mode: could not load %s", name);
            }
          pf->loaded = TRUE;
        }
      f->pf = pf;
    }

  return rc;
}

static int
v_delete (sqlite3_vfs *vfs,
          const char  *name,
          int          sync_dir)
{
  (void) vfs;
  power_tick ();
  if (fault.power)
    {
      PowerFile *pf = power_file (name);

      /* With a folder sync the unlink is durable at once; without, only at the next
       * sync of anything. */
      if (sync_dir)
        {
          g_hash_table_remove (fault.power_files, name);
          return fault.unix_vfs->xDelete (fault.unix_vfs, name, sync_dir);
        }
      pf->deleted = TRUE;
      pf->loaded = FALSE;
      g_byte_array_set_size (pf->data, 0);
      g_hash_table_remove_all (pf->dirty);
      return SQLITE_OK;
    }
  return fault.unix_vfs->xDelete (fault.unix_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs,
          const char  *name,
          int          flags,
          int         *out)
{
  PowerFile *pf = fault.power ? g_hash_table_lookup (fault.power_files, name) : NULL;

  (void) vfs;
  if (pf != NULL && pf->deleted)
    {
      *out = 0;
      return SQLITE_OK;
    }
  if (pf != NULL && flags == SQLITE_ACCESS_EXISTS)
    {
      /* SQLite asks whether a -wal is there and worth opening: by its size as seen. */
      *out = 1;
      return SQLITE_OK;
    }
  return fault.unix_vfs->xAccess (fault.unix_vfs, name, flags, out);
}

static int
v_full_pathname (sqlite3_vfs *vfs,
                 const char  *name,
                 int          n,
                 char        *out)
{
  (void) vfs;
  return fault.unix_vfs->xFullPathname (fault.unix_vfs, name, n, out);
}

static void *
v_dl_open (sqlite3_vfs *vfs,
           const char  *name)
{
  (void) vfs;
  return fault.unix_vfs->xDlOpen (fault.unix_vfs, name);
}

static void
v_dl_error (sqlite3_vfs *vfs,
            int          n,
            char        *out)
{
  (void) vfs;
  fault.unix_vfs->xDlError (fault.unix_vfs, n, out);
}

static void (*
v_dl_sym (sqlite3_vfs *vfs,
          void        *handle,
          const char  *sym)) (void)
{
  (void) vfs;
  return fault.unix_vfs->xDlSym (fault.unix_vfs, handle, sym);
}

static void
v_dl_close (sqlite3_vfs *vfs,
            void        *handle)
{
  (void) vfs;
  fault.unix_vfs->xDlClose (fault.unix_vfs, handle);
}

static int
v_randomness (sqlite3_vfs *vfs,
              int          n,
              char        *out)
{
  (void) vfs;
  return fault.unix_vfs->xRandomness (fault.unix_vfs, n, out);
}

static int
v_sleep (sqlite3_vfs *vfs,
         int          usec)
{
  (void) vfs;
  return fault.unix_vfs->xSleep (fault.unix_vfs, usec);
}

static int
v_current_time (sqlite3_vfs *vfs,
                double      *out)
{
  (void) vfs;
  return fault.unix_vfs->xCurrentTime (fault.unix_vfs, out);
}

static int
v_get_last_error (sqlite3_vfs *vfs,
                  int          n,
                  char        *out)
{
  (void) vfs;
  return fault.unix_vfs->xGetLastError (fault.unix_vfs, n, out);
}

static int
v_current_time_int64 (sqlite3_vfs   *vfs,
                      sqlite3_int64 *out)
{
  (void) vfs;
  return fault.unix_vfs->xCurrentTimeInt64 (fault.unix_vfs, out);
}

void
cp_fault_vfs_install (void)
{
  if (fault.installed)
    return;

  sqlite3_initialize ();
  fault.unix_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (fault.unix_vfs);

  fault.vfs.iVersion = 2;
  fault.vfs.szOsFile = (int) sizeof (FaultFile) + fault.unix_vfs->szOsFile;
  fault.vfs.mxPathname = fault.unix_vfs->mxPathname;
  fault.vfs.zName = "cpfault";
  fault.vfs.xOpen = v_open;
  fault.vfs.xDelete = v_delete;
  fault.vfs.xAccess = v_access;
  fault.vfs.xFullPathname = v_full_pathname;
  fault.vfs.xDlOpen = v_dl_open;
  fault.vfs.xDlError = v_dl_error;
  fault.vfs.xDlSym = v_dl_sym;
  fault.vfs.xDlClose = v_dl_close;
  fault.vfs.xRandomness = v_randomness;
  fault.vfs.xSleep = v_sleep;
  fault.vfs.xCurrentTime = v_current_time;
  fault.vfs.xGetLastError = v_get_last_error;
  fault.vfs.xCurrentTimeInt64 = v_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&fault.vfs, 1), ==, SQLITE_OK);
  fault.installed = TRUE;
}

static void
reset (void)
{
  fault.armed = FALSE;
  fault.kill = FALSE;
  fault.sticky = FALSE;
  fault.fired = FALSE;
  fault.counts[CP_FAULT_WRITE] = 0;
  fault.counts[CP_FAULT_SYNC] = 0;
  fault.counts[CP_FAULT_READ] = 0;
}

void
cp_fault_vfs_arm (CpFaultKind  kind,
                  guint        nth,
                  int          rc,
                  gboolean     sticky)
{
  reset ();
  fault.armed = TRUE;
  fault.kind = kind;
  fault.nth = nth;
  fault.rc = rc;
  fault.sticky = sticky;
}

void
cp_fault_vfs_kill_at (CpFaultKind kind,
                      guint       nth)
{
  reset ();
  fault.armed = TRUE;
  fault.kill = TRUE;
  fault.kind = kind;
  fault.nth = nth;
}

void
cp_fault_vfs_disarm (void)
{
  reset ();
}

guint
cp_fault_vfs_get_count (CpFaultKind kind)
{
  return fault.counts[kind];
}

gboolean
cp_fault_vfs_fired (void)
{
  return fault.fired;
}

void
cp_fault_vfs_power_mode (void)
{
  cp_fault_vfs_install ();
  fault.power = TRUE;
  if (fault.power_files == NULL)
    fault.power_files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, power_file_free);
}

void
cp_fault_vfs_power_cut_at (guint nth)
{
  fault.power_calls = 0;
  fault.power_cut_at = nth;
}

guint
cp_fault_vfs_get_power_calls (void)
{
  return fault.power_calls;
}

void
cp_fault_vfs_power_flush (void)
{
  GHashTableIter iter;
  PowerFile *pf;

  if (fault.power_files == NULL)
    return;

  g_hash_table_iter_init (&iter, fault.power_files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pf))
    {
      if (pf->deleted)
        unlink (pf->name);
      else if (pf->loaded && (g_hash_table_size (pf->dirty) > 0 || pf->resized))
        {
          /* Not through SQLite: the handles may all be closed. The same file (inode and
           * mode), as the kernel's write-back would leave it. */
          int fd = open (pf->name, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

          if (fd < 0 || ftruncate (fd, pf->data->len) != 0 ||
              pwrite (fd, pf->data->data, pf->data->len, 0) != (ssize_t) pf->data->len ||
              fsync (fd) != 0)
            g_error ("power mode: could not write %s back", pf->name);
          close (fd);
        }
    }
  g_hash_table_remove_all (fault.power_files);
}
