/* cp-application-early.c: what a launch settles early: the workspace it will open, known
 * before GTK starts; whether GTK starts without the GL driver; and what GtkApplication's
 * resource base path would do, done so that the icon theme is read once
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-application"

#include "cp-application-private.h"
#include "store/cp-store.h"

static gboolean
is_pdf_arg (const char *arg)
{
  g_autofree char *lower = g_ascii_strdown (arg, -1);

  return arg[0] != '-' && g_str_has_suffix (lower, ".pdf");
}

/* Only the launches whose workspace is certain: "cpkit" alone and "cpkit FILE.pdf" open
 * the user's own, "cpkit --practice" alone the practice workspace (when it is there: a
 * new one is made on the window's thread, as before), "cpkit --workspace FILE" alone that
 * file (when it is there: the path as the command line makes it, so that it finds this
 * one opening). Anything else (another option, a pack, several files) is left to the
 * command line as it was. */
char *
_cp_application_early_path (const char * const *argv,
                            gboolean           *practice)
{
  guint argc = argv != NULL ? g_strv_length ((char **) argv) : 0;
  g_autofree char *path = NULL;

  *practice = FALSE;
  if (argc == 1 || (argc == 2 && is_pdf_arg (argv[1])))
    return cp_store_dup_default_path ();
  if (argc == 2 && g_strcmp0 (argv[1], "--practice") == 0)
    {
      path = cp_store_dup_practice_path ();
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return NULL;
      *practice = TRUE;
      return g_steal_pointer (&path);
    }
  if (argc == 3 && (g_strcmp0 (argv[1], "--workspace") == 0 || g_strcmp0 (argv[1], "-w") == 0))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);

      path = g_file_get_path (file);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return NULL;
      return g_steal_pointer (&path);
    }
  return NULL;
}

/* GTK 4 on X11 loads the GL driver as it opens the display, whatever renderer then draws:
 * under Mesa's llvmpipe that is about 60 MiB and 70 ms before the first frame. The app is
 * drawn with GTK's Cairo renderer (its lists, forms, map and PDF pages need no GPU), so
 * it asks GDK not to load GL, by GDK_DEBUG=gl-disable, the one switch GTK 4.8 has. A user
 * who names another renderer in GSK_RENDERER, or sets GDK_DEBUG, is steering GTK
 * themselves: then nothing is changed. */
gboolean
_cp_application_skips_gl (const char *gsk_renderer,
                          const char *gdk_debug)
{
  if (gdk_debug != NULL && gdk_debug[0] != '\0')
    return FALSE;
  return gsk_renderer == NULL || gsk_renderer[0] == '\0'
         || g_ascii_strcasecmp (gsk_renderer, "cairo") == 0;
}

/* Before GTK starts, while no other thread runs. Returns whether it set GDK_DEBUG. */
gboolean
_cp_application_start_gtk_without_gl (void)
{
  return _cp_application_skips_gl (g_getenv ("GSK_RENDERER"), g_getenv ("GDK_DEBUG"))
         && g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
}

/* Once GTK has started. GDK has read GDK_DEBUG: programs the app opens (a link's browser)
 * start without it. GSK would still try GL for each window, and say on stderr that it
 * could not: the display's "gsk-renderer", which GSK reads before GSK_RENDERER, names
 * Cairo. */
void
_cp_application_draw_without_gl (void)
{
  g_unsetenv ("GDK_DEBUG");
  g_object_set_data_full (G_OBJECT (gdk_display_get_default ()), "gsk-renderer",
                          g_strdup ("cairo"), g_free);
}

/* Why the application has no resource base path (cp_application_new): GtkApplication
 * would add "BASE/icons" to the display's icon theme as it starts, creating the theme,
 * and creating it starts GTK's read of the theme's folders in a worker. libadwaita then
 * adds its own icons: a change to the theme waits for a read under way and throws it
 * away. The window's thread waited about 20 ms there in most starts (the worker had
 * usually taken the theme's lock first), and the read was done again. Without the base
 * path, libadwaita creates the theme and adds its icons at once, before GTK's worker has
 * begun, and that read is the only one. What the base path gave is done here: the style
 * sheet now, the app's own icon when it is asked for. */
void
_cp_application_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
