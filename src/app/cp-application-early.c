/* cp-application-early.c: which workspace a launch will open, known before GTK starts
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
