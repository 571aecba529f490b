/* test-app-start.c: what the app sets up on the display as it starts, without a resource
 * base path (see cp-application-early.c): its style sheet, and its own icon for About.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-app-start"

#include "app/cp-application.h"
#include "app/cp-window.h"
#include "cp-test-ui.h"

/* The text colour a label with @classes takes from the display's style sheets, shown in a
 * window of its own. */
static void
label_color (const char * const *classes,
             GdkRGBA            *color)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *label = gtk_label_new ("Practice workspace");

  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_add_css_class (label, classes[i]);
  gtk_window_set_child (window, label);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (label);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_destroy (window);
}

static void
test_style_and_icon (void)
{
  g_autofree char *path = g_build_filename (cp_test_tmpdir (), "Team caseload.cpkit", NULL);
  g_autoptr(CpApplication) app = cp_application_new ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GdkRGBA plain, banner, warning;
  GtkWindow *window, *about;

  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));
  cp_test_register_app (G_APPLICATION (app));
  cp_application_open_workspace (app, path, FALSE);
  window = cp_test_wait_for_window (CP_TYPE_WINDOW);

  /* The app's own style sheet is on the display: a banner's text is light on the accent
   * colour, a warning banner's dark on yellow, where a plain label's is dark. */
  label_color ((const char *[]) { NULL }, &plain);
  label_color ((const char *[]) { "cp-banner", NULL }, &banner);
  label_color ((const char *[]) { "cp-banner", "cp-warning", NULL }, &warning);
  g_assert_cmpfloat (plain.red, <, 0.3);
  g_assert_cmpfloat (banner.red, >, 0.95);
  g_assert_cmpfloat (banner.green, >, 0.95);
  g_assert_cmpfloat (warning.red, <, 0.3);

  /* Run from the build folder, the app's icon is only in the resources: About finds it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = cp_test_wait_for_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  /* … and libadwaita's own icons are still there beside it */
  g_assert_true (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"));

  gtk_window_destroy (about);
  gtk_window_destroy (window);
  cp_test_flush_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  g_test_add_func ("/cp/app/start/style-and-icon", test_style_and_icon);
  return g_test_run ();
}
