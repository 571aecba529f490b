/* cp-library-page-documents.c: the PDFs the user added to the library
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-library-page"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"
#include "cp-library-import.h"
#include "cp-library-page-private.h"
#include "store/cp-store-library.h"

/* ---- Your documents ------------------------------------------------------------------------ */

static void
remove_clicked_cb (GtkButton     *button,
                   CpLibraryPage *self)
{
  const char *key = gtk_widget_get_name (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (cp_pdf_viewer_get_key (self->viewer), key) == 0)
    cp_pdf_viewer_close (self->viewer);
  if (!cp_store_library_remove_document (self->store, key, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Removed from the library"));
}

static void
document_activated_cb (AdwActionRow  *row,
                       CpLibraryPage *self)
{
  cp_library_page_open (self, gtk_widget_get_name (GTK_WIDGET (row)), NULL);
}

static GtkWidget *
document_row_new (CpLibraryPage           *self,
                  const CpLibraryDocument *document)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = cp_a11y_decorative_image_new ("x-office-document-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (document->n_pages > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                             document->n_pages), document->n_pages);
  else
    subtitle = g_strdup (_("Locked with a password"));
  title = g_markup_escape_text (*document->title != '\0' ? document->title : document->file_name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_name (remove, document->key);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from Library"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from Library"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cp_a11y_decorative_image_new ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, document->key);
  g_signal_connect_object (row, "activated", G_CALLBACK (document_activated_cb), self, 0);
  return row;
}

void
_cp_library_page_reload_documents (CpLibraryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  GtkListBoxRow *row;

  /* The rows only: the list's placeholder is a child of it too. */
  while ((row = gtk_list_box_get_row_at_index (self->documents_list, 0)) != NULL)
    gtk_list_box_remove (self->documents_list, GTK_WIDGET (row));
  _cp_library_page_search_forget (self);

  if (self->store == NULL)
    return;
  if (!(documents = cp_store_library_list_documents (self->store, &error)))
    {
      g_debug ("Could not list the library: %s", error->message);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    gtk_list_box_append (self->documents_list,
                         document_row_new (self, g_ptr_array_index (documents, i)));
}

static void
show_import_error (CpLibraryPage *self,
                   const GError  *error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  cp_pdf_viewer_describe_error (error, &title, &description);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", description,
                                  _("Nothing was added to the library."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_set_name (dialog, "import-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CpLibraryPage *self;
  gboolean       reopen;   /* the viewer shows the file being added */
} ImportJob;

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr(CpLibraryPage) self = job->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cp_library_import_finish (CP_STORE (source), result, &error);
  gboolean reopen = job->reopen;

  g_free (job);
  self->n_importing--;

  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, error);
      _cp_library_page_collect_files (self);
      return;
    }

  cp_toaster_add_toast (GTK_WIDGET (self), adw_toast_new (_("Added to the library")));
  if (reopen)
    {
      g_autofree char *dest = g_strdup_printf ("page=%u",
        cp_pdf_view_get_page (cp_pdf_viewer_get_view (self->viewer)) + 1);

      cp_library_page_open (self, key, dest);
    }
  _cp_library_page_collect_files (self);
}

static void
start_import (CpLibraryPage *self,
              GFile         *file,
              gboolean       reopen)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->self = g_object_ref (self);
  job->reopen = reopen;
  self->n_importing++;
  cp_library_import_async (self->store, file, self->cancellable, import_cb, job);
}

static void
import_chosen_cb (gpointer  owner,
                  GFile    *file,
                  gpointer  user_data)
{
  cp_library_page_import_file (CP_LIBRARY_PAGE (owner), file);
}

void
_cp_library_page_import_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (widget);
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = _("Add a PDF to the Library"),
    .accept_label = _("_Add"),
    .kind = CP_FILE_KIND_PDF,
  };

  if (self->store == NULL || self->chooser != NULL)
    return;
  /* One chooser at a time; it closes by itself if the page goes first. */
  g_set_weak_pointer (&self->chooser,
                      cp_file_dialog_show (self, NULL, &options, import_chosen_cb, NULL, NULL));
}

void
_cp_library_page_add_current_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (widget);
  GFile *file = cp_pdf_viewer_get_file (self->viewer);

  if (self->store == NULL || file == NULL)
    return;
  start_import (self, file, TRUE);
}

gboolean
_cp_library_page_open_imported (CpLibraryPage *self,
               const char    *key,
               const char    *dest)
{
  g_autoptr(CpLibraryDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (self->store == NULL || key == NULL || !g_str_has_prefix (key, CP_LIBRARY_SHA256_PREFIX))
    return FALSE;
  if (!(document = cp_store_library_find_document (self->store, key, NULL)))
    return FALSE;

  path = cp_store_library_dup_file_path (self->store, document->sha256);
  file = g_file_new_for_path (path);
  if (g_strcmp0 (cp_pdf_viewer_get_key (self->viewer), key) == 0 &&
      cp_pdf_viewer_get_document (self->viewer) != NULL)
    {
      if (dest != NULL)
        cp_pdf_viewer_go_to (self->viewer, dest);
    }
  else
    cp_pdf_viewer_open_file (self->viewer, file, key, dest);
  _cp_library_page_show_viewer (self);
  return TRUE;
}

void
cp_library_page_import_file (CpLibraryPage *self,
                             GFile         *file)
{
  g_return_if_fail (CP_IS_LIBRARY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;
  start_import (self, file, FALSE);
}

