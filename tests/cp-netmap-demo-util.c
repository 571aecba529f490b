/* cp-netmap-demo-util.c: what the network map demos share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-demo"

#include <gdk/x11/gdkx.h>
#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "cp-netmap-demo-util.h"
#include "cp-test-ui.h"

typedef struct
{
  const CpDemoRun  *run;
  GtkWidget        *window;
  GMainLoop        *loop;
  GDataInputStream *input;
  GCancellable     *cancellable;   /* a read still waiting when the run ends */
} Runner;

void
cp_demo_init (gboolean dark)
{
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
}

void
cp_demo_say (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void read_command (Runner *r);

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source),
                                                                result, NULL, &error);
  Runner *r = data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;         /* the run is over: @r is gone */
  /* no more lines: the driver has gone */
  if (line == NULL || g_str_equal (g_strstrip (line), "quit"))
    {
      g_main_loop_quit (r->loop);
      return;
    }
  if (r->run->command != NULL)
    r->run->command (line, r->run->data);
  read_command (r);
}

static void
read_command (Runner *r)
{
  g_data_input_stream_read_line_async (r->input, G_PRIORITY_DEFAULT, r->cancellable, line_cb, r);
}

static void
drawn_cb (GdkFrameClock *clock,
          Runner        *r)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (r->window));

  if (r->run->prepare != NULL && r->run->prepare (r->run->data))
    {
      gtk_widget_queue_draw (r->window);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, drawn_cb, r);
  if (r->run->screenshot != NULL)
    {
      g_autoptr(GdkTexture) texture = cp_test_render_widget (r->window);

      if (!gdk_texture_save_to_png (texture, r->run->screenshot))
        g_printerr ("could not write %s\n", r->run->screenshot);
      g_main_loop_quit (r->loop);
      return;
    }
  if (!r->run->events)
    return;
  cp_demo_say ("ready %lu", GDK_IS_X11_SURFACE (surface) ? gdk_x11_surface_get_xid (surface) : 0);
  read_command (r);
}

static void
map_cb (GtkWidget *window,
        Runner    *r)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (drawn_cb), r);
  gtk_widget_queue_draw (window);
}

static gboolean
close_request_cb (GtkWindow *window,
                  Runner    *r)
{
  g_main_loop_quit (r->loop);
  return TRUE;
}

void
cp_demo_run (GtkWindow       *window,
             const CpDemoRun *run)
{
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  Runner r = {
    .run = run,
    .window = GTK_WIDGET (window),
    .loop = g_main_loop_new (NULL, FALSE),
    .input = g_data_input_stream_new (stdin_stream),
    .cancellable = g_cancellable_new (),
  };

  g_signal_connect (window, "map", G_CALLBACK (map_cb), &r);
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), &r);
  gtk_window_present (window);
  g_main_loop_run (r.loop);
  g_signal_handlers_disconnect_by_data (window, &r);
  if (gtk_widget_get_frame_clock (r.window) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (r.window), &r);
  g_cancellable_cancel (r.cancellable);
  g_clear_object (&r.cancellable);
  g_clear_object (&r.input);
  g_main_loop_unref (r.loop);
}
