/* cp-netmap-page-summary.c: a map's numbers in words, with how each is worked out on
 * hover; facing the person, only counts and what is new
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>

#include "cp-netmap-page-private.h"
#include "cp-netmap-words.h"

static GtkWidget *
text (const char *words,
      const char *css)
{
  GtkWidget *label = gtk_label_new (words);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* "Family share   3 of 8 (38%), up 5 points", the formula on hover */
static void
add_measure (GtkBox                *box,
             CpNetmapMeasure        measure,
             const CpNetmapMetrics *metrics,
             const CpNetmapChange  *change)
{
  g_autofree char *value = cp_netmap_value_describe (measure, &metrics->values[measure]);
  g_autofree char *delta = change ? cp_netmap_delta_describe (measure, &change->delta[measure])
                                  : NULL;
  g_autofree char *shown = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = text (cp_netmap_measure_label (measure), NULL);
  GtkWidget *number;

  /* Translators: a number and its change since the map before, e.g. "8 (2 more)" */
  shown = delta ? g_strdup_printf (_("%s (%s)"), value, delta) : g_strdup (value);
  number = text (shown, "numeric");
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_set_hexpand (name, TRUE);
  /* Translators: how a number on the map is worked out, shown on hover */
  tooltip = g_strdup_printf (_("How it is worked out: %s"), cp_netmap_measure_formula (measure));
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip, -1);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), number);
  gtk_widget_set_name (row, "cp-measure");
  gtk_box_append (box, row);
}

static void
add_group (GtkBox                 *box,
           const char             *title,
           const CpNetmapMeasure  *measures,
           guint                   n,
           const CpNetmapMetrics  *metrics,
           const CpNetmapChange   *change)
{
  GtkWidget *h = text (title, "heading");

  gtk_widget_set_margin_top (h, 12);
  gtk_box_append (box, h);
  for (guint i = 0; i < n; i++)
    add_measure (box, measures[i], metrics, change);
}

static void
fill_practitioner (GtkBox               *box,
                   const CpNetmapMetrics *metrics,
                   CpNetmapChange        *change,
                   CpNetmapModel         *model,
                   CpNetmapModel         *previous,
                   const char            *previous_label,
                   gboolean               initials_only)
{
  static const CpNetmapMeasure size[] = {
    CP_NETMAP_MEASURE_SIZE, CP_NETMAP_MEASURE_CLOSEST, CP_NETMAP_MEASURE_IMPORTANT,
    CP_NETMAP_MEASURE_AROUND, CP_NETMAP_MEASURE_OUTER_ZONE, CP_NETMAP_MEASURE_PEOPLE,
    CP_NETMAP_MEASURE_PLACES, CP_NETMAP_MEASURE_ACTIVITIES, CP_NETMAP_MEASURE_DIED,
  };
  static const CpNetmapMeasure sectors[] = {
    CP_NETMAP_MEASURE_FAMILY, CP_NETMAP_MEASURE_FRIENDS, CP_NETMAP_MEASURE_NEIGHBOURS,
    CP_NETMAP_MEASURE_WORK, CP_NETMAP_MEASURE_GROUPS, CP_NETMAP_MEASURE_SERVICES,
    CP_NETMAP_MEASURE_SECTORS_PRESENT, CP_NETMAP_MEASURE_DIVERSITY,
  };
  static const CpNetmapMeasure shares[] = {
    CP_NETMAP_MEASURE_FAMILY_SHARE, CP_NETMAP_MEASURE_SERVICES_SHARE,
    CP_NETMAP_MEASURE_PAID_SHARE, CP_NETMAP_MEASURE_HARD_GOING_SHARE,
    CP_NETMAP_MEASURE_MET_THROUGH_US,
  };
  static const CpNetmapMeasure support[] = {
    CP_NETMAP_MEASURE_EMOTIONAL, CP_NETMAP_MEASURE_PRACTICAL, CP_NETMAP_MEASURE_INFORMATION,
    CP_NETMAP_MEASURE_COMPANY, CP_NETMAP_MEASURE_RECIPROCITY, CP_NETMAP_MEASURE_DENSITY,
    CP_NETMAP_MEASURE_STRESSFUL_TIES,
  };

  gtk_box_append (box, text (_("This Map in Numbers"), "title-4"));
  gtk_box_append (box, text (_("Hover over a number to see how it is worked out. In "
                               "brackets: the change since the map before."), "dim-label"));
  add_group (box, _("Size"), size, G_N_ELEMENTS (size), metrics, change);
  add_group (box, _("Sectors"), sectors, G_N_ELEMENTS (sectors), metrics, change);
  add_group (box, _("Shares"), shares, G_N_ELEMENTS (shares), metrics, change);
  add_group (box, _("Support and Ties"), support, G_N_ELEMENTS (support), metrics, change);

  if (change != NULL)
    {
      g_autoptr(GPtrArray) sentences = cp_netmap_change_sentences (change, previous, model,
                                                                   initials_only);
      g_autofree char *title = g_strdup_printf (_("Since %s"), previous_label);
      GtkWidget *h = text (title, "heading");

      gtk_widget_set_margin_top (h, 12);
      gtk_box_append (box, h);
      for (guint i = 0; i < sentences->len; i++)
        gtk_box_append (box, text (g_ptr_array_index (sentences, i), NULL));
    }
}

/* Facing the person: counts and what is new, in their words; no shares. */
static void
fill_facing (GtkBox                *box,
             const CpNetmapMetrics *metrics,
             CpNetmapChange        *change,
             CpNetmapModel         *model,
             const char            *previous_label)
{
  static const CpNetmapMeasure rings[] = {
    CP_NETMAP_MEASURE_CLOSEST, CP_NETMAP_MEASURE_IMPORTANT, CP_NETMAP_MEASURE_AROUND,
    CP_NETMAP_MEASURE_OUTER_ZONE,
  };
  guint n = (guint) metrics->values[CP_NETMAP_MEASURE_SIZE].value;
  g_autofree char *size = NULL;

  size = g_strdup_printf (ngettext ("%u person, place or activity is on your map.",
                                    "%u people, places and activities are on your map.", n), n);
  gtk_box_append (box, text (size, "title-4"));
  for (guint i = 0; i < G_N_ELEMENTS (rings); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %u", cp_netmap_measure_label (rings[i]),
                                               (guint) metrics->values[rings[i]].value);

      gtk_box_append (box, text (line, NULL));
    }
  if (change != NULL)
    {
      g_autofree char *names = cp_netmap_join_names (model, change->added, FALSE);
      g_autofree char *line = NULL;

      if (names != NULL)
        /* Translators: "New since Baseline: Ali and the library." */
        line = g_strdup_printf (_("New since %s: %s."), previous_label, names);
      else
        line = g_strdup_printf (_("Nothing new since %s."), previous_label);
      gtk_widget_set_margin_top (gtk_widget_get_last_child (GTK_WIDGET (box)), 0);
      gtk_box_append (box, text (line, NULL));
    }
}

void
_cp_netmap_summary_fill (GtkBox        *box,
                         CpNetmapModel *model,
                         CpNetmapModel *previous,
                         const char    *previous_label,
                         gboolean       facing,
                         gboolean       initials_only)
{
  g_autoptr(CpNetmapChange) change = NULL;
  CpNetmapMetrics metrics;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  if (previous != NULL)
    {
      change = cp_netmap_change_new (previous, model);
      metrics = change->after;
    }
  else
    cp_netmap_metrics_compute (model, &metrics);

  if (facing)
    fill_facing (box, &metrics, change, model, previous_label);
  else
    fill_practitioner (box, &metrics, change, model, previous, previous_label, initials_only);
}
