/* cp-pdf-view-input.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Input on CpPdfView: keys, widget actions, pointer (links, selection
 * drags), Ctrl+scroll and pinch zoom; and the per-page links it follows.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view-input"

#include "cp-pdf-view-private.h"

/* Pointer travel before a press becomes a selection drag, logical px. */
#define DRAG_THRESHOLD 4.0
/* Arrow keys scroll by this much, logical px. */
#define KEY_STEP 40.0

/* ----------------------------------------------------------------- links */

static void
links_free (gpointer links)
{
  if (links != NULL)
    g_ptr_array_unref (links);
}

static void
links_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  CpPdfPageRequest *request = user_data;
  CpPdfView *self = request->view;
  GPtrArray *links;

  links = cp_pdf_document_get_links_finish (CP_PDF_DOCUMENT (source), result, NULL);
  if (links != NULL && CP_PDF_DOCUMENT (source) == self->document && self->links.items != NULL)
    {
      links_free (g_ptr_array_index (self->links.items, request->page));
      g_ptr_array_index (self->links.items, request->page) = links;
    }
  else
    {
      links_free (links);
    }

  _cp_pdf_page_request_free (request);
}

void
_cp_pdf_view_ensure_links (CpPdfView *self,
                           guint      page)
{
  if (!_cp_pdf_page_slots_claim (&self->links, cp_pdf_document_get_n_pages (self->document),
                                 links_free, page))
    return;

  cp_pdf_document_get_links_async (self->document, page, CP_PDF_PRIORITY_VISIBLE + 1,
                                   self->cancellable, links_cb,
                                   _cp_pdf_page_request_new (self, page));
}

const CpPdfLink *
cp_pdf_view_get_link_at (CpPdfView *self,
                         double     x,
                         double     y)
{
  GPtrArray *links;
  guint page;
  double px, py;

  g_return_val_if_fail (CP_IS_PDF_VIEW (self), NULL);

  if (self->document == NULL
      || !cp_pdf_view_widget_to_page (self, x, y, &page, &px, &py))
    return NULL;

  links = _cp_pdf_page_slots_get (&self->links, page);
  if (links == NULL)
    return NULL;

  for (guint i = 0; i < links->len; i++)
    {
      const CpPdfLink *link = g_ptr_array_index (links, i);

      if (link->kind != CP_PDF_LINK_NONE
          && px >= link->area.x && px <= link->area.x + link->area.width
          && py >= link->area.y && py <= link->area.y + link->area.height)
        return link;
    }
  return NULL;
}

/* --------------------------------------------------------------- pointer */

static void
update_cursor (CpPdfView *self)
{
  const char *name = NULL;
  guint page;
  double px, py;

  if (cp_pdf_view_get_link_at (self, self->pointer_x, self->pointer_y) != NULL)
    name = "pointer";
  else if (self->document != NULL
           && cp_pdf_view_widget_to_page (self, self->pointer_x, self->pointer_y,
                                          &page, &px, &py))
    name = "text";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CpPdfView                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  update_cursor (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CpPdfView      *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->dragging = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CpPdfView      *self)
{
  if (!self->dragging && dx * dx + dy * dy < DRAG_THRESHOLD * DRAG_THRESHOLD)
    return;

  self->dragging = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cp_pdf_view_select_between (self, self->drag_x, self->drag_y,
                              self->drag_x + dx, self->drag_y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CpPdfView      *self)
{
  const CpPdfLink *link;

  if (self->dragging)
    {
      self->dragging = FALSE;
      return;
    }

  /* A click: follow a link, or clear the selection. */
  link = cp_pdf_view_get_link_at (self, self->drag_x, self->drag_y);
  if (link != NULL)
    {
      g_autoptr(CpPdfLink) copy = cp_pdf_link_copy (link);

      cp_pdf_view_activate_link (self, copy);
    }
  else
    {
      cp_pdf_view_select_none (self);
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CpPdfView                *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  _cp_pdf_view_set_zoom_at (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1),
                            self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CpPdfView        *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       CpPdfView      *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _cp_pdf_view_set_zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

/* HiDPI: a new scale factor means new device pixels for every page. */
static void
scale_factor_changed_cb (CpPdfView  *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  _cp_pdf_view_cancel_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cp_pdf_view_init_input (CpPdfView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/* ---------------------------------------------------------- keys, actions */

typedef enum
{
  SCROLL_STEP_UP,
  SCROLL_STEP_DOWN,
  SCROLL_STEP_LEFT,
  SCROLL_STEP_RIGHT,
  SCROLL_PAGE_UP,
  SCROLL_PAGE_DOWN,
  SCROLL_START,
  SCROLL_END,
} ScrollKind;

static gboolean
scroll_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  CpPdfView *self = CP_PDF_VIEW (widget);
  double page = gtk_widget_get_height (widget) * 0.9;

  if (self->document == NULL)
    return FALSE;

  switch ((ScrollKind) g_variant_get_int32 (args))
    {
    case SCROLL_STEP_UP:
      _cp_pdf_view_scroll_by (self, 0, -KEY_STEP);
      break;
    case SCROLL_STEP_DOWN:
      _cp_pdf_view_scroll_by (self, 0, KEY_STEP);
      break;
    case SCROLL_STEP_LEFT:
      _cp_pdf_view_scroll_by (self, -KEY_STEP, 0);
      break;
    case SCROLL_STEP_RIGHT:
      _cp_pdf_view_scroll_by (self, KEY_STEP, 0);
      break;
    case SCROLL_PAGE_UP:
      _cp_pdf_view_scroll_by (self, 0, -page);
      break;
    case SCROLL_PAGE_DOWN:
      _cp_pdf_view_scroll_by (self, 0, page);
      break;
    case SCROLL_START:
      _cp_pdf_view_scroll_by (self, 0, -G_MAXINT);
      break;
    case SCROLL_END:
      _cp_pdf_view_scroll_by (self, 0, G_MAXINT);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpPdfView *self = CP_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf.zoom-in"))
    cp_pdf_view_zoom_in (self);
  else if (g_str_equal (action_name, "pdf.zoom-out"))
    cp_pdf_view_zoom_out (self);
  else if (g_str_equal (action_name, "pdf.zoom-reset"))
    cp_pdf_view_set_zoom (self, 1.0);
  else if (g_str_equal (action_name, "pdf.rotate-left"))
    cp_pdf_view_set_rotation (self, self->rotation + 270);
  else if (g_str_equal (action_name, "pdf.rotate-right"))
    cp_pdf_view_set_rotation (self, self->rotation + 90);
  else if (g_str_equal (action_name, "pdf.go-back"))
    cp_pdf_view_go_back (self);
  else if (g_str_equal (action_name, "pdf.go-forward"))
    cp_pdf_view_go_forward (self);
  else if (g_str_equal (action_name, "pdf.copy"))
    cp_pdf_view_copy_selection (self);
  else if (g_str_equal (action_name, "pdf.select-none"))
    cp_pdf_view_select_none (self);
}

void
_cp_pdf_view_update_actions (CpPdfView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "pdf.zoom-in",
                                 has_document && self->zoom < CP_PDF_VIEW_MAX_ZOOM - 0.001);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-out",
                                 has_document && self->zoom > CP_PDF_VIEW_MIN_ZOOM + 0.001);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-reset", has_document);
  gtk_widget_action_set_enabled (widget, "pdf.rotate-left", has_document);
  gtk_widget_action_set_enabled (widget, "pdf.rotate-right", has_document);
  gtk_widget_action_set_enabled (widget, "pdf.go-back", self->back->len > 0);
  gtk_widget_action_set_enabled (widget, "pdf.go-forward", self->forward->len > 0);
  gtk_widget_action_set_enabled (widget, "pdf.copy", self->has_selection);
  gtk_widget_action_set_enabled (widget, "pdf.select-none", self->has_selection);
}

static const struct
{
  guint           keyval;
  GdkModifierType mods;
  ScrollKind      kind;
} scroll_keys[] = {
  { GDK_KEY_Up, 0, SCROLL_STEP_UP },
  { GDK_KEY_KP_Up, 0, SCROLL_STEP_UP },
  { GDK_KEY_Down, 0, SCROLL_STEP_DOWN },
  { GDK_KEY_KP_Down, 0, SCROLL_STEP_DOWN },
  { GDK_KEY_Left, 0, SCROLL_STEP_LEFT },
  { GDK_KEY_Right, 0, SCROLL_STEP_RIGHT },
  { GDK_KEY_Page_Up, 0, SCROLL_PAGE_UP },
  { GDK_KEY_KP_Page_Up, 0, SCROLL_PAGE_UP },
  { GDK_KEY_Page_Down, 0, SCROLL_PAGE_DOWN },
  { GDK_KEY_KP_Page_Down, 0, SCROLL_PAGE_DOWN },
  { GDK_KEY_space, 0, SCROLL_PAGE_DOWN },
  { GDK_KEY_space, GDK_SHIFT_MASK, SCROLL_PAGE_UP },
  { GDK_KEY_Home, 0, SCROLL_START },
  { GDK_KEY_End, 0, SCROLL_END },
};

static const struct
{
  guint           keyval;
  GdkModifierType mods;
  const char     *action;
} action_keys[] = {
  { GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset" },
  { GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy" },
  { GDK_KEY_Left, GDK_ALT_MASK, "pdf.go-back" },
  { GDK_KEY_Right, GDK_ALT_MASK, "pdf.go-forward" },
};

static gboolean
extend_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  int chars, lines;

  g_variant_get (args, "(ii)", &chars, &lines);
  cp_pdf_view_extend_selection (CP_PDF_VIEW (widget), chars, lines);
  return TRUE;
}

static const struct
{
  guint keyval;
  int   chars;
  int   lines;
} extend_keys[] = {
  { GDK_KEY_Left, -1, 0 },
  { GDK_KEY_Right, 1, 0 },
  { GDK_KEY_Up, 0, -1 },
  { GDK_KEY_Down, 0, 1 },
};

void
_cp_pdf_view_class_init_input (GtkWidgetClass *widget_class)
{
  static const char *actions[] = {
    "pdf.zoom-in", "pdf.zoom-out", "pdf.zoom-reset", "pdf.rotate-left", "pdf.rotate-right",
    "pdf.go-back", "pdf.go-forward", "pdf.copy", "pdf.select-none",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, view_action);

  for (guint i = 0; i < G_N_ELEMENTS (scroll_keys); i++)
    gtk_widget_class_add_binding (widget_class, scroll_keys[i].keyval, scroll_keys[i].mods,
                                  scroll_key_cb, "i", scroll_keys[i].kind);
  for (guint i = 0; i < G_N_ELEMENTS (action_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, action_keys[i].keyval,
                                         action_keys[i].mods, action_keys[i].action, NULL);
  /* Shift+arrows select from the caret, as in a text view. */
  for (guint i = 0; i < G_N_ELEMENTS (extend_keys); i++)
    gtk_widget_class_add_binding (widget_class, extend_keys[i].keyval, GDK_SHIFT_MASK,
                                  extend_key_cb, "(ii)", extend_keys[i].chars,
                                  extend_keys[i].lines);
}
