/* cp-netmap-page-demo.c: the Network tab on a workspace of its own, for the keyboard test
 * and a look
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a CpNetmapPage, as the person page holds it, in a window of its own, on the
 * workspace FILE (made when it is not there): with --practice the practice workspace and
 * Jo's map, otherwise one person with an empty baseline map. Edits go to the store, so a
 * test reads them back from FILE once the demo has quit.
 *
 *   cp-netmap-page-demo --workspace FILE [--practice] [--list] [--compare] [--width N]
 *                       [--height N] [--dark] [--events] [--screenshot FILE.png]
 *
 * --list opens list entry (the keyboard in its new row), as the List Entry button does;
 * --compare the comparison. --screenshot saves the window's first frame as PNG and quits.
 * With --events it prints "ready XID" once drawn and reads commands from stdin:
 *   members    → members N       (on the map shown, as the page has them from the store)
 *   quit
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page-demo"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "cp-test-ui.h"
#include "netmap/cp-netmap-page.h"
#include "store/cp-store-netmap.h"

typedef struct
{
  GtkWidget        *window;
  CpNetmapPage     *page;
  CpStore          *store;
  GMainLoop        *loop;
  GDataInputStream *input;
  char             *screenshot;
  gboolean          events;
} Demo;

static void read_command (Demo *demo);

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Demo *demo = data;
  g_autofree char *line = g_data_input_stream_read_line_finish (demo->input, result, NULL, NULL);

  if (line == NULL || g_str_equal (g_strstrip (line), "quit"))
    {
      g_main_loop_quit (demo->loop);
      return;
    }
  if (g_str_equal (line, "members"))
    {
      g_autoptr(CpNetmapModel) model = NULL;
      gint64 id = cp_netmap_page_get_snapshot (demo->page);

      model = id != 0 ? cp_store_load_snapshot (demo->store, id, NULL) : NULL;
      printf ("members %u\n", model ? cp_netmap_model_get_n_members (model) : 0);
    }
  else
    printf ("unknown %s\n", line);
  fflush (stdout);
  read_command (demo);
}

static void
read_command (Demo *demo)
{
  g_data_input_stream_read_line_async (demo->input, G_PRIORITY_DEFAULT, NULL, line_cb, demo);
}

static void
drawn_cb (GdkFrameClock *clock,
          Demo          *demo)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (demo->window));

  g_signal_handlers_disconnect_by_func (clock, drawn_cb, demo);
  if (demo->screenshot != NULL)
    {
      g_autoptr(GdkTexture) texture = cp_test_render_widget (demo->window);

      if (!gdk_texture_save_to_png (texture, demo->screenshot))
        g_printerr ("could not write %s\n", demo->screenshot);
      g_main_loop_quit (demo->loop);
      return;
    }
  if (!demo->events)
    return;
  printf ("ready %lu\n", GDK_IS_X11_SURFACE (surface) ? gdk_x11_surface_get_xid (surface) : 0);
  fflush (stdout);
  read_command (demo);
}

static void
map_cb (GtkWidget *window,
        Demo      *demo)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (drawn_cb),
                    demo);
  gtk_widget_queue_draw (window);
}

static gboolean
close_request_cb (GtkWindow *window,
                  Demo      *demo)
{
  g_main_loop_quit (demo->loop);
  return TRUE;
}

/* The person to show: Jo of the practice workspace, or a new person with an empty map */
static gint64
open_person (CpStore  *store,
             gboolean  practice,
             GError  **error)
{
  GListModel *people = cp_store_get_people (store);
  gint64 id;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      if (!practice || g_str_equal (cp_person_get_name (p), "Jo"))
        return cp_person_get_id (p);
    }
  id = cp_store_add_person (store, "Alex", error);
  if (id == 0 || cp_store_start_map (store, id, error) == 0)
    return 0;
  return id;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *workspace = NULL;
  g_autofree char *screenshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  gboolean practice = FALSE;
  gboolean list = FALSE;
  gboolean compare = FALSE;
  gboolean dark = FALSE;
  gboolean events = FALSE;
  int width = 1000;
  int height = 700;
  gint64 person;
  Demo demo = { 0 };
  GOptionEntry entries[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &workspace, "The workspace", "FILE" },
    { "practice", 0, 0, G_OPTION_ARG_NONE, &practice, "The practice workspace, Jo", NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "List entry", NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &compare, "Compare two maps", NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, "Say when ready, read commands", NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot, "Save a PNG and quit", "FILE" },
    { NULL }
  };

  g_set_prgname ("cp-netmap-page-demo");
  context = g_option_context_new ("— the Network tab on a workspace");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || workspace == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--workspace FILE is needed");
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  if (practice && !g_file_test (workspace, G_FILE_TEST_EXISTS)
      && !cp_store_create_practice (workspace, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  demo.store = cp_store_open (workspace, CP_STORE_OPEN_NO_BACKUP, &error);
  person = demo.store ? open_person (demo.store, practice, &error) : 0;
  if (person == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  demo.events = events;
  demo.screenshot = screenshot;
  demo.loop = g_main_loop_new (NULL, FALSE);
  stdin_stream = g_unix_input_stream_new (0, FALSE);
  demo.input = g_data_input_stream_new (stdin_stream);

  demo.window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (demo.window), "Network tab");
  gtk_window_set_default_size (GTK_WINDOW (demo.window), width, height);
  demo.page = CP_NETMAP_PAGE (cp_netmap_page_new (demo.store));
  gtk_window_set_child (GTK_WINDOW (demo.window), GTK_WIDGET (demo.page));
  cp_netmap_page_set_person (demo.page, person);
  g_object_set (demo.page, "list-mode", list, "compare-mode", compare, NULL);

  g_signal_connect (demo.window, "map", G_CALLBACK (map_cb), &demo);
  g_signal_connect (demo.window, "close-request", G_CALLBACK (close_request_cb), &demo);
  gtk_window_present (GTK_WINDOW (demo.window));
  g_main_loop_run (demo.loop);

  cp_netmap_page_flush (demo.page);
  gtk_window_destroy (GTK_WINDOW (demo.window));
  cp_store_close (demo.store);
  g_clear_object (&demo.store);
  g_clear_object (&demo.input);
  g_main_loop_unref (demo.loop);
  return 0;
}
