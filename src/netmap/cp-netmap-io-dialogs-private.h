/* cp-netmap-io-dialogs-private.h: what the export and import dialogs share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Tells the user over @parent's window why an export or import failed: @heading and the
 * error's message (written for people), with one button. Nothing when @parent has left
 * its window. */
void _cp_netmap_io_show_failure (GtkWidget    *parent,
                                 const char   *heading,
                                 const GError *error);

G_END_DECLS
