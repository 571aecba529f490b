/* cp-platform.h: what the operating system can do for people's data
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the folder holding @path (or @path itself) is on an encrypted block device:
 * a device-mapper "CRYPT-" target (LUKS, plain dm-crypt) anywhere under the file
 * system's block device, found through /sys/dev/block/MAJOR:MINOR and its slaves/.
 * @known (may be NULL) is set FALSE when it cannot tell: tmpfs, overlay, network and
 * other file systems without a block device, no /sys, or a path that does not exist;
 * the result is then FALSE. Per-folder encryption (fscrypt, eCryptfs) is not detected:
 * it reports known=TRUE, not encrypted when the device under it is plain. No GTK, no
 * writes; quick (a few stat() and small reads). */
gboolean     cp_platform_path_is_encrypted   (const char  *path,
                                              gboolean    *known);

/* Call once at the start of main (): no core dumps of this process (RLIMIT_CORE 0 and
 * PR_SET_DUMPABLE 0, which also covers systemd-coredump), since its memory holds
 * people's data. Also stops debuggers of the same user attaching. FALSE when either
 * call failed (nothing to show the user). */
gboolean     cp_platform_disable_core_dumps  (void);

G_END_DECLS
