/* cp-application-about.c: the About window, with the app's icon
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-application"

#include <glib/gi18n.h>

#include "cp-application-private.h"
#include "ui/cp-a11y.h"

/* The app's icon (About) is in the system's icon theme once installed; run from the build
 * folder, only in the resources, which the theme then reads too. */
static void
ensure_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  if (!gtk_icon_theme_has_icon (theme, APP_ID))
    gtk_icon_theme_add_resource_path (theme, RESOURCE_PATH "/icons");
}

void
_cp_application_show_about (GtkApplication *app)
{
  static const char *developers[] = { "The Connecting People Kit authors", NULL };
  GtkWidget *about;

  ensure_app_icon ();
  /* As adw_show_about_window() does, but the window is ours to mend: its version
   * button has no accessible name of its own. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", DISPLAY_NAME,
                        "application-icon", APP_ID,
                        "developer-name", _("The Connecting People Kit authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("For social workers who practise Connecting People: "
                                      "keep your caseload, where each person’s work "
                                      "stands and what they agreed to, and read the "
                                      "training manual and guide. Everything stays in "
                                      "one file on this computer."),
                        "website", "https://github.com/cpkit/connecting-people-kit",
                        "issue-url", "https://github.com/cpkit/connecting-people-kit/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Connecting People Kit authors",
                        "developers", developers,
                        NULL);
  cp_a11y_fix_names (about);
  gtk_window_present (GTK_WINDOW (about));
}
