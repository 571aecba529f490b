/* cp-pdf-engine.c: poppler-glib, loaded when the first document opens
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "cp-pdf-engine-private.h"

/* poppler-glib's ABI name: the same since poppler 0.18 (2011), and in Debian 12. */
#define CP_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"

static const char * const symbol_names[CP_PDF_ENGINE_N_SYMBOLS] = {
#define CP_PDF_ENGINE_NAME(name) #name,
  CP_PDF_ENGINE_SYMBOLS (CP_PDF_ENGINE_NAME)
#undef CP_PDF_ENGINE_NAME
};

static gpointer symbols[CP_PDF_ENGINE_N_SYMBOLS];
static char *load_error;   /* why the engine could not be loaded, once tried */

static gpointer
load_once (gpointer data)
{
  GModule *module = g_module_open (CP_POPPLER_GLIB_SONAME, G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      load_error = g_strdup (g_module_error ());
      return NULL;
    }
  for (guint i = 0; i < CP_PDF_ENGINE_N_SYMBOLS; i++)
    if (!g_module_symbol (module, symbol_names[i], &symbols[i]) || symbols[i] == NULL)
      {
        load_error = g_strdup_printf ("%s: %s", CP_POPPLER_GLIB_SONAME, symbol_names[i]);
        g_module_close (module);
        memset (symbols, 0, sizeof symbols);
        return NULL;
      }
  /* Its types stay registered for the life of the process. */
  g_module_make_resident (module);
  return GINT_TO_POINTER (TRUE);
}

/* Loads the engine once; FALSE, with @error set, when it cannot be loaded. Safe from any
 * thread. */
gboolean
_cp_pdf_engine_load (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  if (g_once (&once, load_once, NULL) != NULL)
    return TRUE;
  /* TRANSLATORS: %s is the system's reason, in English */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("The PDF engine could not be loaded: %s"), load_error);
  return FALSE;
}

/* The engine's @symbol. A document exists only once the engine loaded, so callers past
 * the opening of one never see NULL. */
gpointer
_cp_pdf_engine_symbol (CpPdfEngineSymbol symbol)
{
  g_return_val_if_fail (symbol < CP_PDF_ENGINE_N_SYMBOLS, NULL);

  if (G_UNLIKELY (symbols[symbol] == NULL) && !_cp_pdf_engine_load (NULL))
    g_error ("The PDF engine is not loaded");
  return symbols[symbol];
}
