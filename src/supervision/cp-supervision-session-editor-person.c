/* cp-supervision-session-editor-person.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision"

#include <glib/gi18n.h>

#include "cp-supervision-session-editor-person.h"
#include "cp-supervision-sessions.h"
#include "export/cp-export-decision.h"
#include "goals/cp-goal-form.h"
#include "goals/cp-review-ui.h"
#include "goals/cp-summary-dialog.h"
#include "ui/cp-a11y.h"
#include "ui/cp-autosave.h"
#include "ui/cp-date-row.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

/* A comment as shown: its text field, and the text the store last had for it. */
typedef struct
{
  char      *uuid;       /* NULL: the field for a new comment */
  char      *stored;     /* what the store holds ("" for a new one) */
  GtkWidget *row;        /* in comments_box */
  GtkWidget *view;
} Comment;

struct _CpSupervisionSessionEditorPerson
{
  GtkWidget    parent_instance;

  CpStore     *store;
  char        *session_uuid;
  gint64       person_id;
  GPtrArray   *comments;      /* Comment, as shown; the new one last */
  GPtrArray   *action_uuids;  /* of the rows of actions_list */
  gboolean     claiming;      /* a new comment is being added: it keeps its field */
  gboolean     signed_off;
  char        *signoff_seen;  /* the sign-off last shown, in one string */
  guint        save_id;

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkWidget   *comments_box;
  GtkLabel    *comments_message;
  GtkWidget   *actions_empty;
  GtkListBox  *actions_list;
  AdwEntryRow *action_text_row;
  GtkWidget   *action_text_message_row;
  GtkLabel    *action_text_message;
  AdwEntryRow *action_owner_row;
  GtkWidget   *action_owner_message_row;
  GtkLabel    *action_owner_message;
  CpDateRow   *action_due_row;
  GtkWidget   *action_due_message_row;
  GtkLabel    *action_due_message;
  GtkLabel    *signoff_label;
  AdwEntryRow *signoff_name_row;
  GtkWidget   *signoff_name_message_row;
  GtkLabel    *signoff_name_message;
  AdwEntryRow *signoff_role_row;
  GtkWidget   *signoff_role_message_row;
  GtkLabel    *signoff_role_message;
  CpDateRow   *signoff_date_row;
  GtkWidget   *signoff_date_message_row;
  GtkLabel    *signoff_date_message;
  GtkWidget   *remove_signoff_button;
  GtkWidget   *sign_off_button;
};

G_DEFINE_FINAL_TYPE (CpSupervisionSessionEditorPerson, cp_supervision_session_editor_person,
                     GTK_TYPE_WIDGET)

/* ---- Comments ------------------------------------------------------------------------- */

static void
comment_free (gpointer data)
{
  Comment *c = data;

  g_free (c->uuid);
  g_free (c->stored);
  g_free (c);
}

static void save (gpointer data);

static void
comment_changed_cb (CpSupervisionSessionEditorPerson *self)
{
  cp_autosave_restart (&self->save_id, save, self);
}

/* A comment's remove button, and its field named after it, so that the focus can find it
 * again after the list is made anew. */
static void
bind_comment (Comment    *c,
              const char *uuid,
              const char *text)
{
  g_autofree char *name = g_strconcat ("comment-", uuid, NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_free (c->uuid);
  c->uuid = g_strdup (uuid);
  g_free (c->stored);
  c->stored = g_strdup (text);
  gtk_widget_set_name (c->view, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comment"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Comment"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "discussed.remove-comment");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (uuid));
  gtk_box_append (GTK_BOX (c->row), remove);
}

/* A field at the end of the comments: a comment (@uuid) or, for NULL, the new one. */
static Comment *
add_comment_row (CpSupervisionSessionEditorPerson *self,
                 const char                       *uuid,
                 const char                       *text)
{
  Comment *c = g_new0 (Comment, 1);
  GtkWidget *field;

  c->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  field = cp_review_ui_text_field (uuid != NULL ? _("Comment") : _("New comment"), &c->view);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_box_append (GTK_BOX (c->row), field);
  cp_review_ui_set_text (c->view, text);
  c->stored = g_strdup ("");
  if (uuid != NULL)
    bind_comment (c, uuid, text);
  else
    gtk_widget_set_name (c->view, "comment-new");
  /* Ctrl+Z is the window's: the store's steps, not the field's own */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (c->view)), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (c->view)), "changed",
                            G_CALLBACK (comment_changed_cb), self);
  gtk_box_append (GTK_BOX (self->comments_box), c->row);
  g_ptr_array_add (self->comments, c);
  return c;
}

static Comment *
new_comment (CpSupervisionSessionEditorPerson *self)
{
  return g_ptr_array_index (self->comments, self->comments->len - 1);
}

static gboolean
comment_shown (CpSupervisionSessionEditorPerson *self,
               const char                       *uuid)
{
  for (guint j = 0; j + 1 < self->comments->len; j++)
    if (g_strcmp0 (((Comment *) self->comments->pdata[j])->uuid, uuid) == 0)
      return TRUE;
  return FALSE;
}

static void
sync_comments (CpSupervisionSessionEditorPerson *self,
               GPtrArray                        *stored)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  g_autofree char *typed = NULL;
  gboolean same = stored->len + 1 == self->comments->len;

  /* The comment just added keeps the field it is being typed in; a new one follows. */
  for (guint i = 0; self->claiming && i < stored->len; i++)
    {
      const CpSupervisionComment *comment = g_ptr_array_index (stored, i);

      if (!comment_shown (self, comment->uuid))
        {
          bind_comment (new_comment (self), comment->uuid, comment->text);
          add_comment_row (self, NULL, "");
          self->claiming = FALSE;
          same = stored->len + 1 == self->comments->len;
        }
    }

  for (guint i = 0; same && i < stored->len; i++)
    same = g_strcmp0 (((Comment *) self->comments->pdata[i])->uuid,
                      ((CpSupervisionComment *) stored->pdata[i])->uuid) == 0;
  if (same)
    {
      /* Text not changed since it was saved follows the store (undo, redo). */
      for (guint i = 0; i < stored->len; i++)
        {
          Comment *c = g_ptr_array_index (self->comments, i);
          const CpSupervisionComment *comment = g_ptr_array_index (stored, i);
          g_autofree char *shown = cp_review_ui_dup_text (c->view);

          if (g_strcmp0 (shown, c->stored) == 0 && g_strcmp0 (shown, comment->text) != 0)
            cp_review_ui_set_text (c->view, comment->text);
          g_free (c->stored);
          c->stored = g_strdup (comment->text);
        }
      return;
    }

  /* Comments came or went (undo, redo, removed): made anew, the new one's text kept. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->comments_box))
    focus_name = g_strdup (gtk_widget_get_name (gtk_widget_get_ancestor (focus,
                                                                         GTK_TYPE_TEXT_VIEW)
                                                ?: focus));
  typed = cp_review_ui_dup_text (new_comment (self)->view);
  for (guint i = 0; i < self->comments->len; i++)
    gtk_box_remove (GTK_BOX (self->comments_box), ((Comment *) self->comments->pdata[i])->row);
  g_ptr_array_set_size (self->comments, 0);
  for (guint i = 0; i < stored->len; i++)
    {
      const CpSupervisionComment *comment = g_ptr_array_index (stored, i);

      add_comment_row (self, comment->uuid, comment->text);
    }
  add_comment_row (self, NULL, typed);
  for (guint i = 0; focus_name != NULL && i < self->comments->len; i++)
    {
      Comment *c = g_ptr_array_index (self->comments, i);

      if (g_strcmp0 (gtk_widget_get_name (c->view), focus_name) == 0)
        gtk_widget_grab_focus (c->view);
    }
}

static void
save (gpointer data)
{
  CpSupervisionSessionEditorPerson *self = data;

  g_clear_handle_id (&self->save_id, g_source_remove);
  cp_supervision_set_message (self->comments_box, self->comments_message, NULL);
  for (guint i = 0; i < self->comments->len; i++)
    {
      Comment *c = g_ptr_array_index (self->comments, i);
      g_autofree char *text = cp_review_ui_dup_text (c->view);
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (g_strcmp0 (text, c->stored) == 0)
        continue;
      if (c->uuid != NULL)
        ok = cp_store_update_supervision_comment (self->store, c->uuid, text, &error);
      else
        {
          g_autofree char *uuid = NULL;

          self->claiming = TRUE;
          uuid = cp_store_add_supervision_comment (self->store, self->session_uuid,
                                                   self->person_id, text, &error);
          self->claiming = FALSE;
          ok = uuid != NULL;
        }
      if (!ok && g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_supervision_set_message (self->comments_box, self->comments_message, error->message);
      else if (!ok)
        cp_toaster_report_error (GTK_WIDGET (self), error);
      /* the comments may have been made anew */
      if (!ok || i >= self->comments->len)
        break;
    }
}

static void
remove_comment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CpSupervisionSessionEditorPerson *self = CP_SUPERVISION_SESSION_EDITOR_PERSON (widget);
  g_autoptr(GError) error = NULL;

  save (self);
  if (!cp_store_delete_supervision_comment (self->store, g_variant_get_string (parameter, NULL),
                                            &error))
    cp_toaster_report_error (widget, error);
  else
    cp_toaster_add_undoable (widget, _("Comment removed"));
}

/* ---- Actions -------------------------------------------------------------------------- */

static void
clear_action_messages (CpSupervisionSessionEditorPerson *self)
{
  cp_goal_form_set_message (GTK_WIDGET (self->action_text_row), self->action_text_message_row,
                            self->action_text_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->action_owner_row), self->action_owner_message_row,
                            self->action_owner_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->action_due_row), self->action_due_message_row,
                            self->action_due_message, NULL);
}

static char *
describe_action (const CpSupervisionAction *action)
{
  g_autofree char *due = cp_date_format_long (action->due_on);
  g_autofree char *done = cp_date_format_long (action->done_on);

  if (done != NULL)
    /* Translators: who does a supervision action, and the day it was done */
    return g_strdup_printf (_("%s · done on %s"), action->owner, done);
  if (due != NULL)
    /* Translators: who does a supervision action, and the day it is due */
    return g_strdup_printf (_("%s · by %s"), action->owner, due);
  return g_strdup (action->owner);
}

static void
done_toggled_cb (GtkCheckButton *check,
                 const char     *uuid)
{
  gtk_widget_activate_action (GTK_WIDGET (check), "discussed.toggle-done", "s", uuid);
}

static void
free_uuid (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

static GtkWidget *
make_action_row (const CpSupervisionAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe_action (action);
  g_autofree char *name = g_strconcat ("action-", action->uuid, NULL);
  g_autofree char *check_label = g_strdup_printf (_("Done: %s"), action->text);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (action->done_on != NULL)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), action->done_on != NULL);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  g_signal_connect_data (check, "toggled", G_CALLBACK (done_toggled_cb),
                         g_strdup (action->uuid), free_uuid, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Action"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "discussed.remove-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                          g_variant_new_string (action->uuid));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
sync_actions (CpSupervisionSessionEditorPerson *self,
              GPtrArray                        *actions)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  GtkWidget *child;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->actions_list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focus_name = row != NULL ? g_strdup (gtk_widget_get_name (row)) : NULL;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);
  for (guint i = 0; i < actions->len; i++)
    {
      GtkWidget *row = make_action_row (g_ptr_array_index (actions, i));

      gtk_list_box_append (self->actions_list, row);
      if (focus_name != NULL && g_strcmp0 (focus_name, gtk_widget_get_name (row)) == 0)
        gtk_widget_grab_focus (row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), actions->len > 0);
  gtk_widget_set_visible (self->actions_empty, actions->len == 0);
}

static void
add_action_cb (CpSupervisionSessionEditorPerson *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cp_goal_form_dup_text (GTK_EDITABLE (self->action_text_row));
  g_autofree char *owner = cp_goal_form_dup_text (GTK_EDITABLE (self->action_owner_row));
  g_autofree char *uuid = NULL;
  const char *due = cp_date_row_get_date (self->action_due_row);

  save (self);
  clear_action_messages (self);
  uuid = cp_store_add_supervision_action (self->store, self->session_uuid, self->person_id,
                                          text, owner, due, &error);
  if (uuid == NULL)
    {
      GtkWidget *field = *text == '\0' ? GTK_WIDGET (self->action_text_row)
                         : *owner == '\0' ? GTK_WIDGET (self->action_owner_row)
                         : GTK_WIDGET (self->action_due_row);

      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      else if (field == GTK_WIDGET (self->action_text_row))
        cp_goal_form_set_message (field, self->action_text_message_row,
                                  self->action_text_message, error->message);
      else if (field == GTK_WIDGET (self->action_owner_row))
        cp_goal_form_set_message (field, self->action_owner_message_row,
                                  self->action_owner_message, error->message);
      else
        cp_goal_form_set_message (field, self->action_due_message_row,
                                  self->action_due_message, error->message);
      gtk_widget_grab_focus (field);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_text_row), "");
  cp_date_row_set_date (self->action_due_row, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_text_row));
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CpSupervisionSessionEditorPerson *self = CP_SUPERVISION_SESSION_EDITOR_PERSON (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cp_date_today ();
  GtkWidget *row = NULL;
  gboolean done = FALSE;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_has_suffix (gtk_widget_get_name (c), uuid))
      row = c;
  /* the check shows what the user asked for */
  if (row != NULL)
    done = !gtk_widget_has_css_class (row, "dim-label");
  if (!cp_store_set_supervision_action_done (self->store, uuid, done ? today : NULL, &error))
    cp_toaster_report_error (widget, error);
}

static void
remove_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CpSupervisionSessionEditorPerson *self = CP_SUPERVISION_SESSION_EDITOR_PERSON (widget);
  g_autoptr(GError) error = NULL;

  save (self);
  if (!cp_store_delete_supervision_action (self->store, g_variant_get_string (parameter, NULL),
                                           &error))
    cp_toaster_report_error (widget, error);
  else
    cp_toaster_add_undoable (widget, _("Action removed"));
}

/* ---- Sign-off ------------------------------------------------------------------------- */

static void
clear_signoff_messages (CpSupervisionSessionEditorPerson *self)
{
  cp_goal_form_set_message (GTK_WIDGET (self->signoff_name_row), self->signoff_name_message_row,
                            self->signoff_name_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->signoff_role_row), self->signoff_role_message_row,
                            self->signoff_role_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->signoff_date_row), self->signoff_date_message_row,
                            self->signoff_date_message, NULL);
}

static void
sync_signoff (CpSupervisionSessionEditorPerson *self,
              const CpSupervisionSignoff       *signoff)
{
  g_autofree char *text = NULL;
  g_autofree char *seen = signoff != NULL ? g_strjoin ("\n", signoff->name, signoff->role,
                                                       signoff->signed_on, NULL) : NULL;
  gboolean changed = g_strcmp0 (seen, self->signoff_seen) != 0;

  g_free (self->signoff_seen);
  self->signoff_seen = g_steal_pointer (&seen);
  if (signoff != NULL)
    {
      g_autofree char *day = cp_date_format_long (signoff->signed_on);

      /* Translators: the sign-off: the day, the supervisor's name and their role */
      text = g_strdup_printf (_("Plan reviewed in supervision on %s by %s, %s."), day,
                              signoff->name, signoff->role);
      /* the form shows a new sign-off; what is typed there otherwise stays */
      if (changed)
        {
          cp_goal_form_set_text (GTK_EDITABLE (self->signoff_name_row), signoff->name);
          cp_goal_form_set_text (GTK_EDITABLE (self->signoff_role_row), signoff->role);
          cp_date_row_set_date (self->signoff_date_row, signoff->signed_on);
        }
    }
  else
    {
      g_autofree char *today = cp_date_today ();

      if (self->signed_off)
        cp_date_row_set_date (self->signoff_date_row, today);
      text = g_strdup (_("Not signed off yet."));
    }
  gtk_label_set_text (self->signoff_label, text);
  if ((signoff != NULL) != self->signed_off)
    {
      self->signed_off = signoff != NULL;
      gtk_button_set_label (GTK_BUTTON (self->sign_off_button),
                            self->signed_off ? _("_Sign Off Again") : _("_Sign Off"));
      gtk_widget_set_visible (self->remove_signoff_button, self->signed_off);
    }
}

static void
sign_off_cb (CpSupervisionSessionEditorPerson *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = cp_goal_form_dup_text (GTK_EDITABLE (self->signoff_name_row));
  g_autofree char *role = cp_goal_form_dup_text (GTK_EDITABLE (self->signoff_role_row));
  const char *on = cp_date_row_get_date (self->signoff_date_row);
  GtkWidget *field;

  save (self);
  clear_signoff_messages (self);
  if (cp_store_sign_off_supervision (self->store, self->session_uuid, self->person_id, name,
                                     role, on, &error))
    return;
  if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  field = *name == '\0' ? GTK_WIDGET (self->signoff_name_row)
          : *role == '\0' ? GTK_WIDGET (self->signoff_role_row)
          : GTK_WIDGET (self->signoff_date_row);
  if (field == GTK_WIDGET (self->signoff_name_row))
    cp_goal_form_set_message (field, self->signoff_name_message_row, self->signoff_name_message,
                              error->message);
  else if (field == GTK_WIDGET (self->signoff_role_row))
    cp_goal_form_set_message (field, self->signoff_role_message_row, self->signoff_role_message,
                              error->message);
  else
    cp_goal_form_set_message (field, self->signoff_date_message_row, self->signoff_date_message,
                              error->message);
  gtk_widget_grab_focus (field);
}

static void
remove_signoff_cb (CpSupervisionSessionEditorPerson *self)
{
  g_autoptr(GError) error = NULL;

  save (self);
  clear_signoff_messages (self);
  if (!cp_store_remove_supervision_signoff (self->store, self->session_uuid, self->person_id,
                                            &error))
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    cp_toaster_add_undoable (GTK_WIDGET (self), _("Sign-off removed"));
}

/* ---- The decision --------------------------------------------------------------------- */

static void
copy_decision_cb (CpSupervisionSessionEditorPerson *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  save (self);
  text = cp_export_decision_text (self->store, self->session_uuid, self->person_id, &error);
  if (text == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  cp_summary_dialog_present_text (GTK_WIDGET (self), self->store, self->person_id,
                                  _("Copy Decision for the Case Record"),
                                  _("This is exactly the text that will be copied: the sign-off "
                                    "and the actions agreed. The person is named by first name "
                                    "only; the supervisor by name and role."),
                                  text, CP_DISCLOSURE_SUMMARY,
                                  _("the supervision decision"),
                                  _("Decision copied. It leaves the clipboard in two minutes."));
}

/* ---- Public API ----------------------------------------------------------------------- */

gint64
cp_supervision_session_editor_person_get_person_id (CpSupervisionSessionEditorPerson *self)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_SESSION_EDITOR_PERSON (self), 0);

  return self->person_id;
}

void
cp_supervision_session_editor_person_update (CpSupervisionSessionEditorPerson *self,
                                             const CpSupervisionDiscussed     *discussed)
{
  g_return_if_fail (CP_IS_SUPERVISION_SESSION_EDITOR_PERSON (self));
  g_return_if_fail (discussed != NULL && discussed->person_id == self->person_id);

  sync_comments (self, discussed->comments);
  sync_actions (self, discussed->actions);
  sync_signoff (self, discussed->signoff);
}

void
cp_supervision_session_editor_person_flush (CpSupervisionSessionEditorPerson *self)
{
  g_return_if_fail (CP_IS_SUPERVISION_SESSION_EDITOR_PERSON (self));

  if (self->save_id != 0)
    save (self);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_supervision_session_editor_person_dispose (GObject *object)
{
  CpSupervisionSessionEditorPerson *self = CP_SUPERVISION_SESSION_EDITOR_PERSON (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_SUPERVISION_SESSION_EDITOR_PERSON);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_supervision_session_editor_person_parent_class)->dispose (object);
}

static void
cp_supervision_session_editor_person_finalize (GObject *object)
{
  CpSupervisionSessionEditorPerson *self = CP_SUPERVISION_SESSION_EDITOR_PERSON (object);

  g_free (self->session_uuid);
  g_free (self->signoff_seen);
  G_OBJECT_CLASS (cp_supervision_session_editor_person_parent_class)->finalize (object);
}

static void
cp_supervision_session_editor_person_class_init (CpSupervisionSessionEditorPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_supervision_session_editor_person_dispose;
  object_class->finalize = cp_supervision_session_editor_person_finalize;

  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/cp-supervision-session-editor-person.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionEditorPerson, name)
  BIND (box);
  BIND (title_label);
  BIND (comments_box);
  BIND (comments_message);
  BIND (actions_empty);
  BIND (actions_list);
  BIND (action_text_row);
  BIND (action_text_message_row);
  BIND (action_text_message);
  BIND (action_owner_row);
  BIND (action_owner_message_row);
  BIND (action_owner_message);
  BIND (action_due_row);
  BIND (action_due_message_row);
  BIND (action_due_message);
  BIND (signoff_label);
  BIND (signoff_name_row);
  BIND (signoff_name_message_row);
  BIND (signoff_name_message);
  BIND (signoff_role_row);
  BIND (signoff_role_message_row);
  BIND (signoff_role_message);
  BIND (signoff_date_row);
  BIND (signoff_date_message_row);
  BIND (signoff_date_message);
  BIND (remove_signoff_button);
  BIND (sign_off_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_off_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_signoff_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_decision_cb);
  gtk_widget_class_install_action (widget_class, "discussed.toggle-done", "s",
                                   toggle_done_action);
  gtk_widget_class_install_action (widget_class, "discussed.remove-action", "s",
                                   remove_action_action);
  gtk_widget_class_install_action (widget_class, "discussed.remove-comment", "s",
                                   remove_comment_action);
}

static void
cp_supervision_session_editor_person_init (CpSupervisionSessionEditorPerson *self)
{
  g_autofree char *today = cp_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->comments = g_ptr_array_new_with_free_func (comment_free);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->action_text_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->action_owner_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->signoff_name_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->signoff_role_row), FALSE);
  cp_date_row_set_date (self->signoff_date_row, today);
  gtk_label_set_text (self->signoff_label, _("Not signed off yet."));
  cp_a11y_fix_names (GTK_WIDGET (self));
}

GtkWidget *
cp_supervision_session_editor_person_new (CpStore    *store,
                                          const char *session_uuid,
                                          gint64      person_id)
{
  CpSupervisionSessionEditorPerson *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);

  self = g_object_new (CP_TYPE_SUPERVISION_SESSION_EDITOR_PERSON, NULL);
  self->store = g_object_ref (store);
  self->session_uuid = g_strdup (session_uuid);
  self->person_id = person_id;
  label = cp_supervision_person_label (store, person_id);
  gtk_label_set_text (self->title_label, label);
  add_comment_row (self, NULL, "");
  gtk_widget_set_sensitive (self->box, cp_supervision_can_edit (store));

  return GTK_WIDGET (self);
}
