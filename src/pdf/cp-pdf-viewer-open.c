/* cp-pdf-viewer-open.c: opening documents, status pages, passwords, errors
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "ui/cp-dialogs.h"
#include "ui/cp-stack-pages.h"
#include "ui/cp-toaster.h"
#include "cp-pdf-viewer-private.h"
#include "store/cp-store-library.h"
#include "util/cp-link.h"

/* ---- Links leaving the app ------------------------------------------------------------------ */

static void
open_link_confirmed_cb (GtkWidget *from,
                        gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (from);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, user_data, GDK_CURRENT_TIME);
}

void
_cp_pdf_viewer_link_activated (CpPdfViewer     *self,
                               const CpPdfLink *link)
{
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *body = NULL;

  if (link->kind != CP_PDF_LINK_EXTERNAL || link->uri == NULL)
    return;

  /* A document's links are written by anyone: only web pages and email addresses leave
   * the app, and the user sees where to before they do. */
  switch (cp_link_check (link->uri, &uri, &shown))
    {
    case CP_LINK_WEB:
      /* Translators: %s is a web site's host name, e.g. "www.example.org" */
      body = g_strdup_printf (_("The link goes to the web site %s. It opens in your web "
                                "browser."), shown);
      break;
    case CP_LINK_MAIL:
      /* Translators: %s is one or more email addresses */
      body = g_strdup_printf (_("The link starts an email to %s in your email app."), shown);
      break;
    case CP_LINK_REFUSED:
    default:
      cp_toaster_add_toast (GTK_WIDGET (self),
                            adw_toast_new (_("Link not opened: only web and email links are "
                                             "allowed")));
      return;
    }

  cp_confirm (GTK_WIDGET (self), _("Open Link?"), body, _("_Cancel"), "open", _("_Open Link"),
              ADW_RESPONSE_SUGGESTED, open_link_confirmed_cb, g_steal_pointer (&uri), g_free);
}

/* ---- Opening ------------------------------------------------------------------------------ */

void
_cp_pdf_viewer_set_loaded (CpPdfViewer *self,
            gboolean     loaded)
{
  if (self->loaded == loaded)
    return;
  self->loaded = loaded;
  _cp_pdf_viewer_update_actions (self);
  _cp_pdf_viewer_notify (self, CP_PDF_VIEWER_PROP_LOADED);
}

/* A document that opens in a moment shows nothing moving while it does: the spinner
 * shows only once opening has taken SPINNER_DELAY_MS. So the first frame of `cpkit
 * FILE.pdf` has no spinner to draw, nor the SVG renderer to load for it. */
#define SPINNER_DELAY_MS 300

static gboolean
show_spinner_cb (gpointer data)
{
  CpPdfViewer *self = data;

  self->spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
spinner_stop (CpPdfViewer *self)
{
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

static void
spinner_later (CpPdfViewer *self)
{
  spinner_stop (self);
  self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
}

static void
clear_document (CpPdfViewer *self)
{
  cp_pdf_viewer_save_state (self);
  _cp_pdf_viewer_find_clear (self);
  _cp_pdf_viewer_outline_clear (self);
  cp_pdf_view_set_document (self->view, NULL);
  g_clear_object (&self->document);
  _cp_pdf_viewer_set_loaded (self, FALSE);
  _cp_pdf_viewer_thumbs_load (self);
  _cp_pdf_viewer_marks_reload (self);
}

void
_cp_pdf_viewer_go_to_dest (CpPdfViewer *self,
            const char  *dest)
{
  guint64 number;

  if (g_str_has_prefix (dest, "page="))
    {
      if (g_ascii_string_to_unsigned (dest + 5, 10, 1,
                                      cp_pdf_document_get_n_pages (self->document),
                                      &number, NULL))
        cp_pdf_view_scroll_to_page (self->view, (guint) number - 1);
      return;
    }
  cp_pdf_view_scroll_to_dest (self->view, dest);
}

void
cp_pdf_viewer_set_document (CpPdfViewer   *self,
                            CpPdfDocument *document,
                            const char    *key,
                            const char    *dest)
{
  g_autoptr(GError) error = NULL;
  CpLibraryViewState state = { 0, 0, 1.0, CP_LIBRARY_SIZING_FIT_WIDTH, CP_LIBRARY_NIGHT_SYSTEM };
  gboolean found = FALSE;

  g_return_if_fail (CP_IS_PDF_VIEWER (self));
  g_return_if_fail (CP_IS_PDF_DOCUMENT (document));

  _cp_pdf_viewer_stop_waiting_for_frame (self);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->document != document)
    clear_document (self);

  if (key != self->key)
    {
      g_free (self->key);
      self->key = g_strdup (key);
    }
  g_set_object (&self->document, document);

  if (self->store != NULL && key != NULL &&
      !cp_store_library_get_view (self->store, key, &state, &found, &error))
    g_debug ("Could not read the reading position: %s", error->message);

  self->restoring = TRUE;
  self->night_choice = state.night_mode;
  cp_pdf_view_set_document (self->view, document);
  if (state.sizing == CP_LIBRARY_SIZING_FREE)
    cp_pdf_view_set_zoom (self->view, state.zoom);
  else
    cp_pdf_view_set_sizing_mode (self->view, (CpPdfSizingMode) state.sizing);
  _cp_pdf_viewer_apply_night_mode (self);
  if (dest != NULL)
    _cp_pdf_viewer_go_to_dest (self, dest);
  else if (found && state.last_page < cp_pdf_document_get_n_pages (document))
    cp_pdf_view_set_page (self->view, state.last_page);

  adw_window_title_set_title (self->window_title, _cp_pdf_viewer_document_title (self));
  /* The pages take focus: a screen reader names them by the document. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _cp_pdf_viewer_document_title (self), -1);
  _cp_pdf_viewer_outline_load (self);
  _cp_pdf_viewer_thumbs_load (self);
  _cp_pdf_viewer_marks_reload (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  spinner_stop (self);
  _cp_pdf_viewer_update_page_button (self);
  _cp_pdf_viewer_update_zoom_label (self);
  self->restoring = FALSE;
  _cp_pdf_viewer_set_loaded (self, TRUE);
  _cp_pdf_viewer_update_actions (self);
  _cp_pdf_viewer_notify (self, CP_PDF_VIEWER_PROP_TITLE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
show_error (CpPdfViewer *self,
            const char  *title,
            const char  *description)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (cp_stack_pages_get (self->stack, "error"));

  adw_status_page_set_title (page, title);
  adw_status_page_set_description (page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The locked page, and its entry, made the first time a document asks for a password. */
static AdwStatusPage *
ensure_password_page (CpPdfViewer *self)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (cp_stack_pages_get (self->stack, "password"));
  GtkWidget *entry;

  if (self->password_entry != NULL)
    return page;
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", FALSE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (_cp_pdf_viewer_password_unlock),
                           self, G_CONNECT_SWAPPED);
  /* The page's clamp holds the box of the entry and the buttons. */
  gtk_box_prepend (GTK_BOX (adw_clamp_get_child (ADW_CLAMP (adw_status_page_get_child (page)))),
                   entry);
  self->password_entry = GTK_PASSWORD_ENTRY (entry);
  return page;
}

static void
clear_password (CpPdfViewer *self)
{
  if (self->password_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CpPdfViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) document = cp_pdf_document_new_finish (result, &error);
  g_autofree char *dest = NULL;

  if (document == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  spinner_stop (self);
  g_clear_object (&self->open_cancellable);

  if (document != NULL)
    {
      dest = g_steal_pointer (&self->pending_dest);
      clear_password (self);
      cp_pdf_viewer_set_document (self, document, self->key, dest);
      return;
    }

  if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_NEEDS_PASSWORD) ||
      g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_WRONG_PASSWORD))
    {
      gboolean wrong = error->code == CP_PDF_ERROR_WRONG_PASSWORD;

      adw_status_page_set_description (ensure_password_page (self),
                                       wrong ? _("That password was not right. Try again.")
                                             : _("Enter the password to open it."));
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *description = NULL;

    cp_pdf_viewer_describe_error (error, &title, &description);
    show_error (self, title, description);
  }
}

static void
begin_worker (CpPdfViewer *self,
              const char  *password)
{
  if (self->open_file != NULL)
    cp_pdf_document_new_for_file_async (self->open_file, password, self->open_cancellable,
                                        open_cb, g_object_ref (self));
  else
    cp_pdf_document_new_for_resource_async (self->open_resource, password,
                                            self->open_cancellable, open_cb,
                                            g_object_ref (self));
}

void
_cp_pdf_viewer_stop_waiting_for_frame (CpPdfViewer *self)
{
  GdkFrameClock *clock;

  if (self->open_after_frame_of == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->open_after_frame_of, self);
  if ((clock = gtk_widget_get_frame_clock (self->open_after_frame_of)) != NULL)
    g_signal_handlers_disconnect_by_data (clock, self);
  g_clear_weak_pointer (&self->open_after_frame_of);
}

static void
first_frame_cb (GdkFrameClock *clock,
                CpPdfViewer   *self)
{
  _cp_pdf_viewer_stop_waiting_for_frame (self);
  begin_worker (self, NULL);
}

static void
window_mapped_cb (GtkWidget   *window,
                  CpPdfViewer *self)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

/* A document given before its window is first shown (`cpkit FILE.pdf`) is opened once
 * that window has drawn its first frame: loading the PDF engine and the file would
 * otherwise hold that frame back. */
static void
start_open (CpPdfViewer *self,
            const char  *password)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  _cp_pdf_viewer_stop_waiting_for_frame (self);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->stack, "loading");
  spinner_later (self);

  if (window != NULL && !gtk_widget_get_realized (window))
    {
      g_set_weak_pointer (&self->open_after_frame_of, window);
      g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, 0);
      return;
    }
  begin_worker (self, password);
}

static void
prepare_open (CpPdfViewer *self,
              const char  *key,
              const char  *dest)
{
  clear_document (self);
  g_clear_object (&self->open_file);
  g_clear_pointer (&self->open_resource, g_free);
  g_free (self->key);
  self->key = g_strdup (key);
  g_free (self->pending_dest);
  self->pending_dest = g_strdup (dest);
  adw_window_title_set_title (self->window_title, "");
  clear_password (self);
}

void
cp_pdf_viewer_open_file (CpPdfViewer *self,
                         GFile       *file,
                         const char  *key,
                         const char  *dest)
{
  g_return_if_fail (CP_IS_PDF_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  prepare_open (self, key, dest);
  self->open_file = g_object_ref (file);
  start_open (self, NULL);
}

void
cp_pdf_viewer_open_resource (CpPdfViewer *self,
                             const char  *resource_path,
                             const char  *key,
                             const char  *dest)
{
  g_return_if_fail (CP_IS_PDF_VIEWER (self));
  g_return_if_fail (resource_path != NULL);

  prepare_open (self, key, dest);
  self->open_resource = g_strdup (resource_path);
  start_open (self, NULL);
}

void
cp_pdf_viewer_close (CpPdfViewer *self)
{
  g_return_if_fail (CP_IS_PDF_VIEWER (self));

  _cp_pdf_viewer_stop_waiting_for_frame (self);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  clear_document (self);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->pending_dest, g_free);
  spinner_stop (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  _cp_pdf_viewer_notify (self, CP_PDF_VIEWER_PROP_TITLE);
}

void
_cp_pdf_viewer_password_unlock (CpPdfViewer *self)
{
  const char *password = self->password_entry != NULL
                         ? gtk_editable_get_text (GTK_EDITABLE (self->password_entry)) : "";

  if (self->open_file == NULL && self->open_resource == NULL)
    return;
  start_open (self, password);
}

void
cp_pdf_viewer_describe_error (const GError  *error,
                              char         **title,
                              char         **description)
{
  const char *t, *d;
  g_autofree char *too_big = NULL;

  g_return_if_fail (error != NULL);

  if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG))
    {
      guint mb = (guint) (CP_PDF_MAX_FILE_SIZE / (1024 * 1024));

      t = _("The File Is Too Large");
      /* Translators: %u is a size in megabytes */
      d = too_big = g_strdup_printf (_("Documents larger than %u MB cannot be opened here."),
                                     mb);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      t = _("This Is a Folder");
      d = _("Choose a PDF document inside it instead.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    {
      t = _("Not a Document File");
      d = _("This is a pipe or a device, not a file kept on a disk, so it cannot be read "
            "as a document.");
    }
  else if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY))
    {
      t = _("The File Is Empty");
      d = _("It has no content at all, so there is nothing to show.");
    }
  else if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_NOT_PDF))
    {
      t = _("Not a PDF Document");
      d = _("This file is of another kind. Only PDF documents can be shown here.");
    }
  else if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_DAMAGED))
    {
      t = _("The Document Is Damaged");
      d = _("It looks like a PDF document, but part of it is missing or broken. "
            "A fresh copy from where it came from may work.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      t = _("The File Is Missing");
      d = _("It may have been moved or deleted.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      t = _("The File Cannot Be Read");
      d = _("You do not have permission to read it.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      t = _("The Disk Is Full");
      d = _("There is no room to keep a copy. Free some space and try again.");
    }
  else
    {
      t = _("This Document Cannot Be Used");
      d = error->message;
    }
  if (title != NULL)
    *title = g_strdup (t);
  if (description != NULL)
    *description = g_strdup (d);
}

gboolean
cp_pdf_viewer_go_to_page_text (CpPdfViewer *self,
                               const char  *text)
{
  g_autofree char *stripped = NULL;
  guint64 number;
  int page;

  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), FALSE);

  if (self->document == NULL || text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  page = cp_pdf_document_find_page_by_label (self->document, stripped);
  if (page < 0 &&
      g_ascii_string_to_unsigned (stripped, 10, 1, cp_pdf_document_get_n_pages (self->document),
                                  &number, NULL))
    page = (int) number - 1;
  if (page < 0)
    return FALSE;

  cp_pdf_view_scroll_to_page (self->view, (guint) page);
  return TRUE;
}
