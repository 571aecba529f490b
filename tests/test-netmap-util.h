/* test-netmap-util.h: what the network map tests share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "netmap/cp-netmap-render.h"

G_BEGIN_DECLS

/* A renderer on the default font map (DejaVu is what the tests ask for by name) */
CpNetmapRenderer *test_netmap_renderer_new (void);
/* A practice person's map: the baseline, or with @baseline the first review */
CpNetmapModel    *test_netmap_practice_map (const char    *person,
                                            CpNetmapModel *baseline);

/* Writes @model's picture to @path as an export does (cp-export-file.h) and asserts it
 * worked */
void              test_netmap_export       (CpNetmapRenderer            *renderer,
                                            CpNetmapModel               *model,
                                            const CpNetmapRenderOptions *options,
                                            CpNetmapFormat               format,
                                            double                       width,
                                            double                       height,
                                            const char                  *path);

G_END_DECLS
