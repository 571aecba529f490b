/* cp-application-early.c: what a launch starts early: the workspace it will open, known
 * before GTK starts, and the reading of the icon theme
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

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* (any name: the theme reads its folders to answer; this is the Main Menu's icon) */
  gtk_icon_theme_has_icon (task_data, "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* Left to itself, the window's first icon reads the icon theme's folders on this thread,
 * in the middle of the first frame (GTK's own early read, in a worker, has not covered
 * it by then: the profile showed a tenth of the window's making spent there). A worker
 * reads them now, under the theme's own lock as GTK's worker does, while GTK finishes
 * starting and the window is built. */
void
_cp_application_read_icon_theme_early (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}
