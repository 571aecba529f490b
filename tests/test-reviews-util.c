/* test-reviews-util.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-reviews-util"

#include "store/cp-store-goals.h"
#include "store/cp-store-reviews.h"
#include "test-reviews-util.h"
#include "util/cp-date.h"

static gint64
add_goal (ReviewsFixture *f,
          const char     *text)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (goal->text);
  goal->text = g_strdup (text);
  goal->made_on = g_strdup ("2026-10-01");
  id = cp_store_add_goal (f->ws.store, f->person_id, goal, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_step (ReviewsFixture *f,
          gint64          goal_id,
          const char     *text)
{
  g_autoptr(CpStepInfo) step = cp_step_info_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (step->text);
  step->text = g_strdup (text);
  id = cp_store_add_step (f->ws.store, goal_id, step, &error);
  g_assert_no_error (error);

  return id;
}

void
reviews_fixture_set_up (ReviewsFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  gint64 done;

  cp_date_set_today_for_testing (TODAY);
  cp_test_workspace_init (&f->ws, "reviews.cpkit");
  f->person_id = cp_test_add_person (f->ws.store, "Jo");
  f->person = cp_store_find_person (f->ws.store, f->person_id);
  g_assert_true (cp_store_set_person_plan_agreed_on (f->ws.store, f->person_id, "2026-10-01",
                                                     0, &error));
  g_assert_true (cp_store_set_person_next_review (f->ws.store, f->person_id, OVERDUE_ON, &error));
  g_assert_no_error (error);
  f->goal_walk = add_goal (f, GOAL_WALK);
  f->goal_phone = add_goal (f, GOAL_PHONE);
  add_step (f, f->goal_walk, STEP_OPEN);
  done = add_step (f, f->goal_walk, "Buy walking boots");
  g_assert_true (cp_store_set_step_done (f->ws.store, done, "2026-11-01", &error));
  add_step (f, f->goal_phone, "Put a reminder in my phone");
  g_assert_no_error (error);
}

void
reviews_fixture_tear_down (ReviewsFixture *f,
                           gconstpointer   data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cp_test_flush_main_context ();
  cp_test_workspace_clear (&f->ws);
  cp_date_set_today_for_testing (NULL);
}

void
reviews_fixture_show (ReviewsFixture *f,
                      GtkWidget      *widget,
                      int             width)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  cp_test_present (GTK_WINDOW (f->window));
}

GtkWidget *
reviews_focus (ReviewsFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

guint
reviews_tab_to (ReviewsFixture *f,
                GtkWidget      *target)
{
  for (guint presses = 1; presses <= 400; presses++)
    {
      GtkWidget *focus;

      /* As between a user's key presses, the window lays out and draws what the last
       * one changed (a note a tick showed) before the next. */
      gtk_test_widget_wait_for_draw (f->window);
      /* What the Tab key does: GtkWindow's move-focus binding. */
      g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_FORWARD);
      cp_test_flush_main_context ();
      focus = reviews_focus (f);
      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return presses;
      /* Where each extra press went, for when a count comes out too high. */
      g_test_message ("Tab %u went to a %s", presses,
                      focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    }
  g_assert_not_reached ();
}

static void
collect (GtkWidget  *widget,
         const char *label,
         GPtrArray  *found)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
        g_ptr_array_add (found, widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, label, found);
}

GtkWidget *
reviews_find_toggle (GtkWidget  *root,
                     const char *label,
                     guint       nth)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, label, found);

  return nth < found->len ? g_ptr_array_index (found, nth) : NULL;
}
