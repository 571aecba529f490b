/* test-empty-state.c: an empty page's picture, title and help, centred, wrapped to the
 * page's width; on a page too short for them all, the picture goes and the texts stay.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#define G_LOG_DOMAIN "test-empty-state"

#include "cp-test-ui.h"
#include "ui/cp-empty-state.h"
#include "ui/cp-person-glyph.h"

typedef struct
{
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *image, *title, *description;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GdkPaintable) person = cp_person_glyph_new ();

  f->page = cp_empty_state_new ();
  cp_empty_state_set_title (CP_EMPTY_STATE (f->page), "No One Chosen");
  cp_empty_state_set_description (CP_EMPTY_STATE (f->page),
                                  "Choose someone from the list to see where their work "
                                  "stands.");
  cp_empty_state_set_paintable (CP_EMPTY_STATE (f->page), person);
  f->image = cp_empty_state_get_image (CP_EMPTY_STATE (f->page));
  f->title = gtk_widget_get_next_sibling (f->image);
  f->description = gtk_widget_get_next_sibling (f->title);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (f->title)), ==, "No One Chosen");
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  cp_test_flush_main_context ();
}

static void
show_at (Fixture *f,
         int      width,
         int      height)
{
  gtk_window_set_default_size (f->window, width, height);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
  g_assert_cmpint (gtk_widget_get_height (f->page), >=, height - 60);
}

static graphene_rect_t
bounds (Fixture   *f,
        GtkWidget *child)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (child, f->page, &r));
  return r;
}

static void
test_tall (Fixture       *f,
           gconstpointer  data)
{
  graphene_rect_t image, title, description;
  double middle;
  int natural;

  show_at (f, 320, 600);
  middle = gtk_widget_get_width (f->page) / 2.0;
  image = bounds (f, f->image);
  title = bounds (f, f->title);
  description = bounds (f, f->description);

  /* The picture, then the title, then the help, each centred, the help wrapped to the
   * page's width less its margins, and the whole in the middle of the page's height. */
  g_assert_true (gtk_widget_get_child_visible (f->image));
  g_assert_cmpfloat (image.size.height, ==, 128);
  g_assert_cmpfloat (title.origin.y, >=, image.origin.y + 128 + 24);
  g_assert_cmpfloat (description.origin.y, >=, title.origin.y + title.size.height);
  g_assert_cmpfloat (fabs (title.origin.x + title.size.width / 2 - middle), <=, 1);
  g_assert_cmpfloat (description.size.width, <=, gtk_widget_get_width (f->page) - 24);
  gtk_widget_measure (f->description, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL,
                      NULL);
  g_assert_cmpfloat (natural, >, description.size.width);
  g_assert_cmpfloat (fabs (image.origin.y
                           - (gtk_widget_get_height (f->page)
                              - (description.origin.y + description.size.height))), <=, 2);
}

static void
test_short (Fixture       *f,
            gconstpointer  data)
{
  graphene_rect_t title, description;

  /* Too short for the picture: the texts alone, still inside the page. */
  show_at (f, 320, 200);
  g_assert_false (gtk_widget_get_child_visible (f->image));
  title = bounds (f, f->title);
  description = bounds (f, f->description);
  g_assert_cmpfloat (title.origin.y, >=, 0);
  g_assert_cmpfloat (description.origin.y + description.size.height, <=,
                     gtk_widget_get_height (f->page));

  /* Taller again, the picture is back. */
  gtk_window_set_default_size (f->window, 320, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
  g_assert_true (gtk_widget_get_child_visible (f->image));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  g_test_add ("/cp/ui/empty-state/tall", Fixture, NULL, fixture_set_up, test_tall,
              fixture_tear_down);
  g_test_add ("/cp/ui/empty-state/short", Fixture, NULL, fixture_set_up, test_short,
              fixture_tear_down);
  return g_test_run ();
}
