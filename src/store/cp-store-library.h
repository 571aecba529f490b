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

G_END_DECLS
