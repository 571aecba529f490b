/* cp-test-ui.c: start-up, finding widgets, dialogs and pixels for the widget tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-test-ui"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "cp-test-ui.h"
#include "ui/cp-empty-state.h"

static char *home;

static void
remove_home (void)
{
  cp_test_rm_rf (home);
  g_clear_pointer (&home, g_free);
}

void
cp_test_ui_init (int    *argc,
                 char ***argv)
{
  static const char * const vars[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", NULL
  };

  /* Private user folders, set before GLib caches them. G_TEST_OPTION_ISOLATE_DIRS would
   * also hide the system data folders, and with them the MIME database that GTK needs to
   * load the SVG icons. */
  home = cp_test_make_tmpdir ();
  atexit (remove_home);
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

const char *
cp_test_ui_get_home (void)
{
  return home;
}

/* ---- Widgets -------------------------------------------------------------------------- */

static const char *
widget_text (GtkWidget *widget)
{
  /* A row is known by its title, also an entry row. */
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (CP_IS_EMPTY_STATE (widget))
    return cp_empty_state_get_title (CP_EMPTY_STATE (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
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

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
  gboolean    present;
} WidgetWait;

static gboolean
widget_is_as_wanted (gpointer data)
{
  WidgetWait *w = data;

  return (cp_test_find_widget (w->root, w->type, w->text) != NULL) == w->present;
}

gboolean
cp_test_wait_for_widget (GtkWidget  *root,
                         GType       type,
                         const char *text,
                         gboolean    present)
{
  WidgetWait w = { root, type, text, present };

  return cp_test_wait_until (widget_is_as_wanted, &w);
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

guint
cp_test_count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        n++;
    }
  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsWait;

static gboolean
rows_are (gpointer data)
{
  RowsWait *w = data;

  return cp_test_count_rows (w->list) == w->n;
}

void
cp_test_wait_for_rows (GtkWidget *list,
                       guint      n)
{
  RowsWait w = { list, n };

  g_assert_true (cp_test_wait_until (rows_are, &w));
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

/* ---- Dialogs -------------------------------------------------------------------------- */

/* The first visible toplevel of @type; for a message dialog, one with @heading unless
 * that is NULL. */
static gpointer
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window)
          && (heading == NULL
              || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                            heading) == 0))
        return window;
    }
  return NULL;
}

GtkWindow *
cp_test_find_window (GType type)
{
  return find_toplevel (type, NULL);
}

static gboolean
window_shown (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type), NULL) != NULL;
}

GtkWindow *
cp_test_wait_for_window (GType type)
{
  if (!cp_test_wait_until (window_shown, GSIZE_TO_POINTER (type)))
    g_error ("no %s came", g_type_name (type));
  return find_toplevel (type, NULL);
}

void
cp_test_register_app (GApplication *app)
{
  g_autoptr(GError) error = NULL;

  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
}

AdwMessageDialog *
cp_test_find_dialog (const char *heading)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading);
}

static gboolean
dialog_shown (gpointer heading)
{
  return cp_test_find_dialog (heading) != NULL;
}

AdwMessageDialog *
cp_test_wait_for_dialog (const char *heading)
{
  if (!cp_test_wait_until (dialog_shown, (gpointer) heading))
    g_error ("no dialog '%s' came", heading != NULL ? heading : "(any)");
  return cp_test_find_dialog (heading);
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

void
cp_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  cp_test_wait_until_timeout (window_is_active, window, 5);
}

void
cp_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_autoptr(GtkWindow) parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (parent != NULL)
    g_object_ref (parent);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cp_test_flush_main_context ();
  /* Under Xvfb no window manager gives the focus back to the window the dialog was
   * over, as a desktop's does: it takes it itself, or an autohiding popover the test
   * opens on it next closes at once (as it does on a window without the focus). */
  if (parent != NULL && gtk_widget_get_mapped (GTK_WIDGET (parent)))
    cp_test_present (parent);
}

/* ---- The main window -------------------------------------------------------------- */

/* GTK cannot make key events: the shortcut bound to the key on the widget is found and
 * its action run, the binding the user has, not a stand-in. */
gboolean
cp_test_press_shortcut (GtkWidget  *widget,
                        const char *accel)
{
  g_autoptr(GtkShortcutTrigger) want = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), want))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

void
cp_test_window_present (CpTestWindow *f,
                        gboolean      practice)
{
  f->window = cp_window_new (NULL, f->ws.store, practice);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  cp_test_present (GTK_WINDOW (f->window));
}

void
cp_test_window_tear_down (CpTestWindow  *f,
                          gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cp_test_flush_main_context ();
  cp_test_workspace_clear (&f->ws);
}

/* ---- What the user sees ------------------------------------------------------------- */

/* What a control is called and says on hover; NULL and "" are nothing */
static const char *
control_words (GtkWidget *w)
{
  if (GTK_IS_CHECK_BUTTON (w))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (w));
  if (GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (w))
    return gtk_button_get_label (GTK_BUTTON (w));
  return NULL;
}

void
cp_test_check_controls (GtkWidget *root,
                        GString   *missing,
                        guint     *n)
{
  gboolean control = GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root)
                     || GTK_IS_DROP_DOWN (root) || GTK_IS_ENTRY (root)
                     || GTK_IS_CHECK_BUTTON (root) || GTK_IS_SPIN_BUTTON (root)
                     || GTK_IS_SWITCH (root) || GTK_IS_TEXT_VIEW (root);

  if (control)
    {
      const char *words = control_words (root);
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL)
                       || (words != NULL && words[0] != '\0');
      const char *tip = gtk_widget_get_tooltip_text (root);

      (*n)++;
      if (!named || tip == NULL || tip[0] == '\0')
        g_string_append_printf (missing, "%s “%s”%s%s; ", G_OBJECT_TYPE_NAME (root),
                                words ? words : gtk_widget_get_name (root),
                                named ? "" : " unnamed", tip ? "" : " no tooltip");
      if (GTK_IS_MENU_BUTTON (root) && GTK_IS_POPOVER (gtk_menu_button_get_popover (
                                          GTK_MENU_BUTTON (root)))
          && !GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))))
        cp_test_check_controls (GTK_WIDGET (gtk_menu_button_get_popover (
                                  GTK_MENU_BUTTON (root))), missing, n);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    cp_test_check_controls (c, missing, n);
}

static char *
screenshot_path (const char *name)
{
  const char *dir = g_getenv ("CPKIT_SCREENSHOT_DIR");

  return g_build_filename (dir != NULL ? dir : g_getenv ("G_TEST_BUILDDIR"), name, NULL);
}

static GdkTexture *
render (GtkWidget *widget)
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
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

GdkTexture *
cp_test_render_widget (GtkWidget *widget)
{
  GdkTexture *texture = render (widget);

  if (g_getenv ("CPKIT_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strconcat (g_test_get_path (), ".png", NULL),
                                            "/", '_');
      g_autofree char *path = screenshot_path (name);

      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  return texture;
}

void
cp_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autofree char *path = screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;

  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  texture = render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
cp_test_pixels_init (CpTestPixels *p,
                     GdkTexture   *texture)
{
  p->width = gdk_texture_get_width (texture);
  p->height = gdk_texture_get_height (texture);
  p->data = g_malloc ((gsize) p->width * p->height * 4);
  gdk_texture_download (texture, p->data, (gsize) p->width * 4);
}

void
cp_test_pixels_clear (CpTestPixels *p)
{
  g_clear_pointer (&p->data, g_free);
}

double
cp_test_pixels_mean (CpTestPixels *p,
                     double        x,
                     double        y,
                     double        width,
                     double        height,
                     int           channel)
{
  double sum = 0;
  int n = 0;

  for (int j = MAX ((int) y, 0); j < MIN ((int) (y + height), p->height); j++)
    for (int i = MAX ((int) x, 0); i < MIN ((int) (x + width), p->width); i++)
      {
        sum += p->data[((gsize) j * p->width + i) * 4 + channel];
        n++;
      }
  g_assert_cmpint (n, >, 0);
  return sum / n;
}

double
cp_test_pixels_gray (CpTestPixels *p,
                     double        x,
                     double        y,
                     double        width,
                     double        height)
{
  return (cp_test_pixels_mean (p, x, y, width, height, 0)
          + cp_test_pixels_mean (p, x, y, width, height, 1)
          + cp_test_pixels_mean (p, x, y, width, height, 2)) / 3;
}

typedef enum
{
  DARK,
  LIGHT,
  ACCENT,
} Shade;

/* How many of @widget's pixels are of @shade: opaque with all three channels dark or
 * light, or blue well over red (Adwaita's accent, also faded). */
static guint
count_pixels (GtkWidget *widget,
              Shade      shade)
{
  g_autoptr(GdkTexture) texture = cp_test_render_widget (widget);
  CpTestPixels p;
  guint n = 0;

  cp_test_pixels_init (&p, texture);
  for (gsize i = 0; i < (gsize) p.width * p.height; i++)
    {
      const guchar *px = p.data + i * 4;  /* B, G, R, A, premultiplied */
      gboolean opaque = px[3] > 200;
      gboolean dark = opaque && px[0] < 80 && px[1] < 80 && px[2] < 80;
      gboolean light = opaque && px[0] > 160 && px[1] > 160 && px[2] > 160;
      /* half seen or more: a ring faded on a widget with no background of its own */
      gboolean accent = px[3] > 100 && px[0] > px[2] + 50;

      if (shade == DARK ? dark : shade == LIGHT ? light : accent)
        n++;
    }
  cp_test_pixels_clear (&p);
  return n;
}

guint
cp_test_count_dark_pixels (GtkWidget *widget)
{
  return count_pixels (widget, DARK);
}

guint
cp_test_count_light_pixels (GtkWidget *widget)
{
  return count_pixels (widget, LIGHT);
}

guint
cp_test_count_accent_pixels (GtkWidget *widget)
{
  return count_pixels (widget, ACCENT);
}
