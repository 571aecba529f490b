/* cp-pdf-engine.c: poppler-glib, loaded when the first document opens
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf"

#include "cp-pdf-engine-private.h"

CP_LAZY_LIB_DEFINE (_cp_pdf_engine, CP_PDF_ENGINE_SYMBOLS, CP_POPPLER_GLIB_SONAME, NULL)
