/* cp-people-page.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-people-page"

#include <glib/gi18n.h>

#include "store/cp-store-pack.h"
#include "ui/cp-a11y.h"
#include "ui/cp-first-rows.h"
#include "ui/cp-menu-button.h"
#include "ui/cp-person-glyph.h"
#include "ui/cp-revealer.h"
#include "ui/cp-stack-pages.h"
#include "ui/cp-toaster.h"
#include "cp-people-page-private.h"
#include "cp-person-editor.h"
#include "goals/cp-goals-page.h"
#include "goals/cp-overview-page.h"
#include "goals/cp-reviews-page.h"
#include "netmap/cp-netmap-page.h"

G_DEFINE_FINAL_TYPE (CpPeoplePage, cp_people_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  FLUSH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Opening a person ----------------------------------------------------------------- */

/* The tabs show only with someone open: in the header bar, or at the bottom when it is
 * too narrow for them there. */
static void
update_switchers (CpPeoplePage *self)
{
  gboolean someone = g_strcmp0 (gtk_stack_get_visible_child_name (self->person_stack),
                                "person") == 0;

  adw_view_switcher_title_set_view_switcher_enabled (self->person_switcher, someone);
  gtk_widget_set_visible (self->person_switcher_bar,
                          someone
                          && adw_view_switcher_title_get_title_visible (self->person_switcher));
}

static void
flush_goals (CpPeoplePage *self)
{
  GtkWidget *goals = adw_bin_get_child (self->goals);

  if (goals != NULL)
    cp_goals_page_flush (CP_GOALS_PAGE (goals));
}

/* The Overview, Goals and Reviews tabs are made for the person they show. */
static void
fill_tabs (CpPeoplePage *self,
           CpPerson     *person)
{
  flush_goals (self);
  adw_bin_set_child (self->overview, person ? cp_overview_page_new (self->store, person) : NULL);
  adw_bin_set_child (self->goals, person ? cp_goals_page_new (self->store, person) : NULL);
  adw_bin_set_child (self->reviews, person ? cp_reviews_page_new (self->store, person) : NULL);
}

/* The person's tabs are made when someone is first opened: the caseload shows sooner.
 * Overview (read before a session), Network, Goals, Reviews, and Details (the record:
 * status, dates, agreements, communication needs, notes). */
static void
ensure_person_tabs (CpPeoplePage *self)
{
  if (self->editor != NULL)
    return;
  self->overview = ADW_BIN (adw_bin_new ());
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->person_tabs,
                                                                GTK_WIDGET (self->overview),
                                                                "overview", _("Overview")),
                                     "view-reveal-symbolic");
  self->network = cp_netmap_page_new (self->store);
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->person_tabs, self->network,
                                                                "network", _("Network")),
                                     "network-workgroup-symbolic");
  self->goals = ADW_BIN (adw_bin_new ());
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->person_tabs,
                                                                GTK_WIDGET (self->goals),
                                                                "goals", _("Goals")),
                                     "object-select-symbolic");
  self->reviews = ADW_BIN (adw_bin_new ());
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->person_tabs,
                                                                GTK_WIDGET (self->reviews),
                                                                "reviews", _("Reviews")),
                                     "x-office-calendar-symbolic");
  self->editor = cp_person_editor_new (self->store);
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->person_tabs, self->editor,
                                                                "details", _("Details")),
                                     "user-info-symbolic");
  cp_a11y_fix_names (self->network);
  cp_a11y_fix_names (self->editor);
}

/* The person shown, or NULL. */
CpPerson *
_cp_people_page_get_person (CpPeoplePage *self)
{
  return self->editor != NULL ? cp_person_editor_get_person (CP_PERSON_EDITOR (self->editor))
                              : NULL;
}

void
cp_people_page_open_person (CpPeoplePage *self,
                            CpPerson     *person)
{
  g_return_if_fail (CP_IS_PEOPLE_PAGE (self));

  if (person != NULL)
    ensure_person_tabs (self);
  if (self->editor != NULL)
    {
      if (person != cp_person_editor_get_person (CP_PERSON_EDITOR (self->editor)))
        fill_tabs (self, person);
      cp_person_editor_set_person (CP_PERSON_EDITOR (self->editor), person);
      cp_netmap_page_set_person (CP_NETMAP_PAGE (self->network),
                                 person ? cp_person_get_id (person) : 0);
    }
  gtk_widget_set_visible (self->person_menu_button, person != NULL);
  _cp_people_page_update_actions (self);
  if (person == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_stack_set_visible_child_name (self->person_stack, "none");
      update_switchers (self);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      return;
    }
  _cp_people_page_select_person (self, person);
  gtk_stack_set_visible_child_name (self->person_stack, "person");
  update_switchers (self);
  adw_leaflet_set_visible_child (self->leaflet, self->person_pane);
}

static void
list_activate_cb (GtkListView  *list,
                  guint         position,
                  CpPeoplePage *self)
{
  g_autoptr(CpPerson) person = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  cp_people_page_open_person (self, person);
  /* Side by side, keep the keyboard in the list: arrows move on to the next person. */
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
back_clicked_cb (GtkButton    *button,
                 CpPeoplePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- Adding --------------------------------------------------------------------------- */

static void
add_person (CpPeoplePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (name[0] == '\0')
    return;

  id = cp_store_add_person (self->store, name, &error);
  if (id == 0)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_menu_button_popdown (self->add_button);
  /* Make sure the new person is in view. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _cp_people_page_show_every_status (self);
  _cp_people_page_refilter (self);
  cp_people_page_open_person (self, cp_store_find_person (self->store, id));
  _cp_people_page_scroll_to_selected (self);
  /* A new person's record comes first: how they like to be called, status, agreements.
   * The keyboard goes there too (the field it was in has gone with the popover), at the
   * end of the name just typed: not with the name chosen, which the next key would
   * replace. */
  adw_view_stack_set_visible_child_name (self->person_tabs, "details");
  if (gtk_widget_child_focus (self->editor, GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (GTK_IS_EDITABLE (focus))
        gtk_editable_select_region (GTK_EDITABLE (focus), -1, -1);
    }
}

static void
add_entry_activate_cb (GtkEntry     *entry,
                       CpPeoplePage *self)
{
  add_person (self);
}

static void
add_confirm_clicked_cb (GtkButton    *button,
                        CpPeoplePage *self)
{
  add_person (self);
}

static void
add_entry_changed_cb (GtkEditable  *editable,
                      CpPeoplePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_confirm_button, name[0] != '\0');
}

static void
add_popover_show_cb (GtkPopover   *popover,
                     CpPeoplePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_menu_button_popup (self->add_button);
}

/* person.tab (i): Ctrl+1 Overview, Ctrl+2 Network, Ctrl+3 Goals, Ctrl+4 Reviews, Ctrl+5
 * Details. */
static void
tab_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  static const char * const tabs[] = { "overview", "network", "goals", "reviews", "details" };
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  int tab = g_variant_get_int32 (param);
  GtkWidget *child;

  if (tab < 0 || tab >= (int) G_N_ELEMENTS (tabs)
      || _cp_people_page_get_person (self) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->person_tabs, tabs[tab]);
  adw_leaflet_set_visible_child (self->leaflet, self->person_pane);
  child = adw_view_stack_get_visible_child (self->person_tabs);
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Store ---------------------------------------------------------------------------- */

static void
store_changed_cb (CpPeoplePage *self)
{
  CpPerson *shown = _cp_people_page_get_person (self);

  _cp_people_page_refilter (self);
  _cp_people_page_update_erasable (self);
  _cp_people_page_update_actions (self);
  /* An undone add removes the person shown. */
  if (shown != NULL && cp_store_find_person (self->store, cp_person_get_id (shown)) == NULL)
    cp_people_page_open_person (self, NULL);
  else if (shown != NULL)
    _cp_people_page_select_person (self, shown);
}

static void
flush_cb (CpPeoplePage *self)
{
  if (self->editor == NULL)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  cp_netmap_page_flush (CP_NETMAP_PAGE (self->network));
  flush_goals (self);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
update_headers (CpPeoplePage *self)
{
  gboolean inner_folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->sections_button, self->folded);
  gtk_widget_set_visible (self->back_button, inner_folded);
  adw_header_bar_set_show_start_title_buttons (self->list_header, self->folded);
  adw_header_bar_set_show_end_title_buttons (self->list_header, inner_folded);
  adw_header_bar_set_show_start_title_buttons (self->person_header, inner_folded);
}

/* A row is a name and a line in small print, with the list's padding (cp-person-row.c:
 * 48 pixels where a line is 17): two lines and 8 pixels is less than that, so the first
 * frame is never short of a row, and makes few that it does not show. */
static void
cp_people_page_map (GtkWidget *widget)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);

  GTK_WIDGET_CLASS (cp_people_page_parent_class)->map (widget);
  cp_first_rows_fit (self->first_rows, widget, 2, 8);
}

static void
cp_people_page_unmap (GtkWidget *widget)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);

  cp_first_rows_show_all (self->first_rows);
  GTK_WIDGET_CLASS (cp_people_page_parent_class)->unmap (widget);
}

static void
cp_people_page_dispose (GObject *object)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (object);

  if (self->editor != NULL)
    flush_cb (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->concealed_person);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->name_sorter);
  g_clear_object (&self->review_sorter);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_people_page_parent_class)->dispose (object);
}

static void
cp_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (object);

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
cp_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (object);

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
cp_people_page_class_init (CpPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_people_page_dispose;
  object_class->get_property = cp_people_page_get_property;
  object_class->set_property = cp_people_page_set_property;
  widget_class->map = cp_people_page_map;
  widget_class->unmap = cp_people_page_unmap;
  g_type_ensure (CP_TYPE_EMPTY_STATE);

  /* TRUE when the window's sidebar is folded away: show a button back to it. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Save edits still waiting for a pause in typing (before undo, on close). */
  signals[FLUSH] = g_signal_new_class_handler ("flush", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                               G_CALLBACK (flush_cb), NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_pane);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, list_header);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_header);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, sections_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_menu);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, add_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, add_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, status_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_stack);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, none_page);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_tabs);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_switcher);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, person_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, erase_revealer);
  gtk_widget_class_bind_template_child (widget_class, CpPeoplePage, erase_label);
  _cp_people_page_class_init_list (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "person.tab", "i", tab_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "person.tab", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "person.tab", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "person.tab", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "person.tab", "i", 3);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "person.tab", "i", 4);
  _cp_people_page_class_init_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "people.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "people.search", NULL);
}

static void
cp_people_page_init (CpPeoplePage *self)
{
  g_autoptr(GdkPaintable) person = cp_person_glyph_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_shortcuts_while_shown (GTK_WIDGET (self));
  cp_a11y_name_view_switchers (self->person_switcher, self->person_switcher_bar);
  cp_revealer_hide_child_when_closed (self->erase_revealer);
  cp_menu_button_set_menu_model_on_open (GTK_MENU_BUTTON (self->person_menu_button),
                                         self->person_menu, NULL, NULL);

  _cp_people_page_init_list (self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  cp_a11y_search_results (self->search_entry, GTK_WIDGET (self->list_view));
  cp_stack_pages_when_shown (self->list_stack, RESOURCE_PATH "/ui/cp-people-page-pages.ui",
                             "empty", "no-results", NULL);
  cp_empty_state_set_paintable (self->none_page, person);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
}

CpPeoplePage *
cp_people_page_new (CpStore *store)
{
  CpPeoplePage *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_PEOPLE_PAGE, NULL);
  self->store = g_object_ref (store);

  _cp_people_page_set_up_list (self);

  g_signal_connect_object (self->person_switcher, "notify::title-visible",
                           G_CALLBACK (update_switchers), self, G_CONNECT_SWAPPED);
  update_switchers (self);
  if (cp_store_get_read_only (store))
    {
      /* Nothing can be saved: offer nothing that would change the workspace. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   _("This workspace is open read-only"));
      /* a pack's people are the ones sent: nothing to add, not even greyed out */
      gtk_widget_set_visible (GTK_WIDGET (self->add_button), !cp_store_is_pack (store));
    }

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_headers (self);
  _cp_people_page_update_erasable (self);
  cp_people_page_open_person (self, NULL);
  return self;
}

CpPerson *
cp_people_page_dup_person (CpPeoplePage *self)
{
  CpPerson *person;

  g_return_val_if_fail (CP_IS_PEOPLE_PAGE (self), NULL);
  person = _cp_people_page_get_person (self);
  return person ? g_object_ref (person) : NULL;
}

void
cp_people_page_set_concealed (CpPeoplePage *self,
                              gboolean      concealed)
{
  g_return_if_fail (CP_IS_PEOPLE_PAGE (self));

  if (self->concealed == !!concealed)
    return;
  self->concealed = !!concealed;

  if (concealed)
    {
      CpPerson *person = _cp_people_page_get_person (self);

      if (self->editor != NULL)
        cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
      self->concealed_person = person ? g_object_ref (person) : NULL;
      gtk_list_view_set_model (self->list_view, NULL);
      if (self->editor != NULL)
        {
          fill_tabs (self, NULL);
          cp_person_editor_set_person (CP_PERSON_EDITOR (self->editor), NULL);
          cp_netmap_page_set_person (CP_NETMAP_PAGE (self->network), 0);
        }
    }
  else
    {
      g_autoptr(CpPerson) person = g_steal_pointer (&self->concealed_person);

      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      if (person != NULL && cp_store_find_person (self->store, cp_person_get_id (person)) != NULL)
        cp_people_page_open_person (self, person);
    }
}

GListModel *
cp_people_page_get_shown (CpPeoplePage *self)
{
  g_return_val_if_fail (CP_IS_PEOPLE_PAGE (self), NULL);

  _cp_people_page_ensure_sorted (self);
  return G_LIST_MODEL (self->sort_model);
}
