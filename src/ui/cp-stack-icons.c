/* cp-stack-icons.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-stack-icons"

#include "cp-stack-icons.h"

/* A homogeneous GtkStack measures every page, shown or not, and measuring an
 * AdwStatusPage loads and renders its 128 px icon. So the pages named here get their
 * icon the first time they are the visible child of a stack on screen, and a start that
 * shows none of them loads none: the same icons, the same sizes, later. (A stack's
 * first page is its visible child until another is chosen, often before it is shown.) */

static void
visible_child_cb (GtkStack   *stack,
                  GParamSpec *pspec,
                  GHashTable *icons)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  const char *icon = name != NULL ? g_hash_table_lookup (icons, name) : NULL;

  if (icon != NULL && gtk_widget_get_mapped (GTK_WIDGET (stack))
      && ADW_IS_STATUS_PAGE (child)
      && adw_status_page_get_icon_name (ADW_STATUS_PAGE (child)) == NULL)
    adw_status_page_set_icon_name (ADW_STATUS_PAGE (child), icon);
}

static void
map_cb (GtkStack   *stack,
        GHashTable *icons)
{
  visible_child_cb (stack, NULL, icons);
}

/**
 * cp_stack_icons_when_shown:
 * @stack: a stack whose pages named below are AdwStatusPages with no icon yet
 * @first_page_name: a page's name, then its icon name, and so on, ending with %NULL
 *
 * Gives each named status page its icon once it is first shown.
 */
void
cp_stack_icons_when_shown (GtkStack   *stack,
                           const char *first_page_name,
                           ...)
{
  GHashTable *icons = g_hash_table_new (g_str_hash, g_str_equal);
  va_list args;

  g_return_if_fail (GTK_IS_STACK (stack));

  va_start (args, first_page_name);
  for (const char *name = first_page_name; name != NULL; name = va_arg (args, const char *))
    g_hash_table_insert (icons, (gpointer) name, (gpointer) va_arg (args, const char *));
  va_end (args);

  g_signal_connect_data (stack, "notify::visible-child", G_CALLBACK (visible_child_cb),
                         icons, (GClosureNotify) (void (*) (void)) g_hash_table_unref, 0);
  g_signal_connect (stack, "map", G_CALLBACK (map_cb), icons);
  visible_child_cb (stack, NULL, icons);
}
