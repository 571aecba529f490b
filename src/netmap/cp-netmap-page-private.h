/* cp-netmap-page-private.h: what the network page's files share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-page.h"
#include "cp-netmap-view.h"
#include "store/cp-store-netmap.h"

G_BEGIN_DECLS

typedef struct _CpNetmapPanel CpNetmapPanel;
typedef struct _CpNetmapList CpNetmapList;
typedef struct _CpNetmapCompare CpNetmapCompare;

struct _CpNetmapPage
{
  GtkWidget        parent_instance;

  CpStore         *store;
  gboolean         facing;
  gint64           person_id;
  gint64           snapshot_id;
  GPtrArray       *snapshots;       /* CpSnapshotInfo, oldest first */
  CpNetmapModel   *model;           /* the map shown */
  CpNetmapModel   *previous;        /* the map before it, or NULL */
  gboolean         updating;        /* filling widgets: no store calls */
  GSettings       *settings;

  /* where a double-click asked for a member, until the form adds it or closes */
  gboolean         add_at_spot;
  double           add_angle;
  double           add_depth;

  CpNetmapPanel   *panel;           /* cp-netmap-page-panel.c */
  CpNetmapList    *list;            /* cp-netmap-page-list.c */
  CpNetmapCompare *compare;         /* cp-netmap-page-compare.c */

  /* template */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkWidget       *start_button;
  GtkWidget       *map_bar;
  GtkDropDown     *snapshot_dropdown;
  GtkWidget       *review_button;
  GtkToggleButton *compare_button;
  GtkToggleButton *panel_button;
  GtkLabel        *facing_label;
  GtkWidget       *toolbar;
  GtkMenuButton   *add_button;
  GtkPopover      *add_popover;
  GtkEntry        *add_name;
  GtkDropDown     *add_kind;
  GtkDropDown     *add_sector;
  GtkDropDown     *add_ring;
  GtkCheckButton  *add_helps;
  GtkCheckButton  *add_hard;
  GtkCheckButton  *add_more;
  GtkWidget       *add_confirm;
  GtkWidget       *zoom_box;
  GtkToggleButton *list_button;
  GtkToggleButton *hard_going_button;
  GtkToggleButton *initials_button;
  GtkWidget       *menu_button;
  GtkStack        *content_stack;
  AdwFlap         *flap;
  AdwLeaflet      *map_box;
  CpNetmapView    *view;
  GtkWidget       *list_scroller;
  GtkWidget       *panel_scroller;
  GtkWidget       *compare_box;
};

/* cp-netmap-page.c */
/* Reports a failed edit, or says the page edited (::edited). Returns @ok. */
gboolean  _cp_netmap_page_edited        (CpNetmapPage    *self,
                                         gboolean         ok,
                                         GError          *error);
/* member.id of @lineage on the map shown, or 0 */
gint64    _cp_netmap_page_member_id     (CpNetmapPage    *self,
                                         gint64           lineage);

/* cp-netmap-page-add.c: the add form, and the word lists */
/* Sets up the add form's fields and signals (from init) */
void      _cp_netmap_page_add_form_init (CpNetmapPage    *self);
/* Opens the add form, for (@sector, @ring) when @sector >= 0 */
void      _cp_netmap_page_open_add_form (CpNetmapPage    *self,
                                         int              sector,
                                         int              ring);
/* netmap.add: the add form, or the list entry's new row in list mode */
void      _cp_netmap_page_add_action    (GtkWidget       *widget,
                                         const char      *action_name,
                                         GVariant        *param);
/* A string list model of the sector, ring and kind words, in enum order */
GListModel *_cp_netmap_page_sector_model (void);
GListModel *_cp_netmap_page_ring_model  (void);
GListModel *_cp_netmap_page_kind_model  (void);
/* A dropdown factory whose items shorten with "…" */
GtkListItemFactory *_cp_netmap_page_title_factory (void);
/* Gives @widget an accessible name (GTK 4.8 does not take the tooltip) and, when it has
 * no tooltip yet, the same words as its tooltip */
void      _cp_netmap_page_label         (GtkWidget       *widget,
                                         const char      *label);
/* @mnemonic ("_Kind") without its underline ("Kind") */
char     *_cp_netmap_page_plain         (const char      *mnemonic);

/* cp-netmap-page-panel.c: the chosen member's details, or the map's numbers */
CpNetmapPanel *_cp_netmap_panel_new     (CpNetmapPage    *page);
void      _cp_netmap_panel_free         (CpNetmapPanel   *panel);
/* Shows the selected member (0: the map's numbers) as the model now has it */
void      _cp_netmap_panel_update       (CpNetmapPanel   *panel);
void      _cp_netmap_panel_flush        (CpNetmapPanel   *panel);
/* Puts the keyboard in the panel's first field */
void      _cp_netmap_panel_focus        (CpNetmapPanel   *panel);

/* cp-netmap-page-summary.c: the numbers in words, into @box */
void      _cp_netmap_summary_fill       (GtkBox          *box,
                                         CpNetmapModel   *model,
                                         CpNetmapModel   *previous,
                                         const char      *previous_label,
                                         gboolean         facing,
                                         gboolean         initials_only);

/* cp-netmap-page-list.c: list entry */
CpNetmapList *_cp_netmap_list_new       (CpNetmapPage    *page);
void      _cp_netmap_list_free          (CpNetmapList    *list);
void      _cp_netmap_list_update        (CpNetmapList    *list);
void      _cp_netmap_list_flush         (CpNetmapList    *list);
void      _cp_netmap_list_focus_new     (CpNetmapList    *list);

/* cp-netmap-page-compare.c: two maps side by side */
CpNetmapCompare *_cp_netmap_compare_new (CpNetmapPage    *page);
void      _cp_netmap_compare_free       (CpNetmapCompare *compare);
void      _cp_netmap_compare_update     (CpNetmapCompare *compare);

G_END_DECLS
