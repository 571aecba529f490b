/* cp-fault-vfs.h: an SQLite VFS for tests that wraps "unix" and fails (or kills the
 * process at) the Nth xWrite or xSync
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CP_FAULT_WRITE,   /* xWrite on any file: the database, its -wal, a journal, a backup */
  CP_FAULT_SYNC,    /* xSync */
  CP_FAULT_READ,    /* xRead */
} CpFaultKind;

/* Registers the VFS "cpfault" as the default, so every connection the store opens goes
 * through it. It does nothing until armed. Safe to call more than once. */
void      cp_fault_vfs_install    (void);

/* From now on, the @nth call (1-based) of @kind fails with @rc (SQLITE_FULL,
 * SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC …) without touching the file. With @sticky,
 * every later call of @kind fails too (a disk that stays full) until disarmed.
 * Resets the counters. */
void      cp_fault_vfs_arm        (CpFaultKind  kind,
                                   guint        nth,
                                   int          rc,
                                   gboolean     sticky);
/* At the @nth call of @kind, the process sends itself SIGKILL before the call reaches
 * the file (the crash helper). Resets the counters. */
void      cp_fault_vfs_kill_at    (CpFaultKind  kind,
                                   guint        nth);
/* No more faults; resets the counters. */
void      cp_fault_vfs_disarm     (void);
/* Calls of @kind since the last arm, kill_at or disarm. */
guint     cp_fault_vfs_get_count  (CpFaultKind  kind);
/* Whether a fault was injected since the last arm. */
gboolean  cp_fault_vfs_fired      (void);

/* ---- Power cuts ----------------------------------------------------------------------- *
 *
 * Once xWrite returns, the data is in the page cache: a killed process loses none of it,
 * a power cut loses all of it that was not synced. In power mode every file the VFS opens
 * by name (databases, their -wal, journals, copies) is kept in this process's memory as
 * the process sees it: xWrite and xTruncate change only that image (xRead and
 * xFileSize see it), and a successful xSync of a file writes its image through and syncs
 * it. xDelete without a folder sync only hides the file until the next successful xSync
 * (the journal of an ext4-like file system commits the unlink then). So when the power
 * goes (the process kills itself at the Nth call), the files on disk hold exactly what
 * was synced. The -shm is shared memory and passes through: SQLite rebuilds it from the
 * -wal after a crash. */

/* Turns power mode on for the rest of the process (before the first open). */
void      cp_fault_vfs_power_mode (void);
/* At the @nth counted call from now (xOpen, xRead, xWrite, xTruncate, xSync, xDelete,
 * 1-based; 0: never) the power goes: SIGKILL, before the call reaches anything. */
void      cp_fault_vfs_power_cut_at (guint nth);
/* Counted calls since cp_fault_vfs_power_cut_at. */
guint     cp_fault_vfs_get_power_calls (void);
/* An orderly end (the system writes everything back): every image goes to disk. */
void      cp_fault_vfs_power_flush (void);

G_END_DECLS
