/* cp-platform-priority.c: background threads that give way to the window's thread
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define _GNU_SOURCE 1
#define G_LOG_DOMAIN "cp-platform"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cp-platform.h"

/* Ten steps nicer than the process: when both want a core, the calling thread gets about
 * a tenth of the time the window's thread gets; with a core to spare it runs as fast. */
#define BACKGROUND_NICENESS 10

gboolean
cp_platform_lower_thread_priority (void)
{
#ifdef __linux__
  /* On Linux a thread's nice value is its own: PRIO_PROCESS with a thread id sets that
   * thread's alone (setpriority(2), "BUGS"). */
  pid_t tid = (pid_t) syscall (SYS_gettid);
  int now;

  errno = 0;
  now = getpriority (PRIO_PROCESS, (id_t) tid);
  if (now == -1 && errno != 0)
    return FALSE;
  if (setpriority (PRIO_PROCESS, (id_t) tid, MIN (now + BACKGROUND_NICENESS, 19)) != 0)
    {
      g_debug ("setpriority: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
#else
  return FALSE;
#endif
}
