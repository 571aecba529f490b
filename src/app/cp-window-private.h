/* cp-window-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-window.h"

G_BEGIN_DECLS

struct _CpWindow
{
  AdwApplicationWindow  parent_instance;

  CpStore              *store;
  gboolean              practice;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *practice_revealer;
  GtkRevealer          *read_only_revealer;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwHeaderBar         *sidebar_header;
  AdwWindowTitle       *window_title;
  GtkListBox           *section_list;
  GtkStack             *section_stack;
  GMenuModel           *recent_submenu;

  GMenu                *recent_menu;
  GtkWidget            *people_page;
  GtkWidget            *with_person_view;
  GtkWidget            *library_page;
};

void _cp_window_add_section                 (CpWindow       *self,
                                             const char     *name,
                                             const char     *title,
                                             const char     *icon_name,
                                             GtkWidget      *page);
void _cp_window_show_section                (CpWindow       *self,
                                             const char     *name);
gboolean _cp_window_get_with_person         (CpWindow       *self);
/* Leaves the with-person view without asking (tests). */
void _cp_window_leave_with_person           (CpWindow       *self);
void _cp_window_class_init_workspace_actions (GtkWidgetClass *widget_class);
void _cp_window_init_workspace_actions      (CpWindow       *self);

G_END_DECLS
