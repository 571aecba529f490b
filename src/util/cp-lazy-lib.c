/* cp-lazy-lib.c: a shared library loaded the first time one of its functions is needed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-lazy-lib"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "cp-lazy-lib.h"

static gpointer
load_once (gpointer data)
{
  CpLazyLib *lib = data;
  GModule *module = g_module_open (lib->soname, G_MODULE_BIND_LOCAL);
  char *reason = NULL;

  if (module == NULL)
    {
      lib->error = g_strdup (g_module_error ());
      return NULL;
    }
  for (guint i = 0; i < lib->n_symbols; i++)
    if (!g_module_symbol (module, lib->names[i], &lib->symbols[i]) || lib->symbols[i] == NULL)
      {
        lib->error = g_strdup_printf ("%s: %s", lib->soname, lib->names[i]);
        break;
      }
  /* Its functions are called as if linked: make them callable before its own set-up. */
  if (lib->error == NULL && lib->ready != NULL && !lib->ready (&reason))
    lib->error = g_strdup_printf ("%s: %s", lib->soname, reason);
  g_free (reason);
  if (lib->error != NULL)
    {
      memset (lib->symbols, 0, lib->n_symbols * sizeof (gpointer));
      g_module_close (module);
      return NULL;
    }
  /* Libraries that register types or keep state stay for the life of the process. */
  g_module_make_resident (module);
  return GINT_TO_POINTER (TRUE);
}

/**
 * cp_lazy_lib_load:
 * @lib: the library
 * @error: where to say why it could not be loaded
 *
 * Loads @lib and looks up every function it lists, once; safe from any thread. Each
 * caller that starts work needing @lib calls this first and reports the error.
 *
 * Returns: whether @lib is loaded
 */
gboolean
cp_lazy_lib_load (CpLazyLib  *lib,
                  GError    **error)
{
  if (g_once (&lib->once, load_once, lib) != NULL)
    return TRUE;
  /* TRANSLATORS: the first %s is a library's file name, the second the system's reason,
   * in English */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("A library the app needs (%s) could not be loaded: %s"), lib->soname,
               lib->error);
  return FALSE;
}

/**
 * cp_lazy_lib_symbol:
 * @lib: the library
 * @index: a function's place in its list
 *
 * The function, loading @lib if no caller has yet. Work reaches a call only after
 * cp_lazy_lib_load() succeeded, so a library that cannot be loaded here is a programming
 * error, and ends the process.
 *
 * Returns: (not nullable): the function
 */
gpointer
cp_lazy_lib_symbol (CpLazyLib *lib,
                    guint      index)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (index < lib->n_symbols, NULL);

  if (G_LIKELY (lib->symbols[index] != NULL))
    return lib->symbols[index];
  if (!cp_lazy_lib_load (lib, &error))
    g_error ("%s", error->message);
  return lib->symbols[index];
}
