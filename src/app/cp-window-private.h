/* cp-window-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/cp-toaster.h"
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
  GtkRevealer          *warning_revealer;
  GtkLabel             *warning_label;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwHeaderBar         *sidebar_header;
  AdwWindowTitle       *window_title;
  GtkListBox           *section_list;
  GtkStack             *section_stack;
  GMenuModel           *recent_submenu;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkRevealer          *busy_revealer;
  GtkSpinner           *busy_spinner;
  GtkLabel             *busy_label;

  /* cp-window-busy.c: work going on in workers */
  GPtrArray            *busy_jobs;
  guint                 busy_next_id;
  guint                 busy_show_id;
  guint                 busy_exclusive;
  GCancellable         *cancellable;      /* cancelled when the window goes */

  GMenu                *recent_menu;
  GtkWidget            *people_page;
  GtkWidget            *with_person_view;
  GtkWidget            *focus_before_facing;   /* weak: the keyboard's place before */
  GListModel           *toast_widgets;   /* the toast overlay's children, to name */
  GtkWidget            *library_page;
  GtkWidget            *supervision_page;
  char                 *first_section;   /* shown when the window is */
  GtkWindow            *help_overlay;    /* made when first shown */

  /* cp-window-pack.c: supervision packs */
  GSettings            *pack_settings;
  CpPackHeader         *pack_header;     /* a window on a pack: the pack's heading */
  gboolean              pack_unsent;     /* changed since the last reply was exported */
  gboolean              pack_discard;    /* the user said to close without a reply */
  gboolean              pack_asking;     /* the close question is up */
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
void _cp_window_update_undo_actions         (CpWindow       *self);
void _cp_window_flush_people                (CpWindow       *self);
void _cp_window_class_init_workspace_actions (GtkWidgetClass *widget_class);
/* cp-window-undo.c: win.undo, win.redo, win.with-person, win.leave-with-person. */
void _cp_window_class_init_undo_actions     (GtkWidgetClass *widget_class);
void _cp_window_init_workspace_actions      (CpWindow       *self);

/* cp-window-pack.c: Send Supervision Pack…, Import Supervision Reply…, and a window on a
 * pack (its banner, Export Reply…, the question before closing with unsent comments). */
void     _cp_window_class_init_pack_actions (GtkWidgetClass *widget_class);
void     _cp_window_pack_init               (CpWindow       *self);
void     _cp_window_pack_finalize           (CpWindow       *self);
void     _cp_window_update_pack_actions     (CpWindow       *self);
/* TRUE when closing must wait: the user is asked first. */
gboolean _cp_window_pack_close_request      (CpWindow       *self);

/* cp-window-busy.c. Shows @label (plain text, ours) with a spinner in a banner once the
 * work has taken ~200 ms, until _cp_window_end_busy (@id). @exclusive work (a restore)
 * blocks the edits meanwhile: the pages go insensitive and undo, redo, Save a Copy,
 * Restore and the person's view are off; the sidebar, menus and other windows stay
 * usable. */
guint    _cp_window_begin_busy              (CpWindow       *self,
                                             const char     *label,
                                             gboolean        exclusive);
void     _cp_window_end_busy                (CpWindow       *self,
                                             guint           id);
gboolean _cp_window_get_blocked             (CpWindow       *self);
void     _cp_window_busy_init               (CpWindow       *self);
void     _cp_window_busy_dispose            (CpWindow       *self);
guint    _cp_window_toaster_begin_busy      (CpToaster      *toaster,
                                             const char     *label);
void     _cp_window_toaster_end_busy        (CpToaster      *toaster,
                                             guint           id);

G_END_DECLS
