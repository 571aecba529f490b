/* cp-window.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_WINDOW (cp_window_get_type ())
G_DECLARE_FINAL_TYPE (CpWindow, cp_window, CP, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). */
CpWindow *cp_window_new            (gpointer    application,
                                    CpStore    *store,
                                    gboolean    practice);
CpStore  *cp_window_get_store      (CpWindow   *self);
void      cp_window_add_toast      (CpWindow   *self,
                                    AdwToast   *toast);
/* Shows @message in a toast (for failed edits: "Not saved: …"). */
void      cp_window_show_error     (CpWindow     *self,
                                    const GError *error);

/* For a widget inside a CpWindow: the same, found from @widget. With no window (a widget
 * shown alone) the error is logged and the toast dropped. */
void      cp_window_report_error   (GtkWidget    *widget,
                                    const GError *error);
void      cp_window_toast          (GtkWidget    *widget,
                                    AdwToast     *toast);

/* Shows @file (a PDF) in the Library's viewer without importing it; the viewer offers
 * "Add to Library". */
void      cp_window_open_pdf       (CpWindow     *self,
                                    GFile        *file);

G_END_DECLS
