/* cp-stack-icons.h: a stack's status pages load their large icons only when shown
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void cp_stack_icons_when_shown (GtkStack   *stack,
                                const char *first_page_name,
                                ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
