/* cp-with-person-view.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-with-person-view"

#include <glib/gi18n.h>

#include "cp-person-watch.h"
#include "cp-with-person-view.h"
#include "goals/cp-goals-page.h"
#include "goals/cp-reviews-page.h"
#include "netmap/cp-netmap-page.h"
#include "ui/cp-a11y.h"
#include "util/cp-date.h"

/* What this view shows is only what the person may see: their name, when the next
 * meeting is, how they like information, and three tabs: their network map (the map page
 * facing them: no caution flags, no notes, counts and what is new only), their goals and
 * steps in their own words (the Goals page in its with-person mode: wording editable; no
 * status, life area, barriers or scores) and their reviews (the Reviews page in its
 * with-person mode: their own view and their ratings in words; no notes, barriers, chart
 * or scores). Never the caseload, notes, the case-record reference, the practitioner-only
 * focus, scores, status, flags or the disclosure log.
 *
 * Edits made here can be undone here, and only those: every undo step the store makes
 * while a person is shown is counted (undoable), whichever tab made it, and steps undone
 * here can be redone (redoable), so the person's Ctrl+Z never reaches back into what the
 * practitioner did before. Typing merged into one step counts once. */
struct _CpWithPersonView
{
  GtkWidget     parent_instance;

  CpStore      *store;
  CpPerson     *person;
  gulong        notify_id;
  guint64       steps_seen;   /* cp_store_get_n_undo_steps () when last looked */
  guint         undoable;
  guint         redoable;

  GtkWidget    *box;
  GtkLabel     *name_label;
  GtkLabel     *review_label;
  GtkLabel     *needs_label;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget    *switcher_bar;
  GtkWidget    *map_slot;
  GtkWidget    *goals_slot;
  GtkWidget    *reviews_slot;
  GtkWidget    *map;
  GtkWidget    *goals;        /* the person's own pages, made for each person shown */
  GtkWidget    *reviews;
};

enum {
  UNDO_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CpWithPersonView, cp_with_person_view, GTK_TYPE_WIDGET)

/* "You asked for large print, easy read and an interpreter (Polish)." or NULL */
static char *
dup_needs_sentence (CpPerson *person)
{
  CpCommunicationNeeds needs = cp_person_get_communication_needs (person);
  const char *language = cp_person_get_interpreter_language (person);
  const char *other = cp_person_get_communication_other (person);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);

  if (needs & CP_COMMUNICATION_LARGE_PRINT)
    g_ptr_array_add (parts, g_strdup (_("large print")));
  if (needs & CP_COMMUNICATION_EASY_READ)
    g_ptr_array_add (parts, g_strdup (_("easy read")));
  if ((needs & CP_COMMUNICATION_INTERPRETER) && language != NULL && language[0] != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("an interpreter (%s)"), language));
  else if (needs & CP_COMMUNICATION_INTERPRETER)
    g_ptr_array_add (parts, g_strdup (_("an interpreter")));
  if (other != NULL && other[0] != '\0')
    g_ptr_array_add (parts, g_strdup (other));
  if (parts->len == 0)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (list, i + 1 == parts->len ? _(" and ") : ", ");
      g_string_append (list, g_ptr_array_index (parts, i));
    }
  return g_strdup_printf (_("You asked for %s."), list->str);
}

/* The next time they meet: the next review, or a paused person's check-in ("pause" is
 * not said: that is where the work stands, the practitioner's). */
static const char *
next_meeting (CpPerson *person)
{
  switch (cp_person_get_status (person))
    {
    case CP_PERSON_STATUS_ACTIVE:
      return cp_person_get_next_review (person);
    case CP_PERSON_STATUS_PAUSED:
      return cp_person_get_check_in_on (person);
    case CP_PERSON_STATUS_CLOSED:
    default:
      return NULL;
    }
}

static void
update (CpWithPersonView *self)
{
  g_autofree char *needs = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (self->person == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->review_label, "");
      gtk_label_set_label (self->needs_label, "");
      return;
    }

  gtk_label_set_label (self->name_label, cp_person_get_name (self->person));
  date = cp_date_format_long (next_meeting (self->person));
  if (date != NULL)
    /* Translators: %s is a date in words, e.g. "4 May 2031" */
    text = g_strdup_printf (_("Next meeting: %s"), date);
  else
    text = g_strdup (_("There is no date for our next meeting yet. We can choose one together."));
  gtk_label_set_label (self->review_label, text);
  needs = dup_needs_sentence (self->person);
  gtk_label_set_label (self->needs_label, needs ? needs : "");
  gtk_widget_set_visible (GTK_WIDGET (self->needs_label), needs != NULL);
}

/* Saves what waits for a pause in typing, on every tab. */
static void
flush_pages (CpWithPersonView *self)
{
  if (self->map != NULL)
    cp_netmap_page_flush (CP_NETMAP_PAGE (self->map));
  if (self->goals != NULL)
    cp_goals_page_flush (CP_GOALS_PAGE (self->goals));
}

/* The person's goals and reviews pages are made for each person shown and go when the
 * view is left, so nothing of theirs stays in the widget tree behind the caseload. */
static void
set_pages (CpWithPersonView *self,
           CpPerson         *person)
{
  if (self->goals != NULL)
    gtk_box_remove (GTK_BOX (self->goals_slot), g_steal_pointer (&self->goals));
  if (self->reviews != NULL)
    gtk_box_remove (GTK_BOX (self->reviews_slot), g_steal_pointer (&self->reviews));
  if (person == NULL)
    return;

  self->goals = cp_goals_page_new (self->store, person);
  cp_goals_page_set_with_person (CP_GOALS_PAGE (self->goals), TRUE);
  gtk_widget_set_vexpand (self->goals, TRUE);
  gtk_box_append (GTK_BOX (self->goals_slot), self->goals);
  self->reviews = cp_reviews_page_new (self->store, person);
  g_object_set (self->reviews, "with-person", TRUE, "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (self->reviews_slot), self->reviews);
  cp_a11y_fix_names (self->goals);
  cp_a11y_fix_names (self->reviews);
}

void
cp_with_person_view_set_person (CpWithPersonView *self,
                                CpPerson         *person)
{
  g_return_if_fail (CP_IS_WITH_PERSON_VIEW (self));

  flush_pages (self);
  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (update), self);
  self->undoable = 0;
  self->redoable = 0;
  if (self->store != NULL)
    self->steps_seen = cp_store_get_n_undo_steps (self->store);
  if (self->map != NULL)
    cp_netmap_page_set_person (CP_NETMAP_PAGE (self->map),
                               person ? cp_person_get_id (person) : 0);
  if (self->store != NULL)
    set_pages (self, person);
  if (person != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "map");
  update (self);
  g_signal_emit (self, signals[UNDO_CHANGED], 0);
}

/* Every step the store made while a person is shown was made here (the screen faces
 * them): counted once, however many tabs or typing pauses it took. */
static void
store_changed_cb (CpStore            *store,
                  const char * const *tables,
                  CpWithPersonView   *self)
{
  guint64 steps = cp_store_get_n_undo_steps (store);
  guint64 made = steps - self->steps_seen;

  self->steps_seen = steps;
  if (self->person == NULL || made == 0)
    return;
  self->undoable += (guint) MIN (made, G_MAXUINT - self->undoable);
  self->redoable = 0;
  g_signal_emit (self, signals[UNDO_CHANGED], 0);
}

gboolean
cp_with_person_view_can_undo (CpWithPersonView *self,
                              gboolean          redo)
{
  g_return_val_if_fail (CP_IS_WITH_PERSON_VIEW (self), FALSE);
  return redo ? self->redoable > 0 : self->undoable > 0;
}

void
cp_with_person_view_undone (CpWithPersonView *self,
                            gboolean          redo)
{
  g_return_if_fail (CP_IS_WITH_PERSON_VIEW (self));

  if (redo && self->redoable > 0)
    {
      self->redoable--;
      self->undoable++;
    }
  else if (!redo && self->undoable > 0)
    {
      self->undoable--;
      self->redoable++;
    }
  g_signal_emit (self, signals[UNDO_CHANGED], 0);
}

void
cp_with_person_view_flush (CpWithPersonView *self)
{
  g_return_if_fail (CP_IS_WITH_PERSON_VIEW (self));

  flush_pages (self);
}

/* The tabs go to the bottom when the header bar is too narrow for them. */
static void
title_visible_cb (CpWithPersonView *self)
{
  gtk_widget_set_visible (self->switcher_bar,
                          adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static gboolean
show_tab (GtkWidget *widget,
          GVariant  *args,
          gpointer   data)
{
  CpWithPersonView *self = CP_WITH_PERSON_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (args, NULL));
  return TRUE;
}

static void
cp_with_person_view_dispose (GObject *object)
{
  CpWithPersonView *self = CP_WITH_PERSON_VIEW (object);

  cp_with_person_view_set_person (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_WITH_PERSON_VIEW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_with_person_view_parent_class)->dispose (object);
}

static void
cp_with_person_view_class_init (CpWithPersonViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *tabs[] = { "map", "goals", "reviews" };

  G_OBJECT_CLASS (klass)->dispose = cp_with_person_view_dispose;
  /* What can be undone here changed (cp_with_person_view_can_undo ()). */
  signals[UNDO_CHANGED] = g_signal_new ("undo-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-with-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, box);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, name_label);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, review_label);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, needs_label);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, map_slot);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, goals_slot);
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, reviews_slot);
  /* Ctrl+1, 2, 3: the tabs, as on the person's page. */
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK, show_tab,
                                  "s", tabs[i]);
}

static void
cp_with_person_view_init (CpWithPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_shortcuts_while_shown (GTK_WIDGET (self));
  cp_a11y_name_view_switchers (self->switcher_title, self->switcher_bar);
}

GtkWidget *
cp_with_person_view_new (CpStore *store)
{
  CpWithPersonView *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_WITH_PERSON_VIEW, NULL);
  self->store = g_object_ref (store);
  self->steps_seen = cp_store_get_n_undo_steps (store);
  self->map = cp_netmap_page_new_facing (store);
  gtk_widget_set_vexpand (self->map, TRUE);
  cp_a11y_fix_names (self->map);
  gtk_box_append (GTK_BOX (self->map_slot), self->map);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  return GTK_WIDGET (self);
}
