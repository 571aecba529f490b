/* cp-netmap-demo-util.h: what the network map demos share: a window run until quit,
 * a screenshot of its first frame, or its X11 window said and commands read from stdin
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts GTK and libadwaita, without animations (a frame shows where things end up), in
 * the dark style when @dark */
void cp_demo_init (gboolean dark);

/* Called at the first frame (and again after each frame it asked for): return TRUE to
 * have one more frame drawn first (e.g. after moving the focus). */
typedef gboolean (*CpDemoPrepareFunc) (gpointer    data);
/* One command line from stdin (stripped; never "quit", which ends the run) */
typedef void     (*CpDemoCommandFunc) (const char *line,
                                       gpointer    data);

typedef struct
{
  const char        *screenshot;   /* save the first frame as this PNG and quit; or NULL */
  gboolean           events;       /* say "ready XID" once drawn, then read commands */
  CpDemoPrepareFunc  prepare;      /* or NULL */
  CpDemoCommandFunc  command;      /* or NULL */
  gpointer           data;
} CpDemoRun;

/* Presents @window and runs until "quit", the end of stdin, the window's close button,
 * or the screenshot is saved. The window is left for the caller to destroy. */
void cp_demo_run (GtkWindow       *window,
                  const CpDemoRun *run);

/* Prints one line on stdout at once (the driving script reads it) */
void cp_demo_say (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
