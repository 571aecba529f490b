/* cp-window-undo.c: undo and redo for the whole window, and the screen turned to face
 * the person (the with-person view), where only what was done there can be undone
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-window"

#include <glib/gi18n.h>

#include "cp-window-private.h"
#include "people/cp-people-page.h"
#include "people/cp-with-person-view.h"
#include "supervision/cp-supervision-page.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"

/* ---- Undo ----------------------------------------------------------------------------- */

void
_cp_window_update_undo_actions (CpWindow *self)
{
  gboolean writable;
  gboolean facing;
  CpWithPersonView *view;

  /* (the window is going: its template is gone) */
  if (self->main_stack == NULL)
    return;
  writable = !cp_store_get_read_only (self->store) && !_cp_window_get_blocked (self);
  facing = _cp_window_get_with_person (self);
  view = CP_WITH_PERSON_VIEW (self->with_person_view);

  /* Facing the person, only what was done there can be undone. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && cp_store_can_undo (self->store)
                                 && (!facing || cp_with_person_view_can_undo (view, FALSE)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && cp_store_can_redo (self->store)
                                 && (!facing || cp_with_person_view_can_undo (view, TRUE)));
}

static void
undo_redo (CpWindow *self,
           gboolean  redo)
{
  g_autofree char *message = NULL;
  gboolean facing = _cp_window_get_with_person (self);
  CpWithPersonView *view = CP_WITH_PERSON_VIEW (self->with_person_view);

  /* Edits still waiting for the typing pause are saved first, so they undo in order. */
  _cp_window_flush_people (self);
  if (facing)
    cp_with_person_view_flush (view);
  if (facing && !cp_with_person_view_can_undo (view, redo))
    return;

  if (!(message = cp_toaster_undo_redo (GTK_WIDGET (self), self->store, redo)))
    return;
  if (facing)
    cp_with_person_view_undone (view, redo);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  undo_redo (CP_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  undo_redo (CP_WINDOW (widget), TRUE);
}

/* Saves edits still waiting for the typing pause (none before People was first shown). */
void
_cp_window_flush_people (CpWindow *self)
{
  if (self->people_page != NULL)
    g_signal_emit_by_name (self->people_page, "flush");
}

/* ---- With-person view ----------------------------------------------------------------- */

static const char * const practitioner_actions[] = {
  "win.save-copy", "win.restore-backup", "win.show-sections",
  "win.reset-practice", "win.leave-practice", "win.with-person", "win.show-person", NULL
};

/* The keyboard goes with the screen: into the view that faces the person, and back to
 * where it was when the view is left (or, when that is gone, as the caseload's rows are,
 * to where Tab would take it there). GTK left it nowhere, and Tab did not find the view. */
static void
move_keyboard (CpWindow *self,
               gboolean  facing)
{
  GtkWidget *before = self->focus_before_facing;

  if (facing)
    {
      gtk_widget_child_focus (self->with_person_view, GTK_DIR_TAB_FORWARD);
      return;
    }
  if (before == NULL || !gtk_widget_is_drawable (before) || !gtk_widget_grab_focus (before))
    gtk_widget_child_focus (GTK_WIDGET (self->leaflet), GTK_DIR_TAB_FORWARD);
  g_clear_weak_pointer (&self->focus_before_facing);
}

static void
set_with_person (CpWindow *self,
                 CpPerson *person)
{
  gboolean facing = person != NULL;

  /* Made the first time the screen turns to the person. */
  if (facing && self->with_person_view == NULL)
    {
      self->with_person_view = cp_with_person_view_new (self->store);
      g_signal_connect_object (self->with_person_view, "undo-changed",
                               G_CALLBACK (_cp_window_update_undo_actions), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, self->with_person_view, "with-person");
    }
  if (self->with_person_view == NULL)
    return;
  if (facing && gtk_stack_get_visible_child (self->main_stack) != self->with_person_view)
    g_set_weak_pointer (&self->focus_before_facing, gtk_root_get_focus (GTK_ROOT (self)));
  /* The caseload leaves the widget tree's text while the screen faces the person. */
  if (self->people_page != NULL)
    cp_people_page_set_concealed (CP_PEOPLE_PAGE (self->people_page), facing);
  if (self->supervision_page != NULL)
    cp_supervision_page_set_concealed (CP_SUPERVISION_PAGE (self->supervision_page), facing);
  cp_with_person_view_set_person (CP_WITH_PERSON_VIEW (self->with_person_view), person);
  gtk_stack_set_visible_child (self->main_stack,
                               facing ? self->with_person_view
                                      : GTK_WIDGET (self->leaflet));
  move_keyboard (self, facing);
  gtk_widget_set_visible (GTK_WIDGET (self->practice_revealer), !facing);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_revealer), !facing);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_revealer), !facing);
  for (guint i = 0; practitioner_actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), practitioner_actions[i], !facing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-with-person", facing);
  if (!facing)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-practice", self->practice);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-practice", self->practice);
      _cp_window_init_workspace_actions (self);
    }
  _cp_window_update_undo_actions (self);
}

gboolean
_cp_window_get_with_person (CpWindow *self)
{
  return gtk_stack_get_visible_child (self->main_stack) == self->with_person_view;
}

static void
with_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autoptr(CpPerson) person = NULL;

  if (_cp_window_get_blocked (self))
    return;
  _cp_window_flush_people (self);
  if (self->people_page != NULL)
    person = cp_people_page_dup_person (CP_PEOPLE_PAGE (self->people_page));
  if (person == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a person first")));
      return;
    }
  set_with_person (self, person);
}

static void
leave_with_person_confirmed_cb (GtkWidget *from,
                                gpointer   user_data)
{
  set_with_person (CP_WINDOW (from), NULL);
}

static void
leave_with_person_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  /* Leaving is deliberate: the practitioner's view shows the whole caseload. */
  cp_confirm (widget, _("Leave the Person’s View?"),
              _("The practitioner’s view shows other people on the caseload and your "
                "notes. Turn the screen back towards you first."),
              _("_Stay"), "leave", _("_Leave"), ADW_RESPONSE_DEFAULT,
              leave_with_person_confirmed_cb, NULL, NULL);
}

void
_cp_window_leave_with_person (CpWindow *self)
{
  set_with_person (self, NULL);
}

void
_cp_window_class_init_undo_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.with-person", NULL, with_person_action);
  gtk_widget_class_install_action (widget_class, "win.leave-with-person", NULL,
                                   leave_with_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.with-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_W,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.with-person", NULL);
}
