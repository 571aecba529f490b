/* cp-pdf-print.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Printing a document through GtkPrintOperation. Each page is drawn on the
 * poppler worker (gtk_print_operation_set_defer_drawing, then
 * gtk_print_operation_draw_page_finish when the worker is done), scaled to
 * fit the paper and centred; page ranges, copies and the rest come from the
 * print dialog or the operation's print settings. The main loop never waits
 * for poppler.
 */

#pragma once

#include <gtk/gtk.h>

#include "cp-pdf-document.h"

G_BEGIN_DECLS

/* A print operation for @document (allow-async is set); the print dialog
 * chooses the pages. The job is named "Connecting People Kit document" whatever the
 * document: print queues are seen by others, and a document's own title may be a
 * person's name. */
GtkPrintOperation *cp_pdf_print_operation_new            (CpPdfDocument      *document);
/* Only the pages in @ranges (0-based, inclusive), in that order: for
 * GTK_PRINT_OPERATION_ACTION_EXPORT, which ignores the print settings' page
 * ranges. */
GtkPrintOperation *cp_pdf_print_operation_new_for_ranges (CpPdfDocument      *document,
                                                          const GtkPageRange *ranges,
                                                          guint               n_ranges);

G_END_DECLS
