/* cp-a11y.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-a11y"

#include "cp-a11y.h"

/* How GTK 4.8 names a node (gtk_at_context_get_name): its "label" property, then the
 * "label" property of each widget it is labelled by, joined with spaces; a node with
 * neither is named after its class ("GtkMenuButton", "GtkImage"). Tooltips are not used.
 * So an icon-only button needs a label of its own (set in its .ui), and the fixes below
 * cover what a .ui file cannot say. */

/* A button with a mnemonic ("_Reset…") is given the raw text, underscore and all, as its
 * label, and is labelled by its mnemonic label as well: a screen reader says
 * "_Reset… Reset…". Dropping the raw text leaves the mnemonic label's words. GtkButton
 * sets the raw text again whenever its label changes, so this is redone then. */
static void
drop_raw_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_changed_cb (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  drop_raw_label (button);
}

static void
fix_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  /* A button given a label widget of its own (not through its "label") is named by
   * nothing: let the label name it. */
  if (gtk_button_get_label (button) == NULL && GTK_IS_LABEL (child))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL, -1);
  if (g_signal_handler_find (button, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                             button_label_changed_cb, NULL) != 0)
    return;
  g_signal_connect (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (button_label_changed_cb),
                    NULL);
  drop_raw_label (button);
}

/* The rows of a drop-down's or combo row's list of choices are GtkListView rows, which
 * GTK 4.8 leaves unnamed: this factory shows each choice of a GtkStringList as GTK's
 * own does (its words, and a check mark by the one chosen) and names the row by it. */
static void
choice_selected_cb (GtkListItem *item,
                    GParamSpec  *pspec,
                    GtkWidget   *check)
{
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1.0 : 0.0);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), cp_a11y_decorative_image_new ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  GObject *choice = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (choice)
                     ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice)) : "";

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  cp_a11y_label_list_item (box, text);
  g_signal_connect (item, "notify::selected", G_CALLBACK (choice_selected_cb), check);
  choice_selected_cb (item, NULL, check);
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (item, choice_selected_cb, check);
}

static GtkListItemFactory *
choice_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), NULL);
  return factory;
}

/* A GtkDropDown's button, the node a user presses, has no name of its own: it is
 * labelled by the drop-down, which carries the name (set in the .ui). Its choices are
 * named by the factory above, when they are strings GTK would show as they are. */
static void
fix_drop_down (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
  if (gtk_drop_down_get_list_factory (drop_down) == NULL
      && GTK_IS_STRING_LIST (gtk_drop_down_get_model (drop_down))
      && gtk_drop_down_get_expression (drop_down) == NULL)
    {
      g_autoptr(GtkListItemFactory) factory = choice_factory_new ();

      gtk_drop_down_set_list_factory (drop_down, factory);
    }
}

/* A row's title as said: without the underscore of its mnemonic ("_Status"). */
static char *
row_title (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);
  GString *words = g_string_new (NULL);

  for (const char *c = title != NULL ? title : ""; *c != '\0'; c++)
    {
      if (*c == '_' && adw_preferences_row_get_use_underline (row))
        {
          if (c[1] != '_')
            continue;
          c++;
        }
      g_string_append_c (words, *c);
    }
  return g_string_free (words, FALSE);
}

/* Labels every widget of @type in @root, and nothing inside those. */
static void
label_all (GtkWidget  *root,
           GType       type,
           const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_all (child, type, name);
}

static void
fix_combo_row (AdwComboRow *row)
{
  if (adw_combo_row_get_list_factory (row) == NULL
      && GTK_IS_STRING_LIST (adw_combo_row_get_model (row))
      && adw_combo_row_get_expression (row) == NULL)
    {
      g_autoptr(GtkListItemFactory) factory = choice_factory_new ();

      adw_combo_row_set_list_factory (row, factory);
    }
  /* The row shows its choice in a list of one, which GTK would call "GtkListView". */
  {
    g_autofree char *title = row_title (ADW_PREFERENCES_ROW (row));

    label_all (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, title);
  }
}

/* The first list box in @root, itself included, in the order of the widget tree. */
static GtkWidget *
first_list_box (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An AdwPreferencesGroup with no title leaves its list of rows unnamed, and GTK 4.8 calls
 * it "GtkListBox": it is named by the titles of its rows ("Day held, Who was there"). */
static void
name_untitled_group (AdwPreferencesGroup *group)
{
  const char *title = adw_preferences_group_get_title (group);
  g_autoptr(GString) name = g_string_new (NULL);
  GtkWidget *list;

  if (title != NULL && title[0] != '\0')
    return;
  /* The group's own list is the first list in it; a list added to it comes later. */
  list = first_list_box (GTK_WIDGET (group));
  if (list == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      {
        g_autofree char *words = row_title (ADW_PREFERENCES_ROW (row));

        if (words[0] != '\0')
          g_string_append_printf (name, "%s%s", name->len > 0 ? ", " : "", words);
      }
  if (name->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name->str, -1);
}

/* An entry row's own icon buttons, made by libadwaita (Apply; a password row's Show Text,
 * which becomes Hide Text), say what they do only in their tooltip, and GTK 4.8 names
 * them "GtkImage": name each by its tooltip, and again whenever libadwaita changes it. */
static const char * const entry_row_icons[] = {
  "adw-entry-apply-symbolic", "view-reveal-symbolic", "view-conceal-symbolic", NULL,
};

static void
tooltip_changed_cb (GtkWidget  *button,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip, -1);
}

static void
fix_entry_row_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child)
                         ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (icon != NULL && g_strv_contains (entry_row_icons, icon))
        {
          if (g_signal_handler_find (child, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                     tooltip_changed_cb, NULL) == 0)
            g_signal_connect (child, "notify::tooltip-text",
                              G_CALLBACK (tooltip_changed_cb), NULL);
          tooltip_changed_cb (child, NULL, NULL);
        }
      else
        fix_entry_row_buttons (child);
    }
}

/**
 * cp_a11y_fix_names:
 * @root: a widget
 *
 * Mends the accessible names of the buttons, drop-downs, combo rows and entry rows in
 * @root and below it (see above). Call it once a template is built, and on widgets made
 * later in code.
 */
void
cp_a11y_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    {
      fix_drop_down (GTK_DROP_DOWN (root));
      return;
    }
  else if (ADW_IS_COMBO_ROW (root))
    fix_combo_row (ADW_COMBO_ROW (root));
  else if (ADW_IS_ENTRY_ROW (root))
    fix_entry_row_buttons (root);
  else if (ADW_IS_PREFERENCES_GROUP (root))
    name_untitled_group (ADW_PREFERENCES_GROUP (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cp_a11y_fix_names (child);
}

/**
 * cp_a11y_name_choice_button:
 * @button: a menu button that shows the choice made (its label), with a tooltip that
 *   says what it chooses
 *
 * The node a user presses is the menu button's toggle, which GTK 4.8 names by the words
 * it shows (it is labelled by its label): a screen reader would say "Paused" and not
 * what it is for. The toggle is named by what it chooses (the tooltip) and described by
 * the choice, as a drop-down would be. Call again when the choice changes.
 */
void
cp_a11y_name_choice_button (GtkMenuButton *button)
{
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (button));

  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (GTK_WIDGET (button)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_menu_button_get_label (button),
                                  -1);
}

/**
 * cp_a11y_label_list_item:
 * @child: the widget a GtkListView's factory put in a row
 * @label: what a screen reader says for the row
 *
 * GTK 4.8 offers no way to name a GtkListView's row (gtk_list_item_set_accessible_label
 * is 4.12): the row is the list item widget @child sits in, so the label is set there,
 * each time the row is bound to an item. Outside a list, @child itself is labelled.
 */
void
cp_a11y_label_list_item (GtkWidget  *child,
                         const char *label)
{
  GtkWidget *parent;
  GtkWidget *target;

  g_return_if_fail (GTK_IS_WIDGET (child));

  parent = gtk_widget_get_parent (child);
  target = parent != NULL
           && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent))
              == GTK_ACCESSIBLE_ROLE_LIST_ITEM ? parent : child;
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * cp_a11y_decorative_image_new:
 * @icon_name: an icon name
 *
 * An icon beside words that say the same: screen readers skip it (GTK 4.8 would
 * otherwise read out "GtkImage").
 *
 * Returns: (transfer floating): a GtkImage
 */
GtkWidget *
cp_a11y_decorative_image_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static gboolean
restore_focusable_cb (gpointer data)
{
  gtk_widget_set_can_focus (GTK_WIDGET (data), TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *keys,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *list)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  /* The window moves the focus on as it always does, and finds the list closed to it
   * until the key is handled. */
  gtk_widget_set_can_focus (list, FALSE);
  g_idle_add_full (G_PRIORITY_HIGH, restore_focusable_cb, g_object_ref (list), g_object_unref);
  return GDK_EVENT_PROPAGATE;
}

/**
 * cp_a11y_list_one_tab_stop:
 * @list: a list of rows with no controls inside them
 *
 * Makes @list one stop for Tab, as a sidebar or a contents list is elsewhere in GNOME:
 * Tab comes into it at the chosen row and goes on out of it, and the arrow keys move
 * between its rows. GTK 4.8's GtkListBox stops Tab at every row, and chooses each row it
 * passes.
 */
void
cp_a11y_list_one_tab_stop (GtkListBox *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), list, 0);
  gtk_widget_add_controller (GTK_WIDGET (list), keys);
}

/**
 * cp_a11y_name_view_switchers:
 * @title: a header bar's view switcher title
 * @bar: (nullable): the view switcher bar on the same stack, shown when the window is
 *   narrow
 *
 * Names the list of tabs inside @title and @bar as @title is titled ("Person"): GTK 4.8
 * names a libadwaita view switcher after its class, "AdwViewSwitcher".
 */
void
cp_a11y_name_view_switchers (AdwViewSwitcherTitle *title,
                             GtkWidget            *bar)
{
  const char *name;

  g_return_if_fail (ADW_IS_VIEW_SWITCHER_TITLE (title));
  g_return_if_fail (bar == NULL || ADW_IS_VIEW_SWITCHER_BAR (bar));

  name = adw_view_switcher_title_get_title (title);
  label_all (GTK_WIDGET (title), ADW_TYPE_VIEW_SWITCHER, name);
  if (bar != NULL)
    label_all (bar, ADW_TYPE_VIEW_SWITCHER, name);
}

/**
 * cp_a11y_name_inner_lists:
 * @widget: a widget made of lists of its own, as an AdwExpanderRow or a GtkColumnView is
 * @name: what to call them
 *
 * Names the lists inside @widget, which GTK 4.8 would call after their class
 * ("GtkListBox", "GtkColumnListView").
 */
void
cp_a11y_name_inner_lists (GtkWidget  *widget,
                          const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      label_all (child, GTK_TYPE_LIST_BOX, name);
      label_all (child, GTK_TYPE_LIST_VIEW, name);
    }
}

/**
 * cp_a11y_shortcuts_while_shown:
 * @widget: a page whose class's key bindings each need Ctrl, Alt or a function key
 *
 * Makes the shortcuts of @widget's class work wherever the keyboard is in the window
 * while @widget is shown, as its help says: Ctrl+F searches the People list with the
 * focus on the sections, not only with the focus in the list. GTK runs a class's
 * bindings only for a focus inside the widget; shown, as here, they come after anything
 * the focus's own widgets do with the same keys.
 */
void
cp_a11y_shortcuts_while_shown (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && g_strcmp0 (gtk_event_controller_get_name (controller),
                        "gtk-widget-class-shortcuts") == 0)
        gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                           GTK_SHORTCUT_SCOPE_MANAGED);
    }
}

/* The first row a user can act on in @list (a GtkListBox), or NULL. */
static GtkWidget *
first_activatable_row (GtkWidget *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row)
        && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      return row;
  return NULL;
}

/* Whether @results shows anything to go to. */
static gboolean
has_results (GtkWidget *results)
{
  if (!gtk_widget_get_mapped (results))
    return FALSE;
  if (GTK_IS_LIST_VIEW (results))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (results)));

      return model != NULL && g_list_model_get_n_items (model) > 0;
    }
  return first_activatable_row (results) != NULL;
}

/* Puts the keyboard on the first of @results. */
static gboolean
focus_results (GtkWidget *results)
{
  GtkWidget *row;

  if (GTK_IS_LIST_VIEW (results))
    return gtk_widget_grab_focus (results);
  row = first_activatable_row (results);
  return row != NULL && gtk_widget_grab_focus (row);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    GtkWidget      *results)
{
  GtkWidget *row;

  if (!has_results (results))
    return;
  if (GTK_IS_LIST_VIEW (results))
    gtk_widget_activate_action (results, "list.activate-item", "u", 0);
  else if ((row = first_activatable_row (results)) != NULL)
    gtk_widget_activate (row);
}

static void
search_stopped_cb (GtkSearchEntry *entry,
                   GtkWidget      *results)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (has_results (results))
    focus_results (results);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *keys,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkWidget             *results)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || !has_results (results))
    return GDK_EVENT_PROPAGATE;
  return focus_results (results);
}

/**
 * cp_a11y_search_results:
 * @entry: a search entry
 * @results: what it finds: a GtkListView, or a GtkListBox of rows to activate
 *
 * The keys of a search anywhere in GNOME: Enter opens the first thing found, Down goes
 * into what was found (GTK would move to whatever is below the entry), and Escape
 * clears the search (a search bar around @entry closes) and leaves the keyboard in what
 * is then shown there, or in @entry.
 */
void
cp_a11y_search_results (GtkSearchEntry *entry,
                        GtkWidget      *results)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (GTK_IS_LIST_VIEW (results) || GTK_IS_LIST_BOX (results));

  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activate_cb), results, 0);
  g_signal_connect_object (entry, "stop-search", G_CALLBACK (search_stopped_cb), results,
                           G_CONNECT_AFTER);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), results, 0);
  gtk_widget_add_controller (GTK_WIDGET (entry), keys);
}
