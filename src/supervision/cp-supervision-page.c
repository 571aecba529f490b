/* cp-supervision-page.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision-page"

#include <glib/gi18n.h>

#include "cp-supervision-page-private.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-a11y.h"
#include "ui/cp-first-rows.h"
#include "ui/cp-stack-pages.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

G_DEFINE_FINAL_TYPE (CpSupervisionPage, cp_supervision_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Filters -------------------------------------------------------------------------- */

static guint
weeks (CpSupervisionPage *self,
       const char        *key)
{
  return g_settings_get_uint (self->settings, key);
}

gboolean
_cp_supervision_page_chip_holds (CpSupervisionPage         *self,
                                 CpChip                     chip,
                                 CpSupervisionCaseloadItem *item)
{
  const CpSupervisionRow *row = cp_supervision_caseload_item_get_row (item);

  switch (chip)
    {
    case CP_CHIP_OVERDUE:
      return row->review_overdue;
    case CP_CHIP_NO_GOALS:
      return row->n_goals == 0;
    case CP_CHIP_MAP:
      return row->map_stale;
    case CP_CHIP_PAUSED:
      return row->status == CP_PERSON_STATUS_PAUSED && row->days_paused >= 0
             && (guint) row->days_paused > 7 * weeks (self, "supervision-paused-weeks");
    case CP_CHIP_DISCUSSED:
      {
        g_autofree char *since = NULL;

        if (row->last_discussed_on == NULL)
          return TRUE;
        since = cp_date_add_days (self->today,
                                  -7 * (int) weeks (self, "supervision-discussed-weeks"));
        return since != NULL && strcmp (row->last_discussed_on, since) < 0;
      }
    case CP_N_CHIPS:
    default:
      return FALSE;
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CpSupervisionPage *self = user_data;

  for (guint c = 0; c < CP_N_CHIPS; c++)
    if (gtk_toggle_button_get_active (self->chips[c])
        && !_cp_supervision_page_chip_holds (self, c, item))
      return FALSE;
  return TRUE;
}

/* What the empty result says: how many each filter on would show on its own. */
static void
update_no_matches (CpSupervisionPage *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_on = 0;

  for (guint c = 0; c < CP_N_CHIPS; c++)
    {
      guint n = 0;

      if (!gtk_toggle_button_get_active (self->chips[c]))
        continue;
      n_on++;
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CpSupervisionCaseloadItem) item =
            g_list_model_get_item (G_LIST_MODEL (self->items), i);

          n += _cp_supervision_page_chip_holds (self, c, item);
        }
      if (s->len > 0)
        g_string_append_c (s, '\n');
      if (n == 0)
        g_string_append_printf (s, _("“%s” alone matches no one."),
                                gtk_button_get_label (GTK_BUTTON (self->chips[c])));
      else
        g_string_append_printf (s, ngettext ("“%s” alone matches %u person.",
                                             "“%s” alone matches %u people.", n),
                                gtk_button_get_label (GTK_BUTTON (self->chips[c])), n);
    }
  if (n_on > 1)
    g_string_append_printf (s, "\n%s", _("No one matches all of them at once."));
  adw_status_page_set_description (self->no_matches, s->str);
}

static void
update_content (CpSupervisionPage *self)
{
  const char *name = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    {
      name = "no-matches";
      update_no_matches (self);
    }
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

static void
chip_toggled_cb (CpSupervisionPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static void
clear_filters_cb (CpSupervisionPage *self)
{
  for (guint c = 0; c < CP_N_CHIPS; c++)
    gtk_toggle_button_set_active (self->chips[c], FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->chips[0]));
}

/* The chips and their tooltips say the weeks set in Preferences. */
static void
update_chip_words (CpSupervisionPage *self)
{
  guint map = weeks (self, "supervision-map-weeks");
  guint paused = weeks (self, "supervision-paused-weeks");
  guint discussed = weeks (self, "supervision-discussed-weeks");
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("Show only people with no map, or one older than %u week",
                                    "Show only people with no map, or one older than %u weeks",
                                    map), map);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chips[CP_CHIP_MAP]), text);
  g_free (text);
  text = g_strdup_printf (ngettext ("Paused over %u week", "Paused over %u weeks", paused),
                          paused);
  gtk_button_set_label (GTK_BUTTON (self->chips[CP_CHIP_PAUSED]), text);
  g_free (text);
  text = g_strdup_printf (ngettext ("Show only people paused for longer than %u week",
                                    "Show only people paused for longer than %u weeks", paused),
                          paused);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chips[CP_CHIP_PAUSED]), text);
  g_free (text);
  text = g_strdup_printf (ngettext ("Not discussed for %u week", "Not discussed for %u weeks",
                                    discussed), discussed);
  gtk_button_set_label (GTK_BUTTON (self->chips[CP_CHIP_DISCUSSED]), text);
  g_free (text);
  text = g_strdup_printf (ngettext ("Show only people not discussed in supervision in the "
                                    "last %u week, or never",
                                    "Show only people not discussed in supervision in the "
                                    "last %u weeks, or never", discussed), discussed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chips[CP_CHIP_DISCUSSED]), text);
}

/* ---- Reading the caseload ------------------------------------------------------------- */

static void
reload (CpSupervisionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree gpointer *items = NULL;
  gsize n = 0;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  g_free (self->today);
  self->today = cp_date_today ();
  if (!self->concealed)
    {
      rows = cp_store_read_caseload (self->store, weeks (self, "supervision-map-weeks"), &error);
      if (rows == NULL)
        {
          g_warning ("Caseload not read (%s, %d)", g_quark_to_string (error->domain),
                     error->code);
          cp_toaster_report_error (GTK_WIDGET (self), error);
        }
    }
  if (rows != NULL)
    {
      CpSupervisionRow **taken = (CpSupervisionRow **) g_ptr_array_steal (rows, &n);

      items = g_new (gpointer, n);
      for (gsize i = 0; i < n; i++)
        items[i] = cp_supervision_caseload_item_new (taken[i]);
      g_free (taken);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items, n);
  for (gsize i = 0; i < n; i++)
    g_object_unref (items[i]);
  update_content (self);
}

static gboolean
reload_cb (gpointer data)
{
  CpSupervisionPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an undo of several steps) make one read, and only once the
 * page is on screen. */
static void
store_changed_cb (CpSupervisionPage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
map_weeks_changed_cb (CpSupervisionPage *self)
{
  update_chip_words (self);
  store_changed_cb (self);
}

static void
weeks_changed_cb (CpSupervisionPage *self)
{
  update_chip_words (self);
  chip_toggled_cb (self);
}

/* ---- Activation ----------------------------------------------------------------------- */

void
_cp_supervision_page_open (CpSupervisionPage *self,
                           guint              position)
{
  g_autoptr(CpSupervisionCaseloadItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-person", "x",
                              cp_supervision_caseload_item_get_row (item)->person_id);
}

static void
table_activate_cb (GtkColumnView     *table,
                   guint              position,
                   CpSupervisionPage *self)
{
  _cp_supervision_page_open (self, position);
}

static void
card_activated_cb (GtkListBox        *cards,
                   GtkListBoxRow     *row,
                   CpSupervisionPage *self)
{
  _cp_supervision_page_open (self, gtk_list_box_row_get_index (row));
}

static void
names_toggled_cb (CpSupervisionPage *self)
{
  self->show_names = gtk_toggle_button_get_active (self->names_button);
  _cp_supervision_page_names_changed (self);
}

static void
sort_chosen_cb (CpSupervisionPage *self)
{
  _cp_supervision_page_sort_chosen (self);
}

/* The cards are made the first time the page is narrow enough to show them. */
static void
squeezed_cb (CpSupervisionPage *self)
{
  if (adw_squeezer_get_visible_child (self->squeezer) == self->cards_scroll
      && !self->concealed)
    _cp_supervision_page_bind_cards (self, G_LIST_MODEL (self->sort_model));
}

/* ---- Header --------------------------------------------------------------------------- */

static void
update_headers (CpSupervisionPage *self)
{
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (adw_view_stack_get_pages (self->views)))
                     > 1;
  gboolean bar = several && adw_view_switcher_title_get_title_visible (self->switcher_title);

  gtk_widget_set_visible (self->sections_button, self->folded);
  adw_header_bar_set_show_start_title_buttons (self->header, self->folded);

  /* A hidden bar is not allocated at all: collapsed, its action bar would get a height of
   * -1 (its border) and GTK warns. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), bar);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, bar);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_supervision_page_map (GtkWidget *widget)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (widget);

  GTK_WIDGET_CLASS (cp_supervision_page_parent_class)->map (widget);
  if (self->stale && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
  _cp_supervision_page_fit_first_rows (self);
}

static void
cp_supervision_page_unmap (GtkWidget *widget)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (widget);

  cp_first_rows_show_all (self->first_rows);
  GTK_WIDGET_CLASS (cp_supervision_page_parent_class)->unmap (widget);
}

static void
cp_supervision_page_dispose (GObject *object)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cards != NULL)
    _cp_supervision_page_bind_cards (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_SUPERVISION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_supervision_page_parent_class)->dispose (object);
}

static void
cp_supervision_page_finalize (GObject *object)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (object);

  g_free (self->today);
  G_OBJECT_CLASS (cp_supervision_page_parent_class)->finalize (object);
}

static void
cp_supervision_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_supervision_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CpSupervisionPage *self = CP_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_headers (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_supervision_page_class_init (CpSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_supervision_page_dispose;
  object_class->finalize = cp_supervision_page_finalize;
  object_class->get_property = cp_supervision_page_get_property;
  object_class->set_property = cp_supervision_page_set_property;
  widget_class->map = cp_supervision_page_map;
  widget_class->unmap = cp_supervision_page_unmap;

  /* TRUE when the window's sidebar is folded away: show a button back to it. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-supervision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, header);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, sections_button);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, views);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, names_button);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, sort_by);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, reverse_button);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, chips_box);
  gtk_widget_class_bind_template_child_full (widget_class, "chip_overdue", FALSE,
                                             G_STRUCT_OFFSET (CpSupervisionPage,
                                                              chips[CP_CHIP_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "chip_no_goals", FALSE,
                                             G_STRUCT_OFFSET (CpSupervisionPage,
                                                              chips[CP_CHIP_NO_GOALS]));
  gtk_widget_class_bind_template_child_full (widget_class, "chip_map", FALSE,
                                             G_STRUCT_OFFSET (CpSupervisionPage,
                                                              chips[CP_CHIP_MAP]));
  gtk_widget_class_bind_template_child_full (widget_class, "chip_paused", FALSE,
                                             G_STRUCT_OFFSET (CpSupervisionPage,
                                                              chips[CP_CHIP_PAUSED]));
  gtk_widget_class_bind_template_child_full (widget_class, "chip_discussed", FALSE,
                                             G_STRUCT_OFFSET (CpSupervisionPage,
                                                              chips[CP_CHIP_DISCUSSED]));
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, squeezer);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, table_scroll);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, table);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, cards_scroll);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, cards);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionPage, no_matches);
  gtk_widget_class_bind_template_callback (widget_class, names_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, chip_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, squeezed_cb);
}

static void
cp_supervision_page_init (CpSupervisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->items = g_list_store_new (CP_TYPE_SUPERVISION_CASELOAD_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  _cp_supervision_page_init_table (self);
  _cp_supervision_page_init_cards (self);
  update_chip_words (self);
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_name_view_switchers (self->switcher_title, GTK_WIDGET (self->switcher_bar));
  cp_stack_icons_when_shown (self->content_stack, "empty", "system-users-symbolic",
                             "no-matches", "edit-find-symbolic", NULL);

  g_signal_connect_object (self->settings, "changed::supervision-map-weeks",
                           G_CALLBACK (map_weeks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::supervision-paused-weeks",
                           G_CALLBACK (weeks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::supervision-discussed-weeks",
                           G_CALLBACK (weeks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
  update_headers (self);
}

CpSupervisionPage *
cp_supervision_page_new (CpStore *store)
{
  CpSupervisionPage *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_SUPERVISION_PAGE, NULL);
  self->store = g_object_ref (store);
  /* a pack holds no names */
  gtk_widget_set_visible (GTK_WIDGET (self->names_button), !cp_store_is_pack (store));
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

void
cp_supervision_page_add_view (CpSupervisionPage *self,
                              GtkWidget         *widget,
                              const char        *name,
                              const char        *title,
                              const char        *icon_name)
{
  AdwViewStackPage *page;

  g_return_if_fail (CP_IS_SUPERVISION_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  page = adw_view_stack_add_titled (self->views, widget, name, title);
  if (icon_name != NULL)
    adw_view_stack_page_set_icon_name (page, icon_name);
  update_headers (self);
}

void
cp_supervision_page_set_concealed (CpSupervisionPage *self,
                                   gboolean           concealed)
{
  g_return_if_fail (CP_IS_SUPERVISION_PAGE (self));

  if (self->concealed == !!concealed)
    return;
  self->concealed = !!concealed;
  if (concealed)
    _cp_supervision_page_bind_cards (self, NULL);
  reload (self);
  if (!concealed)
    squeezed_cb (self);
}

GListModel *
cp_supervision_page_get_shown (CpSupervisionPage *self)
{
  g_return_val_if_fail (CP_IS_SUPERVISION_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}
