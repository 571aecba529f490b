/* cp-revealer.h: a closed revealer's child is hidden, so nothing measures it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cp_revealer_hide_child_when_closed (GtkRevealer *revealer);

G_END_DECLS
