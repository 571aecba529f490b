/* cp-commands-private.h: the subcommands, one function each
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes the arguments after "cpkit" (argv[0] is the subcommand) and returns the
 * process exit status. */

/* cp-commands-plan.c */
int _cp_commands_export_plan (int    argc,
                              char **argv);

G_END_DECLS
