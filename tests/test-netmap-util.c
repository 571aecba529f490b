/* test-netmap-util.c: what the network map tests share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap"

#include "test-netmap-util.h"
#include "export/cp-export-file.h"

CpNetmapRenderer *
test_netmap_renderer_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CpNetmapRenderer *renderer = cp_netmap_renderer_new (context);

  g_object_unref (context);
  return renderer;
}

CpNetmapModel *
test_netmap_practice_map (const char    *person,
                          CpNetmapModel *baseline)
{
  g_autofree char *path = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "resources",
                                            "practice", "practice.ini", NULL);
  g_autoptr(GKeyFile) practice = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  CpNetmapModel *model;

  g_assert_true (g_key_file_load_from_file (practice, path, G_KEY_FILE_NONE, &error));
  model = cp_netmap_model_new_from_practice (practice, person,
                                             baseline == NULL ? "members" : "review-members",
                                             baseline, &error);
  g_assert_no_error (error);
  return model;
}

void
test_netmap_export (CpNetmapRenderer            *renderer,
                    CpNetmapModel               *model,
                    const CpNetmapRenderOptions *options,
                    CpNetmapFormat               format,
                    double                       width,
                    double                       height,
                    const char                  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpExportFile) file = cp_export_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (cp_netmap_renderer_export (renderer, model, options, format, width, height,
                                            cp_export_file_cairo_write, file, &error));
  g_assert_no_error (error);
  g_assert_true (cp_export_file_publish (file, &error));
  g_assert_no_error (error);
}
