/* cp-test-ui.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cp-test-ui.h"

void
cp_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("cpkit-ui-test-XXXXXX", NULL);
  static const char * const vars[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", NULL
  };

  /* Private user folders, set before GLib caches them. G_TEST_OPTION_ISOLATE_DIRS would
   * also hide the system data folders, and with them the MIME database that GTK needs to
   * load the SVG icons. */
  g_assert_nonnull (home);
  for (guint i = 0; vars[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  /* Screens are checked in their final state, not half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
cp_test_flush_main_context (void)
{
  for (int i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
cp_test_wait_until (gboolean (*condition) (gpointer data),
                    gpointer   data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

static const char *
widget_text (GtkWidget *widget)
{
  /* A row is known by its title, also an entry row. */
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_DROP_DOWN (widget)
      && GTK_IS_STRING_OBJECT (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget))))
    return gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget)));
  return NULL;
}

GtkWidget *
cp_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_is_drawable (root)
      && (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cp_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
cp_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cp_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GdkTexture *
cp_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
cp_test_save_screenshot (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GdkTexture) texture = cp_test_render_widget (widget);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
cp_test_type_text (GtkEditable *editable,
                   const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int pos = gtk_editable_get_position (editable);

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &pos);
      gtk_editable_set_position (editable, pos);
      cp_test_flush_main_context ();
    }
}

char *
cp_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cpkit-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cp_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          cp_test_rm_rf (child);
        }
    }
  g_remove (path);
}
