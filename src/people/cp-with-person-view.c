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
#include "netmap/cp-netmap-page.h"
#include "ui/cp-a11y.h"
#include "util/cp-date.h"

/* What this view shows is only what the person may see: their name, when the next
 * review is, how they like information, and their network map (the map page facing
 * them: no caution flags, no notes, counts and what is new only). Never the caseload,
 * notes, the case-record reference, the practitioner-only focus, scores or flags. Each
 * later page adds its shareable part here.
 *
 * The map is drawn together here, so its edits can be undone here: only those, counted
 * as they are made (undoable) and undone (redoable), so the person's Ctrl+Z never
 * reaches back into what the practitioner did before. */
struct _CpWithPersonView
{
  GtkWidget  parent_instance;

  CpPerson  *person;
  gulong     notify_id;
  guint      undoable;
  guint      redoable;

  GtkWidget *box;
  GtkLabel  *name_label;
  GtkLabel  *review_label;
  GtkLabel  *needs_label;
  GtkWidget *map_slot;
  GtkWidget *map;
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

static void
update (CpWithPersonView *self)
{
  g_autofree char *needs = NULL;

  g_autofree char *review = NULL;
  g_autofree char *text = NULL;

  if (self->person == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->review_label, "");
      gtk_label_set_label (self->needs_label, "");
      return;
    }

  gtk_label_set_label (self->name_label, cp_person_get_name (self->person));
  review = cp_date_format_long (cp_person_get_next_review (self->person));
  if (cp_person_get_status (self->person) == CP_PERSON_STATUS_ACTIVE && review != NULL)
    text = g_strdup_printf (_("Your next review is on %s."), review);
  else
    text = g_strdup (_("There is no review date yet. We can choose one together."));
  gtk_label_set_label (self->review_label, text);
  needs = dup_needs_sentence (self->person);
  gtk_label_set_label (self->needs_label, needs ? needs : "");
  gtk_widget_set_visible (GTK_WIDGET (self->needs_label), needs != NULL);
}

void
cp_with_person_view_set_person (CpWithPersonView *self,
                                CpPerson         *person)
{
  g_return_if_fail (CP_IS_WITH_PERSON_VIEW (self));

  if (self->map != NULL)
    cp_netmap_page_flush (CP_NETMAP_PAGE (self->map));
  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (update), self);
  self->undoable = 0;
  self->redoable = 0;
  if (self->map != NULL)
    cp_netmap_page_set_person (CP_NETMAP_PAGE (self->map),
                               person ? cp_person_get_id (person) : 0);
  update (self);
  g_signal_emit (self, signals[UNDO_CHANGED], 0);
}

static void
map_edited_cb (CpWithPersonView *self)
{
  self->undoable++;
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

  if (self->map != NULL)
    cp_netmap_page_flush (CP_NETMAP_PAGE (self->map));
}

static void
cp_with_person_view_dispose (GObject *object)
{
  CpWithPersonView *self = CP_WITH_PERSON_VIEW (object);

  cp_with_person_view_set_person (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_WITH_PERSON_VIEW);
  G_OBJECT_CLASS (cp_with_person_view_parent_class)->dispose (object);
}

static void
cp_with_person_view_class_init (CpWithPersonViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  gtk_widget_class_bind_template_child (widget_class, CpWithPersonView, map_slot);
}

static void
cp_with_person_view_init (CpWithPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
}

GtkWidget *
cp_with_person_view_new (CpStore *store)
{
  CpWithPersonView *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_WITH_PERSON_VIEW, NULL);
  self->map = cp_netmap_page_new_facing (store);
  gtk_widget_set_vexpand (self->map, TRUE);
  cp_a11y_fix_names (self->map);
  gtk_box_append (GTK_BOX (self->map_slot), self->map);
  g_signal_connect_object (self->map, "edited", G_CALLBACK (map_edited_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
