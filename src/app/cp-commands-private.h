/* cp-commands-private.h: the headless subcommands' entry points, one file per area
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/cp-store.h"

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

/* cp-commands-supervision.c: `cpkit export-supervision` */
int _cp_commands_export_supervision (int    argc,
                                     char **argv);

/* cp-commands.c: what the exports share. Each prints its own error, prefixed by
 * "cpkit @command: ". */

/* The app's settings when its schema is installed, else NULL. */
GSettings *_cp_commands_app_settings (void);
/* Opens @workspace (NULL: the user's own) for writing, without a backup; when the app
 * has it open, says @when_locked. NULL on error. */
CpStore   *_cp_commands_open_store   (const char *command,
                                      const char *workspace,
                                      const char *when_locked);
/* Where to write: @output, or @name in it when @output is a folder; NULL when a file is
 * there already and @force is not set. */
char      *_cp_commands_output_path  (const char *command,
                                      const char *output,
                                      const char *name,
                                      gboolean    force);

G_END_DECLS
