/* cp-netmap-page-panel.c: the network page's side panel: the chosen member's details
 * (saved as they change, each change one undo step), or the map's numbers in words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>

#include "cp-netmap-layout.h"
#include "cp-netmap-page-private.h"
#include "ui/cp-autosave.h"

struct _CpNetmapPanel
{
  CpNetmapPage   *page;
  GtkStack       *stack;
  GtkBox         *summary_box;

  gint64          lineage;        /* the member shown, or 0 */
  gint64          member_id;
  guint           name_timeout;
  gint64          name_member;    /* whose name waits to be saved */
  guint           notes_timeout;
  gint64          notes_member;

  GtkLabel       *title;
  GtkWidget      *name_label;
  GtkEntry       *name;
  GtkDropDown    *kind;
  GtkDropDown    *sector;
  GtkDropDown    *ring;
  GtkCheckButton *helps;
  GtkCheckButton *hard;
  GtkCheckButton *more;
  GtkCheckButton *met;
  GtkCheckButton *online;
  GtkCheckButton *died;
  GtkCheckButton *caution;        /* NULL facing the person */
  GtkTextView    *notes;          /* NULL facing the person */
  GtkWidget      *details_box;
  GtkDropDown    *frequency;
  GtkDropDown    *years;
  GtkCheckButton *support[CP_NETMAP_N_SUPPORTS];
  GtkDropDown    *direction;
  GtkDropDown    *paid;
  GtkBox         *ties_box;
  GtkDropDown    *tie_member;
  GtkDropDown    *tie_strength;
  GArray         *tie_choices;    /* lineages, in tie_member's order */
};

static CpNetmapMember *
shown (CpNetmapPanel *panel)
{
  CpNetmapModel *model = panel->page->model;

  return model && panel->lineage ? cp_netmap_model_find (model, panel->lineage) : NULL;
}

static gboolean
quiet (CpNetmapPanel *panel)
{
  return panel->page->updating || shown (panel) == NULL;
}

/* ---- Saving ---------------------------------------------------------------------------- */

static void
save_name (gpointer data)
{
  CpNetmapPanel *panel = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (panel->name))));
  gint64 id = panel->name_member;

  panel->name_timeout = 0;
  panel->name_member = 0;
  if (id == 0 || name[0] == '\0')
    return;
  _cp_netmap_page_edited (panel->page, cp_store_rename_member (panel->page->store, id, name,
                                                               &error), error);
}

static void
name_changed_cb (GtkEditable   *editable,
                 CpNetmapPanel *panel)
{
  if (quiet (panel))
    return;
  panel->name_member = panel->member_id;
  cp_autosave_restart (&panel->name_timeout, save_name, panel);
}

static char *
notes_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_notes (gpointer data)
{
  CpNetmapPanel *panel = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = notes_text (panel->notes);
  gint64 id = panel->notes_member;

  panel->notes_timeout = 0;
  panel->notes_member = 0;
  if (id == 0)
    return;
  _cp_netmap_page_edited (panel->page, cp_store_set_member_notes (panel->page->store, id, text,
                                                                  &error), error);
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  CpNetmapPanel *panel)
{
  if (quiet (panel))
    return;
  panel->notes_member = panel->member_id;
  cp_autosave_restart (&panel->notes_timeout, save_notes, panel);
}

void
_cp_netmap_panel_flush (CpNetmapPanel *panel)
{
  if (panel->name_timeout != 0)
    {
      g_clear_handle_id (&panel->name_timeout, g_source_remove);
      save_name (panel);
    }
  if (panel->notes_timeout != 0)
    {
      g_clear_handle_id (&panel->notes_timeout, g_source_remove);
      save_notes (panel);
    }
}

static void
place_changed_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  CpNetmapPanel *panel)
{
  g_autoptr(GError) error = NULL;
  CpNetmapMember *m = shown (panel);
  CpNetmapSector sector;
  int ring;

  if (quiet (panel))
    return;
  sector = gtk_drop_down_get_selected (panel->sector);
  ring = (int) gtk_drop_down_get_selected (panel->ring) + 1;
  if (sector == m->sector && ring == m->ring)
    return;
  _cp_netmap_page_edited (panel->page,
                          cp_store_move_member (panel->page->store, panel->member_id, sector,
                                                ring, CP_STORE_FREE_SPOT, 0.5, &error), error);
}

static void
kind_changed_cb (GtkDropDown   *dropdown,
                 GParamSpec    *pspec,
                 CpNetmapPanel *panel)
{
  g_autoptr(GError) error = NULL;

  if (quiet (panel))
    return;
  _cp_netmap_page_edited (panel->page,
                          cp_store_set_member_kind (panel->page->store, panel->member_id,
                                                    gtk_drop_down_get_selected (dropdown),
                                                    &error), error);
}

static void
chips_toggled_cb (GtkCheckButton *button,
                  CpNetmapPanel  *panel)
{
  g_autoptr(GError) error = NULL;

  if (quiet (panel))
    return;
  _cp_netmap_page_edited (panel->page,
                          cp_store_set_member_chips (panel->page->store, panel->member_id,
                                                     gtk_check_button_get_active (panel->helps),
                                                     gtk_check_button_get_active (panel->hard),
                                                     gtk_check_button_get_active (panel->more),
                                                     &error), error);
}

static void
mark_toggled_cb (GtkCheckButton *button,
                 CpNetmapPanel  *panel)
{
  g_autoptr(GError) error = NULL;
  CpMemberMark mark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cp-mark"));

  if (quiet (panel))
    return;
  _cp_netmap_page_edited (panel->page,
                          cp_store_set_member_mark (panel->page->store, panel->member_id, mark,
                                                    gtk_check_button_get_active (button),
                                                    &error), error);
}

/* The dropdowns of the grid hold "Not recorded" first, then the values from 0. */
static int
recorded (GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? CP_NETMAP_NOT_RECORDED : (int) i - 1;
}

static void
details_changed_cb (GObject       *widget,
                    GParamSpec    *pspec,
                    CpNetmapPanel *panel)
{
  g_autoptr(GError) error = NULL;
  CpNetmapSupport support = 0;
  guint direction;

  if (quiet (panel))
    return;
  for (guint i = 0; i < CP_NETMAP_N_SUPPORTS; i++)
    if (gtk_check_button_get_active (panel->support[i]))
      support |= 1 << i;
  direction = gtk_drop_down_get_selected (panel->direction);
  _cp_netmap_page_edited (panel->page,
                          cp_store_set_member_details (panel->page->store, panel->member_id,
                                                       recorded (panel->frequency),
                                                       recorded (panel->years), support,
                                                       direction == GTK_INVALID_LIST_POSITION
                                                       ? CP_NETMAP_DIRECTION_NOT_RECORDED
                                                       : direction,
                                                       recorded (panel->paid), &error), error);
}

static void
delete_clicked_cb (GtkButton     *button,
                   CpNetmapPanel *panel)
{
  if (panel->lineage != 0)
    g_signal_emit_by_name (panel->page->view, "member-delete-requested", panel->lineage);
}

/* ---- Ties ------------------------------------------------------------------------------ */

static void
remove_tie_clicked_cb (GtkButton     *button,
                       CpNetmapPanel *panel)
{
  g_autoptr(GError) error = NULL;
  gint64 other = *(gint64 *) g_object_get_data (G_OBJECT (button), "cp-lineage");
  gint64 other_id = _cp_netmap_page_member_id (panel->page, other);

  if (other_id == 0 || panel->member_id == 0)
    return;
  _cp_netmap_page_edited (panel->page,
                          cp_store_remove_tie (panel->page->store, panel->member_id, other_id,
                                               &error), error);
}

static void
add_tie_clicked_cb (GtkButton     *button,
                    CpNetmapPanel *panel)
{
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (panel->tie_member);
  guint strength = gtk_drop_down_get_selected (panel->tie_strength);
  gint64 other_id;

  if (panel->tie_choices == NULL || i >= panel->tie_choices->len || panel->member_id == 0)
    return;
  other_id = _cp_netmap_page_member_id (panel->page,
                                        g_array_index (panel->tie_choices, gint64, i));
  _cp_netmap_page_edited (panel->page,
                          cp_store_set_tie (panel->page->store, panel->member_id, other_id,
                                            strength, &error), error);
}

static char *
display_name (CpNetmapPanel  *panel,
              CpNetmapMember *m)
{
  if (cp_netmap_view_get_initials_only (panel->page->view))
    return cp_netmap_initials (m->name);
  return g_strdup (m->name);
}

static void
fill_ties (CpNetmapPanel  *panel,
           CpNetmapMember *m)
{
  CpNetmapModel *model = panel->page->model;
  gboolean hide_hard = cp_netmap_view_get_hide_hard_going (panel->page->view);
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (panel->ties_box))) != NULL)
    gtk_box_remove (panel->ties_box, child);

  for (guint i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *tie = cp_netmap_model_get_tie (model, i);
      gint64 other = tie->a == m->lineage ? tie->b : tie->b == m->lineage ? tie->a : 0;
      CpNetmapMember *o = other ? cp_netmap_model_find (model, other) : NULL;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *remove = NULL;
      GtkWidget *row, *label, *button;

      if (o == NULL || (hide_hard && tie->strength == CP_NETMAP_TIE_STRESSFUL))
        continue;
      name = display_name (panel, o);
      /* Translators: a tie in the member's panel, e.g. "Mum: strong" */
      text = g_strdup_printf (_("%s: %s"), name, cp_netmap_tie_label (tie->strength));
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), label);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      remove = g_strdup_printf (_("Remove the tie with %s"), name);
      gtk_widget_set_tooltip_text (button, remove);
      _cp_netmap_page_label (button, remove);
      gtk_widget_set_sensitive (button, !cp_store_get_read_only (panel->page->store));
      g_object_set_data_full (G_OBJECT (button), "cp-lineage",
                              g_memdup2 (&o->lineage, sizeof o->lineage), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_tie_clicked_cb), panel);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (panel->ties_box, row);
    }

  g_array_set_size (panel->tie_choices, 0);
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *o = cp_netmap_model_get_member (model, i);
      g_autofree char *name = NULL;

      if (o->lineage == m->lineage)
        continue;
      name = display_name (panel, o);
      gtk_string_list_append (others, name);
      g_array_append_val (panel->tie_choices, o->lineage);
    }
  gtk_drop_down_set_model (panel->tie_member, G_LIST_MODEL (others));
}

/* ---- Showing --------------------------------------------------------------------------- */

static void
set_active (GtkCheckButton *button,
            gboolean        active)
{
  if (button != NULL && gtk_check_button_get_active (button) != !!active)
    gtk_check_button_set_active (button, active);
}

static void
set_selected (GtkDropDown *dropdown,
              guint        i)
{
  if (gtk_drop_down_get_selected (dropdown) != i)
    gtk_drop_down_set_selected (dropdown, i);
}

static void
fill_member (CpNetmapPanel  *panel,
             CpNetmapMember *m)
{
  g_autofree char *name = display_name (panel, m);
  gboolean initials = cp_netmap_view_get_initials_only (panel->page->view);
  gboolean details = g_settings_get_boolean (panel->page->settings, "record-support-details");

  gtk_label_set_label (panel->title, name);
  gtk_widget_set_visible (GTK_WIDGET (panel->name), !initials);
  gtk_widget_set_visible (panel->name_label, !initials);
  if (panel->name_timeout == 0
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (panel->name)), m->name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (panel->name), m->name);
  set_selected (panel->kind, m->kind);
  set_selected (panel->sector, m->sector);
  set_selected (panel->ring, m->ring - 1);
  set_active (panel->helps, m->helps_me);
  set_active (panel->hard, m->hard_going);
  gtk_widget_set_visible (GTK_WIDGET (panel->hard),
                          !cp_netmap_view_get_hide_hard_going (panel->page->view));
  set_active (panel->more, m->want_more);
  set_active (panel->met, m->met_through_us);
  set_active (panel->online, m->mostly_online);
  set_active (panel->died, m->died);
  set_active (panel->caution, m->caution);

  gtk_widget_set_visible (panel->details_box, details);
  set_selected (panel->frequency, m->frequency + 1);
  set_selected (panel->years, m->years_known + 1);
  for (guint i = 0; i < CP_NETMAP_N_SUPPORTS; i++)
    set_active (panel->support[i], (m->support & (1 << i)) != 0);
  set_selected (panel->direction, m->direction);
  set_selected (panel->paid, m->paid + 1);

  fill_ties (panel, m);
}

static void
load_notes (CpNetmapPanel *panel)
{
  g_autofree char *notes = NULL;

  if (panel->notes == NULL || panel->notes_timeout != 0)
    return;
  notes = cp_store_dup_member_notes (panel->page->store, panel->member_id, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (panel->notes), notes ? notes : "", -1);
}

void
_cp_netmap_panel_update (CpNetmapPanel *panel)
{
  CpNetmapPage *page;
  gint64 lineage;
  CpNetmapMember *m;
  gboolean was_updating;

  if (panel == NULL)
    return;
  page = panel->page;
  lineage = cp_netmap_view_get_selected (page->view);
  m = page->model && lineage ? cp_netmap_model_find (page->model, lineage) : NULL;

  was_updating = page->updating;
  page->updating = TRUE;
  if (m == NULL)
    {
      _cp_netmap_panel_flush (panel);
      panel->lineage = 0;
      panel->member_id = 0;
      gtk_stack_set_visible_child_name (panel->stack, "summary");
      if (page->model != NULL)
        {
          const CpSnapshotInfo *before = NULL;

          for (guint i = 1; page->snapshots && i < page->snapshots->len; i++)
            if (((CpSnapshotInfo *) g_ptr_array_index (page->snapshots, i))->id == page->snapshot_id)
              before = g_ptr_array_index (page->snapshots, i - 1);
          _cp_netmap_summary_fill (panel->summary_box, page->model, page->previous,
                                   before ? before->label : NULL, page->facing,
                                   cp_netmap_view_get_initials_only (page->view));
        }
    }
  else
    {
      if (m->lineage != panel->lineage)
        {
          _cp_netmap_panel_flush (panel);
          panel->lineage = m->lineage;
          panel->member_id = m->id;
          gtk_editable_set_text (GTK_EDITABLE (panel->name), m->name);
          load_notes (panel);
        }
      panel->member_id = m->id;
      fill_member (panel, m);
      gtk_stack_set_visible_child_name (panel->stack, "member");
    }
  page->updating = was_updating;
}

void
_cp_netmap_panel_focus (CpNetmapPanel *panel)
{
  if (gtk_widget_get_visible (GTK_WIDGET (panel->name)))
    gtk_widget_grab_focus (GTK_WIDGET (panel->name));
  else
    gtk_widget_grab_focus (GTK_WIDGET (panel->kind));
}

static gboolean
panel_key_cb (GtkEventControllerKey *key,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              CpNetmapPanel         *panel)
{
  GtkWidget *member;

  if (keyval != GDK_KEY_Escape)
    return FALSE;
  /* Back to the map, on the same member. */
  if (adw_flap_get_folded (panel->page->flap))
    adw_flap_set_reveal_flap (panel->page->flap, FALSE);
  member = cp_netmap_view_get_member_widget (panel->page->view, panel->lineage);
  gtk_widget_grab_focus (member ? member : GTK_WIDGET (panel->page->view));
  return TRUE;
}

static void
settings_changed_cb (GSettings     *settings,
                     const char    *key,
                     CpNetmapPanel *panel)
{
  _cp_netmap_panel_update (panel);
}

/* ---- Building -------------------------------------------------------------------------- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkDropDown *
dropdown (GtkGrid    *grid,
          int         row,
          const char *label,
          GListModel *model)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *d = gtk_drop_down_new (model, NULL);
  g_autofree char *plain = _cp_netmap_page_plain (label);

  /* The panel is narrow: labels wrap, a long choice shortens with "…" (the list it drops
   * down shows it whole). */
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (l), 12);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), d);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (d), _cp_netmap_page_title_factory ());
  g_object_unref (gtk_drop_down_get_factory (GTK_DROP_DOWN (d)));
  gtk_widget_set_hexpand (d, TRUE);
  _cp_netmap_page_label (d, plain);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, d, 1, row, 1, 1);
  return GTK_DROP_DOWN (d);
}

static GListModel *
strings (const char * const *items)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, _(items[i]));
  return G_LIST_MODEL (list);
}

static GtkCheckButton *
check (GtkBox     *box,
       const char *label)
{
  GtkWidget *c = gtk_check_button_new ();
  GtkWidget *words = gtk_label_new_with_mnemonic (label);
  g_autofree char *plain = _cp_netmap_page_plain (label);

  /* a label of its own, so that it wraps in the narrow panel */
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (words), c);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (c), words);
  _cp_netmap_page_label (c, plain);
  gtk_box_append (box, c);
  return GTK_CHECK_BUTTON (c);
}

static GtkCheckButton *
mark_check (CpNetmapPanel *panel,
            GtkBox        *box,
            const char    *label,
            CpMemberMark   mark)
{
  GtkCheckButton *c = check (box, label);

  g_object_set_data (G_OBJECT (c), "cp-mark", GINT_TO_POINTER (mark));
  g_signal_connect (c, "toggled", G_CALLBACK (mark_toggled_cb), panel);
  return c;
}

static void
build_details (CpNetmapPanel *panel,
               GtkBox        *box)
{
  static const char * const frequencies[] = {
    N_("Not recorded"), N_("Hardly ever"), N_("A few times a year"), N_("About monthly"),
    N_("About weekly"), N_("Daily"), NULL };
  static const char * const years[] = {
    N_("Not recorded"), N_("Under a year"), N_("1 to 5 years"), N_("Over 5 years"), NULL };
  static const char * const directions[] = {
    N_("Not recorded"), N_("Both ways"), N_("I help them"), N_("They help me"), NULL };
  static const char * const paid[] = { N_("Not recorded"), N_("Unpaid"), N_("Paid"), NULL };
  static const char * const supports[] = {
    N_("_Emotional"), N_("_Practical"), N_("_Information"), N_("_Company") };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *support_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  panel->details_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (panel->details_box), heading (_("Support Details")));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  panel->frequency = dropdown (GTK_GRID (grid), 0, _("How _often in contact"), strings (frequencies));
  panel->years = dropdown (GTK_GRID (grid), 1, _("_Years known"), strings (years));
  panel->direction = dropdown (GTK_GRID (grid), 2, _("_Direction of help"), strings (directions));
  panel->paid = dropdown (GTK_GRID (grid), 3, _("Pai_d or unpaid"), strings (paid));
  gtk_box_append (GTK_BOX (panel->details_box), grid);
  gtk_box_append (GTK_BOX (panel->details_box), gtk_label_new (_("Support given")));
  gtk_label_set_xalign (GTK_LABEL (gtk_widget_get_last_child (panel->details_box)), 0);
  for (guint i = 0; i < CP_NETMAP_N_SUPPORTS; i++)
    {
      panel->support[i] = check (GTK_BOX (support_box), _(supports[i]));
      g_signal_connect (panel->support[i], "notify::active", G_CALLBACK (details_changed_cb),
                        panel);
    }
  gtk_box_append (GTK_BOX (panel->details_box), support_box);
  g_signal_connect (panel->frequency, "notify::selected", G_CALLBACK (details_changed_cb), panel);
  g_signal_connect (panel->years, "notify::selected", G_CALLBACK (details_changed_cb), panel);
  g_signal_connect (panel->direction, "notify::selected", G_CALLBACK (details_changed_cb), panel);
  g_signal_connect (panel->paid, "notify::selected", G_CALLBACK (details_changed_cb), panel);
  gtk_box_append (box, panel->details_box);
}

static void
build_ties (CpNetmapPanel *panel,
            GtkBox        *box)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Link"));
  g_autoptr(GListModel) strengths = G_LIST_MODEL (gtk_string_list_new (NULL));

  for (int s = CP_NETMAP_TIE_STRONG; s <= CP_NETMAP_TIE_STRESSFUL; s++)
    gtk_string_list_append (GTK_STRING_LIST (strengths), cp_netmap_tie_label (s));
  gtk_box_append (box, heading (_("Ties")));
  panel->ties_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (box, GTK_WIDGET (panel->ties_box));
  panel->tie_member = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (panel->tie_member), TRUE);
  gtk_drop_down_set_factory (panel->tie_member, _cp_netmap_page_title_factory ());
  g_object_unref (gtk_drop_down_get_factory (panel->tie_member));
  _cp_netmap_page_label (GTK_WIDGET (panel->tie_member), _("Link with"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (panel->tie_member), _("Link with"));
  panel->tie_strength = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (strengths), NULL));
  _cp_netmap_page_label (GTK_WIDGET (panel->tie_strength), _("Strength of the tie"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (panel->tie_strength), _("Strength of the tie"));
  gtk_widget_set_tooltip_text (add, _("Link these two members"));
  g_signal_connect (add, "clicked", G_CALLBACK (add_tie_clicked_cb), panel);
  /* who on a line of their own, then how strong and Link: the panel stays narrow */
  gtk_box_append (box, GTK_WIDGET (panel->tie_member));
  gtk_widget_set_hexpand (GTK_WIDGET (panel->tie_strength), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (panel->tie_strength));
  gtk_box_append (GTK_BOX (row), add);
  gtk_box_append (box, row);
}

static GtkWidget *
build_member (CpNetmapPanel *panel)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *marks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *remove;
  gboolean facing = panel->page->facing;

  panel->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (panel->title, 0);
  gtk_label_set_wrap (panel->title, TRUE);
  gtk_label_set_max_width_chars (panel->title, 24);
  gtk_widget_add_css_class (GTK_WIDGET (panel->title), "title-3");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel->title));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  panel->name_label = gtk_label_new_with_mnemonic (_("_Name"));
  gtk_label_set_xalign (GTK_LABEL (panel->name_label), 0);
  panel->name = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (panel->name_label), GTK_WIDGET (panel->name));
  _cp_netmap_page_label (GTK_WIDGET (panel->name), _("Name"));
  gtk_widget_set_hexpand (GTK_WIDGET (panel->name), TRUE);
  gtk_grid_attach (GTK_GRID (grid), panel->name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (panel->name), 1, 0, 1, 1);
  panel->kind = dropdown (GTK_GRID (grid), 1, _("_Kind"), _cp_netmap_page_kind_model ());
  panel->sector = dropdown (GTK_GRID (grid), 2, _("_Sector"), _cp_netmap_page_sector_model ());
  panel->ring = dropdown (GTK_GRID (grid), 3, _("_Ring"), _cp_netmap_page_ring_model ());
  gtk_box_append (GTK_BOX (box), grid);
  g_signal_connect (panel->name, "changed", G_CALLBACK (name_changed_cb), panel);
  g_signal_connect (panel->kind, "notify::selected", G_CALLBACK (kind_changed_cb), panel);
  g_signal_connect (panel->sector, "notify::selected", G_CALLBACK (place_changed_cb), panel);
  g_signal_connect (panel->ring, "notify::selected", G_CALLBACK (place_changed_cb), panel);

  panel->helps = check (GTK_BOX (chips), _("_Helps me"));
  panel->hard = check (GTK_BOX (chips), _("Hard _going"));
  panel->more = check (GTK_BOX (chips), _("_Want more"));
  g_signal_connect (panel->helps, "toggled", G_CALLBACK (chips_toggled_cb), panel);
  g_signal_connect (panel->hard, "toggled", G_CALLBACK (chips_toggled_cb), panel);
  g_signal_connect (panel->more, "toggled", G_CALLBACK (chips_toggled_cb), panel);
  gtk_box_append (GTK_BOX (box), chips);

  panel->met = mark_check (panel, GTK_BOX (marks), _("_Met through our work"),
                           CP_MEMBER_MARK_MET_THROUGH_US);
  panel->online = mark_check (panel, GTK_BOX (marks), _("Mostly _online"),
                              CP_MEMBER_MARK_MOSTLY_ONLINE);
  panel->died = mark_check (panel, GTK_BOX (marks), _("_Died — keep on my map"),
                            CP_MEMBER_MARK_DIED);
  /* The practitioner's own: never made facing the person, so never in that tree. */
  if (!facing)
    panel->caution = mark_check (panel, GTK_BOX (marks), _("_Caution: see case record"),
                                 CP_MEMBER_MARK_CAUTION);
  gtk_box_append (GTK_BOX (box), marks);

  if (!facing)
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      gtk_box_append (GTK_BOX (box), heading (_("Notes")));
      panel->notes = GTK_TEXT_VIEW (gtk_text_view_new ());
      gtk_text_view_set_wrap_mode (panel->notes, GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (panel->notes, 6);
      gtk_text_view_set_right_margin (panel->notes, 6);
      gtk_text_view_set_top_margin (panel->notes, 6);
      gtk_text_view_set_bottom_margin (panel->notes, 6);
      gtk_widget_set_size_request (GTK_WIDGET (panel->notes), -1, 80);
      _cp_netmap_page_label (GTK_WIDGET (panel->notes), _("Notes"));
      gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (panel->notes));
      gtk_box_append (GTK_BOX (box), frame);
      g_signal_connect (gtk_text_view_get_buffer (panel->notes), "changed",
                        G_CALLBACK (notes_changed_cb), panel);
    }

  build_details (panel, GTK_BOX (box));
  build_ties (panel, GTK_BOX (box));

  remove = gtk_button_new_with_mnemonic (_("_Remove from the Map"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_margin_top (remove, 12);
  gtk_widget_set_tooltip_text (remove, _("Remove from the map (Delete); Undo brings it back"));
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), panel);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_sensitive (box, !cp_store_get_read_only (panel->page->store));
  return box;
}

CpNetmapPanel *
_cp_netmap_panel_new (CpNetmapPage *page)
{
  CpNetmapPanel *panel = g_new0 (CpNetmapPanel, 1);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *summary = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *key = gtk_event_controller_key_new ();

  panel->page = page;
  panel->stack = GTK_STACK (stack);
  panel->summary_box = GTK_BOX (summary);
  panel->tie_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_set_margin_start (stack, 12);
  gtk_widget_set_margin_end (stack, 12);
  gtk_widget_set_margin_top (stack, 12);
  gtk_widget_set_margin_bottom (stack, 12);
  gtk_stack_add_named (panel->stack, summary, "summary");
  gtk_stack_add_named (panel->stack, build_member (panel), "member");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page->panel_scroller), stack);
  g_signal_connect (key, "key-pressed", G_CALLBACK (panel_key_cb), panel);
  gtk_widget_add_controller (page->panel_scroller, key);
  page->settings = g_settings_new (APP_ID);
  g_signal_connect (page->settings, "changed::record-support-details",
                    G_CALLBACK (settings_changed_cb), panel);
  return panel;
}

void
_cp_netmap_panel_free (CpNetmapPanel *panel)
{
  g_clear_handle_id (&panel->name_timeout, g_source_remove);
  g_clear_handle_id (&panel->notes_timeout, g_source_remove);
  g_signal_handlers_disconnect_by_data (panel->page->settings, panel);
  g_array_unref (panel->tie_choices);
  g_free (panel);
}
