/* cp-goal-form.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-form"

#include <glib/gi18n.h>

#include "goals/cp-goal-words.h"
#include "store/cp-store-netmap.h"
#include "cp-goal-form.h"

void
cp_goal_form_set_message (GtkWidget  *field,
                          GtkWidget  *message_row,
                          GtkLabel   *message,
                          const char *text)
{
  gtk_label_set_text (message, text ? text : "");
  gtk_widget_set_visible (message_row, text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

GtkWidget *
cp_goal_form_row_button (const char *icon,
                         const char *label,
                         const char *action,
                         gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

void
cp_goal_form_set_text (GtkEditable *editable,
                       const char  *text)
{
  /* What is saved is stripped (cp_goal_form_dup_text ()): a space just typed is no change,
   * and setting the text would drop it and send the cursor to the start. */
  g_autofree char *shown = cp_goal_form_dup_text (editable);

  if (g_strcmp0 (shown, text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

char *
cp_goal_form_dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

gboolean
cp_goal_form_parse_weight (const char *text,
                           int        *out_value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  guint64 value;

  if (*copy == '\0')
    {
      *out_value = CP_GOAL_NOT_SET;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 3, &value, NULL))
    return FALSE;
  *out_value = (int) value;
  return TRUE;
}

char *
cp_goal_form_format_weight (int value)
{
  if (value == CP_GOAL_NOT_SET)
    return g_strdup ("");
  return g_strdup_printf ("%d", value);
}

void
cp_goal_form_load_members (CpStore        *store,
                           gint64          person_id,
                           GArray         *skip,
                           GtkStringList **names,
                           GArray        **lineages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 snapshot = 0;
  guint i, j;

  *names = gtk_string_list_new (NULL);
  *lineages = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!cp_store_get_current_snapshot (store, person_id, &snapshot, &error) || snapshot == 0)
    return;
  model = cp_store_load_snapshot (store, snapshot, &error);
  if (model == NULL)
    {
      g_warning ("Could not read the current map: %s", error->message);
      return;
    }
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *member = cp_netmap_model_get_member (model, i);
      gboolean skipped = FALSE;

      for (j = 0; skip != NULL && j < skip->len; j++)
        skipped |= g_array_index (skip, gint64, j) == member->lineage;
      if (skipped)
        continue;
      gtk_string_list_append (*names, member->name);
      g_array_append_val (*lineages, member->lineage);
    }
}

static gboolean
same_members (GListModel *old_names,
              GArray     *old_lineages,
              GListModel *names,
              GArray     *lineages)
{
  guint i;

  if (old_names == NULL || old_lineages == NULL || old_lineages->len != lineages->len
      || g_list_model_get_n_items (old_names) != g_list_model_get_n_items (names))
    return FALSE;
  for (i = 0; i < lineages->len; i++)
    {
      g_autoptr(GtkStringObject) a = g_list_model_get_item (old_names, i);
      g_autoptr(GtkStringObject) b = g_list_model_get_item (names, i);

      if (g_array_index (old_lineages, gint64, i) != g_array_index (lineages, gint64, i)
          || g_strcmp0 (gtk_string_object_get_string (a), gtk_string_object_get_string (b)) != 0)
        return FALSE;
    }
  return TRUE;
}

void
cp_goal_form_set_members (AdwComboRow    *row,
                          GArray        **current,
                          GtkStringList  *names,
                          GArray         *lineages)
{
  gboolean same = same_members (adw_combo_row_get_model (row), *current,
                                G_LIST_MODEL (names), lineages);

  g_clear_pointer (current, g_array_unref);
  *current = lineages;
  if (!same)
    adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

const char *
cp_goal_form_owner_label (CpStepOwner owner,
                          gboolean    with_person)
{
  if (!with_person)
    return cp_step_owner_label (owner);
  switch (owner)
    {
    case CP_STEP_OWNER_PERSON:
      return _("Me");
    case CP_STEP_OWNER_PRACTITIONER:
      return _("My worker");
    case CP_STEP_OWNER_TOGETHER:
      return _("Me and my worker together");
    case CP_STEP_OWNER_SOMEONE:
      return _("Someone else");
    case CP_STEP_OWNER_MEMBER:
    default:
      return _("Someone on my map");
    }
}

char *
cp_goal_form_describe_member (const char     *name,
                              CpLineageState  state)
{
  if (state == CP_LINEAGE_ON_CURRENT_MAP)
    return g_strdup (name);
  if (name == NULL)
    return g_strdup (_("Someone no longer on the map"));
  /* Translators: a member of the person's network map who has since been taken off it */
  return g_strdup_printf (_("%s — no longer on the map"), name);
}

char *
cp_goal_form_describe_owner (const CpStepInfo *step,
                             gboolean          with_person)
{
  if (step->owner == CP_STEP_OWNER_MEMBER)
    return cp_goal_form_describe_member (step->owner_name, step->owner_state);
  if (step->owner == CP_STEP_OWNER_SOMEONE && step->owner_role != NULL
      && *step->owner_role != '\0')
    return g_strdup (step->owner_role);
  return g_strdup (cp_goal_form_owner_label (step->owner, with_person));
}
