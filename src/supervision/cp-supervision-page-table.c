/* cp-supervision-page-table.c: the caseload as a table, and how it is sorted
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision-page"

#include <glib/gi18n.h>

#include "cp-supervision-page-private.h"
#include "ui/cp-a11y.h"
#include "ui/cp-first-rows.h"

/* Each cell shows up to this many lines, so every row is as tall (the person's cell is
 * shorter: initials or name, then the case reference); a longer text ends in "…" and
 * says itself whole in a tooltip (query_tooltip_cb). Cells are inscriptions: they are
 * measured by these lines and their width in characters, not by laying out their text. */
#define CELL_LINES 3

/* A row's height beyond its lines (the cell's padding), in pixels, at least. */
#define ROW_PADDING 8

/* How narrow each column may be, in characters (it takes 6 more if there is room). */
static const int column_chars[CP_CASELOAD_N_COLUMNS] = { 12, 10, 14, 6, 10, 14, 11, 11 };

typedef struct
{
  CpSupervisionPage *self;
  CpCaseloadColumn   column;
} Column;

/* ---- Cells ---------------------------------------------------------------------------- */

static GtkWidget *
cell_text_new (int chars,
               int lines)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  gtk_inscription_set_xalign (text, 0);
  gtk_inscription_set_wrap_mode (text, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (text, chars);
  gtk_inscription_set_nat_chars (text, chars + 6);
  gtk_inscription_set_min_lines (text, lines);
  gtk_inscription_set_nat_lines (text, lines);
  return GTK_WIDGET (text);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  int chars = column_chars[column->column];

  if (column->column == CP_CASELOAD_PERSON)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = cell_text_new (chars, 1);
      GtkWidget *ref = cell_text_new (chars, 1);

      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (ref, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), ref);
      gtk_list_item_set_child (list_item, box);
    }
  else
    gtk_list_item_set_child (list_item, cell_text_new (chars, CELL_LINES));
}

/* GTK 4.8 cannot name a table's row (each cell is a child of it): the row takes the
 * summary of the person, so a screen reader moving from row to row hears it. */
static void
label_row (GtkWidget  *cell_child,
           const char *label)
{
  for (GtkWidget *w = gtk_widget_get_parent (cell_child); w != NULL && !GTK_IS_COLUMN_VIEW (w);
       w = gtk_widget_get_parent (w))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w));

      if ((role == GTK_ACCESSIBLE_ROLE_ROW || role == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
          && gtk_widget_get_focusable (w))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          return;
        }
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  CpSupervisionCaseloadItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const char *text = cp_supervision_caseload_item_get_text (item, column->column);
  gboolean names = column->self->show_names;

  if (column->column == CP_CASELOAD_PERSON)
    {
      g_autofree char *summary = cp_supervision_caseload_item_dup_summary (item, names);

      gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_first_child (child)),
                                cp_supervision_caseload_item_get_person (item, names));
      gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_last_child (child)), text);
      label_row (child, summary);
      return;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (cp_supervision_caseload_item_get_flagged (item, column->column))
    gtk_widget_add_css_class (child, "warning");
  else
    gtk_widget_remove_css_class (child, "warning");
}

/* A cell's text whole, when it may not fit its lines at the column's narrowest. One
 * handler on the table, not a tooltip per cell: setting a tooltip on a cell already on
 * screen makes GTK query the pointer again, and the first frame would pay that for
 * every cell. */
static gboolean
query_tooltip_cb (GtkWidget  *table,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkWidget *w = keyboard ? NULL : gtk_widget_pick (table, x, y, GTK_PICK_DEFAULT);
  GtkInscription *cell;
  const char *text;

  while (w != NULL && w != table && !GTK_IS_INSCRIPTION (w))
    w = gtk_widget_get_parent (w);
  if (w == NULL || !GTK_IS_INSCRIPTION (w))
    return FALSE;   /* by keyboard, a row says itself whole to a screen reader (label_row) */
  cell = GTK_INSCRIPTION (w);
  text = gtk_inscription_get_text (cell);
  if (text == NULL || gtk_inscription_get_min_lines (cell) < CELL_LINES
      || (guint) g_utf8_strlen (text, -1) <= CELL_LINES * gtk_inscription_get_min_chars (cell))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- Sorting -------------------------------------------------------------------------- */

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Column *column = user_data;

  return cp_supervision_caseload_item_compare ((gpointer) a, (gpointer) b, column->column,
                                               column->self->show_names);
}

/* GTK 4.8 does not say which column a table sorts by. Each column is tried with two
 * items it orders one way and every other column the other way: the sorter orders them
 * the odd way round only for the column it sorts by first. */
static gboolean
sorted_by (CpSupervisionPage *self,
           CpCaseloadColumn  *column,
           gboolean          *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->table);
  GtkOrdering order[CP_CASELOAD_N_COLUMNS];
  guint n_smaller = 0;

  for (guint c = 0; c < CP_CASELOAD_N_COLUMNS; c++)
    {
      g_autoptr(CpSupervisionCaseloadItem) low = NULL;
      g_autoptr(CpSupervisionCaseloadItem) high = NULL;

      _cp_supervision_caseload_item_probes (c, &low, &high);
      order[c] = gtk_sorter_compare (sorter, low, high);
      if (order[c] == GTK_ORDERING_EQUAL)
        return FALSE;
      n_smaller += order[c] == GTK_ORDERING_SMALLER;
    }
  /* one SMALLER among LARGER ones: that column, ascending; one LARGER: descending */
  for (guint c = 0; c < CP_CASELOAD_N_COLUMNS; c++)
    if ((n_smaller == 1 && order[c] == GTK_ORDERING_SMALLER)
        || (n_smaller == CP_CASELOAD_N_COLUMNS - 1 && order[c] == GTK_ORDERING_LARGER))
      {
        *column = c;
        *descending = order[c] == GTK_ORDERING_LARGER;
        return TRUE;
      }
  return FALSE;
}

void
_cp_supervision_page_sort_shown (CpSupervisionPage *self)
{
  CpCaseloadColumn column;
  gboolean descending;

  if (self->sorting || self->table == NULL || !sorted_by (self, &column, &descending))
    return;
  self->sorting = TRUE;
  gtk_drop_down_set_selected (self->sort_by, column);
  gtk_toggle_button_set_active (self->reverse_button, descending);
  self->sorting = FALSE;
}

void
_cp_supervision_page_sort_chosen (CpSupervisionPage *self)
{
  guint column = gtk_drop_down_get_selected (self->sort_by);

  if (self->sorting || column >= CP_CASELOAD_N_COLUMNS)
    return;
  self->sorting = TRUE;
  gtk_column_view_sort_by_column (self->table, self->columns[column],
                                  gtk_toggle_button_get_active (self->reverse_button)
                                  ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->sorting = FALSE;
}

static void
sorter_changed_cb (CpSupervisionPage *self)
{
  _cp_supervision_page_sort_shown (self);
}

void
_cp_supervision_page_names_changed (CpSupervisionPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  /* the person column sorts by what it shows, and every column falls back on it */
  for (guint c = 0; c < CP_CASELOAD_N_COLUMNS; c++)
    gtk_sorter_changed (gtk_column_view_column_get_sorter (self->columns[c]),
                        GTK_SORTER_CHANGE_DIFFERENT);
  /* each row and card shows its person anew */
  g_list_model_items_changed (G_LIST_MODEL (self->items), 0, n, n);
}

/* As the page is first shown: GTK 4.8's table makes and measures a row for every item
 * of a short list before its first frame (60 rows cost three times what one screen
 * does), so the first frame has the rows the window can show, the rest come in the
 * next (cp-first-rows.c). */
void
_cp_supervision_page_fit_first_rows (CpSupervisionPage *self)
{
  cp_first_rows_fit (self->first_rows, GTK_WIDGET (self), CELL_LINES, ROW_PADDING);
}

/* ---- Headings ------------------------------------------------------------------------- */

/* The short headings say the question in full as a tooltip and to a screen reader. GTK
 * 4.8 gives no way to a heading but through the table's children: the heading row, then
 * one heading per column. */
static void
describe_headings (CpSupervisionPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->table));
  guint c = 0;

  if (header == NULL || g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL && c < CP_CASELOAD_N_COLUMNS;
       title = gtk_widget_get_next_sibling (title), c++)
    {
      gtk_widget_set_tooltip_text (title, cp_caseload_column_question (c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cp_caseload_column_title (c),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      cp_caseload_column_question (c), -1);
    }
}

/* ---- Set-up --------------------------------------------------------------------------- */

void
_cp_supervision_page_init_table (CpSupervisionPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkSorter *sorter;

  for (guint c = 0; c < CP_CASELOAD_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      Column *column = g_new (Column, 1);
      g_autoptr(GtkSorter) column_sorter = NULL;

      column->self = self;
      column->column = c;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);
      column_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, column, g_free));
      self->columns[c] = gtk_column_view_column_new (cp_caseload_column_title (c), factory);
      gtk_column_view_column_set_sorter (self->columns[c], column_sorter);
      gtk_column_view_column_set_resizable (self->columns[c], TRUE);
      gtk_column_view_column_set_expand (self->columns[c], c != CP_CASELOAD_COMMUNITY);
      gtk_column_view_append_column (self->table, self->columns[c]);
      g_object_unref (self->columns[c]);
      gtk_string_list_append (titles, cp_caseload_column_title (c));
    }
  describe_headings (self);
  cp_a11y_name_inner_lists (GTK_WIDGET (self->table), _("Caseload"));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->table), TRUE);
  g_signal_connect (self->table, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  sorter = gtk_column_view_get_sorter (self->table);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->first_rows = cp_first_rows_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (sorter, "changed", G_CALLBACK (sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Most pressing first: reviews overdue, then the next due. */
  self->sorting = TRUE;
  gtk_drop_down_set_model (self->sort_by, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->sort_by, CP_CASELOAD_REVIEW);
  self->sorting = FALSE;
  _cp_supervision_page_sort_chosen (self);
}
