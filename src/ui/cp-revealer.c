/* cp-revealer.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-revealer"

#include "cp-revealer.h"

/* GtkRevealer measures its child even while it shows none of it, and a wrapping label is
 * measured at every width a layout tries: the window's closed banners cost its first
 * frame a third of its text layouts. So a banner's child is hidden while its revealer
 * is closed, shown as it starts to open, and hidden again once it has closed. */

static void
sync_child (GtkRevealer *revealer)
{
  GtkWidget *child = gtk_revealer_get_child (revealer);

  if (child == NULL)
    return;
  if (gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (child, TRUE);
  else if (!gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (child, FALSE);
}

void
cp_revealer_hide_child_when_closed (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (sync_child), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (sync_child), NULL);
  sync_child (revealer);
}
