/* cp-window.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-window"

#include <glib/gi18n.h>

#include "cp-application.h"
#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-menu-button.h"
#include "ui/cp-revealer.h"
#include "ui/cp-toaster.h"
#include "cp-window-private.h"
#include "library/cp-library-page.h"
#include "people/cp-people-page.h"
#include "supervision/cp-supervision-page.h"
#include "supervision/cp-supervision-sessions.h"

static void cp_window_toaster_init (CpToasterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpWindow, cp_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_TOASTER, cp_window_toaster_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRACTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Sections ------------------------------------------------------------------------- */

static GtkWidget *
section_row_new (const char *name,
                 const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), cp_a11y_decorative_image_new (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_name (row, name);
  return row;
}

/* The People and Library pages are made the first time they are shown, so that a start
 * builds only the page in view (and a PDF opened from the command line no caseload). */
static void
add_section_row (CpWindow   *self,
                 const char *name,
                 const char *title,
                 const char *icon_name)
{
  gtk_list_box_append (self->section_list, section_row_new (name, title, icon_name));
}

static void
add_section_page (CpWindow   *self,
                  const char *name,
                  const char *title,
                  GtkWidget  *page)
{
  gtk_widget_set_hexpand (page, TRUE);
  gtk_stack_add_titled (self->section_stack, page, name, title);
  g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
}

static void
ensure_section_page (CpWindow   *self,
                     const char *name)
{
  if (g_strcmp0 (name, "people") == 0 && self->people_page == NULL)
    {
      self->people_page = GTK_WIDGET (cp_people_page_new (self->store));
      add_section_page (self, "people", _("People"), self->people_page);
    }
  else if (g_strcmp0 (name, "supervision") == 0 && self->supervision_page == NULL)
    {
      self->supervision_page = GTK_WIDGET (cp_supervision_page_new (self->store));
      cp_supervision_page_add_view (CP_SUPERVISION_PAGE (self->supervision_page),
                                    cp_supervision_sessions_new (self->store), "sessions",
                                    _("Sessions"), "x-office-calendar-symbolic");
      add_section_page (self, "supervision", _("Supervision"), self->supervision_page);
    }
  else if (g_strcmp0 (name, "library") == 0 && self->library_page == NULL)
    {
      self->library_page = GTK_WIDGET (cp_library_page_new (self->store));
      add_section_page (self, "library", _("Library"), self->library_page);
    }
}

void
_cp_window_add_section (CpWindow   *self,
                        const char *name,
                        const char *title,
                        const char *icon_name,
                        GtkWidget  *page)
{
  /* A section page shows a back button to the sections when the window is narrow. */
  add_section_page (self, name, title, page);
  add_section_row (self, name, title, icon_name);
}

static gboolean
show_section_page (CpWindow   *self,
                   const char *name)
{
  GtkWidget *child;

  ensure_section_page (self, name);
  child = gtk_stack_get_child_by_name (self->section_stack, name);
  if (child == NULL)
    return FALSE;

  gtk_stack_set_visible_child (self->section_stack, child);
  return TRUE;
}

void
_cp_window_show_section (CpWindow   *self,
                         const char *name)
{
  if (!show_section_page (self, name))
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (row));
    }
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->section_stack));
}

/* The section shown is the row chosen, also as the arrow keys move through the rows; a
 * narrow window shows it when the row is activated (a click, Enter). */
static void
section_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         CpWindow      *self)
{
  if (row != NULL)
    show_section_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
section_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          CpWindow      *self)
{
  _cp_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
leaflet_folded_cb (CpWindow *self)
{
  /* Folding keeps the work in view; the sections are one Back away. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->section_stack));
}

static void
show_sections_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* win.show-person (x): opens the person with that id in the People section (0: the
 * section alone), as the Supervision caseload does. */
static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  CpPerson *person = id > 0 ? cp_store_find_person (self->store, id) : NULL;

  _cp_window_show_section (self, "people");
  if (person != NULL)
    cp_people_page_open_person (CP_PEOPLE_PAGE (self->people_page), person);
}

/* ---- Library ------------------------------------------------------------------------- */

/* win.open-manual ("(ss)" document, destination): opens a manual (or any library
 * document) at a named destination or "page=N" from anywhere in the window; an empty
 * destination opens it where it was last read. */
static void
open_manual_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  const char *doc, *dest;

  g_variant_get (param, "(&s&s)", &doc, &dest);
  _cp_window_show_section (self, "library");
  cp_library_page_open (CP_LIBRARY_PAGE (self->library_page), doc, *dest ? dest : NULL);
}

void
cp_window_open_pdf (CpWindow *self,
                    GFile    *file)
{
  g_return_if_fail (CP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _cp_window_show_section (self, "library");
  cp_library_page_open_file (CP_LIBRARY_PAGE (self->library_page), file);
}

/* ---- Practice workspace --------------------------------------------------------------- */

static void
reset_confirmed_cb (GtkWidget *from,
                    gpointer   user_data)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (from)));

  if (app != NULL)
    cp_application_reset_practice (CP_APPLICATION (app), GTK_WINDOW (from));
}

static void
reset_practice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  cp_confirm (widget, _("Reset the Practice Workspace?"),
              _("Everything you changed in the practice workspace is thrown away and the "
                "three fictional people are restored as they were shipped."),
              _("_Cancel"), "reset", _("_Reset"), ADW_RESPONSE_DESTRUCTIVE,
              reset_confirmed_cb, NULL, NULL);
}

static void
leave_practice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    {
      g_autofree char *path = cp_store_dup_default_path ();
      gboolean others = FALSE;

      for (GList *l = gtk_application_get_windows (app); l; l = l->next)
        others |= (l->data != (gpointer) self && CP_IS_WINDOW (l->data));
      g_application_hold (G_APPLICATION (app));
      gtk_window_close (GTK_WINDOW (self));
      if (!others)
        cp_application_open_workspace (CP_APPLICATION (app), path, FALSE);
      g_application_release (G_APPLICATION (app));
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- What the workspace's files are like -------------------------------------------- */

/* Things found while opening that the user should know (a folder others can list, a
 * second name for the file, recent changes that could not be read): one sentence each. */
static void
show_store_warnings (CpWindow *self)
{
  g_auto(GStrv) messages = cp_store_dup_warning_messages (self->store);
  g_autofree char *text = g_strjoinv ("\n", messages);

  gtk_label_set_label (self->warning_label, text);
  gtk_revealer_set_reveal_child (self->warning_revealer, messages[0] != NULL);
}

static void
dismiss_warnings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_revealer_set_reveal_child (CP_WINDOW (widget)->warning_revealer, FALSE);
}

/* The store goes on read-only when its file cannot be written again (after a failed
 * sync): say so, and stop offering edits. */
static void
store_read_only_cb (CpWindow *self)
{
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 cp_store_get_read_only (self->store)
                                 && self->pack_header == NULL);
  _cp_window_update_undo_actions (self);
  _cp_window_init_workspace_actions (self);
}

/* ---- Window state --------------------------------------------------------------------- */

static GSettings *
window_settings (CpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return CP_IS_APPLICATION (app) ? cp_application_get_settings (CP_APPLICATION (app)) : NULL;
}

static void
restore_state (CpWindow *self)
{
  GSettings *settings = window_settings (self);
  g_autofree char *section = NULL;

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  section = g_settings_get_string (settings, "last-section");
  if (gtk_stack_get_visible_child (self->section_stack) == NULL)
    {
      g_free (self->first_section);
      self->first_section = g_steal_pointer (&section);
    }
}

static gboolean
cp_window_close_request (GtkWindow *window)
{
  CpWindow *self = CP_WINDOW (window);
  GSettings *settings = window_settings (self);

  if (_cp_window_pack_close_request (self))
    return TRUE;
  _cp_window_flush_people (self);

  if (settings != NULL)
    {
      int width, height;
      const char *section = gtk_stack_get_visible_child_name (self->section_stack);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      if (section != NULL)
        g_settings_set_string (settings, "last-section", section);
    }

  return GTK_WINDOW_CLASS (cp_window_parent_class)->close_request (window);
}

/* ---- Recent workspaces menu ----------------------------------------------------------- */

static void
update_recent_menu (CpWindow *self)
{
  GSettings *settings = window_settings (self);
  g_auto(GStrv) recent = NULL;
  GMenu *section;

  if (settings == NULL)
    return;

  section = g_menu_new ();
  recent = g_settings_get_strv (settings, "recent-workspaces");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = cp_store_dup_display_name_for_path (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (section, item);
    }
  g_menu_remove_all (self->recent_menu);
  if (recent[0] != NULL)
    g_menu_append_section (self->recent_menu, NULL, G_MENU_MODEL (section));
  else
    g_menu_append (self->recent_menu, _("No recent workspaces"), "win.none");
  g_object_unref (section);
}

/* What comes from the app's settings, once the window has its app: the size, the section
 * and the recent workspaces. The section is shown (and its page made) when the window
 * is, unless one was asked for before: a PDF given on the command line. */
static void
application_set_cb (CpWindow *self)
{
  GSettings *settings = window_settings (self);

  if (settings == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self, application_set_cb, NULL);
  g_signal_connect_object (settings, "changed::recent-workspaces",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  restore_state (self);
}

/* ---- Keyboard shortcuts ------------------------------------------------------------- */

/* Built the first time it is asked for: GtkApplication would build it for every window
 * as the window starts, from gtk/help-overlay.ui. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/cp-help-overlay.ui");

      self->help_overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->help_overlay),
                                 (gpointer *) &self->help_overlay);
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      gtk_window_set_destroy_with_parent (self->help_overlay, TRUE);
    }
  gtk_window_present (self->help_overlay);
}

/* ---- Toasts -------------------------------------------------------------------------- */

static void
cp_window_add_toast (CpToaster *toaster,
                     AdwToast  *toast)
{
  adw_toast_overlay_add_toast (CP_WINDOW (toaster)->toast_overlay, toast);
}

/* A toast's button ("_Undo") is made by libadwaita as the toast shows, and GTK 4.8 would
 * name it "_Undo Undo" (see cp-a11y.c): each widget the overlay gains is mended then.
 * The overlay holds only the window's content and the toast on show, so following its
 * children costs little. */
static void
toast_widgets_changed_cb (GListModel *widgets,
                          guint       position,
                          guint       removed,
                          guint       added,
                          CpWindow   *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (widgets, i);

      cp_a11y_fix_names (widget);
    }
}

static void
cp_window_toaster_init (CpToasterInterface *iface)
{
  iface->add_toast = cp_window_add_toast;
  iface->begin_busy = _cp_window_toaster_begin_busy;
  iface->end_busy = _cp_window_toaster_end_busy;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_window_constructed (GObject *object)
{
  CpWindow *self = CP_WINDOW (object);
  g_autofree char *display_name = NULL;

  G_OBJECT_CLASS (cp_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  /* The subtitle names the workspace, never a person. */
  display_name = self->practice ? g_strdup (_("Practice workspace"))
                                : cp_store_dup_display_name (self->store);
  adw_window_title_set_subtitle (self->window_title, display_name);
  gtk_revealer_set_reveal_child (self->practice_revealer, self->practice);
  gtk_revealer_set_reveal_child (self->read_only_revealer, cp_store_get_read_only (self->store));
  show_store_warnings (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-practice", self->practice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-practice", self->practice);
  if (self->practice)
    gtk_widget_add_css_class (GTK_WIDGET (self), "practice");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-with-person", FALSE);
  add_section_row (self, "people", _("People"), "system-users-symbolic");
  add_section_row (self, "supervision", _("Supervision"), "emblem-documents-symbolic");
  add_section_row (self, "library", _("Library"), "accessories-dictionary-symbolic");

  g_signal_connect_object (self->store, "notify::can-undo",
                           G_CALLBACK (_cp_window_update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-redo",
                           G_CALLBACK (_cp_window_update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::read-only",
                           G_CALLBACK (store_read_only_cb), self, G_CONNECT_SWAPPED);
  _cp_window_update_undo_actions (self);

  /* GtkWindow:application is not a construct property: g_object_new sets it after this. */
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  application_set_cb (self);
  _cp_window_pack_init (self);
  _cp_window_init_workspace_actions (self);
}

static void
cp_window_show (GtkWidget *widget)
{
  CpWindow *self = CP_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->section_stack) == NULL)
    {
      g_autofree char *section = g_steal_pointer (&self->first_section);

      if (section != NULL)
        _cp_window_show_section (self, section);
      if (gtk_stack_get_visible_child (self->section_stack) == NULL)
        _cp_window_show_section (self, "people");
    }
  /* (before the parent's show, which styles and lays out the window) */
  GTK_WIDGET_CLASS (cp_window_parent_class)->show (widget);
}

static void
cp_window_dispose (GObject *object)
{
  CpWindow *self = CP_WINDOW (object);

  _cp_window_busy_dispose (self);
  g_clear_weak_pointer (&self->focus_before_facing);
  g_clear_object (&self->toast_widgets);
  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_WINDOW);
  G_OBJECT_CLASS (cp_window_parent_class)->dispose (object);
}

static void
cp_window_finalize (GObject *object)
{
  CpWindow *self = CP_WINDOW (object);

  _cp_window_pack_finalize (self);
  g_clear_object (&self->store);
  g_free (self->first_section);
  G_OBJECT_CLASS (cp_window_parent_class)->finalize (object);
}

static void
cp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PRACTICE:
      g_value_set_boolean (value, self->practice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PRACTICE:
      self->practice = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_window_class_init (CpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cp_window_constructed;
  object_class->dispose = cp_window_dispose;
  object_class->finalize = cp_window_finalize;
  object_class->get_property = cp_window_get_property;
  object_class->set_property = cp_window_set_property;
  widget_class->show = cp_window_show;
  window_class->close_request = cp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE] =
    g_param_spec_boolean ("practice", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, practice_revealer);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, section_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL, show_sections_action);
  gtk_widget_class_install_action (widget_class, "win.reset-practice", NULL,
                                   reset_practice_action);
  gtk_widget_class_install_action (widget_class, "win.leave-practice", NULL,
                                   leave_practice_action);
  gtk_widget_class_install_action (widget_class, "win.open-manual", "(ss)", open_manual_action);
  gtk_widget_class_install_action (widget_class, "win.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-warnings", NULL,
                                   dismiss_warnings_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  _cp_window_class_init_workspace_actions (widget_class);
  _cp_window_class_init_undo_actions (widget_class);
  _cp_window_class_init_pack_actions (widget_class);
}

static void
cp_window_init (CpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  cp_a11y_list_one_tab_stop (self->section_list);
  self->toast_widgets = gtk_widget_observe_children (GTK_WIDGET (self->toast_overlay));
  g_signal_connect_object (self->toast_widgets, "items-changed",
                           G_CALLBACK (toast_widgets_changed_cb), self, 0);
  cp_revealer_hide_child_when_closed (self->practice_revealer);
  cp_revealer_hide_child_when_closed (self->read_only_revealer);
  cp_revealer_hide_child_when_closed (self->warning_revealer);
  cp_revealer_hide_child_when_closed (self->busy_revealer);
  cp_menu_button_set_menu_model_on_open (self->primary_menu_button, self->primary_menu,
                                         NULL, NULL);
  _cp_window_busy_init (self);
  /* Side by side, the window buttons belong to the content's header bar. */
  g_object_bind_property (self->leaflet, "folded", self->sidebar_header,
                          "show-end-title-buttons", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self);
  self->recent_menu = g_menu_new ();
  g_menu_append_section (G_MENU (self->recent_submenu), NULL, G_MENU_MODEL (self->recent_menu));
  g_object_unref (self->recent_menu);
}

CpWindow *
cp_window_new (gpointer  application,
               CpStore  *store,
               gboolean  practice)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  return g_object_new (CP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "practice", practice,
                       NULL);
}

CpStore *
cp_window_get_store (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);
  return self->store;
}
