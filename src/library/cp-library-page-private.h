/* cp-library-page-private.h: shared between the files of CpLibraryPage
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-library-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *title;
} CpManualInfo;

#define N_MANUALS 3

typedef struct
{
  CpPdfDocument *document;
  AdwActionRow  *row;
  GtkPicture    *thumbnail;
  char          *key;
} CpManualEntry;

struct _CpLibraryPage
{
  GtkWidget      parent_instance;

  CpStore       *store;
  gboolean       folded;
  GCancellable  *cancellable;
  CpManualEntry  entries[N_MANUALS];
  gboolean       manuals_loading; /* covers asked for, after the first frame shown */
  CpPdfViewer   *viewer;

  AdwLeaflet    *leaflet;
  GtkWidget     *list_pane;
  GtkWidget     *list_scroller;
  AdwHeaderBar  *list_header;
  GtkWidget     *sections_button;
  GtkListBox    *manuals_list;
  GtkListBox    *documents_list;
  GtkWidget     *import_button;

  GtkSearchEntry *search_entry;
  GtkWidget     *search_box;
  GtkLabel      *search_status;
  GtkListBox    *search_list;
  GtkWidget     *browse_box;

  /* Search across the manuals and the user's PDFs */
  GCancellable  *search_cancellable;
  char          *search_text;
  GPtrArray     *search_sources;           /* CpLibrarySearchSource, in the list's order */
  GPtrArray     *search_rows;              /* per row: CpLibrarySearchRow or NULL */
  guint          search_pending;
  GHashTable    *search_documents;         /* key → CpPdfDocument: the user's PDFs, opened */

  GtkNativeDialog *chooser;   /* weak: the import chooser while it is open */
  guint          n_importing;
};

typedef struct
{
  char          *key;       /* a manual id or a document key: cp_library_page_open () */
  char          *title;
  CpPdfDocument *document;  /* NULL until opened */
  GPtrArray     *hits;      /* CpPdfFindHit */
} CpLibrarySearchSource;

typedef struct
{
  char  *key;
  guint  page;
} CpLibrarySearchRow;

/* cp-library-page.c */
const char *_cp_library_page_manual_id       (guint          index);
void        _cp_library_page_show_viewer     (CpLibraryPage *self);

/* cp-library-page-search.c: one search across every manual and the user's PDFs */
void     _cp_library_page_search_changed     (CpLibraryPage *self);
void     _cp_library_page_search_activated   (CpLibraryPage *self,
                                              GtkListBoxRow *row);
void     _cp_library_page_search_clear       (CpLibraryPage *self);
/* The user's PDFs changed: forget the ones opened for searching. */
void     _cp_library_page_search_forget      (CpLibraryPage *self);

void     _cp_library_page_collect_files      (CpLibraryPage *self);

/* cp-library-page-documents.c: the PDFs the user added */
void     _cp_library_page_reload_documents   (CpLibraryPage *self);
gboolean _cp_library_page_open_imported      (CpLibraryPage *self,
                                              const char    *key,
                                              const char    *dest);
void     _cp_library_page_import_action      (GtkWidget     *widget,
                                              const char    *action_name,
                                              GVariant      *parameter);
void     _cp_library_page_add_current_action (GtkWidget     *widget,
                                              const char    *action_name,
                                              GVariant      *parameter);

G_END_DECLS
