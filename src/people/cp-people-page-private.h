/* cp-people-page-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-people-page.h"
#include "ui/cp-empty-state.h"

G_BEGIN_DECLS

typedef enum
{
  SORT_BY_NAME,
  SORT_BY_NEXT_REVIEW,
} SortOrder;

struct _CpPeoplePage
{
  GtkWidget           parent_instance;

  CpStore            *store;
  gboolean            folded;
  gboolean            concealed;
  CpPerson           *concealed_person;

  GtkCustomFilter    *filter;
  GtkSorter          *name_sorter;
  GtkSorter          *review_sorter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSliceListModel  *first_rows;   /* the list's rows: those on the first screen, then all */
  GtkSingleSelection *selection;
  GtkWidget          *editor;
  GtkWidget          *network;
  AdwBin             *overview;     /* the person's tabs made for each person shown */
  AdwBin             *goals;
  AdwBin             *reviews;

  /* template */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *person_pane;
  AdwHeaderBar       *list_header;
  AdwHeaderBar       *person_header;
  GtkWidget          *sections_button;
  GtkWidget          *back_button;
  GtkWidget          *person_menu_button;
  GMenuModel         *person_menu;
  GtkMenuButton      *add_button;
  GtkEntry           *add_entry;
  GtkWidget          *add_confirm_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *status_button;
  GtkMenuButton      *sort_button;
  guint               status_choice;   /* 0: everyone; then 1 + a CpPersonStatus */
  SortOrder           sort_choice;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *person_stack;
  CpEmptyState       *none_page;
  AdwViewStack       *person_tabs;
  AdwViewSwitcherTitle *person_switcher;
  GtkWidget          *person_switcher_bar;
  GtkRevealer        *erase_revealer;
  GtkLabel           *erase_label;
};

/* cp-people-page-list.c: the caseload list. Its template callbacks; its rows (from
 * init); its models over the store's people (from new); the list again after a search,
 * a filter or a change; and @person selected in it. */
void _cp_people_page_class_init_list    (GtkWidgetClass *widget_class);
void _cp_people_page_init_list          (CpPeoplePage   *self);
void _cp_people_page_set_up_list        (CpPeoplePage   *self);
void _cp_people_page_refilter           (CpPeoplePage   *self);
/* Everyone in the list again, whatever their status (caseload.status). */
void _cp_people_page_show_every_status  (CpPeoplePage   *self);
/* The list sorted from now on; TRUE when it was not until now. */
gboolean _cp_people_page_ensure_sorted  (CpPeoplePage   *self);
void _cp_people_page_scroll_to_selected (CpPeoplePage   *self);
void _cp_people_page_select_person      (CpPeoplePage   *self,
                                         CpPerson       *person);

void _cp_people_page_class_init_actions (GtkWidgetClass *widget_class);
/* Shows or hides the offer to erase people closed longer than Preferences says. */
void _cp_people_page_update_erasable    (CpPeoplePage   *self);
/* File name for the subject-access report: never the person's name. */
char *_cp_people_page_subject_access_name (CpPerson     *person);
/* The erase question's body: what is removed, and how long each kind of copy keeps it
 * when @keep daily backups are kept. */
char *_cp_people_page_erase_body        (guint           keep);
/* Writes the chosen person's subject-access report to @file in a worker, as the action
 * does once the file is chosen. */
void  _cp_people_page_subject_access_to (CpPeoplePage  *self,
                                         GFile         *file);
/* Enables the person actions that fit @person (NULL: none chosen). */
void _cp_people_page_update_actions     (CpPeoplePage   *self);
CpPerson *_cp_people_page_get_person    (CpPeoplePage   *self);

G_END_DECLS
