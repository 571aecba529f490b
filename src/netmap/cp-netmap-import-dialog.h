/* cp-netmap-import-dialog.h: "Import Map…" from GraphML or CSV into a new map
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Offers an open chooser over @parent's window for a GraphML file or a CSV members file
 * (a ties file beside it, "NAME-ties.csv" for "NAME-members.csv", comes along; otherwise
 * the user is asked whether to choose one). The file is read and checked whole in a
 * worker thread, then imported as a new map of the person in one undo step: a toast on
 * @parent offers Undo. A file with any problem imports nothing, and a dialog names the
 * problem. */
void cp_netmap_import_dialog_present (GtkWidget *parent,
                                      CpStore   *store,
                                      gint64     person_id);

G_END_DECLS
