/* cp-netmap-view-input.c: the map view's pointer, pinch, scroll, keys and focus order
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drag never lays the map out again: the member being dragged (or the tie being
 * drawn) is the renderer's overlay, over the picture it keeps; only the drop, once the
 * page has changed the model, makes a new layout.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-view"

#include <math.h>

#include "cp-netmap-view-private.h"

/* A wheel step pans this many pixels */
#define WHEEL_STEP 48.0
/* A wheel step with Ctrl zooms by this much */
#define WHEEL_ZOOM 1.15

static void
emit_lineage (CpNetmapView *self,
              guint         signal,
              gint64        lineage)
{
  g_signal_emit (self, _cp_netmap_view_signals[signal], 0, lineage);
}

static void
emit_fold (CpNetmapView *self,
           int           fold)
{
  const CpNetmapFold *f;

  if (self->layout == NULL || fold < 0 || (guint) fold >= cp_netmap_layout_get_n_folds (self->layout))
    return;
  f = cp_netmap_layout_get_fold (self->layout, (guint) fold);
  g_signal_emit (self, _cp_netmap_view_signals[CP_NETMAP_VIEW_FOLD_ACTIVATED], 0, f->sector,
                 f->ring);
}

/* The member drawn at (@x, @y) of the view, or NULL */
static const CpNetmapSpot *
member_at (CpNetmapView *self,
           double        x,
           double        y)
{
  double mx;
  double my;

  if (self->layout == NULL)
    return NULL;
  cp_netmap_view_widget_to_map (self, x, y, &mx, &my);
  return cp_netmap_layout_hit (self->layout, mx, my);
}

static int
fold_at (CpNetmapView *self,
         double        x,
         double        y)
{
  const CpNetmapFold *fold;
  double mx;
  double my;
  guint i;

  if (self->layout == NULL)
    return -1;
  cp_netmap_view_widget_to_map (self, x, y, &mx, &my);
  fold = cp_netmap_layout_hit_fold (self->layout, mx, my);
  for (i = 0; fold != NULL && i < cp_netmap_layout_get_n_folds (self->layout); i++)
    if (cp_netmap_layout_get_fold (self->layout, i) == fold)
      return (int) i;
  return -1;
}

static void
focus_member (CpNetmapView *self,
              gint64        lineage)
{
  GtkWidget *item = g_hash_table_lookup (self->items, &lineage);

  if (item != NULL)
    gtk_widget_grab_focus (item);
}

/* ---- clicks ---- */

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CpNetmapView    *self)
{
  const CpNetmapSpot *spot = member_at (self, x, y);
  CpNetmapPlace place;
  double mx;
  double my;

  self->fold_pressed = spot == NULL ? fold_at (self, x, y) : -1;
  if (spot != NULL)
    {
      focus_member (self, spot->member->lineage);
      if (n_press == 2)
        emit_lineage (self, CP_NETMAP_VIEW_MEMBER_ACTIVATED, spot->member->lineage);
      return;
    }
  if (self->fold_pressed >= 0)
    return;

  /* an empty spot: nothing selected; the map itself takes the keys (zoom, Tab) */
  cp_netmap_view_set_selected (self, 0);
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    _cp_netmap_view_focus_self (self);
  if (n_press != 2 || self->model == NULL)
    return;
  cp_netmap_view_widget_to_map (self, x, y, &mx, &my);
  if (cp_netmap_point_to_place (mx, my, &place) == CP_NETMAP_HIT_CELL)
    g_signal_emit (self, _cp_netmap_view_signals[CP_NETMAP_VIEW_ADD_REQUESTED], 0,
                   place.sector, place.ring, place.angle, place.depth);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CpNetmapView    *self)
{
  int fold = self->fold_pressed;

  self->fold_pressed = -1;
  if (fold >= 0 && fold == fold_at (self, x, y))
    emit_fold (self, fold);
}

/* ---- drags: a member, a tie, or the map ---- */

static void
set_cursor (CpNetmapView *self,
            const char   *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CpNetmapView   *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  const CpNetmapSpot *spot = member_at (self, x, y);

  self->drag = CP_NETMAP_DRAG_PENDING;
  self->drag_lineage = spot != NULL ? spot->member->lineage : 0;
  self->drag_link = (state & GDK_SHIFT_MASK) != 0;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_cx = self->cx;
  self->drag_cy = self->cy;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CpNetmapView   *self)
{
  double x = self->drag_x + dx;
  double y = self->drag_y + dy;
  double mx;
  double my;

  if (self->drag == CP_NETMAP_DRAG_NONE)
    return;
  if (self->drag == CP_NETMAP_DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x, (int) self->drag_y,
                                     (int) x, (int) y))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->drag = self->drag_lineage == 0 ? CP_NETMAP_DRAG_PAN :
                   self->drag_link ? CP_NETMAP_DRAG_TIE : CP_NETMAP_DRAG_MEMBER;
      set_cursor (self, self->drag == CP_NETMAP_DRAG_TIE ? "crosshair" : "grabbing");
    }

  cp_netmap_view_widget_to_map (self, x, y, &mx, &my);
  switch (self->drag)
    {
    case CP_NETMAP_DRAG_MEMBER:
      self->options.moving = self->drag_lineage;
      self->options.moving_x = mx;
      self->options.moving_y = my;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case CP_NETMAP_DRAG_TIE:
      {
        const CpNetmapSpot *target = member_at (self, x, y);

        self->options.linking = self->drag_lineage;
        /* over another member, the line ends on it */
        self->options.link_x = target != NULL && target->member->lineage != self->drag_lineage ?
                               target->x : mx;
        self->options.link_y = target != NULL && target->member->lineage != self->drag_lineage ?
                               target->y : my;
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;
    case CP_NETMAP_DRAG_PAN:
      _cp_netmap_view_pan_to (self, self->drag_cx + round (dx), self->drag_cy + round (dy));
      break;
    case CP_NETMAP_DRAG_NONE:
    case CP_NETMAP_DRAG_PENDING:
    default:
      break;
    }
}

/* Back to no drag; the picture without the overlay */
static CpNetmapDragState
end_drag (CpNetmapView *self)
{
  CpNetmapDragState state = self->drag;

  self->drag = CP_NETMAP_DRAG_NONE;
  self->options.moving = 0;
  self->options.linking = 0;
  set_cursor (self, NULL);
  if (state != CP_NETMAP_DRAG_PENDING && state != CP_NETMAP_DRAG_NONE)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  return state;
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CpNetmapView   *self)
{
  double x = self->drag_x + dx;
  double y = self->drag_y + dy;
  gint64 lineage = self->drag_lineage;
  CpNetmapDragState state = end_drag (self);

  if (state == CP_NETMAP_DRAG_MEMBER)
    {
      CpNetmapPlace place;
      double mx;
      double my;

      /* it lands in the cell under the pointer */
      cp_netmap_view_widget_to_map (self, x, y, &mx, &my);
      cp_netmap_point_to_place_clamped (mx, my, &place);
      _cp_netmap_view_emit_move (self, lineage, &place);
    }
  else if (state == CP_NETMAP_DRAG_TIE)
    {
      const CpNetmapSpot *target = member_at (self, x, y);

      if (target != NULL && target->member->lineage != lineage)
        g_signal_emit (self, _cp_netmap_view_signals[CP_NETMAP_VIEW_TIE_REQUESTED], 0, lineage,
                       target->member->lineage);
    }
}

gboolean
_cp_netmap_view_cancel_drag (CpNetmapView *self)
{
  CpNetmapDragState state = self->drag;

  if (state == CP_NETMAP_DRAG_NONE)
    return FALSE;
  end_drag (self);
  if (state == CP_NETMAP_DRAG_PAN)
    _cp_netmap_view_pan_to (self, self->drag_cx, self->drag_cy);
  /* the rest of this press is not a drag any more */
  if (self->drag_gesture != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
  return state != CP_NETMAP_DRAG_PENDING;
}

/* ---- scroll and pinch ---- */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CpNetmapView             *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CpNetmapView             *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->model == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      /* about the pointer: the point under it stays there */
      cp_netmap_view_zoom_at (self, wheel ? pow (WHEEL_ZOOM, -dy) : exp (-dy * 0.01),
                              self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (wheel)
    {
      dx *= WHEEL_STEP;
      dy *= WHEEL_STEP;
    }
  _cp_netmap_view_pan_to (self, self->cx - dx, self->cy - dy);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CpNetmapView     *self)
{
  self->pinch_scale = self->scale;
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  CpNetmapView   *self)
{
  double x;
  double y;

  if (self->pinch_scale <= 0 || self->scale <= 0)
    return;
  /* about the middle of the fingers (the view's middle when there are none) */
  if (!gtk_gesture_is_active (GTK_GESTURE (gesture)) ||
      !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  cp_netmap_view_zoom_at (self, self->pinch_scale * scale / self->scale, x, y);
}

void
_cp_netmap_view_init_input (CpNetmapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  _cp_netmap_view_update_actions (self);
}

/* ---- focus order ---- */

static gboolean
is_item (GtkWidget *w)
{
  return CP_IS_NETMAP_VIEW_ITEM (w) && gtk_widget_get_visible (w) &&
         gtk_widget_get_focusable (w);
}

static GtkWidget *
first_item (GtkWidget *widget,
            gboolean   last)
{
  GtkWidget *w = last ? gtk_widget_get_last_child (widget) : gtk_widget_get_first_child (widget);

  while (w != NULL && !is_item (w))
    w = last ? gtk_widget_get_prev_sibling (w) : gtk_widget_get_next_sibling (w);
  return w;
}

static GtkWidget *
next_item (GtkWidget *w,
           gboolean   backward)
{
  do
    w = backward ? gtk_widget_get_prev_sibling (w) : gtk_widget_get_next_sibling (w);
  while (w != NULL && !is_item (w));
  return w;
}

/* The nearest child in the arrow's direction from @from: ahead of it, by distance with
 * sideways distance counted twice */
static GtkWidget *
nearest_item (GtkWidget        *widget,
              GtkWidget        *from,
              GtkDirectionType  direction)
{
  double ux = direction == GTK_DIR_LEFT ? -1 : direction == GTK_DIR_RIGHT ? 1 : 0;
  double uy = direction == GTK_DIR_UP ? -1 : direction == GTK_DIR_DOWN ? 1 : 0;
  GtkWidget *best = NULL;
  double best_score = G_MAXDOUBLE;
  double x0;
  double y0;
  GtkWidget *w;

  _cp_netmap_view_item_get_centre (CP_NETMAP_VIEW_ITEM (from), &x0, &y0);
  for (w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      double x;
      double y;
      double ahead;
      double side;

      if (w == from || !is_item (w))
        continue;
      _cp_netmap_view_item_get_centre (CP_NETMAP_VIEW_ITEM (w), &x, &y);
      ahead = (x - x0) * ux + (y - y0) * uy;
      side = fabs ((x - x0) * uy - (y - y0) * ux);
      if (ahead <= 1e-6)
        continue;
      if (ahead + 2 * side < best_score)
        {
          best_score = ahead + 2 * side;
          best = w;
        }
    }
  return best;
}

gboolean
_cp_netmap_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD;
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;
  GtkWidget *target;

  _cp_netmap_view_ensure_layout (self);
  if (first_item (widget, FALSE) == NULL)
    {
      /* an empty map: the map itself takes the focus, for its keys */
      if (gtk_widget_is_focus (widget))
        return FALSE;
      return _cp_netmap_view_focus_self (self);
    }

  if (focus == NULL && gtk_widget_is_focus (widget))
    {
      /* on the map itself: forwards into the members, backwards out */
      if (backward)
        return FALSE;
      target = first_item (widget, FALSE);
    }
  else if (focus == NULL)
    {
      /* coming in: the selected member, or the first or last */
      target = self->selected != 0 ? g_hash_table_lookup (self->items, &self->selected) : NULL;
      if (target == NULL || !is_item (target))
        target = first_item (widget, backward);
    }
  else if (tab)
    {
      target = next_item (focus, backward);
      if (target == NULL)
        return FALSE;
    }
  else
    {
      target = nearest_item (widget, focus, direction);
      /* nothing that way: stay (Tab leaves the map) */
      if (target == NULL)
        return TRUE;
    }
  return gtk_widget_grab_focus (target);
}

gboolean
_cp_netmap_view_grab_focus (GtkWidget *widget)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  GtkWidget *target;

  _cp_netmap_view_ensure_layout (self);
  target = self->selected != 0 ? g_hash_table_lookup (self->items, &self->selected) : NULL;
  if (target == NULL)
    target = first_item (widget, FALSE);
  if (target != NULL && gtk_widget_grab_focus (target))
    return TRUE;
  return _cp_netmap_view_focus_self (self);
}

/* ---- keys and actions ---- */

static CpNetmapViewItem *
focused_item (CpNetmapView *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return focus != NULL ? CP_NETMAP_VIEW_ITEM (focus) : NULL;
}

static gboolean
member_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  CpNetmapViewItem *item = focused_item (self);
  guint signal = GPOINTER_TO_UINT (user_data);

  if (item == NULL)
    return FALSE;
  if (_cp_netmap_view_item_get_lineage (item) == 0)
    {
      /* "+N more": Enter opens the list */
      if (signal != CP_NETMAP_VIEW_MEMBER_ACTIVATED)
        return FALSE;
      emit_fold (self, _cp_netmap_view_item_get_fold (item));
      return TRUE;
    }
  emit_lineage (self, signal, _cp_netmap_view_item_get_lineage (item));
  return TRUE;
}

/* Alt+arrows: one ring in or out, or the next sector, to a free spot there */
static gboolean
move_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  CpNetmapViewItem *item = focused_item (self);
  CpNetmapMember *m;
  CpNetmapPlace place;
  int rings;
  int sectors;

  if (item == NULL || self->model == NULL || _cp_netmap_view_item_get_lineage (item) == 0)
    return FALSE;
  m = cp_netmap_model_find (self->model, _cp_netmap_view_item_get_lineage (item));
  if (m == NULL)
    return FALSE;
  g_variant_get (args, "(ii)", &rings, &sectors);
  place.ring = m->ring + rings;
  place.sector = (m->sector + sectors + CP_NETMAP_N_SECTORS) % CP_NETMAP_N_SECTORS;
  if (place.ring < 1 || place.ring > CP_NETMAP_N_RINGS)
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  cp_netmap_free_spot (self->model, place.sector, place.ring, m->lineage, &place.angle,
                       &place.depth);
  _cp_netmap_view_emit_move (self, m->lineage, &place);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return _cp_netmap_view_cancel_drag (CP_NETMAP_VIEW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    cp_netmap_view_zoom_in (self);
  else if (g_str_equal (action_name, "map.zoom-out"))
    cp_netmap_view_zoom_out (self);
  else
    cp_netmap_view_zoom_fit (self);
}

void
_cp_netmap_view_update_actions (CpNetmapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "map.zoom-in", self->model != NULL);
  gtk_widget_action_set_enabled (widget, "map.zoom-out", self->model != NULL);
  gtk_widget_action_set_enabled (widget, "map.zoom-fit", self->model != NULL && !self->fit_mode);
}

static const struct
{
  guint           keyval;
  GdkModifierType mods;
  const char     *action;
} action_keys[] = {
  { GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "map.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "map.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "map.zoom-fit" },
  { GDK_KEY_KP_0, GDK_CONTROL_MASK, "map.zoom-fit" },
};

static const struct
{
  guint keyval;
  int   rings;
  int   sectors;
} move_keys[] = {
  { GDK_KEY_Up, -1, 0 },
  { GDK_KEY_KP_Up, -1, 0 },
  { GDK_KEY_Down, 1, 0 },
  { GDK_KEY_KP_Down, 1, 0 },
  { GDK_KEY_Right, 0, 1 },
  { GDK_KEY_KP_Right, 0, 1 },
  { GDK_KEY_Left, 0, -1 },
  { GDK_KEY_KP_Left, 0, -1 },
};

static const struct
{
  guint keyval;
  guint signal;
} member_keys[] = {
  { GDK_KEY_Return, CP_NETMAP_VIEW_MEMBER_ACTIVATED },
  { GDK_KEY_KP_Enter, CP_NETMAP_VIEW_MEMBER_ACTIVATED },
  { GDK_KEY_ISO_Enter, CP_NETMAP_VIEW_MEMBER_ACTIVATED },
  { GDK_KEY_space, CP_NETMAP_VIEW_MEMBER_ACTIVATED },
  { GDK_KEY_KP_Space, CP_NETMAP_VIEW_MEMBER_ACTIVATED },
  { GDK_KEY_Delete, CP_NETMAP_VIEW_MEMBER_DELETE_REQUESTED },
  { GDK_KEY_KP_Delete, CP_NETMAP_VIEW_MEMBER_DELETE_REQUESTED },
  { GDK_KEY_F2, CP_NETMAP_VIEW_MEMBER_RENAME_REQUESTED },
};

void
_cp_netmap_view_class_init_input (GtkWidgetClass *widget_class)
{
  guint i;

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_action);
  for (i = 0; i < G_N_ELEMENTS (action_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, action_keys[i].keyval,
                                         action_keys[i].mods, action_keys[i].action, NULL);
  for (i = 0; i < G_N_ELEMENTS (move_keys); i++)
    gtk_widget_class_add_binding (widget_class, move_keys[i].keyval, GDK_ALT_MASK, move_key_cb,
                                  "(ii)", move_keys[i].rings, move_keys[i].sectors);
  for (i = 0; i < G_N_ELEMENTS (member_keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (member_keys[i].keyval, 0),
                          gtk_callback_action_new (member_key_cb,
                                                   GUINT_TO_POINTER (member_keys[i].signal),
                                                   NULL));

      gtk_widget_class_add_shortcut (widget_class, shortcut);
      g_object_unref (shortcut);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}
