/* cp-pdf-view.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfView: the GObject, its properties and signal, and the public
 * setters. See cp-pdf-view-private.h for how the class is split.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-pdf-view-private.h"

enum {
  PROP_HADJUSTMENT = CP_PDF_VIEW_N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

GParamSpec *_cp_pdf_view_pspecs[CP_PDF_VIEW_N_PROPS];
static guint signals[N_SIGNALS];

/* Zoom steps for zoom in/out, as in other GNOME document viewers. */
static const double zoom_steps[] = {
  0.25, 0.333, 0.5, 0.667, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CpPdfView, cp_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

GType
cp_pdf_sizing_mode_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CP_PDF_SIZING_FREE, "CP_PDF_SIZING_FREE", "free" },
        { CP_PDF_SIZING_FIT_WIDTH, "CP_PDF_SIZING_FIT_WIDTH", "fit-width" },
        { CP_PDF_SIZING_FIT_PAGE, "CP_PDF_SIZING_FIT_PAGE", "fit-page" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static ("CpPdfSizingMode", values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
notify (CpPdfView *self,
        guint      prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[prop]);
}

/* ------------------------------------------------------------ GObject */

static void
cp_pdf_view_dispose (GObject *object)
{
  CpPdfView *self = (CpPdfView *) object;

  _cp_pdf_view_cancel_requests (self);
  g_cancellable_cancel (self->cancellable);
  cp_pdf_document_forget_tag (self);
  _cp_pdf_view_reset_document_data (self);
  g_clear_object (&self->document);
  cp_pdf_cache_clear (self->cache);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (cp_pdf_view_parent_class)->dispose (object);
}

static void
cp_pdf_view_finalize (GObject *object)
{
  CpPdfView *self = (CpPdfView *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->rects, g_free);
  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);

  G_OBJECT_CLASS (cp_pdf_view_parent_class)->finalize (object);
}

static void
cp_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpPdfView *self = CP_PDF_VIEW (object);

  switch (prop_id)
    {
    case CP_PDF_VIEW_PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case CP_PDF_VIEW_PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case CP_PDF_VIEW_PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case CP_PDF_VIEW_PROP_SIZING_MODE:
      g_value_set_enum (value, self->sizing_mode);
      break;
    case CP_PDF_VIEW_PROP_DUAL_PAGE:
      g_value_set_boolean (value, self->dual_page);
      break;
    case CP_PDF_VIEW_PROP_ROTATION:
      g_value_set_uint (value, self->rotation);
      break;
    case CP_PDF_VIEW_PROP_NIGHT_MODE:
      g_value_set_boolean (value, self->night_mode);
      break;
    case CP_PDF_VIEW_PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cp_pdf_view_get_can_go_back (self));
      break;
    case CP_PDF_VIEW_PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, cp_pdf_view_get_can_go_forward (self));
      break;
    case CP_PDF_VIEW_PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CpPdfView *self = CP_PDF_VIEW (object);

  switch (prop_id)
    {
    case CP_PDF_VIEW_PROP_DOCUMENT:
      cp_pdf_view_set_document (self, g_value_get_object (value));
      break;
    case CP_PDF_VIEW_PROP_PAGE:
      cp_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    case CP_PDF_VIEW_PROP_ZOOM:
      cp_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case CP_PDF_VIEW_PROP_SIZING_MODE:
      cp_pdf_view_set_sizing_mode (self, g_value_get_enum (value));
      break;
    case CP_PDF_VIEW_PROP_DUAL_PAGE:
      cp_pdf_view_set_dual_page (self, g_value_get_boolean (value));
      break;
    case CP_PDF_VIEW_PROP_ROTATION:
      cp_pdf_view_set_rotation (self, g_value_get_uint (value));
      break;
    case CP_PDF_VIEW_PROP_NIGHT_MODE:
      cp_pdf_view_set_night_mode (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      _cp_pdf_view_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      _cp_pdf_view_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Default handler of "link-activated": internal links jump. */
static void
cp_pdf_view_real_link_activated (CpPdfView *self,
                                 CpPdfLink *link)
{
  if (link->kind == CP_PDF_LINK_INTERNAL && link->page >= 0)
    cp_pdf_view_scroll_to_location (self, link->page, link->top);
  else if (link->kind == CP_PDF_LINK_INTERNAL && link->dest != NULL)
    cp_pdf_view_scroll_to_dest (self, link->dest);
}

static void
cp_pdf_view_class_init (CpPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_pdf_view_dispose;
  object_class->finalize = cp_pdf_view_finalize;
  object_class->get_property = cp_pdf_view_get_property;
  object_class->set_property = cp_pdf_view_set_property;

  widget_class->measure = _cp_pdf_view_measure;
  widget_class->size_allocate = _cp_pdf_view_size_allocate;
  widget_class->snapshot = _cp_pdf_view_snapshot;

  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CP_TYPE_PDF_DOCUMENT, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, CP_PDF_VIEW_MAX_ZOOM, 1.0, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_SIZING_MODE] =
    g_param_spec_enum ("sizing-mode", NULL, NULL, CP_TYPE_PDF_SIZING_MODE,
                       CP_PDF_SIZING_FIT_WIDTH, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_DUAL_PAGE] =
    g_param_spec_boolean ("dual-page", NULL, NULL, FALSE, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_ROTATION] =
    g_param_spec_uint ("rotation", NULL, NULL, 0, 270, 0, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_NIGHT_MODE] =
    g_param_spec_boolean ("night-mode", NULL, NULL, FALSE, flags);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, read_only);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE, read_only);
  _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, CP_PDF_VIEW_N_PROPS, _cp_pdf_view_pspecs);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CpPdfView::link-activated:
   * @link: the link followed (CpPdfLink)
   *
   * The default handler jumps to internal links; connect to handle
   * external ones (ask before opening link->uri).
   */
  signals[LINK_ACTIVATED] =
    g_signal_new_class_handler ("link-activated",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (cp_pdf_view_real_link_activated),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 1,
                                CP_TYPE_PDF_LINK | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "cp-pdf-view");
  _cp_pdf_view_class_init_input (widget_class);
}

static void
cp_pdf_view_init (CpPdfView *self)
{
  self->zoom = 1.0;
  self->sizing_mode = CP_PDF_SIZING_FIT_WIDTH;
  /* It takes focus; the viewer names it after the document it shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Document"), -1);
  /* Its own: sized by what is near this view's viewport. */
  self->cache = cp_pdf_cache_new (CP_PDF_CACHE_DEFAULT_MAX_BYTES);
  self->cancellable = g_cancellable_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->back = g_array_new (FALSE, FALSE, sizeof (CpPdfLocation));
  self->forward = g_array_new (FALSE, FALSE, sizeof (CpPdfLocation));
  self->current_hit = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  _cp_pdf_view_set_adjustment (self, &self->hadjustment, NULL);
  _cp_pdf_view_set_adjustment (self, &self->vadjustment, NULL);
  _cp_pdf_view_init_input (self);
  _cp_pdf_view_update_actions (self);
}

GtkWidget *
cp_pdf_view_new (void)
{
  return g_object_new (CP_TYPE_PDF_VIEW, NULL);
}

/* ------------------------------------------------------ per-page data */

/* Makes room for every page and marks page as asked for; FALSE when it
 * already was. */
gboolean
_cp_pdf_page_slots_claim (CpPdfPageSlots *slots,
                          guint           n_pages,
                          GDestroyNotify  free_func,
                          guint           page)
{
  if (slots->items == NULL)
    {
      slots->items = g_ptr_array_new_full (n_pages, free_func);
      g_ptr_array_set_size (slots->items, n_pages);
      slots->requested = g_new0 (guint8, n_pages);
    }
  if (slots->requested[page])
    return FALSE;
  slots->requested[page] = TRUE;
  return TRUE;
}

gpointer
_cp_pdf_page_slots_get (CpPdfPageSlots *slots,
                        guint           page)
{
  return slots->items != NULL ? g_ptr_array_index (slots->items, page) : NULL;
}

void
_cp_pdf_page_slots_clear (CpPdfPageSlots *slots)
{
  g_clear_pointer (&slots->items, g_ptr_array_unref);
  g_clear_pointer (&slots->requested, g_free);
}

CpPdfPageRequest *
_cp_pdf_page_request_new (CpPdfView *self,
                          guint      page)
{
  CpPdfPageRequest *request = g_new0 (CpPdfPageRequest, 1);

  request->view = g_object_ref (self);
  request->page = page;
  return request;
}

void
_cp_pdf_page_request_free (CpPdfPageRequest *request)
{
  g_object_unref (request->view);
  g_free (request);
}

/* ---------------------------------------------------------- public API */

CpPdfDocument *
cp_pdf_view_get_document (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), NULL);
  return self->document;
}

/**
 * cp_pdf_view_set_document:
 * @document: (nullable): the document to show
 *
 * Shows @document from its first page; drops everything asked of the
 * previous one (requests, links, text, selection, find hits, history).
 */
void
cp_pdf_view_set_document (CpPdfView     *self,
                          CpPdfDocument *document)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));
  g_return_if_fail (document == NULL || CP_IS_PDF_DOCUMENT (document));

  if (self->document == document)
    return;

  _cp_pdf_view_cancel_requests (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _cp_pdf_view_reset_document_data (self);
  cp_pdf_cache_clear (self->cache);
  g_array_set_size (self->back, 0);
  g_array_set_size (self->forward, 0);

  g_set_object (&self->document, document);
  self->layout_valid = FALSE;
  self->laid_out = FALSE;
  self->previous_scale = 0;
  self->rendered_scale = 0;
  self->page = 0;
  self->has_anchor = FALSE;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  notify (self, CP_PDF_VIEW_PROP_DOCUMENT);
  notify (self, CP_PDF_VIEW_PROP_PAGE);
  notify (self, CP_PDF_VIEW_PROP_CAN_GO_BACK);
  notify (self, CP_PDF_VIEW_PROP_CAN_GO_FORWARD);
  notify (self, CP_PDF_VIEW_PROP_HAS_SELECTION);
  _cp_pdf_view_update_actions (self);
}

guint
cp_pdf_view_get_page (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), 0);
  return self->page;
}

/**
 * cp_pdf_view_set_page:
 *
 * Jumps to the top of @page, as cp_pdf_view_scroll_to_page() does.
 */
void
cp_pdf_view_set_page (CpPdfView *self,
                      guint      page)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (page != self->page)
    cp_pdf_view_scroll_to_page (self, page);
}

double
cp_pdf_view_get_zoom (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

void
cp_pdf_view_set_zoom (CpPdfView *self,
                      double     zoom)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  _cp_pdf_view_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                            gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
cp_pdf_view_zoom_in (CpPdfView *self)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.01)
      {
        cp_pdf_view_set_zoom (self, zoom_steps[i]);
        return;
      }
  cp_pdf_view_set_zoom (self, CP_PDF_VIEW_MAX_ZOOM);
}

void
cp_pdf_view_zoom_out (CpPdfView *self)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.01)
      {
        cp_pdf_view_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
  cp_pdf_view_set_zoom (self, CP_PDF_VIEW_MIN_ZOOM);
}

CpPdfSizingMode
cp_pdf_view_get_sizing_mode (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), CP_PDF_SIZING_FREE);
  return self->sizing_mode;
}

void
cp_pdf_view_set_sizing_mode (CpPdfView       *self,
                             CpPdfSizingMode  mode)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (self->sizing_mode == mode)
    return;
  self->sizing_mode = mode;
  _cp_pdf_view_relayout_keep_page (self, TRUE);
  notify (self, CP_PDF_VIEW_PROP_SIZING_MODE);
}

gboolean
cp_pdf_view_get_dual_page (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);
  return self->dual_page;
}

void
cp_pdf_view_set_dual_page (CpPdfView *self,
                           gboolean   dual_page)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  dual_page = !!dual_page;
  if (self->dual_page == dual_page)
    return;
  self->dual_page = dual_page;
  _cp_pdf_view_relayout_keep_page (self, TRUE);
  notify (self, CP_PDF_VIEW_PROP_DUAL_PAGE);
}

guint
cp_pdf_view_get_rotation (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), 0);
  return self->rotation;
}

/**
 * cp_pdf_view_set_rotation:
 * @rotation: degrees clockwise; taken modulo 360 and rounded down to 90°
 */
void
cp_pdf_view_set_rotation (CpPdfView *self,
                          guint      rotation)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  rotation = (rotation % 360) / 90 * 90;
  if (self->rotation == rotation)
    return;
  self->rotation = rotation;
  _cp_pdf_view_relayout_keep_page (self, FALSE);
  notify (self, CP_PDF_VIEW_PROP_ROTATION);
}

gboolean
cp_pdf_view_get_night_mode (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);
  return self->night_mode;
}

void
cp_pdf_view_set_night_mode (CpPdfView *self,
                            gboolean   night_mode)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));

  night_mode = !!night_mode;
  if (self->night_mode == night_mode)
    return;
  self->night_mode = night_mode;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  notify (self, CP_PDF_VIEW_PROP_NIGHT_MODE);
}

/**
 * cp_pdf_view_activate_link:
 *
 * Follows @link as a click on it does: emits "link-activated".
 */
void
cp_pdf_view_activate_link (CpPdfView       *self,
                           const CpPdfLink *link)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));
  g_return_if_fail (link != NULL);

  g_signal_emit (self, signals[LINK_ACTIVATED], 0, link);
}

guint
cp_pdf_view_get_n_pending (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), 0);
  return g_hash_table_size (self->pending);
}
