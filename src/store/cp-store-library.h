/* cp-store-library.h: the Library's records in the workspace (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* Documents are known by a key: "manual:<id>" for a bundled manual (training-manual,
 * your-guide, your-guide-large-print), "sha256:<hex>" for a PDF the user imported.
 *
 * The reading state of a document (last page, zoom, sizing, night mode) is not an undo
 * step: turning pages is not an edit. Setting it emits ::changed with
 * { "document_view" } when it changed. */

typedef enum
{
  CP_LIBRARY_SIZING_FREE,
  CP_LIBRARY_SIZING_FIT_WIDTH,
  CP_LIBRARY_SIZING_FIT_PAGE,
} CpLibrarySizing;

typedef enum
{
  CP_LIBRARY_NIGHT_SYSTEM,   /* follow the desktop's dark style */
  CP_LIBRARY_NIGHT_ON,
  CP_LIBRARY_NIGHT_OFF,
} CpLibraryNightMode;

typedef struct
{
  guint              last_page;   /* 0-based */
  guint              n_pages;     /* 0 when never opened */
  double             zoom;        /* 0.25 .. 4.0 */
  CpLibrarySizing    sizing;
  CpLibraryNightMode night_mode;
} CpLibraryViewState;

#define CP_LIBRARY_MANUAL_PREFIX "manual:"
#define CP_LIBRARY_SHA256_PREFIX "sha256:"

/* Fills @state with the stored state of @key, or the defaults (page 0, fit width,
 * 100 %, system night mode) when there is none; @found (may be NULL) says which. */
gboolean     cp_store_library_get_view     (CpStore             *self,
                                            const char          *key,
                                            CpLibraryViewState  *state,
                                            gboolean            *found,
                                            GError             **error);
/* Stores @state for @key (not an undo step). Values out of range are clamped.
 * READ_ONLY on a read-only store. */
gboolean     cp_store_library_set_view     (CpStore                  *self,
                                            const char               *key,
                                            const CpLibraryViewState *state,
                                            GError                  **error);

/* ---- Imported documents -------------------------------------------------------------- */

/* A PDF the user added. Its file is cp_store_library_dup_file_path (sha256). */
typedef struct
{
  gint64  id;
  char   *key;         /* "sha256:<hex>" */
  char   *title;
  char   *file_name;   /* the name it had when it was added */
  char   *sha256;
  guint   n_pages;     /* 0 when unknown (a locked PDF) */
  char   *added_at;    /* ISO 8601 UTC */
} CpLibraryDocument;

void               cp_library_document_free          (CpLibraryDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpLibraryDocument, cp_library_document_free)

/* The workspace's library folder: <workspace folder>/library/<workspace name>, so two
 * workspaces in one folder never share (or delete) each other's files; from the real
 * path (symlinks resolved). A file that an older version put in the folder beside a
 * symlinked name is still found by cp_store_library_dup_file_path. */
char              *cp_store_library_dup_folder       (CpStore     *self);
/* NULL when @sha256 is not 64 lower-case hex digits: checked at run time, so that a
 * crafted workspace cannot point outside the library folder. */
char              *cp_store_library_dup_file_path    (CpStore     *self,
                                                      const char  *sha256);
/* Every imported document, most recently added first (CpLibraryDocument). A row whose
 * sha256 is not 64 lower-case hex digits (a crafted or damaged file) is left out. */
GPtrArray         *cp_store_library_list_documents   (CpStore     *self,
                                                      GError     **error);
/* The document with @key, or NULL (NOT_FOUND; CORRUPT when its sha256 is not 64
 * lower-case hex digits). */
CpLibraryDocument *cp_store_library_find_document    (CpStore     *self,
                                                      const char  *key,
                                                      GError     **error);
/* Adds a row for a file already in the library folder: one undo step ("Add to
 * library"). TRUE without a step when the document is there already. CONSTRAINT when
 * @sha256 is not 64 hex digits. Emits ::changed with { "document" }. */
gboolean           cp_store_library_add_document     (CpStore     *self,
                                                      const char  *sha256,
                                                      const char  *title,
                                                      const char  *file_name,
                                                      guint        n_pages,
                                                      GError     **error);
/* Removes the document and its bookmarks: one undo step ("Remove from library").
 * The file stays until cp_store_library_collect_files () finds nothing that refers to
 * it. NOT_FOUND when there is no such document. */
gboolean           cp_store_library_remove_document  (CpStore     *self,
                                                      const char  *key,
                                                      GError     **error);
/* Deletes the files of the library folder that no row and no undo or redo step
 * refers to, and import leftovers (".import-*"). @n_deleted may be NULL. */
gboolean           cp_store_library_collect_files    (CpStore     *self,
                                                      guint       *n_deleted,
                                                      GError     **error);
/* Whether @sha256 is 64 lower-case hex digits. */
gboolean           cp_library_is_sha256              (const char  *sha256);

/* ---- Bookmarks and highlights ------------------------------------------------------------ */

typedef enum
{
  CP_LIBRARY_MARK_BOOKMARK,
  CP_LIBRARY_MARK_HIGHLIGHT,
} CpLibraryMarkKind;

/* A bookmark or highlight, anchored three ways so it stays in place when a manual is
 * rebuilt: the nearest named destination before it, its text (the selection, or the
 * first line in view for a bookmark), and the page it was on. */
typedef struct
{
  gint64             id;
  char              *doc_key;
  CpLibraryMarkKind  kind;
  guint              page;      /* 0-based, when it was made */
  char              *dest;      /* may be NULL */
  char              *quote;     /* never NULL */
  char              *rects;     /* "x y w h;…" in points, may be empty */
  char              *note;      /* never NULL */
  char              *colour;    /* yellow, green, blue, pink */
  char              *created_at;
} CpLibraryMark;

void               cp_library_mark_free              (CpLibraryMark *mark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpLibraryMark, cp_library_mark_free)

/* The marks of @doc_key (NULL: of every document) in page order, only those whose
 * note or text contains @search (case-insensitive; NULL or "": all). */
GPtrArray         *cp_store_library_list_marks       (CpStore              *self,
                                                      const char           *doc_key,
                                                      const char           *search,
                                                      GError              **error);
/* Adds @mark (its id and created_at are ignored): one undo step ("Add bookmark" or
 * "Add highlight"). Returns the new id, or 0 with @error set. Emits ::changed with
 * { "bookmark" }. */
gint64             cp_store_library_add_mark         (CpStore              *self,
                                                      const CpLibraryMark  *mark,
                                                      GError              **error);
/* Typing a note: one undo step, merged with the next few seconds of typing. */
gboolean           cp_store_library_set_mark_note    (CpStore              *self,
                                                      gint64                id,
                                                      const char           *note,
                                                      GError              **error);
gboolean           cp_store_library_remove_mark      (CpStore              *self,
                                                      gint64                id,
                                                      GError              **error);

G_END_DECLS
