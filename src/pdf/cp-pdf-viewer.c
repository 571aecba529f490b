/* cp-pdf-viewer.c: the chrome around the page view
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "cp-pdf-viewer-private.h"
#include "store/cp-store-library.h"

#define SAVE_DELAY_MS 400

G_DEFINE_FINAL_TYPE (CpPdfViewer, cp_pdf_viewer, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  PROP_TITLE,
  PROP_LOADED,
  PROP_SIZING_MODE,
  PROP_DUAL_PAGE,
  PROP_NIGHT_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- State ------------------------------------------------------------------------------ */

static gboolean
system_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_night_mode (CpPdfViewer *self)
{
  gboolean night;

  switch (self->night_choice)
    {
    case CP_LIBRARY_NIGHT_ON:
      night = TRUE;
      break;
    case CP_LIBRARY_NIGHT_OFF:
      night = FALSE;
      break;
    case CP_LIBRARY_NIGHT_SYSTEM:
    default:
      night = system_is_dark ();
      break;
    }
  cp_pdf_view_set_night_mode (self->view, night);
}

void
cp_pdf_viewer_save_state (CpPdfViewer *self)
{
  g_autoptr(GError) error = NULL;
  CpLibraryViewState state;

  g_return_if_fail (CP_IS_PDF_VIEWER (self));

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->store == NULL || self->key == NULL || self->document == NULL || !self->loaded ||
      cp_store_get_read_only (self->store))
    return;

  state.last_page = cp_pdf_view_get_page (self->view);
  state.n_pages = cp_pdf_document_get_n_pages (self->document);
  state.zoom = cp_pdf_view_get_zoom (self->view);
  state.sizing = (CpLibrarySizing) cp_pdf_view_get_sizing_mode (self->view);
  state.night_mode = self->night_choice;

  if (!cp_store_library_set_view (self->store, self->key, &state, &error))
    g_debug ("Could not remember the reading position: %s", error->message);
}

static gboolean
save_timeout_cb (gpointer data)
{
  CpPdfViewer *self = data;

  self->save_id = 0;
  cp_pdf_viewer_save_state (self);
  return G_SOURCE_REMOVE;
}

static void
queue_save (CpPdfViewer *self)
{
  if (self->restoring || !self->loaded || self->store == NULL || self->key == NULL)
    return;
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ---- Header ----------------------------------------------------------------------------- */

static void
update_page_button (CpPdfViewer *self)
{
  g_autofree char *text = NULL;
  guint page, n_pages;
  const char *label;

  if (self->document == NULL)
    {
      gtk_menu_button_set_label (self->page_button, "–");
      return;
    }

  page = cp_pdf_view_get_page (self->view);
  n_pages = cp_pdf_document_get_n_pages (self->document);
  label = cp_pdf_document_get_page_label (self->document, page);
  text = g_strdup_printf ("%u", page + 1);
  if (label != NULL && *label != '\0' && g_strcmp0 (label, text) != 0)
    {
      g_free (text);
      /* TRANSLATORS: page label (1-based page number / number of pages) */
      text = g_strdup_printf (_("%s (%u/%u)"), label, page + 1, n_pages);
    }
  else
    {
      g_free (text);
      /* TRANSLATORS: page number / number of pages */
      text = g_strdup_printf (_("%u/%u"), page + 1, n_pages);
    }
  gtk_menu_button_set_label (self->page_button, text);
}

static void
update_zoom_label (CpPdfViewer *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f %%", cp_pdf_view_get_zoom (self->view) * 100);

  gtk_button_set_label (self->zoom_reset_button, text);
}

static void
update_headers (CpPdfViewer *self)
{
  adw_header_bar_set_show_start_title_buttons (self->header, self->folded);
}

static const char *
document_title (CpPdfViewer *self)
{
  const char *title;

  if (self->document == NULL)
    return "";
  title = cp_pdf_document_get_title (self->document);
  if (title == NULL || *title == '\0')
    return _("Untitled Document");
  return title;
}

static void
update_actions (CpPdfViewer *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->loaded;
  static const char * const doc_actions[] = {
    "viewer.find", "viewer.go-to-page", "viewer.toggle-outline", "viewer.zoom-in",
    "viewer.zoom-out", "viewer.zoom-reset", "viewer.rotate-left", "viewer.rotate-right",
    "viewer.sizing-mode", "viewer.dual-page", "viewer.night-mode",
  };

  for (guint i = 0; i < G_N_ELEMENTS (doc_actions); i++)
    gtk_widget_action_set_enabled (widget, doc_actions[i], loaded);
  gtk_widget_action_set_enabled (widget, "viewer.go-back",
                                 loaded && cp_pdf_view_get_can_go_back (self->view));
  gtk_widget_action_set_enabled (widget, "viewer.go-forward",
                                 loaded && cp_pdf_view_get_can_go_forward (self->view));
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outline_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), loaded);
}

/* ---- View notifications ----------------------------------------------------------------- */

static void
view_page_cb (CpPdfViewer *self)
{
  update_page_button (self);
  _cp_pdf_viewer_outline_queue_sync (self);
  queue_save (self);
}

static void
view_zoom_cb (CpPdfViewer *self)
{
  update_zoom_label (self);
  queue_save (self);
}

static void
view_sizing_cb (CpPdfViewer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZING_MODE]);
  queue_save (self);
}

static void
view_dual_page_cb (CpPdfViewer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUAL_PAGE]);
}

static void
view_night_mode_cb (CpPdfViewer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NIGHT_MODE]);
}

static void
view_history_cb (CpPdfViewer *self)
{
  update_actions (self);
}

static void
open_link_response_cb (CpPdfViewer *self,
                       const char  *response)
{
  g_autofree char *uri = g_steal_pointer (&self->pending_uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_strcmp0 (response, "open") != 0 || uri == NULL)
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
view_link_activated_cb (CpPdfViewer     *self,
                        const CpPdfLink *link)
{
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (link->kind != CP_PDF_LINK_EXTERNAL || link->uri == NULL)
    return;

  /* External links leave the app: the user says so first. */
  g_free (self->pending_uri);
  self->pending_uri = g_strdup (link->uri);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Open Link?"), NULL));
  adw_message_dialog_format_body (dialog, _("This opens %s in your web browser or another app."),
                                  link->uri);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open Link"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_link_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vadjustment_changed_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_outline_queue_sync (self);
}

static void
style_dark_cb (CpPdfViewer *self)
{
  if (self->night_choice == CP_LIBRARY_NIGHT_SYSTEM)
    apply_night_mode (self);
}

/* ---- Opening ------------------------------------------------------------------------------ */

static void
set_loaded (CpPdfViewer *self,
            gboolean     loaded)
{
  if (self->loaded == loaded)
    return;
  self->loaded = loaded;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
clear_document (CpPdfViewer *self)
{
  cp_pdf_viewer_save_state (self);
  _cp_pdf_viewer_find_clear (self);
  _cp_pdf_viewer_outline_clear (self);
  cp_pdf_view_set_document (self->view, NULL);
  g_clear_object (&self->document);
  set_loaded (self, FALSE);
}

static void
go_to_dest (CpPdfViewer *self,
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
  apply_night_mode (self);
  if (dest != NULL)
    go_to_dest (self, dest);
  else if (found && state.last_page < cp_pdf_document_get_n_pages (document))
    cp_pdf_view_set_page (self->view, state.last_page);

  adw_window_title_set_title (self->window_title, document_title (self));
  _cp_pdf_viewer_outline_load (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_spinner_stop (self->spinner);
  update_page_button (self);
  update_zoom_label (self);
  self->restoring = FALSE;
  set_loaded (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
show_error (CpPdfViewer *self,
            const char  *title,
            const char  *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
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

  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->open_cancellable);

  if (document != NULL)
    {
      dest = g_steal_pointer (&self->pending_dest);
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      cp_pdf_viewer_set_document (self, document, self->key, dest);
      return;
    }

  if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_NEEDS_PASSWORD) ||
      g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_WRONG_PASSWORD))
    {
      gboolean wrong = error->code == CP_PDF_ERROR_WRONG_PASSWORD;

      adw_status_page_set_description (self->password_page,
                                       wrong ? _("That password was not right. Try again.")
                                             : _("Enter the password to open it."));
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY))
    show_error (self, _("The File Is Empty"), _("It has no content at all, so there is nothing to show."));
  else if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_NOT_PDF))
    show_error (self, _("Not a PDF Document"), _("This file is of another kind. Only PDF documents can be shown here."));
  else if (g_error_matches (error, CP_PDF_ERROR, CP_PDF_ERROR_DAMAGED))
    show_error (self, _("The Document Is Damaged"),
                _("It looks like a PDF document, but part of it is missing or broken. A fresh copy from where it came from may work."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    show_error (self, _("The File Is Missing"), _("It may have been moved or deleted."));
  else
    show_error (self, _("This Document Cannot Be Shown"), error->message);
}

static void
start_open (CpPdfViewer *self,
            const char  *password)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  if (self->open_file != NULL)
    cp_pdf_document_new_for_file_async (self->open_file, password, self->open_cancellable,
                                        open_cb, g_object_ref (self));
  else
    cp_pdf_document_new_for_resource_async (self->open_resource, password,
                                            self->open_cancellable, open_cb,
                                            g_object_ref (self));
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
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
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

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  clear_document (self);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->pending_dest, g_free);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* ---- Template callbacks ---------------------------------------------------------------------- */

static void
password_unlock_cb (CpPdfViewer *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->open_file == NULL && self->open_resource == NULL)
    return;
  start_open (self, password);
}

static void
page_entry_activate_cb (CpPdfViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));

  if (cp_pdf_viewer_go_to_page_text (self, text))
    {
      gtk_popover_popdown (self->page_popover);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
      return;
    }
  gtk_label_set_text (self->page_hint, _("There is no such page in this document."));
}

static void
outline_row_activated_cb (CpPdfViewer   *self,
                          GtkListBoxRow *row)
{
  _cp_pdf_viewer_outline_row_activated (self, row);
}

static void
result_row_activated_cb (CpPdfViewer   *self,
                         GtkListBoxRow *row)
{
  _cp_pdf_viewer_find_result_activated (self, row);
}

static void
find_entry_changed_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_find_changed (self);
}

static void
find_entry_activate_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_find_step (self, 1);
}

static void
find_next_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_find_step (self, 1);
}

static void
find_previous_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_find_step (self, -1);
}

static void
find_stop_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_find_stop (self);
}

static gboolean
find_entry_key_cb (CpPdfViewer     *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      _cp_pdf_viewer_find_step (self, -1);
      return TRUE;
    }
  return FALSE;
}

/* ---- Actions --------------------------------------------------------------------------------- */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _cp_pdf_viewer_find_show (CP_PDF_VIEWER (widget));
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;
  text = g_strdup_printf ("%u", cp_pdf_view_get_page (self->view) + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  gtk_label_set_text (self->page_hint, _("A page number, or a page label such as “iv”."));
  gtk_menu_button_popup (self->page_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpPdfViewer *self = CP_PDF_VIEWER (widget);
  g_autofree char *pdf_action = g_strconcat ("pdf.", action_name + strlen ("viewer."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->view), pdf_action, NULL);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
cp_pdf_viewer_dispose (GObject *object)
{
  CpPdfViewer *self = CP_PDF_VIEWER (object);

  if (self->document != NULL)
    cp_pdf_viewer_save_state (self);
  /* Nothing is remembered from here on: dropping the document moves the view. */
  self->loaded = FALSE;
  self->restoring = TRUE;
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->save_id, g_source_remove);
  _cp_pdf_viewer_find_clear (self);
  _cp_pdf_viewer_outline_clear (self);
  if (self->view != NULL)
    cp_pdf_view_set_document (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PDF_VIEWER);
  self->view = NULL;
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->section_idle_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->open_file);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_pdf_viewer_parent_class)->dispose (object);
}

static void
cp_pdf_viewer_finalize (GObject *object)
{
  CpPdfViewer *self = CP_PDF_VIEWER (object);

  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_free (self->key);
  g_free (self->pending_dest);
  g_free (self->pending_uri);
  g_free (self->open_resource);
  g_free (self->find_text);
  G_OBJECT_CLASS (cp_pdf_viewer_parent_class)->finalize (object);
}

static void
cp_pdf_viewer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpPdfViewer *self = CP_PDF_VIEWER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_TITLE:
      g_value_set_string (value, document_title (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_SIZING_MODE:
      g_value_set_enum (value, cp_pdf_view_get_sizing_mode (self->view));
      break;
    case PROP_DUAL_PAGE:
      g_value_set_boolean (value, cp_pdf_view_get_dual_page (self->view));
      break;
    case PROP_NIGHT_MODE:
      g_value_set_boolean (value, cp_pdf_view_get_night_mode (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_pdf_viewer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CpPdfViewer *self = CP_PDF_VIEWER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_headers (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SIZING_MODE:
      cp_pdf_view_set_sizing_mode (self->view, g_value_get_enum (value));
      break;
    case PROP_DUAL_PAGE:
      cp_pdf_view_set_dual_page (self->view, g_value_get_boolean (value));
      break;
    case PROP_NIGHT_MODE:
      /* Chosen for this document: it no longer follows the desktop. */
      self->night_choice = g_value_get_boolean (value) ? CP_LIBRARY_NIGHT_ON
                                                       : CP_LIBRARY_NIGHT_OFF;
      apply_night_mode (self);
      queue_save (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_pdf_viewer_class_init (CpPdfViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const forwarded[] = {
    "viewer.zoom-in", "viewer.zoom-out", "viewer.zoom-reset", "viewer.rotate-left",
    "viewer.rotate-right", "viewer.go-back", "viewer.go-forward",
  };

  object_class->dispose = cp_pdf_viewer_dispose;
  object_class->finalize = cp_pdf_viewer_finalize;
  object_class->get_property = cp_pdf_viewer_get_property;
  object_class->set_property = cp_pdf_viewer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZING_MODE] =
    g_param_spec_enum ("sizing-mode", NULL, NULL, CP_TYPE_PDF_SIZING_MODE,
                       CP_PDF_SIZING_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUAL_PAGE] =
    g_param_spec_boolean ("dual-page", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NIGHT_MODE] =
    g_param_spec_boolean ("night-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CP_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-pdf-viewer.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cppdfviewer");

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CpPdfViewer, name)
  BIND (box);
  BIND (header);
  BIND (back_button);
  BIND (outline_button);
  BIND (page_button);
  BIND (page_popover);
  BIND (page_entry);
  BIND (page_hint);
  BIND (window_title);
  BIND (menu_button);
  BIND (find_button);
  BIND (find_bar);
  BIND (find_entry);
  BIND (find_count);
  BIND (stack);
  BIND (spinner);
  BIND (error_page);
  BIND (password_page);
  BIND (password_entry);
  BIND (flap);
  BIND (sidebar_stack);
  BIND (outline_stack);
  BIND (outline_scroller);
  BIND (outline_list);
  BIND (results_list);
  BIND (scroller);
  BIND (view);
  BIND (zoom_box);
  BIND (zoom_reset_button);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, password_unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.go-to-page", NULL, go_to_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.toggle-outline", NULL,
                                   toggle_outline_action);
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, view_action);
  gtk_widget_class_install_property_action (widget_class, "viewer.sizing-mode", "sizing-mode");
  gtk_widget_class_install_property_action (widget_class, "viewer.dual-page", "dual-page");
  gtk_widget_class_install_property_action (widget_class, "viewer.night-mode", "night-mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "viewer.go-to-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "viewer.toggle-outline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "viewer.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "viewer.go-forward", NULL);
}

static void
cp_pdf_viewer_init (CpPdfViewer *self)
{
  GtkEventController *keys;
  GtkAdjustment *vadj;

  self->current_hit = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->menu_button)),
                              self->zoom_box, "zoom");

  g_object_bind_property (self->outline_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->find_button, "active", self->find_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (find_entry_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  g_signal_connect_object (self->view, "notify::page", G_CALLBACK (view_page_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (view_zoom_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::sizing-mode", G_CALLBACK (view_sizing_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::dual-page", G_CALLBACK (view_dual_page_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::night-mode", G_CALLBACK (view_night_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::can-go-back", G_CALLBACK (view_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::can-go-forward", G_CALLBACK (view_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "link-activated", G_CALLBACK (view_link_activated_cb),
                           self, G_CONNECT_SWAPPED);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  if (vadj != NULL)
    g_signal_connect_object (vadj, "value-changed", G_CALLBACK (vadjustment_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  _cp_pdf_viewer_outline_init (self);
  update_zoom_label (self);
  update_headers (self);
  update_actions (self);
}

/* ---- Public API ------------------------------------------------------------------------------- */

CpPdfViewer *
cp_pdf_viewer_new (CpStore *store)
{
  g_return_val_if_fail (store == NULL || CP_IS_STORE (store), NULL);

  return g_object_new (CP_TYPE_PDF_VIEWER, "store", store, NULL);
}

void
cp_pdf_viewer_go_to (CpPdfViewer *self,
                     const char  *dest)
{
  g_return_if_fail (CP_IS_PDF_VIEWER (self));
  g_return_if_fail (dest != NULL);

  if (self->document == NULL)
    {
      g_free (self->pending_dest);
      self->pending_dest = g_strdup (dest);
      return;
    }
  go_to_dest (self, dest);
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

CpPdfView *
cp_pdf_viewer_get_view (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), NULL);
  return self->view;
}

CpPdfDocument *
cp_pdf_viewer_get_document (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), NULL);
  return self->document;
}

const char *
cp_pdf_viewer_get_key (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), NULL);
  return self->key;
}

gboolean
cp_pdf_viewer_get_loaded (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), FALSE);
  return self->loaded;
}

CpPdfOutlineItem *
cp_pdf_viewer_get_current_section (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), NULL);
  return self->current_section != NULL ? self->current_section->item : NULL;
}
