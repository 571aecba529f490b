/* cp-preferences-window.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-preferences"

#include <glib/gi18n.h>

#include "cp-preferences-window.h"
#include "store/cp-store.h"
#include "ui/cp-a11y.h"
#include "util/cp-platform.h"

struct _CpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *appearance_row;
  GtkSpinButton        *backup_days_spin;
  GtkSpinButton        *erase_days_spin;
  GtkSwitch            *support_details_switch;
  AdwActionRow         *encryption_row;
  GtkImage             *encryption_icon;
  GtkSwitch            *goal_scaling_switch;
  GtkSpinButton        *review_weeks_spin;
  GtkSpinButton        *map_weeks_spin;
  GtkSpinButton        *paused_weeks_spin;
  GtkSpinButton        *discussed_weeks_spin;
  AdwEntryRow          *team_phone_row;
  AdwEntryRow          *practitioner_role_row;
  GtkSwitch            *supervision_packs_switch;
};

G_DEFINE_FINAL_TYPE (CpPreferencesWindow, cp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (nick, "light") == 0)
    g_value_set_uint (value, 1);
  else if (g_strcmp0 (nick, "dark") == 0)
    g_value_set_uint (value, 2);
  else
    g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  static const char * const nicks[] = { "follow", "light", "dark" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (selected, 2)]);
}

static void
cp_preferences_window_finalize (GObject *object)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cp_preferences_window_parent_class)->finalize (object);
}

static void
cp_preferences_window_class_init (CpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cp_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, appearance_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, backup_days_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, erase_days_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow,
                                        support_details_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, encryption_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, encryption_icon);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, goal_scaling_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, review_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, map_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, paused_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, discussed_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, team_phone_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, practitioner_role_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow,
                                        supervision_packs_switch);
}

static void
cp_preferences_window_init (CpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));

  /* the controls inside rows are named as their rows, without the mnemonic */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_weeks_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weeks to the next review"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_weeks_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map out of date after (weeks)"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paused_weeks_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("“Paused” filter (weeks)"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->discussed_weeks_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("“Not discussed” filter (weeks)"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->team_phone_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team’s phone number"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->practitioner_role_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your role"), -1);
}

/* What to tell the user about the disk the workspace is on. */
static void
show_encryption (CpPreferencesWindow *self,
                 const char          *workspace_path)
{
  gboolean known = FALSE;
  gboolean encrypted = workspace_path != NULL
                       && cp_platform_path_is_encrypted (workspace_path, &known);

  if (encrypted)
    {
      adw_action_row_set_subtitle (self->encryption_row,
                                   _("The disk holding this workspace is encrypted."));
      return;
    }
  gtk_image_set_from_icon_name (self->encryption_icon, "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->encryption_icon), "warning");
  adw_action_row_set_subtitle (self->encryption_row,
                               known ? _("The disk holding this workspace is not encrypted. "
                                         "Before keeping a real caseload here, ask your IT "
                                         "team to turn on full-disk encryption and to confirm "
                                         "this device is approved for health records.")
                                     : _("Could not tell whether the disk holding this "
                                         "workspace is encrypted. Ask your IT team whether "
                                         "full-disk encryption is on before keeping a real "
                                         "caseload here."));
}

CpPreferencesWindow *
cp_preferences_window_new (GSettings  *settings,
                           const char *workspace_path)
{
  CpPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CP_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "color-scheme", self->appearance_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                NULL, NULL);
  g_settings_bind (settings, "backup-days",
                   gtk_spin_button_get_adjustment (self->backup_days_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "erase-after-days",
                   gtk_spin_button_get_adjustment (self->erase_days_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "record-support-details", self->support_details_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "goal-scaling", self->goal_scaling_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "review-weeks",
                   gtk_spin_button_get_adjustment (self->review_weeks_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "supervision-map-weeks",
                   gtk_spin_button_get_adjustment (self->map_weeks_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "supervision-paused-weeks",
                   gtk_spin_button_get_adjustment (self->paused_weeks_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "supervision-discussed-weeks",
                   gtk_spin_button_get_adjustment (self->discussed_weeks_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "team-phone", self->team_phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "practitioner-role", self->practitioner_role_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "supervision-packs", self->supervision_packs_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  show_encryption (self, workspace_path);
  return self;
}
