/* cp-library-page.c: the Library section
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-library-page"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cp-library-page-private.h"
#include "pdf/cp-pdf-texture.h"
#include "store/cp-store-library.h"
#include "ui/cp-a11y.h"

#define THUMB_WIDTH  48
#define THUMB_HEIGHT 64

static const CpManualInfo manuals[N_MANUALS] = {
  { CP_LIBRARY_TRAINING_MANUAL, N_("Training Manual") },
  { CP_LIBRARY_YOUR_GUIDE, N_("Your Guide") },
  { CP_LIBRARY_YOUR_GUIDE_LARGE, N_("Your Guide (Large Print)") },
};

G_DEFINE_FINAL_TYPE (CpLibraryPage, cp_library_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One asynchronous step for one manual. */
typedef struct
{
  CpLibraryPage *self;
  guint          index;
} ManualJob;

static ManualJob *
manual_job_new (CpLibraryPage *self,
                guint          index)
{
  ManualJob *job = g_new0 (ManualJob, 1);

  job->self = g_object_ref (self);
  job->index = index;
  return job;
}

static void
manual_job_free (ManualJob *job)
{
  g_object_unref (job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ManualJob, manual_job_free)

static char *
resource_for (guint index)
{
  return g_strdup_printf (RESOURCE_PATH "/manuals/%s.pdf", manuals[index].id);
}

static int
find_manual (const char *doc)
{
  if (doc == NULL)
    return -1;
  if (g_str_has_prefix (doc, CP_LIBRARY_MANUAL_PREFIX))
    doc += strlen (CP_LIBRARY_MANUAL_PREFIX);
  for (guint i = 0; i < N_MANUALS; i++)
    {
      if (g_strcmp0 (manuals[i].id, doc) == 0)
        return (int) i;
    }
  return -1;
}

const char *
_cp_library_page_manual_id (guint index)
{
  return index < N_MANUALS ? manuals[index].id : NULL;
}

/* ---- Rows --------------------------------------------------------------------------------- */

static void
update_progress (CpLibraryPage *self,
                 guint          index)
{
  CpManualEntry *entry = &self->entries[index];
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CpLibraryViewState state;
  gboolean found = FALSE;
  guint n_pages;

  if (self->store != NULL &&
      !cp_store_library_get_view (self->store, entry->key, &state, &found, &error))
    g_debug ("Could not read the reading position: %s", error->message);

  n_pages = entry->document != NULL ? cp_pdf_document_get_n_pages (entry->document)
                                    : (found ? state.n_pages : 0);
  if (found && n_pages > 0)
    /* TRANSLATORS: reading progress of a manual */
    text = g_strdup_printf (_("Page %u of %u"), MIN (state.last_page + 1, n_pages), n_pages);
  else if (n_pages > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page, not opened yet",
                                         "%u pages, not opened yet", n_pages), n_pages);
  else
    text = g_strdup (_("Not opened yet"));
  adw_action_row_set_subtitle (entry->row, text);
}

static void
update_all_progress (CpLibraryPage *self)
{
  for (guint i = 0; i < N_MANUALS; i++)
    update_progress (self, i);
}

void
_cp_library_page_collect_files (CpLibraryPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;

  /* Not while a copy is on its way into the folder. */
  if (self->store == NULL || self->n_importing > 0)
    return;
  if (!cp_store_library_collect_files (self->store, &n_deleted, &error))
    g_debug ("Could not tidy the library folder: %s", error->message);
  else if (n_deleted > 0)
    g_debug ("Deleted %u library files no longer used", n_deleted);
}

static void
store_changed_cb (CpLibraryPage      *self,
                  const char * const *tables)
{
  if (tables == NULL || g_strv_contains (tables, "document_view"))
    update_all_progress (self);
  if (tables == NULL || g_strv_contains (tables, "document"))
    {
      _cp_library_page_reload_documents (self);
      _cp_library_page_collect_files (self);
    }
}

static void
row_activated_cb (CpLibraryPage *self,
                  AdwActionRow  *row)
{
  for (guint i = 0; i < N_MANUALS; i++)
    {
      if (self->entries[i].row == row)
        cp_library_page_open (self, manuals[i].id, NULL);
    }
}

static void
add_manual_row (CpLibraryPage *self,
                guint          index)
{
  CpManualEntry *entry = &self->entries[index];
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *arrow = cp_a11y_decorative_image_new ("go-next-symbolic");

  entry->key = g_strconcat (CP_LIBRARY_MANUAL_PREFIX, manuals[index].id, NULL);
  entry->row = ADW_ACTION_ROW (row);
  entry->thumbnail = GTK_PICTURE (picture);

  gtk_widget_set_size_request (picture, THUMB_WIDTH, THUMB_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), _("Cover"));
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 6);
  gtk_widget_add_css_class (frame, "cp-library-cover");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(manuals[index].title));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), frame);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, manuals[index].id);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->manuals_list, row);
  update_progress (self, index);
}

/* ---- Covers: opened and rendered on the worker --------------------------------------------- */

static void
thumbnail_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ManualJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = cp_pdf_texture_render_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No cover for %s: %s", manuals[job->index].id, error->message);
      return;
    }
  gtk_picture_set_paintable (job->self->entries[job->index].thumbnail, GDK_PAINTABLE (texture));
}

static void
manual_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ManualJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) document = cp_pdf_document_new_finish (result, &error);
  CpLibraryPage *self = job->self;
  CpManualEntry *entry = &self->entries[job->index];
  CpPdfRenderSpec spec = { 0, };
  const char *title;
  double width, height;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("The bundled manual %s cannot be read: %s", manuals[job->index].id,
                     error->message);
          adw_action_row_set_subtitle (entry->row, _("This manual is missing from the app."));
        }
      return;
    }

  entry->document = g_object_ref (document);
  title = cp_pdf_document_get_title (document);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), escaped);
    }
  update_progress (self, job->index);

  if (!cp_pdf_document_get_page_size (document, 0, &width, &height) || width <= 0 || height <= 0)
    return;
  /* Sharp on HiDPI: rendered at the device scale, shown at the logical size. */
  spec.page = 0;
  spec.scale = MIN (THUMB_WIDTH / width, THUMB_HEIGHT / height) * MAX (1, scale_factor);
  cp_pdf_document_render_async (document, &spec, CP_PDF_PRIORITY_BACKGROUND, self->cancellable,
                                thumbnail_cb, manual_job_new (self, job->index));
}

static void
load_manuals (CpLibraryPage *self)
{
  for (guint i = 0; i < N_MANUALS; i++)
    {
      g_autofree char *path = resource_for (i);

      cp_pdf_document_new_for_resource_async (path, NULL, self->cancellable, manual_opened_cb,
                                              manual_job_new (self, i));
    }
}

/* The covers are opened and rendered once the page has been drawn: a start with the
 * Library in view shows the window first. */
static void
first_paint_cb (GdkFrameClock *clock,
                CpLibraryPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  load_manuals (self);
}

static void
cp_library_page_map (GtkWidget *widget)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (widget);

  GTK_WIDGET_CLASS (cp_library_page_parent_class)->map (widget);
  if (!self->manuals_loading)
    {
      self->manuals_loading = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_paint_cb), self, 0);
    }
}

/* ---- Headers and navigation ------------------------------------------------------------------ */

static void
update_headers (CpLibraryPage *self)
{
  gtk_widget_set_visible (self->sections_button, self->folded);
  adw_header_bar_set_show_start_title_buttons (self->list_header, self->folded);
  g_object_set (self->viewer, "folded", self->folded, NULL);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cp_library_page_show_list (CP_LIBRARY_PAGE (widget));
}

/* The viewer in front. A page not yet on screen (`cpkit FILE.pdf`) hides the list behind
 * it, so that the first frame neither styles nor measures it, until the list is first
 * shown or swiped to (leaflet_child_cb). */
void
_cp_library_page_show_viewer (CpLibraryPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_set_visible (self->list_scroller, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->viewer));
}

static void
leaflet_child_cb (CpLibraryPage *self)
{
  gboolean list = adw_leaflet_get_visible_child (self->leaflet) == self->list_pane;

  if (list || adw_leaflet_get_child_transition_running (self->leaflet))
    gtk_widget_set_visible (self->list_scroller, TRUE);
  /* Swiped back to the list: remember where the reader was. */
  if (list)
    {
      cp_pdf_viewer_save_state (self->viewer);
      update_all_progress (self);
    }
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
cp_library_page_constructed (GObject *object)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (object);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (cp_library_page_parent_class)->constructed (object);

  placeholder = gtk_label_new (_("PDFs you add are copied into the workspace’s folder "
                                 "and listed here."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->documents_list, placeholder);

  self->viewer = cp_pdf_viewer_new (self->store);
  gtk_widget_set_hexpand (GTK_WIDGET (self->viewer), TRUE);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->viewer));

  for (guint i = 0; i < N_MANUALS; i++)
    add_manual_row (self, i);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::child-transition-running",
                           G_CALLBACK (leaflet_child_cb), self, G_CONNECT_SWAPPED);
  update_headers (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import",
                                 self->store != NULL && !cp_store_get_read_only (self->store));
  _cp_library_page_reload_documents (self);
  _cp_library_page_collect_files (self);
}

static void
cp_library_page_dispose (GObject *object)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  _cp_library_page_search_clear (self);
  _cp_library_page_search_forget (self);
  /* The chooser itself closes with the page (cp_file_dialog_show). */
  g_clear_weak_pointer (&self->chooser);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_LIBRARY_PAGE);
  self->viewer = NULL;
  for (guint i = 0; i < N_MANUALS; i++)
    {
      g_clear_object (&self->entries[i].document);
      g_clear_pointer (&self->entries[i].key, g_free);
      self->entries[i].row = NULL;
      self->entries[i].thumbnail = NULL;
    }
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_library_page_parent_class)->dispose (object);
}

static void
cp_library_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_library_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CpLibraryPage *self = CP_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          if (self->viewer != NULL)
            update_headers (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_library_page_class_init (CpLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cp_library_page_constructed;
  object_class->dispose = cp_library_page_dispose;
  object_class->get_property = cp_library_page_get_property;
  object_class->set_property = cp_library_page_set_property;
  widget_class->map = cp_library_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE when the window's sidebar is folded away: show a button back to it. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-library-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, sections_button);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, manuals_list);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, search_box);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, search_status);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, search_list);
  gtk_widget_class_bind_template_child (widget_class, CpLibraryPage, browse_box);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_cp_library_page_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_row_activated_cb",
                                                G_CALLBACK (_cp_library_page_search_activated));

  gtk_widget_class_install_action (widget_class, "library.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "library.import", NULL,
                                   _cp_library_page_import_action);
  gtk_widget_class_install_action (widget_class, "library.add-current", NULL,
                                   _cp_library_page_add_current_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "library.import", NULL);
}

static void
cp_library_page_init (CpLibraryPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_search_results (self->search_entry, GTK_WIDGET (self->search_list));
}

/* ---- Public API ------------------------------------------------------------------------------ */

CpLibraryPage *
cp_library_page_new (CpStore *store)
{
  g_return_val_if_fail (store == NULL || CP_IS_STORE (store), NULL);

  return g_object_new (CP_TYPE_LIBRARY_PAGE, "store", store, NULL);
}

gboolean
cp_library_page_open (CpLibraryPage *self,
                      const char    *doc,
                      const char    *dest)
{
  CpManualEntry *entry;
  int index;

  g_return_val_if_fail (CP_IS_LIBRARY_PAGE (self), FALSE);

  index = find_manual (doc);
  if (index < 0)
    return _cp_library_page_open_imported (self, doc, dest);

  entry = &self->entries[index];
  if (entry->document != NULL)
    {
      if (cp_pdf_viewer_get_document (self->viewer) == entry->document)
        {
          if (dest != NULL)
            cp_pdf_viewer_go_to (self->viewer, dest);
        }
      else
        cp_pdf_viewer_set_document (self->viewer, entry->document, entry->key, dest);
    }
  else
    {
      g_autofree char *path = resource_for ((guint) index);

      cp_pdf_viewer_open_resource (self->viewer, path, entry->key, dest);
    }
  _cp_library_page_show_viewer (self);
  return TRUE;
}

void
cp_library_page_open_file (CpLibraryPage *self,
                           GFile         *file)
{
  g_return_if_fail (CP_IS_LIBRARY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  cp_pdf_viewer_open_file (self->viewer, file, NULL, NULL);
  _cp_library_page_show_viewer (self);
}

void
cp_library_page_show_list (CpLibraryPage *self)
{
  g_return_if_fail (CP_IS_LIBRARY_PAGE (self));

  cp_pdf_viewer_save_state (self->viewer);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  update_all_progress (self);
}

CpPdfViewer *
cp_library_page_get_viewer (CpLibraryPage *self)
{
  g_return_val_if_fail (CP_IS_LIBRARY_PAGE (self), NULL);
  return self->viewer;
}

GtkWidget *
cp_library_page_get_row (CpLibraryPage *self,
                         const char    *doc)
{
  int index;

  g_return_val_if_fail (CP_IS_LIBRARY_PAGE (self), NULL);

  index = find_manual (doc);
  return index >= 0 ? GTK_WIDGET (self->entries[index].row) : NULL;
}
