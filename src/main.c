/* main.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cpkit"

#include <glib/gi18n.h>
#include <locale.h>

#include "app/cp-application.h"
#include "app/cp-commands.h"
#include "store/cp-store.h"
#include "util/cp-platform.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CpApplication) app = NULL;
  int status;

  /* A core file would hold whatever personal data was in memory. */
  cp_platform_disable_core_dumps ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless jobs run before any GtkApplication exists: they need no display. */
  if (cp_commands_handles (argc, argv))
    return cp_commands_run (argc, argv);

  app = cp_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status;
}
