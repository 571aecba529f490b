/* cp-commands.h: headless subcommands (cpkit check …), run without a display
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv[1] names a subcommand. */
gboolean cp_commands_handles (int    argc,
                              char **argv);
/* Runs it; returns the process exit status. */
int      cp_commands_run     (int    argc,
                              char **argv);

G_END_DECLS
