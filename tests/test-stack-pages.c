/* test-stack-pages.c: a stack's page made when first shown: not while the stack is
 * hidden or the page is not its visible child, then once, with its icon and its text.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-stack-pages"

#include "cp-test-ui.h"
#include "ui/cp-stack-pages.h"

static void
test_made_when_shown (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *empty = adw_bin_new ();
  GtkWidget *none = adw_bin_new ();
  GtkWidget *page;

  gtk_stack_add_named (stack, gtk_label_new ("Edna"), "list");
  gtk_stack_add_named (stack, empty, "empty");
  gtk_stack_add_named (stack, none, "no-results");
  cp_stack_pages_when_shown (stack, RESOURCE_PATH "/ui/cp-people-page-pages.ui",
                             "empty", "no-results", NULL);
  gtk_window_set_child (window, GTK_WIDGET (stack));

  /* Chosen while the stack is not on screen: not made yet. */
  gtk_stack_set_visible_child_name (stack, "no-results");
  g_assert_null (adw_bin_get_child (ADW_BIN (none)));

  /* On screen: made, with its icon and its words; the other page still not. */
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  page = adw_bin_get_child (ADW_BIN (none));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Matches");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==,
                   "edit-find-symbolic");
  g_assert_null (adw_bin_get_child (ADW_BIN (empty)));

  /* Shown again later: the same page, not another. */
  gtk_stack_set_visible_child_name (stack, "list");
  gtk_stack_set_visible_child_name (stack, "no-results");
  g_assert_true (adw_bin_get_child (ADW_BIN (none)) == page);

  /* The other page, with its buttons. */
  gtk_stack_set_visible_child_name (stack, "empty");
  page = adw_bin_get_child (ADW_BIN (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No People Yet");
  g_assert_nonnull (cp_test_find_widget (page, GTK_TYPE_BUTTON,
                                         "Open the _Practice Workspace"));

  gtk_window_destroy (window);
  cp_test_flush_main_context ();
}

/* A page whose words are set before it is shown (the viewer's error page) is made when
 * asked for, hidden or not, once: showing it later shows that page. */
static void
test_made_when_asked_for (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *error = adw_bin_new ();
  GtkWidget *password = adw_bin_new ();
  GtkWidget *page;

  gtk_stack_add_named (stack, gtk_label_new ("Page 1"), "document");
  gtk_stack_add_named (stack, error, "error");
  gtk_stack_add_named (stack, password, "password");
  cp_stack_pages_when_shown (stack, RESOURCE_PATH "/ui/cp-pdf-viewer-pages.ui",
                             "error", "password", NULL);
  gtk_window_set_child (window, GTK_WIDGET (stack));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (adw_bin_get_child (ADW_BIN (error)));

  page = cp_stack_pages_get (stack, "error");
  g_assert_true (adw_bin_get_child (ADW_BIN (error)) == page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                   "This Document Cannot Be Shown");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), "The file is damaged.");
  g_assert_true (cp_stack_pages_get (stack, "error") == page);
  gtk_stack_set_visible_child_name (stack, "error");
  g_assert_true (adw_bin_get_child (ADW_BIN (error)) == page);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "The file is damaged.");
  /* The locked page, with its buttons, is still not made. */
  g_assert_null (adw_bin_get_child (ADW_BIN (password)));
  page = cp_stack_pages_get (stack, "password");
  gtk_stack_set_visible_child_name (stack, "password");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (cp_test_find_widget (page, GTK_TYPE_BUTTON, "_Unlock"));

  gtk_window_destroy (window);
  cp_test_flush_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  g_test_add_func ("/cp/ui/stack-pages/made-when-shown", test_made_when_shown);
  g_test_add_func ("/cp/ui/stack-pages/made-when-asked-for", test_made_when_asked_for);
  return g_test_run ();
}
