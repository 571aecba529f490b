/* cp-netmap-page-list.c: list entry: the map's members as a table typed by keyboard
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cp-netmap-layout.h"
#include "cp-netmap-page-private.h"

/* Each row is a name, a sector, a ring and a kind, all typed: a sector as its first
 * letters ("fr" friends, "serv" services & paid support) or its number 1–6 clockwise
 * from family & home; a ring as 1 (closest to me) to 4 (I'd like / lost touch) or its
 * first letters; a kind as "person", "place" or "activity" or their first letters.
 * Tab goes along the row; Enter adds the new row and starts the next one, keeping its
 * sector, ring and kind, so people of one sector are a name and Enter each. A field
 * that says nothing known is marked, and the row is not added until it does. Existing
 * members are edited in place: a change is saved when Enter is pressed or the field is
 * left. */

enum { COL_NAME, COL_SECTOR, COL_RING, COL_KIND, N_COLS };

struct _CpNetmapList
{
  CpNetmapPage *page;
  GtkGrid      *grid;           /* the members, a header row first */
  GtkEntry     *fresh[N_COLS];  /* the new row */
  GtkSizeGroup *columns[N_COLS];
  guint         rebuild_id;
};

/* ---- Reading what was typed ------------------------------------------------------------- */

static gboolean
starts_with_casefold (const char *label,
                      const char *typed)
{
  g_autofree char *l = g_utf8_casefold (label, -1);
  g_autofree char *t = g_utf8_casefold (typed, -1);

  return g_str_has_prefix (l, t);
}

/* The index typed into a field of @column (0-based), or -1 */
static int
parse (int         column,
       const char *typed)
{
  g_autofree char *t = g_strstrip (g_strdup (typed ? typed : ""));
  char *end = NULL;
  long number;
  int n = column == COL_SECTOR ? CP_NETMAP_N_SECTORS
          : column == COL_RING ? CP_NETMAP_N_RINGS : CP_NETMAP_N_KINDS;

  if (t[0] == '\0')
    return -1;
  number = strtol (t, &end, 10);
  if (end != t && *end == '\0')
    return number >= 1 && number <= n ? (int) number - 1 : -1;
  for (int i = 0; i < n; i++)
    {
      const char *label = column == COL_SECTOR ? cp_netmap_sector_label (i)
                          : column == COL_RING ? cp_netmap_ring_label (i + 1)
                          : cp_netmap_kind_label (i);

      if (starts_with_casefold (label, t))
        return i;
    }
  /* the outer zone by its everyday name too */
  if (column == COL_RING && starts_with_casefold (_("outer"), t))
    return CP_NETMAP_RING_OUTER - 1;
  return -1;
}

static const char *
word (int column,
      int index)
{
  return column == COL_SECTOR ? cp_netmap_sector_label (index)
         : column == COL_RING ? cp_netmap_ring_label (index + 1)
         : cp_netmap_kind_label (index);
}

/* Marks a field that says nothing known; TRUE when it is good. */
static gboolean
check_field (GtkEntry *entry,
             int       column)
{
  gboolean good = column == COL_NAME
                  || parse (column, gtk_editable_get_text (GTK_EDITABLE (entry))) >= 0;

  if (good)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return good;
}

/* "fr" becomes "friends" when the field is left */
static void
complete_field (GtkEntry *entry,
                int       column)
{
  int i;

  if (column == COL_NAME)
    return;
  i = parse (column, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (i >= 0 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), word (column, i)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), word (column, i));
}

/* ---- The new row ------------------------------------------------------------------------ */

static void
add_fresh (CpNetmapList *list)
{
  CpNetmapPage *page = list->page;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (list->fresh[COL_NAME]))));
  g_autoptr(GError) error = NULL;
  CpNetmapMember m = { 0 };
  gboolean good = TRUE;

  for (int c = COL_SECTOR; c < N_COLS; c++)
    good = check_field (list->fresh[c], c) && good;
  if (name[0] == '\0' || !good || page->snapshot_id == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (list->fresh[COL_NAME]));
      return;
    }
  m.name = name;
  m.sector = parse (COL_SECTOR, gtk_editable_get_text (GTK_EDITABLE (list->fresh[COL_SECTOR])));
  m.ring = parse (COL_RING, gtk_editable_get_text (GTK_EDITABLE (list->fresh[COL_RING]))) + 1;
  m.kind = parse (COL_KIND, gtk_editable_get_text (GTK_EDITABLE (list->fresh[COL_KIND])));
  m.angle = CP_STORE_FREE_SPOT;
  m.depth = 0.5;
  if (!_cp_netmap_page_edited (page, cp_store_add_member_full (page->store, page->snapshot_id,
                                                               &m, &error) != 0, error))
    return;
  for (int c = COL_SECTOR; c < N_COLS; c++)
    complete_field (list->fresh[c], c);
  gtk_editable_set_text (GTK_EDITABLE (list->fresh[COL_NAME]), "");
  gtk_widget_grab_focus (GTK_WIDGET (list->fresh[COL_NAME]));
}

static void
fresh_activate_cb (GtkEntry     *entry,
                   CpNetmapList *list)
{
  add_fresh (list);
}

static void
fresh_leave_cb (GtkEventControllerFocus *focus,
                CpNetmapList            *list)
{
  GtkEntry *entry = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "cp-column"));

  if (column != COL_NAME && check_field (entry, column))
    complete_field (entry, column);
}

/* ---- Existing members ------------------------------------------------------------------- */

static void
commit_row_field (CpNetmapList *list,
                  GtkEntry     *entry)
{
  CpNetmapPage *page = list->page;
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "cp-column"));
  gint64 lineage = *(gint64 *) g_object_get_data (G_OBJECT (entry), "cp-lineage");
  CpNetmapMember *m = page->model ? cp_netmap_model_find (page->model, lineage) : NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int i;

  if (m == NULL || page->updating || !gtk_editable_get_editable (GTK_EDITABLE (entry)))
    return;
  if (column == COL_NAME)
    {
      name = g_strstrip (g_strdup (typed));
      if (name[0] != '\0' && g_strcmp0 (name, m->name) != 0)
        _cp_netmap_page_edited (page, cp_store_rename_member (page->store, m->id, name, &error),
                                error);
      return;
    }
  if (!check_field (entry, column))
    return;
  i = parse (column, typed);
  complete_field (entry, column);
  if (column == COL_KIND && i != (int) m->kind)
    _cp_netmap_page_edited (page, cp_store_set_member_kind (page->store, m->id, i, &error), error);
  else if (column == COL_SECTOR && i != (int) m->sector)
    _cp_netmap_page_edited (page, cp_store_move_member (page->store, m->id, i, m->ring,
                                                        CP_STORE_FREE_SPOT, 0.5, &error), error);
  else if (column == COL_RING && i + 1 != m->ring)
    _cp_netmap_page_edited (page, cp_store_move_member (page->store, m->id, m->sector, i + 1,
                                                        CP_STORE_FREE_SPOT, 0.5, &error), error);
}

static void
row_activate_cb (GtkEntry     *entry,
                 CpNetmapList *list)
{
  commit_row_field (list, entry);
}

static void
row_leave_cb (GtkEventControllerFocus *focus,
              CpNetmapList            *list)
{
  commit_row_field (list,
                    GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static const char *
column_name (int column)
{
  switch (column)
    {
    case COL_NAME:
      return _("Name");
    case COL_SECTOR:
      return _("Sector");
    case COL_RING:
      return _("Ring");
    default:
      return _("Kind");
    }
}

static GtkEntry *
field (CpNetmapList *list,
       int           column,
       const char   *text,
       const char   *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  g_object_set_data (G_OBJECT (entry), "cp-column", GINT_TO_POINTER (column));
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), column == COL_NAME ? 8 : 5);
  gtk_widget_set_hexpand (entry, column == COL_NAME || column == COL_SECTOR);
  _cp_netmap_page_label (entry, accessible);
  gtk_size_group_add_widget (list->columns[column], entry);
  return GTK_ENTRY (entry);
}

static void
rebuild (CpNetmapList *list)
{
  CpNetmapPage *page = list->page;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list->grid));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gint64 focus_lineage = 0;
  int focus_column = -1;
  gboolean initials = cp_netmap_view_get_initials_only (page->view);
  GtkWidget *child;
  int row = 1;

  /* The focus may be in a text field inside an entry: find the entry. */
  while (focus != NULL && !GTK_IS_ENTRY (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list->grid)))
    {
      focus_lineage = *(gint64 *) g_object_get_data (G_OBJECT (focus), "cp-lineage");
      focus_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "cp-column"));
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list->grid))) != NULL)
    gtk_grid_remove (list->grid, child);
  for (int c = 0; c < N_COLS; c++)
    {
      GtkWidget *h = gtk_label_new (column_name (c));

      gtk_label_set_xalign (GTK_LABEL (h), 0);
      gtk_widget_add_css_class (h, "heading");
      gtk_grid_attach (list->grid, h, c, 0, 1, 1);
    }
  for (guint i = 0; page->model != NULL && i < cp_netmap_model_get_n_members (page->model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (page->model, i);
      g_autofree char *name = initials ? cp_netmap_initials (m->name) : g_strdup (m->name);
      const char *texts[N_COLS] = {
        name, cp_netmap_sector_label (m->sector), cp_netmap_ring_label (m->ring),
        cp_netmap_kind_label (m->kind),
      };

      for (int c = 0; c < N_COLS; c++)
        {
          /* Translators: a field of list entry, e.g. "Sector of Sam" */
          g_autofree char *a11y = g_strdup_printf (_("%s of %s"), column_name (c), name);
          GtkEntry *e = field (list, c, texts[c], a11y);
          GtkEventController *leave = gtk_event_controller_focus_new ();

          g_object_set_data_full (G_OBJECT (e), "cp-lineage",
                                  g_memdup2 (&m->lineage, sizeof m->lineage), g_free);
          gtk_editable_set_editable (GTK_EDITABLE (e), !(initials && c == COL_NAME)
                                                       && !cp_store_get_read_only (page->store));
          g_signal_connect (e, "activate", G_CALLBACK (row_activate_cb), list);
          g_signal_connect (leave, "leave", G_CALLBACK (row_leave_cb), list);
          gtk_widget_add_controller (GTK_WIDGET (e), leave);
          gtk_grid_attach (list->grid, GTK_WIDGET (e), c, row, 1, 1);
          if (m->lineage == focus_lineage && c == focus_column)
            {
              gtk_widget_grab_focus (GTK_WIDGET (e));
              gtk_editable_set_position (GTK_EDITABLE (e), -1);
            }
        }
      row++;
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  CpNetmapList *list = data;

  list->rebuild_id = 0;
  rebuild (list);
  return G_SOURCE_REMOVE;
}

void
_cp_netmap_list_update (CpNetmapList *list)
{
  if (list == NULL || !gtk_widget_get_visible (list->page->list_scroller) || list->rebuild_id)
    return;
  /* Not now: this may run inside a field's own signal. */
  list->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, list, NULL);
}

void
_cp_netmap_list_flush (CpNetmapList *list)
{
  if (list != NULL && list->rebuild_id != 0)
    {
      g_clear_handle_id (&list->rebuild_id, g_source_remove);
      rebuild (list);
    }
}

void
_cp_netmap_list_focus_new (CpNetmapList *list)
{
  gtk_widget_grab_focus (GTK_WIDGET (list->fresh[COL_NAME]));
}

CpNetmapList *
_cp_netmap_list_new (CpNetmapPage *page)
{
  CpNetmapList *list = g_new0 (CpNetmapList, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fresh = gtk_grid_new ();
  GtkWidget *hint, *heading;
  const char *defaults[N_COLS] = {
    "", cp_netmap_sector_label (CP_NETMAP_SECTOR_FAMILY),
    cp_netmap_ring_label (CP_NETMAP_RING_CLOSEST), cp_netmap_kind_label (CP_NETMAP_KIND_PERSON),
  };
  const char *placeholders[N_COLS] = {
    N_("Name"), N_("Sector or 1–6"), N_("Ring or 1–4"), N_("Kind"),
  };

  list->page = page;
  for (int c = 0; c < N_COLS; c++)
    list->columns[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);

  heading = gtk_label_new (_("Add to the Map"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_grid_set_column_spacing (GTK_GRID (fresh), 6);
  for (int c = 0; c < N_COLS; c++)
    {
      /* Translators: a field of list entry's new row, e.g. "New member: sector" */
      g_autofree char *a11y = g_strdup_printf (_("New member: %s"), column_name (c));
      GtkEventController *leave = gtk_event_controller_focus_new ();

      list->fresh[c] = field (list, c, defaults[c], a11y);
      gtk_entry_set_placeholder_text (list->fresh[c], _(placeholders[c]));
      g_signal_connect (list->fresh[c], "activate", G_CALLBACK (fresh_activate_cb), list);
      g_signal_connect (leave, "leave", G_CALLBACK (fresh_leave_cb), list);
      gtk_widget_add_controller (GTK_WIDGET (list->fresh[c]), leave);
      gtk_grid_attach (GTK_GRID (fresh), GTK_WIDGET (list->fresh[c]), c, 0, 1, 1);
    }
  gtk_widget_set_name (GTK_WIDGET (list->fresh[COL_NAME]), "cp-list-new-name");
  gtk_box_append (GTK_BOX (box), fresh);
  hint = gtk_label_new (_("Type a name, then Tab to the sector (its first letters or 1–6), "
                          "the ring (1 closest to me … 4 I’d like / lost touch) and the kind. "
                          "Enter adds it and starts the next row."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  list->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (list->grid, 6);
  gtk_grid_set_row_spacing (list->grid, 4);
  gtk_widget_set_margin_top (GTK_WIDGET (list->grid), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list->grid));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page->list_scroller), box);
  gtk_widget_set_sensitive (fresh, !cp_store_get_read_only (page->store));
  return list;
}

void
_cp_netmap_list_free (CpNetmapList *list)
{
  g_clear_handle_id (&list->rebuild_id, g_source_remove);
  for (int c = 0; c < N_COLS; c++)
    g_clear_object (&list->columns[c]);
  g_free (list);
}
