/* cp-typeset-cmark.c: cmark-gfm, loaded when the first chapter is parsed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include "cp-typeset-cmark-private.h"

CP_LAZY_LIB_DEFINE (_cp_ts_cmark, CP_CMARK_SYMBOLS, CP_CMARK_SONAME, NULL)

/* The extensions (tables) register themselves with cmark-gfm once. */
static gboolean
extensions_registered (char **reason)
{
  cmark_gfm_core_extensions_ensure_registered ();
  return TRUE;
}

CP_LAZY_LIB_DEFINE (_cp_ts_cmark_extensions, CP_CMARK_EXTENSIONS_SYMBOLS,
                    CP_CMARK_EXTENSIONS_SONAME, extensions_registered)

/* Loads cmark-gfm and its extensions once; FALSE, with @error set, when they cannot be.
 * Safe from any thread. */
gboolean
_cp_ts_markdown_load (GError **error)
{
  return _cp_ts_cmark_load (error) && _cp_ts_cmark_extensions_load (error);
}
