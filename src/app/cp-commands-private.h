/* cp-commands-private.h: the headless subcommands' entry points, one file per area
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

/* cp-commands-network.c: `cpkit export-network` and `cpkit import-network` */
int _cp_commands_export_network (int    argc,
                                 char **argv);
int _cp_commands_import_network (int    argc,
                                 char **argv);

/* cp-commands-plan.c: `cpkit export-plan` */
int _cp_commands_export_plan    (int    argc,
                                 char **argv);

G_END_DECLS
