/* test-reviews-util.h: a person with a plan, and a window to show a review widget in
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-test-ui.h"

G_BEGIN_DECLS

/* Today is TODAY for the whole test. Jo's plan was agreed on 2026-10-01 and their next
 * review was due on OVERDUE_ON, so it is overdue; two active goals: GOAL_WALK with two
 * steps (one done) and GOAL_PHONE with one. No map, no review yet. */
#define TODAY         "2026-12-03"
#define OVERDUE_ON    "2026-11-20"
#define GOAL_WALK     "Go to the Tuesday walking group"
#define GOAL_PHONE    "Phone my sister every week"
#define STEP_OPEN     "Find out where the walk starts"

typedef struct
{
  CpTestWorkspace  ws;
  gint64           person_id;
  CpPerson        *person;      /* borrowed from the store */
  gint64           goal_walk;
  gint64           goal_phone;
  GtkWidget       *window;
} ReviewsFixture;

void       reviews_fixture_set_up    (ReviewsFixture *f,
                                      gconstpointer   data);
void       reviews_fixture_tear_down (ReviewsFixture *f,
                                      gconstpointer   data);
/* Shows @widget alone in a window @width × 900 and waits until it is drawn and active. */
void       reviews_fixture_show      (ReviewsFixture *f,
                                      GtkWidget      *widget,
                                      int             width);
/* Moves the keyboard focus as Tab does until it is on @target or inside it; fails the
 * test when Tab never gets there. Returns how many presses it took. */
guint      reviews_tab_to            (ReviewsFixture *f,
                                      GtkWidget      *target);
/* The focused widget of the window. */
GtkWidget *reviews_focus             (ReviewsFixture *f);
/* The @nth (from 0) drawable toggle button under @root that reads @label. */
GtkWidget *reviews_find_toggle       (GtkWidget      *root,
                                      const char     *label,
                                      guint           nth);

G_END_DECLS
