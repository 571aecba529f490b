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
/* cp-application-early.c. Whether the app starts GTK without the GL driver: TRUE
 * unless @gsk_renderer (GSK_RENDERER) names a renderer other than Cairo or @gdk_debug
 * (GDK_DEBUG) is set. */
gboolean _cp_application_skips_gl       (const char         *gsk_renderer,
                                         const char         *gdk_debug);
/* cp-application-early.c. Sets GDK_DEBUG=gl-disable when _cp_application_skips_gl()
 * says so, before GTK starts; returns whether it did. */
gboolean _cp_application_start_gtk_without_gl (void);
/* cp-application-early.c. After GTK has started without GL: unsets GDK_DEBUG again and
 * has the display's windows drawn with Cairo. */
void     _cp_application_draw_without_gl (void);
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
