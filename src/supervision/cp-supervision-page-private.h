/* cp-supervision-page-private.h: what the Supervision page's files share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-supervision-caseload-item.h"
#include "cp-supervision-page.h"

G_BEGIN_DECLS

/* The filter chips, in their order on screen. */
typedef enum
{
  CP_CHIP_OVERDUE,
  CP_CHIP_NO_GOALS,
  CP_CHIP_MAP,
  CP_CHIP_PAUSED,
  CP_CHIP_DISCUSSED,
  CP_N_CHIPS
} CpChip;

struct _CpSupervisionPage
{
  GtkWidget             parent_instance;

  CpStore              *store;
  GSettings            *settings;
  gboolean              folded;
  gboolean              concealed;
  gboolean              show_names;
  gboolean              stale;           /* the workspace changed since the last read */
  guint                 reload_id;
  char                 *today;           /* of the last read */

  /* one model for both forms: items → filter → sort (the table's sorter) */
  GListStore           *items;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSliceListModel    *first_rows;      /* the table's rows: those on the first screen, then all */
  GtkNoSelection       *selection;
  GtkColumnViewColumn  *columns[CP_CASELOAD_N_COLUMNS];
  gboolean              sorting;         /* the sort drop-down is being set from the table */

  /* template */
  AdwHeaderBar         *header;
  GtkWidget            *sections_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *views;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *names_button;
  GtkDropDown          *sort_by;
  GtkToggleButton      *reverse_button;
  GtkWidget            *controls_box;
  GtkWidget            *chips_box;
  GtkToggleButton      *chips[CP_N_CHIPS];
  GtkStack             *content_stack;
  AdwSqueezer          *squeezer;
  GtkWidget            *table_scroll;
  GtkColumnView        *table;
  GtkWidget            *cards_scroll;
  GtkListBox           *cards;
  GtkSliceListModel    *cards_rows;      /* the cards made so far, while bound
                                         * (cp-supervision-page-cards.c) */
  AdwStatusPage        *no_matches;
};

/* Whether @item passes chip @chip (on its own). */
gboolean _cp_supervision_page_chip_holds   (CpSupervisionPage         *self,
                                            CpChip                     chip,
                                            CpSupervisionCaseloadItem *item);
/* The person at @position of the shown caseload opens in the People section. */
void     _cp_supervision_page_open         (CpSupervisionPage         *self,
                                            guint                      position);

/* cp-supervision-page-table.c: the table's columns, sorting, and the sort drop-down. */
void     _cp_supervision_page_init_table   (CpSupervisionPage         *self);
/* Before the first frame, the table has as many rows as the window could show. */
void     _cp_supervision_page_fit_first_rows (CpSupervisionPage       *self);
/* The names toggled: the person column sorts and shows anew. */
void     _cp_supervision_page_names_changed (CpSupervisionPage        *self);
/* Sorts by the drop-down's column and the reverse button (the keyboard's way). */
void     _cp_supervision_page_sort_chosen  (CpSupervisionPage         *self);
/* Sets the drop-down and button to the column the table sorts by (after a heading's click). */
void     _cp_supervision_page_sort_shown   (CpSupervisionPage         *self);

/* cp-supervision-page-cards.c: the narrow form, one card per person. */
void     _cp_supervision_page_init_cards   (CpSupervisionPage         *self);
/* Shows @model as cards (made once; NULL: none). */
void     _cp_supervision_page_bind_cards   (CpSupervisionPage         *self,
                                            GListModel                *model);

G_END_DECLS
