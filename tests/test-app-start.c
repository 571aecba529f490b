/* test-app-start.c: what the app sets up on the display as it starts, without a resource
 * base path (see cp-application-early.c): its style sheet, and its own icon for About.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-app-start"

#include "app/cp-application.h"
#include "app/cp-window.h"
#include "pdf/cp-pdf-view.h"
#include "cp-test-ui.h"

/* The text colour and font a label with @classes takes from the display's style sheets,
 * shown in a window of its own, in a box with @box_class when not NULL. */
static void
label_style (const char         *box_class,
             const char * const *classes,
             GdkRGBA            *color,
             int                *size,
             PangoWeight        *weight)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Practice workspace");
  const PangoFontDescription *font;

  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_add_css_class (label, classes[i]);
  if (box_class != NULL)
    gtk_widget_add_css_class (box, box_class);
  gtk_box_append (GTK_BOX (box), label);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (label);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (color != NULL)
    gtk_style_context_get_color (gtk_widget_get_style_context (label), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  if (size != NULL)
    *size = pango_font_description_get_size (font);
  if (weight != NULL)
    *weight = pango_font_description_get_weight (font);
  gtk_window_destroy (window);
}

static void
label_color (const char * const *classes,
             GdkRGBA            *color)
{
  label_style (NULL, classes, color, NULL, NULL);
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

/* How many pixels of @drawn @count finds, with @focus focused in @window (shown), while
 * the window hides where the keyboard is (*@hidden) and then shows it (*@shown). */
static void
count_with_focus_shown (GtkWindow  *window,
                        GtkWidget  *focus,
                        GtkWidget  *drawn,
                        guint     (*count) (GtkWidget *),
                        guint      *hidden,
                        guint      *shown)
{
  cp_test_present (window);
  /* A ring fades in; measured at once, it would still be transparent. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (gtk_widget_grab_focus (focus));
  /* Focused only while the window is active: another window can take that for a moment
   * (there is no window manager), and a ring is drawn only on a widget that has it. */
  gtk_window_present (window);
  g_assert_true (cp_test_wait_until (has_focus, focus));

  gtk_window_set_focus_visible (window, FALSE);
  gtk_test_widget_wait_for_draw (focus);
  *hidden = count (drawn);
  gtk_window_set_focus_visible (window, TRUE);
  gtk_test_widget_wait_for_draw (focus);
  *shown = count (drawn);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* A button on the accent-coloured banner shows where the keyboard is: its focus ring is
 * light, where Adwaita's accent-coloured ring would not show on the accent colour. */
static void
check_banner_focus_ring (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("Leave");
  guint unfocused, focused;

  gtk_widget_add_css_class (banner, "cp-banner");
  gtk_box_append (GTK_BOX (banner), button);
  gtk_window_set_child (window, banner);
  count_with_focus_shown (window, button, banner, cp_test_count_light_pixels,
                          &unfocused, &focused);

  /* The ring goes round the whole button: at least its width twice over in light pixels */
  g_assert_cmpuint (focused, >, unfocused + 2 * (guint) gtk_widget_get_width (button));

  gtk_window_destroy (window);
}

/* A page that takes the keyboard itself, to scroll, is ringed in the accent colour when
 * it has it: a scrolled window with only text in it, and the PDF view. */
static void
check_page_focus_ring (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  guint unfocused, focused;

  gtk_window_set_default_size (window, 300, 200);
  gtk_window_set_child (window, page);
  count_with_focus_shown (window, page, GTK_WIDGET (window), cp_test_count_accent_pixels,
                          &unfocused, &focused);

  /* The ring goes round the page, two pixels wide. */
  g_assert_cmpuint (focused, >, unfocused + 2 * (guint) (gtk_widget_get_width (page)
                                                         + gtk_widget_get_height (page)));

  gtk_window_destroy (window);
}

static void
test_style_and_icon (void)
{
  g_autofree char *path = g_build_filename (cp_test_tmpdir (), "Team caseload.cpkit", NULL);
  g_autoptr(CpApplication) app = cp_application_new ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GdkRGBA plain, banner, warning;
  GtkWindow *window, *about;

  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));
  cp_test_register_app (G_APPLICATION (app));
  cp_application_open_workspace (app, path, FALSE);
  window = cp_test_wait_for_window (CP_TYPE_WINDOW);

  /* The app's own style sheet is on the display: a banner's text is light on the accent
   * colour, a warning banner's dark on yellow, where a plain label's is dark. */
  label_color ((const char *[]) { NULL }, &plain);
  label_color ((const char *[]) { "cp-banner", NULL }, &banner);
  label_color ((const char *[]) { "cp-banner", "cp-warning", NULL }, &warning);
  g_assert_cmpfloat (plain.red, <, 0.3);
  g_assert_cmpfloat (banner.red, >, 0.95);
  g_assert_cmpfloat (banner.green, >, 0.95);
  g_assert_cmpfloat (warning.red, <, 0.3);
  check_banner_focus_ring ();
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                   gtk_label_new ("Before this session"));
    check_page_focus_ring (scroller);
    check_page_focus_ring (GTK_WIDGET (cp_pdf_view_new ()));
  }

  /* Headings and body text are at the size the user chose, not libadwaita's fixed 11pt,
   * bold for a heading; in the with-person view a heading is as large as the text
   * beside it. */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    g_autofree char *font_name = NULL;
    int plain_size, heading_size, body_size, facing_size, facing_heading_size;
    PangoWeight weight;

    g_object_get (settings, "gtk-font-name", &font_name, NULL);
    g_object_set (settings, "gtk-font-name", "Sans 13", NULL);
    label_style (NULL, (const char *[]) { NULL }, NULL, &plain_size, NULL);
    label_style (NULL, (const char *[]) { "heading", NULL }, NULL, &heading_size, &weight);
    label_style (NULL, (const char *[]) { "body", NULL }, NULL, &body_size, NULL);
    label_style ("cp-with-person", (const char *[]) { NULL }, NULL, &facing_size, NULL);
    label_style ("cp-with-person", (const char *[]) { "heading", NULL }, NULL,
                 &facing_heading_size, NULL);
    g_object_set (settings, "gtk-font-name", font_name, NULL);

    g_assert_cmpint (heading_size, ==, plain_size);
    g_assert_cmpint (weight, ==, PANGO_WEIGHT_BOLD);
    g_assert_cmpint (body_size, ==, plain_size);
    g_assert_cmpint (facing_size, >, plain_size);
    g_assert_cmpint (facing_heading_size, ==, facing_size);
  }

  /* Run from the build folder, the app's icon is only in the resources: About finds it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = cp_test_wait_for_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  /* … and libadwaita's own icons are still there beside it */
  g_assert_true (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"));

  gtk_window_destroy (about);
  gtk_window_destroy (window);
  cp_test_flush_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  g_test_add_func ("/cp/app/start/style-and-icon", test_style_and_icon);
  return g_test_run ();
}
