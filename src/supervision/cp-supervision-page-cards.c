/* cp-supervision-page-cards.c: the caseload as cards, one per person, when narrow
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision-page"

#include <glib/gi18n.h>

#include "cp-supervision-page-private.h"
#include "ui/cp-first-rows.h"

/* Cards made at a time: a card is some nine lines, so this is several screens. */
#define CARDS_STEP 40

static GtkWidget *
line_new (const char *text,
          gboolean    flagged)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (flagged)
    gtk_widget_add_css_class (label, "warning");
  return label;
}

/* A card: the person (initials or name) and case reference, then each column as a line
 * of words; a screen reader hears all of it as the row's name. */
static GtkWidget *
card_new (gpointer item,
          gpointer user_data)
{
  CpSupervisionPage *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *person = line_new (cp_supervision_caseload_item_get_person (item, self->show_names),
                                FALSE);
  GtkWidget *ref = line_new (cp_supervision_caseload_item_get_text (item, CP_CASELOAD_PERSON),
                             FALSE);
  g_autofree char *summary = cp_supervision_caseload_item_dup_summary (item, self->show_names);

  gtk_widget_add_css_class (person, "heading");
  gtk_widget_add_css_class (ref, "dim-label");
  gtk_box_append (GTK_BOX (heading), person);
  gtk_box_append (GTK_BOX (heading), ref);
  gtk_box_append (GTK_BOX (box), heading);
  for (guint c = CP_CASELOAD_PERSON + 1; c < CP_CASELOAD_N_COLUMNS; c++)
    {
      /* Translators: a card's line: a column's heading and its answer */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), cp_caseload_column_title (c),
                                               cp_supervision_caseload_item_get_text (item, c));

      gtk_box_append (GTK_BOX (box),
                      line_new (text, cp_supervision_caseload_item_get_flagged (item, c)));
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
  return row;
}

/* One tooltip for every card, asked for as it shows: a tooltip set on each card would
 * cost a round trip to the X server per card (GTK asks where the pointer is). */
static gboolean
cards_tooltip_cb (GtkWidget  *cards,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  if (!keyboard && gtk_list_box_get_row_at_y (GTK_LIST_BOX (cards), y) == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, _("Open in People"));
  return TRUE;
}

void
_cp_supervision_page_init_cards (CpSupervisionPage *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->cards), TRUE);
  g_signal_connect (self->cards, "query-tooltip", G_CALLBACK (cards_tooltip_cb), NULL);
}

void
_cp_supervision_page_bind_cards (CpSupervisionPage *self,
                                 GListModel        *model)
{
  if ((self->cards_rows != NULL) == (model != NULL))
    return;
  /* A GtkListBox makes a card for every item at once, some fifteen widgets each: for a
   * workspace of thousands the page would stop the window for many seconds. */
  if (model != NULL)
    self->cards_rows = cp_first_rows_new_growing (g_object_ref (model),
                                                  GTK_SCROLLED_WINDOW (self->cards_scroll),
                                                  CARDS_STEP);
  else
    g_clear_object (&self->cards_rows);
  gtk_list_box_bind_model (self->cards, (GListModel *) self->cards_rows,
                           model ? card_new : NULL, self, NULL);
}
