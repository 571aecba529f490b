/* cp-netmap-view.c: a network map on screen: the object, its properties and signals
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cp-netmap-view-private.h"

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_SINCE,
  PROP_CENTRE_LABEL,
  PROP_INITIALS_ONLY,
  PROP_HIDE_HARD_GOING,
  PROP_SHOW_CAUTION,
  PROP_LARGE_TEXT,
  PROP_SELECTED,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _cp_netmap_view_signals[CP_NETMAP_VIEW_N_SIGNALS];

G_DEFINE_FINAL_TYPE (CpNetmapView, cp_netmap_view, GTK_TYPE_WIDGET)

/* ---- shared with the other files ---- */

void
_cp_netmap_view_set_scale (CpNetmapView *self,
                           double        scale)
{
  if (self->scale == scale)
    return;
  self->scale = scale;
  _cp_netmap_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

gboolean
_cp_netmap_view_focus_self (CpNetmapView *self)
{
  return GTK_WIDGET_CLASS (cp_netmap_view_parent_class)->grab_focus (GTK_WIDGET (self));
}

static void
focus_visible_cb (CpNetmapView *self)
{
  if (self->focused != 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cp_netmap_view_root (GtkWidget *widget)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cp_netmap_view_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::focus-visible", G_CALLBACK (focus_visible_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
cp_netmap_view_unroot (GtkWidget *widget)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, focus_visible_cb, self);
  self->window = NULL;
  GTK_WIDGET_CLASS (cp_netmap_view_parent_class)->unroot (widget);
}

static void
cp_netmap_view_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);

  GTK_WIDGET_CLASS (cp_netmap_view_parent_class)->system_setting_changed (widget, setting);
  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      /* new text sizes: measure afresh */
      g_clear_object (&self->renderer);
      g_clear_object (&self->picture);
      if (self->fit_mode)
        self->scale = 0;
      _cp_netmap_view_invalidate (self);
    }
}

static void
cp_netmap_view_set_focus_child (GtkWidget *widget,
                                GtkWidget *child)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  gint64 lineage = child != NULL ?
                   _cp_netmap_view_item_get_lineage (CP_NETMAP_VIEW_ITEM (child)) : 0;

  GTK_WIDGET_CLASS (cp_netmap_view_parent_class)->set_focus_child (widget, child);
  if (lineage == self->focused)
    return;
  self->focused = lineage;
  if (lineage != 0)
    {
      cp_netmap_view_set_selected (self, lineage);
      /* moving by keyboard brings the member into sight; a click leaves the map still */
      if (self->window != NULL && gtk_window_get_focus_visible (self->window))
        _cp_netmap_view_scroll_to_member (self, lineage);
    }
  gtk_widget_queue_draw (widget);
}

static void
dark_cb (CpNetmapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->options.palette = adw_style_manager_get_dark (manager) ? CP_NETMAP_PALETTE_DARK :
                          CP_NETMAP_PALETTE_LIGHT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
cp_netmap_view_dispose (GObject *object)
{
  CpNetmapView *self = CP_NETMAP_VIEW (object);

  _cp_netmap_view_drop_children (self);
  g_clear_object (&self->model);
  g_clear_object (&self->since);
  g_clear_object (&self->renderer);
  g_clear_object (&self->picture);

  G_OBJECT_CLASS (cp_netmap_view_parent_class)->dispose (object);
}

static void
cp_netmap_view_finalize (GObject *object)
{
  CpNetmapView *self = CP_NETMAP_VIEW (object);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->fold_items, g_ptr_array_unref);
  g_clear_pointer (&self->centre_label, g_free);

  G_OBJECT_CLASS (cp_netmap_view_parent_class)->finalize (object);
}

static void
cp_netmap_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpNetmapView *self = CP_NETMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SINCE:
      g_value_set_object (value, self->since);
      break;
    case PROP_CENTRE_LABEL:
      g_value_set_string (value, self->centre_label);
      break;
    case PROP_INITIALS_ONLY:
      g_value_set_boolean (value, self->options.initials_only);
      break;
    case PROP_HIDE_HARD_GOING:
      g_value_set_boolean (value, self->options.hide_hard_going);
      break;
    case PROP_SHOW_CAUTION:
      g_value_set_boolean (value, self->options.show_caution);
      break;
    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, self->large_text);
      break;
    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_netmap_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpNetmapView *self = CP_NETMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cp_netmap_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_SINCE:
      cp_netmap_view_set_since (self, g_value_get_object (value));
      break;
    case PROP_CENTRE_LABEL:
      cp_netmap_view_set_centre_label (self, g_value_get_string (value));
      break;
    case PROP_INITIALS_ONLY:
      cp_netmap_view_set_initials_only (self, g_value_get_boolean (value));
      break;
    case PROP_HIDE_HARD_GOING:
      cp_netmap_view_set_hide_hard_going (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_CAUTION:
      cp_netmap_view_set_show_caution (self, g_value_get_boolean (value));
      break;
    case PROP_LARGE_TEXT:
      cp_netmap_view_set_large_text (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED:
      cp_netmap_view_set_selected (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
flag_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static void
cp_netmap_view_class_init (CpNetmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GType lineage1[] = { G_TYPE_INT64 };
  GType place[] = { CP_TYPE_NETMAP_SECTOR, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE };
  GType moved[] = { G_TYPE_INT64, CP_TYPE_NETMAP_SECTOR, G_TYPE_INT, G_TYPE_DOUBLE,
                    G_TYPE_DOUBLE };
  GType pair[] = { G_TYPE_INT64, G_TYPE_INT64 };
  GType cell[] = { CP_TYPE_NETMAP_SECTOR, G_TYPE_INT };
  static const char * const lineage_signals[] = {
    [CP_NETMAP_VIEW_MEMBER_ACTIVATED] = "member-activated",
    [CP_NETMAP_VIEW_MEMBER_DELETE_REQUESTED] = "member-delete-requested",
    [CP_NETMAP_VIEW_MEMBER_RENAME_REQUESTED] = "member-rename-requested",
  };
  guint i;

  object_class->dispose = cp_netmap_view_dispose;
  object_class->finalize = cp_netmap_view_finalize;
  object_class->get_property = cp_netmap_view_get_property;
  object_class->set_property = cp_netmap_view_set_property;

  widget_class->measure = _cp_netmap_view_measure;
  widget_class->size_allocate = _cp_netmap_view_size_allocate;
  widget_class->snapshot = _cp_netmap_view_snapshot;
  widget_class->root = cp_netmap_view_root;
  widget_class->unroot = cp_netmap_view_unroot;
  widget_class->system_setting_changed = cp_netmap_view_system_setting_changed;
  widget_class->set_focus_child = cp_netmap_view_set_focus_child;
  widget_class->focus = _cp_netmap_view_focus;
  widget_class->grab_focus = _cp_netmap_view_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, CP_TYPE_NETMAP_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINCE] =
    g_param_spec_object ("since", NULL, NULL, CP_TYPE_NETMAP_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTRE_LABEL] =
    g_param_spec_string ("centre-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS_ONLY] = flag_property ("initials-only");
  properties[PROP_HIDE_HARD_GOING] = flag_property ("hide-hard-going");
  properties[PROP_SHOW_CAUTION] = flag_property ("show-caution");
  properties[PROP_LARGE_TEXT] = flag_property ("large-text");
  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (i = 0; i < G_N_ELEMENTS (lineage_signals); i++)
    _cp_netmap_view_signals[i] =
      g_signal_newv (lineage_signals[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL,
                     NULL, NULL, NULL, G_TYPE_NONE, 1, lineage1);
  _cp_netmap_view_signals[CP_NETMAP_VIEW_MEMBER_MOVED] =
    g_signal_newv ("member-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL,
                   NULL, NULL, NULL, G_TYPE_NONE, G_N_ELEMENTS (moved), moved);
  _cp_netmap_view_signals[CP_NETMAP_VIEW_ADD_REQUESTED] =
    g_signal_newv ("add-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL,
                   NULL, NULL, NULL, G_TYPE_NONE, G_N_ELEMENTS (place), place);
  _cp_netmap_view_signals[CP_NETMAP_VIEW_TIE_REQUESTED] =
    g_signal_newv ("tie-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL,
                   NULL, NULL, NULL, G_TYPE_NONE, G_N_ELEMENTS (pair), pair);
  _cp_netmap_view_signals[CP_NETMAP_VIEW_FOLD_ACTIVATED] =
    g_signal_newv ("fold-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL,
                   NULL, NULL, NULL, G_TYPE_NONE, G_N_ELEMENTS (cell), cell);

  gtk_widget_class_set_css_name (widget_class, "netmap-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _cp_netmap_view_class_init_input (widget_class);
}

static void
cp_netmap_view_init (CpNetmapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->fold_items = g_ptr_array_new ();
  self->fit_mode = TRUE;
  self->fold_pressed = -1;
  cp_netmap_render_options_init (&self->options);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Network map"), -1);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_cb), self,
                           G_CONNECT_SWAPPED);
  dark_cb (self);
  _cp_netmap_view_init_input (self);
}

/* ---- public API ---- */

GtkWidget *
cp_netmap_view_new (void)
{
  return g_object_new (CP_TYPE_NETMAP_VIEW, NULL);
}

CpNetmapModel *
cp_netmap_view_get_model (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), NULL);
  return self->model;
}

void
cp_netmap_view_set_model (CpNetmapView  *self,
                          CpNetmapModel *model)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));
  g_return_if_fail (model == NULL || CP_IS_NETMAP_MODEL (model));

  if (self->model == model)
    return;
  _cp_netmap_view_cancel_drag (self);
  g_clear_pointer (&self->layout, cp_netmap_layout_free);
  g_set_object (&self->model, model);
  if (model == NULL)
    {
      if (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
        _cp_netmap_view_focus_self (self);
      _cp_netmap_view_drop_children (self);
    }
  _cp_netmap_view_invalidate (self);
  _cp_netmap_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
cp_netmap_view_model_changed (CpNetmapView *self)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  /* the layout points into the model: it must go now, not at the next frame */
  _cp_netmap_view_cancel_drag (self);
  _cp_netmap_view_invalidate (self);
  if (self->selected != 0 && (self->model == NULL ||
                              cp_netmap_model_find (self->model, self->selected) == NULL))
    cp_netmap_view_set_selected (self, 0);
}

#define FLAG_ACCESSORS(field, prop)                                             \
  gboolean                                                                      \
  cp_netmap_view_get_##field (CpNetmapView *self)                               \
  {                                                                             \
    g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), FALSE);                     \
    return self->options.field;                                                 \
  }                                                                             \
                                                                                \
  void                                                                          \
  cp_netmap_view_set_##field (CpNetmapView *self,                               \
                              gboolean      value)                              \
  {                                                                             \
    g_return_if_fail (CP_IS_NETMAP_VIEW (self));                                \
    value = !!value;                                                            \
    if (self->options.field == value)                                           \
      return;                                                                   \
    self->options.field = value;                                                \
    /* the names, or the children's words, change */                           \
    _cp_netmap_view_invalidate (self);                                          \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);               \
  }

FLAG_ACCESSORS (initials_only, PROP_INITIALS_ONLY)
FLAG_ACCESSORS (hide_hard_going, PROP_HIDE_HARD_GOING)
FLAG_ACCESSORS (show_caution, PROP_SHOW_CAUTION)

gboolean
cp_netmap_view_get_large_text (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), FALSE);
  return self->large_text;
}

void
cp_netmap_view_set_large_text (CpNetmapView *self,
                               gboolean      large_text)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  large_text = !!large_text;
  if (self->large_text == large_text)
    return;
  self->large_text = large_text;
  /* the labels around the map grow: fit again unless the user has zoomed */
  if (self->fit_mode)
    self->scale = 0;
  _cp_netmap_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE_TEXT]);
}

CpNetmapModel *
cp_netmap_view_get_since (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), NULL);
  return self->since;
}

void
cp_netmap_view_set_since (CpNetmapView  *self,
                          CpNetmapModel *since)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));
  g_return_if_fail (since == NULL || CP_IS_NETMAP_MODEL (since));

  if (!g_set_object (&self->since, since))
    return;
  _cp_netmap_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

const char *
cp_netmap_view_get_centre_label (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), NULL);
  return self->centre_label;
}

void
cp_netmap_view_set_centre_label (CpNetmapView *self,
                                 const char   *label)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  if (g_strcmp0 (self->centre_label, label) == 0)
    return;
  g_free (self->centre_label);
  self->centre_label = g_strdup (label);
  self->options.centre_label = self->centre_label;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRE_LABEL]);
}

gint64
cp_netmap_view_get_selected (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), 0);
  return self->selected;
}

void
cp_netmap_view_set_selected (CpNetmapView *self,
                             gint64        lineage)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  if (self->selected == lineage)
    return;
  self->selected = lineage;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
