/* cp-platform-core-dumps.c: keep the process's memory (people's data) out of core dumps
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-platform"

#include <errno.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "cp-platform.h"

gboolean
cp_platform_disable_core_dumps (void)
{
  struct rlimit none = { 0, 0 };
  gboolean ok = TRUE;

  /* No core file, whatever the limits were … */
  if (setrlimit (RLIMIT_CORE, &none) != 0)
    {
      g_debug ("setrlimit (RLIMIT_CORE): %s", g_strerror (errno));
      ok = FALSE;
    }

  /* … and not dumpable at all: systemd-coredump and a core_pattern pipe ignore
   * RLIMIT_CORE, but not this. It also keeps other processes of the same user from
   * attaching a debugger or reading /proc/PID/mem. */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    {
      g_debug ("prctl (PR_SET_DUMPABLE): %s", g_strerror (errno));
      ok = FALSE;
    }

  return ok;
}
