/* cp-library-page.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpLibraryPage: the Library section. Lists the bundled manuals (cover
 * thumbnail rendered on the poppler worker, title, reading progress) and
 * opens them in a CpPdfViewer, which remembers the last page and zoom of
 * each document in the workspace.
 *
 * Property "folded": TRUE when the window's sidebar is folded away (the
 * page then shows a button back to the sections, action win.show-sections).
 * Action "library.show-list" goes back from the viewer to the list.
 */

#pragma once

#include <gtk/gtk.h>

#include "pdf/cp-pdf-viewer.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_LIBRARY_PAGE (cp_library_page_get_type ())

G_DECLARE_FINAL_TYPE (CpLibraryPage, cp_library_page, CP, LIBRARY_PAGE, GtkWidget)

/* The bundled manuals' ids. */
#define CP_LIBRARY_TRAINING_MANUAL     "training-manual"
#define CP_LIBRARY_YOUR_GUIDE          "your-guide"
#define CP_LIBRARY_YOUR_GUIDE_LARGE    "your-guide-large-print"

CpLibraryPage *cp_library_page_new          (CpStore       *store);

/* Opens a document in the viewer: @doc is a manual id (see above), or a
 * document key ("manual:<id>", or "sha256:<hex>" for a PDF the user added); @dest (may be NULL) is a named destination
 * (every manual heading is one, e.g. "goal-planning") or "page=N" (1-based);
 * NULL opens at the page last read. FALSE when there is no such document. */
gboolean       cp_library_page_open         (CpLibraryPage *self,
                                             const char    *doc,
                                             const char    *dest);
/* Opens a PDF file without adding it to the library; the viewer then offers
 * "Add to Library" (action library.add-current). */
void           cp_library_page_open_file    (CpLibraryPage *self,
                                             GFile         *file);
/* Adds a PDF to the library (see cp-library-import.h); says what went wrong
 * in a dialog when it cannot. */
void           cp_library_page_import_file  (CpLibraryPage *self,
                                             GFile         *file);
/* Back to the list of documents. */
void           cp_library_page_show_list    (CpLibraryPage *self);

/* Searches every manual at once (as typing in the library's search entry
 * does); the results are grouped by manual and chapter. */
void           cp_library_page_search       (CpLibraryPage *self,
                                             const char    *text);
gboolean       cp_library_page_get_search_done (CpLibraryPage *self);
guint          cp_library_page_get_n_search_hits (CpLibraryPage *self);

CpPdfViewer   *cp_library_page_get_viewer   (CpLibraryPage *self);
/* The row of a document in the list (a manual id), for tests. */
GtkWidget     *cp_library_page_get_row      (CpLibraryPage *self,
                                             const char    *doc);

G_END_DECLS
