/* cp-window.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"
#include "supervision/cp-pack.h"

G_BEGIN_DECLS

#define CP_TYPE_WINDOW (cp_window_get_type ())
G_DECLARE_FINAL_TYPE (CpWindow, cp_window, CP, WINDOW, AdwApplicationWindow)

/* The window implements CpToaster (cp-toaster.h): the pages inside it show toasts and
 * report failed edits through that, never through this header. */

/* @application may be NULL (tests). */
CpWindow *cp_window_new            (gpointer    application,
                                    CpStore    *store,
                                    gboolean    practice);
CpStore  *cp_window_get_store      (CpWindow   *self);

/* A window on a supervision pack opened in memory (cp_store_open_pack), marked
 * "Supervision pack from <@header's role>, <day>" in its title and a banner: the pages
 * read it as a read-only workspace; supervision comments, actions and sign-offs stay in
 * the window until Export Reply… writes them to a reply, and closing with unsent ones
 * asks first. */
CpWindow *cp_window_new_for_pack   (gpointer            application,
                                    CpStore            *pack_store,
                                    const CpPackHeader *header);
/* Imports the supervision reply @file into this window's workspace (Import Supervision
 * Reply… once the file is chosen). */
void      cp_window_import_reply   (CpWindow           *self,
                                    GFile              *file);

/* Shows @file (a PDF) in the Library's viewer without importing it; the viewer offers
 * "Add to Library". */
void      cp_window_open_pdf       (CpWindow     *self,
                                    GFile        *file);

/* TRUE while work of this window runs in a worker (a backup, a copy, a restore, a
 * report): a banner says so once it takes a while. */
gboolean  cp_window_get_busy       (CpWindow     *self);
/* Takes today's backup of the workspace in a worker, keeping @keep daily ones, unless
 * it is read-only; for a shown window, once it has drawn its next frame. A failure is
 * logged (by kind only), never shown: it must not keep people from their work. */
void      cp_window_take_daily_backup (CpWindow  *self,
                                       guint      keep);
/* Saves a copy of the workspace at @file in a worker, as Save a Copy does once the user
 * has chosen the file (an existing @file is replaced: the chooser asked "Replace?"); says
 * so in a toast. */
void      cp_window_save_copy_to   (CpWindow     *self,
                                    GFile        *file);

G_END_DECLS
