/* cp-netmap-export-dialog.h: "Export Map…": the format, names or initials, then the file
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Asks over @parent's window which format (GraphML, CSV, PNG, SVG, PDF), whether to use
 * names instead of initials (off) and whether pictures show "hard going" (off), saying
 * what the file will hold; then offers a save chooser with a name made from the case
 * reference, never the person's name. The file is written in a worker thread; a toast
 * on @parent says when it is done, a dialog says why it failed. An export with names is
 * recorded in the person's disclosure log. @snapshot_id 0 is the current map. */
void cp_netmap_export_dialog_present (GtkWidget *parent,
                                      CpStore   *store,
                                      gint64     person_id,
                                      gint64     snapshot_id);

G_END_DECLS
