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

G_END_DECLS
