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

#include "cp-netmap-demo-util.h"
#include "netmap/cp-netmap-page.h"
#include "store/cp-store-netmap.h"

typedef struct
{
  CpNetmapPage *page;
  CpStore      *store;
} Demo;

static void
command (const char *line,
         gpointer    data)
{
  Demo *demo = data;

  if (g_str_equal (line, "members"))
    {
      g_autoptr(CpNetmapModel) model = NULL;
      gint64 id = cp_netmap_page_get_snapshot (demo->page);

      model = id != 0 ? cp_store_load_snapshot (demo->store, id, NULL) : NULL;
      cp_demo_say ("members %u", model ? cp_netmap_model_get_n_members (model) : 0);
    }
  else
    cp_demo_say ("unknown %s", line);
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
  GtkWidget *window;
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

  cp_demo_init (dark);

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

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Network tab");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  demo.page = CP_NETMAP_PAGE (cp_netmap_page_new (demo.store));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (demo.page));
  cp_netmap_page_set_person (demo.page, person);
  g_object_set (demo.page, "list-mode", list, "compare-mode", compare, NULL);

  cp_demo_run (GTK_WINDOW (window), &(CpDemoRun) { .screenshot = screenshot, .events = events,
                                                   .command = command, .data = &demo });

  cp_netmap_page_flush (demo.page);
  gtk_window_destroy (GTK_WINDOW (window));
  cp_store_close (demo.store);
  g_clear_object (&demo.store);
  return 0;
}
