/* cp-pdf-viewer.c: the chrome around the page view
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-autosave.h"
#include "ui/cp-menu-button.h"
#include "ui/cp-stack-pages.h"
#include "cp-pdf-viewer-private.h"
#include "store/cp-store-library.h"

G_DEFINE_FINAL_TYPE (CpPdfViewer, cp_pdf_viewer, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  PROP_TITLE = CP_PDF_VIEWER_PROP_TITLE,
  PROP_LOADED = CP_PDF_VIEWER_PROP_LOADED,
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

void
_cp_pdf_viewer_apply_night_mode (CpPdfViewer *self)
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

static void
save_timeout_cb (gpointer data)
{
  CpPdfViewer *self = data;

  self->save_id = 0;
  cp_pdf_viewer_save_state (self);
}

static void
queue_save (CpPdfViewer *self)
{
  if (self->restoring || !self->loaded || self->store == NULL || self->key == NULL)
    return;
  /* Not restarted by each change: reading on steadily still saves the place. */
  if (self->save_id == 0)
    self->save_id = g_timeout_add_once (CP_AUTOSAVE_DELAY_MS, save_timeout_cb, self);
}

/* ---- Header ----------------------------------------------------------------------------- */

void
_cp_pdf_viewer_update_page_button (CpPdfViewer *self)
{
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  guint page, n_pages;
  const char *label;

  if (self->document == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go to Page"), -1);
      return;
    }

  page = cp_pdf_view_get_page (self->view);
  n_pages = cp_pdf_document_get_n_pages (self->document);
  label = cp_pdf_document_get_page_label (self->document, page);
  number = g_strdup_printf ("%u", page + 1);
  if (label != NULL && *label != '\0' && g_strcmp0 (label, number) != 0)
    /* TRANSLATORS: page label, 1-based page number and number of pages */
    text = g_strdup_printf (_("Page %s (%u of %u)"), label, page + 1, n_pages);
  else
    /* TRANSLATORS: 1-based page number and number of pages */
    text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  adw_window_title_set_subtitle (self->window_title, text);
  /* A screen reader says what the button shows, the page, and then what it does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to Page"), -1);
}

void
_cp_pdf_viewer_update_zoom_label (CpPdfViewer *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f %%", cp_pdf_view_get_zoom (self->view) * 100);

  gtk_button_set_label (self->zoom_reset_button, text);
}

static void
update_headers (CpPdfViewer *self)
{
  adw_header_bar_set_show_start_title_buttons (self->header, self->folded);
}

const char *
_cp_pdf_viewer_document_title (CpPdfViewer *self)
{
  const char *title;

  if (self->document == NULL)
    return "";
  title = cp_pdf_document_get_title (self->document);
  if (title == NULL || *title == '\0')
    return _("Untitled Document");
  return title;
}

void
_cp_pdf_viewer_update_actions (CpPdfViewer *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->loaded;
  static const char * const doc_actions[] = {
    "viewer.find", "viewer.go-to-page", "viewer.toggle-outline", "viewer.zoom-in",
    "viewer.zoom-out", "viewer.zoom-reset", "viewer.rotate-left", "viewer.rotate-right",
    "viewer.sizing-mode", "viewer.dual-page", "viewer.night-mode", "viewer.print",
  };
  gboolean can_mark = loaded && self->store != NULL && self->key != NULL &&
                      !cp_store_get_read_only (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (doc_actions); i++)
    gtk_widget_action_set_enabled (widget, doc_actions[i], loaded);
  gtk_widget_action_set_enabled (widget, "viewer.add-bookmark", can_mark);
  gtk_widget_action_set_enabled (widget, "viewer.add-highlight",
                                 can_mark && cp_pdf_view_get_has_selection (self->view));
  gtk_widget_action_set_enabled (widget, "viewer.go-back",
                                 loaded && cp_pdf_view_get_can_go_back (self->view));
  gtk_widget_action_set_enabled (widget, "viewer.go-forward",
                                 loaded && cp_pdf_view_get_can_go_forward (self->view));
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outline_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), loaded);
  /* A file opened from outside the library can be added to it. */
  gtk_widget_set_visible (self->add_button, loaded && self->key == NULL && self->open_file != NULL);
}

/* ---- View notifications ----------------------------------------------------------------- */

/* The view reports page and zoom changes while it is being allocated: the header
 * follows after that frame, never in the middle of laying it out. */
static gboolean
header_idle_cb (gpointer data)
{
  CpPdfViewer *self = data;

  self->header_idle_id = 0;
  _cp_pdf_viewer_update_page_button (self);
  _cp_pdf_viewer_thumbs_sync (self);
  _cp_pdf_viewer_update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

static void
queue_header_update (CpPdfViewer *self)
{
  if (self->header_idle_id == 0)
    self->header_idle_id = g_idle_add (header_idle_cb, self);
}

static void
view_page_cb (CpPdfViewer *self)
{
  queue_header_update (self);
  _cp_pdf_viewer_outline_queue_sync (self);
  queue_save (self);
}

static void
view_zoom_cb (CpPdfViewer *self)
{
  queue_header_update (self);
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
  _cp_pdf_viewer_update_actions (self);
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
    _cp_pdf_viewer_apply_night_mode (self);
}

void
_cp_pdf_viewer_notify (CpPdfViewer *self,
                       guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* ---- Template callbacks ---------------------------------------------------------------------- */

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
mark_row_activated_cb (CpPdfViewer   *self,
                       GtkListBoxRow *row)
{
  _cp_pdf_viewer_mark_row_activated (self, row);
}

static void
thumb_activated_cb (CpPdfViewer *self,
                    guint        position)
{
  _cp_pdf_viewer_thumb_activated (self, position);
}

static void
marks_search_changed_cb (CpPdfViewer *self)
{
  _cp_pdf_viewer_marks_reload (self);
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

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
cp_pdf_viewer_constructed (GObject *object)
{
  G_OBJECT_CLASS (cp_pdf_viewer_parent_class)->constructed (object);
  _cp_pdf_viewer_marks_init (CP_PDF_VIEWER (object));
}

static void
cp_pdf_viewer_dispose (GObject *object)
{
  CpPdfViewer *self = CP_PDF_VIEWER (object);

  if (self->document != NULL)
    cp_pdf_viewer_save_state (self);
  /* Nothing is remembered from here on: dropping the document moves the view. */
  self->loaded = FALSE;
  self->restoring = TRUE;
  _cp_pdf_viewer_stop_waiting_for_frame (self);
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
  g_clear_handle_id (&self->header_idle_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
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
      g_value_set_string (value, _cp_pdf_viewer_document_title (self));
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
      _cp_pdf_viewer_apply_night_mode (self);
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

  object_class->constructed = cp_pdf_viewer_constructed;
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
  BIND (viewer_menu);
  BIND (find_button);
  BIND (add_button);
  BIND (find_bar);
  BIND (find_entry);
  BIND (find_count);
  BIND (stack);
  BIND (spinner);
  BIND (flap);
  BIND (sidebar_stack);
  BIND (outline_stack);
  BIND (nav_stack);
  BIND (marks_search);
  BIND (marks_list);
  BIND (thumbs_view);
  BIND (outline_scroller);
  BIND (outline_list);
  BIND (results_list);
  BIND (scroller);
  BIND (view);
  BIND (zoom_box);
  BIND (zoom_reset_button);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, marks_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, thumb_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  _cp_pdf_viewer_class_init_actions (widget_class);
}

/* The View Menu's first line: zoom out, the scale, zoom in. */
static void
add_zoom_cb (GtkPopoverMenu *menu,
             gpointer        user_data)
{
  CpPdfViewer *self = user_data;

  gtk_popover_menu_add_child (menu, self->zoom_box, "zoom");
}

/* The sidebar (contents, thumbnails, bookmarks, results: 78 widgets) is hidden until it
 * is first revealed, so a start that does not open it does not style or measure it. */
static void
flap_revealed_cb (CpPdfViewer *self)
{
  if (adw_flap_get_reveal_flap (self->flap))
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar_stack), TRUE);
}

static void
cp_pdf_viewer_init (CpPdfViewer *self)
{
  GtkEventController *keys;
  GtkAdjustment *vadj;

  self->current_hit = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_shortcuts_while_shown (GTK_WIDGET (self));
  cp_a11y_list_one_tab_stop (self->outline_list);
  cp_a11y_list_one_tab_stop (self->results_list);

  cp_menu_button_set_menu_model_on_open (self->menu_button, self->viewer_menu,
                                         add_zoom_cb, self);
  cp_stack_pages_when_shown (self->stack, RESOURCE_PATH "/ui/cp-pdf-viewer-pages.ui",
                             "empty", "error", "password", NULL);
  cp_stack_pages_when_shown (self->outline_stack, RESOURCE_PATH "/ui/cp-pdf-viewer-pages.ui",
                             "none", NULL);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                           self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (self->view, "notify::has-selection", G_CALLBACK (view_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "link-activated", G_CALLBACK (_cp_pdf_viewer_link_activated),
                           self, G_CONNECT_SWAPPED);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  if (vadj != NULL)
    g_signal_connect_object (vadj, "value-changed", G_CALLBACK (vadjustment_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  _cp_pdf_viewer_outline_init (self);
  _cp_pdf_viewer_thumbs_init (self);
  _cp_pdf_viewer_update_zoom_label (self);
  update_headers (self);
  _cp_pdf_viewer_update_actions (self);
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
  _cp_pdf_viewer_go_to_dest (self, dest);
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

GFile *
cp_pdf_viewer_get_file (CpPdfViewer *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEWER (self), NULL);
  return self->open_file;
}
