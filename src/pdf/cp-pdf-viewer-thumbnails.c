/* cp-pdf-viewer-thumbnails.c: page thumbnails in the sidebar
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "cp-pdf-texture.h"
#include "cp-pdf-viewer-private.h"
#include "ui/cp-a11y.h"

#define THUMB_WIDTH 110

/* ---- One thumbnail: rendered on the worker when shown, dropped when scrolled away ----
 *
 * The list binds a row for every page it keeps (up to 200 in GTK 4.8) as soon as the
 * document is set, even while the sidebar is closed; a thumbnail renders only once it is
 * mapped, so a closed sidebar costs the worker nothing while the first page is drawn. */

#define CP_TYPE_PDF_THUMBNAIL (cp_pdf_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (CpPdfThumbnail, cp_pdf_thumbnail, CP, PDF_THUMBNAIL, GtkWidget)

struct _CpPdfThumbnail
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkPicture    *picture;
  GtkLabel      *label;
  GCancellable  *cancellable;
  /* the page to render once mapped, while @pending */
  CpPdfDocument *document;
  guint          page;
  gboolean       pending;
};

G_DEFINE_FINAL_TYPE (CpPdfThumbnail, cp_pdf_thumbnail, GTK_TYPE_WIDGET)

static void
cp_pdf_thumbnail_dispose (GObject *object)
{
  CpPdfThumbnail *self = CP_PDF_THUMBNAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (cp_pdf_thumbnail_parent_class)->dispose (object);
}

static void cp_pdf_thumbnail_render (CpPdfThumbnail *self);

static void
cp_pdf_thumbnail_map (GtkWidget *widget)
{
  CpPdfThumbnail *self = CP_PDF_THUMBNAIL (widget);

  GTK_WIDGET_CLASS (cp_pdf_thumbnail_parent_class)->map (widget);
  if (self->pending)
    cp_pdf_thumbnail_render (self);
}

static void
cp_pdf_thumbnail_class_init (CpPdfThumbnailClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_pdf_thumbnail_dispose;
  GTK_WIDGET_CLASS (klass)->map = cp_pdf_thumbnail_map;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cp_pdf_thumbnail_init (CpPdfThumbnail *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->picture = GTK_PICTURE (gtk_picture_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), THUMB_WIDTH, THUMB_WIDTH * 1.414);
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->picture));
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_box_append (GTK_BOX (self->box), frame);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

static void
thumbnail_rendered_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CpPdfThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = cp_pdf_texture_render_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }
  if (self->picture != NULL)
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
cp_pdf_thumbnail_render (CpPdfThumbnail *self)
{
  CpPdfRenderSpec spec = { 0, };
  double width, height;

  self->pending = FALSE;
  if (!cp_pdf_document_get_page_size (self->document, self->page, &width, &height) || width <= 0)
    return;
  self->cancellable = g_cancellable_new ();
  spec.page = self->page;
  spec.scale = THUMB_WIDTH / MAX (width, height / 1.414) *
               MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  cp_pdf_document_render_async (self->document, &spec, CP_PDF_PRIORITY_DEFAULT, self->cancellable,
                                thumbnail_rendered_cb, g_object_ref (self));
}

static void
cp_pdf_thumbnail_show (CpPdfThumbnail *self,
                       CpPdfDocument  *document,
                       guint           page)
{
  const char *label = cp_pdf_document_get_page_label (document, page);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *spoken = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_label_set_text (self->label, label != NULL && *label != '\0' ? label : number);
  /* TRANSLATORS: a page's thumbnail, as a screen reader says it; %s is the page's label
   * as the document numbers it ("iv", "12") */
  spoken = g_strdup_printf (_("Page %s"), gtk_label_get_text (self->label));
  cp_a11y_label_list_item (GTK_WIDGET (self), spoken);

  g_set_object (&self->document, document);
  self->page = page;
  self->pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cp_pdf_thumbnail_render (self);
}

static void
cp_pdf_thumbnail_hide (CpPdfThumbnail *self)
{
  self->pending = FALSE;
  g_clear_object (&self->document);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
}

/* ---- The list ------------------------------------------------------------------------------ */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CpPdfViewer              *self)
{
  gtk_list_item_set_child (item, g_object_new (CP_TYPE_PDF_THUMBNAIL, NULL));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CpPdfViewer              *self)
{
  if (self->document != NULL)
    cp_pdf_thumbnail_show (CP_PDF_THUMBNAIL (gtk_list_item_get_child (item)), self->document,
                           gtk_list_item_get_position (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CpPdfViewer              *self)
{
  cp_pdf_thumbnail_hide (CP_PDF_THUMBNAIL (gtk_list_item_get_child (item)));
}

void
_cp_pdf_viewer_thumbs_init (CpPdfViewer *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  gtk_list_view_set_factory (self->thumbs_view, factory);
}

void
_cp_pdf_viewer_thumbs_load (CpPdfViewer *self)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  g_autoptr(GtkSingleSelection) selection = NULL;
  guint n = self->document != NULL ? cp_pdf_document_get_n_pages (self->document) : 0;

  /* One item per page; the thumbnail knows its page by its position. */
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (pages, "");
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&pages)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->thumbs_view, GTK_SELECTION_MODEL (selection));
  _cp_pdf_viewer_thumbs_sync (self);
}

void
_cp_pdf_viewer_thumbs_sync (CpPdfViewer *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->thumbs_view);
  guint page;

  if (model == NULL || self->document == NULL)
    return;
  page = cp_pdf_view_get_page (self->view);
  if (page >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return;
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), page);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->thumbs_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->thumbs_view), "list.scroll-to-item", "u", page);
}

void
_cp_pdf_viewer_thumb_activated (CpPdfViewer *self,
                                guint        position)
{
  if (self->document == NULL || position >= cp_pdf_document_get_n_pages (self->document))
    return;
  cp_pdf_view_scroll_to_page (self->view, position);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}
