/* cp-fault-vfs.c: an SQLite VFS for tests that wraps "unix" and fails (or kills the
 * process at) the Nth xWrite or xSync
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-fault-vfs"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cp-fault-vfs.h"

/* A shim: every file is a FaultFile whose real unix file follows it in the same block
 * (szOsFile is ours plus unix's). Only xWrite and xSync look at the fault state; every
 * other method passes straight through. Single-threaded use only (the tests). */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
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
  guint        counts[2];
} fault;

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
  return REAL (f)->pMethods->xRead (REAL (f), buf, amt, off);
}

static int
f_write (sqlite3_file  *f,
         const void    *buf,
         int            amt,
         sqlite3_int64  off)
{
  int rc = check_fault (CP_FAULT_WRITE);

  if (rc != SQLITE_OK)
    return rc;

  return REAL (f)->pMethods->xWrite (REAL (f), buf, amt, off);
}

static int
f_truncate (sqlite3_file  *f,
            sqlite3_int64  size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
f_sync (sqlite3_file *f,
        int           flags)
{
  int rc = check_fault (CP_FAULT_SYNC);

  if (rc != SQLITE_OK)
    return rc;

  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
f_file_size (sqlite3_file  *f,
             sqlite3_int64 *size)
{
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
  f->real = (sqlite3_file *) &f[1];
  memset (f->real, 0, fault.unix_vfs->szOsFile);
  rc = fault.unix_vfs->xOpen (fault.unix_vfs, name, f->real, flags, out_flags);
  /* Even a failed open needs xClose when the real file got methods. */
  f->base.pMethods = f->real->pMethods ? &fault_methods : NULL;

  return rc;
}

static int
v_delete (sqlite3_vfs *vfs,
          const char  *name,
          int          sync_dir)
{
  (void) vfs;
  return fault.unix_vfs->xDelete (fault.unix_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs,
          const char  *name,
          int          flags,
          int         *out)
{
  (void) vfs;
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
