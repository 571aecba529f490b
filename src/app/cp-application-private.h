/* cp-application-private.h: parts of CpApplication kept in other files
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-application.h"

G_BEGIN_DECLS

/* cp-application-early.c. The workspace a launch with @argv will open, when that is
 * certain before the command line is handled (cpkit, cpkit FILE.pdf, cpkit --practice);
 * else NULL. Its store then opens in a worker while GTK starts. */
char    *_cp_application_early_path     (const char * const *argv,
                                         gboolean           *practice);
/* cp-application-early.c. Adds the app's style sheet to the display (startup). */
void     _cp_application_load_style     (void);
/* cp-application-about.c. Shows the About window over @app's active window. */
void     _cp_application_show_about     (GtkApplication     *app);

/* cp-application-pack.c. Whether @path names a supervision pack or reply (by its
 * extension). */
gboolean _cp_application_is_pack_path   (const char    *path);
/* Opens the pack @file in a window of its own after its passphrase, over @active (may
 * be NULL); for a reply, imports it into @active, a workspace's window. With packs off in
 * Preferences, says how to turn them on instead. @app may be NULL (tests). */
void     _cp_application_open_pack_file (GApplication  *app,
                                         GtkWindow     *active,
                                         GFile         *file);

G_END_DECLS
