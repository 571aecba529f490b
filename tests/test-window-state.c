/* test-window-state.c: a window opened by the app comes back as it was left: its size,
 * its section and the recent workspaces in the Main Menu; closing it keeps them.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-window-state"

#include "app/cp-application.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "store/cp-store.h"

/* The workspace opens in a worker, so the window comes a little after the call. */
static CpWindow *
open_window (CpApplication *app,
             const char    *path)
{
  cp_test_register_app (G_APPLICATION (app));
  cp_application_open_workspace (app, path, FALSE);
  return CP_WINDOW (cp_test_wait_for_window (CP_TYPE_WINDOW));
}

/* Every label in a menu, its sections and submenus, one per line. */
static void
collect_labels (GMenuModel *model,
                GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (out, "%s\n", label);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_labels (link, out);
          g_object_unref (link);
        }
    }
}

static void
test_restored_and_kept (void)
{
  g_autofree char *path = g_build_filename (cp_test_tmpdir (), "Team caseload.cpkit", NULL);
  g_autofree char *other = g_build_filename (cp_test_tmpdir (), "Older caseload.cpkit", NULL);
  const char *recent[] = { other, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CpApplication) app = cp_application_new ();
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *section = NULL;
  CpWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1100);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_string (settings, "last-section", "supervision");
  g_settings_set_strv (settings, "recent-workspaces", recent);

  window = open_window (app, path);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 800);
  /* the window is that big on screen, less its decorations, not as small as it can be */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 1050);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >, 750);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->section_stack), ==, "supervision");
  /* Open Recent names the other workspace by its file's name, not "No recent workspaces". */
  collect_labels (window->primary_menu, labels);
  g_assert_nonnull (strstr (labels->str, "Older caseload\n"));
  g_assert_null (strstr (labels->str, "No recent workspaces"));

  /* The list changes in the open window's menu as it changes in the settings. */
  g_settings_set_strv (settings, "recent-workspaces", (const char *[]) { path, NULL });
  g_string_truncate (labels, 0);
  collect_labels (window->primary_menu, labels);
  g_assert_nonnull (strstr (labels->str, "Team caseload\n"));
  g_assert_null (strstr (labels->str, "Older caseload"));

  /* Closing keeps the size and section the window has then. */
  _cp_window_show_section (window, "library");
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_close (GTK_WINDOW (window));
  cp_test_flush_main_context ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  section = g_settings_get_string (settings, "last-section");
  g_assert_cmpstr (section, ==, "library");
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  g_test_add_func ("/cp/app/window-state/restored-and-kept", test_restored_and_kept);
  return g_test_run ();
}
