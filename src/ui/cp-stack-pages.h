/* cp-stack-pages.h: what a stack's pages not yet shown cost: their large icons load, and
 * pages of their own are made, only when they are first shown
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       cp_stack_icons_when_shown (GtkStack   *stack,
                                      const char *first_page_name,
                                      ...) G_GNUC_NULL_TERMINATED;
void       cp_stack_pages_when_shown (GtkStack   *stack,
                                      const char *resource_path,
                                      const char *first_page_name,
                                      ...) G_GNUC_NULL_TERMINATED;
GtkWidget *cp_stack_pages_get        (GtkStack   *stack,
                                      const char *name);

G_END_DECLS
