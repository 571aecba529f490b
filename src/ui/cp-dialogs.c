/* cp-dialogs.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-dialogs"

#include <glib/gi18n.h>

#include "cp-a11y.h"
#include "cp-dialogs.h"
#include "store/cp-person.h"

static GtkWindow *
window_of (gpointer object)
{
  GtkRoot *root;

  if (!GTK_IS_WIDGET (object))
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (object));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- Confirmations ---------------------------------------------------------------------- */

typedef struct
{
  GtkWidget       *from;   /* weak */
  char            *confirm_id;
  CpConfirmedFunc  confirmed;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Confirm;

static void
confirm_free (gpointer  data,
              GClosure *closure)
{
  Confirm *c = data;

  g_clear_weak_pointer (&c->from);
  if (c->destroy != NULL)
    c->destroy (c->user_data);
  g_free (c->confirm_id);
  g_free (c);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirm          *c)
{
  if (c->from != NULL && g_strcmp0 (response, c->confirm_id) == 0)
    c->confirmed (c->from, c->user_data);
}

AdwMessageDialog *
cp_confirm (GtkWidget             *from,
            const char            *heading,
            const char            *body,
            const char            *cancel_label,
            const char            *confirm_id,
            const char            *confirm_label,
            AdwResponseAppearance  appearance,
            CpConfirmedFunc        confirmed,
            gpointer               user_data,
            GDestroyNotify         destroy)
{
  AdwMessageDialog *dialog;
  Confirm *c;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (confirm_id != NULL && confirmed != NULL, NULL);

  c = g_new0 (Confirm, 1);
  g_set_weak_pointer (&c->from, from);
  c->confirm_id = g_strdup (confirm_id);
  c->confirmed = confirmed;
  c->user_data = user_data;
  c->destroy = destroy;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (from), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", cancel_label,
                                    confirm_id, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, confirm_id, appearance);
  /* Nothing happens by accident: Enter and Escape both cancel. */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* A screen reader names the dialog by its heading; the window's title stays empty, as
   * the heading may name a person. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  cp_a11y_fix_names (GTK_WIDGET (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), c,
                         confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Files ------------------------------------------------------------------------------ */

typedef struct
{
  GObject          *owner;
  GtkNativeDialog  *dialog;
  CpFileChosenFunc  chosen;
  gpointer          user_data;
  GDestroyNotify    destroy;
} FileDialog;

static void owner_gone_cb (gpointer  data,
                           GObject  *where_the_object_was);

/* Closes the chooser, then hands @file (NULL: none) to the caller while its owner lives. */
static void
file_dialog_finish (FileDialog *fd,
                    GFile      *file)
{
  if (fd->owner != NULL)
    g_object_weak_unref (fd->owner, owner_gone_cb, fd);
  g_signal_handlers_disconnect_by_data (fd->dialog, fd);
  gtk_native_dialog_destroy (fd->dialog);
  g_clear_object (&fd->dialog);
  if (file != NULL && fd->owner != NULL)
    fd->chosen (fd->owner, file, fd->user_data);
  if (fd->destroy != NULL)
    fd->destroy (fd->user_data);
  g_free (fd);
}

static void
owner_gone_cb (gpointer  data,
               GObject  *where_the_object_was)
{
  FileDialog *fd = data;

  fd->owner = NULL;
  file_dialog_finish (fd, NULL);
}

static void
file_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         FileDialog      *fd)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  file_dialog_finish (fd, file);
}

/* ---- Choices ---------------------------------------------------------------------------- */

GtkWidget *
cp_dialog_choice_row_new (const char *title,
                          const char *subtitle,
                          GtkWidget  *widget,
                          gboolean    prefix)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  if (prefix)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), widget);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  return row;
}

GtkWidget *
cp_dialog_add_choice_row (GtkWidget  *group,
                          const char *title,
                          const char *subtitle,
                          GtkWidget  *widget,
                          gboolean    prefix)
{
  GtkWidget *row;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  row = cp_dialog_choice_row_new (title, subtitle, widget, prefix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

#define TICK_ID_KEY "cp-dialog-tick-id"

static void
tick_toggled_cb (GtkCheckButton *check,
                 GHashTable     *ticked)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), TICK_ID_KEY);

  if (gtk_check_button_get_active (check))
    g_hash_table_add (ticked, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (ticked, id);
}

GtkWidget *
cp_dialog_tick_new (GHashTable *ticked,
                    gint64      id)
{
  GtkWidget *check;

  g_return_val_if_fail (ticked != NULL, NULL);

  check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (ticked, &id));
  g_object_set_data_full (G_OBJECT (check), TICK_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (tick_toggled_cb), ticked);
  return check;
}

GHashTable *
cp_dialog_ticks_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gboolean
is_open (gpointer item,
         gpointer user_data)
{
  return cp_person_get_status (item) != CP_PERSON_STATUS_CLOSED;
}

GListModel *
cp_dialog_open_people (GListModel *people)
{
  GtkCustomFilter *filter;

  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);

  filter = gtk_custom_filter_new (is_open, NULL, NULL);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (people), GTK_FILTER (filter)));
}

GArray *
cp_dialog_ticked_people (GHashTable *ticked,
                         GListModel *people)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);
      gint64 id = cp_person_get_id (person);

      if (g_hash_table_contains (ticked, &id))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* ---- Files ------------------------------------------------------------------------------ */

static void
add_filter (GtkFileChooser *chooser,
            CpFileKind      kind)
{
  g_autoptr(GtkFileFilter) filter = NULL;

  if (kind == CP_FILE_KIND_ANY)
    return;
  filter = gtk_file_filter_new ();
  if (kind == CP_FILE_KIND_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else if (kind == CP_FILE_KIND_NETWORK_MAP)
    {
      gtk_file_filter_set_name (filter, _("Network maps (GraphML, CSV)"));
      gtk_file_filter_add_suffix (filter, "graphml");
      gtk_file_filter_add_suffix (filter, "xml");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else if (kind == CP_FILE_KIND_PACK)
    {
      gtk_file_filter_set_name (filter, _("Supervision packs"));
      gtk_file_filter_add_mime_type (filter, "application/x-cpkit-supervision-pack");
      gtk_file_filter_add_suffix (filter, "cpkpack");
    }
  else if (kind == CP_FILE_KIND_REPLY)
    {
      gtk_file_filter_set_name (filter, _("Supervision replies"));
      gtk_file_filter_add_mime_type (filter, "application/x-cpkit-supervision-reply");
      gtk_file_filter_add_suffix (filter, "cpkreply");
    }
  else if (kind == CP_FILE_KIND_WORKSPACE_OR_PACK)
    {
      gtk_file_filter_set_name (filter, _("Workspaces and supervision packs"));
      gtk_file_filter_add_suffix (filter, "cpkit");
      gtk_file_filter_add_mime_type (filter, "application/x-cpkit-supervision-pack");
      gtk_file_filter_add_suffix (filter, "cpkpack");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Workspaces"));
      gtk_file_filter_add_suffix (filter, "cpkit");
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

GtkNativeDialog *
cp_file_dialog_show (gpointer            owner,
                     GtkWindow          *parent,
                     const CpFileDialog *options,
                     CpFileChosenFunc    chosen,
                     gpointer            user_data,
                     GDestroyNotify      destroy)
{
  GtkFileChooserNative *native;
  FileDialog *fd;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (options != NULL && chosen != NULL, NULL);

  native = gtk_file_chooser_native_new (options->title,
                                        parent != NULL ? parent : window_of (owner),
                                        options->action, options->accept_label,
                                        _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (native), options->kind);
  if (options->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), options->folder, NULL);
  else if (options->action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      /* Not wherever the app was started from: the user's documents, or home. */
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL
                                                     && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  if (options->suggested_name != NULL && options->action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), options->suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  fd = g_new0 (FileDialog, 1);
  fd->owner = owner;
  fd->dialog = GTK_NATIVE_DIALOG (native);
  fd->chosen = chosen;
  fd->user_data = user_data;
  fd->destroy = destroy;
  g_object_weak_ref (fd->owner, owner_gone_cb, fd);
  g_signal_connect (native, "response", G_CALLBACK (file_dialog_response_cb), fd);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return GTK_NATIVE_DIALOG (native);
}

gboolean
cp_file_dialog_replace_confirmed (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return g_file_query_exists (file, NULL);
}
