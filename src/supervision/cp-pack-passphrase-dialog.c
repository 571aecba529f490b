/* cp-pack-passphrase-dialog.c: opening a sealed pack or reply: its heading, then the passphrase
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack-passphrase-dialog"

#include <glib/gi18n.h>

#include "cp-pack-passphrase-dialog.h"
#include "cp-pack-ui.h"
#include "supervision/cp-supervision-pack.h"
#include "ui/cp-a11y.h"

/* ---- One file being opened ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow      *parent;         /* weak */
  GApplication   *app;            /* held until it is over */
  char           *path;
  CpPackUnlock    how;            /* its strings are ours */
  CpPackHeader   *peeked;         /* the heading, not yet authenticated */
  gpointer        user_data;
  GDestroyNotify  destroy;
} Unlock;

static void
unlock_free (Unlock *u)
{
  if (u->destroy != NULL)
    u->destroy (u->user_data);
  g_clear_weak_pointer (&u->parent);
  if (u->app != NULL)
    {
      g_application_release (u->app);
      g_object_unref (u->app);
    }
  g_free (u->path);
  g_free ((char *) u->how.heading);
  g_free ((char *) u->how.error_heading);
  g_free ((char *) u->how.accept_label);
  g_clear_pointer (&u->peeked, cp_pack_header_free);
  g_free (u);
}

/* ---- The dialog ----------------------------------------------------------------------------- */

struct _CpPackPassphraseDialog
{
  AdwWindow    parent_instance;

  Unlock      *unlock;            /* NULL once closed */
  GtkWidget   *entry_row;
  GtkLabel    *error_label;
  GtkWidget   *accept_button;
  GtkSpinner  *spinner;
  gboolean     working;
};

G_DEFINE_FINAL_TYPE (CpPackPassphraseDialog, cp_pack_passphrase_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char          *path;
  CpPackKind     kind;
  char          *passphrase;
  GBytes        *payload;
  CpPackHeader  *header;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  cp_pack_passphrase_free (job->passphrase);
  g_clear_pointer (&job->payload, g_bytes_unref);
  g_clear_pointer (&job->header, cp_pack_header_free);
  g_free (job);
}

static void
open_worker (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;

  job->payload = cp_supervision_pack_read (job->path, job->kind, job->passphrase,
                                           &job->header, &error);
  if (job->payload != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_working (CpPackPassphraseDialog *self,
             gboolean                working)
{
  self->working = working;
  gtk_widget_set_sensitive (self->accept_button, !working);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry_row), !working);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  gtk_spinner_set_spinning (self->spinner, working);
}

static void
show_error (CpPackPassphraseDialog *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry_row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (self->entry_row);
  gtk_editable_select_region (GTK_EDITABLE (self->entry_row), 0, -1);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CpPackPassphraseDialog *self = CP_PACK_PASSPHRASE_DIALOG (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Closed meanwhile: the file stays unopened. */
  if (self->unlock == NULL)
    return;
  set_working (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || !self->unlock->how.unlocked (GTK_WINDOW (self), job->payload, job->header,
                                      self->unlock->user_data, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
accept_cb (CpPackPassphraseDialog *self)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  if (self->working || self->unlock == NULL)
    return;
  job = g_new0 (OpenJob, 1);
  job->path = g_strdup (self->unlock->path);
  job->kind = self->unlock->how.kind;
  job->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row)));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry_row), GTK_ACCESSIBLE_STATE_INVALID);
  set_working (self, TRUE);

  task = g_task_new (self, NULL, opened_cb, NULL);
  g_task_set_source_tag (task, accept_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_worker);
}

static void
build (CpPackPassphraseDialog *self)
{
  Unlock *u = self->unlock;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *body;
  GtkWidget *working_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *day = cp_pack_dup_day (u->peeked->created);
  g_autofree char *text = NULL;

  gtk_window_set_title (GTK_WINDOW (self), u->how.heading);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (u->how.heading, NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->accept_button = gtk_button_new_with_mnemonic (u->how.accept_label);
  gtk_widget_set_name (self->accept_button, "accept-button");
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  g_signal_connect_swapped (self->accept_button, "clicked", G_CALLBACK (accept_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept_button);
  gtk_box_append (GTK_BOX (box), header);

  /* Translators: "From Practitioner, sealed on 6 December 2026." The role is the
   * sender's, never a name. */
  text = g_strdup_printf (_("From %s, sealed on %s. Type the passphrase you were given "
                            "by phone."), u->peeked->sender_role, day);
  body = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_box_append (GTK_BOX (content), body);

  self->entry_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), _("Pass_phrase"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->entry_row), TRUE);
  gtk_widget_set_name (self->entry_row, "passphrase-row");
  g_signal_connect_swapped (self->entry_row, "entry-activated", G_CALLBACK (accept_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->entry_row);
  gtk_box_append (GTK_BOX (content), group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "passphrase-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (working_box), GTK_WIDGET (self->spinner));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (content), working_box);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);
  cp_a11y_fix_names (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->entry_row);
}

static void
cp_pack_passphrase_dialog_dispose (GObject *object)
{
  CpPackPassphraseDialog *self = CP_PACK_PASSPHRASE_DIALOG (object);

  g_clear_pointer (&self->unlock, unlock_free);
  G_OBJECT_CLASS (cp_pack_passphrase_dialog_parent_class)->dispose (object);
}

static void
cp_pack_passphrase_dialog_class_init (CpPackPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_pack_passphrase_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_pack_passphrase_dialog_init (CpPackPassphraseDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);  /* the title whole */
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
}

/* ---- Before the passphrase: the heading ------------------------------------------------------ */

static void
peek_worker (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Unlock *u = task_data;
  GError *error = NULL;

  u->peeked = cp_supervision_pack_peek (u->path, u->how.kind, &error);
  if (u->peeked != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
peeked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Unlock *u = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CpPackPassphraseDialog *self;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || (u->how.check != NULL && !u->how.check (u->peeked, u->user_data, &error)))
    {
      cp_pack_show_error (u->parent, u->app, u->how.error_heading, error);
      unlock_free (u);
      return;
    }

  self = g_object_new (CP_TYPE_PACK_PASSPHRASE_DIALOG,
                       "transient-for", u->parent,
                       "modal", u->parent != NULL,
                       NULL);
  if (GTK_IS_APPLICATION (u->app))
    gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (u->app));
  /* The dialog owns the rest of it now. */
  self->unlock = u;
  build (self);
  gtk_window_present (GTK_WINDOW (self));
}

void
cp_pack_unlock (GtkWindow          *parent,
                GApplication       *app,
                GFile              *file,
                const CpPackUnlock *how,
                gpointer            user_data,
                GDestroyNotify      destroy)
{
  g_autoptr(GTask) task = NULL;
  Unlock *u;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (how != NULL && how->unlocked != NULL);

  u = g_new0 (Unlock, 1);
  g_set_weak_pointer (&u->parent, parent);
  if (app != NULL)
    {
      u->app = g_object_ref (app);
      g_application_hold (app);
    }
  u->path = g_file_get_path (file);
  u->how = *how;
  u->how.heading = g_strdup (how->heading);
  u->how.error_heading = g_strdup (how->error_heading);
  u->how.accept_label = g_strdup (how->accept_label);
  u->user_data = user_data;
  u->destroy = destroy;

  if (u->path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Choose a file on this computer."));
      cp_pack_show_error (parent, app, how->error_heading, error);
      unlock_free (u);
      return;
    }

  task = g_task_new (NULL, NULL, peeked_cb, NULL);
  g_task_set_source_tag (task, cp_pack_unlock);
  /* (the task only lends @u to the worker: peeked_cb frees it or hands it on) */
  g_task_set_task_data (task, u, NULL);
  g_task_run_in_thread (task, peek_worker);
}
