/* bare-window.c: a bare GTK 4 window that reports its first frame — the floor that
 * bench-startup compares the app's start-up with.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bare-window"

#include <gtk/gtk.h>
#include <stdio.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GMainLoop     *loop)
{
  g_print ("first-frame\n");
  fflush (stdout);
  g_main_loop_quit (loop);
}

int
main (int   argc,
      char *argv[])
{
  GMainLoop *loop;
  GtkWidget *window;

  gtk_init ();
  loop = g_main_loop_new (NULL, FALSE);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), loop);
  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (loop);
  return 0;
}
