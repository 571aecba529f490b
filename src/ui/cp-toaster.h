/* cp-toaster.h: how a page or widget shows a toast without knowing the window
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_TOASTER (cp_toaster_get_type ())
G_DECLARE_INTERFACE (CpToaster, cp_toaster, CP, TOASTER, GtkWidget)

/* A widget that shows toasts for the widgets inside it: the window implements it. Pages
 * and widgets never name the window; they call the helpers below, which find the nearest
 * toaster from where they stand.
 *
 * Why an interface: a toast carries more than a string (an Undo button and its action, a
 * priority, a timeout), which a GAction parameter cannot; and a signal would have to be
 * connected by the window to every page and to every widget nested in one. The nearest
 * ancestor that implements CpToaster is found with gtk_widget_get_ancestor(), which
 * accepts an interface type, so a widget works the same in the window, in a dialog over
 * it, or alone in a test. */
struct _CpToasterInterface
{
  GTypeInterface parent_iface;

  void  (*add_toast)  (CpToaster  *self,
                       AdwToast   *toast);
  /* Optional: shows that work on @label goes on (after a short while, so quick work
   * shows nothing) until end_busy (@id). */
  guint (*begin_busy) (CpToaster  *self,
                       const char *label);
  void  (*end_busy)   (CpToaster  *self,
                       guint       id);
};

/* Shows @toast (transfer full, as from adw_toast_new()) in the toaster nearest to @from:
 * an ancestor, or else the window a dialog holding @from is transient for. With none the
 * toast is dropped. The title is Pango markup: escape text that is not ours. */
void cp_toaster_add_toast     (GtkWidget    *from,
                               AdwToast     *toast);
/* Shows @title (markup, ours) with an Undo button for the edit just made: "win.undo". */
void cp_toaster_add_undoable  (GtkWidget    *from,
                               const char   *title);
/* Tells the user that an edit failed: "Not saved: @error's message", shown as written
 * (markup escaped) until dismissed. With no toaster it is logged, by domain and code
 * only, since a message may quote what was typed. */
void cp_toaster_report_error  (GtkWidget    *from,
                               const GError *error);
/* Undoes (@redo: redoes) @store's last step. Returns what to say in a toast
 * ("Undone: Rename person"; free it), or NULL when there was nothing to undo, or it
 * failed (the error then shown from @from). */
char *cp_toaster_undo_redo    (GtkWidget    *from,
                               CpStore      *store,
                               gboolean      redo);

/* Work that takes a while (a file written in a worker): the toaster nearest to @from
 * shows @label (ours, plain text, "Writing the report…") with a spinner if it is still
 * going after ~200 ms, until cp_busy_end (). Never NULL; with no toaster it shows
 * nothing. The window stays usable meanwhile. */
typedef struct _CpBusy CpBusy;

CpBusy *cp_toaster_begin_busy (GtkWidget    *from,
                               const char   *label);
/* Ends it (the toaster may be gone by then) and frees @busy. */
void    cp_busy_end           (CpBusy       *busy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpBusy, cp_busy_end)

G_END_DECLS
