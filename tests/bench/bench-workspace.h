/* bench-workspace.h: large workspaces for the benchmarks that run the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A workspace of @n people at @path (which must not exist), written in one transaction
 * beside the store's schema. */
void bench_make_workspace (const char *path,
                           int         n);

/* Removes @path and everything under it. */
void bench_remove_tree    (const char *path);

G_END_DECLS
