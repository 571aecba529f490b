/* cp-netmap-page.c: a person's network map tab
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>

#include "cp-netmap-page-private.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

#include "cp-netmap-export-dialog.h"
#include "cp-netmap-import-dialog.h"

G_DEFINE_FINAL_TYPE (CpNetmapPage, cp_netmap_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_MODE,
  PROP_COMPARE_MODE,
  PROP_INITIALS_ONLY,
  PROP_HIDE_HARD_GOING,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Shared with the other files ------------------------------------------------------- */

gboolean
_cp_netmap_page_edited (CpNetmapPage *self,
                        gboolean      ok,
                        GError       *error)
{
  if (!ok)
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    g_signal_emit (self, signals[EDITED], 0);
  return ok;
}

gint64
_cp_netmap_page_member_id (CpNetmapPage *self,
                           gint64        lineage)
{
  CpNetmapMember *m = self->model ? cp_netmap_model_find (self->model, lineage) : NULL;

  return m ? m->id : 0;
}

/* ---- Showing the maps ------------------------------------------------------------------ */

static gboolean
writable (CpNetmapPage *self)
{
  return !cp_store_get_read_only (self->store);
}

static gboolean
comparing (CpNetmapPage *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "compare");
}

static void
update_actions (CpNetmapPage *self)
{
  gboolean has_map = self->model != NULL;
  gboolean can_edit = writable (self) && has_map;
  gboolean on_map = has_map && !comparing (self);
  GtkWidget *w = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (w, "netmap.start", writable (self) && self->person_id != 0
                                                    && !has_map);
  /* Comparing, there is no one map to add to, zoom, list or detail: those tools go. */
  gtk_widget_action_set_enabled (w, "netmap.add", can_edit && on_map);
  gtk_widget_action_set_enabled (w, "netmap.zoom-in", on_map);
  gtk_widget_action_set_enabled (w, "netmap.zoom-out", on_map);
  gtk_widget_action_set_enabled (w, "netmap.zoom-fit", on_map);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !comparing (self));
  gtk_widget_set_visible (self->zoom_box, !comparing (self));
  gtk_widget_set_visible (GTK_WIDGET (self->list_button), !comparing (self));
  gtk_widget_set_visible (GTK_WIDGET (self->panel_button), !comparing (self));
  gtk_widget_action_set_enabled (w, "netmap.tidy", can_edit);
  gtk_widget_action_set_enabled (w, "netmap.start-review", can_edit && !self->facing);
  gtk_widget_action_set_enabled (w, "netmap.compare", has_map && self->snapshots != NULL
                                                      && self->snapshots->len > 1);
  /* never facing the person: exports and imports are the practitioner's */
  gtk_widget_action_set_enabled (w, "netmap.export", has_map
                                                     && !self->facing);
  gtk_widget_action_set_enabled (w, "netmap.import", writable (self)
                                                     && self->person_id != 0
                                                     && !self->facing);
}

static char *
snapshot_title (const CpSnapshotInfo *info)
{
  g_autofree char *date = cp_date_format_long (info->taken_on);

  /* Translators: a map in the map selector, e.g. "Review 1 · 4 May 2026" */
  return g_strdup_printf (_("%s · %s"), info->label, date ? date : info->taken_on);
}

static guint
snapshot_index (CpNetmapPage *self)
{
  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    if (((CpSnapshotInfo *) g_ptr_array_index (self->snapshots, i))->id == self->snapshot_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
fill_snapshot_dropdown (CpNetmapPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    {
      g_autofree char *title = snapshot_title (g_ptr_array_index (self->snapshots, i));

      gtk_string_list_append (titles, title);
    }
  gtk_drop_down_set_model (self->snapshot_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->snapshot_dropdown, snapshot_index (self));
}

/* Reads the person's maps and the one shown again, and shows them. */
static void
reload (CpNetmapPage *self)
{
  g_autoptr(GError) error = NULL;
  guint index;

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->previous);

  if (self->person_id != 0)
    self->snapshots = cp_store_list_snapshots (self->store, self->person_id, &error);
  if (self->snapshots == NULL || self->snapshots->len == 0)
    {
      if (error != NULL && !g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      self->snapshot_id = 0;
      self->updating = TRUE;
      cp_netmap_view_set_model (self->view, NULL);
      self->updating = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  index = snapshot_index (self);
  if (index == GTK_INVALID_LIST_POSITION)
    {
      index = self->snapshots->len - 1;
      self->snapshot_id = ((CpSnapshotInfo *) g_ptr_array_index (self->snapshots, index))->id;
    }
  self->model = cp_store_load_snapshot (self->store, self->snapshot_id, &error);
  if (self->model == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      self->model = cp_netmap_model_new ();
    }
  if (index > 0)
    self->previous = cp_store_load_snapshot (self->store,
                                             ((CpSnapshotInfo *) g_ptr_array_index (
                                                self->snapshots, index - 1))->id, NULL);

  self->updating = TRUE;
  fill_snapshot_dropdown (self);
  cp_netmap_view_set_model (self->view, self->model);
  cp_netmap_view_set_since (self->view, self->facing ? self->previous : NULL);
  if (cp_netmap_model_find (self->model, cp_netmap_view_get_selected (self->view)) == NULL)
    cp_netmap_view_set_selected (self->view, 0);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "map");
  update_actions (self);
  _cp_netmap_panel_update (self->panel);
  _cp_netmap_list_update (self->list);
  _cp_netmap_compare_update (self->compare);
}

static void
store_changed_cb (CpStore            *store,
                  const char * const *tables,
                  CpNetmapPage       *self)
{
  if (self->person_id == 0)
    return;
  if (tables != NULL && !g_strv_contains (tables, "snapshot")
      && !g_strv_contains (tables, "member") && !g_strv_contains (tables, "tie")
      && !g_strv_contains (tables, "person"))
    return;
  reload (self);
}

static void
snapshot_selected_cb (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      CpNetmapPage *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->snapshots == NULL || i >= self->snapshots->len)
    return;
  cp_netmap_page_set_snapshot (self,
                               ((CpSnapshotInfo *) g_ptr_array_index (self->snapshots, i))->id);
}

/* ---- The view's other requests --------------------------------------------------------- */

static void
member_moved_cb (CpNetmapView   *view,
                 gint64          lineage,
                 CpNetmapSector  sector,
                 int             ring,
                 double          angle,
                 double          depth,
                 CpNetmapPage   *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _cp_netmap_page_member_id (self, lineage);

  if (id == 0 || !writable (self))
    return;
  _cp_netmap_page_edited (self, cp_store_move_member (self->store, id, sector, ring, angle,
                                                      depth, &error), error);
}

static void
delete_member (CpNetmapPage *self,
               gint64        lineage)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _cp_netmap_page_member_id (self, lineage);

  if (id == 0 || !writable (self))
    return;
  _cp_netmap_panel_flush (self->panel);
  if (!_cp_netmap_page_edited (self, cp_store_delete_member (self->store, id, &error), error))
    return;
  /* No name in the toast: the screen may be shared. */
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Removed from the map"));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
member_delete_requested_cb (CpNetmapView *view,
                            gint64        lineage,
                            CpNetmapPage *self)
{
  delete_member (self, lineage);
}

static void
show_panel (CpNetmapPage *self,
            gint64        lineage)
{
  cp_netmap_view_set_selected (self->view, lineage);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  _cp_netmap_panel_focus (self->panel);
}

static void
member_activated_cb (CpNetmapView *view,
                     gint64        lineage,
                     CpNetmapPage *self)
{
  show_panel (self, lineage);
}

static void
member_rename_requested_cb (CpNetmapView *view,
                            gint64        lineage,
                            CpNetmapPage *self)
{
  show_panel (self, lineage);
}

static void
tie_requested_cb (CpNetmapView *view,
                  gint64        a,
                  gint64        b,
                  CpNetmapPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 ia = _cp_netmap_page_member_id (self, a);
  gint64 ib = _cp_netmap_page_member_id (self, b);

  if (ia == 0 || ib == 0 || !writable (self))
    return;
  _cp_netmap_page_edited (self, cp_store_set_tie (self->store, ia, ib, CP_NETMAP_TIE_STRONG,
                                                  &error), error);
}

static void
fold_activated_cb (CpNetmapView   *view,
                   CpNetmapSector  sector,
                   int             ring,
                   CpNetmapPage   *self)
{
  /* "+N more": the list shows every member of the map, by sector and ring. */
  g_object_set (self, "list-mode", TRUE, NULL);
}

static void
selected_changed_cb (CpNetmapView *view,
                     GParamSpec   *pspec,
                     CpNetmapPage *self)
{
  if (!self->updating)
    _cp_netmap_panel_update (self->panel);
}

/* ---- Actions --------------------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);

  if (g_str_equal (action_name, "netmap.zoom-in"))
    cp_netmap_view_zoom_in (self->view);
  else if (g_str_equal (action_name, "netmap.zoom-out"))
    cp_netmap_view_zoom_out (self->view);
  else
    cp_netmap_view_zoom_fit (self->view);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->person_id == 0)
    return;
  id = cp_store_start_map (self->store, self->person_id, &error);
  if (!_cp_netmap_page_edited (self, id != 0, error))
    return;
  cp_netmap_page_set_snapshot (self, id);
  _cp_netmap_page_open_add_form (self, CP_NETMAP_SECTOR_FAMILY, CP_NETMAP_RING_CLOSEST);
}

static void
start_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cp_netmap_page_flush (self);
  id = cp_store_start_review_map (self->store, self->person_id, &error);
  if (!_cp_netmap_page_edited (self, id != 0, error))
    return;
  cp_netmap_page_set_snapshot (self, id);
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Review map started: a copy dated today"));
}

static void
tidy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int sector = g_variant_get_int32 (param);

  if (self->snapshot_id == 0 || sector < 0 || sector >= CP_NETMAP_N_SECTORS)
    return;
  _cp_netmap_page_edited (self, cp_store_tidy_sector (self->store, self->snapshot_id, sector,
                                                      &error), error);
}

static void
export_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);

  cp_netmap_page_flush (self);
  if (g_str_equal (action_name, "netmap.export"))
    cp_netmap_export_dialog_present (widget, self->store, self->person_id, self->snapshot_id);
  else
    cp_netmap_import_dialog_present (widget, self->store, self->person_id);
}

/* ---- Modes ----------------------------------------------------------------------------- */

/* List entry sits beside the map while the page has room for both (the leaflet
 * unfolded, judged on its own width); narrower, it takes the map's place. */
static void
set_list_mode (CpNetmapPage *self,
               gboolean      on)
{
  if (gtk_widget_get_visible (self->list_scroller) == on)
    return;
  gtk_widget_set_visible (self->list_scroller, on);
  adw_leaflet_set_visible_child (self->map_box, on ? self->list_scroller
                                                   : GTK_WIDGET (self->view));
  if (on)
    {
      _cp_netmap_list_update (self->list);
      _cp_netmap_list_focus_new (self->list);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_MODE]);
}

static void
set_compare_mode (CpNetmapPage *self,
                  gboolean      on)
{
  const char *now = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_str_equal (now, "compare") == on)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, on ? "compare" : "map");
  if (on)
    _cp_netmap_compare_update (self->compare);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_MODE]);
}

/* ---- Public ---------------------------------------------------------------------------- */

void
cp_netmap_page_set_person (CpNetmapPage *self,
                           gint64        person_id)
{
  g_return_if_fail (CP_IS_NETMAP_PAGE (self));

  if (self->person_id == person_id)
    return;
  cp_netmap_page_flush (self);
  self->person_id = person_id;
  self->snapshot_id = 0;
  self->updating = TRUE;
  cp_netmap_view_set_selected (self->view, 0);
  self->updating = FALSE;
  set_compare_mode (self, FALSE);
  reload (self);
  if (self->model != NULL)
    cp_netmap_view_zoom_fit (self->view);
}

gint64
cp_netmap_page_get_person (CpNetmapPage *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_PAGE (self), 0);
  return self->person_id;
}

gint64
cp_netmap_page_get_snapshot (CpNetmapPage *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_PAGE (self), 0);
  return self->snapshot_id;
}

void
cp_netmap_page_set_snapshot (CpNetmapPage *self,
                             gint64        snapshot_id)
{
  g_return_if_fail (CP_IS_NETMAP_PAGE (self));

  if (self->snapshot_id == snapshot_id && self->model != NULL)
    return;
  cp_netmap_page_flush (self);
  self->snapshot_id = snapshot_id;
  reload (self);
}

void
cp_netmap_page_flush (CpNetmapPage *self)
{
  g_return_if_fail (CP_IS_NETMAP_PAGE (self));

  if (self->panel != NULL)
    _cp_netmap_panel_flush (self->panel);
  if (self->list != NULL)
    _cp_netmap_list_flush (self->list);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
cp_netmap_page_dispose (GObject *object)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (object);

  if (self->panel != NULL)
    cp_netmap_page_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_NETMAP_PAGE);
  g_clear_pointer (&self->panel, _cp_netmap_panel_free);
  g_clear_pointer (&self->list, _cp_netmap_list_free);
  g_clear_pointer (&self->compare, _cp_netmap_compare_free);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->previous);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_netmap_page_parent_class)->dispose (object);
}

static void
cp_netmap_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_MODE:
      g_value_set_boolean (value, gtk_widget_get_visible (self->list_scroller));
      break;
    case PROP_COMPARE_MODE:
      g_value_set_boolean (value, comparing (self));
      break;
    case PROP_INITIALS_ONLY:
      g_value_set_boolean (value, cp_netmap_view_get_initials_only (self->view));
      break;
    case PROP_HIDE_HARD_GOING:
      g_value_set_boolean (value, cp_netmap_view_get_hide_hard_going (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_netmap_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (object);
  gboolean on = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_LIST_MODE:
      set_list_mode (self, on);
      break;
    case PROP_COMPARE_MODE:
      set_compare_mode (self, on);
      break;
    case PROP_INITIALS_ONLY:
      if (cp_netmap_view_get_initials_only (self->view) != on)
        {
          cp_netmap_view_set_initials_only (self->view, on);
          _cp_netmap_panel_update (self->panel);
          _cp_netmap_list_update (self->list);
          _cp_netmap_compare_update (self->compare);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_HIDE_HARD_GOING:
      if (cp_netmap_view_get_hide_hard_going (self->view) != on)
        {
          cp_netmap_view_set_hide_hard_going (self->view, on);
          _cp_netmap_panel_update (self->panel);
          _cp_netmap_compare_update (self->compare);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The page asks for its minimum width and no more, so that what the panel, the list or
 * the comparison happen to say never changes how the People page folds. */
static void
cp_netmap_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, 360);
}

static void
cp_netmap_page_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (CP_NETMAP_PAGE (widget)->stack), width, height, baseline,
                       NULL);
}

static void
cp_netmap_page_class_init (CpNetmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_netmap_page_dispose;
  object_class->get_property = cp_netmap_page_get_property;
  object_class->set_property = cp_netmap_page_set_property;
  widget_class->measure = cp_netmap_page_measure;
  widget_class->size_allocate = cp_netmap_page_size_allocate;

  properties[PROP_LIST_MODE] =
    g_param_spec_boolean ("list-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE_MODE] =
    g_param_spec_boolean ("compare-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS_ONLY] =
    g_param_spec_boolean ("initials-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_HARD_GOING] =
    g_param_spec_boolean ("hide-hard-going", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CP_TYPE_NETMAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-netmap-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CpNetmapPage, name)
  BIND (stack);
  BIND (empty_page);
  BIND (start_button);
  BIND (map_bar);
  BIND (snapshot_dropdown);
  BIND (review_button);
  BIND (compare_button);
  BIND (panel_button);
  BIND (facing_label);
  BIND (toolbar);
  BIND (add_button);
  BIND (add_popover);
  BIND (add_name);
  BIND (add_kind);
  BIND (add_sector);
  BIND (add_ring);
  BIND (add_helps);
  BIND (add_hard);
  BIND (add_more);
  BIND (add_confirm);
  BIND (list_button);
  BIND (hard_going_button);
  BIND (initials_button);
  BIND (zoom_box);
  BIND (menu_button);
  BIND (content_stack);
  BIND (flap);
  BIND (map_box);
  BIND (view);
  BIND (list_scroller);
  BIND (panel_scroller);
  BIND (compare_box);
#undef BIND

  gtk_widget_class_install_action (widget_class, "netmap.add", NULL,
                                   _cp_netmap_page_add_action);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "netmap.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "netmap.start-review", NULL,
                                   start_review_action);
  gtk_widget_class_install_action (widget_class, "netmap.tidy", "i", tidy_action);
  gtk_widget_class_install_action (widget_class, "netmap.export", NULL, export_import_action);
  gtk_widget_class_install_action (widget_class, "netmap.import", NULL, export_import_action);
  gtk_widget_class_install_property_action (widget_class, "netmap.list", "list-mode");
  gtk_widget_class_install_property_action (widget_class, "netmap.compare", "compare-mode");
  gtk_widget_class_install_property_action (widget_class, "netmap.initials", "initials-only");
  gtk_widget_class_install_property_action (widget_class, "netmap.hide-hard-going",
                                            "hide-hard-going");
  /* Ctrl+N adds a person on the People page; inside the Network tab it adds to the map. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "netmap.add", NULL);
}

static void
cp_netmap_page_init (CpNetmapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_factory (self->snapshot_dropdown, _cp_netmap_page_title_factory ());
  g_object_unref (gtk_drop_down_get_factory (self->snapshot_dropdown));

  _cp_netmap_page_add_form_init (self);

  g_object_bind_property (self->panel_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->snapshot_dropdown, "notify::selected",
                           G_CALLBACK (snapshot_selected_cb), self, 0);
  g_signal_connect_object (self->view, "member-moved", G_CALLBACK (member_moved_cb), self, 0);
  g_signal_connect_object (self->view, "member-delete-requested",
                           G_CALLBACK (member_delete_requested_cb), self, 0);
  g_signal_connect_object (self->view, "member-activated", G_CALLBACK (member_activated_cb),
                           self, 0);
  g_signal_connect_object (self->view, "member-rename-requested",
                           G_CALLBACK (member_rename_requested_cb), self, 0);
  g_signal_connect_object (self->view, "tie-requested", G_CALLBACK (tie_requested_cb), self, 0);
  g_signal_connect_object (self->view, "fold-activated", G_CALLBACK (fold_activated_cb),
                           self, 0);
  g_signal_connect_object (self->view, "notify::selected", G_CALLBACK (selected_changed_cb),
                           self, 0);
}

static CpNetmapPage *
make (CpStore  *store,
      gboolean  facing)
{
  CpNetmapPage *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_NETMAP_PAGE, NULL);
  self->store = g_object_ref (store);
  self->facing = facing;
  if (facing)
    {
      /* The person's own view: larger, no practitioner's tools. */
      cp_netmap_view_set_large_text (self->view, TRUE);
      gtk_widget_set_visible (self->map_bar, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->facing_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->initials_button), FALSE);
      gtk_widget_set_visible (self->menu_button, FALSE);
      /* one tap, in words, for a relative looking over a shoulder */
      gtk_button_set_label (GTK_BUTTON (self->hard_going_button), _("_Hide Hard Going"));
      gtk_button_set_use_underline (GTK_BUTTON (self->hard_going_button), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "cp-facing");
    }
  cp_netmap_view_set_show_caution (self->view, !facing);
  self->panel = _cp_netmap_panel_new (self);
  self->list = _cp_netmap_list_new (self);
  self->compare = facing ? NULL : _cp_netmap_compare_new (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  update_actions (self);
  return self;
}

GtkWidget *
cp_netmap_page_new (CpStore *store)
{
  return GTK_WIDGET (make (store, FALSE));
}

GtkWidget *
cp_netmap_page_new_facing (CpStore *store)
{
  return GTK_WIDGET (make (store, TRUE));
}
