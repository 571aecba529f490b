/* cp-supervision-session-editor.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision"

#include <glib/gi18n.h>

#include "cp-supervision-session-editor-person.h"
#include "cp-supervision-session-editor.h"
#include "cp-supervision-sessions.h"
#include "cp-supervision-sheet-dialog.h"
#include "goals/cp-goal-form.h"
#include "goals/cp-review-ui.h"
#include "store/cp-person.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-a11y.h"
#include "ui/cp-autosave.h"
#include "ui/cp-date-row.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpSupervisionSessionEditor
{
  AdwWindow              parent_instance;

  CpStore               *store;
  char                  *uuid;
  CpSupervisionSession  *session;      /* as last read; NULL once it is gone */
  char                  *attended;     /* as shown when last read */
  char                  *reflection;   /* as the store has it */
  GArray                *candidates;   /* person ids of the drop-down's items */
  GPtrArray             *panels;       /* CpSupervisionSessionEditorPerson, as in people_box */
  guint                  save_id;

  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  CpDateRow             *day_row;
  GtkWidget             *day_message_row;
  GtkLabel              *day_message;
  AdwEntryRow           *attended_row;
  GtkListBox            *people_list;
  GtkLabel              *people_message;
  GtkWidget             *add_person_box;
  GtkDropDown           *add_person_drop_down;
  GtkWidget             *people_box;
  GtkWidget             *content_box;
  GtkTextView           *reflection_view;
};

static void cp_supervision_session_editor_toaster_init (CpToasterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpSupervisionSessionEditor, cp_supervision_session_editor,
                               ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_TOASTER,
                                                      cp_supervision_session_editor_toaster_init))

/* ---- Toasts in the window ------------------------------------------------------------- */

static void
add_toast (CpToaster *toaster,
           AdwToast  *toast)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (toaster);

  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);
}

static void
cp_supervision_session_editor_toaster_init (CpToasterInterface *iface)
{
  iface->add_toast = add_toast;
}

/* ---- Showing the session -------------------------------------------------------------- */

static char *
attended_shown (const char *attended)
{
  g_auto(GStrv) lines = g_strsplit (attended != NULL ? attended : "", "\n", -1);

  return g_strjoinv (", ", lines);
}

static void
sync_people_list (CpSupervisionSessionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = cp_store_get_people (self->store);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < self->session->people->len; i++)
    {
      const CpSupervisionDiscussed *discussed = g_ptr_array_index (self->session->people, i);
      g_autofree char *label = cp_supervision_person_label (self->store, discussed->person_id);
      g_autofree char *remove_label = g_strdup_printf (_("Take %s Off the Session"), label);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-person");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new_int64 (discussed->person_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->people_list, row);
    }

  /* Whom else to add: the active and paused people not discussed yet. */
  g_array_set_size (self->candidates, 0);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);
      CpPersonStatus status = cp_person_get_status (person);
      gint64 id = cp_person_get_id (person);
      g_autofree char *label = NULL;

      if ((status != CP_PERSON_STATUS_ACTIVE && status != CP_PERSON_STATUS_PAUSED)
          || cp_supervision_session_find (self->session, id) != NULL)
        continue;
      label = cp_supervision_person_label (self->store, id);
      gtk_string_list_append (names, label);
      g_array_append_val (self->candidates, id);
    }
  gtk_drop_down_set_model (self->add_person_drop_down, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->add_person_box, self->candidates->len > 0);
}

static void
sync_panels (CpSupervisionSessionEditor *self)
{
  gboolean same = self->panels->len == self->session->people->len;

  for (guint i = 0; same && i < self->panels->len; i++)
    same = cp_supervision_session_editor_person_get_person_id (self->panels->pdata[i])
           == ((CpSupervisionDiscussed *) self->session->people->pdata[i])->person_id;
  if (!same)
    {
      for (guint i = 0; i < self->panels->len; i++)
        {
          cp_supervision_session_editor_person_flush (self->panels->pdata[i]);
          gtk_box_remove (GTK_BOX (self->people_box), self->panels->pdata[i]);
        }
      g_ptr_array_set_size (self->panels, 0);
      for (guint i = 0; i < self->session->people->len; i++)
        {
          const CpSupervisionDiscussed *discussed = g_ptr_array_index (self->session->people, i);
          GtkWidget *panel = cp_supervision_session_editor_person_new (self->store, self->uuid,
                                                                       discussed->person_id);
          g_autofree char *name = g_strdup_printf ("discussed-%" G_GINT64_FORMAT,
                                                   discussed->person_id);

          gtk_widget_set_name (panel, name);
          gtk_box_append (GTK_BOX (self->people_box), panel);
          g_ptr_array_add (self->panels, panel);
        }
    }
  for (guint i = 0; i < self->panels->len; i++)
    cp_supervision_session_editor_person_update (self->panels->pdata[i],
                                                 self->session->people->pdata[i]);
}

static void
sync_session (CpSupervisionSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = cp_date_format_long (self->session->held_on);
  g_autofree char *attended = attended_shown (self->session->attended);
  g_autofree char *typed = cp_goal_form_dup_text (GTK_EDITABLE (self->attended_row));
  g_autofree char *reflection = NULL;
  g_autofree char *reflection_typed = cp_review_ui_dup_text (GTK_WIDGET (self->reflection_view));

  adw_window_title_set_subtitle (self->window_title, day);
  cp_date_row_set_date (self->day_row, self->session->held_on);
  /* What is typed and not saved yet stays; the rest follows the store (undo, redo). */
  if (g_strcmp0 (typed, self->attended) == 0)
    cp_goal_form_set_text (GTK_EDITABLE (self->attended_row), attended);
  g_free (self->attended);
  self->attended = g_steal_pointer (&attended);

  reflection = cp_store_dup_worker_reflection (self->store, self->uuid, &error);
  if (reflection == NULL)
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    {
      if (g_strcmp0 (reflection_typed, self->reflection) == 0
          && g_strcmp0 (reflection_typed, reflection) != 0)
        cp_review_ui_set_text (GTK_WIDGET (self->reflection_view), reflection);
      g_free (self->reflection);
      self->reflection = g_steal_pointer (&reflection);
    }

  sync_people_list (self);
  sync_panels (self);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Reads the session again; FALSE (and the window closes) when it is gone. */
static gboolean
reload (CpSupervisionSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  CpSupervisionSession *session = cp_store_get_supervision_session (self->store, self->uuid,
                                                                    &error);

  if (session == NULL)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      g_clear_pointer (&self->session, cp_supervision_session_free);
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        g_warning ("Supervision session not read (%s, %d)",
                   g_quark_to_string (error->domain), error->code);
      /* Not at once: this may run inside a dialog's response over this window. */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
      return FALSE;
    }
  cp_supervision_session_free (self->session);
  self->session = session;
  sync_session (self);
  return TRUE;
}

static void
store_changed_cb (CpStore                    *store,
                  const char * const         *tables,
                  CpSupervisionSessionEditor *self)
{
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_str_has_prefix (tables[i], "supervision_") || g_str_equal (tables[i], "person")
        || g_str_equal (tables[i], "worker_reflection"))
      {
        if (self->session != NULL)
          reload (self);
        return;
      }
}

/* ---- Saving --------------------------------------------------------------------------- */

static void
save (gpointer data)
{
  CpSupervisionSessionEditor *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *attended = cp_goal_form_dup_text (GTK_EDITABLE (self->attended_row));
  g_autofree char *reflection = cp_review_ui_dup_text (GTK_WIDGET (self->reflection_view));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->session == NULL)
    return;
  if (g_strcmp0 (attended, self->attended) != 0
      && !cp_store_update_supervision_session (self->store, self->uuid, self->session->held_on,
                                               attended, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  if (self->session != NULL && g_strcmp0 (reflection, self->reflection) != 0
      && !cp_store_set_worker_reflection (self->store, self->uuid, reflection, &error))
    cp_toaster_report_error (GTK_WIDGET (self), error);
}

void
cp_supervision_session_editor_flush (CpSupervisionSessionEditor *self)
{
  g_return_if_fail (CP_IS_SUPERVISION_SESSION_EDITOR (self));

  if (self->save_id != 0)
    save (self);
  for (guint i = 0; self->panels != NULL && i < self->panels->len; i++)
    cp_supervision_session_editor_person_flush (self->panels->pdata[i]);
}

static void
attended_changed_cb (CpSupervisionSessionEditor *self)
{
  if (self->session != NULL)
    cp_autosave_restart (&self->save_id, save, self);
}

static void
day_chosen_cb (CpSupervisionSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *attended = NULL;

  if (self->session == NULL)
    return;
  cp_goal_form_set_message (GTK_WIDGET (self->day_row), self->day_message_row,
                            self->day_message, NULL);
  cp_supervision_session_editor_flush (self);
  attended = cp_goal_form_dup_text (GTK_EDITABLE (self->attended_row));
  if (!cp_store_update_supervision_session (self->store, self->uuid,
                                            cp_date_row_get_date (self->day_row), attended,
                                            &error))
    {
      /* Nothing saved: the row shows the day the store still has, the message why. */
      cp_date_row_set_date (self->day_row, self->session->held_on);
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_goal_form_set_message (GTK_WIDGET (self->day_row), self->day_message_row,
                                  self->day_message, error->message);
      else
        cp_toaster_report_error (GTK_WIDGET (self), error);
    }
}

static void
reflection_changed_cb (CpSupervisionSessionEditor *self)
{
  if (self->session != NULL)
    cp_autosave_restart (&self->save_id, save, self);
}

/* ---- People --------------------------------------------------------------------------- */

static void
add_person_cb (CpSupervisionSessionEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->add_person_drop_down);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || i >= self->candidates->len)
    return;
  cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message, NULL);
  cp_supervision_session_editor_flush (self);
  if (!cp_store_add_supervision_person (self->store, self->uuid,
                                        g_array_index (self->candidates, gint64, i), &error))
    {
      if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message,
                                    error->message);
      else
        cp_toaster_report_error (GTK_WIDGET (self), error);
    }
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message, NULL);
  cp_supervision_session_editor_flush (self);
  if (cp_store_remove_supervision_person (self->store, self->uuid,
                                          g_variant_get_int64 (parameter), &error))
    cp_toaster_add_undoable (widget, _("Taken off the session"));
  else if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
    cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message,
                                error->message);
  else
    cp_toaster_report_error (widget, error);
}

/* ---- Undo, delete, close -------------------------------------------------------------- */

static void
undo_redo (CpSupervisionSessionEditor *self,
           gboolean                    redo)
{
  g_autoptr(CpSupervisionSessionEditor) keep = g_object_ref (self);
  g_autofree char *message = NULL;

  /* Edits still waiting for the typing pause are saved first, so they undo in order. */
  cp_supervision_session_editor_flush (self);
  message = cp_toaster_undo_redo (GTK_WIDGET (self), self->store, redo);
  /* (undoing "Record supervision" took the session, and this window, away) */
  if (message == NULL || self->session == NULL)
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (CP_SUPERVISION_SESSION_EDITOR (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (CP_SUPERVISION_SESSION_EDITOR (widget), TRUE);
}

static void
update_undo_actions (CpSupervisionSessionEditor *self)
{
  gboolean writable = cp_supervision_can_edit (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && cp_store_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && cp_store_can_redo (self->store));
}

static void
delete_confirmed_cb (GtkWidget *from,
                     gpointer   user_data)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (from);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) parent = NULL;

  if (self->session == NULL)
    return;
  cp_supervision_session_editor_flush (self);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    g_object_ref (parent);
  if (!cp_store_delete_supervision_session (self->store, self->uuid, &error))
    {
      cp_toaster_report_error (from, error);
      return;
    }
  /* This window is gone with the session: the window below says it, with Undo. */
  if (parent != NULL)
    cp_toaster_add_undoable (GTK_WIDGET (parent), _("Supervision session deleted"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cp_confirm (widget, _("Delete This Session?"),
              _("Its comments, actions, sign-offs and your reflection go with it. You can undo "
                "this."),
              _("_Cancel"), "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE,
              delete_confirmed_cb, NULL, NULL);
}

static void
sheet_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (widget);

  cp_supervision_session_editor_flush (self);
  cp_supervision_sheet_save_for_session (widget, self->store, self->uuid);
}

static gboolean
close_request_cb (CpSupervisionSessionEditor *self)
{
  cp_supervision_session_editor_flush (self);
  return FALSE;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_supervision_session_editor_dispose (GObject *object)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_SUPERVISION_SESSION_EDITOR);
  self->toast_overlay = NULL;
  g_clear_pointer (&self->session, cp_supervision_session_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_supervision_session_editor_parent_class)->dispose (object);
}

static void
cp_supervision_session_editor_finalize (GObject *object)
{
  CpSupervisionSessionEditor *self = CP_SUPERVISION_SESSION_EDITOR (object);

  g_free (self->uuid);
  g_free (self->attended);
  g_free (self->reflection);
  g_clear_pointer (&self->candidates, g_array_unref);
  G_OBJECT_CLASS (cp_supervision_session_editor_parent_class)->finalize (object);
}

static void
cp_supervision_session_editor_class_init (CpSupervisionSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_supervision_session_editor_dispose;
  object_class->finalize = cp_supervision_session_editor_finalize;

  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/cp-supervision-session-editor.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (day_row);
  BIND (day_message_row);
  BIND (day_message);
  BIND (attended_row);
  BIND (people_list);
  BIND (people_message);
  BIND (add_person_box);
  BIND (add_person_drop_down);
  BIND (people_box);
  BIND (content_box);
  BIND (reflection_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, day_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, attended_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_person_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.sheet", NULL, sheet_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-person", "x",
                                   remove_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_supervision_session_editor_init (CpSupervisionSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->panels = g_ptr_array_new ();
  self->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->attended_row), FALSE);
  /* Ctrl+Z is the window's: the store's steps, not the field's own */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->reflection_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reflection_view), "changed",
                            G_CALLBACK (reflection_changed_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GtkWidget *
cp_supervision_session_editor_new (CpStore    *store,
                                   const char *uuid)
{
  g_autoptr(CpSupervisionSession) session = NULL;
  g_autoptr(GError) error = NULL;
  CpSupervisionSessionEditor *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(session = cp_store_get_supervision_session (store, uuid, &error)))
    {
      g_warning ("Supervision session not read (%s, %d)", g_quark_to_string (error->domain),
                 error->code);
      return NULL;
    }
  self = g_object_new (CP_TYPE_SUPERVISION_SESSION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->uuid = g_strdup (uuid);
  self->session = g_steal_pointer (&session);
  self->attended = g_strdup ("");
  self->reflection = g_strdup ("");
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  g_signal_connect_object (store, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  update_undo_actions (self);
  gtk_widget_set_sensitive (self->content_box, cp_supervision_can_edit (store));
  /* A sheet is logged in each person's record: not from a pack, which holds no log. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.sheet",
                                 !cp_store_get_read_only (store));
  sync_session (self);
  cp_a11y_fix_names (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

const char *
cp_supervision_session_editor_get_uuid (CpSupervisionSessionEditor *self)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_SESSION_EDITOR (self), NULL);

  return self->uuid;
}
