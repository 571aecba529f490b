/* cp-first-rows.h: a long list draws its first frame with only the rows the window shows,
 * and a GtkListBox of thousands makes its rows a few screens at a time
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkSliceListModel *cp_first_rows_new      (GListModel        *model);
void               cp_first_rows_fit      (GtkSliceListModel *rows,
                                           GtkWidget         *owner,
                                           int                row_lines,
                                           int                row_padding);
void               cp_first_rows_show_all (GtkSliceListModel *rows);
GtkSliceListModel *cp_first_rows_new_growing (GListModel        *model,
                                              GtkScrolledWindow *scroll,
                                              guint              step);

G_END_DECLS
